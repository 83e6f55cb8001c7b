import { describe, expect, it } from "vitest";
import { findSubsets } from "../../../web_src/engine/reconciliation/find_subsets";

const search = { minSize: 2, maxSize: 5, maxNodes: 10_000, maxResults: 10 };

describe("findSubsets", () => {
  it("finds the invoices a payment covers", () => {
    const values = [10_000, 25_050, 7_000, 3_333, 12_000];
    const found = findSubsets({ ...search, values, target: 35_050 });
    expect(found.map((s) => s.map((i) => values[i]).sort())).toContainEqual([10_000, 25_050].sort());
    for (const subset of found) expect(subset.reduce((s, i) => s + (values[i] as number), 0)).toBe(35_050);
  });

  it("respects the size limits", () => {
    const values = [100, 100, 100, 100, 100, 100];
    expect(findSubsets({ ...search, values, target: 600 })).toEqual([]);
    expect(findSubsets({ ...search, values, target: 100 })).toEqual([]);
  });

  it("stops at the node budget on a hopeless ledger", () => {
    const values = Array.from({ length: 400 }, (_, i) => 1_000 + i * 7);
    expect(() => findSubsets({ ...search, values, target: 1, maxNodes: 500 })).not.toThrow();
    expect(findSubsets({ ...search, values, target: 999_999_999, maxNodes: 500 })).toEqual([]);
  });
});
