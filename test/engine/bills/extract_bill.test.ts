// The bill extractor on text fixtures written for it: one bill per language (EN, DE, FR, NL), the checks (a
// difference is reported, never adjusted), the customer's own data not taken for the vendor's, several bills in one
// document, and OCR output of a page scanned sideways.
import { describe, expect, it } from "vitest";
import { extractBill, type ExtractOptions } from "../../../web_src/engine/bills/extract_bill";
import { pageFromPlainText, pageFromTesseractTsv, type Page } from "../../../web_src/engine/bills/layout";
import { extractBills } from "../../../web_src/engine/bills/split_bills";

const OPTIONS: ExtractOptions = { source: "text_layer", today: "2026-12-01" };
const page = (text: string, n = 1): Page => pageFromPlainText(text.replace(/^\n/, ""), n);
const values = (bill: ReturnType<typeof extractBill>) =>
  Object.fromEntries(Object.entries(bill.fields).map(([k, v]) => [k, v?.value ?? null]));

const GERMAN = `
Muster Bürobedarf GmbH                                     Rechnung
Hauptstraße 5, 80331 München
                                                           Rechnungsnummer:   RE-2024-0815
Kunde:                                                     Rechnungsdatum:    03.05.2024
Beispiel AG                                                Fällig am:         02.06.2024
Kundenweg 1                                                Ihre Bestellung:   PO-7781
10115 Berlin

Pos   Bezeichnung                     Menge     Einzelpreis      Betrag
1     Kopierpapier A4                 10        4,50             45,00
2     Toner schwarz                   2         27,50            55,00

                                                Nettobetrag               100,00 €
                                                MwSt 19 %                  19,00 €
                                                Gesamtbetrag              119,00 €

Zahlungsbedingungen: 30 Tage netto
USt-IdNr.: DE232446240    IBAN: DE89 3704 0044 0532 0130 00    info@muster-buero.de
`;

