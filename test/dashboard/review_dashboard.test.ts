// @vitest-environment jsdom
// The review dashboard mounted for real (OWL + its .xml templates) over fake Odoo services; @web/* resolves to the
// test doubles in ./fakes/web (vitest.config.ts).
import { afterEach, describe, expect, it } from "vitest";

import { registry } from "@web/core/registry";
import { REVIEW_DASHBOARD_TAG } from "../../web_src/dashboard/index";
import { ReviewDashboard } from "../../web_src/dashboard/review_dashboard/review_dashboard";
import { $, $$, mountWithServices, press, setValue, until, type Mounted } from "./fakes/mount";
import { FakeOrm, makeServices, makeSuggestions, type OrmCall } from "./fakes/services";

let mounted: Mounted | undefined;

afterEach(() => {
  mounted?.destroy();
  mounted = undefined;
  document.body.innerHTML = "";
});

async function mountDashboard(orm = new FakeOrm()): Promise<Mounted> {
  mounted = await mountWithServices(ReviewDashboard, makeServices(orm));
  await until(() => expect(mounted!.target.querySelector(".o_ai_bookkeeping_status")?.textContent).not.toContain("Loading"));
  return mounted;
}

const rowEls = (m: Mounted): HTMLElement[] => $$(m.target, ".o_ai_bookkeeping_row");
const rowIds = (m: Mounted): number[] => rowEls(m).map((el) => Number(el.dataset.id));
const lastRowsCall = (orm: FakeOrm): OrmCall => orm.callsTo("dashboard_rows").at(-1)!;
const dialogs = (m: Mounted): HTMLElement => $(m.target, ".o_test_dialogs");

describe("client action", () => {
  it("is registered under ai_bookkeeping.review_dashboard with props ['*']", () => {
    expect(REVIEW_DASHBOARD_TAG).toBe("ai_bookkeeping.review_dashboard");
    expect(registry.category("actions").get("ai_bookkeeping.review_dashboard")).toBe(ReviewDashboard);
    expect(ReviewDashboard.props).toEqual(["*"]);
  });
});

describe("rendering", () => {
  it("shows one row per pending suggestion with the bank line, the match, the badge and what will be posted", async () => {
    const m = await mountDashboard(new FakeOrm(makeSuggestions(3)));
    expect(rowIds(m)).toEqual([1, 2, 3]);
    const first = rowEls(m)[0]!;
    expect(first.querySelector(".o_ai_bookkeeping_line_label")!.textContent).toBe("Payment Acme GmbH ref 1");
    expect(first.querySelector(".o_ai_bookkeeping_line_date")!.textContent).toBe("01/02/2026");
    expect(first.querySelector(".o_ai_bookkeeping_line_journal")!.textContent).toBe("Bank");
    expect(first.querySelector(".o_ai_bookkeeping_amount")!.textContent).toBe("$\u00a0110.25");
    expect(rowEls(m)[1]!.querySelector(".o_ai_bookkeeping_amount")!.textContent).toBe("120.50\u00a0€");
    expect(first.querySelector(".o_ai_bookkeeping_proposal_target")!.textContent).toBe("INV/2026/00001");
    expect(first.querySelector(".o_ai_bookkeeping_proposal_partner")!.textContent).toBe("Acme GmbH");
    expect(first.querySelector(".o_ai_bookkeeping_explanation")!.textContent).toContain("INV/2026/00001");
    expect(first.querySelector(".o_ai_bookkeeping_will_post")!.textContent).toContain("400000 INV/2026/00001 110.25");
    expect($(m.target, ".o_ai_bookkeeping_table").getAttribute("role")).toBe("grid");
    expect(first.getAttribute("role")).toBe("row");
  });

  it("colours the confidence badge green ≥ 95 %, amber ≥ 80 %, red below", async () => {
    const suggestions = makeSuggestions(3);
    suggestions[0]!.confidence = 0.95;
    suggestions[1]!.confidence = 0.8;
    suggestions[2]!.confidence = 0.7999;
    const m = await mountDashboard(new FakeOrm(suggestions));
    const badges = $$(m.target, ".o_ai_bookkeeping_confidence");
    expect(badges.map((b) => b.dataset.band)).toEqual(["high", "medium", "low"]);
    expect(badges[0]!.classList.contains("o_ai_bookkeeping_confidence_high")).toBe(true);
    expect(badges.map((b) => b.textContent!.trim())).toEqual(["95%", "80%", "80%"]);
    expect(badges[2]!.getAttribute("aria-label")).toBe("Confidence 80% (Low)");
  });

  it("shows the key figures", async () => {
    const m = await mountDashboard(new FakeOrm(makeSuggestions(5)));
    const kpis = $$(m.target, ".o_ai_bookkeeping_kpi").map((kpi) =>
      [...kpi.children].map((part) => part.textContent!.trim()).join(" | "),
    );
    expect(kpis).toEqual([
      "Pending | 5",
      "Applied today | 12 | 9 automatic, 3 reviewed",
      "Accepted (30 days) | 92.3%",
      "Oldest pending | 15/01/2026",
      "Time saved (30 days) | 2 h 15 min | estimated",
    ]);
  });
});

