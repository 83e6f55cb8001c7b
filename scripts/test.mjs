// `npm test`: every test that can run here, in order, with a plain summary. Steps that need what this machine lacks
// (an Odoo tree, PostgreSQL, Chromium) say plainly that they were skipped and why; a skip never counts as a pass.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT } from "./lib/odoo.mjs";
import { runOdooTests } from "./odoo_tests.mjs";
import { runBrowserTests } from "./browser_tests.mjs";
import { runStatementImportBrowserTest } from "./browser/statement_import.mjs";
import { runPeriodCloseBrowserTest } from "./browser/period_close.mjs";
import { runCollectionsBrowserTest } from "./browser/collections.mjs";
import { runFinancialReportBrowserTest } from "./browser/financial_report.mjs";

const results = [];
const only = new Set((process.env.AIB_TEST_STEPS || "").split(",").filter(Boolean));
const want = (name) => only.size === 0 || only.has(name);

function step(name, fn) {
  if (!want(name)) return;
  console.log(`\n=== ${name}`);
  const started = Date.now();
  const outcome = fn();
  results.push({ name, ...outcome, seconds: ((Date.now() - started) / 1000).toFixed(1) });
}

/** Runs a command, echoing its output, and reads its test counts with `count(output)` when given. */
function sh(cmd, args, count, env = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(r.stdout ?? "");
  process.stderr.write(r.stderr ?? "");
  const counts = count ? count(`${r.stdout}\n${r.stderr}`) : null;
  const ok = r.status === 0;
  return { ok, counts, detail: ok ? (counts ? `${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}` : "") : `${cmd} ${args.join(" ")} exited ${r.status ?? r.signal}` };
}

// eslint-disable-next-line no-control-regex -- the ANSI escape (ESC, \x1b) is what is being stripped
const plain = (text) => text.replace(/\x1b\[[0-9;]*m/g, "");
const vitestCounts = (out) => {
  const line = plain(out).match(/^\s*Tests\s+(.*)$/m)?.[1] ?? "";
  return { passed: Number(line.match(/(\d+) passed/)?.[1] ?? 0), failed: Number(line.match(/(\d+) failed/)?.[1] ?? 0), skipped: Number(line.match(/(\d+) skipped/)?.[1] ?? 0) };
};
const unittestCounts = (out) => {
  const ran = Number(out.match(/^Ran (\d+) tests?/m)?.[1] ?? 0);
  const bad = out.match(/^FAILED \((.*)\)$/m)?.[1] ?? "";
  const failed = [...bad.matchAll(/(?:failures|errors)=(\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
  const skipped = Number(out.match(/skipped=(\d+)/)?.[1] ?? 0);
  return { passed: ran - failed - skipped, failed, skipped };
};

step("typecheck", () => sh("npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]));
step("lint (ts)", () => sh("npm", ["run", "--silent", "lint:ts"]));
step("lint (python)", () => sh("npm", ["run", "--silent", "lint:py"]));
step("vitest", () => sh("npx", ["vitest", "run"], vitestCounts));
// Debian's Python libraries (python3-openpyxl, python3-xlsxwriter: what Odoo runs with) when they are installed.
const DEBIAN_PYTHON = "/usr/lib/python3/dist-packages";
const pythonEnv = existsSync(DEBIAN_PYTHON) ? { PYTHONPATH: [process.env.PYTHONPATH, DEBIAN_PYTHON].filter(Boolean).join(":") } : {};
step("python (pure)", () => sh("python3", ["-m", "unittest", "discover", "-s", "test/python", "-v"], unittestCounts, pythonEnv));
step("bundle up to date", () => {
  // The built dashboard and endpoint are committed (installing the add-on carries them): rebuild into a temp dir
  // and compare byte for byte.
  const out = mkdtempSync(path.join(tmpdir(), "aib-build-"));
  try {
    const build = spawnSync("node", ["-e", `import("./esbuild.config.mjs").then(m => m.buildAll({ outRoot: ${JSON.stringify(out)} }))`], { cwd: ROOT, stdio: "inherit" });
    if (build.status !== 0) return { ok: false, detail: "esbuild failed" };
    const committed = path.join(ROOT, "ai_bookkeeping");
    const stale = [];
    // What the build wrote, and anything else committed in the dashboard's output folder (a left-over file).
    const builtDashboard = new Set(listFiles(path.join(out, "static/src/dashboard")));
    for (const rel of listFiles(path.join(committed, "static/src/dashboard"))) {
      if (!builtDashboard.has(rel)) stale.push(`static/src/dashboard/${rel} (not built any more: delete it)`);
    }
    for (const rel of listFiles(out)) {
      let current = null;
      try { current = readFileSync(path.join(committed, rel)); } catch { /* missing */ }
      if (!current || !current.equals(readFileSync(path.join(out, rel)))) stale.push(rel);
    }
    return stale.length ? { ok: false, detail: `out of date: ${stale.join(", ")} — run npm run build and commit` } : { ok: true };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

function countsOf(summary) {
  const m = summary?.match(/(\d+) passed, (\d+) failed/);
  return m ? { passed: Number(m[1]), failed: Number(m[2]), skipped: 0 } : null;
}

function listFiles(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name))]);
}

// The suites that drive a real Odoo: its tests, then the browser suites (Debian's chromium through playwright-core).
const ODOO_SUITES = [
  ["odoo", runOdooTests],
  ["browser", runBrowserTests],
  ["browser statements", runStatementImportBrowserTest],
  ["browser close", runPeriodCloseBrowserTest],
  ["browser collections", runCollectionsBrowserTest],
  ["browser reports", runFinancialReportBrowserTest],
];
for (const [name, runSuite] of ODOO_SUITES) {
  if (!want(name) && !(name.startsWith("browser ") && want("browser"))) continue;
  console.log(`\n=== ${name}`);
  const started = Date.now();
  // A suite that throws (a browser step that timed out) is a failure of that suite, not the end of the run.
  const r = await runSuite().catch((error) => ({ failed: true, summary: `crashed: ${String(error?.message ?? error).split("\n")[0]}` }));
  results.push({ name, ok: !r.failed && !r.skipped, skipped: r.skipped, detail: r.summary, counts: countsOf(r.summary), seconds: ((Date.now() - started) / 1000).toFixed(1) });
}

console.log("\n=== summary");
for (const r of results) {
  const status = r.skipped ? "SKIPPED" : r.ok ? "passed" : "FAILED";
  console.log(`${status.padEnd(8)} ${r.name.padEnd(18)} ${r.seconds.padStart(6)} s  ${r.skipped ?? r.detail ?? ""}`);
}
const failedSteps = results.filter((r) => !r.ok && !r.skipped).length;
const skippedSteps = results.filter((r) => r.skipped).map((r) => r.name);
console.log(`steps: ${results.length - failedSteps - skippedSteps.length} passed, ${failedSteps} failed${skippedSteps.length ? ` (skipped: ${skippedSteps.join(", ")})` : ""}`);
// The closing line: tests across every runner. A failed step without counts (typecheck, bundle) counts as a failure.
const total = { passed: 0, failed: 0, skipped: 0 };
for (const r of results) {
  if (r.counts) { total.passed += r.counts.passed; total.failed += r.counts.failed; total.skipped += r.counts.skipped ?? 0; }
  else if (!r.ok && !r.skipped) total.failed += 1;
}
console.log(`tests: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
process.exit(failedSteps ? 1 : 0);
