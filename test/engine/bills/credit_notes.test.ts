// Vendor credit notes (issue 13, stop 25): the document kind (invoice or credit note) read from the title in many
// languages, from a total printed negative and from an e-invoice's type code (UNTDID 1001) or UBL root; a credit
// note's amounts are always positive in the reply (the kind carries the sign), its lines too, and the checks still
// hold. The words that look like a credit note's and are not ("Crédit Agricole", "credit card", "Gutschrift auf
// Konto", a credit note deducted on an invoice) leave an invoice an invoice. Every document is written here by hand.
import { describe, expect, it } from "vitest";
import { extractBill, type ExtractOptions } from "../../../web_src/engine/bills/extract_bill";
import { pageFromPlainText, type Page } from "../../../web_src/engine/bills/layout";
import { readInvoiceXml } from "../../../web_src/engine/bills/xml_invoice";
import { mergeLlmFields } from "../../../web_src/engine/bills/bill_llm_fields";
import { BillService } from "../../../web_src/endpoint/services/bills";
import { installed } from "./ocr_fixture";
import { makePdf } from "./pdf_fixture";

const TODAY = "2026-12-01";
const OPTIONS: ExtractOptions = { source: "text_layer", today: TODAY };
const page = (text: string): Page => pageFromPlainText(text.replace(/^\n/, ""));
const read = (text: string) => extractBill([page(text)], OPTIONS);
const failed = (bill: ReturnType<typeof read>) => bill.checks.filter((c) => !c.ok).map((c) => c.message);

/** Credit notes printed with negative amounts, in four languages and four layouts. */
const NEGATIVE: ReadonlyArray<{ name: string; text: string; number: string; date?: string; untaxed: number; tax: number; total: number }> = [
  {
    name: "French avoir, amounts with a minus sign",
    number: "AV-2025-0012",
    date: "2025-05-12",
    untaxed: 150,
    tax: 30,
    total: 180,
    text: `
Papeterie des Alpes SAS - 4 avenue du Lac - 74000 Annecy
TVA : FR92453987122 - SIRET : 45398712200027

Avoir AV-2025-0012
                                                         Cabinet Morel
                                                         9 rue Centrale
                                                         69002 Lyon
Date de l'avoir          12/05/2025
Facture d'origine        FA-2025-0301

Désignation                              Quantité      Prix unitaire        Montant HT
Ramettes papier A4 retournées            30            5,00 €               -150,00 €

                                                        Total HT            -150,00 €
                                                        TVA 20 %             -30,00 €
                                                        Total TTC           -180,00 €
`,
  },
  {
    name: "German Gutschrift, amounts with a trailing minus",
    number: "GS-2025-044",
    untaxed: 80,
    tax: 15.2,
    total: 95.2,
    text: `
Werkzeughandel Lorenz GmbH
Industriestraße 12, 70565 Stuttgart
USt-IdNr.: DE811569869

Gutschrift Nr. GS-2025-044
                                                         Schreinerei Vogt
                                                         Am Markt 3
                                                         72070 Tübingen
Datum:                   03.06.2025

Pos   Bezeichnung                     Menge     Einzelpreis      Betrag
1     Akkuschrauber (Rücknahme)       1         80,00            80,00-

                                                Nettobetrag                80,00- €
                                                MwSt 19 %                  15,20- €
                                                Gesamtbetrag               95,20- €
`,
  },
  {
    name: "English credit note, amounts in parentheses",
    number: "CN-1042",
    untaxed: 240,
    tax: 48,
    total: 288,
    text: `
Northwind Office Supplies Ltd
22 Harbour Road, Bristol BS1 5TT
VAT Reg No: GB123456782

CREDIT NOTE
                                                         Credit Note No:    CN-1042
Bill to:                                                 Date:              14/07/2025
Brightside Dental Clinic
7 Elm Street
Bath BA1 1AA

Description                        Qty      Unit price       Amount
Ergonomic chairs returned          2        120.00           (240.00)

                                                Subtotal                (240.00)
                                                VAT 20%                  (48.00)
                                                Total credit            (288.00)
`,
  },
  {
    name: "Dutch creditnota, amounts with a minus sign",
    number: "2025-0031",
    untaxed: 500,
    tax: 105,
    total: 605,
    text: `
Bakker Installatietechniek B.V.
Kanaalweg 8, 3526 KL Utrecht
BTW-nr: NL803451234B01

Creditnota 2025-0031
                                                         Van Dijk Vastgoed
                                                         Keizersgracht 100
                                                         1015 CW Amsterdam
Datum:                   21-08-2025

Omschrijving                          Aantal     Prijs           Bedrag
Creditering onderhoudscontract        1          -500,00         -500,00

                                                Subtotaal               -500,00
                                                BTW 21%                 -105,00
                                                Totaal                  -605,00
`,
  },
];