describe("loading and paging", () => {
  it("asks for the first 80 pending rows, most confident first, and pages on the server", async () => {
    const orm = new FakeOrm(makeSuggestions(200));
    const m = await mountDashboard(orm);
    expect(lastRowsCall(orm).args).toEqual([{}, 0, 80, "confidence desc"]);
    expect(rowEls(m)).toHaveLength(80);
    $(m.target, ".o_pager_next").click();
    await until(() => expect(rowIds(m)[0]).toBe(81));
    expect(lastRowsCall(orm).args).toEqual([{}, 80, 80, "confidence desc"]);
  });

  it("turns every filter into dashboard_rows parameters and starts again from the first page", async () => {
    const orm = new FakeOrm(makeSuggestions(200));
    const m = await mountDashboard(orm);
    $(m.target, ".o_pager_next").click();
    await until(() => expect(lastRowsCall(orm).args[1]).toBe(80));

    setValue($(m.target, ".o_ai_bookkeeping_filter_kind"), "partial");
    await until(() => expect(lastRowsCall(orm).args).toEqual([{ matchTypes: ["partial"] }, 0, 80, "confidence desc"]));
    await until(() => expect(rowEls(m).every((el) => el.textContent!.includes("Partial payment"))).toBe(true));

    setValue($(m.target, ".o_ai_bookkeeping_filter_journal"), "12");
    setValue($(m.target, ".o_ai_bookkeeping_filter_band"), "medium");
    setValue($(m.target, ".o_ai_bookkeeping_filter_min_amount"), "150");
    setValue($(m.target, ".o_ai_bookkeeping_filter_max_amount"), "2000.5");
    setValue($(m.target, ".o_ai_bookkeeping_filter_date_from"), "2026-02-03");
    setValue($(m.target, ".o_ai_bookkeeping_filter_date_to"), "2026-02-20");
    setValue($(m.target, ".o_ai_bookkeeping_filter_order"), "amount asc");
    setValue($(m.target, ".o_ai_bookkeeping_search"), "  ref 1 ");
    await until(() =>
      expect(lastRowsCall(orm).args).toEqual([
        {
          matchTypes: ["partial"],
          journalIds: [12],
          minConfidence: 0.8,
          maxConfidence: expect.closeTo(0.95, 6),
          minAmount: 150,
          maxAmount: 2000.5,
          dateFrom: "2026-02-03",
          dateTo: "2026-02-20",
          search: "ref 1",
        },
        0,
        80,
        "amount asc",
      ]),
    );
    const band = (lastRowsCall(orm).args[0] as { maxConfidence: number }).maxConfidence;
    expect(band).toBeLessThan(0.95);

    $(m.target, ".o_ai_bookkeeping_filter_clear").click();
    await until(() => expect(lastRowsCall(orm).args).toEqual([{}, 0, 80, "amount asc"]));
  });

  it("searches as you type after a pause", async () => {
    const orm = new FakeOrm(makeSuggestions(40));
    const m = await mountDashboard(orm);
    const before = orm.callsTo("dashboard_rows").length;
    setValue($(m.target, ".o_ai_bookkeeping_search"), "ref 3", "input");
    expect(orm.callsTo("dashboard_rows")).toHaveLength(before);
    await until(() => expect(lastRowsCall(orm).args[0]).toEqual({ search: "ref 3" }));
    await until(() => expect(rowIds(m)).toEqual([3, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39]));
  });

  it("filters by partner name through name_search, and shows an empty queue without asking when none matches", async () => {
    const orm = new FakeOrm(makeSuggestions(30));
    const m = await mountDashboard(orm);
    setValue($(m.target, ".o_ai_bookkeeping_filter_partner"), "globex");
    await until(() => expect(lastRowsCall(orm).args[0]).toEqual({ partnerIds: [32] }));
    expect(orm.callsTo("name_search").at(-1)!.kwargs).toEqual({ name: "globex", limit: 80 });
    await until(() => expect(rowEls(m).length).toBe(10));

    const callsBefore = orm.callsTo("dashboard_rows").length;
    setValue($(m.target, ".o_ai_bookkeeping_filter_partner"), "nobody");
    await until(() => expect($(m.target, ".o_ai_bookkeeping_partner_hint").textContent).toContain("No partner matches"));
    await until(() => expect(rowEls(m)).toHaveLength(0));
    expect(orm.callsTo("dashboard_rows")).toHaveLength(callsBefore);
    expect($(m.target, ".o_ai_bookkeeping_empty").textContent).toContain("Nothing to review");

    $(m.target, ".o_ai_bookkeeping_filter_clear").click();
    await until(() => expect(rowEls(m)).toHaveLength(30));
    expect(lastRowsCall(orm).args[0]).toEqual({});
    expect(m.target.querySelector(".o_ai_bookkeeping_partner_hint")).toBeNull();
  });

  it("shows a visible error with a retry when dashboard_rows fails, and recovers", async () => {
    const orm = new FakeOrm(makeSuggestions(5));
    let fail = true;
    orm.overrides.set("dashboard_rows", () => {
      if (fail) throw Object.assign(new Error("RPC_ERROR"), { data: { message: "Access denied to the review queue" } });
      return undefined;
    });
    const m = await mountDashboard(orm);
    const alert = $(m.target, ".o_ai_bookkeeping_error");
    expect(alert.getAttribute("role")).toBe("alert");
    expect(alert.textContent).toContain("Access denied to the review queue");
    fail = false;
    $(m.target, ".o_ai_bookkeeping_retry").click();
    await until(() => expect(rowEls(m)).toHaveLength(5));
    expect(m.target.querySelector(".o_ai_bookkeeping_error")).toBeNull();
  });

  it("reports an answer of the wrong shape (older server) instead of crashing", async () => {
    const orm = new FakeOrm(makeSuggestions(2));
    orm.overrides.set("dashboard_rows", () => ({ rows: [{ id: 1, state: "pending" }], total: 1 }));
    orm.overrides.set("dashboard_kpis", () => ({ pending: "many" }));
    const m = await mountDashboard(orm);
    expect($(m.target, ".o_ai_bookkeeping_error").textContent).toContain("dashboard_rows: rows[0].matchType should be one of full, partial");
    expect($(m.target, ".o_ai_bookkeeping_kpis").textContent).toContain("Key figures unavailable");
    expect(rowEls(m)).toHaveLength(0);
  });
});

