// A SECOND independent held-out bill generator (report data, never tuned on): the bench prints its aggregates per
// field and per family only, never a document. Written without reading the extractor (web_src/engine/bills) nor the
// other generators (synthetic_bills.ts, the layout families of heldout_bills.ts); it reuses only heldout_bills.ts's
// low-level PDF writer (`Page`, `writePdf`, `textWidth`: Type 1 fonts R/B/T/C, WinAnsi + Polish letters, y from the
// top of an A4 page). The layouts imitate what small businesses in Europe, the UK and the US send:
//   uk  UK sole trader / Ltd VAT invoice: "Tax point" date beside the invoice date, sort code + account, 20 % / 5 %
//   us  US invoice: "Bill To / Ship To" columns, "Terms: Net 15/30" or a printed due date, P.O. #, sales tax, shipping
//   it  Italian fattura: "Imponibile / IVA / Totale documento", P.IVA, a "Scadenze" table or no due date at all
//   es  Spanish factura: "Base imponible / Cuota IVA / Total factura", NIF, 21 % and 10 %
//   pl  Polish "Faktura VAT": "Sprzedawca / Nabywca" side by side, "Razem" row, "Do zapłaty", "Termin płatności"
//   nl  Dutch factuur: "Factuurdatum / Vervaldatum", KvK, BTW 21 % / 9 %, trading name as a logo, legal name below
//   se  Swedish faktura: OCR number and Bankgiro beside the invoice number, "Att betala", moms 25 % / 12 %
//   be  Belgian factuur: structured communication +++123/4567/89012+++, "Vervaldag", BTW 21 % / 6 %
//   de  German Handwerker-Rechnung: DIN letter with sender line, Leistungszeitraum, "zahlbar innerhalb von N Tagen",
//       §13b reverse charge (no tax) in some
//   fr  French facture: SIRET, TVA intracom, "Conditions de règlement : N jours" or "Échéance", HT / TVA / TTC
//   ut  UK energy bill: billing period, meter readings, standing charge, 5 % VAT, previous balance and payment received
//       (the bill's own charges are the total, not the balance)
//   ho  Swiss hotel folio (CHF, 1'234.50): prices include MWST 3.8 % / 8.1 %, tourist tax untaxed, card payment, no due
//   mp  Irish wholesaler, several pages: page header and "Page n of m" repeated, lines carried over, totals on the last
// Varied per bill: margins, font sizes, fonts, which side the vendor block sits, column order where the family allows.
//
// Truth, as an accountant books the bill:
//   vendorName     the issuer's legal name as printed, legal form included ("Kestrel Signs Ltd", "Rossi Impianti
//                  S.r.l."); a sole trader without a legal form: the business name printed on top
//   invoiceNumber  as printed after the number label;  invoiceDate  the invoice (issue) date, never the tax point,
//                  the delivery date or a period
//   dueDate        the printed due date, else invoice date + N days of printed terms ("Net 15", "30 dagen"); absent
//                  when the bill states none (a paid hotel folio, an Italian bill without Scadenza)
//   currency       ISO code;  untaxed / totalTax / total  the invoice's net, its tax, its gross total (reverse charge
//                  and zero rate: tax 0), never an amount due after deposits, payments or previous balances
//   vendorVat      the vendor's EU/UK VAT number with its country prefix, without spaces or dots (where printed, with
//                  or without the prefix: P.IVA, NIF, NIP; not the Swiss UID);
//   vendorIban     the vendor's IBAN without spaces;  vendorEmail, purchaseOrderRef  where printed
// Each bill also records how each truth value is printed (`printed`), checked against pdftotext by
// test/bench/heldout_bills_b.test.ts.
import type { BillFieldName } from "../../../web_src/contracts/bills";
import { Page, writePdf } from "./heldout_bills";
import { createRng, type Rng } from "./prng";
import type { Truth } from "./real_invoices";

export const HELDOUT_B_SEED = 25_020_311;
export const HELDOUT_B_FAMILIES = ["uk", "us", "it", "es", "pl", "nl", "se", "be", "de", "fr", "ut", "ho", "mp"] as const;
export type HeldoutBFamily = (typeof HELDOUT_B_FAMILIES)[number];

/** One line as billed: unit price and amount in cents (including tax when the bill's prices do: the hotel folio). */
export interface BLine { desc: string; qty: number; unit: number; rate: number; amount: number }
/** Per tax rate: base and tax in cents. */
export interface BRate { rate: number; base: number; tax: number }

export interface HeldoutBBill {
  name: string;
  family: HeldoutBFamily;
  pdf: Buffer;
  pages: number;
  truth: Truth;
  /** The bill's customer (sent as the receiving company, as Odoo does). */
  receiver: string;
  /** How each truth value is printed on the page: one form, or the parts it is summed from (the tax per rate when
   * only those are printed); for a due date from terms, the terms as printed. */
  printed: Printed;
  lines: BLine[];
  byRate: BRate[];
  /** Prices include tax (tax = gross × rate / (100 + rate) per rate). */
  taxIncluded: boolean;
}

type Font = "R" | "B" | "T" | "C";
type Printed = Partial<Record<BillFieldName, string | string[]>>;
type NumStyle = "en" | "eu" | "space" | "ch" | "plain";

// ---------------------------------------------------------------------------------------------------------------
// Values.

/** Cents as printed: 123456 → "1,234.56" (en), "1.234,56" (eu), "1 234,56" (space), "1'234.56" (ch), "1234.56". */
export function money(cents: number, style: NumStyle): string {
  const neg = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100));
  const frac = String(abs % 100).padStart(2, "0");
  const sep = { en: ",", eu: ".", space: " ", ch: "'", plain: "" }[style];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return `${neg}${grouped}${style === "en" || style === "ch" || style === "plain" ? "." : ","}${frac}`;
}

const MONTHS: Record<string, string[]> = {
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
  it: ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
};

/** An ISO date as printed: "d/m/Y" (zero-padded), "d.m.Y", "d-m-Y", "Y-m-d", "m/d/Y", "d Mon Y" (en, short month),
 * "Mon d, Y" (en), "d month Y" (fr, it). */
export function day(iso: string, style: string): string {
  const [y, m, d] = iso.split("-") as [string, string, string];
  const mi = Number(m) - 1;
  switch (style) {
    case "d/m/Y": return `${d}/${m}/${y}`;
    case "d.m.Y": return `${d}.${m}.${y}`;
    case "d-m-Y": return `${d}-${m}-${y}`;
    case "m/d/Y": return `${m}/${d}/${y}`;
    case "d Mon Y": return `${Number(d)} ${MONTHS["en"]![mi]!.slice(0, 3)} ${y}`;
    case "Mon d, Y": return `${MONTHS["en"]![mi]!} ${Number(d)}, ${y}`;
    case "fr": return `${Number(d)} ${MONTHS["fr"]![mi]!} ${y}`;
    case "it": return `${Number(d)} ${MONTHS["it"]![mi]!} ${y}`;
    default: return iso;
  }
}

