// The independent books generator (scripts/bench/lib/books_independent): valid under the contract, reproducible
// from its seed, ground truth consistent with the books, and the bench's refusal to report on tuning seeds.
import { describe, expect, it } from "vitest";
import { SuggestRequestSchema, type LineResult } from "../../web_src/contracts/reconcile";
import { generateBooks } from "../../scripts/bench/lib/books";
import { generateIndependentBooks } from "../../scripts/bench/lib/books_independent/generate";
import { KINDS, NO_MATCH_KINDS } from "../../scripts/bench/lib/books_independent/kinds";
import { runIndependent } from "../../scripts/bench/lib/books_independent/run";
import {
  assertReportSeed, NotAReportSeedError, REPORT_SEEDS, seedsOf, TUNING_SEEDS, TuningSeedError,
} from "../../scripts/bench/lib/books_independent/seeds";

const SIZE = { lines: 1_000, openItems: 2_000 };
const books = generateIndependentBooks({ seed: TUNING_SEEDS.from, ...SIZE });
const byId = new Map(books.request.candidates.map((c) => [c.id, c]));
const lineOf = (id: number) => {
  const line = books.request.lines[id - 1];
  if (line === undefined || line.id !== id) throw new Error(`line ${id} missing`);
  return line;
};
const cents = (x: number): number => Math.round(x * 100);

describe("independent books", () => {
  it("are valid under the contract and reproducible from their seed", () => {
    expect(() => SuggestRequestSchema.parse(books.request)).not.toThrow();
    expect(books.request.lines).toHaveLength(SIZE.lines);
    expect(books.truth.size).toBe(SIZE.lines);
    const again = generateIndependentBooks({ seed: TUNING_SEEDS.from, ...SIZE });
    expect(again.request).toEqual(books.request);
    expect([...again.truth]).toEqual([...books.truth]);
    expect(generateIndependentBooks({ seed: TUNING_SEEDS.from + 1, ...SIZE }).request.lines).not.toEqual(books.request.lines);
  });

  it("cover every kind, with counterparties absent from the history", () => {
    const kinds = new Set([...books.truth.values()].map((t) => t.scenario));
    expect([...kinds].sort()).toEqual([...KINDS].sort());
    const absent = [...books.truth.values()].filter((t) => t.absentFromHistory).length;
    expect(absent).toBeGreaterThan(SIZE.lines * 0.2);
  });

  it("share no partner name with the first generator's books", () => {
    const first = new Set(generateBooks({ seed: TUNING_SEEDS.from, ...SIZE }).request.partners.map((p) => p.name));
    expect(books.request.partners.filter((p) => first.has(p.name))).toEqual([]);
  });

  it("have a ground truth that the books bear out", () => {
    const fee = books.request.settings.bankFeeAccountId;
    const accounts = new Set(books.request.accounts.map((a) => a.id));
    const paidNames = new Set(books.paidItems.flatMap((i) => [i.moveName.slice(-5), `/${Number(i.moveName.slice(-5))}`, i.ref]));
    for (const [id, t] of books.truth) {
      const line = lineOf(id);
      const items = t.candidateIds.map((c) => byId.get(c));
      expect(items.every((i) => i !== undefined), `line ${id}: truth names items that are not open`).toBe(true);
      const open = items.filter((i) => i !== undefined);
      expect([...t.candidateIds].sort((a, b) => a - b)).toEqual(t.candidateIds);
      for (const i of open) expect(i.partnerId).toBe(t.partnerId);
      const residual = cents(open.reduce((s, i) => s + i.amountResidualCurrency, 0));
      switch (t.matchType) {
        case "full":
          expect(open).toHaveLength(1);
          expect(line.currency).toBe(open[0]?.currency);
          expect(cents(line.amount)).toBe(residual);
          break;
        case "multi":
          expect(open.length).toBeGreaterThanOrEqual(2);
          expect(cents(line.amount)).toBe(residual);
          break;
        case "partial":
          expect(open).toHaveLength(1);
          expect(Math.sign(line.amount)).toBe(Math.sign(residual));
          expect(Math.abs(cents(line.amount))).toBeLessThan(Math.abs(residual));
          break;
        case "writeoff":
          expect(t.accountId).toBe(fee);
          expect(Math.abs(cents(line.amount) - residual)).toBeGreaterThan(0);
          expect(Math.abs(cents(line.amount) - residual)).toBeLessThanOrEqual(9);
          break;
        case "expense":
          expect(t.candidateIds).toEqual([]);
          expect(accounts.has(t.accountId ?? -1)).toBe(true);
          break;
        case null:
          expect(NO_MATCH_KINDS.has(t.scenario)).toBe(true);
          expect(t.candidateIds).toEqual([]);
          break;
      }
      if (t.scenario === "already_settled") {
        expect([...paidNames].some((name) => `${line.label} ${line.ref}`.includes(name))).toBe(true);
      }
      if (t.referenceIdentifies) {
        // Every item the line pays is named by its number (its sequence digits), its bill number or its RF reference.
        const text = `${line.label} ${line.ref}`.replace(/\s/g, "");
        for (const i of open) {
          const named = text.includes(i.moveName.slice(-5)) || text.includes(String(Number(i.moveName.slice(-5))))
            || text.includes(i.ref.replace(/\s/g, ""));
          expect(named, `line ${id} (${t.scenario}) does not name ${i.moveName}: ${line.label}`).toBe(true);
        }
      }
    }
  });

  it("say truly which counterparties are absent from the history", () => {
    const historyPartners = new Set(books.request.history.map((h) => h.partnerId).filter((p) => p !== null));
    const historyText = books.request.history.map((h) => `${h.label} ${h.partnerName}`.toUpperCase()).join("\n");
    for (const [, t] of books.truth) {
      if (t.partnerId !== null) expect(historyPartners.has(t.partnerId)).toBe(!t.absentFromHistory);
    }
    // Merchants that never appear in the history: not a word of their brand in any past line.
    expect(books.unknownMerchants.length).toBeGreaterThan(10);
    for (const brand of books.unknownMerchants) {
      const word = brand.split(" ")[0] ?? brand;
      expect(new RegExp(`(^|[^A-Z])${word.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&")}([^A-Z]|$)`).test(historyText), brand).toBe(false);
    }
    for (const [id, t] of books.truth) {
      if (t.scenario !== "unknown_card" && t.scenario !== "unknown_debit") continue;
      expect(t.absentFromHistory).toBe(true);
      const text = `${lineOf(id).label} ${lineOf(id).partnerName}`.toUpperCase();
      expect(books.unknownMerchants.some((b) => text.includes(b.split(" ")[0] ?? b))
        || /ENERGIE|GMBH|SA|SE|EG|B\.V\./.test(text), text).toBe(true);
    }
  });
});

