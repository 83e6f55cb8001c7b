// The text layer as pdftotext gives it (issue 13, stop 32): some PDF producers write accents as a letter followed by a
// combining or a spacing mark ("Fa\u0308llig", "Fa¨llig") and "fi"/"fl" as one ligature glyph ("Zahlungsempfänger",
// "ﬁnal"). The words are read as printed, so that labels, names and dates match.
import { describe, expect, it } from "vitest";
import { extractBill } from "../../../web_src/engine/bills/extract_bill";
import { pagesFromBboxLayout, pageText } from "../../../web_src/engine/bills/layout";

/** A pdftotext -bbox-layout page of one word per cell, each row a line. */
function bbox(rows: ReadonlyArray<readonly string[]>): string {
  const words = rows.flatMap((row, r) => row.map((w, c) => `<word xMin="${40 + c * 150}" yMin="${40 + r * 14}" xMax="${40 + c * 150 + w.length * 5}" yMax="${50 + r * 14}">${w}</word>`));
  return `<doc><page width="595" height="842">${words.join("")}</page></doc>`;
}

describe("pdf text layer: accents and ligatures as the producer wrote them", () => {
  it("composes a letter and its combining or spacing mark, and splits ligatures", () => {
    const [page] = pagesFromBboxLayout(bbox([["Fa\u0308llig", "Re\u0301f.", "Fa¨llig", "Ge´ne´ral", "ﬁnal", "Zahlungsempfa¨nger", "Auﬂage", "eﬀort"]]));
    expect(pageText(page!).split(/\s{3}/)).toEqual(["Fällig", "Réf.", "Fällig", "Général", "final", "Zahlungsempfänger", "Auflage", "effort"]);
  });

  it("leaves a mark after a letter it does not go on as printed ('Paul`s', 'don´t')", () => {
    const [page] = pagesFromBboxLayout(bbox([["Paul`s", "don´t"]]));
    expect(pageText(page!).split(/\s{3}/)).toEqual(["Paul`s", "don´t"]);
  });

  it("reads a bill whose captions carry such accents", () => {
    const pages = pagesFromBboxLayout(bbox([
      ["Hofmann Metallbau GmbH"],
      ["Rechnungsnummer", "RE-2026-118"],
      ["Rechnungsdatum", "05.03.2026"],
      ["Fa¨llig am", "19.03.2026"],
      ["Nettobetrag", "1.000,00 €"],
      ["MwSt 19 %", "190,00 €"],
      ["Gesamtbetrag", "1.190,00 €"],
    ]));
    const bill = extractBill(pages, { source: "text_layer", today: "2026-12-01" });
    expect(bill.fields.dueDate?.value).toBe("2026-03-19");
  });
});

/** pdftotext words for `text` set at x0 with `letter` pt between glyphs and `space` pt for a space, each glyph its own
 * word when `perGlyph` (as letter-spaced or glyph-by-glyph text comes out), glyphs 5 pt wide. */
function glyphs(text: string, x0: number, y0: number, letter: number, space: number): string {
  let x = x0;
  const out: string[] = [];
  for (const ch of text) {
    if (ch === " ") {
      x += space;
      continue;
    }
    out.push(`<word xMin="${x}" yMin="${y0}" xMax="${x + 5}" yMax="${y0 + 10}">${ch}</word>`);
    x += 5 + letter;
  }
  return out.join("");
}

describe("pdf text layer: letter-spaced and glyph-by-glyph words", () => {
  const doc = (...rows: string[]) => `<doc><page width="595" height="842">${rows.join("")}</page></doc>`;

  it("joins a letter-spaced word's letters, and breaks where the gap is wider than the letters'", () => {
    const [page] = pagesFromBboxLayout(doc(glyphs("RECHNUNG", 40, 40, 2, 0), glyphs("Total net", 40, 60, 1.5, 6)));
    expect(pageText(page!).split("\n")).toEqual(["RECHNUNG", "Total net"]);
  });

  it("joins glyphs placed one by one without a gap into their word", () => {
    const [page] = pagesFromBboxLayout(doc(glyphs("Gesamtbetrag", 40, 40, 0, 0), `<word xMin="150" yMin="40" xMax="190" yMax="50">1.190,00</word>`));
    expect(pageText(page!)).toBe("Gesamtbetrag   1.190,00");
  });

  it("keeps words a normal space apart, and short runs of single letters ('T V A', 'z B'), as they are", () => {
    const [page] = pagesFromBboxLayout(doc(glyphs("T V A", 40, 40, 0, 3), `<word xMin="40" yMin="60" xMax="60" yMax="70">Total</word><word xMin="63" yMin="60" xMax="78" yMax="70">net</word>`));
    expect(pageText(page!).split("\n")).toEqual(["T V A", "Total net"]);
  });

  it("reads a bill whose captions are letter-spaced", () => {
    const pages = pagesFromBboxLayout(doc(
      `<word xMin="40" yMin="40" xMax="90" yMax="50">Hofmann</word><word xMin="93" yMin="40" xMax="140" yMax="50">Metallbau</word><word xMin="143" yMin="40" xMax="165" yMax="50">GmbH</word>`,
      glyphs("Rechnungsnummer", 40, 60, 2, 6), `<word xMin="300" yMin="60" xMax="360" yMax="70">RE-2026-118</word>`,
      glyphs("Rechnungsdatum", 40, 80, 2, 6), `<word xMin="300" yMin="80" xMax="360" yMax="90">05.03.2026</word>`,
      glyphs("Netto", 40, 100, 2, 6), `<word xMin="300" yMin="100" xMax="345" yMax="110">1.000,00</word>`,
      glyphs("MwSt", 40, 120, 2, 6), `<word xMin="80" yMin="120" xMax="92" yMax="130">19</word><word xMin="95" yMin="120" xMax="100" yMax="130">%</word><word xMin="300" yMin="120" xMax="340" yMax="130">190,00</word>`,
      glyphs("Gesamtbetrag", 40, 140, 2, 6), `<word xMin="300" yMin="140" xMax="345" yMax="150">1.190,00</word>`,
    ));
    const bill = extractBill(pages, { source: "text_layer", today: "2026-12-01" });
    expect([bill.fields.invoiceNumber?.value, bill.fields.invoiceDate?.value, bill.fields.untaxed?.value, bill.fields.totalTax?.value, bill.fields.total?.value]).toEqual(["RE-2026-118", "2026-03-05", 1000, 190, 1190]);
  });
});
