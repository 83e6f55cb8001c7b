import { nameWords } from "./nameWords";
import { normalizeText } from "./normalize";
import { tokens } from "./tokens";

/** A company name as comparable words: normalized, folded (Müller = Mueller = MULLER), legal forms dropped. */
export function nameTokens(name: string): string[] {
  return nameWords(tokens(normalizeText(name)));
}
