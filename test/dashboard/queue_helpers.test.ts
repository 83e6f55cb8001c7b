// The queue's plain helpers without OWL or DOM: filters → parameters, bands, selection totals, batches, keys, cursor.
import { describe, expect, it } from "vitest";
import { SERVER_LABELS } from "./fakes/services";
import type { BulkOutcome, DashboardFilters, DashboardRow } from "../../web_src/contracts/dashboard";
import { filterCandidates } from "../../web_src/dashboard/filter_candidates";
import {
  emptyFilters,
  initialFilters,
  parseAmount,
  rowsArgs,
  toRpcFilters as rpcFilters,
  withMinConfidence,
} from "../../web_src/dashboard/filter_state";
import { commandForKey, moveCursor, type KeyInput } from "../../web_src/dashboard/keyboard";
import { CHUNK_SIZE, chunk, runInChunks } from "../../web_src/dashboard/run_in_chunks";
import { bandOf } from "../../web_src/dashboard/review_labels";
import { selectAtOrAbove, toggleSelected, totalsByCurrency, type SelectedRow } from "../../web_src/dashboard/selection";

const { bands } = SERVER_LABELS;
const toRpcFilters = (state: Parameters<typeof rpcFilters>[0]): DashboardFilters | null => rpcFilters(state, bands);

function row(id: number, confidence: number, amount = 10, currency = "EUR", currencyId?: number): DashboardRow {
  return {
    id,
    state: "pending",
    matchType: "full",
    confidence,
    rank: 1,
    explanation: "",
    reasons: [],
    line: { id, date: "2026-02-01", label: `line ${id}`, amount, currency, journal: "Bank", ...(currencyId ? { currencyId } : {}) },
    proposal: { moveNames: [], partner: null, account: null, writeoffAmount: 0 },
    willPost: "",
    error: null,
  };
}

describe("bandOf (the server's bands)", () => {
  it("is high from 0.95, medium from 0.8, low below", () => {
    expect([1, 0.95, 0.9499, 0.8, 0.7999, 0].map((c) => bandOf(bands, c)?.value)).toEqual(["high", "high", "medium", "medium", "low", "low"]);
  });
  it("is none before the server's bands arrived", () => {
    expect(bandOf([], 0.99)).toBeUndefined();
  });
});

describe("toRpcFilters", () => {
  it("sends nothing for empty filters (the server defaults to pending)", () => {
    expect(toRpcFilters(emptyFilters())).toEqual({});
  });

  it("maps every field, trimming the search and ignoring junk amounts and dates", () => {
    const filters = toRpcFilters({
      ...emptyFilters(),
      matchType: "writeoff",
      journalId: 4,
      band: "high",
      minAmount: " -50 ",
      maxAmount: "abc",
      partner: "acme",
      partnerIds: [7, 8],
      dateFrom: "2026-01-01",
      dateTo: "01/02/2026",
      search: "  fee ",
    });
    expect(filters).toEqual({
      matchTypes: ["writeoff"],
      journalIds: [4],
      minConfidence: 0.95,
      minAmount: -50,
      partnerIds: [7, 8],
      dateFrom: "2026-01-01",
      search: "fee",
    });
  });

  it("makes the bands half-open so a 0.95 row is only 'high' and a 0.8 row only 'medium'", () => {
    const medium = toRpcFilters({ ...emptyFilters(), band: "medium" })!;
    const low = toRpcFilters({ ...emptyFilters(), band: "low" })!;
    expect(medium.minConfidence).toBe(0.8);
    expect(medium.maxConfidence).toBeLessThan(0.95);
    expect(medium.maxConfidence).toBeGreaterThan(0.9499999);
    expect(low.maxConfidence).toBeLessThan(0.8);
    expect(low.minConfidence).toBeUndefined();
  });

  it("returns null when the partner name matched no partner, and ignores an unresolved or blank partner", () => {
    expect(toRpcFilters({ ...emptyFilters(), partner: "nobody", partnerIds: [] })).toBeNull();
    expect(toRpcFilters({ ...emptyFilters(), partner: "acme", partnerIds: null })).toEqual({});
    expect(toRpcFilters({ ...emptyFilters(), partner: " ", partnerIds: [] })).toEqual({});
  });

  it("narrows to a threshold without widening a stricter filter", () => {
    expect(withMinConfidence({ search: "x" }, 0.9)).toEqual({ search: "x", minConfidence: 0.9 });
    expect(withMinConfidence({ minConfidence: 0.97 }, 0.9)).toEqual({ minConfidence: 0.97 });
  });

  it("builds the positional dashboard_rows arguments", () => {
    expect(rowsArgs({}, 80.7, 80, "date asc")).toEqual([{}, 80, 80, "date asc"]);
    expect(rowsArgs({}, -3, 80, "date asc")[1]).toBe(0);
  });

  it("parses amounts", () => {
    expect([parseAmount(""), parseAmount("12.5"), parseAmount("-3"), parseAmount("1e3"), parseAmount("x")]).toEqual([
      undefined,
      12.5,
      -3,
      1000,
      undefined,
    ]);
  });
});

