const VOWEL_E = /[AOU]E/g;

/**
 * Spelling-independent form of a normalized word, for names only: MUELLER, MULLER (from Müller without
 * transliteration) and MÜLLER all fold to MULLER. Applied to both sides of a comparison, so it need not be a word.
 */
export function fold(word: string): string {
  if (word.length < 3 || !VOWEL_E.test(word)) return word;
  return word.replace(VOWEL_E, (pair) => pair.charAt(0));
}
