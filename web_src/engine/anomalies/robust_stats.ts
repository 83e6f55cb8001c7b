/** Order statistics for small samples: the outlier detectors' median, MAD and quantiles. */
import { quantile } from "../shared/quantile";

export function median(values: readonly number[]): number {
  return quantile([...values].sort((a, b) => a - b), 0.5);
}

/** Median absolute deviation from the median. */
export function medianAbsoluteDeviation(values: readonly number[], center = median(values)): number {
  return median(values.map((v) => Math.abs(v - center)));
}

/** MAD × 1.4826 estimates the standard deviation of normal data without letting outliers inflate it. */
export const MAD_TO_SIGMA = 1.4826;

export interface RobustSummary {
  count: number;
  median: number;
  /** Robust spread, never below `floor` (a history of identical amounts has MAD 0). */
  sigma: number;
  /** The typical range shown in reasons: 10th to 90th percentile (min to max below 5 items). */
  low: number;
  high: number;
}

export function robustSummary(values: readonly number[], relativeFloor: number, absoluteFloor: number): RobustSummary {
  const sorted = [...values].sort((a, b) => a - b);
  const center = quantile(sorted, 0.5);
  const mad = medianAbsoluteDeviation(sorted, center);
  const few = sorted.length < 5;
  return {
    count: sorted.length,
    median: center,
    sigma: Math.max(MAD_TO_SIGMA * mad, relativeFloor * Math.abs(center), absoluteFloor),
    low: few ? (sorted[0] as number) : quantile(sorted, 0.1),
    high: few ? (sorted[sorted.length - 1] as number) : quantile(sorted, 0.9),
  };
}
