// The review queue's model without OWL rendering or the DOM: its state after each call, and the calls it makes
// through the injected orm service (the fake answers as the Python side does).
import { describe, expect, it } from "vitest";
import { OtherSuggestionsModel } from "../../web_src/dashboard/other_suggestions_model";
import { ReviewLabels } from "../../web_src/dashboard/review_labels";
import { PAGE_SIZE, ReviewQueueModel } from "../../web_src/dashboard/review_queue_model";
import { FakeNotificationService, FakeOrm, makeSuggestions } from "./fakes/services";

function makeModel(orm = new FakeOrm(makeSuggestions(200)), context?: unknown) {
  const notification = new FakeNotificationService();
  const labels = new ReviewLabels(orm);
  return { orm, notification, labels, model: new ReviewQueueModel({ orm, notification, labels }, context) };
}

describe("ReviewQueueModel", () => {
  it("loads the first page, the key figures and the journals", async () => {
    const { orm, model } = makeModel();
    expect(model.state.loading).toBe(true);
    await model.load();
    expect(model.state.loading).toBe(false);
    expect(model.state.rows).toHaveLength(PAGE_SIZE);
    expect(model.state.total).toBe(200);
    expect(model.state.cursor).toBe(0);
    expect(model.state.kpis?.pending).toBe(200);
    expect(model.state.journals.map((j) => j.name)).toEqual(["Bank", "Savings"]);
    expect(orm.callsTo("dashboard_rows").at(-1)!.args).toEqual([{}, 0, 80, "confidence desc"]);
    expect(model.countLabel).toBe("200 suggestions");
  });

  it("opens on the journal of the action's context", async () => {
    const { orm, model } = makeModel(undefined, { ai_bookkeeping_journal_id: 12 });
    await model.loadRows();
    expect(orm.callsTo("dashboard_rows").at(-1)!.args[0]).toEqual({ journalIds: [12] });
  });

  it("starts again from the first page with an empty selection when a filter changes", async () => {
    const { orm, labels, model } = makeModel();
    await Promise.all([labels.load(), model.load()]);
    await model.setPage(80, 80);
    model.toggleRow(model.state.rows[0]!);
    expect(model.selection.size).toBe(1);
    await model.setFilters({ band: "high" });
    expect(model.state.offset).toBe(0);
    expect(model.selection.size).toBe(0);
    expect(orm.callsTo("dashboard_rows").at(-1)!.args).toEqual([{ minConfidence: 0.95 }, 0, 80, "confidence desc"]);
    expect(model.state.rows.every((r) => r.confidence >= 0.95)).toBe(true);
  });

  it("shows only the answer to the latest request when filters change faster than the server", async () => {
    const orm = new FakeOrm(makeSuggestions(30));
    const { model } = makeModel(orm);
    let open!: () => void;
    orm.gate = new Promise((resolve) => (open = resolve));
    const first = model.setFilters({ search: "ref 1" });
    const second = model.setFilters({ search: "ref 2" });
    open();
    await Promise.all([first, second]);
    expect(model.state.rows.map((r) => r.id)).toEqual([2, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29]);
  });

  it("approves in chunks, keeps each failure on its row, unselects what went through and reloads", async () => {
    const { orm, notification, model } = makeModel();
    await model.load();
    orm.rowFailures.set(7, "Already paid.");
    model.togglePage();
    const ids = [...model.selection.keys()];
    await model.runBulk("approve", ids);
    expect(orm.callsTo("bulk_approve").map((c) => (c.args[0] as number[]).length)).toEqual([50, 30]);
    expect([...model.selection.keys()]).toEqual([7]);
    expect(model.rowErrors.get(7)).toBe("Already paid.");
    expect(model.state.run).toBeNull();
    expect(notification.notes.at(-1)).toMatchObject({ message: "79 approved, 1 failed: see the rows marked in red.", type: "warning" });
    expect(model.state.total).toBe(121);
  });

  it("selects every row at or above the threshold over all pages", async () => {
    const { orm, model } = makeModel(new FakeOrm(makeSuggestions(600)));
    await model.load();
    model.setThreshold(0.9);
    await model.selectAbove();
    expect(model.selection.size).toBe(25);
    expect(orm.callsTo("dashboard_rows").at(-1)!.args).toEqual([{ minConfidence: 0.9 }, 0, 500, "confidence desc"]);
  });

  it("does not approve a row whose correction the server refused", async () => {
    const { orm, notification, model } = makeModel(new FakeOrm(makeSuggestions(3)));
    await model.load();
    orm.overrides.set("action_choose_candidate", () => {
      throw Object.assign(new Error("RPC_ERROR"), { data: { message: "Only pending suggestions can be edited." } });
    });
    const row = model.state.rows[0]!;
    await model.chooseAndApprove(row, (await model.loadCandidates(row))[0]!);
    expect(orm.callsTo("bulk_approve")).toHaveLength(0);
    expect(model.rowErrors.get(row.id)).toBe("Only pending suggestions can be edited.");
    expect(notification.notes.at(-1)).toMatchObject({ title: "The correction was not saved", type: "danger" });
  });

  it("groups, opens a group and moves the cursor over its rows", async () => {
    const { orm, model } = makeModel(new FakeOrm(makeSuggestions(9)));
    await model.setFilters({ groupBy: "partner" });
    expect(model.state.groups?.map((g) => g.group.label)).toEqual(["Acme GmbH", "Globex SA", "Initech Ltd"]);
    expect(model.visibleRows).toEqual([]);
    await model.toggleGroup(model.state.groups![1]!.id);
    expect(orm.callsTo("dashboard_rows").at(-1)!.args[0]).toEqual({ partnerIds: [32] });
    expect(model.visibleRows.map((r) => r.id)).toEqual([2, 5, 8]);
    model.moveCursor(1);
    expect(model.currentRow?.id).toBe(2);
    model.moveCursor(1);
    expect(model.currentRow?.id).toBe(5);
    expect(model.countLabel).toBe("9 suggestions in 3 groups");
  });
});

