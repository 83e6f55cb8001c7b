// main.ts as a process with the LLM configured through the environment (as Odoo starts the bundled endpoint):
// the start-up line names the model, answers carry usage, and a bad LLM setting stops the start with exit code 2.
import { afterEach, describe, expect, it } from "vitest";
import { SuggestResponseSchema } from "../../web_src/contracts/reconcile";
import { fetchSigned, runEndpoint, startEndpoint, suggestRequest, TEST_SECRET } from "../endpoint/helpers";
import { evidenceBestAnswer, startFakeOpenAi, type FakeOpenAiServer } from "./fake_openai_server";

const FROM_SOURCE = ["--import", "tsx", "web_src/endpoint/main.ts"];
let fake: FakeOpenAiServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe("main.ts with an LLM", () => {
  it("wires the LLM stage from OPENAI_BASE_URL and AI_BOOKKEEPING_LLM_MODEL", async () => {
    fake = await startFakeOpenAi((request) => ({ content: evidenceBestAnswer(request) }));
    const endpoint = await startEndpoint(FROM_SOURCE, {
      AI_BOOKKEEPING_SECRET: TEST_SECRET,
      AI_BOOKKEEPING_LLM_MODEL: "fake-model",
      OPENAI_BASE_URL: fake.baseUrl,
      AI_BOOKKEEPING_LLM_GREY_LOW: "0",
      AI_BOOKKEEPING_LLM_GREY_HIGH: "1",
    });
    try {
      expect(endpoint.stdout().split("\n")[0]).toMatch(/\(engine \S+ \S+, LLM fake-model at http:\/\/127\.0\.0\.1:\d+\/v1\)$/);
      const request = suggestRequest({ accounts: [{ id: 627, code: "627000", name: "Card fees", accountType: "expense" }] });
      const response = await fetchSigned(endpoint.url, JSON.stringify(request));
      expect(response.status).toBe(200);
      const body = SuggestResponseSchema.parse(await response.json());
      expect(body.engine.model).toBe("fake-model");
      expect(body.usage?.calls).toBe(fake.requests.length);
      expect(fake.requests.length).toBeGreaterThan(0);
      expect(body.results[1]?.suggestions[0]).toMatchObject({ matchType: "expense", accountId: 627 });
    } finally {
      endpoint.child.kill("SIGTERM");
    }
    expect(await endpoint.exited).toBe(0);
  }, 30_000);

  it("refuses a model for api.openai.com without a key, with the other problems", async () => {
    const result = await runEndpoint(FROM_SOURCE, { AI_BOOKKEEPING_SECRET: "short", AI_BOOKKEEPING_LLM_MODEL: "gpt-4o-mini" });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toEqual([
      "ai_bookkeeping endpoint: AI_BOOKKEEPING_SECRET is too short: the shared secret must be at least 32 characters long.",
      "ai_bookkeeping endpoint: OPENAI_API_KEY is not set: api.openai.com needs a key (or set OPENAI_BASE_URL to a local server).",
    ]);
  }, 20_000);
});
