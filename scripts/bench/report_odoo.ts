// Scores the Odoo bench (scripts/bench/run_bench.py) against the generator's truth and prints one table with the
// three engines side by side, the timings, the add-on's reliability table and what bulk approval did.
//   npx tsx scripts/bench/report_odoo.ts --books books.json --raw raw.json --out .artifacts/bench-odoo.json
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { AUTO_CONFIDENCE, type LineResult, type MatchType } from "../../web_src/contracts/reconcile";
import { SCENARIOS } from "./lib/scenarios";
import { evaluate, isCorrect, type Evaluation, type GroundTruth } from "./lib/evaluate";
import { reliabilityTable } from "./lib/reliability";

interface RawSuggestion {
  rank: number;
  matchType: MatchType;
  candidateIds: number[];
  partnerId: number | null;
  accountId: number | null;
  confidence: number;
  autoReconcile?: boolean;
  model?: string | null;
}
interface RawLine {
  lineId: number;
  suggestions: RawSuggestion[];
  error?: boolean;
}
interface Problem {
  lineId: number;
  suggestionId: number;
  matchType: string;
  problems: string[];
  detail: string;
}
interface Raw {
  today: string;
  ours: {
    results: RawLine[];
    batches: { lines: number; seconds: number; cpuSeconds?: number; error: string | null }[];
    errors: { batch: number; error: string; traceback: string }[];
    lineStates: Record<string, number>;
    lineErrors: { lineId: number; error: string }[];
  };
  oca: {
    results: RawLine[];
    seconds: number;
    cpuSeconds?: number;
    perLine: number[];
    errors: { lineId: number; error: string; traceback: string }[];
    models: { name: string; sequence: number; auto_reconcile: boolean; tolerance: string }[] | null;
  };
  naive: { results: RawLine[]; seconds: number };
  approval: {
    requested: number;
    minConfidence: number;
    seconds: number;
    approved: number;
    refused: { error: string; count: number }[];
    crash: { error: string; traceback: string } | null;
    crashedRows: { id: number; error: string; traceback: string }[];
    anomalies: Problem[];
    approvedLineIds: number[];
  };
  load: Record<string, number> | null;
}
interface BooksFile {
  /** Which generator wrote the books (absent: the first one, scripts/bench/lib/books.ts). */
  generator?: string;
  /** Its scenarios in table order (absent: the first generator's). */
  scenarios?: string[];
  options: { seed: number; lines: number; openItems: number };
  truth: (GroundTruth & { lineId: number })[];
}

const { values } = parseArgs({
  options: {
    books: { type: "string" }, raw: { type: "string" }, out: { type: "string" },
    "install-seconds": { type: "string" }, "total-seconds": { type: "string" },
  },
});
if (values.books === undefined || values.raw === undefined) throw new Error("--books and --raw are required");
const books = JSON.parse(readFileSync(values.books, "utf8")) as BooksFile;
const raw = JSON.parse(readFileSync(values.raw, "utf8")) as Raw;
const truth = new Map<number, GroundTruth>(books.truth.map(({ lineId, ...t }) => [lineId, t]));
const generator = books.generator ?? "books.ts";
const scenarioOrder: readonly string[] = books.scenarios ?? SCENARIOS;

function asResults(lines: RawLine[]): LineResult[] {
  return lines.map((l) => ({
    lineId: l.lineId,
    suggestions: l.suggestions.map((s) => ({
      rank: s.rank, matchType: s.matchType, candidateIds: s.candidateIds, partnerId: s.partnerId, accountId: s.accountId,
      taxIds: [], writeoffAmount: 0, confidence: s.confidence, explanation: "", reasons: [],
    })),
  }));
}

/** False suggestions on lines with no right answer: any top-1 at all, and auto-grade ones. */
function falseOnNoMatch(results: LineResult[]): { any: number; auto: number; lines: number; byScenario: Map<string, { any: number; auto: number }> } {
  const out = { any: 0, auto: 0, lines: 0, byScenario: new Map<string, { any: number; auto: number }>() };
  for (const r of results) {
    const t = truth.get(r.lineId);
    if (t === undefined || t.matchType !== null) continue;
    out.lines++;
    const row = out.byScenario.get(t.scenario) ?? { any: 0, auto: 0 };
    out.byScenario.set(t.scenario, row);
    const top = r.suggestions[0];
    if (top === undefined) continue;
    out.any++;
    row.any++;
    if (top.confidence >= AUTO_CONFIDENCE) {
      out.auto++;
      row.auto++;
    }
  }
  return out;
}

