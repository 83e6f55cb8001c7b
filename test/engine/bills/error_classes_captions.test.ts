// Reading error classes (issue 13, stop 32), on bills written here by hand: totals captions and a vendor heading the
// labels did not know — the gross amount as "Gesamt brutto", "Betrag brutto", "Gross amount", the net as "Betrag
// netto", the vendor's block under "Rechnungssteller:" after the customer's, a trader named over its owner's line, and a
// "Rechnung Nr./Datum" caption printing the number and the date after one slash.
import { describe, expect, it } from "vitest";
import { extractBill } from "../../../web_src/engine/bills/extract_bill";
import { GERMAN_HEAD, OPTIONS, header, page } from "./text_bill_fixture";

function totalsOf(untaxed: string, tax: string, total: string) {
  const bill = extractBill([page(`
${GERMAN_HEAD}1    Wartung Förderanlage       1         1.000,00        1.000,00
                                 ${untaxed.padEnd(28)}   1.000,00 €
                                 ${tax.padEnd(28)}     190,00 €
                                 ${total.padEnd(28)}   1.190,00 €
`)], OPTIONS);
  const { untaxed: u, totalTax: t, total: g } = header(bill);
  return { u, t, g };
}

describe("reading error classes: totals captions", () => {
  it.each([
    ["Gesamt netto", "USt 19 %", "Gesamt brutto"],
    ["Betrag netto", "MWST 19,00 %", "Betrag brutto"],
    ["Net amount", "VAT 19%", "Gross amount"],
    ["Summe netto", "MwSt. 19 %", "Rechnungsendbetrag"],
    ["Sous-total", "TVA (19%)", "Montant total"],
    ["Total HT", "TVA 19 %", "Total général"],
    // Captions known before: a guard.
    ["Nettobetrag", "Umsatzsteuerbetrag", "Gesamtbetrag"],
    ["Total HT", "TVA 19 %", "Net à payer"],
  ])("%s / %s / %s", (untaxed, tax, total) => {
    expect(totalsOf(untaxed, tax, total)).toEqual({ u: 1000, t: 190, g: 1190 });
  });
});

describe("reading error classes: the vendor's heading", () => {
  it.each(["Rechnungssteller:", "Rechnungsaussteller", "Leistungserbringer:", "Issued by:", "Invoice from"])("%s after the customer's block", (heading) => {
    const bill = extractBill([page(`
Rechnungsempfänger:
Kunden AG Mitte
Kundenstraße 15
69876 Frankfurt
${heading}
Lieferant GmbH
Lieferantenstraße 20
80333 München
Rechnung Nr. 471102 vom 05.03.2018
Trennblätter A4              20,0000    9,90        198,00
                                  Gesamt netto          198,00
                                  USt 19 %               37,62
                                  Gesamt brutto         235,62
`)], OPTIONS);
    expect(header(bill)).toMatchObject({ vendorName: "Lieferant GmbH", invoiceNumber: "471102", invoiceDate: "2018-03-05", untaxed: 198, totalTax: 37.62, total: 235.62 });
  });
});

describe("reading error classes: a sole trader's name over its owner's line", () => {
  const BODY = `
                                          Rechnungsnummer    RE-2026-118
                                          Rechnungsdatum     05.03.2026
Pos  Bezeichnung                Menge     Einzelpreis     Betrag
1    Wartung Förderanlage       1         1.000,00        1.000,00
                                 Nettobetrag                   1.000,00 €
                                 MwSt 19 %                       190,00 €
                                 Gesamtbetrag                  1.190,00 €`;
  const CUSTOMER = "Schmidt Logistik AG\nHafenstraße 9\n20457 Hamburg";

  it.each([
    ["Metallbau Hofmann\nInh. Jan Hofmann\nGewerbepark 3 · 33602 Bielefeld", "Metallbau Hofmann"],
    ["Metallbau Hofmann\nInhaber: Jan Hofmann\nGewerbepark 3 · 33602 Bielefeld", "Metallbau Hofmann"],
    ["Metallbau Hofmann · Inh. Jan Hofmann · Gewerbepark 3 · 33602 Bielefeld", "Metallbau Hofmann"],
    ["Blue Door Bakery\nProprietor: Ann Lee\n4 Mill Lane, Bath BA1 1AA", "Blue Door Bakery"],
  ])("the trade name over 'Inh.' / 'Proprietor' before a customer with a legal form", (letterhead, vendor) => {
    const bill = extractBill([page(`${letterhead}\n${CUSTOMER}\n${BODY}`)], OPTIONS);
    expect(header(bill).vendorName).toBe(vendor);
  });

  it("never takes the customer's name over its own contact line ('z. Hd. Frau Schmidt' is no owner)", () => {
    const bill = extractBill([page(`Hofmann Metallbau GmbH\nGewerbepark 3 · 33602 Bielefeld\nSchmidt Logistik\nz. Hd. Frau Anna Schmidt\nHafenstraße 9\n20457 Hamburg\n${BODY}`)], OPTIONS);
    expect(header(bill).vendorName).toBe("Hofmann Metallbau GmbH");
  });
});

