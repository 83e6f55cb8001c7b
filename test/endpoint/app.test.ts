// The endpoint in-process: routes, auth, validation and error mapping through `app.inject`.
import { afterEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { HealthResponseSchema } from "../../web_src/contracts/health";
import { SuggestResponseSchema, type LineResult } from "../../web_src/contracts/reconcile";
import { MAX_LABEL_LENGTH } from "../../web_src/contracts/text_limits";
import type { Engine } from "../../web_src/contracts/reconcile_pipeline";
import { OFFLINE_ENGINE } from "../../web_src/engine/reconciliation/offline_engine";
import { signRequest } from "../../web_src/endpoint/signing";
import {
  injectSigned,
  NOW_SECONDS,
  recordingLogger,
  SUGGEST_URL,
  suggestRequest,
  TEST_SECRET,
  testApp,
  testConfig,
} from "./helpers";

let app: FastifyInstance;
afterEach(async () => {
  await app?.close();
});

describe("GET /healthz", () => {
  it("answers ok with the engine and no model, without auth", async () => {
    app = testApp();
    const response = await app.inject({ method: "GET", url: "/healthz" });
    expect(response.statusCode).toBe(200);
    expect(HealthResponseSchema.safeParse(response.json()).success).toBe(true);
    expect(response.json()).toEqual({
      status: "ok",
      engine: { name: OFFLINE_ENGINE.name, version: OFFLINE_ENGINE.version },
      model: null,
    });
    expect(response.body).not.toContain(TEST_SECRET);
  });

  it("reports the refine stage's model when one is configured", async () => {
    app = testApp({ refiner: { model: "test-model", refine: async (_request, results) => results } });
    expect((await app.inject({ method: "GET", url: "/healthz" })).json()).toMatchObject({ model: "test-model" });
  });
});

describe("POST /v1/reconcile/suggest", () => {
  it("answers a valid signed request with a result for every line", async () => {
    app = testApp();
    const response = await injectSigned(app, suggestRequest());
    expect(response.statusCode).toBe(200);
    const body = SuggestResponseSchema.parse(response.json());
    expect(body.engine).toEqual({ name: OFFLINE_ENGINE.name, version: OFFLINE_ENGINE.version, model: null });
    expect(body.results.map((result) => result.lineId)).toEqual([101, 102]);
    expect(body.results[0]?.suggestions[0]?.candidateIds).toEqual([9001]);
  });

  it("accepts a charset parameter on the content type", async () => {
    app = testApp();
    const response = await injectSigned(app, suggestRequest(), { contentType: "application/json; charset=utf-8" });
    expect(response.statusCode).toBe(200);
  });

  it("passes the engine's results through the refine stage", async () => {
    const refine = async (_request: unknown, results: LineResult[]): Promise<LineResult[]> =>
      results.map((result) => ({ ...result, suggestions: [] }));
    app = testApp({ refiner: { model: "test-model", refine } });
    const body = (await injectSigned(app, suggestRequest())).json();
    expect(body.engine.model).toBe("test-model");
    expect(body.results).toEqual([
      { lineId: 101, suggestions: [] },
      { lineId: 102, suggestions: [] },
    ]);
  });

  it("handles labels with control characters, emoji and right-to-left text", async () => {
    app = testApp();
    const request = suggestRequest();
    const label = "VIR\u0000\u0007\t\r\nSEPA 💶🏦 \u202Eمرحبا بالعالم\u202C שלום \uFEFF Zoë – Ω";
    request.lines[0] = { ...request.lines[0]!, label, partnerName: "مؤسسة 🚀" };
    const response = await injectSigned(app, request);
    expect(response.statusCode).toBe(200);
    expect(response.json().results).toHaveLength(2);
  });

  it("refuses a body that is not JSON", async () => {
    app = testApp();
    const response = await injectSigned(app, '{"companyId": 1, "lines": [');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: "invalid_json", message: "request body is not valid JSON" });
  });

  it("refuses an empty body and a body that is not UTF-8", async () => {
    app = testApp();
    const empty = await injectSigned(app, "");
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toBe("invalid_json");
    const latin1 = await injectSigned(app, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
    expect(latin1.statusCode).toBe(400);
    expect(latin1.json()).toEqual({ error: "invalid_json", message: "request body is not valid UTF-8" });
  });

  it("names the offending field when the body breaks the contract", async () => {
    app = testApp();
    const request = suggestRequest();
    const response = await injectSigned(app, {
      ...request,
      lines: [{ ...request.lines[0], amount: "1210.00" }],
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error).toBe("invalid_request");
    expect(body.message).toContain("lines.0.amount: expected number");
    expect(body.issues).toEqual([{ path: "lines.0.amount", message: "expected number, received string" }]);
  });

  it("says when a required field is missing, and counts every problem", async () => {
    app = testApp();
    const { companyId: _companyId, ...withoutCompany } = suggestRequest();
    const response = await injectSigned(app, { ...withoutCompany, companyCurrency: "euro" });
    const body = response.json();
    expect(response.statusCode).toBe(400);
    expect(body.issues).toContainEqual({ path: "companyId", message: "expected number, but the field is missing" });
    expect(body.issues).toContainEqual({ path: "companyCurrency", message: "expected an ISO 4217 currency code such as EUR" });
    expect(body.message).toMatch(/\(and 1 more problem\)$/);
  });

  it("refuses a document that is not an object", async () => {
    app = testApp();
    const body = (await injectSigned(app, "[1,2,3]")).json();
    expect(body.issues).toEqual([{ path: "(body)", message: "expected object, received array" }]);
  });

  it("refuses a 1 MB label with a 400 naming the field, and keeps serving", async () => {
    app = testApp();
    const request = suggestRequest();
    request.lines[0] = { ...request.lines[0]!, label: "A".repeat(1024 * 1024) };
    const response = await injectSigned(app, request);
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.issues).toEqual([
      { path: "lines.0.label", message: `Too big: expected string to have <=${MAX_LABEL_LENGTH} characters` },
    ]);
    expect(response.body.length).toBeLessThan(1_000);
    expect((await injectSigned(app, suggestRequest())).statusCode).toBe(200);
  });

  it("lists at most 50 issues however many there are", async () => {
    app = testApp();
    const lines = Array.from({ length: 200 }, (_, index) => ({ id: index + 1, amount: "x" }));
    const body = (await injectSigned(app, { ...suggestRequest(), lines })).json();
    expect(body.issues).toHaveLength(50);
    expect(body.message).toMatch(/and \d+ more problems\)$/);
  });

  it("refuses a body over the configured limit with 413", async () => {
    app = testApp({ config: testConfig({ maxBodyBytes: 4_096 }) });
    const request = suggestRequest();
    request.lines = Array.from({ length: 40 }, (_, index) => ({ ...request.lines[0]!, id: index + 1 }));
    const body = JSON.stringify(request);
    expect(body.length).toBeGreaterThan(4_096);
    const response = await injectSigned(app, body);
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({
      error: "payload_too_large",
      message: "request body is larger than the limit of 4096 bytes (AI_BOOKKEEPING_MAX_BODY_BYTES)",
    });
  });

  it("refuses other content types with 415", async () => {
    app = testApp();
    const text = await injectSigned(app, JSON.stringify(suggestRequest()), { contentType: "text/plain" });
    expect(text.statusCode).toBe(415);
    expect(text.json().error).toBe("unsupported_media_type");
    const form = await injectSigned(app, "a=1", { contentType: "application/x-www-form-urlencoded" });
    expect(form.statusCode).toBe(415);
    const noBody = await app.inject({ method: "POST", url: SUGGEST_URL });
    expect(noBody.statusCode).toBe(415);
  });
});

