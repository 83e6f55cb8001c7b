// What the filter bar edits and how it becomes the `filters` argument of dashboard_rows / dashboard_groups. Plain
// TypeScript, no OWL, no DOM.
import type { ConfidenceBand, ConfidenceBandLabel, DashboardFilters, DashboardGroupBy, DashboardOrder, MatchType } from "../contracts/dashboard";

export const ORDERS: readonly DashboardOrder[] = [
  "confidence desc",
  "confidence asc",
  "date desc",
  "date asc",
  "amount desc",
  "amount asc",
];

/** What the filter bar edits. Inputs keep their raw text; `toRpcFilters` decides what it means. */
export interface FilterState {
  matchType: MatchType | "";
  journalId: number | null;
  band: ConfidenceBand | "";
  minAmount: string;
  maxAmount: string;
  /** The partner name typed by the user… */
  partner: string;
  /** …and the partners it resolved to (null: not resolved, or no partner filter). */
  partnerIds: number[] | null;
  dateFrom: string;
  dateTo: string;
  search: string;
  order: DashboardOrder;
  /** "" shows one flat, paged list; otherwise the queue shows groups (dashboard_groups) that open on demand. */
  groupBy: DashboardGroupBy | "";
}

export function emptyFilters(): FilterState {
  return {
    matchType: "",
    journalId: null,
    band: "",
    minAmount: "",
    maxAmount: "",
    partner: "",
    partnerIds: null,
    dateFrom: "",
    dateTo: "",
    search: "",
    order: "confidence desc",
    groupBy: "",
  };
}

/** What "Clear filters" resets: every filter, but not the sort order or the grouping (views of the queue). */
export function clearedFilters(): Partial<FilterState> {
  const cleared: Partial<FilterState> = emptyFilters();
  delete cleared.order;
  delete cleared.groupBy;
  return cleared;
}

/**
 * Filters to open the queue with, from the client action's context (e.g. the bank journal dashboard passes
 * `ai_bookkeeping_journal_id`). Anything unexpected is ignored: the queue then opens unfiltered.
 */
export function initialFilters(context: unknown): FilterState {
  const filters = emptyFilters();
  if (typeof context === "object" && context !== null && "ai_bookkeeping_journal_id" in context) {
    const journalId: unknown = context.ai_bookkeeping_journal_id;
    if (typeof journalId === "number" && Number.isInteger(journalId) && journalId > 0) filters.journalId = journalId;
  }
  return filters;
}

/** "1200.50" → 1200.5; "", "abc" → undefined. Inputs are type=number, so the browser already gives a plain decimal. */
export function parseAmount(text: string): number | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The `filters` argument of dashboard_rows, the confidence band read with the server's `bands`. Returns null when nothing can match (a partner name that matched no
 * partner), so the caller shows an empty queue without asking the server.
 */
export function toRpcFilters(state: FilterState, bands: readonly ConfidenceBandLabel[]): DashboardFilters | null {
  const filters: DashboardFilters = {};
  if (state.matchType) filters.matchTypes = [state.matchType];
  if (state.journalId !== null) filters.journalIds = [state.journalId];
  // The band's limits are the server's (dashboard_labels), upper bounds already just below the next band's limit.
  const band = bands.find((b) => b.value === state.band);
  if (band?.minConfidence != null) filters.minConfidence = band.minConfidence;
  if (band?.maxConfidence != null) filters.maxConfidence = band.maxConfidence;
  const minAmount = parseAmount(state.minAmount);
  const maxAmount = parseAmount(state.maxAmount);
  if (minAmount !== undefined) filters.minAmount = minAmount;
  if (maxAmount !== undefined) filters.maxAmount = maxAmount;
  if (state.partner.trim() && state.partnerIds !== null) {
    if (state.partnerIds.length === 0) return null;
    filters.partnerIds = [...state.partnerIds];
  }
  if (ISO_DATE.test(state.dateFrom)) filters.dateFrom = state.dateFrom;
  if (ISO_DATE.test(state.dateTo)) filters.dateTo = state.dateTo;
  const search = state.search.trim();
  if (search) filters.search = search;
  return filters;
}

/** The same filters, narrowed to rows at or above `threshold` (for "select all ≥ X"). */
export function withMinConfidence(filters: DashboardFilters, threshold: number): DashboardFilters {
  return { ...filters, minConfidence: Math.max(filters.minConfidence ?? 0, threshold) };
}

/** The positional arguments of `dashboard_rows(filters, offset, limit, order)`. */
export function rowsArgs(
  filters: DashboardFilters,
  offset: number,
  limit: number,
  order: DashboardOrder,
): [DashboardFilters, number, number, DashboardOrder] {
  return [filters, Math.max(0, Math.floor(offset)), limit, order];
}