export function plusDays(iso: string, days: number): string {
  const t = new Date(`${iso}T12:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** Remainder mod 97 of a string of digits and letters (A = 10 … Z = 35), as IBAN checks compute it. */
export function mod97(s: string): number {
  let rem = 0;
  for (const ch of s.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55))) rem = (rem * 10 + Number(ch)) % 97;
  return rem;
}

/** An IBAN with valid check digits for a country and its BBAN. */
export function makeIban(country: string, bban: string): string {
  const check = 98 - mod97(`${bban}${country}00`);
  return `${country}${String(check).padStart(2, "0")}${bban}`;
}

/** A Belgian structured communication: ten digits, then their remainder mod 97 (0 → 97), as +++ddd/dddd/ddddd+++. */
export function structured(ten: string): string {
  const r = Number(BigInt(ten) % 97n) || 97;
  const all = `${ten}${String(r).padStart(2, "0")}`;
  return `+++${all.slice(0, 3)}/${all.slice(3, 7)}/${all.slice(7)}+++`;
}

function groups(s: string, n = 4): string {
  return s.replace(new RegExp(`(.{${n}})(?=.)`, "g"), "$1 ");
}

function digits(rng: Rng, n: number): string {
  let s = String(rng.int(1, 9));
  while (s.length < n) s += String(rng.int(0, 9));
  return s;
}

/** Invoice dates from June 2025 to mid-November 2026 (the bench's today is 2026-12-01). */
function issueDate(rng: Rng): string {
  return plusDays("2025-06-01", rng.int(0, 530));
}

// ---------------------------------------------------------------------------------------------------------------
// Drawing.

class Doc {
  pages: Page[] = [new Page()];
  get p(): Page {
    return this.pages[this.pages.length - 1]!;
  }
  t(x: number, y: number, text: string, o: { size?: number; font?: Font; align?: "left" | "right" | "center" } = {}): void {
    this.p.text(x, y, text, o);
  }
  newPage(): Page {
    this.pages.push(new Page());
    return this.p;
  }
}

interface Col { title: string; x: number; align: "left" | "right"; cell: (l: BLine) => string }

/** A line table from y: header row, a rule, one row per line; returns the y below the table. */
function table(doc: Doc, y: number, cols: Col[], lines: readonly BLine[], size: number, o: { boxed?: boolean; left?: number; right?: number } = {}): number {
  const left = o.left ?? 50;
  const right = o.right ?? 545;
  for (const c of cols) doc.t(c.x, y, c.title, { size, font: "B", align: c.align });
  doc.p.rule(left, y + 4, right, y + 4);
  let yy = y + size + 8;
  for (const l of lines) {
    for (const c of cols) doc.t(c.x, yy, c.cell(l), { size, align: c.align });
    yy += size + 5;
  }
  if (o.boxed === true) doc.p.box(left - 4, y - size - 2, right - left + 8, yy - y + 2);
  doc.p.rule(left, yy - size + 2, right, yy - size + 2);
  return yy + 6;
}

// ---------------------------------------------------------------------------------------------------------------
// Lines and sums.

function qtyText(q: number, style: NumStyle): string {
  if (Number.isInteger(q)) return String(q);
  return style === "en" || style === "ch" || style === "plain" ? q.toFixed(1) : q.toFixed(1).replace(".", ",");
}

/** `n` lines drawn from a catalogue of [description, lowest, highest unit price in whole currency units], the rates
 * taken in turn. */
function makeLines(rng: Rng, catalogue: ReadonlyArray<readonly [string, number, number]>, rates: readonly number[], n: number, halves = false): BLine[] {
  const out: BLine[] = [];
  for (let i = 0; i < n; i++) {
    const [desc, lo, hi] = rng.pick(catalogue);
    const qty = halves && rng.chance(0.4) ? rng.int(1, 16) / 2 : rng.int(1, rng.chance(0.7) ? 5 : 40);
    const unit = rng.int(lo, hi) * 100 + (rng.chance(0.5) ? 0 : rng.int(0, 99));
    const rate = rates[i % rates.length]!;
    out.push({ desc, qty, unit, rate, amount: 0 });
  }
  for (const l of out) l.amount = Math.round(l.qty * l.unit);
  return out;
}

/** Per rate, in order of first appearance: base and tax (tax on the base, or taken out of a tax-inclusive sum). */
function sums(lines: readonly BLine[], taxIncluded: boolean): BRate[] {
  const rates: BRate[] = [];
  for (const l of lines) {
    let r = rates.find((x) => x.rate === l.rate);
    if (r === undefined) rates.push((r = { rate: l.rate, base: 0, tax: 0 }));
    r.base += l.amount;
  }
  for (const r of rates) {
    if (taxIncluded) {
      r.tax = Math.round((r.base * r.rate) / (100 + r.rate));
      r.base -= r.tax;
    } else r.tax = Math.round((r.base * r.rate) / 100);
  }
  return rates;
}

interface Totals { untaxed: number; tax: number; total: number }
function totals(rates: readonly BRate[]): Totals {
  const untaxed = rates.reduce((s, r) => s + r.base, 0);
  const tax = rates.reduce((s, r) => s + r.tax, 0);
  return { untaxed, tax, total: untaxed + tax };
}

function rateText(rate: number, decimalComma: boolean): string {
  const s = String(rate);
  return decimalComma ? s.replace(".", ",") : s;
}

/** What a family returns before the bill is assembled. */
interface Built {
  doc: Doc;
  vendor: string;
  receiver: string;
  number: string;
  date: string;
  due: string | null;
  currency: string;
  lines: BLine[];
  byRate: BRate[];
  taxIncluded?: boolean;
  /** Printed forms of the truth values. */
  printed: Printed;
  vat?: string;
  iban?: string;
  email?: string;
  po?: string;
}

/** The tax as printed: the total, or each rate's tax when the bill prints no total of its taxes. */
function taxParts(byRate: readonly BRate[], style: NumStyle): string[] {
  const taxed = byRate.filter((r) => r.rate > 0);
  return taxed.length > 1 ? taxed.map((r) => money(r.tax, style)) : [money(totals(byRate).tax, style)];
}

function compact(s: string): string {
  return s.replace(/[\s.-]/g, "").toUpperCase();
}

// ---------------------------------------------------------------------------------------------------------------
// Families.

const UK_VENDORS = ["Ashworth Joinery", "Kestrel Signs Ltd", "Harbour View Catering Limited", "Pennine Garden Services", "Marlowe & Finch Ltd"] as const;
const UK_CUSTOMERS = ["Oakridge Property Management Ltd", "The Brewhouse Tavern", "St Albans Dental Practice", "Calder Valley Motors Ltd"] as const;

function uk(rng: Rng, i: number): Built {
  const doc = new Doc();
  const vendor = rng.pick(UK_VENDORS);
  const receiver = rng.pick(UK_CUSTOMERS);
  const L = rng.int(40, 62);
  const R = 595 - rng.int(40, 60);
  const size = rng.pick([8, 9, 10]);
  const date = issueDate(rng);
  const taxPoint = plusDays(date, -rng.int(1, 6));
  const days = rng.pick([14, 30]);
  const number = rng.pick([`INV-${String(i + 101).padStart(4, "0")}`, `${rng.int(1000, 9999)}`, `AJ/${date.slice(2, 4)}/${rng.int(10, 99)}`]);
  const vat = `GB${digits(rng, 9)}`;
  const vatPrinted = `GB ${vat.slice(2, 5)} ${vat.slice(5, 9)} ${vat.slice(9)}`;
  const ds = rng.pick(["d/m/Y", "d Mon Y"]);
  doc.t(L, 60, vendor, { size: size + 8, font: "B" });
  doc.t(L, 76, `${rng.int(2, 90)} ${rng.pick(["Mill Lane", "Station Road", "High Street"])}, ${rng.pick(["Halifax HX1 2AB", "Bristol BS1 4DJ", "Leeds LS2 7EW"])}`, { size });
  const email = `accounts@${vendor.toLowerCase().replace(/ (ltd|limited)$/, "").replace(/[^a-z]+/g, "")}.co.uk`;
  doc.t(L, 76 + size + 3, `${email}  ·  Tel 0${digits(rng, 4)} ${digits(rng, 6)}`, { size });
  doc.t(R, 60, "VAT INVOICE", { size: size + 6, font: "B", align: "right" });
  const info: Array<[string, string]> = [["Invoice No:", number], ["Invoice date:", day(date, ds)], ["Tax point:", day(taxPoint, ds)], ["VAT Reg No:", vatPrinted]];
  if (rng.chance(0.5)) info.splice(1, 2, info[2]!, info[1]!);
  info.forEach(([k, v], j) => {
    doc.t(R - 120, 90 + j * (size + 4), k, { size });
    doc.t(R, 90 + j * (size + 4), v, { size, align: "right" });
  });
  doc.t(L, 150, "Invoice to:", { size, font: "B" });
  doc.t(L, 150 + size + 3, receiver, { size });
  doc.t(L, 150 + 2 * (size + 3), `${rng.int(1, 60)} Queens Road, ${rng.pick(["York YO1 6GA", "Bath BA1 1LN"])}`, { size });
  const rates = rng.chance(0.3) ? [20, 5] : [20];
  const lines = makeLines(rng, [["Labour", 25, 60], ["Materials as quoted", 20, 900], ["Call-out charge", 45, 90], ["Design work", 80, 400], ["Fitting and installation", 60, 600]], rates, rng.int(1, 5), true);
  const byRate = sums(lines, false);
  const t = totals(byRate);
  const st: NumStyle = "en";
  let y = table(doc, 220, [
    { title: "Description", x: L, align: "left", cell: (l) => l.desc },
    { title: "Qty", x: L + 250, align: "right", cell: (l) => qtyText(l.qty, st) },
    { title: "Unit price", x: L + 320, align: "right", cell: (l) => money(l.unit, st) },
    { title: "VAT %", x: L + 370, align: "right", cell: (l) => `${l.rate}%` },
    { title: "Net", x: R, align: "right", cell: (l) => money(l.amount, st) },
  ], lines, size, { left: L, right: R });
  const tot: Array<[string, string]> = [["Net total", `£${money(t.untaxed, st)}`]];
  for (const r of byRate) tot.push([`VAT @ ${r.rate}%${byRate.length > 1 ? ` on £${money(r.base, st)}` : ""}`, `£${money(r.tax, st)}`]);
  tot.push(["Total due", `£${money(t.total, st)}`]);
  for (const [k, v] of tot) {
    doc.t(R - 190, y, k, { size, font: k === "Total due" ? "B" : "R" });
    doc.t(R, y, v, { size, font: k === "Total due" ? "B" : "R", align: "right" });
    y += size + 5;
  }
  const terms = `Payment terms: ${days} days from invoice date`;
  doc.t(L, y + 30, terms, { size });
  doc.t(L, y + 30 + size + 4, `Please pay by bank transfer to ${vendor}, sort code ${digits(rng, 2)}-${digits(rng, 2)}-${digits(rng, 2)}, account ${digits(rng, 8)}, quoting ${number}.`, { size: size - 1 });
  if (!/Ltd|Limited/.test(vendor)) doc.t(L, 800, `${vendor} is a trading name of ${rng.pick(["Tom", "Sarah", "David"])} ${rng.pick(["Ashworth", "Pickles", "Hughes"])}, sole trader.`, { size: 7 });
  else doc.t(L, 800, `${vendor}, registered in England and Wales no. ${digits(rng, 8)}. Registered office as above.`, { size: 7 });
  return {
    doc, vendor, receiver, number, date, due: plusDays(date, days), currency: "GBP", lines, byRate, vat, email,
    printed: { vendorName: vendor, invoiceNumber: number, invoiceDate: day(date, ds), dueDate: `${days} days`, currency: "£", untaxed: money(t.untaxed, st), totalTax: taxParts(byRate, st), total: money(t.total, st), vendorVat: vatPrinted, vendorEmail: email },
  };
}

const US_VENDORS = ["Brightline Supply Co., Inc.", "Cascade Print Works LLC", "Redwood Office Solutions, Inc.", "Great Lakes Janitorial LLC", "Summit Tool & Fastener Corp."] as const;
const US_CUSTOMERS = ["Maple Street Bakery", "Riverside Family Clinic", "Northgate Logistics Inc.", "Blue Heron Architects"] as const;

function us(rng: Rng, _i: number): Built {
  const doc = new Doc();
  const vendor = rng.pick(US_VENDORS);
  const receiver = rng.pick(US_CUSTOMERS);
  const L = rng.int(36, 56);
  const R = 595 - rng.int(36, 56);
  const size = rng.pick([8, 9, 10]);
  const date = issueDate(rng);
  const net = rng.pick([15, 30, 45]);
  const printedDue = rng.chance(0.4);
  const number = rng.pick([`${rng.int(10000, 99999)}`, `INV${rng.int(100000, 999999)}`]);
  const po = rng.chance(0.6) ? `PO-${rng.int(1000, 9999)}` : undefined;
  doc.t(L, 55, vendor, { size: size + 7, font: "B" });
  const city = rng.pick(["Portland, OR 97205", "Columbus, OH 43215", "Austin, TX 78701"]);
  doc.t(L, 70, `${rng.int(100, 9999)} ${rng.pick(["Commerce Dr", "Industrial Pkwy", "Main St"])}, ${city}`, { size });
  const email = `billing@${vendor.split(/[ ,]/)[0]!.toLowerCase()}${rng.pick(["supply", "co", "inc"])}.com`;
  doc.t(L, 70 + size + 3, `Phone (${digits(rng, 3)}) ${digits(rng, 3)}-${digits(rng, 4)}  ${email}`, { size });
  doc.t(R, 55, "INVOICE", { size: size + 12, font: "B", align: "right" });
  const head: Array<[string, string]> = [["INVOICE #", number], ["DATE", day(date, "m/d/Y")]];
  if (printedDue) head.push(["DUE DATE", day(plusDays(date, net), "m/d/Y")]);
  head.forEach(([k, v], j) => {
    doc.t(R - 110, 85 + j * (size + 4), k, { size, font: "B" });
    doc.t(R, 85 + j * (size + 4), v, { size, align: "right" });
  });
  const addr = (x: number, title: string) => {
    doc.t(x, 140, title, { size, font: "B" });
    doc.t(x, 140 + size + 3, receiver, { size });
    doc.t(x, 140 + 2 * (size + 3), `${rng.int(10, 900)} ${rng.pick(["Elm Ave", "Oak Blvd", "5th St"])}`, { size });
    doc.t(x, 140 + 3 * (size + 3), rng.pick(["Denver, CO 80202", "Madison, WI 53703"]), { size });
  };
  addr(L, "BILL TO");
  addr(L + 220, "SHIP TO");
  // A row of small boxes: P.O. #, terms, ship via.
  const row: Array<[string, string]> = [["P.O. #", po ?? ""], ["TERMS", `Net ${net}`], ["SHIP VIA", rng.pick(["UPS Ground", "FedEx", "Will call"])], ["REP", rng.pick(["JD", "MK", "AL"])]];
  row.forEach(([k, v], j) => {
    const x = L + j * ((R - L) / 4);
    doc.t(x + 4, 215, k, { size: size - 1, font: "B" });
    doc.t(x + 4, 215 + size + 3, v, { size });
    doc.p.box(x, 205, (R - L) / 4, 2 * size + 12);
  });
  const taxRate = rng.pick([0, 6, 7.25, 8.25, 8.875]);
  const lines = makeLines(rng, [["Copy paper, 10 ream case", 30, 60], ["Toner cartridge", 60, 180], ["Safety gloves (box)", 8, 25], ["Floor cleaning service", 120, 600], ["Hex bolts 3/8\" (100)", 12, 40]], [taxRate], rng.int(1, 6));
  const shipping = rng.chance(0.5) ? rng.int(900, 6500) : 0;
  if (shipping > 0) lines.push({ desc: "Shipping & handling", qty: 1, unit: shipping, rate: 0, amount: shipping });
  const byRate = sums(lines, false);
  const t = totals(byRate);
  const goods = lines.filter((l) => l.desc !== "Shipping & handling");
  const st: NumStyle = "en";
  const itemFirst = rng.chance(0.5);
  let y = table(doc, 260, [
    { title: "QTY", x: itemFirst ? L + 260 : L + 20, align: "right", cell: (l) => qtyText(l.qty, st) },
    { title: "DESCRIPTION", x: itemFirst ? L : L + 40, align: "left", cell: (l) => l.desc },
    { title: "UNIT PRICE", x: R - 90, align: "right", cell: (l) => money(l.unit, st) },
    { title: "AMOUNT", x: R, align: "right", cell: (l) => money(l.amount, st) },
  ], goods, size, { left: L, right: R, boxed: true });
  const subtotal = goods.reduce((s, l) => s + l.amount, 0);
  const tot: Array<[string, string]> = [["SUBTOTAL", money(subtotal, st)], [`SALES TAX (${taxRate}%)`, money(t.tax, st)]];
  if (shipping > 0) tot.push(["SHIPPING", money(shipping, st)]);
  tot.push(["TOTAL", `$${money(t.total, st)}`]);
  const paid = rng.chance(0.3) ? Math.round(t.total / 2) : 0;
  if (paid > 0) tot.push(["PAYMENT RECEIVED", `-${money(paid, st)}`]);
  tot.push(["BALANCE DUE", `$${money(t.total - paid, st)}`]);
  for (const [k, v] of tot) {
    doc.t(R - 170, y, k, { size, font: k === "TOTAL" || k === "BALANCE DUE" ? "B" : "R" });
    doc.t(R, y, v, { size, align: "right" });
    y += size + 5;
  }
  doc.t(L, y + 25, `Make all checks payable to ${vendor}. Thank you for your business!`, { size });
  return {
    doc, vendor, receiver, number, date, due: plusDays(date, net), currency: "USD", lines, byRate, email, ...(po === undefined ? {} : { po }),
    printed: { vendorName: vendor, invoiceNumber: number, invoiceDate: day(date, "m/d/Y"), dueDate: printedDue ? day(plusDays(date, net), "m/d/Y") : `Net ${net}`, currency: "$", untaxed: shipping > 0 ? [money(subtotal, st), money(shipping, st)] : money(t.untaxed, st), totalTax: money(t.tax, st), total: money(t.total, st), vendorEmail: email, ...(po === undefined ? {} : { purchaseOrderRef: po }) },
  };
}

const IT_VENDORS = ["Rossi Impianti S.r.l.", "Tipografia Bianchi di Marco Bianchi", "Ferramenta Colombo S.n.c.", "Studio Grafico Esposito S.r.l.s.", "Lavanderia Ricci S.p.A."] as const;
const IT_CUSTOMERS = ["Trattoria da Gino S.r.l.", "Hotel Bellavista S.p.A.", "Farmacia Moretti", "Condominio Via Verdi 12"] as const;

function it(rng: Rng, i: number): Built {
  const doc = new Doc();
  const vendor = rng.pick(IT_VENDORS);
  const receiver = rng.pick(IT_CUSTOMERS);
  const L = rng.int(40, 60);
  const R = 595 - rng.int(40, 60);
  const size = rng.pick([8, 9]);
  const date = issueDate(rng);
  const number = rng.pick([`${i + 12}/${date.slice(0, 4)}`, `FT${rng.int(100, 999)}`, `${rng.int(1, 300)}/A`]);
  const vat = `IT${digits(rng, 11)}`;
  const iban = makeIban("IT", `${String.fromCharCode(65 + rng.int(0, 25))}${digits(rng, 10)}${digits(rng, 12)}`);
  doc.t(L, 55, vendor, { size: size + 6, font: "B" });
  doc.t(L, 70, `Via ${rng.pick(["Roma", "Garibaldi", "Mazzini"])} ${rng.int(1, 120)} - ${rng.pick(["20121 Milano (MI)", "40121 Bologna (BO)", "10121 Torino (TO)"])}`, { size });
  doc.t(L, 70 + size + 3, `P.IVA ${vat.slice(2)} - C.F. ${vat.slice(2)}`, { size });
  const boxX = rng.chance(0.5) ? 320 : L;
  const boxY = boxX === L ? 110 : 60;
  doc.t(boxX, boxY, "Spett.le", { size });
  doc.t(boxX, boxY + size + 3, receiver, { size, font: "B" });
  doc.t(boxX, boxY + 2 * (size + 3), `P.IVA ${digits(rng, 11)}`, { size });
  const ds = rng.pick(["d/m/Y", "d-m-Y"]);
  doc.t(L, 175, `FATTURA n. ${number} del ${day(date, ds)}`, { size: size + 3, font: "B" });
  const lines = makeLines(rng, [["Manutenzione impianto", 80, 600], ["Materiale elettrico", 10, 300], ["Stampa volantini A5", 50, 400], ["Noleggio attrezzatura", 30, 200], ["Lavaggio tovagliato", 20, 150]], rng.chance(0.3) ? [22, 10] : [22], rng.int(1, 5));
  const byRate = sums(lines, false);
  const t = totals(byRate);
  const st: NumStyle = "eu";
  let y = table(doc, 205, [
    { title: "Descrizione", x: L, align: "left", cell: (l) => l.desc },
    { title: "Q.tà", x: L + 240, align: "right", cell: (l) => qtyText(l.qty, st) },
    { title: "Prezzo", x: L + 310, align: "right", cell: (l) => money(l.unit, st) },
    { title: "Importo", x: L + 390, align: "right", cell: (l) => money(l.amount, st) },
    { title: "IVA", x: R, align: "right", cell: (l) => `${l.rate}%` },
  ], lines, size, { left: L, right: R });
  // Riepilogo IVA: aliquota, imponibile, imposta.
  doc.t(L, y, "Aliquota", { size, font: "B" });
  doc.t(L + 150, y, "Imponibile", { size, font: "B", align: "right" });
  doc.t(L + 240, y, "Imposta", { size, font: "B", align: "right" });
  y += size + 4;
  for (const r of byRate) {
    doc.t(L, y, `${r.rate}%`, { size });
    doc.t(L + 150, y, money(r.base, st), { size, align: "right" });
    doc.t(L + 240, y, money(r.tax, st), { size, align: "right" });
    y += size + 4;
  }
  y += 10;
  for (const [k, v] of [["Totale imponibile", money(t.untaxed, st)], ["Totale IVA", money(t.tax, st)], ["Totale documento EUR", money(t.total, st)]] as const) {
    doc.t(R - 200, y, k, { size, font: k.startsWith("Totale doc") ? "B" : "R" });
    doc.t(R, y, v, { size, align: "right", font: k.startsWith("Totale doc") ? "B" : "R" });
    y += size + 5;
  }
  const withDue = rng.chance(0.6);
  const due = withDue ? plusDays(date, rng.pick([30, 60])) : null;
  doc.t(L, y + 15, `Modalità di pagamento: bonifico bancario - IBAN ${groups(iban)}`, { size });
  if (due !== null) {
    doc.t(L, y + 35, "Scadenze", { size, font: "B" });
    doc.t(L, y + 35 + size + 4, `${day(due, ds)}    ${money(t.total, st)}`, { size });
  }
  doc.t(L, 805, `${vendor} - Capitale sociale ${money(1000000, st)} i.v. - REA MI-${digits(rng, 6)}`, { size: 7 });
  return {
    doc, vendor, receiver, number, date, due, currency: "EUR", lines, byRate, vat, iban,
    printed: { vendorName: vendor, invoiceNumber: number, invoiceDate: day(date, ds), ...(due === null ? {} : { dueDate: day(due, ds) }), currency: "EUR", untaxed: money(t.untaxed, st), totalTax: money(t.tax, st), total: money(t.total, st), vendorVat: vat.slice(2), vendorIban: groups(iban) },
  };
}

const ES_VENDORS = ["Suministros Levante, S.L.", "Talleres Martínez e Hijos, S.L.", "Reformas García Sánchez, S.L.U.", "Distribuciones Ibéricas del Norte, S.A.", "Limpiezas Costa Brava, S.L."] as const;
const ES_CUSTOMERS = ["Restaurante El Faro, S.L.", "Clínica Dental Sonrisa, S.L.P.", "Comunidad de Propietarios Calle Mayor 8"] as const;

function es(rng: Rng, i: number): Built {
  const doc = new Doc();
  const vendor = rng.pick(ES_VENDORS);
  const receiver = rng.pick(ES_CUSTOMERS);
  const L = rng.int(40, 60);
  const R = 595 - rng.int(40, 60);
  const size = rng.pick([8, 9, 10]);
  const date = issueDate(rng);
  const due = plusDays(date, rng.pick([15, 30, 60]));
  const number = rng.pick([`${date.slice(0, 4)}/${String(i + 40).padStart(4, "0")}`, `F-${rng.int(100, 999)}`, `A${rng.int(1000, 9999)}`]);
  const nif = `B${digits(rng, 8)}`;
  const iban = makeIban("ES", digits(rng, 20));
  const vendorRight = rng.chance(0.5);
  const vx = vendorRight ? R : L;
  const va = vendorRight ? "right" : "left";
  doc.t(vx, 55, vendor, { size: size + 5, font: "B", align: va });
  doc.t(vx, 70, `C/ ${rng.pick(["Mayor", "Colón", "del Mar"])}, ${rng.int(1, 90)} - ${rng.pick(["46001 Valencia", "08001 Barcelona", "28013 Madrid"])}`, { size, align: va });
  doc.t(vx, 70 + size + 3, `NIF: ${nif}`, { size, align: va });
  doc.t(vendorRight ? L : 330, 120, "Cliente:", { size, font: "B" });
  doc.t(vendorRight ? L : 330, 120 + size + 3, receiver, { size });
  doc.t(vendorRight ? L : 330, 120 + 2 * (size + 3), `NIF: B${digits(rng, 8)}`, { size });
  doc.t(L, 180, "FACTURA", { size: size + 8, font: "B" });
  const ds = "d/m/Y";
  const head: Array<[string, string]> = [["Nº Factura:", number], ["Fecha de factura:", day(date, ds)], ["Fecha de vencimiento:", day(due, ds)]];
  head.forEach(([k, v], j) => {
    doc.t(L, 200 + j * (size + 4), k, { size, font: "B" });
    doc.t(L + 120, 200 + j * (size + 4), v, { size });
  });
  const lines = makeLines(rng, [["Tubería PVC 110 mm", 5, 60], ["Mano de obra", 25, 45], ["Revisión anual", 60, 300], ["Productos de limpieza", 10, 80], ["Transporte", 20, 90]], rng.chance(0.35) ? [21, 10] : [21], rng.int(1, 5), true);
  const byRate = sums(lines, false);
  const t = totals(byRate);
  const st: NumStyle = "eu";
  let y = table(doc, 260, [
    { title: "Concepto", x: L, align: "left", cell: (l) => l.desc },
    { title: "Cantidad", x: L + 240, align: "right", cell: (l) => qtyText(l.qty, st) },
    { title: "Precio", x: L + 310, align: "right", cell: (l) => money(l.unit, st) },
    { title: "% IVA", x: L + 360, align: "right", cell: (l) => String(l.rate) },
    { title: "Importe", x: R, align: "right", cell: (l) => money(l.amount, st) },
  ], lines, size, { left: L, right: R });
  // Summary as a row: Base imponible | % IVA | Cuota IVA | Total factura (one row per rate, the total below).
  const cols = [L, L + 130, L + 220, R];
  ["Base imponible", "% IVA", "Cuota IVA", "Total"].forEach((h, j) => doc.t(cols[j]!, y, h, { size, font: "B", align: j === 0 ? "left" : "right" }));
  y += size + 4;
  for (const r of byRate) {
    [money(r.base, st), String(r.rate), money(r.tax, st), money(r.base + r.tax, st)].forEach((v, j) => doc.t(cols[j]!, y, v, { size, align: j === 0 ? "left" : "right" }));
    y += size + 4;
  }
  y += 8;
  if (byRate.length > 1) {
    doc.t(R - 180, y, "Base imponible total", { size });
    doc.t(R, y, money(t.untaxed, st), { size, align: "right" });
    y += size + 4;
    doc.t(R - 180, y, "Cuota IVA total", { size });
    doc.t(R, y, money(t.tax, st), { size, align: "right" });
    y += size + 4;
  }
  doc.t(R - 180, y, "TOTAL FACTURA", { size: size + 1, font: "B" });
  doc.t(R, y, `${money(t.total, st)} €`, { size: size + 1, font: "B", align: "right" });
  doc.t(L, y + 30, `Forma de pago: transferencia a ${groups(iban)}`, { size });
  doc.t(L, 805, `${vendor} - Inscrita en el Registro Mercantil, Tomo ${rng.int(1000, 9999)}, Folio ${rng.int(1, 200)}, CIF ${nif}`, { size: 6 });
  return {
    doc, vendor, receiver, number, date, due, currency: "EUR", lines, byRate, vat: `ES${nif}`, iban,
    printed: { vendorName: vendor, invoiceNumber: number, invoiceDate: day(date, ds), dueDate: day(due, ds), currency: "€", untaxed: money(t.untaxed, st), totalTax: money(t.tax, st), total: money(t.total, st), vendorVat: nif, vendorIban: groups(iban) },
  };
}

const PL_VENDORS = ["Usługi Transportowe Nowak Sp. z o.o.", "Piekarnia Wiśniewski Sp.j.", "Zakład Stolarski Kowalczyk", "Biuro Rachunkowe Lewandowska Sp. z o.o.", "Hurtownia Elektryczna Zieliński S.A."] as const;
const PL_CUSTOMERS = ["Restauracja Pod Lipami Sp. z o.o.", "Apteka Słoneczna s.c.", "Szkoła Językowa Alfa Sp. z o.o."] as const;

function pl(rng: Rng, i: number): Built {
  const doc = new Doc();
  const vendor = rng.pick(PL_VENDORS);
  const receiver = rng.pick(PL_CUSTOMERS);
  const L = rng.int(36, 50);
  const R = 595 - rng.int(36, 50);
  const size = rng.pick([8, 9]);
  const date = issueDate(rng);
  const due = plusDays(date, rng.pick([7, 14, 21, 30]));
  const sale = plusDays(date, -rng.int(0, 5));
  const number = rng.pick([`FV/${i + 1}/${date.slice(5, 7)}/${date.slice(0, 4)}`, `${rng.int(1, 400)}/${date.slice(0, 4)}`, `FA ${rng.int(10, 99)}/${date.slice(2, 4)}`]);
  const nip = digits(rng, 10);
  const nipPrinted = `${nip.slice(0, 3)}-${nip.slice(3, 6)}-${nip.slice(6, 8)}-${nip.slice(8)}`;
  const iban = makeIban("PL", digits(rng, 24));
  doc.t(R, 50, `${rng.pick(["Kraków", "Poznań", "Wrocław"])}, ${date}`, { size, align: "right" });
  doc.t(297, 85, `Faktura VAT nr ${number}`, { size: size + 6, font: "B", align: "center" });
  doc.t(L, 110, `Data wystawienia: ${date}`, { size });
  doc.t(L, 110 + size + 3, `Data sprzedaży: ${sale}`, { size });
  const cols = rng.chance(0.5) ? [L, 310] : [310, L];
  const party = (x: number, title: string, name: string, n: string) => {
    doc.t(x, 150, title, { size, font: "B" });
    doc.t(x, 150 + size + 3, name, { size });
    doc.t(x, 150 + 2 * (size + 3), `ul. ${rng.pick(["Długa", "Polna", "Lipowa"])} ${rng.int(1, 80)}, ${rng.pick(["30-001 Kraków", "60-101 Poznań"])}`, { size });
    doc.t(x, 150 + 3 * (size + 3), `NIP: ${n}`, { size });
  };
  party(cols[0]!, "Sprzedawca:", vendor, nipPrinted);
  party(cols[1]!, "Nabywca:", receiver, digits(rng, 10));
  const rates = rng.chance(0.4) ? [23, 8] : [23];
  const lines = makeLines(rng, [["Transport towarów", 200, 2000], ["Chleb pszenny 500 g", 3, 8], ["Usługa księgowa", 500, 1500], ["Przewód YDY 3x2,5", 2, 9], ["Montaż mebli", 150, 900]], rates, rng.int(1, 5));
  const byRate = sums(lines, false);
  const t = totals(byRate);
  const st: NumStyle = "space";
  const x = (k: number) => L + k;
  let y = table(doc, 230, [
    { title: "Lp.", x: L, align: "left", cell: (l) => String(lines.indexOf(l) + 1) },
    { title: "Nazwa towaru / usługi", x: x(18), align: "left", cell: (l) => l.desc },
    { title: "Ilość", x: x(200), align: "right", cell: (l) => qtyText(l.qty, st) },
    { title: "Cena netto", x: x(260), align: "right", cell: (l) => money(l.unit, st) },
    { title: "Wartość netto", x: x(325), align: "right", cell: (l) => money(l.amount, st) },
    { title: "VAT", x: x(355), align: "right", cell: (l) => `${l.rate}%` },
    { title: "Kwota VAT", x: x(410), align: "right", cell: (l) => money(Math.round((l.amount * l.rate) / 100), st) },
    { title: "Brutto", x: R, align: "right", cell: (l) => money(l.amount + Math.round((l.amount * l.rate) / 100), st) },
  ], lines, size - 1, { left: L, right: R });
  // Per-rate summary and the "Razem" row: netto, VAT, brutto.
  const sx = [x(260), x(325), x(355), x(410), R];
  doc.t(x(200), y, "w tym:", { size });
  for (const r of byRate) {
    [money(r.base, st), `${r.rate}%`, money(r.tax, st), money(r.base + r.tax, st)].forEach((v, j) => doc.t(sx[j + 1]!, y, v, { size, align: "right" }));
    y += size + 4;
  }
  doc.t(x(200), y, "Razem:", { size, font: "B" });
  [money(t.untaxed, st), "", money(t.tax, st), money(t.total, st)].forEach((v, j) => v !== "" && doc.t(sx[j + 1]!, y, v, { size, font: "B", align: "right" }));
  y += 30;
  doc.t(L, y, `Do zapłaty: ${money(t.total, st)} PLN`, { size: size + 3, font: "B" });
  doc.t(L, y + size + 8, `Sposób płatności: przelew     Termin płatności: ${due}`, { size });
  doc.t(L, y + 2 * size + 14, `Numer konta: ${iban.slice(2, 4)} ${groups(iban.slice(4))}`, { size });
  doc.t(L, 790, "Osoba upoważniona do wystawienia", { size: 7 });
  doc.t(380, 790, "Osoba upoważniona do odbioru", { size: 7 });
  return {
    doc, vendor, receiver, number, date, due, currency: "PLN", lines, byRate, vat: `PL${nip}`, iban,
    printed: { vendorName: vendor, invoiceNumber: number, invoiceDate: date, dueDate: due, currency: "PLN", untaxed: money(t.untaxed, st), totalTax: money(t.tax, st), total: money(t.total, st), vendorVat: nipPrinted, vendorIban: groups(iban.slice(4)) },
  };
}

const NL_VENDORS: ReadonlyArray<readonly [string, string]> = [["JANSEN INSTALLATIE", "Installatiebedrijf Jansen V.O.F."], ["De Vries", "Bakkerij de Vries B.V."], ["GROENWERK", "Hoveniersbedrijf Groenwerk B.V."], ["Bakker & Zn", "Schildersbedrijf Bakker en Zonen B.V."]];
const NL_CUSTOMERS = ["Eetcafé De Hoek", "Tandartspraktijk Visser", "VvE Parkzicht", "Mulder Vastgoed B.V."] as const;

function nl(rng: Rng, i: number): Built {
  const doc = new Doc();
  const [logo, vendor] = rng.pick(NL_VENDORS);
  const receiver = rng.pick(NL_CUSTOMERS);
  const L = rng.int(45, 65);
  const R = 595 - rng.int(40, 60);
  const size = rng.pick([8, 9, 10]);
  const date = issueDate(rng);
  const days = rng.pick([14, 30]);
  const due = plusDays(date, days);
  const printedDue = rng.chance(0.7);
  const number = rng.pick([`${date.slice(0, 4)}${String(i + 7).padStart(4, "0")}`, `F${rng.int(10000, 99999)}`]);
  const vat = `NL${digits(rng, 9)}B0${rng.int(1, 9)}`;
  const iban = makeIban("NL", `${rng.pick(["INGB", "RABO", "ABNA"])}0${digits(rng, 9)}`);
  doc.t(R, 60, logo, { size: size + 12, font: "B", align: "right" });
  doc.t(R, 78, `${rng.pick(["Kerkstraat", "Dorpsweg", "Industrieweg"])} ${rng.int(1, 200)}, ${rng.pick(["3511 AB Utrecht", "9711 LM Groningen", "5611 EB Eindhoven"])}`, { size, align: "right" });
  doc.t(L, 130, receiver, { size });
  doc.t(L, 130 + size + 3, `t.a.v. de administratie`, { size });
  doc.t(L, 130 + 2 * (size + 3), `${rng.pick(["Stationsplein", "Markt"])} ${rng.int(1, 30)}, ${rng.pick(["1012 AB Amsterdam", "2511 CV Den Haag"])}`, { size });
  doc.t(L, 200, "FACTUUR", { size: size + 6, font: "B" });
  const ds = rng.pick(["d-m-Y", "d/m/Y"]);
  const head: Array<[string, string]> = [["Factuurnummer", number], ["Factuurdatum", day(date, ds)]];
  if (printedDue) head.push(["Vervaldatum", day(due, ds)]);
  head.push(["Klantnummer", String(rng.int(1000, 9999))]);
  head.forEach(([k, v], j) => {
    doc.t(L, 220 + j * (size + 4), k, { size });
    doc.t(L + 100, 220 + j * (size + 4), v, { size });
  });
  const lines = makeLines(rng, [["Onderhoud cv-ketel", 80, 250], ["Brood en banket", 2, 30], ["Snoeiwerk tuin", 35, 60], ["Schilderwerk kozijnen", 45, 65], ["Voorrijkosten", 25, 45]], rng.chance(0.4) ? [21, 9] : [21], rng.int(1, 5), true);
  const byRate = sums(lines, false);
  const t = totals(byRate);
  const st: NumStyle = "eu";
  let y = table(doc, 300, [
    { title: "Omschrijving", x: L, align: "left", cell: (l) => l.desc },
    { title: "Aantal", x: L + 230, align: "right", cell: (l) => qtyText(l.qty, st) },
    { title: "Prijs", x: L + 300, align: "right", cell: (l) => `€ ${money(l.unit, st)}` },
    { title: "BTW", x: L + 350, align: "right", cell: (l) => `${l.rate}%` },
    { title: "Bedrag", x: R, align: "right", cell: (l) => `€ ${money(l.amount, st)}` },
  ], lines, size, { left: L, right: R });
  const tot: Array<[string, string]> = [["Subtotaal", money(t.untaxed, st)]];
  for (const r of byRate) tot.push([`BTW ${r.rate}%`, money(r.tax, st)]);
  tot.push(["Totaal", money(t.total, st)]);
  for (const [k, v] of tot) {
    doc.t(R - 160, y, k, { size, font: k === "Totaal" ? "B" : "R" });
    doc.t(R, y, `€ ${v}`, { size, align: "right", font: k === "Totaal" ? "B" : "R" });
    y += size + 5;
  }
  doc.t(L, y + 25, `Wij verzoeken u vriendelijk het bedrag binnen ${days} dagen over te maken op ${groups(iban)} o.v.v. het factuurnummer.`, { size: size - 1 });
  const email = `info@${logo.toLowerCase().replace(/[^a-z]+/g, "")}.nl`;
  doc.t(297, 800, `${vendor}  ·  KvK ${digits(rng, 8)}  ·  BTW ${vat}  ·  IBAN ${groups(iban)}  ·  ${email}`, { size: 6.5, align: "center" });
  return {
    doc, vendor, receiver, number, date, due, currency: "EUR", lines, byRate, vat, iban, email,
    printed: { vendorName: vendor, invoiceNumber: number, invoiceDate: day(date, ds), dueDate: printedDue ? day(due, ds) : `${days} dagen`, currency: "€", untaxed: money(t.untaxed, st), totalTax: taxParts(byRate, st), total: money(t.total, st), vendorVat: vat, vendorIban: groups(iban), vendorEmail: email },
  };
}

const SE_VENDORS = ["Nordic Trä AB", "Sjöberg Bygg & Måleri AB", "Lindqvists Elektriska HB", "Fjällbacka Fisk Aktiebolag", "Ekström Konsult AB"] as const;
const SE_CUSTOMERS = ["Restaurang Skärgården AB", "Bostadsrättsföreningen Lönnen", "Tandläkare Berg AB"] as const;

function se(rng: Rng, i: number): Built {
  const doc = new Doc();
  const vendor = rng.pick(SE_VENDORS);
  const receiver = rng.pick(SE_CUSTOMERS);
  const L = rng.int(40, 60);
  const R = 595 - rng.int(40, 60);
  const size = rng.pick([8, 9, 10]);
  const date = issueDate(rng);
  const days = rng.pick([10, 20, 30]);
  const due = plusDays(date, days);
  const number = String(rng.int(10000, 99999) + i);
  const ocr = `${digits(rng, 10)}${rng.int(0, 9)}`;
  const org = digits(rng, 10);
  const vat = `SE${org}01`;
  doc.t(L, 60, vendor, { size: size + 8, font: "B" });
  doc.t(R, 60, "FAKTURA", { size: size + 8, font: "B", align: "right" });
  const head: Array<[string, string]> = [["Fakturanummer", number], ["Fakturadatum", date], ["Förfallodatum", due], ["OCR-nummer", ocr], ["Er referens", rng.pick(["Anna Berg", "Erik Holm"])]];
  if (rng.chance(0.5)) head.reverse();
  head.forEach(([k, v], j) => {
    doc.t(R - 170, 90 + j * (size + 4), k, { size });
    doc.t(R, 90 + j * (size + 4), v, { size, align: "right" });
  });
  doc.t(L, 100, receiver, { size });
  doc.t(L, 100 + size + 3, `${rng.pick(["Storgatan", "Kungsgatan"])} ${rng.int(1, 60)}`, { size });
  doc.t(L, 100 + 2 * (size + 3), rng.pick(["411 38 Göteborg", "111 22 Stockholm"]), { size });
  const lines = makeLines(rng, [["Virke furu 45x95", 20, 60], ["Arbetstid", 450, 750], ["Målning fasad", 3000, 15000], ["Fisk och skaldjur", 80, 400], ["Konsulttimmar", 900, 1400]], rng.chance(0.3) ? [25, 12] : [25], rng.int(1, 5), true);
  const byRate = sums(lines, false);
  const t = totals(byRate);
  const st: NumStyle = "space";
  let y = table(doc, 200, [
    { title: "Benämning", x: L, align: "left", cell: (l) => l.desc },
    { title: "Antal", x: L + 240, align: "right", cell: (l) => qtyText(l.qty, st) },
    { title: "À-pris", x: L + 310, align: "right", cell: (l) => money(l.unit, st) },
    { title: "Moms %", x: L + 360, align: "right", cell: (l) => String(l.rate) },
    { title: "Belopp", x: R, align: "right", cell: (l) => money(l.amount, st) },
  ], lines, size, { left: L, right: R });
  const tot: Array<[string, string]> = [["Belopp exkl. moms", money(t.untaxed, st)]];
  for (const r of byRate) tot.push([`Moms ${r.rate} %`, money(r.tax, st)]);
  tot.push(["Att betala SEK", money(t.total, st)]);
  for (const [k, v] of tot) {
    doc.t(R - 180, y, k, { size, font: k.startsWith("Att") ? "B" : "R" });
    doc.t(R, y, v, { size, align: "right", font: k.startsWith("Att") ? "B" : "R" });
    y += size + 5;
  }
  doc.t(L, y + 20, `Betalningsvillkor ${days} dagar netto. Dröjsmålsränta enligt räntelagen.`, { size });
  const bg = `${digits(rng, 3)}-${digits(rng, 4)}`;
  // The bottom band: address, contact, bank, VAT.
  const email = `faktura@${vendor.split(" ")[0]!.toLowerCase().replace(/[åä]/g, "a").replace(/ö/g, "o")}.se`;
  const band: Array<[string, string]> = [["Adress", "Box 123, 541 30 Skövde"], ["E-post", email], ["Bankgiro", bg], ["Org.nr", `${org.slice(0, 6)}-${org.slice(6)}`], ["Momsreg.nr", vat]];
  band.forEach(([k, v], j) => {
    doc.t(L + j * 100, 790, k, { size: 6.5, font: "B" });
    doc.t(L + j * 100, 799, v, { size: 6.5 });
  });
  doc.p.rule(L, 780, R, 780);
  return {
    doc, vendor, receiver, number, date, due, currency: "SEK", lines, byRate, vat, email,
    printed: { vendorName: vendor, invoiceNumber: number, invoiceDate: date, dueDate: due, currency: "SEK", untaxed: money(t.untaxed, st), totalTax: taxParts(byRate, st), total: money(t.total, st), vendorVat: vat, vendorEmail: email },
  };
}

const BE_VENDORS = ["Schrijnwerkerij Peeters BV", "Menuiserie Dubois SRL", "Elektro Claes BV", "Boulangerie Lambert SComm", "Dakwerken Maes NV"] as const;
const BE_CUSTOMERS = ["Brasserie Le Coin", "Huisartsenpraktijk Wouters", "Résidence Les Tilleuls ACP"] as const;

function be(rng: Rng, i: number): Built {
  const doc = new Doc();
  const vendor = rng.pick(BE_VENDORS);
  const french = /SRL|SComm/.test(vendor);
  const receiver = rng.pick(BE_CUSTOMERS);
  const L = rng.int(40, 60);
  const R = 595 - rng.int(40, 60);
  const size = rng.pick([8, 9, 10]);
  const date = issueDate(rng);
  const due = plusDays(date, rng.pick([15, 30]));
  const number = rng.pick([`${date.slice(0, 4)}-${String(i + 3).padStart(3, "0")}`, `${rng.int(100, 999)}`]);
  const ent = `0${digits(rng, 9)}`;
  const vatPrinted = `BE ${ent.slice(0, 4)}.${ent.slice(4, 7)}.${ent.slice(7)}`;
  const iban = makeIban("BE", digits(rng, 12));
  const comm = structured(digits(rng, 10));
  doc.t(L, 55, vendor, { size: size + 7, font: "T" });
  doc.t(L, 72, `${rng.pick(["Stationsstraat", "Rue de la Gare", "Kerkplein"])} ${rng.int(1, 99)}, ${rng.pick(["2000 Antwerpen", "1000 Bruxelles", "9000 Gent", "4000 Liège"])}`, { size, font: "T" });
  doc.t(L, 72 + size + 3, `${french ? "TVA" : "BTW"} ${vatPrinted}  -  ${french ? "RPM" : "RPR"} ${rng.pick(["Antwerpen", "Bruxelles", "Gent"])}`, { size, font: "T" });
  doc.t(340, 120, receiver, { size });
  doc.t(340, 120 + size + 3, `${rng.pick(["Grote Markt", "Avenue Louise"])} ${rng.int(1, 200)}`, { size });
  const ds = rng.pick(["d/m/Y", "d.m.Y"]);
  const [lNr, lDate, lDue, lTitle] = french ? ["Facture n°", "Date", "Échéance", "FACTURE"] : ["Factuur nr.", "Datum", "Vervaldag", "FACTUUR"];
  doc.t(L, 190, lTitle, { size: size + 5, font: "B" });
  // The header as a bordered row: number | date | due date.
  const hx = [L, L + 150, L + 300];
  [[lNr, number], [lDate, day(date, ds)], [lDue, day(due, ds)]].forEach(([k, v], j) => {
    doc.p.box(hx[j]!, 200, 145, 2 * size + 12);
    doc.t(hx[j]! + 5, 210, k!, { size: size - 1, font: "B" });
    doc.t(hx[j]! + 5, 210 + size + 3, v!, { size });
  });
  const rates = rng.chance(0.4) ? [21, 6] : [21];
  const lines = makeLines(rng, [[french ? "Pose de châssis" : "Plaatsing ramen", 200, 1500], [french ? "Main d'oeuvre" : "Werkuren", 40, 65], [french ? "Pains et viennoiseries" : "Materiaal", 5, 300], [french ? "Déplacement" : "Verplaatsing", 20, 45]], rates, rng.int(1, 5), true);
  const byRate = sums(lines, false);
  const t = totals(byRate);
  const st: NumStyle = rng.chance(0.5) ? "eu" : "space";
  let y = table(doc, 270, [
    { title: french ? "Description" : "Omschrijving", x: L, align: "left", cell: (l) => l.desc },
    { title: french ? "Qté" : "Aantal", x: L + 240, align: "right", cell: (l) => qtyText(l.qty, st) },
    { title: french ? "Prix unit." : "Eenheidsprijs", x: L + 320, align: "right", cell: (l) => money(l.unit, st) },
    { title: french ? "TVA" : "BTW", x: L + 370, align: "right", cell: (l) => `${l.rate}%` },
    { title: french ? "Total HTVA" : "Totaal excl.", x: R, align: "right", cell: (l) => money(l.amount, st) },
  ], lines, size, { left: L, right: R });
  const tot: Array<[string, string]> = [];
  for (const r of byRate) tot.push([`${french ? "Base" : "Maatstaf van heffing"} ${r.rate}%`, money(r.base, st)], [`${french ? "TVA" : "BTW"} ${r.rate}%`, money(r.tax, st)]);
  if (byRate.length > 1) tot.push([french ? "Total HTVA" : "Totaal excl. BTW", money(t.untaxed, st)]);
  tot.push([french ? "Total à payer" : "Totaal te betalen", `EUR ${money(t.total, st)}`]);
  for (const [k, v] of tot) {
    doc.t(R - 200, y, k, { size, font: k.startsWith("Tota") ? "B" : "R" });
    doc.t(R, y, v, { size, align: "right" });
    y += size + 5;
  }
  if (rates.includes(6)) doc.t(L, y + 10, french ? "Taux réduit de 6 % : habitation de plus de 10 ans (attestation du client)." : "Verlaagd tarief 6 %: woning ouder dan 10 jaar (attest van de klant).", { size: size - 1 });
  doc.t(L, y + 30, french ? `Veuillez verser le montant sur ${groups(iban)} avec la communication structurée ${comm}` : `Gelieve het bedrag over te schrijven op ${groups(iban)} met gestructureerde mededeling ${comm}`, { size: size - 1 });
  return {
    doc, vendor, receiver, number, date, due, currency: "EUR", lines, byRate, vat: compact(vatPrinted), iban,
    printed: { vendorName: vendor, invoiceNumber: number, invoiceDate: day(date, ds), dueDate: day(due, ds), currency: "EUR", untaxed: byRate.length > 1 ? money(t.untaxed, st) : money(byRate[0]!.base, st), totalTax: taxParts(byRate, st), total: money(t.total, st), vendorVat: vatPrinted, vendorIban: groups(iban) },
  };
}

const DE_VENDORS = ["Elektro Schulz GmbH", "Malermeister Klaus Berger e.K.", "Sanitär Hoffmann GmbH & Co. KG", "Dachdeckerei Wagner UG (haftungsbeschränkt)", "Fliesen Becker OHG"] as const;
const DE_CUSTOMERS = ["Gasthaus Zur Linde GmbH", "Hausverwaltung Krüger", "Bauunternehmen Schmitt GmbH"] as const;

function de(rng: Rng, i: number): Built {
  const doc = new Doc();
  const vendor = rng.pick(DE_VENDORS);
  const receiver = rng.pick(DE_CUSTOMERS);
  const reverse = receiver.startsWith("Bauunternehmen") && rng.chance(0.8);
  const L = rng.int(55, 70);
  const R = 595 - rng.int(40, 55);
  const size = rng.pick([9, 10]);
  const date = issueDate(rng);
  const days = rng.pick([7, 14, 30]);
  const from = plusDays(date, -rng.int(10, 25));
  const to = plusDays(from, rng.int(1, 8));
  const number = rng.pick([`RE-${date.slice(0, 4)}-${String(i + 55).padStart(4, "0")}`, `${rng.int(20000, 29999)}`]);
  const vat = `DE${digits(rng, 9)}`;
  const iban = makeIban("DE", digits(rng, 18));
  const street = `${rng.pick(["Hauptstraße", "Gartenweg", "Am Markt"])} ${rng.int(1, 80)}`;
  const town = rng.pick(["34117 Kassel", "97070 Würzburg", "04109 Leipzig"]);
  doc.t(R, 50, vendor, { size: size + 5, font: "B", align: "right" });
  doc.t(R, 64, `${street} · ${town}`, { size: size - 1, align: "right" });
  // DIN 5008: a sender line above the address window.
  doc.t(L, 127, `${vendor} · ${street} · ${town}`, { size: 6 });
  doc.p.rule(L, 130, L + 240, 130);
  doc.t(L, 145, receiver, { size });
  doc.t(L, 145 + size + 3, `${rng.pick(["Lindenallee", "Bahnhofstraße"])} ${rng.int(1, 40)}`, { size });
  doc.t(L, 145 + 2 * (size + 3), rng.pick(["60311 Frankfurt am Main", "80331 München"]), { size });
  const info: Array<[string, string]> = [["Rechnungsnummer", number], ["Rechnungsdatum", day(date, "d.m.Y")], ["Kundennummer", String(rng.int(10000, 19999))]];
  info.forEach(([k, v], j) => {
    doc.t(360, 145 + j * (size + 4), k, { size: size - 1 });
    doc.t(R, 145 + j * (size + 4), v, { size: size - 1, align: "right" });
  });
  doc.t(L, 250, `Rechnung ${number}`, { size: size + 3, font: "B" });
  doc.t(L, 268, `Leistungszeitraum: ${day(from, "d.m.Y")} bis ${day(to, "d.m.Y")}`, { size });
  doc.t(L, 268 + size + 4, `Bauvorhaben: ${rng.pick(["Umbau Küche", "Sanierung Bad", "Neubau Halle 3"])}`, { size });
  const lines = makeLines(rng, [["Elektroinstallation lt. Angebot", 200, 3000], ["Arbeitsstunden Geselle", 48, 68], ["Anfahrtspauschale", 25, 60], ["Wandfliesen 30x60 m²", 30, 90], ["Kleinmaterial", 10, 150]], [reverse ? 0 : 19], rng.int(1, 5), true);
  const byRate = sums(lines, false);
  const t = totals(byRate);
  const st: NumStyle = "eu";
  let y = table(doc, 310, [
    { title: "Pos.", x: L, align: "left", cell: (l) => String(lines.indexOf(l) + 1) },
    { title: "Bezeichnung", x: L + 28, align: "left", cell: (l) => l.desc },
    { title: "Menge", x: L + 260, align: "right", cell: (l) => qtyText(l.qty, st) },
    { title: "Einzelpreis", x: L + 340, align: "right", cell: (l) => `${money(l.unit, st)} €` },
    { title: "Gesamt", x: R, align: "right", cell: (l) => `${money(l.amount, st)} €` },
  ], lines, size, { left: L, right: R });
  const tot: Array<[string, string]> = [["Nettobetrag", `${money(t.untaxed, st)} €`]];
  if (!reverse) tot.push(["zzgl. 19 % USt.", `${money(t.tax, st)} €`], ["Rechnungsbetrag", `${money(t.total, st)} €`]);
  else tot.push(["Rechnungsbetrag", `${money(t.total, st)} €`]);
  for (const [k, v] of tot) {
    doc.t(R - 180, y, k, { size, font: k === "Rechnungsbetrag" ? "B" : "R" });
    doc.t(R, y, v, { size, align: "right", font: k === "Rechnungsbetrag" ? "B" : "R" });
    y += size + 5;
  }
  if (reverse) {
    doc.t(L, y + 10, "Steuerschuldnerschaft des Leistungsempfängers gemäß § 13b Abs. 2 Nr. 4 UStG.", { size });
    doc.t(L, y + 10 + size + 3, "Die Umsatzsteuer ist vom Leistungsempfänger anzumelden und abzuführen.", { size });
    y += 2 * size + 10;
  }
  const terms = `innerhalb von ${days} Tagen`;
  doc.t(L, y + 25, `Zahlbar ${terms} ohne Abzug. Vielen Dank für Ihren Auftrag!`, { size });
  const register = vendor.includes("e.K.") ? `Amtsgericht Kassel HRA ${rng.int(1000, 9999)}` : vendor.includes("OHG") ? `Amtsgericht Leipzig HRA ${rng.int(1000, 9999)}` : `Amtsgericht Würzburg HRB ${rng.int(1000, 19999)}`;
  const foot = [[vendor, street, town], [`USt-IdNr. ${vat}`, register, `Geschäftsführer ${rng.pick(["Jens Schulz", "Petra Hoffmann"])}`], [rng.pick(["Sparkasse Kassel", "Volksbank Würzburg"]), `IBAN ${groups(iban)}`, `BIC ${rng.pick(["HELADEF1KAS", "GENODEF1WU1"])}`]];
  foot.forEach((col, j) => col.forEach((v, k) => doc.t(L + j * 170, 790 + k * 8, v, { size: 6.5 })));
  return {
    doc, vendor, receiver, number, date, due: plusDays(date, days), currency: "EUR", lines, byRate, vat, iban,
    printed: { vendorName: vendor, invoiceNumber: number, invoiceDate: day(date, "d.m.Y"), dueDate: terms, currency: "€", untaxed: money(t.untaxed, st), totalTax: reverse ? "§ 13b" : money(t.tax, st), total: money(t.total, st), vendorVat: vat, vendorIban: groups(iban) },
  };
}

const FR_VENDORS = ["Boulangerie Martin SARL", "Atelier Leroy SAS", "Plomberie Girard et Fils SARL", "Imprimerie Moreau SA", "Garage Fournier EURL"] as const;
const FR_CUSTOMERS = ["Restaurant Le Petit Zinc SARL", "Cabinet Médical des Lilas", "SCI Les Acacias"] as const;

function fr(rng: Rng, i: number): Built {
  const doc = new Doc();
  const vendor = rng.pick(FR_VENDORS);
  const receiver = rng.pick(FR_CUSTOMERS);
  const L = rng.int(40, 60);
  const R = 595 - rng.int(40, 60);
  const size = rng.pick([8, 9, 10]);
  const date = issueDate(rng);
  const days = rng.pick([30, 45]);
  const printedDue = rng.chance(0.5);
  const due = plusDays(date, days);
  const number = rng.pick([`F${date.slice(0, 4)}-${String(i + 142).padStart(4, "0")}`, `FA${rng.int(1000, 9999)}`]);
  const siren = digits(rng, 9);
  const key = String(rng.int(10, 99));
  const vat = `FR${key}${siren}`;
  const vatPrinted = `FR ${key} ${siren.slice(0, 3)} ${siren.slice(3, 6)} ${siren.slice(6)}`;
  const iban = makeIban("FR", `${digits(rng, 10)}${String.fromCharCode(65 + rng.int(0, 25))}${digits(rng, 12)}`);
  const ds = rng.pick(["d/m/Y", "fr"]);
  doc.t(L, 55, vendor, { size: size + 6, font: "B" });
  doc.t(L, 70, `${rng.int(1, 120)} ${rng.pick(["rue de la République", "avenue Jean Jaurès", "boulevard Victor Hugo"])}`, { size });
  doc.t(L, 70 + size + 3, rng.pick(["69002 Lyon", "33000 Bordeaux", "44000 Nantes"]), { size });
  doc.t(330, 120, receiver, { size, font: "B" });
  doc.t(330, 120 + size + 3, `${rng.int(1, 50)} place du Marché`, { size });
  doc.t(330, 120 + 2 * (size + 3), rng.pick(["75011 Paris", "13001 Marseille"]), { size });
  doc.t(L, 190, `FACTURE N° ${number}`, { size: size + 4, font: "B" });
  doc.t(L, 190 + size + 8, `Date de facturation : ${day(date, ds)}`, { size });
  if (printedDue) doc.t(L, 190 + 2 * size + 12, `Date d'échéance : ${day(due, ds)}`, { size });
  const rates = rng.chance(0.4) ? [20, 5.5] : rng.chance(0.2) ? [10] : [20];
  const lines = makeLines(rng, [["Baguettes tradition (lot de 50)", 40, 60], ["Réparation fuite", 80, 350], ["Impression flyers A5", 60, 400], ["Vidange et révision", 120, 380], ["Déplacement", 25, 50]], rates, rng.int(1, 5));
  const byRate = sums(lines, false);
  const t = totals(byRate);
  const st: NumStyle = "space";
  let y = table(doc, 260, [
    { title: "Désignation", x: L, align: "left", cell: (l) => l.desc },
    { title: "Qté", x: L + 240, align: "right", cell: (l) => qtyText(l.qty, st) },
    { title: "P.U. HT", x: L + 310, align: "right", cell: (l) => money(l.unit, st) },
    { title: "TVA", x: L + 360, align: "right", cell: (l) => `${rateText(l.rate, true)} %` },
    { title: "Montant HT", x: R, align: "right", cell: (l) => money(l.amount, st) },
  ], lines, size, { left: L, right: R, boxed: rng.chance(0.5) });
  const tot: Array<[string, string]> = [["Total HT", money(t.untaxed, st)]];
  for (const r of byRate) tot.push([`TVA ${rateText(r.rate, true)} %`, money(r.tax, st)]);
  tot.push(["Total TTC", money(t.total, st)], ["Net à payer", `${money(t.total, st)} €`]);
  for (const [k, v] of tot) {
    doc.t(R - 170, y, k, { size, font: k === "Net à payer" ? "B" : "R" });
    doc.t(R, y, v, { size, align: "right" });
    y += size + 5;
  }
  const terms = `${days} jours`;
  doc.t(L, y + 20, `Conditions de règlement : ${terms} à réception de facture, par virement`, { size });
  doc.t(L, y + 20 + size + 4, `IBAN : ${groups(iban)}   BIC : ${rng.pick(["CRLYFRPP", "AGRIFRPP839", "BNPAFRPPXXX"])}`, { size });
  doc.t(L, y + 20 + 2 * (size + 4), "Pénalités de retard : trois fois le taux d'intérêt légal. Indemnité forfaitaire pour frais de recouvrement : 40 €.", { size: size - 2 });
  doc.t(297, 800, `${vendor} au capital de ${money(rng.pick([500000, 1000000, 3700000]), "space")} € - SIRET ${siren} ${digits(rng, 5)} - RCS ${rng.pick(["Lyon", "Bordeaux", "Nantes"])} ${siren} - TVA intracom : ${vatPrinted}`, { size: 6, align: "center" });
  return {
    doc, vendor, receiver, number, date, due, currency: "EUR", lines, byRate, vat, iban,
    printed: { vendorName: vendor, invoiceNumber: number, invoiceDate: day(date, ds), dueDate: printedDue ? day(due, ds) : terms, currency: "€", untaxed: money(t.untaxed, st), totalTax: taxParts(byRate, st), total: money(t.total, st), vendorVat: vatPrinted, vendorIban: groups(iban) },
  };
}

const UT_VENDORS = ["Northvale Energy Supply Ltd", "Brightwater Utilities plc", "Greenmeadow Power Limited"] as const;
const UT_CUSTOMERS = ["The Old Forge Tearooms", "Hilltop Veterinary Surgery Ltd", "Kingsway Launderette"] as const;

function ut(rng: Rng, _i: number): Built {
  const doc = new Doc();
  const vendor = rng.pick(UT_VENDORS);
  const receiver = rng.pick(UT_CUSTOMERS);
  const L = rng.int(40, 55);
  const R = 595 - rng.int(40, 55);
  const size = rng.pick([8, 9]);
  const date = issueDate(rng);
  const start = plusDays(date, -rng.int(95, 100));
  const end = plusDays(date, -rng.int(3, 8));
  const daysIn = Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000) + 1;
  const due = plusDays(date, 14);
  const number = `${rng.int(100, 999)}${digits(rng, 6)}`;
  const vat = `GB${digits(rng, 9)}`;
  doc.t(L, 55, vendor, { size: size + 6, font: "B" });
  doc.t(R, 55, "Your energy bill", { size: size + 4, align: "right" });
  doc.t(L, 90, receiver, { size });
  doc.t(L, 90 + size + 3, `${rng.int(1, 90)} Market Street, ${rng.pick(["Hebden Bridge HX7 6AA", "Ludlow SY8 1AA"])}`, { size });
  const info: Array<[string, string]> = [["Account number", digits(rng, 10)], ["Bill number", number], ["Bill date", day(date, "d Mon Y")], ["Billing period", `${day(start, "d Mon Y")} to ${day(end, "d Mon Y")}`]];
  info.forEach(([k, v], j) => {
    doc.t(330, 90 + j * (size + 4), k, { size });
    doc.t(R, 90 + j * (size + 4), v, { size, align: "right" });
  });
  // Meter readings.
  const prev = rng.int(10000, 60000);
  const kwh = rng.int(800, 6000);
  doc.t(L, 170, "Meter readings", { size: size + 1, font: "B" });
  doc.t(L, 170 + size + 5, `Meter ${rng.pick(["E", "K", "S"])}${digits(rng, 7)}   Previous ${prev} (${rng.pick(["A", "E"])}) on ${day(start, "d/m/Y")}   Current ${prev + kwh} (A) on ${day(end, "d/m/Y")}   Units used ${kwh} kWh`, { size: size - 1 });
  const unitPence = rng.int(2200, 3100); // hundredths of a penny per kWh
  const standing = rng.int(4000, 6500); // hundredths of a penny per day
  const energy = Math.round((kwh * unitPence) / 100);
  const stand = Math.round((daysIn * standing) / 100);
  const lines: BLine[] = [
    { desc: `Electricity ${kwh} kWh @ ${(unitPence / 100).toFixed(2)}p`, qty: 1, unit: energy, rate: 20, amount: energy },
    { desc: `Standing charge ${daysIn} days @ ${(standing / 100).toFixed(2)}p`, qty: 1, unit: stand, rate: 20, amount: stand },
  ];
  const domestic = rng.chance(0.4);
  for (const l of lines) l.rate = domestic ? 5 : 20;
  if (!domestic && rng.chance(0.5)) lines.push({ desc: "Climate Change Levy", qty: 1, unit: Math.round(kwh * 0.775), rate: 20, amount: Math.round(kwh * 0.775) });
  const byRate = sums(lines, false);
  const t = totals(byRate);
  const st: NumStyle = "en";
  let y = 225;
  doc.t(L, y, "Your charges this period", { size: size + 1, font: "B" });
  y += size + 8;
  for (const l of lines) {
    doc.t(L, y, l.desc, { size });
    doc.t(R, y, `£${money(l.amount, st)}`, { size, align: "right" });
    y += size + 4;
  }
  doc.t(L, y, "Total charges before VAT", { size });
  doc.t(R, y, `£${money(t.untaxed, st)}`, { size, align: "right" });
  y += size + 4;
  doc.t(L, y, `VAT at ${byRate[0]!.rate}%`, { size });
  doc.t(R, y, `£${money(t.tax, st)}`, { size, align: "right" });
  y += size + 4;
  doc.t(L, y, "Total charges this period", { size, font: "B" });
  doc.t(R, y, `£${money(t.total, st)}`, { size, font: "B", align: "right" });
  y += size + 18;
  // The account balance: previous balance, payment received, amount to pay (not the bill's total).
  const previous = rng.int(5000, 60000);
  const received = rng.chance(0.7) ? previous : rng.int(1000, previous);
  doc.t(L, y, "Your account balance", { size: size + 1, font: "B" });
  y += size + 6;
  for (const [k, v] of [["Balance from your last bill", `£${money(previous, st)}`], ["Payment received - thank you", `-£${money(received, st)}`], ["Amount to pay", `£${money(previous - received + t.total, st)}`]] as const) {
    doc.t(L, y, k, { size, font: k === "Amount to pay" ? "B" : "R" });
    doc.t(R, y, v, { size, align: "right", font: k === "Amount to pay" ? "B" : "R" });
    y += size + 4;
  }
  doc.t(L, y + 10, `Please pay by ${day(due, "d Mon Y")}. Direct Debit customers: we will collect this amount on or after this date.`, { size });
  doc.t(L, 805, `${vendor}, registered in England no. ${digits(rng, 8)}. VAT reg. no. ${vat}.`, { size: 6.5 });
  return {
    doc, vendor, receiver, number, date, due, currency: "GBP", lines, byRate, vat,
    printed: { vendorName: vendor, invoiceNumber: number, invoiceDate: day(date, "d Mon Y"), dueDate: day(due, "d Mon Y"), currency: "£", untaxed: money(t.untaxed, st), totalTax: money(t.tax, st), total: money(t.total, st), vendorVat: vat },
  };
}