/** Credit notes printed with positive amounts: only the title says what they are. */
const POSITIVE_TITLES: ReadonlyArray<{ title: string; number: string; sure: boolean }> = [
  { title: "Credit Note No. CN-2025-118", number: "CN-2025-118", sure: true },
  { title: "Credit Memo CM-4471", number: "CM-4471", sure: true },
  { title: "Warengutschrift Nr. WG-2025-8", number: "WG-2025-8", sure: true },
  { title: "Stornorechnung Nr. SR-2025-19", number: "SR-2025-19", sure: true },
  { title: "Avoir n° AV-88213", number: "AV-88213", sure: true },
  { title: "Nota di credito n. 45/2025 del 12/05/2025", number: "45/2025", sure: true },
  { title: "Abono nº AB-2025-17", number: "AB-2025-17", sure: true },
  { title: "Nota de crédito N.º NC2025/9", number: "NC2025/9", sure: true },
  { title: "Creditnota nr. 77120", number: "77120", sure: true },
  { title: "Kreditnota nr. 8812", number: "8812", sure: true },
  { title: "Kreditfaktura 5521", number: "5521", sure: true },
  // A correction can add as well as take off: a credit note when printed positive, but not a sure one. So is a bare
  // "Gutschrift": German VAT law (§ 14 (2) UStG) names a self-billed invoice so, and vendors their credit notes.
  { title: "Gutschrift Nr. 2025-7731", number: "2025-7731", sure: false },
  { title: "Rechnungskorrektur Nr. RK-2025-3", number: "RK-2025-3", sure: false },
  { title: "Faktura korygująca nr FK/12/2025", number: "FK/12/2025", sure: false },
  { title: "Korekta faktury nr KOR/4/2025", number: "KOR/4/2025", sure: false },
];

const positiveBody = (title: string) => `
Studio Grafico Bellini S.r.l.
Via Roma 14, 20121 Milano
P.IVA: IT01234567897

${title}
                                                         Agenzia Rossi
                                                         Corso Italia 2
                                                         10121 Torino
Data:                    12/05/2025

Descrizione                           Quantità     Prezzo          Importo
Rimborso campagna stampa              1            200,00          200,00

                                                Imponibile              200,00
                                                IVA 22%                  44,00
                                                Totale                  244,00
`;

