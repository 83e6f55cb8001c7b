import { describe, expect, it } from "vitest";
import { NonceCache, RequestVerifier } from "../../web_src/endpoint/request_verifier";
import {
  AuthenticationError,
  MissingSignatureError,
  ReplayedRequestError,
  SignatureMismatchError,
  StaleTimestampError,
} from "../../web_src/endpoint/errors";
import { signRequest } from "../../web_src/endpoint/signing";
import { NOW_SECONDS, TEST_SECRET } from "./helpers";

const lower = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));

describe("RequestVerifier", () => {
  let now = NOW_SECONDS * 1000;
  const verifier = new RequestVerifier({ secret: TEST_SECRET, clock: () => now });
  const body = Buffer.from('{"lines":[]}', "utf8");
  const sign = (options: { timestamp?: number; nonce?: string } = {}) =>
    lower(signRequest(TEST_SECRET, body, { timestamp: NOW_SECONDS, ...options }));

  it("accepts a genuine request and throws one error class per failure", () => {
    expect(() => verifier.verify(sign(), body)).not.toThrow();
    expect(() => verifier.verify({}, body)).toThrow(MissingSignatureError);
    expect(() => verifier.verify(sign(), Buffer.from('{"lines":[1]}'))).toThrow(SignatureMismatchError);
    expect(() => verifier.verify(sign({ timestamp: NOW_SECONDS - 1_000 }), body)).toThrow(StaleTimestampError);
    const headers = sign();
    verifier.verify(headers, body);
    expect(() => verifier.verify(headers, body)).toThrow(ReplayedRequestError);
    expect(new StaleTimestampError()).toBeInstanceOf(AuthenticationError);
  });

  it("keeps refusing a replay until its timestamp leaves the window", () => {
    const headers = sign({ nonce: "replay-me-0123456789" });
    verifier.verify(headers, body);
    now = (NOW_SECONDS + 300) * 1000;
    expect(() => verifier.verify(headers, body)).toThrow(ReplayedRequestError);
    now = (NOW_SECONDS + 301) * 1000;
    expect(() => verifier.verify(headers, body)).toThrow(StaleTimestampError);
    now = NOW_SECONDS * 1000;
  });
});

describe("NonceCache", () => {
  it("forgets expired nonces when it sweeps", () => {
    const cache = new NonceCache(100, 0);
    expect(cache.remember("a", 10, 0)).toBe(true);
    expect(cache.remember("a", 10, 5)).toBe(false);
    expect(cache.remember("b", 30, 11)).toBe(true);
    expect(cache.size).toBe(1);
    expect(cache.remember("a", 40, 12)).toBe(true);
  });

  it("stays within its bound by forgetting the oldest nonces first", () => {
    const cache = new NonceCache(3);
    for (const nonce of ["a", "b", "c", "d"]) expect(cache.remember(nonce, 1_000, 0)).toBe(true);
    expect(cache.size).toBe(3);
    expect(cache.remember("a", 1_000, 0)).toBe(true);
    expect(cache.remember("d", 1_000, 0)).toBe(false);
  });
});
