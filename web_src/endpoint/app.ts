// Builds the endpoint's fastify instance from injected dependencies. Nothing here reads the environment, opens a
// port or looks at the real clock unless told to: tests drive it in-process with `app.inject`, main.ts listens.
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import type { Engine, Refiner, RefinerFactory } from "../contracts/reconcile_pipeline";
import type { EndpointConfig } from "./config";
import { createErrorHandler, handleNotFound } from "./errors";
import { RequestVerifier, type Clock } from "./request_verifier";
import { registerAnomalyRoutes } from "./routes/anomalies";
import { registerBillRoutes } from "./routes/bills";
import { registerCollectionRoutes } from "./routes/collections";
import { registerHealthRoute } from "./routes/health";
import { registerReconcileRoutes } from "./routes/reconcile";
import { registerStatementRoutes } from "./routes/statements";
import { registerReportRoutes } from "./routes/reports";
import { AnomalyService } from "./services/anomalies";
import { BillService } from "./services/bills";
import { CollectionService } from "./services/collections";
import { ReconcileService } from "./services/reconcile";
import { StatementService } from "./services/statements";
import { ReportService, type CallerFactory } from "./services/reports";
import { signedRouteOptions } from "./signed_route";

declare module "fastify" {
  interface FastifyRequest {
    /** Statement lines in a valid suggest request, for the access log; null otherwise. */
    lineCount: number | null;
  }
}

export interface AppDeps {
  config: EndpointConfig;
  engine: Engine;
  /** Defaults to `Date.now`. */
  clock?: Clock;
  /** A pino-compatible logger; defaults to pino on stdout at `config.logLevel`. */
  logger?: FastifyBaseLogger;
  /** Optional stage after the engine (an LLM, later). Absent: the offline engine answers alone. */
  refiner?: Refiner;
  /** Builds the LLM stage for a request that names its own LLM (`SuggestRequest.llm`); absent: it gets none. */
  refinerFor?: RefinerFactory;
  /** The vendor-bill reader; defaults to one running the server's poppler-utils and tesseract. */
  billService?: BillService;
  /** Builds the LLM caller of a report-rephrasing request from its own LLM settings (tests inject fetch here). */
  reportCallerFor?: CallerFactory;
}

/** Longest time a client may take to send its whole request. */
const REQUEST_TIMEOUT_MS = 60_000;

export function buildApp(deps: AppDeps): FastifyInstance {
  const { config } = deps;
  const app: FastifyInstance = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: { level: config.logLevel } }),
    bodyLimit: config.maxBodyBytes,
    requestTimeout: REQUEST_TIMEOUT_MS,
    // We log one line per request ourselves (logRequest), without bodies, and 5xx errors in the error handler.
    logController: new LogController({ disableRequestLogging: true }),
  });

  // JSON only, kept as raw bytes: the signature is computed over the exact bytes received, and the body is parsed
  // only after the signature checks out (signed_route.ts, request_body.ts). Any other content type is refused with 415.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    "application/json",
    { parseAs: "buffer", bodyLimit: config.maxBodyBytes },
    (_request, body, done) => done(null, body),
  );
  app.decorateRequest("lineCount", null);
  app.setErrorHandler(createErrorHandler(config));
  app.setNotFoundHandler(handleNotFound);
  app.addHook("onResponse", logRequest);

  const verifier = new RequestVerifier({ secret: config.secret, clock: deps.clock ?? Date.now });
  const service = new ReconcileService({
    engine: deps.engine,
    refiner: deps.refiner,
    refinerFor: deps.refinerFor,
    validateResponses: config.validateResponses,
  });
  registerHealthRoute(app, () => service.engineInfo);
  const signed = signedRouteOptions(verifier, config.maxBodyBytes);
  registerReconcileRoutes(app, signed, service);
  registerStatementRoutes(app, signed, new StatementService({ validateResponses: config.validateResponses }));
  registerAnomalyRoutes(app, signed, new AnomalyService({ validateResponses: config.validateResponses }));
  registerBillRoutes(app, signed, deps.billService ?? new BillService({ validateResponses: config.validateResponses, llm: config.llm }));
  registerCollectionRoutes(app, signed, new CollectionService({ validateResponses: config.validateResponses }));
  registerReportRoutes(app, signed, new ReportService({
    validateResponses: config.validateResponses,
    ...(deps.reportCallerFor ? { callerFor: deps.reportCallerFor } : {}),
  }));
  return app;
}

async function logRequest(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  request.log.info(
    {
      method: request.method,
      route: request.routeOptions.url ?? null,
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
      lines: request.lineCount,
    },
    "request completed",
  );
}