const engines: Record<"ours" | "oca" | "naive", LineResult[]> = {
  ours: asResults(raw.ours.results),
  oca: asResults(raw.oca.results),
  naive: asResults(raw.naive.results),
};
const ev: Record<keyof typeof engines, Evaluation> = {
  ours: evaluate(engines.ours, truth), oca: evaluate(engines.oca, truth), naive: evaluate(engines.naive, truth),
};
const noMatch = { ours: falseOnNoMatch(engines.ours), oca: falseOnNoMatch(engines.oca), naive: falseOnNoMatch(engines.naive) };
const ocaErrorLines = new Set(raw.oca.errors.map((e) => e.lineId));
const ourErrorLines = raw.ours.lineStates.error ?? 0;
const lines = raw.ours.results.length;
const ourSeconds = raw.ours.batches.reduce((s, b) => s + b.seconds, 0);
const per1000 = (seconds: number): string => `${((seconds * 1000) / Math.max(1, lines)).toFixed(2)} s`;
const pct = (n: number, d: number): string => (d === 0 ? "-" : `${((100 * n) / d).toFixed(1)}%`);
const frac = (n: number, d: number): string => `${pct(n, d)} (${n}/${d})`;

// ------------------------------------------------------------------ the table
const rows: string[][] = [];
const header = ["", "lines", "ours (ai_bookkeeping)", "OCA _apply_rules", "naive exact amount"];
for (const scenario of scenarioOrder) {
  const o = ev.ours.byScenario.get(scenario);
  if (o === undefined) continue;
  const t = [...truth.values()].find((x) => x.scenario === scenario);
  if (t?.matchType === null) {
    const cell = (k: keyof typeof noMatch): string => {
      const row = noMatch[k].byScenario.get(scenario) ?? { any: 0, auto: 0 };
      return `${row.any} false${k === "naive" ? "" : `, ${row.auto} auto`}`;
    };
    rows.push([scenario, String(o.lines), cell("ours"), cell("oca"), cell("naive")]);
  } else {
    const cell = (k: keyof typeof ev): string => pct(ev[k].byScenario.get(scenario)?.top1 ?? 0, o.lines);
    rows.push([scenario, String(o.lines), cell("ours"), cell("oca"), cell("naive")]);
  }
}
rows.push(["—", "", "", "", ""]);
rows.push(["top-1 on matchable lines", String(ev.ours.matchable), frac(ev.ours.top1Correct, ev.ours.matchable),
  frac(ev.oca.top1Correct, ev.oca.matchable), frac(ev.naive.top1Correct, ev.naive.matchable)]);
rows.push(["auto grade: precision", "", `${frac(ev.ours.autoCorrect, ev.ours.autoLines)} ≥${AUTO_CONFIDENCE}`,
  `${frac(ev.oca.autoCorrect, ev.oca.autoLines)} auto_reconcile`, "n/a (no grade)"]);
rows.push(["auto grade: coverage of all lines", String(lines), pct(ev.ours.autoLines, ev.ours.lines), pct(ev.oca.autoLines, ev.oca.lines), "n/a"]);
rows.push(["no-match lines with a suggestion", String(noMatch.ours.lines), `${noMatch.ours.any} (${noMatch.ours.auto} auto)`,
  `${noMatch.oca.any} (${noMatch.oca.auto} auto)`, String(noMatch.naive.any)]);
if (ev.ours.absentLines > 0) {
  const absent = (k: keyof typeof ev): string => `${ev[k].absentAuto} auto (${ev[k].absentAutoUnreferenced} without a reference)`;
  rows.push(["counterparty absent from history", String(ev.ours.absentLines), absent("ours"), absent("oca"), "n/a"]);
}
rows.push(["lines with no suggestion at all", "", String(engines.ours.filter((r) => r.suggestions.length === 0).length),
  String(engines.oca.filter((r) => r.suggestions.length === 0).length), String(engines.naive.filter((r) => r.suggestions.length === 0).length)]);
rows.push(["errors (lines)", "", `${ourErrorLines}${raw.ours.errors.length ? ` + ${raw.ours.errors.length} failed batches` : ""}`,
  String(ocaErrorLines.size), "0"]);
rows.push(["seconds per 1,000 lines", "", per1000(ourSeconds), per1000(raw.oca.seconds), per1000(raw.naive.seconds)]);

const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => (r[k] ?? "").length)));
const fmt = (cells: string[]): string => `| ${cells.map((c, k) => (k === 0 ? c.padEnd(widths[k] ?? 0) : c.padStart(widths[k] ?? 0))).join(" | ")} |`;
const out: string[] = [];
const log = (line = ""): void => {
  out.push(line);
  console.log(line);
};
log(`Odoo bench — generator ${generator}, real Odoo 18 + OCA, seed ${books.options.seed}: ${lines} statement lines, ${books.options.openItems} open items, ` +
  `${raw.load?.historyLines ?? "?"} reconciled history lines; Odoo's "today" = ${raw.today}`);
