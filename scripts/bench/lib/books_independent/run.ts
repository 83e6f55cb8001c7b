// Run an engine on the independent generator's books over a set of seeds, pooled. Report runs take report seeds
// only; tuning runs take tuning seeds only (books_independent/seeds.ts), so that a figure is never reported on books
// the engine was tuned on.
import type { LineResult, SuggestRequest } from "../../../../web_src/contracts/reconcile";
import { evaluate, type Evaluation } from "../evaluate";
import { generateIndependentBooks } from "./generate";
import type { IndependentTruth } from "./kinds";
import { assertReportSeed, inRange, TUNING_SEEDS } from "./seeds";

export type Purpose = "report" | "tuning";

export interface IndependentRun {
  seeds: number[];
  engine: Evaluation;
  baseline: Evaluation;
}

export function runIndependent(purpose: Purpose, seeds: readonly number[], size: { lines: number; openItems: number },
  engine: (request: SuggestRequest) => LineResult[], baseline: (request: SuggestRequest) => LineResult[]): IndependentRun {
  for (const seed of seeds) {
    if (purpose === "report") assertReportSeed(seed);
    else if (!inRange(seed, TUNING_SEEDS)) throw new RangeError(`tuning runs take tuning seeds (${TUNING_SEEDS.from}–${TUNING_SEEDS.to}), not ${seed}`);
  }
  const engineResults: LineResult[] = [];
  const baselineResults: LineResult[] = [];
  const truth = new Map<number, IndependentTruth>();
  let offset = 0;
  for (const seed of seeds) {
    // Pool the seeds: line ids shifted so that each line of each seed is scored once.
    const books = generateIndependentBooks({ seed, ...size });
    const shift = (r: LineResult): LineResult => ({ ...r, lineId: r.lineId + offset });
    engineResults.push(...engine(books.request).map(shift));
    baselineResults.push(...baseline(books.request).map(shift));
    for (const [id, t] of books.truth) truth.set(id + offset, t);
    offset += books.request.lines.length;
  }
  return { seeds: [...seeds], engine: evaluate(engineResults, truth), baseline: evaluate(baselineResults, truth) };
}