/** Invoices carrying a credit note's words where they are no title. */
const FALSE_FRIENDS: ReadonlyArray<{ name: string; text: string }> = [
  {
    name: "a self-billed invoice titled Gutschrift (selbst ausgestellte Rechnung)",
    text: positiveBody("Gutschrift (Selbst ausgestellte Rechnung) Nr. SB-2025-41 vom 12.05.2025"),
  },
  {
    name: "a Gutschrift im Gutschriftsverfahren (self-billing)",
    text: positiveBody("Gutschrift im Gutschriftsverfahren Nr. SB-2025-42"),
  },
  {
    name: "a bank named Crédit … as the vendor and on the payment line",
    text: `
Crédit Agricole Leasing & Factoring
12 place des États-Unis, 92120 Montrouge
TVA : FR54692029457

Facture n° F-2025-0771
                                                         Garage Martin SARL
                                                         3 rue des Lilas
                                                         31000 Toulouse
Date de facture          02/06/2025

Désignation                              Quantité      Prix unitaire        Montant HT
Loyer crédit-bail véhicule juin          1             400,00 €             400,00 €

                                                        Total HT             400,00 €
                                                        TVA 20 %              80,00 €
                                                        Total TTC            480,00 €

Règlement par prélèvement - Banque : Crédit Mutuel - IBAN FR76 1027 8060 3100 0205 7530 135
`,
  },
  {
    name: "paid by credit card, credit terms, Credit Suisse",
    text: `
Alpine Software AG
Bahnhofstrasse 10, 8001 Zürich

Invoice No: INV-55120
                                                         Lakeside Hotels Ltd
Invoice Date: 10/03/2025                                 1 Shore Road
Credit terms: 30 days                                    Keswick CA12 5AB

Description                        Qty      Unit price       Amount
Booking software licence           1        900.00           900.00

                                                Subtotal                 900.00
                                                VAT 8.1%                  72.90
                                                Total                    972.90

Paid by credit card (Visa ending 4242). Credit card fees included.
Bank: Credit Suisse AG, Zürich
`,
  },
  {
    name: "Gutschrift auf Konto and a promised Gutschrift in a German invoice",
    text: `
Elektro Huber GmbH
Lindenweg 2, 93047 Regensburg
USt-IdNr.: DE129273398

Rechnung Nr. 2025-1188
                                                         Bäckerei Sommer
Rechnungsdatum:          05.05.2025                      Domplatz 1
                                                         93047 Regensburg

Pos   Bezeichnung                     Menge     Einzelpreis      Betrag
1     Wartung Backofen                1         300,00           300,00

                                                Nettobetrag               300,00 €
                                                MwSt 19 %                  57,00 €
                                                Gesamtbetrag              357,00 €

Gutschrift auf Konto DE89 3704 0044 0532 0130 00 erbeten.
Bei berechtigten Reklamationen erhalten Sie eine Gutschrift.
`,
  },
  {
    name: "a credit note deducted as a line and in the totals of an invoice",
    text: `
Northwind Office Supplies Ltd
22 Harbour Road, Bristol BS1 5TT

INVOICE
                                                         Invoice No:    INV-20931
Bill to:                                                 Date:          02/09/2025
Brightside Dental Clinic
7 Elm Street, Bath BA1 1AA

Description                        Qty      Unit price       Amount
Toner cartridges                   4        60.00            240.00
Credit note CN-1042                1        -40.00           -40.00

                                                Subtotal                 200.00
                                                VAT 20%                   40.00
                                                Total                    240.00
`,
  },
  {
    name: "French and Danish sentences with avoir and kreditnota",
    text: `
Fromagerie Dupont SARL
8 rue du Marché, 39000 Lons-le-Saunier

Facture FA-2025-5512
Avoir une question ? Appelez le 03 84 00 00 00
Date de facture          14/04/2025

Désignation                              Quantité      Prix unitaire        Montant HT
Comté 18 mois                            10            20,00 €              200,00 €

                                                        Total HT             200,00 €
                                                        TVA 5,5 %             11,00 €
                                                        Total TTC            211,00 €

Ved reklamation udstedes kreditnota inden 14 dage.
`,
  },
];

