// One bundled endpoint serves every database of an Odoo server: each request names its own LLM (model, URL, key),
// or none. Real HTTP on both sides, two local OpenAI-compatible servers standing for two databases' providers.
import type { FastifyInstance } from "fastify";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { SuggestRequestInput } from "../../web_src/contracts/reconcile";
import type { Refiner } from "../../web_src/contracts/reconcile_pipeline";
import { loadLlmTuning } from "../../web_src/endpoint/config";
import { createLlmRefinerFor } from "../../web_src/llm/create_llm_refiner";
import { injectSigned, recordingLogger, suggestRequest, testApp } from "../endpoint/helpers";
import { evidenceBestAnswer, startFakeOpenAi, type FakeOpenAiServer } from "./fake_openai_server";
import { postSuggest } from "./helpers";

const fakes: FakeOpenAiServer[] = [];
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
  app = undefined;
});

const request = (llm?: { model: string; baseUrl?: string; apiKey?: string }): SuggestRequestInput => ({
  ...suggestRequest({
    accounts: [
      { id: 627, code: "627000", name: "Bank and card fees", accountType: "expense" },
      { id: 606, code: "606000", name: "Office supplies", accountType: "expense" },
    ],
  }),
  ...(llm === undefined ? {} : { llm }),
});

async function start(): Promise<{ url: string; records: unknown[]; built: Refiner[] }> {
  const { logger, records } = recordingLogger();
  // The whole confidence range is "grey": every line goes to the request's LLM, whatever the engine's scores.
  const tuning = loadLlmTuning({
    AI_BOOKKEEPING_LLM_GREY_LOW: "0",
    AI_BOOKKEEPING_LLM_GREY_HIGH: "1",
    AI_BOOKKEEPING_LLM_MAX_RETRIES: "0",
    AI_BOOKKEEPING_LLM_TIMEOUT_MS: "2000",
    // Which LLM comes from each request, never from the environment.
    AI_BOOKKEEPING_LLM_MODEL: "environment-model",
    OPENAI_API_KEY: "sk-environment",
  });
  expect(tuning).not.toHaveProperty("model");
  expect(tuning).not.toHaveProperty("apiKey");
  const built: Refiner[] = [];
  app = testApp({
    logger,
    refinerFor: (llm) => {
      const refiner = createLlmRefinerFor(tuning, llm, { logger: logger.child({ component: "llm" }) });
      built.push(refiner);
      return refiner;
    },
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
  return { url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, records, built };
}

describe("LLM settings per request (one endpoint, several databases)", () => {
  it("sends each request to its own LLM, none without settings, and never logs the key", async () => {
    const providerA = await startFakeOpenAi((body) => ({ content: evidenceBestAnswer(body) }));
    const providerB = await startFakeOpenAi((body) => ({ content: evidenceBestAnswer(body) }));
    fakes.push(providerA, providerB);
    const { url, records, built } = await start();
    const databaseA = { model: "model-a", baseUrl: providerA.baseUrl, apiKey: "sk-database-a-secret" };
    const databaseB = { model: "model-b", baseUrl: providerB.baseUrl, apiKey: "sk-database-b-secret" };

    const answerA = await postSuggest(url, request(databaseA));
    expect(providerA.requests.length).toBeGreaterThan(0);
    expect(providerA.requests.every((r) => r.model === "model-a")).toBe(true);
    expect(providerB.requests).toHaveLength(0);
    expect(answerA.engine.model).toBe("model-a");
    expect(answerA.usage).toMatchObject({ model: "model-a", calls: providerA.requests.length });

    const answerB = await postSuggest(url, request(databaseB));
    expect(providerB.requests.length).toBeGreaterThan(0);
    expect(providerB.requests.every((r) => r.model === "model-b")).toBe(true);
    expect(answerB.engine.model).toBe("model-b");

    // A database without an LLM model: no LLM at all, whatever the other databases configured.
    const [callsA, callsB] = [providerA.requests.length, providerB.requests.length];
    const answerNone = await postSuggest(url, request());
    expect([providerA.requests.length, providerB.requests.length]).toEqual([callsA, callsB]);
    expect(answerNone.engine.model).toBeNull();
    expect(answerNone.usage).toBeUndefined();

    // The same settings again: the same refiner (its SDK client, cache and output-mode memory) is reused.
    await postSuggest(url, request(databaseA));
    expect(built).toHaveLength(2);

    const logged = JSON.stringify(records);
    expect(logged).toContain("request completed");
    expect(logged).not.toContain("sk-database-a-secret");
    expect(logged).not.toContain("sk-database-b-secret");
  });

  it("refuses malformed LLM settings, without echoing the key", async () => {
    const { records } = await start();
    for (const llm of [
      { model: "m", apiKey: "sk-refused-secret", extra: "x" },
      { model: "", apiKey: "sk-refused-secret" },
      { model: "m", apiKey: "sk-refused-secret".repeat(100) },
      { model: "m", baseUrl: "ftp://127.0.0.1/v1", apiKey: "sk-refused-secret" },
    ]) {
      const response = await injectSigned(app!, { ...suggestRequest(), llm });
      expect(response.statusCode).toBe(400);
      expect(response.body).not.toContain("sk-refused-secret");
    }
    expect(JSON.stringify(records)).not.toContain("sk-refused-secret");
  });
});