log(fmt(header));
log(`|${widths.map((w, k) => (k === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`);
for (const r of rows) log(r[0] === "—" ? `|${widths.map((w) => " ".repeat(w + 2)).join("|")}|` : fmt(r));
log("Scenario rows: top-1 right / lines; for lines with no right answer, how many got a (false) suggestion and how many of those were auto grade.");
log(`OCA models: ${(raw.oca.models ?? []).map((m) => `${m.sequence}. ${m.name} (${m.auto_reconcile ? "auto_reconcile" : "manual"}, tolerance ${m.tolerance})`).join("; ")}`);

// ------------------------------------------------------------------ timings
const perLine = raw.oca.perLine;
const q = (p: number): number => perLine[Math.min(perLine.length - 1, Math.floor(p * perLine.length))] ?? 0;
log("");
log("Timings");
log(`  ours   action_ai_suggest, ${raw.ours.batches.length} batches of ≤200 (reads + HTTP + engine + writes + commit): ` +
  `${raw.ours.batches.map((b) => b.seconds.toFixed(1)).join(", ")} s → ${per1000(ourSeconds)} per 1,000 lines`);
log(`  OCA    _retrieve_partner + _apply_rules per line: mean ${((raw.oca.seconds / Math.max(1, perLine.length)) * 1000).toFixed(1)} ms, ` +
  `p50 ${(q(0.5) * 1000).toFixed(1)} ms, p95 ${(q(0.95) * 1000).toFixed(1)} ms, max ${(q(1) * 1000).toFixed(1)} ms → ${per1000(raw.oca.seconds)} per 1,000 lines`);
log(`  naive  one SQL query + lookups: ${raw.naive.seconds.toFixed(3)} s for ${lines} lines`);
const ourCpu = raw.ours.batches.reduce((s, b) => s + (b.cpuSeconds ?? NaN), 0);
if (Number.isFinite(ourCpu) && raw.oca.cpuSeconds !== undefined) {
  log(`  CPU of the Odoo process (wall time means little on a shared box; the endpoint and PostgreSQL are not counted): ` +
    `ours ${per1000(ourCpu)}, OCA ${per1000(raw.oca.cpuSeconds)} per 1,000 lines`);
}
const a = raw.approval;
log(`  bulk approval (dashboard bulk_approve as a reviewer, top-ranked pending by confidence, ≥ ${a.minConfidence.toFixed(3)}): ` +
  `${a.approved}/${a.requested} approved in ${a.seconds.toFixed(1)} s (${((a.seconds / Math.max(1, a.requested)) * 1000).toFixed(0)} ms each)`);
if (raw.load) log(`  set-up: install ${values["install-seconds"] ?? "?"} s, loading the books ${raw.load.seconds} s; whole Odoo bench ${values["total-seconds"] ?? "?"} s`);

// ------------------------------------------------------------------ approval
const byLine = new Map(engines.ours.map((r) => [r.lineId, r]));
let approvedWrong = 0;
const wrongByScenario = new Map<string, number>();
for (const lineId of a.approvedLineIds) {
  const t = truth.get(lineId);
  const top = byLine.get(lineId)?.suggestions[0];
  if (t !== undefined && top !== undefined && !isCorrect(top, t)) {
    approvedWrong++;
    wrongByScenario.set(t.scenario, (wrongByScenario.get(t.scenario) ?? 0) + 1);
  }
}
log("");
log(`Bulk approval: ${a.approved} applied; ${approvedWrong} of them wrong per the truth` +
  `${approvedWrong ? ` (${[...wrongByScenario].map(([s, n]) => `${s} ${n}`).join(", ")})` : ""}; ` +
  `${a.requested - a.approved} refused${a.refused.length ? `: ${a.refused.map((r) => `${r.count}× ${r.error}`).join("; ")}` : ""}`);
if (a.crash) log(`  bulk_approve CRASHED: ${a.crash.error}\n${a.crash.traceback}`);
const problemKinds = new Map<string, Problem[]>();
for (const p of a.anomalies) {
  for (const text of p.problems) {
    const kind = `${p.matchType}: ${text.replace(/[A-Z]+\/\d{4}\/[\d/]+/g, "ITEM").replace(/-?\d+(?:[.,]\d+)*/g, "#").replace(/ \(# left\)/g, "").slice(0, 90)}`;
    problemKinds.set(kind, [...(problemKinds.get(kind) ?? []), p]);
  }
}
for (const [kind, list] of problemKinds) {
  const scenarios = new Map<string, number>();
  for (const p of list) {
    const s = truth.get(p.lineId)?.scenario ?? "?";
    scenarios.set(s, (scenarios.get(s) ?? 0) + 1);
  }
  log(`  ${list.length}× ${kind} [scenarios: ${[...scenarios].map(([s, n]) => `${s} ${n}`).join(", ")}] e.g. line ${list[0]?.lineId} (${list[0]?.detail}): ${list[0]?.problems.join("; ")}`);
}

