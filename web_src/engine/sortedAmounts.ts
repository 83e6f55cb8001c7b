import type { OpenItem } from "../contracts/reconcile";

/**
 * Open items sorted by one number (cents, or a company amount) for exact and range lookups by binary search:
 * two typed arrays and one array of references instead of a map entry and a list per amount.
 */
export class SortedAmounts {
  private readonly values: Float64Array;
  private readonly positions: Int32Array;
  private readonly items: OpenItem[];

  constructor(items: readonly OpenItem[], valueOf: (item: OpenItem) => number) {
    const raw = Float64Array.from(items, valueOf);
    const order = Int32Array.from(items, (_, k) => k).sort((a, b) => (raw[a] as number) - (raw[b] as number) || a - b);
    this.positions = order;
    this.values = Float64Array.from(order, (k) => raw[k] as number);
    this.items = Array.from(order, (k) => items[k] as OpenItem);
  }

  /** Items whose value is exactly `value`, in the order they were given (ties were sorted by that order). */
  equalTo(value: number): OpenItem[] {
    const lo = this.lowerBound(value);
    let end = lo;
    while (end < this.values.length && this.values[end] === value) end++;
    return end === lo ? [] : this.items.slice(lo, end);
  }

  /** Items whose value lies in [low, high], in the order they were given. */
  between(low: number, high: number): OpenItem[] {
    const values = this.values;
    const lo = this.lowerBound(low);
    let end = lo;
    while (end < values.length && (values[end] as number) <= high) end++;
    if (end === lo) return [];
    if (end === lo + 1) return [this.items[lo] as OpenItem];
    const ks: number[] = [];
    for (let k = lo; k < end; k++) ks.push(k);
    ks.sort((a, b) => (this.positions[a] as number) - (this.positions[b] as number));
    return ks.map((k) => this.items[k] as OpenItem);
  }

  private lowerBound(value: number): number {
    const values = this.values;
    let lo = 0;
    let hi = values.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((values[mid] as number) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
