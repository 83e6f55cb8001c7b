// The review vocabulary as the server defines it (`dashboard_labels`): match types and confidence bands with their
// labels in the user's language. The one definition is Python's (ai_reconciliation_dashboard.py); the dashboard keeps
// no table of its own. Until the answer arrives, or from an older server without it, a match type shows as the row's
// own `matchTypeLabel` or its code, and a confidence as a plain percentage.
import { markRaw, reactive } from "@odoo/owl";
import type { OrmService } from "@web/core/utils/hooks";
import { DashboardLabelsSchema, type ConfidenceBandLabel, type DashboardLabels } from "../contracts/dashboard";
import { parseReply } from "./parse_reply";

export const LABELS_MODEL = "ai.reconciliation.suggestion";

export class ReviewLabels {
  readonly state: DashboardLabels;
  private readonly orm: OrmService;

  constructor(orm: OrmService) {
    this.orm = markRaw(orm);
    this.state = reactive<DashboardLabels>({ matchTypes: [], bands: [] });
  }

  async load(): Promise<void> {
    try {
      const labels = parseReply("dashboard_labels", DashboardLabelsSchema, await this.orm.call(LABELS_MODEL, "dashboard_labels", []));
      this.state.matchTypes = labels.matchTypes;
      this.state.bands = labels.bands;
    } catch {
      // Labels are a courtesy: without them the queue still works (codes, plain percentages, no band filter).
    }
  }
}

/**
 * The band a confidence falls in. The server lists the bands highest first, each from its lower bound up to the next
 * one (half-open: its upper bounds sit just below the next band's limit), so the first band whose lower bound the
 * confidence reaches is its band.
 */
export function bandOf(bands: readonly ConfidenceBandLabel[], confidence: number): ConfidenceBandLabel | undefined {
  return bands.find((band) => band.minConfidence === null || confidence >= band.minConfidence);
}
