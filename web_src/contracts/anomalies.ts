// The one definition of the anomaly-detection payloads exchanged between Odoo and the AI endpoint.
// Odoo reads the journal items changed since its last run (per company, in bounded batches) and sends them as
// `items`, with the history statistics the detectors need (`history`: per vendor, per account, per user, Benford
// digit counts), the company's lock dates and approval thresholds, and the patterns a person dismissed. The
// endpoint (web_src/engine/anomalies) answers findings; Odoo stores each as an `ai.suggestion` of kind `anomaly`,
// once per `dedupKey`. Detectors read only: nothing here writes to the books.
import { z } from "zod";
import detectorLabels from "../../ai_bookkeeping/tools/anomaly_detectors.json";

export const ANOMALY_DETECT_PATH = "/v1/anomalies/detect";
/** Most items in one request: Odoo sends bigger companies in batches of at most this. */
export const MAX_ANOMALY_ITEMS = 5_000;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
/** Local wall-clock time of the company ("2026-03-07T22:14:00"), no zone: hours and weekdays are read from it. */
const LocalDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, "expected YYYY-MM-DDTHH:MM[:SS]");
const Id = z.number().int().positive();
const Money = z.number().finite();
const CurrencyCode = z.string().regex(/^[A-Z]{3}$/);

export const EvidenceModelSchema = z.enum([
  "account.move",
  "account.move.line",
  "account.payment",
  "account.bank.statement.line",
  "account.journal",
  "res.partner",
]);
export type EvidenceModel = z.infer<typeof EvidenceModelSchema>;
export const EvidenceSchema = z.object({ model: EvidenceModelSchema, id: Id });
export type Evidence = z.infer<typeof EvidenceSchema>;

export const AccountTypeSchema = z.string().max(64);

export const ItemLineSchema = z.object({
  id: Id,
  accountId: Id,
  accountCode: z.string().max(64).default(""),
  /** Odoo's account_type (asset_receivable, liability_payable, asset_cash, expense …). */
  accountType: AccountTypeSchema,
  /** The line sits on an account used by a tax repartition line (a tax control account). */
  taxAccount: z.boolean().default(false),
  /** Positive debit, negative credit, company currency. */
  balance: Money,
  taxIds: z.array(Id).default([]),
  /** The line's tax rate in percent (sum of its percent taxes), null when it has none. */
  taxRate: z.number().finite().nullable().default(null),
});
export type ItemLine = z.infer<typeof ItemLineSchema>;

export const ItemKindSchema = z.enum(["bill", "refund", "invoice", "entry", "payment", "bank_line"]);
export type ItemKind = z.infer<typeof ItemKindSchema>;

/** One changed record to check: a move (bill, invoice, entry) with its lines, a payment or a bank statement line. */
export const DetectItemSchema = z.object({
  model: EvidenceModelSchema,
  id: Id,
  /** The account.move behind it (the payment's or bank line's own move), for the banner on the entry. */
  moveId: Id.optional(),
  kind: ItemKindSchema,
  name: z.string().max(256).default(""),
  /** Vendor reference of a bill, memo of a payment, label of a bank line. */
  reference: z.string().max(512).default(""),
  partnerId: Id.nullable().default(null),
  partnerName: z.string().max(256).default(""),
  journalId: Id.nullable().default(null),
  date: IsoDate,
  /** When it was created or posted, company local time. */
  createdAt: LocalDateTime,
  userId: Id.nullable().default(null),
  /** Total in company currency, positive (a bill's total, a payment's amount, a bank line's absolute amount). */
  amount: Money.nonnegative(),
  /** Bank lines: the sign of the movement (-1 money out, +1 money in); others 0. */
  direction: z.union([z.literal(-1), z.literal(0), z.literal(1)]).default(0),
  /** An entry typed by a person (not from a payment, statement, invoice or an automatic process). */
  manual: z.boolean().default(false),
  /** Odoo's `made_sequence_gap` on the move: its number leaves a gap in its journal's sequence. */
  sequenceGap: z.boolean().default(false),
  /** Payments and bank lines: the invoices/bills they pay or name (reconciled, or referenced). */
  paidMoveIds: z.array(Id).default([]),
  /** Payments: the vendor bank account paid to, and when it was added or last changed. */
  bankAccountId: Id.nullable().default(null),
  bankAccountChangedAt: IsoDate.nullable().default(null),
  /** Bank lines: the counterparty account number. */
  counterpartyAccount: z.string().max(64).default(""),
  lines: z.array(ItemLineSchema).default([]),
});
export type DetectItem = z.infer<typeof DetectItemSchema>;
export type DetectItemInput = z.input<typeof DetectItemSchema>;

