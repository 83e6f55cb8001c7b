// POST /v1/reconcile/suggest — signed by Odoo; body SuggestRequest, answer SuggestResponse.
import type { FastifyInstance } from "fastify";
import { SuggestRequestSchema } from "../../contracts/reconcile";
import { parseJsonBody, rawBodyOf } from "../request_body";
import type { ReconcileService } from "../services/reconcile";
import type { SignedRouteOptions } from "../signed_route";

export const SUGGEST_PATH = "/v1/reconcile/suggest";

export function registerReconcileRoutes(app: FastifyInstance, signed: SignedRouteOptions, service: ReconcileService): void {
  app.post(SUGGEST_PATH, signed, async (request) => {
    const payload = parseJsonBody(rawBodyOf(request.body), SuggestRequestSchema);
    request.lineCount = payload.lines.length;
    return service.suggest(payload);
  });
}
