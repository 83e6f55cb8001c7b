// What an LLM's reading of a bill may add to the offline extractor's: nothing it says is trusted. A field the LLM
// fills is kept only when
//  - its value is printed in the document's text (the amount, the date, the number, the vendor's name; the currency
//    as its code or symbol), so it cannot be invented — a number or a date after a label word of its kind, since
//    nothing else checks them; and
//  - the extractor's own checks (check_bill.ts) pass with it: untaxed + tax = total and the taxes and lines add up
//    for amounts, plausible dates, a known currency; and no check that passed before fails after.
// The LLM fills an empty field; it replaces one the extractor read only when a check that failed with the extractor's
// value passes with the LLM's. Amounts are taken or refused together (an answer that does not add up is discarded as
// a whole), so are the two dates. A kept field says `readBy: "llm"` and carries a confidence the checks justify:
// LLM_CHECKED_CONFIDENCE when a check involving it passes, LLM_READ_CONFIDENCE when none applies; both are below the
// review threshold, so a person always sees an LLM-read field highlighted. Pure: no I/O.
import type {
  BillCheckCode,
  BillFieldName,
  BillLlmAnswer,
  BillLlmField,
  ExtractedBill,
  ExtractedField,
} from "../../contracts/bills";
import { BILL_LLM_FIELDS } from "../../contracts/bills";
import { checkBill } from "./check_bill";
import { detectCurrency, findDates, KNOWN_CURRENCIES, parseAmount } from "./values";

/** An LLM-read field that the text confirms but no check involves (vendor name, number, a lone total). */
export const LLM_READ_CONFIDENCE = 0.6;
/** An LLM-read field that a check involving it confirms (total = untaxed + tax, plausible dates, known currency). */
export const LLM_CHECKED_CONFIDENCE = 0.8;

/** The text of one page the bill was read from, as the LLM saw it (masked). */
export interface PageText {
  page: number;
  text: string;
}

export interface MergeOptions {
  today: string;
  /** The receiving company's name: never taken for the vendor's. */
  companyName?: string | undefined;
}

export interface MergeOutcome {
  bill: ExtractedBill;
  /** Fields the LLM filled or corrected. */
  accepted: BillLlmField[];
  /** Fields whose LLM value was discarded, with the reason (for the log and the tests). */
  refused: Array<{ field: BillLlmField; reason: string }>;
}

/** The checks that involve each field the LLM may fill. */
const CHECKS_OF: Readonly<Record<BillLlmField, readonly BillCheckCode[]>> = {
  vendorName: [],
  invoiceNumber: [],
  invoiceDate: ["invoice_date", "due_date"],
  dueDate: ["due_date"],
  currency: ["currency"],
  untaxed: ["total", "lines_sum"],
  totalTax: ["total", "tax_sum"],
  total: ["total", "lines_sum"],
};
/** Fields taken or refused together. */
const GROUPS: ReadonlyArray<readonly BillLlmField[]> = [
  ["untaxed", "totalTax", "total"],
  ["invoiceDate", "dueDate"],
  ["currency"],
  ["invoiceNumber"],
  ["vendorName"],
];

/** The header fields the extractor is unsure of: not read, or read below `threshold`. */
export function unsureFields(bill: ExtractedBill, threshold: number): BillLlmField[] {
  return BILL_LLM_FIELDS.filter((name) => {
    const field = bill.fields[name];
    return field === null || field.confidence < threshold;
  });
}