describe("vendor credit notes: the document kind from the printed document", () => {
  for (const doc of NEGATIVE) {
    it(`reads a ${doc.name} as a credit note with positive amounts and lines`, () => {
      const bill = read(doc.text);
      expect(bill.fields.documentKind?.value, doc.name).toBe("credit_note");
      expect(bill.fields.documentKind?.confidence ?? 0, doc.name).toBeGreaterThanOrEqual(0.95);
      expect(bill.fields.untaxed?.value, doc.name).toBe(doc.untaxed);
      expect(bill.fields.totalTax?.value, doc.name).toBe(doc.tax);
      expect(bill.fields.total?.value, doc.name).toBe(doc.total);
      expect(bill.fields.invoiceNumber?.value, doc.name).toBe(doc.number);
      if (doc.date !== undefined) {
        expect(bill.fields.invoiceDate?.value, doc.name).toBe(doc.date);
        expect(bill.fields.invoiceDate?.confidence ?? 0, doc.name).toBeGreaterThanOrEqual(0.8);
      }
      expect(bill.lines.length, doc.name).toBeGreaterThan(0);
      for (const line of bill.lines) {
        expect(line.amount ?? 0, `${doc.name}: ${line.description}`).toBeGreaterThan(0);
        expect(line.quantity ?? 1, `${doc.name}: ${line.description}`).toBeGreaterThan(0);
        expect(line.unitPrice ?? 1, `${doc.name}: ${line.description}`).toBeGreaterThan(0);
      }
      for (const tax of bill.taxes) expect(tax.amount ?? 0, doc.name).toBeGreaterThanOrEqual(0);
      expect(failed(bill), doc.name).toEqual([]);
      expect(bill.checks.find((c) => c.code === "total")?.ok, doc.name).toBe(true);
    });
  }

  it("reads a credit note printed with positive amounts from its title, in eleven languages", () => {
    for (const { title, number, sure } of POSITIVE_TITLES) {
      const bill = read(positiveBody(title));
      expect(bill.fields.documentKind?.value, title).toBe("credit_note");
      const confidence = bill.fields.documentKind?.confidence ?? 0;
      if (sure) expect(confidence, title).toBeGreaterThanOrEqual(0.95);
      else expect(confidence, title).toBeLessThan(0.95);
      expect(bill.fields.documentKind?.sourceText, title).toContain(title.split(" ")[0]);
      expect(bill.fields.invoiceNumber?.value, title).toBe(number);
      expect(bill.fields.total?.value, title).toBe(244);
      expect(bill.fields.untaxed?.value, title).toBe(200);
      expect(bill.lines[0], title).toMatchObject({ quantity: 1, unitPrice: 200, amount: 200 });
      expect(failed(bill), title).toEqual([]);
    }
  });

  it("reads a credit note printed negative with a correction title as a sure credit note", () => {
    const bill = read(positiveBody("Rechnungskorrektur Nr. RK-2025-3").replace(/(\d+,00)(\s*)$/gm, "-$1$2"));
    expect(bill.fields.documentKind?.value).toBe("credit_note");
    expect(bill.fields.documentKind?.confidence ?? 0).toBeGreaterThanOrEqual(0.95);
    expect(bill.fields.total?.value).toBe(244);
  });

  for (const doc of FALSE_FRIENDS) {
    it(`keeps an invoice with ${doc.name} an invoice`, () => {
      const bill = read(doc.text);
      expect(bill.fields.documentKind?.value ?? "invoice", doc.name).toBe("invoice");
      expect(bill.fields.total?.value ?? 0, doc.name).toBeGreaterThan(0);
    });
  }

  it("keeps a discount line negative on a credit note printed negative (its sign turns with the rest)", () => {
    const bill = read(`
Bürotechnik Kaiser GmbH
Ringstraße 4, 04109 Leipzig

Gutschrift Nr. GS-77
Datum:                   03.06.2025

Pos   Bezeichnung                     Menge     Einzelpreis      Betrag
1     Drucker (Rücknahme)             1         -250,00          -250,00
2     Bearbeitungsgebühr              1         50,00            50,00

                                                Nettobetrag               -200,00 €
                                                MwSt 19 %                  -38,00 €
                                                Gesamtbetrag              -238,00 €
`);
    expect(bill.fields.documentKind?.value).toBe("credit_note");
    expect(bill.fields.total?.value).toBe(238);
    expect(bill.lines.map((l) => [l.quantity, l.unitPrice, l.amount])).toEqual([[1, 250, 250], [1, -50, -50]]);
    expect(bill.checks.find((c) => c.code === "lines_sum")?.ok).toBe(true);
  });
});

const cii = (typeCode: string, sign = 1) => {
  const a = (x: number) => (sign * x).toFixed(2);
  return `<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
  <rsm:ExchangedDocument><ram:ID>CN-77</ram:ID><ram:TypeCode>${typeCode}</ram:TypeCode>
    <ram:IssueDateTime><udt:DateTimeString format="102">20250610</udt:DateTimeString></ram:IssueDateTime></rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
    <ram:IncludedSupplyChainTradeLineItem>
      <ram:SpecifiedTradeProduct><ram:Name>Returned pallets</ram:Name></ram:SpecifiedTradeProduct>
      <ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice><ram:ChargeAmount>12.50</ram:ChargeAmount></ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>
      <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="C62">${sign * 8}</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>
      <ram:SpecifiedLineTradeSettlement><ram:ApplicableTradeTax><ram:RateApplicablePercent>19</ram:RateApplicablePercent></ram:ApplicableTradeTax>
        <ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>${a(100)}</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation></ram:SpecifiedLineTradeSettlement>
    </ram:IncludedSupplyChainTradeLineItem>
    <ram:ApplicableHeaderTradeAgreement>
      <ram:SellerTradeParty><ram:Name>Paletten Pool GmbH</ram:Name><ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">DE811569869</ram:ID></ram:SpecifiedTaxRegistration></ram:SellerTradeParty>
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
      <ram:ApplicableTradeTax><ram:CalculatedAmount>${a(19)}</ram:CalculatedAmount><ram:BasisAmount>${a(100)}</ram:BasisAmount><ram:RateApplicablePercent>19</ram:RateApplicablePercent></ram:ApplicableTradeTax>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:LineTotalAmount>${a(100)}</ram:LineTotalAmount><ram:TaxBasisTotalAmount>${a(100)}</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="EUR">${a(19)}</ram:TaxTotalAmount><ram:GrandTotalAmount>${a(119)}</ram:GrandTotalAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>`;
};

