// POST /v1/statements/parse — signed by Odoo; body ParseStatementRequest (one bank file, base64), answer
// ParseStatementResponse. The file is read in memory and forgotten: nothing is stored or logged.
import type { FastifyInstance } from "fastify";
import { ParseStatementRequestSchema, STATEMENT_PARSE_PATH } from "../../contracts/statements";
import { parseJsonBody, rawBodyOf } from "../request_body";
import type { StatementService } from "../services/statements";
import type { SignedRouteOptions } from "../signed_route";

export function registerStatementRoutes(app: FastifyInstance, signed: SignedRouteOptions, service: StatementService): void {
  app.post(STATEMENT_PARSE_PATH, signed, async (request) => {
    const reply = service.parse(parseJsonBody(rawBodyOf(request.body), ParseStatementRequestSchema));
    request.lineCount = reply.statements.reduce((n, s) => n + s.lines.length, 0);
    return reply;
  });
}
