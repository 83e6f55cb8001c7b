import { fold } from "./fold";
import { LEGAL_SUFFIXES } from "./vocabulary";

/** Tokens of a normalized name as comparable words: folded (Müller = Mueller = MULLER), legal forms dropped. */
export function nameWords(toks: readonly string[]): string[] {
  const words = toks.map(fold);
  const kept = words.filter((w) => !LEGAL_SUFFIXES.has(w) && w.length >= 2);
  return kept.length > 0 ? kept : words.filter((w) => w.length >= 2);
}
