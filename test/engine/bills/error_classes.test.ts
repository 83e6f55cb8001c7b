// Classes of reading errors found on the bench's tuning split (issue 13, stop 21), each on a fixture written for it
// (not a copy of a benchmark document): the recipient's block is never the vendor, a return-address line is cut to
// the name, a "without VAT" column is not the tax, a bill printing no tax at all has tax 0, a total "including" tax
// gives the untaxed amount by the rate, a due-date label and a purchase order named inside a sentence.
import { describe, expect, it } from "vitest";
import { extractBill, type ExtractOptions } from "../../../web_src/engine/bills/extract_bill";
import { pageFromPlainText, type Page } from "../../../web_src/engine/bills/layout";

const OPTIONS: ExtractOptions = { source: "text_layer", today: "2026-12-01" };
const page = (text: string, n = 1): Page => pageFromPlainText(text.replace(/^\n/, ""), n);
const value = (bill: ReturnType<typeof extractBill>, k: keyof ReturnType<typeof extractBill>["fields"]) => bill.fields[k]?.value ?? null;

describe("reading error classes", () => {
  it("never takes the name under the billing-address heading for the vendor", () => {
    const bill = extractBill([page(`
           Factuuradres                                          Afleveradres

           Klantbedrijf Corp                                     J. Jansen
           Voorbeeldstraat 4                                     Voorbeeldstraat 4
           3500 AA Utrecht                                       3500 AA Utrecht

 Factuur         Factuur datum         Vervaldatum
 VF100200        8-9-2022              22-9-2022

 Omschrijving                              Prijs     Bedrag
 Onderhoudsset                             49,99      49,99
                                         Factuur totaal EUR        49,99
`)], OPTIONS);
    expect(value(bill, "vendorName")).toBeNull();
    expect(value(bill, "invoiceNumber")).toBe("VF100200");
    expect(value(bill, "total")).toBe(49.99);
  });

  it("cuts a return-address line to the company name", () => {
    const bill = extractBill([page(`
  Beispielhosting AG - Uferweg 40-42 - D-63571 Gelnhausen

  Kunde Ltd.
  1 Main Road

Rechnungsnr.                 4711
Rechnungsdatum               7. Mai 2014
                                                             Total EUR        34,73

Im Internet: www.beispielhosting.de
`)], OPTIONS);
    expect(value(bill, "vendorName")).toBe("Beispielhosting AG");
    // The vendor's address from the same line; the recipient's (1 Main Road) is not it.
    expect(value(bill, "vendorAddress")).toEqual({ street: "Uferweg 40-42", zip: "63571", city: "Gelnhausen", country: "DE" });
  });

  it("does not read a 'without VAT' column header as the tax, and a bill printing no tax has tax 0", () => {
    const bill = extractBill([page(`
Musterdienste GmbH
Rechnungsnr.     30011
Rechnungsdatum   07.05.2014

   Pos.     Menge      Beschreibung                      VK-Preis     Zeilenbetrag
                                                           Ohne       Ohne
                                                           MwSt.      MwSt.
       1        1      Postfach Standard                     3,89         3,89
       2        1      Postfach Plus                         5,39         5,39

                                                       Total EUR          9,28
`)], OPTIONS);
    expect(value(bill, "total")).toBe(9.28);
    expect(value(bill, "untaxed")).toBe(9.28);
    expect(value(bill, "totalTax")).toBe(0);
  });

  it("splits a total that includes the tax by its rate, and reads 'Fälligkeitstag'", () => {
    const bill = extractBill([page(`
Muster Versicherung AG

Beitragsrechnung Nr. 77-123                                      11. März 2014
Fälligkeitstag: 01.04.2014

Haftpflicht                                                           80,00 €
Vollkasko                                                            140,00 €
vierteljährlicher Beitrag inklusive 19 % Versicherungsteuer           220,00 €
in diesem Beitrag enthaltene Versicherungsteuer                       (35,13 €)
Ausstehende Forderung am Ausstellungstag                              220,00 €
zu zahlender Beitrag                                                  440,00 €
`)], OPTIONS);
    expect(value(bill, "dueDate")).toBe("2014-04-01");
    expect(value(bill, "totalTax")).toBe(35.13);
    expect(value(bill, "untaxed")).toBe(184.87);
    expect(value(bill, "total")).toBe(220);
  });

  it("reads a purchase order named inside a sentence", () => {
    const bill = extractBill([page(`
Lieferant GmbH                                  Rechnung gemäß Bestellung Nr. 2013-471331
Rechnungsnummer: 471102
Rechnungsdatum: 05.03.2013
Gesamtbetrag                                    119,00 €
`)], OPTIONS);
    expect(value(bill, "purchaseOrderRef")).toBe("2013-471331");
    expect(value(bill, "invoiceNumber")).toBe("471102");
  });
});