describe("selection", () => {
  it("toggles the row under the cursor with x and totals the selection per currency", async () => {
    const m = await mountDashboard(new FakeOrm(makeSuggestions(5)));
    press("x");
    press("j");
    press("x");
    press("j");
    press("x");
    await until(() => expect($$(m.target, ".o_ai_bookkeeping_row_selected")).toHaveLength(3));
    expect(rowEls(m)[0]!.getAttribute("aria-selected")).toBe("true");
    // ids 1 and 3 in USD (110.25 + 130.75), id 2 in EUR (120.50)
    expect($(m.target, ".o_ai_bookkeeping_selection_summary").textContent).toBe("3 selected · 120.50\u00a0€ + $\u00a0241.00");
    press("x");
    await until(() => expect($$(m.target, ".o_ai_bookkeeping_row_selected")).toHaveLength(2));
  });

  it("selects every row ≥ the threshold across pages, not only the visible one", async () => {
    const orm = new FakeOrm(makeSuggestions(200));
    orm.suggestions.slice(100).forEach((s) => (s.confidence = 0.97)); // 100 more above 0.95, beyond page 1
    const m = await mountDashboard(orm);
    $(m.target, ".o_ai_bookkeeping_select_above").click();
    const expected = orm.suggestions.filter((s) => s.confidence >= 0.95).length;
    await until(() => expect($(m.target, ".o_ai_bookkeeping_selection_summary").textContent).toMatch(new RegExp(`^${expected} selected`)));
    expect(expected).toBeGreaterThan(80);
    expect(lastRowsCall(orm).args).toEqual([{ minConfidence: 0.95 }, 0, 500, "confidence desc"]);
    const selectedOnPage = $$(m.target, ".o_ai_bookkeeping_row_selected").map((el) => Number(el.dataset.id));
    expect(selectedOnPage.length).toBe(80);
  });

  it("selects only the rows ≥ a lower threshold chosen in the toolbar", async () => {
    const m = await mountDashboard(new FakeOrm(makeSuggestions(60)));
    setValue($(m.target, ".o_ai_bookkeeping_threshold"), "0.9");
    $(m.target, ".o_ai_bookkeeping_select_above").click();
    // confidence 0.999 - 0.004 i ≥ 0.9 for i ≤ 24
    await until(() => expect($$(m.target, ".o_ai_bookkeeping_row_selected")).toHaveLength(25));
  });
});

