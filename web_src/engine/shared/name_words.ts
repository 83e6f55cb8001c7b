import { fold } from "./fold";
import { LEGAL_SUFFIXES } from "./vocabulary";

/** Tokens of a normalized name as comparable words: folded (Müller = Mueller = MULLER), legal forms dropped. */
export function nameWords(toks: readonly string[]): string[] {
  const kept: string[] = [];
  let longEnough = 0;
  for (let k = 0; k < toks.length; k++) {
    const word = fold(toks[k] as string);
    if (word.length < 2) continue;
    longEnough++;
    if (!LEGAL_SUFFIXES.has(word)) kept.push(word);
  }
  if (kept.length > 0 || longEnough === 0) return kept;
  // Only legal forms (a company called "AG"): keep them rather than nothing.
  const words: string[] = [];
  for (let k = 0; k < toks.length; k++) {
    const word = fold(toks[k] as string);
    if (word.length >= 2) words.push(word);
  }
  return words;
}
