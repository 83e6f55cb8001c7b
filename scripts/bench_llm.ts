// LLM on/off benchmark: the cases the LLM stage is for, sent through the endpoint's service (engine + refine stage)
// with the LLM off and on, quality and latency side by side.
//   npx tsx scripts/bench_llm.ts [--quick] [--sample 200] [--batch 50] [--latency-ms 300] [--seed 20260403]
// Cases: statement lines of generated books (scripts/bench/lib/books.ts) whose offline top confidence is in the grey
// band, and outgoing payments the engine leaves without any suggestion (account proposals).
// The LLM: by default a local OpenAI-compatible fake (test/llm/fake_openai_server.ts) that answers like a careful
// model would, with the evidence-best option (exact amount, invoice number or reference in the label, partner name)
// after --latency-ms; the real openai SDK talks to it over HTTP, so retries, cache, concurrency and accounting are
// the real ones. Against a real model, set the endpoint's variables, e.g.
//   AI_BOOKKEEPING_LLM_MODEL=gpt-4o-mini OPENAI_API_KEY=sk-... npx tsx scripts/bench_llm.ts --sample 100
//   AI_BOOKKEEPING_LLM_MODEL=llama3.1:8b OPENAI_BASE_URL=http://127.0.0.1:11434/v1 npx tsx scripts/bench_llm.ts
// (plus AI_BOOKKEEPING_LLM_PROMPT_PRICE_PER_1K / _COMPLETION_PRICE_PER_1K for a cost estimate).
import { parseArgs } from "node:util";
import { generateBooks } from "./bench/lib/books";
import { evaluate, isCorrect } from "./bench/lib/evaluate";
import { AUTO_CONFIDENCE, type LineResult, type LlmUsage, type SuggestRequest } from "../web_src/contracts/reconcile";
import { loadLlmConfig } from "../web_src/endpoint/config";
import type { LlmConfig } from "../web_src/llm/llm_config";
import { OFFLINE_ENGINE } from "../web_src/engine/reconciliation/offline_engine";
import { ReconcileService } from "../web_src/endpoint/services/reconcile";
import { createLlmRefiner } from "../web_src/llm/create_llm_refiner";
import { evidenceBestAnswer, startFakeOpenAi, type FakeOpenAiServer } from "../test/llm/fake_openai_server";

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    sample: { type: "string" },
    batch: { type: "string", default: "50" },
    "latency-ms": { type: "string", default: "300" },
    seed: { type: "string", default: "20260403" },
  },
});
const SAMPLE = Number(args.sample ?? (args.quick ? 60 : 200));
const BATCH = Number(args.batch);
const LATENCY_MS = Number(args["latency-ms"]);
const SEED = Number(args.seed);

interface RunResult {
  results: LineResult[];
  requestMs: number[];
  usage: LlmUsage | null;
}

async function runThrough(service: ReconcileService, requests: SuggestRequest[]): Promise<RunResult> {
  const results: LineResult[] = [];
  const requestMs: number[] = [];
  let usage: LlmUsage | null = null;
  for (const request of requests) {
    const started = performance.now();
    const response = await service.suggest(request);
    requestMs.push(performance.now() - started);
    results.push(...response.results);
    if (response.usage) usage = usage === null ? response.usage : addUsage(usage, response.usage);
  }
  return { results, requestMs, usage };
}