describe("selection", () => {
  it("toggles rows and selects those at or above a threshold once", () => {
    const selection = new Map<number, SelectedRow>();
    expect(toggleSelected(selection, row(1, 0.5))).toBe(true);
    expect(toggleSelected(selection, row(1, 0.5))).toBe(false);
    const rows = [row(1, 0.99), row(2, 0.95), row(3, 0.949), row(4, 0.2)];
    expect(selectAtOrAbove(selection, rows, 0.95)).toBe(2);
    expect(selectAtOrAbove(selection, rows, 0.95)).toBe(0);
    expect([...selection.keys()]).toEqual([1, 2]);
  });

  it("totals per currency without float drift, keeping the currency id", () => {
    const selection = new Map<number, SelectedRow>();
    selectAtOrAbove(selection, [row(1, 1, 0.1, "USD", 2), row(2, 1, 0.2, "USD", 2), row(3, 1, -5, "EUR", 1), row(4, 1, 7.25, "EUR", 1)], 0);
    expect(totalsByCurrency(selection.values())).toEqual([
      { currency: "EUR", currencyId: 1, amount: 2.25, count: 2 },
      { currency: "USD", currencyId: 2, amount: 0.3, count: 2 },
    ]);
    expect(totalsByCurrency([])).toEqual([]);
  });
});

describe("batches", () => {
  const options = { describeError: (e: unknown) => `failed: ${(e as Error).message}`, missingMessage: "no answer" };

  it("chunks", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 50)).toEqual([]);
    expect(() => chunk([1], 0)).toThrow(RangeError);
    expect(CHUNK_SIZE).toBe(50);
  });

  it("calls in chunks of 50, one after the other, reporting progress", async () => {
    const ids = Array.from({ length: 120 }, (_, i) => i + 1);
    const sizes: number[] = [];
    let inFlight = 0;
    const progress: number[] = [];
    const result = await runInChunks(
      ids,
      async (chunkIds) => {
        inFlight += 1;
        expect(inFlight).toBe(1);
        sizes.push(chunkIds.length);
        await Promise.resolve();
        inFlight -= 1;
        return chunkIds.map((id): BulkOutcome => ({ id, ok: true, state: "applied", error: null }));
      },
      { ...options, onProgress: ({ done, total }) => progress.push(done / total) },
    );
    expect(sizes).toEqual([50, 50, 20]);
    expect(progress).toEqual([0, 50 / 120, 100 / 120, 1]);
    expect(result.succeeded).toEqual(ids);
    expect(result.failed.size).toBe(0);
  });

  it("keeps going after a failed row, a failed chunk and a missing answer", async () => {
    const ids = [1, 2, 3, 4, 5, 6];
    const result = await runInChunks(
      ids,
      async (chunkIds) => {
        if (chunkIds.includes(3)) throw new Error("timeout");
        return chunkIds
          .filter((id) => id !== 6)
          .map((id): BulkOutcome => (id === 1 ? { id, ok: false, state: "pending", error: "already paid" } : { id, ok: true, state: "applied", error: null }));
      },
      { ...options, chunkSize: 2 },
    );
    expect(result.succeeded).toEqual([2, 5]);
    expect([...result.failed]).toEqual([
      [1, "already paid"],
      [3, "failed: timeout"],
      [4, "failed: timeout"],
      [6, "no answer"],
    ]);
  });
});

describe("keyboard", () => {
  const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({ key: k, ctrlKey: false, altKey: false, metaKey: false, inEditable: false, ...extra });

  it("maps j/k/a/r/x/e/?/Enter/Escape and the arrows", () => {
    expect(["j", "k", "a", "r", "x", "e", "?", "Enter", "Escape", "ArrowDown", "ArrowUp"].map((k) => commandForKey(key(k)))).toEqual([
      "next",
      "previous",
      "approve",
      "reject",
      "toggleSelect",
      "edit",
      "help",
      "open",
      "closeHelp",
      "next",
      "previous",
    ]);
  });

  it("ignores other keys, typing in a field and modified keys", () => {
    expect(commandForKey(key("q"))).toBeNull();
    expect(commandForKey(key("A"))).toBeNull();
    expect(commandForKey(key("a", { inEditable: true }))).toBeNull();
    expect(commandForKey(key("a", { ctrlKey: true }))).toBeNull();
    expect(commandForKey(key("r", { metaKey: true }))).toBeNull();
    expect(commandForKey(key("x", { altKey: true }))).toBeNull();
  });

  it("moves the cursor inside the page", () => {
    expect(moveCursor(0, 1, 3)).toBe(1);
    expect(moveCursor(2, 1, 3)).toBe(2);
    expect(moveCursor(0, -1, 3)).toBe(0);
    expect(moveCursor(-1, 1, 3)).toBe(0);
    expect(moveCursor(-1, -1, 3)).toBe(2);
    expect(moveCursor(1, 1, 0)).toBe(-1);
  });
});

describe("filterCandidates", () => {
  const choices = [{ label: "INV/2026/00042 · Acme GmbH · 1,200.00 €" }, { label: "626000 Frais bancaires" }, { label: "607000 Achats" }];
  it("keeps the choices holding every word, ignoring case and accents", () => {
    expect(filterCandidates(choices, "acme 00042")).toEqual([choices[0]]);
    expect(filterCandidates(choices, "FRAÍS")).toEqual([choices[1]]);
    expect(filterCandidates(choices, "  ")).toEqual(choices);
    expect(filterCandidates(choices, "nothing")).toEqual([]);
  });
});

describe("initialFilters", () => {
  it("opens on the journal the action context names", () => {
    expect(initialFilters({ ai_bookkeeping_journal_id: 7 }).journalId).toBe(7);
  });
  it("ignores anything that is not a journal id", () => {
    for (const context of [undefined, null, {}, { ai_bookkeeping_journal_id: "7" }, { ai_bookkeeping_journal_id: -1 }, { ai_bookkeeping_journal_id: 1.5 }]) {
      expect(initialFilters(context)).toEqual(emptyFilters());
    }
  });
});