const HO_VENDORS = ["Hotel Alpenblick AG", "Gasthof Bären Grindelwald GmbH", "Hôtel du Lac Montreux SA"] as const;
const HO_CUSTOMERS = ["Meier Treuhand AG", "Keller Engineering GmbH", "Dubois Conseil Sàrl"] as const;

function ho(rng: Rng, _i: number): Built {
  const doc = new Doc();
  const vendor = rng.pick(HO_VENDORS);
  const receiver = rng.pick(HO_CUSTOMERS);
  const L = rng.int(40, 55);
  const R = 595 - rng.int(40, 55);
  const size = rng.pick([8, 9]);
  const departure = issueDate(rng);
  const nights = rng.int(1, 5);
  const arrival = plusDays(departure, -nights);
  const number = String(rng.int(100000, 999999));
  const uid = `CHE-${digits(rng, 3)}.${digits(rng, 3)}.${digits(rng, 3)} MWST`;
  doc.t(297, 50, vendor, { size: size + 7, font: "T", align: "center" });
  doc.t(297, 66, `${rng.pick(["Dorfstrasse", "Seestrasse", "Grand-Rue"])} ${rng.int(1, 60)} · ${rng.pick(["3818 Grindelwald", "1820 Montreux", "3920 Zermatt"])} · ${uid}`, { size: size - 1, align: "center" });
  doc.t(L, 110, receiver, { size });
  doc.t(L, 110 + size + 3, `z.H. ${rng.pick(["Herr Meier", "Frau Keller", "M. Dubois"])}`, { size });
  const info: Array<[string, string]> = [["Rechnung / Folio", number], ["Zimmer", String(rng.int(101, 420))], ["Ankunft", day(arrival, "d.m.Y")], ["Abreise", day(departure, "d.m.Y")], ["Datum", day(departure, "d.m.Y")]];
  info.forEach(([k, v], j) => {
    doc.t(340, 110 + j * (size + 4), k, { size });
    doc.t(R, 110 + j * (size + 4), v, { size, align: "right" });
  });
  const room = rng.int(140, 320) * 100;
  const lines: BLine[] = [];
  for (let n = 0; n < nights; n++) {
    lines.push({ desc: `${day(plusDays(arrival, n), "d.m.Y")} Logis`, qty: 1, unit: room, rate: 3.8, amount: room });
    if (rng.chance(0.6)) {
      const food = rng.int(2500, 14000);
      lines.push({ desc: `${day(plusDays(arrival, n), "d.m.Y")} ${rng.pick(["Restaurant", "Bar", "Minibar"])}`, qty: 1, unit: food, rate: 8.1, amount: food });
    }
  }
  const kurtaxe = nights * rng.pick([250, 330, 420]);
  lines.push({ desc: `Kurtaxe ${nights} Nächte`, qty: nights, unit: kurtaxe / nights, rate: 0, amount: kurtaxe });
  const byRate = sums(lines, true);
  const t = totals(byRate);
  const st: NumStyle = "ch";
  let y = table(doc, 200, [
    { title: "Datum / Leistung", x: L, align: "left", cell: (l) => l.desc },
    { title: "MWST", x: L + 300, align: "right", cell: (l) => (l.rate === 0 ? "-" : `${l.rate}%`) },
    { title: "Betrag CHF", x: R, align: "right", cell: (l) => money(l.amount, st) },
  ], lines, size, { left: L, right: R });
  doc.t(L, y, "Total", { size: size + 1, font: "B" });
  doc.t(R, y, `CHF ${money(t.total, st)}`, { size: size + 1, font: "B", align: "right" });
  y += size + 6;
  const card = rng.pick(["Visa", "Mastercard", "Amex"]);
  doc.t(L, y, `Zahlung ${card} ****${digits(rng, 4)}`, { size });
  doc.t(R, y, `-${money(t.total, st)}`, { size, align: "right" });
  y += size + 4;
  doc.t(L, y, "Saldo", { size, font: "B" });
  doc.t(R, y, money(0, st), { size, align: "right" });
  y += size + 18;
  // The VAT included, per rate: rate, gross, VAT, net.
  const cx = [L, L + 140, L + 230, L + 320];
  ["MWST-Satz", "Brutto", "MWST", "Netto"].forEach((h, j) => doc.t(cx[j]!, y, h, { size: size - 1, font: "B", align: j === 0 ? "left" : "right" }));
  y += size + 3;
  for (const r of byRate.filter((x) => x.rate > 0)) {
    [`${r.rate}%`, money(r.base + r.tax, st), money(r.tax, st), money(r.base, st)].forEach((v, j) => doc.t(cx[j]!, y, v, { size: size - 1, align: j === 0 ? "left" : "right" }));
    y += size + 3;
  }
  const untaxedPrinted = money(t.untaxed, st);
  doc.t(L, y + 6, `Total exkl. MWST ${untaxedPrinted}   Total MWST ${money(t.tax, st)}`, { size: size - 1 });
  doc.t(297, y + 40, "Vielen Dank für Ihren Besuch - Merci de votre visite", { size, font: "T", align: "center" });
  return {
    doc, vendor, receiver, number, date: departure, due: null, currency: "CHF", lines, byRate, taxIncluded: true,
    printed: { vendorName: vendor, invoiceNumber: number, invoiceDate: day(departure, "d.m.Y"), currency: "CHF", untaxed: untaxedPrinted, totalTax: money(t.tax, st), total: money(t.total, st) },
  };
}

