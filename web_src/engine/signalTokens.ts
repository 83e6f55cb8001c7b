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
  const out = new Set<string>();
  const run: string[] = [];
  for (const raw of toks) {
    if (out.size >= MAX_SIGNAL_TOKENS) break;
    const trait = traitOf(raw);
    if (trait.useful) out.add(trait.word);
    if (trait.alpha) run.push(raw);
    else if (run.length > 0) flushAcronyms(run, out, withAcronyms);
  }
  if (run.length > 0) flushAcronyms(run, out, withAcronyms);
  const all = [...out];
  return all.length > MAX_SIGNAL_TOKENS ? all.slice(0, MAX_SIGNAL_TOKENS) : all;
}

/** Adds the acronyms of every 3 and 4 consecutive words of `run` (when wanted) and empties the run. */
function flushAcronyms(run: string[], out: Set<string>, withAcronyms: boolean): void {
  if (withAcronyms) {
    for (let len = 3; len <= 4; len++) {
      for (let i = 0; i + len <= run.length; i++) {
        let acronym = "";
        for (let k = i; k < i + len; k++) acronym += (run[k] as string).charAt(0);
        out.add(acronym);
      }
    }
  }
  run.length = 0;
}
