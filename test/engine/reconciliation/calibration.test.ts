import { describe, expect, it } from "vitest";
import { calibrate, CALIBRATION_KNOTS } from "../../../web_src/engine/reconciliation/calibration";
import { fitIsotonic } from "../../../scripts/bench/lib/isotonic";
import { reliabilityTable } from "../../../scripts/bench/lib/reliability";

describe("calibrate", () => {
  it("is monotone and stays within 0..1", () => {
    let previous = -1;
    for (let raw = 0; raw <= 1.0001; raw += 0.01) {
      const c = calibrate(raw);
      expect(c).toBeGreaterThanOrEqual(previous);
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
      previous = c;
    }
  });

  it("uses fitted knots, not the identity", () => {
    expect(CALIBRATION_KNOTS.length).toBeGreaterThan(2);
  });

  it("interpolates between knots", () => {
    expect(calibrate(0.5, [[0, 0], [1, 0.8]])).toBeCloseTo(0.4);
  });
});

describe("fitIsotonic", () => {
  it("learns a monotone map from outcomes", () => {
    const outcomes = Array.from({ length: 1_000 }, (_, i) => ({ score: i / 1_000, correct: (i * 7919) % 1_000 < i }));
    const knots = fitIsotonic(outcomes, 10);
    expect(knots.length).toBeLessThanOrEqual(10);
    for (let k = 1; k < knots.length; k++) expect((knots[k] as number[])[1]).toBeGreaterThanOrEqual((knots[k - 1] as number[])[1] as number);
    expect(calibrate(0.05, knots)).toBeLessThan(0.2);
    expect(calibrate(0.95, knots)).toBeGreaterThan(0.8);
  });
});

describe("reliabilityTable", () => {
  it("counts, averages and scores each bin", () => {
    const rows = reliabilityTable(
      [{ confidence: 0.1, correct: false }, { confidence: 0.15, correct: true }, { confidence: 1, correct: true }],
      [0, 0.5, 1],
    );
    expect(rows).toEqual([
      { from: 0, to: 0.5, count: 2, meanConfidence: 0.125, accuracy: 0.5 },
      { from: 0.5, to: 1, count: 1, meanConfidence: 1, accuracy: 1 },
    ]);
  });
});
