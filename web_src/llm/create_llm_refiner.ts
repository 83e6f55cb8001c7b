// Builds the LLM stage from the endpoint's configuration: one openai client (the SDK's own retries and timeout),
// one concurrency limit, one answer cache and one output-mode memory for the whole process.
import OpenAI from "openai";
import type { LlmConfig } from "./llm_config";
import { ConcurrencyLimit } from "./concurrency_limit";
import { LlmRefiner } from "./llm_refiner";
import { LruCache } from "./lru_cache";
import { OutputModeMemory, StructuredCaller, type LlmLogger } from "./structured_caller";

/** Local servers (Ollama, llama.cpp, LM Studio, vLLM) ignore the key, but the SDK wants one. */
const NO_KEY = "no-key-needed";

export interface LlmDeps {
  logger?: LlmLogger;
  /** Injected `fetch` (tests); defaults to the global one. */
  fetch?: typeof fetch;
}

export function createStructuredCaller(config: LlmConfig, deps: LlmDeps = {}): StructuredCaller {
  const client = new OpenAI({
    apiKey: config.apiKey ?? NO_KEY,
    ...(config.baseUrl === undefined ? {} : { baseURL: config.baseUrl }),
    timeout: config.timeoutMs,
    maxRetries: config.maxRetries,
    ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
  });
  return new StructuredCaller({
    client,
    model: config.model,
    limit: new ConcurrencyLimit(config.concurrency),
    cache: new LruCache<string, unknown>(config.cacheSize),
    modes: new OutputModeMemory(),
    ...(deps.logger === undefined ? {} : { logger: deps.logger }),
  });
}

export function createLlmRefiner(config: LlmConfig, deps: LlmDeps = {}): LlmRefiner {
  return new LlmRefiner(createStructuredCaller(config, deps), config);
}
