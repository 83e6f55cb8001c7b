// @vitest-environment jsdom
// The dashboard's "Other suggestions" section: pending ai.suggestion rows (vendor bill, anomaly…), approve and reject.
import { afterEach, describe, expect, it } from "vitest";

import type { OtherSuggestionRow } from "../../web_src/contracts/dashboard";
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

const other = (id: number, kind: string, kindLabel: string, name: string): OtherSuggestionRow => ({
  id,
  kind,
  kindLabel,
  name,
  confidence: 0.9,
  explanation: `why ${name}`,
  target: null,
  error: null,
});

async function mountWithOthers(orm: FakeOrm): Promise<Mounted> {
  mounted = await mountWithServices(ReviewDashboard, makeServices(orm));
  const m = mounted;
  await until(() => expect($(m.target, ".o_ai_bookkeeping_status").textContent).not.toContain("Loading"));
  return m;
}

describe("other suggestions", () => {
  it("is absent when there is none", async () => {
    const orm = new FakeOrm(makeSuggestions(3));
    const m = await mountWithOthers(orm);
    await until(() => expect(orm.callsTo("dashboard_other_rows")).toHaveLength(1));
    expect(m.target.querySelector(".o_ai_bookkeeping_other")).toBeNull();
  });

  it("shows a closed section with the count; opening lists kind, name and confidence", async () => {
    const orm = new FakeOrm(makeSuggestions(3));
    orm.others = [other(7, "vendor_bill", "Vendor bill", "Draft bill from Acme"), other(8, "anomaly", "Anomaly", "Duplicate payment?")];
    const m = await mountWithOthers(orm);
    const toggle = await until(() => $(m.target, ".o_ai_bookkeeping_other_toggle"));
    expect(toggle.textContent!.trim()).toBe("Other suggestions (2)");
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(orm.callsTo("dashboard_other_rows")[0]!).toMatchObject({ model: "ai.suggestion", args: [0, 50] });
    toggle.click();
    await until(() => expect($$(m.target, ".o_ai_bookkeeping_other_row")).toHaveLength(2));
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect($$(m.target, ".o_ai_bookkeeping_other_kind").map((e) => e.textContent)).toEqual(["Vendor bill", "Anomaly"]);
    expect($$(m.target, ".o_ai_bookkeeping_other_name").map((e) => e.textContent)).toEqual(["Draft bill from Acme", "Duplicate payment?"]);
  });

  it("approves one row with dashboard_decide and reloads; a refusal shows on its row", async () => {
    const orm = new FakeOrm(makeSuggestions(3));
    orm.others = [other(7, "vendor_bill", "Vendor bill", "Draft bill"), other(8, "anomaly", "Anomaly", "Odd")];
    orm.rowFailures.set(8, "Nothing to apply.");
    const m = await mountWithOthers(orm);
    (await until(() => $(m.target, ".o_ai_bookkeeping_other_toggle"))).click();
    await until(() => expect($$(m.target, ".o_ai_bookkeeping_other_row")).toHaveLength(2));
    $(m.target, '.o_ai_bookkeeping_other_row[data-id="7"] .o_ai_bookkeeping_other_approve').click();
    await until(() => expect($$(m.target, ".o_ai_bookkeeping_other_row").map((r) => r.dataset.id)).toEqual(["8"]));
    expect(orm.callsTo("dashboard_decide")[0]!).toMatchObject({ model: "ai.suggestion", args: [[7], "approve", null] });
    expect(m.services.notification.notes.at(-1)).toMatchObject({ message: "“Draft bill” approved", type: "success" });
    expect($(m.target, ".o_ai_bookkeeping_other_toggle").textContent!.trim()).toBe("Other suggestions (1)");

    $(m.target, '.o_ai_bookkeeping_other_row[data-id="8"] .o_ai_bookkeeping_other_approve').click();
    await until(() => expect($(m.target, ".o_ai_bookkeeping_other_row_error").textContent).toBe("Nothing to apply."));
  });

  it("rejects with the reason from the dialog", async () => {
    const orm = new FakeOrm(makeSuggestions(3));
    orm.others = [other(9, "expense", "Expense", "Taxi")];
    const m = await mountWithOthers(orm);
    (await until(() => $(m.target, ".o_ai_bookkeeping_other_toggle"))).click();
    (await until(() => $(m.target, ".o_ai_bookkeeping_other_reject"))).click();
    const dialogs = $(m.target, ".o_test_dialogs");
    const reason = (await until(() => $(dialogs, ".o_ai_bookkeeping_reject_reason"))) as HTMLTextAreaElement;
    reason.value = "private trip";
    reason.dispatchEvent(new Event("input", { bubbles: true }));
    $(dialogs, ".o_ai_bookkeeping_reject_confirm").click();
    await until(() => expect(orm.callsTo("dashboard_decide")).toHaveLength(1));
    expect(orm.callsTo("dashboard_decide")[0]!.args).toEqual([[9], "reject", "private trip"]);
    await until(() => expect(m.target.querySelector(".o_ai_bookkeeping_other")).toBeNull());
  });
});
