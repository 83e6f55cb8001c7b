import { compactStrength, NO_CODE, numberCode, type ReferenceKey } from "./referenceKey";
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
const WORD_NUMBER = /^(?:INV|RE|RG|NR|NO)(\d{1,7})$/;

/**
 * Every reference a customer or a bank may have typed in a (normalized, tokenized) label: compact runs of up to
 * five tokens (INV 2026 00042 → INV202600042, +++123/4567/89012+++ → 123456789012, RF18 5390 … → RF18539…),
 * year/sequence forms and "invoice 42". Keys are looked up in the candidate index, so a key that matches nothing
 * costs one map lookup. `mayStartKey(compact)` (optional) says whether any key worth finding could start with
 * this compact run; when it says no, the longer runs from the same token are not built at all. Each key appears
 * once, with its strongest reading, in the order it was first found.
 */
export function extractReferenceKeys(toks: readonly string[], mayStartKey?: (compact: string) => boolean): ReferenceKey[] {
  const found = new KeyList();
  for (let i = 0; i < toks.length; i++) {
    let compact = "";
    let hasDigit = false;
    for (let w = 0; w < MAX_WINDOW && i + w < toks.length; w++) {
      const tok = toks[i + w] as string;
      compact += tok;
      if (compact.length > MAX_COMPACT_LENGTH) break;
      if (mayStartKey !== undefined && !mayStartKey(compact)) break;
      hasDigit ||= hasDigitChar(tok);
      if (hasDigit && compact.length >= 4) {
        found.add({ compact, code: NO_CODE, strength: compactStrength(compact), snippetStart: i, snippetEnd: i + w + 1, invoiceLike: false });
      }
    }
    const tok = toks[i] as string;
    const glued = tok.length >= 3 ? WORD_NUMBER.exec(tok) : null;
    if (glued) {
      found.add({ compact: "", code: numberCode(Number(glued[1])), strength: 0.5, snippetStart: i, snippetEnd: i + 1, invoiceLike: false });
    } else if (INVOICE_WORDS.has(tok)) {
      let j = i + 1;
      while (j < toks.length && j <= i + 2 && FILLER.has(toks[j] as string)) j++;
      const num = toks[j];
      if (num !== undefined && SHORT_NUMBER.test(num) && Number(num) > 0) {
        found.add({ compact: "", code: numberCode(Number(num)), strength: 0.5, snippetStart: i, snippetEnd: j + 1, invoiceLike: false });
      }
    }
  }
  for (const key of yearSequenceKeys(toks)) found.add(key);
  return found.keys;
}

/** Keys in the order first found, the strongest reading of each (compact keys by text, numbered keys by code). */
class KeyList {
  readonly keys: ReferenceKey[] = [];
  private readonly byCompact = new Map<string, number>();
  private readonly byCode = new Map<number, number>();

  add(ref: ReferenceKey): void {
    const at = ref.code === NO_CODE ? this.byCompact.get(ref.compact) : this.byCode.get(ref.code);
    if (at === undefined) {
      if (ref.code === NO_CODE) this.byCompact.set(ref.compact, this.keys.length);
      else this.byCode.set(ref.code, this.keys.length);
      this.keys.push(ref);
    } else if ((this.keys[at] as ReferenceKey).strength < ref.strength) {
      this.keys[at] = ref;
    }
  }
}

function hasDigitChar(tok: string): boolean {
  for (let k = 0; k < tok.length; k++) {
    const c = tok.charCodeAt(k);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}
