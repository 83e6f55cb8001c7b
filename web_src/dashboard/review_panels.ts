// The review page is made of panels, one per workflow, each contributing its rows, filters and bulk actions. A
// workflow adds its panel by registering it in this registry category (Odoo's own registry, so another add-on's
// bundle can add one too):
//
//   reviewPanels.add("vendor_bills", { Component: VendorBillsPanel, createModel: (services) => new VendorBillsModel(services) }, { sequence: 20 });
//
// The page (ReviewDashboard) builds each panel's model once, starts its load(), and renders the panels by sequence.
import type { ComponentConstructor } from "@odoo/owl";
import { registry } from "@web/core/registry";
import type { NotificationService, OrmService } from "@web/core/utils/hooks";
import type { ReviewLabels } from "./review_labels";

export const REVIEW_PANELS = "ai_bookkeeping.review_panels";

/**
 * What a panel's model may use: calls to Odoo, notifications, and the server's labels (loaded once for the page).
 * Dialogs and actions stay in its view.
 */
export interface ReviewPanelServices {
  orm: OrmService;
  notification: NotificationService;
  labels: ReviewLabels;
}

/** A panel's state and calls, kept out of its component (tested without the DOM). */
export interface ReviewPanelModel {
  /** What the panel shows first; it shows its own loading and failures. */
  load(): Promise<unknown>;
}

export interface ReviewPanel {
  /** The panel's view; its one prop is `model`. */
  Component: ComponentConstructor;
  /** Builds the model when the page opens; `context` is the client action's context. */
  createModel(services: ReviewPanelServices, context: unknown): ReviewPanelModel;
}

export const reviewPanels = registry.category<ReviewPanel>(REVIEW_PANELS);
