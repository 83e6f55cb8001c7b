// A receipt page written as text, for the receipt-mode tests and the held-out receipts bench.
import { pageFromWords, type Page, type Word } from "../../../web_src/engine/bills/layout";

/** A receipt page from text: one line per line, cells at runs of 2+ spaces. A line starting with "!" is printed
 * large (a logo or the shop's name); on one starting with "?" the first cell was read by OCR with low confidence (a
 * logo read as letters). */
export function receipt(text: string): Page {
  const words: Word[] = [];
  let y = 0;
  for (const raw of text.replace(/^\n/, "").split("\n")) {
    const large = raw.startsWith("!");
    const unclear = raw.startsWith("?");
    const line = large || unclear ? raw.slice(1) : raw;
    const h = large ? 26 : 10;
    const logoEnd = unclear ? (/\s{2,}/.exec(line)?.index ?? line.length) : 0;
    for (const m of line.matchAll(/\S+/g)) {
      const x0 = (m.index ?? 0) * 6;
      words.push({ text: m[0], x0, x1: x0 + m[0].length * (large ? 15 : 6), y0: y, y1: y + h, conf: (m.index ?? 0) < logoEnd ? 0.35 : 0.92 });
    }
    y += h + 4;
  }
  return pageFromWords(1, 400, Math.max(900, y), words);
}
