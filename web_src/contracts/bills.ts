// The one definition of the vendor-bill extraction payloads exchanged between Odoo and the AI endpoint (issue 13).
// Odoo sends one document (`ExtractBillRequest`: a PDF, an image or an XML e-invoice, base64) to
// POST /v1/bills/extract, signed like every other route; the endpoint reads it on the same server (embedded XML,
// else the PDF's text layer, else OCR of the page images) and answers `ExtractBillResponse`: one entry per bill
// found in the document (a PDF may hold several), each field with its confidence and the text it was read from,
// plus the arithmetic checks. The endpoint never stores the document and never logs its content.
//
// Refusals use the common error reply (contracts/error_reply.ts):
//   413 payload_too_large          the request is larger than the endpoint's body limit
//   400 invalid_request            the JSON does not match ExtractBillRequestSchema
//   422 unreadable_document        the bytes cannot be read at all (encrypted or corrupt PDF, XML bomb, empty file,
//                                  a format that is not PDF/PNG/JPEG/TIFF/XML); the message says why
// A document that can be read but holds no bill (an image of a cat) is NOT an error: it is answered 200 with one
// document whose fields are all null and a warning saying so, so the attachment is kept and nothing is filled in.
import { z } from "zod";
import { LlmUsageSchema, RequestLlmSchema } from "./reconcile";

export const BILL_EXTRACT_PATH = "/v1/bills/extract";

/** Largest document (decoded) the endpoint reads; Odoo refuses larger files before sending them. */
export const MAX_BILL_FILE_BYTES = 15 * 1024 * 1024;
/** Pages read from one PDF: the rest is not read, and a warning says so. */
export const MAX_BILL_PAGES = 50;
/** Pages OCR'd from one scanned PDF (each costs seconds): the rest is not read, and a warning says so. */
export const MAX_BILL_OCR_PAGES = 10;
/** Largest embedded XML invoice read (bytes). */
export const MAX_BILL_XML_BYTES = 5 * 1024 * 1024;

export const ExtractBillRequestSchema = z.strictObject({
  /** The attachment's name, for messages and type hints only. */
  fileName: z.string().max(255).default(""),
  /** The attachment's MIME type as Odoo knows it ("application/pdf", "image/png", "application/xml"); a hint only,
   * the content decides. */
  mimeType: z.string().max(255).default(""),
  /** The file's bytes, base64. */
  contentBase64: z.string().regex(/^[A-Za-z0-9+/=\r\n]*$/, "expected base64"),
  /** Tesseract language codes for OCR, e.g. ["eng", "deu"]; default eng+deu+fra (those installed are used). */
  languages: z.array(z.string().regex(/^[a-z]{3}(_[a-z]+)?$/)).max(8).optional(),
  /** "receipt" for an expense receipt (a till or card slip): the reader also takes the totals receipts print
   * ("TOTAL EUR", "CARD", "BAR") and whole amounts with a currency sign. Default "bill". */
  mode: z.enum(["bill", "receipt"]).optional(),
  /** Receipt mode: merchant names the company knows (the employee's and the company's past expense merchants, its
   * partners), most relevant first; one printed on the receipt is taken as its merchant. */
  merchants: z.array(z.string().max(128)).max(500).optional(),
  /** The company receiving the bill: its own VAT number and name are never taken for the vendor's, its currency
   * is the default when the document names none. */
  company: z
    .strictObject({
      vat: z.string().max(64).optional(),
      name: z.string().max(256).optional(),
      currency: z.string().regex(/^[A-Z]{3}$/).optional(),
    })
    .optional(),
  /** Whether the endpoint may ask an LLM about the fields it is unsure of. Odoo sends false when the company's
   * data minimisation is on (the document's text would leave the server) or its monthly LLM budget is spent.
   * Absent: the endpoint's own configuration decides. */
  llmAllowed: z.boolean().optional(),
  /** The LLM of the database that asks (see RequestLlmSchema); absent: the endpoint's own, if any. */
  llm: RequestLlmSchema.optional(),
});
export type ExtractBillRequest = z.infer<typeof ExtractBillRequestSchema>;
export type ExtractBillRequestInput = z.input<typeof ExtractBillRequestSchema>;

