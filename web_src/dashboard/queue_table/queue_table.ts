import { Component } from "@odoo/owl";
import { _t } from "../l10n";
import type { DashboardRow, MatchType } from "../../contracts/dashboard";
import { ConfidenceBadge } from "../confidence_badge/confidence_badge";
import { formatAmount, formatServerDate } from "../format";
import { allSelected, type SelectedRow } from "../queue_state";

export interface QueueTableProps {
  rows: DashboardRow[];
  selection: Map<number, SelectedRow>;
  /** Index of the row the keyboard acts on, -1 for none. */
  cursor: number;
  /** Errors from this session's actions, shown over the server's `row.error`. */
  rowErrors: Map<number, string>;
  disabled: boolean;
  loading: boolean;
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
    selection: Map,
    cursor: Number,
    rowErrors: Map,
    disabled: Boolean,
    loading: Boolean,
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

  amount(row: DashboardRow): string {
    return formatAmount(row.line.amount, row.line.currency, row.line.currencyId);
  }

  date(row: DashboardRow): string {
    return formatServerDate(row.line.date);
  }

  matchTypeLabel(type: MatchType): string {
    const labels: Record<MatchType, string> = {
      full: _t("Full match"),
      partial: _t("Partial payment"),
      multi: _t("Several invoices"),
      writeoff: _t("With write-off"),
      expense: _t("Expense / account"),
    };
    return labels[type];
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
