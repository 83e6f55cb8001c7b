import { describe, expect, it } from "vitest";
import { sortIndicesByScoreDesc } from "../../../web_src/engine/shared/sort_indices_by_score";

describe("sortIndicesByScoreDesc", () => {
  it("matches a stable descending sort on random scores, arrays and typed arrays alike", () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const n = 1 + Math.floor(next() * 20);
      const scores = Array.from({ length: n }, () => Math.floor(next() * 5)); // many ties
      const expected = [...Array(n).keys()].sort((a, b) => (scores[b] as number) - (scores[a] as number));
      const plain = [...Array(n).keys()];
      sortIndicesByScoreDesc(plain, n, scores);
      expect(plain).toEqual(expected);
      const typed = [...Array(n).keys()];
      sortIndicesByScoreDesc(typed, n, Float64Array.from(scores));
      expect(typed).toEqual(expected);
    }
  });

  it("sorts only the first `length` indices", () => {
    const indices = [0, 1, 2, 3];
    sortIndicesByScoreDesc(indices, 2, [1, 9, 5, 7]);
    expect(indices).toEqual([1, 0, 2, 3]);
  });
});
