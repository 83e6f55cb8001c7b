import { describe, expect, it } from "vitest";
import { benfordTest, BENFORD_EXPECTED } from "../../../web_src/engine/anomalies/benford";
import { DETECTORS, detectAnomalies } from "../../../web_src/engine/anomalies/detect_anomalies";
import { bill, monthlyHistory, request } from "./helpers";

const benfordCounts = (n: number): number[] => BENFORD_EXPECTED.map((p) => Math.round(p * n));

describe("Benford first digits", () => {
  it("is silent on a ledger that follows the law, and on small sets", () => {
    expect(benfordTest(benfordCounts(5000)).significant).toBe(false);
    expect(benfordTest([30, 30, 30, 30, 30, 30, 30, 30, 30]).significant).toBe(false); // 270 < 300 items
  });

  it("reports a set where 4s are far too frequent (amounts kept just under 5,000)", () => {
    const counts = benfordCounts(1000);
    counts[3] = (counts[3] ?? 0) + 150;
    const test = benfordTest(counts);
    expect(test.significant).toBe(true);
    expect(test.mostOver).toBe(4);
    const reply = detectAnomalies(request({ items: [], history: { benford: [{ scope: "journal:2:2026", label: "Vendor Bills 2026", counts, target: { model: "account.journal", id: 2 } }] } }));
    expect(reply.findings.map((f) => [f.detector, f.dedupKey])).toEqual([["benford", "benford:journal:2:2026"]]);
    expect(reply.findings[0]?.reason).toContain("start with 4");
  });

  it("does not report chi-square alone on a huge, nearly conforming set", () => {
    const counts = benfordCounts(200_000);
    counts[0] = (counts[0] ?? 0) + 2500; // chi-square significant, MAD tiny
    const test = benfordTest(counts);
    expect(test.chiSquare).toBeGreaterThan(26.124);
    expect(test.significant).toBe(false);
  });
});

describe("the engine", () => {
  const outlierRequest = () =>
    request({
      items: [bill({ amount: 2450 })],
      history: { vendors: [{ partnerId: 7, billCount: 6, recent: monthlyHistory([180, 240, 205, 215, 190, 230]) }] },
    });

  it("runs the other detectors when one crashes, and reports the crash", () => {
    const reply = detectAnomalies(outlierRequest(), {
      ...DETECTORS,
      duplicate_bill: () => {
        throw new Error("boom");
      },
    });
    expect(reply.errors).toEqual([{ detector: "duplicate_bill", message: "boom" }]);
    expect(reply.findings.map((f) => f.detector)).toEqual(["amount_outlier_vendor"]);
  });

  it("gives one finding per dedup key, the highest score", () => {
    const finding = detectAnomalies(outlierRequest()).findings[0];
    if (finding === undefined) throw new Error("expected a finding");
    const reply = detectAnomalies(outlierRequest(), {
      a: () => [finding, { ...finding, score: 0.2 }],
      b: () => [{ ...finding, score: 0.97 }],
    } as unknown as typeof DETECTORS);
    expect(reply.findings).toHaveLength(1);
    expect(reply.findings[0]?.score).toBe(0.97);
  });

  it("leaves out a dismissed pattern unless the new finding is worse", () => {
    const base = detectAnomalies(outlierRequest()).findings[0];
    if (base === undefined) throw new Error("expected a finding");
    const same = detectAnomalies({ ...outlierRequest(), dismissed: [{ patternKey: base.patternKey, score: base.score }] });
    expect(same.findings).toEqual([]);
    expect(same.suppressed).toBe(1);
    const lower = detectAnomalies({ ...outlierRequest(), dismissed: [{ patternKey: base.patternKey, score: base.score - 0.2 }] });
    expect(lower.findings.map((f) => f.patternKey)).toEqual([base.patternKey]);
  });

  it("skips disabled detectors", () => {
    const r = outlierRequest();
    expect(detectAnomalies({ ...r, settings: { ...r.settings, disabled: ["amount_outlier_vendor"] } }).findings).toEqual([]);
  });
});
