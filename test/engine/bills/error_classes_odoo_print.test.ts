// Reading-error classes of the invoices Odoo itself prints (its report in the Light, Wave and Folder layouts, seen on
// the bench's tuning seed of scripts/make_odoo_rendered_bills.mjs), typed here by hand: a US invoice with a 0 % and
// a three-decimal sales-tax row, and a title alone on its line with the number on the next one.
import { describe, expect, test } from "vitest";
import { extractBill } from "../../../web_src/engine/bills/extract_bill";
import { OPTIONS, page, header, value } from "./text_bill_fixture";

const BILLS = {
  us3: `
Summit Supplies Inc.
1200 Larimer Street
Denver CO 80202
                              Globex Corporation
                              500 Elm St
Invoice INV/2026/00001
Invoice Date        Due Date
25/02/2026          12/03/2026
Description                Quantity        Amount
Office chair                  2.00      $ 6,277.66
Toner black                   1.00     $ 12,332.47
Installation                  3.00      $ 9,297.45
Untaxed Amount             $ 27,907.58
VAT 0% on $ 6,277.66            $ 0.00
VAT 7.25% on $ 12,332.47     $ 894.11
VAT 8.875% on $ 9,297.45     $ 825.15
Total                      $ 29,626.84
`,
  us_rounded_per_line: `
Summit Supplies Inc.
1200 Larimer Street
Denver CO 80202
                              Globex Corporation
Invoice INV/2026/00002
Invoice Date        Due Date
25/02/2026          12/03/2026
Description                Quantity        Amount
Office chair                  2.00        $ 519.28
Toner black                   9.00     $ 21,170.44
Installation                  3.00      $ 5,302.02
 Untaxed Amount                                   $ 26,991.74
 VAT 0% on $ 519.28                                       $ 0.00
 VAT 7.25% on $ 21,170.44                          $ 1,534.84
 VAT 8.875% on $ 5,302.02                            $ 470.55
 Total                                            $ 28,997.13
`,
  de_title_next: `
                                    Delacroix Distribution AG
                                    Freie Strasse 69
                                    4051 Basel
Vogel Print SAS
Marktplatz 25
22446 Nantes
Ausgangsrechnung
INV/2026/00001
Rechnungsdatum    Fälligkeitsdatum    Referenz
25.02.2026        12.03.2026          PO-47024
Beschreibung           Menge      Betrag
Beratung                1,00      100,00 €
Nettobetrag                       100,00 €
MwSt 19% auf 100,00 €              19,00 €
Gesamt                            119,00 €
`,
  es_title_next: `
                                    Brightwater Transport S.L.
                                    Calle de Colón 10
                                    46002 Valencia
Marchetti Office GmbH
Marktplatz 36
19093 Nantes
Factura rectificativa
RINV/2026/00001
Fecha de la factura rectificativa
30/09/2026
Descripción                         Cantidad          Importe
Schulung (Tag)                          0,50         668,13 €
Base imponible                                       668,13 €
IVA 21%                                              140,31 €
Total                                                808,44 €
`,
} as const;


describe("Odoo's printed invoices", () => {
  test("tax rows at 0 % and at 8.875 % add their bases to the untaxed sum and their tax to the tax", () => {
    const bill = extractBill([page(BILLS.us3)], OPTIONS);
    expect(header(bill)).toMatchObject({ untaxed: 27907.58, totalTax: 1719.26, total: 29626.84 });
    expect(bill.taxes.map((t) => t.rate).sort((a, b) => a - b)).toEqual([0, 7.25, 8.875]);
  });

  test("a tax rounded per line, two cents off its base × rate on a large base, is still its rate's row", () => {
    const bill = extractBill([page(BILLS.us_rounded_per_line)], OPTIONS);
    expect(header(bill)).toMatchObject({ untaxed: 26991.74, totalTax: 2005.39, total: 28997.13 });
  });

  test("a German compound title alone on its line, the number on the next: the invoice number", () => {
    const bill = extractBill([page(BILLS.de_title_next)], OPTIONS);
    expect(value(bill, "invoiceNumber")).toBe("INV/2026/00001");
    expect(value(bill, "documentKind")).not.toBe("credit_note");
  });

  test("a credit note's title alone on its line (Factura rectificativa), the number on the next", () => {
    const bill = extractBill([page(BILLS.es_title_next)], OPTIONS);
    expect(value(bill, "invoiceNumber")).toBe("RINV/2026/00001");
    expect(value(bill, "invoiceDate")).toBe("2026-09-30");
  });

  test("a 0 % row needs its tax named: a line item at 0 % discount adds nothing", () => {
    const text = BILLS.us3.replace("VAT 0% on $ 6,277.66            $ 0.00", "Discount 0%      6,277.66      0.00");
    expect(extractBill([page(text)], OPTIONS).taxes.map((t) => t.rate)).not.toContain(0);
  });
});
