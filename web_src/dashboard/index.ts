// Entry of the review dashboard bundle (built by esbuild into ai_bookkeeping/static/src/dashboard/review_dashboard.js).
// The templates are the .xml files beside each component, loaded by Odoo from web.assets_backend.
import { registry } from "@web/core/registry";
import { ReviewDashboard } from "./review_dashboard/review_dashboard";

export const REVIEW_DASHBOARD_TAG = "ai_bookkeeping.review_dashboard";

registry.category("actions").add(REVIEW_DASHBOARD_TAG, ReviewDashboard);
