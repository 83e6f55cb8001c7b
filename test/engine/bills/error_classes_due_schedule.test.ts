// Reading error class (issue 13, stop 26), on documents written here by hand: due dates the reader left empty or read
// from the wrong figure — (a) a discount's days printed before the net days on one line ("innerhalb von 8 Tagen mit
// 3 % Skonto oder innerhalb von 30 Tagen rein netto") and a discount's date before the net date; (b) labels and
// sentences in spellings not known yet ("Scadenza pagamento", "Nettofällig", "Betaaltermijn", "… over te maken",
// "… voldoen"); (c) a day of the following month ("le 10 du mois suivant", "el día 10 del mes siguiente", "am 10. des
// Folgemonats"); (d) a payment schedule: one date under a "Scadenze" / "Échéances" heading is the due date, several
// instalments (a table of dates and amounts, "30/60/90 gg", "1/3 … 2/3 …") give none — which instalment a due date
// would be is a convention the document does not state, so the reader leaves it to the clerk and says why in the terms.
import { describe, expect, it } from "vitest";
import { AUTO_CONFIDENCE } from "../../../web_src/contracts/reconcile";
import { extractBill, type ExtractOptions } from "../../../web_src/engine/bills/extract_bill";
import { pageFromPlainText } from "../../../web_src/engine/bills/layout";

const OPTIONS: ExtractOptions = { source: "text_layer", today: "2026-12-01" };
type Bill = ReturnType<typeof extractBill>;
const read = (text: string): Bill => extractBill([pageFromPlainText(text.replace(/^\n/, ""))], OPTIONS);
const due = (bill: Bill) => bill.fields.dueDate?.value ?? null;
const confidence = (bill: Bill) => bill.fields.dueDate?.confidence ?? 0;

/** A bill dated 3 March 2025 (numbered, totalled 366,00) followed by `tail`. */
function bill(tail: string, vendor = "Ferramenta Bianchi S.r.l.", dateLine = "Data fattura:  03/03/2025"): Bill {
  return read(`
${vendor}
Fattura n.  2025/118
${dateLine}
Imponibile          300,00
IVA 22%              66,00
Totale              366,00 EUR
${tail}
`);
}

