// The small parts of the LLM stage: LRU cache, concurrency limit, JSON extraction, configuration.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, loadLlmConfig } from "../../web_src/endpoint/config";
import { ConcurrencyLimit } from "../../web_src/llm/concurrency_limit";
import { extractJson } from "../../web_src/llm/extract_json";
import { LruCache } from "../../web_src/llm/lru_cache";

describe("LruCache", () => {
  it("evicts the least recently used entry beyond its capacity", () => {
    const cache = new LruCache<string, number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1); // a is now the most recent
    cache.set("c", 3);
    expect([cache.get("a"), cache.get("b"), cache.get("c"), cache.size]).toEqual([1, undefined, 3, 2]);
  });

  it("keeps nothing with capacity 0", () => {
    const cache = new LruCache<string, number>(0);
    cache.set("a", 1);
    expect(cache.get("a")).toBeUndefined();
  });
});

describe("ConcurrencyLimit", () => {
  it("runs at most `limit` tasks at once, in arrival order, and frees the slot on failure", async () => {
    const limit = new ConcurrencyLimit(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const task = (i: number) => async () => {
      running += 1;
      peak = Math.max(peak, running);
      order.push(i);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      if (i === 1) throw new Error("boom");
      return i;
    };
    const results = await Promise.allSettled([0, 1, 2, 3, 4].map((i) => limit.run(task(i))));
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled", "fulfilled"]);
  });
});

describe("extractJson", () => {
  it.each([
    ['{"a":1}', { a: 1 }],
    ['Here you go:\n```json\n{"a":2}\n```', { a: 2 }],
    ['I think {"a":3} is right.', { a: 3 }],
    ["not json", undefined],
    ['{"a": ', undefined],
  ])("reads %j", (text, expected) => {
    expect(extractJson(text)).toEqual(expected);
  });
});

describe("LLM configuration", () => {
  const SECRET = "s".repeat(40);

  it("is off without a model, even with a key", () => {
    expect(loadConfig({}, { AI_BOOKKEEPING_SECRET: SECRET, OPENAI_API_KEY: "sk-x" }).llm).toBeUndefined();
  });

  it("reads the SDK's variables and ours from the environment", () => {
    const config = loadConfig(
      {},
      {
        AI_BOOKKEEPING_SECRET: SECRET,
        AI_BOOKKEEPING_LLM_MODEL: "llama3.1:8b",
        OPENAI_BASE_URL: "http://127.0.0.1:11434/v1",
        AI_BOOKKEEPING_LLM_CONCURRENCY: "2",
        AI_BOOKKEEPING_LLM_GREY_LOW: "0.4",
        AI_BOOKKEEPING_LLM_PROMPT_PRICE_PER_1K: "0.00015",
      },
    );
    expect(config.llm).toMatchObject({
      model: "llama3.1:8b", baseUrl: "http://127.0.0.1:11434/v1", concurrency: 2, greyLow: 0.4, greyHigh: 0.95,
      promptPricePer1k: 0.00015, maxRetries: 1, timeoutMs: 15_000,
    });
    expect(config.llm?.apiKey).toBeUndefined();
  });

  it("needs a key for api.openai.com and says every problem at once", () => {
    try {
      loadLlmConfig({}, { AI_BOOKKEEPING_LLM_MODEL: "gpt-4o-mini", AI_BOOKKEEPING_LLM_GREY_LOW: "0.9", AI_BOOKKEEPING_LLM_GREY_HIGH: "0.5" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(2);
      expect(problems.join(" ")).toMatch(/OPENAI_API_KEY is not set/);
      expect(problems.join(" ")).toMatch(/AI_BOOKKEEPING_LLM_GREY_LOW/);
    }
  });

  it("refuses a base URL that is not http(s)", () => {
    expect(() => loadLlmConfig({ model: "m", baseUrl: "ftp://x" }, {})).toThrow(/OPENAI_BASE_URL|baseUrl/);
  });
});
