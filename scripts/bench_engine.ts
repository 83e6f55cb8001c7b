// Engine-only benchmark: accuracy per scenario against a naive exact-amount baseline, precision and coverage above
// AUTO_CONFIDENCE, false suggestions on lines with no match, the reliability table, and speed at three sizes.
//   npx tsx scripts/bench_engine.ts [--quick]
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { AUTO_CONFIDENCE, type LineResult, type SuggestRequest } from "../web_src/contracts/reconcile";
import { generateBooks } from "./bench/lib/books";
import { SCENARIOS } from "./bench/lib/scenarios";
import { evaluate, type Evaluation } from "./bench/lib/evaluate";
import { CALIBRATION_SEED } from "../web_src/engine/reconciliation/calibration";
import { reliabilityTable, type ReliabilityRow } from "./bench/lib/reliability";
import { figuresOf, printReliability, printScenarioTable, printSideBySide, type GeneratorFigures } from "./bench/lib/generator_report";
import { KINDS, NO_MATCH_KINDS } from "./bench/lib/books_independent/kinds";
import { runIndependent } from "./bench/lib/books_independent/run";
import { REPORT_SEEDS, seedsOf } from "./bench/lib/books_independent/seeds";
import { suggestReconciliations } from "../web_src/engine/reconciliation/suggest_reconciliations";

export interface EngineBenchOptions {
  /** Seed of the evaluated books; must differ from CALIBRATION_SEED. */
  seed?: number;
  accuracyLines?: number;
  accuracyItems?: number;
  /** [lines, open items] per speed run. */
  speedSizes?: ReadonlyArray<readonly [number, number]>;
  /** The independent generator's books: report seeds, lines and open items per seed (false: skip). */
  independent?: { seeds: readonly number[]; lines: number; openItems: number } | false;
  log?: (line: string) => void;
}

export interface SpeedRow {
  lines: number;
  items: number;
  /** Wall-clock seconds of the run whose CPU time is the median (meaningless on a busy box: see cpuSeconds). */
  seconds: number;
  linesPerSecond: number;
  /** CPU seconds of this process (user + system, process.cpuUsage), the median of the runs of this size. */
  cpuSeconds: number;
  /** Lines per CPU second: the speed target (≥ 20,000 lines/s against 10k open items on one core). */
  cpuLinesPerSecond: number;
  runs: number;
  /** The naive exact-amount baseline on the same request, in the same run: the peer the engine is measured against. */
  baselineLinesPerSecond: number;
  peakRssMb: number;
  heapUsedMb: number;
}

export interface EngineBenchReport {
  engine: Evaluation;
  baseline: Evaluation;
  reliability: ReliabilityRow[];
  speed: SpeedRow[];
  /** Both generators' figures, side by side (the first generator's, then the independent one's). */
  generators: GeneratorFigures[];
}

/** Naive baseline: the first open item with the same amount and currency. */
export function baselineSuggest(request: SuggestRequest): LineResult[] {
  const byAmount = new Map<string, number>();
  for (const c of request.candidates) {
    if (Math.round(c.amountResidualCurrency * 100) === 0) continue;
    const key = `${c.currency}:${Math.round(c.amountResidualCurrency * 100)}`;
    if (!byAmount.has(key)) byAmount.set(key, c.id);
  }
  return request.lines.map((line) => {
    const id = byAmount.get(`${line.currency}:${Math.round(line.amount * 100)}`);
    return {
      lineId: line.id,
      suggestions: id === undefined ? [] : [{
        rank: 1, matchType: "full", candidateIds: [id], partnerId: null, accountId: null, taxIds: [], writeoffAmount: 0,
        confidence: 0.5, explanation: "amount equals", reasons: [],
      }],
    };
  });
}

/** Runs per speed size up to 10k lines against 10k open items (larger sizes run once). */
const SPEED_RUNS = 5;

/** [lines, open items] of the speed table: small, the 10k-against-10k target (≥ 20,000 lines/s), large, very large. */
export const DEFAULT_SPEED_SIZES: ReadonlyArray<readonly [number, number]> = [
  [1_000, 5_000], [10_000, 10_000], [10_000, 50_000], [100_000, 200_000],
];

