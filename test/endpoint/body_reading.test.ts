// How the endpoint reads a request body on a real socket: the signature headers are checked before any of the body
// is read, the body is read only up to the limit, and a client that gives up half-way is a client error, not a bug.
import { request as httpRequest, type ClientRequest, type IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../web_src/endpoint/app";
import { DEFAULT_MAX_BODY_BYTES } from "../../web_src/endpoint/config";
import { OFFLINE_ENGINE } from "../../web_src/engine/reconciliation/offline_engine";
import { signRequest } from "../../web_src/endpoint/signing";
import { IN_FLIGHT_BODIES } from "../../web_src/endpoint/signed_route";
import { recordingLogger, SUGGEST_URL, TEST_SECRET, testConfig, type LogRecord } from "./helpers";

const MIB = 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 0x20);

let app: FastifyInstance | undefined;
const clients: ClientRequest[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await app?.close();
  app = undefined;
});

interface Served {
  port: number;
  /** Bytes the server has read from all its sockets so far (headers included). */
  bytesRead: () => number;
  /** Everything the app logged. */
  records: LogRecord[];
}

async function serve(options: { maxBodyBytes?: number } = {}): Promise<Served> {
  const { logger, records } = recordingLogger();
  app = buildApp({
    config: testConfig({ maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES }),
    engine: OFFLINE_ENGINE,
    logger,
  });
  const sockets: Socket[] = [];
  app.server.on("connection", (socket: Socket) => sockets.push(socket));
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return { port: address.port, bytesRead: () => sockets.reduce((total, socket) => total + socket.bytesRead, 0), records };
}

/** Open a POST with the given headers, announce `contentLength` bytes and send only the first chunk. */
function startUpload(port: number, headers: Record<string, string>, contentLength?: number): { req: ClientRequest; response: Promise<IncomingMessage> } {
  const req = httpRequest({
    host: "127.0.0.1",
    port,
    method: "POST",
    path: SUGGEST_URL,
    headers: {
      "content-type": "application/json",
      ...(contentLength === undefined ? {} : { "content-length": String(contentLength) }),
      ...headers,
    },
  });
  clients.push(req);
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    req.once("response", resolve);
    req.once("error", reject);
  });
  req.write(CHUNK);
  return { req, response };
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms)),
  ]);
}

async function jsonOf(response: IncomingMessage): Promise<{ error?: string }> {
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as { error?: string };
}

const nowSeconds = () => Math.floor(Date.now() / 1000);
/** Headers that look signed (fresh timestamp, well-formed nonce and signature) for a body we never finish. */
const plausibleHeaders = () => signRequest(TEST_SECRET, "not the body that will be sent", { timestamp: nowSeconds() });

