import { Component } from "@odoo/owl";
import { _t } from "../l10n";
import type { ConfidenceBandLabel, DashboardRow } from "../../contracts/dashboard";
import { ConfidenceBadge } from "../confidence_badge/confidence_badge";
import { formatAmount, formatConfidence, formatServerDate } from "../format";
import { groupRowStarts, groupSelected, remainingRows, type GroupView } from "../grouping";
import { allSelected, type SelectedRow } from "../selection";

export interface QueueTableProps {
  /** The rows the cursor moves over: the page, or the rows of the expanded groups. */
  rows: DashboardRow[];
  /** When the queue is grouped: the groups, each drawn as a header row followed by its loaded rows when expanded. */
  groups?: GroupView[];
  /** Groups the server left out (over its limit). */
  groupsMore?: number;
  onToggleGroup?: (id: string) => void;
  onToggleGroupSelection?: (id: string) => void;
  onMoreGroup?: (id: string) => void;
  selection: Map<number, SelectedRow>;
  /** Index of the row the keyboard acts on, -1 for none. */
  cursor: number;
  /** Errors from this session's actions, shown over the server's `row.error`. */
  rowErrors: Map<number, string>;
  disabled: boolean;
  loading: boolean;
  /** The server's confidence bands, for the badges. */
  bands: readonly ConfidenceBandLabel[];
  onCursor: (index: number) => void;
  onToggle: (row: DashboardRow) => void;
  onTogglePage: () => void;
  onApprove: (row: DashboardRow) => void;
  onReject: (row: DashboardRow) => void;
  onEdit: (row: DashboardRow) => void;
  onOpen: (row: DashboardRow) => void;
}

/** The queue as an ARIA grid: one row per suggestion, a roving tab stop on the keyboard cursor. */
export class QueueTable extends Component<QueueTableProps> {
  static override template = "ai_bookkeeping.QueueTable";
  static components = { ConfidenceBadge };
  static override props = {
    rows: Array,
    groups: { type: Array, optional: true },
    groupsMore: { type: Number, optional: true },
    onToggleGroup: { type: Function, optional: true },
    onToggleGroupSelection: { type: Function, optional: true },
    onMoreGroup: { type: Function, optional: true },
    selection: Map,
    cursor: Number,
    rowErrors: Map,
    disabled: Boolean,
    loading: Boolean,
    bands: Array,
    onCursor: Function,
    onToggle: Function,
    onTogglePage: Function,
    onApprove: Function,
    onReject: Function,
    onEdit: Function,
    onOpen: Function,
  };

  get pageSelected(): boolean {
    return allSelected(this.props.selection, this.props.rows);
  }

  get isEmpty(): boolean {
    if (this.props.loading) return false;
    return this.props.groups ? this.props.groups.length === 0 : this.props.rows.length === 0;
  }

  get rowCount(): number {
    const headers = this.props.groups ? this.props.groups.length : 0;
    return this.props.rows.length + headers + 1;
  }

  get groupStarts(): Map<string, number> {
    return groupRowStarts(this.props.groups ?? []);
  }

  groupChecked(group: GroupView): boolean {
    return groupSelected(this.props.selection, group);
  }

  /** "1,234.50 € + $ 80.00" */
  groupTotal(group: GroupView): string {
    return group.group.totals.map((t) => formatAmount(t.amount, t.currency, t.currencyId)).join(" + ");
  }

  groupConfidence(group: GroupView): string {
    return _t("confidence %(mean)s on average, lowest %(min)s", {
      mean: formatConfidence(group.group.meanConfidence),
      min: formatConfidence(group.group.minConfidence),
    });
  }

  groupSelectLabel(group: GroupView): string {
    return _t("Select the %(count)s suggestions of %(label)s", { count: group.group.count, label: group.group.label });
  }

  remaining(group: GroupView): number {
    return remainingRows(group);
  }

  moreLabel(group: GroupView): string {
    return _t("Show more (%s not shown)", remainingRows(group));
  }

  get groupsMoreLabel(): string {
    return _t("%s more groups not shown: narrow the filters to see them.", this.props.groupsMore ?? 0);
  }

  amount(row: DashboardRow): string {
    return formatAmount(row.line.amount, row.line.currency, row.line.currencyId);
  }

  date(row: DashboardRow): string {
    return formatServerDate(row.line.date);
  }

  /** "INV/2026/0042, INV/2026/0043" or the account for an expense / write-off. */
  proposalTarget(row: DashboardRow): string {
    const parts = [...row.proposal.moveNames];
    if (row.proposal.account) parts.push(row.proposal.account);
    return parts.join(", ") || _t("No match proposed");
  }

  errorOf(row: DashboardRow): string | null {
    return this.props.rowErrors.get(row.id) ?? row.error;
  }

  rowLabel(row: DashboardRow): string {
    return _t("%(date)s, %(label)s, %(amount)s", { date: this.date(row), label: row.line.label, amount: this.amount(row) });
  }

  selectLabel(row: DashboardRow): string {
    return _t("Select %s", row.line.label || String(row.id));
  }
}
