// The page model the extractor reads: words with their boxes, grouped into visual lines (top to bottom) and, within
// a line, into cells (runs of words separated by less than a column gap). Built from pdftotext's -bbox-layout XHTML
// (a PDF's text layer) or from tesseract's TSV (OCR of a page image), so both paths share one extractor.
// Pure functions over the tools' text output; the endpoint runs the tools.

export interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** OCR confidence 0..1; 1 for a text layer. */
  conf: number;
}

export interface Cell {
  text: string;
  x0: number;
  x1: number;
  words: Word[];
}

export interface Line {
  text: string;
  y0: number;
  y1: number;
  cells: Cell[];
}

export interface Page {
  /** 1-based page number in the document. */
  number: number;
  width: number;
  height: number;
  lines: Line[];
  /** Mean OCR confidence of the page's words (1 for a text layer). */
  conf: number;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Spacing accents some PDF producers print after their letter ("Fa¨llig"), as the combining marks they stand for. */
const SPACING_MARKS: Readonly<Record<string, { mark: string; on: RegExp }>> = {
  "¨": { mark: "\u0308", on: /[aeiouy]/i },
  // Not on consonants: "geht´s", "don´t" print the accent for an apostrophe.
  "´": { mark: "\u0301", on: /[aeiouy]/i },
  "`": { mark: "\u0300", on: /[aeiou]/i },
  "ˆ": { mark: "\u0302", on: /[aeiou]/i },
  "˜": { mark: "\u0303", on: /[aon]/i },
  "¸": { mark: "\u0327", on: /[cs]/i },
  "˚": { mark: "\u030a", on: /[au]/i },
  "ˇ": { mark: "\u030c", on: /[cdenrstz]/i },
};
const LIGATURES: Readonly<Record<string, string>> = { "ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st" };

/** A word of the text layer as printed: a letter and its combining or spacing mark composed ("Fa\u0308llig",
 * "Fa¨llig" → "Fällig"), ligature glyphs split ("ﬁ" → "fi"). */
export function printedWord(text: string): string {
  return text
    .replace(/[ﬀ-ﬆ]/g, (l) => LIGATURES[l] ?? l)
    .replace(/(\p{L})([¨´`ˆ˜¸˚ˇ])/gu, (whole, letter: string, spacing: string) => {
      const accent = SPACING_MARKS[spacing];
      if (accent === undefined || !accent.on.test(letter)) return whole;
      const composed = `${letter}${accent.mark}`.normalize("NFC");
      return composed.length === 1 ? composed : whole;
    })
    .normalize("NFC");
}

/** Pages of `pdftotext -bbox-layout` output (numbered from `firstPage`). */
export function pagesFromBboxLayout(xhtml: string, firstPage = 1): Page[] {
  const pages: Page[] = [];
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  const wordRe = /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([\s\S]*?)<\/word>/g;
  let index = 0;
  for (const page of xhtml.matchAll(pageRe)) {
    const words: Word[] = [];
    for (const w of (page[3] ?? "").matchAll(wordRe)) {
      const text = printedWord(decodeEntities(w[5] ?? "").trim());
      if (text === "") continue;
      words.push({ text, x0: Number(w[1]), y0: Number(w[2]), x1: Number(w[3]), y1: Number(w[4]), conf: 1 });
    }
    pages.push(pageFromWords(firstPage + index, Number(page[1]), Number(page[2]), words));
    index++;
  }
  return pages;
}

/** One page from `tesseract … tsv` output (level-5 rows are words). A page tesseract read rotated (`--psm 1` finds
 * the orientation itself but gives boxes in the image's frame) is turned upright first, from the direction in which
 * the words of its lines run. */
export function pageFromTesseractTsv(tsv: string, pageNumber: number): Page {
  const words: Array<Word & { line: string }> = [];
  let width = 0;
  let height = 0;
  for (const row of tsv.split("\n").slice(1)) {
    const cols = row.split("\t");
    if (cols.length < 12) continue;
    const [level, page, block, par, lineNum, , left, top, w, h, conf, ...rest] = cols;
    const text = rest.join("\t").trim();
    if (level === "1") {
      width = Number(w);
      height = Number(h);
    }
    if (level !== "5" || text === "") continue;
    const c = Number(conf);
    // Tesseract's very unsure words are mostly speckles and lines read as letters.
    if (c < 20) continue;
    const x0 = Number(left);
    const y0 = Number(top);
    words.push({ text: restoreDiacritics(text), x0, y0, x1: x0 + Number(w), y1: y0 + Number(h), conf: c / 100, line: `${page}.${block}.${par}.${lineNum}` });
  }
  const degrees = readingDirection(words);
  const upright = deskew(
    words.map((word) => rotateWord(word, degrees, width, height)),
    words.map((w) => w.line),
  );
  const turned = degrees === 90 || degrees === 270;
  return pageFromWords(pageNumber, turned ? height : width, turned ? width : height, upright, OCR_CELL_GAP);
}

/** Tesseract's word boxes hold the ink alone: a line of capitals is ~0.7 em high, where a text layer's font box is
 * ~1.15 em. The cell gap, a multiple of the line's word height, is scaled by that ratio so that a gap of one space
 * (a whole em in a monospaced font) does not split a name into cells, as it does not on the text layer. */
export const OCR_CELL_GAP = 0.8 * 1.6;

/** Bill words whose umlaut or accent OCR drops (a word read by the English model of `-l eng+deu+fra`), written
 * as the labels and month names are matched: the whole word, or its start or end, folded → as printed. Only
 * these: each one, if misread, loses a date or a label ("11. Marz 2014" is no date, "Falligkeitstag" no label). */
const DROPPED_DIACRITICS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^marz$/i, "märz"],
  [/^fallig/i, "fällig"],
  [/^(d['’])?echeance/i, "$1échéance"],
  [/empfanger(s|in)?$/i, "empfänger$1"],
  [/kaufer(s|in)?$/i, "käufer$1"],
];

/** `word` with the diacritics of DROPPED_DIACRITICS put back, in the case the word was printed in. */
export function restoreDiacritics(word: string): string {
  const m = /^([^\p{L}]*)(.*?)([^\p{L}]*)$/u.exec(word);
  const [, lead = "", core = "", trail = ""] = m ?? [];
  for (const [re, replacement] of DROPPED_DIACRITICS) {
    const hit = re.exec(core);
    if (hit === null) continue;
    const fixed = hit[0].replace(re, replacement);
    // Same length (one letter for one letter): each letter keeps the case it was read in.
    const cased = [...fixed].map((ch, i) => (core.charAt(hit.index + i) === core.charAt(hit.index + i).toUpperCase() ? ch.toUpperCase() : ch)).join("");
    return lead + core.slice(0, hit.index) + cased + core.slice(hit.index + hit[0].length) + trail;
  }
  return word;
}

/** 0, 90, 180 or 270: where the words of a line run (right, down, left, up), by majority. */
export function readingDirection(words: ReadonlyArray<Word & { line: string }>): 0 | 90 | 180 | 270 {
  const votes = [0, 0, 0, 0];
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1] as Word & { line: string };
    const b = words[i] as Word & { line: string };
    if (a.line !== b.line) continue;
    const dx = (b.x0 + b.x1) / 2 - (a.x0 + a.x1) / 2;
    const dy = (b.y0 + b.y1) / 2 - (a.y0 + a.y1) / 2;
    const k = Math.abs(dx) >= Math.abs(dy) ? (dx >= 0 ? 0 : 2) : dy >= 0 ? 1 : 3;
    votes[k] = (votes[k] ?? 0) + 1;
  }
  const best = votes.indexOf(Math.max(...votes));
  return ([0, 90, 180, 270] as const)[best] ?? 0;
}

/** A page scanned a few degrees askew: tesseract still finds its lines, but a line's right end sits higher or lower
 * than its left, past the next line. The slope is the median over the neighbouring words of tesseract's lines (its
 * own deskewed reading); each word is moved up or down by it, about the page's middle. Under 0.2° or over 10°
 * nothing is moved. `lines[i]` is the tesseract line of `words[i]`. */
function deskew(words: Word[], lines: readonly string[]): Word[] {
  const slopes: number[] = [];
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1] as Word;
    const b = words[i] as Word;
    if (lines[i] !== lines[i - 1]) continue;
    const dx = (b.x0 + b.x1) / 2 - (a.x0 + a.x1) / 2;
    if (dx <= 0 || dx < (b.y1 - b.y0) * 2) continue;
    slopes.push(((b.y0 + b.y1) / 2 - (a.y0 + a.y1) / 2) / dx);
  }
  if (slopes.length < 3) return words;
  slopes.sort((x, y) => x - y);
  const slope = slopes[Math.floor(slopes.length / 2)] ?? 0;
  const degrees = Math.abs((Math.atan(slope) * 180) / Math.PI);
  if (degrees < 0.2 || degrees > 10) return words;
  const middle = words.reduce((m, w) => Math.max(m, w.x1), 0) / 2;
  return words.map((w) => {
    const shift = slope * ((w.x0 + w.x1) / 2 - middle);
    return { ...w, y0: w.y0 - shift, y1: w.y1 - shift };
  });
}

function rotateWord(word: Word, degrees: 0 | 90 | 180 | 270, width: number, height: number): Word {
  const map = (x: number, y: number): [number, number] => {
    switch (degrees) {
      case 0:
        return [x, y];
      case 90:
        return [y, width - x];
      case 180:
        return [width - x, height - y];
      case 270:
        return [height - y, x];
    }
  };
  const [ax, ay] = map(word.x0, word.y0);
  const [bx, by] = map(word.x1, word.y1);
  return { text: word.text, conf: word.conf, x0: Math.min(ax, bx), x1: Math.max(ax, bx), y0: Math.min(ay, by), y1: Math.max(ay, by) };
}

/** Group words into lines (by vertical overlap) and lines into cells (by horizontal gaps wider than `cellGap` times
 * the line's median word height: about two spaces of a text layer's font box). */
export function pageFromWords(number: number, width: number, height: number, words: readonly Word[], cellGap = 0.8): Page {
  const sorted = [...words].sort((a, b) => (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2 || a.x0 - b.x0);
  const groups: Word[][] = [];
  let current: Word[] = [];
  let top = 0;
  let bottom = 0;
  for (const word of sorted) {
    const mid = (word.y0 + word.y1) / 2;
    if (current.length > 0 && mid > top && mid < bottom) {
      current.push(word);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [word];
    top = word.y0;
    bottom = word.y1;
  }
  if (current.length > 0) groups.push(current);
  const lines = groups.map((g) => lineFromWords(g, cellGap));
  const conf = words.length === 0 ? 0 : words.reduce((s, w) => s + w.conf, 0) / words.length;
  return { number, width, height, lines, conf };
}

function lineFromWords(words: Word[], cellGap: number): Line {
  const row = [...words].sort((a, b) => a.x0 - b.x0);
  const heights = row.map((w) => w.y1 - w.y0).sort((a, b) => a - b);
  const h = heights[Math.floor(heights.length / 2)] ?? 10;
  const cells: Cell[] = [];
  for (const word of row) {
    const last = cells[cells.length - 1];
    // A gap wider than about two spaces starts a new cell (column).
    if (last !== undefined && word.x0 - last.x1 < h * cellGap) {
      last.words.push(word);
      last.text += ` ${word.text}`;
      last.x1 = Math.max(last.x1, word.x1);
    } else {
      cells.push({ text: word.text, x0: word.x0, x1: word.x1, words: [word] });
    }
  }
  for (const cell of cells) cell.text = cellText(cell.words, h);
  return {
    text: cells.map((c) => c.text).join("   "),
    y0: Math.min(...row.map((w) => w.y0)),
    y1: Math.max(...row.map((w) => w.y1)),
    cells,
  };
}

/** A cell's text from its words: words that touch (a font change inside a word, glyphs placed one by one) are one
 * word, and a letter-spaced run ("N e t t o", "R E C H N U N G") is read as its words — its letters joined, a break
 * where the gap is clearly wider than between its letters. */
function cellText(words: readonly Word[], h: number): string {
  const parts: Array<{ text: string; gapBefore: number }> = [];
  words.forEach((word, i) => {
    const gap = i === 0 ? Infinity : word.x0 - (words[i - 1] as Word).x1;
    const last = parts[parts.length - 1];
    // Touching, not overlapping: boxes that overlap are words set over each other (a fixture's, a scan's), kept apart.
    if (last !== undefined && gap > -0.05 * h && gap < 0.1 * h) last.text += word.text;
    else parts.push({ text: word.text, gapBefore: gap });
  });
  const single = (t: string) => /^\p{L}$/u.test(t);
  let out = "";
  for (let i = 0; i < parts.length; ) {
    let j = i;
    while (j < parts.length && single(parts[j]?.text ?? "")) j++;
    if (j - i >= 4) {
      const gaps = parts.slice(i + 1, j).map((p) => p.gapBefore).sort((a, b) => a - b);
      const letterGap = gaps[Math.floor((gaps.length - 1) / 3)] ?? 0;
      const run = parts.slice(i, j).map((p, k) => (k > 0 && p.gapBefore > 1.6 * letterGap + 0.05 * h ? ` ${p.text}` : p.text)).join("");
      out += (out === "" ? "" : " ") + run;
      i = j;
      continue;
    }
    out += (out === "" ? "" : " ") + (parts[i]?.text ?? "");
    i++;
  }
  return out;
}

/** The page's text, one line per visual line, cells separated by three spaces. */
export function pageText(page: Page): string {
  return page.lines.map((l) => l.text).join("\n");
}

/** A page from plain text (one line per line, cells at runs of 2+ spaces): for text fixtures and plain .txt bills. */
export function pageFromPlainText(text: string, number = 1): Page {
  const words: Word[] = [];
  text.split(/\r?\n/).forEach((line, row) => {
    for (const m of line.matchAll(/\S+/g)) {
      const x0 = (m.index ?? 0) * 6;
      words.push({ text: m[0], x0, x1: x0 + m[0].length * 6, y0: row * 12, y1: row * 12 + 10, conf: 1 });
    }
  });
  return pageFromWords(number, 600, 800, words);
}
