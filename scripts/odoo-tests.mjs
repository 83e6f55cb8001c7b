// Runs the add-on's Odoo tests (TransactionCase, post_install) against ODOO_SRC on a throw-away database,
// then drops it. Exit code: 0 passed, 1 failed, 0 with a plain "skipped" line when no Odoo/PostgreSQL is here.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_OCA_SRC, ROOT, checkPostgres, dropDb, findOdoo, hasOca, odooArgs, odooEnv, odooPython } from "./lib/odoo.mjs";

export async function runOdooTests() {
  // With OCA's reconciliation screen on the addons path, the bridge module and its tests run too.
  const modules = hasOca() ? "ai_bookkeeping,ai_bookkeeping_account_reconcile_oca" : "ai_bookkeeping";
  const tags = modules.split(",").map((m) => `/${m}`).join(",");
  if (!hasOca()) console.log(`Odoo tests: OCA's account_reconcile_oca not found (OCA_SRC, default ${DEFAULT_OCA_SRC}): the bridge module's tests are skipped`);
  const odoo = findOdoo();
  if (!odoo.ok) return { skipped: `Odoo tests skipped: ${odoo.reason}` };
  const pg = checkPostgres();
  if (!pg.ok) return { skipped: `Odoo tests skipped: ${pg.reason}` };
  const db = `aib_test_${process.pid}_${Date.now().toString(36)}`;
  try {
    console.log(`Odoo tests: installing account + ${modules} on throw-away database ${db} (about a minute)…`);
    const install = await run(odooPython(), odooArgs(odoo.src, db, ["-i", modules, "--without-demo=all", "--stop-after-init", "--log-level=warn", "--http-port=0"]));
    if (install.code !== 0 || /\bERROR\b/.test(install.output)) {
      process.stdout.write(install.output.slice(-8000));
      return { failed: true, summary: "Odoo tests: the add-on did not install cleanly" };
    }
    console.log("Odoo tests: running", tags);
    const tests = await run(odooPython(), odooArgs(odoo.src, db, ["-u", modules, "--test-enable", `--test-tags=${tags}`, "--stop-after-init", "--log-level=test", "--http-port=0"]));
    const lines = tests.output.split("\n");
    // Print each test started, each failure with its traceback, and the result; not the warnings' stacks.
    let inFailure = false;
    for (const line of lines) {
      if (/^\d{4}-\d\d-\d\d /.test(line)) inFailure = / (ERROR|CRITICAL) /.test(line);
      if (inFailure || /odoo\.tests\.result|Starting .*\.\.\.|skipped/.test(line)) console.log(line);
    }
    // Odoo's own closing line: "odoo.tests.result: N failed, M error(s) of K tests when loading database …".
    const result = tests.output.match(/odoo\.tests\.result: (\d+) failed, (\d+) error\(s\) of (\d+) tests/);
    if (!result) return { failed: true, summary: "Odoo tests: Odoo printed no result line (see the log above)" };
    const failed = Number(result[1]) + Number(result[2]);
    const total = Number(result[3]);
    const skipped = lines.filter((l) => /odoo\.tests\.suite: skipped/.test(l)).length;
    if (total === 0) return { failed: true, summary: "Odoo tests: no test ran" };
    // Checks that need real concurrent transactions (committed data, two cursors) run as Odoo shell scripts.
    let scriptPassed = 0;
    let scriptFailed = 0;
    for (const script of ["concurrent_approve.py", "uninstall_cleanly.py"]) {
      const r = await run(odooPython(), odooArgs(odoo.src, db, ["shell", "--no-http", "--log-level=warn"]), readFileSync(path.join(ROOT, "scripts/odoo", script), "utf8"));
      for (const line of r.output.split("\n")) if (/^(ok {2}|FAIL)|: \d+ passed, \d+ failed/.test(line)) console.log(line);
      const m = r.output.match(/: (\d+) passed, (\d+) failed/);
      if (!m) { console.log(r.output.slice(-4000)); scriptFailed += 1; continue; }
      scriptPassed += Number(m[1]);
      scriptFailed += Number(m[2]);
    }
    const allFailed = failed + scriptFailed;
    return {
      failed: allFailed > 0 || tests.code !== 0,
      summary: `odoo: ${total - failed + scriptPassed} passed, ${allFailed} failed${skipped ? ` (${skipped} test classes skipped, see above)` : ""}`,
    };
  } finally {
    dropDb(db);
  }
}

function run(cmd, args, input) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: odooEnv(), stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
    if (input !== undefined) child.stdin.end(input);
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => resolve({ code, output }));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runOdooTests();
  console.log(result.skipped ?? result.summary);
  process.exit(result.failed ? 1 : 0);
}
