// Classes of reading errors in a bill's amounts named by the aggregates of documents nobody here has seen (issue 13,
// stop 26), each on bills written here by hand in several languages and layouts: (1) no untaxed total printed, the
// subtotal followed by shipping, handling, a discount (a US or UK bill): the untaxed amount is what the lines under
// the subtotal add up to before the tax; (2) three or more tax lines, one per rate, under the untaxed amount; (3) a
// discount printed above the tax base ("Escompte 2 %" before "Base imposable"): it lowers the base, it is no
// payment deducted from the total; (4) a table of the tax by rate with its sum row ("Razem", "Celkem", "Spolu"), the
// figures grouped by spaces, a row of a rate with no tax ("zw", 0 %); (5) a utility bill: the total is this
// period's charges, not the amount to pay with last bill's balance.
import { describe, expect, it } from "vitest";
import { extractBill, type ExtractOptions } from "../../../web_src/engine/bills/extract_bill";
import { pageFromPlainText } from "../../../web_src/engine/bills/layout";

const OPTIONS: ExtractOptions = { source: "text_layer", today: "2026-12-01" };
const read = (text: string) => extractBill([pageFromPlainText(text.replace(/^\n/, ""), 1)], OPTIONS);
type Bill = ReturnType<typeof extractBill>;
const amounts = (bill: Bill) => [bill.fields.untaxed?.value ?? null, bill.fields.totalTax?.value ?? null, bill.fields.total?.value ?? null];
const confidence = (bill: Bill, k: keyof Bill["fields"]) => bill.fields[k]?.confidence ?? 0;

describe("reading error classes: the untaxed amount is the subtotal and the charges under it", () => {
  it("adds shipping, handling and a discount to the subtotal (US sales tax at its own rate)", () => {
    const us = read(`
Acme Supply Inc.
1200 Market Street, Springfield, IL 62701

INVOICE
Invoice #: 10482
Date: 03/14/2025

Description                 Qty    Unit Price     Amount
Widget A                     10        12.00      120.00
Widget B                      1        10.00       10.00

Subtotal                                          130.00
Shipping & Handling                                12.50
Sales Tax (8.25%)                                  11.76
Total                                             154.26
`);
    expect(amounts(us)).toEqual([142.5, 11.76, 154.26]);
    expect(confidence(us, "untaxed")).toBeGreaterThanOrEqual(0.8);
    expect(confidence(us, "total")).toBeGreaterThanOrEqual(0.9);

    // Sales tax on the goods only, freight untaxed.
    const freight = read(`
Blue Ridge Paper Co.
88 Mill Road, Asheville, NC 28801

Invoice No. 88812
Invoice Date: May 1, 2025

                         Subtotal:            $480.00
                         Freight:              $32.40
                         Sales Tax 6.35%:      $30.48
                         Invoice Total:       $542.88
`);
    expect(amounts(freight)).toEqual([512.4, 30.48, 542.88]);
    expect(confidence(freight, "untaxed")).toBeGreaterThanOrEqual(0.8);

    const discount = read(`
Quick Parts Corp
500 Industrial Pkwy, Dayton, OH 45402

Invoice # QP-3321
Date: 06/10/2025

Subtotal                  1,250.00
Discount (10%)             -125.00
Shipping                     45.00
Handling                      5.00
Sales Tax 8.875%             99.84
Total Due                 1,274.84
`);
    expect(amounts(discount)).toEqual([1175, 99.84, 1274.84]);
  });

  it("adds a delivery charge and a discount printed without its minus (UK, German, Spanish)", () => {
    const uk = read(`
Harbour Joinery Ltd
7 Quay Street, Whitby YO21 3PU

Invoice No. HJ-2301
Invoice date 12/02/2025

                                Sub-total           £400.00
                                Less discount        £40.00
                                Delivery             £25.00
                                VAT 20%              £77.00
                                Total               £462.00
`);
    expect(amounts(uk)).toEqual([385, 77, 462]);

    const de = read(`
Versandhaus Lenz GmbH
Hauptstr. 3, 04109 Leipzig

Rechnung Nr. 2025-0311
Rechnungsdatum 04.03.2025

                         Warenwert               250,00 €
                         Versandkosten             9,90 €
                         Mindermengenzuschlag      5,00 €
                         USt. 16 %                42,38 €
                         Gesamtbetrag            307,28 €
`);
    expect(amounts(de)).toEqual([264.9, 42.38, 307.28]);

    const es = read(`
Suministros Pérez S.L.
Calle Mayor 7, 28013 Madrid

Factura nº 2025/118
Fecha: 04/03/2025

                         Subtotal                300,00 €
                         Portes                   12,00 €
                         IVA 21 %                 65,52 €
                         Total factura           377,52 €
`);
    expect(amounts(es)).toEqual([312, 65.52, 377.52]);
  });

  it("stays under the auto grade when the lines under the subtotal do not add up to the total", () => {
    const us = read(`
Acme Supply Inc.
1200 Market Street, Springfield, IL 62701

Invoice #: 10483
Date: 03/14/2025

Subtotal                                          130.00
Shipping & Handling                                12.50
Sales Tax (8.25%)                                  11.76
Total                                             160.00
`);
    expect(confidence(us, "untaxed")).toBeLessThan(0.95);
    expect(confidence(us, "total")).toBeLessThan(0.95);
  });
});

