// Reading error classes (issue 13, stop 26), on documents written here by hand with their words placed as a PDF
// places them: the vendor's NAME taken from the block that carries the vendor's identifiers (its VAT number, tax
// number, IBAN, contact lines) rather than from a word elsewhere, and read whole:
// (a) a labelled name in the seller's block ("Name:", "Firma:", "Company name:", "Raison sociale :", "Naam:");
// (b) a contact person whose surname is the e-mail's domain ("Ansprechpartner: Max Kramer", max@kramer.de) is no
//     brand of the seller;
// (c) legal forms ending in "& Co." and a legal form printed on the line under the name;
// (d) words after the legal form in the name's own cell ("Stahlhandel AG Duisburg"): the name as printed, below the
//     auto grade (the legal entity may end at the form);
// (e) two blocks with nothing naming the customer: the one printing the vendor's identifiers wins, below 0.95.
import { describe, expect, it } from "vitest";
import { readWordPage, type Run } from "./word_page_fixture";

const read = readWordPage;

/** A bill's body from `y` down in one of three languages: title, number, date, one line, totals. */
function body(lang: "de" | "en" | "fr" | "nl", y: number): Run[] {
  const t = {
    de: ["Rechnung", "Rechnungsnummer", "Rechnungsdatum", "Bezeichnung", "Nettobetrag", "MwSt. 19 %", "Gesamtbetrag", "38,00", "238,00 EUR", "03.03.2025"],
    en: ["Invoice", "Invoice No.", "Invoice Date", "Description", "Subtotal", "VAT 19%", "Total", "38.00", "238.00 EUR", "03/03/2025"],
    fr: ["Facture", "Facture n°", "Date", "Désignation", "Total HT", "TVA 19 %", "Total TTC", "38,00", "238,00 €", "03/03/2025"],
    nl: ["Factuur", "Factuurnummer", "Factuurdatum", "Omschrijving", "Subtotaal", "BTW 19%", "Totaal", "38,00", "238,00 EUR", "03-03-2025"],
  }[lang];
  const amount = lang === "en" ? "200.00" : "200,00";
  return [
    [60, y, 14, t[0] as string],
    [60, y + 25, 9, t[1] as string], [200, y + 25, 9, "2025-0118"],
    [60, y + 37, 9, t[2] as string], [200, y + 37, 9, t[9] as string],
    [60, y + 70, 9, t[3] as string], [490, y + 70, 9, lang === "de" ? "Gesamt" : "Amount"],
    [60, y + 84, 9, "Service"], [490, y + 84, 9, amount],
    [380, y + 110, 9, t[4] as string], [490, y + 110, 9, amount],
    [380, y + 122, 9, t[5] as string], [490, y + 122, 9, t[7] as string],
    [380, y + 134, 9, t[6] as string], [490, y + 134, 9, t[8] as string],
  ];
}

/** A block of label / value rows under a heading: the form of an e-invoice's visualisation. */
function labelled(y: number, heading: string, rows: ReadonlyArray<[string, string]>): Run[] {
  return [[60, y, 10, heading], ...rows.flatMap(([label, value], k): Run[] => [[60, y + 12 * (k + 1), 9, label], [300, y + 12 * (k + 1), 9, value]])];
}

describe("reading error class (a): a labelled name in the seller's block", () => {
  it("takes the value after 'Name:' / 'Firma:' / 'Company name:' / 'Raison sociale :' / 'Naam:' under the seller's heading", () => {
    const cases: Array<[string, string, string, string, "de" | "en" | "fr" | "nl", string, string]> = [
      ["Verkäufer", "Name:", "Physiopraxis Sonnenschein", "Käufer", "de", "USt-IdNr.:", "DE136695976"],
      ["Lieferant", "Firma:", "Malerbetrieb Krause", "Rechnungsempfänger", "de", "Steuernummer:", "201/113/40209"],
      ["Supplier", "Company name:", "Brightwater Plumbing", "Bill to", "en", "VAT No.:", "GB123456789"],
      ["Vendeur", "Raison sociale :", "Boulangerie Petit", "Client", "fr", "N° TVA :", "FR40303265045"],
      ["Leverancier", "Naam:", "Schildersbedrijf Visser", "Klant", "nl", "BTW-nr:", "NL123456789B01"],
    ];
    for (const [seller, label, name, buyer, lang, vatLabel, vat] of cases) {
      const fields = read([
        ...labelled(100, seller, [[label, name], ["Anschrift:", "Musterstraße 12"], ["", "12345 Beispielstadt"], ["Telefon:", "0151 1234567"], [vatLabel, vat]]),
        ...labelled(200, buyer, [[label, "Liselotte Müller"], ["Anschrift:", "Rechnungsstraße 12"], ["", "12345 Beispielstadt"]]),
        ...body(lang, 300),
      ]);
      expect([seller, fields.vendorName?.value]).toEqual([seller, name]);
    }
  });
});

