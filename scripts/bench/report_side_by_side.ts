// The Odoo bench's generators side by side (scripts/bench.mjs runs this after report_odoo.ts for each): per
// generator and engine, top-1 on matchable lines, precision and coverage at the auto grade, no-match lines with a
// suggestion (and at auto), lines whose counterparty is absent from the history at auto; then ours' reliability
// table per generator.
//   npx tsx scripts/bench/report_side_by_side.ts .artifacts/bench-odoo.json .artifacts/bench-odoo-independent.json
import { readFileSync } from "node:fs";
import { AUTO_CONFIDENCE } from "../../web_src/contracts/reconcile";
import type { ReliabilityRow } from "./lib/reliability";

interface EngineSummary {
  lines: number;
  matchable: number;
  top1Correct: number;
  autoLines: number;
  autoCorrect: number;
  noMatchLines: number;
  noMatchWithSuggestion: number;
  noMatchAuto: number;
  absentLines?: number;
  absentAuto?: number;
  absentAutoUnreferenced?: number;
}
interface Artifact {
  generator?: string;
  options: { seed: number; lines: number; openItems: number };
  engines: Record<"ours" | "oca" | "naive", EngineSummary>;
  reliability: ReliabilityRow[];
}

const artifacts = process.argv.slice(2).map((file) => JSON.parse(readFileSync(file, "utf8")) as Artifact);
const ENGINES = [["ours", "ours"], ["oca", "OCA"], ["naive", "naive"]] as const;
const pct = (n: number, d: number): string => (d === 0 ? "-" : `${((100 * n) / d).toFixed(1)}%`);

const header = ["", ...artifacts.flatMap((a) => ENGINES.map(([, label]) => `${a.generator ?? "books.ts"} ${a.options.seed}: ${label}`))];
const metric = (name: string, cell: (e: EngineSummary, engine: string) => string): string[] =>
  [name, ...artifacts.flatMap((a) => ENGINES.map(([k]) => cell(a.engines[k], k)))];
const rows = [
  metric("lines (matchable)", (e) => `${e.lines} (${e.matchable})`),
  metric("top-1 on matchable lines", (e) => pct(e.top1Correct, e.matchable)),
  metric("auto grade: precision", (e, k) => (k === "naive" ? "n/a" : `${pct(e.autoCorrect, e.autoLines)} (${e.autoCorrect}/${e.autoLines})`)),
  metric("auto grade: coverage of all lines", (e, k) => (k === "naive" ? "n/a" : pct(e.autoLines, e.lines))),
  metric("no-match lines with a suggestion", (e, k) => `${e.noMatchWithSuggestion}/${e.noMatchLines}${k === "naive" ? "" : ` (${e.noMatchAuto} auto)`}`),
  metric("absent from history at auto", (e, k) => (e.absentLines === undefined || e.absentLines === 0 || k === "naive" ? "n/a"
    : `${e.absentAuto ?? 0}/${e.absentLines} (${e.absentAutoUnreferenced ?? 0} without ref)`)),
];
const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => (r[k] ?? "").length)));
const fmt = (r: string[]): string => `| ${r.map((c, k) => (k === 0 ? c.padEnd(widths[k] ?? 0) : c.padStart(widths[k] ?? 0))).join(" | ")} |`;
console.log(`Odoo bench, both generators side by side (auto grade: ours ≥ ${AUTO_CONFIDENCE}, OCA auto_reconcile)`);
console.log(fmt(header));
console.log(`|${widths.map((w, k) => (k === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`);
for (const r of rows) console.log(fmt(r));

console.log("");
console.log("Reliability of ours in Odoo per generator (count, observed accuracy)");
console.log(`| confidence  | ${artifacts.map((a) => `${(a.generator ?? "books.ts").padStart(11)} n | observed`).join(" | ")} |`);
console.log(`|-------------|${artifacts.map(() => "--------------:|---------:").join("|")}|`);
const bins = artifacts[0]?.reliability ?? [];
bins.forEach((bin, k) => {
  const cells = artifacts.map((a) => {
    const row = a.reliability[k];
    return `${String(row?.count ?? 0).padStart(13)} | ${row === undefined || row.count === 0 ? "       -" : row.accuracy.toFixed(3).padStart(8)}`;
  });
  console.log(`| ${bin.from.toFixed(2)}–${bin.to.toFixed(2)}   | ${cells.join(" | ")} |`);
});
