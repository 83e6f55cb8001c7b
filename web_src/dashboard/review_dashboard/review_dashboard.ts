import { Component, onWillStart, type ComponentConstructor } from "@odoo/owl";
import { useService } from "@web/core/utils/hooks";
import { ReviewLabels } from "../review_labels";
import { reviewPanels, type ReviewPanelModel } from "../review_panels";

interface OpenPanel {
  key: string;
  Component: ComponentConstructor;
  model: ReviewPanelModel;
}

/**
 * The AI review page (client action `ai_bookkeeping.review_dashboard`): the panels of the review_panels registry,
 * by sequence — today bank reconciliation, then the other suggestion kinds. Each panel brings its own model; the
 * page loads the server's labels once for all of them.
 */
export class ReviewDashboard extends Component {
  static override template = "ai_bookkeeping.ReviewDashboard";
  static override props = ["*"];

  panels: OpenPanel[] = [];

  override setup(): void {
    const orm = useService("orm");
    const labels = new ReviewLabels(orm);
    const services = { orm, notification: useService("notification"), labels };
    const context: unknown = this.props.action?.context;
    this.panels = reviewPanels.getEntries().map(([key, panel]) => ({ key, Component: panel.Component, model: panel.createModel(services, context) }));
    onWillStart(() => {
      // Not awaited: the page shows at once with each panel's loading state, and a failure shows in place.
      void labels.load();
      for (const panel of this.panels) void panel.model.load();
    });
  }
}
