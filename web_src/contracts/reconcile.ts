// The one definition of the reconciliation payloads exchanged between Odoo and the AI endpoint.
// Odoo builds `SuggestRequest` (ai_bookkeeping/tools/reconcile_payload.py), the endpoint validates it with these
// schemas, runs the engine and answers `SuggestResponse`, which Odoo validates again before storing anything.
//
// Sign conventions (same as Odoo's):
//  - a statement line's `amount` is positive for money received, negative for money paid out;
//  - an open item's `amountResidual` is positive for a receivable (customer owes us), negative for a payable.
// A line "pays" an item when the signs agree: +100 received pays a +100 receivable.
import { z } from "zod";
import confidenceBands from "../../ai_bookkeeping/tools/confidence_bands.json";
import { MAX_LABEL_LENGTH } from "./text_limits";

export const MAX_LINES_PER_REQUEST = 2_000;
export const MAX_CANDIDATES_PER_REQUEST = 200_000;
export const MAX_HISTORY_PER_REQUEST = 50_000;

const Id = z.number().int().positive();
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");
const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, "expected an ISO 4217 currency code such as EUR");
const Money = z.number().finite();
const Text = (max: number) => z.string().max(max).default("");

export const StatementLineSchema = z.object({
  id: Id,
  date: IsoDate,
  /** Amount in `currency` (the line's own currency: foreign currency when set, else the journal's). */
  amount: Money,
  currency: CurrencyCode,
  /** The same amount in the company currency. */
  amountCompany: Money,
  label: Text(MAX_LABEL_LENGTH),
  /** The bank's reference field (structured references often arrive here), empty when none. */
  ref: Text(MAX_LABEL_LENGTH),
  /** Counterparty name as printed by the bank, empty when none. */
  partnerName: Text(512),
  /** Counterparty IBAN / account number as printed by the bank, empty when none. */
  accountNumber: Text(64),
  /** Partner already set on the line (by an importer or a person), null when none. */
  partnerId: Id.nullable().default(null),
});
export type StatementLine = z.infer<typeof StatementLineSchema>;

export const OpenItemSchema = z.object({
  /** account.move.line id of the open receivable/payable item. */
  id: Id,
  moveId: Id,
  /** The entry's number, e.g. INV/2026/00042 or BILL/2026/11/0007. */
  moveName: Text(256),
  /** The entry's reference: customer payment reference or the vendor's bill number. */
  ref: Text(512),
  partnerId: Id.nullable(),
  partnerName: Text(512),
  date: IsoDate,
  dateMaturity: IsoDate.nullable().default(null),
  /** Residual in company currency, signed (receivable > 0, payable < 0). */
  amountResidual: Money,
  /** Residual in the item's currency, signed. */
  amountResidualCurrency: Money,
  currency: CurrencyCode,
  accountType: z.enum(["asset_receivable", "liability_payable"]),
});
export type OpenItem = z.infer<typeof OpenItemSchema>;

export const PartnerSchema = z.object({
  id: Id,
  name: Text(512),
  /** Bank account numbers (IBAN etc.) known for this partner. */
  bankAccounts: z.array(z.string().max(64)).max(50).default([]),
});
export type Partner = z.infer<typeof PartnerSchema>;

