import type { EngineSettings, OpenItem } from "../contracts/reconcile";
import { cents } from "./cents";
import { itemReferenceKeys } from "./itemReferences";

export interface ReferencedItem {
  item: OpenItem;
  strength: number;
}

const EMPTY: readonly never[] = [];

/**
 * The open items of one request, indexed once so that a statement line costs a handful of map lookups:
 * by partner (oldest first), by exact amount in the item's currency, by company amount bucket (FX matches),
 * and by every reference key. Items with nothing left to pay are kept aside only to recognise references to
 * invoices that are already paid; they are never proposed.
 */
export class CandidateIndex {
  private readonly byPartner = new Map<number, OpenItem[]>();
  private readonly byAmount = new Map<string, OpenItem[]>();
  private readonly byCompanyBucket = new Map<number, OpenItem[]>();
  private readonly byReference = new Map<string, ReferencedItem[]>();
  private readonly paidReferences = new Set<string>();
  private readonly bucketWidth: number;
  /** Per partner and sign: items sorted by absolute company residual, for range queries (fees, FX). */
  private readonly partnerSorted = new Map<string, { items: OpenItem[]; amounts: Float64Array }>();
  private readonly dayNumbers = new Map<string, number>();

  constructor(candidates: readonly OpenItem[], settings: Pick<EngineSettings, "fxTolerance">) {
    this.bucketWidth = Math.max(1, settings.fxTolerance);
    for (const item of candidates) {
      const keys = itemReferenceKeys(item);
      if (cents(item.amountResidual) === 0 || cents(item.amountResidualCurrency) === 0) {
        for (const { key, strength } of keys) if (strength >= 0.9) this.paidReferences.add(key);
        continue;
      }
      push(this.byAmount, `${item.currency}:${cents(item.amountResidualCurrency)}`, item);
      push(this.byCompanyBucket, Math.floor(item.amountResidual / this.bucketWidth), item);
      if (item.partnerId !== null) push(this.byPartner, item.partnerId, item);
      for (const { key, strength } of keys) push(this.byReference, key, { item, strength });
    }
    for (const [partnerId, items] of this.byPartner) {
      items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
      for (const sign of [1, -1]) {
        const signed = items.filter((i) => Math.sign(i.amountResidual) === sign).sort((a, b) => Math.abs(a.amountResidual) - Math.abs(b.amountResidual));
        this.partnerSorted.set(`${partnerId}:${sign}`, { items: signed, amounts: Float64Array.from(signed, (i) => Math.abs(i.amountResidual)) });
      }
    }
  }

  /** A partner's open items of one sign whose absolute company residual lies in [low, high]. */
  partnerItemsBetween(partnerId: number, sign: number, low: number, high: number): OpenItem[] {
    const sorted = this.partnerSorted.get(`${partnerId}:${sign}`);
    if (sorted === undefined) return [];
    let lo = 0;
    let hi = sorted.amounts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted.amounts[mid] as number) < low) lo = mid + 1;
      else hi = mid;
    }
    const found: OpenItem[] = [];
    for (let k = lo; k < sorted.amounts.length && (sorted.amounts[k] as number) <= high; k++) found.push(sorted.items[k] as OpenItem);
    return found;
  }

  /** A partner's open items of one sign (receivables for +1, payables for -1), smallest first. */
  partnerItems(partnerId: number, sign: number): readonly OpenItem[] {
    return this.partnerSorted.get(`${partnerId}:${sign}`)?.items ?? EMPTY;
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

  /** Open items whose residual in `currency` is exactly `amount` (same sign). */
  withAmount(currency: string, amount: number): readonly OpenItem[] {
    return this.byAmount.get(`${currency}:${cents(amount)}`) ?? EMPTY;
  }

  /** Open items whose company-currency residual is within `tolerance` of `amountCompany` (same sign). */
  nearCompanyAmount(amountCompany: number, tolerance: number): OpenItem[] {
    const bucket = Math.floor(amountCompany / this.bucketWidth);
    const found: OpenItem[] = [];
    for (let b = bucket - 1; b <= bucket + 1; b++) {
      for (const item of this.byCompanyBucket.get(b) ?? EMPTY) {
        if (Math.abs(item.amountResidual - amountCompany) <= tolerance + 1e-9) found.push(item);
      }
    }
    return found;
  }

  referenced(key: string): readonly ReferencedItem[] {
    return this.byReference.get(key) ?? EMPTY;
  }

  isPaidReference(key: string): boolean {
    return this.paidReferences.has(key);
  }

}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
