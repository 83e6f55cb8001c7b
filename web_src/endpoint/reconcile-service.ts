// The domain layer behind the routes: run the engine, then the optional refine stage, and answer the contract.
import {
  SuggestResponseSchema,
  type EngineInfo,
  type SuggestRequest,
  type SuggestResponse,
} from "../contracts/reconcile";
import type { Engine, Refiner } from "./engine";
import { ResponseContractError } from "./errors";

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
    const results = this.refiner ? await this.refiner.refine(request, proposed) : proposed;
    const response: SuggestResponse = { engine: this.engineInfo, results };
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
