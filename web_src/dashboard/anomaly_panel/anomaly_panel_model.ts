// The Anomalies panel without its view: open anomaly findings (ai.suggestion of kind "anomaly"), filtered by
// detector, minimum score, vendor and amount; confirm, cancel the duplicate (drafts) or dismiss (with a reason) the
// selected ones through ai.suggestion.dashboard_anomaly_decide, through the injected `orm` service.
import { markRaw, reactive } from "@odoo/owl";
import type { NotificationService, OrmService } from "@web/core/utils/hooks";
import { AnomalyPageSchema, BulkOutcomesSchema, type AnomalyAction, type AnomalyFilters, type AnomalyRow } from "../../contracts/dashboard";
import { errorMessage } from "../error_message";
import { _t } from "../l10n";
import { parseReply } from "../parse_reply";
import type { ReviewLabels } from "../review_labels";

export const ANOMALY_MODEL = "ai.suggestion";
/** Rows shown at once (highest score first). */
export const ANOMALY_PAGE_SIZE = 50;

/** The filter inputs as typed: text, "" = not filtered. The minimum score is in percent. */
export interface AnomalyFilterInputs {
  detector: string;
  minScorePercent: string;
  vendor: string;
  amountMin: string;
  amountMax: string;
}

export interface AnomalyPanelState {
  rows: AnomalyRow[];
  total: number;
  detectors: { value: string; label: string }[];
  filters: AnomalyFilterInputs;
  /** Ids of the selected rows. */
  selected: number[];
  /** True until the first answer: the panel stays hidden while it does not know whether there is anything. */
  loading: boolean;
  busy: boolean;
  error: string | null;
  rowErrors: Record<number, string>;
}

const NO_FILTERS: AnomalyFilterInputs = { detector: "", minScorePercent: "", vendor: "", amountMin: "", amountMax: "" };

function numberOrUndefined(text: string): number | undefined {
  if (text.trim() === "") return undefined;
  const value = Number(text.replace(",", "."));
  return Number.isFinite(value) ? value : undefined;
}

/** The inputs as the server's AnomalyFilters: only what is set, numbers as numbers. */
export function anomalyFilters(inputs: AnomalyFilterInputs): AnomalyFilters {
  const filters: AnomalyFilters = {};
  if (inputs.detector) filters.detector = inputs.detector;
  const percent = numberOrUndefined(inputs.minScorePercent);
  if (percent !== undefined) filters.minScore = Math.min(1, Math.max(0, percent / 100));
  if (inputs.vendor.trim()) filters.vendor = inputs.vendor.trim();
  const amountMin = numberOrUndefined(inputs.amountMin);
  if (amountMin !== undefined) filters.amountMin = amountMin;
  const amountMax = numberOrUndefined(inputs.amountMax);
  if (amountMax !== undefined) filters.amountMax = amountMax;
  return filters;
}

export class AnomalyPanelModel {
  readonly state: AnomalyPanelState;
  readonly labels: ReviewLabels;
  private readonly orm: OrmService;
  private readonly notification: NotificationService;

  constructor(services: { orm: OrmService; notification: NotificationService; labels: ReviewLabels }) {
    // The view reads the model through useState: services are not state, and must not become reactive proxies.
    this.orm = markRaw(services.orm);
    this.notification = markRaw(services.notification);
    this.labels = services.labels;
    this.state = reactive<AnomalyPanelState>({
      rows: [],
      total: 0,
      detectors: [],
      filters: { ...NO_FILTERS },
      selected: [],
      loading: true,
      busy: false,
      error: null,
      rowErrors: {},
    });
  }

  async load(): Promise<void> {
    try {
      const reply = await this.orm.call(ANOMALY_MODEL, "dashboard_anomaly_rows", [anomalyFilters(this.state.filters), 0, ANOMALY_PAGE_SIZE]);
      const page = parseReply("dashboard_anomaly_rows", AnomalyPageSchema, reply);
      this.state.rows = page.rows;
      this.state.total = page.total;
      this.state.detectors = page.detectors;
      const shown = new Set(page.rows.map((r) => r.id));
      this.state.selected = this.state.selected.filter((id) => shown.has(id));
      this.state.error = null;
    } catch (error) {
      this.state.error = errorMessage(error);
    } finally {
      this.state.loading = false;
    }
  }

  /** Whether any filter is set (the panel then stays visible, to undo them, even with no row). */
  get filtered(): boolean {
    return Object.keys(anomalyFilters(this.state.filters)).length > 0;
  }

  async setFilter(key: keyof AnomalyFilterInputs, value: string): Promise<void> {
    if (this.state.filters[key] === value) return;
    this.state.filters[key] = value;
    await this.load();
  }

  async clearFilters(): Promise<void> {
    this.state.filters = { ...NO_FILTERS };
    await this.load();
  }

  isSelected(row: AnomalyRow): boolean {
    return this.state.selected.includes(row.id);
  }

  toggle(row: AnomalyRow): void {
    this.state.selected = this.isSelected(row) ? this.state.selected.filter((id) => id !== row.id) : [...this.state.selected, row.id];
  }

  get allSelected(): boolean {
    return this.state.rows.length > 0 && this.state.selected.length === this.state.rows.length;
  }

  toggleAll(): void {
    this.state.selected = this.allSelected ? [] : this.state.rows.map((r) => r.id);
  }

  /** The selected rows that are duplicates still in draft ("Cancel the duplicate" applies to them only). */
  get cancellable(): number[] {
    const rows = new Map(this.state.rows.map((r) => [r.id, r]));
    return this.state.selected.filter((id) => rows.get(id)?.canCancel === true);
  }

  /** Confirms, cancels the duplicate or dismisses (with the reason) the given rows; refusals stay on their rows. */
  async decide(selected: readonly number[], action: AnomalyAction, reason: string | null = null): Promise<void> {
    if (this.state.busy || selected.length === 0) return;
    const ids = [...selected]; // a plain array, not the state's reactive proxy
    this.state.busy = true;
    try {
      const reply = await this.orm.call(ANOMALY_MODEL, "dashboard_anomaly_decide", [ids, action, reason]);
      const outcomes = parseReply("dashboard_anomaly_decide", BulkOutcomesSchema, reply);
      const byId = new Map(outcomes.map((o) => [o.id, o]));
      let done = 0;
      for (const id of ids) {
        const outcome = byId.get(id);
        if (outcome?.ok) {
          done += 1;
          delete this.state.rowErrors[id];
        } else {
          this.state.rowErrors[id] = outcome?.error ?? _t("The server did not report on this anomaly; reload to see where it stands.");
        }
      }
      if (done > 0) {
        const message =
          action === "confirm" ? _t("%s anomalies confirmed", done) : action === "cancel_duplicate" ? _t("%s duplicates cancelled", done) : _t("%s anomalies dismissed", done);
        this.notification.add(message, { type: "success" });
      }
      this.state.selected = this.state.selected.filter((id) => !byId.get(id)?.ok);
    } catch (error) {
      this.state.error = errorMessage(error);
    } finally {
      this.state.busy = false;
    }
    await this.load();
  }

  errorOf(row: AnomalyRow): string | null {
    return this.state.rowErrors[row.id] ?? row.error;
  }
}