describe("reading error class (b): the contact person's name is no brand", () => {
  it("keeps the seller's legal name when its contact person's surname is the e-mail's domain (German, English)", () => {
    const de = read([
      ...labelled(100, "Verkäufer", [["Name:", "Lieferant GmbH"], ["Ansprechpartner:", "Max Kramer"], ["Anschrift:", "Lieferantenstraße 20"], ["", "80333 München"], ["E-Mail:", "Max@Kramer.de"], ["USt-IdNr.:", "DE123456789"]]),
      ...labelled(200, "Käufer", [["Name:", "Kunden AG"], ["Anschrift:", "Kundenstraße 15"], ["", "69876 Frankfurt"]]),
      ...body("de", 300),
    ]);
    expect(de.vendorName?.value).toBe("Lieferant GmbH");
    const en = read([
      [340, 60, 10, "Northgate Supplies Ltd"], [340, 72, 8, "4 Mill Lane, Leeds LS1 4AB"], [340, 82, 8, "Contact: Anna Holt"], [340, 92, 8, "anna@holt.co.uk"],
      [60, 130, 9, "Bill to"], [60, 142, 10, "Meridian Dental Care Ltd"], [60, 154, 10, "22 High Street"], [60, 166, 10, "Bath BA1 1AA"],
      ...body("en", 260),
    ]);
    expect(en.vendorName?.value).toBe("Northgate Supplies Ltd");
  });
});

describe("reading error class (c): legal forms ending in '& Co.' and a legal form under the name", () => {
  it("reads 'GmbH & Co.' and 'GmbH & Co. OHG' whole", () => {
    for (const name of ["Grundbesitz GmbH & Co.", "Hansen Logistik GmbH & Co. OHG", "Weber Bau GmbH & Co. KG"]) {
      const fields = read([
        ...labelled(100, "Verkäufer:", [["", name], ["", "Musterstraße 42"], ["", "75645 Frankfurt"], ["USt-IdNr.:", "DE136695976"]]),
        ...labelled(200, "Käufer/Leistungsempfänger:", [["", "Beispielmieter GmbH"], ["", "Verwaltung Straße 40"], ["", "12345 Musterstadt"]]),
        ...body("de", 300),
      ]);
      expect(fields.vendorName?.value).toBe(name);
    }
  });

  it("joins a legal form printed alone on the line under the name (German, Dutch, French)", () => {
    const cases: Array<[string, string, "de" | "nl" | "fr", string]> = [
      ["Hansen Logistik", "GmbH & Co. KG", "de", "Hansen Logistik GmbH & Co. KG"],
      ["Van Dijk Installatietechniek", "B.V.", "nl", "Van Dijk Installatietechniek B.V."],
      ["Menuiserie Laurent", "SARL", "fr", "Menuiserie Laurent SARL"],
    ];
    for (const [first, form, lang, whole] of cases) {
      const fields = read([
        [340, 50, 14, first], [340, 68, 14, form], [340, 88, 8, "Hauptstraße 1, 10115 Berlin"], [340, 98, 8, "Tel. 030 1234567"],
        [60, 135, 10, "Erika Beispiel"], [60, 147, 10, "Lindenweg 5"], [60, 159, 10, "20095 Hamburg"],
        ...body(lang, 220),
      ]);
      expect([first, fields.vendorName?.value]).toEqual([first, whole]);
    }
  });
});

describe("reading error class (d): words after the legal form in the name's cell", () => {
  it("reads the name as printed, the place after its legal form included, below the auto grade", () => {
    for (const name of ["Stahlhandel AG Duisburg", "Kunststoffwerk GmbH Nord", "Metaalhandel B.V. Rotterdam"]) {
      const fields = read([
        ...labelled(100, "Verkäufer:", [["Nummer:", "12345676"], ["", name], ["", "Marktstr. 153"], ["", "38226 Salzgitter"], ["USt-IdNr.:", "DE136695976"]]),
        ...labelled(200, "Käufer:", [["", "Beispielmieter GmbH"], ["", "Verwaltung Straße 40"], ["", "12345 Musterstadt"]]),
        ...body("de", 300),
      ]);
      expect(fields.vendorName?.value).toBe(name);
      expect(fields.vendorName?.confidence ?? 1).toBeLessThan(0.95);
    }
  });

  it("never keeps a label, a title or contact details after the legal form", () => {
    for (const [cell, name] of [["Stahlhandel AG Rechnung", "Stahlhandel AG"], ["Stahlhandel AG Geschäftsführer Hans Muster", "Stahlhandel AG"], ["Stahlhandel AG Tel 0301234", "Stahlhandel AG"], ["Stahlhandel AG, Marktstr. 153", "Stahlhandel AG"]] as const) {
      const fields = read([
        [340, 50, 10, cell], [340, 62, 8, "38226 Salzgitter"], [340, 72, 8, "USt-IdNr. DE136695976"],
        [60, 135, 10, "Erika Beispiel"], [60, 147, 10, "Lindenweg 5"], [60, 159, 10, "20095 Hamburg"],
        ...body("de", 220),
      ]);
      expect([cell, fields.vendorName?.value]).toEqual([cell, name]);
    }
  });
});

