// Reading error class (issue 13, stop 25), on documents written here by hand: the due date from payment terms in
// layouts and languages the reader did not know — a term counted to the end of a month ("30 jours fin de mois",
// "60 gg f.m.", "Net 30 EOM"), Italian "gg" days, Finnish, Polish and Czech labels and terms, terms printed as a table
// row with their captions above ("Payment Terms" over "30 days", "Zahlungsziel" over "14 Tage"), a bill due on
// receipt under a "Terms" caption, and a printed due date that the printed terms contradict (said, and not sure) or
// confirm. The due date is a date printed, or the invoice date + the terms; a computed one never reaches the auto grade.
import { describe, expect, it } from "vitest";
import { AUTO_CONFIDENCE } from "../../../web_src/contracts/reconcile";
import { extractBill, type ExtractOptions } from "../../../web_src/engine/bills/extract_bill";
import { pageFromPlainText } from "../../../web_src/engine/bills/layout";

const OPTIONS: ExtractOptions = { source: "text_layer", today: "2026-12-01" };
type Bill = ReturnType<typeof extractBill>;
const read = (text: string): Bill => extractBill([pageFromPlainText(text.replace(/^\n/, ""))], OPTIONS);
const due = (bill: Bill) => bill.fields.dueDate?.value ?? null;
const confidence = (bill: Bill) => bill.fields.dueDate?.confidence ?? 0;

/** A bill dated 3 March 2025 (numbered, totalled) with one line of terms. */
function billWithTerms(terms: string, dateLabel = "Invoice Date", date = "03/03/2025"): Bill {
  return read(`
Lindqvist Bygg AB
Invoice No.      LB-5521
${dateLabel}     ${date}
                                Total               216,00
${terms}
`);
}

