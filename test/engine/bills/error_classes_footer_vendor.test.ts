// Reading error class (issue 13, stop 24), on documents written here by hand: the vendor named only in the footer (its
// name with a legal form, address, VAT number, IBAN, register number in a line or two at the foot of the page) while
// the customer's block sits at the top (its name, address and its own VAT number and IBAN, under a label such as
// "Klant", "Kunde", "Bill to", "Client", or with no label in the envelope window). The customer read as the vendor at
// a confident grade books the bill on the wrong partner: the footer's company is the vendor, the VAT number and IBAN
// printed with it are the vendor's, and when the page does not decide the vendor stays under 0.95.
import { describe, expect, it } from "vitest";
import { extractBill, type ExtractOptions } from "../../../web_src/engine/bills/extract_bill";
import { pageFromPlainText, type Page } from "../../../web_src/engine/bills/layout";

const OPTIONS: ExtractOptions = { source: "text_layer", today: "2026-12-01" };
type Bill = ReturnType<typeof extractBill>;

/** A page whose body is `top` and whose `footer` lines are printed at the foot (the last rows of the page). */
function page(top: string, footer: string): Page {
  const body = top.replace(/^\n/, "").split("\n");
  const foot = footer.replace(/^\n/, "").replace(/\n$/, "").split("\n");
  const rows = 64;
  return pageFromPlainText([...body, ...Array<string>(Math.max(1, rows - body.length - foot.length)).fill(""), ...foot].join("\n"));
}

/** The vendor is the footer's company (or, where the page does not tell, any reading under 0.95), never the
 * customer's name, VAT number or IBAN. */
function expectFooterVendor(bill: Bill, vendor: RegExp, customer: { name: RegExp; vat: string; iban?: string }, vendorVat: string, vendorIban?: string) {
  const name = bill.fields.vendorName;
  expect(name?.value ?? "").not.toMatch(customer.name);
  expect(name?.value ?? "").toMatch(vendor);
  expect(bill.fields.vendorVat?.value).not.toBe(customer.vat);
  expect(bill.fields.vendorVat?.value).toBe(vendorVat);
  if (customer.iban !== undefined) expect(bill.fields.vendorIban?.value).not.toBe(customer.iban);
  if (vendorIban !== undefined) expect(bill.fields.vendorIban?.value).toBe(vendorIban);
}

const LINES_EUR = `
Omschrijving / Description            Aantal      Prijs       Bedrag
Onderhoud installatie                 1           250,00      250,00

                                      Subtotaal               250,00
                                      BTW 21%                  52,50
                                      Totaal                  302,50
`;