describe("ReviewQueueModel, a group larger than what its header selects", () => {
  it("selects the first 2000 and says so", async () => {
    const { orm, notification, model } = makeModel(new FakeOrm(makeSuggestions(6400)));
    await model.setFilters({ groupBy: "partner" });
    const acme = model.state.groups!.find((g) => g.group.label === "Acme GmbH")!;
    expect(acme.group.count).toBe(2134);
    await model.toggleGroupSelection(acme.id);
    expect(model.selection.size).toBe(2000);
    expect(orm.callsTo("dashboard_rows").map((c) => [c.args[1], c.args[2]])).toEqual([[0, 500], [500, 500], [1000, 500], [1500, 500]]);
    expect(notification.notes.at(-1)).toMatchObject({
      message: "The first 2000 of 2134 suggestions of this group are selected; approve them, then select the rest.",
      type: "warning",
    });
  });
});

describe("ReviewLabels", () => {
  it("are the server's, and nothing (codes, plain percentages) when the server has none", async () => {
    const orm = new FakeOrm(makeSuggestions(1));
    const labels = new ReviewLabels(orm);
    await labels.load();
    expect(orm.callsTo("dashboard_labels")[0]).toMatchObject({ model: "ai.reconciliation.suggestion", args: [] });
    expect(labels.state.matchTypes.map((t) => t.label)).toContain("Several items");
    expect(labels.state.bands.map((b) => b.value)).toEqual(["high", "medium", "low"]);
    const older = new FakeOrm(makeSuggestions(1));
    older.overrides.set("dashboard_labels", () => {
      throw Object.assign(new Error("RPC_ERROR"), { data: { message: "The method 'dashboard_labels' does not exist" } });
    });
    const none = new ReviewLabels(older);
    await none.load();
    expect(none.state).toEqual({ matchTypes: [], bands: [] });
  });
});

describe("OtherSuggestionsModel", () => {
  it("lists the other kinds, approves one and keeps a refusal on its row", async () => {
    const orm = new FakeOrm(makeSuggestions(1));
    const row = (id: number, name: string) => ({ id, kind: "anomaly", kindLabel: "Anomaly", name, confidence: 0.9, explanation: "", target: null, error: null });
    orm.others = [row(7, "Odd payment"), row(8, "Duplicate?")];
    orm.rowFailures.set(8, "Nothing to apply.");
    const notification = new FakeNotificationService();
    const model = new OtherSuggestionsModel({ orm, notification, labels: new ReviewLabels(orm) });
    await model.load();
    expect(model.state.total).toBe(2);
    await model.decide(model.state.rows[0]!, "approve");
    expect(orm.callsTo("dashboard_decide")[0]!.args).toEqual([[7], "approve", null]);
    expect(model.state.rows.map((r) => r.id)).toEqual([8]);
    expect(notification.notes.at(-1)).toMatchObject({ message: "“Odd payment” approved", type: "success" });
    await model.decide(model.state.rows[0]!, "reject", "not ours");
    expect(model.errorOf(model.state.rows[0]!)).toBe("Nothing to apply.");
  });
});