export const BillSourceSchema = z.enum(["embedded_xml", "text_layer", "ocr"]);
export type BillSource = z.infer<typeof BillSourceSchema>;

const Confidence = z.number().min(0).max(1);
const Money = z.number().finite();

/** "llm": the offline extractor was unsure and the LLM's reading passed the same checks (bill_llm_fields.ts).
 * "ocr": a text-layer PDF printed it only in a picture (a letterhead), read by OCR (endpoint services/bills.ts). */
export const FieldReaderSchema = z.enum(["extractor", "llm", "ocr"]);

/** One extracted value: how sure the extractor is, the text it was read from (≤ 200 characters), the page (1-based),
 * and who read it (absent: the offline extractor). */
function extractedField<T extends z.ZodType>(value: T) {
  return z
    .object({
      value,
      confidence: Confidence,
      sourceText: z.string().max(200),
      page: z.number().int().min(1),
      readBy: FieldReaderSchema.optional(),
    })
    .nullable();
}

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The vendor's postal address as printed (each part null when not read); country ISO 3166 alpha-2. */
export const BillAddressSchema = z.object({
  street: z.string().max(200).nullable(),
  zip: z.string().max(20).nullable(),
  city: z.string().max(100).nullable(),
  country: z.string().regex(/^[A-Z]{2}$/).nullable(),
});
export type BillAddress = z.infer<typeof BillAddressSchema>;

/** What the document is: an invoice (a bill to pay) or a credit note (the vendor owes the company: Odoo's vendor
 * refund, `in_refund`). UNTDID 1001 in an e-invoice (381, 261, 396, 532 … credit notes; 380, 384, 389, 751 …
 * invoices), else the printed title ("Credit note", "Gutschrift", "Avoir", "Nota di credito" …) or a total printed
 * negative. */
export const DocumentKindSchema = z.enum(["invoice", "credit_note"]);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

export const BillFieldsSchema = z.object({
  /** Null when nothing on the document says (a printed invoice without a credit note's title or a negative total):
   * an invoice. A credit note's amounts, lines and taxes are stated POSITIVE in every field below, as on an
   * e-invoice of type 381; the kind carries the sign. Odoo reads an absent kind as an invoice, and a negative total
   * (an older endpoint's reply) still as a refund. */
  documentKind: extractedField(DocumentKindSchema),
  vendorName: extractedField(z.string()),
  /** Used to match the vendor and, for an unknown one, in the proposed new partner. */
  vendorAddress: extractedField(BillAddressSchema),
  /** Normalised: country prefix + digits/letters, no spaces or dots (e.g. "DE232446240"). */
  vendorVat: extractedField(z.string()),
  /** Normalised: upper case, no spaces; mod-97 checked. */
  vendorIban: extractedField(z.string()),
  vendorEmail: extractedField(z.string()),
  invoiceNumber: extractedField(z.string()),
  invoiceDate: extractedField(IsoDate),
  dueDate: extractedField(IsoDate),
  /** The payment terms as printed ("30 days net", "Zahlbar innerhalb 14 Tagen"). */
  paymentTerms: extractedField(z.string()),
  /** ISO 4217. */
  currency: extractedField(z.string().regex(/^[A-Z]{3}$/)),
  untaxed: extractedField(Money),
  totalTax: extractedField(Money),
  total: extractedField(Money),
  purchaseOrderRef: extractedField(z.string()),
});
export type BillFields = z.infer<typeof BillFieldsSchema>;
export type BillFieldName = keyof BillFields;
export type ExtractedField<T> = { value: T; confidence: number; sourceText: string; page: number; readBy?: "extractor" | "llm" | "ocr" | undefined };

export const BillLineSchema = z.object({
  description: z.string(),
  quantity: z.number().finite().nullable(),
  unitPrice: z.number().finite().nullable(),
  /** Percent, e.g. 19 for 19 %. */
  taxRate: z.number().finite().nullable(),
  /** Line amount before tax, as printed. */
  amount: Money.nullable(),
  confidence: Confidence,
});
export type BillLine = z.infer<typeof BillLineSchema>;

