// POST /v1/reports/rephrase — signed by Odoo; body RephraseRequest (offline narrative + facts + the LLM to use),
// answer RephraseResponse (the LLM's text and the endpoint's verdict). Nothing is stored or logged about the text.
import type { FastifyInstance } from "fastify";
import { REPORT_REPHRASE_PATH, RephraseRequestSchema } from "../../contracts/reports";
import { parseJsonBody, rawBodyOf } from "../request_body";
import type { ReportService } from "../services/reports";
import type { SignedRouteOptions } from "../signed_route";

export function registerReportRoutes(app: FastifyInstance, signed: SignedRouteOptions, service: ReportService): void {
  app.post(REPORT_REPHRASE_PATH, signed, async (request) =>
    service.rephrase(parseJsonBody(rawBodyOf(request.body), RephraseRequestSchema)),
  );
}
