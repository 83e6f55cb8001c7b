// Clean-up of an OCR'd page (layout.ts, pageFromTesseractTsv) before the extractor reads it. The rules of a printed
// form come out of tesseract as words of their own: the left and right edges of a box or table cell around a value
// read as "|", ":", "!", "[" or "]", glued to the text they frame (": Invoice No : # 4711 :"), so a label no longer
// starts its cell and is not found. Those words are dropped at the two ends of a cell that holds real text; a cell
// that is only such a glyph, and the punctuation inside a cell ("Invoice No : # 4711"), stay as read.
import type { Cell, Line, Page, Word } from "./layout";
import { ibanValid, normaliseVat, vatChecksum } from "./values";

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

// ---- letters read for digits -------------------------------------------------------------------------------------
// Tesseract reads a 0 as O, a 1 as l, I or |, a 5 as S, an 8 as B, a 2 as Z where the print is faint or narrow, and
// the value is then no figure ("25O,OO"), no date ("l4.O3.2025"), an IBAN failing mod-97 or a VAT number failing its
// checksum. They are repaired from what the value must be: in a word shaped as an amount or a date once repaired, a
// letter among its digits; in an IBAN or a checksummed VAT number, only what makes the checksum pass, and in an IBAN
// whose country allows letters only when exactly one confusable character read otherwise passes it.

