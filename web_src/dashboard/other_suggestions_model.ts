// The "other suggestions" panel without its view: pending ai.suggestion rows of every kind but bank reconciliation
// (vendor bill, anomaly, adjusting entry…), approve and reject, through the injected `orm` service.
import { markRaw, reactive } from "@odoo/owl";
import type { NotificationService, OrmService } from "@web/core/utils/hooks";
import { BulkOutcomesSchema, OtherSuggestionPageSchema, type Decision, type OtherSuggestionRow } from "../contracts/dashboard";
import { errorMessage } from "./error_message";
import { _t } from "./l10n";
import { parseReply } from "./parse_reply";
import type { ReviewLabels } from "./review_labels";

export const OTHER_MODEL = "ai.suggestion";
/** Rows shown at once; the rest are in AI Review › Other suggestions. */
export const OTHER_PAGE_SIZE = 50;

export interface OtherSuggestionsState {
  rows: OtherSuggestionRow[];
  total: number;
  open: boolean;
  loading: boolean;
  busy: boolean;
  error: string | null;
  rowErrors: Record<number, string>;
}

export class OtherSuggestionsModel {
  readonly state: OtherSuggestionsState;
  /** The server's confidence bands, for the badges. */
  readonly labels: ReviewLabels;
  private readonly orm: OrmService;
  private readonly notification: NotificationService;

  constructor(services: { orm: OrmService; notification: NotificationService; labels: ReviewLabels }) {
    // The view reads the model through useState: services are not state, and must not become reactive proxies.
    this.orm = markRaw(services.orm);
    this.notification = markRaw(services.notification);
    this.labels = services.labels;
    this.state = reactive<OtherSuggestionsState>({ rows: [], total: 0, open: false, loading: true, busy: false, error: null, rowErrors: {} });
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

  /** Approves or rejects one row; a refusal stays on its row. Then the list reloads. */
  async decide(row: OtherSuggestionRow, decision: Decision, reason: string | null = null): Promise<void> {
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

  errorOf(row: OtherSuggestionRow): string | null {
    return this.state.rowErrors[row.id] ?? row.error;
  }
}
