// OCR's letter-for-digit confusions in the figures, dates, IBANs and VAT numbers of a scanned bill: tesseract reads a
// 0 as O, a 1 as l or I, a 5 as S, an 8 as B where the print is faint or the font narrow, and the value is then no
// figure, no date, an IBAN failing its mod-97 check or a VAT number failing its country's checksum, and is lost. The
// scan path repairs them from what they must be (engine/bills/ocr_text.ts repairedConfusions): inside a figure or
// a date a letter between digits; in an IBAN or a checksummed VAT number only when exactly one repair of the
// confusable characters passes the checksum. Hand-written tesseract TSV (300 dpi boxes), read as the scan path reads
// it; several languages and layouts.
import { describe, expect, it } from "vitest";
import { extractBill } from "../../../web_src/engine/bills/extract_bill";
import { pageFromTesseractTsv, pageText } from "../../../web_src/engine/bills/layout";
import { repairedConfusions, withoutRuleGlyphs } from "../../../web_src/engine/bills/ocr_text";

const HEAD = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n1\t1\t0\t0\t0\t0\t0\t0\t2481\t3508\t-1\t";
/** A page of lines, each a list of [left, text] words 30 px high (words of one cell 20 px apart). */
function page(lines: ReadonlyArray<ReadonlyArray<readonly [number, string]>>) {
  const rows: string[] = [HEAD];
  lines.forEach((words, l) => {
    words.forEach(([left, text], w) => rows.push(`5\t1\t1\t1\t${l + 1}\t${w + 1}\t${left}\t${100 + 90 * l}\t${text.length * 22}\t30\t90\t${text}`));
  });
  return repairedConfusions(withoutRuleGlyphs(pageFromTesseractTsv(rows.join("\n"), 1)));
}
/** Words of a line set one after the other from `left`, as one cell. */
function cell(left: number, text: string): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  let x = left;
  for (const w of text.split(" ")) {
    out.push([x, w]);
    x += w.length * 22 + 20;
  }
  return out;
}

describe("OCR confusions repaired in the scan path", () => {
  it("reads figures and dates whose digits came out as letters (O, l, I, S, B between digits)", () => {
    const read = page([
      cell(150, "Brasserie du Port SARL"),
      cell(150, "12 quai de la Fosse, 44000 Nantes"),
      [...cell(1400, "Facture n°"), ...cell(1700, "F-2025-0412")],
      [...cell(1400, "Date :"), ...cell(1700, "l4.O3.2025")],
      [...cell(150, "Total HT"), ...cell(1700, "1 2SO,OO €")],
      [...cell(150, "TVA 20 %"), ...cell(1700, "25O,OO €")],
      [...cell(150, "Total TTC"), ...cell(1700, "l 5OO,OO €")],
    ]);
    expect(pageText(read).split("\n").slice(3)).toEqual(["Date :   14.03.2025", "Total HT   1 250,00 €", "TVA 20 %   250,00 €", "Total TTC   1 500,00 €"]);
    const bill = extractBill([read], { source: "ocr", today: "2026-12-01" });
    expect([bill.fields.invoiceDate?.value, bill.fields.untaxed?.value, bill.fields.totalTax?.value, bill.fields.total?.value]).toEqual(["2025-03-14", 1250, 250, 1500]);
  });

  it("leaves letters that belong to the text: codes, words, invoice numbers starting with letters", () => {
    const read = page([cell(150, "Order S00012 ref BO-1O5 qty 1O pcs"), cell(150, "SOLO 2B IS OK"), cell(150, "Invoice INV1O05")]);
    expect(pageText(read).split("\n")).toEqual(["Order S00012 ref BO-1O5 qty 1O pcs", "SOLO 2B IS OK", "Invoice INV1O05"]);
  });

  it("repairs an IBAN failing mod-97 when exactly one confusable character read otherwise passes it", () => {
    // DE89 3704 0044 0532 0130 00 read with O for 0 and l for 1; NL91 ABNA 0417 1643 00 with 8 for B (bank letters).
    const read = page([cell(150, "IBAN: DE89 37O4 OO44 O532 Ol3O OO"), cell(150, "IBAN NL91 A8NA 0417 1643 00"), cell(150, "IBAN GB29 NWBK 6016 1331 9268 19")]);
    expect(pageText(read).split("\n")).toEqual(["IBAN: DE89 3704 0044 0532 0130 00", "IBAN NL91 ABNA 0417 1643 00", "IBAN GB29 NWBK 6016 1331 9268 19"]);
  });

  it("leaves an IBAN failing mod-97 when no repair or more than one passes", () => {
    // A digit misread as another digit (no letter to repair), and one confusable character whose repair fails.
    const read = page([cell(150, "IBAN DE89 3704 0044 0532 0130 01"), cell(150, "IBAN DE88 37O4 0044 0532 0130 00")]);
    expect(pageText(read).split("\n")).toEqual(["IBAN DE89 3704 0044 0532 0130 01", "IBAN DE88 37O4 0044 0532 0130 00"]);
  });

  it("repairs a VAT number whose digits came out as letters when its country's checksum then passes, else leaves it", () => {
    // DE136695976 (valid), FR40303265045 (valid), IT00743110157 (valid), read with confusions.
    const read = page([cell(150, "USt-IdNr.: DE l36 695 976"), cell(150, "TVA intracom. FR4O3O3265O45"), cell(150, "P.IVA IT0O7431lO157"), cell(150, "VAT DE 136 695 97S")]);
    expect(pageText(read).split("\n")).toEqual(["USt-IdNr.: DE 136 695 976", "TVA intracom. FR40303265045", "P.IVA IT00743110157", "VAT DE 136 695 97S"]);
  });
});