/** An earlier bill (or payment) of a vendor, for duplicates and outliers. */
export const PastEntrySchema = z.object({
  model: EvidenceModelSchema.default("account.move"),
  id: Id,
  date: IsoDate,
  amount: Money.nonnegative(),
  reference: z.string().max(512).default(""),
  name: z.string().max(256).default(""),
  kind: ItemKindSchema.default("bill"),
  paidMoveIds: z.array(Id).default([]),
  journalId: Id.nullable().default(null),
  counterpartyAccount: z.string().max(64).default(""),
  direction: z.union([z.literal(-1), z.literal(0), z.literal(1)]).default(0),
});
export type PastEntry = z.infer<typeof PastEntrySchema>;

export const VendorHistorySchema = z.object({
  partnerId: Id,
  /** When the partner was created (a "new vendor" is recent). */
  createdOn: IsoDate.nullable().default(null),
  /** How many bills the vendor had before this batch (the recent list may be shorter). */
  billCount: z.number().int().nonnegative().default(0),
  /** The vendor's most recent bills and payments before the batch (newest first, at most a few dozen). */
  recent: z.array(PastEntrySchema).default([]),
  /** Accounts the vendor's bills were coded to (expense/asset side), with how many lines. */
  accounts: z.array(z.object({ accountId: Id, count: z.number().int().positive() })).default([]),
  /** Tax rates (percent) on the vendor's bill lines, with how many lines. */
  taxRates: z.array(z.object({ rate: z.number().finite(), count: z.number().int().positive() })).default([]),
  /** The vendor's bank accounts, with when each was added or changed. */
  bankAccounts: z.array(z.object({ id: Id, changedOn: IsoDate })).default([]),
  /** Earlier payments, by bank account paid to. */
  paymentsByBankAccount: z.array(z.object({ bankAccountId: Id, count: z.number().int().positive() })).default([]),
});
export type VendorHistory = z.infer<typeof VendorHistorySchema>;

export const AccountHistorySchema = z.object({
  accountId: Id,
  /** Recent absolute line balances on the account (newest first). */
  recent: z.array(z.object({ id: Id, date: IsoDate, amount: Money.nonnegative() })).default([]),
  lineCount: z.number().int().nonnegative().default(0),
  /** Taxes seen on the account's lines, with how many lines; `taxId` null counts lines without tax. */
  taxes: z.array(z.object({ taxId: Id.nullable(), count: z.number().int().positive() })).default([]),
});
export type AccountHistory = z.infer<typeof AccountHistorySchema>;

export const UserHistorySchema = z.object({
  userId: Id,
  /** Entries the user created, by local hour of day 0..23. */
  hours: z.array(z.number().int().nonnegative()).length(24),
  /** Of those, on a Saturday or Sunday. */
  weekend: z.number().int().nonnegative().default(0),
});
export type UserHistory = z.infer<typeof UserHistorySchema>;

export const BenfordSetSchema = z.object({
  /** "journal:7", "vendor:12" — what the set is. */
  scope: z.string().min(1).max(64),
  label: z.string().max(256).default(""),
  /** Items by first significant digit 1..9. */
  counts: z.array(z.number().int().nonnegative()).length(9),
  /** The set's own record (the journal, the vendor): the finding's target. */
  target: EvidenceSchema,
  /** A few items of the set, as evidence. */
  sampleIds: z.array(EvidenceSchema).max(50).default([]),
});
export type BenfordSet = z.infer<typeof BenfordSetSchema>;

export const DismissalSchema = z.object({
  /** The pattern a person dismissed ("amount_outlier_vendor:partner:12"). */
  patternKey: z.string().min(1).max(256),
  /** The score it had: only a worse finding of that pattern is raised again. */
  score: z.number().min(0).max(1),
});

