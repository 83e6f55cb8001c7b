// Shared fixtures for the endpoint tests: a config, a valid request, an app with a fixed clock, signed injection,
// a logger that records what it is given, and a helper that starts the real endpoint process.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import type { FastifyBaseLogger, FastifyInstance, LightMyRequestResponse } from "fastify";
import type { SuggestRequestInput } from "../../web_src/contracts/reconcile";
import { buildApp, type AppDeps } from "../../web_src/endpoint/app";
import { loadConfig, type ConfigOptions, type EndpointConfig } from "../../web_src/endpoint/config";
import { OFFLINE_ENGINE } from "../../web_src/engine/reconciliation/offline_engine";
import { signRequest, type SignOptions } from "../../web_src/endpoint/signing";

export const TEST_SECRET = "test-secret-0123456789abcdef0123456789";
/** 2026-01-01T00:00:00Z, the fixed "now" of in-process tests. */
export const NOW_SECONDS = 1_767_225_600;
export const SUGGEST_URL = "/v1/reconcile/suggest";

export function testConfig(options: ConfigOptions = {}): EndpointConfig {
  return loadConfig({ secret: TEST_SECRET, logLevel: "silent", port: 0, validateResponses: true, ...options }, {});
}

/** Two statement lines; the first pays invoice INV/2026/00042 exactly, the second matches nothing. */
export function suggestRequest(overrides: Partial<SuggestRequestInput> = {}): SuggestRequestInput {
  return {
    companyId: 1,
    companyCurrency: "EUR",
    lines: [
      {
        id: 101,
        date: "2026-01-05",
        amount: 1210,
        currency: "EUR",
        amountCompany: 1210,
        label: "Payment INV/2026/00042 Acme",
        partnerName: "ACME SARL",
        accountNumber: "FR7630006000011234567890189",
      },
      { id: 102, date: "2026-01-06", amount: -35.5, currency: "EUR", amountCompany: -35.5, label: "Card fee" },
    ],
    candidates: [
      {
        id: 9001,
        moveId: 42,
        moveName: "INV/2026/00042",
        partnerId: 7,
        partnerName: "Acme",
        date: "2025-12-20",
        amountResidual: 1210,
        amountResidualCurrency: 1210,
        currency: "EUR",
        accountType: "asset_receivable",
      },
    ],
    ...overrides,
  };
}

export function testApp(deps: Partial<AppDeps> = {}): FastifyInstance {
  return buildApp({ config: testConfig(), engine: OFFLINE_ENGINE, clock: () => NOW_SECONDS * 1000, ...deps });
}

export interface SignedInjectOptions extends SignOptions {
  secret?: string;
  contentType?: string;
  /** Sign this instead of the body actually sent (to simulate tampering). */
  signedBody?: string | Buffer;
  /** The route, the suggest route when not given. */
  url?: string;
}

/** POST `body` (an object is JSON-encoded) to the suggest route (or `options.url`), signed like Odoo signs it. */
export function injectSigned(
  app: FastifyInstance,
  body: unknown,
  options: SignedInjectOptions = {},
): Promise<LightMyRequestResponse> {
  const payload = typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  const headers = signRequest(options.secret ?? TEST_SECRET, options.signedBody ?? payload, {
    timestamp: options.timestamp ?? NOW_SECONDS,
    ...(options.nonce === undefined ? {} : { nonce: options.nonce }),
  });
  return app.inject({
    method: "POST",
    url: options.url ?? SUGGEST_URL,
    headers: { "content-type": options.contentType ?? "application/json", ...headers },
    payload,
  });
}

/** A POST to one route of the app `getApp()` returns: signed like Odoo signs it, or (`signed` false) without a signature. */
export function routePoster(
  getApp: () => FastifyInstance,
  url: string,
): (body: unknown, signed?: boolean) => Promise<LightMyRequestResponse> {
  return (body, signed = true) =>
    signed
      ? injectSigned(getApp(), body, { url })
      : getApp().inject({ method: "POST", url, headers: { "content-type": "application/json" }, payload: JSON.stringify(body) });
}

export interface LogRecord {
  level: string;
  args: unknown[];
  bindings: Record<string, unknown>;
}

/** A pino-shaped logger that keeps every call, to assert on what gets logged (and what never does). */
export function recordingLogger(): { logger: FastifyBaseLogger; records: LogRecord[] } {
  const records: LogRecord[] = [];
  const make = (bindings: Record<string, unknown>): FastifyBaseLogger => {
    const at =
      (level: string) =>
      (...args: unknown[]): void => {
        records.push({ level, args, bindings });
      };
    return {
      level: "trace",
      fatal: at("fatal"),
      error: at("error"),
      warn: at("warn"),
      info: at("info"),
      debug: at("debug"),
      trace: at("trace"),
      silent: at("silent"),
      child: (more: Record<string, unknown>) => make({ ...bindings, ...more }),
    };
  };
  return { logger: make({}), records };
}

export interface RunningEndpoint {
  url: string;
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/**
 * Start the endpoint as a real process (`node <args>`) with `--port 0` and resolve with the URL from its start-up
 * line. Rejects if it exits or stays silent for `timeoutMs`.
 */
export function startEndpoint(nodeArgs: string[], env: Record<string, string>, timeoutMs = 15_000): Promise<RunningEndpoint> {
  const child = spawn(process.execPath, [...nodeArgs, "--host", "127.0.0.1", "--port", "0"], {
    env: { PATH: process.env.PATH ?? "", AI_BOOKKEEPING_LOG_LEVEL: "warn", ...env },
  });
  let out = "";
  let err = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`endpoint did not start within ${timeoutMs} ms\nstdout: ${out}\nstderr: ${err}`));
    }, timeoutMs);
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], child, stdout: () => out, stderr: () => err, exited });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`endpoint exited with code ${code} before listening\nstdout: ${out}\nstderr: ${err}`));
    });
  });
}

/** Run the endpoint to completion (for start-up failures): exit code and output. */
export function runEndpoint(
  nodeArgs: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, nodeArgs, { env: { PATH: process.env.PATH ?? "", ...env } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
}

/** A signed fetch against a running endpoint. */
export function fetchSigned(baseUrl: string, body: string, secret = TEST_SECRET): Promise<Response> {
  return fetch(`${baseUrl}${SUGGEST_URL}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...signRequest(secret, body) },
    body,
  });
}
