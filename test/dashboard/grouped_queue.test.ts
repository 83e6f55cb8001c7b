// @vitest-environment jsdom
// The review dashboard grouped (Group by): group headers, opening a group, selecting and approving a whole group.
import { afterEach, describe, expect, it } from "vitest";

import "../../web_src/dashboard/index"; // registers the panels
import { ReviewDashboard } from "../../web_src/dashboard/review_dashboard/review_dashboard";
import { $, $$, mountWithServices, press, setValue, until, type Mounted } from "./fakes/mount";
import { FakeOrm, makeServices, makeSuggestions } from "./fakes/services";

let mounted: Mounted | undefined;

afterEach(() => {
  mounted?.destroy();
  mounted = undefined;
  document.body.innerHTML = "";
});

async function mountGrouped(orm: FakeOrm, groupBy = "partner"): Promise<Mounted> {
  mounted = await mountWithServices(ReviewDashboard, makeServices(orm));
  const m = mounted;
  await until(() => expect($(m.target, ".o_ai_bookkeeping_status").textContent).not.toContain("Loading"));
  setValue($(m.target, ".o_ai_bookkeeping_group_by"), groupBy);
  await until(() => expect($$(m.target, ".o_ai_bookkeeping_group_header").length).toBeGreaterThan(0));
  return m;
}

const headers = (m: Mounted): HTMLElement[] => $$(m.target, ".o_ai_bookkeeping_group_header");
const header = (m: Mounted, label: string): HTMLElement =>
  headers(m).find((h) => h.querySelector(".o_ai_bookkeeping_group_label")!.textContent === label)!;
const rowIds = (m: Mounted): number[] => $$(m.target, ".o_ai_bookkeeping_row").map((el) => Number(el.dataset.id));
const dialogs = (m: Mounted): HTMLElement => $(m.target, ".o_test_dialogs");
const acmeIds = (orm: FakeOrm): number[] => orm.suggestions.filter((s) => s.partnerId === 31).map((s) => s.id);

