// `npm test`: every test that can run here, in order, with a plain summary. Steps that need what this machine lacks
// (an Odoo tree, PostgreSQL, Chromium) say plainly that they were skipped and why; a skip never counts as a pass.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT } from "./lib/odoo.mjs";
import { runOdooTests } from "./odoo-tests.mjs";
import { runBrowserTests } from "./browser-tests.mjs";

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

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", ...opts });
  return r.status === 0 ? { ok: true } : { ok: false, detail: `${cmd} ${args.join(" ")} exited ${r.status ?? r.signal}` };
}

step("typecheck", () => sh("npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]));
step("vitest", () => sh("npx", ["vitest", "run"]));
step("python (pure)", () => sh("python3", ["-m", "unittest", "discover", "-s", "test/python", "-v"]));
step("bundle up to date", () => {
  // The built dashboard and endpoint are committed (installing the add-on carries them): rebuild into a temp dir
  // and compare byte for byte.
  const out = mkdtempSync(path.join(tmpdir(), "aib-build-"));
  try {
    const build = spawnSync("node", ["-e", `import("./esbuild.config.mjs").then(m => m.buildAll({ outRoot: ${JSON.stringify(out)} }))`], { cwd: ROOT, stdio: "inherit" });
    if (build.status !== 0) return { ok: false, detail: "esbuild failed" };
    const committed = path.join(ROOT, "ai_bookkeeping/static");
    const stale = [];
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

function listFiles(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name))]);
}

if (want("odoo")) {
  console.log("\n=== odoo");
  const started = Date.now();
  const r = await runOdooTests();
  results.push({ name: "odoo", ok: !r.failed && !r.skipped, skipped: r.skipped, detail: r.summary, seconds: ((Date.now() - started) / 1000).toFixed(1) });
}
if (want("browser")) {
  console.log("\n=== browser");
  const started = Date.now();
  const r = await runBrowserTests();
  results.push({ name: "browser", ok: !r.failed && !r.skipped, skipped: r.skipped, detail: r.summary, seconds: ((Date.now() - started) / 1000).toFixed(1) });
}

console.log("\n=== summary");
for (const r of results) {
  const status = r.skipped ? "SKIPPED" : r.ok ? "passed" : "FAILED";
  console.log(`${status.padEnd(8)} ${r.name.padEnd(18)} ${r.seconds.padStart(6)} s  ${r.skipped ?? r.detail ?? ""}`);
}
const failed = results.filter((r) => !r.ok && !r.skipped).length;
const passed = results.filter((r) => r.ok).length;
const skipped = results.filter((r) => r.skipped).length;
console.log(`steps: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed ? 1 : 0);
