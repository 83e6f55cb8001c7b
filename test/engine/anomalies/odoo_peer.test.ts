import { describe, expect, it } from "vitest";
import { generateAnomalyBooks } from "../../../scripts/bench/lib/anomaly_books";
import { odooAbnormalAmount } from "../../../scripts/bench/lib/odoo_abnormal_amount";
import { DetectAnomaliesRequestSchema } from "../../../web_src/contracts/anomalies";

describe("Odoo's abnormal-amount rule (the bench's peer)", () => {
  it("is silent under 10 earlier bills and flags outside mean ± 2σ of the latest 30", () => {
    expect(odooAbnormalAmount(5000, [100, 100, 100, 100, 100, 100, 100, 100, 100])).toBe(false);
    const ten = [90, 110, 95, 105, 100, 98, 102, 97, 103, 100];
    expect(odooAbnormalAmount(101, ten)).toBe(false);
    expect(odooAbnormalAmount(130, ten)).toBe(true);
    // bills older than the 30th do not count
    expect(odooAbnormalAmount(1000, [...Array.from({ length: 30 }, () => 1000 + 1), ...Array.from({ length: 30 }, () => 5)])).toBe(true);
  });
});

describe("the anomaly books generator", () => {
  it("gives the same labelled books for a seed, and a valid request", () => {
    const a = generateAnomalyBooks(7, { vendors: 40, anomalyRate: 0.1 });
    const b = generateAnomalyBooks(7, { vendors: 40, anomalyRate: 0.1 });
    expect(JSON.stringify(a.request)).toBe(JSON.stringify(b.request));
    expect([...a.labels]).toEqual([...b.labels]);
    expect(a.labels.size).toBeGreaterThan(0);
    expect(() => DetectAnomaliesRequestSchema.parse(a.request)).not.toThrow();
  });
});
