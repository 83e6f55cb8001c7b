export interface ScoredOutcome {
  score: number;
  correct: boolean;
}

/**
 * Calibration knots by isotonic regression (pool adjacent violators) of correctness on raw score. Each block's
 * accuracy is shrunk towards 0.5 by one pseudo-observation so a handful of lucky cases cannot claim certainty;
 * blocks are then merged to at most `maxKnots` points.
 */
export function fitIsotonic(outcomes: readonly ScoredOutcome[], maxKnots = 32): Array<[number, number]> {
  const sorted = [...outcomes].sort((a, b) => a.score - b.score);
  type Block = { sumX: number; hits: number; n: number };
  const blocks: Block[] = [];
  const value = (b: Block): number => (b.hits + 0.5) / (b.n + 1);
  for (const o of sorted) {
    blocks.push({ sumX: o.score, hits: o.correct ? 1 : 0, n: 1 });
    while (blocks.length >= 2) {
      const last = blocks[blocks.length - 1] as Block;
      const prev = blocks[blocks.length - 2] as Block;
      if (value(prev) < value(last)) break;
      blocks.pop();
      prev.sumX += last.sumX;
      prev.hits += last.hits;
      prev.n += last.n;
    }
  }
  // Merge the smallest neighbouring blocks until few enough remain (keeps monotonicity: means of monotone runs).
  while (blocks.length > maxKnots) {
    let best = 0;
    for (let i = 1; i < blocks.length - 1; i++) {
      const a = blocks[i] as Block;
      const b = blocks[i + 1] as Block;
      const c = blocks[best] as Block;
      const d = blocks[best + 1] as Block;
      if (a.n + b.n < c.n + d.n) best = i;
    }
    const a = blocks[best] as Block;
    const b = blocks[best + 1] as Block;
    a.sumX += b.sumX;
    a.hits += b.hits;
    a.n += b.n;
    blocks.splice(best + 1, 1);
  }
  return blocks.map((b) => [round(b.sumX / b.n), round(value(b))]);
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
