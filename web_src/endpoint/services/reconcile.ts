// The reconciliation workflow behind routes/reconcile.ts: run the engine, then the optional refine stage, and answer
// the contract. One service per workflow (services/<workflow>.ts), the routes stay one-liners over it.
import {
  SuggestResponseSchema,
  type EngineInfo,
  type LineResult,
  type LlmUsage,
  type SuggestRequest,
  type SuggestResponse,
} from "../../contracts/reconcile";
import type { Engine, Refiner } from "../../contracts/reconcile_pipeline";
import { ResponseContractError } from "../errors";

export interface ReconcileServiceOptions {
  engine: Engine;
  refiner?: Refiner | undefined;
  /** Check each response against `SuggestResponseSchema` (and that every line has a result) before sending it. */
  validateResponses: boolean;
}

export class ReconcileService {
  private readonly engine: Engine;
  private readonly refiner: Refiner | undefined;
  private readonly validateResponses: boolean;

  constructor(options: ReconcileServiceOptions) {
    this.engine = options.engine;
    this.refiner = options.refiner;
    this.validateResponses = options.validateResponses;
  }

  get engineInfo(): EngineInfo {
    return { name: this.engine.name, version: this.engine.version, model: this.refiner?.model ?? null };
  }

  async suggest(request: SuggestRequest): Promise<SuggestResponse> {
    const proposed = this.engine.suggest(request);
    if (!this.refiner) {
      return this.answer(request, { engine: this.engineInfo, results: proposed });
    }
    let usage: LlmUsage | undefined;
    let results: LineResult[];
    try {
      results = await this.refiner.refine(request, proposed, { recordUsage: (reported) => (usage = reported) });
    } catch {
      // The refine stage only ever improves on the engine: whatever went wrong, the engine's answer stands.
      results = proposed;
    }
    const consulted = usage === undefined || usage.calls + usage.cacheHits > 0;
    const engine = { ...this.engineInfo, model: consulted ? this.refiner.model : null };
    return this.answer(request, usage === undefined ? { engine, results } : { engine, results, usage });
  }

  private answer(request: SuggestRequest, response: SuggestResponse): SuggestResponse {
    return this.validateResponses ? checkResponse(request, response) : response;
  }
}

function checkResponse(request: SuggestRequest, response: SuggestResponse): SuggestResponse {
  const parsed = SuggestResponseSchema.safeParse(response);
  if (!parsed.success) {
    throw new ResponseContractError(`engine response breaks the contract: ${parsed.error.message}`);
  }
  const answered = new Set(parsed.data.results.map((result) => result.lineId));
  const unanswered = request.lines.filter((line) => !answered.has(line.id)).length;
  if (unanswered > 0) {
    throw new ResponseContractError(`engine response has no result for ${unanswered} of ${request.lines.length} lines`);
  }
  return parsed.data;
}