describe("reading error class (e): two blocks, the company's name not sent", () => {
  const customer = (x: number, y: number): Run[] => [[x, y, 10, "Bäckerei Schmidt KG"], [x, y + 12, 10, "Lindenweg 5"], [x, y + 24, 10, "20095 Hamburg"]];
  it("takes the block printing the VAT number and IBAN, also several lines under its name (both orders)", () => {
    const vendor = (x: number, y: number): Run[] => [
      [x, y, 10, "Muster Haustechnik GmbH"], [x, y + 12, 10, "Hauptstr. 1"], [x, y + 24, 10, "10115 Berlin"], [x, y + 36, 8, "Geschäftsführer: Hans Muster"],
      [x, y + 46, 8, "Amtsgericht Berlin HRB 12345"], [x, y + 56, 8, "USt-IdNr. DE136695976"], [x, y + 66, 8, "IBAN DE89 3704 0044 0532 0130 00"],
    ];
    for (const runs of [[...customer(60, 100), ...vendor(340, 100)], [...vendor(60, 100), ...customer(340, 100)]]) {
      const fields = read([...runs, ...body("de", 220)]);
      expect(fields.vendorName?.value).toBe("Muster Haustechnik GmbH");
      expect(fields.vendorName?.confidence ?? 1).toBeLessThan(0.95);
      expect(fields.vendorVat?.value).toBe("DE136695976");
    }
  });

  it("takes the block next to which nothing says customer over the block beside a 'Bill to' / 'Client' caption", () => {
    const cases: Array<[string, "en" | "fr" | "de", string, string]> = [
      ["Bill to:", "en", "Harbour Joinery Ltd", "Meridian Dental Care Ltd"],
      ["Client :", "fr", "Menuiserie Laurent SARL", "Hôtel Les Tilleuls SAS"],
      ["Rechnungsempfänger:", "de", "Muster Haustechnik GmbH", "Bäckerei Schmidt KG"],
    ];
    for (const [caption, lang, vendor, buyer] of cases) {
      const fields = read([
        [60, 60, 10, vendor], [60, 72, 10, "Hauptstr. 1"], [60, 84, 10, "10115 Berlin"],
        [250, 130, 9, caption], [340, 130, 10, buyer], [340, 142, 10, "Lindenweg 5"], [340, 154, 10, "20095 Hamburg"],
        ...body(lang, 220),
      ]);
      expect([caption, fields.vendorName?.value]).toEqual([caption, vendor]);
    }
  });
});

describe("reading error class (2): a logo word spelt out by the footer's legal name inside a sentence or a run of parts", () => {
  it("takes the footer's legal name over the logo word (Dutch postcode 'AB' no legal form; English, German sentences)", () => {
    const cases: Array<[string, string, string, "nl" | "en" | "de"]> = [
      ["Tulpia", "Bloemenweg 4 · 1432 AB Aalsmeer · Tulpia Nederland B.V. · KvK 12345678", "Tulpia Nederland B.V.", "nl"],
      ["Tulpia", "Op al onze leveringen zijn de algemene voorwaarden van Tulpia Nederland B.V. van toepassing.", "Tulpia Nederland B.V.", "nl"],
      ["Tulpia", "Gelieve het bedrag over te maken op NL91ABNA0417164300 t.n.v. Tulpia Nederland B.V.", "Tulpia Nederland B.V.", "nl"],
      ["PIXELPOST", "Company No. 09876543 | VAT GB123456789 | Pixelpost Digital Services Ltd", "Pixelpost Digital Services Ltd", "en"],
      ["Nordlicht", "Es gelten die Allgemeinen Geschäftsbedingungen der Nordlicht Druck GmbH", "Nordlicht Druck GmbH", "de"],
    ];
    for (const [logo, footer, legal, lang] of cases) {
      const fields = read([
        [380, 40, 22, logo],
        [60, 135, 10, "Jansen Horeca B.V."], [60, 147, 10, "Marktplein 1"], [60, 159, 10, "5611 EM Eindhoven"],
        ...body(lang, 220),
        [60, 790, 7, footer],
      ]);
      expect([footer, fields.vendorName?.value]).toEqual([footer, legal]);
      expect(fields.vendorName?.confidence ?? 1).toBeLessThan(0.95);
    }
  });

  it("never takes a company named in a sentence for the vendor by itself", () => {
    const fields = read([
      [340, 60, 10, "Harbour Joinery Ltd"], [340, 72, 8, "7 Quay Street"], [340, 82, 8, "Bristol BS1 4DJ"],
      [60, 135, 9, "Bill to"], [60, 147, 10, "Meridian Dental Care Ltd"], [60, 159, 10, "22 High Street"],
      ...body("en", 220),
      [60, 790, 7, "Payments are processed for us by the payment services of Stripe Payments Europe Ltd"],
    ]);
    expect(fields.vendorName?.value).toBe("Harbour Joinery Ltd");
  });
});
