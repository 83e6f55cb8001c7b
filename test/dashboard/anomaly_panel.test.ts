// @vitest-environment jsdom
// The review queue's Anomalies panel: open anomaly findings with detector, score, reason, vendor, amount and entry;
// filters sent to dashboard_anomaly_rows; Confirm, Cancel the duplicate and Dismiss for the selected rows through
// dashboard_anomaly_decide.
import { afterEach, describe, expect, it } from "vitest";

import type { AnomalyRow } from "../../web_src/contracts/dashboard";
import "../../web_src/dashboard/index"; // registers the panels
import { ReviewDashboard } from "../../web_src/dashboard/review_dashboard/review_dashboard";
import { $, $$, mountWithServices, until, type Mounted } from "./fakes/mount";
import { FakeOrm, makeServices, makeSuggestions } from "./fakes/services";

let mounted: Mounted | undefined;

afterEach(() => {
  mounted?.destroy();
  mounted = undefined;
  document.body.innerHTML = "";
});

const anomaly = (id: number, over: Partial<AnomalyRow> = {}): AnomalyRow => ({
  id,
  detector: "duplicate_bill",
  detectorLabel: "Duplicate bill",
  name: `Anomaly ${id}`,
  score: 0.9,
  reason: `reason ${id}`,
  vendor: "Acme GmbH",
  amount: 1200,
  currency: "EUR",
  moveId: 500 + id,
  moveName: `BILL/2026/000${id}`,
  canCancel: false,
  error: null,
  ...over,
});

async function mountWith(orm: FakeOrm): Promise<Mounted> {
  mounted = await mountWithServices(ReviewDashboard, makeServices(orm));
  const m = mounted;
  await until(() => expect($(m.target, ".o_ai_bookkeeping_status").textContent).not.toContain("Loading"));
  return m;
}

function setInput(root: HTMLElement, selector: string, value: string): void {
  const input = $(root, selector) as HTMLInputElement | HTMLSelectElement;
  input.value = value;
  input.dispatchEvent(new Event("change", { bubbles: true }));
}

function sampleOrm(): FakeOrm {
  const orm = new FakeOrm(makeSuggestions(3));
  orm.anomalies = [
    anomaly(1),
    anomaly(2, { detector: "amount_outlier_vendor", detectorLabel: "Unusual amount for the vendor", score: 0.72, vendor: "Stadtwerke Nord", amount: 480 }),
    anomaly(3, { score: 0.41, vendor: null, amount: null, moveId: null, moveName: null }),
  ];
  return orm;
}

