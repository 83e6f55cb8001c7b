// Held-out vendor bills from an INDEPENDENT generator (report data for scripts/bench_bills.ts, issue 13).
// Written without reading the extractor (web_src/engine/bills/*, services/bills.ts) or the other synthetic
// generator (synthetic_bills.ts): the bills are laid out the way small vendors' invoicing programs print them, with
// their own PDF writer (free placement, four fonts, right-aligned amounts, rules and boxes, several pages), so
// nothing here follows the extractor's assumptions. Seeded (HELDOUT_REPORT_SEED, used nowhere else): the same seed
// gives the same bytes. Never tune the extractor on these documents; the bench prints only aggregates.
//
// Families (each its own look, language and number/date habits):
//   A en-GB  Ltd, letterhead top left, fields as "label: value" in a right column, totals bottom right, UK VAT
//   B en-US  LLC/Inc., centred letterhead, boxed header (labels in boxes, values under), Bill To/Ship To,
//            untaxed shipping, "Payments/Credits" and "Balance Due"
//   C de     GmbH, DIN-5008 letter: letterhead top right, sender line, info block, 19/7 %, "Rechnungsbetrag",
//            vendor's register, VAT id and IBAN in a three-column footer, buyer's USt-IdNr. in the info block
//   D fr     SARL/SAS, centred letterhead, client box with the client's TVA number, "Montant TTC", "Acompte versé",
//            "Net à payer", 20/10/5,5 %
//   E nl     B.V., vendor named ONLY in the footer; customer block on top with the customer's BTW-nr and IBAN;
//            header values under their labels; "Te betalen"
//   F it     S.r.l., header as a row of boxes (Tipo documento | Numero | Data | Pagina), line discounts %,
//            amounts without currency (currency only in a column header), IVA summary and "Totale documento" in
//            table rows, client with its own P.IVA
//   G es     S.L., letterhead right, many lines over 2-3 pages with "Suma y sigue"/"Suma anterior" carried
//            totals and "Página n de m", totals only on the last page, "Importe total"
//   H pl     Sp. z o.o., "Sprzedawca"/"Nabywca" side by side (both with NIP), ISO dates, VAT summary table with a
//            "Razem" row, "Do zapłaty", amount in words ("Słownie"), PLN or EUR as a code
//   I sv     AB, letterhead right, ISO dates, totals as one table row ("Exkl. moms | Moms | Att betala"),
//            remittance slip (inbetalning) with Bankgiro and OCR number, buyer's VAT number
//   J pt     Lda., value ABOVE its caption (the label after the value), IVA summary, "Total a pagar"
//   K de-CH  AG/GmbH, 1'234.56 numbers, CHF only in the amount column header, MWST 8.1/2.6 %, QR-bill style
//            receipt and payment part at the bottom (amount printed again)
//
// Truth, as an accountant books the bill:
// - vendorName: the seller's name as registered (legal form included; the bench's comparison ignores legal forms).
// - invoiceNumber: the document's number as printed (spaces ignored by the bench).
// - invoiceDate: the issue date (not the delivery/sale date, which some families print too).
// - dueDate: the printed due date; when only terms in days are printed ("30 days", "Net 30", "14 dni"), the
//   invoice date + that many days (what Odoo's payment terms compute); when neither is printed: no due date
//   (absent from the truth; the bench counts separately how often one was read anyway).
// - currency: ISO 4217 of the amounts.
// - untaxed: sum of the lines after discounts, shipping lines included (they are part of the taxable supply, or
//   zero-rated when printed so); totalTax: sum over rates of round(base × rate, 2); total: untaxed + tax, the
//   GROSS invoice total - a deposit or payment already made is NOT deducted (the "amount due"/"Balance"/"Net à
//   payer" after a deposit is a payment matter, not the bill's total).
// - vendorVat (normalised, country prefix + digits) only where printed with its country prefix; vendorIban
//   (mod-97 valid) where the vendor's IBAN is printed - in family H as the Polish account number (NRB, the IBAN
//   without "PL"), whose IBAN is "PL" + those 26 digits. The buyer's VAT/IBAN is printed too, and is never truth.
import { deflateSync } from "node:zlib";
import { createRng, type Rng } from "./prng";
import type { Truth } from "./real_invoices";
import { encodeGreyPng } from "../../../test/engine/bills/png_fixture";

/** The report seed of this generator (distinct from every other bench seed). */
export const HELDOUT_REPORT_SEED = 13_470_911;
export const HELDOUT_FAMILIES = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"] as const;
export type HeldoutFamily = (typeof HELDOUT_FAMILIES)[number];

export interface HeldoutBill {
  name: string;
  family: HeldoutFamily;
  truth: Truth;
  /** Per truth field, the strings the document prints for it (the generator's own check: they are in the text). */
  printed: Partial<Record<keyof Truth, string[]>>;
  /** Whether a due date exists (printed or by terms in days). */
  hasDue: boolean;
  /** The customer the bill is addressed to: the receiving company, whose name Odoo sends with the request. */
  receiver: string;
  pages: number;
  pdf: Buffer;
  /** Lines and per-rate sums, for the self-consistency test. */
  lines: Line[];
  byRate: Array<{ rate: number; base: number; tax: number }>;
}

// ---------------------------------------------------------------------------------------------------------------
// PDF writer: free placement (points from the page's top-left), Helvetica / Helvetica-Bold / Times / Courier,
// alignment by the standard Helvetica widths, rules, boxes, dashed lines, grey images (for scans).

type Font = "R" | "B" | "T" | "C";
interface Run { x: number; y: number; text: string; size: number; font: Font }
const PAGE_W = 595;
const PAGE_H = 842;

// prettier-ignore
const HELV: number[] = [278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,278,278,584,584,584,556,1015,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778,667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556,333,556,556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,500,500,500,334,260,334,584];

export function textWidth(text: string, size: number, font: Font): number {
  if (font === "C") return text.length * 0.6 * size;
  let w = 0;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    w += c >= 32 && c <= 126 ? (HELV[c - 32] as number) : 556;
  }
  const factor = font === "B" ? 1.06 : font === "T" ? 0.9 : 1;
  return (w / 1000) * size * factor;
}

export class Page {
  runs: Run[] = [];
  ops: string[] = [];
  images: Array<{ width: number; height: number; data: Buffer }> = [];
  text(x: number, y: number, text: string, o: { size?: number; font?: Font; align?: "left" | "right" | "center" } = {}): void {
    const size = o.size ?? 9;
    const font = o.font ?? "R";
    const w = textWidth(text, size, font);
    const left = o.align === "right" ? x - w : o.align === "center" ? x - w / 2 : x;
    this.runs.push({ x: left, y, text, size, font });
  }
  rule(x1: number, y1: number, x2: number, y2: number, o: { width?: number; dash?: boolean } = {}): void {
    this.ops.push(`${o.dash === true ? "[3 2] 0 d " : ""}${o.width ?? 0.5} w ${x1} ${PAGE_H - y1} m ${x2} ${PAGE_H - y2} l S [] 0 d`);
  }
  box(x: number, y: number, w: number, h: number): void {
    this.ops.push(`0.5 w ${x} ${PAGE_H - y - h} ${w} ${h} re S`);
  }
}

const POLISH = "ąćęłńśźżĄĆĘŁŃŚŹŻ";
const POLISH_GLYPHS = "aogonek cacute eogonek lslash nacute sacute zacute zdotaccent Aogonek Cacute Eogonek Lslash Nacute Sacute Zacute Zdotaccent".split(" ");

function encode(text: string): string {
  let out = "";
  for (const ch of text) {
    const p = POLISH.indexOf(ch);
    const c = ch.charCodeAt(0);
    const byte = ch === "€" ? 0x80 : p >= 0 ? 0x81 + p : c < 256 ? c : 0x3f;
    const s = String.fromCharCode(byte);
    out += s === "\\" || s === "(" || s === ")" ? `\\${s}` : s;
  }
  return out;
}

