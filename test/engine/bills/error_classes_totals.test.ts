// Classes of reading errors in a bill's amounts (untaxed, tax, total), from the aggregates of documents nobody here
// has seen (issue 13, stop 25), each on bills written here by hand in several languages and layouts: (1) figures
// with foreign thousands separators ("1’234.50" with a typographic apostrophe, "12 345,60" with narrow no-break
// spaces) and a tax summary row whose rate sits between the base and the tax ("600,00   20 %   120,00"); (2) the
// totals printed as one table row, the captions in the row above the values and not aligned with them; (3) a deposit
// or an amount already paid, and an early-payment discount, between the invoice's total and the balance to pay: the
// invoice's total is booked, not the balance; (4) subtotals carried over pages ("Übertrag", "Total carried forward",
// "Suma y sigue", "A reporter") are no untaxed amount and no total; (5) several tax rates, one line each ("BTW 21%
// over 100,00   21,00"), and the tax's label in front of its rate ("zzgl. 19 % MwSt.").
import { describe, expect, it } from "vitest";
import { extractBill, type ExtractOptions } from "../../../web_src/engine/bills/extract_bill";
import { pageFromPlainText, pageFromWords, type Page, type Word } from "../../../web_src/engine/bills/layout";

const OPTIONS: ExtractOptions = { source: "text_layer", today: "2026-12-01" };
const page = (text: string, n = 1): Page => pageFromPlainText(text.replace(/^\n/, ""), n);
const read = (...pages: string[]) => extractBill(pages.map((p, i) => page(p, i + 1)), OPTIONS);
type Bill = ReturnType<typeof extractBill>;
const amounts = (bill: Bill) => [bill.fields.untaxed?.value ?? null, bill.fields.totalTax?.value ?? null, bill.fields.total?.value ?? null];
const confidence = (bill: Bill, k: keyof Bill["fields"]) => bill.fields[k]?.confidence ?? 0;

describe("reading error classes: foreign thousands separators", () => {
  it("reads a typographic apostrophe, narrow no-break spaces and a currency after the figure", () => {
    const ch = read(`
Schreinerei Huber AG
Bahnhofstrasse 10, 8001 Zürich

Rechnung Nr. 2025-302
Rechnungsdatum 04.03.2025

Zwischentotal           1’234.50
MWST 7.7%                  95.06
Total                   1’329.56
`);
    expect(amounts(ch)).toEqual([1234.5, 95.06, 1329.56]);

    const straight = read(`
Schreinerei Huber AG
Bahnhofstrasse 10, 8001 Zürich

Rechnung Nr. 2025-301
Rechnungsdatum 04.03.2025

                         Total exkl. MWST     CHF 12'345.60
                         MWST 7.7 %           CHF    950.55
                         Total CHF            CHF 13'296.15
`);
    expect(amounts(straight)).toEqual([12345.6, 950.55, 13296.15]);

    const fr = read(`
Atelier Moreau SARL
8 rue Victor Hugo, 33000 Bordeaux

Facture n° FA-2025-046
Date de facture : 12/03/2025

Total HT                 12\u202f345,60 €
TVA 20 %                  2\u00a0469,12 €
Total TTC                14\u202f814,72 €
`);
    expect(amounts(fr)).toEqual([12345.6, 2469.12, 14814.72]);

    const pl = read(`
Stolarz Nowak Sp. z o.o.
ul. Długa 5, 00-238 Warszawa

Faktura nr FV/2025/03/11
Data wystawienia: 12.03.2025

Razem netto             10 000,00 zł
VAT 23%                  2 300,00 zł
Razem brutto            12 300,00 zł
`);
    expect(amounts(pl)).toEqual([10000, 2300, 12300]);
  });

  it("reads a tax summary row whose rate sits between the base and the tax", () => {
    const fr = read(`
Atelier Moreau SARL
8 rue Victor Hugo, 33000 Bordeaux

Facture n° FA-2025-045
Date de facture : 12/03/2025

Base HT         Taux      Montant TVA
600,00          20 %      120,00
500,00          5,5 %     27,50

Total HT                 1 100,00
Total TTC                1 247,50
`);
    expect(fr.taxes).toEqual([
      { rate: 20, base: 600, amount: 120 },
      { rate: 5.5, base: 500, amount: 27.5 },
    ]);
    expect(amounts(fr)).toEqual([1100, 147.5, 1247.5]);

    const es = read(`
Construcciones Ruiz S.L.
Calle Mayor 10, 28013 Madrid

Factura nº: A-2025/22
Fecha de factura: 15/03/2025

Base imponible     Tipo      Cuota IVA
  1 000,00 €       21 %       210,00 €
    400,00 €       10 %        40,00 €

Total factura               1 650,00 €
`);
    expect(es.taxes).toEqual([
      { rate: 21, base: 1000, amount: 210 },
      { rate: 10, base: 400, amount: 40 },
    ]);
    expect(amounts(es)).toEqual([1400, 250, 1650]);
  });
});

