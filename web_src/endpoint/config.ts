// The endpoint's configuration: read from the environment (and CLI flags) once at start-up, validated with zod,
// and handed to `buildApp` as a typed, frozen object. Nothing else in the endpoint reads `process.env`.
//
// Environment variables:
//   AI_BOOKKEEPING_HOST            interface to listen on                      default 127.0.0.1
//   AI_BOOKKEEPING_PORT            TCP port (0 = any free port)                default 8787
//   AI_BOOKKEEPING_SECRET          shared HMAC secret, same as in Odoo         required, at least 32 characters
//   AI_BOOKKEEPING_MAX_BODY_BYTES  largest request body accepted, in bytes     default 26214400 (25 MiB)
//   AI_BOOKKEEPING_LOG_LEVEL       fatal | error | warn | info | debug | trace | silent    default info
//   AI_BOOKKEEPING_PARENT_PID      stop when this process is gone (set by Odoo for the bundled endpoint)   unset
//   NODE_ENV                       "production" turns off the response self-check (see `validateResponses`)
// The optional LLM stage (web_src/llm/), off unless a model is named:
//   AI_BOOKKEEPING_LLM_MODEL       model name, e.g. gpt-4o-mini or llama3.1:8b  unset = LLM off (offline engine alone)
//   OPENAI_BASE_URL                OpenAI-compatible server, e.g. http://127.0.0.1:11434/v1   default api.openai.com
//   OPENAI_API_KEY                 the provider's key (local servers: any value, or unset)   required for api.openai.com
//   AI_BOOKKEEPING_LLM_CONCURRENCY     chat completions in flight at once                   default 4
//   AI_BOOKKEEPING_LLM_TIMEOUT_MS      timeout of one chat completion (the SDK's `timeout`)  default 15000
//   AI_BOOKKEEPING_LLM_MAX_RETRIES     the SDK's own retries on 408/409/429/5xx/timeouts    default 1
//   AI_BOOKKEEPING_LLM_REQUEST_BUDGET_MS  wall time the LLM stage may add to one request    default 20000
//   AI_BOOKKEEPING_LLM_MAX_CASES       lines per request sent to the LLM at most            default 32
//   AI_BOOKKEEPING_LLM_GREY_LOW / _HIGH  offline top confidence band that is re-ranked      default 0.5 / 0.95
//   AI_BOOKKEEPING_LLM_EVIDENCE_FLOOR  offline confidence an alternative needs to be shown  default 0.1
//   AI_BOOKKEEPING_LLM_ACCOUNT_CONFIDENCE  confidence of an LLM-only account proposal      default 0.3
//   AI_BOOKKEEPING_LLM_CACHE_SIZE      answers kept in the in-memory LRU cache              default 1000
//   AI_BOOKKEEPING_LLM_PROMPT_PRICE_PER_1K / _COMPLETION_PRICE_PER_1K  USD per 1,000 tokens   default 0
// Explicit options (CLI flags `--host`/`--port`, or arguments in tests) win over the environment.
import { parseArgs } from "node:util";
import { z } from "zod";
import { wholeNumber } from "../contracts/config_values";
import { LlmConfigSchema, type LlmConfig } from "../llm/llm_config";

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
  /** Stop when the process with this pid is gone (Odoo's server process, for the endpoint it starts). */
  parentPid?: number | string;
  /** Check every response against `SuggestResponseSchema` before sending it. Default: on unless NODE_ENV=production. */
  validateResponses?: boolean;
  /** LLM settings; each wins over its environment variable (see `loadLlmConfig`). */
  llm?: LlmOptions;
}

type Field = Exclude<keyof ConfigOptions, "llm">;

const ENV_NAMES: Record<Field, string> = {
  host: "AI_BOOKKEEPING_HOST",
  port: "AI_BOOKKEEPING_PORT",
  secret: "AI_BOOKKEEPING_SECRET",
  maxBodyBytes: "AI_BOOKKEEPING_MAX_BODY_BYTES",
  logLevel: "AI_BOOKKEEPING_LOG_LEVEL",
  parentPid: "AI_BOOKKEEPING_PARENT_PID",
  validateResponses: "NODE_ENV",
};

const FLAG_NAMES: Partial<Record<Field, string>> = { host: "--host", port: "--port" };

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
  parentPid: wholeNumber(1, 2 ** 31 - 1).optional(),
  validateResponses: z.boolean(),
});

type LlmField = keyof z.input<typeof LlmConfigSchema>;

