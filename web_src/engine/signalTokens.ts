import { fold } from "./fold";
import { BANK_BOILERPLATE, LEGAL_SUFFIXES } from "./vocabulary";

const MAX_SIGNAL_TOKENS = 32;
const HAS_LETTER = /\p{L}/u;
const ALPHA = /^\p{L}+$/u;

/**
 * The words of a normalized, tokenized label that can tell who or what a payment is for: folded, without bank
 * boilerplate, legal forms or bare numbers, plus (for a statement line, not for what it is compared with) the
 * acronym of every run of 3–4 words: AMAZON WEB SERVICES also yields AWS. At most 32, in order of appearance.
 */
export function signalTokens(toks: readonly string[], withAcronyms = true): string[] {
  const out = new Set<string>();
  let run: string[] = [];
  const flushAcronyms = (): void => {
    if (!withAcronyms) {
      run = [];
      return;
    }
    for (let len = 3; len <= 4; len++) {
      for (let i = 0; i + len <= run.length; i++) {
        out.add(run.slice(i, i + len).map((w) => w[0] as string).join(""));
      }
    }
    run = [];
  };
  for (const raw of toks) {
    if (out.size >= MAX_SIGNAL_TOKENS) break;
    const word = fold(raw);
    const useful = word.length >= 2 && HAS_LETTER.test(word) && !BANK_BOILERPLATE.has(word) && !LEGAL_SUFFIXES.has(word);
    if (useful) out.add(word);
    if (useful && ALPHA.test(word) && word.length >= 2) run.push(raw);
    else flushAcronyms();
  }
  flushAcronyms();
  return [...out].slice(0, MAX_SIGNAL_TOKENS);
}