/** Letters OCR reads for a digit, and the digit. */
const AS_DIGIT: Readonly<Record<string, string>> = { O: "0", o: "0", l: "1", I: "1", "|": "1", S: "5", B: "8", Z: "2" };
/** What a character of an IBAN may have been read for (both ways: a bank code's letters are read as digits too). */
const IBAN_ALTERNATIVES: Readonly<Record<string, readonly string[]>> = {
  O: ["0"], "0": ["O"], l: ["1", "I"], I: ["1"], "1": ["I"], "|": ["1", "I"], S: ["5"], "5": ["S"], B: ["8"], "8": ["B"], Z: ["2"], "2": ["Z"],
};
/** Countries whose IBAN holds digits alone after the country code. */
const DIGIT_IBANS = new Set(["AT", "BE", "CZ", "DE", "DK", "EE", "ES", "FI", "HR", "HU", "LT", "NO", "PL", "PT", "SE", "SI", "SK"]);
/** An amount ("1.250,00", "(25.50)", "€48.00") or a date ("14.03.2025", "2025-03-14"), once repaired. */
const AMOUNT_SHAPE = /^[(£€$-]?(?:\d{1,3}(?:[.,'’]\d{3})+|\d+)[.,]\d{2}[)€$£-]?$/;
const DATE_SHAPE = /^(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{2}|\d{4})|\d{4}-\d{2}-\d{2})$/;

/** A word shaped as an amount or a date once the letters among its digits are read as digits; else the word. */
function repairedFigure(text: string): string {
  if (!/[OolISBZ|]/.test(text) || !/\d/.test(text)) return text;
  const chars = [...text];
  const digitLike = (c: string | undefined) => c !== undefined && (/\d/.test(c) || c in AS_DIGIT);
  let changed = 0;
  const out = chars.map((c, i) => {
    if (!(c in AS_DIGIT)) return c;
    // Among digits: a digit (or a letter read for one) on one side, on the other a digit, a separator or the end.
    const before = chars[i - 1];
    const after = chars[i + 1];
    const near = (d: string | undefined) => digitLike(d) || d === "." || d === "," || d === undefined;
    if (!(digitLike(before) || digitLike(after)) || !near(before) || !near(after)) return c;
    changed++;
    return AS_DIGIT[c] as string;
  });
  const repaired = out.join("");
  return changed > 0 && (AMOUNT_SHAPE.test(repaired) || DATE_SHAPE.test(repaired)) ? repaired : text;
}

/** The IBAN `s` (compact, as read) repaired, or null: in a country of digits alone every letter read as its digit;
 * else the one single confusable character whose other reading passes mod-97. */
function repairedIban(s: string): string | null {
  if (ibanValid(s)) return null;
  const country = s.slice(0, 2);
  if (DIGIT_IBANS.has(country)) {
    const digits = country + [...s.slice(2)].map((c) => AS_DIGIT[c] ?? c).join("");
    return digits !== s && /^[A-Z]{2}\d+$/.test(digits) && ibanValid(digits) ? digits : null;
  }
  // An IBAN is mostly digits (a bank code of letters at most): a line of capitals is none.
  if ((s.match(/\d/g)?.length ?? 0) < s.length / 2) return null;
  const passing = new Set<string>();
  for (let i = 2; i < s.length; i++) {
    for (const alternative of IBAN_ALTERNATIVES[s[i] as string] ?? []) {
      const candidate = (s.slice(0, i) + alternative + s.slice(i + 1)).replace(/[l|]/g, "");
      if (candidate.length === s.length && ibanValid(candidate)) passing.add(candidate);
    }
  }
  return passing.size === 1 ? ([...passing][0] as string) : null;
}

/** VAT numbers with a checksum: the country's prefix, then what each character is (d a digit, x a letter or digit,
 * else that character). */
const VAT_MASKS: ReadonlyArray<readonly [string, string]> = [
  ["DE", "ddddddddd"],
  ["ATU", "dddddddd"],
  ["BE", "dddddddddd"],
  ["IT", "ddddddddddd"],
  ["NL", "dddddddddBdd"],
  ["FR", "ddddddddddd"],
];

/** A line's words as one string (words one space apart), with where each character comes from. */
function lineChars(line: Line): { text: string; at: Array<[Word, number] | null> } {
  let text = "";
  const at: Array<[Word, number] | null> = [];
  for (const word of line.cells.flatMap((c) => c.words)) {
    if (text !== "") {
      text += " ";
      at.push(null);
    }
    for (let i = 0; i < word.text.length; i++) at.push([word, i]);
    text += word.text;
  }
  return { text, at };
}

/** The repairs (position in the line's string → character) of the IBANs and checksummed VAT numbers of a line. */
function codeRepairs(text: string): Map<number, string> {
  const repairs = new Map<number, string>();
  // IBANs: a country code, two check digits and groups of up to four characters, as read (letters for digits too).
  for (const m of text.matchAll(/\b[A-Z]{2}[0-9OlIS|BZ]{2}(?: ?[A-Za-z0-9|]{1,4}){3,8}/g)) {
    const positions: number[] = [];
    for (let i = 0; i < m[0].length; i++) if (m[0][i] !== " ") positions.push((m.index ?? 0) + i);
    // The IBAN may run into the next word: the longest run of its groups that reads (or is repaired to) one.
    for (let n = positions.length; n >= 15; n--) {
      const read = positions.slice(0, n).map((p) => text[p]).join("");
      if (ibanValid(read)) break;
      const repaired = repairedIban(read);
      if (repaired === null) continue;
      positions.slice(0, n).forEach((p, i) => {
        if (repaired[i] !== text[p]) repairs.set(p, repaired[i] as string);
      });
      break;
    }
  }
  // VAT numbers: the prefix, then the mask's characters, spaces, dots and hyphens between them skipped.
  for (const [prefix, mask] of VAT_MASKS) {
    for (const m of text.matchAll(new RegExp(`\\b${prefix}(?=[ .-]?[0-9OlIS|BZ])`, "g"))) {
      let p = (m.index ?? 0) + prefix.length;
      const taken: number[] = [];
      let value = "";
      for (const want of mask) {
        // One space, dot or hyphen between groups ("DE 136 695 976", "BE 0123.456.789").
        if (/[ .-]/.test(text[p] ?? "") && !/[ .-]/.test(text[p + 1] ?? " ")) p++;
        const c = text[p];
        if (c === undefined) break;
        const digit = /\d/.test(c) ? c : AS_DIGIT[c];
        if (want === "d" ? digit === undefined : c !== want) break;
        value += want === "d" ? digit : c;
        taken.push(p);
        p++;
      }
      if (taken.length !== mask.length || /[0-9A-Za-z]/.test(text[p] ?? " ")) continue;
      const read = taken.map((q) => text[q]).join("");
      if (read === value || vatChecksum(normaliseVat(`${prefix}${read}`)) === true || vatChecksum(normaliseVat(`${prefix}${value}`)) !== true) continue;
      taken.forEach((q, i) => {
        if (value[i] !== text[q]) repairs.set(q, value[i] as string);
      });
    }
  }
  return repairs;
}

/** `page` with OCR's letters read for digits repaired in its figures, dates, IBANs and checksummed VAT numbers. */
export function repairedConfusions(page: Page): Page {
  let changed = false;
  const lines = page.lines.map((line): Line => {
    const { text, at } = lineChars(line);
    const repairs = codeRepairs(text);
    const edits = new Map<Word, string[]>();
    for (const [p, c] of repairs) {
      const where = at[p];
      if (where === null || where === undefined) continue;
      const chars = edits.get(where[0]) ?? [...where[0].text];
      chars[where[1]] = c;
      edits.set(where[0], chars);
    }
    const words = line.cells.flatMap((c) => c.words);
    const texts = words.map((w) => {
      const coded = edits.get(w)?.join("") ?? w.text;
      return coded === w.text ? repairedFigure(w.text) : coded;
    });
    // A lone l or I before a repaired thousands group ("l 5OO,OO"): the figure's first digit.
    texts.forEach((t, i) => {
      if ((t === "l" || t === "I") && /^\d{3}[.,]\d{2}\b/.test(texts[i + 1] ?? "") && words[i]?.text === t && texts[i + 1] !== words[i + 1]?.text) texts[i] = "1";
    });
    if (texts.every((t, i) => t === words[i]?.text)) return line;
    changed = true;
    let k = 0;
    const cells = line.cells.map((cell): Cell => {
      const cellWords = cell.words.map((w) => ({ ...w, text: texts[k++] as string }));
      return { ...cell, text: cellWords.map((w) => w.text).join(" "), words: cellWords };
    });
    return { ...line, text: cells.map((c) => c.text).join("   "), cells };
  });
  return changed ? { ...page, lines } : page;
}
