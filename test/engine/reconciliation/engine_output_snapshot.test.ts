// The engine's whole output (every suggestion: rank, items, partner, account, taxes, write-off, confidence,
// explanation, reasons) on fixed books of both generators, against a snapshot taken before the engine was made
// faster: a speed change must not change one decision or one word. The snapshot holds a SHA-256 of the whole output
// and the first lines of each book in full, so that a change shows which line moved.
//   UPDATE_ENGINE_SNAPSHOT=1 npx vitest run test/engine/reconciliation/engine_output_snapshot.test.ts
// rewrites it — only when a change of the engine's decisions is meant, and said so in the commit.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { SuggestRequest } from "../../../web_src/contracts/reconcile";
import { suggestReconciliations } from "../../../web_src/engine/reconciliation/suggest_reconciliations";
import { generateBooks } from "../../../scripts/bench/lib/books";
import { generateIndependentBooks } from "../../../scripts/bench/lib/books_independent/generate";

const SNAPSHOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures/engine_output_snapshot.json");
/** Lines kept in full per book (the rest is in the hash). */
const SAMPLE_LINES = 80;

interface BookSnapshot {
  lines: number;
  sha256: string;
  sample: string[];
}

/** Fixed books: the first generator at the speed bench's 10k open items, and the independent one (two seeds). */
const BOOKS: Record<string, () => SuggestRequest> = {
  "books.ts seed 20260777, 3000 lines, 10000 open items": () => generateBooks({ seed: 20_260_777, lines: 3_000, openItems: 10_000 }).request,
  "independent seed 5090, 1000 lines, 2000 open items": () => generateIndependentBooks({ seed: 5_090, lines: 1_000, openItems: 2_000 }).request,
  "independent seed 5091, 1000 lines, 4000 open items": () => generateIndependentBooks({ seed: 5_091, lines: 1_000, openItems: 4_000 }).request,
};

function snapshotOf(request: SuggestRequest): BookSnapshot {
  const hash = createHash("sha256");
  const sample: string[] = [];
  for (const result of suggestReconciliations(request)) {
    const text = JSON.stringify(result);
    hash.update(text).update("\n");
    if (sample.length < SAMPLE_LINES) sample.push(text);
  }
  return { lines: request.lines.length, sha256: hash.digest("hex"), sample };
}

describe("the engine's output on fixed books", () => {
  const taken = Object.fromEntries(Object.entries(BOOKS).map(([name, make]) => [name, snapshotOf(make())]));

  if (process.env.UPDATE_ENGINE_SNAPSHOT === "1") writeFileSync(SNAPSHOT, `${JSON.stringify(taken, null, 1)}\n`);

  it("has a stored snapshot for every book", () => {
    expect(existsSync(SNAPSHOT)).toBe(true);
    const stored = JSON.parse(readFileSync(SNAPSHOT, "utf8")) as Record<string, BookSnapshot>;
    expect(Object.keys(stored).sort()).toEqual(Object.keys(BOOKS).sort());
  });

  for (const name of Object.keys(BOOKS)) {
    it(`is unchanged on ${name}`, () => {
      const stored = (JSON.parse(readFileSync(SNAPSHOT, "utf8")) as Record<string, BookSnapshot>)[name];
      const now = taken[name] as BookSnapshot;
      expect(now.lines).toBe(stored?.lines);
      // The sample first: a difference there is shown line by line.
      expect(now.sample).toEqual(stored?.sample);
      expect(now.sha256).toBe(stored?.sha256);
    });
  }
});
