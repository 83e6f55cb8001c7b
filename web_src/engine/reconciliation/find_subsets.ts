import { sortIndicesByScoreDesc } from "../shared/sort_indices_by_score";

export interface SubsetSearch {
  /** Positive amounts in cents. */
  values: readonly number[];
  target: number;
  minSize: number;
  maxSize: number;
  /** Hard cap on search nodes: the work per line stays bounded whatever the partner's ledger looks like. */
  maxNodes: number;
  maxResults: number;
}

/**
 * Subsets of `values` (indices) that sum exactly to `target`, sizes minSize..maxSize, found by depth-first search
 * over the values sorted largest first, pruned when the subset overshoots or can no longer reach the target.
 */
export function findSubsets(search: SubsetSearch): number[][] {
  const { values, target } = search;
  const kept: number[] = [];
  for (let k = 0; k < values.length; k++) {
    const value = values[k] as number;
    if (value > 0 && value <= target) kept.push(k);
  }
  if (kept.length === 0) return [];
  // Largest first; equal values keep their order (a stable sort).
  if (kept.length <= 16) sortIndicesByScoreDesc(kept, kept.length, values);
  else kept.sort((a, b) => (values[b] as number) - (values[a] as number));
  const walk = new SubsetWalk(search, kept);
  walk.from(0, 0);
  return walk.results;
}

/** The depth-first search of findSubsets, as an object so that no closure is made per search. */
class SubsetWalk {
  readonly results: number[][] = [];
  private readonly chosen: number[] = [];
  private readonly sorted: Float64Array;
  private readonly prefix: Float64Array;
  private nodes = 0;

  constructor(private readonly search: SubsetSearch, private readonly order: readonly number[]) {
    const n = order.length;
    this.sorted = new Float64Array(n);
    this.prefix = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) {
      const value = search.values[order[i] as number] as number;
      this.sorted[i] = value;
      this.prefix[i + 1] = (this.prefix[i] as number) + value;
    }
  }

  from(start: number, sum: number): void {
    const { target, minSize, maxSize, maxNodes, maxResults } = this.search;
    const { results, chosen, sorted, prefix, order } = this;
    const n = order.length;
    if (results.length >= maxResults || this.nodes >= maxNodes) return;
    for (let i = start; i < n; i++) {
      this.nodes++;
      if (this.nodes >= maxNodes) return;
      const next = sum + (sorted[i] as number);
      if (next > target) continue;
      const slotsLeft = maxSize - chosen.length - 1;
      if (next === target) {
        if (chosen.length + 1 >= minSize) {
          const found = chosen.slice();
          found.push(order[i] as number);
          results.push(found);
          if (results.length >= maxResults) return;
        }
        continue;
      }
      if (slotsLeft <= 0) continue;
      // The largest values still available come right after i: if even they cannot reach the target, stop.
      const reach = (prefix[Math.min(n, i + 1 + slotsLeft)] as number) - (prefix[i + 1] as number);
      if (next + reach < target) return; // smaller values further on reach even less
      chosen.push(order[i] as number);
      this.from(i + 1, next);
      chosen.pop();
      if (results.length >= maxResults || this.nodes >= maxNodes) return;
    }
  }
}

