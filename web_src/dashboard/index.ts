// Entry of the review dashboard bundle (built by esbuild into ai_bookkeeping/static/src/dashboard/review_dashboard.js,
// its templates and styles beside it). Registers the page as a client action and the workflows' panels on it.
import { registry } from "@web/core/registry";
import { AnomalyPanel } from "./anomaly_panel/anomaly_panel";
import { AnomalyPanelModel } from "./anomaly_panel/anomaly_panel_model";
import { OtherSuggestions } from "./other_suggestions/other_suggestions";
import { OtherSuggestionsModel } from "./other_suggestions_model";
import { ReconciliationPanel } from "./reconciliation_panel/reconciliation_panel";
import { reviewPanels } from "./review_panels";
import { ReviewDashboard } from "./review_dashboard/review_dashboard";
import { ReviewQueueModel } from "./review_queue_model";
import { FinancialReports } from "./financial_reports/financial_reports";

export const REVIEW_DASHBOARD_TAG = "ai_bookkeeping.review_dashboard";

registry.category("actions").add(REVIEW_DASHBOARD_TAG, ReviewDashboard);

reviewPanels
  .add("bank_reconciliation", { Component: ReconciliationPanel, createModel: (services, context) => new ReviewQueueModel(services, context) }, { sequence: 10 })
  .add("other_suggestions", { Component: OtherSuggestions, createModel: (services) => new OtherSuggestionsModel(services) }, { sequence: 100 });
reviewPanels.add("anomalies", { Component: AnomalyPanel, createModel: (services) => new AnomalyPanelModel(services) }, { sequence: 90 });
registry.category("actions").add("ai_bookkeeping.financial_reports", FinancialReports);
