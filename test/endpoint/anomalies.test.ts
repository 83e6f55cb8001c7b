// POST /v1/anomalies/detect through the real app, signed as Odoo signs: findings for a valid request, 400 for an
// invalid one, 401 unsigned.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANOMALY_DETECT_PATH, DetectAnomaliesResponseSchema } from "../../web_src/contracts/anomalies";
import { bill, monthlyHistory } from "../engine/anomalies/helpers";
import { routePoster, testApp } from "./helpers";

let app: FastifyInstance;
beforeAll(() => {
  app = testApp();
});
afterAll(async () => {
  await app.close();
});

const post = routePoster(() => app, ANOMALY_DETECT_PATH);

describe(`POST ${ANOMALY_DETECT_PATH}`, () => {
  it("answers findings that keep to the contract", async () => {
    const res = await post({
      companyId: 1,
      companyCurrency: "EUR",
      items: [bill({ amount: 2450 })],
      history: { vendors: [{ partnerId: 7, billCount: 6, recent: monthlyHistory([180, 240, 205, 215, 190, 230]) }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const reply = DetectAnomaliesResponseSchema.parse(res.json());
    expect(reply.findings.map((f) => f.detector)).toEqual(["amount_outlier_vendor"]);
    expect(reply.errors).toEqual([]);
  });

  it("refuses an invalid request with 400 and an unsigned one with 401", async () => {
    const bad = await post({ companyId: 1, companyCurrency: "EUR", items: [{ id: 1 }] });
    expect(bad.statusCode).toBe(400);
    const unsigned = await post({ companyId: 1, companyCurrency: "EUR", items: [] }, false);
    expect(unsigned.statusCode).toBe(401);
  });
});
