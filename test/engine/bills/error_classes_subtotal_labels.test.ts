// Reading error class (issue 13, stop 27): a totals block that prints the sum of its charges or of its allowances
// under the grand total's own word ("Gesamtbetrag der Abschläge", "Gesamtsumme der Zuschläge", "Gesamtbetrag der
// Rabatte") before the invoice's total. Such a line is a total OF something, never the invoice's total: read as one,
// a few cents of discount are booked as the bill at a confident grade.
import { describe, expect, it } from "vitest";
import { extractBill, type ExtractOptions } from "../../../web_src/engine/bills/extract_bill";
import { pageFromPlainText } from "../../../web_src/engine/bills/layout";

const OPTIONS: ExtractOptions = { source: "text_layer", today: "2026-12-01" };
const read = (text: string) => extractBill([pageFromPlainText(text.replace(/^\n/, ""))], OPTIONS);

describe("reading error class: a total of the charges or of the allowances is no invoice total", () => {
  it("German block: 'Gesamtbetrag der Zuschläge / der Abschläge' above the net, the tax and the gross", () => {
    const bill = read(`
Gärtnerei Lindner GmbH
Am Anger 4, 93047 Regensburg

Rechnung Nr. 7731
Rechnungsdatum 12.05.2025

Pos  Artikel                    Menge     Preis      Betrag
1    Rindenmulch 50 l              4      12,50       50,00
2    Pflanzerde 40 l               6      10,00       60,00

                         Summe Positionen                110,00
                         Gesamtbetrag der Zuschläge        5,00
                         Gesamtbetrag der Abschläge        3,00
                         Nettobetrag                     112,00
                         USt. 19 %                        21,28
                         Bruttosumme                     133,28
`);
    expect(bill.fields.total?.value).toBe(133.28);
    expect(bill.fields.untaxed?.value).toBe(112);
  });

  it("a correction with negative figures: the allowances' sum the only positive amount of the block", () => {
    const bill = read(`
Holzhandel Berger GmbH
Sägewerkstraße 3, 87435 Kempten

Rechnungskorrektur Nr. RK-5521 vom 18.03.2025

Pos  Artikel                    Menge     Preis      Betrag
1    Leimholz Buche              -2 Stk     9,00      -18,00

                         Positionssumme                   -18,00
                         Gesamtbetrag der Zuschläge         0,00
                         Gesamtbetrag der Abschläge         0,40
                         Rechnungssumme ohne USt.         -17,60
                         Steuerbetrag                      -3,34
                         Bruttosumme                      -20,94
                         Zahlbetrag                       -20,94
`);
    expect(bill.fields.total?.value).toBe(20.94);
  });

  it("'Gesamtsumme der Rabatte' with the grand total labelled 'Zahlbetrag' after it", () => {
    const bill = read(`
Büro Schmitt KG
Lindenallee 2
50668 Köln
Rechnung 2025-88              Datum: 03.02.2025

Beschreibung                               Betrag
Druckerpapier A4, 10 Pakete                 45,00
Toner schwarz                               80,00
Gesamtsumme der Rabatte:                     2,50
Summe netto:                               122,50
MwSt 19%:                                   23,28
Zahlbetrag:                                145,78
`);
    expect(bill.fields.total?.value).toBe(145.78);
  });
});