describe("bulk actions", () => {
  it("approves a 120-row selection after a confirmation with count and total, in chunks of 50", async () => {
    const orm = new FakeOrm(makeSuggestions(200));
    orm.suggestions.slice(0, 120).forEach((s) => (s.confidence = 0.99));
    const m = await mountDashboard(orm);
    $(m.target, ".o_ai_bookkeeping_select_above").click();
    await until(() => expect($(m.target, ".o_ai_bookkeeping_selection_summary").textContent).toMatch(/^120 selected/));
    $(m.target, ".o_ai_bookkeeping_bulk_approve").click();
    const body = await until(() => $(dialogs(m), ".o_fake_confirmation_body").textContent!);
    expect($(dialogs(m), ".modal-title").textContent).toBe("Approve 120 suggestions?");
    expect(body).toMatch(/^120 bank lines for a total of .*€ \+ \$.* will be reconciled/);
    expect(orm.callsTo("bulk_approve")).toHaveLength(0);

    $(dialogs(m), ".o_fake_confirm").click();
    await until(() => expect(orm.callsTo("bulk_approve")).toHaveLength(3));
    expect(orm.callsTo("bulk_approve").map((c) => (c.args[0] as number[]).length)).toEqual([50, 50, 20]);
    const approved = orm.callsTo("bulk_approve").flatMap((c) => c.args[0] as number[]);
    expect(new Set(approved)).toEqual(new Set(orm.suggestions.slice(0, 120).map((s) => s.id)));
    await until(() => expect(rowIds(m)[0]).toBe(121));
    expect($(m.target, ".o_ai_bookkeeping_selection_summary").textContent).toBe("No suggestion selected");
    expect(m.services.notification.notes.at(-1)).toMatchObject({ message: "120 approved", type: "success" });
  });

  it("shows a progress bar while the chunks run", async () => {
    const orm = new FakeOrm(makeSuggestions(120));
    const m = await mountDashboard(orm);
    setValue($(m.target, ".o_ai_bookkeeping_threshold"), "0.8");
    $(m.target, ".o_ai_bookkeeping_select_above").click();
    await until(() => expect($(m.target, ".o_ai_bookkeeping_selection_summary").textContent).toMatch(/^50 selected/));
    let release!: () => void;
    orm.gate = new Promise<void>((resolve) => (release = resolve));
    $(m.target, ".o_ai_bookkeeping_bulk_approve").click();
    await until(() => $(dialogs(m), ".o_fake_confirm")).then((b) => b.click());
    const bar = await until(() => $(m.target, ".o_ai_bookkeeping_progress [role=progressbar]"));
    expect(bar.getAttribute("aria-valuemax")).toBe("50");
    expect(bar.getAttribute("aria-valuenow")).toBe("0");
    expect(($(m.target, ".o_ai_bookkeeping_bulk_approve") as HTMLButtonElement).disabled).toBe(true);
    orm.gate = null;
    release();
    await until(() => expect(m.target.querySelector(".o_ai_bookkeeping_progress")).toBeNull());
  });

  it("shows a failure on its row and goes on with the other rows and chunks", async () => {
    const orm = new FakeOrm(makeSuggestions(130));
    orm.suggestions.forEach((s) => (s.confidence = 0.99));
    orm.rowFailures.set(7, "The invoice INV/2026/00007 is already paid.");
    let chunk = 0;
    orm.overrides.set("bulk_approve", () => {
      chunk += 1;
      if (chunk === 2) throw new Error("Connection lost");
      return undefined;
    });
    const m = await mountDashboard(orm);
    $(m.target, ".o_ai_bookkeeping_select_above").click();
    await until(() => expect($(m.target, ".o_ai_bookkeeping_selection_summary").textContent).toMatch(/^130 selected/));
    $(m.target, ".o_ai_bookkeeping_bulk_approve").click();
    await until(() => $(dialogs(m), ".o_fake_confirm")).then((b) => b.click());
    await until(() => expect(orm.callsTo("bulk_approve")).toHaveLength(3));
    await until(() => expect(m.services.notification.notes.at(-1)?.type).toBe("warning"));
    // chunk 1: 49 applied, row 7 failed; chunk 2 (ids 51-100) lost; chunk 3 (101-130) applied
    expect(orm.suggestions.filter((s) => s.state === "applied")).toHaveLength(49 + 30);
    expect(m.services.notification.notes.at(-1)!.message).toBe("79 approved, 51 failed: see the rows marked in red.");
    await until(() => expect(rowIds(m)).toContain(7));
    const row7 = $(m.target, '.o_ai_bookkeeping_row[data-id="7"]');
    expect(row7.classList.contains("o_ai_bookkeeping_row_failed")).toBe(true);
    expect(row7.querySelector(".o_ai_bookkeeping_row_error")!.textContent).toBe("The invoice INV/2026/00007 is already paid.");
    expect($(m.target, '.o_ai_bookkeeping_row[data-id="51"] .o_ai_bookkeeping_row_error').textContent).toBe("Connection lost");
    // the failed rows stay selected for another try
    expect($(m.target, ".o_ai_bookkeeping_selection_summary").textContent).toMatch(/^51 selected/);
  });

  it("rejects the selection with the reason typed in the dialog", async () => {
    const orm = new FakeOrm(makeSuggestions(5));
    const m = await mountDashboard(orm);
    press("x");
    press("j");
    press("x");
    await until(() => expect($$(m.target, ".o_ai_bookkeeping_row_selected")).toHaveLength(2));
    $(m.target, ".o_ai_bookkeeping_bulk_reject").click();
    const textarea = await until(() => $(dialogs(m), ".o_ai_bookkeeping_reject_reason"));
    expect($(dialogs(m), ".modal-title").textContent).toBe("Reject 2 suggestions?");
    expect($(dialogs(m), ".o_ai_bookkeeping_reject_body").textContent).toContain("2 bank lines (120.50\u00a0€ + $\u00a0110.25)");
    setValue(textarea, "  Paid by the parent company ", "input");
    $(dialogs(m), ".o_ai_bookkeeping_reject_confirm").click();
    await until(() => expect(orm.callsTo("bulk_reject")).toHaveLength(1));
    expect(orm.callsTo("bulk_reject")[0]!.args).toEqual([[1, 2], "Paid by the parent company"]);
    await until(() => expect(rowIds(m)).toEqual([3, 4, 5]));
    expect(dialogs(m).children).toHaveLength(0);
  });

  it("rejects one row with r and no reason as null; cancel sends nothing", async () => {
    const orm = new FakeOrm(makeSuggestions(3));
    const m = await mountDashboard(orm);
    press("j");
    press("r");
    await until(() => $(dialogs(m), ".o_ai_bookkeeping_reject_cancel")).then((b) => b.click());
    await until(() => expect(dialogs(m).children).toHaveLength(0));
    expect(orm.callsTo("bulk_reject")).toHaveLength(0);
    press("r");
    expect(await until(() => $(dialogs(m), ".modal-title").textContent)).toBe("Reject this suggestion?");
    $(dialogs(m), ".o_ai_bookkeeping_reject_confirm").click();
    await until(() => expect(orm.callsTo("bulk_reject")).toHaveLength(1));
    expect(orm.callsTo("bulk_reject")[0]!.args).toEqual([[2], null]);
  });

  it("re-runs the AI on the selection", async () => {
    const orm = new FakeOrm(makeSuggestions(3));
    const m = await mountDashboard(orm);
    press("x");
    await until(() => expect($$(m.target, ".o_ai_bookkeeping_row_selected")).toHaveLength(1));
    $(m.target, ".o_ai_bookkeeping_bulk_rerun").click();
    await until(() => expect(orm.callsTo("bulk_rerun")).toHaveLength(1));
    expect(orm.callsTo("bulk_rerun")[0]!.args).toEqual([[1]]);
  });
});

