/**
 * Spelling-independent form of a normalized word, for names only: MUELLER, MULLER (from Müller without
 * transliteration) and MÜLLER all fold to MULLER. Applied to both sides of a comparison, so it need not be a word.
 * Every AE, OE and UE, left to right and not overlapping, loses its E (what `replace(/[AOU]E/g, …)` does), read
 * character by character: most words have none, and this runs for every word of every line.
 */
export function fold(word: string): string {
  if (word.length < 3) return word;
  const first = firstVowelE(word, 0);
  if (first < 0) return word;
  let out = word.slice(0, first + 1);
  let from = first + 2;
  for (let at = firstVowelE(word, from); at >= 0; at = firstVowelE(word, from)) {
    out += word.slice(from, at + 1);
    from = at + 2;
  }
  return from >= word.length ? out : out + word.slice(from);
}

/** Position of the first A, O or U followed by E at or after `from`, or -1. */
function firstVowelE(word: string, from: number): number {
  for (let k = from; k + 1 < word.length; k++) {
    const c = word.charCodeAt(k);
    if ((c === 65 || c === 79 || c === 85) && word.charCodeAt(k + 1) === 69) return k;
  }
  return -1;
}
