import { Component } from "@odoo/owl";
import { _t } from "../l10n";
import { formatAmount, formatConfidence } from "../format";
import type { BulkRun } from "../review_queue_model";
import type { CurrencyTotal } from "../selection";

export interface BulkToolbarProps {
  selectedCount: number;
  totals: CurrencyTotal[];
  threshold: number;
  thresholds: readonly number[];
  /** The batch in progress, if any. */
  run: BulkRun | null;
  onThreshold: (threshold: number) => void;
  onSelectAbove: () => void;
  onClear: () => void;
  onApprove: () => void;
  onReject: () => void;
  onRerun: () => void;
}

/** Selection summary, "select all ≥ X", the bulk actions and the progress of the batch that is running. */
export class BulkToolbar extends Component<BulkToolbarProps> {
  static override template = "ai_bookkeeping.BulkToolbar";
  static override props = {
    selectedCount: Number,
    totals: Array,
    threshold: Number,
    thresholds: Array,
    run: { type: [Object, { value: null }] },
    onThreshold: Function,
    onSelectAbove: Function,
    onClear: Function,
    onApprove: Function,
    onReject: Function,
    onRerun: Function,
  };

  get busy(): boolean {
    return this.props.run !== null;
  }

  get summary(): string {
    if (!this.props.selectedCount) return _t("No suggestion selected");
    const total = this.props.totals.map((t) => formatAmount(t.amount, t.currency, t.currencyId)).join(" + ");
    return _t("%(count)s selected · %(total)s", { count: this.props.selectedCount, total });
  }

  get percent(): number {
    const run = this.props.run;
    return run && run.total ? Math.round((run.done / run.total) * 100) : 0;
  }

  get progressText(): string {
    const run = this.props.run;
    return run ? _t("%(label)s: %(done)s of %(total)s", { label: run.label, done: run.done, total: run.total }) : "";
  }

  thresholdLabel(threshold: number): string {
    return formatConfidence(threshold);
  }

  onThresholdChange(ev: Event): void {
    const value = ev.target instanceof HTMLSelectElement ? Number(ev.target.value) : NaN;
    if (this.props.thresholds.includes(value)) this.props.onThreshold(value);
  }
}
