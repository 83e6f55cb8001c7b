import { describe, expect, it } from "vitest";
import { robustSummary } from "../../../web_src/engine/anomalies/robust_stats";
import { bill, detect, monthlyHistory, newId } from "./helpers";

describe("robustSummary", () => {
  it("is not moved by one earlier outlier, and never has zero spread", () => {
    const s = robustSummary([200, 210, 190, 5000, 205], 0.05, 1);
    expect(s.median).toBe(205);
    expect(s.sigma).toBeLessThan(30);
    expect(robustSummary([100, 100, 100], 0.05, 1).sigma).toBe(5);
  });
});

describe("vendor amount outliers", () => {
  it("names the usual range and the amount", () => {
    const findings = detect({
      items: [bill({ amount: 2450 })],
      history: { vendors: [{ partnerId: 7, billCount: 6, recent: monthlyHistory([180, 240, 205, 215, 190, 230]) }] },
    });
    expect(findings.map((f) => f.detector)).toEqual(["amount_outlier_vendor"]);
    expect(findings[0]?.reason).toMatch(/usually 1\d\d–2\d\d EUR .*this bill is 2,450 EUR/);
    expect(findings[0]?.patternKey).toBe("amount_outlier_vendor:partner:7");
  });

  it("needs 3 earlier bills, and leaves ordinary variation alone", () => {
    const short = detect({ items: [bill({ amount: 2450 })], history: { vendors: [{ partnerId: 7, billCount: 2, recent: monthlyHistory([200, 210]) }] } });
    expect(short).toEqual([]);
    const usual = detect({ items: [bill({ amount: 260 })], history: { vendors: [{ partnerId: 7, billCount: 6, recent: monthlyHistory([180, 240, 205, 215, 190, 230]) }] } });
    expect(usual).toEqual([]);
  });

  it("finds it from 3 earlier bills with identical amounts", () => {
    const findings = detect({ items: [bill({ amount: 900 })], history: { vendors: [{ partnerId: 7, billCount: 3, recent: monthlyHistory([300, 300, 300]) }] } });
    expect(findings.map((f) => f.detector)).toEqual(["amount_outlier_vendor"]);
  });

  it("knows a yearly bill: the same month of an earlier year had the same size", () => {
    const recent = monthlyHistory([100, 95, 105, 98, 102, 99, 101, 97, 103, 100, 96, 1900, 100, 99]);
    // 12 months back from 2026-01-05 is 2025-03-05: the big bill of March 2025
    const seasonal = detect({ items: [bill({ amount: 2000, date: "2026-03-05" })], history: { vendors: [{ partnerId: 7, billCount: 14, recent }] } });
    expect(seasonal).toEqual([]);
    const notSeasonal = detect({ items: [bill({ amount: 2000, date: "2026-04-05" })], history: { vendors: [{ partnerId: 7, billCount: 14, recent }] } });
    expect(notSeasonal.map((f) => f.detector)).toEqual(["amount_outlier_vendor"]);
  });
});

describe("account amount outliers", () => {
  it("finds a line far above the account's usual lines", () => {
    const recent = Array.from({ length: 12 }, (_, i) => ({ id: newId(), date: `2026-02-${String(i + 1).padStart(2, "0")}`, amount: 50 + i * 5 }));
    const item = bill({ amount: 4000, partnerId: 9 });
    const findings = detect({ items: [item], history: { accounts: [{ accountId: 600, lineCount: 12, recent, taxes: [] }] } });
    expect(findings.map((f) => f.detector)).toEqual(["amount_outlier_account"]);
    expect(findings[0]?.reason).toContain("account 6000");
  });
});
