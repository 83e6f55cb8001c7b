import { describe, expect, it } from "vitest";
import { computeSignature, signRequest } from "../../web_src/endpoint/signing";

describe("signRequest", () => {
  it("matches the published test vector (the Python signer checks the same one)", () => {
    const headers = signRequest("test-secret-0123456789abcdef0123456789", '{"label":"Café ☕ مرحبا"}', {
      timestamp: 1_767_225_600,
      nonce: "00112233445566778899aabbccddeeff",
    });
    expect(headers).toEqual({
      "X-AIB-Timestamp": "1767225600",
      "X-AIB-Nonce": "00112233445566778899aabbccddeeff",
      "X-AIB-Signature": "v1=483f7d4cbbf2d3a549bc56459b3d1ed62e9fdfcae191832ca2eeedcce434952a",
    });
  });

  it("signs the UTF-8 bytes: a string and its encoded buffer give the same signature", () => {
    const body = '{"label":"Zoë 💶"}';
    expect(computeSignature("k".repeat(32), "1", "n".repeat(16), body)).toEqual(
      computeSignature("k".repeat(32), "1", "n".repeat(16), Buffer.from(body, "utf8")),
    );
  });

  it("defaults to the current time and a fresh 32-hex-digit nonce", () => {
    const before = Math.floor(Date.now() / 1000);
    const first = signRequest("k".repeat(32), "{}");
    const second = signRequest("k".repeat(32), "{}");
    expect(Number(first["X-AIB-Timestamp"])).toBeGreaterThanOrEqual(before);
    expect(first["X-AIB-Nonce"]).toMatch(/^[0-9a-f]{32}$/);
    expect(first["X-AIB-Nonce"]).not.toBe(second["X-AIB-Nonce"]);
    expect(first["X-AIB-Signature"]).toMatch(/^v1=[0-9a-f]{64}$/);
  });
});
