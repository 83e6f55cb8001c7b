import { describe, expect, it } from "vitest";
import { HistoryIndex } from "../../../web_src/engine/reconciliation/history_index";
import { lineText } from "../../../web_src/engine/reconciliation/line_text";
import { history } from "./factories";

const coded = (label: string, accountId: number, taxIds: number[] = [11]) =>
  history({ label, amount: -20, accountId, taxIds, outcome: "coded" });
const text = (label: string, accountNumber = "") => lineText({ label, ref: "", partnerName: "", accountNumber });

describe("HistoryIndex.expenseOptions", () => {
  const index = new HistoryIndex([
    coded("AWS EMEA 5678", 6815), coded("CARD 9911 AWS EMEA", 6815), coded("SHELL STATION HAMBURG", 6530, [12]),
    coded("SHELL 4711", 6530, [12]), coded("STAPLES EUROPE", 6915),
  ]);

  it("links a merchant to its account through the acronym", () => {
    const [top] = index.expenseOptions(text("CARD 1234 AMAZON WEB SERVICES LUX"), -49.99);
    expect(top?.accountId).toBe(6815);
    expect(top?.taxIds).toEqual([11]);
  });

  it("codes a fuel purchase as fuel", () => {
    expect(index.expenseOptions(text("KARTENZAHLUNG SHELL DEUTSCHLAND"), -60)[0]?.accountId).toBe(6530);
  });

  it("finds nothing for words it never saw", () => {
    expect(index.expenseOptions(text("BECKER ELEKTROTECHNIK ZAHLUNG"), -2_000)).toEqual([]);
  });

  it("does not use expense history for money received", () => {
    expect(index.expenseOptions(text("AWS EMEA REFUND"), 20)).toEqual([]);
  });

  it("picks as best option the first of the ranked options", () => {
    for (const label of ["CARD 1234 AMAZON WEB SERVICES LUX", "KARTENZAHLUNG SHELL DEUTSCHLAND", "SHELL AWS STAPLES", "NOTHING KNOWN"]) {
      for (const amount of [-60, 60]) {
        expect(index.bestExpenseOption(text(label), amount), label).toEqual(index.expenseOptions(text(label), amount)[0] ?? null);
      }
    }
  });

  it("remembers rejected codings", () => {
    const withRejection = new HistoryIndex([history({ label: "AWS EMEA", outcome: "rejected", rejectedAccountId: 6815 })]);
    expect(withRejection.rejectedAccounts(text("AWS EMEA 1234")).get(6815) ?? 0).toBeGreaterThan(0.3);
  });
});
