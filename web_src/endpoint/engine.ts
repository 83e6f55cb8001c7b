// What the endpoint needs from a suggestion engine, and the offline engine that ships with the add-on.
import type { LineResult, SuggestRequest } from "../contracts/reconcile";
import { ENGINE_NAME, ENGINE_VERSION, suggestReconciliations } from "../engine/suggest";

export interface Engine {
  readonly name: string;
  readonly version: string;
  /** Pure and synchronous: one `LineResult` per request line. */
  suggest(request: SuggestRequest): LineResult[];
}

/**
 * Optional second stage after the engine, e.g. an LLM that re-ranks or explains suggestions (not implemented yet:
 * it would live in clients/openai.ts and be passed to `buildApp` as `refiner`). It receives the validated request
 * and the engine's results and returns the results to send; its output is checked against the contract like the
 * engine's.
 */
export interface Refiner {
  /** Model name reported in `SuggestResponse.engine.model`, e.g. "gpt-4o-mini". */
  readonly model: string;
  refine(request: SuggestRequest, results: LineResult[]): Promise<LineResult[]>;
}

export const OFFLINE_ENGINE: Engine = Object.freeze({
  name: ENGINE_NAME,
  version: ENGINE_VERSION,
  suggest: suggestReconciliations,
});
