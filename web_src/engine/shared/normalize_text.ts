import { MAX_LABEL_LENGTH } from "../../contracts/text_limits";

// Letters NFKD does not decompose (or decomposes the "wrong" way for German/Nordic names): transliterate first.
const TRANSLITERATIONS: Readonly<Record<string, string>> = {
  ß: "SS", ẞ: "SS", Æ: "AE", æ: "AE", Ø: "O", ø: "O", Œ: "OE", œ: "OE", Þ: "TH", þ: "TH",
  Đ: "D", đ: "D", Ł: "L", ł: "L", Ä: "AE", ä: "AE", Ö: "OE", ö: "OE", Ü: "UE", ü: "UE", ı: "I",
};
const TRANSLITERABLE = /[ßẞÆæØøŒœÞþĐđŁłÄäÖöÜüı]/g;
const COMBINING_MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const PLAIN_ASCII = /^[\t\n\r\x20-\x7e]*$/;
const NOT_ASCII_WORD = /[^A-Z0-9]+/g;

/**
 * Bank text as the engine compares it: upper case, Latin letters transliterated (Müller → MUELLER, Ça → CA),
 * everything that is not a letter or a digit (punctuation, control characters, emoji, bidi marks) turned into a
 * single space. The input is cut at MAX_LABEL_LENGTH first, whatever the caller promised.
 */
export function normalizeText(text: string): string {
  const cut = text.length > MAX_LABEL_LENGTH ? text.slice(0, MAX_LABEL_LENGTH) : text;
  if (PLAIN_ASCII.test(cut)) return cut.toUpperCase().replace(NOT_ASCII_WORD, " ").trim();
  return cut
    .replace(TRANSLITERABLE, (ch) => TRANSLITERATIONS[ch] ?? ch)
    .normalize("NFKD")
    .replace(COMBINING_MARKS, "")
    .toUpperCase()
    .replace(NOT_WORD, " ")
    .trim();
}
