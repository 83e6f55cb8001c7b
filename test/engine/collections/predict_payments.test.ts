// The payment-behaviour engine on hand-made histories: figures, segments with their reasons, predicted dates
// conditioned on the invoice still being open, shrinkage toward the company for thin histories, early warnings.
import { describe, expect, it } from "vitest";
import {
  CollectionPredictRequestSchema,
  CollectionPredictResponseSchema,
  type CollectionPredictRequestInput,
  type PaidInvoice,
} from "../../../web_src/contracts/collections";
import { behaviourOf, predictCollections } from "../../../web_src/engine/collections/predict_payments";
import { dayNumber, isoOfDay, mixtureQuantile } from "../../../web_src/engine/collections/payment_stats";

/** Paid invoices due on the 1st of consecutive months from 2025-01, paid `late[i]` days after the due date. */
function history(late: number[], options: { partial?: boolean[]; amount?: number } = {}): PaidInvoice[] {
  return late.map((days, i) => {
    const due = dayNumber(`2025-${String((i % 12) + 1).padStart(2, "0")}-01`) + 365 * Math.floor(i / 12);
    return {
      invoiceDate: isoOfDay(due - 30),
      dueDate: isoOfDay(due),
      paidDate: isoOfDay(due + days),
      amount: options.amount ?? 1000,
      partial: options.partial?.[i] ?? false,
    };
  });
}

function predict(input: Omit<CollectionPredictRequestInput, "companyId" | "companyCurrency">) {
  const request = CollectionPredictRequestSchema.parse({ companyId: 1, companyCurrency: "EUR", ...input });
  return CollectionPredictResponseSchema.parse(predictCollections(request));
}

describe("behaviourOf", () => {
  it("computes mean, spread, on-time share, DSO, trend and partial share", () => {
    const b = behaviourOf(history([0, -2, 4, 10, 20, 30], { partial: [false, false, false, false, true, true] }));
    expect(b.paidCount).toBe(6);
    expect(b.meanDaysLate).toBe(10.3);
    expect(b.onTimeShare).toBe(0.333);
    expect(b.partialShare).toBe(0.333);
    // recent third (20, 30) = 25 vs older (0, -2, 4, 10) = 3
    expect(b.trendDays).toBe(22);
    expect(b.recentMeanDaysLate).toBe(25);
    expect(b.dso).toBe(40.3);
    expect(b.sdDaysLate).toBe(12.5);
  });

  it("is empty-safe", () => {
    expect(behaviourOf([])).toMatchObject({ paidCount: 0, meanDaysLate: 0, onTimeShare: 0, dso: 0 });
  });
});

describe("segments", () => {
  const cases: [string, number[], string, RegExp][] = [
    ["reliable", [0, -1, 2, 0, 1, -3, 0, 5], "reliable", /paid on time.*within a week/],
    ["slow but sure", [20, 24, 19, 22, 25, 21, 23], "slow_but_sure", /22 days late on average/],
    ["deteriorating", [0, 2, 1, 0, 3, 14, 20, 25], "deteriorating", /recently/],
    ["at risk", [10, 40, 75, 90, 20, 80], "at_risk", /more than 60 days late/],
    ["erratic, not a steady worsening", [40, 5, 45, 10, 55, 3, 60, 20, 58], "at_risk", /± /],
    ["steadily very late is slow, not at risk", [48, 50, 47, 52, 49, 51, 50], "slow_but_sure", /steadily/],
    ["new", [5, 6], "new", /2 paid invoices: too few to judge \(3 needed\)/],
  ];
  it.each(cases)("%s", (_name, late, segment, reason) => {
    const reply = predict({ today: "2026-06-01", customers: [{ partnerId: 7, history: history(late) }] });
    expect(reply.customers[0]?.segment).toBe(segment);
    expect(reply.customers[0]?.reason).toMatch(reason);
  });
});