describe("reading error class: the vendor only in the footer, the customer's block on top", () => {
  it("Dutch: a 'Klant' block with the customer's BTW number and IBAN, the vendor in the footer with KvK/BTW/IBAN", () => {
    const bill = extractBill([page(`
Klant:
Jansen Bouwmaterialen B.V.
Havenstraat 8
3011 AB Rotterdam
Klantnummer: 10023
Uw BTW-nr: NL853746333B01
IBAN: NL20INGB0001234567

FACTUUR
Factuurnummer      2025-0417
Factuurdatum       03-06-2025
${LINES_EUR}`, `
Van der Berg Installatietechniek B.V. - Industrieweg 12 - 3542 AD Utrecht
KvK 30123456 - BTW NL004495445B01 - IBAN NL91ABNA0417164300
`)], OPTIONS);
    expectFooterVendor(bill, /Van der Berg Installatietechniek/, { name: /Jansen/, vat: "NL853746333B01", iban: "NL20INGB0001234567" }, "NL004495445B01", "NL91ABNA0417164300");
  });

  it("Dutch: no heading, but the block carries the customer's 'Klantnummer', BTW number and IBAN", () => {
    const bill = extractBill([page(`
De Wit Horeca B.V.
Marktplein 1
5611 EM Eindhoven
Klantnummer: 88120
BTW NL853746333B01
IBAN NL20INGB0001234567

Factuurnummer      F-2025-1120
Factuurdatum       10-06-2025
${LINES_EUR}`, `
Koelservice Brabant B.V. - Ambachtsweg 7 - 5231 AB 's-Hertogenbosch - BTW NL004495445B01 - IBAN NL91ABNA0417164300
`)], OPTIONS);
    expectFooterVendor(bill, /Koelservice Brabant/, { name: /De Wit/, vat: "NL853746333B01", iban: "NL20INGB0001234567" }, "NL004495445B01", "NL91ABNA0417164300");
  });

  it("German: the customer in the envelope window without a label, with its USt-IdNr. and IBAN, the vendor in the footer", () => {
    const bill = extractBill([page(`
Müller Maschinenbau GmbH
Gewerbepark 3
63571 Gelnhausen
USt-IdNr. DE811569869
IBAN DE89370400440532013000

                                          Rechnung
                                          Rechnungsnummer    RE-77120
                                          Rechnungsdatum     12.05.2025
Bezeichnung                    Menge    Einzelpreis     Betrag
Druck Broschüren               500      0,80            400,00
                                        Nettobetrag            400,00
                                        MwSt 19%                76,00
                                        Gesamtbetrag           476,00
`, `
Schneider Druck GmbH | Hauptstraße 5 | 80331 München | Amtsgericht München HRB 123456
USt-IdNr.: DE136695976 | IBAN DE02120300000000202051 | Geschäftsführer: Anna Schneider
`)], OPTIONS);
    expectFooterVendor(bill, /Schneider Druck/, { name: /Müller/, vat: "DE811569869", iban: "DE89370400440532013000" }, "DE136695976", "DE02120300000000202051");
  });

  it("German: a 'Kunde' / 'Kundennummer' block, the vendor's footer split over three columns", () => {
    const bill = extractBill([page(`
Kunde
Hoffmann Logistik AG
Am Hafen 21
28195 Bremen
Kundennummer 40017
Ihre USt-IdNr. DE129273398

Rechnung Nr.     2025-3310
Rechnungsdatum   02.04.2025
                                        Nettobetrag            400,00
                                        MwSt 19%                76,00
                                        Gesamtbetrag           476,00
`, `
Krause Metallbau GmbH           Sparkasse Hannover             Amtsgericht Hannover HRB 55012
Lindenallee 4, 30159 Hannover   IBAN DE75512108001245126199    USt-IdNr. DE136695976
`)], OPTIONS);
    expectFooterVendor(bill, /Krause Metallbau/, { name: /Hoffmann/, vat: "DE129273398" }, "DE136695976", "DE75512108001245126199");
  });

  it("English: a 'Bill to' block with the customer's VAT Reg No, the vendor in the footer with Company No and VAT Reg No", () => {
    const bill = extractBill([page(`
Bill to:
Harbour Logistics Ltd
22 Quay Street
Bristol BS1 4DJ
VAT Reg No GB 980 7806 84

INVOICE
Invoice No.      NW-5521
Invoice Date     14/04/2025
Description                     Qty     Unit Price     Amount
Office supplies                 1       180.00         180.00
                                Subtotal            £180.00
                                VAT 20%              £36.00
                                Total               £216.00
`, `
Northwind Supplies Ltd, 12 Mill Lane, Leeds LS1 4AB. Registered in England No. 01234567.
VAT Reg No GB 434 0312 57. IBAN GB29NWBK60161331926819
`)], OPTIONS);
    expectFooterVendor(bill, /Northwind Supplies/, { name: /Harbour/, vat: "GB980780684" }, "GB434031257", "GB29NWBK60161331926819");
  });

  it("English: no label at all on the customer's block (VAT number and IBAN under it), the vendor in the footer", () => {
    const bill = extractBill([page(`
Cobalt Events Ltd
5 Castle Road
Dublin D02 XY45
VAT IE6388047V
IBAN GB33BUKB20201555555555

INVOICE
Invoice No.      2025-118
Invoice Date     05/05/2025
Total            £216.00
`, `
Thornbury Catering Limited - 8 Bridge Street, York YO1 6DD - Company No 07654321 - VAT Reg No GB 123 4567 89 - IBAN GB29NWBK60161331926819
`)], OPTIONS);
    expectFooterVendor(bill, /Thornbury Catering/, { name: /Cobalt/, vat: "IE6388047V", iban: "GB33BUKB20201555555555" }, "GB123456789", "GB29NWBK60161331926819");
  });

  it("French: a 'Client' block with the client's TVA number, the vendor in the footer with SIRET, TVA and IBAN", () => {
    const bill = extractBill([page(`
Client :
Boulangerie Lefèvre SARL
14 avenue Jean Jaurès
69007 Lyon
N° TVA client : FR40303265045

FACTURE
Facture n°        2025-0310
Date de facture   10/03/2025
                               Total HT               90,00 €
                               TVA 20%                18,00 €
                               Total TTC              108,00 €
`, `
Menuiserie Dubois SAS - 3 rue des Artisans - 42000 Saint-Étienne - SIRET 404 833 048 00022 - RCS Saint-Étienne
TVA intracommunautaire FR83404833048 - IBAN FR1420041010050500013M02606
`)], OPTIONS);
    expectFooterVendor(bill, /Menuiserie Dubois/, { name: /Lefèvre/, vat: "FR40303265045" }, "FR83404833048", "FR1420041010050500013M02606");
  });

  it("Odoo's own company on top (the request's 'company'): the footer's company is the vendor", () => {
    const bill = extractBill([page(`
Jansen Bouwmaterialen B.V.
Havenstraat 8
3011 AB Rotterdam
BTW NL853746333B01

Factuurnummer      2025-0418
Factuurdatum       04-06-2025
${LINES_EUR}`, `
Van der Berg Installatietechniek B.V. | Industrieweg 12 | 3542 AD Utrecht | KvK 30123456 | BTW NL004495445B01 | IBAN NL91ABNA0417164300
`)], { ...OPTIONS, company: { name: "Jansen Bouwmaterialen B.V.", vat: "NL853746333B01" } });
    expectFooterVendor(bill, /Van der Berg Installatietechniek/, { name: /Jansen/, vat: "NL853746333B01" }, "NL004495445B01", "NL91ABNA0417164300");
  });

  it("keeps the letterhead's vendor when the footer names its bank and its general partner (a guard, not a regression)", () => {
    const bill = extractBill([page(`
Weber Elektro GmbH & Co. KG
Industriestraße 9, 70565 Stuttgart
www.weber-elektro.de

Rechnung Nr.     RE-2025-0099
Rechnungsdatum   05.06.2025
                                        Nettobetrag            240,00
                                        MwSt 19%                45,60
                                        Gesamtbetrag           285,60
`, `
Deutsche Bank AG - IBAN DE89370400440532013000 - USt-IdNr. DE136695976
Persönlich haftende Gesellschafterin: Weber Elektro Verwaltungs GmbH, Amtsgericht Stuttgart HRB 7712
`)], OPTIONS);
    expect(bill.fields.vendorName?.value).toBe("Weber Elektro GmbH & Co. KG");
    expect(bill.fields.vendorVat?.value).toBe("DE136695976");
  });

  it("two bare company blocks with a VAT number each and nothing to tell them apart: the vendor under 0.95", () => {
    const bill = extractBill([page(`
Jansen Bouwmaterialen B.V.
Havenstraat 8
3011 AB Rotterdam
BTW NL853746333B01

Factuurnummer      2025-0419
Factuurdatum       05-06-2025
${LINES_EUR}`, `
Van der Berg Installatietechniek B.V.
Industrieweg 12, 3542 AD Utrecht, BTW NL004495445B01
`)], OPTIONS);
    expect(bill.fields.vendorName?.confidence ?? 0).toBeLessThan(0.95);
    expect(bill.fields.vendorVat?.confidence ?? 0).toBeLessThan(0.95);
  });
});
