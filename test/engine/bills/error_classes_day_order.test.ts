// Reading error classes of stop 28 (issue 13): numeric dates whose day and month could both be either, on a bill whose
// currency says the other order than its dates (a European vendor billing in US dollars, an American one in euros),
// read in the order the stated payment term shows; and the total taken for the tax on a bill without tax, when a tax
// line prints it ("TVA non applicable, art. 293 B du CGI. Montant TTC 530,75 €").
import { describe, expect, it } from "vitest";
import { extractBill } from "../../../web_src/engine/bills/extract_bill";
import { dayOrderFromTerm } from "../../../web_src/engine/bills/values";
import { OPTIONS, header, page } from "./text_bill_fixture";

describe("dayOrderFromTerm", () => {
  it("is day first when the dates lie the term apart day first only", () => {
    expect(dayOrderFromTerm("Date 03/11/2026  Due 03/12/2026", 30)).toBe("dmy");
  });
  it("is month first when they lie the term apart month first only", () => {
    expect(dayOrderFromTerm("Date 11/03/2026  Due 12/03/2026", 30)).toBe("mdy");
  });
  it("tells nothing without a term, with a term no pair shows, or when both orders fit", () => {
    expect(dayOrderFromTerm("Date 03/11/2026  Due 03/12/2026", 0)).toBeNull();
    expect(dayOrderFromTerm("Date 03/11/2026  Due 03/12/2026", 14)).toBeNull();
    // 01/02 → 03/04: 1 Feb → 3 Apr is 61 days, 2 Jan → 4 Mar 61 days too.
    expect(dayOrderFromTerm("Date 01/02/2026  Due 03/04/2026", 61)).toBeNull();
  });
});

describe("reading error classes: the day order from the payment term", () => {
  it("reads a US-dollar bill printed day first (Net 30, 03/11/2026 → 03/12/2026)", () => {
    const bill = extractBill([page(`
Nordwind Consulting GmbH
Hafenstraße 4, 20457 Hamburg
Invoice No. NW-2026-0412                  Invoice Date: 03/11/2026
Bill to:                                  Due Date: 03/12/2026
Lakeside Software Inc.                    Terms: Net 30
Description                     Qty       Unit price      Amount
Consulting, November            10        150.00 USD      1,500.00 USD
                                          Subtotal              1,500.00 USD
                                          Total due             1,500.00 USD
`)], OPTIONS);
    expect(header(bill)).toMatchObject({ currency: "USD", invoiceDate: "2026-11-03", dueDate: "2026-12-03", total: 1500 });
    expect(bill.fields.invoiceDate?.confidence ?? 0).toBeGreaterThanOrEqual(0.8);
  });

  it("reads a euro bill printed month first (payment within 30 days, 11/03/2026 → 12/03/2026)", () => {
    const bill = extractBill([page(`
Redwood Analytics LLC
500 Market Street, San Francisco, CA 94105
Invoice No. RA-7781                       Invoice Date: 11/03/2026
Bill to:                                  Due Date: 12/03/2026
Brandt Logistik AG
Description                     Qty       Unit price      Amount
Data platform licence           1         2.400,00 €      2.400,00 €
Payment within 30 days of the invoice date.
                                          Total                 2.400,00 €
`)], OPTIONS);
    expect(header(bill)).toMatchObject({ currency: "EUR", invoiceDate: "2026-11-03", dueDate: "2026-12-03", total: 2400 });
  });
});

describe("reading error classes: terms in other languages tell the day order", () => {
  it.each([
    ["Paiement à 30 j", "2026-11-03", "2026-12-03"],
    ["Conditions de paiement : 30 jrs", "2026-11-03", "2026-12-03"],
    ["Zahlbar innerhalb 30 Tagen ohne Abzug", "2026-11-03", "2026-12-03"],
  ])("%s", (terms, invoiceDate, dueDate) => {
    const bill = extractBill([page(`
Atelier Lumière SARL
12 rue des Arts, 69002 Lyon
Invoice No. AL-2026-233                   Invoice Date: 03/11/2026
Bill to:                                  Due Date: 03/12/2026
Harbor Imports Inc.
Description                     Qty       Unit price      Amount
Lamps                           4         250.00 USD      1,000.00 USD
${terms}
                                          Total                 1,000.00 USD
`)], OPTIONS);
    expect(header(bill)).toMatchObject({ currency: "USD", invoiceDate, dueDate, total: 1000 });
  });
});

describe("reading error classes: a figure as large as the total on a tax line is no tax", () => {
  it.each([
    ["TVA non applicable, article 293 B du CGI. Montant TTC 530,75 €"],
    ["TVA (0 %) sur 530,75 €"],
  ])("%s", (taxLine) => {
    const bill = extractBill([page(`
Atelier Verrier Morel
8 place du Marché, 21000 Dijon
Facture N° AVM-2026-052                   Date : 02/12/2026
Client : Hôtel du Parc
Désignation                     Qté       PU             Montant
Vitrail restauré                1         530,75         530,75
Total HT                                                 530,75 €
${taxLine}
Net à payer                                              530,75 €
`)], OPTIONS);
    expect(header(bill)).toMatchObject({ untaxed: 530.75, totalTax: 0, total: 530.75 });
  });
});
