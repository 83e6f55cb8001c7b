import { describe, expect, it } from "vitest";
import {
  ConfigError,
  DEFAULT_MAX_BODY_BYTES,
  loadConfig,
  parseCliOptions,
} from "../../web_src/endpoint/config";
import { TEST_SECRET } from "./helpers";

const problemsOf = (run: () => unknown): readonly string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected a ConfigError");
};

describe("loadConfig", () => {
  it("applies the defaults and freezes the result", () => {
    const config = loadConfig({}, { AI_BOOKKEEPING_SECRET: TEST_SECRET });
    expect(config).toEqual({
      host: "127.0.0.1",
      port: 8787,
      secret: TEST_SECRET,
      maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
      logLevel: "info",
      validateResponses: true,
    });
    expect(DEFAULT_MAX_BODY_BYTES).toBe(25 * 1024 * 1024);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("reads every variable from the environment", () => {
    const config = loadConfig(
      {},
      {
        AI_BOOKKEEPING_HOST: "0.0.0.0",
        AI_BOOKKEEPING_PORT: "9000",
        AI_BOOKKEEPING_SECRET: TEST_SECRET,
        AI_BOOKKEEPING_MAX_BODY_BYTES: "1048576",
        AI_BOOKKEEPING_LOG_LEVEL: "DEBUG",
        NODE_ENV: "production",
      },
    );
    expect(config).toMatchObject({ host: "0.0.0.0", port: 9000, maxBodyBytes: 1_048_576, logLevel: "debug" });
    expect(config.validateResponses).toBe(false);
  });

  it("lets explicit options win over the environment, and treats empty variables as unset", () => {
    const env = { AI_BOOKKEEPING_SECRET: TEST_SECRET, AI_BOOKKEEPING_PORT: "9000", AI_BOOKKEEPING_HOST: "" };
    expect(loadConfig({ port: "9100", host: "::1" }, env)).toMatchObject({ port: 9100, host: "::1" });
    expect(loadConfig({}, env).host).toBe("127.0.0.1");
  });

  it("refuses a missing or short secret with a plain sentence", () => {
    expect(problemsOf(() => loadConfig({}, {}))).toEqual([
      "AI_BOOKKEEPING_SECRET is not set: set it to the shared secret configured in Odoo (at least 32 characters).",
    ]);
    expect(problemsOf(() => loadConfig({}, { AI_BOOKKEEPING_SECRET: "x".repeat(31) }))).toEqual([
      "AI_BOOKKEEPING_SECRET is too short: the shared secret must be at least 32 characters long.",
    ]);
  });

  it("lists every problem at once, naming where each value came from", () => {
    const problems = problemsOf(() =>
      loadConfig(
        { port: "80a" },
        { AI_BOOKKEEPING_SECRET: "short", AI_BOOKKEEPING_MAX_BODY_BYTES: "-1", AI_BOOKKEEPING_LOG_LEVEL: "loud" },
      ),
    );
    expect(problems).toEqual([
      "--port must be a whole number from 0 to 65535.",
      "AI_BOOKKEEPING_SECRET is too short: the shared secret must be at least 32 characters long.",
      "AI_BOOKKEEPING_MAX_BODY_BYTES must be a whole number of bytes from 1024 to 1073741824.",
      "AI_BOOKKEEPING_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent.",
    ]);
    expect(problemsOf(() => loadConfig({}, { AI_BOOKKEEPING_SECRET: TEST_SECRET, AI_BOOKKEEPING_PORT: "65536" }))).toEqual([
      "AI_BOOKKEEPING_PORT must be a whole number from 0 to 65535.",
    ]);
  });
});

describe("parseCliOptions", () => {
  it("reads --host and --port in both spellings", () => {
    expect(parseCliOptions(["--port", "8799", "--host=0.0.0.0"])).toEqual({ port: "8799", host: "0.0.0.0" });
    expect(parseCliOptions([])).toEqual({});
  });

  it("refuses unknown flags and stray arguments", () => {
    expect(problemsOf(() => parseCliOptions(["--prot", "1"]))[0]).toMatch(/^Unknown option '--prot'/);
    expect(problemsOf(() => parseCliOptions(["8787"]))).toHaveLength(1);
  });
});