/** One past outcome: how a statement line was finally booked. This is what the engine learns from. */
export const HistoryEntrySchema = z.object({
  label: Text(MAX_LABEL_LENGTH),
  partnerName: Text(512),
  accountNumber: Text(64),
  amount: Money,
  date: IsoDate,
  /** Partner the line was finally reconciled with, null when none. */
  partnerId: Id.nullable().default(null),
  /** For lines coded to an account (no invoice): the account, its taxes and analytic distribution. */
  accountId: Id.nullable().default(null),
  taxIds: z.array(Id).max(20).default([]),
  /** What happened: confirmed by a reconciliation, or a suggestion for `rejectedPartnerId` that was rejected. */
  outcome: z.enum(["reconciled", "coded", "rejected"]).default("reconciled"),
  rejectedPartnerId: Id.nullable().default(null),
  rejectedAccountId: Id.nullable().default(null),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const AccountSchema = z.object({
  id: Id,
  code: Text(64),
  name: Text(256),
  accountType: Text(64),
});
export type Account = z.infer<typeof AccountSchema>;

export const EngineSettingsSchema = z.object({
  /** Account for bank fees deducted from a payment; null disables fee write-off proposals. */
  bankFeeAccountId: Id.nullable().default(null),
  /** Largest fee (company currency) the engine proposes to write off when a payment is short. */
  maxFeeAmount: z.number().nonnegative().default(50),
  /** Largest fee as a fraction of the invoice residual. */
  maxFeeRatio: z.number().min(0).max(1).default(0.05),
  /** Largest difference (company currency) treated as FX rounding for a foreign-currency match. */
  fxTolerance: z.number().nonnegative().default(1),
  /**
   * Small differences: a payment that differs from the invoice it cites by at most `writeoffMaxAmount` (company
   * currency) and at most `writeoffMaxRatio` of the invoice residual is proposed as a match with the difference
   * written off (Odoo's payment tolerance): to `writeoffAccountId`, or for exchange rounding to the exchange
   * gain/loss accounts. No account at all: no such proposal. Absent: DEFAULT_WRITEOFF_MAX_AMOUNT and
   * DEFAULT_WRITEOFF_MAX_RATIO, no accounts (optional rather than defaulted, so that older callers' settings still
   * type-check).
   */
  writeoffAccountId: Id.nullable().optional(),
  writeoffMaxAmount: z.number().nonnegative().optional(),
  writeoffMaxRatio: z.number().min(0).max(1).optional(),
  exchangeGainAccountId: Id.nullable().optional(),
  exchangeLossAccountId: Id.nullable().optional(),
  /**
   * The company's own bank account numbers (its bank journals' accounts). A line whose counterparty account is one
   * of them is a transfer between the company's own accounts: a fact of the master data, not a lesson of history.
   */
  ownBankAccounts: z.array(z.string().max(64)).max(200).optional(),
  /** Where transfers between own accounts go when history shows none (Odoo's liquidity transfer account). */
  transferAccountId: Id.nullable().optional(),
  /** Largest number of open items the engine combines to explain one payment. */
  maxSubsetSize: z.number().int().min(1).max(8).default(5),
  /** Suggestions per line, best first. */
  maxSuggestions: z.number().int().min(1).max(10).default(3),
});
export type EngineSettings = z.infer<typeof EngineSettingsSchema>;
/** Payment tolerance when the request names none: 0.50 in company currency and 1 % of the invoice. */
export const DEFAULT_WRITEOFF_MAX_AMOUNT = 0.5;
export const DEFAULT_WRITEOFF_MAX_RATIO = 0.01;

/**
 * The LLM this request may use, from the settings of the Odoo database that sends it: one bundled endpoint serves
 * every database of an Odoo server, so the endpoint must not use one database's model (and key) for another.
 * Sent by Odoo to the bundled endpoint only (loopback, signed; never logged); a separately deployed endpoint gets
 * none and uses its own configuration.
 */
export const RequestLlmSchema = z.strictObject({
  model: z.string().trim().min(1).max(200),
  baseUrl: z.url({ protocol: /^https?$/ }).max(2_000).optional(),
  apiKey: z.string().min(1).max(1_000).optional(),
});
export type RequestLlm = z.infer<typeof RequestLlmSchema>;

export const SuggestRequestSchema = z.object({
  companyId: Id,
  companyCurrency: CurrencyCode,
  lines: z.array(StatementLineSchema).min(1).max(MAX_LINES_PER_REQUEST),
  candidates: z.array(OpenItemSchema).max(MAX_CANDIDATES_PER_REQUEST).default([]),
  partners: z.array(PartnerSchema).max(MAX_CANDIDATES_PER_REQUEST).default([]),
  history: z.array(HistoryEntrySchema).max(MAX_HISTORY_PER_REQUEST).default([]),
  accounts: z.array(AccountSchema).max(10_000).default([]),
  settings: EngineSettingsSchema.default(EngineSettingsSchema.parse({})),
  /**
   * Whether the endpoint may consult its LLM (if it has one) for this request. Odoo sends false when the company's
   * monthly LLM budget is spent or the LLM is switched off for it. Absent: the endpoint's own configuration decides.
   */
  llmAllowed: z.boolean().optional(),
  /** The LLM to use for this request (see `RequestLlmSchema`); absent: the endpoint's own configuration, if any. */
  llm: RequestLlmSchema.optional(),
});
export type SuggestRequest = z.infer<typeof SuggestRequestSchema>;
export type SuggestRequestInput = z.input<typeof SuggestRequestSchema>;

export const MatchTypeSchema = z.enum(["full", "partial", "multi", "writeoff", "expense"]);
export type MatchType = z.infer<typeof MatchTypeSchema>;

export const SuggestionSchema = z.object({
  rank: z.number().int().min(1),
  matchType: MatchTypeSchema,
  /** Open items (account.move.line ids) the line pays, empty for an expense. */
  candidateIds: z.array(Id).max(50),
  partnerId: Id.nullable(),
  /** Account for the expense coding or the write-off, null for a plain match. */
  accountId: Id.nullable(),
  taxIds: z.array(Id).max(20).default([]),
  /** Company-currency amount to write off (bank fee), 0 when none. Signed like the line. */
  writeoffAmount: Money.default(0),
  confidence: z.number().min(0).max(1),
  /** One sentence an accountant reads in the queue. */
  explanation: z.string().max(2_000),
  /** The evidence, one short phrase each (used for the tooltip and for the audit log). */
  reasons: z.array(z.string().max(500)).max(20).default([]),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

export const LineResultSchema = z.object({
  lineId: Id,
  suggestions: z.array(SuggestionSchema).max(10),
});
export type LineResult = z.infer<typeof LineResultSchema>;

export const EngineInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** Model that took part, e.g. "gpt-4o-mini", or null for the offline engine alone. */
  model: z.string().nullable().default(null),
});
export type EngineInfo = z.infer<typeof EngineInfoSchema>;

/** What the LLM stage cost for one request (absent when the endpoint has no LLM). */
export const LlmUsageSchema = z.object({
  model: z.string(),
  /** Chat completions answered by the provider (cache hits and refused requests not counted). */
  calls: z.number().int().nonnegative(),
  cacheHits: z.number().int().nonnegative(),
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  /** Estimated from the configured prices per 1,000 tokens; 0 when no price is configured. */
  costUsd: z.number().nonnegative(),
});
export type LlmUsage = z.infer<typeof LlmUsageSchema>;

export const SuggestResponseSchema = z.object({
  engine: EngineInfoSchema,
  results: z.array(LineResultSchema),
  usage: LlmUsageSchema.optional(),
});
export type SuggestResponse = z.infer<typeof SuggestResponseSchema>;

/** Confidence at or above which a suggestion counts as "auto" grade (benchmarks, default rules): the add-on's high
 * band (ai_bookkeeping/tools/confidence_bands.json, also read by tools/confidence.py for Odoo's bands). */
export const AUTO_CONFIDENCE: number = confidenceBands.bands[0]?.min ?? 1;
