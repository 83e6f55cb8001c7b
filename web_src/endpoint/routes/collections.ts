// POST /v1/collections/predict — signed by Odoo; body CollectionPredictRequest (paid histories and open invoices per
// customer), answer CollectionPredictResponse (behaviour, segment and reason, predicted payment dates).
import type { FastifyInstance } from "fastify";
import { COLLECTION_PREDICT_PATH, CollectionPredictRequestSchema } from "../../contracts/collections";
import { parseJsonBody, rawBodyOf } from "../request_body";
import type { CollectionService } from "../services/collections";
import type { SignedRouteOptions } from "../signed_route";

export function registerCollectionRoutes(app: FastifyInstance, signed: SignedRouteOptions, service: CollectionService): void {
  app.post(COLLECTION_PREDICT_PATH, signed, async (request) => {
    const body = parseJsonBody(rawBodyOf(request.body), CollectionPredictRequestSchema);
    request.lineCount = body.customers.length;
    return service.predict(body);
  });
}