describe("grouped queue", () => {
  it("shows one closed header per partner with count, total and confidence, largest group first, no pager", async () => {
    const orm = new FakeOrm(makeSuggestions(31));
    const m = await mountGrouped(orm);
    expect(orm.callsTo("dashboard_groups").at(-1)!.args).toEqual([{}, "partner"]);
    expect(headers(m).map((h) => h.querySelector(".o_ai_bookkeeping_group_label")!.textContent)).toEqual([
      "Acme GmbH",
      "Globex SA",
      "Initech Ltd",
    ]);
    expect(headers(m).map((h) => h.querySelector(".o_ai_bookkeeping_group_count")!.textContent)).toEqual(["11", "10", "10"]);
    const acme = header(m, "Acme GmbH");
    // Ids 1, 4, …, 31: USD for odd ids, EUR for even ones, each total formatted with Odoo's formatMonetary.
    expect(acme.querySelector(".o_ai_bookkeeping_group_total")!.textContent).toMatch(/€ \+ \$/);
    expect(acme.querySelector(".o_ai_bookkeeping_group_confidence")!.textContent).toMatch(/^confidence \d+% on average, lowest \d+%$/);
    expect(acme.querySelector(".o_ai_bookkeeping_group_toggle")!.getAttribute("aria-expanded")).toBe("false");
    expect(rowIds(m)).toEqual([]);
    expect(m.target.querySelector(".o_pager")).toBeNull();
    expect($(m.target, ".o_ai_bookkeeping_status").textContent).toBe("31 suggestions in 3 groups");
  });

  it("passes the filters to dashboard_groups and groups by the chosen field", async () => {
    const orm = new FakeOrm(makeSuggestions(30));
    const m = await mountGrouped(orm, "kind");
    setValue($(m.target, ".o_ai_bookkeeping_filter_journal"), "12");
    await until(() => expect(orm.callsTo("dashboard_groups").at(-1)!.args).toEqual([{ journalIds: [12] }, "kind"]));
    await until(() => expect(headers(m)).toHaveLength(5));
  });

  it("opens a group on click: loads its first page with the group's filter added, and more on demand", async () => {
    const orm = new FakeOrm(makeSuggestions(300));
    const m = await mountGrouped(orm);
    setValue($(m.target, ".o_ai_bookkeeping_search"), "Acme");
    await until(() => expect(headers(m)).toHaveLength(1));
    $(header(m, "Acme GmbH"), ".o_ai_bookkeeping_group_toggle").click();
    await until(() => expect(rowIds(m)).toHaveLength(80));
    expect(orm.callsTo("dashboard_rows").at(-1)!.args).toEqual([{ search: "Acme", partnerIds: [31] }, 0, 80, "confidence desc"]);
    expect(rowIds(m).every((id) => acmeIds(orm).includes(id))).toBe(true);
    expect($(header(m, "Acme GmbH"), ".o_ai_bookkeeping_group_toggle").getAttribute("aria-expanded")).toBe("true");

    const more = $(m.target, ".o_ai_bookkeeping_group_more");
    expect(more.textContent).toBe("Show more (20 not shown)");
    more.click();
    await until(() => expect(rowIds(m)).toHaveLength(100));
    expect(orm.callsTo("dashboard_rows").at(-1)!.args).toEqual([{ search: "Acme", partnerIds: [31] }, 80, 80, "confidence desc"]);
    expect(m.target.querySelector(".o_ai_bookkeeping_group_more")).toBeNull();

    // Closing hides the rows without asking the server again.
    const calls = orm.calls.length;
    header(m, "Acme GmbH").click();
    await until(() => expect(rowIds(m)).toEqual([]));
    expect(orm.calls.length).toBe(calls);
  });

  it("moves with j/k over the rows of the open groups, across groups", async () => {
    const orm = new FakeOrm(makeSuggestions(6));
    const m = await mountGrouped(orm);
    $(header(m, "Acme GmbH"), ".o_ai_bookkeeping_group_toggle").click();
    await until(() => expect(rowIds(m)).toEqual([1, 4]));
    $(header(m, "Globex SA"), ".o_ai_bookkeeping_group_toggle").click();
    await until(() => expect(rowIds(m)).toEqual([1, 4, 2, 5]));
    const active = (): number => Number(m.target.querySelector<HTMLElement>(".o_ai_bookkeeping_row_active")?.dataset.id);
    await until(() => expect(active()).toBe(1)); // the cursor starts on the first visible row
    press("j");
    await until(() => expect(active()).toBe(4));
    press("j");
    await until(() => expect(active()).toBe(2)); // from Acme's last row into Globex's first
    expect(document.activeElement).toBe(m.target.querySelector('.o_ai_bookkeeping_row[data-id="2"]'));
    press("k");
    await until(() => expect(active()).toBe(4));
  });

  it("selects a whole group from its header, fetching the rows not loaded, then approves exactly those", async () => {
    const orm = new FakeOrm(makeSuggestions(300));
    const m = await mountGrouped(orm);
    const checkbox = $(header(m, "Acme GmbH"), ".o_ai_bookkeeping_group_select") as HTMLInputElement;
    expect(checkbox.getAttribute("aria-label")).toBe("Select the 100 suggestions of Acme GmbH");
    checkbox.click();
    await until(() => expect($(m.target, ".o_ai_bookkeeping_selection_summary").textContent).toMatch(/^100 selected/));
    expect(orm.callsTo("dashboard_rows").at(-1)!.args).toEqual([{ partnerIds: [31] }, 0, 500, "confidence desc"]);
    await until(() => expect(($(header(m, "Acme GmbH"), ".o_ai_bookkeeping_group_select") as HTMLInputElement).checked).toBe(true));
    expect(($(header(m, "Globex SA"), ".o_ai_bookkeeping_group_select") as HTMLInputElement).checked).toBe(false);

    $(m.target, ".o_ai_bookkeeping_bulk_approve").click();
    const body = await until(() => $(dialogs(m), ".o_fake_confirmation_body").textContent!);
    expect($(dialogs(m), ".modal-title").textContent).toBe("Approve 100 suggestions?");
    const acme = orm.suggestions.filter((s) => s.partnerId === 31);
    const eur = acme.filter((s) => s.line.currency === "EUR").reduce((sum, s) => sum + s.line.amount, 0);
    expect(body).toContain(`${eur.toFixed(2)}`.replace(/\B(?=(\d{3})+(?!\d))/g, ","));
    $(dialogs(m), ".o_fake_confirm").click();
    await until(() => expect(orm.callsTo("bulk_approve")).toHaveLength(2));
    const approved = orm.callsTo("bulk_approve").flatMap((c) => c.args[0] as number[]);
    expect(approved.sort((a, b) => a - b)).toEqual(acmeIds(orm).sort((a, b) => a - b));
    // The groups reload: Acme's rows are gone from the queue.
    await until(() => expect(headers(m).map((h) => h.querySelector(".o_ai_bookkeeping_group_label")!.textContent)).toEqual(["Globex SA", "Initech Ltd"]));
  });

  it("selects an open, fully loaded group without asking the server, and unselects it on a second click", async () => {
    const orm = new FakeOrm(makeSuggestions(9));
    const m = await mountGrouped(orm);
    $(header(m, "Globex SA"), ".o_ai_bookkeeping_group_toggle").click();
    await until(() => expect(rowIds(m)).toEqual([2, 5, 8]));
    const rowsCalls = orm.callsTo("dashboard_rows").length;
    ($(header(m, "Globex SA"), ".o_ai_bookkeeping_group_select") as HTMLInputElement).click();
    await until(() => expect($(m.target, ".o_ai_bookkeeping_selection_summary").textContent).toMatch(/^3 selected/));
    expect(orm.callsTo("dashboard_rows")).toHaveLength(rowsCalls);
    expect($$(m.target, ".o_ai_bookkeeping_row_selected").map((el) => Number(el.dataset.id))).toEqual([2, 5, 8]);
    ($(header(m, "Globex SA"), ".o_ai_bookkeeping_group_select") as HTMLInputElement).click();
    await until(() => expect($(m.target, ".o_ai_bookkeeping_selection_summary").textContent).toBe("No suggestion selected"));
  });

  it("says how many groups the server left out", async () => {
    const orm = new FakeOrm(makeSuggestions(30));
    orm.maxGroups = 2;
    const m = await mountGrouped(orm);
    expect(headers(m)).toHaveLength(2);
    expect($(m.target, ".o_ai_bookkeeping_groups_more").textContent).toBe("1 more groups not shown: narrow the filters to see them.");
  });

  it("goes back to the paged list when grouping is set to None", async () => {
    const orm = new FakeOrm(makeSuggestions(100));
    const m = await mountGrouped(orm);
    setValue($(m.target, ".o_ai_bookkeeping_group_by"), "");
    await until(() => expect(rowIds(m)).toHaveLength(80));
    expect(headers(m)).toEqual([]);
    expect(m.target.querySelector(".o_pager")).not.toBeNull();
  });
});