describe("seed ranges", () => {
  const none = (request: { lines: { id: number }[] }): LineResult[] => request.lines.map((l) => ({ lineId: l.id, suggestions: [] }));

  it("refuse to report on a tuning seed, or on any seed outside the report range", () => {
    for (const seed of seedsOf(TUNING_SEEDS)) expect(() => assertReportSeed(seed)).toThrow(TuningSeedError);
    for (const seed of [101, 4_999, 6_000, 7_010, 20_260_401]) expect(() => assertReportSeed(seed)).toThrow(NotAReportSeedError);
    for (const seed of seedsOf(REPORT_SEEDS)) expect(() => assertReportSeed(seed)).not.toThrow();
    expect(TUNING_SEEDS.to).toBeLessThan(REPORT_SEEDS.from);
  });

  it("keep report runs on report seeds and tuning runs on tuning seeds", () => {
    const size = { lines: 20, openItems: 40 };
    expect(() => runIndependent("report", [REPORT_SEEDS.from, TUNING_SEEDS.from], size, none, none)).toThrow(TuningSeedError);
    expect(() => runIndependent("tuning", [REPORT_SEEDS.from], size, none, none)).toThrow(RangeError);
    const run = runIndependent("report", [REPORT_SEEDS.from, REPORT_SEEDS.from + 1], size, none, none);
    expect(run.engine.lines).toBe(40);
    expect(run.engine.autoLines).toBe(0);
    expect(runIndependent("tuning", [TUNING_SEEDS.from], size, none, none).engine.lines).toBe(20);
  });
});