export const BillTaxSchema = z.object({
  /** Percent. */
  rate: z.number().finite(),
  base: Money.nullable(),
  amount: Money.nullable(),
});
export type BillTax = z.infer<typeof BillTaxSchema>;

/** Stable codes of the checks; a failed check is a finding shown to the reviewer, never adjusted away. */
export const BillCheckCodeSchema = z.enum([
  "lines_sum",          // the lines add up to the untaxed amount
  "tax_rate",           // per rate: tax = base × rate (to the cent, with rounding tolerance)
  "tax_sum",            // the tax summary adds up to the total tax
  "total",              // total = untaxed + tax
  "invoice_date",       // the invoice date is plausible (not in the far past, not in the future)
  "due_date",           // the due date is not before the invoice date
  "currency",           // the currency is a known ISO 4217 code
  "vendor_vat",         // the VAT number's checksum (where the country has a cheap one)
  "vendor_iban",        // the IBAN's mod-97 check
  "xml_matches_visible", // the embedded XML and the visible text agree on the total
]);
export type BillCheckCode = z.infer<typeof BillCheckCodeSchema>;

export const BillCheckSchema = z.object({
  code: BillCheckCodeSchema,
  ok: z.boolean(),
  /** One sentence an accountant understands, e.g. "untaxed 100.00 + tax 19.00 = 119.00, the bill says 118.00". */
  message: z.string(),
});
export type BillCheck = z.infer<typeof BillCheckSchema>;

export const ExtractedBillSchema = z.object({
  /** Pages of the PDF (1-based, inclusive) this bill was read from; 1–1 for an image or an XML file. */
  pageFrom: z.number().int().min(1),
  pageTo: z.number().int().min(1),
  source: BillSourceSchema,
  fields: BillFieldsSchema,
  lines: z.array(BillLineSchema),
  taxes: z.array(BillTaxSchema),
  checks: z.array(BillCheckSchema),
});
export type ExtractedBill = z.infer<typeof ExtractedBillSchema>;

export const BillEngineInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** The LLM that filled at least one field of this reply; absent or null: the offline reading alone. */
  model: z.string().nullable().optional(),
});

export const ExtractBillResponseSchema = z.object({
  engine: BillEngineInfoSchema,
  /** Whether tesseract is installed on the endpoint's server; false: scans give no fields and a warning says so. */
  ocrAvailable: z.boolean(),
  /** Sentences for the reviewer: pages not read, OCR missing, no bill found, XML refused… */
  warnings: z.array(z.string()),
  /** At least one entry (with all fields null when nothing was found). */
  documents: z.array(ExtractedBillSchema).min(1),
  /** What the LLM stage cost (absent when no LLM was asked). */
  usage: LlmUsageSchema.optional(),
});
export type ExtractBillResponse = z.infer<typeof ExtractBillResponseSchema>;

/** The header fields the LLM may be asked about: those the bench scores (all header fields right). */
export const BILL_LLM_FIELDS = ["vendorName", "invoiceNumber", "invoiceDate", "dueDate", "currency", "untaxed", "totalTax", "total"] as const;
export type BillLlmField = (typeof BILL_LLM_FIELDS)[number];

/**
 * The LLM's answer about the fields the offline extractor is unsure of: each value as printed on the document
 * (dates as YYYY-MM-DD, amounts as numbers, the currency as its ISO 4217 code), or null when the document does not
 * say. Every field is present (structured-output servers want all keys); only the asked ones are read, and each is
 * kept only when it passes the extractor's own checks (engine/bills/bill_llm_fields.ts).
 */
export const BillLlmAnswerSchema = z.object({
  vendorName: z.string().max(200).nullable(),
  invoiceNumber: z.string().max(100).nullable(),
  invoiceDate: IsoDate.nullable(),
  dueDate: IsoDate.nullable(),
  currency: z.string().regex(/^[A-Z]{3}$/).nullable(),
  untaxed: Money.nullable(),
  totalTax: Money.nullable(),
  total: Money.nullable(),
});
export type BillLlmAnswer = z.infer<typeof BillLlmAnswerSchema>;
