// Every bad request the endpoint must refuse, in one table: it answers with a clear status and the engine never
// sees the request (nothing of it is processed, nothing is lost from the genuine requests around it).
import { afterEach, describe, expect, it } from "vitest";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { ErrorReplySchema } from "../../web_src/contracts/error_reply";
import type { SuggestRequest } from "../../web_src/contracts/reconcile";
import type { Engine } from "../../web_src/contracts/reconcile_pipeline";
import { OFFLINE_ENGINE } from "../../web_src/engine/reconciliation/offline_engine";
import { signRequest } from "../../web_src/endpoint/signing";
import { injectSigned, NOW_SECONDS, SUGGEST_URL, suggestRequest, TEST_SECRET, testApp, testConfig } from "./helpers";

let app: FastifyInstance;
afterEach(async () => {
  await app?.close();
});

interface Counted {
  engine: Engine;
  seen: SuggestRequest[];
}

function countingEngine(): Counted {
  const seen: SuggestRequest[] = [];
  return {
    seen,
    engine: {
      ...OFFLINE_ENGINE,
      suggest: (request) => {
        seen.push(request);
        return OFFLINE_ENGINE.suggest(request);
      },
    },
  };
}

const raw = (headers: Record<string, string>, payload: string) =>
  app.inject({ method: "POST", url: SUGGEST_URL, headers: { "content-type": "application/json", ...headers }, payload });

describe("bad requests", () => {
  it("are all refused with a 4xx naming the reason, and none reaches the engine", async () => {
    const counted = countingEngine();
    app = testApp({ engine: counted.engine, config: testConfig({ maxBodyBytes: 8_192 }) });
    const body = JSON.stringify(suggestRequest());
    const good = signRequest(TEST_SECRET, body, { timestamp: NOW_SECONDS, nonce: "genuine-nonce-0123456789" });
    expect((await raw(good, body)).statusCode).toBe(200);
    expect(counted.seen).toHaveLength(1);

    const oversized = suggestRequest();
    oversized.lines = Array.from({ length: 80 }, (_, index) => ({ ...oversized.lines[0]!, id: index + 1 }));
    const cases: Record<string, [() => Promise<LightMyRequestResponse>, number, string]> = {
      "exact replay of a genuine request": [() => raw(good, body), 409, "replayed_request"],
      "replayed nonce on a new body": [
        () => injectSigned(app, body.replace("1210", "1211"), { nonce: "genuine-nonce-0123456789" }),
        409,
        "replayed_request",
      ],
      "amount changed after signing": [
        () => raw(signRequest(TEST_SECRET, body, { timestamp: NOW_SECONDS }), body.replace('"amount":1210', '"amount":9')),
        401,
        "invalid_signature",
      ],
      "timestamp header moved without re-signing": [
        () => raw({ ...signRequest(TEST_SECRET, body, { timestamp: NOW_SECONDS }), "X-AIB-Timestamp": String(NOW_SECONDS + 1) }, body),
        401,
        "invalid_signature",
      ],
      "signed with another secret": [
        () => injectSigned(app, body, { secret: "not-the-secret-0123456789abcdef01234" }),
        401,
        "invalid_signature",
      ],
      "stale timestamp": [() => injectSigned(app, body, { timestamp: NOW_SECONDS - 3_600 }), 401, "stale_timestamp"],
      "unsigned": [() => raw({}, body), 401, "missing_signature"],
      "oversized body": [() => injectSigned(app, JSON.stringify(oversized)), 413, "payload_too_large"],
      "signed garbage": [() => injectSigned(app, "{not json"), 400, "invalid_json"],
      "signed body breaking the contract": [
        () => injectSigned(app, { ...suggestRequest(), companyCurrency: "euro" }),
        400,
        "invalid_request",
      ],
    };
    let refused = 0;
    for (const [name, [send, status, error]] of Object.entries(cases)) {
      const response = await send();
      expect(response.statusCode, name).toBe(status);
      expect(response.json().error, name).toBe(error);
      expect(ErrorReplySchema.safeParse(response.json()).success, `${name}: body follows the error contract`).toBe(true);
      refused += 1;
    }
    expect(refused).toBe(Object.keys(cases).length);
    expect(counted.seen, "no refused request reached the engine").toHaveLength(1);

    // The genuine traffic around the refusals is untouched.
    const after = signRequest(TEST_SECRET, body, { timestamp: NOW_SECONDS, nonce: "another-genuine-0123456789" });
    const response = await raw(after, body);
    expect(response.statusCode).toBe(200);
    expect(response.json().results).toHaveLength(suggestRequest().lines.length);
    expect(counted.seen).toHaveLength(2);
  });
});