describe("reading error classes: three or more tax lines under the untaxed amount", () => {
  it("adds every tax line between the untaxed amount and the total (Italian, Spanish, Canadian)", () => {
    const it = read(`
Ferramenta Rossi S.r.l.
Via Roma 1, 20121 Milano

Fattura n. 2025/118
Data 10/04/2025

Imponibile                  1.600,00
IVA 22%                       220,00
IVA 10%                        20,00
IVA 4%                          6,00
Totale documento            1.846,00
`);
    expect(amounts(it)).toEqual([1600, 246, 1846]);
    expect(confidence(it, "totalTax")).toBeGreaterThanOrEqual(0.8);

    const es = read(`
Tienda García S.L.
Calle Mayor 7, 28013 Madrid

Factura nº 2025/119
Fecha 10/04/2025

Base imponible              300,00
IVA 21%                      42,00
IVA 10%                       5,00
IVA 4%                        2,20
Total factura               349,20
`);
    expect(amounts(es)).toEqual([300, 49.2, 349.2]);

    const ca = read(`
Maple Office Supplies Inc.
200 Bay Street, Toronto ON M5J 2J2

Invoice 2025-0042
Date: 2025-04-10

Subtotal                    200.00
Shipping                     20.00
GST 5%                       11.00
PST 7%                       14.00
Total                       245.00
`);
    expect(amounts(ca)).toEqual([220, 25, 245]);
  });
});

describe("reading error classes: a discount above the tax base is no payment", () => {
  it("reads the base after the discount, and the total as printed (Belgian French and Dutch, German)", () => {
    const be = read(`
Imprimerie Lambert SA
Rue Haute 5, 1000 Bruxelles

Facture 2025/0044
Date: 10/04/2025

Total HTVA                 1.000,00
Escompte 2 %                 -20,00
Base imposable               980,00
TVA 21 %                     205,80
Total TVAC                 1.185,80
`);
    expect(amounts(be)).toEqual([980, 205.8, 1185.8]);
    expect(confidence(be, "untaxed")).toBeGreaterThanOrEqual(0.8);

    const nl = read(`
Drukkerij Peeters BV
Kerkstraat 5, 2000 Antwerpen

Factuur 2025/0045
Factuurdatum: 10/04/2025

Subtotaal                  2.000,00
Korting contant 2%           -40,00
Maatstaf van heffing       1.960,00
BTW 21%                      411,60
Totaal                     2.371,60
`);
    expect(amounts(nl)).toEqual([1960, 411.6, 2371.6]);

    const de = read(`
Kessler Metallbau GmbH
Industriestr. 5, 70565 Stuttgart

Rechnung Nr. 2025-129
Rechnungsdatum 04.03.2025

                         Zwischensumme          1.000,00 EUR
                         abzgl. 3 % Skonto        -30,00 EUR
                         Nettobetrag              970,00 EUR
                         MwSt. 19 %               184,30 EUR
                         Gesamtbetrag           1.154,30 EUR
`);
    expect(amounts(de)).toEqual([970, 184.3, 1154.3]);
  });
  it("still adds back a deposit printed over the tax alone, the tax counted on the whole subtotal", () => {
    const en = read(`
Harbour Joinery Ltd
7 Quay Street, Whitby YO21 3PU

Invoice No. HJ-2302
Invoice date 12/02/2025

                                Subtotal          £1,000.00
                                Less deposit paid   £300.00
                                VAT 20%             £200.00
                                Balance due         £900.00
`);
    expect(amounts(en)).toEqual([1000, 200, 1200]);
  });
});