describe("reading error classes: several tax rates, one line each", () => {
  it("keeps a rate whose tax equals the rate's own figure (21 % of 100,00 is 21,00)", () => {
    const nl = read(`
Bakkerij de Vries B.V.
Dorpsstraat 4, 3511 AB Utrecht

Factuurnummer: 2025-79
Factuurdatum: 10-03-2025

Subtotaal                   300,00
BTW 21% over 100,00          21,00
BTW 9% over 200,00           18,00
Totaal                      339,00
`);
    expect(nl.taxes).toEqual([
      { rate: 21, base: 100, amount: 21 },
      { rate: 9, base: 200, amount: 18 },
    ]);
    expect(amounts(nl)).toEqual([300, 39, 339]);
    expect(nl.checks.filter((c) => !c.ok)).toEqual([]);

    const en = read(`
Northwind Fittings Ltd
12 Mill Lane, Leeds LS1 4AB

Invoice No: NF-3313
Invoice date: 03/02/2025

                     Net total                  700.00
                     VAT 5% on 100.00             5.00
                     VAT 20% on 600.00          120.00
                     Invoice total              825.00
`);
    expect(en.taxes).toEqual([
      { rate: 20, base: 600, amount: 120 },
      { rate: 5, base: 100, amount: 5 },
    ]);
    expect(amounts(en)).toEqual([700, 125, 825]);
  });

  it("reads the tax after its rate in front of its label (\"zzgl. 19 % MwSt.\", \"plus 20 % VAT\")", () => {
    const de = read(`
Kessler Metallbau GmbH
Industriestr. 5, 70565 Stuttgart

Rechnung Nr. 2025-118
Rechnungsdatum 04.03.2025

                         Summe netto          2.000,00 EUR
                         zzgl. 19 % MwSt.       380,00 EUR
                         Rechnungsbetrag      2.380,00 EUR
`);
    expect(amounts(de)).toEqual([2000, 380, 2380]);
    expect(confidence(de, "total")).toBeGreaterThanOrEqual(0.95);

    const en = read(`
Harbour Joinery Ltd
7 Quay Street, Whitby YO21 3PU

Invoice No. HJ-2295
Invoice date 12/02/2025

                                Net                 £800.00
                                plus 20% VAT        £160.00
                                Total               £960.00
`);
    expect(amounts(en)).toEqual([800, 160, 960]);

    const fr = read(`
Atelier Moreau SARL
8 rue Victor Hugo, 33000 Bordeaux

Facture n° FA-2025-049
Date de facture : 12/03/2025

Total HT                    500,00 €
20 % TVA                    100,00 €
Total TTC                   600,00 €
`);
    expect(amounts(fr)).toEqual([500, 100, 600]);
  });
});

