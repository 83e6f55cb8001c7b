// Open items built FROM real statement lines, for the pipeline test and scripts/bench_real.ts: one request per line,
// with one "true" item whose number or partner appears the way the bank printed it, distractors with the same
// amount for another partner, and items with near amounts. Pure: lines in, requests and truth out.
import type { OpenItem, Partner, SuggestRequestInput } from "../../../web_src/contracts/reconcile";
import { MAX_LABEL_LENGTH } from "../../../web_src/contracts/text_limits";
import type { BankStatementLine } from "../../../web_src/statements/bank_statement_line";

/**
 * What identifies the true item on the line:
 *  - reference: the bank's structured / end-to-end reference is the item's payment reference;
 *  - label number: a number printed in the label (invoice number, payment mark) is the item's reference;
 *  - counterparty: only the counterparty's name or account, and the amount;
 *  - none: nothing — two items for other partners carry the amount, no suggestion may be auto-grade.
 */
export const BUCKETS = ["reference", "label number", "counterparty", "none"] as const;
export type Bucket = (typeof BUCKETS)[number];

export interface RealLineCase {
  /** Where the line comes from: file and position, e.g. "mt940/jejik/ing.sta#3". */
  source: string;
  bucket: Bucket;
  line: BankStatementLine;
  request: SuggestRequestInput;
  /** The item the line pays; null in the "none" bucket. */
  trueItemId: number | null;
}

const LINE_ID = 1;
const FIRST_ID = 11;
const SECOND_ID = 12;
const NEAR_ABOVE = 13;
const NEAR_BELOW = 14;
const SAME_AMOUNT_THIRD = 15;
const TRUE_PARTNER = 21;
const OTHER_PARTNER = 22;
const THIRD_PARTNER = 23;
const OTHER_NAME = "Zeta Quarry Holdings";
const THIRD_NAME = "Yonder Pump Works";