describe("reading error classes: one caption for the number and the date", () => {
  it.each([
    ["Rechnung Nr./Datum: 471102 / 05.03.2026"],
    ["Rechnungsnr. / -datum   471102 / 05.03.2026"],
    ["Invoice no./date: INV-4711 / 05.03.2026"],
  ])("%s: the number stops at the slash, the date after it is the invoice's", (caption) => {
    const bill = extractBill([page(`
Hofmann Metallbau GmbH
Gewerbepark 3 · 33602 Bielefeld
${caption}
Wartung Förderanlage       1         1.000,00        1.000,00
                                 Nettobetrag                   1.000,00 €
                                 MwSt 19 %                       190,00 €
                                 Gesamtbetrag                  1.190,00 €
`)], OPTIONS);
    expect(header(bill)).toMatchObject({ invoiceNumber: caption.includes("INV") ? "INV-4711" : "471102", invoiceDate: "2026-03-05" });
  });

  it("keeps a number printed in two parts around a slash whole ('2025 / 0017')", () => {
    const bill = extractBill([page("Hofmann Metallbau GmbH\nRechnung Nr.: 2025 / 0017\nDatum: 05.03.2026\nGesamtbetrag   1.190,00 €")], OPTIONS);
    expect(header(bill).invoiceNumber).toBe("2025 / 0017");
  });
});

describe("reading error classes: French parties' blocks", () => {
  const BODY = `
FACTURE N° F20260023
Date de facture : 02/12/2026
Prestation de conseil          1      1 000,00  1 000,00
                              Total HT             1 000,00 €
                              TVA 20 %               200,00 €
                              Total TTC            1 200,00 €`;

  it("reads the vendor after its heading in one cell ('Vendeur : LE FOURNISSEUR'), beside the buyer's", () => {
    const bill = extractBill([page(`
Vendeur : Atelier Marchand                    Acheteur : Maison Dubois
1 rue de la Gare                              3 rue du Port
75001 PARIS                                   69001 LYON
N° TVA : FR32123456782                        N° TVA : FR12987654321
${BODY}`)], OPTIONS);
    expect(header(bill)).toMatchObject({ vendorName: "Atelier Marchand", invoiceNumber: "F20260023", total: 1200 });
  });

  it("never names the vendor by a registration line ('SIRET : 12345678200010'): no name beats a wrong one", () => {
    const bill = extractBill([page(`
Le Client Dubois                              Atelier Marchand
3 rue du Client                               1 rue de la Gare
69001 LYON                                    75001 PARIS
                                              SIRET : 12345678200010
${BODY}`)], OPTIONS);
    expect(header(bill).vendorName ?? "").not.toMatch(/SIRET|\d{5}/);
  });
});

describe("reading error classes: a name that only the VAT number's block gives", () => {
  it("names the vendor by the first line of the block printing the vendor's VAT number, below the review grade", () => {
    const bill = extractBill([page(`
Maison Dubois                                 Atelier Marchand
3 rue du Port                                 1 rue de la Gare
69001 LYON                                    75001 PARIS
                                              N° TVA : FR11123456782
FACTURE N° F20260023
Date de facture : 02/12/2026
Prestation de conseil          1      1 000,00  1 000,00
                              Total HT             1 000,00 €
                              TVA 20 %               200,00 €
                              Total TTC            1 200,00 €`)], OPTIONS);
    expect(header(bill).vendorName).toBe("Atelier Marchand");
    expect(bill.fields.vendorName?.confidence).toBeLessThan(0.8);
  });
});
