// POST /v1/statements/parse — signed by Odoo; body ParseStatementRequest (one bank file, base64), answer
// ParseStatementResponse. The file is read in memory and forgotten: nothing is stored or logged.
import type { FastifyInstance } from "fastify";
import { ParseStatementRequestSchema, STATEMENT_PARSE_PATH } from "../../contracts/statements";
import type { RequestVerifier } from "../auth";
import { parseJsonBody, rawBodyOf } from "../request-body";
import type { StatementService } from "../services/statements";

export function registerStatementRoutes(app: FastifyInstance, verifier: RequestVerifier, service: StatementService): void {
  app.post(
    STATEMENT_PARSE_PATH,
    { preValidation: async (request) => verifier.verify(request.headers, rawBodyOf(request.body)) },
    async (request) => {
      const reply = service.parse(parseJsonBody(rawBodyOf(request.body), ParseStatementRequestSchema));
      request.lineCount = reply.statements.reduce((n, s) => n + s.lines.length, 0);
      return reply;
    },
  );
}
