// The grouped queue's logic, free of OWL and the DOM: a group's filters, which rows are visible (for j/k), and whether
// a group's header checkbox is checked. The components only wire these to the page (tested in grouping.test.ts).
import type { DashboardFilters, DashboardGroup, DashboardGroupBy, DashboardRow } from "../contracts/dashboard";
import type { SelectedRow } from "./selection";

export const GROUP_BYS: readonly DashboardGroupBy[] = ["partner", "journal", "kind", "band", "month"];
/** Most rows the header checkbox of one group selects (fetched 500 at a time); a larger group is selected in part. */
export const MAX_GROUP_SELECTION = 2000;

/** One group as the queue shows it: the server's figures plus what was loaded of its rows. */
export interface GroupView {
  id: string;
  group: DashboardGroup;
  expanded: boolean;
  rows: DashboardRow[];
  /** Rows of the group under the current filters (from the last dashboard_rows call; the group's count before that). */
  total: number;
  loading: boolean;
  error: string | null;
  /** Ids the header checkbox selected (every row of the group, up to MAX_GROUP_SELECTION); null when not used. */
  memberIds: number[] | null;
}

/** A stable id for a group: its key, with the filter names sorted. */
export function groupId(key: DashboardFilters): string {
  const entries = Object.entries(key).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(entries);
}

export function toGroupView(group: DashboardGroup, previous?: GroupView): GroupView {
  return {
    id: groupId(group.key),
    group,
    expanded: previous?.expanded ?? false,
    rows: previous?.rows ?? [],
    total: group.count,
    loading: false,
    error: null,
    memberIds: null,
  };
}

/**
 * The queue's filters narrowed to one group. A group's key only narrows: bounds keep the tighter of the two, lists
 * the values in both (a group always lies inside the filters it was computed under, so this is normally its key).
 */
export function withGroupKey(filters: DashboardFilters, key: DashboardFilters): DashboardFilters {
  const merged: DashboardFilters = { ...filters };
  if (key.matchTypes) merged.matchTypes = intersect(filters.matchTypes, key.matchTypes);
  if (key.journalIds) merged.journalIds = intersect(filters.journalIds, key.journalIds);
  if (key.partnerIds) merged.partnerIds = intersect(filters.partnerIds, key.partnerIds);
  if (key.minConfidence !== undefined) merged.minConfidence = Math.max(filters.minConfidence ?? -Infinity, key.minConfidence);
  if (key.maxConfidence !== undefined) merged.maxConfidence = Math.min(filters.maxConfidence ?? Infinity, key.maxConfidence);
  if (key.minAmount !== undefined) merged.minAmount = Math.max(filters.minAmount ?? -Infinity, key.minAmount);
  if (key.maxAmount !== undefined) merged.maxAmount = Math.min(filters.maxAmount ?? Infinity, key.maxAmount);
  if (key.dateFrom !== undefined) merged.dateFrom = !filters.dateFrom || key.dateFrom > filters.dateFrom ? key.dateFrom : filters.dateFrom;
  if (key.dateTo !== undefined) merged.dateTo = !filters.dateTo || key.dateTo < filters.dateTo ? key.dateTo : filters.dateTo;
  return merged;
}

function intersect<T>(current: readonly T[] | undefined, wanted: readonly T[]): T[] {
  if (!current?.length) return [...wanted];
  const kept = wanted.filter((value) => current.includes(value));
  // Cannot happen for a group computed under `current`; an empty list would mean "no filter" to the server, so the
  // group's own key is kept rather than widening the query.
  return kept.length ? kept : [...wanted];
}

/** Rows of the expanded groups, in page order: what j/k move over. */
export function visibleGroupRows(groups: readonly GroupView[]): DashboardRow[] {
  return groups.flatMap((g) => (g.expanded ? g.rows : []));
}

/** Index, among the visible rows, of each group's first row (for data-row-index). */
export function groupRowStarts(groups: readonly GroupView[]): Map<string, number> {
  const starts = new Map<string, number>();
  let index = 0;
  for (const g of groups) {
    starts.set(g.id, index);
    if (g.expanded) index += g.rows.length;
  }
  return starts;
}

/** The ids selecting the whole group means: all its rows if they are loaded, else what the header fetched. */
export function groupMemberIds(view: GroupView): number[] | null {
  if (view.memberIds) return view.memberIds;
  if (view.rows.length && view.rows.length >= view.total) return view.rows.map((r) => r.id);
  return null;
}

/** Checked when every row of the group (as far as known) is selected. */
export function groupSelected(selection: ReadonlyMap<number, SelectedRow>, view: GroupView): boolean {
  const ids = groupMemberIds(view);
  return !!ids && ids.length > 0 && ids.every((id) => selection.has(id));
}

/** Rows of the group not loaded yet ("Show 80 more" shows at most one page). */
export function remainingRows(view: GroupView): number {
  return Math.max(0, view.total - view.rows.length);
}
