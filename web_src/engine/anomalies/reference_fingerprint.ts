/**
 * A reference reduced to what identifies it, so that the same invoice number written differently compares equal:
 * "INV-0042", "inv 42", "Inv. 00042" and "INV/42" all give "INV42". Letters are upper-cased and accents dropped,
 * separators removed, and leading zeros of every digit run dropped. "" when nothing identifying is left.
 */
export function referenceFingerprint(reference: string): string {
  const ascii = reference.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toUpperCase();
  const runs = ascii.match(/[A-Z]+|\d+/g) ?? [];
  return runs.map((run) => (/^\d/.test(run) ? run.replace(/^0+(?=\d)/, "") : run)).join("");
}

/** A fingerprint specific enough to call two references the same: some digits, at least 3 characters. */
export function isIdentifying(fingerprint: string): boolean {
  return fingerprint.length >= 3 && /\d/.test(fingerprint);
}
