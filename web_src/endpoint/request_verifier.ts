// Verifies that a request was signed by Odoo (recipe: ./signing.ts) and is not a replay, in two steps:
//
//   checkHeaders, before a byte of the body is read: headers present and well formed, timestamp within
//     ±TIMESTAMP_TOLERANCE_SECONDS of our clock, nonce of the right shape. Anything else is refused (401) at once, so
//     an unsigned or badly signed upload costs no memory however large it claims to be.
//   verifyBody, once the (size-limited) body is read: the signature (constant-time, over the raw body bytes), then the
//     nonce not seen before. The timestamp and nonce are covered by the signature, so a captured request cannot be
//     re-dated or given a new nonce.
//
// Replay memory is per process and bounded. A nonce only needs remembering until its timestamp leaves the window
// (after that the timestamp check refuses the request anyway), so memory is proportional to the request rate over
// ten minutes. If the bound is reached, the oldest nonces are forgotten first; only validly signed requests are
// remembered, so filling it requires the secret. With several replicas behind a load balancer every replica still
// refuses stale timestamps, but a captured request could be replayed once per replica within the window: the
// exposure is bounded by the window. Use sticky routing or a shared store if that matters.
import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import {
  MalformedSignatureError,
  MissingSignatureError,
  ReplayedRequestError,
  SignatureMismatchError,
  StaleTimestampError,
} from "./errors";
import { computeSignature, NONCE_HEADER, SIGNATURE_HEADER, SIGNATURE_VERSION, TIMESTAMP_HEADER } from "./signing";

export const TIMESTAMP_TOLERANCE_SECONDS = 300;
export const DEFAULT_MAX_REMEMBERED_NONCES = 100_000;

/** Milliseconds since the Unix epoch, like `Date.now`. Injected so tests control time. */
export type Clock = () => number;

const TIMESTAMP_PATTERN = /^\d{1,12}$/;
const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
const SIGNATURE_PATTERN = new RegExp(`^${SIGNATURE_VERSION}=([0-9a-f]{64})$`);

export interface RequestVerifierOptions {
  secret: string;
  clock?: Clock;
  toleranceSeconds?: number;
  maxRememberedNonces?: number;
}

export class RequestVerifier {
  private readonly secret: string;
  private readonly clock: Clock;
  private readonly toleranceSeconds: number;
  private readonly nonces: NonceCache;

  constructor(options: RequestVerifierOptions) {
    this.secret = options.secret;
    this.clock = options.clock ?? Date.now;
    this.toleranceSeconds = options.toleranceSeconds ?? TIMESTAMP_TOLERANCE_SECONDS;
    this.nonces = new NonceCache(options.maxRememberedNonces ?? DEFAULT_MAX_REMEMBERED_NONCES);
  }

  /** Throws an `AuthenticationError` (401) or a `ReplayedRequestError` (409); returns when the request is genuine. */
  verify(headers: IncomingHttpHeaders, rawBody: Uint8Array): void {
    this.verifyBody(this.checkHeaders(headers), rawBody);
  }

  /**
   * The checks that need no body: the three headers are present and well formed, the timestamp is fresh.
   * Throws an `AuthenticationError` (401); returns the headers for `verifyBody`.
   */
  checkHeaders(headers: IncomingHttpHeaders): SignedHeaders {
    const timestamp = headers[TIMESTAMP_HEADER.toLowerCase()];
    const nonce = headers[NONCE_HEADER.toLowerCase()];
    const signature = headers[SIGNATURE_HEADER.toLowerCase()];

    const missing = [
      [TIMESTAMP_HEADER, timestamp],
      [NONCE_HEADER, nonce],
      [SIGNATURE_HEADER, signature],
    ].flatMap(([name, value]) => (value === undefined || value === "" ? [name] : []));
    if (missing.length > 0) {
      throw new MissingSignatureError(`request is not signed: missing header ${missing.join(", ")}`);
    }
    if (typeof timestamp !== "string" || !TIMESTAMP_PATTERN.test(timestamp)) {
      throw new MalformedSignatureError(`${TIMESTAMP_HEADER} must be Unix time in whole seconds`);
    }
    if (typeof nonce !== "string" || !NONCE_PATTERN.test(nonce)) {
      throw new MalformedSignatureError(`${NONCE_HEADER} must be 16 to 64 characters from A-Z, a-z, 0-9, "_" and "-"`);
    }
    const given = typeof signature === "string" ? SIGNATURE_PATTERN.exec(signature)?.[1] : undefined;
    if (given === undefined) {
      throw new MalformedSignatureError(`${SIGNATURE_HEADER} must be "${SIGNATURE_VERSION}=" followed by 64 lowercase hex digits`);
    }
    const now = Math.floor(this.clock() / 1000);
    const signedAt = Number(timestamp);
    if (Math.abs(now - signedAt) > this.toleranceSeconds) {
      throw new StaleTimestampError();
    }
    return { timestamp, nonce, signature: Buffer.from(given, "hex") };
  }

  /**
   * The checks that need the body: the signature over it, then the nonce not seen before (remembered from here on).
   * Throws a `SignatureMismatchError` (401) or a `ReplayedRequestError` (409).
   */
  verifyBody(signed: SignedHeaders, rawBody: Uint8Array): void {
    const expected = computeSignature(this.secret, signed.timestamp, signed.nonce, rawBody);
    if (!timingSafeEqual(expected, signed.signature)) {
      throw new SignatureMismatchError();
    }
    const now = Math.floor(this.clock() / 1000);
    if (!this.nonces.remember(signed.nonce, Number(signed.timestamp) + this.toleranceSeconds, now)) {
      throw new ReplayedRequestError();
    }
  }
}

/** The signature headers of a request, checked for shape and freshness (`RequestVerifier.checkHeaders`). */
export interface SignedHeaders {
  readonly timestamp: string;
  readonly nonce: string;
  /** The 32 bytes of the HMAC given in the signature header. */
  readonly signature: Buffer;
}

/** Nonces seen recently, each kept until the second its request stops passing the timestamp check. */
export class NonceCache {
  private readonly expiries = new Map<string, number>();
  private readonly maxSize: number;
  private readonly sweepIntervalSeconds: number;
  private nextSweepAt = 0;

  constructor(maxSize: number, sweepIntervalSeconds = 30) {
    this.maxSize = Math.max(1, maxSize);
    this.sweepIntervalSeconds = sweepIntervalSeconds;
  }

  get size(): number {
    return this.expiries.size;
  }

  /** Remember `nonce` until `expiresAt` (Unix seconds). Returns false when it is already remembered: a replay. */
  remember(nonce: string, expiresAt: number, now: number): boolean {
    const known = this.expiries.get(nonce);
    if (known !== undefined && known >= now) {
      return false;
    }
    if (now >= this.nextSweepAt) {
      this.sweep(now);
    }
    this.expiries.delete(nonce);
    // Map iteration follows insertion order, so the first key is the oldest nonce.
    for (const oldest of this.expiries.keys()) {
      if (this.expiries.size < this.maxSize) break;
      this.expiries.delete(oldest);
    }
    this.expiries.set(nonce, expiresAt);
    return true;
  }

  private sweep(now: number): void {
    for (const [nonce, expiresAt] of this.expiries) {
      if (expiresAt < now) this.expiries.delete(nonce);
    }
    this.nextSweepAt = now + this.sweepIntervalSeconds;
  }
}
