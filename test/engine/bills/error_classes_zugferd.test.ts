// Classes of reading errors of the text-layer reader seen on the tuning part of the ZUGFeRD corpus (issue 13, stop
// 24), each on a bill written here by hand and typed into a real PDF read by the real poppler: (a) the invoice
// number after a German compound document title ("Handelsrechnung Nr.", "Mietrechnung Nr.", "Rechnung des
// Versicherers Nr.", "Gutschrift (…) Nr."), never after "Rechnung gemäß Bestellung Nr." (the order); (b) a bill
// stating a zero tax ("Tax Total 0.00") whose letterhead prints "TVA : <VAT number> … capital de 50 000,00 €": the
// tax is 0, not the share capital.
import { describe, expect, it } from "vitest";
import type { ExtractBillResponse } from "../../../web_src/contracts/bills";
import { BillService } from "../../../web_src/endpoint/services/bills";
import { installed } from "./ocr_fixture";
import { makePdf } from "./pdf_fixture";

const POPPLER = ["pdfinfo", "pdftotext", "pdfdetach"].every((t) => installed(t, "-v"));
const skipped = POPPLER ? "" : " — SKIPPED: poppler-utils not installed";
if (skipped !== "") console.warn(`SKIPPED test/engine/bills/error_classes_zugferd.test.ts${skipped}`);

async function read(lines: string[]): Promise<NonNullable<ExtractBillResponse["documents"][0]>> {
  const service = new BillService({ validateResponses: true, today: () => "2026-12-01" });
  const reply = await service.extract({ fileName: "bill.pdf", mimeType: "application/pdf", contentBase64: makePdf({ pages: [lines] }).toString("base64") }, { ignoreEmbeddedXml: true });
  const bill = reply.documents[0];
  if (bill === undefined) throw new Error("no document read");
  return bill;
}

const GERMAN_BODY = (title: string) => [
  "Brandt & Söhne Immobilien GmbH",
  "Rosenweg 4, 28195 Bremen",
  "USt-IdNr.: DE298765431",
  "",
  title,
  "",
  "Käufer/Leistungsempfänger:",
  "Hafenkontor Meyer KG",
  "Am Kai 9, 27568 Bremerhaven",
  "",
  "Rechnung gemäß Bestellung Nr. 2025-88410 vom 02.04.2025.",
  "",
  "Pos  Bezeichnung                            Menge     Einzelpreis     Betrag",
  "1    Büromiete Mai 2025                         1          800,00     800,00",
  "",
  "                                  Nettobetrag            800,00 €",
  "                                  MwSt 19 %              152,00 €",
  "                                  Gesamtbetrag           952,00 €",
];

describe.skipIf(skipped !== "")(`reading error classes of the ZUGFeRD corpus's tuning part${skipped}`, () => {
  it("reads the invoice number after a German compound document title, not the order number of 'Rechnung gemäß Bestellung Nr.'", async () => {
    for (const [title, number] of [
      ["Handelsrechnung Nr. HR-2025-0815 vom 14.05.2025", "HR-2025-0815"],
      ["Mietrechnung Nr. 7700/12/M/05 vom 14.05.2025", "7700/12/M/05"],
      ["Rechnung des Vermieters Nr. 55.210.7-2025 vom 14.05.2025", "55.210.7-2025"],
      ["Gutschrift (Selbst ausgestellte Rechnung) Nr. GS-5521 vom 14.05.2025", "GS-5521"],
    ] as const) {
      const bill = await read(GERMAN_BODY(title));
      expect(bill.fields.invoiceNumber?.value, title).toBe(number);
      expect(bill.fields.invoiceNumber?.confidence ?? 0, title).toBeGreaterThanOrEqual(0.8);
      expect(bill.fields.invoiceDate?.value, title).toBe("2025-05-14");
      expect(bill.fields.purchaseOrderRef?.value ?? null, title).not.toBe(number);
    }
    // With no such title, the order line gives no invoice number.
    const none = await read(GERMAN_BODY("Zahlungsaufstellung Mai 2025"));
    expect(none.fields.invoiceNumber?.value ?? null).not.toBe("2025-88410");
  });

  it("reads a stated zero tax as the tax, not an amount after a 'TVA :' VAT number in the letterhead", async () => {
    const bill = await read([
      "            Les Vergers Dupuis SARL - 12 route des Pins - 26110 Nyons - France",
      "            TVA : FR40123456789 - SIRET : 12345678900011 - SARL au capital de 50 000,00 €",
      "Invoice FV-2025-0042",
      "                                                              Obstgarten Huber GmbH",
      "                                                              Hauptstraße 8",
      "                                                              6020 Innsbruck, Austria",
      "Invoice Date                            03/06/2025",
      "Due Date                                03/07/2025",
      "",
      "Description                          Quantity        Unit Price        Net",
      "Apricot jam 370g                     40              3.10 €          124.00 €",
      "Olive oil 1 L                        10              12.50 €         125.00 €",
      "                                                        Net total       249.00 €",
      "VAT 0% intra-community supply            249.00 €        0.00 €",
      "                                                        Tax Total         0.00 €",
      "                                                            Total       249.00 €",
    ]);
    expect(bill.fields.totalTax?.value).toBe(0);
    expect(bill.fields.untaxed?.value).toBe(249);
    expect(bill.fields.total?.value).toBe(249);
    expect(bill.fields.invoiceNumber?.value).toBe("FV-2025-0042");
  });
});
