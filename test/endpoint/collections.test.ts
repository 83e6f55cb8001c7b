// POST /v1/collections/predict through the real app, signed as Odoo signs: a reply that keeps to the contract,
// 400 for an invalid request, 401 unsigned.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLECTION_PREDICT_PATH, CollectionPredictResponseSchema } from "../../web_src/contracts/collections";
import { routePoster, testApp } from "./helpers";

let app: FastifyInstance;
beforeAll(() => {
  app = testApp();
});
afterAll(async () => {
  await app.close();
});

const post = routePoster(() => app, COLLECTION_PREDICT_PATH);

describe(`POST ${COLLECTION_PREDICT_PATH}`, () => {
  it("answers behaviour, segment and predictions", async () => {
    const paid = [0, 1, -2, 0].map((late, i) => ({
      invoiceDate: `2025-0${i + 1}-01`, dueDate: `2025-0${i + 2}-01`, paidDate: `2025-0${i + 2}-0${2 + late + 2}`, amount: 100,
    }));
    const res = await post({
      companyId: 1, companyCurrency: "EUR", today: "2026-01-01",
      customers: [{ partnerId: 7, history: paid, open: [{ invoiceId: 3, invoiceDate: "2025-12-01", dueDate: "2025-12-31", amountResidual: 50 }] }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const reply = CollectionPredictResponseSchema.parse(res.json());
    expect(reply.customers[0]?.predictions[0]?.invoiceId).toBe(3);
    expect(reply.engine.name).toBe("collections");
  });

  it("refuses an invalid request with 400 and an unsigned one with 401", async () => {
    const bad = await post({ companyId: 1, companyCurrency: "EUR", today: "2026-01-01", customers: [{ partnerId: "x" }] });
    expect(bad.statusCode).toBe(400);
    const unsigned = await post({ companyId: 1, companyCurrency: "EUR", today: "2026-01-01", customers: [] }, false);
    expect(unsigned.statusCode).toBe(401);
  });
});
