// The one definition of the statement-import payloads exchanged between Odoo and the AI endpoint.
// Odoo sends one bank file (`ParseStatementRequest`, base64); the endpoint reads it with web_src/statements/ and
// answers the normalised statements (`ParseStatementResponse`), which Odoo validates again
// (ai_bookkeeping/tools/statement_import_reply.py) before it writes anything. The endpoint never stores the file.
// A file that cannot be read is answered 422 `unreadable_statement` with a sentence naming the line or element.
import { z } from "zod";

export const STATEMENT_PARSE_PATH = "/v1/statements/parse";

/** Largest bank file (decoded) the endpoint reads; Odoo refuses larger files before sending them. */
export const MAX_STATEMENT_FILE_BYTES = 10 * 1024 * 1024;
/** Most lines in one file: more is not a bank statement a person reviews (and would not fit one request). */
export const MAX_STATEMENT_LINES = 100_000;

export const ParseStatementRequestSchema = z.strictObject({
  /** The file's name, for messages and format hints only (`.sta`, `.ofx`, `.xml`). */
  fileName: z.string().max(255).default(""),
  /** The file's bytes, base64 (the request's size limit bounds it; the service names the file's own limit). */
  content: z.string().regex(/^[A-Za-z0-9+/=\r\n]*$/, "expected base64"),
});
export type ParseStatementRequest = z.infer<typeof ParseStatementRequestSchema>;
export type ParseStatementRequestInput = z.input<typeof ParseStatementRequestSchema>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const CurrencyCode = z.string().regex(/^([A-Z]{3})?$/);
const Money = z.number().finite();

export const StatementFormatSchema = z.enum(["camt.052", "camt.053", "camt.054", "ofx", "mt940", "mt942"]);

export const StatedBalanceSchema = z.object({ amount: Money, date: IsoDate.optional() });

export const ParsedLineSchema = z.object({
  date: IsoDate,
  /** Signed, in the line's currency: positive received, negative paid out. */
  amount: Money,
  currency: CurrencyCode,
  label: z.string(),
  counterpartyName: z.string().optional(),
  counterpartyAccount: z.string().optional(),
  /** Structured reference (creditor reference, national formats) or end-to-end id. */
  reference: z.string().optional(),
  endToEndId: z.string().optional(),
  /** The bank's id of the booking (AcctSvcrRef, FITID, MT940 bank reference); not always unique. */
  bankReference: z.string().optional(),
});
export type ParsedLine = z.infer<typeof ParsedLineSchema>;

export const ParsedStatementSchema = z.object({
  format: StatementFormatSchema,
  statementId: z.string(),
  /** IBAN or account number of the account, empty when the file names none. */
  account: z.string(),
  currency: CurrencyCode,
  openingBalance: StatedBalanceSchema.optional(),
  closingBalance: StatedBalanceSchema.optional(),
  lines: z.array(ParsedLineSchema),
  /** Records the reader could not read, and why: Odoo refuses a file with any (all or nothing). */
  skipped: z.array(z.object({ where: z.string(), reason: z.string() })),
});
export type ParsedStatement = z.infer<typeof ParsedStatementSchema>;

export const ParseStatementResponseSchema = z.object({
  /** The format the file was read as. */
  format: StatementFormatSchema,
  statements: z.array(ParsedStatementSchema),
});
export type ParseStatementResponse = z.infer<typeof ParseStatementResponseSchema>;
