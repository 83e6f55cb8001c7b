// Classes of reading errors found on the bills bench's synthetic layouts (issue 13, stop 24, once E-G became tuning
// layouts), each on a document written here by hand (no text of a benchmark file): (1) a label joined to its value
// by leaders - a run of dots, middle dots, an ellipsis, underscores or dashes, spaced or not, glued to the value or in
// a cell of their own ("Due date ........ 05/03/2025", "Rechnungsdatum · · · · 03.02.2025", "Échéance…15/04/2025"):
// the value after the leaders is the label's value, as sure as after a colon (family E); (2) legal forms in another
// spelling or case (family J's "plc"), and two-part forms ("Co., Ltd."); (3) a total label with a bare currency code
// ("Total CHF").
import { describe, expect, it } from "vitest";
import { extractBill, type ExtractOptions } from "../../../web_src/engine/bills/extract_bill";
import { pageFromPlainText, type Page } from "../../../web_src/engine/bills/layout";
import { BillService } from "../../../web_src/endpoint/services/bills";
import { makePdf } from "./pdf_fixture";

const OPTIONS: ExtractOptions = { source: "text_layer", today: "2026-12-01" };
const page = (text: string, n = 1): Page => pageFromPlainText(text.replace(/^\n/, ""), n);
type Bill = ReturnType<typeof extractBill>;
const value = (bill: Bill, k: keyof Bill["fields"]) => bill.fields[k]?.value ?? null;
const confidence = (bill: Bill, k: keyof Bill["fields"]) => bill.fields[k]?.confidence ?? 0;