describe("reading the request body", () => {
  it("refuses a badly signed 24 MiB upload with 401 while the client is still sending, having read almost none of it", async () => {
    const served = await serve();
    const size = 24 * MIB;
    const cases: Record<string, [Record<string, string>, string]> = {
      unsigned: [{}, "missing_signature"],
      "malformed nonce": [{ ...plausibleHeaders(), "X-AIB-Nonce": "short" }, "malformed_signature"],
      "stale timestamp": [signRequest(TEST_SECRET, "x", { timestamp: nowSeconds() - 3_600 }), "stale_timestamp"],
    };
    for (const [name, [headers, code]] of Object.entries(cases)) {
      const before = served.bytesRead();
      const upload = startUpload(served.port, headers, size);
      // Only 64 KiB of the 24 MiB have been sent; the answer must not wait for the rest.
      const response = await within(upload.response, 3_000, name);
      expect(response.statusCode, name).toBe(401);
      expect((await jsonOf(response)).error, name).toBe(code);
      upload.req.destroy();
      expect(served.bytesRead() - before, name).toBeLessThan(MIB);
    }
  });

  it("reads next to nothing of ten parallel unsigned 24 MiB bodies sent at full speed", async () => {
    const served = await serve();
    const size = 24 * MIB;
    const uploads = Array.from({ length: 10 }, () => sendWhole(served.port, {}, size));
    const outcomes = await within(Promise.all(uploads), 20_000, "ten uploads");
    // Each client either read the 401 or saw the server close the connection on the rest of its body.
    for (const outcome of outcomes) expect(["401", "closed"]).toContain(outcome);
    expect(served.bytesRead()).toBeLessThan(10 * size * 0.1);
  });

  it("answers 413 as soon as a chunked body passes the limit, without waiting for its end", async () => {
    const served = await serve({ maxBodyBytes: 100 * 1024 });
    const upload = startUpload(served.port, { ...plausibleHeaders(), "transfer-encoding": "chunked" });
    upload.req.write(CHUNK); // 128 KiB sent, past the 100 KiB limit; the request is never ended
    const response = await within(upload.response, 3_000, "chunked upload past the limit");
    expect(response.statusCode).toBe(413);
    expect((await jsonOf(response)).error).toBe("payload_too_large");
    upload.req.destroy();
    expect(served.bytesRead()).toBeLessThan(MIB);
  });

  it("caps the bytes in flight: forged-but-well-formed uploads past the budget get 503 at once, and the budget comes back", async () => {
    const limit = 256 * 1024;
    const served = await serve({ maxBodyBytes: limit });
    // The budget is IN_FLIGHT_BODIES whole bodies; hold that many uploads open, each announcing the limit.
    const held = Array.from({ length: IN_FLIGHT_BODIES }, () => startUpload(served.port, plausibleHeaders(), limit));
    // These never get an answer: they are destroyed below, which rejects their response promise.
    for (const upload of held) upload.response.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const before = served.bytesRead();
    const extra = startUpload(served.port, plausibleHeaders(), limit);
    const response = await within(extra.response, 3_000, "one upload past the budget");
    expect(response.statusCode).toBe(503);
    expect(response.headers["retry-after"]).toBeDefined();
    expect((await jsonOf(response)).error).toBe("busy");
    extra.req.destroy();
    expect(served.bytesRead() - before).toBeLessThan(2 * CHUNK.length);
    // A chunked body has no length to reserve: it is counted as a whole body, so it is refused too.
    const chunked = startUpload(served.port, { ...plausibleHeaders(), "transfer-encoding": "chunked" });
    expect((await within(chunked.response, 3_000, "chunked past the budget")).statusCode).toBe(503);
    chunked.req.destroy();

    for (const upload of held) upload.req.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = startUpload(served.port, signRequest(TEST_SECRET, "other body", { timestamp: nowSeconds() }), CHUNK.length);
    // Read in full once the others are gone, then refused for what it is: a body that does not match its signature.
    const answer = await within(after.response, 3_000, "an upload once the budget is back");
    expect(answer.statusCode).toBe(401);
  });

  it("logs a client that aborts its upload as a client error in one line, without a stack trace", async () => {
    const served = await serve();
    const { records } = served;
    const upload = startUpload(served.port, plausibleHeaders(), 4 * MIB);
    upload.response.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    upload.req.destroy(); // the client goes away mid-body: the server sees a reset
    // Whatever the server makes of it, it logs something about this request.
    await within(waitFor(() => records.some((record) => record.bindings.reqId !== undefined)), 3_000, "a log line about the upload");
    expect(served.bytesRead()).toBeGreaterThan(CHUNK.length);

    // What a production log shows: info and above (fastify itself traces every socket error, stack included).
    const shown = records.filter((record) => !["trace", "debug"].includes(record.level));
    const text = JSON.stringify(shown, (_key, value: unknown) =>
      value instanceof Error ? { message: value.message, stack: value.stack } : value,
    );
    expect(shown.filter((record) => record.level === "error" || record.level === "fatal"), text).toEqual([]);
    expect(text).not.toMatch(/"stack"|\n\s+at /);
    const aborted = shown.filter(isAbortLine);
    expect(aborted, text).toHaveLength(1);
    expect(aborted[0]?.level).toBe("info");
  });
});

function isAbortLine(record: LogRecord): boolean {
  const first = record.args[0];
  return typeof first === "object" && first !== null && (first as { error?: unknown }).error === "client_aborted";
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
  // Let anything logged in the same turn land too.
  await new Promise((resolve) => setTimeout(resolve, 100));
}

/** Send a whole body as fast as the socket takes it; "401" if the server answered that, "closed" if it hung up. */
function sendWhole(port: number, headers: Record<string, string>, size: number): Promise<string> {
  return new Promise((resolve) => {
    const req = httpRequest({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: SUGGEST_URL,
      headers: { "content-type": "application/json", "content-length": String(size), ...headers },
    });
    clients.push(req);
    let settled = false;
    const settle = (outcome: string) => {
      if (settled) return;
      settled = true;
      req.destroy();
      resolve(outcome);
    };
    req.once("response", (response) => settle(String(response.statusCode)));
    req.once("error", () => settle("closed"));
    let sent = 0;
    const pump = (): void => {
      while (sent < size && !settled) {
        sent += CHUNK.length;
        if (!req.write(CHUNK)) {
          req.once("drain", pump);
          return;
        }
      }
    };
    pump();
  });
}