describe("edit before approve", () => {
  it("lists the alternatives, points the suggestion at the chosen one, then approves it", async () => {
    const orm = new FakeOrm(makeSuggestions(3));
    const m = await mountDashboard(orm);
    press("j");
    press("e");
    await until(() => expect($$(dialogs(m), ".o_ai_bookkeeping_choice")).toHaveLength(3));
    expect(orm.callsTo("dashboard_candidates")[0]!.args).toEqual([[2]]);
    setValue($(dialogs(m), ".o_ai_bookkeeping_picker_search"), "bank fee", "input");
    await until(() => expect($$(dialogs(m), ".o_ai_bookkeeping_choice")).toHaveLength(1));
    $(dialogs(m), ".o_ai_bookkeeping_choice").click();
    await until(() => expect(orm.callsTo("bulk_approve")).toHaveLength(1));
    const sequence = orm.calls.map((c) => c.method).filter((name) => name === "action_choose_candidate" || name === "bulk_approve");
    expect(sequence).toEqual(["action_choose_candidate", "bulk_approve"]);
    expect(orm.callsTo("action_choose_candidate")[0]!.args).toEqual([[2], "account", 626]);
    expect(orm.callsTo("bulk_approve")[0]!.args).toEqual([[2]]);
    await until(() => expect(rowIds(m)).toEqual([1, 3]));
  });

  it("does not approve when the correction is refused, and says why on the row", async () => {
    const orm = new FakeOrm(makeSuggestions(2));
    orm.overrides.set("action_choose_candidate", () => {
      throw Object.assign(new Error("RPC_ERROR"), { data: { message: "Only pending suggestions can be edited." } });
    });
    const m = await mountDashboard(orm);
    press("e");
    await until(() => $(dialogs(m), ".o_ai_bookkeeping_choice")).then((b) => b.click());
    await until(() => expect($(m.target, '.o_ai_bookkeeping_row[data-id="1"] .o_ai_bookkeeping_row_error').textContent).toBe(
      "Only pending suggestions can be edited.",
    ));
    expect(orm.callsTo("bulk_approve")).toHaveLength(0);
  });

  it("shows a failed candidates load inside the picker", async () => {
    const orm = new FakeOrm(makeSuggestions(2));
    orm.overrides.set("dashboard_candidates", () => [{ kind: "invoice", id: 1, label: "x" }]);
    const m = await mountDashboard(orm);
    press("e");
    const error = await until(() => $(dialogs(m), ".o_ai_bookkeeping_picker_error"));
    expect(error.textContent).toContain("dashboard_candidates: [0].kind should be one of item, account");
  });
});