const LLM_ENV_NAMES: Record<LlmField, string> = {
  model: "AI_BOOKKEEPING_LLM_MODEL",
  baseUrl: "OPENAI_BASE_URL",
  apiKey: "OPENAI_API_KEY",
  concurrency: "AI_BOOKKEEPING_LLM_CONCURRENCY",
  timeoutMs: "AI_BOOKKEEPING_LLM_TIMEOUT_MS",
  maxRetries: "AI_BOOKKEEPING_LLM_MAX_RETRIES",
  requestBudgetMs: "AI_BOOKKEEPING_LLM_REQUEST_BUDGET_MS",
  maxCases: "AI_BOOKKEEPING_LLM_MAX_CASES",
  greyLow: "AI_BOOKKEEPING_LLM_GREY_LOW",
  greyHigh: "AI_BOOKKEEPING_LLM_GREY_HIGH",
  evidenceFloor: "AI_BOOKKEEPING_LLM_EVIDENCE_FLOOR",
  accountConfidence: "AI_BOOKKEEPING_LLM_ACCOUNT_CONFIDENCE",
  cacheSize: "AI_BOOKKEEPING_LLM_CACHE_SIZE",
  promptPricePer1k: "AI_BOOKKEEPING_LLM_PROMPT_PRICE_PER_1K",
  completionPricePer1k: "AI_BOOKKEEPING_LLM_COMPLETION_PRICE_PER_1K",
};

/** LLM settings given explicitly (tests, scripts); each wins over its environment variable. */
export type LlmOptions = { [K in LlmField]?: number | string };

export type EndpointConfig = Readonly<z.infer<typeof ConfigSchema>> & {
  /** The LLM stage, or absent when no model is named (the offline engine answers alone). */
  readonly llm?: LlmConfig;
};

/**
 * The LLM settings from explicit options and the environment (options win; empty variables count as unset).
 * Returns undefined when no model is named. Throws `ConfigError` listing every problem.
 */
export function loadLlmConfig(options: LlmOptions = {}, env: NodeJS.ProcessEnv = process.env): LlmConfig | undefined {
  const raw: Partial<Record<LlmField, number | string>> = {};
  for (const field of Object.keys(LLM_ENV_NAMES) as LlmField[]) {
    const fromEnv = env[LLM_ENV_NAMES[field]];
    const value = options[field] ?? (fromEnv === undefined || fromEnv.trim() === "" ? undefined : fromEnv);
    if (value !== undefined) raw[field] = value;
  }
  if (raw.model === undefined) return undefined;
  const parsed = LlmConfigSchema.safeParse(raw);
  if (parsed.success) return Object.freeze(parsed.data);
  const fields = new Set(parsed.error.issues.map((issue) => issue.path[0] as LlmField));
  throw new ConfigError(
    [...fields].map((field) => {
      const source = options[field] !== undefined ? `option llm.${field}` : LLM_ENV_NAMES[field];
      return describeLlmProblem(field, source);
    }),
  );
}

function describeLlmProblem(field: LlmField, source: string): string {
  switch (field) {
    case "model":
      return `${source} must name a model, such as gpt-4o-mini.`;
    case "baseUrl":
      return `${source} must be an http(s) URL of an OpenAI-compatible API, such as http://127.0.0.1:11434/v1.`;
    case "apiKey":
      return `${source} is not set: api.openai.com needs a key (or set OPENAI_BASE_URL to a local server).`;
    case "greyLow":
    case "greyHigh":
    case "evidenceFloor":
    case "accountConfidence":
      return `${source} must be a number from 0 to 1 (and the grey band's low end at most its high end).`;
    case "promptPricePer1k":
    case "completionPricePer1k":
      return `${source} must be a price in USD per 1,000 tokens, such as 0.00015.`;
    default:
      return `${source} must be a whole number in its allowed range (see web_src/endpoint/config.ts).`;
  }
}

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
    parentPid: options.parentPid ?? fromEnv("parentPid"),
    validateResponses: options.validateResponses ?? env.NODE_ENV !== "production",
  };
  const parsed = ConfigSchema.safeParse(raw);
  const problems: string[] = [];
  let llm: LlmConfig | undefined;
  try {
    llm = loadLlmConfig(options.llm, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  if (parsed.success && problems.length === 0) {
    return Object.freeze(llm === undefined ? parsed.data : { ...parsed.data, llm });
  }
  const fields = new Set(parsed.error?.issues.map((issue) => issue.path[0] as Field) ?? []);
  const baseProblems = [...fields].map((field) => {
    const source = options[field] !== undefined ? (FLAG_NAMES[field] ?? `option ${field}`) : ENV_NAMES[field];
    return describeProblem(field, source, raw[field] === undefined);
  });
  throw new ConfigError([...baseProblems, ...problems]);
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
    case "parentPid":
      return `${source} must be the pid of the process the endpoint belongs to (a whole number).`;
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
