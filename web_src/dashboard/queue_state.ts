// The review queue's logic, free of OWL and the DOM: filters → RPC parameters, confidence bands, selection and its
// totals, batching of bulk actions, cursor moves. The components only wire these to the page.
import type {
  BulkOutcome,
  DashboardFilters,
  DashboardGroupBy,
  DashboardOrder,
  DashboardRow,
  MatchType,
} from "../contracts/dashboard";

export const PAGE_SIZE = 80;
/** Ids per bulk_* call: small enough for a quick answer and a moving progress bar, large enough to be few calls. */
export const CHUNK_SIZE = 50;
/** Rows per dashboard_rows call when collecting a selection over every page (the server caps pages at 500). */
export const SELECT_PAGE_SIZE = 500;
export const HIGH_CONFIDENCE = 0.95;
export const MEDIUM_CONFIDENCE = 0.8;
/** Bands are half-open ([0.8, 0.95)); the server compares with <=, so the upper bound is nudged below the limit. */
const BELOW = 1e-9;

export type ConfidenceBand = "high" | "medium" | "low";

export function confidenceBand(confidence: number): ConfidenceBand {
  if (confidence >= HIGH_CONFIDENCE) return "high";
  if (confidence >= MEDIUM_CONFIDENCE) return "medium";
  return "low";
}

export const MATCH_TYPES: readonly MatchType[] = ["full", "partial", "multi", "writeoff", "expense"];
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
 * The `filters` argument of dashboard_rows. Returns null when nothing can match (a partner name that matched no
 * partner), so the caller shows an empty queue without asking the server.
 */
export function toRpcFilters(state: FilterState): DashboardFilters | null {
  const filters: DashboardFilters = {};
  if (state.matchType) filters.matchTypes = [state.matchType];
  if (state.journalId !== null) filters.journalIds = [state.journalId];
  if (state.band === "high") filters.minConfidence = HIGH_CONFIDENCE;
  if (state.band === "medium") {
    filters.minConfidence = MEDIUM_CONFIDENCE;
    filters.maxConfidence = HIGH_CONFIDENCE - BELOW;
  }
  if (state.band === "low") filters.maxConfidence = MEDIUM_CONFIDENCE - BELOW;
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

// ---------------------------------------------------------------------------------------------- selection

/** What the selection keeps of a row, so it can total rows that are on other pages. */
export interface SelectedRow {
  id: number;
  amount: number;
  currency: string;
  currencyId?: number;
}

export function toSelected(row: DashboardRow): SelectedRow {
  const selected: SelectedRow = { id: row.id, amount: row.line.amount, currency: row.line.currency };
  if (row.line.currencyId !== undefined) selected.currencyId = row.line.currencyId;
  return selected;
}

/** Adds or removes one row; returns whether it is now selected. */
export function toggleSelected(selection: Map<number, SelectedRow>, row: DashboardRow): boolean {
  if (selection.has(row.id)) {
    selection.delete(row.id);
    return false;
  }
  selection.set(row.id, toSelected(row));
  return true;
}

/** Adds every row at or above the threshold; returns how many were added. */
export function selectAtOrAbove(selection: Map<number, SelectedRow>, rows: readonly DashboardRow[], threshold: number): number {
  let added = 0;
  for (const row of rows) {
    if (row.confidence >= threshold && !selection.has(row.id)) {
      selection.set(row.id, toSelected(row));
      added++;
    }
  }
  return added;
}

/** True when every row of the page is selected (for the header checkbox). */
export function allSelected(selection: ReadonlyMap<number, SelectedRow>, rows: readonly DashboardRow[]): boolean {
  return rows.length > 0 && rows.every((row) => selection.has(row.id));
}

export interface CurrencyTotal {
  currency: string;
  currencyId?: number;
  amount: number;
  count: number;
}

/**
 * Sum of the selected bank-line amounts per currency, sorted by currency code. Summed in thousandths to keep
 * 0.1 + 0.2 from showing as 0.30000000000000004.
 */
export function totalsByCurrency(selected: Iterable<SelectedRow>): CurrencyTotal[] {
  const totals = new Map<string, { milli: number; count: number; currencyId?: number }>();
  for (const row of selected) {
    const total = totals.get(row.currency) ?? { milli: 0, count: 0 };
    total.milli += Math.round(row.amount * 1000);
    total.count += 1;
    if (row.currencyId !== undefined) total.currencyId = row.currencyId;
    totals.set(row.currency, total);
  }
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, t]) => ({
      currency,
      amount: t.milli / 1000,
      count: t.count,
      ...(t.currencyId === undefined ? {} : { currencyId: t.currencyId }),
    }));
}

