import { fold } from "./fold";
import { BANK_BOILERPLATE, LEGAL_SUFFIXES } from "./vocabulary";

const MAX_SIGNAL_TOKENS = 32;
const HAS_LETTER = /\p{L}/u;
const ALPHA = /^\p{L}+$/u;
/** Bound of the token memo: it is cleared when full, so a stream of one-off references cannot grow it. */
const MAX_MEMO = 50_000;

/** What signalTokens needs to know about one normalized token, worked out once per distinct token. */
interface TokenTrait {
  word: string;
  useful: boolean;
  /** Useful and letters only: part of a run of words that may have an acronym. */
  alpha: boolean;
}

const traits = new Map<string, TokenTrait>();
const NUMBER: TokenTrait = { word: "", useful: false, alpha: false };
/** Vocabulary words with a digit: the only ones a token of letters and digits can be. */
const VOCABULARY_WITH_DIGITS: readonly string[] = [...BANK_BOILERPLATE, ...LEGAL_SUFFIXES].filter((w) => /\d/.test(w));

function traitOf(raw: string): TokenTrait {
  // Tokens with ASCII digits are mostly one-off references and amounts: worked out directly, never memoized.
  const shape = asciiShape(raw);
  if (shape === ALL_DIGITS) return NUMBER;
  if (shape === LETTERS_AND_DIGITS) {
    const word = fold(raw);
    return { word, useful: word.length >= 2 && !VOCABULARY_WITH_DIGITS.includes(word), alpha: false };
  }
  let trait = traits.get(raw);
  if (trait === undefined) {
    const word = fold(raw);
    const useful = word.length >= 2 && HAS_LETTER.test(word) && !BANK_BOILERPLATE.has(word) && !LEGAL_SUFFIXES.has(word);
    trait = { word, useful, alpha: useful && ALPHA.test(word) };
    if (traits.size >= MAX_MEMO) traits.clear();
    traits.set(raw, trait);
  }
  return trait;
}

const OTHER = 0;
const ALL_DIGITS = 1;
const LETTERS_AND_DIGITS = 2;

/** ALL_DIGITS or LETTERS_AND_DIGITS for a token of A–Z and 0–9 with at least one digit; OTHER otherwise. */
function asciiShape(tok: string): number {
  let digits = 0;
  for (let k = 0; k < tok.length; k++) {
    const c = tok.charCodeAt(k);
    if (c >= 48 && c <= 57) digits++;
    else if (c < 65 || c > 90) return OTHER;
  }
  return digits === 0 ? OTHER : digits === tok.length ? ALL_DIGITS : LETTERS_AND_DIGITS;
}

/**
 * The words of a normalized, tokenized label that can tell who or what a payment is for: folded, without bank
 * boilerplate, legal forms or bare numbers, plus (for a statement line, not for what it is compared with) the
 * acronym of every run of 3–4 words: AMAZON WEB SERVICES also yields AWS. At most 32, in order of appearance.
 */
export function signalTokens(toks: readonly string[], withAcronyms = true): string[] {
  return signalTokensOf(NO_TOKENS, toks, withAcronyms);
}

/** signalTokens of `first` followed by `then`, without joining the two lists. */
export function signalTokensOf(first: readonly string[], then: readonly string[], withAcronyms: boolean): string[] {
  const out: string[] = [];
  const run = RUN;
  let runLength = 0;
  const total = first.length + then.length;
  for (let k = 0; k < total; k++) {
    if (out.length >= MAX_SIGNAL_TOKENS) break;
    const raw = (k < first.length ? first[k] : then[k - first.length]) as string;
    const trait = traitOf(raw);
    if (trait.useful) addSignal(out, trait.word);
    if (trait.alpha) run[runLength++] = raw;
    else if (runLength > 0) {
      if (withAcronyms) addAcronyms(run, runLength, out);
      runLength = 0;
    }
  }
  if (runLength > 0 && withAcronyms) addAcronyms(run, runLength, out);
  return out;
}

const NO_TOKENS: readonly string[] = [];
/** The run of words being read is [0, runLength) of this array, reused from call to call. */
const RUN: string[] = [];

/** Adds a word not yet there, up to MAX_SIGNAL_TOKENS (the list is short: a scan beats a set). */
function addSignal(out: string[], word: string): void {
  if (out.length >= MAX_SIGNAL_TOKENS) return;
  for (let k = 0; k < out.length; k++) if (out[k] === word) return;
  out.push(word);
}

/** Adds the acronyms of every 3 and 4 consecutive words of the run. */
function addAcronyms(run: readonly string[], length: number, out: string[]): void {
  for (let len = 3; len <= 4 && out.length < MAX_SIGNAL_TOKENS; len++) {
    for (let i = 0; i + len <= length && out.length < MAX_SIGNAL_TOKENS; i++) {
      let acronym = "";
      for (let k = i; k < i + len; k++) acronym += (run[k] as string).charAt(0);
      addSignal(out, acronym);
    }
  }
}
