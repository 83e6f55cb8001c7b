export interface ConfidenceOutcome {
  confidence: number;
  correct: boolean;
}

export interface ReliabilityRow {
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  accuracy: number;
}

export const DEFAULT_RELIABILITY_EDGES: readonly number[] = [0, 0.2, 0.4, 0.6, 0.8, 0.9, 0.95, 0.99, 1];

/** Reliability diagram as rows: per confidence bin, how many suggestions, their mean confidence, how many were right. */
export function reliabilityTable(outcomes: readonly ConfidenceOutcome[], edges: readonly number[] = DEFAULT_RELIABILITY_EDGES): ReliabilityRow[] {
  const rows: ReliabilityRow[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const from = edges[i] as number;
    const to = edges[i + 1] as number;
    const last = i + 2 === edges.length;
    const inBin = outcomes.filter((o) => o.confidence >= from && (o.confidence < to || (last && o.confidence <= to)));
    const count = inBin.length;
    rows.push({
      from, to, count,
      meanConfidence: count === 0 ? 0 : inBin.reduce((s, o) => s + o.confidence, 0) / count,
      accuracy: count === 0 ? 0 : inBin.filter((o) => o.correct).length / count,
    });
  }
  return rows;
}