// ---------------------------------------------------------------------------------------------- batches

export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!(size >= 1)) throw new RangeError(`chunk size must be at least 1, got ${size}`);
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export interface BatchProgress {
  done: number;
  total: number;
}

export interface BatchResult {
  succeeded: number[];
  /** id → the sentence to show on that row. */
  failed: Map<number, string>;
}

export interface BatchOptions {
  chunkSize?: number;
  onProgress?: (progress: BatchProgress) => void;
  /** Message for a whole chunk whose call failed (network, server error): every id of that chunk gets it. */
  describeError: (error: unknown) => string;
  /** Message for an id the server did not answer for (e.g. deleted meanwhile). */
  missingMessage: string;
}

/**
 * Runs `call` on `ids` in chunks, one after the other. A failed row, or a whole failed chunk, is recorded and the
 * remaining chunks still run: the reviewer sees which rows need attention instead of a batch stopped half-way.
 */
export async function runInChunks(
  ids: readonly number[],
  call: (chunkIds: number[]) => Promise<BulkOutcome[]>,
  options: BatchOptions,
): Promise<BatchResult> {
  const result: BatchResult = { succeeded: [], failed: new Map() };
  const total = ids.length;
  let done = 0;
  options.onProgress?.({ done, total });
  for (const chunkIds of chunk(ids, options.chunkSize ?? CHUNK_SIZE)) {
    try {
      const outcomes = await call(chunkIds);
      const byId = new Map(outcomes.map((o) => [o.id, o]));
      for (const id of chunkIds) {
        const outcome = byId.get(id);
        if (!outcome) result.failed.set(id, options.missingMessage);
        else if (outcome.ok) result.succeeded.push(id);
        else result.failed.set(id, outcome.error ?? options.missingMessage);
      }
    } catch (error) {
      const message = options.describeError(error);
      for (const id of chunkIds) result.failed.set(id, message);
    }
    done += chunkIds.length;
    options.onProgress?.({ done, total });
  }
  return result;
}

// ---------------------------------------------------------------------------------------------- keyboard

export type KeyCommand = "next" | "previous" | "approve" | "reject" | "toggleSelect" | "edit" | "open" | "help" | "closeHelp";

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** The key was typed into an input, select, textarea or contenteditable. */
  inEditable: boolean;
}

const KEYMAP: Readonly<Record<string, KeyCommand>> = {
  j: "next",
  ArrowDown: "next",
  k: "previous",
  ArrowUp: "previous",
  a: "approve",
  r: "reject",
  x: "toggleSelect",
  e: "edit",
  Enter: "open",
  "?": "help",
  Escape: "closeHelp",
};

/** The dashboard command for a key press, or null to let the browser (or Odoo) have it. */
export function commandForKey(input: KeyInput): KeyCommand | null {
  if (input.inEditable || input.ctrlKey || input.altKey || input.metaKey) return null;
  return KEYMAP[input.key] ?? null;
}

/** The shortcuts, for the help overlay (keys as shown, command). */
export const SHORTCUTS: ReadonlyArray<[string, KeyCommand]> = [
  ["j / ↓", "next"],
  ["k / ↑", "previous"],
  ["x", "toggleSelect"],
  ["a", "approve"],
  ["r", "reject"],
  ["e", "edit"],
  ["Enter", "open"],
  ["?", "help"],
];

/** Cursor after a move, kept inside the page; -1 for an empty page. */
export function moveCursor(cursor: number, delta: number, length: number): number {
  if (length === 0) return -1;
  if (cursor < 0) return delta >= 0 ? 0 : length - 1;
  return Math.min(length - 1, Math.max(0, cursor + delta));
}

// ---------------------------------------------------------------------------------------------- edit before approve

/** Alternatives whose label holds every word of the query (case- and accent-insensitive). */
export function filterCandidates<T extends { label: string }>(choices: readonly T[], query: string): T[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...choices];
  return choices.filter((choice) => {
    const label = fold(choice.label);
    return words.every((word) => label.includes(word));
  });
}

function fold(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}
