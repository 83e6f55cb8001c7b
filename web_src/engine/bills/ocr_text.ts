// Clean-up of an OCR'd page (layout.ts, pageFromTesseractTsv) before the extractor reads it. The rules of a printed
// form come out of tesseract as words of their own: the left and right edges of a box or table cell around a value
// read as "|", ":", "!", "[" or "]", glued to the text they frame (": Invoice No : # 4711 :"), so a label no longer
// starts its cell and is not found. Those words are dropped at the two ends of a cell that holds real text; a cell
// that is only such a glyph, and the punctuation inside a cell ("Invoice No : # 4711"), stay as read.
import type { Cell, Line, Page } from "./layout";

/** A word that is only the ink of a rule: bars, brackets, a colon or an exclamation mark standing alone. */
const RULE_GLYPH = /^[|:![\]¦]+$/;

function trimmed(cell: Cell): Cell {
  let from = 0;
  let to = cell.words.length;
  while (from < to && RULE_GLYPH.test(cell.words[from]?.text ?? "")) from++;
  // A colon at the end is a label's own ("Total :"); only bars and brackets close a box.
  while (to > from && /^[|![\]¦]+$/.test(cell.words[to - 1]?.text ?? "")) to--;
  if (from === to || (from === 0 && to === cell.words.length)) return cell;
  const words = cell.words.slice(from, to);
  return { text: words.map((w) => w.text).join(" "), x0: Math.min(...words.map((w) => w.x0)), x1: Math.max(...words.map((w) => w.x1)), words };
}

/** `page` without the rule glyphs at the ends of its cells. */
export function withoutRuleGlyphs(page: Page): Page {
  let changed = false;
  const lines = page.lines.map((line): Line => {
    const cells = line.cells.map(trimmed);
    if (cells.every((c, i) => c === line.cells[i])) return line;
    changed = true;
    return { ...line, text: cells.map((c) => c.text).join("   "), cells };
  });
  return changed ? { ...page, lines } : page;
}
