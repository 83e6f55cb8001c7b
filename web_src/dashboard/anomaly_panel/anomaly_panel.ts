import { Component, useState } from "@odoo/owl";
import { useService, type DialogService } from "@web/core/utils/hooks";
import type { AnomalyRow } from "../../contracts/dashboard";
import { formatAmount, formatConfidence } from "../format";
import { _t } from "../l10n";
import { RejectDialog } from "../reject_dialog/reject_dialog";
import type { AnomalyFilterInputs, AnomalyPanelModel } from "./anomaly_panel_model";

export interface AnomalyPanelProps {
  model: AnomalyPanelModel;
}

/**
 * The review queue's Anomalies panel: open findings of the anomaly detectors with their detector, score, reason,
 * vendor, amount and entry; filters; Confirm, Cancel the duplicate (duplicates still in draft) and Dismiss (with a
 * reason) for the selected rows. A view over
 * AnomalyPanelModel.
 */
export class AnomalyPanel extends Component<AnomalyPanelProps> {
  static override template = "ai_bookkeeping.AnomalyPanel";
  static override props = { model: Object };

  model!: AnomalyPanelModel;
  private dialog!: DialogService;

  override setup(): void {
    this.model = useState(this.props.model);
    this.dialog = useService("dialog");
  }

  /** Hidden while loading, and when there is no anomaly at all (no filter hides them). */
  get visible(): boolean {
    const state = this.model.state;
    return !state.loading && (state.total > 0 || this.model.filtered || state.error !== null);
  }

  get title(): string {
    return _t("Anomalies (%s)", this.model.state.total);
  }

  get moreLabel(): string {
    return _t("%s more: narrow the filters to see them.", this.model.state.total - this.model.state.rows.length);
  }

  get selectedLabel(): string {
    return _t("%s selected", this.model.state.selected.length);
  }

  score(row: AnomalyRow): string {
    return formatConfidence(row.score);
  }

  amount(row: AnomalyRow): string {
    return row.amount === null ? "" : formatAmount(row.amount, row.currency ?? "");
  }

  moveHref(row: AnomalyRow): string {
    return `/odoo/account.move/${row.moveId}`;
  }

  onFilter(key: keyof AnomalyFilterInputs, event: Event): void {
    void this.model.setFilter(key, (event.target as HTMLInputElement | HTMLSelectElement).value);
  }

  confirm(ids: readonly number[]): void {
    void this.model.decide(ids, "confirm");
  }

  cancelDuplicate(ids: readonly number[]): void {
    void this.model.decide(ids, "cancel_duplicate");
  }

  dismiss(ids: readonly number[]): void {
    if (this.model.state.busy || ids.length === 0) return;
    const chosen = [...ids];
    const rows = this.model.state.rows.filter((r) => chosen.includes(r.id));
    this.dialog.add(RejectDialog, {
      title: chosen.length === 1 ? _t("Dismiss this anomaly?") : _t("Dismiss %s anomalies?", chosen.length),
      body: rows.map((r) => r.name).join(" · "),
      onConfirm: (reason: string | null) => {
        void this.model.decide(chosen, "dismiss", reason);
      },
    });
  }
}