describe("reading error classes: the totals as one table row, captions above the values", () => {
  it("pairs each caption with the value in its place in the row below, however the two are aligned", () => {
    const en = read(`
Northwind Fittings Ltd
12 Mill Lane, Leeds LS1 4AB

Invoice No: NF-3310
Invoice date: 03/02/2025

Net amount                VAT 19 %                  Total
                1,250.00                  237.50               1,487.50
`);
    expect(amounts(en)).toEqual([1250, 237.5, 1487.5]);
    // About as sure as a value below its label, confirmed by the sum.
    expect(confidence(en, "untaxed")).toBeGreaterThanOrEqual(0.8);

    // Centred captions over right-aligned figures: "MwSt 19%" overlaps the net figure, not the tax.
    const de = read(`
Kessler Metallbau GmbH
Industriestr. 5, 70565 Stuttgart

Rechnung Nr. 2025-118
Rechnungsdatum 04.03.2025

  Netto          MwSt 19%         Brutto
              840,00         159,60         999,60
`);
    expect(amounts(de)).toEqual([840, 159.6, 999.6]);

    // With a currency column and a rate column.
    const fr = read(`
Atelier Moreau SARL
8 rue Victor Hugo, 33000 Bordeaux

Facture n° FA-2025-044
Date de facture : 12/03/2025

Devise     Montant HT     Taux      TVA        Montant TTC
     EUR        1 200,00     20 %    240,00           1 440,00
`);
    expect(amounts(fr)).toEqual([1200, 240, 1440]);

    const es = read(`
Construcciones Ruiz S.L.
Calle Mayor 10, 28013 Madrid

Factura nº: A-2025/19
Fecha de factura: 15/03/2025

Base imponible    IVA 21 %    Total factura
       2.000,00 €       420,00 €        2.420,00 €
`);
    expect(amounts(es)).toEqual([2000, 420, 2420]);
  });

  it("pairs bare captions (Net, Gross, HT, TTC) and captions a padded table row away from their figures", () => {
    const en = read(`
Northwind Fittings Ltd
12 Mill Lane, Leeds LS1 4AB

Invoice No: NF-3316
Invoice date: 03/02/2025

Net                   VAT 20 %              Gross
            640.00                128.00                768.00
`);
    expect(amounts(en)).toEqual([640, 128, 768]);

    const fr = read(`
Atelier Moreau SARL
8 rue Victor Hugo, 33000 Bordeaux

Facture n° FA-2025-050
Date de facture : 12/03/2025

HT                    TVA 20 %              TTC
          1 500,00               300,00              1 800,00
`);
    expect(amounts(fr)).toEqual([1500, 300, 1800]);

    // Cells padded: the figures a blank row below their captions.
    const de = read(`
Kessler Metallbau GmbH
Industriestr. 5, 70565 Stuttgart

Rechnung Nr. 2025-125
Rechnungsdatum 04.03.2025

Nettobetrag           MwSt. 19 %            Gesamtbetrag

               480,00                91,20                571,20
`);
    expect(amounts(de)).toEqual([480, 91.2, 571.2]);
  });

  it("pairs captions with the figures above them when the values are printed above their labels", () => {
    const en = read(`
Northwind Fittings Ltd
12 Mill Lane, Leeds LS1 4AB

NF-3314                   03/02/2025
Invoice No                Invoice date

      2,000.00                 400.00               2,400.00
Net amount                VAT 20 %                  Total

      1,000.00               1,400.00
Deposit paid              Balance due
`);
    expect(amounts(en)).toEqual([2000, 400, 2400]);

    // Two blocks of captions and figures stacked: the figures between them are the upper captions' (captions over
    // values), not the lower ones'.
    const de = read(`
Kessler Metallbau GmbH
Industriestr. 5, 70565 Stuttgart

Rechnung Nr. 2025-124
Rechnungsdatum 04.03.2025

Nettobetrag          MwSt 19 %          Rechnungsbetrag
1.000,00             190,00             1.190,00
Summe netto          MwSt               Brutto
2.000,00             380,00             2.380,00
`);
    expect(amounts(de)).toEqual([1000, 190, 1190]);
  });

  it("pairs small captions with the large figures above them, not with the next block's figures below", () => {
    // Boxes printing each value large over its small caption; under them, the payment block's figures.
    const words: Word[] = [];
    const put = (text: string, x: number, y: number, size: number) => {
      let at = x;
      for (const w of text.split(" ")) {
        words.push({ text: w, x0: at, x1: at + w.length * size * 0.5, y0: y, y1: y + size, conf: 1 });
        at += (w.length + 1) * size * 0.5;
      }
    };
    put("Northwind Fittings Ltd", 40, 40, 10);
    put("Invoice No: NF-3315", 40, 70, 10);
    put("Invoice date: 03/02/2025", 40, 84, 10);
    put("2,000.00", 40, 140, 16);
    put("400.00", 200, 140, 16);
    put("2,400.00", 360, 140, 16);
    put("Net amount", 40, 160, 7);
    put("VAT 20 %", 200, 160, 7);
    put("Total", 360, 160, 7);
    put("1,000.00", 40, 170, 7);
    put("1,400.00", 360, 170, 7);
    const bill = extractBill([pageFromWords(1, 595, 842, words)], OPTIONS);
    expect(amounts(bill)).toEqual([2000, 400, 2400]);
  });

  it("reads the transposed form, a box on the right with each caption over its value", () => {
    const nl = read(`
Bakkerij de Vries B.V.
Dorpsstraat 4, 3511 AB Utrecht

Factuurnummer: 2025-77
Factuurdatum: 10-03-2025

Omschrijving                       Aantal     Prijs      Bedrag
Taarten                                10     50,00      500,00
                                                      Subtotaal
                                                         500,00
                                                        BTW 21%
                                                         105,00
                                                         Totaal
                                                         605,00
`);
    expect(amounts(nl)).toEqual([500, 105, 605]);
  });
});

