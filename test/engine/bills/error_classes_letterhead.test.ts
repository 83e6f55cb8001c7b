// Reading error class (issue 13, stop 25), on documents written here by hand with their words placed as a PDF places
// them (font sizes, columns): the vendor in a letterhead with no "From:" heading — its name in large letters at the
// top right, or a logo word alone, its full name only in the footer's columns — beside the customer's address block
// on the left (under the window envelope's return-address line, or none). Without the receiving company's name in
// the request, the letterhead's size, the sender's contact lines and the footer decide; two blocks competing stay
// under 0.95. With it (Odoo always sends it), the customer's block is known.
import { describe, expect, it } from "vitest";
import { readWordPage, type Run } from "./word_page_fixture";

const read = (runs: readonly Run[], company?: string) => readWordPage(runs, company).vendorName;

/** A German bill's body from `y` down: title, number, date, one line, totals. */
const RECHNUNG = (y: number): Run[] => [
  [60, y, 14, "Rechnung"],
  [60, y + 25, 9, "Rechnungsnummer"], [200, y + 25, 9, "2025-0118"],
  [60, y + 37, 9, "Rechnungsdatum"], [200, y + 37, 9, "03.03.2025"],
  [60, y + 70, 9, "Pos"], [90, y + 70, 9, "Bezeichnung"], [330, y + 70, 9, "Menge"], [400, y + 70, 9, "Einzelpreis"], [490, y + 70, 9, "Gesamt"],
  [60, y + 84, 9, "1"], [90, y + 84, 9, "Wartung Heizungsanlage"], [330, y + 84, 9, "1"], [400, y + 84, 9, "200,00"], [490, y + 84, 9, "200,00"],
  [380, y + 110, 9, "Nettobetrag"], [490, y + 110, 9, "200,00"],
  [380, y + 122, 9, "MwSt. 19 %"], [490, y + 122, 9, "38,00"],
  [380, y + 134, 9, "Gesamtbetrag"], [490, y + 134, 9, "238,00 EUR"],
];
const CUSTOMER: Run[] = [[60, 135, 10, "Bäckerei Schmidt KG"], [60, 147, 10, "Lindenweg 5"], [60, 159, 10, "20095 Hamburg"]];

