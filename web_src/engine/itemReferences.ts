import type { OpenItem } from "../contracts/reconcile";
import { compactStrength, isYearCode, NO_CODE, numberCode, sequenceOf, yearCode, yearMonthCode, type KeyOf } from "./referenceKey";
import { textTokens } from "./textTokens";
import { yearSequenceKeys } from "./yearSequence";

const YEARLY = /^([A-Z]{1,8})\/(20\d\d)\/(\d{1,6})$/;
const MONTHLY = /^([A-Z]{1,8})\/(20\d\d)\/(0[1-9]|1[0-2])\/(\d{1,6})$/;
const ALL_DIGITS = /^\d{1,7}$/;
const DIGIT = /\d/;

export interface ItemKey extends KeyOf {
  strength: number;
}

/** The keys under which an open item can be referenced: its entry number and its `ref` (see ReferenceKey). */
export function itemReferenceKeys(item: Pick<OpenItem, "moveName" | "ref">): ItemKey[] {
  // Fast path for Odoo's usual numbering (INV/2026/00042, BILL/2026/03/0007) with no other reference.
  if (item.ref === "" || item.ref === item.moveName) {
    const yearly = YEARLY.exec(item.moveName);
    if (yearly) {
      const [, prefix = "", year = "", seq = ""] = yearly;
      const n = Number(seq);
      if (n > 0) {
        return [
          { compact: `${prefix}${year}${seq}`, code: NO_CODE, strength: 1 },
          { compact: "", code: yearCode(Number(year), n), strength: 0.9 },
          { compact: "", code: numberCode(n), strength: 0.5 },
        ];
      }
    }
    const monthly = MONTHLY.exec(item.moveName);
    if (monthly) {
      const [, prefix = "", year = "", month = "", seq = ""] = monthly;
      const n = Number(seq);
      if (n > 0) {
        return [
          { compact: `${prefix}${year}${month}${seq}`, code: NO_CODE, strength: 1 },
          { compact: "", code: yearMonthCode(Number(year), Number(month), n), strength: 0.95 },
        ];
      }
    }
  }
  const keys = new Map<string | number, ItemKey>();
  const add = (compact: string, code: number, strength: number): void => {
    const id = code === NO_CODE ? compact : code;
    const known = keys.get(id);
    if (known === undefined) keys.set(id, { compact, code, strength });
    else if (known.strength < strength) known.strength = strength;
  };
  for (const text of [item.moveName, item.ref]) {
    const toks = textTokens(text);
    if (toks.length === 0) continue;
    const compact = toks.join("");
    if (compact.length >= 4 && DIGIT.test(compact) && compact.length <= 40) add(compact, NO_CODE, compactStrength(compact));
    if (ALL_DIGITS.test(compact) && Number(compact) > 0) add("", numberCode(Number(compact)), 0.5);
    const yearKeys = yearSequenceKeys(toks);
    const monthly = yearKeys.some((ys) => !isYearCode(ys.code));
    for (const ys of yearKeys) {
      if (monthly && isYearCode(ys.code)) continue; // BILL/2026/11/0007 is not "2026 number 11"
      add("", ys.code, ys.strength);
      if (isYearCode(ys.code)) add("", numberCode(sequenceOf(ys.code)), 0.5);
    }
  }
  return [...keys.values()];
}
