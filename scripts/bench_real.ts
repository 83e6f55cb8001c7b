// Real-statement benchmark: every line of the real bank files in ../shared/data/statements (CAMT, OFX, MT940/MT942;
// AI_BOOKKEEPING_SHARED_DATA overrides the folder), each with open items built from the line
// (scripts/bench/lib/real_line_books.ts), scored for this engine and the naive exact-amount baseline: top-1 on lines
// whose label identifies the item, auto-grade (≥ AUTO_CONFIDENCE) precision, and auto-grade guesses where nothing
// identifies the item. Says plainly when the data folder is missing (exit 0: nothing to measure).
//   npx tsx scripts/bench_real.ts
import { fileURLToPath } from "node:url";
import { AUTO_CONFIDENCE, SuggestRequestSchema, type LineResult } from "../web_src/contracts/reconcile";
import { suggestReconciliations } from "../web_src/engine/reconciliation/suggest_reconciliations";
import { BUCKETS, buildCounterpartyOnlyCase, buildRealLineCase, type Bucket, type RealLineCase } from "./bench/lib/real_line_books";
import { locateStatements, readRealCorpus } from "./bench/lib/real_statements";
import { baselineSuggest } from "./bench_engine";

export interface RealScore {
  lines: number;
  top1: number;
  autoLines: number;
  autoCorrect: number;
}

function emptyScore(): RealScore {
  return { lines: 0, top1: 0, autoLines: 0, autoCorrect: 0 };
}

function score(c: RealLineCase, result: LineResult | undefined, into: RealScore): void {
  const top = result?.suggestions[0];
  const right = c.trueItemId !== null && top !== undefined && top.candidateIds.length === 1 && top.candidateIds[0] === c.trueItemId;
  into.lines += 1;
  if (right) into.top1 += 1;
  if (top !== undefined && top.confidence >= AUTO_CONFIDENCE) {
    into.autoLines += 1;
    if (right) into.autoCorrect += 1;
  }
}

export function runRealBench(log: (line: string) => void = (l) => console.log(l)): { engine: Map<Bucket, RealScore>; baseline: Map<Bucket, RealScore> } | null {
  const { dir, missing } = locateStatements();
  if (missing !== null) {
    log(`real-statement bench skipped: ${missing}`);
    return null;
  }
  const corpus = readRealCorpus(dir);
  const engine = new Map<Bucket, RealScore>(BUCKETS.map((b) => [b, emptyScore()]));
  const baseline = new Map<Bucket, RealScore>(BUCKETS.map((b) => [b, emptyScore()]));
  let engineMs = 0;
  const cases = corpus.lines.flatMap(({ file, line }, i) => {
    const only = buildCounterpartyOnlyCase(`${file}#${i}`, line);
    return only === null ? [buildRealLineCase(`${file}#${i}`, line)] : [buildRealLineCase(`${file}#${i}`, line), only];
  });
  for (const c of cases) {
    const request = SuggestRequestSchema.parse(c.request);
    const started = performance.now();
    const ours = suggestReconciliations(request);
    engineMs += performance.now() - started;
    score(c, ours[0], engine.get(c.bucket) ?? emptyScore());
    score(c, baselineSuggest(request)[0], baseline.get(c.bucket) ?? emptyScore());
  }
  const pct = (n: number, d: number): string => (d === 0 ? "    -" : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
  const total = (m: Map<Bucket, RealScore>, buckets: readonly Bucket[]): RealScore => buckets.reduce((t, b) => {
    const s = m.get(b) ?? emptyScore();
    return { lines: t.lines + s.lines, top1: t.top1 + s.top1, autoLines: t.autoLines + s.autoLines, autoCorrect: t.autoCorrect + s.autoCorrect };
  }, emptyScore());

  log(`Real statements — ${corpus.lines.length} lines from ${dir} (${corpus.refused.length} malformed files refused, ${corpus.skippedRecords.length} records skipped); items built from each line, ${cases.length} cases (a line naming its counterparty also counts once with its reference unknown to the books)`);
  log("| bucket        | cases | engine top-1 | baseline top-1 | engine ≥AUTO right/total | baseline ≥AUTO |");
  log("|---------------|------:|-------------:|---------------:|-------------------------:|---------------:|");
  for (const bucket of BUCKETS) {
    const e = engine.get(bucket) ?? emptyScore();
    const b = baseline.get(bucket) ?? emptyScore();
    const none = bucket === "none";
    log(`| ${bucket.padEnd(13)} | ${String(e.lines).padStart(5)} | ${(none ? "(no match)" : pct(e.top1, e.lines)).padStart(12)} | ${(none ? "(no match)" : pct(b.top1, b.lines)).padStart(14)} | ${`${e.autoCorrect}/${e.autoLines}`.padStart(24)} | ${`${b.autoCorrect}/${b.autoLines}`.padStart(14)} |`);
  }
  const identified = BUCKETS.filter((b) => b !== "none");
  const e = total(engine, identified);
  const b = total(baseline, identified);
  const eAll = total(engine, BUCKETS);
  const none = engine.get("none") ?? emptyScore();
  log("");
  log(`top-1 on identifiable cases: engine ${pct(e.top1, e.lines)}, baseline ${pct(b.top1, b.lines)}`);
  log(`precision ≥ ${AUTO_CONFIDENCE}: engine ${pct(eAll.autoCorrect, eAll.autoLines)} (${eAll.autoCorrect}/${eAll.autoLines}); baseline never reaches it (confidence 0.5)`);
  log(`cases where nothing identifies the item with an auto-grade suggestion: ${none.autoLines}/${none.lines}`);
  log(`engine time: ${engineMs.toFixed(0)} ms for ${cases.length} one-line requests`);
  return { engine, baseline };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) runRealBench();
