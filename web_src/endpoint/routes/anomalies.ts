// POST /v1/anomalies/detect — signed by Odoo; body DetectAnomaliesRequest (changed items + history statistics),
// answer DetectAnomaliesResponse (findings, detector errors).
import type { FastifyInstance } from "fastify";
import { ANOMALY_DETECT_PATH, DetectAnomaliesRequestSchema } from "../../contracts/anomalies";
import { parseJsonBody, rawBodyOf } from "../request_body";
import type { AnomalyService } from "../services/anomalies";
import type { SignedRouteOptions } from "../signed_route";

export function registerAnomalyRoutes(app: FastifyInstance, signed: SignedRouteOptions, service: AnomalyService): void {
  app.post(ANOMALY_DETECT_PATH, signed, async (request) => {
    const body = parseJsonBody(rawBodyOf(request.body), DetectAnomaliesRequestSchema);
    request.lineCount = body.items.length;
    return service.detect(body);
  });
}
