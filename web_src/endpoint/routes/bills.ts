// POST /v1/bills/extract — signed by Odoo; body ExtractBillRequest (one document, base64), answer
// ExtractBillResponse. The document is read in a private temporary directory and forgotten: nothing is stored or logged.
import type { FastifyInstance } from "fastify";
import { BILL_EXTRACT_PATH, ExtractBillRequestSchema } from "../../contracts/bills";
import { parseJsonBody, rawBodyOf } from "../request_body";
import type { BillService } from "../services/bills";
import type { SignedRouteOptions } from "../signed_route";

export function registerBillRoutes(app: FastifyInstance, signed: SignedRouteOptions, service: BillService): void {
  app.post(BILL_EXTRACT_PATH, signed, async (request) => {
    const reply = await service.extract(parseJsonBody(rawBodyOf(request.body), ExtractBillRequestSchema));
    request.lineCount = reply.documents.reduce((n, d) => n + d.lines.length, 0);
    return reply;
  });
}