function addUsage(a: LlmUsage, b: LlmUsage): LlmUsage {
  return {
    model: a.model,
    calls: a.calls + b.calls,
    cacheHits: a.cacheHits + b.cacheHits,
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    costUsd: a.costUsd + b.costUsd,
  };
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

async function main(): Promise<void> {
  const books = generateBooks({ seed: SEED, lines: args.quick ? 1_500 : 4_000, openItems: args.quick ? 3_000 : 8_000 });
  const offline = OFFLINE_ENGINE.suggest(books.request);
  const grey: number[] = [];
  const unexplained: number[] = [];
  for (const result of offline) {
    const top = result.suggestions[0];
    const line = books.request.lines.find((l) => l.id === result.lineId);
    if (top && top.confidence >= 0.5 && top.confidence < AUTO_CONFIDENCE) grey.push(result.lineId);
    else if (!top && line && line.amount < 0) unexplained.push(result.lineId);
  }
  const chosen = new Set([...grey.slice(0, SAMPLE), ...unexplained.slice(0, Math.ceil(SAMPLE / 4))]);
  const lines = books.request.lines.filter((line) => chosen.has(line.id));
  const requests: SuggestRequest[] = [];
  for (let i = 0; i < lines.length; i += BATCH) requests.push({ ...books.request, lines: lines.slice(i, i + BATCH) });

  const real = loadLlmConfig({}, process.env);
  let fake: FakeOpenAiServer | null = null;
  let config: LlmConfig;
  if (real) {
    config = real;
  } else {
    fake = await startFakeOpenAi((request) => ({ content: evidenceBestAnswer(request), delayMs: LATENCY_MS }));
    const fakeConfig = loadLlmConfig({ model: "fake-evidence-best", baseUrl: fake.baseUrl, maxCases: BATCH, requestBudgetMs: 600_000 }, {});
    if (!fakeConfig) throw new Error("unreachable: the fake's configuration names a model");
    config = fakeConfig;
  }
  try {
    console.log(`LLM bench — seed ${SEED}: ${grey.length} grey-band lines (offline top in [0.5, ${AUTO_CONFIDENCE})) and ` +
      `${unexplained.length} unexplained outgoing payments found; sampled ${lines.length} lines in ${requests.length} requests of ≤${BATCH}`);
    console.log(`LLM: ${config.model} at ${config.baseUrl ?? "api.openai.com"}${fake ? ` (local fake, ${LATENCY_MS} ms per answer)` : ""}, ` +
      `concurrency ${config.concurrency}, grey band [${config.greyLow}, ${config.greyHigh}), evidence floor ${config.evidenceFloor}`);

    const off = await runThrough(new ReconcileService({ engine: OFFLINE_ENGINE, validateResponses: true }), requests);
    const on = await runThrough(
      new ReconcileService({ engine: OFFLINE_ENGINE, refiner: createLlmRefiner(config), validateResponses: true }),
      requests,
    );

    const truth = books.truth;
    const subset = (results: LineResult[], ids: Set<number>) => results.filter((r) => ids.has(r.lineId));
    const greyIds = new Set(grey.filter((id) => chosen.has(id)));
    const unexplainedIds = new Set(unexplained.filter((id) => chosen.has(id)));
    const offTop = new Map(off.results.map((r) => [r.lineId, r.suggestions[0]]));
    const row = (name: string, results: LineResult[]) => {
      const all = evaluate(results, truth);
      const g = evaluate(subset(results, greyIds), truth);
      let fixed = 0;
      let broken = 0;
      for (const r of subset(results, greyIds)) {
        const t = truth.get(r.lineId);
        const before = offTop.get(r.lineId);
        const after = r.suggestions[0];
        if (!t || t.matchType === null) continue;
        const wasRight = before !== undefined && isCorrect(before, t);
        const isRight = after !== undefined && isCorrect(after, t);
        if (!wasRight && isRight) fixed++;
        if (wasRight && !isRight) broken++;
      }
      const unexplainedResults = subset(results, unexplainedIds);
      const proposed = unexplainedResults.filter((r) => r.suggestions.length > 0);
      const proposedRight = proposed.filter((r) => {
        const t = truth.get(r.lineId);
        return t !== undefined && r.suggestions[0] !== undefined && isCorrect(r.suggestions[0], t);
      }).length;
      return `| ${name.padEnd(3)} | ${`${g.top1Correct}/${g.matchable}`.padStart(15)} | ${`+${fixed} / -${broken}`.padStart(15)} | ` +
        `${`${proposedRight}/${proposed.length}/${unexplainedResults.length}`.padStart(28)} | ${`${all.autoCorrect}/${all.autoLines}`.padStart(17)} |`;
    };
    console.log("");
    console.log("Quality. Grey band: top-1 right / matchable lines, and lines the LLM fixed (+) or broke (-).");
    console.log("Unexplained: account proposals right / made / lines (the truth of most such lines is \"no match\": a");
    console.log("proposal there is a wrong low-confidence suggestion). ≥AUTO: right / lines at auto grade (the LLM adds none).");
    console.log("| LLM | grey band top-1 | LLM fixed/broke | unexplained right/made/lines | ≥AUTO right/total |");
    console.log("|-----|----------------:|----------------:|-----------------------------:|------------------:|");
    console.log(row("off", off.results));
    console.log(row("on", on.results));
    console.log("");
    console.log("Latency per request (engine + LLM stage, in-process service)");
    console.log("| LLM | requests | p50 ms | p95 ms | total s | calls | cache hits | prompt tok | completion tok | cost USD |");
    console.log("|-----|---------:|-------:|-------:|--------:|------:|-----------:|-----------:|---------------:|---------:|");
    for (const [name, run] of [["off", off], ["on", on]] as const) {
      const u = run.usage;
      const total = run.requestMs.reduce((a, b) => a + b, 0) / 1000;
      console.log(`| ${name.padEnd(3)} | ${String(run.requestMs.length).padStart(8)} | ${percentile(run.requestMs, 50).toFixed(0).padStart(6)} | ` +
        `${percentile(run.requestMs, 95).toFixed(0).padStart(6)} | ${total.toFixed(1).padStart(7)} | ${String(u?.calls ?? 0).padStart(5)} | ` +
        `${String(u?.cacheHits ?? 0).padStart(10)} | ${String(u?.promptTokens ?? 0).padStart(10)} | ${String(u?.completionTokens ?? 0).padStart(14)} | ` +
        `${(u?.costUsd ?? 0).toFixed(4).padStart(8)} |`);
    }
  } finally {
    await fake?.close();
  }
}

await main();
