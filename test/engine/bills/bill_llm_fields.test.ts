// mergeLlmFields on hand-made readings (independent of the extractor's scores): what an LLM may fill or correct, and
// what it may not.
import { describe, expect, it } from "vitest";
import type { BillFields, BillLlmAnswer, ExtractedBill } from "../../../web_src/contracts/bills";
import { checkBill } from "../../../web_src/engine/bills/check_bill";
import { LLM_CHECKED_CONFIDENCE, LLM_READ_CONFIDENCE, mergeLlmFields, unsureFields } from "../../../web_src/engine/bills/bill_llm_fields";

const TODAY = "2026-03-01";
const TEXT = [
  "Acme Supplies GmbH",
  "Invoice no. INV-7781   Date: 12.02.2026   Due: 14.03.2026",
  "Net 100.00   VAT 19 % 19.00   Total 118.00",
  "Amount to pay 119.00 EUR",
  "Delivery date 01.01.2031",
  "Customer 55120   Order 77-1204   Shipped 20.02.2026",
].join("\n");
const PAGES = [{ page: 1, text: TEXT }];
const NOTHING: BillLlmAnswer = { vendorName: null, invoiceNumber: null, invoiceDate: null, dueDate: null, currency: null, untaxed: null, totalTax: null, total: null };

const field = <T>(value: T, confidence = 0.9) => ({ value, confidence, sourceText: "", page: 1 });

function bill(fields: Partial<BillFields>): ExtractedBill {
  const empty: BillFields = {
    documentKind: null, vendorName: null, vendorAddress: null, vendorVat: null, vendorIban: null, vendorEmail: null, invoiceNumber: null,
    invoiceDate: null, dueDate: null, paymentTerms: null, currency: null, untaxed: null, totalTax: null, total: null,
    purchaseOrderRef: null,
  };
  return checkBill({ pageFrom: 1, pageTo: 1, source: "text_layer", fields: { ...empty, ...fields }, lines: [], taxes: [], checks: [] }, TODAY);
}

const merge = (b: ExtractedBill, values: Partial<BillLlmAnswer>, companyName?: string) =>
  mergeLlmFields(b, { ...NOTHING, ...values }, unsureFields(b, 0.95), PAGES, { today: TODAY, companyName });

describe("mergeLlmFields", () => {
  it("corrects a total only when the check that failed with the extractor's value passes with the LLM's", () => {
    const offline = bill({ untaxed: field(100), totalTax: field(19), total: field(118) });
    expect(offline.checks.find((c) => c.code === "total")?.ok).toBe(false);
    const { bill: merged, accepted } = merge(offline, { total: 119 });
    expect(accepted).toEqual(["total"]);
    expect(merged.fields.total).toMatchObject({ value: 119, readBy: "llm", confidence: LLM_CHECKED_CONFIDENCE, sourceText: "Amount to pay 119.00 EUR" });
    expect(merged.checks.find((c) => c.code === "total")?.ok).toBe(true);
  });

  it("does not let the LLM overwrite what the extractor read when no check shows it is better", () => {
    const offline = bill({ invoiceNumber: field("INV-7781", 0.6), untaxed: field(100, 0.6) });
    const { accepted, refused } = merge(offline, { invoiceNumber: "7781", untaxed: 119 });
    expect(accepted).toEqual([]);
    expect(refused.map((r) => r.field).sort()).toEqual(["invoiceNumber", "untaxed"]);
  });

  it("fills empty fields printed in the text, with the confidence their checks justify", () => {
    const { bill: merged, accepted } = merge(bill({}), { vendorName: "Acme Supplies GmbH", invoiceNumber: "INV-7781", invoiceDate: "2026-02-12", dueDate: "2026-03-14", currency: "EUR" });
    expect(accepted.sort()).toEqual(["currency", "dueDate", "invoiceDate", "invoiceNumber", "vendorName"]);
    expect(merged.fields.vendorName?.confidence).toBe(LLM_READ_CONFIDENCE);
    expect(merged.fields.invoiceNumber?.confidence).toBe(LLM_READ_CONFIDENCE);
    expect(merged.fields.invoiceDate?.confidence).toBe(LLM_CHECKED_CONFIDENCE);
    expect(merged.fields.currency?.confidence).toBe(LLM_CHECKED_CONFIDENCE);
  });

  it("refuses dates that are not plausible, values not printed, a currency it does not know and the company's own name", () => {
    const { accepted, refused } = merge(
      bill({}),
      { invoiceDate: "2031-01-01", invoiceNumber: "INV-7782", currency: "XYZ", vendorName: "Kunde AG" },
      "Kunde AG",
    );
    expect(accepted).toEqual([]);
    const reasons = Object.fromEntries(refused.map((r) => [r.field, r.reason]));
    expect(reasons.invoiceDate).toMatch(/in the future/);
    expect(reasons.invoiceNumber).toMatch(/not printed/);
    expect(reasons.currency).toMatch(/not a currency code/);
    expect(reasons.vendorName).toMatch(/own name/);
  });

  it("takes a number or a date only where a label of its kind is printed before it", () => {
    const { accepted, refused } = merge(bill({}), { invoiceNumber: "55120", dueDate: "2026-02-20" });
    expect(accepted).toEqual([]);
    expect(refused.map((r) => r.field).sort()).toEqual(["dueDate", "invoiceNumber"]);
  });

  it("leaves the bill as it was when nothing is kept", () => {
    const offline = bill({ untaxed: field(100), totalTax: field(19) });
    const outcome = merge(offline, { total: 118.5 });
    expect(outcome.bill).toBe(offline);
  });
});
