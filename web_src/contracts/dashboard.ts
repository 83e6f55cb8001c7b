// What the review dashboard exchanges with Odoo through the `orm` service (JSON-RPC to model methods).
// Python side: ai_bookkeeping/models/ai_reconciliation_suggestion.py (dashboard_* methods).
// The browser talks only to Odoo; Odoo talks to the AI endpoint.

export type SuggestionState = "pending" | "approved" | "applied" | "rejected" | "reverted" | "failed";
export type MatchType = "full" | "partial" | "multi" | "writeoff" | "expense";

/** One row of the queue, as returned by `ai.reconciliation.suggestion.dashboard_rows`. */
export interface DashboardRow {
  id: number;
  state: SuggestionState;
  matchType: MatchType;
  confidence: number; // 0..1
  rank: number;
  explanation: string;
  reasons: string[];
  /**
   * The bank line. Amount is signed (money in > 0) in `currency` (ISO code). `currencyId` (res.currency id) lets the
   * browser format the amount with Odoo's formatMonetary; without it the dashboard shows the number and the code.
   */
  line: { id: number; date: string; label: string; amount: number; currency: string; currencyId?: number; journal: string };
  /** The proposed match: invoice/bill numbers, partner, or account for an expense / write-off. */
  proposal: {
    moveNames: string[];
    partner: string | null;
    account: string | null;
    writeoffAmount: number;
  };
  /** Human summary of the journal items that approving will post, e.g. "Receivable Acme 1,200.00 / Bank fees 5.00". */
  willPost: string;
  /** Set when the last action on this row failed or the suggestion went stale. */
  error: string | null;
}

export interface DashboardFilters {
  matchTypes?: MatchType[];
  journalIds?: number[];
  minConfidence?: number;
  maxConfidence?: number;
  minAmount?: number;
  maxAmount?: number;
  partnerIds?: number[];
  dateFrom?: string;
  dateTo?: string;
  search?: string;
  states?: SuggestionState[]; // default ["pending"]
}

export type DashboardOrder = "confidence desc" | "confidence asc" | "date desc" | "date asc" | "amount desc" | "amount asc";

/** `dashboard_rows(filters, offset, limit, order)` */
export interface DashboardPage {
  rows: DashboardRow[];
  total: number;
}

/** `dashboard_kpis()` */
export interface DashboardKpis {
  pending: number;
  appliedToday: number;
  appliedTodayAuto: number;
  appliedTodayReviewed: number;
  acceptanceRate30d: number | null; // 0..1, null when nothing was decided in 30 days
  oldestPendingDate: string | null;
  minutesSaved: number;
  /** Tokens the language model used this month (all selected companies); absent from older servers. */
  llmTokensMonth?: number;
  /** Its estimated cost this month, in USD (from the endpoint's configured token prices). */
  llmCostMonth?: number;
}

/** Result of `bulk_approve(ids)` / `bulk_reject(ids, reason)` / `bulk_rerun(ids)`: one entry per id, never raises for one bad row. */
export interface BulkOutcome {
  id: number;
  ok: boolean;
  state: SuggestionState;
  error: string | null;
}

/** `dashboard_candidates(id)`: alternatives for the quick picker (edit before approve). */
export interface CandidateChoice {
  kind: "item" | "account";
  id: number;
  label: string; // "INV/2026/00042 · Acme GmbH · 1,200.00 EUR" or "626000 Bank fees"
}

/** What `dashboard_groups(filters, groupBy)` groups the queue by. */
export type DashboardGroupBy = "partner" | "journal" | "kind" | "band" | "month";

/** The total of a group's bank-line amounts in one currency (a journal has one currency; groups may span several). */
export interface DashboardGroupTotal {
  currency: string;
  currencyId?: number;
  amount: number;
}

/** One group of the queue. */
export interface DashboardGroup {
  /**
   * Filters to add to the queue's filters to get this group's rows from `dashboard_rows`, e.g. `{ partnerIds: [7] }`
   * (`[0]`: no partner), `{ matchTypes: ["full"] }`, `{ minConfidence: 0.95 }`, `{ dateFrom, dateTo }` for a month.
   */
  key: DashboardFilters;
  label: string;
  count: number;
  totals: DashboardGroupTotal[];
  meanConfidence: number; // 0..1
  minConfidence: number; // 0..1
}

/**
 * `dashboard_groups(filters, groupBy)`: at most 200 groups; partners and journals by count (largest first), kinds,
 * bands and months in their natural order. `more`: how many groups were left out.
 */
export interface DashboardGroups {
  groups: DashboardGroup[];
  more: number;
}

/** One pending `ai.suggestion` (any kind but a bank reconciliation), from `ai.suggestion.dashboard_other_rows`. */
export interface OtherSuggestionRow {
  id: number;
  /** bank_categorisation, vendor_bill, customer_invoice, expense, anomaly, adjusting_entry, report, … */
  kind: string;
  /** The kind as the user's language names it. */
  kindLabel: string;
  name: string;
  confidence: number; // 0..1
  explanation: string;
  /** The record it is about ("BILL/2026/0007"), if any. */
  target: string | null;
  error: string | null;
}

/** `ai.suggestion.dashboard_other_rows(offset, limit)`; decisions: `dashboard_decide(ids, "approve" | "reject", reason)` → BulkOutcome[]. */
export interface OtherSuggestionPage {
  rows: OtherSuggestionRow[];
  total: number;
}