const MP_VENDORS = ["O'Brien Wholesale Distributors Limited", "Shannon Catering Supplies Ltd", "Connolly & Byrne Hardware Limited"] as const;
const MP_CUSTOMERS = ["The Stag's Head Bar", "Galway Bay Hotel Ltd", "Corrib Café"] as const;

function mp(rng: Rng, _i: number): Built {
  const doc = new Doc();
  const vendor = rng.pick(MP_VENDORS);
  const receiver = rng.pick(MP_CUSTOMERS);
  const L = rng.int(36, 50);
  const R = 595 - rng.int(36, 50);
  const size = rng.pick([8, 9]);
  const date = issueDate(rng);
  const due = plusDays(date, rng.pick([30, 60]));
  const number = `SI${rng.int(100000, 999999)}`;
  const vat = `IE${digits(rng, 7)}${String.fromCharCode(65 + rng.int(0, 25))}`;
  const iban = makeIban("IE", `${rng.pick(["AIBK", "BOFI"])}${digits(rng, 6)}${digits(rng, 8)}`);
  const po = rng.chance(0.5) ? `${rng.int(4500, 4599)}${digits(rng, 4)}` : undefined;
  const lines = makeLines(rng, [["Tomatoes, plum, 2.5 kg tin", 3, 9], ["Kitchen roll 2-ply x6", 4, 12], ["Sparkling water 24x330 ml", 8, 16], ["Bin liners heavy duty x200", 15, 40], ["Catering foil 450 mm", 10, 25], ["Chopped tomatoes x12", 9, 14], ["Dish detergent 5 L", 9, 22], ["Paper napkins x500", 6, 15]], rng.chance(0.5) ? [23, 13.5, 0] : [23, 0], rng.int(34, 64));
  const byRate = sums(lines, false);
  const t = totals(byRate);
  const st: NumStyle = "en";
  const perPage = rng.int(22, 30);
  const pageCount = Math.ceil(lines.length / perPage);
  const ds = "d Mon Y";
  const header = (n: number) => {
    doc.t(L, 45, vendor, { size: size + 5, font: "B" });
    doc.t(R, 45, "INVOICE", { size: size + 5, font: "B", align: "right" });
    doc.t(L, 60, `Unit ${rng.int(1, 30)}, ${rng.pick(["Ballybrit Business Park, Galway", "Raheen Industrial Estate, Limerick"])}  ·  VAT No. ${vat}`, { size: size - 1 });
    doc.t(R, 60, `Invoice ${number}  ·  ${day(date, ds)}  ·  Page ${n} of ${pageCount}`, { size: size - 1, align: "right" });
    doc.p.rule(L, 66, R, 66);
  };
  let carried = 0;
  for (let n = 1; n <= pageCount; n++) {
    if (n > 1) doc.newPage();
    header(n);
    let y0 = 90;
    if (n === 1) {
      doc.t(L, 90, "Invoice to", { size, font: "B" });
      doc.t(L, 90 + size + 3, receiver, { size });
      doc.t(L, 90 + 2 * (size + 3), rng.pick(["Eyre Square, Galway", "O'Connell St, Limerick"]), { size });
      const info: Array<[string, string]> = [["Invoice number", number], ["Invoice date", day(date, ds)], ["Due date", day(due, ds)], ["Account", `C${rng.int(1000, 9999)}`]];
      if (po !== undefined) info.push(["Your order no.", po]);
      info.forEach(([k, v], j) => {
        doc.t(360, 90 + j * (size + 3), k, { size });
        doc.t(R, 90 + j * (size + 3), v, { size, align: "right" });
      });
      y0 = 175;
    } else {
      doc.t(L, y0, "Brought forward", { size, font: "B" });
      doc.t(R, y0, money(carried, st), { size, align: "right" });
      y0 += size + 10;
    }
    const chunk = lines.slice((n - 1) * perPage, n * perPage);
    const y = table(doc, y0, [
      { title: "Code", x: L, align: "left", cell: (l) => `P${String(1000 + (lines.indexOf(l) * 37) % 9000)}` },
      { title: "Description", x: L + 45, align: "left", cell: (l) => l.desc },
      { title: "Qty", x: L + 280, align: "right", cell: (l) => qtyText(l.qty, st) },
      { title: "Price", x: L + 340, align: "right", cell: (l) => money(l.unit, st) },
      { title: "VAT", x: L + 385, align: "right", cell: (l) => `${l.rate}%` },
      { title: "Net", x: R, align: "right", cell: (l) => money(l.amount, st) },
    ], chunk, size - 1, { left: L, right: R });
    carried += chunk.reduce((s, l) => s + l.amount, 0);
    if (n < pageCount) {
      doc.t(L, y, "Carried forward", { size, font: "B" });
      doc.t(R, y, money(carried, st), { size, align: "right" });
      doc.t(297, 815, "Continued overleaf", { size: 7, align: "center" });
    } else {
      let yy = y + 6;
      doc.t(L, yy, "VAT analysis", { size, font: "B" });
      yy += size + 3;
      for (const r of byRate) {
        doc.t(L, yy, `${r.rate}%`, { size: size - 1 });
        doc.t(L + 120, yy, money(r.base, st), { size: size - 1, align: "right" });
        doc.t(L + 190, yy, money(r.tax, st), { size: size - 1, align: "right" });
        yy += size + 2;
      }
      let ty = y + 6;
      for (const [k, v] of [["Goods total", money(t.untaxed, st)], ["VAT", money(t.tax, st)], ["Invoice total EUR", money(t.total, st)]] as const) {
        doc.t(R - 150, ty, k, { size, font: k.startsWith("Invoice") ? "B" : "R" });
        doc.t(R, ty, v, { size, align: "right", font: k.startsWith("Invoice") ? "B" : "R" });
        ty += size + 4;
      }
      doc.t(L, Math.max(yy, ty) + 20, `Bank: ${rng.pick(["AIB", "Bank of Ireland"])}  IBAN ${groups(iban)}. Terms: strictly ${Math.round((Date.parse(due) - Date.parse(date)) / 86_400_000)} days.`, { size });
    }
  }
  return {
    doc, vendor, receiver, number, date, due, currency: "EUR", lines, byRate, vat, iban, ...(po === undefined ? {} : { po }),
    printed: { vendorName: vendor, invoiceNumber: number, invoiceDate: day(date, ds), dueDate: day(due, ds), currency: "EUR", untaxed: money(t.untaxed, st), totalTax: money(t.tax, st), total: money(t.total, st), vendorVat: vat, vendorIban: groups(iban), ...(po === undefined ? {} : { purchaseOrderRef: po }) },
  };
}

