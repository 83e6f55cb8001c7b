import { yearCode, yearMonthCode, type ReferenceKey } from "./reference_key";

const YEAR = /^(?:[A-Z]{1,6})?(20\d\d)$/;
const GLUED = /^([A-Z]{0,6})(20\d\d)(\d{1,6})$/;
const NUMBER = /^\d{1,6}$/;
const LETTERS = /^[A-Z]{1,8}$/;
const ONE_OR_TWO_DIGITS = /^\d{1,2}$/;
/** Words that join the numbers of a list ("INV/2026/01908 und 00883"); commas and "+" are gone from the tokens. */
const LIST_WORDS = new Set(["UND", "U", "AND", "EN", "ET", "E", "Y", "OG", "PLUS", "SOWIE"]);
const MAX_CONTINUATIONS = 8;
const LISTED_STRENGTH = 0.6;

/**
 * Year-and-sequence keys in a token list: INV 2026 00042, INV2026 42, INV202600042, 2026/00042 (leading zeros),
 * BILL 2026 11 0007. A bare "2026 14" (a date or a time) is not read as a reference. With `lists`, the numbers
 * that follow such a key in a list, written without the shared prefix and as wide as its sequence number
 * ("INV/2026/02319, 01765 und 01952"), are keys of the same year too.
 */
export function yearSequenceKeys(toks: readonly string[], lists = false): ReferenceKey[] {
  const keys: ReferenceKey[] = [];
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i] as string;
    // Every shape below has "20" then two digits somewhere in its first eleven characters: skip the rest cheaply.
    if (!mayHoldYear(tok)) continue;
    const glued = GLUED.exec(tok);
    if (glued) {
      const [, prefix = "", year = "", seq = ""] = glued;
      // 20260412 is a date; 202600042 (leading zeros, 5+ digits) or INV202600042 is an entry number.
      if (prefix !== "" || (seq.length >= 5 && seq.startsWith("0"))) {
        const n = Number(seq);
        if (n > 0) keys.push({ compact: "", code: yearCode(Number(year), n), strength: 0.9, snippetStart: i, snippetEnd: i + 1, invoiceLike: true });
        if (n > 0 && lists) listedAfter(toks, i + 1, Number(year), seq.length, keys);
      }
      continue;
    }
    const yearMatch = YEAR.exec(tok);
    if (!yearMatch) continue;
    const year = Number(yearMatch[1]);
    const next = toks[i + 1];
    if (next === undefined || !NUMBER.test(next)) continue;
    const prefixed = tok.length > 4 || (i > 0 && LETTERS.test(toks[i - 1] as string));
    const from = i > 0 && tok.length === 4 && prefixed ? i - 1 : i;
    const after = toks[i + 2];
    const month = Number(next);
    // 2026 03 15 (a date) is not a reference; BILL 2026 03 0015 is.
    const dateLike = next.length <= 2 && after !== undefined && ONE_OR_TWO_DIGITS.test(after);
    if (after !== undefined && NUMBER.test(after) && after.length >= 3 && next.length <= 2 && month >= 1 && month <= 12) {
      const n = Number(after);
      if (n > 0) {
        keys.push({ compact: "", code: yearMonthCode(year, month, n), strength: 0.95, snippetStart: from, snippetEnd: i + 3, invoiceLike: true });
      }
    }
    if (!dateLike && (prefixed || next.length >= 3)) {
      const n = Number(next);
      if (n > 0) keys.push({ compact: "", code: yearCode(year, n), strength: 0.9, snippetStart: from, snippetEnd: i + 2, invoiceLike: true });
      if (n > 0 && lists) listedAfter(toks, i + 2, year, next.length, keys);
    }
  }
  return keys;
}

/**
 * The numbers listed after a year-and-sequence key from token `at` on: as wide as its sequence number (at least
 * three digits), separated by nothing or a list word; the first other token ends the list. Weaker than a number
 * written out (LISTED_STRENGTH: it cites the invoice, but does not identify it alone, so a counterparty absent
 * from history stays below the auto grade), and not invoice-like: an abbreviated number that names no open item
 * says nothing about another invoice.
 */
function listedAfter(toks: readonly string[], at: number, year: number, width: number, keys: ReferenceKey[]): void {
  if (width < 3) return;
  let found = 0;
  for (let j = at; j < toks.length && found < MAX_CONTINUATIONS; j++) {
    const tok = toks[j] as string;
    if (LIST_WORDS.has(tok)) continue;
    if (tok.length !== width || !NUMBER.test(tok)) return;
    const n = Number(tok);
    if (n > 0) keys.push({ compact: "", code: yearCode(year, n), strength: LISTED_STRENGTH, snippetStart: j, snippetEnd: j + 1, invoiceLike: false });
    found++;
  }
}

/** Does the token contain "20" followed by two digits? (Both YEAR and GLUED need it.) */
function mayHoldYear(tok: string): boolean {
  const last = tok.length - 4;
  for (let k = 0; k <= last && k <= 6; k++) {
    if (tok.charCodeAt(k) === 50 && tok.charCodeAt(k + 1) === 48) {
      const c = tok.charCodeAt(k + 2);
      const d = tok.charCodeAt(k + 3);
      if (c >= 48 && c <= 57 && d >= 48 && d <= 57) return true;
    }
  }
  return false;
}
