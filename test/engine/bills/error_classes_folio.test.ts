// Reading error classes of bills whose prices include the tax and that add items billed without tax — a hotel's
// folio is the common one (issue 13, stop 25): (1) a table of the tax by rate ("rate | net | tax | gross", a row per
// rate) is no totals block: its last row is one rate's, not the bill's total — read as the bill's, it made a
// confident wrong total; (2) the printed total above the summary's base + tax: the rest is billed without tax (a
// tourist tax) and the untaxed amount is the total less the tax; (3) a letter's place and date line ("Luzern,
// 21.03.2025") is the invoice date, surer than the first date of a table of stays. Documents written here by hand.
import { describe, expect, it } from "vitest";
import { extractBill, type ExtractOptions } from "../../../web_src/engine/bills/extract_bill";
import { pageFromPlainText, type Page } from "../../../web_src/engine/bills/layout";

const OPTIONS: ExtractOptions = { source: "text_layer", today: "2026-12-01" };
const page = (text: string): Page => pageFromPlainText(text.replace(/^\n/, ""), 1);
type Bill = ReturnType<typeof extractBill>;
const read = (text: string) => extractBill([page(text)], OPTIONS);
const value = (bill: Bill, k: keyof Bill["fields"]) => bill.fields[k]?.value ?? null;
const confidence = (bill: Bill, k: keyof Bill["fields"]) => bill.fields[k]?.confidence ?? 0;

describe("reading error classes: tax included, a table of the tax by rate, items without tax", () => {
  it("reads a Swiss hotel's folio: the printed total, the tax of both rates, untaxed the rest (German)", () => {
    const bill = read(`
Hotel Seeblick AG
Quaistrasse 8 · 6006 Luzern
MWST-Nr. CHE-109.876.543 MWST

Herr Martin Keller
Lindenstrasse 3
8004 Zürich

Rechnung Nr. 70431                       Luzern, 21.03.2025
Zimmer 314          Ankunft 18.03.2025          Abreise 21.03.2025

Datum         Beschreibung                         Betrag CHF
18.03.2025    Übernachtung Doppelzimmer               245.00
18.03.2025    Kurtaxe 2 Personen                        7.00
19.03.2025    Übernachtung Doppelzimmer               245.00
19.03.2025    Kurtaxe 2 Personen                        7.00
19.03.2025    Restaurant Abendessen                   112.50
20.03.2025    Übernachtung Doppelzimmer               245.00
20.03.2025    Minibar                                  18.00
20.03.2025    Kurtaxe 2 Personen                        7.00

Total CHF                                             886.50
Mastercard ****4417                                  -886.50
Saldo CHF                                               0.00

MWST-Satz      Netto         MWST        Brutto
3.8 %          708.09        26.91       735.00
8.1 %          120.72         9.78       130.50
Preise inkl. MWST. Kurtaxe ohne MWST.
`);
    expect(value(bill, "total")).toBe(886.5);
    expect(value(bill, "totalTax")).toBe(36.69);
    expect(value(bill, "untaxed")).toBe(849.81);
    expect(value(bill, "invoiceDate")).toBe("2025-03-21");
    // Not confirmed by a printed untaxed total: below the review threshold.
    expect(confidence(bill, "untaxed")).toBeLessThan(0.95);
  });

  it("reads a French hotel's note with a taxe de séjour and two rates", () => {
    const bill = read(`
Hôtel des Remparts SAS
14 place du Marché, 84000 Avignon
SIRET 512 345 678 00021 — TVA FR 41 512345678

                                      Paris, le 9 avril 2025
Facture N° 2025-0388
Client : Mme Claire Dubois

Date          Désignation                       Montant TTC
06/04/2025    Chambre double                        132,00
06/04/2025    Taxe de séjour                          3,30
07/04/2025    Chambre double                        132,00
07/04/2025    Taxe de séjour                          3,30
07/04/2025    Bar                                    24,00

Total TTC                                           294,60
Réglé par carte bancaire                           -294,60
Solde                                                 0,00

Taux TVA       Base HT          TVA          TTC
10 %           240,00           24,00        264,00
20 %            20,00            4,00         24,00
`);
    expect(value(bill, "total")).toBe(294.6);
    expect(value(bill, "totalTax")).toBe(28);
    expect(value(bill, "untaxed")).toBe(266.6);
  });

  it("keeps the totals row of a table by rate when it has one (Italian), and no rate's row as the bill's", () => {
    const bill = read(`
Albergo Bellavista S.r.l.
Via Roma 21, 22100 Como
P.IVA IT01234567890

Fattura n. 118/2025                               Como, 15/05/2025

Descrizione                                      Importo
Pernottamento 2 notti                              220,00
Colazione                                           22,00

Aliquota       Imponibile        IVA          Totale
10 %             200,00         20,00         220,00
22 %              18,03          3,97          22,00
Totale           218,03         23,97         242,00
`);
    expect(value(bill, "total")).toBe(242);
    expect(value(bill, "totalTax")).toBe(23.97);
    expect(value(bill, "untaxed")).toBe(218.03);
  });

  it("never reads one rate's row as the bill's total, even with nothing else printed", () => {
    const bill = read(`
Pension Alpenrose GmbH
Dorfstrasse 2, 6370 Stans

Rechnung 5521                               Stans, 02.06.2025

MWST-Satz      Netto         MWST        Brutto
3.8 %          289.02        10.98       300.00
8.1 %           46.25         3.75        50.00
`);
    // Whatever total is read, it is not one rate's gross; and the tax is both rates'.
    expect(value(bill, "total")).not.toBe(50);
    expect(value(bill, "total")).not.toBe(300);
    expect(value(bill, "totalTax")).toBe(14.73);
  });
});

describe("reading error classes: a letter's place and date", () => {
  it("reads the place-and-date line as the invoice date in several languages", () => {
    const cases: Array<[string, string]> = [
      ["Berlin, den 3. Februar 2025", "2025-02-03"],
      ["Paris, le 12 mars 2025", "2025-03-12"],
      ["Milano, 12/03/2025", "2025-03-12"],
      ["Wien, am 04.07.2025", "2025-07-04"],
    ];
    for (const [line, iso] of cases) {
      const bill = read(`
Schreinerei Holzmann GmbH
Werkstrasse 5, 10115 Berlin
                                           ${line}
Rechnung Nr. 2025-311

Datum          Beschreibung             Menge       Preis        Betrag
28.01.2025     Regal Eiche                  1      400,00        400,00
                                    Nettobetrag             400,00
                                    MwSt. 19 %               76,00
                                    Gesamtbetrag            476,00
`);
      expect(value(bill, "invoiceDate"), line).toBe(iso);
    }
  });

  it("lets a labelled invoice date win over the place-and-date line", () => {
    const bill = read(`
Schreinerei Holzmann GmbH
Werkstrasse 5, 10115 Berlin
                                           Berlin, den 3. Februar 2025
Rechnung Nr. 2025-312
Rechnungsdatum: 31.01.2025

Regal Eiche                                   1        400,00        400,00
                                    Nettobetrag             400,00
                                    MwSt. 19 %               76,00
                                    Gesamtbetrag            476,00
`);
    expect(value(bill, "invoiceDate")).toBe("2025-01-31");
  });
});
