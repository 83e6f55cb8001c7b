// Use: read the header fields of a vendor bill that the offline extractor is unsure of. The LLM gets the document's
// text (masked: IBANs, e-mail addresses and phone numbers replaced, maskPersonalData) and the names of the fields
// to read; what the extractor already read with confidence is given as context. Its answer is only a proposal:
// engine/bills/bill_llm_fields.ts keeps a value only when it is printed in the text and passes the extractor's checks.
import { BILL_LLM_FIELDS, BillLlmAnswerSchema, type BillLlmAnswer, type BillLlmField, type ExtractedBill } from "../../contracts/bills";
import type { PageText } from "../../engine/bills/bill_llm_fields";
import { maskPersonalData } from "../mask_personal_data";
import type { StructuredTask } from "../structured_caller";

/** Most characters of document text in one prompt (a bill's header and totals fit well within it). */
export const MAX_BILL_TEXT = 12_000;

const INSTRUCTIONS = [
  "You read one vendor bill (an invoice a supplier sent to the company) for an accountant.",
  'The data holds the text of its pages ("pages", the layout kept roughly) and the fields to read ("fields").',
  "Read each asked field from the text exactly as printed: vendorName is the supplier who issued the bill (not the",
  "customer it is addressed to), invoiceNumber the bill's own number, invoiceDate and dueDate as YYYY-MM-DD, currency",
  "as its ISO 4217 code, untaxed / totalTax / total as plain numbers (dot as decimal separator, no thousands",
  "separator, no currency sign, no minus sign: a credit note's amounts are given positive), totalTax being the sum",
  "of all taxes. Answer null for a field the text does not state;",
  "never compute or guess a value that is not printed. Fields that were not asked: answer null.",
].join(" ");

/** The pages' text as the LLM sees it: masked, and cut to MAX_BILL_TEXT characters in all. */
export function maskedPages(pages: readonly PageText[]): PageText[] {
  let room = MAX_BILL_TEXT;
  const masked: PageText[] = [];
  for (const { page, text } of pages) {
    if (room <= 0) break;
    const cut = maskPersonalData(text).slice(0, room);
    room -= cut.length;
    masked.push({ page, text: cut });
  }
  return masked;
}

export function billFieldsTask(bill: ExtractedBill, asked: readonly BillLlmField[], pages: readonly PageText[]): StructuredTask<BillLlmAnswer> {
  // Context only, and only header fields (never the IBAN, e-mail or VAT number the extractor read).
  const known: Partial<Record<BillLlmField, string | number>> = {};
  for (const name of BILL_LLM_FIELDS) {
    const field = bill.fields[name];
    if (field !== null && !asked.includes(name)) known[name] = typeof field.value === "string" ? maskPersonalData(field.value) : field.value;
  }
  return {
    name: "read_bill_fields",
    instructions: INSTRUCTIONS,
    schema: BillLlmAnswerSchema,
    data: { fields: [...asked], alreadyRead: known, pages },
  };
}
