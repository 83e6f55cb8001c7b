// The selection of the queue, kept across pages with what is needed to total it. Plain TypeScript, no OWL, no DOM.
import type { DashboardRow } from "../contracts/dashboard";


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

