// The OCR path's page model (layout.ts, pageFromTesseractTsv) on synthetic tesseract TSV: word boxes as tesseract
// gives them (ink boxes: a capital is about 0.7 em high, not the 1.15 em of a PDF text layer's font box), so the
// words of one column stay one cell as they do on the text layer.
import { describe, expect, it } from "vitest";
import { extractBill } from "../../../web_src/engine/bills/extract_bill";
import { pageFromTesseractTsv, pageText } from "../../../web_src/engine/bills/layout";

const HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n1\t1\t0\t0\t0\t0\t0\t0\t2481\t3508\t-1\t";
const row = (word: number, left: number, top: number, w: number, h: number, text: string, line = 1, conf = 95) =>
  `5\t1\t1\t1\t${line}\t${word}\t${left}\t${top}\t${w}\t${h}\t${conf}\t${text}`;
const cells = (tsv: string[]) => pageFromTesseractTsv([HEADER, ...tsv].join("\n"), 1).lines.map((l) => l.cells.map((c) => c.text));

describe("OCR cells", () => {
  it("keeps a name in a wide (monospaced) font one cell: the space is one character, wider than the capitals' ink height", () => {
    // ZUGFeRD_1p0_*: "MUSTERLIEFERANT GMBH" and "MUSTER-KUNDE GMBH" at 300 dpi, boxes as tesseract 5 gives them.
    expect(cells([row(1, 167, 343, 298, 21, "MUSTERLIEFERANT"), row(2, 489, 343, 76, 21, "GMBH"), row(3, 876, 343, 237, 21, "MUSTER-KUNDE"), row(4, 1138, 343, 76, 21, "GMBH")])).toEqual([
      ["MUSTERLIEFERANT GMBH", "MUSTER-KUNDE GMBH"],
    ]);
  });

  it("still splits columns two spaces apart", () => {
    // 10-pt text at 300 dpi: capitals ~29 px of ink, em ~42 px; the value starts about two em after its label.
    expect(cells([row(1, 100, 500, 150, 29, "Rechnung"), row(2, 265, 500, 60, 29, "Nr.:"), row(3, 410, 500, 150, 29, "RE-4711")])).toEqual([["Rechnung Nr.:", "RE-4711"]]);
  });
});

describe("OCR words", () => {
  it("gets back the umlauts and accents of bill words the English model dropped (März, Fälligkeitstag, échéance)", () => {
    // ZUGFeRD_1p0_COMFORT_Kraftfahrversicherung: "11. März 2014" read "Marz", "Fälligkeitstag" read "Falligkeitstag".
    const page = pageFromTesseractTsv(
      [
        HEADER,
        row(1, 150, 300, 200, 30, "Beitragsrechnung"),
        row(2, 370, 300, 60, 30, "Nr."),
        row(3, 450, 300, 200, 30, "00.123.456.7"),
        row(4, 1800, 300, 50, 30, "11."),
        row(5, 1870, 300, 90, 30, "Marz"),
        row(6, 1980, 300, 90, 30, "2014"),
        row(1, 150, 400, 300, 30, "Falligkeitstag:", 2),
        row(2, 470, 400, 200, 30, "01.04.2014", 2),
        row(1, 150, 500, 250, 30, "Rechnungsempfanger", 3),
        row(2, 1200, 500, 150, 30, "ECHEANCE", 3),
        row(1, 150, 600, 250, 30, "Gesamtbetrag", 4),
        row(2, 1800, 600, 150, 30, "220,00", 4),
        row(3, 1970, 600, 20, 30, "€", 4),
      ].join("\n"),
      1,
    );
    expect(pageText(page).split("\n")).toEqual(["Beitragsrechnung Nr. 00.123.456.7   11. März 2014", "Fälligkeitstag: 01.04.2014", "Rechnungsempfänger   ÉCHÉANCE", "Gesamtbetrag   220,00 €"]);
    const bill = extractBill([page], { source: "ocr", today: "2026-12-01" });
    expect(bill.fields.invoiceDate?.value).toBe("2014-03-11");
    expect(bill.fields.dueDate?.value).toBe("2014-04-01");
  });

  it("leaves words that only look alike (Marzahn, falling, Kaufering)", () => {
    const page = pageFromTesseractTsv([HEADER, row(1, 100, 100, 200, 30, "Marzahn"), row(2, 320, 100, 200, 30, "falling"), row(3, 540, 100, 200, 30, "Kaufering")].join("\n"), 1);
    expect(pageText(page)).toBe("Marzahn falling Kaufering");
  });
});

describe("OCR of a skewed scan", () => {
  it("puts the words of a page scanned 3° askew back on their lines", () => {
    // Two lines, label on the left and value 1700 px to the right, the page turned 3° clockwise: the value sits
    // 89 px lower than its label, lower than the next line's label.
    const slope = Math.tan((3 * Math.PI) / 180);
    const at = (word: number, x: number, y: number, w: number, text: string, line: number) => row(word, x, Math.round(y + slope * x), w, 29, text, line);
    const tsv = [at(1, 100, 300, 150, "Invoice", 1), at(2, 265, 300, 80, "No:", 1), at(3, 1800, 300, 120, "4711", 1), at(1, 100, 360, 110, "Total", 2), at(2, 1800, 360, 120, "12,00", 2)];
    expect(cells(tsv)).toEqual([
      ["Invoice No:", "4711"],
      ["Total", "12,00"],
    ]);
  });
});