export function runEngineBench(options: EngineBenchOptions = {}): EngineBenchReport {
  const log = options.log ?? ((line: string) => console.log(line));
  const seed = options.seed ?? 20_260_401;
  if (seed === CALIBRATION_SEED) throw new RangeError("evaluate on a seed different from the calibration seed");
  const books = generateBooks({ seed, lines: options.accuracyLines ?? 5_000, openItems: options.accuracyItems ?? 10_000 });
  const engine = evaluate(suggestReconciliations(books.request), books.truth);
  const baseline = evaluate(baselineSuggest(books.request), books.truth);
  const pct = (n: number, d: number): string => (d === 0 ? "   -  " : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

  log(`Accuracy — seed ${seed}, ${books.request.lines.length} lines, ${books.request.candidates.length} candidates (calibrated on seed ${CALIBRATION_SEED})`);
  log("| scenario         | lines | engine top-1 | baseline top-1 | engine ≥AUTO (right/total) |");
  log("|------------------|------:|-------------:|---------------:|---------------------------:|");
  for (const scenario of SCENARIOS) {
    const e = engine.byScenario.get(scenario);
    const b = baseline.byScenario.get(scenario);
    if (e === undefined) continue;
    const noMatch = scenario === "no_match" || scenario === "already_paid" || scenario === "ambiguous_blind";
    log(`| ${scenario.padEnd(16)} | ${String(e.lines).padStart(5)} | ${noMatch ? "  (no match)" : pct(e.top1, e.lines).padStart(12)} | ${noMatch ? "    (no match)" : pct(b?.top1 ?? 0, e.lines).padStart(14)} | ${`${e.autoCorrect}/${e.autoLines}`.padStart(26)} |`);
  }
  log("");
  log(`top-1 on matchable lines: engine ${pct(engine.top1Correct, engine.matchable)}, baseline ${pct(baseline.top1Correct, baseline.matchable)} (target ≥ 97%)`);
  log(`precision ≥ ${AUTO_CONFIDENCE}: ${pct(engine.autoCorrect, engine.autoLines)} (target ≥ 99.5%); coverage ≥ ${AUTO_CONFIDENCE}: ${pct(engine.autoLines, engine.lines)} of all lines (target ≥ 70%)`);
  log(`no-match lines with a suggestion ≥ ${AUTO_CONFIDENCE}: ${engine.noMatchAuto}/${engine.noMatchLines} = ${pct(engine.noMatchAuto, engine.noMatchLines)} (target ≤ 2%); ≥ 0.6: ${engine.noMatchAbove06}`);

  const reliability = reliabilityTable(engine.outcomes);
  log("");
  log("Reliability (all suggestions, all ranks)");
  log("| confidence  | count | mean conf | observed |");
  log("|-------------|------:|----------:|---------:|");
  for (const row of reliability) {
    log(`| ${row.from.toFixed(2)}–${row.to.toFixed(2)}   | ${String(row.count).padStart(5)} | ${row.meanConfidence.toFixed(3).padStart(9)} | ${row.count === 0 ? "       -" : row.accuracy.toFixed(3).padStart(8)} |`);
  }

  const generators = [figuresOf("books.ts", String(seed), engine, false)];
  const independent = options.independent ?? { seeds: seedsOf(REPORT_SEEDS), lines: 1_000, openItems: 2_000 };
  if (independent !== false) {
    const run = runIndependent("report", independent.seeds, independent, suggestReconciliations, baselineSuggest);
    const seeds = run.seeds.length === 1 ? String(run.seeds[0]) : `${run.seeds[0]}–${run.seeds.at(-1)}`;
    log("");
    log(`Independent books (scripts/bench/lib/books_independent) — report seeds ${seeds}, ${independent.lines} lines and ` +
      `${independent.openItems} open items each; tuning seeds are never reported`);
    printScenarioTable(KINDS, (k) => NO_MATCH_KINDS.has(k), run.engine, run.baseline, log);
    const figures = figuresOf("independent", seeds, run.engine, true);
    generators.push(figures);
    log("");
    printReliability("Reliability, independent books (all suggestions, all ranks)", figures.reliability, log);
    log("");
    log("Both generators side by side (engine)");
    printSideBySide(generators, log);
  }

  const speed: SpeedRow[] = [];
  log("");
  log(`Speed (one core, index build included; CPU = user + system time of this process, the median of the runs; ` +
    `load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on ${availableParallelism()} cores; ` +
    "baseline = naive exact-amount matcher on the same request)");
  log("| lines   | open items | runs | CPU s | lines/CPU s | wall s | lines/wall s | baseline lines/s | peak RSS MB | heap used MB |");
  log("|--------:|-----------:|-----:|------:|------------:|-------:|-------------:|-----------------:|------------:|-------------:|");
  for (const [lines, items] of options.speedSizes ?? DEFAULT_SPEED_SIZES) {
    const run = generateBooks({ seed: seed + lines, lines, openItems: items });
    // Small sizes several times (the median is steadier on a shared box), the large ones once.
    const runs = lines * items <= 100_000_000 ? SPEED_RUNS : 1;
    const timed: Array<{ cpu: number; wall: number }> = [];
    for (let k = 0; k < runs; k++) {
      const cpu0 = process.cpuUsage();
      const start = performance.now();
      suggestReconciliations(run.request);
      const wall = (performance.now() - start) / 1000;
      const cpu = process.cpuUsage(cpu0);
      timed.push({ cpu: (cpu.user + cpu.system) / 1e6, wall });
    }
    timed.sort((a, b) => a.cpu - b.cpu);
    const median = timed[Math.floor(timed.length / 2)] as { cpu: number; wall: number };
    const heapUsedMb = process.memoryUsage().heapUsed / 1048576;
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    const baselineStart = performance.now();
    baselineSuggest(run.request);
    const baselineSeconds = (performance.now() - baselineStart) / 1000;
    const row: SpeedRow = {
      lines, items: run.request.candidates.length, seconds: median.wall, linesPerSecond: lines / median.wall,
      cpuSeconds: median.cpu, cpuLinesPerSecond: lines / median.cpu, runs,
      baselineLinesPerSecond: lines / baselineSeconds, peakRssMb, heapUsedMb,
    };
    speed.push(row);
    log(`| ${String(lines).padStart(7)} | ${String(row.items).padStart(10)} | ${String(runs).padStart(4)} | ${median.cpu.toFixed(2).padStart(5)} | ` +
      `${Math.round(row.cpuLinesPerSecond).toString().padStart(11)} | ${median.wall.toFixed(2).padStart(6)} | ${Math.round(row.linesPerSecond).toString().padStart(12)} | ` +
      `${Math.round(row.baselineLinesPerSecond).toString().padStart(16)} | ${row.peakRssMb.toFixed(0).padStart(11)} | ${row.heapUsedMb.toFixed(0).padStart(12)} |`);
  }
  return { engine, baseline, reliability, speed, generators };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes("--quick");
  runEngineBench(quick ? {
    accuracyLines: 2_000, speedSizes: [[1_000, 5_000], [2_000, 10_000]],
    independent: { seeds: [REPORT_SEEDS.from], lines: 1_000, openItems: 2_000 },
  } : {});
}