describe("predicted payment dates", () => {
  it("predicts the customer's median lateness with an interval for an invoice not yet due", () => {
    const reply = predict({
      today: "2026-06-01",
      customers: [{ partnerId: 7, history: history([20, 24, 19, 22, 25, 21, 23, 20, 22, 24]), open: [
        { invoiceId: 11, invoiceDate: "2026-05-20", dueDate: "2026-06-19", amountResidual: 500 },
      ] }],
    });
    const p = reply.customers[0]?.predictions[0];
    expect(p?.predictedDaysLate).toBeGreaterThanOrEqual(20);
    expect(p?.predictedDaysLate).toBeLessThanOrEqual(24);
    expect((p?.low ?? "") <= (p?.predictedDate ?? "") && (p?.predictedDate ?? "") <= (p?.high ?? "")).toBe(true);
    expect(p?.earlyWarning).toBe(true);
    expect(p?.weight).toBeCloseTo(10 / 12, 3);
  });

  it("conditions on the invoice being still open today: never a date in the past", () => {
    const reply = predict({
      today: "2026-06-01",
      customers: [{ partnerId: 7, history: history([0, 2, 30, 1, 40, 3]), open: [
        { invoiceId: 11, invoiceDate: "2026-04-01", dueDate: "2026-05-01", amountResidual: 500 },
      ] }],
    });
    const p = reply.customers[0]?.predictions[0];
    // 31 days past due: of the history only what is at least 31 days late remains (the 40, spread by the
    // finite-sample kernel), mixed with the company's (the same sample).
    expect(p?.predictedDaysLate).toBeGreaterThanOrEqual(31);
    expect(p?.predictedDaysLate).toBeLessThanOrEqual(50);
    expect((p?.predictedDate ?? "") >= "2026-06-01" && (p?.low ?? "") >= "2026-06-01").toBe(true);
    expect(p?.earlyWarning).toBe(false);
  });

  it("leans on the company's behaviour when the customer's history is thin", () => {
    const slow = { partnerId: 8, history: history([30, 31, 29, 30, 32, 30, 31, 29, 30, 30]) };
    const newcomer = { partnerId: 9, history: history([0]), open: [
      { invoiceId: 12, invoiceDate: "2026-05-20", dueDate: "2026-06-19", amountResidual: 100 },
    ] };
    const reply = predict({ today: "2026-06-01", customers: [slow, newcomer] });
    const p = reply.customers[1]?.predictions[0];
    expect(reply.customers[1]?.segment).toBe("new");
    expect(p?.weight).toBeCloseTo(1 / 3, 3);
    expect(p?.predictedDaysLate).toBeGreaterThan(20);
  });

  it("assumes a payment on the due date for a company with no history at all", () => {
    const reply = predict({ today: "2026-06-01", customers: [{ partnerId: 9, open: [
      { invoiceId: 12, invoiceDate: "2026-05-20", dueDate: "2026-06-19", amountResidual: 100 },
    ] }] });
    expect(reply.customers[0]?.predictions[0]?.predictedDate).toBe("2026-06-19");
  });

  it("predicts beyond the history for an invoice later than anything ever paid", () => {
    const reply = predict({ today: "2026-06-01", customers: [{ partnerId: 7, history: history([1, 2, 3]), open: [
      { invoiceId: 13, invoiceDate: "2026-01-01", dueDate: "2026-02-01", amountResidual: 100 },
    ] }] });
    const p = reply.customers[0]?.predictions[0];
    expect(p?.predictedDate).toBe("2026-06-15");
    expect(p?.low).toBe("2026-06-02");
  });
});

describe("mixtureQuantile", () => {
  it("weights the two samples", () => {
    expect(mixtureQuantile([10, 10], [0, 0, 0, 0], 0.9, 0.5)).toBe(10);
    expect(mixtureQuantile([10, 10], [0, 0, 0, 0], 0.1, 0.5)).toBe(0);
    expect(mixtureQuantile([], [1, 2, 3], 0.5, 0.5)).toBe(2);
  });
});

describe("the interval of a predicted date", () => {
  const openInvoice = (invoiceId: number) => [{ invoiceId, invoiceDate: "2026-05-20", dueDate: "2026-06-19", amountResidual: 100 }];
  const widthOf = (p: { low: string; high: string } | undefined) => dayNumber(p?.high ?? "") - dayNumber(p?.low ?? "");

  it("is wider for 3 past payments than for 30 of the same spread", () => {
    const spread = [10, 20, 30];
    const reply = predict({
      today: "2026-06-01",
      customers: [
        { partnerId: 1, history: history(spread), open: openInvoice(11) },
        { partnerId: 2, history: history(Array.from({ length: 30 }, (_, i) => spread[i % 3] as number)), open: openInvoice(12) },
      ],
    });
    const thin = reply.customers[0]?.predictions[0];
    const thick = reply.customers[1]?.predictions[0];
    expect(widthOf(thin)).toBeGreaterThan(widthOf(thick));
    // Both still centred on the same behaviour.
    expect(thin?.predictedDaysLate).toBe(thick?.predictedDaysLate);
  });
});
