import { describe, expect, it } from "vitest";
import { CandidateIndex } from "../../../web_src/engine/reconciliation/candidate_index";
import { NO_CODE, referenceKeyName } from "../../../web_src/engine/shared/reference_key";
import { extractReferenceKeys } from "../../../web_src/engine/shared/extract_reference_keys";
import { normalizeText } from "../../../web_src/engine/shared/normalize_text";
import { tokens } from "../../../web_src/engine/shared/tokens";
import { item } from "./factories";

const settings = { fxTolerance: 1 };
const compactKey = (compact: string) => ({ compact, code: NO_CODE });

describe("CandidateIndex", () => {
  const items = [
    item({ id: 1, amountResidual: 100, partnerId: 7 }),
    item({ id: 2, amountResidual: 250.5, partnerId: 7, date: "2026-01-01" }),
    item({ id: 3, amountResidual: 100, partnerId: 8 }),
    item({ id: 4, amountResidual: -100, partnerId: 9, moveName: "BILL/2026/03/0007" }),
    item({ id: 5, amountResidual: 92.4, amountResidualCurrency: 100, currency: "USD", partnerId: 7 }),
    item({ id: 6, amountResidual: 92.9, amountResidualCurrency: 101, currency: "USD", partnerId: 8 }),
    item({ id: 7, amountResidual: 0, amountResidualCurrency: 0, partnerId: 7, moveName: "INV/2026/00099" }),
  ];
  const index = new CandidateIndex(items, settings);

  it("finds exact amounts per currency and sign, in request order", () => {
    expect(index.withAmount("EUR", 100).map((i) => i.id)).toEqual([1, 3]);
    expect(index.withAmount("EUR", -100).map((i) => i.id)).toEqual([4]);
    expect(index.withAmount("USD", 100).map((i) => i.id)).toEqual([5]);
    expect(index.withAmount("EUR", 100.01)).toEqual([]);
    expect(index.withAmount("CHF", 100)).toEqual([]);
  });

  it("finds company amounts within the FX tolerance in other currencies only", () => {
    expect(index.nearCompanyAmount("EUR", 92.5, 1).map((i) => i.id)).toEqual([5, 6]);
    expect(index.nearCompanyAmount("EUR", 92.5, 0.2).map((i) => i.id)).toEqual([5]);
    expect(index.nearCompanyAmount("USD", 100, 1).map((i) => i.id)).toEqual([1, 3]);
  });

  it("ranges a partner's items of one sign by company amount", () => {
    expect(index.partnerItems(7, 1).map((i) => i.id)).toEqual([5, 1, 2]);
    expect(index.partnerItemsBetween(7, 1, 95, 300).map((i) => i.id)).toEqual([1, 2]);
    expect(index.partnerItems(7, -1)).toEqual([]);
    expect(index.partnerItems(42, 1)).toEqual([]);
  });

  it("lists the items a reference names and flags paid invoices", () => {
    const refs = index.references;
    const slot = refs.slot(compactKey("INV202600002"));
    expect(slot).toBeGreaterThanOrEqual(0);
    expect(refs.end(slot) - refs.start(slot)).toBe(1);
    expect(refs.item(refs.start(slot)).id).toBe(2);
    expect(refs.strength(refs.start(slot))).toBe(1);
    expect(refs.isPaid(refs.slot(compactKey("INV202600099")))).toBe(true);
    expect(refs.isPaid(slot)).toBe(false);
    expect(refs.slot(compactKey("NOPE"))).toBe(-1);
  });

  it("skips label runs that cannot start a known compact key without losing any that can", () => {
    const refs = index.references;
    expect(refs.mayStartCompact("INV2")).toBe(true);
    expect(refs.mayStartCompact("INV2026")).toBe(true);
    expect(refs.mayStartCompact("GUTSCHRIFT")).toBe(false);
    // INV2026… keys are all 12 characters long (INV202600002 …); BILL2026… 14.
    expect(refs.compactLengths("INV2026")).toBe(12 * 256 + 12);
    expect(refs.compactLengths("BILL2026030007")).toBe(14 * 256 + 14);
    expect(refs.compactLengths("GUTSCHRIFT")).toBeLessThan(0);
    expect(extractReferenceKeys(tokens("INV 2026 0000 2"), refs).map(referenceKeyName)).not.toContain("C:INV20260000");
    const toks = tokens(normalizeText("GUTSCHRIFT 123456 INV 2026 00002 DE89370400440532013000"));
    const all = extractReferenceKeys(toks);
    const pruned = extractReferenceKeys(toks, refs).map(referenceKeyName);
    expect(pruned).toContain("C:INV202600002");
    expect(pruned.length).toBeLessThan(all.length);
    // Every key the pruning dropped is one the index does not know.
    for (const key of all) if (!pruned.includes(referenceKeyName(key))) expect(refs.slot(key)).toBe(-1);
  });
});
