// Classes of reading errors on European invoices the engine did not cover (issue 13, stops 27-28), each on a fixture
// written here by hand: amounts with a currency the AMOUNT reader did not know ("125 000 Ft", "1 234,56 zł", "kr",
// "SEK 1 000,00"), month names in Polish, Hungarian, Danish/Norwegian and Swedish, Hungarian "2026.12.02." dates, and
// Dutch and Spanish totals blocks.
import { describe, expect, it } from "vitest";
import { extractBill } from "../../../web_src/engine/bills/extract_bill";
import { detectCurrency, findDates, parseAmount } from "../../../web_src/engine/bills/values";
import { OPTIONS, header, page } from "./text_bill_fixture";

describe("parseAmount: European currencies and groupings", () => {
  it.each([
    ["125 000 Ft", 125000],
    ["1 234,56 zł", 1234.56],
    ["1\u202f234,56 €", 1234.56],
    ["1’234.56 CHF", 1234.56],
    ["CHF 1'234.56", 1234.56],
    ["1.234,56 kr", 1234.56],
    ["kr 1 234,50", 1234.5],
    ["SEK 1 000,00", 1000],
    ["1 000,00 DKK", 1000],
    ["125.000 HUF", 125000],
    ["-1 234,56 PLN", -1234.56],
    ["(1.234,56 €)", -1234.56],
    ["£1,234.56", 1234.56],
    // Stop 28: the yen sign and RON were known to the token reader or the currency detector but not to parseAmount.
    ["¥12,000", 12000],
    ["¥ 12,000", 12000],
    ["1.234,56 RON", 1234.56],
    ["RON 1.234,56", 1234.56],
  ])("%s → %d", (raw, amount) => {
    expect(parseAmount(raw)).toBe(amount);
  });
});

describe("findDates: European month names and formats", () => {
  it.each([
    ["2. Dezember 2026", "2026-12-02"],
    ["2 déc. 2026", "2026-12-02"],
    ["02-12-2026", "2026-12-02"],
    ["2026.12.02.", "2026-12-02"],
    ["2.12.26", "2026-12-02"],
    ["2 grudnia 2026", "2026-12-02"],
    ["15 października 2026", "2026-10-15"],
    ["2026. december 2.", "2026-12-02"],
    ["2026. március 15.", "2026-03-15"],
    ["2. desember 2026", "2026-12-02"],
    ["15. maj 2026", "2026-05-15"],
    ["3 oktober 2026", "2026-10-03"],
    ["12 dicembre 2026", "2026-12-12"],
    ["4 de diciembre de 2026", "2026-12-04"],
    ["4 de dezembro de 2026", "2026-12-04"],
    // Stop 32: German short forms of March, a month abbreviation between dots, "the 5th of".
    ["05. Mrz. 2026", "2026-03-05"],
    ["5. Maerz 2026", "2026-03-05"],
    ["05.Mar.2026", "2026-03-05"],
    ["5th of March 2026", "2026-03-05"],
  ])("%s → %s", (raw, iso) => {
    expect(findDates(raw).map((d) => d.iso)).toEqual([iso]);
  });
});

describe("reading error classes: European totals blocks", () => {
  it("reads a Dutch invoice (Factuurnummer, Factuurdatum, Vervaldatum, Totaal excl. BTW, BTW 21%, Te betalen)", () => {
    const bill = extractBill([page(`
Bakkerij De Molen B.V.
Dorpsstraat 12, 3511 AB Utrecht
                                          Factuurnummer      2026-0311
Aan:                                      Factuurdatum       02-12-2026
Van Dijk Catering                         Vervaldatum        01-01-2027
Omschrijving                    Aantal    Prijs           Bedrag
Broodjes                        200       1,25            250,00
                                          Totaal excl. BTW         1.250,00 €
                                          BTW 21%                    262,50 €
                                          Te betalen               1.512,50 €
`)], OPTIONS);
    expect(header(bill)).toMatchObject({ invoiceNumber: "2026-0311", invoiceDate: "2026-12-02", dueDate: "2027-01-01", currency: "EUR", untaxed: 1250, totalTax: 262.5, total: 1512.5 });
  });

  it("tells the currency from a trailing 'zł' or 'Ft' sign", () => {
    expect(detectCurrency("Razem netto   1 000,00 zł\nDo zapłaty   1 230,00 zł")?.code).toBe("PLN");
    expect(detectCurrency("Nettó   125 000 Ft\nBruttó   158 750 Ft")?.code).toBe("HUF");
  });

  it("reads a yen bill whose amounts are printed whole after the sign (¥12,000)", () => {
    const bill = extractBill([page(`
Kobayashi Trading K.K.
2-1 Marunouchi, Chiyoda-ku, Tokyo
Invoice No. KT-2026-118                   Invoice Date: 2026-12-02
Bill to:                                  Due Date: 2026-12-31
Harbor Foods Ltd.
Description                     Qty       Unit price      Amount
Green tea, 1 kg                 10        ¥1,200          ¥12,000
                                          Subtotal              ¥12,000
                                          Tax 10%                ¥1,200
                                          Total                 ¥13,200
`)], OPTIONS);
    expect(header(bill)).toMatchObject({ invoiceNumber: "KT-2026-118", currency: "JPY", untaxed: 12000, totalTax: 1200, total: 13200 });
  });

  it("reads a Spanish invoice (Factura nº, Fecha de factura, Base imponible, IVA 21 %, Total factura)", () => {
    const bill = extractBill([page(`
Distribuciones Ortega S.A.
Calle Mayor 20, 28013 Madrid
Factura nº 2026-A-0917                    Fecha de factura: 4 de diciembre de 2026
Cliente:                                  Fecha de vencimiento: 3 de enero de 2027
Hostal Sol
Concepto                        Unidades   Precio         Importe
Toallas                         50         20,00          1.000,00
                                          Base imponible        1.000,00 €
                                          IVA 21 %                210,00 €
                                          Total factura         1.210,00 €
`)], OPTIONS);
    expect(header(bill)).toMatchObject({ invoiceNumber: "2026-A-0917", invoiceDate: "2026-12-04", dueDate: "2027-01-03", currency: "EUR", untaxed: 1000, totalTax: 210, total: 1210 });
  });

  // Stop 32: Hungarian and Norwegian totals captions.
  it.each([
    ["Nettó összeg", "ÁFA 27%", "Bruttó összeg"],
    ["Összesen nettó", "ÁFA", "Fizetendő"],
    ["Sum eks. mva", "MVA 25 %", "Å betale"],
    ["Beløp eks. mva", "Merverdiavgift 25 %", "Sum inkl. mva"],
  ])("reads the totals captions %s / %s / %s", (untaxed, tax, total) => {
    const bill = extractBill([page(`
Kovács és Társa Kft.
Számla száma: 2026/118                    Kelt: 2026.12.02.
Szolgáltatás                1         100 000,00        100 000,00
                       ${untaxed.padEnd(24)}   100 000,00
                       ${tax.padEnd(24)}    25 000,00
                       ${total.padEnd(24)}   125 000,00
`)], OPTIONS);
    expect(header(bill)).toMatchObject({ untaxed: 100000, totalTax: 25000, total: 125000 });
  });
});