export const AnomalySettingsSchema = z.object({
  /** Days within which the same vendor and amount is a likely duplicate. */
  duplicateWindowDays: z.number().int().positive().max(366).default(30),
  /** Amount (company currency) from which a new vendor with a new bank account is risky. */
  highAmount: Money.nonnegative().default(5_000),
  /** Days before a payment within which a changed vendor bank account is risky. */
  bankChangeDays: z.number().int().positive().max(366).default(14),
  /** Approval thresholds (company currency): round amounts just under them are flagged. */
  approvalThresholds: z.array(Money.positive()).default([]),
  /** Business hours, local time [start, end). */
  businessHourStart: z.number().int().min(0).max(23).default(7),
  businessHourEnd: z.number().int().min(1).max(24).default(20),
  /** An entry dated more than this many days before it was created is back-dated. */
  backdateDays: z.number().int().positive().max(3660).default(45),
  /** Detectors to skip (codes). */
  disabled: z.array(z.string()).default([]),
});
export type AnomalySettings = z.infer<typeof AnomalySettingsSchema>;

export const LockDatesSchema = z.object({
  fiscalyear: IsoDate.nullable().default(null),
  tax: IsoDate.nullable().default(null),
  purchase: IsoDate.nullable().default(null),
  sale: IsoDate.nullable().default(null),
  hard: IsoDate.nullable().default(null),
});
export type LockDates = z.infer<typeof LockDatesSchema>;

export const DetectAnomaliesRequestSchema = z.strictObject({
  companyId: Id,
  companyCurrency: CurrencyCode,
  settings: AnomalySettingsSchema.default(AnomalySettingsSchema.parse({})),
  lockDates: LockDatesSchema.default(LockDatesSchema.parse({})),
  items: z.array(DetectItemSchema).max(MAX_ANOMALY_ITEMS),
  history: z
    .object({
      vendors: z.array(VendorHistorySchema).default([]),
      accounts: z.array(AccountHistorySchema).default([]),
      users: z.array(UserHistorySchema).default([]),
      benford: z.array(BenfordSetSchema).default([]),
      /** Earlier bank lines of the same journals with the amounts of the batch's bank lines, within the window. */
      bankLines: z.array(PastEntrySchema).default([]),
    })
    .default({ vendors: [], accounts: [], users: [], benford: [], bankLines: [] }),
  dismissed: z.array(DismissalSchema).default([]),
});
export type DetectAnomaliesRequest = z.infer<typeof DetectAnomaliesRequestSchema>;
export type DetectAnomaliesRequestInput = z.input<typeof DetectAnomaliesRequestSchema>;

/** The detectors and their labels, one list for both sides (Odoo reads the same file: tools/anomaly_reply.py). */
export type DetectorCode = keyof typeof detectorLabels;
export const DETECTOR_LABELS: Readonly<Record<DetectorCode, string>> = detectorLabels;
export const DETECTOR_CODES = Object.keys(detectorLabels) as [DetectorCode, ...DetectorCode[]];
export const DetectorCodeSchema = z.enum(DETECTOR_CODES);

export const FindingSchema = z.object({
  detector: DetectorCodeSchema,
  /** 0..1, how likely this is a real problem (Odoo stores it as the suggestion's confidence). */
  score: z.number().min(0).max(1),
  /** A plain sentence naming the expected value ("usually 180–240 EUR, this bill is 2,450 EUR"). */
  reason: z.string().min(1),
  /** The record the finding is about (its banner), and every record compared. */
  target: EvidenceSchema,
  evidence: z.array(EvidenceSchema).min(1),
  /** Same finding, same key: Odoo raises it once. */
  dedupKey: z.string().min(1).max(256),
  /** The pattern a dismissal silences (the vendor's or account's), unless a later finding scores higher. */
  patternKey: z.string().min(1).max(256),
  partnerId: Id.nullable(),
  amount: Money.nonnegative(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const DetectAnomaliesResponseSchema = z.object({
  findings: z.array(FindingSchema),
  /** Detectors that failed on this request (the others still ran), with the error. */
  errors: z.array(z.object({ detector: DetectorCodeSchema, message: z.string() })),
  /** Findings left out because a person dismissed their pattern at the same or a higher score. */
  suppressed: z.number().int().nonnegative(),
});
export type DetectAnomaliesResponse = z.infer<typeof DetectAnomaliesResponseSchema>;
