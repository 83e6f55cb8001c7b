import type { OpenItem } from "../../contracts/reconcile";
import { compactStrength, isYearCode, NO_CODE, numberCode, sequenceOf, yearCode, yearMonthCode, type KeyOf } from "../shared/reference_key";
import { textTokens } from "../shared/text_tokens";
import { yearSequenceKeys } from "../shared/year_sequence_keys";

const ALL_DIGITS = /^\d{1,7}$/;
const DIGIT = /\d/;

export interface ItemKey extends KeyOf {
  strength: number;
}

/** Receives an item's keys one by one, in order, each once with its strongest reading. */
export interface ItemKeySink {
  key(compact: string, code: number, strength: number): void;
}

/** The keys under which an open item can be referenced: its entry number and its `ref` (see ReferenceKey). */
export function itemReferenceKeys(item: Pick<OpenItem, "moveName" | "ref">): ItemKey[] {
  const keys: ItemKey[] = [];
  forEachItemReferenceKey(item, { key: (compact, code, strength) => keys.push({ compact, code, strength }) });
  return keys;
}

/** itemReferenceKeys without building the list: what the candidate index reads for every open item. */
export function forEachItemReferenceKey(item: Pick<OpenItem, "moveName" | "ref">, sink: ItemKeySink): void {
  // Fast path for Odoo's usual numbering (INV/2026/00042, BILL/2026/03/0007) with no other reference.
  if ((item.ref === "" || item.ref === item.moveName) && entryNumber(item.moveName, ENTRY)) {
    const { compact, year, month, sequence } = ENTRY;
    if (month === 0) {
      sink.key(compact, NO_CODE, 1);
      sink.key("", yearCode(year, sequence), 0.9);
      sink.key("", numberCode(sequence), 0.5);
    } else {
      sink.key(compact, NO_CODE, 1);
      sink.key("", yearMonthCode(year, month, sequence), 0.95);
    }
    return;
  }
  const keys = KEYS;
  keys.clear();
  for (let t = 0; t < 2; t++) {
    const text = t === 0 ? item.moveName : item.ref;
    if (entryNumber(text, ENTRY) && (ENTRY.month === 0 || ENTRY.sequenceLength >= 3)) {
      // What the general reading of an Odoo entry number gives, without reading it (tested equal). A monthly
      // number with a one- or two-digit sequence reads as a date there (BILL/2026/03/07): left to it.
      const { compact, year, month, sequence } = ENTRY;
      keys.add(compact, NO_CODE, 1);
      if (month === 0) {
        keys.add("", yearCode(year, sequence), 0.9);
        keys.add("", numberCode(sequence), 0.5);
      } else {
        keys.add("", yearMonthCode(year, month, sequence), 0.95);
      }
      continue;
    }
    const toks = textTokens(text);
    if (toks.length === 0) continue;
    const compact = toks.length === 1 ? (toks[0] as string) : toks.join("");
    if (compact.length >= 4 && compact.length <= 40 && DIGIT.test(compact)) keys.add(compact, NO_CODE, compactStrength(compact));
    if (compact.length <= 7 && ALL_DIGITS.test(compact) && Number(compact) > 0) keys.add("", numberCode(Number(compact)), 0.5);
    const yearKeys = yearSequenceKeys(toks);
    let monthly = false;
    for (const ys of yearKeys) if (!isYearCode(ys.code)) monthly = true;
    for (const ys of yearKeys) {
      if (monthly && isYearCode(ys.code)) continue; // BILL/2026/11/0007 is not "2026 number 11"
      keys.add("", ys.code, ys.strength);
      if (isYearCode(ys.code)) keys.add("", numberCode(sequenceOf(ys.code)), 0.5);
    }
  }
  for (let k = 0; k < keys.size; k++) sink.key(keys.compacts[k] as string, keys.codes[k] as number, keys.strengths[k] as number);
}

/** An item's keys while they are read: each once, with its strongest reading, in the order first found. */
class ItemKeyList {
  size = 0;
  readonly compacts: string[] = [];
  readonly codes: number[] = [];
  readonly strengths: number[] = [];

  clear(): void {
    this.size = 0;
  }

  add(compact: string, code: number, strength: number): void {
    for (let k = 0; k < this.size; k++) {
      if (this.codes[k] === code && this.compacts[k] === compact) {
        if ((this.strengths[k] as number) < strength) this.strengths[k] = strength;
        return;
      }
    }
    this.compacts[this.size] = compact;
    this.codes[this.size] = code;
    this.strengths[this.size] = strength;
    this.size++;
  }
}

/** Reused from item to item (an item has a handful of keys). */
const KEYS = new ItemKeyList();

/** An entry number read by `entryNumber` (month 0 for yearly numbering). */
export interface EntryNumber {
  compact: string;
  year: number;
  month: number;
  sequence: number;
  /** Digits of the sequence as written (00042: 5). */
  sequenceLength: number;
}

const ENTRY: EntryNumber = { compact: "", year: 0, month: 0, sequence: 0, sequenceLength: 0 };

/**
 * Reads PREFIX/2026/00042 (1–8 letters A–Z, a year 20xx, 1–6 digits) or PREFIX/2026/03/0007 (a month 01–12 too)
 * into `into`, without regular expressions; false when the name has another shape or the sequence is 0.
 */
export function entryNumber(name: string, into: EntryNumber): boolean {
  let p = 0;
  while (p < name.length && p < 9 && isUpper(name.charCodeAt(p))) p++;
  if (p === 0 || p > 8 || name.charCodeAt(p) !== SLASH) return false;
  const y = p + 1;
  if (name.charCodeAt(y) !== 50 || name.charCodeAt(y + 1) !== 48 || !isDigit(name.charCodeAt(y + 2)) || !isDigit(name.charCodeAt(y + 3))) return false;
  if (name.charCodeAt(y + 4) !== SLASH) return false;
  const year = 2000 + (name.charCodeAt(y + 2) - 48) * 10 + (name.charCodeAt(y + 3) - 48);
  let s = y + 5;
  let month = 0;
  if (name.charCodeAt(s + 2) === SLASH) {
    const tens = name.charCodeAt(s) - 48;
    const units = name.charCodeAt(s + 1) - 48;
    if (!(tens === 0 && units >= 1 && units <= 9) && !(tens === 1 && units >= 0 && units <= 2)) return false;
    month = tens * 10 + units;
    s += 3;
  }
  const digits = name.length - s;
  if (digits < 1 || digits > 6) return false;
  let sequence = 0;
  for (let k = s; k < name.length; k++) {
    const c = name.charCodeAt(k);
    if (!isDigit(c)) return false;
    sequence = sequence * 10 + (c - 48);
  }
  if (sequence === 0) return false;
  // The name without its slashes, as one flat string (it is kept as a map key).
  into.compact = name.replaceAll("/", "");
  into.year = year;
  into.month = month;
  into.sequence = sequence;
  into.sequenceLength = digits;
  return true;
}

const SLASH = 47;

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