const ubl = (root: "Invoice" | "CreditNote", typeCode: string) => `<?xml version="1.0" encoding="UTF-8"?>
<${root} xmlns="urn:oasis:names:specification:ubl:schema:xsd:${root}-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:ID>UBL-CN-5</cbc:ID><cbc:IssueDate>2025-06-10</cbc:IssueDate><cbc:${root}TypeCode>${typeCode}</cbc:${root}TypeCode>
  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  <cac:AccountingSupplierParty><cac:Party><cac:PartyName><cbc:Name>Houtmarkt B.V.</cbc:Name></cac:PartyName></cac:Party></cac:AccountingSupplierParty>
  <cac:TaxTotal><cbc:TaxAmount currencyID="EUR">21.00</cbc:TaxAmount>
    <cac:TaxSubtotal><cbc:TaxableAmount currencyID="EUR">100.00</cbc:TaxableAmount><cbc:TaxAmount currencyID="EUR">21.00</cbc:TaxAmount><cac:TaxCategory><cbc:Percent>21</cbc:Percent></cac:TaxCategory></cac:TaxSubtotal></cac:TaxTotal>
  <cac:LegalMonetaryTotal><cbc:TaxExclusiveAmount currencyID="EUR">100.00</cbc:TaxExclusiveAmount><cbc:TaxInclusiveAmount currencyID="EUR">121.00</cbc:TaxInclusiveAmount><cbc:PayableAmount currencyID="EUR">121.00</cbc:PayableAmount></cac:LegalMonetaryTotal>
  <cac:${root}Line><cbc:${root === "Invoice" ? "Invoiced" : "Credited"}Quantity>4</cbc:${root === "Invoice" ? "Invoiced" : "Credited"}Quantity><cbc:LineExtensionAmount currencyID="EUR">100.00</cbc:LineExtensionAmount>
    <cac:Item><cbc:Name>Eiken planken</cbc:Name></cac:Item><cac:Price><cbc:PriceAmount>25.00</cbc:PriceAmount></cac:Price></cac:${root}Line>
</${root}>`;

