import { describe, expect, it } from "vitest";
import { SuggestRequestSchema } from "../../../web_src/contracts/reconcile";
import { generateBooks } from "../../../scripts/bench/lib/books";
import { evaluate } from "../../../scripts/bench/lib/evaluate";
import { CALIBRATION_SEED } from "../../../web_src/engine/reconciliation/calibration";
import { suggestReconciliations } from "../../../web_src/engine/reconciliation/suggest_reconciliations";

const SEED = 4_242;

describe("generated books", () => {
  const books = generateBooks({ seed: SEED, lines: 400, openItems: 2_000 });

  it("is reproducible from its seed and valid under the contract", () => {
    const again = generateBooks({ seed: SEED, lines: 400, openItems: 2_000 });
    expect(again.request.lines).toEqual(books.request.lines);
    expect(generateBooks({ seed: SEED + 1, lines: 400, openItems: 2_000 }).request.lines).not.toEqual(books.request.lines);
    expect(() => SuggestRequestSchema.parse(books.request)).not.toThrow();
    expect(books.truth.size).toBe(400);
    expect(SEED).not.toBe(CALIBRATION_SEED);
  });

  it("covers every scenario with truths that point at real open items", () => {
    const scenarios = new Set([...books.truth.values()].map((t) => t.scenario));
    expect(scenarios.size).toBeGreaterThanOrEqual(10);
    const open = new Set(books.request.candidates.filter((c) => c.amountResidual !== 0).map((c) => c.id));
    for (const t of books.truth.values()) for (const id of t.candidateIds) expect(open.has(id)).toBe(true);
  });

  it("meets the accuracy, precision and no-match targets", () => {
    const ev = evaluate(suggestReconciliations(books.request), books.truth);
    expect(ev.top1Correct / ev.matchable).toBeGreaterThanOrEqual(0.97);
    expect(ev.autoLines).toBeGreaterThan(0.6 * ev.lines);
    expect(ev.autoCorrect / ev.autoLines).toBeGreaterThanOrEqual(0.995);
    expect(ev.noMatchAuto / ev.noMatchLines).toBeLessThanOrEqual(0.02);
  });
});
