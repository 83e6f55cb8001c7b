// From the pages of one bill (layout.ts) to its fields, lines, taxes and checks. Generic: labels in four languages
// (labels.ts), values by pattern (values.ts), no vendor templates. Each header field keeps its best candidate with a
// confidence from how it was found (label in the same cell > value on the right > value below > pattern alone),
// then the arithmetic decides between amount candidates: the (untaxed, tax, total) triple that adds up wins, and
// confirmed values gain confidence. A difference is reported as a failed check, never adjusted.
import type { BillAddress, BillFields, BillLine, BillSource, BillTax, ExtractedBill, ExtractedField } from "../../contracts/bills";
import { checkBill } from "./check_bill";
import { withDocumentKind } from "./document_kind";
import { DISCOUNT_WORDS, dayOfNextMonth, discountOnly, instalmentTerm, nextMonthDay, numeralDays, paymentSchedules } from "./due_terms";
import { AGENT_FOR, BRAND_AFTER, BRAND_BEFORE, CUSTOMER_MARKERS, DEBIT_DATE_BEFORE, RECIPIENT_HEADINGS, THIRD_PARTY_HOSTS, THIRD_PARTY_LINE, DEBIT_SENTENCE, DUE_IN_PAYMENT_SENTENCE, DUE_IN_SENTENCE, BARE_TERM_DAYS, DUE_ON_RECEIPT, END_OF_MONTH_TERM, NET_TERM_DAYS, NOT_A_PAYMENT_TERM, PAYMENT_WORDS, TERM_DAYS, VENDOR_MARKERS, LABELS, LEADERS, LEGAL_FORMS, LINE_TABLE_HEADER, NUMBER_WORD, PAYMENT_TERM_SENTENCES, PO_IN_SENTENCE, RECEIPT_LABELS, TAX_INCLUDED, CARRIED, BALANCE_LABEL, CURRENT_CHARGES, TOTALS_ROW_CAPTIONS, OTHER_THING, TITLE_ALONE, type LabelKind, type LabelPattern } from "./labels";
import { pageText, type Cell, type Line, type Page } from "./layout";
import { totalsBlock } from "./totals_block";
import { AMOUNT_CURRENCY, cents, dayOrderFromTerm, dayOrderOf, detectCurrency, findDates, findEmails, findIbans, findVats, hasDecimals, normaliseVat, parseAmount } from "./values";

export interface ExtractOptions {
  source: BillSource;
  /** ISO date of today, for the plausibility of dates. */
  today: string;
  company?: { vat?: string | undefined; name?: string | undefined; currency?: string | undefined } | undefined;
  /** A till or card receipt (expenses) rather than an invoice: also the totals receipts print ("TOTAL EUR",
   * "CARD", "BAR", "Payment received") and whole amounts with a currency sign ("Rs 1939", "12 €"). */
  receipt?: boolean | undefined;
}

interface Candidate<T> {
  value: T;
  score: number;
  sourceText: string;
  page: number;
  /** Order on the page (line index), to break ties by position. */
  order: number;
  /** A total read after a label naming what is left to pay ("Balance due", "Net à payer"). */
  balance?: boolean;
}

interface LabelHit {
  kind: LabelKind;
  pattern: LabelPattern;
  page: Page;
  lineIndex: number;
  cellIndex: number;
  /** The text after the label in its own cell. */
  rest: string;
}

const clip = (s: string) => (s.length > 200 ? `${s.slice(0, 197)}…` : s);

/** Labels found on the pages, each with the text following it in its cell. */
function findLabels(pages: readonly Page[], receipt: boolean): LabelHit[] {
  const hits: LabelHit[] = [];
  const labels = receipt ? receiptLabels() : LABELS;
  const wholeLabel = (text: string) =>
    (Object.keys(labels) as LabelKind[]).some((k) => labels[k].some((p) => p.weight >= 0.8 && p.re.exec(text)?.[0].length === text.length));
  for (const page of pages) {
    page.lines.forEach((line, lineIndex) => {
      line.cells.forEach((cell, cellIndex) => {
        let text = cell.text.trim();
        // A label wrapped in a narrow column ("Invoice" / "Number"): the word below, left-aligned with it and alone
        // at the end of its line (not a label with its own value: "Date" over "Due  19.05.2024"), completes it; the
        // value is on the label's first line.
        const next = page.lines[lineIndex + 1];
        const tail = next?.cells.find((c) => Math.abs(c.x0 - cell.x0) < 4 && c.words.length <= 2 && !/\d/.test(c.text) && c === next.cells[next.cells.length - 1]);
        if (tail !== undefined && next !== undefined && next.y0 - line.y1 < line.y1 - line.y0 && !wholeLabel(text) && wholeLabel(`${text} ${tail.text.trim()}`)) {
          text = `${text} ${tail.text.trim()}`;
        }
        // A letter's subject line ("Betreff: Rechnung Nr. …", "Objet : Facture n° …"): the number's caption follows it.
        const subject = SUBJECT_LINE.exec(text)?.[0].length ?? 0;
        for (const kind of Object.keys(labels) as LabelKind[]) {
          for (const pattern of labels[kind]) {
            // The label at the cell's start, or (not for exact ones) after one leading word ("Kopie factuur").
            const from = kind === "invoiceNumber" && pattern.exact !== true ? subject : 0;
            const match = pattern.re.exec(text.slice(from));
            if (match === null) continue;
            if (pattern.exact === true && match[0].length !== text.length) continue;
            // "Ohne / MwSt.", "excl. / VAT" stacked in a column header: an amount without tax, not the tax.
            if (kind === "totalTax" && negatedAbove(page, lineIndex, cell)) continue;
            // "Zwischensumme Übertrag", "Total carried forward": a page's subtotal, not the bill's.
            if ((kind === "total" || kind === "untaxed") && carried(line)) continue;
            hits.push({ kind, pattern, page, lineIndex, cellIndex, rest: dropLeaders(text.slice(from + match[0].length)) });
            break;
          }
        }
      });
    });
  }
  return hits;
}

/** A letter's subject before what it is about, in the languages of the labels. */
const SUBJECT_LINE = /^(?:betreff|betr\.|subject|re|objet|oggetto|asunto|assunto|onderwerp|betreft|dotyczy|ämne|emne|aihe)\s*:\s*/i;

/** Whether a line carries a subtotal over a page break ("Übertrag   1.000,00", "Suma y sigue"). */
function carried(line: Line): boolean {
  return line.cells.some((c) => CARRIED.test(c.text));
}

/** A value's text without the leaders joining it to its label ("........ 05/03/2025" → "05/03/2025"). */
function dropLeaders(text: string): string {
  return text.trim().replace(LEADERS, "").trim();
}

/** The bill labels with the receipts' totals after the bills' own (those win where both match). */
function receiptLabels(): Readonly<Record<LabelKind, readonly LabelPattern[]>> {
  return { ...LABELS, total: [...LABELS.total, ...RECEIPT_LABELS.total] };
}

const NEGATION_END = /(?:^|\s)(?:ohne|without|excl\.?|excluding|exkl\.?|hors|exclusief|zonder|netto|net|before)$/i;

/** Whether the cell just above ``cell`` (a stacked column header) ends with a word negating the tax. */
function negatedAbove(page: Page, lineIndex: number, cell: Cell): boolean {
  const above = page.lines[lineIndex - 1];
  const over = above?.cells.find((c) => c.x0 < cell.x1 + 2 && c.x1 > cell.x0 - 2);
  // A header is words alone: "Netto 100,00" above "Moms 25,00" is the totals block's row before, not a header.
  return over !== undefined && NEGATION_END.test(over.text.trim()) && amountsIn(above?.text ?? "").length === 0;
}

/** The cells that may hold a label's value: the rest of its cell, the cells to its right, the cell above (a caption
 * printed under its value), the cell(s) below. */
function valueCells(hit: LabelHit, receipt: boolean): Array<{ text: string; factor: number; where: string; above?: true }> {
  const line = hit.page.lines[hit.lineIndex] as Line;
  const cell = line.cells[hit.cellIndex] as Cell;
  const out: Array<{ text: string; factor: number; where: string; above?: true }> = [];
  if (hit.rest !== "") out.push({ text: hit.rest, factor: 1, where: cell.text });
  line.cells.slice(hit.cellIndex + 1).forEach((right, k, cells) => {
    // A "No." word in its own cell before the value ("FACTURE   N°   F-2024-0183"): the two read as one.
    const next = cells[k + 1];
    const glued = next !== undefined && NUMBER_WORD.exec(right.text.trim())?.[0].trim() === right.text.trim() ? `${right.text} ${next.text}` : right.text;
    out.push({ text: dropLeaders(glued), factor: 0.95 - 0.05 * k, where: `${cell.text} ${glued}` });
  });
  const over = hit.rest === "" && (hit.kind === "invoiceNumber" || hit.kind === "invoiceDate") ? valueAbove(hit) : null;
  if (over !== null) out.push({ text: over.text, factor: 0.85, where: `${over.text} / ${cell.text}`, above: true });
    const amountKind = hit.kind === "total" || hit.kind === "untaxed" || hit.kind === "totalTax" || hit.kind === "deposit";
  // The totals as one table row under a row of captions: the value in the caption's place, however aligned.
  // Figures above their captions (values printed over their labels) are the caption's alone: the column below
  // belongs to the next block. Figures below join what the column search finds.
  const row = amountKind ? captionedRow(hit.page, hit.lineIndex, receipt) : null;
  const paired = row?.pairs.get(hit.cellIndex);
  if (row !== null && paired !== undefined) {
    const where = `${cell.text} / ${paired.text}`;
    if (row.side < 0) return [{ text: paired.text, factor: 0.85, where }];
    out.push({ text: paired.text, factor: 0.75, where });
  }
  // The amount column of the table of lines ("Date  Désignation  Montant TTC"): its rows are the lines, not the totals.
  if (amountKind && hit.rest === "" && LINE_TABLE_HEADER.test(line.text) && line.cells.length >= 3) return out;
  if (amountKind && hit.rest === "") {
    // A column header over amounts: every row of the column below, the last (a totals row) trusted most.
    const column: Array<{ text: string; where: string; rate: number | null }> = [];
    for (let d = 1; d <= 8; d++) {
      const below = hit.page.lines[hit.lineIndex + d];
      // A subtotal carried over pages is no row of the column's amounts.
      if (below !== undefined && carried(below)) continue;
      const under = below?.cells.find((c) => c.x0 < cell.x1 + 2 && c.x1 > cell.x0 - 2 && amountsIn(c.text, receipt).length > 0 && !/[A-Za-z]{3}/.test(c.text));
      if (below === undefined || under === undefined) break;
      column.push({ text: under.text, where: `${cell.text} / ${under.text}`, rate: rowRate(below, under) });
    }
    // A table by tax rate ("3,8 %  708,09  26,91  735,00" over "8,1 %  120,72 ..."): each row is one rate's, the
    // last no more the bill's than the first; only a row without a rate of its own (its totals row) is.
    const byRate = new Set(column.flatMap((c) => (c.rate === null ? [] : [c.rate]))).size >= 2;
    const rows = byRate ? column.filter((c) => c.rate === null) : column;
    rows.forEach((c, k) => out.push({ text: c.text, factor: k === rows.length - 1 ? 0.88 : 0.8 - 0.02 * k, where: c.where }));
    if (column.length > 0) return out;
  }
  for (let d = 1; d <= 2; d++) {
    const below = hit.page.lines[hit.lineIndex + d];
    if (below === undefined) break;
    // The cell below that overlaps the label most (columns are centred, left- or right-aligned).
    let under: Cell | undefined;
    let overlap = 0;
    for (const c of below.cells) {
      const o = Math.min(c.x1, cell.x1 + 4) - Math.max(c.x0, cell.x0 - 4);
      if (o > overlap) {
        overlap = o;
        under = c;
      }
    }
    if (under !== undefined) {
      // An amount's value below is figures alone: a cell with words of its own ("Gesamtbetrag EUR 4.760,00" under
      // "Nettobetrag EUR 4.000,00") is the next label's line.
      if (!amountKind || figureCell(under, receipt)) out.push({ text: under.text, factor: d === 1 ? 0.85 : 0.7, where: `${cell.text} / ${under.text}` });
      break;
    }
    // A label alone at the end of its line, its value indented on the line below (a boxed cell, a two-line
    // key/value list): the first cell below starting right of the label, within a column's width.
    if (d === 1 && hit.cellIndex === line.cells.length - 1) {
      const h = line.y1 - line.y0;
      const right = below.cells.find((c) => c.x0 >= cell.x1 && c.x0 - cell.x1 < 12 * h);
      if (right !== undefined && below.cells.every((c) => c === right || c.x1 <= cell.x0)) {
        out.push({ text: right.text, factor: 0.75, where: `${cell.text} / ${right.text}` });
        break;
      }
    }
  }
  // A due date printed over its caption (a box, the value above its label): the date cell just above, tried last
  // and trusted least.
  if (hit.kind === "dueDate" && hit.rest === "") {
    const above = hit.page.lines[hit.lineIndex - 1];
    const over = above?.cells.find((c) => c.x0 < cell.x1 + 4 && c.x1 > cell.x0 - 4 && c.text.trim().length <= 24 && findDates(c.text).length > 0);
    if (above !== undefined && over !== undefined && line.y0 - above.y1 < 1.5 * (line.y1 - line.y0)) out.push({ text: over.text, factor: 0.65, where: `${over.text} / ${cell.text}` });
  }
  return out;
}

/** Words naming a date that is not the invoice's: a delivery or service date or period, or an order or due date. */
const DELIVERY_DATE_WORD = /(?<!\p{L})(?:liefer\p{L}*|leistung\p{L}*|ship\p{L}*|dispatch\p{L}*|deliver\p{L}*|livraison|livr\p{L}*|service|period|zeitraum|période|periode|periodo|período|entrega|consegna|levering|leverans|supply)(?!\p{L})/iu;
const OTHER_DATE_WORD = /(?<!\p{L})(?:bestell\p{L}*|auftrag\p{L}*|order\p{L}*|commande|pedido|ordine|bestel\p{L}*|fällig\p{L}*|due|échéance|echeance|vencim\p{L}*|scadenz\p{L}*|verval\p{L}*|förfallo\p{L}*|zahl\p{L}*|payment|paiement|pago|geburt\p{L}*|birth|valid\p{L}*|gültig\p{L}*|expir\p{L}*)(?!\p{L})/iu;

/** The dates of a line, each with what a label names it: the last words before it on its line, or a caption over it
 * (a header box); a date in a period ("01.02.2025 - 28.02.2025", "du … au …") is a delivery's. */
function datesOfLine(page: Page, i: number, order: "dmy" | "mdy"): Array<{ date: ReturnType<typeof findDates>[number]; kind: "delivery" | "other" | null }> {
  const line = page.lines[i];
  if (line === undefined) return [];
  const above = page.lines[i - 1];
  const out: Array<{ date: ReturnType<typeof findDates>[number]; kind: "delivery" | "other" | null }> = [];
  for (const cell of line.cells) {
    const dates = findDates(cell.text, order);
    const before = line.cells.slice(0, line.cells.indexOf(cell)).map((c) => c.text).join(" ");
    // A caption is words alone; a cell above with its own date is another row's value.
    const over = above !== undefined && adjacent(above, line) ? (above.cells.find((c) => overlaps(c, cell))?.text ?? "") : "";
    const caption = /\d/.test(over) ? "" : over;
    dates.forEach((date, k) => {
      // The words just before it, past other dates and figures (a label's value ends where a figure is).
      const words = `${before} ${cell.text.slice(0, date.index)}`.split(/\d[\d./-]*\d|\d/).pop()?.trim().split(/\s+/).slice(-3).join(" ") ?? "";
      const next = dates[k + 1];
      const prev = dates[k - 1];
      const period = (next !== undefined && /^\s*(?:-|–|bis|to|au|until|al|a|tot|t\/m)\s*$/iu.test(cell.text.slice(date.index + date.text.length, next.index)))
        || (prev !== undefined && /^\s*(?:-|–|bis|to|au|until|al|a|tot|t\/m)\s*$/iu.test(cell.text.slice(prev.index + prev.text.length, date.index)));
      const named = words;
      const kind = OTHER_DATE_WORD.test(named) || (named === "" && OTHER_DATE_WORD.test(caption)) ? "other"
        : period || DELIVERY_DATE_WORD.test(named) || (named === "" && DELIVERY_DATE_WORD.test(caption)) ? "delivery" : null;
      out.push({ date, kind });
    });
  }
  return out;
}

/** Whether two cells share some of their width. */
const overlaps = (a: Cell, b: Cell) => a.x0 < b.x1 && a.x1 > b.x0;

/** Whether `lower` follows `upper` with no more than a line's gap between them. */
function adjacent(upper: Line, lower: Line): boolean {
  return lower.y0 - upper.y1 <= 1.2 * Math.max(upper.y1 - upper.y0, lower.y1 - lower.y0);
}

