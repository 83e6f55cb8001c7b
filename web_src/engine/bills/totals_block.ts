// The totals block read line by line, for what no single label prints: a subtotal, the lines under it (shipping,
// handling, a discount, a tax line per rate) and the total they add up to. A US bill prints "Subtotal / Shipping &
// Handling / Sales Tax / Total" and no untaxed total; an Italian one "Imponibile / IVA 22% / IVA 10% / IVA 4% /
// Totale". The untaxed amount is then the subtotal and the charges under it (the tax base as an e-invoice states it:
// lines + charges − allowances), the tax the sum of the tax lines — only when the figures add up to the printed total
// to the cent. Pure; the extractor passes its candidates and its reader of amounts.
import type { Page } from "./layout";
import { CARRIED } from "./labels";
import { cents } from "./values";

export interface AmountCandidate {
  value: number;
  score: number;
  sourceText: string;
  page: number;
  order: number;
  balance?: boolean;
}

type Figures = (text: string) => ReadonlyArray<{ value: number }>;

/** A line taking its amount off ("Discount 40.00", "Less discount", "Rabatt", "Remise"), also printed without a minus. */
const DISCOUNT = /(?<![\p{L}])(?:discount|less|rabatt|nachlass|remise|réduction|descuento|sconto|korting|rabat|kedvezmény|sleva|zľava)(?![\p{L}])/iu;

/** How far below the subtotal the total may be, in lines. */
const SPAN = 12;
/** The untaxed amount found by adding lines is no surer than this before the arithmetic confirms it. */
const MAX_SCORE = 0.8;

/** Untaxed and tax candidates from the lines between each subtotal and each total below it that add up. `orderOf`
 * numbers a line as the extractor does (page × 10 000 + line). */
export function totalsBlock(
  pages: readonly Page[],
  cands: {
    untaxed: ReadonlyArray<AmountCandidate>;
    totalTax: ReadonlyArray<AmountCandidate>;
    total: ReadonlyArray<AmountCandidate>;
    deposit: ReadonlyArray<AmountCandidate>;
  },
  figures: Figures,
  orderOf: (page: number, line: number) => number,
): { untaxed: AmountCandidate[]; totalTax: AmountCandidate[] } {
  const out = { untaxed: [] as AmountCandidate[], totalTax: [] as AmountCandidate[] };
  const at = (list: ReadonlyArray<AmountCandidate>) => new Set(list.map((c) => c.order));
  const stops = new Set([...at(cands.untaxed), ...at(cands.total), ...at(cands.deposit)]);
  const taxes = at(cands.totalTax);
  const seen = new Set<string>();
  for (const u of cands.untaxed) {
    if (u.value <= 0 || u.order >= 1e9) continue;
    const page = pages.find((p) => p.number === u.page);
    if (page === undefined) continue;
    for (const g of cands.total) {
      if (g.page !== u.page || g.order <= u.order || g.order - u.order > SPAN || g.value <= 0) continue;
      const key = `${u.order}:${u.value}:${g.order}:${g.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let charges = 0;
      let tax = 0;
      let taxLines = 0;
      const parts: string[] = [];
      let ok = true;
      for (let order = u.order + 1; order < g.order && ok; order++) {
        const line = page.lines.find((_, i) => orderOf(page.number, i) === order);
        if (line === undefined) continue;
        const found = line.cells.flatMap((c) => figures(c.text));
        if (found.length === 0 || CARRIED.test(line.text)) continue;
        // Another subtotal, total or payment between them: that line's own block is read.
        if (stops.has(order)) {
          ok = false;
          break;
        }
        const last = (found[found.length - 1] as { value: number }).value;
        if (taxes.has(order)) {
          tax += last;
          taxLines++;
          continue;
        }
        charges += last > 0 && DISCOUNT.test(line.text) ? -last : last;
        parts.push(line.text.replace(/\s+/g, " ").trim());
      }
      if (!ok || taxLines === 0 || (cents(charges) === 0 && taxLines < 2)) continue;
      if (Math.abs(cents(u.value + charges + tax) - g.value) > 0.005 || cents(u.value + charges) <= 0) continue;
      const how = `(the lines between "${u.sourceText}" and the total add up to it)`;
      if (cents(charges) !== 0) {
        out.untaxed.push({ value: cents(u.value + charges), score: Math.min(MAX_SCORE, u.score * 0.95), sourceText: `${u.sourceText} + ${parts.join(" + ")} ${how}`, page: u.page, order: u.order });
      }
      if (taxLines >= 2) {
        const lines = cands.totalTax.filter((t) => t.page === u.page && t.order > u.order && t.order < g.order);
        const score = Math.min(MAX_SCORE, ...lines.map((t) => t.score)) * 0.95;
        out.totalTax.push({ value: cents(tax), score, sourceText: `${lines.map((t) => t.sourceText).filter((s, i, all) => all.indexOf(s) === i).join(" + ")} ${how}`, page: u.page, order: u.order + 1 });
      }
    }
  }
  return out;
}
