// A bill typed as plain text, read by the text-layer extractor, and its header fields as plain values: what the
// error-class tests compare.
import { extractBill, type ExtractOptions } from "../../../web_src/engine/bills/extract_bill";
import { pageFromPlainText, type Page } from "../../../web_src/engine/bills/layout";

export const OPTIONS: ExtractOptions = { source: "text_layer", today: "2026-12-01" };
export const page = (text: string, n = 1): Page => pageFromPlainText(text.replace(/^\n/, ""), n);
export type Bill = ReturnType<typeof extractBill>;
export const value = (bill: Bill, k: keyof Bill["fields"]) => bill.fields[k]?.value ?? null;
export const header = (bill: Bill) => ({
  vendorName: value(bill, "vendorName"),
  invoiceNumber: value(bill, "invoiceNumber"),
  invoiceDate: value(bill, "invoiceDate"),
  dueDate: value(bill, "dueDate"),
  currency: value(bill, "currency"),
  untaxed: value(bill, "untaxed"),
  totalTax: value(bill, "totalTax"),
  total: value(bill, "total"),
});

/** A German bill down to its table of lines (vendor, number RE-2026-118, date 2 December 2026, customer): the
 * error-class tests add its lines and totals. */
export const GERMAN_HEAD = `Müller Maschinenbau GmbH
Industriestraße 5, 70173 Stuttgart
                                          Rechnungsnummer    RE-2026-118
An:                                       Rechnungsdatum     02.12.2026
Schmidt Logistik AG
Pos  Bezeichnung                Menge     Einzelpreis     Betrag
`;