describe("vendor credit notes: the document kind from an e-invoice's XML", () => {
  it("takes the CII type codes of UNTDID 1001: credit notes 381, 261, 396, 532, 81, 83; invoices 380, 384, 389, 751", () => {
    for (const code of ["381", "261", "396", "532", "81", "83", "262", "296", "308", "420", "458"]) {
      const { bill } = readInvoiceXml(cii(code), TODAY);
      expect(bill.fields.documentKind?.value, code).toBe("credit_note");
      expect(bill.fields.documentKind?.confidence, code).toBe(0.99);
      expect(bill.fields.documentKind?.sourceText, code).toContain(code);
      expect(bill.fields.total?.value, code).toBe(119);
    }
    for (const code of ["380", "384", "389", "751", "386", "383"]) {
      const { bill } = readInvoiceXml(cii(code), TODAY);
      expect(bill.fields.documentKind?.value, code).toBe("invoice");
      expect(bill.fields.total?.value, code).toBe(119);
    }
  });

  it("reads a corrected invoice (384) stating negative amounts as a credit note with positive amounts and lines", () => {
    const { bill } = readInvoiceXml(cii("384", -1), TODAY);
    expect(bill.fields.documentKind?.value).toBe("credit_note");
    expect(bill.fields.documentKind?.confidence ?? 0).toBeGreaterThanOrEqual(0.95);
    expect([bill.fields.untaxed?.value, bill.fields.totalTax?.value, bill.fields.total?.value]).toEqual([100, 19, 119]);
    expect(bill.lines).toEqual([expect.objectContaining({ quantity: 8, unitPrice: 12.5, amount: 100 })]);
    expect(bill.taxes).toEqual([{ rate: 19, base: 100, amount: 19 }]);
    expect(bill.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it("reads a UBL CreditNote as a credit note and a UBL Invoice as an invoice", () => {
    const credit = readInvoiceXml(ubl("CreditNote", "381"), TODAY).bill;
    expect(credit.fields.documentKind?.value).toBe("credit_note");
    expect(credit.lines[0]).toMatchObject({ quantity: 4, unitPrice: 25, amount: 100 });
    expect(readInvoiceXml(ubl("Invoice", "380"), TODAY).bill.fields.documentKind?.value).toBe("invoice");
    // A UBL Invoice whose type code says credit note (some senders do that).
    expect(readInvoiceXml(ubl("Invoice", "381"), TODAY).bill.fields.documentKind?.value).toBe("credit_note");
  });

  it("reads a ZUGFeRD 1.0 credit note's type code", () => {
    const v1 = cii("381")
      .replace("urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100", "urn:ferd:CrossIndustryDocument:invoice:1p0")
      .replace(/CrossIndustryInvoice/g, "CrossIndustryDocument")
      .replace(/ExchangedDocument>/g, "HeaderExchangedDocument>");
    const { flavour, bill } = readInvoiceXml(v1, TODAY);
    expect(flavour).toBe("zugferd1");
    expect(bill.fields.documentKind?.value).toBe("credit_note");
  });
});

const POPPLER = ["pdfinfo", "pdftotext", "pdfdetach"].every((t) => installed(t, "-v"));
const skipped = POPPLER ? "" : " — SKIPPED: poppler-utils not installed";

describe.skipIf(skipped !== "")(`vendor credit notes through the endpoint's reader${skipped}`, () => {
  const service = new BillService({ validateResponses: true, today: () => TODAY });
  const lines = [
    "Paletten Pool GmbH",
    "Hafenstraße 1, 20457 Hamburg",
    "",
    "Gutschrift Nr. CN-77",
    "Datum:   10.06.2025",
    "",
    "Bezeichnung                Menge     Einzelpreis      Betrag",
    "Returned pallets           8         12,50            -100,00",
    "",
    "                              Nettobetrag        -100,00 EUR",
    "                              MwSt 19 %           -19,00 EUR",
    "                              Gesamtbetrag       -119,00 EUR",
  ];

  it("reads the visible credit note of a real PDF, and its XML agrees with it on the total", async () => {
    const pdf = makePdf({ pages: [lines], attachments: [{ name: "factur-x.xml", content: cii("381") }] });
    const visible = await service.extract({ fileName: "gutschrift.pdf", mimeType: "application/pdf", contentBase64: pdf.toString("base64") }, { ignoreEmbeddedXml: true });
    expect(visible.documents[0]?.fields.documentKind?.value).toBe("credit_note");
    expect(visible.documents[0]?.fields.total?.value).toBe(119);
    const xml = await service.extract({ fileName: "gutschrift.pdf", mimeType: "application/pdf", contentBase64: pdf.toString("base64") });
    const bill = xml.documents[0];
    expect(bill?.source).toBe("embedded_xml");
    expect(bill?.fields.documentKind?.value).toBe("credit_note");
    expect(bill?.checks.find((c) => c.code === "xml_matches_visible")).toMatchObject({ ok: true });
  });
});

describe("vendor credit notes: what an LLM adds", () => {
  const text = ["Kupferwerk Ost GmbH", "Gutschrift", "Netto -100,00   MwSt 19 % -19,00   Gesamt -119,00 EUR"].join("\n");
  const empty = readInvoiceXml(cii("380"), TODAY).bill;
  const unread = { ...empty, source: "text_layer" as const, fields: { ...empty.fields, documentKind: null, untaxed: null, totalTax: null, total: null }, lines: [], taxes: [] };
  const answer = { vendorName: null, invoiceNumber: null, invoiceDate: null, dueDate: null, currency: null, untaxed: -100, totalTax: -19, total: -119 };

  it("states the LLM's negative amounts positive and says the bill is a credit note", () => {
    const { bill, accepted } = mergeLlmFields(unread, answer, ["untaxed", "totalTax", "total"], [{ page: 1, text }], { today: TODAY });
    expect(accepted.sort()).toEqual(["total", "totalTax", "untaxed"]);
    expect([bill.fields.untaxed?.value, bill.fields.totalTax?.value, bill.fields.total?.value]).toEqual([100, 19, 119]);
    expect(bill.fields.documentKind).toMatchObject({ value: "credit_note", readBy: "llm" });
    expect(bill.fields.documentKind?.confidence ?? 1).toBeLessThan(0.95);
  });

  it("keeps the kind the title gave when the LLM gives a credit note's amounts negative", () => {
    const titled = { ...unread, fields: { ...unread.fields, documentKind: { value: "credit_note" as const, confidence: 0.95, sourceText: "Gutschrift", page: 1 } } };
    const { bill } = mergeLlmFields(titled, answer, ["untaxed", "totalTax", "total"], [{ page: 1, text }], { today: TODAY });
    expect(bill.fields.total?.value).toBe(119);
    expect(bill.fields.documentKind).toMatchObject({ value: "credit_note", confidence: 0.95, sourceText: "Gutschrift" });
  });
});
