// The stages of the reconciliation pipeline behind POST /v1/reconcile/suggest, as the endpoint sees them: an engine
// (web_src/engine/reconciliation, OFFLINE_ENGINE) and an optional refine stage (the LLM, web_src/llm). Both sides
// implement or call these interfaces; neither imports the other.
import type { LineResult, LlmUsage, SuggestRequest } from "./reconcile";

export interface Engine {
  readonly name: string;
  readonly version: string;
  /** Pure and synchronous: one `LineResult` per request line. */
  suggest(request: SuggestRequest): LineResult[];
}

/** What the service hands the refine stage for one request. */
export interface RefineContext {
  /**
   * Report what this request cost (tokens, calls, cache hits); sent back as `SuggestResponse.usage`. A refiner that
   * reports zero calls and zero cache hits did not consult its model: the response then names no model.
   */
  recordUsage(usage: LlmUsage): void;
}

/**
 * Optional second stage after the engine: the LLM stage (web_src/llm/llm_refiner.ts), passed to `buildApp` as
 * `refiner`. It receives the validated request and the engine's results and returns the results to send; its output
 * is checked against the contract like the engine's. A refiner that throws is ignored: the engine's results stand.
 */
export interface Refiner {
  /** Model name reported in `SuggestResponse.engine.model`, e.g. "gpt-4o-mini". */
  readonly model: string;
  refine(request: SuggestRequest, results: LineResult[], context?: RefineContext): Promise<LineResult[]>;
}
