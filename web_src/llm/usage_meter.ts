// Token and cost accounting for one endpoint request: every chat completion answered, every cache hit.
import type { LlmUsage } from "../contracts/reconcile";

export interface TokenPrices {
  /** USD per 1,000 prompt (input) tokens. */
  promptPricePer1k: number;
  /** USD per 1,000 completion (output) tokens. */
  completionPricePer1k: number;
}

export class UsageMeter {
  calls = 0;
  cacheHits = 0;
  promptTokens = 0;
  completionTokens = 0;

  addCompletion(usage: { prompt_tokens: number; completion_tokens: number } | undefined): void {
    this.calls += 1;
    this.promptTokens += usage?.prompt_tokens ?? 0;
    this.completionTokens += usage?.completion_tokens ?? 0;
  }

  addCacheHit(): void {
    this.cacheHits += 1;
  }

  summary(model: string, prices: TokenPrices): LlmUsage {
    const cost =
      (this.promptTokens / 1000) * prices.promptPricePer1k + (this.completionTokens / 1000) * prices.completionPricePer1k;
    return {
      model,
      calls: this.calls,
      cacheHits: this.cacheHits,
      promptTokens: this.promptTokens,
      completionTokens: this.completionTokens,
      costUsd: Math.round(cost * 1e6) / 1e6,
    };
  }
}