describe("reading error classes: a deposit or an amount already paid before the balance", () => {
  it("books the invoice's total, not the balance left after a deposit (English, French, German, Spanish)", () => {
    const en = read(`
Harbour Joinery Ltd
7 Quay Street, Whitby YO21 3PU

Invoice No. HJ-2291
Invoice date 12/02/2025

                                Subtotal            £500.00
                                VAT 20%             £100.00
                                Less deposit paid   £200.00
                                Balance due         £400.00
`);
    expect(amounts(en)).toEqual([500, 100, 600]);
    expect(en.fields.total?.sourceText).toContain("already paid");

    const fr = read(`
Menuiserie Garnier SARL
3 rue des Tanneurs, 69002 Lyon

Facture n° F-88121
Date de facture : 17/03/2025

Désignation                     Quantité    Prix unitaire     Montant HT
Escalier chêne                         1         1 000,00       1 000,00

                               Total HT               1 000,00 €
                               TVA 20 %                 200,00 €
                               Acompte versé le 02/02   600,00 €
                               Reste à payer            600,00 €
`);
    expect(amounts(fr)).toEqual([1000, 200, 1200]);

    const de = read(`
Kessler Metallbau GmbH
Industriestr. 5, 70565 Stuttgart

Rechnung Nr. 2025-126
Rechnungsdatum 04.03.2025

                         Nettobetrag          2.000,00 EUR
                         MwSt. 19 %             380,00 EUR
                         abzüglich Anzahlung   -1.000,00 EUR
                         Restbetrag           1.380,00 EUR
`);
    expect(amounts(de)).toEqual([2000, 380, 2380]);

    const es = read(`
Construcciones Ruiz S.L.
Calle Mayor 10, 28013 Madrid

Factura nº: A-2025/23
Fecha de factura: 15/03/2025

                                Base imponible      1.000,00 €
                                IVA 21 %              210,00 €
                                Importe pagado        500,00 €
                                Total a pagar         710,00 €
`);
    expect(amounts(es)).toEqual([1000, 210, 1210]);
  });

  it("reads a deposit printed before a plain \"Total\", and in a table row (Dutch, Italian, English)", () => {
    const nl = read(`
Bakkerij de Vries B.V.
Dorpsstraat 4, 3511 AB Utrecht

Factuurnummer: 2025-80
Factuurdatum: 10-03-2025

                                Subtotaal           € 800,00
                                BTW 21%             € 168,00
                                Aanbetaling         € 300,00
                                Totaal              € 668,00
`);
    expect(amounts(nl)).toEqual([800, 168, 968]);

    const it_ = read(`
Idraulica Bianchi S.r.l.
Via Roma 3, 20121 Milano

Fattura n. 92/2025
Data fattura: 18/03/2025

                                Imponibile          1.000,00
                                IVA 22%               220,00
                                Acconto versato       300,00
                                Da pagare             920,00
`);
    expect(amounts(it_)).toEqual([1000, 220, 1220]);

    const row = read(`
Brightside Events Ltd
4 Kings Road, Bristol BS1 4DJ

Invoice number: BE-1009
Invoice date: 05/03/2025

Net amount          VAT 20 %          Deposit paid          Balance due
2,000.00            400.00            1,000.00              1,400.00
`);
    expect(amounts(row)).toEqual([2000, 400, 2400]);
  });

  it("adds an early-payment discount back: the total is the invoice's, not the Zahlbetrag after Skonto", () => {
    const de = read(`
Kessler Metallbau GmbH
Industriestr. 5, 70565 Stuttgart

Rechnung Nr. 2025-127
Rechnungsdatum 04.03.2025

                         Nettobetrag          1.000,00 EUR
                         MwSt. 19 %             190,00 EUR
                         abzgl. 2 % Skonto       23,80 EUR
                         Zahlbetrag           1.166,20 EUR
`);
    expect(amounts(de)).toEqual([1000, 190, 1190]);
  });

  it("keeps the balance as the total when nothing was paid before it", () => {
    const en = read(`
Harbour Joinery Ltd
7 Quay Street, Whitby YO21 3PU

Invoice No. HJ-2296
Invoice date 12/02/2025

                                Subtotal            £500.00
                                VAT 20%             £100.00
                                Balance due         £600.00
`);
    expect(amounts(en)).toEqual([500, 100, 600]);
    expect(confidence(en, "total")).toBeGreaterThanOrEqual(0.95);

    // A bill invoicing a deposit: the deposit is its line, the total is what it bills.
    const de = read(`
Kessler Metallbau GmbH
Industriestr. 5, 70565 Stuttgart

Anzahlungsrechnung Nr. 2025-128
Rechnungsdatum 04.03.2025

Pos   Bezeichnung                         Menge    Einzelpreis     Gesamt
1     Anzahlung 30 % lt. Angebot 4410         1         300,00     300,00

                         Nettobetrag            300,00 EUR
                         MwSt. 19 %              57,00 EUR
                         Gesamtbetrag           357,00 EUR
`);
    expect(amounts(de)).toEqual([300, 57, 357]);
    expect(confidence(de, "total")).toBeGreaterThanOrEqual(0.95);
  });
});

