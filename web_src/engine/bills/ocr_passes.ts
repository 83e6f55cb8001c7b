// A second OCR reading for the header fields the first one missed. Tesseract's --psm 3 (the page's layout: blocks,
// then lines) drops a value standing alone in a table cell or a ruled box, and reads a large title set on the same
// row as small print as scattered letters ("INVOICE" as "| N V | E"); --psm 11 (sparse text: every word found on its
// own) reads both, but loses the rest of the layout. So the first reading stays, and from the second are taken only
// words where the first has no ink at all, and a whole word where the first has only fragments of one or two
// characters. Then the bill is read again, and the new reading is kept only if it adds header fields without changing
// any the first one had. Pure functions; the endpoint (services/bills.ts) runs tesseract.
import type { BillFieldName, ExtractedBill } from "../../contracts/bills";
import { OCR_CELL_GAP, pageFromWords, type Page, type Word } from "./layout";

/** The header fields whose absence calls for the second reading (almost every bill prints them). */
export const SECOND_PASS_FIELDS: readonly BillFieldName[] = ["vendorName", "invoiceNumber", "invoiceDate", "currency", "total"];
/** The header fields compared between the two readings. */
const HEADER_FIELDS: readonly BillFieldName[] = ["vendorName", "invoiceNumber", "invoiceDate", "dueDate", "currency", "untaxed", "totalTax", "total"];
/** A field only the second reading found stays under the auto-approval grade: the merge of two readings decided it. */
const SECOND_PASS_MAX_CONFIDENCE = 0.9;
/** A word of the second reading is added only if tesseract was at least this sure of it. */
const MIN_ADDED_CONF = 0.6;

/** Whether a bill lacks a field the second reading may find. */
export function needsSecondPass(bill: ExtractedBill): boolean {
  return SECOND_PASS_FIELDS.some((k) => bill.fields[k] === null);
}

function wordsOf(page: Page): Word[] {
  return page.lines.flatMap((l) => l.cells.flatMap((c) => c.words));
}

const area = (w: Word) => Math.max(0, w.x1 - w.x0) * Math.max(0, w.y1 - w.y0);
function overlap(a: Word, b: Word): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Ink that means something on a bill: a letter, a digit or a currency sign (not a rule or a speckle read as "|"). */
const MEANINGFUL = /[\p{L}\p{N}€$£¥₹]/u;

/** `first` with what only `second` read (same page, same frame): words over blank paper in `first`, and whole words
 * where `first` has two or more fragments of at most two characters inside that word's box. */
export function mergeOcrReadings(first: Page, second: Page): Page {
  const kept = wordsOf(first);
  const replaced = new Set<Word>();
  const added: Word[] = [];
  for (const w of wordsOf(second)) {
    if (w.conf < MIN_ADDED_CONF || !MEANINGFUL.test(w.text)) continue;
    const under = kept.filter((k) => overlap(k, w) > 0.3 * Math.min(area(k), area(w)));
    if (under.length === 0) {
      added.push(w);
      continue;
    }
    const letters = w.text.replace(/[^\p{L}\p{N}]/gu, "").length;
    const fragments = under.length >= 2 && under.every((k) => k.text.length <= 2 && overlap(k, w) > 0.5 * area(k));
    if (fragments && letters >= Math.max(3, under.length)) {
      for (const k of under) replaced.add(k);
      added.push(w);
    }
  }
  if (added.length === 0) return first;
  return pageFromWords(first.number, first.width, first.height, [...kept.filter((k) => !replaced.has(k)), ...added], OCR_CELL_GAP);
}

/** The bills of the second reading if it only adds header fields to the first's (same bills, same pages, every field
 * the first read unchanged); the fields it adds capped below the auto grade. Otherwise the first reading. */
export function preferSecondReading(first: readonly ExtractedBill[], second: readonly ExtractedBill[]): readonly ExtractedBill[] {
  if (first.length !== second.length) return first;
  let gained = 0;
  for (let i = 0; i < first.length; i++) {
    const a = first[i] as ExtractedBill;
    const b = second[i] as ExtractedBill;
    if (a.pageFrom !== b.pageFrom || a.pageTo !== b.pageTo) return first;
    for (const k of HEADER_FIELDS) {
      const x = a.fields[k];
      const y = b.fields[k];
      if (x !== null && (y === null || y.value !== x.value)) return first;
      if (x === null && y !== null) gained++;
    }
  }
  if (gained === 0) return first;
  return second.map((b, i) => {
    const a = first[i] as ExtractedBill;
    const fields = { ...b.fields } as Record<BillFieldName, { confidence: number } | null>;
    for (const k of Object.keys(fields) as BillFieldName[]) {
      const f = fields[k];
      if (f !== null && a.fields[k] === null) fields[k] = { ...f, confidence: Math.min(f.confidence, SECOND_PASS_MAX_CONFIDENCE) };
    }
    return { ...b, fields: fields as unknown as ExtractedBill["fields"] };
  });
}
