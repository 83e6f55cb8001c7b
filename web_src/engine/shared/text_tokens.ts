import { MAX_LABEL_LENGTH } from "../../contracts/text_limits";
import { normalizeText } from "./normalize_text";
import { MAX_TOKENS, tokens } from "./tokens";

/**
 * `tokens(normalizeText(text))` in one pass: the runs of letters and digits, upper-cased, without building the
 * normalized string first. Plain ASCII is read directly; Latin, Arabic and punctuation characters are replaced
 * by their normalized form, worked out once per character (normalizing them one by one gives the same text as
 * normalizing the whole: none of them combines with its neighbours). Any other character sends the text down the
 * full Unicode path, so the result is always the same.
 */
export function textTokens(text: string): string[] {
  const length = Math.min(text.length, MAX_LABEL_LENGTH);
  const found: string[] = [];
  /** Start of the plain run not yet copied into `token`, or -1. */
  let start = -1;
  let lower = false;
  /** The current token so far when it holds normalized characters ("" while it is one plain run). */
  let token = "";
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
    let form = " ";
    if (c > 126 || (c < 32 && c !== 9 && c !== 10 && c !== 13)) {
      const known = charForm(c);
      if (known === null) return tokens(normalizeText(text));
      form = known;
    }
    for (let f = 0; f < form.length; f++) {
      if (form.charCodeAt(f) !== 32) {
        if (start >= 0) {
          token += lower ? text.slice(start, k).toUpperCase() : text.slice(start, k);
          start = -1;
          lower = false;
        }
        token += form.charAt(f);
        continue;
      }
      if (start < 0 && token === "") continue;
      // Past the last token kept, nothing further can change the tokens: stop reading.
      if (found.length === MAX_TOKENS) return found;
      if (start >= 0) {
        const run = lower ? text.slice(start, k).toUpperCase() : text.slice(start, k);
        found.push(token === "" ? run : token + run);
      } else {
        found.push(token);
      }
      start = -1;
      lower = false;
      token = "";
    }
  }
  if (found.length < MAX_TOKENS) {
    if (start >= 0) {
      const run = lower ? text.slice(start, length).toUpperCase() : text.slice(start, length);
      found.push(token === "" ? run : token + run);
    } else if (token !== "") {
      found.push(token);
    }
  }
  return found;
}

const forms = new Map<number, string>();
const NOT_WORD = /[^\p{L}\p{N}]/gu;

/**
 * The normalized form of one character, separators as spaces ("Ü" → "UE", "É" → "E", "½" → "1 2", "\u202E" →
 * " "), or null for a character that may combine with its neighbours (or is outside the blocks checked).
 */
export function charForm(c: number): string | null {
  if (!((c >= 0 && c <= 0x24f) || (c >= 0x600 && c <= 0x6ff) || (c >= 0x2000 && c <= 0x206f))) return null;
  // Combining marks and Arabic vowel signs attach to what precedes them: only the whole text decides.
  if ((c >= 0x64b && c <= 0x65f) || c === 0x670 || (c >= 0x610 && c <= 0x61a) || (c >= 0x6d6 && c <= 0x6ed)) return null;
  let form = forms.get(c);
  if (form === undefined) {
    const normalized = normalizeText(`A${String.fromCharCode(c)}A`);
    // normalizeText trims and collapses: the A's keep the separators at the edges visible.
    form = normalized.slice(1, -1).replace(NOT_WORD, " ");
    forms.set(c, form);
  }
  return form;
}