describe("reading error class: the vendor in a letterhead, the customer's block beside it", () => {
  it("takes the name printed large at the top right over the customer's block printed above it", () => {
    const runs: Run[] = [
      [60, 50, 10, "Bäckerei Schmidt KG"], [60, 62, 10, "Lindenweg 5"], [60, 74, 10, "20095 Hamburg"],
      [340, 90, 16, "Muster Haustechnik GmbH"], [340, 110, 8, "Hauptstr. 1"], [340, 120, 8, "10115 Berlin"],
      ...RECHNUNG(220),
    ];
    const alone = read(runs);
    expect(alone?.value).toBe("Muster Haustechnik GmbH");
    expect(alone?.confidence ?? 0).toBeLessThan(0.95);
    expect(read(runs, "Bäckerei Schmidt KG")?.value).toBe("Muster Haustechnik GmbH");
  });

  it("takes the block with the sender's telephone and e-mail beside the address block on the same lines", () => {
    const runs: Run[] = [
      [60, 135, 10, "Bäckerei Schmidt KG"], [340, 135, 8, "Muster Haustechnik GmbH"],
      [60, 147, 10, "Lindenweg 5"], [340, 147, 8, "Hauptstr. 1, 10115 Berlin"],
      [60, 159, 10, "20095 Hamburg"], [340, 159, 8, "Tel. 030 1234567"],
      [340, 171, 8, "E-Mail: buero@muster-ht.de"],
      ...RECHNUNG(220),
    ];
    const alone = read(runs);
    expect(alone?.value).toBe("Muster Haustechnik GmbH");
    expect(alone?.confidence ?? 0).toBeLessThan(0.95);
  });

  it("never takes the customer's block for the vendor under a logo word printed in large letters (French, German)", () => {
    const de = read([[60, 40, 26, "NORDLICHT"], [60, 70, 8, "Druck & Medien"], ...CUSTOMER, ...RECHNUNG(220)]);
    expect(de?.value ?? "").not.toMatch(/Schmidt/);
    expect(de?.confidence ?? 0).toBeLessThan(0.95);
    const fr = read([
      [330, 40, 24, "ATELIER BLEU"],
      [60, 135, 10, "Hôtel Les Tilleuls SARL"], [60, 147, 10, "8 place Bellecour"], [60, 159, 10, "69002 Lyon"],
      [60, 220, 14, "FACTURE"], [60, 245, 9, "Facture n°"], [200, 245, 9, "F-2025-031"], [60, 257, 9, "Date"], [200, 257, 9, "03/03/2025"],
      [380, 330, 9, "Total HT"], [490, 330, 9, "200,00"], [380, 342, 9, "TVA 20 %"], [490, 342, 9, "40,00"], [380, 354, 9, "Total TTC"], [490, 354, 9, "240,00 €"],
    ]);
    expect(fr?.value ?? "").not.toMatch(/Tilleuls/);
    expect(fr?.confidence ?? 0).toBeLessThan(0.95);
  });

  it("names the vendor by the footer's legal name that its logo word starts (German, Dutch)", () => {
    const de = read([
      [380, 40, 24, "Nordlicht"], [380, 66, 8, "Druck & Medien"],
      ...CUSTOMER,
      ...RECHNUNG(220),
      [60, 780, 7, "Nordlicht Druck GmbH"], [220, 780, 7, "Sitz: Hamburg"], [400, 780, 7, "Hamburger Sparkasse"],
      [60, 789, 7, "Am Kai 3"], [220, 789, 7, "Tel. 040 123456"], [400, 789, 7, "IBAN DE89370400440532013000"],
      [60, 798, 7, "20457 Hamburg"], [220, 798, 7, "www.nordlicht-medien.de"], [400, 798, 7, "BIC COBADEFFXXX"],
    ]);
    expect(de?.value).toBe("Nordlicht Druck GmbH");
    expect(de?.confidence ?? 0).toBeLessThan(0.95);
    const nl = read([
      [380, 40, 24, "Zeewind"],
      [60, 135, 10, "Jansen Horeca B.V."], [60, 147, 10, "Marktplein 1"], [60, 159, 10, "5611 EM Eindhoven"],
      [60, 220, 14, "FACTUUR"], [60, 245, 9, "Factuurnummer"], [200, 245, 9, "2025-101"], [60, 257, 9, "Factuurdatum"], [200, 257, 9, "03-03-2025"],
      [380, 330, 9, "Subtotaal"], [490, 330, 9, "200,00"], [380, 342, 9, "BTW 21%"], [490, 342, 9, "42,00"], [380, 354, 9, "Totaal"], [490, 354, 9, "242,00"],
      [60, 790, 7, "Zeewind Installaties B.V."], [250, 790, 7, "Tel. 020 1234567"], [420, 790, 7, "info@zeewind.nl"],
      [60, 799, 7, "Havenweg 2, 1013 AB Amsterdam"], [250, 799, 7, "Rabobank"], [420, 799, 7, "IBAN NL91ABNA0417164300"],
    ]);
    expect(nl?.value).toBe("Zeewind Installaties B.V.");
  });

  it("keeps a name whose legal form comes first ('SAS Martin Distribution', 'SARL Menuiserie Laurent') whole", () => {
    const fr = read([
      [330, 40, 13, "SARL Menuiserie Laurent"], [330, 58, 8, "12 rue des Lilas"], [330, 68, 8, "69003 Lyon"], [330, 78, 8, "Tél. 04 78 12 34 56"],
      [60, 135, 10, "SAS Martin Distribution"], [60, 147, 10, "4 avenue Foch"], [60, 159, 10, "75008 Paris"],
      [60, 220, 14, "FACTURE"], [60, 245, 9, "Facture n°"], [200, 245, 9, "F-2025-031"], [60, 257, 9, "Date"], [200, 257, 9, "03/03/2025"],
      [380, 330, 9, "Total HT"], [490, 330, 9, "200,00"], [380, 342, 9, "TVA 20 %"], [490, 342, 9, "40,00"], [380, 354, 9, "Total TTC"], [490, 354, 9, "240,00 €"],
    ], "SAS Martin Distribution");
    expect(fr?.value).toBe("SARL Menuiserie Laurent");
  });

  it("knows the seller's and the buyer's headings of more languages, the buyer's block on the left", () => {
    const pairs: Array<[string, string]> = [
      ["Cedente / Prestatore", "Cessionario / Committente"], ["Venditore", "Acquirente"], ["Säljare", "Köpare"], ["Myyjä", "Ostaja"],
      ["Sælger", "Køber"], ["Dodavatel", "Odběratel"], ["Vendedor", "Comprador"], ["De :", "Pour :"], ["Od:", "Do:"],
      ["Lähettäjä", "Vastaanottaja"],
    ];
    for (const [seller, buyer] of pairs) {
      const vendor = read([
        [60, 120, 9, buyer], [60, 132, 10, "Bäckerei Schmidt KG"], [60, 144, 10, "Lindenweg 5"], [60, 156, 10, "20095 Hamburg"],
        [330, 120, 9, seller], [330, 132, 10, "Muster Haustechnik GmbH"], [330, 144, 10, "Hauptstr. 1"], [330, 156, 10, "10115 Berlin"],
        ...RECHNUNG(220),
      ]);
      expect([seller, vendor?.value]).toEqual([seller, "Muster Haustechnik GmbH"]);
    }
  });

  it("keeps the legal seller with its VAT number over a logo word that spells the web domain", () => {
    const vendor = read([
      [360, 40, 24, "Orbita"],
      [60, 135, 10, "Jansen Horeca B.V."], [60, 147, 10, "Marktplein 1"], [60, 159, 10, "5611 EM Eindhoven"],
      [60, 200, 9, "Velden Retail B.V. i.o.v. Orbita.com"], [60, 210, 9, "BTW NL004495445B01"],
      [60, 240, 14, "FACTUUR"], [60, 265, 9, "Factuurnummer"], [200, 265, 9, "2025-101"], [60, 277, 9, "Factuurdatum"], [200, 277, 9, "03-03-2025"],
      [380, 330, 9, "Subtotaal"], [490, 330, 9, "200,00"], [380, 342, 9, "BTW 21%"], [490, 342, 9, "42,00"], [380, 354, 9, "Totaal"], [490, 354, 9, "242,00"],
      [60, 790, 7, "Vragen? klantenservice@orbita.com · www.orbita.com"],
    ], "Jansen Horeca B.V.");
    expect(vendor?.value).toBe("Velden Retail B.V.");
  });

  describe("the customer's block printing its own VAT number (English)", () => {
    const full = readWordPage;
    const INVOICE: Run[] = [
      [60, 300, 14, "INVOICE"], [60, 325, 9, "Invoice No."], [200, 325, 9, "INV-2025-0118"], [60, 337, 9, "Invoice Date"], [200, 337, 9, "03/03/2025"],
      [380, 380, 9, "Subtotal"], [490, 380, 9, "200.00"], [380, 392, 9, "VAT 20%"], [490, 392, 9, "40.00"], [380, 404, 9, "Total"], [490, 404, 9, "240.00"],
    ];
    const BUYER: Run[] = [[60, 130, 10, "Meridian Dental Care Ltd"], [60, 142, 10, "22 High Street"], [60, 154, 10, "Bath BA1 1AA"], [60, 166, 10, "VAT No. GB123456789"]];

    it("takes the footer's company printing the bank details, never the customer at 0.95", () => {
      const fields = full([
        ...BUYER, ...INVOICE,
        [60, 780, 7, "Harbour Joinery Ltd"], [250, 780, 7, "Barclays Bank"], [60, 789, 7, "7 Quay Street"], [250, 789, 7, "Sort code 20-00-00"],
        [60, 798, 7, "Bristol BS1 4DJ"], [250, 798, 7, "Account 12345678"],
      ]);
      expect(fields.vendorName?.value).toBe("Harbour Joinery Ltd");
      expect(fields.vendorName?.confidence ?? 0).toBeLessThan(0.95);
    });

    it("takes the block with a company number or an IBAN over an unmarked block", () => {
      for (const detail of ["Company No. 01234567", "IBAN GB33BUKB20201555555555"]) {
        const fields = full([
          [60, 130, 10, "Meridian Dental Care Ltd"], [60, 142, 10, "22 High Street"], [60, 154, 10, "Bath BA1 1AA"],
          [340, 130, 10, "Harbour Joinery Ltd"], [340, 142, 10, "7 Quay Street"], [340, 154, 10, "Bristol BS1 4DJ"], [340, 166, 10, detail],
          ...INVOICE,
        ]);
        expect([detail, fields.vendorName?.value]).toEqual([detail, "Harbour Joinery Ltd"]);
        expect(fields.vendorName?.confidence ?? 0).toBeLessThan(0.95);
      }
    });

    it("with the receiving company's name sent, never takes the VAT number printed in its block for the vendor's", () => {
      const fields = full([
        ...BUYER,
        [340, 130, 10, "Harbour Joinery Ltd"], [340, 142, 10, "7 Quay Street"], [340, 154, 10, "Bristol BS1 4DJ"],
        ...INVOICE,
      ], "Meridian Dental Care Limited");
      expect(fields.vendorName?.value).toBe("Harbour Joinery Ltd");
      expect(fields.vendorVat?.value ?? null).not.toBe("GB123456789");
    });
  });
});
