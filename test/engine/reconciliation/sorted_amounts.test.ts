import { describe, expect, it } from "vitest";
import { sortedOrder } from "../../../web_src/engine/reconciliation/sorted_amounts";

/** The order sortedOrder promises: by value, ties by position. */
function expected(values: number[]): number[] {
  return values.map((_, k) => k).sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
}

describe("sortedOrder", () => {
  it.each([
    [[]], [[5]], [[3, 1, 2]], [[2, 2, 1, 2, -7, 0, -0, -7]], [[-2_147_483_647, 2_147_483_647, 0, 1, -1]],
    [[0.5, 0.25, 0.5, -0.75]], [[2 ** 31, 1, 2 ** 31, -(2 ** 31)]], [[1.5e9, 12_345, 1.5e9]],
  ])("orders %j by value, ties by position", (values) => {
    expect(Array.from(sortedOrder(Float64Array.from(values)))).toEqual(expected(values));
  });

  it("agrees with the comparator on many whole cents", () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
    const values = Array.from({ length: 5_000 }, () => (next() % 20_001) - 10_000);
    expect(Array.from(sortedOrder(Float64Array.from(values)))).toEqual(expected(values));
  });
});
