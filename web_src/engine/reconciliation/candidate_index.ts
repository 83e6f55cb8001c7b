import type { EngineSettings, OpenItem } from "../../contracts/reconcile";
import { cents } from "../shared/cents";
import { forEachItemReferenceKey, type ItemKeySink } from "./item_reference_keys";
import { NO_CODE, type KeyOf } from "../shared/reference_key";
import { ReferencePostings } from "./reference_postings";
import { SortedAmounts } from "./sorted_amounts";

/** One partner's open items of one sign, sorted by absolute company residual (ties: oldest first). */
export interface PartnerLedger {
  items: OpenItem[];
  amounts: Float64Array;
}

const EMPTY: readonly never[] = [];

/**
 * The open items of one request, indexed once so that a statement line costs a handful of lookups: by partner
 * and sign (sorted by amount, for range queries), by exact amount in the item's currency, by company amount (FX
 * matches), and by every reference key. Amount lookups are binary searches over typed arrays and references are
 * postings lists, so the index holds a few flat arrays rather than an object per item and key. Items with nothing
 * left to pay are kept aside only to recognise references to invoices that are already paid; they are never
 * proposed.
 */
export class CandidateIndex {
  readonly references: ReferencePostings;
  private readonly bucketWidth: number;
  private readonly byAmount = new Map<string, SortedAmounts>();
  private readonly open: OpenItem[] = [];
  /** Per statement-line currency: open items in other currencies by company amount, built on first use. */
  private readonly foreignByCompanyAmount = new Map<string, SortedAmounts>();
  private readonly receivables = new Map<number, PartnerLedger>();
  private readonly payables = new Map<number, PartnerLedger>();
  private readonly dayNumbers = new Map<string, number>();

  constructor(candidates: readonly OpenItem[], settings: Pick<EngineSettings, "fxTolerance">) {
    this.bucketWidth = Math.max(1, settings.fxTolerance);
    const open = this.open;
    const references = new ReferencePostings();
    const byCurrency = new Map<string, OpenItem[]>();
    const byPartner = new Map<number, OpenItem[]>();
    const keys = new ItemKeys(references);
    for (const item of candidates) {
      const paid = cents(item.amountResidual) === 0 || cents(item.amountResidualCurrency) === 0;
      keys.item = item;
      keys.paid = paid;
      forEachItemReferenceKey(item, keys);
      if (paid) continue;
      open.push(item);
      push(byCurrency, item.currency, item);
      if (item.partnerId !== null) push(byPartner, item.partnerId, item);
    }
    this.references = references.freeze();
    for (const [currency, items] of byCurrency) {
      this.byAmount.set(currency, new SortedAmounts(items, (i) => cents(i.amountResidualCurrency)));
    }
    for (const [partnerId, items] of byPartner) {
      if (items.length > 1) items.sort(byDateThenId);
      const positive: OpenItem[] = [];
      const negative: OpenItem[] = [];
      for (const item of items) (item.amountResidual > 0 ? positive : negative).push(item);
      // A partner with no open item of a sign has no ledger for it: lookups answer "none" all the same.
      if (positive.length > 0) this.receivables.set(partnerId, ledger(positive));
      if (negative.length > 0) this.payables.set(partnerId, ledger(negative));
    }
  }

  /** A partner's open items of one sign whose absolute company residual lies in [low, high]. */
  partnerItemsBetween(partnerId: number, sign: number, low: number, high: number): OpenItem[] {
    const ledger = this.partnerLedger(partnerId, sign);
    const found: OpenItem[] = [];
    if (ledger === undefined) return found;
    for (let k = firstAtLeast(ledger.amounts, low); k < ledger.amounts.length && (ledger.amounts[k] as number) <= high; k++) {
      found.push(ledger.items[k] as OpenItem);
    }
    return found;
  }

  /**
   * A partner's open items of one sign with their absolute company residuals, both smallest first (read a range
   * with `firstAtLeast`); undefined when the partner has none.
   */
  partnerLedger(partnerId: number, sign: number): PartnerLedger | undefined {
    return (sign > 0 ? this.receivables : this.payables).get(partnerId);
  }

