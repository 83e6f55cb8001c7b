import { nameWords } from "./name_words";
import { textTokens } from "./text_tokens";

/** A company name as comparable words: normalized, folded (Müller = Mueller = MULLER), legal forms dropped. */
export function nameTokens(name: string): string[] {
  return nameWords(textTokens(name));
}
