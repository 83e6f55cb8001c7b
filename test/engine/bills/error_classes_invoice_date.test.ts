// Reading error class (issue 13, stop 26), on documents written here by hand: the invoice date where no invoice-date
// label names it — (a) the first date of the page was taken even when a label says it is another date (order,
// delivery, service, due date), also as a caption over it in a header box; (b) a letter's place and date below the
// head or at the foot of the page ("Berlin, 03.03.2025" over the signature, "Madrid, a 3 de marzo de 2025");
// (c) issue-date captions not known yet ("Ausstellungsdatum", "Émise le", "Rechnungs- und Lieferdatum").
import { describe, expect, it } from "vitest";
import { AUTO_CONFIDENCE } from "../../../web_src/contracts/reconcile";
import { extractBill, type ExtractOptions } from "../../../web_src/engine/bills/extract_bill";
import { pageFromPlainText } from "../../../web_src/engine/bills/layout";

const OPTIONS: ExtractOptions = { source: "text_layer", today: "2026-12-01" };
type Bill = ReturnType<typeof extractBill>;
const read = (text: string): Bill => extractBill([pageFromPlainText(text.replace(/^\n/, ""))], OPTIONS);
const date = (bill: Bill) => bill.fields.invoiceDate?.value ?? null;

const LINES_DE = `
Pos  Beschreibung        Menge   Preis    Betrag
1    Wartung Heizung     1       100,00   100,00
Nettobetrag          100,00
MwSt 19 %             19,00
Gesamtbetrag         119,00 EUR`;

describe("reading error class: the invoice date where no invoice-date label names it", () => {
  it("does not take an order, delivery or service date for the invoice date", () => {
    const orderFirst = read(`
Weber Elektro GmbH
Hauptstr. 1, 10115 Berlin
Rechnung RE-2025-77
Auftragsdatum: 12.02.2025
Datum der Lieferung: 28.02.2025
Ausstellungsdatum: 03.03.2025
${LINES_DE}`);
    expect(date(orderFirst)).toBe("2025-03-03");
    const en = read(`
Quillfeather Studio Ltd
12 High Street, London
INVOICE 2025-044
Order date: 12/02/2025    Ship date: 28/02/2025
                                        03/03/2025
Subtotal   100.00
VAT 20%    20.00
Total      120.00 GBP`);
    expect(date(en)).toBe("2025-03-03");
    // A header box: the caption over each date says what it is.
    const box = read(`
Atelier Rousseau SARL
12 rue des Lilas, 69001 Lyon
FACTURE F-2025-12
Commande        Livraison
12/02/2025      28/02/2025      03/03/2025
Total TTC    120,00 €`);
    expect(date(box)).toBe("2025-03-03");
    // Only an order date printed: it is no invoice date.
    const orderOnly = read(`
Weber Elektro GmbH
Hauptstr. 1, 10115 Berlin
Rechnung RE-2025-77
Bestelldatum 12.02.2025
${LINES_DE}`);
    expect(date(orderOnly)).not.toBe("2025-02-12");
  });

  it("reads a letter's place and date below the head or at the foot, at most below the auto grade when unlabelled", () => {
    const foot = read(`
Weber Elektro GmbH
Hauptstr. 1, 10115 Berlin
Rechnung RE-2025-77
Leistungsdatum: 28.02.2025
${LINES_DE}
Zahlbar innerhalb von 14 Tagen.
Berlin, 03.03.2025
Mit freundlichen Grüßen`);
    expect(date(foot)).toBe("2025-03-03");
    expect(foot.fields.invoiceDate?.confidence ?? 1).toBeLessThan(AUTO_CONFIDENCE);
    const es = read(`
Talleres Ortega S.L.
Calle Mayor 3, 28013 Madrid
FACTURA A-2025-9
Madrid, a 3 de marzo de 2025
Base imponible   100,00
IVA 21%           21,00
Total            121,00 €`);
    expect(date(es)).toBe("2025-03-03");
    const it = read(`
Ferramenta Bianchi S.r.l.
Via Roma 12, 20121 Milano
Fattura n. 118
Imponibile   100,00
IVA 22%       22,00
Totale       122,00 €
Milano, 3 marzo 2025`);
    expect(date(it)).toBe("2025-03-03");
  });

  it("reads issue-date captions not known before (German, French)", () => {
    const cases: Array<[string, string]> = [
      ["Ausstellungsdatum:  03.03.2025", "2025-03-03"],
      ["Ausgestellt am 03.03.2025", "2025-03-03"],
      ["Rechnungs- und Lieferdatum: 03.03.2025", "2025-03-03"],
      ["Émise le 03/03/2025", "2025-03-03"],
      ["Facture établie le 03/03/2025", "2025-03-03"],
    ];
    for (const [line, iso] of cases) {
      const bill = read(`
Weber Elektro GmbH
Hauptstr. 1, 10115 Berlin
Rechnung RE-2025-77
Lieferdatum: 28.02.2025
${line}
${LINES_DE}`);
      expect([line, date(bill)]).toEqual([line, iso]);
      expect(bill.fields.invoiceDate?.confidence ?? 0).toBeGreaterThanOrEqual(0.8);
    }
  });
});
