// The endpoint's configuration: read from the environment (and CLI flags) once at start-up, validated with zod,
// and handed to `buildApp` as a typed, frozen object. Nothing else in the endpoint reads `process.env`.
//
// Environment variables:
//   AI_BOOKKEEPING_HOST            interface to listen on                      default 127.0.0.1
//   AI_BOOKKEEPING_PORT            TCP port (0 = any free port)                default 8787
//   AI_BOOKKEEPING_SECRET          shared HMAC secret, same as in Odoo         required, at least 32 characters
//   AI_BOOKKEEPING_MAX_BODY_BYTES  largest request body accepted, in bytes     default 26214400 (25 MiB)
//   AI_BOOKKEEPING_LOG_LEVEL       fatal | error | warn | info | debug | trace | silent    default info
//   NODE_ENV                       "production" turns off the response self-check (see `validateResponses`)
// Explicit options (CLI flags `--host`/`--port`, or arguments in tests) win over the environment.
import { parseArgs } from "node:util";
import { z } from "zod";

export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 8787;
export const DEFAULT_MAX_BODY_BYTES = 25 * 1024 * 1024;
export const MIN_SECRET_LENGTH = 32;
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Values given explicitly (CLI flags, tests). Each one wins over its environment variable. */
export interface ConfigOptions {
  host?: string;
  port?: number | string;
  secret?: string;
  maxBodyBytes?: number | string;
  logLevel?: string;
  /** Check every response against `SuggestResponseSchema` before sending it. Default: on unless NODE_ENV=production. */
  validateResponses?: boolean;
}

type Field = keyof ConfigOptions;

const ENV_NAMES: Record<Field, string> = {
  host: "AI_BOOKKEEPING_HOST",
  port: "AI_BOOKKEEPING_PORT",
  secret: "AI_BOOKKEEPING_SECRET",
  maxBodyBytes: "AI_BOOKKEEPING_MAX_BODY_BYTES",
  logLevel: "AI_BOOKKEEPING_LOG_LEVEL",
  validateResponses: "NODE_ENV",
};

const FLAG_NAMES: Partial<Record<Field, string>> = { host: "--host", port: "--port" };

/** A whole number given as a number (options) or as decimal digits (environment, CLI). */
const wholeNumber = (min: number, max: number) =>
  z
    .union([z.number(), z.string().trim().regex(/^\d+$/).transform(Number)])
    .pipe(z.number().int().min(min).max(max));

const ConfigSchema = z.object({
  host: z.string().trim().min(1).default(DEFAULT_HOST),
  port: wholeNumber(0, 65_535).default(DEFAULT_PORT),
  secret: z.string().min(MIN_SECRET_LENGTH),
  maxBodyBytes: wholeNumber(1_024, 1024 * 1024 * 1024).default(DEFAULT_MAX_BODY_BYTES),
  logLevel: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(LOG_LEVELS))
    .default("info"),
  validateResponses: z.boolean(),
});

export type EndpointConfig = Readonly<z.infer<typeof ConfigSchema>>;

/** The configuration is unusable; `problems` holds one plain sentence per problem, ready to print. */
export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`invalid configuration: ${problems.join(" ")}`);
    this.name = "ConfigError";
    this.problems = problems;
  }
}

/**
 * Build the configuration from explicit options and the environment (options win). Empty environment variables
 * count as unset. Throws `ConfigError` listing every problem at once.
 */
export function loadConfig(options: ConfigOptions = {}, env: NodeJS.ProcessEnv = process.env): EndpointConfig {
  const fromEnv = (field: Field): string | undefined => {
    const value = env[ENV_NAMES[field]];
    return value === undefined || value.trim() === "" ? undefined : value;
  };
  const raw = {
    host: options.host ?? fromEnv("host"),
    port: options.port ?? fromEnv("port"),
    secret: options.secret ?? fromEnv("secret"),
    maxBodyBytes: options.maxBodyBytes ?? fromEnv("maxBodyBytes"),
    logLevel: options.logLevel ?? fromEnv("logLevel"),
    validateResponses: options.validateResponses ?? env.NODE_ENV !== "production",
  };
  const parsed = ConfigSchema.safeParse(raw);
  if (parsed.success) {
    return Object.freeze(parsed.data);
  }
  const fields = new Set(parsed.error.issues.map((issue) => issue.path[0] as Field));
  const problems = [...fields].map((field) => {
    const source = options[field] !== undefined ? (FLAG_NAMES[field] ?? `option ${field}`) : ENV_NAMES[field];
    return describeProblem(field, source, raw[field] === undefined);
  });
  throw new ConfigError(problems);
}

function describeProblem(field: Field, source: string, missing: boolean): string {
  switch (field) {
    case "secret":
      return missing
        ? `${source} is not set: set it to the shared secret configured in Odoo (at least ${MIN_SECRET_LENGTH} characters).`
        : `${source} is too short: the shared secret must be at least ${MIN_SECRET_LENGTH} characters long.`;
    case "host":
      return `${source} must be a host name or IP address to listen on, such as ${DEFAULT_HOST}.`;
    case "port":
      return `${source} must be a whole number from 0 to 65535.`;
    case "maxBodyBytes":
      return `${source} must be a whole number of bytes from 1024 to 1073741824.`;
    case "logLevel":
      return `${source} must be one of ${LOG_LEVELS.join(", ")}.`;
    case "validateResponses":
      return `${source} must be a boolean.`;
  }
}

/** Read `--host` and `--port` from the command line (`--port=8799` and `--port 8799` both work). */
export function parseCliOptions(argv: readonly string[]): ConfigOptions {
  let values: { host?: string | undefined; port?: string | undefined };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { host: { type: "string" }, port: { type: "string" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new ConfigError([`${reason} (accepted flags: --host <address>, --port <number>).`]);
  }
  const options: ConfigOptions = {};
  if (values.host !== undefined) options.host = values.host;
  if (values.port !== undefined) options.port = values.port;
  return options;
}
