// Bills written here by hand with their words placed as a PDF places them (font sizes, columns), read by the engine
// without poppler: the layout tests of the vendor's block and letterhead share them.
import { extractBill, type ExtractOptions } from "../../../web_src/engine/bills/extract_bill";
import type { BillFields } from "../../../web_src/contracts/bills";
import { pageFromWords, type Page, type Word } from "../../../web_src/engine/bills/layout";

/** A run of text at (x, y) points from the page's top-left, in a font of `size` points. */
export type Run = [x: number, y: number, size: number, text: string];

/** An A4 page of runs, each word as wide as half its font size per letter. */
export function wordPage(runs: readonly Run[]): Page {
  const words: Word[] = [];
  for (const [x, y, size, text] of runs) {
    let at = x;
    for (const m of text.matchAll(/\S+|\s+/g)) {
      const width = m[0].length * size * 0.5;
      if (m[0].trim() !== "") words.push({ text: m[0], x0: at, x1: at + width, y0: y, y1: y + size, conf: 1 });
      at += width;
    }
  }
  return pageFromWords(1, 595, 842, words);
}

/** The fields read from one such page, the receiving company's name sent when given. */
export function readWordPage(runs: readonly Run[], company?: string): BillFields {
  const options: ExtractOptions = { source: "text_layer", today: "2026-12-01", ...(company === undefined ? {} : { company: { name: company } }) };
  return extractBill([wordPage(runs)], options).fields;
}
