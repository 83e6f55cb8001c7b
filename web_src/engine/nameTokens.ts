import { nameWords } from "./nameWords";
import { textTokens } from "./textTokens";

/** A company name as comparable words: normalized, folded (Müller = Mueller = MULLER), legal forms dropped. */
export function nameTokens(name: string): string[] {
  return nameWords(textTokens(name));
}
