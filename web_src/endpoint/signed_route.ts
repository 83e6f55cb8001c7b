// The route options every workflow's signed route uses: the content type and the signature headers are checked on
// arrival (onRequest), before a byte of the body is read; the body, read up to the size limit by the JSON parser
// (app.ts), is checked against the signature (preValidation) before the handler parses it.
import type { FastifyRequest, RouteShorthandOptions } from "fastify";
import type { RequestVerifier, SignedHeaders } from "./request_verifier";
import { rawBodyOf, requireJsonContentType } from "./request_body";

export type SignedRouteOptions = Pick<RouteShorthandOptions, "onRequest" | "preValidation">;

export function signedRouteOptions(verifier: RequestVerifier): SignedRouteOptions {
  const signedHeaders = new WeakMap<FastifyRequest, SignedHeaders>();
  return {
    onRequest: async (request) => {
      requireJsonContentType(request.headers["content-type"]);
      signedHeaders.set(request, verifier.checkHeaders(request.headers));
    },
    preValidation: async (request) => {
      const signed = signedHeaders.get(request);
      if (signed === undefined) throw new Error("signature headers were not checked on arrival");
      verifier.verifyBody(signed, rawBodyOf(request.body));
    },
  };
}
