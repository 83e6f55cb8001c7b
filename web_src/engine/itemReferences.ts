import type { OpenItem } from "../contracts/reconcile";
import { normalizeText } from "./normalize";
import { compactStrength } from "./referenceKey";
import { tokens } from "./tokens";
import { yearSequenceKeys } from "./yearSequence";

const YEARLY = /^([A-Z]{1,8})\/(20\d\d)\/(\d{1,6})$/;
const MONTHLY = /^([A-Z]{1,8})\/(20\d\d)\/(0[1-9]|1[0-2])\/(\d{1,6})$/;

export interface ItemKey {
  key: string;
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
      if (n > 0) return [{ key: `C:${prefix}${year}${seq}`, strength: 1 }, { key: `Y:${year}:${n}`, strength: 0.9 }, { key: `N:${n}`, strength: 0.5 }];
    }
    const monthly = MONTHLY.exec(item.moveName);
    if (monthly) {
      const [, prefix = "", year = "", month = "", seq = ""] = monthly;
      const n = Number(seq);
      if (n > 0) return [{ key: `C:${prefix}${year}${month}${seq}`, strength: 1 }, { key: `YM:${year}:${Number(month)}:${n}`, strength: 0.95 }];
    }
  }
  const keys = new Map<string, number>();
  const add = (key: string, strength: number): void => {
    if ((keys.get(key) ?? 0) < strength) keys.set(key, strength);
  };
  for (const text of [item.moveName, item.ref]) {
    const toks = tokens(normalizeText(text));
    if (toks.length === 0) continue;
    const compact = toks.join("");
    if (compact.length >= 4 && /\d/.test(compact) && compact.length <= 40) add(`C:${compact}`, compactStrength(compact));
    if (/^\d{1,7}$/.test(compact) && Number(compact) > 0) add(`N:${Number(compact)}`, 0.5);
    const yearKeys = yearSequenceKeys(toks);
    const monthly = yearKeys.some((ys) => ys.key.startsWith("YM:"));
    for (const ys of yearKeys) {
      if (monthly && ys.key.startsWith("Y:")) continue; // BILL/2026/11/0007 is not "2026 number 11"
      add(ys.key, ys.strength);
      if (ys.key.startsWith("Y:")) add(`N:${ys.key.split(":")[2] as string}`, 0.5);
    }
  }
  return [...keys].map(([key, strength]) => ({ key, strength }));
}
