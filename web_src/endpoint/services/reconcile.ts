// The reconciliation workflow behind routes/reconcile.ts: run the engine, then the optional refine stage, and answer
// the contract. One service per workflow (services/<workflow>.ts), the routes stay one-liners over it.
// Which LLM refines a request: the one its own settings name (`request.llm`, sent by Odoo to the bundled endpoint
// that all databases of a server share), else the endpoint's own (its environment: a separately deployed endpoint).
import { createHash } from "node:crypto";
import {
  SuggestResponseSchema,
  type EngineInfo,
  type LineResult,
  type LlmUsage,
  type RequestLlm,
  type SuggestRequest,
  type SuggestResponse,
} from "../../contracts/reconcile";
import type { Engine, Refiner, RefinerFactory } from "../../contracts/reconcile_pipeline";
import { LruCache } from "../../llm/lru_cache";
import { ResponseContractError } from "../errors";

/** Refiners kept for the LLM settings seen last (a few databases per server): their SDK clients, caches, modes. */
const REQUEST_REFINERS = 16;

export interface ReconcileServiceOptions {
  engine: Engine;
  /** The endpoint's own LLM stage (its environment), for requests that name no LLM. */
  refiner?: Refiner | undefined;
  /** Builds the LLM stage for a request that names its own LLM; absent: such requests get none. */
  refinerFor?: RefinerFactory | undefined;
  /** Check each response against `SuggestResponseSchema` (and that every line has a result) before sending it. */
  validateResponses: boolean;
}

export class ReconcileService {
  private readonly engine: Engine;
  private readonly refiner: Refiner | undefined;
  private readonly refinerFor: RefinerFactory | undefined;
  /** By a hash of the settings: the key itself is not kept as a map key. null: the settings are unusable. */
  private readonly requestRefiners = new LruCache<string, Refiner | null>(REQUEST_REFINERS);
  private readonly validateResponses: boolean;

  constructor(options: ReconcileServiceOptions) {
    this.engine = options.engine;
    this.refiner = options.refiner;
    this.refinerFor = options.refinerFor;
    this.validateResponses = options.validateResponses;
  }

  get engineInfo(): EngineInfo {
    return { name: this.engine.name, version: this.engine.version, model: this.refiner?.model ?? null };
  }

  async suggest(received: SuggestRequest): Promise<SuggestResponse> {
    // The LLM settings (a key) go no further than choosing the refiner: neither the engine nor the prompts see them.
    const { llm, ...request } = received;
    const refiner = llm === undefined ? this.refiner : this.refinerOf(llm);
    const proposed = this.engine.suggest(request);
    if (!refiner) {
      return this.answer(request, { engine: { ...this.engineInfo, model: null }, results: proposed });
    }
    let usage: LlmUsage | undefined;
    let results: LineResult[];
    try {
      results = await refiner.refine(request, proposed, { recordUsage: (reported) => (usage = reported) });
    } catch {
      // The refine stage only ever improves on the engine: whatever went wrong, the engine's answer stands.
      results = proposed;
    }
    const consulted = usage === undefined || usage.calls + usage.cacheHits > 0;
    const engine = { ...this.engineInfo, model: consulted ? refiner.model : null };
    return this.answer(request, usage === undefined ? { engine, results } : { engine, results, usage });
  }

  private refinerOf(llm: RequestLlm): Refiner | undefined {
    if (!this.refinerFor) return undefined;
    const key = createHash("sha256")
      .update(JSON.stringify([llm.model, llm.baseUrl ?? null, llm.apiKey ?? null]))
      .digest("hex");
    let refiner = this.requestRefiners.get(key);
    if (refiner === undefined) {
      try {
        refiner = this.refinerFor(llm);
      } catch {
        refiner = null; // unusable settings (e.g. api.openai.com without a key): the engine answers alone
      }
      this.requestRefiners.set(key, refiner);
    }
    return refiner ?? undefined;
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
