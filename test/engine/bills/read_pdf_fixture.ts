// A bill written here by hand, typed into a real PDF, read through the endpoint's bill service (the real poppler) with
// its embedded XML ignored, and the check the invoice-number layout tests share.
import { expect } from "vitest";
import type { ExtractBillResponse } from "../../../web_src/contracts/bills";
import { BillService } from "../../../web_src/endpoint/services/bills";

export type ReadBill = NonNullable<ExtractBillResponse["documents"][0]>;

export async function readPdf(pdf: Buffer): Promise<ReadBill> {
  const service = new BillService({ validateResponses: true, today: () => "2026-12-01" });
  const reply = await service.extract({ fileName: "bill.pdf", mimeType: "application/pdf", contentBase64: pdf.toString("base64") }, { ignoreEmbeddedXml: true });
  const bill = reply.documents[0];
  if (bill === undefined) throw new Error("no document read");
  return bill;
}

/** The invoice number read is `number` (spaces and a leading "#" aside), at confidence `at` or more. */
export function expectNumber(bill: ReadBill, number: string, at = 0.8): void {
  const squash = (s: string) => s.replace(/^#|\s/g, "").toLowerCase();
  expect(squash(bill.fields.invoiceNumber?.value ?? "(none)"), number).toBe(squash(number));
  expect(bill.fields.invoiceNumber?.confidence ?? 0, number).toBeGreaterThanOrEqual(at);
}