describe("anomaly panel", () => {
  it("is absent when there is no open anomaly", async () => {
    const orm = new FakeOrm(makeSuggestions(3));
    const m = await mountWith(orm);
    await until(() => expect(orm.callsTo("dashboard_anomaly_rows")).toHaveLength(1));
    expect(orm.callsTo("dashboard_anomaly_rows")[0]!).toMatchObject({ model: "ai.suggestion", args: [{}, 0, 50] });
    expect(m.target.querySelector(".o_ai_bookkeeping_anomalies")).toBeNull();
  });

  it("lists detector, score, reason, vendor, amount and a link to the entry; the detectors come from the server", async () => {
    const orm = sampleOrm();
    const m = await mountWith(orm);
    await until(() => expect($$(m.target, ".o_ai_bookkeeping_anomalies_row")).toHaveLength(3));
    expect($(m.target, ".o_ai_bookkeeping_anomalies_title").textContent).toBe("Anomalies (3)");
    expect($$(m.target, ".o_ai_bookkeeping_anomalies_detector_label").map((e) => e.textContent)).toEqual([
      "Duplicate bill",
      "Unusual amount for the vendor",
      "Duplicate bill",
    ]);
    expect($$(m.target, ".o_ai_bookkeeping_anomalies_score").map((e) => e.textContent)).toEqual(["90%", "72%", "41%"]);
    expect($$(m.target, ".o_ai_bookkeeping_anomalies_reason").map((e) => e.textContent)).toEqual(["reason 1", "reason 2", "reason 3"]);
    expect($$(m.target, ".o_ai_bookkeeping_anomalies_vendor_name").map((e) => e.textContent)).toEqual(["Acme GmbH", "Stadtwerke Nord", ""]);
    const amounts = $$(m.target, ".o_ai_bookkeeping_anomalies_amount").map((e) => e.textContent ?? "");
    expect(amounts[0]).toMatch(/1,200\.00.EUR/);
    expect(amounts[2]).toBe("");
    const links = $$(m.target, ".o_ai_bookkeeping_anomalies_move") as HTMLAnchorElement[];
    expect(links.map((a) => [a.getAttribute("href"), a.textContent])).toEqual([
      ["/odoo/account.move/501", "BILL/2026/0001"],
      ["/odoo/account.move/502", "BILL/2026/0002"],
    ]);
    const options = $$(m.target, ".o_ai_bookkeeping_anomalies_detector option").map((o) => [(o as HTMLOptionElement).value, o.textContent]);
    expect(options).toEqual([
      ["", "All detectors"],
      ["duplicate_bill", "Duplicate bill"],
      ["amount_outlier_vendor", "Unusual amount for the vendor"],
    ]);
  });

  it("sends each filter to dashboard_anomaly_rows and shows the empty state when nothing matches", async () => {
    const orm = sampleOrm();
    const m = await mountWith(orm);
    await until(() => expect($$(m.target, ".o_ai_bookkeeping_anomalies_row")).toHaveLength(3));
    setInput(m.target, ".o_ai_bookkeeping_anomalies_detector", "amount_outlier_vendor");
    await until(() => expect($$(m.target, ".o_ai_bookkeeping_anomalies_row").map((r) => r.dataset.id)).toEqual(["2"]));
    setInput(m.target, ".o_ai_bookkeeping_anomalies_detector", "");
    setInput(m.target, ".o_ai_bookkeeping_anomalies_min_score", "70");
    setInput(m.target, ".o_ai_bookkeeping_anomalies_vendor", "  nord ");
    setInput(m.target, ".o_ai_bookkeeping_anomalies_amount_min", "100");
    setInput(m.target, ".o_ai_bookkeeping_anomalies_amount_max", "500");
    await until(() => expect(orm.callsTo("dashboard_anomaly_rows").at(-1)!.args).toEqual([{ minScore: 0.7, vendor: "nord", amountMin: 100, amountMax: 500 }, 0, 50]));
    await until(() => expect($$(m.target, ".o_ai_bookkeeping_anomalies_row").map((r) => r.dataset.id)).toEqual(["2"]));
    setInput(m.target, ".o_ai_bookkeeping_anomalies_amount_max", "300");
    await until(() => expect($(m.target, ".o_ai_bookkeeping_anomalies_empty").textContent).toBe("No open anomaly matches these filters."));
    expect($(m.target, ".o_ai_bookkeeping_anomalies_title").textContent).toBe("Anomalies (0)");
    $(m.target, ".o_ai_bookkeeping_anomalies_clear").click();
    await until(() => expect($$(m.target, ".o_ai_bookkeeping_anomalies_row")).toHaveLength(3));
    expect(orm.callsTo("dashboard_anomaly_rows").at(-1)!.args).toEqual([{}, 0, 50]);
  });

  it("confirms the selected rows in one dashboard_anomaly_decide call; a refusal stays on its row", async () => {
    const orm = sampleOrm();
    orm.rowFailures.set(2, "Nothing to apply.");
    const m = await mountWith(orm);
    await until(() => expect($$(m.target, ".o_ai_bookkeeping_anomalies_row")).toHaveLength(3));
    expect(m.target.querySelector(".o_ai_bookkeeping_anomalies_bulk")).toBeNull();
    ($(m.target, '.o_ai_bookkeeping_anomalies_row[data-id="1"] .o_ai_bookkeeping_anomalies_select') as HTMLInputElement).click();
    ($(m.target, '.o_ai_bookkeeping_anomalies_row[data-id="2"] .o_ai_bookkeeping_anomalies_select') as HTMLInputElement).click();
    await until(() => expect($(m.target, ".o_ai_bookkeeping_anomalies_selected").textContent).toBe("2 selected"));
    $(m.target, ".o_ai_bookkeeping_anomalies_confirm").click();
    await until(() => expect($$(m.target, ".o_ai_bookkeeping_anomalies_row").map((r) => r.dataset.id)).toEqual(["2", "3"]));
    expect(orm.callsTo("dashboard_decide")).toHaveLength(0);
    expect(orm.callsTo("dashboard_anomaly_decide")).toHaveLength(1);
    expect(orm.callsTo("dashboard_anomaly_decide")[0]!).toMatchObject({ model: "ai.suggestion", args: [[1, 2], "confirm", null] });
    expect(m.services.notification.notes.at(-1)).toMatchObject({ message: "1 anomalies confirmed", type: "success" });
    await until(() => expect($(m.target, ".o_ai_bookkeeping_anomalies_row_error").textContent).toBe("Nothing to apply."));
    // The refused row stays selected, to try again.
    expect($(m.target, ".o_ai_bookkeeping_anomalies_selected").textContent).toBe("1 selected");
  });

  it("dismisses all selected rows with the reason from the reject dialog", async () => {
    const orm = sampleOrm();
    const m = await mountWith(orm);
    await until(() => expect($$(m.target, ".o_ai_bookkeeping_anomalies_row")).toHaveLength(3));
    ($(m.target, ".o_ai_bookkeeping_anomalies_select_all") as HTMLInputElement).click();
    await until(() => expect($(m.target, ".o_ai_bookkeeping_anomalies_selected").textContent).toBe("3 selected"));
    $(m.target, ".o_ai_bookkeeping_anomalies_dismiss").click();
    const dialogs = $(m.target, ".o_test_dialogs");
    const reason = (await until(() => $(dialogs, ".o_ai_bookkeeping_reject_reason"))) as HTMLTextAreaElement;
    reason.value = "known vendor, expected";
    reason.dispatchEvent(new Event("input", { bubbles: true }));
    $(dialogs, ".o_ai_bookkeeping_reject_confirm").click();
    await until(() => expect(orm.callsTo("dashboard_anomaly_decide")).toHaveLength(1));
    expect(orm.callsTo("dashboard_anomaly_decide")[0]!.args).toEqual([[1, 2, 3], "dismiss", "known vendor, expected"]);
    expect(m.services.notification.notes.at(-1)).toMatchObject({ message: "3 anomalies dismissed", type: "success" });
    await until(() => expect(m.target.querySelector(".o_ai_bookkeeping_anomalies")).toBeNull());
  });

  it("confirms one row from its own button", async () => {
    const orm = sampleOrm();
    const m = await mountWith(orm);
    await until(() => expect($$(m.target, ".o_ai_bookkeeping_anomalies_row")).toHaveLength(3));
    $(m.target, '.o_ai_bookkeeping_anomalies_row[data-id="3"] .o_ai_bookkeeping_anomalies_row_confirm').click();
    await until(() => expect($$(m.target, ".o_ai_bookkeeping_anomalies_row")).toHaveLength(2));
    expect(orm.callsTo("dashboard_anomaly_decide")[0]!.args).toEqual([[3], "confirm", null]);
  });

  it("offers Cancel the duplicate on draft duplicates only, and cancels the selected ones it applies to", async () => {
    const orm = sampleOrm();
    orm.anomalies = [anomaly(1, { canCancel: true }), anomaly(4, { canCancel: true }), ...orm.anomalies.slice(1)];
    const m = await mountWith(orm);
    await until(() => expect($$(m.target, ".o_ai_bookkeeping_anomalies_row")).toHaveLength(4));
    const withButton = $$(m.target, ".o_ai_bookkeeping_anomalies_row")
      .filter((r) => r.querySelector(".o_ai_bookkeeping_anomalies_row_cancel") !== null)
      .map((r) => r.dataset.id);
    expect(withButton).toEqual(["1", "4"]);
    // Selecting only a non-duplicate: no bulk Cancel button.
    ($(m.target, '.o_ai_bookkeeping_anomalies_row[data-id="2"] .o_ai_bookkeeping_anomalies_select') as HTMLInputElement).click();
    await until(() => expect($(m.target, ".o_ai_bookkeeping_anomalies_selected").textContent).toBe("1 selected"));
    expect(m.target.querySelector(".o_ai_bookkeeping_anomalies_cancel")).toBeNull();
    ($(m.target, '.o_ai_bookkeeping_anomalies_row[data-id="1"] .o_ai_bookkeeping_anomalies_select') as HTMLInputElement).click();
    await until(() => expect($(m.target, ".o_ai_bookkeeping_anomalies_cancel").textContent).toBe("Cancel the duplicate"));
    $(m.target, ".o_ai_bookkeeping_anomalies_cancel").click();
    await until(() => expect(orm.callsTo("dashboard_anomaly_decide")).toHaveLength(1));
    expect(orm.callsTo("dashboard_anomaly_decide")[0]!.args).toEqual([[1], "cancel_duplicate", null]);
    expect(m.services.notification.notes.at(-1)).toMatchObject({ message: "1 duplicates cancelled", type: "success" });
    await until(() => expect($$(m.target, ".o_ai_bookkeeping_anomalies_row").map((r) => r.dataset.id)).toEqual(["4", "2", "3"]));
    $(m.target, '.o_ai_bookkeeping_anomalies_row[data-id="4"] .o_ai_bookkeeping_anomalies_row_cancel').click();
    await until(() => expect(orm.callsTo("dashboard_anomaly_decide")).toHaveLength(2));
    expect(orm.callsTo("dashboard_anomaly_decide")[1]!.args).toEqual([[4], "cancel_duplicate", null]);
  });
});
