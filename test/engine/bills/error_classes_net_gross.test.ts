// A reading error class on German totals blocks (issue 13, stop 32): the net and the gross amount printed on two lines,
// each with its own label and no tax line ("Nettobetrag EUR 4.000,00" over "Gesamtbetrag EUR 4.760,00"). The untaxed
// label used to take the gross amount on the line below as its value too, so "untaxed = total, no tax" added up and won
// over the net printed beside its own label.
import { describe, expect, it } from "vitest";
import { extractBill } from "../../../web_src/engine/bills/extract_bill";
import { GERMAN_HEAD, OPTIONS, header, page } from "./text_bill_fixture";

const bill = (totals: string) =>
  extractBill([page(`
${GERMAN_HEAD}1    Wartung Förderanlage       1         4.000,00        4.000,00
${totals}
`)], OPTIONS);

describe("reading error classes: a net and a gross line with no tax line", () => {
  it.each([
    ["Nettobetrag EUR 4.000,00\nGesamtbetrag EUR 4.760,00"],
    ["Nettobetrag 4.000,00\nGesamtbetrag 4.760,00"],
    ["Summe netto 4.000,00 €\nRechnungsbetrag 4.760,00 €"],
    ["Gesamtbetrag netto 4.000,00 €\nGesamtbetrag brutto 4.760,00 €"],
    ["Nettobetrag                 4.000,00 EUR\nzzgl. 19 % MwSt.\nGesamtbetrag                4.760,00 EUR"],
  ])("%s: the net is the untaxed amount, the difference the tax", (totals) => {
    const read = bill(totals);
    expect(header(read)).toMatchObject({ untaxed: 4000, totalTax: 760, total: 4760 });
    // The tax is not printed: it is derived, and so left for review.
    expect(read.fields.totalTax?.confidence).toBeLessThan(0.8);
    expect(read.fields.totalTax?.sourceText).toMatch(/19 %/);
  });

  it("derives no tax when the difference is no usual rate of the net (a surcharge, a freight line left out)", () => {
    const read = bill("Nettobetrag EUR 4.000,00\nGesamtbetrag EUR 4.123,45");
    expect(header(read)).toMatchObject({ untaxed: 4000, total: 4123.45 });
    expect(read.fields.totalTax?.value ?? null).toBeNull();
  });

  it("keeps a net = gross bill without tax as it was (Kleinunternehmer, § 19 UStG)", () => {
    const read = bill("Nettobetrag EUR 4.000,00\nGesamtbetrag EUR 4.000,00\nKein Ausweis der Umsatzsteuer gemäß § 19 UStG.");
    expect(header(read)).toMatchObject({ untaxed: 4000, totalTax: 0, total: 4000 });
  });
});
