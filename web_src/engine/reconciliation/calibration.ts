/**
 * Knots (raw score → confidence) of a monotone map fitted by isotonic regression on generated books
 * (`npx tsx scripts/fit_engine_calibration.ts`, seed CALIBRATION_SEED — never the evaluation seed).
 * Regenerate whenever the scorer changes.
 */
export const CALIBRATION_SEED = 101;
export const CALIBRATION_KNOTS: ReadonlyArray<readonly [number, number]> = [
  [0.000001, 0.000244],
  [0.000009, 0.000488],
  [0.002211, 0.000731],
  [0.006655, 0.001946],
  [0.012587, 0.002913],
  [0.022047, 0.005792],
  [0.045621, 0.008637],
  [0.075392, 0.01269],
  [0.116664, 0.036232],
  [0.139529, 0.055556],
  [0.15773, 0.087629],
  [0.173164, 0.1],
  [0.222538, 0.113793],
  [0.289195, 0.166667],
  [0.361447, 0.192737],
  [0.410297, 0.25],
  [0.411586, 0.321429],
  [0.413841, 0.416667],
  [0.425477, 0.458333],
  [0.466232, 0.566667],
  [0.494383, 0.625],
  [0.503071, 0.722222],
  [0.976289, 0.997248],
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