describe("reading error classes: a label joined to its value by leaders", () => {
  it("reads dates and numbers after dotted leaders (English, German, French, Spanish, Swedish)", () => {
    const en = extractBill([page(`
Harbour Joinery Ltd
7 Quay Street, Whitby YO21 3PU

Invoice No. ........ HJ-2291
Invoice date ........ 12/02/2025
Due date ........ 14/03/2025

Joinery works                               1        640.00        640.00
                                Subtotal            £640.00
                                VAT 20%             £128.00
                                Total               £768.00
`)], OPTIONS);
    expect(value(en, "invoiceNumber")).toBe("HJ-2291");
    expect(value(en, "invoiceDate")).toBe("2025-02-12");
    expect(value(en, "dueDate")).toBe("2025-03-14");
    // As sure as after a colon, not the "first date on the page" guess.
    expect(confidence(en, "invoiceDate")).toBeGreaterThanOrEqual(0.8);

    const de = extractBill([page(`
Brunnhuber Sanitär GmbH
Lindenweg 4, 83022 Rosenheim

Rechnung Nr. · · · · · · 2025-0417
Rechnungsdatum · · · · · · 03.02.2025
Fällig am · · · · · · 05.03.2025

                         Nettobetrag        250,00 EUR
                         MwSt. 19 %          47,50 EUR
                         Gesamtbetrag       297,50 EUR
`)], OPTIONS);
    expect(value(de, "invoiceNumber")).toBe("2025-0417");
    expect(value(de, "invoiceDate")).toBe("2025-02-03");
    expect(value(de, "dueDate")).toBe("2025-03-05");

    const fr = extractBill([page(`
Menuiserie Garnier SARL
3 rue des Tanneurs, 69002 Lyon

Facture n°……………F-88120
Date de facture……………17/03/2025
Échéance…16/04/2025

                               Total HT               300,00 €
                               TVA 20 %                60,00 €
                               Total TTC              360,00 €
`)], OPTIONS);
    expect(value(fr, "invoiceNumber")).toBe("F-88120");
    expect(value(fr, "invoiceDate")).toBe("2025-03-17");
    expect(value(fr, "dueDate")).toBe("2025-04-16");

    const es = extractBill([page(`
Talleres Ibarra S.L.
Calle Ancha 8, 48005 Bilbao

Número de factura ________ TI/2025/031
Fecha de factura ________ 21/01/2025
Fecha de vencimiento ________ 20/02/2025

                               Base imponible         500,00 €
                               IVA 21%                105,00 €
                               Total factura          605,00 €
`)], OPTIONS);
    expect(value(es, "invoiceNumber")).toBe("TI/2025/031");
    expect(value(es, "invoiceDate")).toBe("2025-01-21");
    expect(value(es, "dueDate")).toBe("2025-02-20");

    const sv = extractBill([page(`
Fjällbacka Bygg AB
Hamngatan 2, 457 40 Fjällbacka

Fakturanummer.......20250093
Fakturadatum.......2025-04-02
Förfallodatum.......2025-05-02

                         Summa exkl. moms      1 000,00 kr
                         Moms 25%                250,00 kr
                         Att betala            1 250,00 kr
`)], OPTIONS);
    expect(value(sv, "invoiceNumber")).toBe("20250093");
    expect(value(sv, "invoiceDate")).toBe("2025-04-02");
    expect(value(sv, "dueDate")).toBe("2025-05-02");
  });

  it("reads a value whose leaders stand in their own cell or are glued to it, and dashed leaders (Italian, Dutch)", () => {
    const it_ = extractBill([page(`
Officine Ferraresi S.r.l.
Via Garibaldi 10, 44121 Ferrara

Data fattura        ..........        08/05/2025
Scadenza            ..........07/06/2025
Fattura n.          - - - - - -       OF/552

                               Imponibile             800,00 €
                               IVA 22%                176,00 €
                               Totale fattura         976,00 €
`)], OPTIONS);
    expect(value(it_, "invoiceDate")).toBe("2025-05-08");
    expect(value(it_, "dueDate")).toBe("2025-06-07");
    expect(value(it_, "invoiceNumber")).toBe("OF/552");
    const nl = extractBill([page(`
Dekker Schilderwerken V.O.F.
Marktstraat 5, 7511 GD Enschede

Factuurnummer ------ 2025-118
Factuurdatum ------ 02-06-2025
Vervaldatum ------ 16-06-2025

                               Subtotaal              400,00
                               BTW 21%                 84,00
                               Totaal incl. BTW       484,00
`)], OPTIONS);
    expect(value(nl, "invoiceNumber")).toBe("2025-118");
    expect(value(nl, "invoiceDate")).toBe("2025-06-02");
    expect(value(nl, "dueDate")).toBe("2025-06-16");
    // Read after its label, as sure as "Vervaldatum: 16-06-2025" (not a date computed from terms, ≤ 0.72).
    expect(confidence(nl, "dueDate")).toBeGreaterThan(0.72);
  });

  it("reads leaders in a text-layer PDF through the service", async () => {
    const pdf = makePdf({
      pages: [[
        "Kettle & Crane Ltd",
        "22 Mill Lane, Norwich NR2 4AB",
        "",
        "INVOICE KC-7781",
        "",
        "Invoice Date ........ 3 March 2025",
        "Payment due ........ 2 April 2025",
        "",
        "Description                             Qty       Unit Price        Amount",
        "Catering                                1         420.00            420.00",
        "",
        "                                              Subtotal          £420.00",
        "                                              VAT 20%            £84.00",
        "                                              Total             £504.00",
      ]],
    });
    const service = new BillService({ validateResponses: true, today: () => "2026-12-01" });
    const reply = await service.extract({ fileName: "leaders.pdf", mimeType: "application/pdf", contentBase64: pdf.toString("base64") });
    const bill = reply.documents[0];
    expect(bill?.fields.invoiceDate?.value).toBe("2025-03-03");
    expect(bill?.fields.dueDate?.value).toBe("2025-04-02");
    expect(bill?.fields.total?.value).toBe(504);
    expect(bill?.fields.invoiceDate?.confidence ?? 0).toBeGreaterThanOrEqual(0.8);
  });
});

