/** Small statistics and calendar helpers of the payment-behaviour engine: ISO dates in whole days, means and spreads. */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD), free of time zones. */
export function dayNumber(isoDate: string): number {
  return Math.round(Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / DAY_MS);
}

export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sample standard deviation (0 below two values). */
export function standardDeviation(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  let sum = 0;
  for (const v of values) sum += (v - m) ** 2;
  return Math.sqrt(sum / (values.length - 1));
}

/**
 * The q-quantiles of a mixture of two samples, `own` with weight `w` and `prior` with weight 1 - w (each sample's
 * points share its weight equally): the shrinkage of a thin history toward the company's behaviour. NaN when both
 * are empty. One sort for all the quantiles asked.
 */
export function mixtureQuantiles(own: readonly number[], prior: readonly number[], w: number, qs: readonly number[]): number[] {
  const ownWeight = own.length ? w / own.length : 0;
  const priorWeight = prior.length ? (own.length ? 1 - w : 1) / prior.length : 0;
  const points: [number, number][] = [];
  for (const v of own) points.push([v, ownWeight]);
  for (const v of prior) points.push([v, priorWeight]);
  if (points.length === 0) return qs.map(() => Number.NaN);
  points.sort((a, b) => a[0] - b[0]);
  let total = 0;
  for (const [, weight] of points) total += weight;
  return qs.map((q) => {
    const target = q * total;
    let cumulative = 0;
    for (const [value, weight] of points) {
      cumulative += weight;
      if (cumulative >= target - 1e-12) return value;
    }
    return (points[points.length - 1] as [number, number])[0];
  });
}

export function mixtureQuantile(own: readonly number[], prior: readonly number[], w: number, q: number): number {
  return mixtureQuantiles(own, prior, w, [q])[0] as number;
}
