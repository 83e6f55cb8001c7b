// The app on a real socket (127.0.0.1, any free port) and the real fetch, as Odoo will reach it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { OFFLINE_ENGINE } from "../../web_src/engine/reconciliation/offline_engine";
import { buildApp } from "../../web_src/endpoint/app";
import { fetchSigned, suggestRequest, testConfig } from "./helpers";

describe("the endpoint on a real socket", () => {
  let app: FastifyInstance;
  let baseUrl: string;

  beforeAll(async () => {
    app = buildApp({ config: testConfig({ maxBodyBytes: 16_384 }), engine: OFFLINE_ENGINE });
    baseUrl = await app.listen({ host: "127.0.0.1", port: 0 });
  });
  afterAll(async () => {
    await app.close();
  });

  it("serves /healthz", async () => {
    const response = await fetch(`${baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", model: null });
  });

  it("answers a signed request with a result per line", async () => {
    const response = await fetchSigned(baseUrl, JSON.stringify(suggestRequest()));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await response.json();
    expect(body.results.map((result: { lineId: number }) => result.lineId)).toEqual([101, 102]);
  });

  it("answers 413 (not a reset connection) to a body over the limit", async () => {
    const request = suggestRequest();
    request.lines = Array.from({ length: 400 }, (_, index) => ({ ...request.lines[0]!, id: index + 1 }));
    const response = await fetchSigned(baseUrl, JSON.stringify(request));
    expect(response.status).toBe(413);
    expect((await response.json()).error).toBe("payload_too_large");
  });
});
