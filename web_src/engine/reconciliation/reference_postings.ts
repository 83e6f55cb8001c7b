import type { OpenItem } from "../../contracts/reconcile";
import { NO_CODE, type KeyOf } from "../shared/reference_key";

/** Length of the compact-key prefixes remembered to skip label runs that cannot start any key. */
const PREFIX_LENGTH = 6;
export const NO_LENGTHS = -1;
const ANY_LENGTH = packLengths(0, 255);

function packLengths(shortest: number, longest: number): number {
  return shortest * 256 + longest;
}

/**
 * Reference key → the open items it names, as postings lists: maps from key to a slot number (compact keys by
 * text, numbered keys by code) and flat arrays of (item, strength) per slot, in the order they were added. Keys of invoices already paid are flagged on their
 * slot. Filled with `add`/`markPaid`, then `freeze` once before the first lookup.
 */
export class ReferencePostings {
  private readonly compactSlots = new Map<string, number>();
  private readonly codeSlots = new Map<number, number>();
  private slotCount = 0;
  private readonly paidSlots = new Set<number>();
  private paid = new Uint8Array(0);
  private pending: { slot: number[]; item: OpenItem[]; strength: number[] } | null = { slot: [], item: [], strength: [] };
  private offsets = new Int32Array(1);
  private items: OpenItem[] = [];
  private strengths = new Float64Array(0);
  /** First PREFIX_LENGTH characters of the compact keys → shortest and longest such key, packed (see lengths). */
  private readonly compactPrefixes = new Map<string, number>();

  add(key: KeyOf, item: OpenItem, strength: number): void {
    const pending = this.pending;
    if (pending === null) throw new Error("ReferencePostings is frozen");
    pending.slot.push(this.slotFor(key));
    pending.item.push(item);
    pending.strength.push(strength);
  }

  markPaid(key: KeyOf): void {
    if (this.pending === null) throw new Error("ReferencePostings is frozen");
    this.paidSlots.add(this.slotFor(key));
  }

  freeze(): this {
    const pending = this.pending;
    if (pending === null) return this;
    const count = this.slotCount;
    const offsets = new Int32Array(count + 1);
    for (const s of pending.slot) (offsets[s + 1] as number)++;
    for (let s = 0; s < count; s++) offsets[s + 1] = (offsets[s + 1] as number) + (offsets[s] as number);
    const fill = offsets.slice(0, count);
    const items = new Array<OpenItem>(pending.item.length);
    const strengths = new Float64Array(pending.item.length);
    for (let k = 0; k < pending.slot.length; k++) {
      const at = (fill[pending.slot[k] as number] as number)++;
      items[at] = pending.item[k] as OpenItem;
      strengths[at] = pending.strength[k] as number;
    }
    for (const compact of this.compactSlots.keys()) {
      if (compact.length < PREFIX_LENGTH) continue;
      const prefix = compact.length === PREFIX_LENGTH ? compact : compact.slice(0, PREFIX_LENGTH);
      const known = this.compactPrefixes.get(prefix);
      const length = Math.min(compact.length, 255);
      this.compactPrefixes.set(prefix, known === undefined
        ? packLengths(length, length)
        : packLengths(Math.min(known >> 8, length), Math.max(known & 255, length)));
    }
    const paid = new Uint8Array(count);
    for (const s of this.paidSlots) paid[s] = 1;
    this.paidSlots.clear();
    this.paid = paid;
    this.offsets = offsets;
    this.items = items;
    this.strengths = strengths;
    this.pending = null;
    return this;
  }

  /** Runs of this many characters or more are judged by their first ones only (see mayStartCompact). */
  readonly prefixLength = PREFIX_LENGTH;

  /**
   * Could a `C:` key (open or paid) start with this compact run? Below `prefixLength` characters it says yes;
   * from there on it answers for the first `prefixLength` characters, so its answer holds for every extension.
   */
  mayStartCompact(compact: string): boolean {
    return this.compactLengths(compact) !== NO_LENGTHS;
  }

  /**
   * The lengths of the compact keys that start like this run, packed as shortest × 256 + longest: any length
   * below `prefixLength` characters, NO_LENGTHS when no key starts with its first `prefixLength` characters.
   */
  compactLengths(compact: string): number {
    if (compact.length < PREFIX_LENGTH) return ANY_LENGTH;
    return this.compactPrefixes.get(compact.length === PREFIX_LENGTH ? compact : compact.slice(0, PREFIX_LENGTH)) ?? NO_LENGTHS;
  }

  /** Slot of a key, or -1 when no item (open or paid) carries it. */
  slot(key: KeyOf): number {
    return (key.code === NO_CODE ? this.compactSlots.get(key.compact) : this.codeSlots.get(key.code)) ?? -1;
  }

  isPaid(slot: number): boolean {
    return this.paid[slot] === 1;
  }

  /** Postings of a slot are start(slot) … end(slot) - 1. */
  start(slot: number): number {
    return this.offsets[slot] as number;
  }

  end(slot: number): number {
    return this.offsets[slot + 1] as number;
  }

  item(posting: number): OpenItem {
    return this.items[posting] as OpenItem;
  }

  strength(posting: number): number {
    return this.strengths[posting] as number;
  }

  private slotFor(key: KeyOf): number {
    const byCompact = key.code === NO_CODE;
    let slot = byCompact ? this.compactSlots.get(key.compact) : this.codeSlots.get(key.code);
    if (slot === undefined) {
      slot = this.slotCount++;
      if (byCompact) this.compactSlots.set(key.compact, slot);
      else this.codeSlots.set(key.code, slot);
    }
    return slot;
  }
}