export function mergeLlmFields(
  bill: ExtractedBill,
  answer: BillLlmAnswer,
  asked: readonly BillLlmField[],
  pages: readonly PageText[],
  options: MergeOptions,
): MergeOutcome {
  const accepted: BillLlmField[] = [];
  const refused: MergeOutcome["refused"] = [];
  let current = bill;
  // A credit note's amounts are stated positive (contracts/bills.ts): an LLM reading them as printed, negative, says
  // the document is a credit note.
  let negative: ExtractedField<unknown> | null = null;
  for (const group of GROUPS) {
    const candidates = new Map<BillLlmField, ExtractedField<unknown>>();
    for (const name of group) {
      if (!asked.includes(name)) continue;
      const printed = answer[name];
      const value = typeof printed === "number" ? Math.abs(printed) : printed;
      if (value === null || sameValue(current.fields[name]?.value, value)) continue;
      const found = locate(name, value, pages, options);
      if (typeof found === "string") refused.push({ field: name, reason: found });
      else candidates.set(name, { value, confidence: LLM_READ_CONFIDENCE, sourceText: found.text, page: found.page, readBy: "llm" });
    }
    if (candidates.size === 0) continue;
    const before = checkBill(current, options.today).checks;
    const tried: ExtractedBill = { ...current, fields: { ...current.fields } };
    for (const [name, field] of candidates) (tried.fields as Record<BillFieldName, unknown>)[name] = field;
    const after = checkBill(tried, options.today).checks;
    const verdict = judge([...candidates.keys()], current, before, after);
    if (verdict !== null) {
      for (const name of candidates.keys()) refused.push({ field: name, reason: verdict });
      continue;
    }
    for (const [name, field] of candidates) {
      const confirmed = CHECKS_OF[name].some((code) => after.some((c) => c.code === code && c.ok));
      (tried.fields as Record<BillFieldName, unknown>)[name] = { ...field, confidence: confirmed ? LLM_CHECKED_CONFIDENCE : LLM_READ_CONFIDENCE };
      accepted.push(name);
      const printed = answer[name];
      if (typeof printed === "number" && printed < 0 && negative === null) negative = field;
    }
    current = tried;
  }
  if (accepted.length === 0) return { bill, accepted, refused };
  if (negative !== null && current.fields.documentKind?.value !== "credit_note") {
    const kind = { value: "credit_note" as const, confidence: LLM_READ_CONFIDENCE, sourceText: `amounts printed negative: ${negative.sourceText}`.slice(0, 200), page: negative.page, readBy: "llm" as const };
    current = { ...current, fields: { ...current.fields, documentKind: kind } };
  }
  return { bill: { ...current, checks: checkBill(current, options.today).checks }, accepted, refused };
}

/** Why the group's values are discarded, or null when they pass. */
function judge(names: readonly BillLlmField[], bill: ExtractedBill, before: readonly CheckLike[], after: readonly CheckLike[]): string | null {
  // Any check that fails now and did not fail before: a new one (the total, once the LLM gave the missing part) or
  // one that passed with the extractor's values.
  const failing = after.find((c) => !c.ok && !before.some((b) => b.code === c.code && !b.ok));
  if (failing) return `the extractor's check fails with the LLM's value: ${failing.message}`;
  for (const name of names) {
    if (bill.fields[name] === null) continue;
    // Replacing what the extractor read needs a check that failed with its value and passes with the LLM's.
    const mended = CHECKS_OF[name].some((code) => before.some((c) => c.code === code && !c.ok) && after.some((c) => c.code === code && c.ok));
    if (!mended) return "the extractor read another value and no check shows the LLM's to be better";
  }
  return null;
}

