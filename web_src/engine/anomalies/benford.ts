// Benford's law on first digits, per journal and per vendor set with enough items: reported only when both the
// chi-square test (8 degrees of freedom, p < 0.001) and Nigrini's mean absolute deviation (nonconformity above
// 0.015 for first digits) say the digits do not follow the law. Chi-square alone flags any large honest ledger.
import type { BenfordSet, Finding } from "../../contracts/anomalies";
import { clampScore, type DetectionContext } from "./detection_context";

export const BENFORD_MIN_ITEMS = 300;
/** Chi-square critical value, 8 degrees of freedom, p = 0.001. */
export const BENFORD_CHI2_CRITICAL = 26.124;
/** Nigrini (2012): first-digit MAD above 0.015 is nonconformity. */
export const BENFORD_MAD_NONCONFORMITY = 0.015;

export const BENFORD_EXPECTED: readonly number[] = Array.from({ length: 9 }, (_, i) => Math.log10(1 + 1 / (i + 1)));

export interface BenfordTest {
  n: number;
  chiSquare: number;
  mad: number;
  /** The digit furthest above its expected share (1..9). */
  mostOver: number;
  significant: boolean;
}

export function benfordTest(counts: readonly number[]): BenfordTest {
  const n = counts.reduce((a, b) => a + b, 0);
  let chiSquare = 0;
  let madSum = 0;
  let mostOver = 1;
  let worst = -Infinity;
  BENFORD_EXPECTED.forEach((p, i) => {
    const observed = counts[i] ?? 0;
    const expected = p * n;
    chiSquare += expected > 0 ? (observed - expected) ** 2 / expected : 0;
    const diff = n > 0 ? observed / n - p : 0;
    madSum += Math.abs(diff);
    if (diff > worst) {
      worst = diff;
      mostOver = i + 1;
    }
  });
  const mad = madSum / 9;
  return {
    n,
    chiSquare,
    mad,
    mostOver,
    significant: n >= BENFORD_MIN_ITEMS && chiSquare > BENFORD_CHI2_CRITICAL && mad > BENFORD_MAD_NONCONFORMITY,
  };
}

function findingOf(set: BenfordSet, test: BenfordTest): Finding {
  const observed = (set.counts[test.mostOver - 1] ?? 0) / test.n;
  const expected = BENFORD_EXPECTED[test.mostOver - 1] as number;
  return {
    detector: "benford",
    score: clampScore(0.5 + 0.3 * Math.min(1, (test.mad - BENFORD_MAD_NONCONFORMITY) / BENFORD_MAD_NONCONFORMITY)),
    reason: `The first digits of ${test.n} amounts in ${set.label || set.scope} do not follow Benford's law (chi-square ${test.chiSquare.toFixed(1)} > ${BENFORD_CHI2_CRITICAL}, MAD ${test.mad.toFixed(4)} > ${BENFORD_MAD_NONCONFORMITY}): ${Math.round(observed * 1000) / 10}% start with ${test.mostOver}, ${Math.round(expected * 1000) / 10}% expected.`,
    target: set.target,
    evidence: [set.target, ...set.sampleIds],
    dedupKey: `benford:${set.scope}`,
    patternKey: `benford:${set.scope}`,
    partnerId: set.target.model === "res.partner" ? set.target.id : null,
    amount: 0,
  };
}

export function detectBenford(context: DetectionContext): Finding[] {
  const findings: Finding[] = [];
  for (const set of context.request.history.benford) {
    const test = benfordTest(set.counts);
    if (test.significant) findings.push(findingOf(set, test));
  }
  return findings;
}