export function writePdf(pages: Page[]): Buffer {
  const objects: Buffer[] = [];
  const add = (body: string | Buffer): number => {
    objects.push(typeof body === "string" ? Buffer.from(body, "latin1") : body);
    return objects.length;
  };
  const catalog = add("");
  const pagesId = add("");
  const enc = add(`<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [129 ${POLISH_GLYPHS.map((g) => `/${g}`).join(" ")}] >>`);
  const fonts: Record<Font, string> = { R: "Helvetica", B: "Helvetica-Bold", T: "Times-Roman", C: "Courier" };
  const fontIds = Object.entries(fonts).map(([k, name]) => `/F${k} ${add(`<< /Type /Font /Subtype /Type1 /BaseFont /${name} /Encoding ${enc} 0 R >>`)} 0 R`);
  const kids: number[] = [];
  for (const page of pages) {
    const xo: string[] = [];
    const ops: string[] = [];
    page.images.forEach((im, i) => {
      const data = deflateSync(im.data);
      const id = add(Buffer.concat([
        Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${im.width} /Height ${im.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`, "latin1"),
        data,
        Buffer.from("\nendstream", "latin1"),
      ]));
      xo.push(`/Im${i} ${id} 0 R`);
      ops.push(`q ${PAGE_W} 0 0 ${PAGE_H} 0 0 cm /Im${i} Do Q`);
    });
    ops.push(...page.ops);
    for (const r of page.runs) ops.push(`BT /F${r.font} ${r.size} Tf ${r.x.toFixed(2)} ${(PAGE_H - r.y).toFixed(2)} Td (${encode(r.text)}) Tj ET`);
    const content = ops.join("\n");
    const cid = add(`<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`);
    const res = `<< /Font << ${fontIds.join(" ")} >>${xo.length > 0 ? ` /XObject << ${xo.join(" ")} >>` : ""} >>`;
    kids.push(add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] /Resources ${res} /Contents ${cid} 0 R >>`));
  }
  objects[pagesId - 1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`, "latin1");
  objects[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${pagesId} 0 R >>`, "latin1");
  const chunks: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, "latin1"), body, Buffer.from("\nendobj\n", "latin1")]);
    offsets.push(offset);
    chunks.push(chunk);
    offset += chunk.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${offset}\n%%EOF\n`, "latin1"));
  return Buffer.concat(chunks);
}

// ---------------------------------------------------------------------------------------------------------------
// Scans: a page image (8-bit grey, e.g. from `pdftoppm -gray`), slightly rotated and noised in code (ImageMagick is
// not installed here), written as PNG (one page) or as an image-only PDF (several pages), as scanners deliver.

export interface Grey { width: number; height: number; data: Buffer }

export function parsePgm(buf: Buffer): Grey {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString("latin1"));
  if (header === null) throw new Error("not a binary PGM");
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, data: buf.subarray(header[0].length, header[0].length + width * height) };
}

/** Rotated by `degrees` about the centre (bilinear, white outside) with Gaussian-ish noise of `noise` grey levels. */
export function distort(img: Grey, degrees: number, noise: number, seed: number): Grey {
  const rng = createRng(seed);
  const { width, height, data } = img;
  const out = Buffer.alloc(width * height);
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sx = cos * (x - cx) + sin * (y - cy) + cx;
      const sy = -sin * (x - cx) + cos * (y - cy) + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const px = (xx: number, yy: number) => (xx < 0 || yy < 0 || xx >= width || yy >= height ? 255 : (data[yy * width + xx] as number));
      const fx = sx - x0;
      const fy = sy - y0;
      let v = px(x0, y0) * (1 - fx) * (1 - fy) + px(x0 + 1, y0) * fx * (1 - fy) + px(x0, y0 + 1) * (1 - fx) * fy + px(x0 + 1, y0 + 1) * fx * fy;
      if (noise > 0) v += (rng.next() + rng.next() + rng.next() - 1.5) * noise;
      out[y * width + x] = Math.max(0, Math.min(255, Math.round(v)));
    }
  }
  return { width, height, data: out };
}

export function greyPng(img: Grey, dpi: number): Buffer {
  return encodeGreyPng(img.width, img.height, img.data, dpi);
}

export function imagePdf(images: Grey[]): Buffer {
  return writePdf(images.map((im) => {
    const p = new Page();
    p.images.push(im);
    return p;
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// Amounts, dates, names.

export interface Line { desc: string; qty: number; unit: number; discountPct: number; rate: number; amount: number; unitName: string }

const r2 = (v: number): number => Math.round((v + Number.EPSILON * Math.sign(v)) * 100) / 100;

type NumStyle = "en" | "de" | "fr" | "ch" | "dotplain" | "commaplain";
export function num(v: number, style: NumStyle): string {
  const neg = v < 0;
  const [int = "0", frac = "00"] = Math.abs(v).toFixed(2).split(".");
  const group = { en: ",", de: ".", fr: " ", ch: "'", dotplain: "", commaplain: "" }[style];
  const dec = style === "en" || style === "ch" || style === "dotplain" ? "." : ",";
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${neg ? "-" : ""}${grouped}${dec}${frac}`;
}

const MONTHS: Record<string, string[]> = {
  en: "January February March April May June July August September October November December".split(" "),
  de: "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(" "),
  fr: "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(" "),
  nl: "januari februari maart april mei juni juli augustus september oktober november december".split(" "),
  it: "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split(" "),
  es: "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(" "),
  pl: "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia".split(" "),
  sv: "januari februari mars april maj juni juli augusti september oktober november december".split(" "),
  pt: "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro".split(" "),
};

type DateStyle = "dmy." | "dmy/" | "mdy/" | "iso" | "d-m-y" | "dmy-" | "long" | "ord" | "mdy-long" | "dmy.short";
export function fmtDate(iso: string, style: DateStyle, lang = "en"): string {
  const [y, m, d] = iso.split("-") as [string, string, string];
  const dd = Number(d);
  const mm = Number(m);
  const month = (MONTHS[lang] ?? MONTHS["en"]!)[mm - 1] as string;
  switch (style) {
    case "dmy.": return `${d}.${m}.${y}`;
    case "dmy.short": return `${d}.${m}.${y.slice(2)}`;
    case "dmy/": return `${d}/${m}/${y}`;
    case "mdy/": return `${m}/${d}/${y}`;
    case "iso": return iso;
    case "d-m-y": return `${dd}-${mm}-${y}`;
    case "dmy-": return `${d}-${m}-${y}`;
    case "mdy-long": return `${month} ${dd}, ${y}`;
    case "ord": {
      const suffix = dd % 10 === 1 && dd !== 11 ? "st" : dd % 10 === 2 && dd !== 12 ? "nd" : dd % 10 === 3 && dd !== 13 ? "rd" : "th";
      return `${dd}${suffix} ${month} ${y}`;
    }
    case "long":
      if (lang === "de") return `${dd}. ${month} ${y}`;
      if (lang === "es" || lang === "pt") return `${dd} de ${month} de ${y}`;
      if (lang === "fr" && dd === 1) return `1er ${month} ${y}`;
      return `${dd} ${month} ${y}`;
  }
}

export function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

function randomDate(rng: Rng): string {
  return addDays("2026-01-02", rng.int(0, 300));
}

function digits(rng: Rng, n: number): string {
  let s = String(rng.int(1, 9));
  while (s.length < n) s += String(rng.int(0, 9));
  return s;
}

/** A mod-97-valid IBAN for the country with a BBAN of `bban` characters (digits, letters where given). */
export function iban(rng: Rng, country: string, bban: string): string {
  const body = bban.replace(/[9A]/g, (c) => (c === "9" ? String(rng.int(0, 9)) : String.fromCharCode(65 + rng.int(0, 25))));
  const numeric = `${body}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rem = 0;
  for (const ch of numeric) rem = (rem * 10 + Number(ch)) % 97;
  return `${country}${String(98 - rem).padStart(2, "0")}${body}`;
}
const groups4 = (s: string): string => s.replace(/(.{4})/g, "$1 ").trim();

function company(rng: Rng, first: readonly string[], second: readonly string[], form: string): string {
  return `${rng.pick(first)} ${rng.pick(second)} ${form}`;
}

interface Core { lines: Line[]; byRate: Array<{ rate: number; base: number; tax: number }>; untaxed: number; tax: number; total: number }

function makeCore(rng: Rng, o: { rates: number[]; goods: readonly string[]; min: number; max: number; scale?: number; shipping?: { label: string; rate: number } | null; discount?: { label: string } | null; lineDiscounts?: boolean; units?: readonly string[] }): Core {
  const n = rng.int(o.min, o.max);
  const scale = o.scale ?? (rng.chance(0.3) ? 6 : 1);
  const lines: Line[] = [];
  for (let i = 0; i < n; i++) {
    const qty = rng.chance(0.5) ? 1 : rng.int(2, 24);
    const unit = r2((rng.int(150, 45_000) / 100) * scale);
    const discountPct = o.lineDiscounts === true && rng.chance(0.35) ? rng.pick([5, 10, 15, 20]) : 0;
    const amount = r2(qty * unit * (1 - discountPct / 100));
    lines.push({ desc: rng.pick(o.goods), qty, unit, discountPct, rate: rng.pick(o.rates), amount, unitName: rng.pick(o.units ?? ["pcs"]) });
  }
  if (o.discount !== undefined && o.discount !== null) {
    const base = lines[0] as Line;
    const off = -r2(base.amount * 0.1);
    if (off < 0) lines.push({ desc: o.discount.label, qty: 1, unit: off, discountPct: 0, rate: base.rate, amount: off, unitName: "" });
  }
  if (o.shipping !== undefined && o.shipping !== null) {
    const unit = r2(rng.int(490, 4_990) / 100);
    lines.push({ desc: o.shipping.label, qty: 1, unit, discountPct: 0, rate: o.shipping.rate, amount: unit, unitName: "" });
  }
  const rates = [...new Set(lines.map((l) => l.rate))].sort((a, b) => b - a);
  const byRate = rates.map((rate) => {
    const base = r2(lines.filter((l) => l.rate === rate).reduce((s, l) => s + l.amount, 0));
    return { rate, base, tax: r2((base * rate) / 100) };
  });
  const untaxed = r2(byRate.reduce((s, r) => s + r.base, 0));
  const tax = r2(byRate.reduce((s, r) => s + r.tax, 0));
  return { lines, byRate, untaxed, tax, total: r2(untaxed + tax) };
}

const rateText = (rate: number, style: NumStyle): string => (Number.isInteger(rate) ? String(rate) : num(rate, style).replace(/0+$/, ""));

// ---------------------------------------------------------------------------------------------------------------
// Table drawing with page breaks.

interface Col { title: string; x: number; align: "left" | "right"; cell: (l: Line, i: number) => string }
interface Doc { pages: Page[]; page: Page; y: number }

function newDoc(): Doc {
  const page = new Page();
  return { pages: [page], page, y: 40 };
}

function table(doc: Doc, cols: Col[], lines: Line[], o: { rowH?: number; boxed?: boolean; left?: number; right?: number; bottom?: number; carry?: (doc: Doc, sum: number, end: boolean) => void; header?: (doc: Doc) => void } = {}): void {
  const rowH = o.rowH ?? 13;
  const left = o.left ?? 40;
  const right = o.right ?? 555;
  const head = () => {
    for (const c of cols) doc.page.text(c.x, doc.y, c.title, { font: "B", align: c.align });
    if (o.boxed === true) doc.page.box(left, doc.y - 10, right - left, 14);
    else doc.page.rule(left, doc.y + 4, right, doc.y + 4);
    doc.y += rowH + 2;
  };
  head();
  let sum = 0;
  lines.forEach((l, i) => {
    if (doc.y > (o.bottom ?? 760)) {
      o.carry?.(doc, r2(sum), true);
      const page = new Page();
      doc.pages.push(page);
      doc.page = page;
      doc.y = 50;
      o.header?.(doc);
      o.carry?.(doc, r2(sum), false);
      head();
    }
    for (const c of cols) doc.page.text(c.x, doc.y, c.cell(l, i), { align: c.align });
    sum += l.amount;
    doc.y += rowH;
  });
  doc.page.rule(left, doc.y - 8, right, doc.y - 8);
  doc.y += 6;
}

/** Rows of label/value with the values right-aligned at `xv`. */
function totals(doc: Doc, rows: Array<[string, string, boolean?]>, xl: number, xv: number, rowH = 13): void {
  for (const [label, value, bold] of rows) {
    doc.page.text(xl, doc.y, label, { font: bold === true ? "B" : "R" });
    doc.page.text(xv, doc.y, value, { font: bold === true ? "B" : "R", align: "right" });
    doc.y += rowH;
  }
}

function needRoom(doc: Doc, height: number): void {
  if (doc.y + height > 800) {
    const page = new Page();
    doc.pages.push(page);
    doc.page = page;
    doc.y = 50;
  }
}

function pageNumbers(doc: Doc, fmt: (n: number, of: number) => string, align: "left" | "right" | "center" = "right"): void {
  doc.pages.forEach((p, i) => p.text(align === "right" ? 555 : align === "center" ? PAGE_W / 2 : 40, 825, fmt(i + 1, doc.pages.length), { size: 7, align }));
}

// ---------------------------------------------------------------------------------------------------------------
// Families. Each returns the document and its truth; `P` collects the printed forms.

interface Built { doc: Doc; truth: Truth; printed: HeldoutBill["printed"]; core: Core; hasDue: boolean; receiver: string }
type Family = (rng: Rng) => Built;

function dueBy(rng: Rng, date: string, pPrinted: number, pTerms: number): { due: string | undefined; days: number; printedDate: boolean } {
  const x = rng.next();
  const days = rng.pick([7, 10, 14, 30, 45, 60]);
  if (x < pPrinted) return { due: addDays(date, days), days, printedDate: true };
  if (x < pPrinted + pTerms) return { due: addDays(date, days), days, printedDate: false };
  return { due: undefined, days, printedDate: false };
}

const familyA: Family = (rng) => {
  const vendor = company(rng, ["Harrow", "Kestrel", "Ashdown", "Pennant", "Wexley", "Brampton"], ["Print Works", "Joinery", "Office Supplies", "Catering", "Electrical"], rng.pick(["Ltd", "Limited"]));
  const customer = company(rng, ["Northgate", "Riverside", "Fenwick", "Oakmere"], ["Dental Practice", "Lettings", "Nurseries", "Holdings"], "Ltd");
  const date = randomDate(rng);
  const ds: DateStyle = rng.pick(["ord", "dmy/", "long", "dmy."]);
  const due = dueBy(rng, date, 0.4, 0.4);
  const number = rng.pick([`INV-${digits(rng, 5)}`, `${rng.int(1000, 9999)}`, `SI-${date.slice(0, 4)}-${digits(rng, 3)}`]);
  const vat = `GB${digits(rng, 9)}`;
  const ib = iban(rng, "GB", "AAAA99999999999999");
  const core = makeCore(rng, { rates: [20, 20, 5, 0], goods: ["Business cards 400gsm", "A5 flyers, double-sided", "Design time (hours)", "Pull-up banner", "Installation labour", "Cable tray 3m", "Buffet lunch, 20 covers"], min: 2, max: 7, discount: rng.chance(0.3) ? { label: "Trade discount 10%" } : null, shipping: rng.chance(0.4) ? { label: "Carriage", rate: 20 } : null });
  const deposit = rng.chance(0.3) ? r2(core.total * 0.3) : 0;
  const doc = newDoc();
  const p = doc.page;
  p.text(40, 50, vendor, { size: 15, font: "B" });
  p.text(40, 64, `${rng.int(2, 120)} ${rng.pick(["High Street", "Mill Lane", "Station Road"])}, ${rng.pick(["Reading", "Leeds", "Bristol", "Norwich"])} ${rng.pick(["RG1 2AB", "LS2 7EY", "BS1 4DJ", "NR3 1HG"])}`);
  p.text(40, 75, `Tel 0${digits(rng, 4)} ${digits(rng, 6)}  accounts@${vendor.split(" ")[0]!.toLowerCase()}.co.uk`);
  const vatPrinted = `GB ${vat.slice(2, 5)} ${vat.slice(5, 9)} ${vat.slice(9)}`;
  p.text(40, 86, `VAT Reg No: ${vatPrinted}`);
  p.text(555, 50, rng.pick(["INVOICE", "Tax Invoice", "SALES INVOICE"]), { size: 18, font: "B", align: "right" });
  const rows: Array<[string, string]> = [["Invoice No:", number], ["Invoice Date:", fmtDate(date, ds)], ["Account Ref:", `${customer.slice(0, 3).toUpperCase()}${digits(rng, 3)}`]];
  if (due.printedDate && due.due !== undefined) rows.push(["Due Date:", fmtDate(due.due, ds)]);
  if (rng.chance(0.5)) rows.push(["Your Order No:", `PO${digits(rng, 5)}`]);
  rows.forEach(([l, v], i) => {
    p.text(360, 80 + i * 13, l);
    p.text(555, 80 + i * 13, v, { align: "right" });
  });
  p.text(40, 140, "Invoice to:", { font: "B" });
  p.text(40, 152, customer);
  p.text(40, 163, `${rng.int(1, 80)} ${rng.pick(["Church Street", "Park Road"])}, ${rng.pick(["York", "Bath", "Derby"])}`);
  p.text(40, 174, `VAT No: GB ${digits(rng, 3)} ${digits(rng, 4)} ${digits(rng, 2)}`);
  doc.y = 215;
  const sym = rng.chance(0.5);
  table(doc, [
    { title: "Description", x: 40, align: "left", cell: (l) => l.desc },
    { title: "Qty", x: 330, align: "right", cell: (l) => String(l.qty) },
    { title: "Unit Price", x: 400, align: "right", cell: (l) => num(l.unit, "en") },
    { title: "VAT %", x: 450, align: "right", cell: (l) => (l.rate === 0 ? "Z" : String(l.rate)) },
    { title: sym ? "Net £" : "Net", x: 555, align: "right", cell: (l) => num(l.amount, "en") },
  ], core.lines);
  needRoom(doc, 120);
  const money = (v: number) => (sym ? num(v, "en") : `£${num(v, "en")}`);
  const tr: Array<[string, string, boolean?]> = [["Sub-total", money(core.untaxed)]];
  for (const r of core.byRate) tr.push([r.rate === 0 ? "VAT zero-rated" : `VAT @ ${r.rate}%`, money(r.tax)]);
  if (core.byRate.length > 1) tr.push(["Total VAT", money(core.tax)]);
  tr.push([rng.pick(["Total", "Invoice Total", "TOTAL"]), `£${num(core.total, "en")}`, true]);
  if (deposit > 0) tr.push(["Less deposit received", `-£${num(deposit, "en")}`], ["Balance due", `£${num(r2(core.total - deposit), "en")}`, true]);
  totals(doc, tr, 360, 555);
  doc.y += 10;
  if (!due.printedDate && due.due !== undefined) doc.page.text(40, doc.y, `Payment terms: ${due.days} days from invoice date.`);
  doc.page.text(40, doc.y + 13, `Bank transfer: IBAN ${groups4(ib)}  Sort code ${digits(rng, 2)}-${digits(rng, 2)}-${digits(rng, 2)}`);
  for (const pg of doc.pages) pg.text(PAGE_W / 2, 812, `${vendor}. Registered in England & Wales No. ${digits(rng, 8)}. Registered office as above.`, { size: 7, align: "center" });
  const printed: Built["printed"] = { vendorName: [vendor], currency: ["£"], invoiceNumber: [number], invoiceDate: [fmtDate(date, ds)], untaxed: [num(core.untaxed, "en")], totalTax: core.byRate.length > 1 ? [num(core.tax, "en")] : core.byRate.map((r) => num(r.tax, "en")), total: [num(core.total, "en")], vendorVat: [vatPrinted], vendorIban: [groups4(ib)] };
  if (due.due !== undefined) printed.dueDate = [due.printedDate ? fmtDate(due.due, ds) : `${due.days} days`];
  return { doc, core, printed, receiver: customer, hasDue: due.due !== undefined, truth: { vendorName: vendor, invoiceNumber: number, invoiceDate: date, ...(due.due === undefined ? {} : { dueDate: due.due }), currency: "GBP", untaxed: core.untaxed, totalTax: core.tax, total: core.total, vendorVat: vat, vendorIban: ib } };
};

const familyB: Family = (rng) => {
  const vendor = company(rng, ["Blue Ridge", "Summit", "Lakeshore", "Cypress", "Redwood", "Ironwood"], ["Supply", "Landscaping", "IT Services", "Plumbing", "Graphics"], rng.pick(["LLC", "Inc.", "Co."]));
  const customer = company(rng, ["Maple", "Hudson", "Pioneer"], ["Dental Group", "Realty", "Foods"], rng.pick(["Inc.", "LLC"]));
  const date = randomDate(rng);
  const ds: DateStyle = rng.pick(["mdy/", "mdy/", "mdy-long"]);
  const due = dueBy(rng, date, 0.6, 0.3);
  const number = rng.pick([`${rng.int(1001, 9999)}`, `#${rng.int(10_000, 99_999)}`, `INV${digits(rng, 6)}`]);
  const taxRate = rng.pick([7.25, 8.875, 6, 6.5]);
  const core = makeCore(rng, { rates: [taxRate], goods: ["Mulch, 2 cu yd", "Lawn service - monthly", "Network switch 24-port", "On-site support (hr)", "Vinyl banner 3x6", "Water heater 40 gal"], min: 1, max: 6, shipping: rng.chance(0.6) ? { label: "Shipping & Handling", rate: 0 } : null });
  const paid = rng.chance(0.4) ? r2(Math.round(core.total * 0.5)) : 0;
  const doc = newDoc();
  const p = doc.page;
  p.text(PAGE_W / 2, 45, vendor, { size: 16, font: "T", align: "center" });
  p.text(PAGE_W / 2, 59, `${rng.int(100, 9999)} ${rng.pick(["Commerce Dr", "Main St", "Oak Ave"])}, ${rng.pick(["Austin, TX 78701", "Denver, CO 80202", "Columbus, OH 43215"])}`, { align: "center" });
  p.text(PAGE_W / 2, 70, `(${digits(rng, 3)}) ${digits(rng, 3)}-${digits(rng, 4)}  billing@${vendor.split(" ")[0]!.toLowerCase()}.com`, { align: "center" });
  p.text(555, 95, "INVOICE", { size: 20, font: "B", align: "right" });
  const heads: Array<[string, string]> = [["INVOICE #", number], ["DATE", fmtDate(date, ds)], ["P.O. NUMBER", `${digits(rng, 4)}`], ["TERMS", due.due === undefined ? "Due on receipt" : `Net ${due.days}`]];
  if (due.printedDate && due.due !== undefined) heads.push(["DUE DATE", fmtDate(due.due, ds)]);
  const w = 515 / heads.length;
  heads.forEach(([l, v], i) => {
    p.box(40 + i * w, 110, w, 14);
    p.box(40 + i * w, 124, w, 16);
    p.text(40 + i * w + w / 2, 120, l, { size: 7, font: "B", align: "center" });
    p.text(40 + i * w + w / 2, 135, v, { align: "center" });
  });
  p.text(40, 165, "BILL TO", { font: "B" });
  p.text(300, 165, "SHIP TO", { font: "B" });
  for (const x of [40, 300]) {
    p.text(x, 177, customer);
    p.text(x, 188, `${rng.int(10, 999)} ${rng.pick(["Elm St", "Market St"])}`);
    p.text(x, 199, rng.pick(["Boise, ID 83702", "Tulsa, OK 74103"]));
  }
  doc.y = 230;
  table(doc, [
    { title: "QTY", x: 60, align: "right", cell: (l) => String(l.qty) },
    { title: "DESCRIPTION", x: 80, align: "left", cell: (l) => l.desc },
    { title: "RATE", x: 430, align: "right", cell: (l) => num(l.unit, "en") },
    { title: "AMOUNT", x: 550, align: "right", cell: (l) => num(l.amount, "en") },
  ], core.lines, { boxed: true });
  needRoom(doc, 90);
  const d = (v: number) => `$${num(v, "en")}`;
  const tr: Array<[string, string, boolean?]> = [["Subtotal", d(core.untaxed)], [`Sales Tax (${taxRate}%)`, d(core.tax)], ["Total", d(core.total), true]];
  if (paid > 0) tr.push(["Payments/Credits", `-${d(paid)}`]);
  tr.push(["Balance Due", d(r2(core.total - paid)), true]);
  totals(doc, tr, 400, 550);
  doc.page.text(40, doc.y + 10, "Thank you for your business! Please make checks payable to " + vendor + ".", { size: 8 });
  const printed: Built["printed"] = { vendorName: [vendor], currency: ["$"], invoiceNumber: [number], invoiceDate: [fmtDate(date, ds)], untaxed: [d(core.untaxed)], totalTax: [d(core.tax)], total: [d(core.total)] };
  if (due.due !== undefined) printed.dueDate = [due.printedDate ? fmtDate(due.due, ds) : `Net ${due.days}`];
  return { doc, core, printed, receiver: customer, hasDue: due.due !== undefined, truth: { vendorName: vendor, invoiceNumber: number, invoiceDate: date, ...(due.due === undefined ? {} : { dueDate: due.due }), currency: "USD", untaxed: core.untaxed, totalTax: core.tax, total: core.total } };
};

const familyC: Family = (rng) => {
  const vendor = company(rng, ["Brenner", "Kaltenbach", "Hofmann", "Lindner", "Weidemann", "Schubert"], ["Haustechnik", "Druckerei", "Elektrotechnik", "Metallbau", "Bürobedarf"], rng.pick(["GmbH", "GmbH & Co. KG", "UG (haftungsbeschränkt)"]));
  const customer = company(rng, ["Sonnenhof", "Alpen", "Rheinland"], ["Immobilien", "Bäckerei", "Praxisgemeinschaft"], rng.pick(["GmbH", "KG", "e.K."]));
  const date = randomDate(rng);
  const ds: DateStyle = rng.pick(["dmy.", "dmy.", "long"]);
  const due = dueBy(rng, date, 0.45, 0.4);
  const number = rng.pick([`RE-${date.slice(0, 4)}-${digits(rng, 4)}`, `${date.slice(2, 4)}${digits(rng, 5)}`, `R${digits(rng, 6)}`]);
  const vat = `DE${digits(rng, 9)}`;
  const ib = iban(rng, "DE", "999999999999999999");
  const moneyStyle = rng.pick(["€", "EUR", ""]);
  const money = (v: number) => (moneyStyle === "" ? num(v, "de") : `${num(v, "de")} ${moneyStyle}`);
  const core = makeCore(rng, { rates: [19, 19, 7], goods: ["Wartung Heizungsanlage", "Flyer DIN A5, 4/4-farbig", "Kopierpapier A4, 80 g", "Montage Kabelkanal", "Anfahrtspauschale", "Fachbuch Steuerrecht"], min: 2, max: 9, units: ["Stk.", "Std.", "Pauschal"], shipping: rng.chance(0.3) ? { label: "Versandkosten", rate: 19 } : null, discount: rng.chance(0.25) ? { label: "Rabatt 10 %" } : null });
  const deposit = rng.chance(0.3) ? r2(Math.round(core.total * 0.4)) : 0;
  const doc = newDoc();
  const p = doc.page;
  p.text(555, 50, vendor, { size: 14, font: "B", align: "right" });
  const street = `${rng.pick(["Industriestr.", "Hauptstraße", "Am Kanal"])} ${rng.int(1, 90)}`;
  const city = rng.pick(["70565 Stuttgart", "04109 Leipzig", "50667 Köln", "90402 Nürnberg"]);
  p.text(555, 63, `${street} · ${city}`, { align: "right", size: 8 });
  p.text(40, 130, `${vendor} · ${street} · ${city}`, { size: 6 });
  p.rule(40, 133, 300, 133, { width: 0.3 });
  p.text(40, 146, customer);
  p.text(40, 157, `${rng.pick(["Lindenweg", "Bahnhofstr."])} ${rng.int(1, 50)}`);
  p.text(40, 168, rng.pick(["80331 München", "20095 Hamburg"]));
  const info: Array<[string, string]> = [["Rechnungs-Nr.:", number], ["Rechnungsdatum:", fmtDate(date, ds, "de")], ["Lieferdatum:", fmtDate(addDays(date, -rng.int(1, 10)), "dmy.")], ["Kunden-Nr.:", digits(rng, 5)], ["Ihre USt-IdNr.:", `DE${digits(rng, 9)}`]];
  info.forEach(([l, v], i) => {
    p.text(360, 140 + i * 12, l, { size: 8 });
    p.text(445, 140 + i * 12, v, { size: 8 });
  });
  p.text(40, 230, `Rechnung ${rng.chance(0.5) ? number : ""}`.trim(), { size: 13, font: "B" });
  p.text(40, 248, "Sehr geehrte Damen und Herren, für unsere Leistungen erlauben wir uns zu berechnen:");
  doc.y = 272;
  table(doc, [
    { title: "Pos.", x: 40, align: "left", cell: (_l, i) => String(i + 1) },
    { title: "Menge", x: 95, align: "right", cell: (l) => String(l.qty) },
    { title: "Einh.", x: 100, align: "left", cell: (l) => l.unitName },
    { title: "Bezeichnung", x: 150, align: "left", cell: (l) => l.desc },
    { title: "Einzelpreis", x: 400, align: "right", cell: (l) => num(l.unit, "de") },
    { title: "USt.", x: 440, align: "right", cell: (l) => `${l.rate} %` },
    { title: moneyStyle === "" ? "Gesamt EUR" : "Gesamt", x: 555, align: "right", cell: (l) => num(l.amount, "de") },
  ], core.lines, { bottom: 700, carry: (d, sum, end) => d.page.text(555, d.y, `${end ? "Zwischensumme" : "Übertrag"} ${num(sum, "de")}`, { align: "right", font: "B" }) });
  needRoom(doc, 130);
  const tr: Array<[string, string, boolean?]> = [["Summe netto", money(core.untaxed)]];
  for (const r of core.byRate) tr.push([`zzgl. ${r.rate} % USt. auf ${num(r.base, "de")}`, money(r.tax)]);
  tr.push(["Rechnungsbetrag", money(core.total), true]);
  if (deposit > 0) tr.push([`abzgl. Anzahlung vom ${fmtDate(addDays(date, -20), "dmy.")}`, money(-deposit)], ["Zahlbetrag", money(r2(core.total - deposit)), true]);
  totals(doc, tr, 320, 555);
  doc.y += 8;
  if (due.due !== undefined) doc.page.text(40, doc.y, due.printedDate ? `Zahlbar bis zum ${fmtDate(due.due, "dmy.")} ohne Abzug.` : `Zahlbar innerhalb von ${due.days} Tagen ohne Abzug.`);
  else doc.page.text(40, doc.y, "Der Rechnungsbetrag wird per Lastschrift eingezogen.");
  doc.page.text(40, doc.y + 12, "Leistungszeitraum entspricht dem Lieferdatum.");
  for (const pg of doc.pages) {
    pg.rule(40, 772, 555, 772, { width: 0.3 });
    pg.text(40, 782, vendor, { size: 7 });
    pg.text(40, 791, `${street}, ${city}`, { size: 7 });
    pg.text(40, 800, `Geschäftsführer: ${rng.pick(["Jan Brenner", "Petra Lindner", "Karl Hofmann"])}`, { size: 7 });
    pg.text(230, 782, `Amtsgericht ${rng.pick(["Stuttgart", "Leipzig", "Köln"])} HRB ${digits(rng, 5)}`, { size: 7 });
    pg.text(230, 791, `USt-IdNr. ${vat}`, { size: 7 });
    pg.text(230, 800, `Steuer-Nr. ${digits(rng, 2)}/${digits(rng, 3)}/${digits(rng, 5)}`, { size: 7 });
    pg.text(400, 782, rng.pick(["Sparkasse", "Volksbank", "Commerzbank"]), { size: 7 });
    pg.text(400, 791, `IBAN ${groups4(ib)}`, { size: 7 });
    pg.text(400, 800, `BIC ${rng.pick(["SOLADEST600", "GENODEF1S02", "COBADEFFXXX"])}`, { size: 7 });
  }
  pageNumbers(doc, (n, of) => `Seite ${n} von ${of}`);
  const printed: Built["printed"] = { vendorName: [vendor], currency: [moneyStyle === "" ? "Gesamt EUR" : moneyStyle], invoiceNumber: [number], invoiceDate: [fmtDate(date, ds, "de")], untaxed: [num(core.untaxed, "de")], totalTax: core.byRate.map((r) => num(r.tax, "de")), total: [num(core.total, "de")], vendorVat: [vat], vendorIban: [groups4(ib)] };
  if (due.due !== undefined) printed.dueDate = [due.printedDate ? fmtDate(due.due, "dmy.") : `${due.days} Tagen`];
  return { doc, core, printed, receiver: customer, hasDue: due.due !== undefined, truth: { vendorName: vendor, invoiceNumber: number, invoiceDate: date, ...(due.due === undefined ? {} : { dueDate: due.due }), currency: "EUR", untaxed: core.untaxed, totalTax: core.tax, total: core.total, vendorVat: vat, vendorIban: ib } };
};

const familyD: Family = (rng) => {
  const vendor = company(rng, ["Atelier", "Menuiserie", "Imprimerie", "Boulangerie", "Garage"], ["Durand", "Lefèvre", "Moreau", "Girard", "Fontaine"], rng.pick(["SARL", "SAS", "EURL"]));
  const customer = company(rng, ["Cabinet", "Hôtel", "Pharmacie"], ["Bernard", "du Lac", "Centrale"], rng.pick(["SAS", "SA"]));
  const date = randomDate(rng);
  const ds: DateStyle = rng.pick(["dmy/", "long", "dmy/"]);
  const due = dueBy(rng, date, 0.5, 0.35);
  const number = rng.pick([`F${date.slice(0, 4)}-${digits(rng, 4)}`, `FA${digits(rng, 5)}`, `${date.slice(0, 4)}${date.slice(5, 7)}-${digits(rng, 3)}`]);
  const vat = `FR${digits(rng, 2)}${digits(rng, 9)}`;
  const ib = iban(rng, "FR", "99999999999999999999999");
  const core = makeCore(rng, { rates: [20, 20, 10, 5.5], goods: ["Pose de parquet chêne", "Cartes de visite", "Viennoiseries assorties", "Main d'oeuvre (heure)", "Vidange et filtre", "Brochure 16 pages"], min: 2, max: 7, shipping: rng.chance(0.3) ? { label: "Frais de port", rate: 20 } : null });
  const deposit = rng.chance(0.35) ? r2(Math.round(core.total * 0.3)) : 0;
  const eur = (v: number) => `${num(v, "fr")} €`;
  const doc = newDoc();
  const p = doc.page;
  p.text(PAGE_W / 2, 45, vendor, { size: 15, font: "B", align: "center" });
  p.text(PAGE_W / 2, 58, `${rng.int(1, 99)} rue ${rng.pick(["de la République", "Victor Hugo", "des Lilas"])} - ${rng.pick(["69002 Lyon", "33000 Bordeaux", "44000 Nantes"])}`, { align: "center" });
  p.text(PAGE_W / 2, 69, `${vendor.split(" ").pop()} au capital de ${num(rng.pick([1000, 8000, 10000]), "fr").replace(",00", "")} € - RCS ${rng.pick(["Lyon", "Bordeaux", "Nantes"])} ${digits(rng, 3)} ${digits(rng, 3)} ${digits(rng, 3)}`, { align: "center", size: 7 });
  p.text(40, 110, "FACTURE", { size: 16, font: "B" });
  p.text(40, 126, `N° ${number}`, { font: "B" });
  p.text(40, 140, `Date : ${fmtDate(date, ds, "fr")}`);
  if (due.printedDate && due.due !== undefined) p.text(40, 152, `Échéance : ${fmtDate(due.due, "dmy/")}`);
  p.box(330, 100, 225, 70);
  p.text(340, 113, "Client", { font: "B" });
  p.text(340, 125, customer);
  p.text(340, 136, `${rng.int(1, 60)} avenue ${rng.pick(["Jean Jaurès", "Foch"])}, ${rng.pick(["75011 Paris", "13001 Marseille"])}`);
  p.text(340, 147, `N° TVA : FR${digits(rng, 11)}`);
  doc.y = 200;
  table(doc, [
    { title: "Désignation", x: 40, align: "left", cell: (l) => l.desc },
    { title: "Qté", x: 330, align: "right", cell: (l) => String(l.qty) },
    { title: "P.U. HT", x: 400, align: "right", cell: (l) => num(l.unit, "fr") },
    { title: "TVA", x: 450, align: "right", cell: (l) => `${rateText(l.rate, "fr")} %` },
    { title: "Montant HT", x: 555, align: "right", cell: (l) => num(l.amount, "fr") },
  ], core.lines);
  needRoom(doc, 110);
  const tr: Array<[string, string, boolean?]> = [["Total HT", eur(core.untaxed)]];
  for (const r of core.byRate) tr.push([`TVA ${rateText(r.rate, "fr")} %`, eur(r.tax)]);
  tr.push([rng.pick(["Montant TTC", "Total TTC"]), eur(core.total), true]);
  if (deposit > 0) tr.push(["Acompte versé", `- ${eur(deposit)}`], ["Net à payer", eur(r2(core.total - deposit)), true]);
  totals(doc, tr, 360, 555);
  doc.y += 8;
  if (due.due !== undefined && !due.printedDate) doc.page.text(40, doc.y, `Conditions de règlement : virement à ${due.days} jours date de facture.`);
  doc.page.text(40, doc.y + 12, "En cas de retard de paiement, indemnité forfaitaire pour frais de recouvrement : 40 €.", { size: 7 });
  for (const pg of doc.pages) pg.text(PAGE_W / 2, 805, `TVA intracommunautaire : ${vat} - SIRET ${digits(rng, 14)} - IBAN : ${groups4(ib)}`, { size: 7, align: "center" });
  pageNumbers(doc, (n, of) => `Page ${n}/${of}`);
  const printed: Built["printed"] = { vendorName: [vendor], currency: ["€"], invoiceNumber: [number], invoiceDate: [fmtDate(date, ds, "fr")], untaxed: [num(core.untaxed, "fr")], totalTax: core.byRate.map((r) => num(r.tax, "fr")), total: [num(core.total, "fr")], vendorVat: [vat], vendorIban: [groups4(ib)] };
  if (due.due !== undefined) printed.dueDate = [due.printedDate ? fmtDate(due.due, "dmy/") : `${due.days} jours`];
  return { doc, core, printed, receiver: customer, hasDue: due.due !== undefined, truth: { vendorName: vendor, invoiceNumber: number, invoiceDate: date, ...(due.due === undefined ? {} : { dueDate: due.due }), currency: "EUR", untaxed: core.untaxed, totalTax: core.tax, total: core.total, vendorVat: vat, vendorIban: ib } };
};

const familyE: Family = (rng) => {
  const vendor = company(rng, ["Bakkerij", "Drukkerij", "Installatiebedrijf", "Schildersbedrijf"], ["De Vries", "Jansen", "Van Dijk", "Bakker", "Visser"], "B.V.");
  const customer = company(rng, ["Tandartspraktijk", "Restaurant", "Makelaardij"], ["Het Anker", "Zuid", "De Linde"], "B.V.");
  const date = randomDate(rng);
  const ds: DateStyle = rng.pick(["d-m-y", "dmy-", "long"]);
  const due = dueBy(rng, date, 0.55, 0.3);
  const number = rng.pick([`${date.slice(0, 4)}${digits(rng, 4)}`, `F-${digits(rng, 5)}`, `${date.slice(0, 4)}-${digits(rng, 3)}`]);
  const vat = `NL${digits(rng, 9)}B01`;
  const ib = iban(rng, "NL", "AAAA9999999999");
  const core = makeCore(rng, { rates: [21, 21, 9, 0], goods: ["Appeltaart groot", "Drukwerk visitekaartjes", "Onderhoud cv-ketel", "Schilderwerk kozijnen (uur)", "Broodjes lunch", "Materiaal"], min: 2, max: 6 });
  const deposit = rng.chance(0.3) ? r2(Math.round(core.total * 0.25)) : 0;
  const eur = (v: number) => `€ ${num(v, "de")}`;
  const doc = newDoc();
  const p = doc.page;
  p.text(40, 60, "FACTUUR", { size: 22, font: "B" });
  p.text(330, 60, customer, { font: "B" });
  p.text(330, 72, `${rng.pick(["Dorpsstraat", "Kerkweg"])} ${rng.int(1, 200)}`);
  p.text(330, 83, rng.pick(["1012 AB Amsterdam", "3011 CD Rotterdam", "5611 EF Eindhoven"]));
  p.text(330, 94, `BTW-nr: NL${digits(rng, 9)}B01`);
  p.text(330, 105, `IBAN: ${groups4(iban(rng, "NL", "AAAA9999999999"))}`);
  const heads: Array<[string, string]> = [["Factuurnummer", number], ["Factuurdatum", fmtDate(date, ds, "nl")]];
  if (due.printedDate && due.due !== undefined) heads.push(["Vervaldatum", fmtDate(due.due, ds, "nl")]);
  heads.push(["Klantnummer", digits(rng, 4)]);
  heads.forEach(([l, v], i) => {
    p.text(40 + i * 125, 150, l, { size: 7, font: "B" });
    p.text(40 + i * 125, 162, v);
  });
  doc.y = 195;
  table(doc, [
    { title: "Omschrijving", x: 40, align: "left", cell: (l) => l.desc },
    { title: "Aantal", x: 320, align: "right", cell: (l) => String(l.qty) },
    { title: "Prijs", x: 390, align: "right", cell: (l) => eur(l.unit) },
    { title: "BTW", x: 440, align: "right", cell: (l) => `${l.rate}%` },
    { title: "Bedrag", x: 555, align: "right", cell: (l) => eur(l.amount) },
  ], core.lines);
  needRoom(doc, 110);
  const tr: Array<[string, string, boolean?]> = [["Subtotaal", eur(core.untaxed)]];
  for (const r of core.byRate) tr.push([`BTW ${r.rate}% over ${eur(r.base)}`, eur(r.tax)]);
  tr.push(["Totaal", eur(core.total), true]);
  if (deposit > 0) tr.push(["Reeds betaald (aanbetaling)", eur(-deposit)]);
  tr.push(["Te betalen", eur(r2(core.total - deposit)), true]);
  totals(doc, tr, 330, 555);
  doc.y += 10;
  const within = due.due !== undefined && !due.printedDate ? `binnen ${due.days} dagen ` : "";
  doc.page.text(40, doc.y, `Wij verzoeken u het bedrag ${within}over te maken op ${groups4(ib)} o.v.v. het factuurnummer.`, { size: 8 });
  for (const pg of doc.pages) {
    pg.rule(40, 790, 555, 790, { width: 0.3 });
    pg.text(PAGE_W / 2, 800, `${vendor} · ${rng.pick(["Kerkstraat 1", "Marktplein 7"])} · ${rng.pick(["3511 AB Utrecht", "9711 GH Groningen"])} · info@${vendor.split(" ")[1]!.toLowerCase().replace(/\s/g, "")}.nl`, { size: 7, align: "center" });
    pg.text(PAGE_W / 2, 809, `KvK ${digits(rng, 8)} · BTW ${vat} · IBAN ${groups4(ib)}`, { size: 7, align: "center" });
  }
  const printed: Built["printed"] = { vendorName: [vendor], currency: ["€"], invoiceNumber: [number], invoiceDate: [fmtDate(date, ds, "nl")], untaxed: [num(core.untaxed, "de")], totalTax: core.byRate.map((r) => num(r.tax, "de")), total: [num(core.total, "de")], vendorVat: [vat], vendorIban: [groups4(ib)] };
  if (due.due !== undefined) printed.dueDate = [due.printedDate ? fmtDate(due.due, ds, "nl") : `${due.days} dagen`];
  return { doc, core, printed, receiver: customer, hasDue: due.due !== undefined, truth: { vendorName: vendor, invoiceNumber: number, invoiceDate: date, ...(due.due === undefined ? {} : { dueDate: due.due }), currency: "EUR", untaxed: core.untaxed, totalTax: core.tax, total: core.total, vendorVat: vat, vendorIban: ib } };
};

const familyF: Family = (rng) => {
  const vendor = company(rng, ["Tipografia", "Idraulica", "Officina", "Forniture"], ["Rossi", "Bianchi", "Colombo", "Ferrari", "Esposito"], rng.pick(["S.r.l.", "S.p.A.", "S.n.c."]));
  const customer = company(rng, ["Studio", "Albergo", "Farmacia"], ["Conti", "Bellavista", "Moderna"], "S.r.l.");
  const date = randomDate(rng);
  const due = dueBy(rng, date, 0.5, 0.4);
  const number = rng.pick([`${rng.int(1, 999)}/${date.slice(0, 4)}`, `FT${digits(rng, 4)}`, `${rng.int(1, 999)}/A`]);
  const vat = `IT${digits(rng, 11)}`;
  const ib = iban(rng, "IT", "A9999999999AAAA99999999");
  const core = makeCore(rng, { rates: [22, 22, 10, 4], goods: ["Stampa biglietti da visita", "Sostituzione rubinetto", "Revisione impianto", "Carta A4 risme", "Manodopera (ore)"], min: 2, max: 7, lineDiscounts: true });
  const doc = newDoc();
  const p = doc.page;
  p.text(40, 50, vendor, { size: 14, font: "B" });
  p.text(40, 63, `Via ${rng.pick(["Roma", "Garibaldi", "Mazzini"])}, ${rng.int(1, 150)} - ${rng.pick(["20121 Milano", "40121 Bologna", "10121 Torino"])}`);
  p.text(40, 74, `Partita IVA: ${vat}`);
  p.text(330, 100, "Spett.le", { size: 8 });
  p.text(330, 112, customer, { font: "B" });
  p.text(330, 124, `Corso ${rng.pick(["Italia", "Vittorio Emanuele"])} ${rng.int(1, 90)}, ${rng.pick(["00184 Roma", "50123 Firenze"])}`);
  p.text(330, 136, `P.IVA: IT${digits(rng, 11)}`);
  const heads: Array<[string, string]> = [["Tipo documento", "Fattura"], ["Numero", number], ["Data", fmtDate(date, "dmy/")], ["Pagina", "1"]];
  heads.forEach(([l, v], i) => {
    p.box(40 + i * 110, 165, 110, 13);
    p.box(40 + i * 110, 178, 110, 15);
    p.text(45 + i * 110, 174, l, { size: 7 });
    p.text(45 + i * 110, 189, v, { font: "B" });
  });
  doc.y = 220;
  table(doc, [
    { title: "Descrizione", x: 40, align: "left", cell: (l) => l.desc },
    { title: "Q.tà", x: 290, align: "right", cell: (l) => num(l.qty, "de") },
    { title: "Prezzo", x: 350, align: "right", cell: (l) => num(l.unit, "de") },
    { title: "Sc. %", x: 390, align: "right", cell: (l) => (l.discountPct === 0 ? "" : String(l.discountPct)) },
    { title: "Importo EUR", x: 480, align: "right", cell: (l) => num(l.amount, "de") },
    { title: "IVA", x: 520, align: "right", cell: (l) => String(l.rate) },
  ], core.lines, { boxed: true });
  needRoom(doc, 130);
  const y0 = doc.y + 4;
  const cols = [40, 170, 300, 430];
  ["Aliquota IVA", "Imponibile", "Imposta"].forEach((h, i) => doc.page.text(cols[i]! + 5, y0, h, { size: 7, font: "B" }));
  core.byRate.forEach((r, j) => {
    doc.page.text(cols[0]! + 5, y0 + 12 * (j + 1), `${r.rate}%`);
    doc.page.text(cols[2]! - 10, y0 + 12 * (j + 1), num(r.base, "de"), { align: "right" });
    doc.page.text(cols[3]! - 10, y0 + 12 * (j + 1), num(r.tax, "de"), { align: "right" });
  });
  const y1 = y0 + 12 * (core.byRate.length + 1) + 10;
  [["Totale imponibile", num(core.untaxed, "de")], ["Totale IVA", num(core.tax, "de")], ["Totale documento", num(core.total, "de")]].forEach(([l, v], i) => {
    doc.page.box(40 + i * 172, y1 - 10, 172, 30);
    doc.page.text(45 + i * 172, y1, l!, { size: 7 });
    doc.page.text(205 + i * 172, y1 + 14, v!, { font: "B", align: "right" });
  });
  doc.y = y1 + 40;
  doc.page.text(40, doc.y, `Condizioni di pagamento: Bonifico bancario${due.due !== undefined && !due.printedDate ? ` a ${due.days} gg d.f.` : ""}`);
  if (due.printedDate && due.due !== undefined) doc.page.text(40, doc.y + 12, `Scadenza: ${fmtDate(due.due, "dmy/")}  importo ${num(core.total, "de")}`);
  doc.page.text(40, doc.y + 24, `IBAN: ${groups4(ib)}`);
  doc.page.text(40, doc.y + 36, "Importi espressi in Euro.", { size: 7 });
  const printed: Built["printed"] = { vendorName: [vendor], currency: ["Importo EUR"], invoiceNumber: [number], invoiceDate: [fmtDate(date, "dmy/")], untaxed: [num(core.untaxed, "de")], totalTax: [num(core.tax, "de")], total: [num(core.total, "de")], vendorVat: [vat], vendorIban: [groups4(ib)] };
  if (due.due !== undefined) printed.dueDate = [due.printedDate ? fmtDate(due.due, "dmy/") : `${due.days} gg`];
  return { doc, core, printed, receiver: customer, hasDue: due.due !== undefined, truth: { vendorName: vendor, invoiceNumber: number, invoiceDate: date, ...(due.due === undefined ? {} : { dueDate: due.due }), currency: "EUR", untaxed: core.untaxed, totalTax: core.tax, total: core.total, vendorVat: vat, vendorIban: ib } };
};

const familyG: Family = (rng) => {
  const vendor = company(rng, ["Suministros", "Reformas", "Distribuciones", "Talleres"], ["Navarro", "García", "Martín", "Ruiz", "Ortega"], rng.pick(["S.L.", "S.A.", "S.L.U."]));
  const customer = company(rng, ["Clínica", "Hostal", "Gestoría"], ["Sol", "Mediterráneo", "Central"], "S.L.");
  const date = randomDate(rng);
  const ds: DateStyle = rng.pick(["dmy/", "dmy-", "long"]);
  const due = dueBy(rng, date, 0.5, 0.35);
  const number = rng.pick([`A-${date.slice(0, 4)}/${digits(rng, 4)}`, `${date.slice(0, 4)}-${digits(rng, 5)}`, `FV${digits(rng, 6)}`]);
  const ib = iban(rng, "ES", "99999999999999999999");
  const core = makeCore(rng, { rates: [21, 21, 10, 4], goods: ["Tornillo DIN 933 M8", "Tubo PVC 40 mm", "Saco de cemento 25 kg", "Mano de obra oficial", "Pintura plástica 15 l", "Azulejo 30x60 (m2)", "Silicona transparente"], min: 8, max: 75, scale: 1, shipping: rng.chance(0.4) ? { label: "Portes", rate: 21 } : null });
  const eur = (v: number) => `${num(v, "de")} €`;
  const doc = newDoc();
  const letterhead = (d: Doc) => {
    d.page.text(555, 45, vendor, { size: 13, font: "B", align: "right" });
    d.page.text(555, 57, `CIF: B-${digits(rng, 8)} · C/ ${rng.pick(["Mayor", "del Sol", "Alcalá"])} ${rng.int(1, 99)}, ${rng.pick(["28013 Madrid", "46001 Valencia", "41001 Sevilla"])}`, { align: "right", size: 8 });
  };
  letterhead(doc);
  const p = doc.page;
  p.text(40, 90, "FACTURA", { size: 16, font: "B" });
  p.text(40, 106, `Nº Factura: ${number}`);
  p.text(40, 118, `Fecha: ${fmtDate(date, ds, "es")}`);
  if (due.printedDate && due.due !== undefined) p.text(40, 130, `Fecha vencimiento: ${fmtDate(due.due, "dmy/")}`);
  p.text(330, 90, "Datos del cliente", { font: "B" });
  p.text(330, 102, customer);
  p.text(330, 114, `NIF: B${digits(rng, 8)}`);
  p.text(330, 126, rng.pick(["08001 Barcelona", "29001 Málaga"]));
  doc.y = 160;
  table(doc, [
    { title: "Ref.", x: 40, align: "left", cell: (_l, i) => `R${String(100 + i)}` },
    { title: "Concepto", x: 80, align: "left", cell: (l) => l.desc },
    { title: "Cant.", x: 330, align: "right", cell: (l) => String(l.qty) },
    { title: "Precio", x: 400, align: "right", cell: (l) => num(l.unit, "de") },
    { title: "IVA", x: 440, align: "right", cell: (l) => `${l.rate}%` },
    { title: "Importe", x: 555, align: "right", cell: (l) => num(l.amount, "de") },
  ], core.lines, { rowH: 12, bottom: 770, header: letterhead, carry: (d, sum, end) => {
    if (end) d.page.text(555, d.y + 4, `Suma y sigue: ${num(sum, "de")}`, { align: "right", font: "B" });
    else {
      d.page.text(555, d.y + 30, `Suma anterior: ${num(sum, "de")}`, { align: "right", font: "B" });
      d.y += 45;
    }
  } });
  needRoom(doc, 120);
  const tr: Array<[string, string, boolean?]> = [["Base imponible", eur(core.untaxed)]];
  for (const r of core.byRate) tr.push([`IVA ${r.rate}% s/ ${num(r.base, "de")}`, eur(r.tax)]);
  tr.push(["Total IVA", eur(core.tax)], ["IMPORTE TOTAL", eur(core.total), true]);
  totals(doc, tr, 330, 555);
  doc.y += 8;
  doc.page.text(40, doc.y, `Forma de pago: transferencia${due.due !== undefined && !due.printedDate ? ` a ${due.days} días` : ""} a ${groups4(ib)}`);
  pageNumbers(doc, (n, of) => `Página ${n} de ${of}`, "center");
  const printed: Built["printed"] = { vendorName: [vendor], currency: ["€"], invoiceNumber: [number], invoiceDate: [fmtDate(date, ds, "es")], untaxed: [num(core.untaxed, "de")], totalTax: [num(core.tax, "de")], total: [num(core.total, "de")], vendorIban: [groups4(ib)] };
  if (due.due !== undefined) printed.dueDate = [due.printedDate ? fmtDate(due.due, "dmy/") : `${due.days} días`];
  return { doc, core, printed, receiver: customer, hasDue: due.due !== undefined, truth: { vendorName: vendor, invoiceNumber: number, invoiceDate: date, ...(due.due === undefined ? {} : { dueDate: due.due }), currency: "EUR", untaxed: core.untaxed, totalTax: core.tax, total: core.total, vendorIban: ib } };
};

const PL_ONES = ["", "jeden", "dwa", "trzy", "cztery", "pięć", "sześć", "siedem", "osiem", "dziewięć"];
const PL_TEENS = ["dziesięć", "jedenaście", "dwanaście", "trzynaście", "czternaście", "piętnaście", "szesnaście", "siedemnaście", "osiemnaście", "dziewiętnaście"];
const PL_TENS = ["", "", "dwadzieścia", "trzydzieści", "czterdzieści", "pięćdziesiąt", "sześćdziesiąt", "siedemdziesiąt", "osiemdziesiąt", "dziewięćdziesiąt"];
const PL_HUNDREDS = ["", "sto", "dwieście", "trzysta", "czterysta", "pięćset", "sześćset", "siedemset", "osiemset", "dziewięćset"];
function plBelow1000(n: number): string {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const o = n % 10;
  return [PL_HUNDREDS[h], t === 1 ? PL_TEENS[o] : PL_TENS[t], t === 1 ? "" : PL_ONES[o]].filter((w) => w !== "" && w !== undefined).join(" ");
}
/** The złoty part of an amount in Polish words, as "Słownie" lines print it. */
export function polishWords(v: number): string {
  const zl = Math.floor(v);
  const gr = Math.round((v - zl) * 100);
  const th = Math.floor(zl / 1000);
  const rest = zl % 1000;
  const thWord = th === 0 ? "" : th === 1 ? "jeden tysiąc" : `${plBelow1000(th)} ${[2, 3, 4].includes(th % 10) && ![12, 13, 14].includes(th % 100) ? "tysiące" : "tysięcy"}`;
  const words = [thWord, plBelow1000(rest)].filter((w) => w !== "").join(" ") || "zero";
  return `${words} ${String(gr).padStart(2, "0")}/100`;
}

const familyH: Family = (rng) => {
  const vendor = company(rng, ["Drukarnia", "Hurtownia", "Zakład Usługowy", "Serwis"], ["Nowak", "Kowalski", "Wiśniewski", "Zieliński", "Mazur"], rng.pick(["Sp. z o.o.", "S.A.", "sp.j."]));
  const customer = company(rng, ["Przychodnia", "Hotel", "Biuro Rachunkowe"], ["Słoneczna", "Pod Lipami", "Centrum"], "Sp. z o.o.");
  const date = randomDate(rng);
  const due = dueBy(rng, date, 0.5, 0.45);
  const currency = rng.chance(0.8) ? "PLN" : "EUR";
  const number = rng.pick([`FV/${rng.int(1, 400)}/${date.slice(5, 7)}/${date.slice(0, 4)}`, `${rng.int(1, 999)}/${date.slice(0, 4)}`, `FS ${digits(rng, 4)}/${date.slice(2, 4)}`]);
  const vatDigits = digits(rng, 10);
  const ib = iban(rng, "PL", "999999999999999999999999");
  const core = makeCore(rng, { rates: [23, 23, 8, 5, 0], goods: ["Ulotki A5 kolor", "Naprawa drukarki", "Papier ksero A4", "Usługa transportowa", "Książka - poradnik", "Środek czyszczący 5 l"], min: 2, max: 8, units: ["szt.", "usł.", "kg"] });
  const paid = rng.chance(0.25) ? r2(Math.round(core.total * 0.5)) : 0;
  const m = (v: number) => `${num(v, "fr")}`;
  const doc = newDoc();
  const p = doc.page;
  p.text(555, 40, `Miejsce wystawienia: ${rng.pick(["Kraków", "Poznań", "Łódź", "Gdańsk"])}`, { align: "right", size: 8 });
  p.text(555, 51, `Data wystawienia: ${date}`, { align: "right", size: 8 });
  p.text(555, 62, `Data sprzedaży: ${addDays(date, -rng.int(0, 5))}`, { align: "right", size: 8 });
  p.text(PAGE_W / 2, 90, `Faktura VAT nr ${number}`, { size: 14, font: "B", align: "center" });
  p.text(40, 115, "Sprzedawca:", { font: "B" });
  p.text(40, 127, vendor);
  p.text(40, 138, `ul. ${rng.pick(["Długa", "Polna", "Kwiatowa"])} ${rng.int(1, 80)}, ${rng.pick(["30-001 Kraków", "60-101 Poznań"])}`);
  p.text(40, 149, `NIP: PL${vatDigits}`);
  p.text(300, 115, "Nabywca:", { font: "B" });
  p.text(300, 127, customer);
  p.text(300, 138, `ul. ${rng.pick(["Leśna", "Ogrodowa"])} ${rng.int(1, 80)}, ${rng.pick(["00-001 Warszawa", "50-001 Wrocław"])}`);
  p.text(300, 149, `NIP: ${digits(rng, 3)}-${digits(rng, 3)}-${digits(rng, 2)}-${digits(rng, 2)}`);
  doc.y = 180;
  table(doc, [
    { title: "Lp.", x: 40, align: "left", cell: (_l, i) => String(i + 1) },
    { title: "Nazwa towaru lub usługi", x: 60, align: "left", cell: (l) => l.desc },
    { title: "Ilość", x: 290, align: "right", cell: (l) => String(l.qty) },
    { title: "J.m.", x: 298, align: "left", cell: (l) => l.unitName },
    { title: "Cena netto", x: 385, align: "right", cell: (l) => m(l.unit) },
    { title: "Wartość netto", x: 460, align: "right", cell: (l) => m(l.amount) },
    { title: "VAT", x: 500, align: "right", cell: (l) => (l.rate === 0 ? "zw" : `${l.rate}%`) },
  ], core.lines);
  needRoom(doc, 150);
  const y0 = doc.y;
  const cx = [300, 390, 470, 555];
  ["Stawka", "Netto", "VAT", "Brutto"].forEach((h, i) => doc.page.text(cx[i]!, y0, h, { font: "B", align: i === 0 ? "left" : "right" }));
  core.byRate.forEach((r, j) => {
    const y = y0 + 12 * (j + 1);
    doc.page.text(cx[0]!, y, r.rate === 0 ? "zw" : `${r.rate}%`);
    doc.page.text(cx[1]!, y, m(r.base), { align: "right" });
    doc.page.text(cx[2]!, y, m(r.tax), { align: "right" });
    doc.page.text(cx[3]!, y, m(r2(r.base + r.tax)), { align: "right" });
  });
  const yr = y0 + 12 * (core.byRate.length + 1) + 3;
  doc.page.rule(300, yr - 9, 555, yr - 9);
  doc.page.text(cx[0]!, yr, "Razem:", { font: "B" });
  doc.page.text(cx[1]!, yr, m(core.untaxed), { align: "right", font: "B" });
  doc.page.text(cx[2]!, yr, m(core.tax), { align: "right", font: "B" });
  doc.page.text(cx[3]!, yr, m(core.total), { align: "right", font: "B" });
  doc.y = yr + 25;
  const toPay = r2(core.total - paid);
  if (paid > 0) {
    doc.page.text(40, doc.y, `Zapłacono: ${m(paid)} ${currency}`);
    doc.y += 12;
  }
  doc.page.text(40, doc.y, `${paid > 0 ? "Pozostało do zapłaty" : "Do zapłaty"}: ${m(toPay)} ${currency}`, { size: 11, font: "B" });
  doc.page.text(40, doc.y + 14, `Słownie: ${polishWords(toPay)} ${currency}`, { size: 8 });
  doc.page.text(40, doc.y + 28, `Sposób płatności: przelew   Termin płatności: ${due.due === undefined ? "zapłacono gotówką" : due.printedDate ? due.due : `${due.days} dni`}`);
  const nrb = `${ib.slice(2, 4)} ${groups4(ib.slice(4))}`;
  doc.page.text(40, doc.y + 40, `Numer konta: ${nrb}`);
  doc.page.text(40, 780, "Osoba upoważniona do wystawienia", { size: 7 });
  doc.page.text(400, 780, "Osoba upoważniona do odbioru", { size: 7 });
  const printed: Built["printed"] = { vendorName: [vendor], currency: [currency], invoiceNumber: [number], invoiceDate: [date], untaxed: [m(core.untaxed)], totalTax: [m(core.tax)], total: [m(core.total)], vendorVat: [`PL${vatDigits}`], vendorIban: [nrb] };
  if (due.due !== undefined) printed.dueDate = [due.printedDate ? due.due : `${due.days} dni`];
  // Cash-paid bills (no term) still get "Termin płatności" with the payment noted: no due date.
  return { doc, core, printed, receiver: customer, hasDue: due.due !== undefined, truth: { vendorName: vendor, invoiceNumber: number, invoiceDate: date, ...(due.due === undefined ? {} : { dueDate: due.due }), currency, untaxed: core.untaxed, totalTax: core.tax, total: core.total, vendorVat: `PL${vatDigits}`, vendorIban: ib } };
};

const familyI: Family = (rng) => {
  const vendor = company(rng, ["Lindqvist", "Bergström", "Nordin", "Åkesson", "Holm"], ["Bygg", "Tryckeri", "El & Data", "Städservice"], "AB");
  const customer = company(rng, ["Solvik", "Granen", "Kvarnen"], ["Förvaltning", "Restaurang", "Tandvård"], "AB");
  const date = randomDate(rng);
  const due = dueBy(rng, date, 0.85, 0.1);
  const number = `${rng.int(1000, 99_999)}`;
  const orgnr = `${digits(rng, 6)}${digits(rng, 4)}`;
  const vat = `SE${orgnr}01`;
  const core = makeCore(rng, { rates: [25, 25, 12, 6], goods: ["Målning vägg (tim)", "Visitkort 250 st", "Fönsterputs", "Nätverkskabel Cat6", "Arbetstid montör"], min: 2, max: 6 });
  const doc = newDoc();
  const p = doc.page;
  p.text(40, 55, "FAKTURA", { size: 20, font: "B" });
  p.text(555, 45, vendor, { size: 13, font: "B", align: "right" });
  p.text(555, 58, `${rng.pick(["Storgatan", "Kungsgatan", "Industrivägen"])} ${rng.int(1, 60)}`, { align: "right" });
  p.text(555, 69, rng.pick(["411 38 Göteborg", "111 22 Stockholm", "211 20 Malmö"]), { align: "right" });
  const rows: Array<[string, string]> = [["Fakturanummer", number], ["Fakturadatum", date]];
  if (due.due !== undefined && due.printedDate) rows.push(["Förfallodatum", due.due]);
  rows.push(["Betalningsvillkor", due.due === undefined ? "Betald" : `${due.days} dagar netto`], ["Er referens", rng.pick(["Anna Berg", "Erik Lund"])], ["Dröjsmålsränta", "8 %"]);
  rows.forEach(([l, v], i) => {
    p.text(40, 95 + i * 12, l, { size: 8 });
    p.text(140, 95 + i * 12, v, { size: 8 });
  });
  p.text(330, 95, customer, { font: "B" });
  p.text(330, 107, `Box ${rng.int(10, 999)}`);
  p.text(330, 119, rng.pick(["752 20 Uppsala", "581 10 Linköping"]));
  p.text(330, 131, `VAT-nr: SE${digits(rng, 10)}01`);
  doc.y = 190;
  table(doc, [
    { title: "Benämning", x: 40, align: "left", cell: (l) => l.desc },
    { title: "Antal", x: 320, align: "right", cell: (l) => String(l.qty) },
    { title: "À-pris", x: 390, align: "right", cell: (l) => num(l.unit, "fr") },
    { title: "Moms", x: 440, align: "right", cell: (l) => `${l.rate}%` },
    { title: "Belopp", x: 555, align: "right", cell: (l) => num(l.amount, "fr") },
  ], core.lines);
  needRoom(doc, 250);
  const y0 = doc.y + 10;
  const heads: Array<[string, string]> = [["Exkl. moms", num(core.untaxed, "fr")], ...core.byRate.map((r): [string, string] => [`Moms ${r.rate}%`, num(r.tax, "fr")]), ["Att betala SEK", num(core.total, "fr")]];
  const w = 515 / heads.length;
  heads.forEach(([l, v], i) => {
    doc.page.text(40 + w * (i + 1) - 5, y0, l, { size: 7, align: "right" });
    doc.page.text(40 + w * (i + 1) - 5, y0 + 13, v, { font: i === heads.length - 1 ? "B" : "R", align: "right" });
  });
  const bg = `${digits(rng, 3)}-${digits(rng, 4)}`;
  const ocr = `${number}${digits(rng, 3)}`;
  const ys = 640;
  doc.page.rule(40, ys, 555, ys, { dash: true });
  doc.page.text(40, ys + 14, "INBETALNING/GIRERING AVI", { font: "B", size: 8 });
  doc.page.text(40, ys + 30, `Bankgiro: ${bg}`);
  doc.page.text(40, ys + 42, `Betalningsmottagare: ${vendor}`);
  doc.page.text(40, ys + 54, `OCR-nummer: ${ocr}`);
  doc.page.text(330, ys + 30, "Belopp SEK", { size: 7 });
  doc.page.text(330, ys + 42, num(core.total, "fr"), { font: "B" });
  if (due.due !== undefined) doc.page.text(450, ys + 30, `Förfallodag ${due.due}`, { size: 8 });
  doc.page.rule(40, 790, 555, 790, { width: 0.3 });
  doc.page.text(40, 800, `Säte: ${rng.pick(["Göteborg", "Stockholm"])} · Org.nr ${orgnr.slice(0, 6)}-${orgnr.slice(6)} · Momsreg.nr ${vat} · Godkänd för F-skatt · Bankgiro ${bg}`, { size: 7 });
  const printed: Built["printed"] = { vendorName: [vendor], currency: ["SEK"], invoiceNumber: [number], invoiceDate: [date], untaxed: [num(core.untaxed, "fr")], totalTax: core.byRate.map((r) => num(r.tax, "fr")), total: [num(core.total, "fr")], vendorVat: [vat] };
  if (due.due !== undefined) printed.dueDate = [due.printedDate ? due.due : `${due.days} dagar`];
  return { doc, core, printed, receiver: customer, hasDue: due.due !== undefined, truth: { vendorName: vendor, invoiceNumber: number, invoiceDate: date, ...(due.due === undefined ? {} : { dueDate: due.due }), currency: "SEK", untaxed: core.untaxed, totalTax: core.tax, total: core.total, vendorVat: vat } };
};

const familyJ: Family = (rng) => {
  const vendor = company(rng, ["Carpintaria", "Gráfica", "Padaria", "Serralharia"], ["Almeida", "Sousa", "Ferreira", "Costa", "Pereira"], rng.pick(["Lda.", "Unipessoal Lda.", "S.A."]));
  const customer = company(rng, ["Clínica", "Restaurante", "Escritório"], ["do Porto", "Atlântico", "Central"], "Lda.");
  const date = randomDate(rng);
  const ds: DateStyle = rng.pick(["dmy-", "iso", "dmy/"]);
  const due = dueBy(rng, date, 0.6, 0.25);
  const number = `${rng.pick(["FT", "FR", "FT A"])} ${date.slice(0, 4)}/${rng.int(1, 999)}`;
  const nif = digits(rng, 9);
  const ib = iban(rng, "PT", "999999999999999999999");
  const core = makeCore(rng, { rates: [23, 23, 13, 6], goods: ["Porta em madeira maciça", "Cartões de visita", "Pão de forma", "Serviço de montagem", "Portão metálico"], min: 2, max: 6, lineDiscounts: true });
  const doc = newDoc();
  const p = doc.page;
  p.text(PAGE_W / 2, 45, vendor, { size: 14, font: "B", align: "center" });
  p.text(PAGE_W / 2, 58, `Rua ${rng.pick(["das Flores", "de Santa Catarina", "Augusta"])}, ${rng.int(1, 300)} · ${rng.pick(["4000-001 Porto", "1100-001 Lisboa", "3000-001 Coimbra"])} · NIF: PT ${nif}`, { align: "center", size: 8 });
  p.text(40, 90, "Exmo.(s) Sr.(s)", { size: 8 });
  p.text(40, 101, customer, { font: "B" });
  p.text(40, 112, `NIF: ${digits(rng, 9)}`);
  p.text(555, 95, "Original", { size: 8, align: "right" });
  const cells: Array<[string, string]> = [[number, "Fatura n.º"], [fmtDate(date, ds), "Data de emissão"]];
  if (due.due !== undefined && due.printedDate) cells.push([fmtDate(due.due, ds), "Data de vencimento"]);
  cells.push(["Euro", "Moeda"]);
  cells.forEach(([v, l], i) => {
    p.text(40 + i * 130, 145, v, { font: "B", size: 10 });
    p.text(40 + i * 130, 155, l, { size: 6 });
  });
  p.text(40, 170, `ATCUD: ${rng.pick(["JJ", "KF", "AB"])}${digits(rng, 6)}-${rng.int(1, 999)}`, { size: 7 });
  doc.y = 195;
  table(doc, [
    { title: "Descrição", x: 40, align: "left", cell: (l) => l.desc },
    { title: "Qtd.", x: 290, align: "right", cell: (l) => num(l.qty, "de") },
    { title: "Preço Unit.", x: 360, align: "right", cell: (l) => num(l.unit, "de") },
    { title: "Desc.", x: 400, align: "right", cell: (l) => (l.discountPct === 0 ? "0,00" : num(l.discountPct, "de")) },
    { title: "IVA", x: 440, align: "right", cell: (l) => `${l.rate}%` },
    { title: "Total Líquido", x: 555, align: "right", cell: (l) => num(l.amount, "de") },
  ], core.lines);
  needRoom(doc, 140);
  const y0 = doc.y + 4;
  doc.page.text(40, y0, "Quadro resumo do IVA", { font: "B", size: 8 });
  ["Taxa", "Incidência", "Valor IVA"].forEach((h, i) => doc.page.text([40, 150, 230][i]!, y0 + 12, h, { size: 7, align: i === 0 ? "left" : "right" }));
  core.byRate.forEach((r, j) => {
    doc.page.text(40, y0 + 24 + j * 11, `${r.rate}%`, { size: 8 });
    doc.page.text(150, y0 + 24 + j * 11, num(r.base, "de"), { size: 8, align: "right" });
    doc.page.text(230, y0 + 24 + j * 11, num(r.tax, "de"), { size: 8, align: "right" });
  });
  totals(doc, [["Total s/ IVA", num(core.untaxed, "de")], ["Total IVA", num(core.tax, "de")], ["Total a pagar (EUR)", num(core.total, "de"), true]], 360, 555);
  doc.y = Math.max(doc.y, y0 + 30 + core.byRate.length * 11) + 10;
  if (due.due !== undefined && !due.printedDate) doc.page.text(40, doc.y, `Condições de pagamento: ${due.days} dias`);
  doc.page.text(40, doc.y + 12, `IBAN: ${groups4(ib)}`);
  doc.page.text(40, 805, `Processado por programa certificado n.º ${rng.int(1000, 2999)}/AT`, { size: 7 });
  pageNumbers(doc, (n, of) => `Pág. ${n}/${of}`);
  const printed: Built["printed"] = { vendorName: [vendor], currency: ["Total a pagar (EUR)"], invoiceNumber: [number], invoiceDate: [fmtDate(date, ds)], untaxed: [num(core.untaxed, "de")], totalTax: [num(core.tax, "de")], total: [num(core.total, "de")], vendorVat: [`PT ${nif}`], vendorIban: [groups4(ib)] };
  if (due.due !== undefined) printed.dueDate = [due.printedDate ? fmtDate(due.due, ds) : `${due.days} dias`];
  return { doc, core, printed, receiver: customer, hasDue: due.due !== undefined, truth: { vendorName: vendor, invoiceNumber: number, invoiceDate: date, ...(due.due === undefined ? {} : { dueDate: due.due }), currency: "EUR", untaxed: core.untaxed, totalTax: core.tax, total: core.total, vendorVat: `PT${nif}`, vendorIban: ib } };
};

const familyK: Family = (rng) => {
  const vendor = company(rng, ["Schreinerei", "Malerei", "Elektro", "Gärtnerei"], ["Keller", "Meier", "Brunner", "Steiner", "Gerber"], rng.pick(["AG", "GmbH"]));
  const customer = company(rng, ["Praxis", "Verwaltung", "Hotel"], ["Seeblick", "Bahnhof", "Sonnenberg"], "AG");
  const date = randomDate(rng);
  const ds: DateStyle = rng.pick(["dmy.", "long"]);
  const due = dueBy(rng, date, 0.5, 0.45);
  const number = rng.pick([`${date.slice(0, 4)}-${digits(rng, 4)}`, `${digits(rng, 5)}`]);
  const ib = iban(rng, "CH", "99999999999999999");
  const core = makeCore(rng, { rates: [8.1, 8.1, 2.6], goods: ["Einbauschrank Eiche", "Malerarbeiten Treppenhaus", "Kleinmaterial", "Arbeitszeit Monteur", "Blumenarrangement"], min: 2, max: 6 });
  const chf = (v: number) => num(v, "ch");
  const doc = newDoc();
  const p = doc.page;
  p.text(40, 48, vendor, { size: 14, font: "B" });
  p.text(40, 60, `${rng.pick(["Seestrasse", "Dorfstrasse", "Bahnhofstrasse"])} ${rng.int(1, 90)}, ${rng.pick(["8001 Zürich", "3011 Bern", "4051 Basel"])}`, { size: 8 });
  p.text(40, 70, `MWST-Nr. CHE-${digits(rng, 3)}.${digits(rng, 3)}.${digits(rng, 3)} MWST`, { size: 8 });
  p.text(330, 110, customer);
  p.text(330, 121, `${rng.pick(["Hauptgasse", "Kirchweg"])} ${rng.int(1, 40)}`);
  p.text(330, 132, rng.pick(["6003 Luzern", "9000 St. Gallen"]));
  p.text(40, 170, `Rechnung Nr. ${number}`, { size: 13, font: "B" });
  p.text(40, 186, `${rng.pick(["Zürich", "Bern", "Basel"])}, ${fmtDate(date, ds, "de")}`);
  if (due.printedDate && due.due !== undefined) p.text(40, 198, `Zahlbar bis: ${fmtDate(due.due, "dmy.")}`);
  doc.y = 225;
  table(doc, [
    { title: "Anzahl", x: 70, align: "right", cell: (l) => String(l.qty) },
    { title: "Text", x: 85, align: "left", cell: (l) => l.desc },
    { title: "Preis", x: 400, align: "right", cell: (l) => chf(l.unit) },
    { title: "MWST", x: 450, align: "right", cell: (l) => `${num(l.rate, "ch").replace(/0+$/, "").replace(/\.$/, "")}%` },
    { title: "Betrag CHF", x: 555, align: "right", cell: (l) => chf(l.amount) },
  ], core.lines);
  needRoom(doc, 260);
  const tr: Array<[string, string, boolean?]> = [["Total exkl. MWST", chf(core.untaxed)]];
  for (const r of core.byRate) tr.push([`MWST ${num(r.rate, "ch").replace(/0+$/, "")}% von ${chf(r.base)}`, chf(r.tax)]);
  tr.push(["Total inkl. MWST", chf(core.total), true]);
  totals(doc, tr, 330, 555);
  if (due.due !== undefined && !due.printedDate) doc.page.text(40, doc.y + 8, `Zahlungsfrist: ${due.days} Tage netto`);
  const ys = 600;
  doc.page.rule(40, ys, 555, ys, { dash: true });
  doc.page.rule(190, ys, 190, 800, { dash: true });
  doc.page.text(45, ys + 16, "Empfangsschein", { font: "B", size: 10 });
  doc.page.text(45, ys + 32, "Konto / Zahlbar an", { font: "B", size: 6 });
  doc.page.text(45, ys + 41, groups4(ib), { size: 7 });
  doc.page.text(45, ys + 50, vendor, { size: 7 });
  doc.page.text(45, ys + 70, "Währung   Betrag", { font: "B", size: 6 });
  doc.page.text(45, ys + 80, `CHF       ${chf(core.total)}`, { size: 8 });
  doc.page.text(200, ys + 16, "Zahlteil", { font: "B", size: 10 });
  doc.page.box(200, ys + 28, 130, 130);
  doc.page.text(265, ys + 95, "[QR]", { size: 8, align: "center" });
  doc.page.text(345, ys + 32, "Konto / Zahlbar an", { font: "B", size: 6 });
  doc.page.text(345, ys + 41, groups4(ib), { size: 7 });
  doc.page.text(345, ys + 50, vendor, { size: 7 });
  doc.page.text(345, ys + 66, "Referenz", { font: "B", size: 6 });
  doc.page.text(345, ys + 75, `${digits(rng, 2)} ${digits(rng, 5)} ${digits(rng, 5)} ${digits(rng, 5)} ${digits(rng, 5)} ${digits(rng, 5)}`, { size: 7 });
  doc.page.text(345, ys + 91, "Zahlbar durch", { font: "B", size: 6 });
  doc.page.text(345, ys + 100, customer, { size: 7 });
  doc.page.text(200, ys + 172, "Währung   Betrag", { font: "B", size: 6 });
  doc.page.text(200, ys + 182, `CHF       ${chf(core.total)}`, { size: 8 });
  const printed: Built["printed"] = { vendorName: [vendor], currency: ["Betrag CHF"], invoiceNumber: [number], invoiceDate: [fmtDate(date, ds, "de")], untaxed: [chf(core.untaxed)], totalTax: core.byRate.map((r) => chf(r.tax)), total: [chf(core.total)], vendorIban: [groups4(ib)] };
  if (due.due !== undefined) printed.dueDate = [due.printedDate ? fmtDate(due.due, "dmy.") : `${due.days} Tage`];
  return { doc, core, printed, receiver: customer, hasDue: due.due !== undefined, truth: { vendorName: vendor, invoiceNumber: number, invoiceDate: date, ...(due.due === undefined ? {} : { dueDate: due.due }), currency: "CHF", untaxed: core.untaxed, totalTax: core.tax, total: core.total, vendorIban: ib } };
};

const FAMILIES: Record<HeldoutFamily, Family> = { A: familyA, B: familyB, C: familyC, D: familyD, E: familyE, F: familyF, G: familyG, H: familyH, I: familyI, J: familyJ, K: familyK };

/** `perFamily` bills of every family, from `seed` (each family its own stream, so --quick is a prefix of the full
 * set). */
export function heldoutBills(perFamily: number, seed: number = HELDOUT_REPORT_SEED): HeldoutBill[] {
  const out: HeldoutBill[] = [];
  HELDOUT_FAMILIES.forEach((family, fi) => {
    const rng = createRng((seed ^ Math.imul(fi + 1, 0x9e3779b1)) >>> 0);
    for (let i = 0; i < perFamily; i++) {
      const b = FAMILIES[family](rng);
      out.push({ name: `heldout-${family}-${String(i + 1).padStart(3, "0")}`, family, truth: b.truth, printed: b.printed, hasDue: b.hasDue, receiver: b.receiver, pages: b.doc.pages.length, pdf: writePdf(b.doc.pages), lines: b.core.lines, byRate: b.core.byRate });
    }
  });
  return out;
}