/** Words naming a header value: the LABELS, and numbers and dates of other things ("Customer number", "Seite"). */
const CAPTION_WORD = /(?<!\p{L})(?:no|nr|n°|nº|number|nummer|numéro|numero|número|numer|date|datum|fecha|data|page|seite|customer|kunde|client|order|bestell\p{L}*|auftrag|reference|ref|référence|referenz|delivery|liefer\p{L}*|livraison|commande)(?!\p{L})|(?:nummer|datum|nr\.?)$/iu;

/** A caption cell: words without digits that name a header value. */
function isCaption(text: string): boolean {
  return !/\d/.test(text) && (isLabel(text) || CAPTION_WORD.test(text));
}

/** The value printed above its caption ("INV-0042" over "Invoice number", a row of such pairs): the cell over the
 * label, aligned with it, when the label's line holds captions only, the line above is the values of that row (each of
 * its cells over one caption) and not the values of a caption row above it (a header box, values under captions), and
 * the line below is not this caption's value (it is far, empty there, or the value of a caption row under it). */
function valueAbove(hit: LabelHit): Cell | null {
  const lines = hit.page.lines;
  const line = lines[hit.lineIndex];
  const cell = line?.cells[hit.cellIndex];
  const above = lines[hit.lineIndex - 1];
  if (line === undefined || cell === undefined || above === undefined || !adjacent(above, line)) return null;
  // The captions under the values hold no digits ("Page 1 of 2" beside them may).
  if (line.cells.some((c) => /\d/.test(c.text) && above.cells.some((v) => overlaps(v, c)))) return null;
  const h = line.y1 - line.y0;
  const over = above.cells.find((c) => overlaps(c, cell) && (Math.abs(c.x0 - cell.x0) < 2 * h || Math.abs(c.x1 - cell.x1) < 2 * h || Math.abs(c.x0 + c.x1 - cell.x0 - cell.x1) < 4 * h));
  if (over === undefined || !/\d/.test(over.text) || isCaption(over.text)) return null;
  if (above.cells.some((c) => line.cells.filter((k) => overlaps(c, k)).length > 1) || line.cells.filter((k) => overlaps(over, k)).length !== 1) return null;
  const top = lines[hit.lineIndex - 2];
  if (top !== undefined && adjacent(top, above) && top.cells.some((c) => overlaps(c, over) && isCaption(c.text))) return null;
  const below = lines[hit.lineIndex + 1];
  const under = below !== undefined && adjacent(line, below) ? below.cells.find((c) => overlaps(c, cell)) : undefined;
  if (under !== undefined && below !== undefined && /\d/.test(under.text) && !isCaption(under.text)) {
    const next = lines[hit.lineIndex + 2];
    if (next === undefined || !adjacent(below, next) || !next.cells.some((c) => overlaps(c, under) && isCaption(c.text))) return null;
  }
  return over;
}

/** A row of a header box's captions: one names a date, and it is no heading of the table of lines. */
function headerBox(line: Line | undefined): boolean {
  return line !== undefined && !LINE_TABLE_HEADER.test(line.text) && line.cells.some((c) => /^(?:date|datum|data|fecha|dato|päivämäärä)\s*:?$/i.test(c.text.trim()));
}

/** Whether a bare "Nummer:" caption is in the key/value list right under the document's title ("Rechnung" over
 * "Nummer: …", "Datum: …"): the lines above it up to the title are captions with their values; a heading between
 * ("Verkäufer", "Käufer") makes it that party's number. */
function underTitle(hit: LabelHit): boolean {
  const lines = hit.page.lines;
  // "Nummer:" and its value alone on their line, not a column header ("Nr.   Bezeichnung   Menge").
  const own = lines[hit.lineIndex];
  if (own === undefined || own.cells.length !== 2 || hit.cellIndex !== 0 || !/:$/.test(own.cells[0]?.text.trim() ?? "")) return false;
  for (let i = hit.lineIndex - 1; i >= Math.max(0, hit.lineIndex - 4); i--) {
    const line = lines[i] as Line;
    const lower = lines[i + 1] as Line;
    if (lower.y0 - line.y1 > 3 * (line.y1 - line.y0)) return false;
    const first = line.cells[0]?.text.trim() ?? "";
    if (line.cells.length === 1 && TITLE_ALONE.test(first)) return true;
    // A caption and its value ("Datum:   14.02.2025"), nothing else.
    if (!(line.cells.length === 2 && /:$/.test(first) && !isCustomerLine(first))) return false;
  }
  return false;
}

/** Whether a label sits in the top 40 % of the bill's first page (its title). */
function nearTop(hit: LabelHit): boolean {
  const line = hit.page.lines[hit.lineIndex];
  return hit.page.number === 1 && line !== undefined && line.y0 < 0.4 * Math.max(1, hit.page.height);
}