describe("reading error class: due dates from payment terms in other layouts and languages", () => {
  it("counts a term to the end of the month: invoice date + days, then the month's last day (French, Italian)", () => {
    const cases: Array<[string, string]> = [
      ["Paiement à 30 jours fin de mois", "2025-04-30"],
      ["Conditions de paiement : 30 jours fin de mois par virement", "2025-04-30"],
      ["Pagamento: bonifico bancario 30 gg d.f.f.m.", "2025-04-30"],
      ["Pagamento a 30 giorni fine mese", "2025-04-30"],
    ];
    for (const [terms, date] of cases) {
      const bill = billWithTerms(terms);
      expect([terms, due(bill)]).toEqual([terms, date]);
      expect(confidence(bill)).toBeLessThan(AUTO_CONFIDENCE);
    }
  });

  it("says an end-of-month term is not sure when the two ways of counting it give different days", () => {
    // 3 March + 45 days = 17 April → 30 April; end of March + 45 days = 15 May. Both are in use in France.
    const fr = billWithTerms("Règlement à 45 jours fin de mois");
    expect(due(fr)).toBe("2025-04-30");
    expect(confidence(fr)).toBeLessThan(0.65);
    expect(fr.fields.dueDate?.sourceText).toMatch(/2025-05-15/);
    // "Net 30 EOM", "30 days after end of month": the days run from the end of the invoice's month.
    const en = billWithTerms("Terms: Net 30 EOM");
    expect(due(en)).toBe("2025-04-30");
    const de = billWithTerms("Zahlbar 30 Tage nach Monatsende", "Rechnungsdatum", "15.01.2025");
    expect(due(de)).toBe("2025-03-02");
    expect(confidence(de)).toBeLessThan(0.65);
  });

  it("reads Italian 'gg' days ('a 30 gg d.f.', '60 gg data fattura')", () => {
    expect(due(billWithTerms("Pagamento a 30 gg d.f."))).toBe("2025-04-02");
    expect(due(billWithTerms("Modalità di pagamento: bonifico 60 gg data fattura"))).toBe("2025-05-02");
  });

  it("reads Finnish, Polish and Czech due dates and terms", () => {
    expect(due(billWithTerms("Eräpäivä      17.03.2025"))).toBe("2025-03-17");
    expect(due(billWithTerms("Maksuehto 14 pv netto"))).toBe("2025-03-17");
    expect(due(billWithTerms("Maksuehto: 14 päivää netto"))).toBe("2025-03-17");
    expect(due(billWithTerms("Termin płatności: 17.03.2025"))).toBe("2025-03-17");
    expect(due(billWithTerms("Termin płatności: 14 dni"))).toBe("2025-03-17");
    expect(due(billWithTerms("Datum splatnosti:  17.03.2025"))).toBe("2025-03-17");
    // The Polish bill's own date label ("Data wystawienia"), not a date inside its number.
    const pl = read(`
Kowalski Sp. z o.o.
Faktura VAT nr FV/2025/03/11
Data wystawienia: 03.03.2025
Termin płatności: 14 dni
Sposób płatności: przelew
Razem do zapłaty: 216,00 PLN
`);
    expect(pl.fields.invoiceDate?.value).toBe("2025-03-03");
    expect(due(pl)).toBe("2025-03-17");
  });

  it("reads terms printed as a table row, the caption above the value (English, German, Dutch, Spanish, French)", () => {
    const cases: Array<[string, string]> = [
      [`
Quillfeather Studio Ltd
INVOICE
Invoice No.      Invoice Date      Payment Terms
QS-2025-044      03/03/2025        30 days
Total    216.00`, "2025-04-02"],
      [`
Weber Elektro GmbH
Rechnung
Rechnungsnummer    Rechnungsdatum    Zahlungsziel     Kundennummer
RE-2025-77         03.03.2025        14 Tage          K-1001
Gesamtbetrag    216,00 EUR`, "2025-03-17"],
      [`
Bakker Techniek B.V.
FACTUUR
Factuurnummer   Factuurdatum   Betalingstermijn
2025-101        03-03-2025     14 dagen
Totaal   216,00`, "2025-03-17"],
      [`
Talleres Ortega S.L.
FACTURA
Nº Factura   Fecha de factura   Forma de pago
A-2025-9     03/03/2025         Transferencia 60 días
Total factura   216,00`, "2025-05-02"],
      [`
Atelier Rousseau SARL
FACTURE
N° facture     Date de facture    Conditions de règlement
F-2025-12      03/03/2025         30 jours fin de mois
Total TTC    216,00 €`, "2025-04-30"],
    ];
    for (const [text, date] of cases) {
      const bill = read(text);
      expect([text.split("\n")[1], due(bill)]).toEqual([text.split("\n")[1], date]);
      expect(confidence(bill)).toBeLessThan(AUTO_CONFIDENCE);
    }
  });

  it("takes the net days of a caption's discount terms, and the invoice date for 'upon receipt' under 'Terms'", () => {
    const skonto = read(`
Weber Elektro GmbH
Rechnungsnummer    Rechnungsdatum    Zahlungsbedingungen
RE-2025-77         03.03.2025        2 % Skonto 10 Tage, 30 Tage netto
Gesamtbetrag    216,00 EUR`);
    expect(due(skonto)).toBe("2025-04-02");
    const receipt = read(`
Quillfeather Studio Ltd
Invoice No.      Invoice Date      Terms
QS-2025-044      03/03/2025        Upon receipt
Total    216.00`);
    expect(due(receipt)).toBe("2025-03-03");
  });

  it("takes the net date of a due-date caption that prints the discount's date first (stop 32)", () => {
    // "Zahlbar bis 19.11. mit 2 % Skonto, bis 05.12. netto": the caption's first date is the discount's.
    for (const [terms, net] of [
      ["Zahlbar bis 17.03.2025 mit 2 % Skonto, bis 02.04.2025 netto ohne Abzug.", "2025-04-02"],
      ["Payable by 13/03/2025 less 2 % discount, by 02/04/2025 net.", "2025-04-02"],
      ["Due date: 13/03/2025 with 3 % discount or 02/04/2025 net", "2025-04-02"],
      ["Échéance : 13/03/2025 avec escompte 2 %, 02/04/2025 net sans escompte", "2025-04-02"],
    ] as const) {
      const bill = billWithTerms(terms, "Rechnungsdatum", "03.03.2025");
      expect([terms, due(bill)]).toEqual([terms, net]);
    }
    // Read in the bill's day order: month first, as "03/13/2025" shows.
    expect(due(billWithTerms("Due date: 03/13/2025 with 3 % discount or 04/02/2025 net", "Invoice Date", "03/03/2025"))).toBe("2025-04-02");
  });

  it("keeps a printed due date the terms contradict below 0.8 and says so; terms that agree confirm it", () => {
    const contradicted = read(`
Quillfeather Studio Ltd
Invoice No.   QS-2025-044
Invoice Date  03/03/2025
Due Date      10/03/2025
Payment terms: Net 30
Total    216.00`);
    expect(due(contradicted)).toBe("2025-03-10");
    expect(confidence(contradicted)).toBeLessThan(0.8);
    expect(contradicted.fields.dueDate?.sourceText).toMatch(/2025-04-02/);
    const confirmed = read(`
Weber Elektro GmbH
Rechnung Nr.      RE-2025-77
Rechnungsdatum    03.03.2025
Fällig am         17.03.2025
Zahlbar innerhalb von 14 Tagen ohne Abzug.
Gesamtbetrag    216,00 EUR`);
    expect(due(confirmed)).toBe("2025-03-17");
    const alone = read(`
Weber Elektro GmbH
Rechnung Nr.      RE-2025-77
Rechnungsdatum    03.03.2025
Fällig am         17.03.2025
Gesamtbetrag    216,00 EUR`);
    expect(confidence(confirmed)).toBeGreaterThan(confidence(alone));
  });

  it("reads due-date labels in more spellings: unaccented, 'Please pay by', 'Vence', 'Betalas senast', 'Rok plaćanja'", () => {
    const labels = ["Please pay by", "Payment date", "Zu zahlen bis", "Fällig", "A payer avant le", "Echéance", "Fecha límite de pago", "Vence", "Te betalen vóór", "Betalas senast", "Betales senest", "Sidste betalingsdag", "Fizetési határidő", "Rok plaćanja", "Date d'exigibilité", "Exigible le"];
    for (const label of labels) {
      const bill = billWithTerms(`${label}:   17 March 2025`);
      expect([label, due(bill)]).toEqual([label, "2025-03-17"]);
    }
  });

  it("reads a due date printed above its caption (a box with the value over its label), and only as a last resort", () => {
    const boxes = read(`
Nordlicht Druck GmbH
Rechnung RE-2025-77
03.03.2025        17.03.2025
Rechnungsdatum    Fälligkeitsdatum

Gesamtbetrag    216,00 EUR`);
    expect(due(boxes)).toBe("2025-03-17");
    expect(confidence(boxes)).toBeLessThan(AUTO_CONFIDENCE);
    for (const label of ["Due Date", "Date d'échéance", "Vervaldatum", "Scadenza"]) {
      const bill = read(`
Lindqvist Bygg AB
Invoice No.      LB-5521
Invoice Date     03/03/2025
17/03/2025
${label}

                                Total               216,00`);
      expect([label, due(bill)]).toEqual([label, "2025-03-17"]);
    }
  });
});