// ------------------------------------------------------------------ errors
if (raw.ours.errors.length) {
  log("");
  log("ours: failed batches");
  for (const e of raw.ours.errors) log(`  batch ${e.batch}: ${e.error}\n${e.traceback}`);
}
if (raw.ours.lineErrors.length) log(`ours: lines in error: ${raw.ours.lineErrors.map((e) => `${e.lineId}: ${e.error}`).join("; ")}`);
if (raw.oca.errors.length) {
  log("");
  log(`OCA _apply_rules raised on ${raw.oca.errors.length} lines (counted as "error", no suggestion); first one:`);
  log(`  line ${raw.oca.errors[0]?.lineId}: ${raw.oca.errors[0]?.error}\n${raw.oca.errors[0]?.traceback}`);
}

// ------------------------------------------------------------------ reliability (ours)
const reliability = reliabilityTable(ev.ours.outcomes);
log("");
log(`Reliability of ours in Odoo, generator ${generator} (all stored suggestions, all ranks)`);
log("| confidence  | count | mean conf | observed |");
log("|-------------|------:|----------:|---------:|");
for (const row of reliability) {
  log(`| ${row.from.toFixed(2)}–${row.to.toFixed(2)}   | ${String(row.count).padStart(5)} | ${row.meanConfidence.toFixed(3).padStart(9)} | ${row.count === 0 ? "       -" : row.accuracy.toFixed(3).padStart(8)} |`);
}

// ------------------------------------------------------------------ artifact
const summary = (k: keyof typeof ev) => ({
  lines: ev[k].lines, matchable: ev[k].matchable, top1Correct: ev[k].top1Correct, autoLines: ev[k].autoLines,
  autoCorrect: ev[k].autoCorrect, noMatchLines: noMatch[k].lines, noMatchWithSuggestion: noMatch[k].any,
  noMatchAuto: noMatch[k].auto, absentLines: ev[k].absentLines, absentAuto: ev[k].absentAuto,
  absentAutoUnreferenced: ev[k].absentAutoUnreferenced,
  byScenario: Object.fromEntries([...ev[k].byScenario].map(([s, v]) => [s, { ...v, ...(noMatch[k].byScenario.get(s) ?? {}) }])),
});
if (values.out !== undefined) {
  mkdirSync(path.dirname(values.out), { recursive: true });
  writeFileSync(values.out, JSON.stringify({
    generator, options: books.options, today: raw.today, load: raw.load,
    installSeconds: Number(values["install-seconds"] ?? NaN) || null, totalSeconds: Number(values["total-seconds"] ?? NaN) || null,
    engines: {
      ours: { ...summary("ours"), secondsPer1000: (ourSeconds * 1000) / lines, batches: raw.ours.batches, lineStates: raw.ours.lineStates, errors: raw.ours.errors, lineErrors: raw.ours.lineErrors },
      oca: { ...summary("oca"), secondsPer1000: (raw.oca.seconds * 1000) / lines, models: raw.oca.models, errors: raw.oca.errors, perLineMs: { p50: q(0.5) * 1000, p95: q(0.95) * 1000, max: q(1) * 1000 } },
      naive: { ...summary("naive"), secondsPer1000: (raw.naive.seconds * 1000) / lines },
    },
    reliability,
    approval: { ...a, approvedWrong, wrongByScenario: Object.fromEntries(wrongByScenario), approvedLineIds: undefined },
    table: out,
    // One row per line: the truth and each engine's first choice, to look into any cell of the table.
    lines: [...truth].map(([lineId, t]) => {
      const top = (k: keyof typeof engines) => {
        const s = engines[k].find((r) => r.lineId === lineId)?.suggestions[0];
        return s === undefined ? null : { matchType: s.matchType, candidateIds: s.candidateIds, accountId: s.accountId, confidence: s.confidence, correct: isCorrect(s, t) };
      };
      return { lineId, scenario: t.scenario, truth: { matchType: t.matchType, candidateIds: t.candidateIds, accountId: t.accountId }, ours: top("ours"), oca: top("oca"), naive: top("naive") };
    }),
  }));
}
