import { describe, expect, it } from "vitest";
import { entryNumber, itemReferenceKeys, type ItemKey } from "../../../web_src/engine/reconciliation/item_reference_keys";
import { normalizeText } from "../../../web_src/engine/shared/normalize_text";
import {
  isYearCode, NO_CODE, numberCode, referenceKeyName, sequenceOf, snippetOf, yearCode, yearMonthCode,
} from "../../../web_src/engine/shared/reference_key";
import { extractReferenceKeys } from "../../../web_src/engine/shared/extract_reference_keys";
import { tokens } from "../../../web_src/engine/shared/tokens";

const labelKeys = (label: string): Map<string, number> =>
  new Map(extractReferenceKeys(tokens(normalizeText(label))).map((k) => [referenceKeyName(k), k.strength]));

/** Strongest key shared by a label and an item, 0 when none. */
function sharedStrength(label: string, moveName: string, ref = ""): number {
  const found = labelKeys(label);
  let best = 0;
  for (const key of itemReferenceKeys({ moveName, ref })) {
    const { strength } = key;
    const s = found.get(referenceKeyName(key));
    if (s !== undefined) best = Math.max(best, Math.min(s, strength));
  }
  return best;
}

describe("references", () => {
  it.each([
    "INV/2026/00042", "INV 2026 42", "INV202600042", "2026/00042", "inv-2026-00042", "SVWZ+INV/2026/000 42",
    "Rechnung INV/2026/00042 vom 3.3.", "/REMI/USTD//INV 2026 42/",
  ])("finds INV/2026/00042 in %s", (label) => {
    expect(sharedStrength(label, "INV/2026/00042")).toBeGreaterThanOrEqual(0.9);
  });

  it("reads 'invoice 42' as a weak reference only", () => {
    expect(sharedStrength("invoice 42", "INV/2026/00042")).toBe(0.5);
  });

  it("does not confuse other invoice numbers", () => {
    expect(sharedStrength("INV/2026/00043", "INV/2026/00042")).toBe(0);
    expect(sharedStrength("INV/2025/00042", "INV/2026/00042")).toBeLessThan(0.9);
  });

  it("does not read dates and times as invoice numbers", () => {
    expect(sharedStrength("KARTENZAHLUNG 2026-03-15 14:22", "INV/2026/00003")).toBe(0);
    expect(sharedStrength("EREF 20260412", "INV/2026/00412")).toBe(0);
  });

  it("matches vendor bill numbers and monthly entry numbers", () => {
    expect(sharedStrength("SVWZ+RE 2026 1187", "BILL/2026/03/0007", "RE-2026-1187")).toBeGreaterThanOrEqual(0.9);
    expect(sharedStrength("BILL 2026 03 0007", "BILL/2026/03/0007")).toBeGreaterThanOrEqual(0.9);
    expect(sharedStrength("INV 2026 3", "BILL/2026/03/0007")).toBe(0);
  });

  it("matches Belgian structured and RF creditor references", () => {
    expect(sharedStrength("+++123/4567/89012+++", "INV/2026/00001", "+++123/4567/89012+++")).toBe(1);
    expect(sharedStrength("RF18 5390 0754 7034", "INV/2026/00001", "RF18539007547034")).toBe(1);
  });

  it("flags year-and-number shapes as invoice-like", () => {
    expect(extractReferenceKeys(tokens(normalizeText("INV 2026 42"))).some((k) => k.invoiceLike)).toBe(true);
    expect(extractReferenceKeys(tokens(normalizeText("UMBUCHUNG SPARKONTO"))).some((k) => k.invoiceLike)).toBe(false);
  });
});

describe("entryNumber", () => {
  const read = (name: string) => {
    const into = { compact: "", year: 0, month: 0, sequence: 0, sequenceLength: 0 };
    return entryNumber(name, into) ? into : null;
  };

  it("reads yearly and monthly Odoo numbering like the patterns it replaces", () => {
    expect(read("INV/2026/00042")).toEqual({ compact: "INV202600042", year: 2026, month: 0, sequence: 42, sequenceLength: 5 });
    expect(read("BILL/2026/03/0007")).toEqual({ compact: "BILL2026030007", year: 2026, month: 3, sequence: 7, sequenceLength: 4 });
    expect(read("ABCDEFGH/2099/999999")).toEqual({ compact: "ABCDEFGH2099999999", year: 2099, month: 0, sequence: 999_999, sequenceLength: 6 });
    expect(read("RINV/2026/12/1")?.month).toBe(12);
  });

  it.each([
    "INV/2026/00000", "INV/2026/1234567", "ABCDEFGHI/2026/1", "/2026/1", "inv/2026/1", "INV/1999/1", "INV/2026/",
    "INV/2026/13/0001", "INV/2026/00/0001", "INV/2026/1/5", "INV/2026/03/", "INV/2026/03/00", "INV-2026-00042", "INV/2026/0042A",
  ])("refuses %s", (name) => {
    expect(read(name)).toBeNull();
  });
});