describe("request signatures", () => {
  it("refuses an unsigned request", async () => {
    app = testApp();
    const response = await app.inject({ method: "POST", url: SUGGEST_URL, payload: suggestRequest() });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({
      error: "missing_signature",
      message: "request is not signed: missing header X-AIB-Timestamp, X-AIB-Nonce, X-AIB-Signature",
    });
  });

  it("refuses malformed signature headers", async () => {
    app = testApp();
    const body = JSON.stringify(suggestRequest());
    const good = signRequest(TEST_SECRET, body, { timestamp: NOW_SECONDS });
    const cases: Record<string, string>[] = [
      { "X-AIB-Signature": good["X-AIB-Signature"].replace("v1=", "v2=") },
      { "X-AIB-Signature": good["X-AIB-Signature"].toUpperCase() },
      { "X-AIB-Nonce": "short" },
      { "X-AIB-Nonce": "has spaces in it and more" },
      { "X-AIB-Timestamp": "1767225600.5" },
    ];
    for (const override of cases) {
      const response = await app.inject({
        method: "POST",
        url: SUGGEST_URL,
        headers: { "content-type": "application/json", ...good, ...override },
        payload: body,
      });
      expect(response.statusCode, JSON.stringify(override)).toBe(401);
      expect(response.json().error).toBe("malformed_signature");
    }
  });

  it("refuses a body changed after signing", async () => {
    app = testApp();
    const signed = JSON.stringify(suggestRequest());
    const tampered = signed.replace('"amount":1210', '"amount":1211');
    expect(tampered).not.toBe(signed);
    const response = await injectSigned(app, tampered, { signedBody: signed });
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toBe("invalid_signature");
  });

  it("refuses a request signed with another secret", async () => {
    app = testApp();
    const response = await injectSigned(app, suggestRequest(), { secret: "another-secret-0123456789abcdef0123" });
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toBe("invalid_signature");
  });

  it("refuses a timestamp more than 300 s away, either way", async () => {
    app = testApp();
    for (const timestamp of [NOW_SECONDS - 301, NOW_SECONDS + 301]) {
      const response = await injectSigned(app, suggestRequest(), { timestamp });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({
        error: "stale_timestamp",
        message: "request timestamp is outside the allowed window",
      });
    }
    for (const timestamp of [NOW_SECONDS - 300, NOW_SECONDS + 300]) {
      expect((await injectSigned(app, suggestRequest(), { timestamp })).statusCode).toBe(200);
    }
  });

  it("refuses a replayed nonce with 409", async () => {
    app = testApp();
    const nonce = "0123456789abcdef0123456789abcdef";
    expect((await injectSigned(app, suggestRequest(), { nonce })).statusCode).toBe(200);
    const replay = await injectSigned(app, suggestRequest(), { nonce });
    expect(replay.statusCode).toBe(409);
    expect(replay.json()).toEqual({ error: "replayed_request", message: "replayed request" });
  });

  it("checks the signature before parsing the body", async () => {
    app = testApp();
    const response = await app.inject({
      method: "POST",
      url: SUGGEST_URL,
      headers: { "content-type": "application/json" },
      payload: "not json",
    });
    expect(response.statusCode).toBe(401);
  });
});

