// The committed bundle (ai_bookkeeping/endpoint/ai_endpoint.mjs, built by `npm run build`) really runs:
// start it on a free port, wait for /healthz, send one signed request, stop it.
// AIB_ENDPOINT_BUNDLE=<path> points the test at another build of web_src/endpoint/main.ts (e.g. a one-off esbuild).
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fetchSigned, runEndpoint, startEndpoint, suggestRequest, TEST_SECRET } from "./helpers";

const BUNDLE =
  process.env.AIB_ENDPOINT_BUNDLE ??
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../ai_bookkeeping/endpoint/ai_endpoint.mjs");
const bundleMissing = !existsSync(BUNDLE);

describe.skipIf(bundleMissing)(`bundled endpoint (skipped when ${path.basename(BUNDLE)} is absent: run \`npm run build\`)`, () => {
  it("starts, answers /healthz and a signed request, and stops on SIGTERM", async () => {
    const endpoint = await startEndpoint([BUNDLE], { AI_BOOKKEEPING_SECRET: TEST_SECRET });
    try {
      expect(endpoint.stdout()).toMatch(/^ai_bookkeeping endpoint listening on http:\/\/127\.0\.0\.1:\d+ \(engine .+, LLM off\)\n$/);
      const health = await fetch(`${endpoint.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: "ok", model: null });

      const response = await fetchSigned(endpoint.url, JSON.stringify(suggestRequest()));
      expect(response.status).toBe(200);
      expect((await response.json()).results).toHaveLength(2);
    } finally {
      endpoint.child.kill("SIGTERM");
    }
    expect(await endpoint.exited).toBe(0);
    expect(endpoint.stderr()).toBe("");
  }, 30_000);

  it("refuses to start without a secret (exit code 2)", async () => {
    const result = await runEndpoint([BUNDLE], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("AI_BOOKKEEPING_SECRET is not set");
  }, 30_000);
});
