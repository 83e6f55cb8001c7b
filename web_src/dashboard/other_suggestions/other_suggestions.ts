import { Component, onWillStart, useState } from "@odoo/owl";
import { _t } from "../l10n";
import { useService, type DialogService, type NotificationService, type OrmService } from "@web/core/utils/hooks";
import { BulkOutcomesSchema, OtherSuggestionPageSchema, type OtherSuggestionRow } from "../../contracts/dashboard";
import { ConfidenceBadge } from "../confidence_badge/confidence_badge";
import { RejectDialog } from "../reject_dialog/reject_dialog";
import { errorMessage } from "../error_message";
import { parseReply } from "../parse_reply";

export const OTHER_MODEL = "ai.suggestion";
/** Rows shown at once; the rest are in AI Review › Other suggestions. */
export const OTHER_PAGE_SIZE = 50;

interface OtherState {
  rows: OtherSuggestionRow[];
  total: number;
  open: boolean;
  loading: boolean;
  busy: boolean;
  error: string | null;
  rowErrors: Record<number, string>;
}

/**
 * The other kinds of AI suggestions (vendor bill, anomaly, adjusting entry…), in their own section under the
 * reconciliation queue: closed by default, with approve and reject per row.
 */
export class OtherSuggestions extends Component {
  static override template = "ai_bookkeeping.OtherSuggestions";
  static components = { ConfidenceBadge };
  static override props = {};

  private orm!: OrmService;
  private notification!: NotificationService;
  private dialog!: DialogService;

  state = useState<OtherState>({ rows: [], total: 0, open: false, loading: true, busy: false, error: null, rowErrors: {} });

  override setup(): void {
    this.orm = useService("orm");
    this.notification = useService("notification");
    this.dialog = useService("dialog");
    onWillStart(() => {
      void this.load();
    });
  }

  async load(): Promise<void> {
    this.state.loading = true;
    try {
      const page = parseReply("dashboard_other_rows", OtherSuggestionPageSchema, await this.orm.call(OTHER_MODEL, "dashboard_other_rows", [0, OTHER_PAGE_SIZE]));
      this.state.rows = page.rows;
      this.state.total = page.total;
      this.state.error = null;
    } catch (error) {
      this.state.error = errorMessage(error);
    } finally {
      this.state.loading = false;
    }
  }

  toggle(): void {
    this.state.open = !this.state.open;
  }

  get title(): string {
    return _t("Other suggestions (%s)", this.state.total);
  }

  get moreLabel(): string {
    return _t("%s more in AI Review › Other suggestions.", this.state.total - this.state.rows.length);
  }

  async decide(row: OtherSuggestionRow, decision: "approve" | "reject", reason: string | null = null): Promise<void> {
    if (this.state.busy) return;
    this.state.busy = true;
    try {
      const [outcome] = parseReply("dashboard_decide", BulkOutcomesSchema, await this.orm.call(OTHER_MODEL, "dashboard_decide", [[row.id], decision, reason]));
      if (outcome?.ok) {
        delete this.state.rowErrors[row.id];
        this.notification.add(decision === "approve" ? _t("“%s” approved", row.name) : _t("“%s” rejected", row.name), { type: "success" });
      } else {
        this.state.rowErrors[row.id] = outcome?.error ?? _t("The server did not report on this suggestion; reload to see where it stands.");
      }
    } catch (error) {
      this.state.rowErrors[row.id] = errorMessage(error);
    } finally {
      this.state.busy = false;
    }
    await this.load();
  }

  approve(row: OtherSuggestionRow): Promise<void> {
    return this.decide(row, "approve");
  }

  reject(row: OtherSuggestionRow): void {
    if (this.state.busy) return;
    this.dialog.add(RejectDialog, {
      title: _t("Reject this suggestion?"),
      body: row.name,
      onConfirm: (reason: string | null) => {
        void this.decide(row, "reject", reason);
      },
    });
  }

  errorOf(row: OtherSuggestionRow): string | null {
    return this.state.rowErrors[row.id] ?? row.error;
  }
}
