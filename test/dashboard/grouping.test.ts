// The grouped queue's plain logic (grouping.ts) and the shape check of dashboard_groups (contracts/dashboard.ts).
import { describe, expect, it } from "vitest";
import { DashboardGroupsSchema, type DashboardGroup, type DashboardRow } from "../../web_src/contracts/dashboard";
import {
  groupId,
  groupMemberIds,
  groupRowStarts,
  groupSelected,
  remainingRows,
  toGroupView,
  visibleGroupRows,
  withGroupKey,
} from "../../web_src/dashboard/grouping";
import { RpcShapeError, parseReply } from "../../web_src/dashboard/parse_reply";
import { makeSuggestions } from "./fakes/services";

const parseDashboardGroups = (value: unknown) => parseReply("dashboard_groups", DashboardGroupsSchema, value);

const group = (key: DashboardGroup["key"], count: number): DashboardGroup => ({
  key,
  label: "G",
  count,
  totals: [{ currency: "EUR", currencyId: 1, amount: 10 }],
  meanConfidence: 0.9,
  minConfidence: 0.8,
});
const rows = (ids: number[]): DashboardRow[] => makeSuggestions(Math.max(...ids)).filter((s) => ids.includes(s.id));

describe("withGroupKey", () => {
  it("adds the group's key to the queue's filters", () => {
    expect(withGroupKey({ search: "acme" }, { partnerIds: [7] })).toEqual({ search: "acme", partnerIds: [7] });
    expect(withGroupKey({}, { matchTypes: ["full"] })).toEqual({ matchTypes: ["full"] });
  });

  it("keeps the tighter bound of a band or a month", () => {
    expect(withGroupKey({ minConfidence: 0.9 }, { minConfidence: 0.8, maxConfidence: 0.95 })).toEqual({
      minConfidence: 0.9,
      maxConfidence: 0.95,
    });
    expect(withGroupKey({ dateFrom: "2026-02-10" }, { dateFrom: "2026-02-01", dateTo: "2026-02-28" })).toEqual({
      dateFrom: "2026-02-10",
      dateTo: "2026-02-28",
    });
    expect(withGroupKey({ dateTo: "2026-02-15" }, { dateFrom: "2026-02-01", dateTo: "2026-02-28" })).toEqual({
      dateFrom: "2026-02-01",
      dateTo: "2026-02-15",
    });
  });

  it("intersects lists and never widens to an empty list", () => {
    expect(withGroupKey({ journalIds: [11, 12] }, { journalIds: [12] })).toEqual({ journalIds: [12] });
    expect(withGroupKey({ journalIds: [11] }, { journalIds: [12] })).toEqual({ journalIds: [12] });
  });
});

describe("group views", () => {
  it("have an id that does not depend on the order of the key's filters", () => {
    expect(groupId({ dateFrom: "a", dateTo: "b" })).toBe(groupId({ dateTo: "b", dateFrom: "a" }));
    expect(groupId({ partnerIds: [1] })).not.toBe(groupId({ partnerIds: [2] }));
  });

  it("keep a group open across reloads", () => {
    const first = toGroupView(group({ partnerIds: [1] }, 3));
    first.expanded = true;
    expect(toGroupView(group({ partnerIds: [1] }, 2), first).expanded).toBe(true);
    expect(toGroupView(group({ partnerIds: [1] }, 2)).expanded).toBe(false);
  });

  it("list the rows of the open groups for j/k, with each group's first index", () => {
    const a = { ...toGroupView(group({ partnerIds: [1] }, 2)), expanded: true, rows: rows([1, 2]) };
    const b = { ...toGroupView(group({ partnerIds: [2] }, 1)), expanded: false, rows: rows([3]) };
    const c = { ...toGroupView(group({ partnerIds: [3] }, 1)), expanded: true, rows: rows([4]) };
    expect(visibleGroupRows([a, b, c]).map((r) => r.id)).toEqual([1, 2, 4]);
    expect([...groupRowStarts([a, b, c]).values()]).toEqual([0, 2, 2]);
  });

  it("are selected when every row of the group is, loaded or fetched by the header", () => {
    const view = { ...toGroupView(group({ partnerIds: [1] }, 3)), rows: rows([1, 2]), total: 3 };
    const selection = new Map(rows([1, 2, 3]).map((r) => [r.id, { id: r.id, amount: 1, currency: "EUR" }]));
    expect(groupMemberIds(view)).toBeNull(); // two of three loaded: unknown members
    expect(groupSelected(selection, view)).toBe(false);
    expect(remainingRows(view)).toBe(1);
    view.memberIds = [1, 2, 3];
    expect(groupSelected(selection, view)).toBe(true);
    selection.delete(3);
    expect(groupSelected(selection, view)).toBe(false);
    const loaded = { ...toGroupView(group({ partnerIds: [1] }, 2)), rows: rows([1, 2]), total: 2 };
    expect(groupSelected(selection, loaded)).toBe(true);
  });
});

describe("parseDashboardGroups", () => {
  it("reads groups and their keys", () => {
    const answer = {
      groups: [{ ...group({ partnerIds: [0] }, 2), totals: [{ currency: "EUR", currencyId: false, amount: 3.5 }] }],
      more: 4,
    };
    expect(parseDashboardGroups(answer)).toEqual({
      groups: [{ ...group({ partnerIds: [0] }, 2), totals: [{ currency: "EUR", amount: 3.5 }] }],
      more: 4,
    });
  });

  it("refuses a key that is not a known filter, or a count that is not a number", () => {
    expect(() => parseDashboardGroups({ groups: [group({}, 1)].map((g) => ({ ...g, key: { partner: 3 } })) })).toThrow(
      new RpcShapeError("dashboard_groups", "groups[0].key.partner", "a known filter"),
    );
    expect(() => parseDashboardGroups({ groups: [{ ...group({}, 1), count: "3" }], more: 0 })).toThrow(/groups\[0\]\.count/);
    expect(() => parseDashboardGroups({ groups: [{ ...group({ matchTypes: ["odd"] as never }, 1) }], more: 0 })).toThrow(
      /matchTypes\[0\]/,
    );
  });
});