describe("reading error classes: a final invoice after a deposit printed net, tax and gross", () => {
  it("reads the deposit's gross amount and the invoice's net under \"Gesamtbetrag netto\"", () => {
    const de = read(`
Kessler Metallbau GmbH
Industriestr. 5, 70565 Stuttgart

Schlussrechnung Nr. 2025-130
Rechnungsdatum 04.03.2025

                         Gesamtbetrag netto       10.000,00 EUR
                         zzgl. 19 % USt.           1.900,00 EUR
                         abzüglich Anzahlung vom 12.01.2025   3.000,00   570,00   3.570,00
                         Zahlbetrag                8.330,00 EUR
`);
    expect(amounts(de)).toEqual([10000, 1900, 11900]);
    expect(confidence(de, "untaxed")).toBeGreaterThanOrEqual(0.9);
  });
});

describe("reading error classes: subtotals carried over pages", () => {
  it("never reads a carried subtotal as the untaxed amount or the total (German, Italian, Spanish, English)", () => {
    const de = read(`
Kessler Metallbau GmbH
Industriestr. 5, 70565 Stuttgart

Rechnung Nr. 2025-121
Rechnungsdatum 04.03.2025

Pos   Bezeichnung                 Menge    Einzelpreis     Gesamt
1     Geländer                        2         400,00     800,00
2     Tor                             1         200,00     200,00
                              Zwischensumme Übertrag     1.000,00
`, `
Pos   Bezeichnung                 Menge    Einzelpreis     Gesamt
                                            Übertrag     1.000,00
3     Zaun                            1         500,00     500,00

                         MwSt. 19 %             285,00 EUR
                         Gesamtbetrag         1.785,00 EUR
`);
    expect(amounts(de)).toEqual([1500, 285, 1785]);
    expect(de.lines.map((l) => l.amount)).toEqual([800, 200, 500]);

    const it_ = read(`
Idraulica Bianchi S.r.l.
Via Roma 3, 20121 Milano

Fattura n. 89/2025
Data fattura: 18/03/2025

Descrizione                   Quantità      Prezzo       Importo
Caldaia                              1    1.000,00      1.000,00
                              Totale da riportare       1.000,00
`, `
                              Riporto                   1.000,00
Tubi                                 1      500,00        500,00
                              IVA 22%                     330,00
                              Totale documento          1.830,00
`);
    expect(amounts(it_)).toEqual([1500, 330, 1830]);

    const es = read(`
Construcciones Ruiz S.L.
Calle Mayor 10, 28013 Madrid

Factura nº: A-2025/24
Fecha de factura: 15/03/2025

Descripción                     Cantidad      Precio      Importe
Reforma cocina                         1    1.000,00     1.000,00
                                 Subtotal suma y sigue   1.000,00
`, `
                                          Suma anterior   1.000,00
Reforma baño                           1      500,00       500,00
                                          IVA 21 %          315,00
                                          Total factura   1.815,00
`);
    expect(amounts(es)).toEqual([1500, 315, 1815]);

    const en = read(`
Harbour Joinery Ltd
7 Quay Street, Whitby YO21 3PU

Invoice No. HJ-2297
Invoice date 12/02/2025

Description                        Qty     Price       Amount
Oak doors                            3    200.00       600.00
                          Subtotal carried forward     600.00
`, `
                          Subtotal brought forward     600.00
Hinges                              10     30.00       300.00
                                VAT 20%                180.00
                                Total due            1,080.00
`);
    expect(amounts(en)).toEqual([900, 180, 1080]);
  });
});

