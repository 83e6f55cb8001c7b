import { MAX_LABEL_LENGTH } from "../contracts/reconcile";
import { normalizeText } from "./normalize";
import { MAX_TOKENS, tokens } from "./tokens";

/**
 * `tokens(normalizeText(text))` in one pass for the usual plain-ASCII bank text: the runs of letters and digits,
 * upper-cased, without building the normalized string first. Any other character sends the text down the full
 * Unicode path, so the result is always the same.
 */
export function textTokens(text: string): string[] {
  const length = Math.min(text.length, MAX_LABEL_LENGTH);
  const found: string[] = [];
  let start = -1;
  let lower = false;
  for (let k = 0; k < length; k++) {
    const c = text.charCodeAt(k);
    if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57)) {
      if (start < 0) start = k;
      continue;
    }
    if (c >= 97 && c <= 122) {
      if (start < 0) start = k;
      lower = true;
      continue;
    }
    if (c > 126 || (c < 32 && c !== 9 && c !== 10 && c !== 13)) return tokens(normalizeText(text));
    if (start >= 0) {
      // Past the last token kept, nothing further can change the tokens: stop reading.
      if (found.length === MAX_TOKENS) return found;
      found.push(lower ? text.slice(start, k).toUpperCase() : text.slice(start, k));
      start = -1;
      lower = false;
    }
  }
  if (start >= 0 && found.length < MAX_TOKENS) found.push(lower ? text.slice(start, length).toUpperCase() : text.slice(start, length));
  return found;
}
