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
  const { target, minSize, maxSize, maxNodes, maxResults } = search;
  const order = search.values
    .map((value, index) => ({ value, index }))
    .filter((v) => v.value > 0 && v.value <= target)
    .sort((a, b) => b.value - a.value);
  const n = order.length;
  const prefix = new Array<number>(n + 1).fill(0);
  for (let i = 0; i < n; i++) prefix[i + 1] = (prefix[i] as number) + (order[i] as { value: number }).value;
  const results: number[][] = [];
  const chosen: number[] = [];
  let nodes = 0;
  const walk = (start: number, sum: number): void => {
    if (results.length >= maxResults || nodes >= maxNodes) return;
    for (let i = start; i < n; i++) {
      nodes++;
      if (nodes >= maxNodes) return;
      const { value, index } = order[i] as { value: number; index: number };
      const next = sum + value;
      if (next > target) continue;
      const slotsLeft = maxSize - chosen.length - 1;
      if (next === target) {
        if (chosen.length + 1 >= minSize) {
          results.push([...chosen, index]);
          if (results.length >= maxResults) return;
        }
        continue;
      }
      if (slotsLeft <= 0) continue;
      // The largest values still available come right after i: if even they cannot reach the target, stop.
      const reach = (prefix[Math.min(n, i + 1 + slotsLeft)] as number) - (prefix[i + 1] as number);
      if (next + reach < target) return; // smaller values further on reach even less
      chosen.push(index);
      walk(i + 1, next);
      chosen.pop();
      if (results.length >= maxResults || nodes >= maxNodes) return;
    }
  };
  walk(0, 0);
  return results;
}
