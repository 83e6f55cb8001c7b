import { fold } from "./fold";
import { normalizeText } from "./normalize";
import { tokens } from "./tokens";
import { LEGAL_SUFFIXES } from "./vocabulary";

/** A company name as comparable words: normalized, folded (Müller = Mueller = MULLER), legal forms dropped. */
export function nameTokens(name: string): string[] {
  const words = tokens(normalizeText(name)).map(fold);
  const kept = words.filter((w) => !LEGAL_SUFFIXES.has(w) && w.length >= 2);
  return kept.length > 0 ? kept : words.filter((w) => w.length >= 2);
}
