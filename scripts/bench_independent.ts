// The engine on the independent generator's books alone: per-kind top-1, the figures of issue 10 and the
// reliability table. `npm run bench` reports on the report seeds (scripts/bench_engine.ts); this script is for the
// tuning loop, on tuning seeds, and prints what went wrong at the auto grade.
//   npx tsx scripts/bench_independent.ts --tuning [--seeds 5000-5019] [--lines 1000] [--items 2000] [--failures 20]
//   npx tsx scripts/bench_independent.ts --report            (the report seeds, as npm run bench does)
import { parseArgs } from "node:util";
import { AUTO_CONFIDENCE } from "../web_src/contracts/reconcile";
import { suggestReconciliations } from "../web_src/engine/reconciliation/suggest_reconciliations";
import { baselineSuggest } from "./bench_engine";
import { isCorrect } from "./bench/lib/evaluate";
import { figuresOf, printReliability, printScenarioTable, printSideBySide } from "./bench/lib/generator_report";
import { generateIndependentBooks } from "./bench/lib/books_independent/generate";
import { KINDS, NO_MATCH_KINDS } from "./bench/lib/books_independent/kinds";
import { runIndependent } from "./bench/lib/books_independent/run";
import { REPORT_SEEDS, seedsOf, TUNING_SEEDS } from "./bench/lib/books_independent/seeds";

const { values } = parseArgs({
  options: {
    tuning: { type: "boolean" }, report: { type: "boolean" }, seeds: { type: "string" }, lines: { type: "string" },
    items: { type: "string" }, failures: { type: "string" },
  },
});
if (values.tuning === values.report) throw new Error("say --tuning or --report");
const purpose = values.tuning === true ? "tuning" : "report";
const range = purpose === "tuning" ? TUNING_SEEDS : REPORT_SEEDS;
const [from, to] = (values.seeds ?? `${range.from}-${purpose === "tuning" ? range.from + 19 : range.to}`).split("-").map(Number);
const seeds = seedsOf({ from: from ?? range.from, to: to ?? from ?? range.from });
const size = { lines: Number(values.lines ?? 1_000), openItems: Number(values.items ?? 2_000) };
const run = runIndependent(purpose, seeds, size, suggestReconciliations, baselineSuggest);
const label = `${seeds[0]}–${seeds.at(-1)}`;
console.log(`Independent books, ${purpose} seeds ${label}, ${size.lines} lines / ${size.openItems} open items each`);
printScenarioTable(KINDS, (k) => NO_MATCH_KINDS.has(k), run.engine, run.baseline, console.log);
console.log("");
const figures = figuresOf("independent", label, run.engine, true);
printSideBySide([figures], console.log);
console.log("");
printReliability("Reliability (all suggestions, all ranks)", figures.reliability, console.log);

if (purpose === "tuning") {
  // Wrong at the auto grade: what a person would never have seen. Only on tuning seeds.
  let shown = 0;
  const limit = Number(values.failures ?? 20);
  console.log("");
  console.log(`Wrong at ≥ ${AUTO_CONFIDENCE} (first ${limit})`);
  for (const seed of seeds) {
    const books = generateIndependentBooks({ seed, ...size });
    for (const r of suggestReconciliations(books.request)) {
      const t = books.truth.get(r.lineId);
      const top = r.suggestions[0];
      if (t === undefined || top === undefined || top.confidence < AUTO_CONFIDENCE || isCorrect(top, t) || shown >= limit) continue;
      shown++;
      const line = books.request.lines[r.lineId - 1];
      console.log(`  ${seed}/${r.lineId} ${t.scenario}: ${top.matchType} ${top.confidence.toFixed(3)} — ${line?.label.slice(0, 100)} — ${top.explanation.slice(0, 100)}`);
    }
  }
}