describe("reading error classes: the amount in words beside the figure", () => {
  it("reads the figure, not the words or the cents written as a fraction (French, Spanish, German, Italian, English)", () => {
    const fr = read(`
Atelier Moreau SARL
8 rue Victor Hugo, 33000 Bordeaux

Facture n° FA-2025-048
Date de facture : 12/03/2025

Total HT                 1 000,00 €
TVA 20 %                   200,00 €
Total TTC                1 200,00 €
Arrêtée la présente facture à la somme de : mille deux cents euros (1 200,00 €)
`);
    expect(amounts(fr)).toEqual([1000, 200, 1200]);

    const es = read(`
Construcciones Ruiz S.L.
Calle Mayor 10, 28013 Madrid

Factura nº: A-2025/21
Fecha de factura: 15/03/2025

Base imponible      1.000,00 €
IVA 21 %              210,00 €
Total factura       1.210,00 €   SON: MIL DOSCIENTOS DIEZ EUROS CON 00/100
`);
    expect(amounts(es)).toEqual([1000, 210, 1210]);

    const de = read(`
Kessler Metallbau GmbH
Industriestr. 5, 70565 Stuttgart

Rechnung Nr. 2025-123
Rechnungsdatum 04.03.2025

Nettobetrag          1.000,00 EUR
MwSt. 19 %             190,00 EUR
Gesamtbetrag         1.190,00 EUR
in Worten: eintausendeinhundertneunzig Euro 00/100
`);
    expect(amounts(de)).toEqual([1000, 190, 1190]);

    const it_ = read(`
Idraulica Bianchi S.r.l.
Via Roma 3, 20121 Milano

Fattura n. 91/2025
Data fattura: 18/03/2025

Imponibile          1.000,00
IVA 22%               220,00
Totale fattura      1.220,00 (milleduecentoventi/00)
`);
    expect(amounts(it_)).toEqual([1000, 220, 1220]);

    const en = read(`
Brightside Events Ltd
4 Kings Road, Bristol BS1 4DJ

Invoice number: BE-1010
Invoice date: 05/03/2025

Total amount: 2,400.00 (Two thousand four hundred pounds only)
Of which VAT 20%: 400.00
`);
    expect(amounts(en)).toEqual([2000, 400, 2400]);
  });
});

describe("reading error classes: a balance nothing ties to the invoice", () => {
  it("stays under the auto grade when a deposit and a balance are all that is printed", () => {
    const en = read(`
Harbour Joinery Ltd
7 Quay Street, Whitby YO21 3PU

Invoice No. HJ-2298
Invoice date 12/02/2025

                                Deposit paid        £200.00
                                Balance due         £400.00
`);
    expect(en.fields.total?.value).toBe(600);
    expect(confidence(en, "total")).toBeLessThan(0.95);
  });
});

describe("reading error classes: a balance owed from before added to the amount to pay", () => {
  it("books the invoice's gross sum, not the Zahlbetrag that adds open items (German, English)", () => {
    const de = read(`
Stadtwerke Talheim GmbH
Ringstr. 2, 74388 Talheim

Rechnung Nr. 2025-0912
Rechnungsdatum 04.03.2025

                         Summe netto                   300,00
                         Steuerbetrag 19 %              57,00
                         Bruttosumme                   357,00
                         Offene Posten                 120,00
                         Zahlbetrag                    477,00
`);
    expect(amounts(de)).toEqual([300, 57, 357]);

    const en = read(`
Harbour Joinery Ltd
7 Quay Street, Whitby YO21 3PU

Invoice No. HJ-2299
Invoice date 12/02/2025

                                Subtotal            £500.00
                                VAT 20%             £100.00
                                Previous balance    £250.00
                                Amount due          £850.00
`);
    expect(amounts(en)).toEqual([500, 100, 600]);
  });
});
