import { compactStrength, type ReferenceKey } from "./referenceKey";
import { yearSequenceKeys } from "./yearSequence";

/** Widest run of adjacent tokens glued back together: banks split references on spaces, slashes and line ends. */
const MAX_WINDOW = 5;
const MAX_COMPACT_LENGTH = 40;
const INVOICE_WORDS = new Set([
  "INV", "INVOICE", "FACTURE", "FACT", "FAKTURA", "FACTUUR", "FATTURA", "RECHNUNG", "RECHNUNGSNR", "RE", "RG",
  "RGNR", "BILL", "NR", "NO", "NUMBER",
]);
const FILLER = new Set(["NR", "NO", "NUMBER", "N", "NUM"]);
const SHORT_NUMBER = /^\d{1,7}$/;
const DIGIT = /\d/;
const WORD_NUMBER = /^(?:INV|RE|RG|NR|NO)(\d{1,7})$/;

/**
 * Every reference a customer or a bank may have typed in a (normalized, tokenized) label: compact runs of up to
 * five tokens (INV 2026 00042 → INV202600042, +++123/4567/89012+++ → 123456789012, RF18 5390 … → RF18539…),
 * year/sequence forms and "invoice 42". Keys are looked up in the candidate index, so a key that matches nothing
 * costs one map lookup. `mayStartKey(compact)` (optional) says whether any key worth finding could start with
 * this compact run; when it says no, the longer runs from the same token are not built at all.
 */
export function extractReferenceKeys(toks: readonly string[], mayStartKey?: (compact: string) => boolean): ReferenceKey[] {
  const found = new Map<string, ReferenceKey>();
  const add = (ref: ReferenceKey): void => {
    const known = found.get(ref.key);
    if (known === undefined || known.strength < ref.strength) found.set(ref.key, ref);
  };
  for (let i = 0; i < toks.length; i++) {
    let compact = "";
    let snippet = "";
    let hasDigit = false;
    for (let w = 0; w < MAX_WINDOW && i + w < toks.length; w++) {
      const tok = toks[i + w] as string;
      compact += tok;
      if (compact.length > MAX_COMPACT_LENGTH) break;
      if (mayStartKey !== undefined && !mayStartKey(compact)) break;
      snippet = w === 0 ? tok : `${snippet} ${tok}`;
      hasDigit ||= DIGIT.test(tok);
      if (hasDigit && compact.length >= 4) {
        add({ key: `C:${compact}`, strength: compactStrength(compact), snippet, invoiceLike: false });
      }
    }
    const tok = toks[i] as string;
    const glued = WORD_NUMBER.exec(tok);
    if (glued) {
      add({ key: `N:${Number(glued[1])}`, strength: 0.5, snippet: tok, invoiceLike: false });
    } else if (INVOICE_WORDS.has(tok)) {
      let j = i + 1;
      while (j < toks.length && j <= i + 2 && FILLER.has(toks[j] as string)) j++;
      const num = toks[j];
      if (num !== undefined && SHORT_NUMBER.test(num) && Number(num) > 0) {
        add({ key: `N:${Number(num)}`, strength: 0.5, snippet: toks.slice(i, j + 1).join(" "), invoiceLike: false });
      }
    }
  }
  for (const key of yearSequenceKeys(toks)) add(key);
  return [...found.values()];
}
