// POST /v1/reconcile/suggest — signed by Odoo; body SuggestRequest, answer SuggestResponse.
// The content type and the signature headers are checked on arrival (onRequest), before the body is read; the body, read up to the size
// limit by the JSON parser (app.ts), is checked against the signature before it is parsed.
import type { FastifyInstance } from "fastify";
import { SuggestRequestSchema } from "../../contracts/reconcile";
import type { RequestVerifier, SignedHeaders } from "../auth";
import type { ReconcileService } from "../reconcile-service";
import { parseJsonBody, rawBodyOf, requireJsonContentType } from "../request-body";

export const SUGGEST_PATH = "/v1/reconcile/suggest";

export function registerSuggestRoute(app: FastifyInstance, verifier: RequestVerifier, service: ReconcileService): void {
  const signedHeaders = new WeakMap<object, SignedHeaders>();
  app.post(
    SUGGEST_PATH,
    {
      onRequest: async (request) => {
        requireJsonContentType(request.headers["content-type"]);
        signedHeaders.set(request, verifier.checkHeaders(request.headers));
      },
      preValidation: async (request) => {
        const signed = signedHeaders.get(request);
        if (signed === undefined) throw new Error("signature headers were not checked on arrival");
        verifier.verifyBody(signed, rawBodyOf(request.body));
      },
    },
    async (request) => {
      const payload = parseJsonBody(rawBodyOf(request.body), SuggestRequestSchema);
      request.lineCount = payload.lines.length;
      return service.suggest(payload);
    },
  );
}