/** A place, a comma and a date, nothing else: "Luzern, 21.03.2025", "Wien, am 3. März 2025", "Milano, lì 12/03/2025". */
const PLACE_DATE = /^\p{Lu}[\p{L}'’. -]{1,30}\p{L},\s*(?:(?:den|le|il|lì|el|a|am|the|dnia|d\.)\s+)?(\d{1,2}[./-]\s?\d{1,2}[./-]\s?\d{2,4}|\d{1,2}\s+de\s+\p{L}{3,12}\s+de\s+\d{4}|\d{1,2}\.?\s+\p{L}{3,12}\.?\s+\d{4}|\p{L}{3,12}\s+\d{1,2},?\s+\d{4})$/u;

/** A cell holding a rate alone: "19 %", "8,1%", "(7 %)". */
const RATE_IN_TEXT = /(\d{1,2}(?:[.,]\d{1,2})?)\s?%/;
const RATE_CELL = /^\(?(\d{1,2}(?:[.,]\d{1,2})?)\s*%\)?$/;

/** The tax rate a row of figures states in a cell of its own ("8,1 %", "(19%)"), other than ``except``; null if none. */
function rowRate(line: Line, except: Cell): number | null {
  for (const c of line.cells) {
    const m = c === except ? null : RATE_CELL.exec(c.text.trim());
    if (m !== null) return Number((m[1] ?? "").replace(",", "."));
  }
  return null;
}

const AMOUNT_KINDS = ["total", "untaxed", "totalTax", "deposit"] as const;

/** The kind of an amount's caption: a total, untaxed or tax label and nothing after it but a rate or a currency
 * ("VAT 19 %", "Total (EUR)"); null for any other cell. */
function captionKind(text: string): (typeof AMOUNT_KINDS)[number] | null {
  const t = text.trim();
  const rateOrCurrency = /^\s*(?:\(?\s*(?:\d{1,2}(?:[.,]\d{1,2})?\s*%|[A-Z]{3}|[€$£])\s*\)?)?\s*$/;
  const labelled = AMOUNT_KINDS.find((k) => LABELS[k].some((p) => {
    const m = p.re.exec(t);
    return m !== null && rateOrCurrency.test(t.slice(m[0].length));
  }));
  if (labelled !== undefined) return labelled;
  const bare = t.replace(/(?<=\S)\s*(?:\(\s*(?:\d{1,2}(?:[.,]\d{1,2})?\s*%|[A-Z]{3}|[€$£])\s*\)|\s(?:\d{1,2}(?:[.,]\d{1,2})?\s*%|[A-Z]{3}|[€$£]))\s*$/, "").replace(/[:.]$/, "");
  return AMOUNT_KINDS.find((k) => k !== "deposit" && TOTALS_ROW_CAPTIONS[k].test(bare)) ?? null;
}

/** Whether a caption is a label of its own (found by findLabels), not a bare totals-row caption. */
function isAmountLabel(text: string): boolean {
  return AMOUNT_KINDS.some((k) => LABELS[k].some((p) => p.re.test(text.trim())));
}

const amountCaption = (text: string) => captionKind(text) !== null;

/** A row of captions (two amount captions at least, the other cells short words: "Currency", "Rate") and the row of
 * figures (amounts, rates, a currency code) it heads, below it — or above it, where a bill prints its values above
 * their labels: each caption's cell index → the cell of that row in its place. Paired by position in the row, not by
 * alignment (centred captions over right-aligned figures overlap the neighbouring column): cell for cell when both
 * rows have as many cells, else caption for amount. Figures both above and below are the captions' only when the
 * rows around tell which (another caption row beyond one of them); two rows of figures on one side make a table (a
 * tax summary per rate), whose column the caller reads. */
function captionedRow(page: Page, lineIndex: number, receipt: boolean): { pairs: Map<number, Cell>; side: 1 | -1 } | null {
  const line = page.lines[lineIndex];
  // The header of the table of lines ("Description  Qty  Net  VAT  Total") heads the lines, not the totals.
  if (line === undefined || !captionRow(line, receipt) || LINE_TABLE_HEADER.test(line.text)) return null;
  // Next to each other, or a padded table row (one blank line) apart.
  const near = (a: Line | undefined, b: Line | undefined) => a !== undefined && b !== undefined && Math.abs((a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2) <= 2.8 * Math.max(a.y1 - a.y0, b.y1 - b.y0);
  const at = (d: number) => page.lines[lineIndex + d];
  const figures = (d: number) => near(at(d), at(d > 0 ? d - 1 : d + 1)) && figuresRow(at(d), receipt);
  const captionsAt = (d: number) => near(at(d), at(d > 0 ? d - 1 : d + 1)) && captionRow(at(d), receipt);
  const captionCount = line.cells.filter((c) => amountCaption(c.text)).length;
  // Each side with figures next to the captions, unless a second row of figures makes it a table.
  const sides = ([1, -1] as const).flatMap((side) => {
    if (!figures(side) || (figures(2 * side) && !captionsAt(2 * side))) return [];
    const pairs = pairCaptions(line, at(side) as Line, receipt);
    return pairs === null ? [] : [{ side: side as 1 | -1, pairs, complete: pairs.size === captionCount }];
  });
  if (sides.length === 1) return sides[0] ?? null;
  const [below, above] = sides;
  if (below === undefined || above === undefined) return null;
  // Both: the side where every caption has its figure, else the one the rows beyond tell (captions over values
  // above the upper row, values over captions below the lower one).
  if (below.complete !== above.complete) return below.complete ? below : above;
  if (captionsAt(-2) && !captionsAt(2)) return below;
  if (captionsAt(2) && !captionsAt(-2)) return above;
  return null;
}

/** The captions of `line` paired with the figures of `row`, by position; null when they cannot be paired or the
 * pairs do not hold together. */
function pairCaptions(line: Line, row: Line, receipt: boolean): Map<number, Cell> | null {
  const captions = line.cells.map((c) => amountCaption(c.text));
  const out = new Map<number, Cell>();
  const isFigure = (c: Cell) => figureCell(c, receipt);
  if (row.cells.length === line.cells.length) {
    line.cells.forEach((_, i) => {
      const c = row.cells[i] as Cell;
      if (captions[i] === true && isFigure(c)) out.set(i, c);
    });
    return tied(line, out, receipt) ? out : null;
  }
  const captionIndexes = captions.flatMap((isCaption, i) => (isCaption ? [i] : []));
  const values = row.cells.filter(isFigure);
  if (values.length !== captionIndexes.length) return null;
  captionIndexes.forEach((i, k) => out.set(i, values[k] as Cell));
  return tied(line, out, receipt) ? out : null;
}

/** Whether a row of captions paired with figures holds together: where it names an untaxed amount, a tax and a
 * total, some untaxed + tax is the total. A row that does not add up is not read as the bill's totals. */
function tied(line: Line, pairs: ReadonlyMap<number, Cell>, receipt: boolean): boolean {
  const of = (kind: (typeof AMOUNT_KINDS)[number]) => [...pairs].filter(([i]) => captionKind(line.cells[i]?.text ?? "") === kind).map(([, c]) => amountsIn(c.text, receipt)[0]?.value ?? NaN);
  const [u, t, g] = [of("untaxed"), of("totalTax"), of("total")];
  const paid = cents(of("deposit").reduce((sum, d) => sum + Math.abs(d), 0));
  if (u.length === 0 || t.length === 0 || g.length === 0) return true;
  // A balance after a deposit in the row: untaxed + tax is the balance plus what was paid.
  return u.some((a) => t.some((b) => g.some((c) => Math.abs(cents(a + b) - c) < 0.011 || Math.abs(cents(a + b) - cents(c + paid)) < 0.011)));
}

/** Two amount captions at least, no figure, the other cells a few words. */
function captionRow(line: Line | undefined, receipt: boolean): boolean {
  if (line === undefined) return false;
  const captions = line.cells.map((c) => amountCaption(c.text));
  return captions.filter(Boolean).length >= 2 && line.cells.every((c, i) => amountsIn(c.text, receipt).length === 0 && (captions[i] === true || c.words.length <= 3));
}

function figureCell(c: Cell, receipt: boolean): boolean {
  return amountsIn(c.text, receipt).length > 0 && !/\p{L}{2,}/u.test(c.text.replace(CURRENCY_WORD, ""));
}

/** Figures alone: amounts, rates ("19 %"), currency codes or signs. */
function figuresRow(line: Line | undefined, receipt: boolean): boolean {
  const other = (c: Cell) => RATE_CELL.test(c.text.trim()) || /^[A-Z]{3}$|^[€$£]$/.test(c.text.trim());
  return line !== undefined && line.cells.every((c) => figureCell(c, receipt) || other(c)) && line.cells.some((c) => figureCell(c, receipt));
}

const INVOICE_NUMBER_TOKEN = /^[#]?[A-Z0-9][A-Z0-9/_.-]{1,29}$/i;

const DATE_SHAPE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/;
/** A date after a number in its cell ("… du 02 Juillet 2015", "… del 12/03/2024", "… z dnia 12.03.2024", "471102 / 05.03.2026"
 * under a "Nr./Datum" caption). */
const DATE_AFTER_NUMBER = /^[\s,]*(?:(?:du|vom|of|dated|van|del|de|z\s+dnia|från|den|af|fra)\s+|\/\s*(?=\d{1,4}[./-]\d{1,2}[./-]\d{1,4}))(?=\S*\d)/i;
/** A date's preposition, no series code ("VOM 12.03.2025", "DU 14/02/2025"). */
const DATE_WORD = /^(?:du|vom|am|of|on|dated|van|del|de|den|le|af|fra|från|al|au|from)$/i;
/** A caption's second name after a slash, before the value: "/ Invoice No.:", "/Folio:", "/ Kunden-Nr.". */
const SECOND_CAPTION = /^\s*\/\s*(?:[\p{L}°º#'’.-]+\s*){1,4}[:.]?\s*(?=\S*\d)/u;
const OTHER_CAPTION = new RegExp(String.raw`(?<!\p{L})${OTHER_THING}`, "iu");
/** A caption naming a number ("Invoice No.", "Rechnungsnummer", "Numer faktury"), not a title alone ("Rechnung:"). */
const NUMBER_CAPTION = /(?<!\p{L})(?:n[°º.]|nr|nro|no|nbr|num|n[úu]m|n[úu]mero|numer|number|#|№|č|br|št)(?!\p{L})|nummer|numero|nr\.?\s*:?$/iu;
/** "1 of 2", "1 von 2": a page count, no number. */
const PAGE_COUNT = /^\d{1,3}\s+(?:of|von|de|sur|van|di|z|av|af|\/)\s+\d{1,3}\b/i;

/** A number read from the start of a value: after a "No." word, with a series code before it ("FT 2024/77", "FV
 * 12/02/2025") or its parts spaced around a slash or dash ("2025 / 0017"). `whole`: nothing but a date follows it in
 * the text (`after`); `factor` < 1 for a series before a date's shape. */
interface NumberRead {
  value: string;
  whole: boolean;
  factor: number;
  after: string;
  /** Shaped like a date ("12/02/2025": a count, the month and the year, as Polish bills number): a number only after
   * a caption naming one, and not a sure one. */
  dateShaped?: true;
}

function readNumber(text: string): NumberRead | null {
  // The caption's second name after a slash ("Rechnung Nr. / Invoice No.: 4711", "Rechnung Nr./Folio: 4711"), unless
  // it names another thing ("Rechnung Nr. / Kunden-Nr.: K-88").
  const alias = SECOND_CAPTION.exec(text);
  if (alias !== null && OTHER_CAPTION.test(alias[0])) return null;
  const start = text.replace(SECOND_CAPTION, "").replace(/^[:#|\s.-]+(?=[A-Z0-9])/i, (m) => (m.includes("#") ? "#" : "")).replace(NUMBER_WORD, "");
  if (PAGE_COUNT.test(start)) return null;
  const tokens = start.split(/\s+/).filter((t) => t !== "");
  const [t0 = "", t1 = "", t2 = ""] = tokens;
  let used = 1;
  let factor = 1;
  // A series code before the number ("FT 2024/77", "FAC 00123"): one number printed in two words; before a date's
  // shape ("FV 12/02/2025", a Polish numbering) it is the number too, not as sure. "VOM 12.03.2025" is a date.
  if (/^[A-Z]{1,4}$/.test(t0) && !DATE_WORD.test(t0) && /^\d[\dA-Z/_.-]*$/i.test(t1)) {
    used = 2;
    if (DATE_SHAPE.test(t1.replace(/[.,;:]$/, ""))) factor = 0.9;
    // "RE 2025 0001": the series, the year and the count, spaced.
    else if (/^(?:19|20)\d\d$/.test(t1) && /^\d{2,}$/.test(t2) && tokens.length === 3) [used, factor] = [3, 0.9];
  } else if (/^(?:19|20)\d\d$/.test(t0) && /^\d{2,}$/.test(t1) && tokens.length === 2) {
    // "2024 0017": the year and the count, spaced (or two numbers: not quite sure).
    [used, factor] = [2, 0.9];
  } else if (tokens.length >= 3 && tokens.length <= 4 && /^\d{3,6}$/.test(t0) && tokens.every((t) => /^\d{2,6}$/.test(t))) {
    // "2025 000 123": digits in spaced groups and nothing else, one number (not quite sure).
    [used, factor] = [tokens.length, 0.9];
  } else if (/^[A-Z0-9]*\d[A-Z0-9]*$/i.test(t0) && /^[/–-]$/.test(t1) && /^[A-Z0-9]*\d[A-Z0-9/_.-]*$/i.test(t2) && !DATE_SHAPE.test(t2.replace(/[.,;:]$/, ""))) {
    // "471102 / 0017": one number in two parts. Not "471102 / 05.03.2026" (a caption "Rechnung Nr./Datum").
    used = 3;
  }
  const token = tokens.slice(0, used).join(" ");
  const clean = token.replace(/[.,;:]$/, "").replace(/^#/, "");
  const squashed = clean.replace(/\s+/g, "");
  if (!INVOICE_NUMBER_TOKEN.test(squashed) || !/\d/.test(clean)) return null;
  const dateShaped = findDates(squashed).length > 0 && DATE_SHAPE.test(squashed);
  if (parseAmount(clean) !== null && hasDecimals(clean)) return null;
  const after = tokens.slice(used).join(" ");
  const whole = after === "" || (DATE_AFTER_NUMBER.test(after) && findDates(after.replace(DATE_AFTER_NUMBER, "")).length > 0);
  // More digits after the number in its cell, no date: maybe one number printed in parts, not a sure reading.
  if (/^\d/.test(after) && findDates(after).length === 0) factor *= 0.8;
  if (dateShaped) return { value: clean, whole, factor: factor * 0.75, after, dateShaped };
  return { value: clean, whole, factor, after };
}

function invoiceNumberFrom(text: string): string | null {
  const read = readNumber(text);
  return read === null || read.dateShaped === true ? null : read.value;
}

const { symbol: SYMBOL, code: CODE, before: BEFORE, after: AFTER, whole: WHOLE } = AMOUNT_CURRENCY;
/** A currency sign or code on a token: on a receipt it makes a whole number an amount ("Rs 1939"). */
const CURRENCY_MARK = new RegExp(String.raw`${SYMBOL}|(?<![\p{L}])(?:${CODE}|${BEFORE}|${AFTER})(?![\p{L}])`, "u");
/** A currency whose amounts are printed whole ("125 000 Ft", "¥12,000", "ISK 4.500"): a whole number glued to it is an
 * amount on any bill. */
const WHOLE_CURRENCY_MARK = new RegExp(String.raw`(?<![\p{L}])${WHOLE}(?![\p{L}])`, "u");
/** An amount token, with a currency sign or code glued on either side ("€ 399,00", "29.99 €", "EUR 49,99"); a minus
 * printed after the amount ("80,00-", as SAP prints a credit) belongs to it. */
const AMOUNT_TOKEN = new RegExp(
  String.raw`(?:${SYMBOL}\s?|(?:${CODE}|${BEFORE})\s)?[-−(]?\d[\d.,'’ \u00a0\u202f\u2009]*\d(?:-(?=\s|$|[€$£₹)]))?(?:\s?[€$£₹)]|\s(?:${CODE}|${AFTER})(?![\p{L}]))?|\d`,
  "gu",
);
/** A currency code or local sign in a cell of figures. */
const CURRENCY_WORD = new RegExp(String.raw`(?<![\p{L}])(?:${CODE}|${AFTER})(?![\p{L}])`, "gu");

function amountsIn(text: string, receipt = false): Array<{ value: number; text: string; index: number }> {
  const out: Array<{ value: number; text: string; index: number }> = [];
  for (const m of text.matchAll(AMOUNT_TOKEN)) {
    let raw = m[0].trim();
    const at = (m.index ?? 0) + m[0].indexOf(raw);
    // A percentage is a rate, not an amount; the figures before it in the same run ("600,00   20 %") still are.
    if (/^\s?%/.test(text.slice((m.index ?? 0) + m[0].length))) {
      const cut = raw.search(/\s+\S+$/);
      if (cut < 0) continue;
      raw = raw.slice(0, cut);
    }
    // Groups of digits separated by single spaces may be two numbers: try the whole, then split.
    const whole = parseAmount(raw);
    if (whole !== null && (hasDecimals(raw) || WHOLE_CURRENCY_MARK.test(raw) || (receipt && CURRENCY_MARK.test(raw) && /^\D*\d{1,6}\D*$/.test(raw)))) {
      out.push({ value: whole, text: raw, index: at });
      continue;
    }
    let from = 0;
    for (const piece of raw.split(/\s+/)) {
      const offset = raw.indexOf(piece, from);
      from = offset + piece.length;
      const v = parseAmount(piece);
      if (v !== null && hasDecimals(piece)) out.push({ value: v, text: piece, index: at + offset });
    }
  }
  return out;
}

function isCustomerLine(cellText: string): boolean {
  return CUSTOMER_MARKERS.test(cellText);
}

function best<T>(cands: ReadonlyArray<Candidate<T>>): Candidate<T> | null {
  let top: Candidate<T> | null = null;
  for (const c of cands) if (top === null || c.score > top.score + 1e-9 || (Math.abs(c.score - top.score) < 1e-9 && c.order < top.order)) top = c;
  return top;
}

/** The best number, under the confident grade when another number is nearly as well supported (two "Invoice No." on one
 * page, a title's number and a caption's): the page does not say which one the bill is. */
function contested(cands: ReadonlyArray<Candidate<string>>): Candidate<string> | null {
  const top = best(cands);
  const squash = (v: string) => v.replace(/[\s#]/g, "").toLowerCase();
  if (top === null) return null;
  const rival = cands.some((c) => c.score >= Math.max(0.6, top.score - 0.15) && !squash(top.value).includes(squash(c.value)) && !squash(c.value).includes(squash(top.value)));
  return rival ? { ...top, score: Math.min(top.score, 0.85) } : top;
}

function field<T>(c: Candidate<T> | null, pageConf: (page: number) => number): ExtractedField<T> | null {
  if (c === null) return null;
  return { value: c.value, confidence: round2(Math.min(1, c.score) * pageConf(c.page)), sourceText: clip(c.sourceText), page: c.page };
}

const round2 = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;

export function extractBill(pages: readonly Page[], options: ExtractOptions): ExtractedBill {
  const receipt = options.receipt === true;
  const hits = findLabels(pages, receipt);
  const allText = pages.map(pageText).join("\n");
  // Numeric dates: day first unless a date on the bill can only be month first, or two dates lie the stated term
  // apart in that order only; a US-dollar bill with neither is read month first, and a day/month it cannot tell stays
  // below the review threshold.
  const evidence = dayOrderOf(allText) ?? dayOrderFromTerm(allText, termDays(pages, [])?.days ?? 0);
  const dollars = /^(?:USD|CAD)$/.test(detectCurrency(allText)?.code ?? "");
  const order = evidence ?? (dollars ? "mdy" : "dmy");
  const datesIn = (text: string) => findDates(text, order);
  const dateIn = (text: string) => {
    const d = datesIn(text)[0];
    return d === undefined ? undefined : { ...d, factor: d.ambiguous && evidence === null && dollars ? 0.75 : 1 };
  };
  const orderOf = (page: number, line: number) => page * 10_000 + line;
  const cands = {
    invoiceNumber: [] as Array<Candidate<string>>,
    invoiceDate: [] as Array<Candidate<string>>,
    dueDate: [] as Array<Candidate<string>>,
    total: [] as Array<Candidate<number>>,
    untaxed: [] as Array<Candidate<number>>,
    totalTax: [] as Array<Candidate<number>>,
    purchaseOrderRef: [] as Array<Candidate<string>>,
    paymentTerms: [] as Array<Candidate<string>>,
    deposit: [] as Array<Candidate<number>>,
  };
  /** Terms read in the value of a payment-terms label ("Payment Terms" over "30 days"). */
  const labelledTerms: Term[] = [];
  /** Taxes said to be included in the total, with the rate their line names. */
  const includedTax: Array<Candidate<number> & { rate: string | null }> = [];

  for (const hit of hits) {
    const line = hit.page.lines[hit.lineIndex];
    const labelCell = line?.cells[hit.cellIndex]?.text ?? "";
    const order = orderOf(hit.page.number, hit.lineIndex);
    // The first page's header counts more than a repetition further down.
    const pageFactor = hit.page.number === pages[0]?.number ? 1 : 0.97;
    for (const { text, factor, where, above } of valueCells(hit, receipt)) {
      const score = hit.pattern.weight * factor * pageFactor;
      switch (hit.kind) {
        case "invoiceNumber": {
          // "Guest Folio No." is the folio's number, not the guest's.
          if (isCustomerLine(labelCell.replace(/^guest\s+(?=folio)/i, "")) || (hit.pattern.bare === true && !headerBox(line) && !underTitle(hit))) break;
          const read = readNumber(text);
          // A value above its caption is the cell's whole text.
          if (read === null || (above === true && !read.whole)) break;
          // A date where a title or a bare "Nummer" stands is the bill's date; after a number caption it is the number.
          if (read.dateShaped === true && (hit.pattern.title === true || hit.pattern.bare === true || !read.whole || !NUMBER_CAPTION.test(labelCell.slice(0, labelCell.length - hit.rest.length)))) break;
          let sure = score * read.factor;
          if (hit.pattern.title === true && text !== hit.rest && NUMBER_WORD.test(text.trim())) {
            // "FACTURE" … "N° F-2024-0183" beside or below it: the title and the number word are the caption.
            sure = 0.95 * factor * pageFactor * read.factor;
          } else if (hit.pattern.title === true && text === hit.rest && read.whole && !/^(?:19|20)\d\d$/.test(read.value) && nearTop(hit)) {
            // "Factuur 2024.0091", "LASKU 10045": the title line at the top of the bill is its number and nothing else.
            sure = 0.85 * pageFactor * read.factor;
          }
          cands.invoiceNumber.push({ value: read.value, score: sure, sourceText: where, page: hit.page.number, order });
          // "Facture n°562044387 du 02 Juillet 2015", "Nr. 2024-117 vom 12.03.2024": the date after the number in its
          // cell is the invoice date.
          const date = DATE_AFTER_NUMBER.test(read.after) ? dateIn(read.after.replace(DATE_AFTER_NUMBER, "")) : undefined;
          if (date !== undefined && date.index === 0) cands.invoiceDate.push({ value: date.iso, score: 0.85 * date.factor, sourceText: where, page: hit.page.number, order });
          break;
        }
        case "invoiceDate":
        case "dueDate": {
          // "Pay by 13/03/2025 to take a 2 % discount", "Skonto bis …": the discount's date, not the due date.
          if (hit.kind === "dueDate" && discountOnly(`${labelCell} ${text}`)) break;
          const first = dateIn(text);
          // The discount's date first, then the net one ("Zahlbar bis 17.03. mit 2 % Skonto, bis 02.04. netto"): the
          // due date is the net one, the latest.
          const later = hit.kind === "dueDate" && first !== undefined && DISCOUNT_WORDS.test(`${labelCell} ${text}`) ? datesIn(text).reduce((a, b) => (b.iso > a.iso ? b : a)) : undefined;
          const date = first === undefined || later === undefined ? first : { ...later, index: first.index, factor: first.factor };
          if (date !== undefined && date.index < (above === true ? 1 : 4)) cands[hit.kind].push({ value: date.iso, score: score * date.factor, sourceText: where, page: hit.page.number, order });
          // A due-date caption holding terms, not a date ("Termin zapłaty: 14 dni", "Due: 30 days", "Vencimiento: 60
          // días"): the terms, counted from the invoice date like a payment-terms caption's.
          const term = hit.kind === "dueDate" && date === undefined && above !== true ? readTerm(text, true) : null;
          if (term !== null) labelledTerms.push({ ...term, text: where, page: hit.page.number, order, rank: Math.max(term.rank, 2) });
          break;
        }
        case "total":
        case "untaxed":
        case "totalTax": {
          const list = cands[hit.kind];
          const balance = hit.kind === "total" && BALANCE_LABEL.test(labelCell.trim());
          amountsIn(text, receipt).forEach((a, k) => {
            list.push({ value: a.value, score: score * (k === 0 ? 1 : 0.8), sourceText: where, page: hit.page.number, order, ...(balance ? { balance } : {}) });
          });
          break;
        }
        case "deposit": {
          // Printed as a deduction or not ("-1.000,00", "(200.00)", "200.00"): the amount paid. Not a line of the
          // bill invoicing a deposit ("Anzahlung lt. Angebot   1   300,00   300,00"): that is what is billed.
          // A deposit printed net, tax and gross ("3.000,00   570,00   3.570,00") was paid its gross amount.
          const all = amountsIn(line?.text ?? "", receipt).map((x) => Math.abs(x.value));
          const gross = all.length === 3 && Math.abs(cents((all[0] ?? 0) + (all[1] ?? 0)) - (all[2] ?? 0)) < 0.011 ? all[2] : undefined;
          if (gross === undefined && all.length >= 2) break;
          const a = gross !== undefined ? { value: gross } : amountsIn(text, receipt)[0];
          // An amount owed from before is added to the balance: negative here, so that the balance less it is the total.
          const sign = hit.pattern.arrears === true ? -1 : 1;
          if (a !== undefined && a.value !== 0) cands.deposit.push({ value: sign * Math.abs(a.value), score, sourceText: where, page: hit.page.number, order });
          break;
        }
        case "purchaseOrderRef": {
          const value = invoiceNumberFrom(text);
          if (value !== null) cands.purchaseOrderRef.push({ value, score, sourceText: where, page: hit.page.number, order });
          break;
        }
        case "paymentTerms": {
          // A caption's neighbour may be the next caption ("Zahlungsziel   Kundennummer"): the cell that reads as
          // terms wins, and ends the search.
          const term = readTerm(text, true);
          if (term !== null) labelledTerms.push({ ...term, text: where, page: hit.page.number, order, rank: 2 });
          if (/[A-Za-z0-9]/.test(text) && text.length >= 3) cands.paymentTerms.push({ value: text, score: score * (term === null ? 0.8 : 1), sourceText: where, page: hit.page.number, order });
          break;
        }
      }
      if (hit.kind === "paymentTerms") {
        if (labelledTerms[labelledTerms.length - 1]?.order === order) break;
        continue;
      }
      // Only the first value cell that gave something counts for single-valued fields.
      if (hit.kind === "deposit") {
        if (cands.deposit[cands.deposit.length - 1]?.order === order) break;
      } else if (hit.kind !== "total" && hit.kind !== "untaxed" && hit.kind !== "totalTax") {
        const list = cands[hit.kind];
        if (list.length > 0 && list[list.length - 1]?.order === order && list[list.length - 1]?.sourceText === where) break;
      }
    }
  }

  const firstPage = pages[0]?.number ?? 1;

  // Payment-term sentences without a label.
  for (const page of pages) {
    page.lines.forEach((line, i) => {
      // A line about an early-payment discount: its date is the discount's; the net date is the later one ("bei
      // Zahlung bis 13.03. 2 % Skonto, zahlbar bis 02.04. netto", "30 Tage netto bis 04.07., 3 % Skonto bis 15.06."),
      // none when it prints one date only.
      const discount = DISCOUNT_WORDS.test(line.text);
      const lineDates = discount ? findDates(line.text, order) : [];
      const netDate = lineDates.length >= 2 ? lineDates.reduce((a, b) => (b.iso > a.iso ? b : a)) : undefined;
      const due = DUE_IN_SENTENCE.exec(line.text);
      if (due !== null && !discount) {
        const date = dateIn(line.text.slice(due.index + due[0].length));
        if (date !== undefined && date.index < 3) cands.dueDate.push({ value: date.iso, score: 0.6 * date.factor, sourceText: line.text, page: page.number, order: orderOf(page.number, i) });
      }
      // On a line about paying: "bitte begleichen Sie den Betrag bis zum 15. März", "pago hasta el 16 de mayo".
      const payBy = due === null && !discount && PAYMENT_WORDS.test(line.text) ? DUE_IN_PAYMENT_SENTENCE.exec(line.text) : null;
      // Not the end of a period ("01.03.2025 bis 31.03.2025").
      if (payBy !== null && findDates(line.text.slice(Math.max(0, payBy.index - 14), payBy.index)).length === 0) {
        const date = dateIn(line.text.slice(payBy.index + payBy[0].length));
        if (date !== undefined && date.index < 3) cands.dueDate.push({ value: date.iso, score: 0.6 * date.factor, sourceText: line.text, page: page.number, order: orderOf(page.number, i) });
      }
      if (netDate !== undefined && (due !== null || PAYMENT_WORDS.test(line.text))) {
        cands.dueDate.push({ value: netDate.iso, score: 0.6, sourceText: line.text, page: page.number, order: orderOf(page.number, i) });
      }
      // A direct debit announced for a day ("wird am 03.03.2025 abgebucht"): that day.
      if (DEBIT_SENTENCE.test(line.text)) {
        for (const at of line.text.matchAll(DEBIT_DATE_BEFORE)) {
          const date = dateIn(line.text.slice((at.index ?? 0) + at[0].length));
          if (date === undefined || date.index > 0) continue;
          cands.dueDate.push({ value: date.iso, score: 0.65 * date.factor, sourceText: line.text, page: page.number, order: orderOf(page.number, i) });
          break;
        }
      }
      // A tax included in an amount, or a total including it, said in a sentence (its amount is the line's last).
      const included = TAX_INCLUDED.exec(line.text);
      const lastAmount = included === null ? undefined : amountsIn(line.text.slice(included.index + included[0].length)).pop();
      if (included !== null && lastAmount !== undefined && lastAmount.value !== 0) {
        const kind = included.groups?.["tax"] !== undefined ? "totalTax" : "total";
        const c = { value: Math.abs(lastAmount.value), score: 0.75, sourceText: line.text, page: page.number, order: orderOf(page.number, i) };
        cands[kind].push(c);
        if (kind === "totalTax") includedTax.push({ ...c, rate: RATE_IN_TEXT.exec(line.text)?.[1] ?? null });
      }
      const po = PO_IN_SENTENCE.exec(line.text);
      const poValue = po === null ? null : invoiceNumberFrom(line.text.slice(po.index + po[0].length));
      if (poValue !== null) cands.purchaseOrderRef.push({ value: poValue, score: 0.75, sourceText: line.text, page: page.number, order: orderOf(page.number, i) });
      for (const re of PAYMENT_TERM_SENTENCES) {
        const m = re.exec(line.text);
        if (m !== null) cands.paymentTerms.push({ value: m[0].trim(), score: 0.6, sourceText: line.text, page: page.number, order: orderOf(page.number, i) });
      }
    });
  }

  // The tax included at each rate, one line each under the total ("darin enthaltene MwSt. 7 %   3,93" over "… 19 %
  // 19,32"): the bill's tax is their sum.
  includedTax.forEach((first, k) => {
    const run = [first];
    for (const next of includedTax.slice(k + 1)) {
      const last = run[run.length - 1] as (typeof run)[number];
      if (next.page !== last.page || next.order - last.order > 2) break;
      run.push(next);
    }
    const rates = run.map((c) => c.rate);
    if (run.length < 2 || rates.some((r) => r === null) || new Set(rates).size < run.length) return;
    const value = cents(run.reduce((s, c) => s + c.value, 0));
    cands.totalTax.push({ value, score: 0.78, sourceText: run.map((c) => c.sourceText).join(" + "), page: first.page, order: first.order });
  });

  // A letter's place and date ("Luzern, 21.03.2025", "Berlin, den 3. Februar 2025", "Paris, le 12 mars 2025") in the
  // head of the first page: the date the bill was written, surer than a date in a table's column; a labelled
  // invoice date still wins.
  // Lower on the page (over the signature, at the letter's foot) a little less sure.
  const head = pages[0];
  head?.lines.forEach((line, i) => {
    const upper = i < Math.ceil(head.lines.length * 0.5);
    for (const cell of line.cells) {
      const m = PLACE_DATE.exec(cell.text.trim());
      const date = m === null ? undefined : dateIn(m[1] ?? "");
      if (date !== undefined) cands.invoiceDate.push({ value: date.iso, score: (upper ? 0.7 : 0.65) * date.factor, sourceText: cell.text, page: head.number, order: orderOf(head.number, i) });
    }
  });

  // No labelled invoice date: the first date on the first page that no label calls another date (an order, a
  // delivery, a service period, a due date), hardly sure; else a delivery or service date (often the invoice's own
  // date on a small bill), less sure still; never an order or a due date.
  if (cands.invoiceDate.length === 0) {
    const page = pages[0];
    let delivered: Candidate<string> | null = null;
    page?.lines.some((line, i) => {
      for (const { date, kind } of datesOfLine(page, i, order)) {
        if (kind === null) {
          cands.invoiceDate.push({ value: date.iso, score: 0.35, sourceText: line.text, page: page.number, order: orderOf(page.number, i) });
          return true;
        }
        if (kind === "delivery") delivered ??= { value: date.iso, score: 0.3, sourceText: line.text, page: page.number, order: orderOf(page.number, i) };
      }
      return false;
    });
    if (cands.invoiceDate.length === 0 && delivered !== null) cands.invoiceDate.push(delivered);
  }

  // Payment terms in days ("Net 30", "14 Tage netto", "30 jours fin de mois") from the invoice date. No due date
  // printed: the computed one, only as sure as the invoice date and the reading of the terms (never at the auto
  // grade; lower when the two ways of counting to a month's end differ). A printed due date the terms confirm gains;
  // one they contradict stays under 0.7 and says what the terms give.
  // A payment schedule: its one date is the due date; several instalments give none (which one a single due date
  // would be, the document does not say), and the terms say why.
  let instalments: { text: string; page: number; order: number } | null = null;
  for (const s of paymentSchedules(pages, order)) {
    // A discount's row of the table is no due date; the net row is.
    cands.dueDate = cands.dueDate.filter((c) => !s.discounts.includes(c.value) || s.dates.includes(c.value));
    const dates = [...new Set(s.dates)];
    if (dates.length === 1 && dates[0] !== undefined) cands.dueDate.push({ value: dates[0], score: 0.8, sourceText: s.text, page: s.page, order: s.order });
    else if (dates.length >= 2) {
      instalments ??= { text: `${dates.length} instalments, ${dates.join(", ")}: ${s.text}`, page: s.page, order: s.order };
      cands.dueDate = cands.dueDate.filter((c) => !dates.includes(c.value));
    }
  }
  const invoiceDate = best(cands.invoiceDate);
  const term = invoiceDate === null ? null : termDays(pages, labelledTerms);
  if (term?.instalments === true) instalments ??= { text: `instalments: ${term.text}`, page: term.page, order: term.order };
  if (instalments !== null) {
    cands.paymentTerms.push({ value: clip(`Instalments (no single due date): ${instalments.text}`), score: 0.95, sourceText: instalments.text, page: instalments.page, order: instalments.order });
    // A date printed beside instalment terms may be the first instalment's: below the review threshold.
    for (const c of cands.dueDate) {
      c.score = Math.min(c.score, 0.6);
      c.sourceText = `${c.sourceText} (the bill is paid in instalments)`;
    }
  } else if (term !== null && invoiceDate !== null) {
    const { value, other } = termDue(invoiceDate.value, term);
    const eom = term.endOfMonth === null ? "" : term.endOfMonth === "then" ? ", then the month's end" : " from the month's end";
    const counted = term.nextMonthDay === undefined ? `+ ${term.days} days${eom}` : `, day ${term.nextMonthDay} of the following month`;
    const how = `${clip(term.text).slice(0, 80)} (invoice date ${invoiceDate.value} ${counted}${other === null ? "" : `; counted the other way: ${other}`})`;
    const printed = best(cands.dueDate.filter((c) => c.score >= 0.5));
    if (printed === null) {
      cands.dueDate.push({ value, score: Math.min(0.8, invoiceDate.score) * 0.9 * (other === null ? 1 : 0.8), sourceText: how, page: term.page, order: term.order });
    } else if (printed.value === value || printed.value === other) {
      if (invoiceDate.score >= 0.8) printed.score = Math.min(0.97, printed.score + 0.05);
      printed.sourceText = `${printed.sourceText} (agrees with the terms: ${how})`;
    } else if (invoiceDate.score >= 0.6) {
      printed.score = Math.min(printed.score, 0.7);
      printed.sourceText = `${printed.sourceText} (the terms give ${value}: ${how})`;
    }
  }

  const { taxes, sum } = taxSummary(pages);
  if (taxes.length > 0) {
    // The table's own sum row ("Razem", "Celkem", "Summe"), when the rows add up to it, also holds the base of a
    // rate without tax ("zw", 0 %): its figures, a little surer. They still add up by construction: a printed total
    // confirms them.
    const base = sum?.base ?? cents(taxes.reduce((s, t) => s + (t.base ?? 0), 0));
    const tax = cents(taxes.reduce((s, t) => s + (t.amount ?? 0), 0));
    const where = `${taxes.map((t) => `${t.rate}%: ${t.base ?? "?"} / ${t.amount ?? "?"}`).join("; ")}${sum === null ? "" : `; sum row ${clip(sum.text)}`}`;
    const sure = sum === null ? 0 : 0.1;
    cands.untaxed.push({ value: base, score: 0.7 + sure, sourceText: `tax summary ${where}`, page: firstPage, order: 1e9 });
    cands.totalTax.push({ value: tax, score: 0.7 + sure, sourceText: `tax summary ${where}`, page: firstPage, order: 1e9 });
    cands.total.push({ value: cents(base + tax), score: 0.5 + sure, sourceText: `tax summary ${where}`, page: firstPage, order: 1e9 });
  }

  // A totals row's bare captions ("Net | VAT | Gross", "HT | TVA | TTC"), which no label found: their figures.
  for (const page of pages) {
    page.lines.forEach((line, i) => {
      const row = captionedRow(page, i, receipt);
      if (row === null) return;
      for (const [cellIndex, cell] of row.pairs) {
        const caption = line.cells[cellIndex]?.text ?? "";
        const kind = captionKind(caption);
        const amount = amountsIn(cell.text, receipt)[0];
        if (kind === null || amount === undefined || isAmountLabel(caption)) continue;
        const score = 0.8 * (row.side < 0 ? 0.85 : 0.75) * (page.number === firstPage ? 1 : 0.97);
        cands[kind].push({ value: amount.value, score, sourceText: `${caption} / ${cell.text}`, page: page.number, order: orderOf(page.number, i) });
      }
    });
  }

  // The lines between a subtotal and the total (shipping, a discount, a tax line per rate) that add up to it.
  const block = totalsBlock(pages, cands, (text) => amountsIn(text, receipt), orderOf);
  cands.untaxed.push(...block.untaxed);
  cands.totalTax.push(...block.totalTax);

  const lines = lineItems(pages);
  const amounts = chooseAmounts(cands.untaxed, cands.totalTax, withDeposits(cands.total, cands.deposit, cands.untaxed), lines);

  const currency = chooseCurrency(allText, options.company?.currency);
  const vendor = vendorParty(pages, options);

  const pageConf = (n: number) => {
    const conf = pages.find((p) => p.number === n)?.conf ?? 1;
    return options.source === "ocr" ? 0.75 + 0.25 * conf : 1;
  };

  const fields: BillFields = {
    documentKind: null,
    vendorName: field(vendor.name, pageConf),
    vendorAddress: field(vendorAddress(pages, vendor.name, vendor.vat?.value ?? null), pageConf),
    vendorVat: field(vendor.vat, pageConf),
    vendorIban: field(vendor.iban, pageConf),
    vendorEmail: field(vendor.email, pageConf),
    invoiceNumber: field(contested(cands.invoiceNumber), pageConf),
    invoiceDate: field(best(cands.invoiceDate), pageConf),
    dueDate: field(best(cands.dueDate), pageConf),
    paymentTerms: field(best(cands.paymentTerms), pageConf),
    currency: field(currency === null ? null : { ...currency, order: 0 }, pageConf),
    untaxed: field(amounts.untaxed, pageConf),
    totalTax: field(amounts.totalTax, pageConf),
    total: field(amounts.total, pageConf),
    purchaseOrderRef: field(best(cands.purchaseOrderRef), pageConf),
  };
  const pageNumbers = pages.map((p) => p.number);
  const bill: ExtractedBill = {
    pageFrom: Math.min(...pageNumbers, firstPage),
    pageTo: Math.max(...pageNumbers, firstPage),
    source: options.source,
    fields,
    lines,
    taxes,
    checks: [],
  };
  // A credit note: said by its title or by a total printed negative, its amounts stated positive (document_kind.ts).
  // Not on a receipt (expenses read a till slip's refund as printed).
  return checkBill(receipt ? bill : withDocumentKind(bill, pages), options.today);
}

interface TermReading {
  days: number;
  /** Counted to the end of a month: the days then the month's end, or the days from the invoice month's end. */
  endOfMonth: "then" | "after" | null;
  /** A day of the following month ("le 10 du mois suivant"). */
  nextMonthDay?: number;
  /** Several instalments ("30/60/90 gg"): no one due date. */
  instalments?: true;
}
interface Term extends TermReading {
  text: string;
  page: number;
  order: number;
  /** 3 "netto" days, 2 the value of a payment-terms label, 1 days on a line about paying, 0 due on receipt. */
  rank: number;
}

/** The days of a payment term in `text` (a line, or the value of a payment-terms label when `labelled`): the net
 * days over a discount period, else the longest period on a line about paying, 0 for "due on receipt". */
function readTerm(printed: string, labelled: boolean): (TermReading & { rank: number }) | null {
  const text = numeralDays(printed);
  if (NOT_A_PAYMENT_TERM.test(text)) return null;
  const eom = END_OF_MONTH_TERM.exec(text);
  const endOfMonth = eom === null ? null : eom.groups?.["then"] !== undefined ? "then" : "after";
  // Every match of each pattern: a discount's days may come first ("8 Tage 3 % Skonto oder 30 Tage netto").
  const longest = (res: readonly RegExp[], min: number) => {
    let days: number | null = null;
    for (const re of res) {
      for (const m of text.matchAll(new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`))) {
        const d = Number(m[1] ?? NaN);
        if (d >= min && d <= 180 && (days === null || d > days)) days = d;
      }
    }
    return days;
  };
  const paying = labelled || PAYMENT_WORDS.test(text) || /^\s*terms\b/i.test(text);
  if (paying && instalmentTerm(text)) return { days: 0, endOfMonth: null, instalments: true, rank: 4 };
  const net = longest(NET_TERM_DAYS, 0);
  if (net !== null) return { days: net, endOfMonth, rank: 3 };
  if (!paying) return null;
  const day = nextMonthDay(text);
  const days = longest(labelled ? [...TERM_DAYS, BARE_TERM_DAYS] : TERM_DAYS, 1);
  if (day !== null && days === null && eom === null) return { days: 0, endOfMonth: null, nextMonthDay: day, rank: labelled ? 2 : 1 };
  if (days !== null) return { days, endOfMonth, rank: labelled ? 2 : 1 };
  if (DUE_ON_RECEIPT.test(text)) return { days: 0, endOfMonth: null, rank: labelled ? 2 : 0 };
  return null;
}

/** The payment term of the bill: the best ranked (net days, a label's value, a line about paying, due on receipt),
 * the longest of a rank; none when the bill states none. */
function termDays(pages: readonly Page[], labelled: readonly Term[]): Term | null {
  let top = null as Term | null;
  const consider = (t: Term) => {
    if (top === null || t.rank > top.rank || (t.rank === top.rank && t.days > top.days)) top = t;
  };
  labelled.forEach(consider);
  for (const page of pages) {
    page.lines.forEach((line, i) => {
      const term = readTerm(line.text, false);
      if (term !== null) consider({ ...term, text: line.text.trim(), page: page.number, order: page.number * 10_000 + i });
    });
  }
  return top;
}

/** The due date of a term from the invoice date, and the other count's date when the term runs to a month's end and
 * the two counts differ. */
function termDue(invoiceIso: string, term: TermReading): { value: string; other: string | null } {
  if (term.nextMonthDay !== undefined) return { value: dayOfNextMonth(invoiceIso, term.nextMonthDay), other: null };
  const plus = addDays(invoiceIso, term.days);
  if (term.endOfMonth === null) return { value: plus, other: null };
  const then = monthEnd(plus);
  const after = addDays(monthEnd(invoiceIso), term.days);
  const [value, other] = term.endOfMonth === "then" ? [then, after] : [after, then];
  return { value, other: other === value ? null : other };
}

function monthEnd(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The total candidates once deposits are read: a balance ("Balance due", "Reste à payer", "Zahlbetrag") or a total
 * printed after an amount already paid, a deposit or an early-payment discount deducted is what is left to pay, not
 * the invoice's total — the invoice's total is that plus what was paid (a payment is no reduction of the invoice).
 * The sum is offered beside it, and the balance itself trusted less; the arithmetic then decides. */
function withDeposits(total: ReadonlyArray<Candidate<number>>, deposits: ReadonlyArray<Candidate<number>>, untaxed: ReadonlyArray<Candidate<number>>): Array<Candidate<number>> {
  if (deposits.length === 0) return [...total];
  const out: Array<Candidate<number>> = [];
  for (const g of total) {
    // This period's charges on a statement ("Total current charges") are the invoice's whatever was paid before.
    if (CURRENT_CHARGES.test(g.sourceText)) {
      out.push(g);
      continue;
    }
    // Printed before it: on a line above, or to its left in one table row (a balance). Not above an untaxed amount
    // printed before the total ("Escompte 2 %   -20,00" over "Base imposable   980,00"): that discount lowered the
    // base the tax is counted on, it was not paid. (A deposit over the tax alone may be either: both are offered.)
    const base = (d: Candidate<number>) => untaxed.some((u) => u.page === d.page && u.order > d.order && u.order < g.order);
    const paid = deposits.filter((d) => d.page === g.page && (d.order < g.order || (d.order === g.order && g.balance === true)) && !base(d));
    const after = paid.length > 0 && (g.balance === true || paid.some((d) => g.order - d.order <= 3));
    if (!after) {
      out.push(g);
      continue;
    }
    out.push({ ...g, score: g.score * 0.7 });
    // All the amounts paid before it, and each alone (a deposit and a discount, or one of them).
    const sums = [paid, ...(paid.length > 1 ? paid.map((d) => [d]) : [])];
    for (const set of sums) {
      const sum = cents(set.reduce((s, d) => s + d.value, 0));
      const score = Math.min(g.score, ...set.map((d) => d.score)) * 0.9;
      const how = set.every((d) => d.value > 0) ? "already paid" : "paid or owed from before";
      if (cents(g.value + sum) > 0) out.push({ value: cents(g.value + sum), score, sourceText: `${g.sourceText} + ${set.map((d) => d.sourceText).join(" + ")} (${how})`, page: g.page, order: g.order });
    }
  }
  return out;
}

/** Pick untaxed, tax and total: the triple that adds up (to the cent) with the best labels wins. */
function chooseAmounts(
  untaxed: ReadonlyArray<Candidate<number>>,
  tax: ReadonlyArray<Candidate<number>>,
  total: ReadonlyArray<Candidate<number>>,
  lines: readonly BillLine[],
): { untaxed: Candidate<number> | null; totalTax: Candidate<number> | null; total: Candidate<number> | null } {
  const top = (list: ReadonlyArray<Candidate<number>>) => [...list].sort((a, b) => b.score - a.score).slice(0, 12);
  const U = top(untaxed);
  // Two tax lines next to each other (two rates, CGST + SGST) add up to the bill's tax: their sum is a candidate.
  const pairs: Array<Candidate<number>> = [];
  const labelled = tax.filter((t) => t.order < 1e9);
  labelled.forEach((a, i) => {
    for (const b of labelled.slice(i + 1)) {
      if (b.page !== a.page || b.order === a.order || Math.abs(b.order - a.order) > 3 || a.value <= 0 || b.value <= 0) continue;
      pairs.push({ value: cents(a.value + b.value), score: Math.min(a.score, b.score) * 0.95, sourceText: `${a.sourceText} + ${b.sourceText}`, page: a.page, order: Math.min(a.order, b.order) });
    }
  });
  const T = [...top(tax), ...top(pairs)];
  // The largest amount after a total label is usually the total ("Total facture 24.99 5.00 29.99").
  const G = top(total.map((c) => c));
  let bestTriple: { u: Candidate<number> | null; t: Candidate<number> | null; g: Candidate<number>; score: number } | null = null;
  const consider = (u: Candidate<number> | null, t: Candidate<number> | null, g: Candidate<number>, bonus: number) => {
    const score = (u?.score ?? 0) + (t?.score ?? 0) + g.score + bonus;
    if (bestTriple === null || score > bestTriple.score) bestTriple = { u, t, g, score };
  };
  // The tax summary's own base, tax and their sum add up by construction: no evidence, not a triple.
  const summary = (c: Candidate<number> | null) => c !== null && c.order === 1e9 && c.sourceText.startsWith("tax summary");
  for (const g of G) {
    if (g.value === 0) continue;
    for (const u of U) {
      for (const t of T) {
        if (summary(g) && summary(u) && summary(t)) continue;
        // An untaxed 0 under a total is no reading (the tax would be the whole bill); a stated zero tax
        // ("Tax Total 0.00", a labelled cell) makes untaxed = total add up.
        const zeroTax = t.value === 0 && t.order < 1e9 && u.value === g.value;
        if (Math.abs(cents(u.value + t.value) - g.value) < 0.011 && u.value !== 0 && (u.value !== g.value || zeroTax)) consider(u, t, g, zeroTax ? 1.2 : 1.5);
      }
      // A bill without tax (or tax included and not stated): untaxed = total.
      if (Math.abs(u.value - g.value) < 0.005) consider(u, null, g, 0.3);
    }
  }
  // Tax included in the total: tax = total × rate / (100 + rate) for a usual rate; the untaxed amount follows.
  if (bestTriple === null) {
    for (const g of G) {
      for (const t of T) {
        if (t.value <= 0 || t.value >= g.value) continue;
        const rate = [...COMMON_RATES].find((r) => Math.abs(cents((g.value * r) / (100 + r)) - t.value) <= 0.011);
        if (rate === undefined) continue;
        const u: Candidate<number> = { value: cents(g.value - t.value), score: 0.6, sourceText: `total ${g.value} − tax ${t.value} included at ${rate} %`, page: g.page, order: g.order };
        consider(u, t, g, 1.2);
      }
    }
  }
  const confirm = (c: Candidate<number> | null, how: string): Candidate<number> | null =>
    c === null ? null : { ...c, score: Math.min(1, c.score + 0.15), sourceText: `${c.sourceText} (${how})` };
  if (bestTriple !== null) {
    const { u, t, g } = bestTriple as { u: Candidate<number> | null; t: Candidate<number> | null; g: Candidate<number> };
    // A zero tax adds up to anything that reads untaxed = total: it confirms nothing, the labels' scores stand.
    if (t !== null && t.value === 0) return { untaxed: u, totalTax: { ...t, sourceText: `${t.sourceText} (zero tax stated, untaxed = total)` }, total: g };
    if (t !== null) return { untaxed: confirm(u, "untaxed + tax = total"), totalTax: confirm(t, "untaxed + tax = total"), total: confirm(g, "untaxed + tax = total") };
    const zero: Candidate<number> = { value: 0, score: 0.6, sourceText: "no tax stated: untaxed = total", page: g.page, order: g.order };
    const taxes = taxesOf(T, g);
    return { untaxed: u, totalTax: taxes.length === 0 ? zero : best(taxes), total: g };
  }
  // Nothing adds up: the best of each; untaxed = total − tax when only those two are printed, else the lines' sum.
  let u = best(U);
  const g0 = best(G);
  const t0 = best(T);
  // A printed total above the tax summary's base + tax: the rest is billed without tax (a tourist tax, postage,
  // a 0 % line the summary leaves out) and untaxed is everything but the tax.
  const rest = u !== null && g0 !== null && t0 !== null && summary(u) && summary(t0) && !summary(g0) && g0.value > cents(u.value + t0.value);
  if ((u === null || rest) && g0 !== null && t0 !== null && t0.value < g0.value) {
    return { untaxed: { value: cents(g0.value - t0.value), score: 0.5, sourceText: `total ${g0.value} − tax ${t0.value}`, page: g0.page, order: g0.order }, totalTax: t0, total: g0 };
  }
  if (u === null && lines.length > 0 && lines.every((l) => l.amount !== null)) {
    u = { value: cents(lines.reduce((s, l) => s + (l.amount ?? 0), 0)), score: 0.4, sourceText: "sum of the lines", page: 1, order: 0 };
  }
  const g = G.length === 0 ? null : G.reduce((a, b) => (b.score > a.score + 1e-9 || (Math.abs(b.score - a.score) < 1e-9 && b.value > a.value) ? b : a));
  if (T.length === 0 && u !== null && g !== null && Math.abs(u.value - g.value) < 0.005) {
    // No tax printed anywhere and the lines add up to the total: a bill without tax (reverse charge, export).
    return { untaxed: { ...u, score: 0.6 }, totalTax: { value: 0, score: 0.5, sourceText: "no tax stated, the lines add up to the total", page: g.page, order: g.order }, total: g };
  }
  if (T.length === 0 && u !== null && g !== null && g.value > u.value && u.value > 0) {
    // No tax printed, a net and a gross that differ by a usual rate of the net: that difference is the tax. Derived,
    // not read, and so trusted no more than a guess ("Nettobetrag 4.000,00" and "Gesamtbetrag 4.760,00").
    const tax = cents(g.value - u.value);
    const rate = [...COMMON_RATES].find((r) => Math.abs(cents((u.value * r) / 100) - tax) <= 0.011);
    if (rate !== undefined) return { untaxed: u, totalTax: { value: tax, score: 0.5, sourceText: `total ${g.value} − untaxed ${u.value}: ${rate} % of the untaxed amount, no tax printed`, page: g.page, order: g.order }, total: g };
  }
  return { untaxed: u, totalTax: best(taxesOf(T, g)), total: g };
}

/** The tax candidates that can be the tax of a bill of total `g`: under half of it (no VAT rate comes near 100 %); a
 * figure on a tax line as large is the total or the base printed beside the tax's words ("TVA non applicable, art. 293 B
 * du CGI. Montant TTC 530,75 €", "TVA 0 % sur 530,75 €"). */
function taxesOf(T: ReadonlyArray<Candidate<number>>, g: Candidate<number> | null): Array<Candidate<number>> {
  return g === null ? [...T] : T.filter((t) => Math.abs(t.value) < Math.abs(g.value) / 2);
}

function chooseCurrency(text: string, companyCurrency: string | undefined): Candidate<string> | null {
  const found = detectCurrency(text);
  if (found !== null) return { value: found.code, score: Math.min(0.95, 0.6 + 0.1 * found.votes), sourceText: found.evidence, page: 1, order: 0 };
  if (companyCurrency !== undefined) return { value: companyCurrency, score: 0.3, sourceText: "no currency on the bill: the company's", page: 1, order: 0 };
  return null;
}

/** The figures of a line read cell by cell, with their index in the line's text: a "2 000,00" in one column and a
 * "460,00" in the next are two amounts, not "2", "000,00" and "460,00". */
function lineAmounts(line: Line): Array<{ value: number; text: string; index: number }> {
  const out: Array<{ value: number; text: string; index: number }> = [];
  let from = 0;
  for (const cell of line.cells) {
    const at = line.text.indexOf(cell.text, from);
    const start = at < 0 ? from : at;
    for (const a of amountsIn(cell.text)) out.push({ ...a, index: start + a.index });
    from = start + cell.text.length;
  }
  return out;
}

/** A sum row's first words: "Razem", "Celkem", "Spolu", "Összesen", "Summe", "Total", "w tym" is no sum. */
const SUM_ROW = /^(?:razem|ogółem|suma|celkem|spolu|celkom|összesen|summe|gesamt|insgesamt|total|totaal|totale|totalt|yhteensä|i\s+alt|sum)(?![\p{L}])/iu;

/** Rows with a rate and two amounts where amount = base × rate: the tax summary. One entry per rate. With the
 * table's sum row, when its figures are the rows' (base at least theirs: a rate without tax adds to it, the tax
 * theirs, the gross base + tax). */
function taxSummary(pages: readonly Page[]): { taxes: BillTax[]; sum: { base: number; tax: number; text: string } | null } {
  const byRate = new Map<number, BillTax>();
  const rows: Array<{ page: Page; index: number }> = [];
  for (const page of pages) {
    for (const [index, line] of page.lines.entries()) {
      // The rate: printed with "%", or a bare common VAT rate (a column headed "MwSt-%"), confirmed by a pair below.
      const rates: Array<{ rate: number; start: number; end: number }> = [];
      // A rate printed with "%" may have three decimals (a US sales tax of 8.875 %).
      const namesTax = /mwst|ust\b|vat|tva|btw|tax|steuer|iva/i.test(line.text);
      for (const m of line.text.matchAll(/(?:^|\s)(\d{1,2}(?:[.,]\d{1,2})?|\d{1,2}[.,]\d{3}(?=\s?%))(\s?%)?(?=\s|$)/g)) {
        const rate = Number((m[1] ?? "").replace(",", "."));
        // A bare rate only on a row of figures or one that names the tax (not a line item's quantity).
        const bareAllowed = !/[A-Za-zÀ-ÿ]{3}/.test(line.text.replace(/\b(?:EUR|USD|GBP|CHF)\b/g, "")) || namesTax;
        // "0 %" only on a row naming the tax ("VAT 0% on $ 6,277.66   $ 0.00"): its base belongs to the untaxed sum.
        const zeroRate = rate === 0 && m[2] !== undefined && namesTax;
        if (m[2] !== undefined ? (rate > 0 && rate < 30) || zeroRate : bareAllowed && COMMON_RATES.has(rate)) rates.push({ rate, start: (m.index ?? 0) + m[0].indexOf(m[1] ?? ""), end: (m.index ?? 0) + m[0].length });
      }
      let found: { base: number; amount: number } | null = null;
      let rate = 0;
      for (const r of rates) {
        // The figures of the row but the rate itself (a bare "7,00" in a rate column); a tax equal to the rate's
        // figure stays ("BTW 21% over 100,00   21,00").
        const nums = lineAmounts(line).filter((a) => a.index + a.text.length <= r.start || a.index >= r.end).map((a) => a.value);
        // At 0 %: one base and a tax of 0.00 printed beside it, nothing else.
        const nonZero = nums.filter((n) => n !== 0);
        if (r.rate === 0 && nonZero.length === 1 && nums.length === 2) found = { base: nonZero[0] as number, amount: 0 };
        for (let i = 0; i < nums.length && found === null; i++) {
          for (let j = 0; j < nums.length; j++) {
            const b = nums[i] as number;
            const t = nums[j] as number;
            if (i === j || b === 0 || t === 0 || Math.sign(b) !== Math.sign(t) || Math.abs(t) >= Math.abs(b)) continue;
            // Tax rounded per line (as Odoo prints it) leaves a few cents on a large base: up to 5.
            if (Math.abs(cents((b * r.rate) / 100) - t) <= Math.max(0.011, Math.min(0.05, Math.abs(b) * 0.000002))) {
              found = { base: b, amount: t };
              break;
            }
          }
        }
        if (found !== null) {
          rate = r.rate;
          break;
        }
      }
      if (found === null) continue;
      rows.push({ page, index });
      // A row repeating a rate (per-line VAT columns) adds to it only when it is not the same pair again.
      const prev = byRate.get(rate);
      if (prev === undefined) byRate.set(rate, { rate, base: found.base, amount: found.amount });
      else if (prev.base !== found.base && prev.amount !== found.amount && !summaryRow(line)) {
        // Several rows of one rate: keep the largest (a totals row repeats the sum of the detail rows).
        if (found.base > (prev.base ?? 0)) byRate.set(rate, { rate, base: found.base, amount: found.amount });
      }
    }
  }
  const taxes = [...byRate.values()].sort((a, b) => b.rate - a.rate);
  return { taxes, sum: sumRow(taxes, rows) };
}

/** The tax table's sum row, a few lines below its last rate row or above its first: the rows' tax, after a base at
 * least theirs, and either the gross (base + tax) after it or a sum's word in front. */
function sumRow(taxes: readonly BillTax[], rows: ReadonlyArray<{ page: Page; index: number }>): { base: number; tax: number; text: string } | null {
  if (taxes.length === 0 || rows.length === 0) return null;
  const base = cents(taxes.reduce((s, t) => s + (t.base ?? 0), 0));
  const tax = cents(taxes.reduce((s, t) => s + (t.amount ?? 0), 0));
  const near = new Set(rows.map((r) => `${r.page.number}:${r.index}`));
  const tried = new Set<string>();
  for (const { page, index } of [...rows].reverse()) {
    for (const i of [index + 1, index + 2, index + 3, index - 1, index - 2]) {
      const line = page.lines[i];
      const key = `${page.number}:${i}`;
      if (line === undefined || near.has(key) || tried.has(key)) continue;
      tried.add(key);
      const nums = lineAmounts(line).map((a) => a.value);
      const at = nums.findIndex((v, k) => k > 0 && Math.abs(v - tax) < 0.011);
      if (at < 1) continue;
      const b = nums[at - 1] as number;
      if (b < base - 0.005 || b <= tax) continue;
      const gross = nums[at + 1];
      const labelled = SUM_ROW.test(line.cells[0]?.text.trim() ?? "");
      if ((gross !== undefined && Math.abs(cents(b + tax) - gross) < 0.011) || (labelled && b === base)) return { base: b, tax, text: line.text };
    }
  }
  return null;
}

const COMMON_RATES: ReadonlySet<number> = new Set([2.1, 2.5, 3.7, 5, 5.5, 6, 7, 7.7, 8, 8.1, 9, 10, 12, 13, 14, 15, 16, 17, 19, 20, 21, 22, 23, 24, 25]);

function summaryRow(line: Line): boolean {
  return /total|summe|totaal/i.test(line.text);
}

const STOP_TABLE = /^(?:sub[\s-]?total|total|totaal|summe|gesamt|montant|net\s|exclusief|zwischensumme|prijzen|tax|vat|mwst|tva|btw)/i;

/** The table of lines: rows under a header row (description, quantity, price…) until the first totals row. */
function lineItems(pages: readonly Page[]): BillLine[] {
  const out: BillLine[] = [];
  for (const page of pages) {
    let inTable = false;
    for (const line of page.lines) {
      if (!inTable) {
        if (LINE_TABLE_HEADER.test(line.text) && line.cells.length >= 2) inTable = true;
        continue;
      }
      const first = line.cells[0]?.text ?? "";
      if (carried(line)) continue;
      const totalsRow = line.cells.some((c) => (["total", "untaxed", "totalTax"] as const).some((k) => LABELS[k].some((p) => p.weight >= 0.8 && p.re.test(c.text.trim()))));
      if (totalsRow || STOP_TABLE.test(first) || STOP_TABLE.test(line.cells.find((c) => /[A-Za-z]{3}/.test(c.text))?.text ?? "")) {
        // A row of words without figures ("Ohne / MwSt.") continues the header; a totals row has an amount.
        if (amountsIn(line.text).length === 0) continue;
        inTable = false;
        continue;
      }
      const amountCells = line.cells.filter((c) => amountsIn(c.text).length > 0 && !/[A-Za-z]{4}/.test(c.text));
      const textCells = line.cells.filter((c) => /[A-Za-zÀ-ÿ]{2}/.test(c.text) && !amountCells.includes(c));
      if (amountCells.length === 0 || textCells.length === 0) continue;
      const description = textCells.map((c) => c.text).join(" ").replace(/\s+/g, " ").trim();
      const values = amountCells.flatMap((c) => amountsIn(c.text).map((a) => a.value));
      const amount = values[values.length - 1] ?? null;
      const rateMatch = /(\d{1,2}(?:[.,]\d{1,2})?)\s?%/.exec(line.text);
      const taxRate = rateMatch === null ? null : Number((rateMatch[1] ?? "").replace(",", "."));
      // Quantity: a bare number cell (no decimals, or ",000" decimals) before the amounts; the one that times a
      // price gives the amount, else the last such cell (the first is often the position number).
      const bare: number[] = [];
      for (const c of line.cells) {
        const m = /^(\d{1,5}(?:[.,]\d{1,3})?)(?:\s*[A-Za-z()]{1,10})?$/.exec(c.text.trim());
        if (m !== null && !amountCells.includes(c) && !c.text.includes("%")) bare.push(Number((m[1] ?? "").replace(",", ".")));
      }
      let quantity: number | null = null;
      let unitPrice: number | null = null;
      if (amount !== null) {
        // A price printed without the line's minus ("30  5,00  -150,00", a credit note's line) carries its sign.
        const times = (v: number, q: number) => Math.abs(Math.abs(cents(v * q)) - Math.abs(amount)) <= 0.011;
        const signed = (v: number, q: number) => (Math.sign(v * q) === Math.sign(amount) || amount === 0 ? v : -v);
        for (const q of bare) {
          const price = values.slice(0, -1).find((v) => q !== 0 && times(v, q));
          if (price !== undefined) {
            quantity = q;
            unitPrice = signed(price, q);
            break;
          }
        }
        if (unitPrice === null) {
          quantity = bare.length === 0 ? null : (bare[bare.length - 1] ?? null);
          const q = quantity ?? 1;
          const price = values.slice(0, -1).find((v) => times(v, q));
          unitPrice = price !== undefined ? signed(price, q) : values.length === 1 ? (quantity === null || q === 0 ? amount : cents(amount / q)) : (values[0] ?? null);
        }
      }
      const agrees = amount !== null && unitPrice !== null && Math.abs(cents(unitPrice * (quantity ?? 1)) - amount) <= 0.011;
      out.push({ description: clip(description), quantity, unitPrice, taxRate, amount, confidence: agrees ? 0.8 : 0.5 });
    }
  }
  return out;
}

interface VendorParty {
  name: Candidate<string> | null;
  vat: Candidate<string> | null;
  iban: Candidate<string> | null;
  email: Candidate<string> | null;
}

/** One name written twice ("ACME GmbH", "Acme"): the shorter one's words all in the longer one's. */
function sameName(a: string, b: string): boolean {
  const words = (x: string) => normName(x.replace(LEGAL_FORMS, " ")).split(" ").filter((w) => w.length > 0);
  const [short, long] = words(a).length <= words(b).length ? [words(a), words(b)] : [words(b), words(a)];
  return short.length > 0 && short.every((w) => long.includes(w));
}

function normName(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9à-ÿ]+/g, " ").trim();
}

/** Vendor name, VAT number, IBAN and e-mail: never the company's own, never on a line marked as the customer's. */
function vendorParty(pages: readonly Page[], options: ExtractOptions): VendorParty {
  const companyVat = options.company?.vat === undefined ? null : normaliseVat(options.company.vat);
  const companyName = options.company?.name === undefined ? null : normName(options.company.name);
  const vats: Array<Candidate<string>> = [];
  const ibans: Array<Candidate<string>> = [];
  const emails: Array<Candidate<string>> = [];
  let names: Array<Candidate<string>> = [];
  /** The names in the recipient's block: printed again elsewhere ("Prepared for …"), still the buyer's. */
  const recipients: string[] = [];
  /** The lines (orders) of each recipient's block: the VAT number and IBAN printed in it are the customer's. */
  const recipientBlocks: Array<{ page: number; from: number; to: number }> = [];
  /** The lines of the receiving company's own block (its name as the request gives it): nothing in it is the vendor's. */
  const companyBlocks: Array<{ page: number; from: number; to: number }> = [];
  /** Names in a footer that carries the company's legal details (a register number, a VAT number under it). */
  const legalFooter = new Set<Candidate<string>>();
  /** Names read with words after their legal form: the legal entity may end at the form. */
  const tailed = new Set<string>();
  /** Company names read inside a sentence or a run of footer parts: only to spell out a logo word. */
  const inSentences: Array<Candidate<string>> = [];
  for (const page of pages) {
    const large = largeLetters(page, options.source);
    page.lines.forEach((line, i) => {
      const order = page.number * 10_000 + i;
      // A marker on the line, or the line inside the recipient's block ("Bill to:" / its VAT number below).
      const customer = CUSTOMER_MARKERS.test(line.text) || (line.y0 < 0.8 * page.height && (findVats(line.text).length > 0 || /\biban\b/i.test(line.text)) && line.cells.some((c) => underHeading(page, i, c, RECIPIENT_HEADINGS) || underReturnAddress(page, i, c)));
      for (const v of findVats(line.text)) {
        if (v.vat === companyVat) continue;
        const labelled = /\b(?:vat|tva|btw|ust|mwst|ust-?id|steuer|tax|nip)/i.test(line.text);
        const score = (customer ? 0.3 : 0.7) + (labelled ? 0.15 : 0) + (v.checksum === true ? 0.1 : v.checksum === false ? -0.3 : 0);
        vats.push({ value: v.vat, score, sourceText: line.text, page: page.number, order });
      }
      for (const iban of findIbans(line.text.replace(/\s{2,}/g, "  "))) {
        if (!iban.valid) continue;
        const score = customer || /prélev|lastschrift|debit|incasso/i.test(line.text) ? 0.4 : 0.85;
        ibans.push({ value: iban.iban, score, sourceText: line.text, page: page.number, order });
      }
      for (const email of findEmails(line.text)) {
        emails.push({ value: email, score: customer ? 0.3 : 0.6, sourceText: line.text, page: page.number, order });
      }
      line.cells.forEach((cell, k) => {
        const text = cell.text.trim();
        // The customer's name: a marker in its own cell or in the label cell before it ("Kunde:  Name AG"), not a
        // marker heading the next column ("Vendor AG      Bill to:").
        const customerCell = CUSTOMER_MARKERS.test(text) || CUSTOMER_MARKERS.test(line.cells[k - 1]?.text ?? "") || (line.cells.length === 1 && customer);
        // A labelled name in a party's block ("Name:  Physiopraxis Sonnenschein" under "Verkäufer"): the label's
        // cell starts the row, and the heading above it names the party.
        const label = k > 0 && NAME_LABEL.test(line.cells[k - 1]?.text.trim() ?? "") ? line.cells[k - 1] : undefined;
        if (label !== undefined && k === 1 && /\p{L}{3}/u.test(text) && !/\d{4,}|@/.test(text) && text.split(/\s+/).length <= 6) {
          if (underHeading(page, i, label, RECIPIENT_HEADINGS)) recipients.push(text);
          else if (underHeading(page, i, label, VENDOR_MARKERS)) names.push({ value: text, score: 0.85, sourceText: `${label.text.trim()} ${text}`, page: page.number, order });
        }
        // "Vendeur : LE FOURNISSEUR": the vendor heading and the name in one cell.
        const inline = VENDOR_MARKER_INLINE.exec(text)?.[1]?.trim();
        if (inline !== undefined && nameLike(inline, 6)) names.push({ value: inline, score: 0.85, sourceText: text, page: page.number, order });
        // A Dutch postcode's letters ("1432 AB Aalsmeer") are no Swedish "AB": looked for with them masked.
        const masked = text.replace(/\b\d{4}\s?[A-Z]{2}(?=\s|$)/g, (z) => z.toLowerCase());
        if (!LEGAL_FORMS.test(masked)) return;
        const recipient = customerCell || underHeading(page, i, cell, RECIPIENT_HEADINGS) || underReturnAddress(page, i, cell) || customerBlock(page, i, cell) || (label !== undefined && underHeading(page, i, label, RECIPIENT_HEADINGS));
        // The company name itself, not a sentence containing it: cut after the legal form, at most six words; a
        // label before it ("Sold by:", "Payment to:") is no part of it.
        const cut = new RegExp(`^(.*?${LEGAL_FORMS.source})`).exec(masked);
        const m = cut === null ? null : [text.slice(0, (cut[1] ?? "").length), text.slice(0, (cut[1] ?? "").length)];
        let name = (m?.[1] ?? text).replace(/^(?:[\p{L}.'-]+\s+){0,2}[\p{L}.'-]+\s*:\s*(?=\S)/u, "").replace(/^[\s,:-]+|[\s,:-]+$/g, "");
        // The legal form first ("SAS Martin Distribution", "SARL Menuiserie Laurent"): the whole cell is the name.
        // A legal form alone ("GmbH & Co. KG" under "Hansen Logistik"): the name is the line above it in its column.
        if (name.replace(LEGAL_FORMS, " ").trim().length < 2) {
          const whole = text.replace(/^[\s,:-]+|[\s,:-]+$/g, "");
          if (whole.replace(LEGAL_FORMS, " ").replace(/[\s,.&]+/g, "").length >= 2) name = whole;
          else {
            const prev = page.lines[i - 1];
            const over = prev !== undefined && adjacent(prev, line) ? prev.cells.find((c) => overlaps(c, cell) && Math.abs(c.x0 - cell.x0) < 20) : undefined;
            const first = over?.text.trim() ?? "";
            if (over === undefined || LEGAL_FORMS.test(first) || /\d|@|:/.test(first) || !/^\p{Lu}/u.test(first) || first.split(/\s+/).length > 5 || isLabel(first) || DOCUMENT_TITLE.test(first)) return;
            name = `${first} ${whole}`;
          }
        }
        // Words after the legal form in its cell ("Stahlhandel AG Duisburg"): the name as printed, when they are one
        // or two capitalised words and nothing else (no label, title, contact or register detail); the legal entity
        // may end at the form, so never at the auto grade.
        let tail = false;
        const after = m === null ? "" : text.slice((m[1] ?? "").length);
        if (m !== null && name === (m[1] ?? "").replace(/^[\s,:-]+|[\s,:-]+$/g, "") && /^\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?\s*$/u.test(after) && !DOCUMENT_TITLE.test(after) && !isLabel(after.trim()) && !CONTACT_LINE.test(after) && !REGISTER_NUMBER.test(after) && !BANK_DETAILS.test(after) && !NOT_A_NAME_TAIL.test(after) && !CUSTOMER_MARKERS.test(after) && !LEGAL_FORMS.test(after)) {
          name = `${name}${after.replace(/\s+$/, "")}`;
          tail = true;
        }
        // A company named inside a sentence or after other footer parts ("… voorwaarden van Tulpia Nederland B.V.",
        // "KvK 12345678 | Tulpia Nederland B.V."): its capitalised words before the form, kept only to spell out a
        // logo word (below), never a vendor by itself.
        const inText = (x: string) => {
          const run = new RegExp(`(?:^|[\\s·|•,;:(]|t\\.n\\.v\\.)((?:\\p{Lu}[\\p{L}'’&.-]*\\s+(?:(?:van|de|der|den|von|und|en|et|&)\\s+)?){1,4})(${LEGAL_FORMS.source.replace(/^\(\?:\^\|\[\\s,\]\)/, "")})$`, "u").exec(x.trim());
          const found = run === null ? "" : `${(run[1] ?? "").trim()} ${(run[2] ?? "").trim()}`;
          if (found.length >= 5 && !BANK_NAME.test(found) && !recipient && !CUSTOMER_MARKERS.test(x)) inSentences.push({ value: found, score: 0.5, sourceText: line.text, page: page.number, order });
        };
        if (name.split(/\s+/).length > 6) return inText(name);
        name = name.replace(/^(?:©|\(c\)|copyright)\s*\d{0,4}\s*/i, "").trim();
        if (/\d{4,}/.test(name) || /\s[·|•]\s/.test(name)) return inText(name);
        if (name.length < 3 || !/[A-Za-z]{2}/.test(name)) return;
        if (recipient) {
          recipients.push(name);
          recipientBlocks.push({ page: page.number, from: order, to: order + blockBelow(page, i, cell).length });
          return;
        }
        // The receiving company's own block: its VAT number and IBAN are the customer's too.
        if (companyName !== null && (normName(name) === companyName || sameCompany(name, options.company?.name ?? ""))) {
          companyBlocks.push({ page: page.number, from: order - 1, to: order + blockBelow(page, i, cell).length });
          return;
        }
        const top = (line.y0 / Math.max(1, page.height));
        const vendorHeading = underHeading(page, i, cell, VENDOR_MARKERS) ? 0.3 : 0;
        // Near the top or the foot of the first page: the letterhead.
        const pos = top < 0.25 ? 0.2 : top > 0.8 ? 0.1 : 0;
        // A letterhead: the name in larger letters than the page's text, or the sender's details under it —
        // telephone / e-mail / web, a company register's number, its bank account (an addressee's block prints none).
        const letterhead = top < 0.3 && large(cell) ? 0.15 : 0;
        const own = [cell.text, ...blockBelow(page, i, cell).flatMap((l) => l.cells.filter((c) => c.x0 < cell.x1 + 20 && c.x1 > cell.x0 - 20).map((c) => c.text))];
        const contact = own.some((t) => CONTACT_LINE.test(t) || REGISTER_NUMBER.test(t) || BANK_DETAILS.test(t)) ? 0.1 : 0;
        const cand = { value: name, score: 0.55 + pos + vendorHeading + letterhead + contact - (page.number - (pages[0]?.number ?? 1)) * 0.05, sourceText: line.text, page: page.number, order };
        names.push(cand);
        if (tail) tailed.add(name);
        // The foot of the page, the company's legal details in its cell or the column under it: the sender's.
        const details = [cell.text.slice(cell.text.indexOf(name) + name.length), ...blockBelow(page, i, cell).slice(0, 2).flatMap((l) => l.cells.filter((c) => c.x0 < cell.x1 && c.x1 > cell.x0).map((c) => c.text))].join(" ");
        // Or its bank account in another column of the footer's lines (the payee's).
        const footerLines = [line, ...blockBelow(page, i, cell).slice(0, 2)].map((l) => l.text).join(" ");
        if (top > 0.8 && !BANK_NAME.test(name) && (REGISTER_NUMBER.test(details) || findVats(details).length > 0 || BANK_DETAILS.test(footerLines))) legalFooter.add(cand);
      });
    });
  }
  const inRecipientBlock = (c: Candidate<string>) => recipientBlocks.some((b) => b.page === c.page && c.order > b.from && c.order <= b.to);
  for (const c of [...vats, ...ibans]) if (inRecipientBlock(c)) c.score = Math.min(c.score, 0.4);
  const inCompanyBlock = (c: Candidate<string>) => companyBlocks.some((b) => b.page === c.page && c.order > b.from && c.order <= b.to);
  for (const list of [vats, ibans]) list.splice(0, list.length, ...list.filter((c) => !inCompanyBlock(c)));
  // A line of the first page spelling the domain of the bill's e-mail or web address ("Azure Interior" for
  // azure-interior.com) is the vendor's name: letterheads print both.
  const domains = new Set<string>();
  for (const page of pages) {
    for (const m of pageText(page).matchAll(/(?:@|www\.|https?:\/\/(?:www\.)?)([a-z0-9-]+(?:\.[a-z0-9-]+)*)\.[a-z]{2,}\b/gi)) {
      const host = (m[1] ?? "").toLowerCase().split(".");
      const label = host[host.length - 1] ?? "";
      if (label.length >= 3 && !/^(?:gmail|yahoo|hotmail|outlook|example|mail|web|gmx|orange|free)$/.test(label)) domains.add(label.replace(/-/g, ""));
    }
  }
  const firstPage = pages[0];
  if (firstPage !== undefined && domains.size > 0) {
    firstPage.lines.slice(0, 40).forEach((line, i) => {
      if (CUSTOMER_MARKERS.test(line.text)) return;
      for (const cell of line.cells) {
        if (underHeading(firstPage, i, cell, RECIPIENT_HEADINGS)) continue;
        const squeezed = normName(cell.text).replace(/ /g, "");
        if (squeezed.length < 3 || cell.text.length > 60 || /@|www\.|https?:/.test(cell.text)) continue;
        const core = normName(cell.text.replace(LEGAL_FORMS, " ")).replace(/ /g, "");
        if ([...domains].some((d) => core.length >= 3 && (d === core || d.startsWith(core) || core.startsWith(d)))) {
          names.push({ value: senderName(cell.text), score: LEGAL_FORMS.test(cell.text) ? 0.85 : 0.7, sourceText: `${cell.text} (matches the web/e-mail domain)`, page: firstPage.number, order: firstPage.number * 10_000 + i });
        }
      }
    });
  }
  // A logo word at the top of the first page, in large letters and without a legal form ("NORDLICHT", "Atelier
  // Bleu"): the sender's mark, over an addressee's block that nothing else marks as the sender.
  if (firstPage !== undefined) {
    const large = largeLetters(firstPage, options.source, 1.6);
    firstPage.lines.forEach((line, i) => {
      if (line.y0 > 0.2 * firstPage.height || CUSTOMER_MARKERS.test(line.text)) return;
      for (const cell of line.cells) {
        const text = cell.text.trim();
        if (!large(cell) || !/^\p{L}/u.test(text) || LEGAL_FORMS.test(text) || /\d/.test(text) || text.split(/\s+/).length > 4 || !/\p{L}{3}/u.test(text) || isLabel(text) || DOCUMENT_TITLE.test(text)) continue;
        if (underHeading(firstPage, i, cell, RECIPIENT_HEADINGS) || (companyName !== null && sameCompany(text, options.company?.name ?? ""))) continue;
        names.push({ value: text, score: 0.78, sourceText: `${text} (letterhead in large letters)`, page: firstPage.number, order: firstPage.number * 10_000 + i });
      }
    });
  }
  // A sole trader's name over its owner's ("Metallbau Hofmann" / "Inh. Jan Hofmann", "… · Inhaber: Jan Hofmann · …",
  // "Proprietor: Ann Lee"): a letterhead's, no addressee's block names its owner. It has no legal form to be found by.
  if (firstPage !== undefined) {
    firstPage.lines.forEach((line, i) => {
      if (line.y0 > 0.35 * firstPage.height) return;
      const push = (value: string, owner: string) => names.push({ value, score: 0.85, sourceText: `${value} / ${owner} (its owner named under it)`, page: firstPage.number, order: firstPage.number * 10_000 + i });
      for (const cell of line.cells) {
        // Parts of one line: "Metallbau Hofmann · Inh. Jan Hofmann · Gewerbepark 3".
        const parts = cell.text.split(/\s[·|•]\s/).map((t) => t.trim());
        const at = parts.findIndex((t) => OWNER_LINE.test(t));
        if (at > 0 && nameLike(parts[at - 1] ?? "", 5)) push(parts[at - 1] ?? "", parts[at] ?? "");
        const next = firstPage.lines[i + 1];
        const under = next !== undefined && adjacent(line, next) ? next.cells.find((c) => overlaps(c, cell) && Math.abs(c.x0 - cell.x0) < 20) : undefined;
        if (parts.length === 1 && under !== undefined && OWNER_LINE.test(under.text.trim()) && nameLike(cell.text.trim(), 5)) push(cell.text.trim(), under.text.trim());
      }
    });
  }
  // The company that the page's web/e-mail domain and the vendor's VAT number (on its line or the three below) point
  // to is the legal vendor, over another block's name (a trading name under "Lieferant", a works address).
  const vat = best(vats);
  names = names.filter((c) => !recipients.some((r) => echoes(c.value, r)));
  for (const c of names) {
    const core = normName(c.value.replace(LEGAL_FORMS, " ")).replace(/ /g, "");
    if (!c.sourceText.includes("(matches the web/e-mail domain)") && !c.sourceText.endsWith("(letterhead in large letters)") && core.length >= 3 && [...domains].some((d) => d === core || d.startsWith(core) || core.startsWith(d))) c.score += 0.3;
    if (vat !== null && vat.page === c.page && vat.order - c.order >= 0 && vat.order - c.order <= 3) c.score += 0.25;
  }
  let name = best(names);
  // A mark without a legal form ("Nordlicht") whose words another name spells with one ("Nordlicht Druck GmbH" in
  // the footer): that is the vendor's full name.
  if (name !== null && !LEGAL_FORMS.test(name.value)) {
    const mark = name;
    // A name in a sentence starts at the mark's first word ("… Geschäftsbedingungen der Nordlicht Druck GmbH").
    const head = normName(mark.value).split(" ")[0] ?? "";
    const spelt = inSentences.map((c) => {
      const at = c.value.split(/\s+/).findIndex((w) => normName(w) === head);
      return at > 0 ? { ...c, value: c.value.split(/\s+/).slice(at).join(" ") } : c;
    });
    const full = best([...names, ...spelt].filter((c) => c !== mark && LEGAL_FORMS.test(c.value) && sameName(mark.value, c.value) && normName(c.value.replace(LEGAL_FORMS, " ")).split(" ").length > normName(mark.value).split(" ").length));
    // The mark may be sure (its domain); its legal name is read elsewhere on the page: not above 0.9.
    if (full !== null) name = { ...full, score: Math.min(0.9, Math.max(full.score, mark.score)), sourceText: `${full.sourceText} (the full name of ${mark.value})` };
  }
  // The company block at the top of a page without a letterhead of its own (no vendor heading, no domain it spells)
  // against a footer carrying another company's legal details: the footer's company is the sender, the top block the
  // addressee in the envelope window. Two blocks competing: never above 0.8.
  const footer = best([...legalFooter].filter((c) => names.includes(c)));
  let footerWins = false;
  if (name !== null && footer !== null && footer !== name && !sameName(footer.value, name.value) && !name.sourceText.includes("(matches the web/e-mail domain)") && !legalFooter.has(name)) {
    const page = pages.find((p) => p.number === name?.page);
    const nameLine = page?.lines[name.order - name.page * 10_000];
    const cell = nameLine?.cells.find((c) => c.text.includes(name?.value ?? ""));
    const own = page === undefined || cell === undefined ? false : underHeading(page, name.order - name.page * 10_000, cell, VENDOR_MARKERS);
    const domainSpelt = [...domains].some((d) => { const core = normName((name?.value ?? "").replace(LEGAL_FORMS, " ")).replace(/ /g, ""); return core.length >= 3 && (d === core || d.startsWith(core) || core.startsWith(d)); });
    const ownRegister = page !== undefined && cell !== undefined && blockBelow(page, name.order - name.page * 10_000, cell).some((l) => REGISTER_NUMBER.test(l.text));
    if (!own && !domainSpelt && !ownRegister && !REGISTER_NUMBER.test(nameLine?.text ?? "")) {
      name = { ...footer, score: Math.min(0.8, Math.max(footer.score, name.score)), sourceText: `${footer.sourceText} (legal footer; also named: ${name.value})` };
      footerWins = true;
    }
  }
  // Another name nearly as well supported: the vendor is not sure.
  const rival = name === null ? undefined : names.find((c) => c !== name && c.score >= 0.7 && c.score >= (name?.score ?? 0) - 0.3 && !sameName(c.value, name?.value ?? ""));
  if (name !== null && rival !== undefined) name = { ...name, score: Math.min(name.score, 0.8), sourceText: `${name.sourceText} (also named: ${rival.value})` };
  // A brand the page ties to the seller, when the chosen name is a legal entity the page's domain does not spell
  // (the decision, issue 13: the vendor is the name the clerk knows the supplier by, as Odoo partners are usually
  // named; the legal entity stays in the source text, its VAT number in vendorVat, which the matching tries first).
  // Two names for one vendor is a choice: never above 0.8.
  const brand = brandOf(pages, domains, names);
  const spellsDomain = (value: string) => {
    const core = normName(value.replace(LEGAL_FORMS, " ")).replace(/ /g, "");
    return core.length >= 3 && [...domains].some((d) => d === core || d.startsWith(core) || core.startsWith(d));
  };
  // An agent invoicing for the brand ("… B.V. i.o.v. Brand.com") is the seller of record: its name stands.
  const chosen = name;
  const agent = chosen !== null && pages.some((p) => p.lines.some((l) => {
    const text = l.text.replace(/\s{2,}/g, " ");
    const at = text.toLowerCase().indexOf(chosen.value.toLowerCase());
    return at >= 0 && AGENT_FOR.test(text.slice(at + chosen.value.length));
  }));
  if (brand !== null && !agent && (name === null || (!sameName(brand.value, name.value) && !spellsDomain(name.value)))) {
    const legal = brand.legal ?? name?.value;
    name = { ...brand, score: Math.min(0.8, Math.max(brand.score, name?.score ?? 0)), sourceText: `${brand.sourceText} (brand${legal === undefined ? "" : `; legal entity: ${legal}`})` };
  }
  const email = bestEmail(emails, name?.value ?? null);
  if (name === null && firstPage !== undefined) {
    // A block under a vendor heading ("Lieferant", "Supplier"): its first line.
    firstPage.lines.some((line, i) =>
      line.cells.some((cell) => {
        if (!VENDOR_MARKERS.test(cell.text.trim())) return false;
        const next = firstPage.lines.slice(i + 1, i + 4).flatMap((l) => l.cells).find((c) => c.x0 < cell.x1 + 20 && c.x1 > cell.x0 - 20 && /[A-Za-z]{3}/.test(c.text) && !/^GLN|^\d/.test(c.text) && !/:\s*$/.test(c.text));
        if (next === undefined) return false;
        name = { value: next.text.trim(), score: 0.6, sourceText: `${cell.text} / ${next.text}`, page: firstPage.number, order: i };
        return true;
      }),
    );
  }
  const vatTop = best(vats.filter((c) => c.score >= 0.7));
  if (name === null && vatTop !== null) {
    // No legal form, no heading: the first line of the block that prints the vendor's VAT number, when it reads as a
    // name (a block "Atelier Marchand / 1 rue de la Gare / 75001 PARIS / TVA FR…").
    const page = pages.find((p) => p.number === vatTop.page);
    const at = vatTop.order - vatTop.page * 10_000;
    const cell = page?.lines[at]?.cells.find((c) => findVats(c.text).some((v) => v.vat === vatTop.value));
    if (page !== undefined && cell !== undefined) {
      let top = at;
      let over: Cell | undefined = cell;
      for (let i = at - 1; i >= Math.max(0, at - 6); i--) {
        const line = page.lines[i] as Line;
        const above = line.cells.find((c) => overlaps(c, cell) && Math.abs(c.x0 - cell.x0) < 20);
        if (above === undefined || !adjacent(line, page.lines[i + 1] as Line)) break;
        [top, over] = [i, above];
      }
      const text = over.text.trim();
      if (top < at && nameLike(text, 6) && !RECIPIENT_HEADINGS.test(text)) {
        name = { value: text, score: 0.6, sourceText: `${text} (the block of the VAT number ${vatTop.value})`, page: page.number, order: page.number * 10_000 + top };
      }
    }
  }
  if (name === null) {
    // No legal form: the first text line at the top of the first page that is not a label or an address.
    const page = pages[0];
    // Never a line of the recipient's block ("Factuuradres" / its name below): an empty vendor beats a wrong one.
    const first = page?.lines.find((l, i) => /[A-Za-z]{3}/.test(l.text) && !/invoice|rechnung|factu|fattura|fatura|faktura|receipt|page|seite/i.test(l.cells[0]?.text ?? "") && !isLabel(l.cells[0]?.text ?? "") && !CUSTOMER_MARKERS.test(l.text) && !l.cells.some((c) => underHeading(page, i, c, RECIPIENT_HEADINGS)) && l.y0 < 0.2 * Math.max(1, page.height) && !(page.lines.slice(0, i + 1).some((h) => LINE_TABLE_HEADER.test(h.text))));
    const text = (first?.cells[0]?.text ?? first?.text ?? "").trim();
    // A registration or an identifier ("SIRET : 12345678200010") is no name.
    if (first !== undefined && page !== undefined && !/\d{4,}|:\s*\S/.test(text)) name = { value: text, score: 0.3, sourceText: first.text, page: page.number, order: 0 };
  }
  if (name !== null && tailed.has(name.value)) name = { ...name, score: Math.min(name.score, 0.9) };
  return { name, vat: nearest(vats, name, footerWins), iban: nearest(ibans, name, footerWins), email };
}

/** A name's label in a party's block of label / value rows. */
const NAME_LABEL = /^(?:name|firma|firmenname|unternehmen|company(?:\s+name)?|business\s+name|nom|raison\s+sociale|dénomination|naam|bedrijfsnaam|ragione\s+sociale|denominazione|razón\s+social|nombre|denominación|nazwa(?:\s+firmy)?|företag|firmanavn)\s*:$/iu;
/** A contact person's line ("Ansprechpartner: Max Kramer"): a surname there that is the e-mail's domain is no brand. */
const CONTACT_PERSON = /(?<!\p{L})(?:ansprechpartner(?:in)?|kontaktperson|kontakt|contact(?:\s+person)?|sachbearbeiter(?:in)?|bearbeiter(?:in)?|attn|z\.\s?hd\.?|interlocuteur|contactpersoon|referente|persona\s+de\s+contacto|geschäftsführer(?:in)?|inhaber(?:in)?|managing\s+director|director|gérant)(?!\p{L})/iu;
/** Words after a legal form that are a company's details, never part of its name. */
const NOT_A_NAME_TAIL = /(?<!\p{L})(?:sitz|seat|siège|sede|vertreten|represented|geschäftsführ\p{L}*|inhaber\p{L}*|director|gérant|registered|postbus|postfach|boîte|bp|cedex|page|seite|pagina)(?!\p{L})/iu;
/** A sender's contact line: telephone, fax, e-mail, web. */
const CONTACT_LINE = /(?<!\p{L})(?:tel|tél|telefon|téléphone|phone|fon|fax|mobil|handy|gsm|e-?mail|courriel|www\.|internet|web)(?!\p{L})|@/iu;
/** The owner's line under a sole trader's name: "Inh. Jan Hofmann", "Inhaberin: …", "Proprietor: …", "Propriétaire". */
const OWNER_LINE = /^(?:inh\.|inhaber(?:in)?\s*:?|prop\.|proprietor\s*:?|owner\s*:?|propriétaire\s*:?|titolare\s*:?|eigenaa?r(?:es)?\s*:?)\s*\p{Lu}/iu;
/** A vendor heading with the name after it in one cell: "Vendeur : LE FOURNISSEUR", "Lieferant: Hofmann Metallbau". */
const VENDOR_MARKER_INLINE = new RegExp(`${VENDOR_MARKERS.source.replace(/\\s\*:\?\$$/, "")}\\s*:\\s*(\\p{Lu}.*)$`, "iu");
/** Titles of the document, never a sender's mark. */
const DOCUMENT_TITLE = /(?<!\p{L})(?:invoice|rechnung|factu\p{L}*|fattura|fatura|faktura|lasku|receipt|quittung|gutschrift|avoir|credit|nota|abrechnung|statement|proforma|angebot|devis|offerte|bill)(?!\p{L})/iu;

/** Text that reads as a company's name without a legal form to tell it by: capitalised, a word of three letters, no
 * figure, e-mail or caption, at most `words` words, and no label, document title or customer's word. */
function nameLike(text: string, words: number): boolean {
  return /^\p{Lu}/u.test(text) && /\p{L}{3}/u.test(text) && !/\d|@|:/.test(text) && text.split(/\s+/).length <= words && !isLabel(text) && !DOCUMENT_TITLE.test(text) && !CUSTOMER_MARKERS.test(text);
}

/** Whether a cell is printed in larger letters than the page's text: its words' height over the median line's by
 * `ratio` (more for OCR, whose word boxes vary with the letters). */
function largeLetters(page: Page, source: BillSource, ratio = 1.35): (cell: Cell) => boolean {
  const heights = page.lines.map((l) => l.y1 - l.y0).sort((a, b) => a - b);
  const median = heights[Math.floor(heights.length / 2)] ?? 0;
  const need = source === "ocr" ? ratio + 0.3 : ratio;
  return (cell) => median > 0 && cell.words.length > 0 && Math.min(...cell.words.map((w) => w.y1 - w.y0)) >= need * median;
}

/** The VAT number or IBAN printed with the vendor's name (its line or the three below) when one is nearly as well
 * supported as the best, else the best; under 0.85 when the vendor was a choice between two blocks that each print
 * their own. */
function nearest(cands: ReadonlyArray<Candidate<string>>, name: Candidate<string> | null, contested: boolean): Candidate<string> | null {
  const top = best(cands);
  if (top === null || name === null) return top;
  const near = best(cands.filter((c) => c.page === name.page && c.order - name.order >= 0 && c.order - name.order <= 3 && c.score >= top.score - 0.2));
  const chosen = near ?? top;
  const rival = contested && cands.some((c) => c.value !== chosen.value && c.score >= 0.7);
  return rival ? { ...chosen, score: Math.min(chosen.score, 0.85) } : chosen;
}

/** The lines of the block under a cell: the next lines (at most six) with no blank gap, with text in its column. */
function blockBelow(page: Page, lineIndex: number, cell: Cell): Line[] {
  const out: Line[] = [];
  let above = page.lines[lineIndex];
  for (let d = 1; d <= 6; d++) {
    const line = page.lines[lineIndex + d];
    if (line === undefined || above === undefined || line.y0 - above.y1 > above.y1 - above.y0) break;
    if (!line.cells.some((c) => c.x0 < cell.x1 + 20 && c.x1 > cell.x0 - 20)) break;
    out.push(line);
    above = line;
  }
  return out;
}

/** A customer's own number in a company's block ("Klantnummer: 10023", "Uw BTW-nr: NL…", "Customer No 4410"): the
 * block is the addressee's, though no heading names it. */
const CUSTOMER_NUMBER = new RegExp(`${CUSTOMER_MARKERS.source}|\\b(?:klant|kunden?|debiteur|debitor)(?:nummer|nr\\.?)`, "iu");
function customerBlock(page: Page, lineIndex: number, cell: Cell): boolean {
  for (const line of blockBelow(page, lineIndex, cell)) {
    const cells = line.cells.filter((c) => c.x0 < cell.x1 && c.x1 > cell.x0);
    // Another company's name ends the block.
    if (cells.some((c) => LEGAL_FORMS.test(c.text))) return false;
    if (cells.some((c) => /\d/.test(c.text) && CUSTOMER_NUMBER.test(c.text))) return true;
  }
  return false;
}

/** A company register's number or a managing director: the legal details a sender prints in its footer. */
const REGISTER_NUMBER = /\b(?:kvk|k\.v\.k\.|kamer\s+van\s+koophandel|hrb|hra|handelsregister|registergericht|amtsgericht|geschäftsführ|company\s+(?:no|number|reg)|registered\s+(?:in|office|no)|reg(?:istration)?\.?\s+no|crn|siret|siren|rcs|rpr|kbo|ondernemingsnummer|firmenbuch|fn\s+\d)/i;
/** A bank account's details: the payee's. */
const BANK_DETAILS = /\b(?:iban|bic|swift|sort\s*code|account\s+(?:no|number)|kontonummer|kto\.?-?nr|bankverbindung|rekeningnummer|numéro\s+de\s+compte|bankgiro|plusgiro)\b/i;
/** A bank named in the footer with its IBAN: never the vendor. */
const BANK_NAME = /\b(?:bank|banque|banca|banco|sparkasse|volksbank|raiffeisen\p{L}*|crédit|credit|caisse|rabobank|ing|abn\s+amro|postbank|commerzbank)\b/iu;

/** The brand of the bill's seller: named in a "trading name of" statement, or the page's web/e-mail domain printed as
 * a word ("Quickcart.in", "shopping at Quickcart") on a line that is not the recipient's, a payment provider's or a
 * software's. */
function brandOf(pages: readonly Page[], domains: ReadonlySet<string>, names: ReadonlyArray<Candidate<string>>): (Candidate<string> & { legal?: string }) | null {
  const capitalised = /^[\p{Lu}\d][\p{L}\d&'.-]*$/u;
  for (const page of pages) {
    for (const [i, line] of page.lines.entries()) {
      const text = line.text.replace(/\s{2,}/g, " ").trim();
      const before = BRAND_BEFORE.exec(text);
      const after = before === null ? BRAND_AFTER.exec(text) : null;
      const m = before ?? after;
      if (m === null) continue;
      const head = text.slice(0, m.index).split(/\s+/);
      const tail = text.slice(m.index + m[0].length).split(/\s+/);
      // The brand: the capitalised words next to the connector (at most three); the legal entity: the other side,
      // cut after its legal form.
      const take = (words: string[]) => {
        const out: string[] = [];
        for (const w of words) {
          const clean = w.replace(/[,;:!.)]+$/, "");
          if (!capitalised.test(clean) || out.length === 3) break;
          out.push(clean);
          if (clean !== w) break;
        }
        return out.join(" ");
      };
      const brandText = before !== null ? take([...head].reverse()).split(" ").reverse().join(" ") : take(tail);
      const legalSide = before !== null ? tail.join(" ") : head.join(" ");
      const legal = new RegExp(`^(.*?${LEGAL_FORMS.source})`).exec(legalSide)?.[1]?.replace(/^[\s,:-]+/, "").trim();
      if (brandText.length < 2 || legal === undefined) continue;
      return { value: brandText, score: 0.8, sourceText: line.text, page: page.number, order: page.number * 10_000 + i, legal };
    }
  }
  for (const d of domains) {
    if (d.length < 4 || THIRD_PARTY_HOSTS.test(d)) continue;
    const word = new RegExp(`(?<![@./\\w-])${d}(?![\\w-])`, "i");
    let found: Candidate<string> | null = null;
    let hosted = false;
    for (const page of pages) {
      page.lines.forEach((line, i) => {
        // The vendor's own service desk ("Customer care", "Kundenservice") is no mark of the customer.
        const own = line.text.replace(/\b(?:customer|client)\s+(?:care|service|support)|\bkunden(?:service|dienst)|\bservice\s+client(?:s|èle)?|\bklantenservice/gi, " ");
        if (CUSTOMER_MARKERS.test(own) || THIRD_PARTY_LINE.test(own) || CONTACT_PERSON.test(own) || line.cells.some((c) => underHeading(page, i, c, RECIPIENT_HEADINGS))) return;
        if (new RegExp(`(?:@|www\\.|https?://)[^\\s]*${d}`, "i").test(line.text.replace(/-/g, ""))) hosted = true;
        const bare = line.text.replace(/\S*@\S+|(?:https?:\/\/|www\.)\S+/gi, " ");
        const m = word.exec(bare);
        if (m === null) return;
        // The form printed in mixed case ("Quickcart") over capitals ("QUICKCART").
        if (found === null || (found.value === found.value.toUpperCase() && m[0] !== m[0].toUpperCase())) {
          found = { value: m[0], score: 0.75, sourceText: line.text, page: page.number, order: page.number * 10_000 + i };
        }
      });
    }
    if (found !== null && hosted) return found;
  }
  // The letterhead (the top of the first page) printing a name the domain spells or starts with ("ZEPHYR" for
  // zephyrstays.com), found above as a name matching the domain.
  const first = pages[0];
  const letterhead = names.filter((c) => c.sourceText.endsWith("(matches the web/e-mail domain)") && first !== undefined && c.page === first.number && (first.lines[c.order - first.number * 10_000]?.y0 ?? Infinity) < 0.25 * first.height);
  const top = best(letterhead);
  return top === null ? null : { ...top, score: 0.75 };
}

/** Whether `name` is the recipient's name `recipient`, maybe after words before it ("Prepared for Cobalt Events
 * Ltd"), not a sister company's longer name ("Cobalt Events Services Ltd"). */
function echoes(name: string, recipient: string): boolean {
  const words = (x: string) => normName(x.replace(LEGAL_FORMS, " ")).split(" ").filter((w) => w.length > 0);
  const [n, r] = [words(name), words(recipient)];
  return r.length > 0 && n.length >= r.length && r.every((w, k) => n[n.length - r.length + k] === w);
}

/** The company's own name in another spelling ("MERIDIAN DENTAL CARE LIMITED" for "Meridian Dental Care Ltd"). */
function sameCompany(a: string, b: string): boolean {
  const words = (x: string) => normName(x.replace(LEGAL_FORMS, " ")).split(" ").filter((w) => w.length > 0);
  const [x, y] = [words(a), words(b)];
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length > 0 && (short.length === long.length || short.length >= 2) && short.every((w) => long.includes(w));
}

/** A return-address line ("Name GmbH · Street 4 · 79098 Town"): parts split by dots, bars or dashes, one a postcode
 * and town. */
function isReturnAddress(text: string): boolean {
  const parts = text.trim().split(/\s+[-–·|•]\s+|\s*[·|•]\s*/).filter((p) => p !== "");
  return parts.length >= 3 && parts.slice(1).some((p) => ZIP_CITY.test(` ${p}`));
}

/** Whether the cell sits in the block under a return-address line: the window of an envelope, the recipient's. */
function underReturnAddress(page: Page, lineIndex: number, cell: Cell): boolean {
  let below = page.lines[lineIndex];
  for (let d = 1; d <= 7; d++) {
    const line = page.lines[lineIndex - d];
    if (line === undefined || below === undefined) return false;
    const h = line.y1 - line.y0;
    const over = line.cells.find((c) => c.x0 < cell.x1 && c.x1 > cell.x0);
    if (over !== undefined && isReturnAddress(over.text)) return below.y0 - line.y1 <= 3.5 * h;
    if (below.y0 - line.y1 > 1.5 * h) return false;
    below = line;
  }
  return false;
}

// "63571 Gelnhausen", "D-63571 Gelnhausen", "3500 AA Utrecht", "75008 Paris", "1000 Bruxelles": a postcode and a town.
const ZIP_CITY = /(?:^|[\s,])(?:(?<cc>[A-Z]{1,2})-)?(?<zip>\d{4,5}(?:\s?[A-Z]{2}(?=\s))?)\s+(?<city>\p{Lu}[\p{L}'.-]+(?:[ -]\p{Lu}?[\p{L}'.-]+){0,3})/u;
const STREET = /\p{L}{3,}.*\d|\d+\s*,?\s+\p{L}{3,}/u;
const COUNTRY_PREFIX: Readonly<Record<string, string>> = { D: "DE", F: "FR", B: "BE", NL: "NL", A: "AT", CH: "CH", L: "LU", I: "IT", E: "ES" };
const COUNTRY_NAMES: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:deutschland|germany|allemagne)\b/i, "DE"], [/\b(?:france|frankreich)\b/i, "FR"], [/\b(?:nederland|netherlands|pays-bas)\b/i, "NL"],
  [/\b(?:belgi(?:ë|e|um|que))\b/i, "BE"], [/\b(?:österreich|austria)\b/i, "AT"], [/\b(?:schweiz|suisse|switzerland)\b/i, "CH"],
  [/\b(?:united kingdom|england)\b/i, "GB"], [/\b(?:ireland)\b/i, "IE"], [/\b(?:italia|italy)\b/i, "IT"], [/\b(?:españa|spain)\b/i, "ES"],
];

/** The vendor's address: a postcode + town in the vendor's block (the lines under its name, or its return-address
 * line), never in the recipient's; the street is the text before it in the cell or the line above. */
function vendorAddress(pages: readonly Page[], name: Candidate<string> | null, vat: string | null): Candidate<BillAddress> | null {
  if (name === null) return null;
  const page = pages.find((p) => p.number === name.page);
  if (page === undefined) return null;
  const nameLine = name.order - page.number * 10_000;
  const nameCell = page.lines[nameLine]?.cells.find((c) => name.value.length > 0 && c.text.includes(name.value.slice(0, 12)));
  for (let i = Math.max(0, nameLine); i < Math.min(page.lines.length, nameLine + 6); i++) {
    const line = page.lines[i] as Line;
    if (CUSTOMER_MARKERS.test(line.text)) continue;
    // On the name's line (a return-address line) or below the name, in its column.
    const cells = i === nameLine ? line.cells : line.cells.filter((c) => nameCell === undefined || (c.x0 < nameCell.x1 + 20 && c.x1 > nameCell.x0 - 20));
    for (const cell of cells) {
      if (underHeading(page, i, cell, RECIPIENT_HEADINGS)) continue;
      const m = ZIP_CITY.exec(cell.text);
      if (m === null || m.groups === undefined) continue;
      const before = cell.text.slice(0, m.index).split(/\s+[-–·|•,]\s+|,\s*/).map((x) => x.replace(/[\s,;:–·|•-]+$/u, "").trim()).filter((x) => x !== "" && !x.includes(name.value));
      const above = i > nameLine ? page.lines[i - 1]?.cells.find((c) => c.x0 < cell.x1 && c.x1 > cell.x0)?.text.trim() : undefined;
      const streetText = [...before].reverse().find((x) => STREET.test(x)) ?? (above !== undefined && STREET.test(above) && !above.includes(name.value) ? above : null);
      const cc = m.groups["cc"];
      const after = page.lines.slice(i, i + 2).map((l) => l.text).join(" ");
      const country = (cc !== undefined ? COUNTRY_PREFIX[cc] : undefined) ?? COUNTRY_NAMES.find(([re]) => re.test(after))?.[1] ?? (vat !== null && /^[A-Z]{2}/.test(vat) ? vat.slice(0, 2).replace("EL", "GR") : null);
      const value: BillAddress = { street: streetText?.slice(0, 200) ?? null, zip: (m.groups["zip"] ?? "").slice(0, 20), city: (m.groups["city"] ?? "").slice(0, 100), country };
      return { value, score: streetText === null ? 0.5 : 0.7, sourceText: cell.text, page: page.number, order: page.number * 10_000 + i };
    }
  }
  return null;
}

/** A return-address line ("Name AG - Street 40 - D-12345 Town", "Name · Street · Town") cut to the name. */
function senderName(text: string): string {
  const parts = text.trim().split(/\s+[-–·|•]\s+/);
  return parts.length > 1 && parts.slice(1).some((p) => /\d/.test(p)) ? (parts[0] ?? text).trim() : text.trim();
}

const CUSTOMER_VAT = /\b(?:vat|btw|tva|ust|mwst|iva|moms)\b.*\d{6,}/i;

const BLOCK_ENDS: readonly LabelKind[] = ["invoiceNumber", "invoiceDate", "dueDate", "total", "untaxed", "totalTax"];

/** Whether a cell starts with a header label ("Vervaldatum", "Fällig am"): never a vendor's name. */
function isLabel(text: string): boolean {
  return (Object.keys(LABELS) as LabelKind[]).some((k) => LABELS[k].some((p) => p.re.test(text.trim())));
}

/** Whether the cell sits in an address block headed by a marker ("Factuuradres", "Bill to", "Lieferant"). */
function underHeading(page: Page, lineIndex: number, cell: Cell, marker: RegExp): boolean {
  let below = page.lines[lineIndex];
  for (let d = 1; d <= 6; d++) {
    const line = page.lines[lineIndex - d];
    if (line === undefined || below === undefined) return false;
    // A blank gap ends the block.
    if (below.y0 - line.y1 > 1.5 * (line.y1 - line.y0)) return false;
    const above = line.cells.find((c) => c.x0 < cell.x1 && c.x1 > cell.x0);
    // A marker with a VAT number after it ("Uw BTW nummer: NL…") is the customer's labelled number, no heading.
    if (above !== undefined && marker.test(above.text.trim()) && above.text.split(/\s+/).length <= 4 && !CUSTOMER_VAT.test(above.text)) return true;
    // A header label or a totals row in between ("Invoice No.: 55", "Total 120.00") is no line of an address.
    if (above !== undefined && BLOCK_ENDS.some((k) => LABELS[k].some((p) => p.weight >= 0.8 && p.re.test(above.text.trim())))) return false;
    below = line;
  }
  return false;
}

function bestEmail(emails: ReadonlyArray<Candidate<string>>, vendorName: string | null): Candidate<string> | null {
  if (vendorName !== null) {
    const words = normName(vendorName).split(" ").filter((w) => w.length >= 3);
    const matching = emails.filter((e) => words.some((w) => (e.value.split("@")[1] ?? "").toLowerCase().includes(w)));
    const top = best(matching);
    if (top !== null) return { ...top, score: Math.min(1, top.score + 0.3) };
  }
  return best(emails);
}
