/**
 * Knots (raw score → confidence) of a monotone map fitted by isotonic regression on generated books
 * (`npx tsx scripts/fit_engine_calibration.ts`, seed CALIBRATION_SEED — never the evaluation seed).
 * Regenerate whenever the scorer changes.
 */
export const CALIBRATION_SEED = 101;
export const CALIBRATION_KNOTS: ReadonlyArray<readonly [number, number]> = [
  [0.000562, 0.000122],
  [0.005158, 0.000488],
  [0.007238, 0.001946],
  [0.014064, 0.002913],
  [0.04238, 0.003876],
  [0.082962, 0.01145],
  [0.120794, 0.024752],
  [0.169847, 0.068862],
  [0.237305, 0.121622],
  [0.291578, 0.166667],
  [0.361069, 0.198225],
  [0.408854, 0.233333],
  [0.410889, 0.25],
  [0.412136, 0.3],
  [0.41356, 0.388889],
  [0.416361, 0.5],
  [0.430028, 0.55],
  [0.456057, 0.557143],
  [0.490817, 0.716216],
  [0.965049, 0.990848],
];

/** Confidence for a raw score: linear between knots, flat beyond the ends, never decreasing. */
export function calibrate(raw: number, knots: ReadonlyArray<readonly [number, number]> = CALIBRATION_KNOTS): number {
  const first = knots[0];
  const last = knots[knots.length - 1];
  if (first === undefined || last === undefined) return raw;
  if (raw <= first[0]) return first[1];
  if (raw >= last[0]) return last[1];
  for (let i = 1; i < knots.length; i++) {
    const [x1, y1] = knots[i] as readonly [number, number];
    if (raw <= x1) {
      const [x0, y0] = knots[i - 1] as readonly [number, number];
      return x1 === x0 ? y1 : y0 + ((raw - x0) / (x1 - x0)) * (y1 - y0);
    }
  }
  return last[1];
}