describe("itemReferenceKeys", () => {
  it("reads an entry number in `ref` as the general reading does", () => {
    // The general reading, spelled out: tokens, compact key, year/sequence keys (monthly ones win), numbers.
    const general = (text: string): string[] => {
      const toks = tokens(normalizeText(text));
      const names = new Map<string, number>();
      const add = (name: string, strength: number): void => {
        if ((names.get(name) ?? 0) < strength) names.set(name, strength);
      };
      const compact = toks.join("");
      if (compact.length >= 4 && /\d/.test(compact) && compact.length <= 40) add(`C:${compact}`, compact.length < 8 && /^\d+$/.test(compact) ? 0.5 : 1);
      if (/^\d{1,7}$/.test(compact) && Number(compact) > 0) add(`N:${Number(compact)}`, 0.5);
      const years = extractReferenceKeys(toks).filter((k) => k.code !== NO_CODE && k.code >= yearCode(2000, 0)).map((k) => [referenceKeyName(k), k.strength] as const);
      const monthly = years.some(([name]) => name.startsWith("YM:"));
      for (const [name, strength] of years) {
        if (monthly && name.startsWith("Y:")) continue;
        add(name, strength);
        if (name.startsWith("Y:")) add(`N:${name.split(":")[2] as string}`, 0.5);
      }
      return [...names].map(([name, strength]) => `${name}@${strength}`);
    };
    for (const ref of ["INV/2026/00042", "BILL/2026/03/0007", "BILL/2026/03/07", "BILL/2026/03/7", "A/2026/5", "INV/2026/2025", "RE/2026/12/2026"]) {
      const keys = itemReferenceKeys({ moveName: "X", ref }).map((k) => `${referenceKeyName(k)}@${k.strength}`);
      expect(keys, ref).toEqual(general(ref));
    }
  });

  it("gives the same keys on the fast path as on the general one", () => {
    const sorted = (keys: ItemKey[]) => keys.map((k) => ({ key: referenceKeyName(k), strength: k.strength })).sort((a, b) => a.key.localeCompare(b.key));
    for (const moveName of ["INV/2026/00042", "BILL/2026/03/0007"]) {
      // A trailing space in `ref` forces the general path; the keys must not change.
      const general = itemReferenceKeys({ moveName, ref: `${moveName} ` });
      expect(sorted(itemReferenceKeys({ moveName, ref: "" }))).toEqual(sorted(general));
    }
  });
});

describe("reference key codes", () => {
  it("spell out the key they encode, and never collide across kinds", () => {
    expect(referenceKeyName({ compact: "INV202600042", code: NO_CODE })).toBe("C:INV202600042");
    expect(referenceKeyName({ compact: "", code: numberCode(9_999_999) })).toBe("N:9999999");
    expect(referenceKeyName({ compact: "", code: yearCode(2026, 42) })).toBe("Y:2026:42");
    expect(referenceKeyName({ compact: "", code: yearCode(2099, 999_999) })).toBe("Y:2099:999999");
    expect(referenceKeyName({ compact: "", code: yearMonthCode(2026, 3, 7) })).toBe("YM:2026:3:7");
    expect(referenceKeyName({ compact: "", code: yearMonthCode(2099, 12, 999_999) })).toBe("YM:2099:12:999999");
    expect(isYearCode(yearCode(2000, 1))).toBe(true);
    expect(isYearCode(numberCode(9_999_999))).toBe(false);
    expect(isYearCode(yearMonthCode(2000, 1, 1))).toBe(false);
    expect(sequenceOf(yearCode(2026, 123_456))).toBe(123_456);
    expect(yearCode(2099, 999_999)).toBeLessThan(yearMonthCode(2000, 1, 1));
    expect(yearMonthCode(2099, 12, 999_999)).toBeLessThan(2 ** 31);
  });

  it("lists each key once with its strongest reading, also for labels with many keys", () => {
    for (const count of [3, 30]) {
      const numbers = Array.from({ length: count }, (_, k) => `INV 2026 ${String(k + 1).padStart(5, "0")}`);
      const toks = tokens(normalizeText(`${numbers.join(" / ")} ${numbers.slice(0, 2).join(" / ")}`));
      const keys = extractReferenceKeys(toks);
      const names = keys.map(referenceKeyName);
      expect(new Set(names).size).toBe(names.length);
      expect(names).toContain(`Y:2026:${count}`);
      const strongest = new Map<string, number>();
      for (const key of keys) strongest.set(referenceKeyName(key), Math.max(strongest.get(referenceKeyName(key)) ?? 0, key.strength));
      for (const key of keys) expect(key.strength).toBe(strongest.get(referenceKeyName(key)));
    }
  });

  it("points back at the label text a key was read from", () => {
    const toks = tokens(normalizeText("Rechnung INV 2026 00042 vom 3.3."));
    const names = extractReferenceKeys(toks).map((k) => [referenceKeyName(k), snippetOf(toks, k)]);
    expect(names).toContainEqual(["Y:2026:42", "INV 2026 00042"]);
    expect(names).toContainEqual(["C:INV202600042", "INV 2026 00042"]);
  });
});