interface CheckLike {
  code: BillCheckCode;
  ok: boolean;
  message: string;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 0.005;
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/** Words of the labels a number or a date is printed after (labels.ts has the extractor's precise ones): the LLM's
 * value counts as printed only after such a word, on its line or the line above. Nothing checks these fields' values
 * otherwise, so an arbitrary number or date the text holds elsewhere is not taken. */
const word = (alternatives: string) => new RegExp(`(?<![\\p{L}])(?:${alternatives})(?![\\p{L}])`, "iu");
const LABEL_WORDS: Partial<Record<BillLlmField, RegExp>> = {
  invoiceNumber: word("invoice|inv|id|rechnung\\p{L}*|re|facture|factuur\\p{L}*|bill|receipt|beleg\\p{L}*|gutschrift\\p{L}*|n[°º]|nr|no|num(?:ber|éro|mer)?|nummer|#"),
  invoiceDate: word("date|datum|dated|\\p{L}+datum|le|du|am|vom|del|d'émission"),
  dueDate: word("due|am|fällig\\p{L}*|zahlbar|zahlungsziel|payable|pay|échéance|echeance|vervaldatum|verval\\p{L}*|bis|by|before|avant|uiterlijk"),
};

/** Whether a label word of `name` is printed before `index`: on the same line, or on the line above. */
function labelled(name: BillLlmField, text: string, index: number): boolean {
  const label = LABEL_WORDS[name];
  if (label === undefined) return true;
  const lineStart = text.lastIndexOf("\n", index - 1) + 1;
  const previousStart = lineStart > 0 ? text.lastIndexOf("\n", lineStart - 2) + 1 : lineStart;
  return label.test(text.slice(previousStart, index));
}

const squash = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();
/** Amount-like tokens: "1.234,56", "1 234.56", "119,00", "119". */
const AMOUNT_TOKEN = /\d{1,3}(?:[.,' \u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?/g;

/** Where the value is printed ({page, the line}), or why it is not taken. */
function locate(name: BillLlmField, value: string | number, pages: readonly PageText[], options: MergeOptions): { page: number; text: string } | string {
  const lineOf = (text: string, index: number) => {
    const start = text.lastIndexOf("\n", index) + 1;
    const end = text.indexOf("\n", index);
    return text.slice(start, end < 0 ? undefined : end).trim().slice(0, 200);
  };
  for (const { page, text } of pages) {
    const index = indexIn(name, value, text, options);
    if (index >= 0) return { page, text: lineOf(text, index) };
  }
  if (name === "currency" && typeof value === "string" && !KNOWN_CURRENCIES.has(value)) return `${value} is not a currency code the extractor knows`;
  if (name === "vendorName" && typeof value === "string" && options.companyName && squash(value) === squash(options.companyName)) {
    return "that is the receiving company's own name";
  }
  return `${String(value)} is not printed in the document's text`;
}

/** The position in `text` where `value` is printed, or -1. */
function indexIn(name: BillLlmField, value: string | number, text: string, options: MergeOptions): number {
  if (typeof value === "number") {
    AMOUNT_TOKEN.lastIndex = 0;
    for (let m = AMOUNT_TOKEN.exec(text); m !== null; m = AMOUNT_TOKEN.exec(text)) {
      const read = parseAmount(m[0]);
      if (read !== null && Math.abs(Math.abs(read) - Math.abs(value)) < 0.005) return m.index;
    }
    return -1;
  }
  switch (name) {
    case "invoiceDate":
    case "dueDate":
      return findDates(text).find((d) => d.iso === value && labelled(name, text, d.index))?.index ?? -1;
    case "currency": {
      if (!KNOWN_CURRENCIES.has(value)) return -1;
      const code = new RegExp(`\\b${value}\\b`).exec(text);
      if (code) return code.index;
      const detected = detectCurrency(text);
      return detected?.code === value ? Math.max(0, text.indexOf(detected.evidence)) : -1;
    }
    case "vendorName": {
      const name = squash(value);
      if (name.length < 2 || (options.companyName && name === squash(options.companyName))) return -1;
      return squash(text).includes(name) ? Math.max(0, text.toLowerCase().indexOf(name.split(" ")[0] ?? name)) : -1;
    }
    default: {
      // The invoice number, as a whole token (not inside a longer one).
      const number = value.trim();
      if (number.length < 2) return -1;
      const escaped = number.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const token = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "gu");
      for (let m = token.exec(text); m !== null; m = token.exec(text)) if (labelled(name, text, m.index)) return m.index;
      return -1;
    }
  }
}
