// Invoice or credit note (issue 13): what Odoo books as a vendor bill (`in_invoice`) or a vendor refund
// (`in_refund`). Read from an e-invoice's type code (UNTDID 1001) or UBL root, else from the printed title (a cell at
// the head of the first page, before the lines, that is a credit note's title and nothing else: "Avoir AV-12",
// "Credit note No. 5", "CREDIT NOTE" — not a sentence holding the word, a bank's name or a line deducting a credit
// note), else from a total printed negative. A credit note's amounts are stated positive whichever way it printed
// them (as an e-invoice of type 381 states them): `asPositive` turns the sign of a bill read negative.
import type { BillLine, BillTax, DocumentKind, ExtractedBill, ExtractedField } from "../../contracts/bills";
import { CREDIT_NOTE_WORDS, LINE_TABLE_HEADER, SELF_BILLED, UNSURE_CREDIT_WORDS } from "./labels";
import type { Page } from "./layout";

/** UNTDID 1001 document types that are credit notes (EN 16931's code list); every other type is an invoice (380
 * commercial invoice, 384 corrected invoice, 389 self-billed invoice, 751 invoice information, 386 prepayment …). */
export const CREDIT_NOTE_TYPE_CODES: ReadonlySet<string> = new Set(["81", "83", "261", "262", "296", "308", "381", "396", "420", "458", "532"]);

/** The kind a UNTDID 1001 type code states, or undefined for none. */
export function kindOfTypeCode(code: string | undefined): DocumentKind | undefined {
  if (code === undefined || !/^\d{1,3}$/.test(code.trim())) return undefined;
  return CREDIT_NOTE_TYPE_CODES.has(code.trim()) ? "credit_note" : "invoice";
}

/** After the title words, only its number (with or without a label), a date it is "of", or an aside in brackets. */
const TITLE_TAIL = String.raw`(?:\s*\([^)]{1,40}\))?(?:[\s-]*(?:n\.?\s?[°ºo]\.?|n\.|nr\.?|no\.?|num(?:ber|éro|mer|ero|ro)?\.?|número|nummer|#)?\s*[:.]?\s*#?[A-Z0-9][A-Z0-9/_.-]*\d[A-Z0-9/_.-]*)?(?:\s+(?:du|vom|of|dated|del|de|van|från|af|z\s+dnia|ze\s+dne)\s+[\p{L}\d .,/-]{6,24})?\s*[:.]?`;
const CREDIT_TITLE = new RegExp(String.raw`^${CREDIT_NOTE_WORDS}${TITLE_TAIL}$`, "iu");
const UNSURE_TITLE = new RegExp(String.raw`^${UNSURE_CREDIT_WORDS}${TITLE_TAIL}$`, "iu");

/** How far down the first page a title may sit (a DIN 5008 letter has it under the address window). */
const TITLE_ZONE = 0.6;

export interface KindTitle {
  /** "credit_note": a credit note's title; "unsure": a correction's or a bare "Gutschrift" (sure only when printed
   * negative). */
  kind: "credit_note" | "unsure";
  text: string;
  page: number;
}

/** The credit note's or correction's title printed at the head of the bill's first page, or null. */
export function kindTitle(pages: readonly Page[]): KindTitle | null {
  const page = pages[0];
  if (page === undefined) return null;
  for (const line of page.lines) {
    if (LINE_TABLE_HEADER.test(line.text) && line.cells.length >= 2) break; // the lines start: no title below
    if (line.y0 > TITLE_ZONE * Math.max(1, page.height)) break;
    // A row of column headings ("Datum  Belastung  Gutschrift  Saldo"): no title there.
    if (line.cells.length >= 3 && line.cells.every((c) => !/\d/.test(c.text))) continue;
    for (const cell of line.cells) {
      const text = cell.text.trim().replace(/\s+/g, " ");
      const credit = CREDIT_TITLE.test(text);
      const unsure = !credit && UNSURE_TITLE.test(text);
      // A self-billed invoice titled "Gutschrift (Selbst ausgestellte Rechnung)": an invoice, its title said.
      if ((credit || unsure) && SELF_BILLED.test(text)) return null;
      if (credit) return { kind: "credit_note", text, page: page.number };
      if (unsure) return { kind: "unsure", text, page: page.number };
    }
  }
  return null;
}

const flip = (x: number | null): number | null => (x === null || x === 0 ? x : -x);
const money = (field: ExtractedField<number> | null): ExtractedField<number> | null => (field === null ? null : { ...field, value: -field.value });

/** A line of a document printed negative, stated the credit note's way: its amount's sign turned, the quantity
 * positive, the unit price carrying the line's sign (a fee kept on a refund stays a negative line). */
function positiveLine(line: BillLine): BillLine {
  const printedSign = line.amount !== null && line.amount !== 0 ? Math.sign(line.amount) : Math.sign(line.quantity ?? 1) * Math.sign(line.unitPrice ?? 1) || 1;
  const sign = -printedSign;
  return {
    ...line,
    quantity: line.quantity === null ? null : Math.abs(line.quantity),
    unitPrice: line.unitPrice === null ? null : sign * Math.abs(line.unitPrice),
    amount: line.amount === null ? null : sign * Math.abs(line.amount),
  };
}

/** The bill read from a document printed with negative amounts, stated positive: header amounts, lines, taxes. */
export function asPositive(bill: ExtractedBill): ExtractedBill {
  const f = bill.fields;
  return {
    ...bill,
    fields: { ...f, untaxed: money(f.untaxed), totalTax: money(f.totalTax), total: money(f.total) },
    lines: bill.lines.map(positiveLine),
    taxes: bill.taxes.map((t: BillTax) => ({ ...t, base: flip(t.base), amount: flip(t.amount) })),
  };
}

/** The document kind of a bill read from its pages (text layer or OCR), and the bill stated positive when it was
 * printed negative. Confidence: a credit note's title 0.95, a negative total as sure as the total (at most 0.95),
 * both 0.99; a correction's or a bare "Gutschrift" alone 0.8 (a correction may add as well as take off; a Gutschrift may be a
 * self-billed invoice). Nothing said: null (an invoice). */
export function withDocumentKind(bill: ExtractedBill, pages: readonly Page[]): ExtractedBill {
  const title = kindTitle(pages);
  const total = bill.fields.total;
  const negative = total !== null && total.value < 0;
  if (title === null && !negative) return bill;
  const titleConfidence = title === null ? 0 : title.kind === "credit_note" ? 0.95 : 0.8;
  const signConfidence = negative ? Math.min(0.95, total.confidence) : 0;
  const confidence = title !== null && negative ? 0.99 : Math.max(titleConfidence, signConfidence);
  const because = [title === null ? null : title.text, negative ? `total printed negative (${total.value.toFixed(2)})` : null].filter((x) => x !== null).join("; ");
  const kind: ExtractedField<DocumentKind> = { value: "credit_note", confidence, sourceText: because.slice(0, 200), page: title?.page ?? total?.page ?? 1 };
  const stated = negative ? asPositive(bill) : bill;
  return { ...stated, fields: { ...stated.fields, documentKind: kind } };
}
