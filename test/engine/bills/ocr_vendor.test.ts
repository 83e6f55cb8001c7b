// The vendor's block at the foot of a scanned page, under a line that gives the customer's own VAT number ("Uw BTW
// nummer: NL…"): that line names the customer's number, it heads no address block, so the legal name below it is the
// vendor's. Seen on the scan path, where the vendor's data is printed as an image and only OCR reads it.
import { describe, expect, it } from "vitest";
import { extractBill } from "../../../web_src/engine/bills/extract_bill";
import { pageFromPlainText } from "../../../web_src/engine/bills/layout";

const BILL = [
  "@ Brightkettle",
  "",
  "Factuuradres                                  Afleveradres",
  "Pieters Installatie                           Pieters Installatie",
  "Havenstraat 12                                Havenstraat 12",
  "2011 AB Haarlem                               2011 AB Haarlem",
  "",
  "Factuur              Factuur datum            Vervaldatum",
  "BK20240311           11-3-2024                25-3-2024",
  "",
  "Omschrijving                             Prijs      BTW      Bedrag",
  "Waterkoker WK-200                        60,50      21 %     60,50",
  "Factuur totaal EUR                                           60,50",
  "BTW %      Grondslag      BTW bedrag      Totaal",
  "21 %       50,00          10,50           60,50",
  "",
  "Uw BTW nummer: NL001234567B01",
  "Volgens onze administratie is de factuur vooruitbetaald.",
  "Onze gegevens:",
  "Kettlewerk Benelux B.V. namens brightkettle.example",
  "Molenweg 7, 5611 EK Eindhoven",
  "E-mail: info@brightkettle.example",
  "KvK: 12345678   BTW-nr: NL8012.34.567.B01",
  "IBAN: NL91ABNA0417164300",
];

describe("the vendor's block under the customer's VAT line", () => {
  it("is the vendor's: a line with the customer's VAT number heads no address block", () => {
    const bill = extractBill([pageFromPlainText(BILL.join("\n"))], { source: "ocr", today: "2026-12-01" });
    expect(bill.fields.vendorName?.value).toBe("Kettlewerk Benelux B.V.");
    expect(bill.fields.vendorVat?.value).toBe("NL801234567B01");
  });
});