describe("reading error classes: a table of the tax by rate with its sum row", () => {
  it("reads the sum row of figures grouped by spaces, a rate without tax included (Polish, Czech, Slovak)", () => {
    const pl = read(`
Stolarz Nowak Sp. z o.o.
ul. Długa 5, 00-238 Warszawa

Faktura VAT nr FV/2025/04/17
Data wystawienia: 14.04.2025

Lp.  Nazwa towaru lub usługi   Ilość   Cena netto   Wartość netto  Stawka VAT  Kwota VAT  Wartość brutto
1    Regał dębowy                  2     1 000,00       2 000,00      23%         460,00     2 460,00
2    Katalog                       5        20,00         100,00       5%           5,00       105,00
3    Szkolenie                     1       300,00         300,00       zw           0,00       300,00

Stawka VAT    Wartość netto    Kwota VAT    Wartość brutto
23%               2 000,00        460,00        2 460,00
5%                  100,00          5,00          105,00
zw                  300,00          0,00          300,00
Razem             2 400,00        465,00        2 865,00

Do zapłaty: 2 865,00 PLN
`);
    expect(amounts(pl)).toEqual([2400, 465, 2865]);
    expect(confidence(pl, "total")).toBeGreaterThanOrEqual(0.9);

    const cz = read(`
Truhlářství Novák s.r.o.
Dlouhá 12, 110 00 Praha 1

Faktura - daňový doklad č. 2025041
Datum vystavení: 14.04.2025

Rekapitulace DPH
Sazba        Základ         DPH          Celkem
21 %      10 000,00     2 100,00      12 100,00
12 %       1 000,00       120,00       1 120,00
Celkem    11 000,00     2 220,00      13 220,00

Celkem k úhradě:       13 220,00 Kč
`);
    expect(amounts(cz)).toEqual([11000, 2220, 13220]);
    expect(confidence(cz, "total")).toBeGreaterThanOrEqual(0.9);

    const sk = read(`
Stolárstvo Horváth s.r.o.
Hlavná 5, 811 01 Bratislava

Faktúra č. 2025/0412
Dátum vystavenia: 14.04.2025

Rekapitulácia DPH
Sadzba     Základ dane     DPH        Spolu
23 %         1 000,00      230,00     1 230,00
10 %           200,00       20,00       220,00
Spolu        1 200,00      250,00     1 450,00

Celkom k úhrade: 1 450,00 EUR
`);
    expect(amounts(sk)).toEqual([1200, 250, 1450]);
  });

  it("reads a sum row printed above the rows of each rate (Polish \"Razem\" over \"w tym\")", () => {
    const pl = read(`
Hurtownia Kowalski Sp. j.
ul. Polna 3, 61-001 Poznań

Faktura nr 17/04/2025
Data wystawienia: 14.04.2025

                  Wartość netto   Stawka   Kwota VAT   Wartość brutto
Razem:               1 500,00               270,00        1 770,00
w tym:               1 000,00      23%      230,00        1 230,00
                       500,00       8%       40,00          540,00

Razem do zapłaty: 1 770,00 zł
`);
    expect(amounts(pl)).toEqual([1500, 270, 1770]);
  });
});