describe("keyboard", () => {
  it("moves with j/k, focusing the row, and stays inside the page", async () => {
    const m = await mountDashboard(new FakeOrm(makeSuggestions(3)));
    const active = (): number[] => $$(m.target, ".o_ai_bookkeeping_row_active").map((el) => Number(el.dataset.id));
    expect(active()).toEqual([1]);
    press("j");
    await until(() => expect(active()).toEqual([2]));
    expect(document.activeElement).toBe($(m.target, '.o_ai_bookkeeping_row[data-id="2"]'));
    expect($(m.target, '.o_ai_bookkeeping_row[data-id="2"]').tabIndex).toBe(0);
    expect($(m.target, '.o_ai_bookkeeping_row[data-id="1"]').tabIndex).toBe(-1);
    press("j", document.activeElement!);
    press("j", document.activeElement!);
    await until(() => expect(active()).toEqual([3]));
    press("k", document.activeElement!);
    await until(() => expect(active()).toEqual([2]));
    press("ArrowUp", document.activeElement!);
    await until(() => expect(active()).toEqual([1]));
  });

  it("approves the row under the cursor with a, without a confirmation", async () => {
    const orm = new FakeOrm(makeSuggestions(3));
    const m = await mountDashboard(orm);
    press("j");
    press("a");
    await until(() => expect(orm.callsTo("bulk_approve")).toHaveLength(1));
    expect(orm.callsTo("bulk_approve")[0]!.args).toEqual([[2]]);
    await until(() => expect(rowIds(m)).toEqual([1, 3]));
    // the cursor stays at the same place: now on the next row
    expect($(m.target, ".o_ai_bookkeeping_row_active").dataset.id).toBe("3");
  });

  it("ignores the shortcuts while typing in a field, with modifiers, and inside a dialog", async () => {
    const orm = new FakeOrm(makeSuggestions(3));
    const m = await mountDashboard(orm);
    const search = $(m.target, ".o_ai_bookkeeping_search");
    search.focus();
    const typed = press("a", search);
    press("x", search);
    press("j", document.body, { ctrlKey: true });
    expect(typed.defaultPrevented).toBe(false);
    press("r");
    const textarea = await until(() => $(dialogs(m), ".o_ai_bookkeeping_reject_reason"));
    press("a", textarea);
    press("j", $(dialogs(m), ".o_ai_bookkeeping_reject_cancel"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(orm.callsTo("bulk_approve")).toHaveLength(0);
    expect($$(m.target, ".o_ai_bookkeeping_row_selected")).toHaveLength(0);
    expect($(m.target, ".o_ai_bookkeeping_row_active").dataset.id).toBe("1");
  });

  it("opens the help with ? and closes it with Escape", async () => {
    const m = await mountDashboard(new FakeOrm(makeSuggestions(2)));
    const event = press("?", document.body, { shiftKey: true });
    expect(event.defaultPrevented).toBe(true);
    const help = await until(() => $(m.target, ".o_ai_bookkeeping_help"));
    expect(help.getAttribute("role")).toBe("dialog");
    expect(help.textContent).toContain("Approve");
    expect(document.activeElement).toBe($(m.target, ".o_ai_bookkeeping_help_close"));
    press("Escape", document.activeElement!);
    await until(() => expect(m.target.querySelector(".o_ai_bookkeeping_help")).toBeNull());
  });

  it("opens the suggestion's form with Enter", async () => {
    const m = await mountDashboard(new FakeOrm(makeSuggestions(2)));
    press("j");
    press("Enter", document.activeElement!);
    await until(() => expect(m.services.action.actions).toHaveLength(1));
    expect(m.services.action.actions[0]).toEqual({
      type: "ir.actions.act_window",
      res_model: "ai.reconciliation.suggestion",
      res_id: 2,
      views: [[false, "form"]],
      target: "current",
    });
  });
});
