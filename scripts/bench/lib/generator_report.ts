// The figures every generator is reported with, printed the same way for each: per-scenario top-1, top-1 on
// matchable lines, precision and coverage at the auto grade, no-match lines with a suggestion (and at auto), lines
// whose counterparty is absent from the history at auto, and the reliability table.
import { AUTO_CONFIDENCE } from "../../../web_src/contracts/reconcile";
import type { Evaluation } from "./evaluate";
import { reliabilityTable, type ReliabilityRow } from "./reliability";

export interface GeneratorFigures {
  generator: string;
  seeds: string;
  lines: number;
  matchable: number;
  top1: number;
  autoPrecision: number;
  autoCoverage: number;
  noMatchLines: number;
  noMatchWithSuggestion: number;
  noMatchAuto: number;
  /** null when the generator does not say which counterparties are absent from the history. */
  absentLines: number | null;
  absentAuto: number | null;
  absentAutoUnreferenced: number | null;
  reliability: ReliabilityRow[];
}

const ratio = (n: number, d: number): number => (d === 0 ? 0 : n / d);
const pct = (n: number, d: number): string => (d === 0 ? "-" : `${((100 * n) / d).toFixed(1)}%`);

export function figuresOf(generator: string, seeds: string, ev: Evaluation, tracksAbsence: boolean): GeneratorFigures {
  return {
    generator, seeds, lines: ev.lines, matchable: ev.matchable, top1: ratio(ev.top1Correct, ev.matchable),
    autoPrecision: ratio(ev.autoCorrect, ev.autoLines), autoCoverage: ratio(ev.autoLines, ev.lines),
    noMatchLines: ev.noMatchLines, noMatchWithSuggestion: ev.noMatchWithSuggestion, noMatchAuto: ev.noMatchAuto,
    absentLines: tracksAbsence ? ev.absentLines : null, absentAuto: tracksAbsence ? ev.absentAuto : null,
    absentAutoUnreferenced: tracksAbsence ? ev.absentAutoUnreferenced : null,
    reliability: reliabilityTable(ev.outcomes),
  };
}

/** Per-scenario rows of one generator: engine and baseline top-1, and the engine's auto-grade lines. */
export function printScenarioTable(scenarios: readonly string[], noMatch: (s: string) => boolean, engine: Evaluation,
  baseline: Evaluation, log: (line: string) => void): void {
  log("| scenario           | lines | engine top-1 | baseline top-1 | engine ≥AUTO (right/total) |");
  log("|--------------------|------:|-------------:|---------------:|---------------------------:|");
  for (const scenario of scenarios) {
    const e = engine.byScenario.get(scenario);
    if (e === undefined) continue;
    const b = baseline.byScenario.get(scenario);
    const none = noMatch(scenario);
    log(`| ${scenario.padEnd(18)} | ${String(e.lines).padStart(5)} | ${(none ? "(no match)" : pct(e.top1, e.lines)).padStart(12)} | ` +
      `${(none ? "(no match)" : pct(b?.top1 ?? 0, e.lines)).padStart(14)} | ${`${e.autoCorrect}/${e.autoLines}`.padStart(26)} |`);
  }
}

export function printReliability(title: string, rows: readonly ReliabilityRow[], log: (line: string) => void): void {
  log(title);
  log("| confidence  | count | mean conf | observed |");
  log("|-------------|------:|----------:|---------:|");
  for (const row of rows) {
    log(`| ${row.from.toFixed(2)}–${row.to.toFixed(2)}   | ${String(row.count).padStart(5)} | ${row.meanConfidence.toFixed(3).padStart(9)} | ${row.count === 0 ? "       -" : row.accuracy.toFixed(3).padStart(8)} |`);
  }
}

/** The generators side by side, one column each, with the issue's targets. */
export function printSideBySide(figures: readonly GeneratorFigures[], log: (line: string) => void): void {
  const f = (x: number): string => `${(100 * x).toFixed(1)}%`;
  const rows: [string, (g: GeneratorFigures) => string, string][] = [
    ["seeds", (g) => g.seeds, ""],
    ["lines (matchable)", (g) => `${g.lines} (${g.matchable})`, ""],
    ["top-1 on matchable lines", (g) => f(g.top1), "≥ 97%"],
    [`precision ≥ ${AUTO_CONFIDENCE}`, (g) => f(g.autoPrecision), "≥ 99.5%"],
    [`coverage ≥ ${AUTO_CONFIDENCE} (all lines)`, (g) => f(g.autoCoverage), "≥ 70%"],
    ["no-match lines with a suggestion", (g) => `${g.noMatchWithSuggestion}/${g.noMatchLines}`, ""],
    [`no-match lines ≥ ${AUTO_CONFIDENCE}`, (g) => `${g.noMatchAuto}/${g.noMatchLines} = ${pct(g.noMatchAuto, g.noMatchLines)}`, "≤ 1%"],
    [`absent from history ≥ ${AUTO_CONFIDENCE}`, (g) => (g.absentLines === null ? "n/a" : `${g.absentAuto}/${g.absentLines}`), ""],
    ["  of which without a reference", (g) => (g.absentLines === null ? "n/a" : String(g.absentAutoUnreferenced)), "0"],
  ];
  const header = ["", ...figures.map((g) => g.generator), "target"];
  const cells = rows.map(([name, cell, target]) => [name, ...figures.map(cell), target]);
  const widths = header.map((h, k) => Math.max(h.length, ...cells.map((r) => (r[k] ?? "").length)));
  const fmt = (r: string[]): string => `| ${r.map((c, k) => (k === 0 ? c.padEnd(widths[k] ?? 0) : c.padStart(widths[k] ?? 0))).join(" | ")} |`;
  log(fmt(header));
  log(`|${widths.map((w, k) => (k === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`);
  for (const r of cells) log(fmt(r));
}