const BUILDERS: Record<HeldoutBFamily, (rng: Rng, i: number) => Built> = { uk, us, it, es, pl, nl, se, be, de, fr, ut, ho, mp };

/** `perFamily` bills of each family; each family draws from its own stream (seed + family index), so a smaller run is
 * the start of a bigger one. */
export function heldoutBillsB(perFamily: number, seed: number = HELDOUT_B_SEED): HeldoutBBill[] {
  const out: HeldoutBBill[] = [];
  HELDOUT_B_FAMILIES.forEach((family, f) => {
    const rng = createRng(seed * 31 + f * 7919);
    for (let i = 0; i < perFamily; i++) {
      const b = BUILDERS[family](rng, i);
      const t = totals(b.byRate);
      const truth: Truth = {
        vendorName: b.vendor,
        invoiceNumber: b.number,
        invoiceDate: b.date,
        ...(b.due === null ? {} : { dueDate: b.due }),
        currency: b.currency,
        untaxed: t.untaxed / 100,
        totalTax: t.tax / 100,
        total: t.total / 100,
        ...(b.vat === undefined ? {} : { vendorVat: compact(b.vat) }),
        ...(b.iban === undefined ? {} : { vendorIban: b.iban }),
        ...(b.email === undefined ? {} : { vendorEmail: b.email }),
        ...(b.po === undefined ? {} : { purchaseOrderRef: b.po }),
      };
      out.push({ name: `heldout-b-${family}-${String(i + 1).padStart(2, "0")}`, family, pdf: writePdf(b.doc.pages), pages: b.doc.pages.length, truth, receiver: b.receiver, printed: b.printed, lines: b.lines, byRate: b.byRate, taxIncluded: b.taxIncluded === true });
    }
  });
  return out;
}
