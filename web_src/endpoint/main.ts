// Entry point of the bundled endpoint (ai_bookkeeping/endpoint/ai_endpoint.mjs):
//   AI_BOOKKEEPING_SECRET=... node ai_endpoint.mjs [--host 127.0.0.1] [--port 8787]
// With AI_BOOKKEEPING_LLM_MODEL set (and OPENAI_BASE_URL / OPENAI_API_KEY), the LLM stage runs after the engine.
// Reads the configuration once (config.ts), listens, prints one start-up line on stdout, and on SIGTERM/SIGINT stops
// accepting connections, lets running requests finish (at most SHUTDOWN_GRACE_MS) and exits 0. With
// AI_BOOKKEEPING_PARENT_PID (set by Odoo), it stops the same way once that process is gone.
// Exit codes: 0 clean stop, 1 runtime failure (e.g. port in use), 2 bad configuration.
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { buildApp } from "./app";
import { ConfigError, loadConfig, parseCliOptions, type ConfigOptions, type EndpointConfig } from "./config";
import { OFFLINE_ENGINE } from "../engine/reconciliation/offline_engine";
import { createLlmRefiner } from "../llm/create_llm_refiner";
import { watchParent } from "./parent_watch";

const SHUTDOWN_GRACE_MS = 10_000;
const PREFIX = "ai_bookkeeping endpoint";

async function main(): Promise<void> {
  const config = readConfigOrExit();
  const refiner = config.llm ? createLlmRefiner(config.llm) : undefined;
  const app = buildApp({ config, engine: OFFLINE_ENGINE, ...(refiner ? { refiner } : {}) });
  // Prompts (masked) are logged at debug level only; failures of the LLM stage at warn.
  if (refiner) refiner.useLogger(app.log.child({ component: "llm" }));
  const stop = stopOnSignals(app);
  if (config.parentPid !== undefined) watchParent(config.parentPid, () => stop("parent process gone"));

  // fastify logs a "Server listening at" line per address at info level; hold it back so that start-up prints the
  // one line below, then restore the configured level.
  const quietListen = config.logLevel === "info" || config.logLevel === "debug" || config.logLevel === "trace";
  if (quietListen) app.log.level = "warn";
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${PREFIX}: cannot listen on ${config.host}:${config.port}: ${reason}\n`);
    process.exit(1);
  }
  if (quietListen) app.log.level = config.logLevel;

  const { name, version } = OFFLINE_ENGINE;
  const llm = config.llm ? `LLM ${config.llm.model} at ${config.llm.baseUrl ?? "api.openai.com"}` : "LLM off";
  process.stdout.write(`${PREFIX} listening on ${urlOf(app.server.address())} (engine ${name} ${version}, ${llm})\n`);
}

function readConfigOrExit(): EndpointConfig {
  // Report every problem at once: a bad flag and a missing secret in the same run.
  const problems: string[] = [];
  let options: ConfigOptions = {};
  try {
    options = parseCliOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  try {
    const config = loadConfig(options, process.env);
    if (problems.length === 0) return config;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  for (const problem of problems) process.stderr.write(`${PREFIX}: ${problem}\n`);
  process.exit(2);
}

function urlOf(address: AddressInfo | string | null): string {
  if (address === null || typeof address === "string") return String(address);
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

function stopOnSignals(app: FastifyInstance): (signal: NodeJS.Signals | "parent process gone") => void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals | "parent process gone"): void => {
    if (stopping) {
      app.log.warn({ signal }, "second signal, exiting without waiting for running requests");
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal }, "shutting down: no new requests, waiting for running ones");
    setTimeout(() => {
      app.log.error(`requests still running after ${SHUTDOWN_GRACE_MS} ms, exiting`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, "error while shutting down");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  return stop;
}

main().catch((error: unknown) => {
  process.stderr.write(`${PREFIX}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
