// The route options every workflow's signed route uses: the content type and the signature headers are checked on
// arrival (onRequest), before a byte of the body is read; the body, read up to the size limit by the JSON parser
// (app.ts), is checked against the signature (preValidation) before the handler parses it.
//
// Headers that look signed cost nothing to forge, so a body is only read when the bytes already in flight (declared
// lengths of the requests being read or answered; a chunked body counts as a whole body) leave room for it: past
// IN_FLIGHT_BODIES whole bodies the request is refused at once with 503 and Retry-After, which Odoo's client retries.
import type { FastifyRequest, RouteShorthandOptions } from "fastify";
import { ServerBusyError } from "./errors";
import type { RequestVerifier, SignedHeaders } from "./request_verifier";
import { rawBodyOf, requireJsonContentType } from "./request_body";

export type SignedRouteOptions = Pick<RouteShorthandOptions, "onRequest" | "preValidation">;

/** How many bodies of the maximum size the endpoint reads at once, all signed routes together. */
export const IN_FLIGHT_BODIES = 4;

export function signedRouteOptions(verifier: RequestVerifier, maxBodyBytes: number): SignedRouteOptions {
  const signedHeaders = new WeakMap<FastifyRequest, SignedHeaders>();
  const budget = IN_FLIGHT_BODIES * maxBodyBytes;
  let inFlight = 0;
  return {
    onRequest: async (request, reply) => {
      requireJsonContentType(request.headers["content-type"]);
      signedHeaders.set(request, verifier.checkHeaders(request.headers));
      const declared = Number(request.headers["content-length"]);
      const reserved = Number.isSafeInteger(declared) && declared >= 0 ? Math.min(declared, maxBodyBytes) : maxBodyBytes;
      if (inFlight + reserved > budget) throw new ServerBusyError();
      inFlight += reserved;
      reply.raw.once("close", () => {
        inFlight -= reserved;
      });
    },
    preValidation: async (request) => {
      const signed = signedHeaders.get(request);
      if (signed === undefined) throw new Error("signature headers were not checked on arrival");
      verifier.verifyBody(signed, rawBodyOf(request.body));
    },
  };
}
