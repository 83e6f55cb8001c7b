import type { OpenItem } from "../../contracts/reconcile";

/**
 * Open items sorted by one number (cents, or a company amount) for exact and range lookups by binary search:
 * two typed arrays and one array of references instead of a map entry and a list per amount.
 */
export class SortedAmounts {
  private readonly values: Float64Array;
  private readonly positions: Int32Array;
  private readonly items: OpenItem[];

  constructor(items: readonly OpenItem[], valueOf: (item: OpenItem) => number) {
    const n = items.length;
    const raw = new Float64Array(n);
    for (let k = 0; k < n; k++) raw[k] = valueOf(items[k] as OpenItem);
    const order = sortedOrder(raw);
    const values = new Float64Array(n);
    const sortedItems = new Array<OpenItem>(n);
    for (let k = 0; k < n; k++) {
      const from = order[k] as number;
      values[k] = raw[from] as number;
      sortedItems[k] = items[from] as OpenItem;
    }
    this.positions = order;
    this.values = values;
    this.items = sortedItems;
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

const POSITION_BITS = 2 ** 21;
const MAX_PACKED_VALUE = 2 ** 31;

/**
 * Positions 0..n-1 ordered by value, ties by position. Whole values (cents) of moderate size are packed with
 * their position into one number (value × 2^21 + position, exact in a double) and sorted natively, without a
 * comparator call per comparison; anything else is sorted with the comparator.
 */
export function sortedOrder(raw: Float64Array): Int32Array {
  const n = raw.length;
  const order = new Int32Array(n);
  let packable = n < POSITION_BITS;
  for (let k = 0; k < n && packable; k++) {
    const v = raw[k] as number;
    if (!Number.isInteger(v) || v >= MAX_PACKED_VALUE || v <= -MAX_PACKED_VALUE) packable = false;
  }
  if (!packable) {
    for (let k = 0; k < n; k++) order[k] = k;
    return order.sort((a, b) => (raw[a] as number) - (raw[b] as number) || a - b);
  }
  const packed = new Float64Array(n);
  for (let k = 0; k < n; k++) packed[k] = (raw[k] as number) * POSITION_BITS + k;
  packed.sort();
  for (let k = 0; k < n; k++) {
    const key = packed[k] as number;
    order[k] = key - Math.floor(key / POSITION_BITS) * POSITION_BITS;
  }
  return order;
}
