import { compactStrength, NO_CODE, numberCode, type ReferenceKey } from "./reference_key";
import { yearSequenceKeys } from "./year_sequence_keys";

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
 * costs one map lookup. `prefixes` (optional) says whether any key worth finding could start with a compact run;
 * when it says no, the longer runs from the same token are not built at all. Each key appears once, with its
 * strongest reading, in the order it was first found.
 */
export function extractReferenceKeys(toks: readonly string[], prefixes?: CompactPrefixes): ReferenceKey[] {
  const found = new KeyList();
  for (let i = 0; i < toks.length; i++) {
    let compact = "";
    let hasDigit = false;
    // Lengths the keys starting like this run can have: once judged on its first prefixLength characters, the
    // answer holds for every longer run from this token.
    let judged = prefixes === undefined;
    let shortest = 0;
    let longest = MAX_COMPACT_LENGTH;
    for (let w = 0; w < MAX_WINDOW && i + w < toks.length; w++) {
      const tok = toks[i + w] as string;
      compact += tok;
      if (compact.length > MAX_COMPACT_LENGTH) break;
      if (!judged) {
        const lengths = (prefixes as CompactPrefixes).compactLengths(compact);
        if (lengths < 0) break;
        if (compact.length >= (prefixes as CompactPrefixes).prefixLength) {
          judged = true;
          shortest = Math.floor(lengths / 256);
          longest = lengths % 256;
        }
      }
      if (compact.length > longest) break;
      hasDigit ||= hasDigitChar(tok);
      if (hasDigit && compact.length >= 4 && compact.length >= shortest) {
        found.add({ compact, code: NO_CODE, strength: compactStrength(compact), snippetStart: i, snippetEnd: i + w + 1, invoiceLike: false });
      }
    }
    const tok = toks[i] as string;
    // INV42, RE42, RG42, NR42, NO42: an invoice word glued to its number (checked cheaply before the pattern).
    const last = tok.charCodeAt(tok.length - 1);
    const head = tok.charCodeAt(0);
    const glued = tok.length >= 3 && last >= 48 && last <= 57 && (head === 73 || head === 82 || head === 78) ? WORD_NUMBER.exec(tok) : null;
    if (glued) {
      found.add({ compact: "", code: numberCode(Number(glued[1])), strength: 0.5, snippetStart: i, snippetEnd: i + 1, invoiceLike: false });
    } else if (INVOICE_WORDS.has(tok)) {
      let j = i + 1;
      while (j < toks.length && j <= i + 2 && FILLER.has(toks[j] as string)) j++;
      const num = toks[j];
      // INV 2026 01346: a year followed by a number is the year of a year-and-sequence number, not invoice 2026.
      const yearThenNumber = num !== undefined && /^20\d\d$/.test(num) && /^\d+$/.test(toks[j + 1] ?? "");
      if (num !== undefined && !yearThenNumber && SHORT_NUMBER.test(num) && Number(num) > 0) {
        found.add({ compact: "", code: numberCode(Number(num)), strength: 0.5, snippetStart: i, snippetEnd: j + 1, invoiceLike: false });
      }
    }
  }
  for (const key of yearSequenceKeys(toks, true)) found.add(key);
  return found.keys;
}

/** What extractReferenceKeys may ask about the compact keys worth finding (see ReferencePostings). */
export interface CompactPrefixes {
  /** From this many characters on, the answer depends only on the first ones. */
  readonly prefixLength: number;
  /**
   * Shortest × 256 + longest length of the keys worth finding that start like this run; negative when none
   * does (for every extension too).
   */
  compactLengths(compact: string): number;
}

/**
 * Keys in the order first found, the strongest reading of each. A label yields a handful of keys: they are
 * compared in a list, and only a long list gets maps (compact keys by text, numbered keys by code).
 */
class KeyList {
  readonly keys: ReferenceKey[] = [];
  private byCompact: Map<string, number> | null = null;
  private byCode: Map<number, number> | null = null;

  add(ref: ReferenceKey): void {
    const at = this.find(ref);
    if (at < 0) {
      if (this.byCompact !== null) this.index(ref, this.keys.length);
      this.keys.push(ref);
      if (this.byCompact === null && this.keys.length > LIST_LIMIT) {
        this.byCompact = new Map();
        this.byCode = new Map();
        for (let k = 0; k < this.keys.length; k++) this.index(this.keys[k] as ReferenceKey, k);
      }
    } else if ((this.keys[at] as ReferenceKey).strength < ref.strength) {
      this.keys[at] = ref;
    }
  }

  private find(ref: ReferenceKey): number {
    if (this.byCompact !== null) {
      return (ref.code === NO_CODE ? this.byCompact.get(ref.compact) : (this.byCode as Map<number, number>).get(ref.code)) ?? -1;
    }
    const keys = this.keys;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as ReferenceKey;
      if (key.code === ref.code && key.compact === ref.compact) return k;
    }
    return -1;
  }

  private index(ref: ReferenceKey, at: number): void {
    if (ref.code === NO_CODE) (this.byCompact as Map<string, number>).set(ref.compact, at);
    else (this.byCode as Map<number, number>).set(ref.code, at);
  }
}

const LIST_LIMIT = 24;

function hasDigitChar(tok: string): boolean {
  for (let k = 0; k < tok.length; k++) {
    const c = tok.charCodeAt(k);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}
