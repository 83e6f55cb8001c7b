// Every real statement line through the real endpoint (buildApp, signed requests, in-process HTTP), each with open
// items built from the line (scripts/bench/lib/real_line_books.ts). Asserts: every line accepted, every answer valid,
// the true item on top when the label carries a reference or the counterparty, and no auto-grade guess when nothing
// identifies the item. Engine misses on real label formats are listed in KNOWN_ENGINE_MISSES (reported, not fixed
// here); a new miss fails the test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { AUTO_CONFIDENCE, SuggestResponseSchema } from "../../web_src/contracts/reconcile";
import { BUCKETS, buildCounterpartyOnlyCase, buildRealLineCase, type Bucket, type RealLineCase } from "../../scripts/bench/lib/real_line_books";
import { locateStatements, readRealCorpus } from "../../scripts/bench/lib/real_statements";
import { injectSigned, testApp } from "../endpoint/helpers";

const { dir, missing } = locateStatements();
if (missing !== null) console.warn(`SKIPPED test/statements/real_pipeline.test.ts: ${missing}`);
const skipReason = missing === null ? "" : ` — SKIPPED: ${missing}`;

/** Real lines the engine gets wrong today (source → what goes wrong), reported to the engine's owner. */
export const KNOWN_ENGINE_MISSES: ReadonlyMap<string, string> = new Map<string, string>([]);

interface Outcome {
  case: RealLineCase;
  status: number;
  valid: boolean;
  topIds: number[] | null;
  topConfidence: number;
  ok: boolean;
  why: string;
}

describe.skipIf(missing !== null)(`real statement lines through the endpoint${skipReason}`, () => {
  let app: FastifyInstance;
  const outcomes: Outcome[] = [];

  beforeAll(async () => {
    app = testApp();
    await app.ready();
    const corpus = readRealCorpus(dir);
    const cases = corpus.lines.flatMap(({ file, line }, i) => {
      const only = buildCounterpartyOnlyCase(`${file}#${i}`, line);
      return only === null ? [buildRealLineCase(`${file}#${i}`, line)] : [buildRealLineCase(`${file}#${i}`, line), only];
    });
    for (const c of cases) {
      const res = await injectSigned(app, c.request);
      const parsed = SuggestResponseSchema.safeParse(res.statusCode === 200 ? res.json() : null);
      const top = parsed.success ? parsed.data.results[0]?.suggestions[0] : undefined;
      const topIds = top === undefined ? null : [...top.candidateIds].sort((a, b) => a - b);
      const topConfidence = top?.confidence ?? 0;
      let ok: boolean;
      let why: string;
      if (c.trueItemId === null) {
        ok = topConfidence < AUTO_CONFIDENCE;
        why = ok ? "" : `auto-grade suggestion (${topConfidence.toFixed(3)}) for items ${JSON.stringify(topIds)} although nothing identifies them`;
      } else {
        ok = topIds !== null && topIds.length === 1 && topIds[0] === c.trueItemId;
        why = ok ? "" : `top suggestion ${JSON.stringify(topIds)} (confidence ${topConfidence.toFixed(3)}), expected [${c.trueItemId}]`;
      }
      outcomes.push({ case: c, status: res.statusCode, valid: parsed.success, topIds, topConfidence, ok, why });
    }
    const rows = BUCKETS.map((bucket: Bucket) => {
      const inBucket = outcomes.filter((o) => o.case.bucket === bucket);
      const auto = inBucket.filter((o) => o.topConfidence >= AUTO_CONFIDENCE).length;
      return `| ${bucket.padEnd(13)} | ${String(inBucket.length).padStart(5)} | ${String(inBucket.filter((o) => o.ok).length).padStart(5)} | ${String(auto).padStart(6)} |`;
    });
    console.log([
      `Real statement lines through the endpoint: ${corpus.lines.length} lines from ${dir}, ${outcomes.length} cases`,
      "(a line naming its counterparty is also sent with the reference unknown to the books: counterparty bucket)",
      `(${corpus.refused.length} files refused as not statements, ${corpus.skippedRecords.length} records skipped by the readers)`,
      "| bucket        | cases |    ok | ≥AUTO  |",
      "|---------------|------:|------:|-------:|",
      ...rows,
      ...outcomes.filter((o) => !o.ok).map((o) => `MISS ${o.case.source} [${o.case.bucket}] ${o.why} — label "${o.case.line.label.slice(0, 90)}"`),
    ].join("\n"));
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it("has real lines in every identifying bucket", () => {
    expect(outcomes.length).toBeGreaterThan(150);
    for (const bucket of BUCKETS) expect(outcomes.filter((o) => o.case.bucket === bucket).length, bucket).toBeGreaterThan(0);
  });

  it("accepts every real line and answers with a valid response", () => {
    const refused = outcomes.filter((o) => o.status !== 200 || !o.valid).map((o) => `${o.case.source}: HTTP ${o.status}`);
    expect(refused).toEqual([]);
  });

  it("puts the true item on top when the label identifies it, and never auto-guesses when nothing does", () => {
    const newMisses = outcomes.filter((o) => !o.ok && !KNOWN_ENGINE_MISSES.has(o.case.source)).map((o) => `${o.case.source} [${o.case.bucket}]: ${o.why}`);
    expect(newMisses).toEqual([]);
    const nowRight = [...KNOWN_ENGINE_MISSES.keys()].filter((s) => outcomes.find((o) => o.case.source === s)?.ok);
    if (nowRight.length > 0) console.log(`known engine misses that now pass (remove them from KNOWN_ENGINE_MISSES): ${nowRight.join(", ")}`);
  });
});
