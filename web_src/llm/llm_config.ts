// The settings of the LLM stage. Read from the environment by web_src/endpoint/config.ts (`loadLlmConfig`, the
// variable names are listed there); defined here so that the LLM stage needs nothing from the endpoint.
import { z } from "zod";
import { decimal, wholeNumber } from "../contracts/config_values";

/** Settings of the LLM stage; present in the configuration only when a model is named. */
export const LlmConfigSchema = z
  .object({
    model: z.string().trim().min(1).max(200),
    baseUrl: z.url({ protocol: /^https?$/ }).optional(),
    apiKey: z.string().min(1).optional(),
    concurrency: wholeNumber(1, 64).default(4),
    timeoutMs: wholeNumber(100, 600_000).default(15_000),
    maxRetries: wholeNumber(0, 10).default(1),
    requestBudgetMs: wholeNumber(100, 3_600_000).default(20_000),
    maxCases: wholeNumber(0, 2_000).default(32),
    greyLow: decimal(0, 1).default(0.5),
    greyHigh: decimal(0, 1).default(0.95),
    evidenceFloor: decimal(0, 1).default(0.1),
    accountConfidence: decimal(0, 1).default(0.3),
    cacheSize: wholeNumber(0, 1_000_000).default(1_000),
    promptPricePer1k: decimal(0, 1_000).default(0),
    completionPricePer1k: decimal(0, 1_000).default(0),
  })
  .refine((llm) => llm.greyLow <= llm.greyHigh, { path: ["greyLow"], message: "grey band low above high" })
  // api.openai.com needs a key; a local server (Ollama, llama.cpp, LM Studio, vLLM) usually does not.
  .refine((llm) => llm.baseUrl !== undefined || llm.apiKey !== undefined, { path: ["apiKey"], message: "missing" });

/** The LLM stage's settings, as read by web_src/endpoint/config.ts (`loadLlmConfig`). */
export type LlmConfig = Readonly<z.infer<typeof LlmConfigSchema>>;
