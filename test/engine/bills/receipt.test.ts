// Expense receipts (issue 18): the merchant and the currency a receipt prints, re-decided after the bill reader
// (web_src/engine/bills/receipt.ts). Every receipt here is written for these tests (shops, addresses and numbers
// made up, in several languages and layouts); the shared documents are only measured by the bench.
import { describe, expect, it } from "vitest";
import { extractBill, type ExtractOptions } from "../../../web_src/engine/bills/extract_bill";
import { readReceipt, type ReceiptHints } from "../../../web_src/engine/bills/receipt";
import { receipt } from "./receipt_fixture";

const RECEIPT: ExtractOptions = { source: "ocr", today: "2026-12-01", receipt: true, company: { name: "Acme Consulting GmbH", currency: "EUR" } };


function read(text: string, hints: ReceiptHints = {}) {
  const pages = [receipt(text)];
  const bill = readReceipt(pages, extractBill(pages, RECEIPT), { company: RECEIPT.company?.name, ...hints });
  return { merchant: bill.fields.vendorName?.value ?? null, currency: bill.fields.currency?.value ?? null, total: bill.fields.total?.value ?? null };
}

describe("the merchant of a receipt", () => {
  it("takes the shop's name printed large at the top over the operating company in the small print", () => {
    const text = `
!SEASIDE INN
Harbour Road 14
Galway H91 X2Y3
Room 12   2 nights          180.00
City tax                      6.00
TOTAL EUR                   186.00
Operated by Harbour Hospitality Ltd
`;
    expect(read(text).merchant).toBe("SEASIDE INN");
  });

  it("reads 'thank you for shopping at', 'Vielen Dank für Ihren Einkauf bei', 'Gracias por su compra en'", () => {
    expect(read(`
Filiale 0412   Kasse 3
Brot                 2,10
SUMME EUR            2,10
Vielen Dank für Ihren Einkauf bei Frischmarkt!
Frischmarkt Handels GmbH, Hauptstr. 12, 80331 München
`).merchant).toBe("Frischmarkt");
    expect(read(`
Calle Mayor 5, 28013 Madrid
1 x Novela           18,90
TOTAL                18,90 €
Gracias por su compra en Librería Aurora
`).merchant).toBe("Librería Aurora");
    expect(read(`
Receipt #88213
Notebook A5            4.50
TOTAL                  4.50 GBP
Thank you for shopping with
Paper Lantern Stationers
`).merchant).toBe("Paper Lantern Stationers");
  });

  it("reads the merchant line of a card slip and never a card line", () => {
    const text = `
CARTE BANCAIRE
SANS CONTACT
COMMERCANT : LE PETIT ZINC
75011 PARIS
VISA DEBIT   ************4821
MONTANT                8,40 EUR
`;
    expect(read(text).merchant).toBe("LE PETIT ZINC");
  });

  it("reads the brand of an e-mailed receipt's sender", () => {
    const text = `
From: Ridezy Receipts <receipts@ridezy.com>
Subject: Your Tuesday evening trip
Thanks for riding, Sam
Trip fare                 12.70
Booking fee                1.50
Total                   £14.20
Paid with Visa ••••4821
`;
    expect(read(text).merchant).toBe("Ridezy");
  });

  it("reads the brand a web address begins with, printed as a word, over the seller of record", () => {
    const text = `
Sold by: Bluepeak Retail Services Pvt. Ltd.
Order 4471-22
1 x USB cable            349.00
Grand Total          Rs 349.00
Shipped by NIMBUS
Questions? Write to care@nimbuscart.in
`;
    expect(read(text).merchant).toBe("NIMBUS");
  });

  it("takes 'Welkom bij' and a name under an unreadable logo, and the name before 'Invoice' on a heading", () => {
    expect(read(`
Welkom bij Bakkerij Van Dam
Kerkstraat 8, 3511 LB Utrecht
2 x Krentenbol          3,00
TOTAAL                  3,00
`).merchant).toBe("Bakkerij Van Dam");
    expect(read(`
?~ii Nw| o
Northwind Books
12 Market Square, Leeds LS1 6DT
Paperback               9.99
TOTAL GBP               9.99
`).merchant).toBe("Northwind Books");
    expect(read(`
?‘br ig ht Zi   Brightline Hosting Invoice
Invoice date: 03/11/2026
VPS small             5.00
Total due             5.00 USD
`).merchant).toBe("Brightline Hosting");
  });

  it("never takes a heading word of another language for the merchant", () => {
    const text = `
FACTUUR.                         Kijkdoos B.V.
                                 Stationsweg 2
                                 2312 AV Leiden
Factuurdatum: 4 november 2026
Totaal                           € 24,95
`;
    expect(read(text).merchant).toBe("Kijkdoos B.V.");
  });

  it("keeps a legal name in the letterhead over a slogan printed large, and a stray large word lower down", () => {
    expect(read(`
!Good food, simply made.               Greengage Foods Ltd
                                       4 Mill Lane
                                       Bristol BS1 4QA
Invoice date: 2 November 2026
Total                                  £ 32.40
`).merchant).toBe("Greengage Foods Ltd");
    expect(read(`
Sold by: Quillon Traders Pvt. Ltd.
Order ID: 8812-4410
Billing Address        Shipping Address
Meera Iyer             Meera Iyer
!note
Grand Total            Rs 499
`).merchant).toBe("Quillon Traders Pvt. Ltd.");
  });

  it("reads a name with an accented capital beside a keyword, and no name in 'thank you for dining with us'", () => {
    expect(read(`
!HÔTEL DES ALPES
Chemin du Lac 2, 74000 Annecy
Nuitée                   95,00
TOTAL TTC                95,00 €
`).merchant).toBe("HÔTEL DES ALPES");
    expect(read(`
The Old Mill Tearoom
Scone with jam           4.20
TOTAL                   £4.20
THANK YOU FOR DINING WITH US
`).merchant).toBe("The Old Mill Tearoom");
  });

  it("takes a merchant the company knows, found in the text, over everything else", () => {
    const text = `
!KRAUSE
Backwaren seit 1921
Stadtbäckerei Krause, Am Markt 4, 04109 Leipzig
2 x Brötchen            0,90
SUMME EUR               0,90
Bezahlt mit PayPal
`;
    expect(read(text).merchant).toBe("KRAUSE");
    expect(read(text, { merchants: ["PayPal", "Stadtbäckerei Krause", "Krause"] }).merchant).toBe("Stadtbäckerei Krause");
    expect(read(text, { merchants: ["PayPal"] }).merchant, "a name only on the payment line is not the merchant").toBe("KRAUSE");
    expect(read(text, { merchants: ["Acme Consulting GmbH"], company: "Acme Consulting GmbH" }).merchant).toBe("KRAUSE");
  });
});

describe("the currency of a receipt", () => {
  it("takes the merchant's country when the receipt prints no currency the reader knows", () => {
    const text = `
Hotel Lakeview
14 Lake Road, Chennai, Tamil Nadu, India
Room charges              2450.00
Grand Total               2450.00
`;
    expect(read(text)).toMatchObject({ currency: "INR", total: 2450 });
  });

  it("takes a bare dollar sign in Canada for Canadian dollars, and keeps a printed code", () => {
    expect(read(`
Maple Leaf Diner
220 King St W, Toronto ON, Canada
Breakfast special         $14.50
TOTAL                     $14.50
`).currency).toBe("CAD");
    expect(read(`
Maple Leaf Diner
220 King St W, Toronto ON, Canada
TOTAL USD                 14.50
`).currency).toBe("USD");
  });

  it("never takes the customer's country", () => {
    const text = `
!GRILLHAUS
Lindenweg 3, 10115 Berlin
Bill to: Priya Raman, 22 MG Road, Bengaluru, India
Menü                      21.00
TOTAL                     21.00
`;
    expect(read(text).currency).toBe("EUR");
  });
});