describe("extractBill on text fixtures", () => {
  it("reads a German bill", () => {
    const bill = extractBill([page(GERMAN)], OPTIONS);
    expect(values(bill)).toEqual({
      documentKind: null,
      vendorName: "Muster Bürobedarf GmbH",
      vendorAddress: { street: "Hauptstraße 5", zip: "80331", city: "München", country: "DE" },
      vendorVat: "DE232446240",
      vendorIban: "DE89370400440532013000",
      vendorEmail: "info@muster-buero.de",
      invoiceNumber: "RE-2024-0815",
      invoiceDate: "2024-05-03",
      dueDate: "2024-06-02",
      paymentTerms: "30 Tage netto",
      currency: "EUR",
      untaxed: 100,
      totalTax: 19,
      total: 119,
      purchaseOrderRef: "PO-7781",
    });
    expect(bill.lines).toEqual([
      { description: "Kopierpapier A4", quantity: 10, unitPrice: 4.5, taxRate: null, amount: 45, confidence: 0.8 },
      { description: "Toner schwarz", quantity: 2, unitPrice: 27.5, taxRate: null, amount: 55, confidence: 0.8 },
    ]);
    expect(bill.checks.filter((c) => !c.ok)).toEqual([]);
    expect(bill.checks.map((c) => c.code)).toEqual(expect.arrayContaining(["lines_sum", "total", "invoice_date", "due_date", "currency", "vendor_vat", "vendor_iban"]));
    // Confirmed by untaxed + tax = total: surer than a label alone.
    expect(bill.fields.total?.confidence).toBeGreaterThanOrEqual(0.95);
    expect(bill.fields.total?.sourceText).toContain("Gesamtbetrag");
  });

  it("reads an English bill with US dates and a dollar total", () => {
    const bill = extractBill(
      [
        page(`
Northwind Traders Inc.                                   INVOICE
billing@northwind.example.com
                                                         Invoice No: 10442
Bill to:                                                 Invoice Date: March 5, 2024
Contoso Ltd                                              Due Date: April 4, 2024
                                                         Payment terms: Net 30

Description                    Qty      Unit Price      Amount
Consulting hours               12       $150.00         $1,800.00

                                         Subtotal       $1,800.00
                                         Sales Tax 8%     $144.00
                                         Total Due      $1,944.00
`),
      ],
      OPTIONS,
    );
    expect(values(bill)).toMatchObject({
      vendorName: "Northwind Traders Inc.",
      invoiceNumber: "10442",
      invoiceDate: "2024-03-05",
      dueDate: "2024-04-04",
      paymentTerms: "Net 30",
      currency: "USD",
      untaxed: 1800,
      totalTax: 144,
      total: 1944,
    });
  });

  it("reads a French bill (HT, TVA, TTC) and a Dutch one (excl. BTW, totaal)", () => {
    const fr = extractBill(
      [
        page(`
Boulangerie Dupont SARL
Facture n° F2024-118 du 12 février 2024
Date d'échéance : 13/03/2024
                                   Total HT          200,00 €
                                   TVA 20%            40,00 €
                                   Total TTC         240,00 €
N° TVA intracommunautaire : FR 604 219 388 61
`),
      ],
      OPTIONS,
    );
    expect(values(fr)).toMatchObject({ vendorName: "Boulangerie Dupont SARL", invoiceNumber: "F2024-118", invoiceDate: "2024-02-12", dueDate: "2024-03-13", untaxed: 200, totalTax: 40, total: 240, currency: "EUR", vendorVat: "FR60421938861" });
    const nl = extractBill(
      [
        page(`
Bakkerij de Vries B.V.
Factuurnummer: 2024-0042
Factuurdatum: 3 maart 2024
Vervaldatum: 17 maart 2024
                                   Totaal excl. BTW     € 50,00
                                   BTW 21%              € 10,50
                                   Totaal               € 60,50
BTW NL810433941B01    IBAN NL50INGB0683251309
`),
      ],
      OPTIONS,
    );
    expect(values(nl)).toMatchObject({ vendorName: "Bakkerij de Vries B.V.", invoiceNumber: "2024-0042", invoiceDate: "2024-03-03", dueDate: "2024-03-17", untaxed: 50, totalTax: 10.5, total: 60.5, vendorVat: "NL810433941B01", vendorIban: "NL50INGB0683251309" });
  });

  it("reports a total that does not add up as a failed check and adjusts nothing", () => {
    const bill = extractBill(
      [
        page(`
Widget Supply Ltd
Invoice Number: W-1
Invoice Date: 2024-01-15
                                   Subtotal        100.00 EUR
                                   VAT 20%          20.00 EUR
                                   Total           121.00 EUR
`),
      ],
      OPTIONS,
    );
    const total = bill.checks.find((c) => c.code === "total");
    expect(total).toEqual({ code: "total", ok: false, message: "untaxed 100.00 + tax 20.00 = 120.00, the bill says 121.00 (difference 1.00)" });
    expect(values(bill)).toMatchObject({ untaxed: 100, totalTax: 20, total: 121 });
    // Doubt lowers the confidence of the amounts.
    expect(bill.fields.total?.confidence).toBeLessThan(0.8);
  });

  it("flags implausible dates and a due date before the invoice date", () => {
    const bill = extractBill([page("ACME GmbH\nRechnungsnummer: 77\nRechnungsdatum: 01.01.2030\nFällig am: 01.12.2029\nGesamtbetrag 10,00 €")], OPTIONS);
    expect(bill.checks.find((c) => c.code === "invoice_date")?.ok).toBe(false);
    expect(bill.checks.find((c) => c.code === "due_date")?.ok).toBe(false);
  });

  it("never takes the customer's VAT number, name or the company's own data for the vendor's", () => {
    const bill = extractBill(
      [
        page(`
Factuuradres
Strategic Corp B.V.
Fakestreet 46

Uw BTW nummer: NL00333599698
Factuurnummer: 1234
Leverancier
Saeco Service B.V.
BTW NL810433941B01
`),
      ],
      { ...OPTIONS, company: { vat: "NL810433941B01" } },
    );
    expect(bill.fields.vendorName?.value).toBe("Saeco Service B.V.");
    // The only other VAT number is the company's own: none is proposed rather than the customer's.
    expect(bill.fields.vendorVat?.value === "NL810433941B01").toBe(false);
    expect(bill.fields.vendorVat?.value === "NL00333599698" && bill.fields.vendorVat.confidence > 0.5).toBe(false);
  });

  it("gives nothing for a page that is no bill", () => {
    const bill = extractBill([page("Dear Sir or Madam,\nthank you for your letter.\nKind regards")], OPTIONS);
    expect(Object.values(bill.fields).every((f) => f === null || f.confidence < 0.5)).toBe(true);
    expect(bill.fields.invoiceNumber).toBeNull();
    expect(bill.fields.total).toBeNull();
  });
});