describe("errors and logging", () => {
  const failingEngine: Engine = {
    ...OFFLINE_ENGINE,
    suggest: () => {
      throw new Error("engine exploded at /secret/path");
    },
  };

  it("answers 404 for unknown routes", async () => {
    app = testApp();
    const response = await app.inject({ method: "GET", url: "/v1/nope?x=1" });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: "not_found", message: "no route for GET /v1/nope" });
    expect((await app.inject({ method: "GET", url: SUGGEST_URL })).statusCode).toBe(404);
  });

  it("answers 500 without details when the engine throws, logs it and keeps serving", async () => {
    const { logger, records } = recordingLogger();
    app = testApp({ engine: failingEngine, logger });
    const response = await injectSigned(app, suggestRequest());
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: "internal", message: "internal error" });
    expect(response.body).not.toContain("exploded");
    expect(records.some((record) => record.level === "error")).toBe(true);
    expect((await app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);
  });

  it("answers 500 when the engine breaks the response contract", async () => {
    const { logger, records } = recordingLogger();
    const engines: Engine[] = [
      { ...OFFLINE_ENGINE, suggest: (request) => request.lines.map((line) => ({ lineId: line.id, suggestions: [{ rank: 0 }] })) } as Engine,
      { ...OFFLINE_ENGINE, suggest: () => [] },
    ];
    for (const engine of engines) {
      app = testApp({ engine, logger });
      const response = await injectSigned(app, suggestRequest());
      expect(response.statusCode).toBe(500);
      expect(response.json()).toEqual({ error: "internal", message: "internal error" });
      await app.close();
    }
    expect(records.filter((record) => record.level === "error")).toHaveLength(2);
  });

  it("logs method, route, status, duration and line count, never the body", async () => {
    const { logger, records } = recordingLogger();
    app = testApp({ logger });
    const request = suggestRequest();
    request.lines[0] = { ...request.lines[0]!, label: "PRIVATE-LABEL-XYZ", accountNumber: "DE89370400440532013000" };
    await injectSigned(app, request);
    await injectSigned(app, { ...request, lines: [{ ...request.lines[0], amount: "PRIVATE-AMOUNT" }] });
    const logged = JSON.stringify(records);
    expect(logged).not.toContain("PRIVATE-LABEL-XYZ");
    expect(logged).not.toContain("DE89370400440532013000");
    expect(logged).not.toContain("PRIVATE-AMOUNT");
    const completed = records.filter((record) => record.args[1] === "request completed").map((record) => record.args[0]);
    expect(completed).toEqual([
      { method: "POST", route: SUGGEST_URL, status: 200, durationMs: expect.any(Number), lines: 2 },
      { method: "POST", route: SUGGEST_URL, status: 400, durationMs: expect.any(Number), lines: null },
    ]);
  });
});
