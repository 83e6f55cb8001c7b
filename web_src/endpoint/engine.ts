// What the endpoint needs from a suggestion engine, and the offline engine that ships with the add-on.
import type { LineResult, LlmUsage, SuggestRequest } from "../contracts/reconcile";
import { ENGINE_NAME, ENGINE_VERSION, suggestReconciliations } from "../engine/reconciliation/suggest_reconciliations";

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
 * Optional second stage after the engine: the LLM stage (web_src/llm/llmRefiner.ts), passed to `buildApp` as
 * `refiner`. It receives the validated request and the engine's results and returns the results to send; its output
 * is checked against the contract like the engine's. A refiner that throws is ignored: the engine's results stand.
 */
export interface Refiner {
  /** Model name reported in `SuggestResponse.engine.model`, e.g. "gpt-4o-mini". */
  readonly model: string;
  refine(request: SuggestRequest, results: LineResult[], context?: RefineContext): Promise<LineResult[]>;
}

export const OFFLINE_ENGINE: Engine = Object.freeze({
  name: ENGINE_NAME,
  version: ENGINE_VERSION,
  suggest: suggestReconciliations,
});
