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