// Found on synthetic family J's "plc" letterheads (a right vendor at 0.3): a legal form in another spelling or case
// than the list had ("plc", "Srl", "SpA", "S.A.U.", "Sàrl", "Ltda.", "GbR", "I/S", "L.L.C."), and a form of two
// parts ("Co., Ltd.", "& Co. KG") cut after its first part.
describe("reading error classes: legal forms in another spelling", () => {
  const letterhead = (name: string) => extractBill([page(`
${name}
12 Harbour Road, 1000 Town

                                                  INVOICE
Bill to:                                          Invoice No.       HL-2201
Northwind Traders                                 Invoice Date      15/05/2025

Description                             Qty       Unit Price        Amount
Parts                                   3         100.00            300.00

                                                  Subtotal          300.00
                                                  VAT 20%            60.00
                                                  Total             360.00
`)], OPTIONS);

  it("trusts a letterhead name with 'plc', 'Srl', 'SpA', 'S.A.U.', 'Sàrl', 'Ltda.', 'GbR', 'I/S' as much as with 'Ltd'", () => {
    const reference = confidence(letterhead("Harbour Lights Ltd"), "vendorName");
    expect(reference).toBeGreaterThanOrEqual(0.7);
    for (const name of [
      "Harbour Lights plc", "Harbour Lights Plc", "Kestrel Tools L.L.C.", "Ferraro Impianti Srl", "Ferraro Impianti S.R.L.",
      "Conti Costruzioni SpA", "Rossi Arredi S.n.c.", "Talleres Ibarra S.A.U.", "Talleres Ibarra SL", "Atelier Morel Sàrl",
      "Atelier Morel S.à r.l.", "Dupont Frères S.A.R.L.", "Construtora Lima Ltda.", "Weber & Sohn GbR", "Nordlys Tømrer I/S",
      "Dekker Bouw C.V.", "Vanha Konepaja Oyj",
    ]) {
      const bill = letterhead(name);
      expect(value(bill, "vendorName"), name).toBe(name);
      expect(confidence(bill, "vendorName"), name).toBe(reference);
    }
  });

  it("keeps both parts of 'Co., Ltd.', 'Unipessoal Lda.', '& Co. KG', 'UG (haftungsbeschränkt)' in the vendor's name", () => {
    expect(value(letterhead("Shenzhen Brightway Co., Ltd."), "vendorName")).toBe("Shenzhen Brightway Co., Ltd.");
    expect(value(letterhead("Hansen Electronics Co. Ltd"), "vendorName")).toBe("Hansen Electronics Co. Ltd");
    expect(value(letterhead("Weber & Co. KG"), "vendorName")).toBe("Weber & Co. KG");
    expect(value(letterhead("Construções Sardinha Unipessoal Lda."), "vendorName")).toBe("Construções Sardinha Unipessoal Lda.");
    expect(value(letterhead("Hofmann Logistik SE & Co. KG"), "vendorName")).toBe("Hofmann Logistik SE & Co. KG");
    expect(value(letterhead("Klee Verwaltungs AG & Co. KGaA"), "vendorName")).toBe("Klee Verwaltungs AG & Co. KGaA");
    expect(value(letterhead("Nordwind Digital UG (haftungsbeschränkt)"), "vendorName")).toBe("Nordwind Digital UG (haftungsbeschränkt)");
  });
});

// Found on synthetic families A-K's Swiss bills ("Total CHF" read right at 0.66-0.72 where "Total (CHF)" gets more):
// a total label followed by a bare currency code, in the languages whose bills print it so.
describe("reading error classes: a total label with a bare currency code", () => {
  const totals = (label: string, untaxedLabel = "Subtotal") => extractBill([page(`
Bergmann Informatik AG
Seestrasse 40, 8002 Zürich
Rechnung Nr.      RB-3310
Datum             04.11.2025

Bezeichnung                     Menge   Preis          Betrag
Jahreslizenz                    1       1'200.00       1'200.00

                                ${untaxedLabel.padEnd(18)}1'200.00
                                MWST 8.1 %        97.20
                                ${label.padEnd(18)}1'297.20
`)], OPTIONS);

  it("trusts 'Total CHF', 'Totale EUR', 'Totalt SEK', 'Totaal EUR', 'Summe EUR' like 'Total (CHF)'", () => {
    const reference = confidence(totals("Total (CHF)"), "total");
    expect(reference).toBeGreaterThanOrEqual(0.85);
    for (const label of ["Total CHF", "Total CHF:", "Totale EUR", "Totalt SEK", "Totaal EUR", "Summe EUR", "Total USD"]) {
      const bill = totals(label);
      expect(value(bill, "total"), label).toBe(1297.2);
      expect(confidence(bill, "total"), label).toBe(reference);
    }
  });

  it("does not take a 'Total CHF excl. MWST' row for the total", () => {
    const bill = totals("Total CHF", "Total CHF excl. MWST");
    expect(value(bill, "total")).toBe(1297.2);
    expect(value(bill, "untaxed")).toBe(1200);
  });
});
