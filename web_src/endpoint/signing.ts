// How Odoo signs a request to the endpoint. This file is the reference; the Python signer mirrors it byte for byte.
//
// SIGNING RECIPE (version v1)
//   secret     the shared secret (AI_BOOKKEEPING_SECRET), used as the HMAC key in its UTF-8 bytes.
//   timestamp  current Unix time in whole seconds, as ASCII decimal digits: "1767225600" (no sign, no fraction).
//   nonce      16 to 64 characters from [A-Za-z0-9_-], fresh for every request, e.g. 32 lowercase hex characters
//              (Python: secrets.token_hex(16)).
//   body       the request body exactly as sent on the wire: the UTF-8 bytes of the JSON document. Sign the bytes
//              you send; do not re-serialise the JSON after signing (key order, spacing and escaping all count).
//   message    = ASCII(timestamp) + b"." + ASCII(nonce) + b"." + body
//   signature  = lowercase hex of HMAC-SHA256(key = UTF-8(secret), message)   (64 characters)
//   headers    X-AIB-Timestamp: <timestamp>
//              X-AIB-Nonce:     <nonce>
//              X-AIB-Signature: v1=<signature>
//              Content-Type:    application/json
//
// The endpoint refuses (401) a missing or wrong signature and a timestamp more than 300 s away from its clock,
// and refuses (409) a nonce it has already accepted within that window.
//
// Python mirror:
//   body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
//   timestamp = str(int(time.time()))
//   nonce = secrets.token_hex(16)
//   message = timestamp.encode("ascii") + b"." + nonce.encode("ascii") + b"." + body
//   signature = hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()
//   headers = {"Content-Type": "application/json", "X-AIB-Timestamp": timestamp, "X-AIB-Nonce": nonce,
//              "X-AIB-Signature": "v1=" + signature}
//   requests.post(url, data=body, headers=headers)   # data=body (the signed bytes), not json=payload
//
// Test vector (checked in test/endpoint/signing.test.ts):
//   secret    "test-secret-0123456789abcdef0123456789"
//   timestamp "1767225600"
//   nonce     "00112233445566778899aabbccddeeff"
//   body      '{"label":"Café ☕ مرحبا"}'  (UTF-8)
//   signature v1=483f7d4cbbf2d3a549bc56459b3d1ed62e9fdfcae191832ca2eeedcce434952a
import { createHmac, randomBytes } from "node:crypto";

export const TIMESTAMP_HEADER = "X-AIB-Timestamp";
export const NONCE_HEADER = "X-AIB-Nonce";
export const SIGNATURE_HEADER = "X-AIB-Signature";
export const SIGNATURE_VERSION = "v1";

/** A type alias (not an interface) so that it spreads into any `Record<string, string>` of headers. */
export type SignatureHeaders = {
  "X-AIB-Timestamp": string;
  "X-AIB-Nonce": string;
  "X-AIB-Signature": string;
};

export interface SignOptions {
  /** Unix time in whole seconds; defaults to now. */
  timestamp?: number | string;
  /** Defaults to 32 fresh random hex characters. */
  nonce?: string;
}

/** HMAC-SHA256 over `${timestamp}.${nonce}.` followed by the raw body bytes (strings are encoded as UTF-8). */
export function computeSignature(secret: string, timestamp: string, nonce: string, body: string | Uint8Array): Buffer {
  return createHmac("sha256", Buffer.from(secret, "utf8"))
    .update(Buffer.from(`${timestamp}.${nonce}.`, "utf8"))
    .update(typeof body === "string" ? Buffer.from(body, "utf8") : body)
    .digest();
}

/** The three signature headers for one request body. */
export function signRequest(secret: string, body: string | Uint8Array, options: SignOptions = {}): SignatureHeaders {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = options.nonce ?? randomBytes(16).toString("hex");
  const signature = computeSignature(secret, timestamp, nonce, body).toString("hex");
  return {
    [TIMESTAMP_HEADER]: timestamp,
    [NONCE_HEADER]: nonce,
    [SIGNATURE_HEADER]: `${SIGNATURE_VERSION}=${signature}`,
  };
}