/** FNV-1a of a string: a stable coin per line. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const cents = (value: number): number => Math.round(value * 100) / 100;

/** A date `days` before an ISO date. */
function daysBefore(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/**
 * The number a person would take for the invoice number in a label: the longest token with at least five digits
 * that is not a date, an amount, or the counterparty's account.
 */
export function labelNumber(line: BankStatementLine): string | null {
  const tokens = line.label.match(/[A-Za-z0-9][A-Za-z0-9/-]*[A-Za-z0-9]/g) ?? [];
  const account = (line.counterpartyAccount ?? "").toUpperCase();
  const candidates = tokens.filter((t) =>
    (t.match(/\d/g)?.length ?? 0) >= 5
    && !/^\d{1,4}[-./]\d{1,2}[-./]\d{1,4}$/.test(t)
    && !/^[A-Z]{2}\d{2}[A-Z0-9]{10,}$/i.test(t)
    && (account === "" || !account.includes(t.toUpperCase())));
  return candidates.reduce<string | null>((best, t) => (best === null || t.length > best.length ? t : best), null);
}

export function bucketOf(line: BankStatementLine): Bucket {
  if (line.amount === 0) return "none";
  if (line.reference !== undefined) return "reference";
  if (labelNumber(line) !== null) return "label number";
  if (line.counterpartyName !== undefined || line.counterpartyAccount !== undefined) return "counterparty";
  return "none";
}

function item(id: number, amount: number, currency: string, date: string, fields: Partial<OpenItem>): OpenItem {
  const receivable = amount > 0;
  return {
    id,
    moveId: id + 1_000,
    moveName: `${receivable ? "INV" : "BILL"}/2026/${String(id + 40_000).padStart(5, "0")}`,
    ref: "",
    partnerId: null,
    partnerName: "",
    date,
    dateMaturity: null,
    amountResidual: amount,
    amountResidualCurrency: amount,
    currency,
    accountType: receivable ? "asset_receivable" : "liability_payable",
    ...fields,
  };
}

const clip = (text: string | undefined, max: number): string => (text ?? "").slice(0, max);

/**
 * The same line as a "counterparty" case: the books do not know the reference the bank printed (the customer quoted
 * it, the invoice never recorded it), so only the counterparty's name or account and the amount identify the item.
 * Null when the line names no counterparty or already is a counterparty case.
 */
export function buildCounterpartyOnlyCase(source: string, line: BankStatementLine): RealLineCase | null {
  if (bucketOf(line) === "counterparty" || bucketOf(line) === "none") return null;
  if (line.counterpartyName === undefined && line.counterpartyAccount === undefined) return null;
  return buildRealLineCase(`${source}/counterparty-only`, line, "counterparty");
}

/** One request per real line, with its truth; `bucket` overrides what identifies the item (see buildCounterpartyOnlyCase). */
export function buildRealLineCase(source: string, line: BankStatementLine, forced?: Bucket): RealLineCase {
  const bucket = forced ?? bucketOf(line);
  // The true item takes the lower id for half of the lines and comes second in the list for the other half, so an
  // engine that breaks ties by id or by order cannot pass by luck.
  const trueFirst = hash(source) % 2 === 0;
  const TRUE_ITEM = trueFirst ? FIRST_ID : SECOND_ID;
  const SAME_AMOUNT_OTHER = trueFirst ? SECOND_ID : FIRST_ID;
  const amount = cents(line.amount);
  const itemDate = daysBefore(line.date, 20);
  const partnerName = clip(line.counterpartyName, 512) || "Quillon Beverages";
  const partners: Partner[] = [
    { id: TRUE_PARTNER, name: partnerName, bankAccounts: line.counterpartyAccount ? [clip(line.counterpartyAccount, 64)] : [] },
    { id: OTHER_PARTNER, name: OTHER_NAME, bankAccounts: [] },
    { id: THIRD_PARTNER, name: THIRD_NAME, bankAccounts: [] },
  ];
  const trueRef = bucket === "reference" ? (line.reference ?? "") : bucket === "label number" ? (labelNumber(line) ?? "") : "";
  const candidates: OpenItem[] = [];
  if (amount !== 0) {
    if (bucket === "none") {
      // Nothing on the line points at either: the amount alone cannot decide.
      candidates.push(item(FIRST_ID, amount, line.currency, itemDate, { partnerId: OTHER_PARTNER, partnerName: OTHER_NAME, ref: "ZQ-7781" }));
      candidates.push(item(SAME_AMOUNT_THIRD, amount, line.currency, itemDate, { partnerId: THIRD_PARTNER, partnerName: THIRD_NAME, ref: "YP-5519" }));
    } else {
      const truth = item(TRUE_ITEM, amount, line.currency, itemDate, { partnerId: TRUE_PARTNER, partnerName, ref: clip(trueRef, 512) });
      const other = item(SAME_AMOUNT_OTHER, amount, line.currency, itemDate, { partnerId: OTHER_PARTNER, partnerName: OTHER_NAME, ref: "ZQ-7781" });
      candidates.push(...(hash(`${source}/order`) % 2 === 0 ? [truth, other] : [other, truth]));
    }
    candidates.push(item(NEAR_ABOVE, cents(amount * 1.021), line.currency, itemDate, { partnerId: OTHER_PARTNER, partnerName: OTHER_NAME, ref: "ZQ-7782" }));
    candidates.push(item(NEAR_BELOW, cents(amount * 0.967), line.currency, itemDate, { partnerId: THIRD_PARTNER, partnerName: THIRD_NAME, ref: "YP-5520" }));
  }
  const request: SuggestRequestInput = {
    companyId: 1,
    companyCurrency: line.currency,
    lines: [{
      id: LINE_ID,
      date: line.date,
      amount,
      currency: line.currency,
      amountCompany: amount,
      label: clip(line.label, MAX_LABEL_LENGTH),
      ref: clip(line.reference, MAX_LABEL_LENGTH),
      partnerName: clip(line.counterpartyName, 512),
      accountNumber: clip(line.counterpartyAccount, 64),
    }],
    candidates,
    partners,
  };
  return { source, bucket, line, request, trueItemId: bucket === "none" ? null : TRUE_ITEM };
}
