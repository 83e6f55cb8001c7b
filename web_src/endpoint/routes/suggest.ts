// POST /v1/reconcile/suggest — signed by Odoo; body SuggestRequest, answer SuggestResponse.
import type { FastifyInstance } from "fastify";
import { SuggestRequestSchema } from "../../contracts/reconcile";
import type { RequestVerifier } from "../auth";
import type { ReconcileService } from "../reconcile-service";
import { parseJsonBody, rawBodyOf } from "../request-body";

export const SUGGEST_PATH = "/v1/reconcile/suggest";

export function registerSuggestRoute(app: FastifyInstance, verifier: RequestVerifier, service: ReconcileService): void {
  app.post(
    SUGGEST_PATH,
    { preValidation: async (request) => verifier.verify(request.headers, rawBodyOf(request.body)) },
    async (request) => {
      const payload = parseJsonBody(rawBodyOf(request.body), SuggestRequestSchema);
      request.lineCount = payload.lines.length;
      return service.suggest(payload);
    },
  );
}
