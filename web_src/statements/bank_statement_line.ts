// What every statement reader (CAMT.053/054, OFX, MT940/MT942) turns a bank file into: one normalised line per
// booked transaction, whatever the format. Readers are pure (text in, statements out); reading files is the caller's.

/** One booked transaction as the bank printed it. */
export interface BankStatementLine {
  /** ISO `YYYY-MM-DD`: CAMT booking date (else value date), MT940 value date (as wolph/mt940), OFX DTPOSTED. */
  date: string;
  /** Signed amount in the account currency: positive for money received, negative for money paid out. */
  amount: number;
  /** ISO 4217 code of the account (or, for CAMT, of the booked amount). */
  currency: string;
  /** The free text a person reads on the statement (remittance information, purpose, name of the payee…). */
  label: string;
  counterpartyName?: string;
  /** IBAN or other account number of the counterparty. */
  counterpartyAccount?: string;
  /** Structured creditor reference or end-to-end id, when the format carries one. */
  reference?: string;
  /** The end-to-end id the payer gave the payment (CAMT Refs/EndToEndId, MT940 EREF+), when not NOTPROVIDED. */
  endToEndId?: string;
  /** The bank's own id of the booking (CAMT AcctSvcrRef, OFX FITID, MT940 :61: bank reference); not always unique. */
  bankReference?: string;
}

/** A record a reader left out, and why (a statement never silently loses a line). */
export interface SkippedRecord {
  /** Where it was: "statement 1, entry 3", "line 42"… */
  where: string;
  reason: string;
}

export type StatementFormat = "camt.052" | "camt.053" | "camt.054" | "ofx" | "mt940" | "mt942";

/** A balance the bank states, signed (negative for an overdraft), with the day it is for when given. */
export interface StatedBalance {
  amount: number;
  date?: string;
}

export interface BankStatement {
  format: StatementFormat;
  /** The bank's id of the statement (CAMT Id, MT940 :20:, OFX account id), empty when none. */
  statementId: string;
  /** IBAN or account number of the account the statement is for, empty when none. */
  account: string;
  currency: string;
  lines: BankStatementLine[];
  skipped: SkippedRecord[];
  /** Balance before the first line, as the file states it (absent when the format or file gives none). */
  openingBalance?: StatedBalance;
  /** Balance after the last line, as the file states it. */
  closingBalance?: StatedBalance;
}

/** The input is not a statement of the expected format (truncated, malformed, wrong format). */
export class StatementFormatError extends Error {
  override name = "StatementFormatError";
  constructor(
    readonly format: StatementFormat | "camt",
    message: string,
  ) {
    super(`${format}: ${message}`);
  }
}

// C0/C1 control characters (tab and newlines included) become one space; runs of blanks collapse.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]+/g;

/** A label or name as one clean line of text: control characters out, blanks collapsed, trimmed. */
export function cleanText(text: string): string {
  return text.replace(CONTROL, " ").replace(/ {2,}/g, " ").trim();
}

/** `value` when it is non-empty after cleaning, else undefined (for optional fields). */
export function optionalText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const cleaned = cleanText(value);
  return cleaned === "" ? undefined : cleaned;
}

/** Builds a line, leaving absent optional fields out (exactOptionalPropertyTypes). */
export function statementLine(
  base: Pick<BankStatementLine, "date" | "amount" | "currency" | "label">,
  optional: {
    counterpartyName?: string | undefined;
    counterpartyAccount?: string | undefined;
    reference?: string | undefined;
    endToEndId?: string | undefined;
    bankReference?: string | undefined;
  },
): BankStatementLine {
  const line: BankStatementLine = { ...base, label: cleanText(base.label) };
  const name = optionalText(optional.counterpartyName);
  const account = optionalText(optional.counterpartyAccount)?.replace(/\s+/g, "");
  const reference = optionalText(optional.reference);
  if (name !== undefined) line.counterpartyName = name;
  if (account !== undefined && account !== "") line.counterpartyAccount = account;
  if (reference !== undefined) line.reference = reference;
  const endToEndId = optionalText(optional.endToEndId);
  if (endToEndId !== undefined && !/^NOTPROVIDED$/i.test(endToEndId)) line.endToEndId = endToEndId;
  const bankReference = optionalText(optional.bankReference);
  if (bankReference !== undefined && !/^NONREF$/i.test(bankReference)) line.bankReference = bankReference;
  return line;
}

/** A calendar date, or null when year/month/day do not form one. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return d.toISOString().slice(0, 10);
}
