// Fit the engine's confidence calibration on generated books (seed CALIBRATION_SEED, never the evaluation seed)
// and rewrite the knots in web_src/engine/reconciliation/calibration.ts. Run after any change to the scorer:
//   npx tsx scripts/fit_engine_calibration.ts [--dry-run]
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generateBooks } from "./bench/lib/books";
import { isCorrect } from "./bench/lib/evaluate";
import { CALIBRATION_SEED } from "../web_src/engine/reconciliation/calibration";
import { buildEngineContext } from "../web_src/engine/reconciliation/engine_context";
import { fitIsotonic, type ScoredOutcome } from "./bench/lib/isotonic";
import { scoreLine } from "../web_src/engine/reconciliation/suggest_reconciliations";

const books = generateBooks({ seed: CALIBRATION_SEED, lines: 8_000, openItems: 10_000 });
const ctx = buildEngineContext(books.request);
const outcomes: ScoredOutcome[] = [];
for (const line of books.request.lines) {
  const truth = books.truth.get(line.id);
  if (truth === undefined) continue;
  for (const { proposal, raw } of scoreLine(line, ctx).slice(0, ctx.settings.maxSuggestions)) {
    const suggestion = {
      rank: 1, matchType: proposal.matchType, candidateIds: proposal.items.map((i) => i.id), partnerId: proposal.partnerId,
      accountId: proposal.accountId, taxIds: proposal.taxIds, writeoffAmount: 0, confidence: raw, explanation: "", reasons: [],
    };
    outcomes.push({ score: raw, correct: isCorrect(suggestion, truth) });
  }
}
const knots = fitIsotonic(outcomes, 24);
const body = knots.map(([x, y]) => `  [${x}, ${y}],`).join("\n");
console.log(`${outcomes.length} scored suggestions, ${knots.length} knots`);
console.log(body);
if (!process.argv.includes("--dry-run")) {
  const path = fileURLToPath(new URL("../web_src/engine/reconciliation/calibration.ts", import.meta.url));
  const source = readFileSync(path, "utf8");
  const updated = source.replace(
    /export const CALIBRATION_KNOTS: ReadonlyArray<readonly \[number, number\]> = \[[\s\S]*?\n\];/,
    `export const CALIBRATION_KNOTS: ReadonlyArray<readonly [number, number]> = [\n${body}\n];`,
  );
  writeFileSync(path, updated);
  console.log(`wrote ${path}`);
}
