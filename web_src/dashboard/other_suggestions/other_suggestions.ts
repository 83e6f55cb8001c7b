import { Component, useState } from "@odoo/owl";
import { useService, type DialogService } from "@web/core/utils/hooks";
import type { OtherSuggestionRow } from "../../contracts/dashboard";
import { ConfidenceBadge } from "../confidence_badge/confidence_badge";
import { _t } from "../l10n";
import type { OtherSuggestionsModel } from "../other_suggestions_model";
import { RejectDialog } from "../reject_dialog/reject_dialog";

export interface OtherSuggestionsProps {
  model: OtherSuggestionsModel;
}

/**
 * The other kinds of AI suggestions (vendor bill, anomaly, adjusting entry…), in their own panel under the
 * reconciliation queue: closed by default, with approve and reject per row. A view over OtherSuggestionsModel.
 */
export class OtherSuggestions extends Component<OtherSuggestionsProps> {
  static override template = "ai_bookkeeping.OtherSuggestions";
  static components = { ConfidenceBadge };
  static override props = { model: Object };

  model!: OtherSuggestionsModel;
  private dialog!: DialogService;

  override setup(): void {
    this.model = useState(this.props.model);
    this.dialog = useService("dialog");
  }

  get title(): string {
    return _t("Other suggestions (%s)", this.model.state.total);
  }

  get moreLabel(): string {
    return _t("%s more in AI Review › Other suggestions.", this.model.state.total - this.model.state.rows.length);
  }

  reject(row: OtherSuggestionRow): void {
    if (this.model.state.busy) return;
    this.dialog.add(RejectDialog, {
      title: _t("Reject this suggestion?"),
      body: row.name,
      onConfirm: (reason: string | null) => {
        void this.model.decide(row, "reject", reason);
      },
    });
  }
}