describe("reading error classes: a utility bill's charges for this period", () => {
  it("books this period's charges, not the amount due with last bill's balance (English, French)", () => {
    const en = read(`
Northern Energy plc
1 Power Way, Leeds LS1 4AB

Bill number 12345679
Bill date 10 April 2025

Amount of your last bill               150.00
Payments received                      100.00
Balance carried forward                 50.00
Electricity used                       200.00
VAT 5%                                  10.00
Your new charges                       210.00
Total amount due                       260.00
`);
    expect(amounts(en)).toEqual([200, 10, 210]);

    const water = read(`
Western Water Ltd
2 Reservoir Road, Bristol BS1 2AA

Invoice no W-778
Date 10/04/2025

Previous balance         40.00
Payments                -40.00
Water charges            50.00
Sewerage charges         30.00
VAT 0%                    0.00
Total new charges        80.00
Amount due               80.00
`);
    expect(amounts(water)).toEqual([80, 0, 80]);

    const fr = read(`
Énergie du Sud SA
5 avenue du Port, 13002 Marseille

Facture n° 2025-56
Date de facture : 10/04/2025

Solde de votre précédente facture     90,00 €
Paiement reçu                        -40,00 €
Consommation HT                      100,00 €
TVA 20 %                              20,00 €
Montant de cette facture             120,00 €
Total à payer                        170,00 €
`);
    expect(amounts(fr)).toEqual([100, 20, 120]);
  });
});

describe("reading error classes: Belgian totals (TVAC) and a balance left after a payment", () => {
  it("reads \"Montant TVAC\" and \"Total TVAC\" as the total, never as the tax, and \"Reste dû\" as a balance", () => {
    const be = read(`
Garage Lemaire SPRL
Chaussée de Liège 40, 5000 Namur

Facture 2025/0046
Date : 10/04/2025

Montant HTVA                 100,00
Montant TVA 21%               21,00
Montant TVAC                 121,00
Montant payé                  50,00
Reste dû                      71,00
`);
    expect(amounts(be)).toEqual([100, 21, 121]);

    const tvac = read(`
Menuiserie Dupont SRL
Rue Haute 5, 1000 Bruxelles

Facture n° 2025/0047
Date de facture : 10/04/2025

Total HTVA                   800,00 €
TVA 6 %                       48,00 €
Total TVAC                   848,00 €
`);
    expect(amounts(tvac)).toEqual([800, 48, 848]);
    expect(confidence(tvac, "total")).toBeGreaterThanOrEqual(0.95);
  });
});

describe("reading error classes: prices including the tax, the tax of each rate printed under the total", () => {
  it("adds the tax included at each rate (German, French) and reads \"includes VAT of\", \"di cui IVA\"", () => {
    const de = read(`
Café Sonne GmbH
Marktplatz 2, 79098 Freiburg

Rechnung 2025-17
Rechnungsdatum 10.04.2025

Frühstück (7 %)                     60,00
Getränke (19 %)                    121,00
Gesamtbetrag                       181,00
darin enthaltene MwSt. 7 %           3,93
darin enthaltene MwSt. 19 %         19,32
`);
    expect(amounts(de)).toEqual([157.75, 23.25, 181]);

    const fr = read(`
Boutique Lumière SARL
3 rue de la Paix, 75002 Paris

Facture 2025-22
Date 10/04/2025

Total TTC                          168,50 €
dont TVA 5,5 %                       5,21 €
dont TVA 20 %                       11,42 €
`);
    expect(amounts(fr)).toEqual([151.87, 16.63, 168.5]);

    const en = read(`
Green Shop Ltd
4 Mill Lane, Bath BA1 1AA

Invoice 2025-20
Date 10/04/2025

Amount due                         180.00
Includes VAT of                     30.00
`);
    expect(amounts(en)).toEqual([150, 30, 180]);

    const it = read(`
Negozio Roma Srl
Via del Corso 10, 00186 Roma

Fattura 2025-23
Data 10/04/2025

Totale                             183,00
di cui IVA 22%                      33,00
`);
    expect(amounts(it)).toEqual([150, 33, 183]);
  });
});
