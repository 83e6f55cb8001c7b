// main.ts as a process (run from source through tsx): start-up line, configuration errors, graceful stop.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { runEndpoint, startEndpoint, TEST_SECRET } from "./helpers";

const FROM_SOURCE = ["--import", "tsx", "web_src/endpoint/main.ts"];

describe("main.ts", () => {
  it("refuses to start with a short secret: one sentence per problem, exit code 2", async () => {
    const result = await runEndpoint([...FROM_SOURCE, "--port", "nope"], { AI_BOOKKEEPING_SECRET: "too-short" });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toEqual([
      "ai_bookkeeping endpoint: --port must be a whole number from 0 to 65535.",
      "ai_bookkeeping endpoint: AI_BOOKKEEPING_SECRET is too short: the shared secret must be at least 32 characters long.",
    ]);
  }, 20_000);

  it("prints one start-up line, serves, and exits 0 on SIGTERM", async () => {
    const endpoint = await startEndpoint(FROM_SOURCE, {
      AI_BOOKKEEPING_SECRET: TEST_SECRET,
      AI_BOOKKEEPING_LOG_LEVEL: "info",
    });
    try {
      expect(endpoint.stdout().split("\n")[0]).toMatch(
        /^ai_bookkeeping endpoint listening on http:\/\/127\.0\.0\.1:\d+ \(engine \S+ \S+, LLM off\)$/,
      );
      expect((await fetch(`${endpoint.url}/healthz`)).status).toBe(200);
    } finally {
      endpoint.child.kill("SIGTERM");
    }
    expect(await endpoint.exited).toBe(0);
    expect(endpoint.stdout()).toContain('"signal":"SIGTERM"');
  }, 20_000);

  it("stops by itself once the process named in AI_BOOKKEEPING_PARENT_PID is gone (Odoo killed)", async () => {
    const odoo = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    const endpoint = await startEndpoint(FROM_SOURCE, {
      AI_BOOKKEEPING_SECRET: TEST_SECRET,
      AI_BOOKKEEPING_LOG_LEVEL: "info",
      AI_BOOKKEEPING_PARENT_PID: String(odoo.pid),
    });
    try {
      expect((await fetch(`${endpoint.url}/healthz`)).status).toBe(200);
      odoo.kill("SIGKILL");
      expect(await endpoint.exited).toBe(0);
      expect(endpoint.stdout()).toContain('"signal":"parent process gone"');
    } finally {
      odoo.kill("SIGKILL");
      endpoint.child.kill("SIGKILL");
    }
  }, 20_000);

  it("refuses a parent pid that is not a pid", async () => {
    const result = await runEndpoint(FROM_SOURCE, { AI_BOOKKEEPING_SECRET: TEST_SECRET, AI_BOOKKEEPING_PARENT_PID: "odoo" });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      "ai_bookkeeping endpoint: AI_BOOKKEEPING_PARENT_PID must be the pid of the process the endpoint belongs to (a whole number).",
    );
  }, 20_000);
});