describe("extractBills: several bills in one document", () => {
  const bill = (number: string, total: string, pageNo: number) =>
    page(`ACME GmbH\nRechnungsnummer: ${number}\nRechnungsdatum: 03.05.2024\nNettobetrag 100,00 €\nMwSt 19 % 19,00 €\nGesamtbetrag ${total} €\nSeite 1 von 1`, pageNo);

  it("starts a new bill where a page shows another invoice number, keeps continuation pages", () => {
    const continuation = page("ACME GmbH\nAllgemeine Geschäftsbedingungen\nLieferung ab Werk.", 2);
    const bills = extractBills([bill("A-1", "119,00", 1), continuation, bill("A-2", "119,00", 3)], OPTIONS);
    expect(bills.map((b) => [b.pageFrom, b.pageTo, b.fields.invoiceNumber?.value])).toEqual([
      [1, 2, "A-1"],
      [3, 3, "A-2"],
    ]);
  });

  it("keeps a bill whose number repeats on every page as one", () => {
    const bills = extractBills([bill("A-1", "119,00", 1), bill("A-1", "119,00", 2)], OPTIONS);
    expect(bills).toHaveLength(1);
    expect(bills[0]?.pageTo).toBe(2);
  });
});

describe("OCR layout", () => {
  const tsvRow = (word: number, left: number, top: number, w: number, h: number, text: string, line = 1) =>
    `5\t1\t1\t1\t${line}\t${word}\t${left}\t${top}\t${w}\t${h}\t95\t${text}`;
  const header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n1\t1\t0\t0\t0\t0\t0\t0\t1000\t2000\t-1\t";

  it("reads upright words into lines and cells", () => {
    const p = pageFromTesseractTsv(
      [header, tsvRow(1, 100, 100, 80, 20, "Invoice"), tsvRow(2, 190, 100, 40, 20, "No:"), tsvRow(3, 600, 100, 90, 20, "4711"), tsvRow(1, 100, 140, 60, 20, "Total", 2), tsvRow(2, 600, 140, 90, 20, "12,00", 2)].join("\n"),
      1,
    );
    expect(p.lines.map((l) => l.cells.map((c) => c.text))).toEqual([["Invoice No:", "4711"], ["Total", "12,00"]]);
  });

  it("turns a page scanned sideways upright (words running down the image)", () => {
    // The same two lines rotated 90° clockwise: x and y swap, the text runs downwards.
    const rotated = [
      header.replace("1000\t2000", "2000\t1000"),
      tsvRow(1, 880, 100, 20, 80, "Invoice"),
      tsvRow(2, 880, 190, 20, 40, "No:"),
      tsvRow(3, 880, 600, 20, 90, "4711"),
      tsvRow(1, 840, 100, 20, 60, "Total", 2),
      tsvRow(2, 840, 600, 20, 90, "12,00", 2),
    ].join("\n");
    const p = pageFromTesseractTsv(rotated, 1);
    expect(p.lines.map((l) => l.cells.map((c) => c.text))).toEqual([["Invoice No:", "4711"], ["Total", "12,00"]]);
    expect(extractBill([p], { ...OPTIONS, source: "ocr" }).fields.invoiceNumber?.value).toBe("4711");
  });
});

// Expense receipts (issue 18): tills and card terminals print "TOTAL EUR", "KARTE", "MwSt" and whole amounts
// with a currency sign; the bill reader reads them only when asked for a receipt, so bills keep their own rules.
const TILL_RECEIPT = `
Café Rosa
Marktplatz 3, 10115 Berlin
Datum: 14.11.2026    12:41

2 x Cappuccino                 7,80
1 x Käsekuchen                 4,20

TOTAL EUR                     12,00
MwSt 7%                        0,79
KARTE                         12,00
`;

const HOTEL_RECEIPT = `
                     PAYMENT RECEIPT
Guest Name: Sanjay                                       Date: 31/12/2017
  Room Charges                          Rs 1939 x 1 Night x 1 Room         Rs 1939
  Payment received by OYO                                                   Rs 1939
`;

describe("extractBill in receipt mode", () => {
  const RECEIPT: ExtractOptions = { ...OPTIONS, receipt: true };

  it("reads a till receipt's merchant, date, total, tax and currency", () => {
    const receipt = values(extractBill([page(TILL_RECEIPT)], RECEIPT));
    expect(receipt).toMatchObject({ vendorName: "Café Rosa", invoiceDate: "2026-11-14", total: 12, totalTax: 0.79, currency: "EUR" });
  });

  it("reads a whole amount with a currency sign after a payment line only on a receipt", () => {
    expect(values(extractBill([page(HOTEL_RECEIPT)], RECEIPT)).total).toBe(1939);
    expect(values(extractBill([page(HOTEL_RECEIPT)], OPTIONS)).total).toBeNull();
  });

  it("leaves a bill's reading unchanged", () => {
    expect(values(extractBill([page(GERMAN)], RECEIPT))).toEqual(values(extractBill([page(GERMAN)], OPTIONS)));
  });
});
