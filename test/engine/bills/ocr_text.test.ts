// What OCR reads from the rules of a printed form: the left and right edges of a box or table cell around a value come
// out as words of their own ("|", ":", "[", "]"), glued to the text they frame, so a label no longer starts its cell.
// Hand-written tesseract TSV (300 dpi boxes), read as the scan path reads it.
import { describe, expect, it } from "vitest";
import { extractBill } from "../../../web_src/engine/bills/extract_bill";
import { pageFromTesseractTsv, pageText } from "../../../web_src/engine/bills/layout";
import { withoutRuleGlyphs } from "../../../web_src/engine/bills/ocr_text";

const HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n1\t1\t0\t0\t0\t0\t0\t0\t2481\t3508\t-1\t";
const row = (line: number, word: number, left: number, top: number, w: number, text: string, conf = 92) => `5\t1\t1\t1\t${line}\t${word}\t${left}\t${top}\t${w}\t30\t${conf}\t${text}`;
const read = (rows: string[]) => withoutRuleGlyphs(pageFromTesseractTsv([HEADER, ...rows].join("\n"), 1));

describe("OCR of a value in a ruled box", () => {
  it("drops the box's edges read as ':' or '|' at the ends of a cell, so the label starts its cell again", () => {
    const page = read([
      row(1, 1, 150, 100, 400, "Harbour Tools Ltd"),
      row(2, 1, 1380, 190, 8, ":"),
      row(2, 2, 1400, 190, 110, "Invoice"),
      row(2, 3, 1525, 190, 50, "No"),
      row(2, 4, 1588, 190, 8, ":"),
      row(2, 5, 1610, 190, 22, "#"),
      row(2, 6, 1645, 190, 300, "HT-2024-0137"),
      row(2, 7, 1960, 190, 8, "|"),
      row(3, 1, 150, 300, 150, "Invoice"),
      row(3, 2, 315, 300, 90, "Date:"),
      row(3, 3, 420, 300, 200, "04.03.2024"),
      row(4, 1, 150, 900, 120, "Total"),
      row(4, 2, 1700, 900, 8, "|"),
      row(4, 3, 1720, 900, 160, "288,00"),
      row(4, 4, 1890, 900, 40, "EUR"),
    ]);
    expect(pageText(page).split("\n")).toEqual(["Harbour Tools Ltd", "Invoice No : # HT-2024-0137", "Invoice Date: 04.03.2024", "Total   288,00 EUR"]);
    const bill = extractBill([page], { source: "ocr", today: "2026-12-01" });
    expect(bill.fields.invoiceNumber?.value).toBe("HT-2024-0137");
    expect(bill.fields.total?.value).toBe(288);
  });

  it("keeps a colon or bar that is all a cell holds, and the punctuation inside a cell", () => {
    const page = read([row(1, 1, 150, 100, 8, "|"), row(1, 2, 900, 100, 120, "Qty"), row(1, 3, 1035, 100, 8, "|"), row(1, 4, 1055, 100, 120, "Price")]);
    expect(pageText(page)).toBe("|   Qty | Price");
  });
});
