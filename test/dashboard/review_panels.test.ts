// @vitest-environment jsdom
// The review page is its registered panels: a workflow adds one to the review_panels registry category and the page
// shows it in sequence order, with its own model loaded once.
import { Component, useState, xml } from "@odoo/owl";
import { afterEach, describe, expect, it } from "vitest";

import "../../web_src/dashboard/index"; // registers the two panels of today
import { REVIEW_PANELS, reviewPanels } from "../../web_src/dashboard/review_panels";
import { ReviewDashboard } from "../../web_src/dashboard/review_dashboard/review_dashboard";
import { registry } from "@web/core/registry";
import { $, mountWithServices, until, type Mounted } from "./fakes/mount";
import { FakeOrm, makeServices, makeSuggestions } from "./fakes/services";

let mounted: Mounted | undefined;

afterEach(() => {
  mounted?.destroy();
  mounted = undefined;
  document.body.innerHTML = "";
});

class CountingModel {
  state = { loads: 0 };
  async load(): Promise<void> {
    this.state.loads += 1;
  }
}

class TestPanel extends Component<{ model: CountingModel }> {
  static override template = xml`<section class="o_test_panel">loaded <t t-esc="model.state.loads"/> time(s)</section>`;
  static override props = { model: Object };
  model!: CountingModel;
  override setup(): void {
    this.model = useState(this.props.model);
  }
}

describe("review panels", () => {
  it("are Odoo's registry category ai_bookkeeping.review_panels, bank reconciliation first", () => {
    expect(REVIEW_PANELS).toBe("ai_bookkeeping.review_panels");
    expect(registry.category(REVIEW_PANELS)).toBe(reviewPanels);
    expect(reviewPanels.getEntries().map(([key]) => key)).toEqual(["bank_reconciliation", "anomalies", "other_suggestions"]);
  });

  it("show a newly registered workflow's panel in sequence order, its model loaded once", async () => {
    const models: CountingModel[] = [];
    reviewPanels.add(
      "test_workflow",
      {
        Component: TestPanel,
        createModel: () => {
          const model = new CountingModel();
          models.push(model);
          return model;
        },
      },
      { sequence: 50 },
    );
    // (Left registered: each test file has its own modules, so its own registry.)
    {
      const orm = new FakeOrm(makeSuggestions(2));
      orm.others = [{ id: 5, kind: "anomaly", kindLabel: "Anomaly", name: "Odd", confidence: 0.5, explanation: "", target: null, error: null }];
      mounted = await mountWithServices(ReviewDashboard, makeServices(orm));
      const m = mounted;
      await until(() => expect($(m.target, ".o_test_panel").textContent).toBe("loaded 1 time(s)"));
      await until(() => $(m.target, ".o_ai_bookkeeping_other"));
      const order = [...$(m.target, ".o_ai_bookkeeping_dashboard").children].map((el) => el.className.split(" ")[0]);
      expect(order.indexOf("o_test_panel")).toBeGreaterThan(order.indexOf("o_ai_bookkeeping_footer"));
      expect(order.indexOf("o_test_panel")).toBeLessThan(order.indexOf("o_ai_bookkeeping_other"));
      expect(models).toHaveLength(1);
    }
  });
});