  /** A partner's open items of one sign (receivables for +1, payables for -1), smallest first. */
  partnerItems(partnerId: number, sign: number): readonly OpenItem[] {
    return (sign > 0 ? this.receivables : this.payables).get(partnerId)?.items ?? EMPTY;
  }

  /** Days since 1970 of an ISO date, cached (dates repeat a lot). */
  dayNumber(date: string): number {
    let day = this.dayNumbers.get(date);
    if (day === undefined) {
      day = Math.floor(Date.parse(date) / 86_400_000);
      this.dayNumbers.set(date, day);
    }
    return day;
  }

  /** Open items whose residual in `currency` is exactly `amount` (same sign), in request order. */
  withAmount(currency: string, amount: number): readonly OpenItem[] {
    const sorted = this.byAmount.get(currency);
    if (sorted === undefined) return EMPTY;
    return sorted.equalTo(cents(amount));
  }

  /**
   * Open items in another currency than `currency` whose company-currency residual is within `tolerance` of
   * `amountCompany` (same sign), ordered by amount bucket of width max(1, fxTolerance) and then request order.
   */
  nearCompanyAmount(currency: string, amountCompany: number, tolerance: number): OpenItem[] {
    let foreign = this.foreignByCompanyAmount.get(currency);
    if (foreign === undefined) {
      foreign = new SortedAmounts(this.open.filter((i) => i.currency !== currency), (i) => i.amountResidual);
      this.foreignByCompanyAmount.set(currency, foreign);
    }
    const width = this.bucketWidth;
    const bucket = Math.floor(amountCompany / width);
    const found = foreign.between(amountCompany - tolerance - 1e-6, amountCompany + tolerance + 1e-6);
    const kept: OpenItem[] = [];
    for (const item of found) {
      const b = Math.floor(item.amountResidual / width);
      if (b >= bucket - 1 && b <= bucket + 1 && Math.abs(item.amountResidual - amountCompany) <= tolerance + 1e-9) kept.push(item);
    }
    // Stable: request order within a bucket, as the lines were always proposed.
    if (kept.length > 1) sortByBucket(kept, width);
    return kept;
  }
}

/** First position of a sorted array whose value is at least `low` (its length when none is). */
export function firstAtLeast(amounts: Float64Array, low: number): number {
  let lo = 0;
  let hi = amounts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((amounts[mid] as number) < low) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function ledger(items: OpenItem[]): PartnerLedger {
  if (items.length > 1) items.sort(byAbsoluteResidual);
  const amounts = new Float64Array(items.length);
  for (let k = 0; k < items.length; k++) amounts[k] = Math.abs((items[k] as OpenItem).amountResidual);
  return { items, amounts };
}

/** Stable insertion sort by amount bucket: a line has a handful of FX candidates. */
function sortByBucket(items: OpenItem[], width: number): void {
  for (let i = 1; i < items.length; i++) {
    const item = items[i] as OpenItem;
    const bucket = Math.floor(item.amountResidual / width);
    let j = i - 1;
    while (j >= 0 && Math.floor((items[j] as OpenItem).amountResidual / width) > bucket) {
      items[j + 1] = items[j] as OpenItem;
      j--;
    }
    items[j + 1] = item;
  }
}

function byAbsoluteResidual(a: OpenItem, b: OpenItem): number {
  return Math.abs(a.amountResidual) - Math.abs(b.amountResidual);
}

function byDateThenId(a: OpenItem, b: OpenItem): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id;
}

/** Files each key of the current item: a posting for an open item, a paid mark for a strong key of a paid one. */
class ItemKeys implements ItemKeySink {
  item: OpenItem | null = null;
  paid = false;
  private readonly key_: KeyOf = { compact: "", code: NO_CODE };

  constructor(private readonly references: ReferencePostings) {}

  key(compact: string, code: number, strength: number): void {
    const key = this.key_;
    key.compact = compact;
    key.code = code;
    if (!this.paid) this.references.add(key, this.item as OpenItem, strength);
    else if (strength >= 0.9) this.references.markPaid(key);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
