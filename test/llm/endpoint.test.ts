// The endpoint with the LLM stage wired in as main.ts wires it, over real HTTP on both sides: Odoo's signed request
// in, the real engine, the real openai SDK out to a local OpenAI-compatible server.
import type { FastifyInstance } from "fastify";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { SuggestRequestSchema, type SuggestRequestInput } from "../../web_src/contracts/reconcile";
import { OFFLINE_ENGINE } from "../../web_src/engine/reconciliation/offline_engine";
import { createLlmRefiner } from "../../web_src/llm/create_llm_refiner";
import { recordingLogger, suggestRequest, testApp } from "../endpoint/helpers";
import { evidenceBestAnswer, startFakeOpenAi, type FakeOpenAiServer } from "./fake_openai_server";
import { llmConfig, postSuggest } from "./helpers";

let fake: FakeOpenAiServer | undefined;
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  await fake?.close();
  app = fake = undefined;
});

const requestWithAccounts = (overrides: Partial<SuggestRequestInput> = {}): SuggestRequestInput => {
  const request = suggestRequest({
    accounts: [
      { id: 627, code: "627000", name: "Bank and card fees", accountType: "expense" },
      { id: 606, code: "606000", name: "Office supplies", accountType: "expense" },
    ],
    ...overrides,
  });
  request.lines[1] = { ...request.lines[1]!, label: "Card fee, questions: help@bank.example" };
  return request;
};

describe("endpoint with the LLM stage", () => {
  it("answers with the LLM's help, marks it, reports usage, and logs the prompt masked at debug only", async () => {
    fake = await startFakeOpenAi((request) => ({ content: evidenceBestAnswer(request) }));
    // The whole confidence range is "grey" here, so the test does not hang on the engine's exact scores.
    const refiner = createLlmRefiner(llmConfig(fake.baseUrl, { greyLow: 0, greyHigh: 1, promptPricePer1k: 1 }));
    const { logger, records } = recordingLogger();
    refiner.useLogger(logger);
    app = testApp({ refiner });
    await app.listen({ host: "127.0.0.1", port: 0 });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    const offline = OFFLINE_ENGINE.suggest(SuggestRequestSchema.parse(requestWithAccounts()));
    const body = await postSuggest(url, requestWithAccounts());
    expect(body.engine.model).toBe("fake-model");
    expect(body.usage).toMatchObject({ model: "fake-model", calls: fake.requests.length, cacheHits: 0 });
    expect(body.usage?.costUsd).toBeGreaterThan(0);

    const [paid, fee] = body.results;
    expect(paid?.suggestions[0]?.candidateIds).toEqual([9001]);
    expect(paid?.suggestions[0]?.confidence).toBeLessThanOrEqual(offline[0]?.suggestions[0]?.confidence ?? 0);
    expect(fee?.suggestions[0]).toMatchObject({ matchType: "expense", accountId: 627, confidence: 0.3 });
    expect(fee?.suggestions[0]?.reasons[0]).toMatch(/^LLM: /);

    const prompts = records.filter((r) => JSON.stringify(r.args).includes("Card fee"));
    expect(prompts.length).toBeGreaterThan(0);
    expect(prompts.every((r) => r.level === "debug")).toBe(true);
    expect(JSON.stringify(records)).not.toContain("help@bank.example");
  });

  it("makes no LLM call when Odoo says the budget is spent, and names no model", async () => {
    fake = await startFakeOpenAi((request) => ({ content: evidenceBestAnswer(request) }));
    app = testApp({ refiner: createLlmRefiner(llmConfig(fake.baseUrl, { greyLow: 0, greyHigh: 1 })) });
    await app.listen({ host: "127.0.0.1", port: 0 });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const body = await postSuggest(url, requestWithAccounts({ llmAllowed: false }));
    expect(fake.requests).toHaveLength(0);
    expect(body.engine.model).toBeNull();
    expect(body.usage).toMatchObject({ calls: 0, cacheHits: 0, costUsd: 0 });
    expect(body.results[1]?.suggestions).toEqual([]);
  });

  it("falls back to the offline answer when the provider is down", async () => {
    fake = await startFakeOpenAi(() => ({ status: 503 }));
    app = testApp({ refiner: createLlmRefiner(llmConfig(fake.baseUrl, { greyLow: 0, greyHigh: 1 })) });
    await app.listen({ host: "127.0.0.1", port: 0 });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const body = await postSuggest(url, requestWithAccounts());
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(body.results.map((r) => r.suggestions.map((s) => s.reasons.some((x) => x.startsWith("LLM:"))))).toEqual(
      body.results.map((r) => r.suggestions.map(() => false)),
    );
    expect(body.results[0]?.suggestions[0]?.candidateIds).toEqual([9001]);
  });
});