describe("reading error class: discount terms, new spellings, a day of the next month, payment schedules", () => {
  it("takes the net days, not a discount's days printed first on the line", () => {
    const cases: Array<[string, string]> = [
      ["Zahlbar innerhalb von 8 Tagen mit 3 % Skonto oder innerhalb von 30 Tagen rein netto.", "2025-04-02"],
      ["Zahlbar binnen 10 Tagen abzüglich 2 % Skonto, binnen 30 Tagen ohne Abzug.", "2025-04-02"],
      ["Payment within 10 days less 2% discount, within 30 days net.", "2025-04-02"],
      ["Paiement sous 8 jours avec 2 % d'escompte, à 30 jours sans escompte.", "2025-04-02"],
    ];
    for (const [terms, date] of cases) expect([terms, due(bill(terms, "Weber Elektro GmbH"))]).toEqual([terms, date]);
  });

  it("never takes a discount's date for the due date: the net date, or none", () => {
    const twoLines = bill("Bei Zahlung bis 13.03.2025 gewähren wir 2 % Skonto.\nZahlbar bis 02.04.2025 ohne Abzug.", "Weber Elektro GmbH");
    expect(due(twoLines)).toBe("2025-04-02");
    // The net date first, the discount's after it on the same line.
    const netFirst = bill("Zahlbar innerhalb 30 Tagen netto bis 02.04.2025, 2 % Skonto innerhalb 10 Tagen bis 13.03.2025", "Weber Elektro GmbH");
    expect(due(netFirst)).toBe("2025-04-02");
    const enNetFirst = bill("Net due 02/04/2025; 2% discount if paid by 13/03/2025.", "Quillfeather Studio Ltd");
    expect(due(enNetFirst)).toBe("2025-04-02");
    const labels = bill("Skontofrist:   13.03.2025 (2 %)\nNettofällig:   02.04.2025", "Weber Elektro GmbH");
    expect(due(labels)).toBe("2025-04-02");
    const discountOnly = bill("Bei Zahlung bis zum 13.03.2025 ziehen Sie 2 % Skonto ab.", "Weber Elektro GmbH");
    expect(due(discountOnly)).toBeNull();
    const en = bill("Pay by 13/03/2025 to take a 2% early payment discount.", "Quillfeather Studio Ltd");
    expect(due(en)).toBeNull();
  });

  it("reads due labels and payment sentences in spellings not known before (Italian, German, Dutch, Polish)", () => {
    const cases: Array<[string, string]> = [
      ["Scadenza pagamento:  02.04.2025", "2025-04-02"],
      ["Data scadenza pagamento   02/04/2025", "2025-04-02"],
      ["Scadenza fattura: 2 aprile 2025", "2025-04-02"],
      ["Netto fällig am:  02.04.2025", "2025-04-02"],
      ["Betaaltermijn    30 dagen", "2025-04-02"],
      ["Betalingscondities: 30 dagen", "2025-04-02"],
      ["Wij verzoeken u het bedrag binnen 30 dagen over te maken onder vermelding van het factuurnummer.", "2025-04-02"],
      ["Graag binnen 30 dagen na dagtekening voldoen.", "2025-04-02"],
      // A due-date caption holding days, not a date (Polish, Spanish, English).
      ["Termin zapłaty:  30 dni", "2025-04-02"],
      ["Płatność: przelew 30 dni", "2025-04-02"],
      ["Sposób płatności: przelew w ciągu 30 dni", "2025-04-02"],
      ["Vencimiento: 30 días", "2025-04-02"],
      ["Due:  30 days", "2025-04-02"],
    ];
    for (const [tail, date] of cases) expect([tail, due(bill(tail))]).toEqual([tail, date]);
  });

  it("reads terms with the days written out or after other words ('thirty (30) days', 'sous 30 jours', 'vierzehn Tagen')", () => {
    const cases: Array<[string, string]> = [
      ["Payment is due within thirty (30) days.", "2025-04-02"],
      ["Payment is due within thirty days of the invoice date.", "2025-04-02"],
      ["We kindly ask you to transfer the amount within 30 days.", "2025-04-02"],
      ["Paiement sous 30 jours.", "2025-04-02"],
      ["Règlement dans un délai de trente jours.", "2025-04-02"],
      ["Zahlbar innerhalb von dreißig Tagen ohne Abzug.", "2025-04-02"],
      ["Pago en un plazo de 30 días.", "2025-04-02"],
      ["Pagamento no prazo de 30 dias.", "2025-04-02"],
      ["Te betalen binnen dertig dagen.", "2025-04-02"],
    ];
    for (const [tail, date] of cases) expect([tail, due(bill(tail))]).toEqual([tail, date]);
  });

  it("reads a date to pay by after the amount or a caption not known before (English, French, Spanish, Dutch)", () => {
    const cases: Array<[string, string]> = [
      ["Please pay the amount of EUR 366.00 by 02/04/2025.", "2025-04-02"],
      ["Kindly settle this invoice before 02/04/2025.", "2025-04-02"],
      ["Payment by:   02.04.2025", "2025-04-02"],
      ["Payment: bank transfer, 30 days", "2025-04-02"],
      ["Date de paiement : 02/04/2025", "2025-04-02"],
      ["Fecha vencimiento: 02/04/2025", "2025-04-02"],
      ["Fecha de pago: 02/04/2025", "2025-04-02"],
      ["Uiterste betaaldag: 02-04-2025", "2025-04-02"],
      ["Betaaldatum   02-04-2025", "2025-04-02"],
    ];
    for (const [tail, date] of cases) expect([tail, due(bill(tail))]).toEqual([tail, date]);
    // Not a date a payment was made on, nor the end of a period.
    expect(due(bill("Paid by card on 03/03/2025, thank you.", "Quillfeather Studio Ltd"))).toBeNull();
    expect(due(bill("Payment for the period 01/02/2025 until 28/02/2025", "Quillfeather Studio Ltd"))).toBeNull();
  });

  it("counts to a day of the following month ('le 10 du mois suivant'), below the auto grade", () => {
    const cases: Array<[string, string]> = [
      ["Règlement : le 10 du mois suivant", "2025-04-10"],
      ["Conditions de paiement : virement le 15 du mois suivant la date de facture", "2025-04-15"],
      ["Forma de pago: transferencia el día 10 del mes siguiente", "2025-04-10"],
      ["Zahlbar am 10. des Folgemonats", "2025-04-10"],
      ["Payment terms: due on the 10th of the following month", "2025-04-10"],
      ["Pagamento il giorno 10 del mese successivo", "2025-04-10"],
    ];
    for (const [tail, date] of cases) {
      const b = bill(tail);
      expect([tail, due(b)]).toEqual([tail, date]);
      expect(confidence(b)).toBeLessThan(AUTO_CONFIDENCE);
    }
  });

  it("reads the one date of a payment schedule under its heading (Italian, French, Spanish, German)", () => {
    const cases = [
      "Scadenze\nData              Importo\n02/04/2025        366,00",
      "Scadenze:\n1)  02/04/2025    € 366,00",
      "Échéances\nDate            Montant\n02/04/2025      366,00",
      "Vencimientos\n02/04/2025      366,00",
      "Fälligkeiten\nDatum           Betrag\n02.04.2025      366,00",
    ];
    for (const tail of cases) {
      const b = bill(tail);
      expect([tail, due(b)]).toEqual([tail, "2025-04-02"]);
      expect(confidence(b)).toBeLessThan(AUTO_CONFIDENCE);
    }
  });

  it("gives no due date for several instalments, and says so in the terms", () => {
    const cases = [
      "Scadenze\nData              Importo\n02/04/2025        122,00\n02/05/2025        122,00\n01/06/2025        122,00",
      "Rata   Scadenza      Importo\n1      02/04/2025    183,00\n2      02/05/2025    183,00",
      "Vencimientos:   02/04/2025   183,00   02/05/2025   183,00",
      "Échéances : 1/3 au 02/04/2025, 2/3 au 02/05/2025",
      "Pagamento: Ri.Ba. 30/60/90 gg d.f.",
      "Modalità di pagamento: bonifico 30-60 gg d.f.f.m.",
      "Conditions de paiement : 1/3 à 30 jours, 1/3 à 60 jours, 1/3 à 90 jours",
      "Payment terms: 50% within 30 days, 50% within 60 days",
      "Zahlung in 3 Raten: 30, 60 und 90 Tage nach Rechnungsdatum",
    ];
    for (const tail of cases) {
      const b = bill(tail);
      expect([tail, due(b)]).toEqual([tail, null]);
      expect([tail, b.fields.paymentTerms?.value ?? ""]).toEqual([tail, expect.stringMatching(/instal/i)]);
    }
  });

  it("reads the net row of a table of payment dates with a discount's row, not instalments", () => {
    const table = bill("Zahlungsbedingungen:\nBeschreibung                         Fälligkeit\nZahlbar ohne Abschlag bis            02.04.2025\nZahlbar mit 2 % Skonto bis           13.03.2025", "Weber Elektro GmbH");
    expect(due(table)).toBe("2025-04-02");
    expect(table.fields.paymentTerms?.value ?? "").not.toMatch(/instal/i);
    const discountFirst = bill("Beschreibung                         Fälligkeit\nZahlbar mit 2 % Skonto bis           13.03.2025\nZahlbar ohne Abschlag bis            02.04.2025", "Weber Elektro GmbH");
    expect(due(discountFirst)).toBe("2025-04-02");
    const en = bill("Terms                          Due date\nNet                            02/04/2025\n2% discount if paid by         13/03/2025", "Quillfeather Studio Ltd");
    expect(due(en)).toBe("2025-04-02");
  });

  it("still reads one due date beside a schedule of one row, and a due date printed with other dates on its line", () => {
    expect(due(bill("Rata   Scadenza      Importo\n1      02/04/2025    366,00"))).toBe("2025-04-02");
    expect(due(bill("Due Date:  02/04/2025        Order Date:  01/03/2025", "Quillfeather Studio Ltd", "Invoice Date:  03/03/2025"))).toBe("2025-04-02");
  });
});
