// Runs the add-on's Odoo tests (TransactionCase, post_install) against ODOO_SRC on two throw-away databases (with
// and without demo data), then drops them. Exit code: 0 passed, 1 failed, 0 with a plain "skipped" line when no Odoo/PostgreSQL is here.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEFAULT_OCA_SRC, ROOT, checkPostgres, dropDb, findOdoo, hasOca, hasOcaImport, ocaImportSrc, odooArgs, odooEnv, odooPython } from "./lib/odoo.mjs";

// Two throw-away databases, run side by side: one installed with demo data (as OCA's CI and runbot install), one
// without. The shell scripts (real concurrent transactions, uninstall) run on the one without demo data only: they
// check the add-on's own records, and a third install and uninstall would add minutes for nothing more.
const RUNS = [
  { label: "with demo data", demo: true, scripts: false },
  { label: "without demo data", demo: false, scripts: true },
];
// With OCA's statement import unpacked (never in the repo), a third database has it installed beside ours and runs
// the one test class about the two together (tests/test_statement_import_beside_oca.py; skipped elsewhere).
const OCA_IMPORT_RUN = {
  label: "beside OCA's statement import", demo: false, scripts: false, modules: "ai_bookkeeping,account_statement_import_camt",
  tags: "/ai_bookkeeping:TestStatementImportBesideOca", addons: [ocaImportSrc()],
};

// The bridge add-ons for Odoo's optional apps (ai_bookkeeping_<app>, auto_install) run on a database of their own
// with the apps they bridge (Sales, Purchase, Expenses), installed without demo data: their tests tag only themselves.
const APP_BRIDGES = { ai_bookkeeping_sale: "sale_management", ai_bookkeeping_purchase: "purchase", ai_bookkeeping_hr_expense: "hr_expense" };

/** The apps database's run, or null when no bridge add-on for an Odoo app is in the repository. */
export function appBridgesRun() {
  const bridges = readdirSync(ROOT).filter((name) => APP_BRIDGES[name] && existsSync(path.join(ROOT, name, "__manifest__.py")));
  if (!bridges.length) return null;
  const apps = bridges.map((name) => APP_BRIDGES[name]);
  return {
    label: `with ${apps.join(", ")}`, demo: false, scripts: false,
    modules: ["ai_bookkeeping", ...apps, ...bridges].join(","), tags: bridges.map((m) => `/${m}`).join(","),
  };
}

// With Inventory's purchase_stock the received quantity comes from receipts and returns: the one purchase-bridge
// class about that (3-way for credit notes; skipped on the apps database above) runs on a database of its own.
const PURCHASE_STOCK_RUN = {
  label: "with purchase_stock", demo: false, scripts: false, modules: "ai_bookkeeping,purchase_stock,ai_bookkeeping_purchase",
  tags: "/ai_bookkeeping_purchase:TestPurchaseCreditNoteStock",
};

export async function runOdooTests() {
  // With OCA's reconciliation screen on the addons path, the bridge module and its tests run too.
  const modules = hasOca() ? "ai_bookkeeping,ai_bookkeeping_account_reconcile_oca" : "ai_bookkeeping";
  if (!hasOca()) console.log(`Odoo tests: OCA's account_reconcile_oca not found (OCA_SRC, default ${DEFAULT_OCA_SRC}): the bridge module's tests are skipped`);
  const odoo = findOdoo();
  if (!odoo.ok) return { skipped: `Odoo tests skipped: ${odoo.reason}` };
  const pg = checkPostgres();
  if (!pg.ok) return { skipped: `Odoo tests skipped: ${pg.reason}` };
  const stamp = `${process.pid}_${Date.now().toString(36)}`;
  console.log(`Odoo tests: installing account + ${modules} on two throw-away databases, ${RUNS.map((r) => r.label).join(" and ")} (a few minutes)…`);
  const apps = appBridgesRun();
  const stock = existsSync(path.join(ROOT, "ai_bookkeeping_purchase", "__manifest__.py")) ? [PURCHASE_STOCK_RUN] : [];
  const runs = [...RUNS, ...(hasOcaImport() ? [OCA_IMPORT_RUN] : []), ...(apps ? [apps, ...stock] : [])];
  if (!hasOcaImport()) console.log(`Odoo tests: OCA's statement import not found (OCA_IMPORT_SRC, default ${ocaImportSrc()}): the coexistence test is skipped`);
  const results = await Promise.all(runs.map((r, i) => runOnDatabase(odoo.src, r.modules ?? modules, `aib_test_${stamp}_${i}`, r)));
  // Each run's log, one after the other (they ran at the same time), then one result line per run and the sum.
  for (const r of results) {
    console.log(`\n---- Odoo tests ${r.label} (${r.db}) ----`);
    for (const line of r.log) console.log(line);
  }
  for (const r of results) console.log(`odoo ${r.label}: ${r.summary}`);
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  const skipped = results.reduce((n, r) => n + r.skipped, 0);
  return {
    failed: results.some((r) => r.broken) || failed > 0,
    summary: `odoo: ${passed} passed, ${failed} failed${skipped ? ` (${skipped} test classes skipped, see above)` : ""} ` +
      `over ${results.length} databases (${RUNS.map((r) => r.label).join(", ")})`,
  };
}

/** Install, run the tests (and the scripts), drop the database. Never throws; `broken` when no result was read. */
async function runOnDatabase(src, modules, db, { label, demo, scripts, tags: onlyTags, addons = [] }) {
  const tags = onlyTags ?? modules.split(",").map((m) => `/${m}`).join(",");
  const log = [];
  const outcome = (fields) => ({ label, db, log, passed: 0, failed: 0, skipped: 0, broken: false, ...fields });
  try {
    const started = Date.now();
    const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
    // One pass: install with the tests enabled. Every test is post_install, so Odoo runs them once the install is
    // done ("Starting post tests"); whatever is logged as an error before that line is the install's.
    const tests = await run(odooPython(), odooArgs(src, db, ["-i", modules, ...(demo ? [] : ["--without-demo=all"]), "--test-enable", `--test-tags=${tags}`, "--stop-after-init", "--log-level=test", "--http-port=0"], addons));
    const postTests = tests.output.indexOf("Starting post tests");
    const installLog = postTests < 0 ? tests.output : tests.output.slice(0, postTests);
    if (postTests < 0 || / (ERROR|CRITICAL) /.test(installLog)) {
      log.push(installLog.slice(-8000));
      return outcome({ broken: true, failed: 1, summary: "the add-on did not install cleanly" });
    }
    log.push(`installed and tested ${tags} in ${elapsed()}`);
    const lines = tests.output.split("\n");
    // Each test started, each failure with its traceback, and the result; not the warnings' stacks.
    let inFailure = false;
    for (const line of lines) {
      if (/^\d{4}-\d\d-\d\d /.test(line)) inFailure = / (ERROR|CRITICAL) /.test(line);
      if (inFailure || /odoo\.tests\.result|Starting .*\.\.\.|skipped/.test(line)) log.push(line);
    }
    // Odoo's own closing line: "odoo.tests.result: N failed, M error(s) of K tests when loading database …".
    const result = tests.output.match(/odoo\.tests\.result: (\d+) failed, (\d+) error\(s\) of (\d+) tests/);
    if (!result) return outcome({ broken: true, failed: 1, summary: "Odoo printed no result line (see the log above)" });
    const failed = Number(result[1]) + Number(result[2]);
    const total = Number(result[3]);
    const skipped = lines.filter((l) => /odoo\.tests\.suite: skipped/.test(l)).length;
    if (total === 0) return outcome({ broken: true, failed: 1, summary: "no test ran" });
    // Checks that need real concurrent transactions (committed data, two cursors) or two databases on one server
    // (a template copy of the test database; one data_dir for both) run as Odoo shell scripts.
    let scriptPassed = 0;
    let scriptFailed = 0;
    const dataDir = mkdtempSync(path.join(tmpdir(), "aib_data_"));
    const scriptEnv = { AIB_SECOND_DB: `${db}_b`, AIB_ENDPOINT_PORT: String(await freePort()) };
    if (scripts) spawnSync("createdb", ["-T", db, `${db}_b`], { stdio: "inherit" });
    for (const script of scripts ? ["two_databases.py", "concurrent_approve.py", "uninstall_cleanly.py"] : []) {
      // The two-database check gets a data_dir of its own (the bundled endpoint's secret and pid file go there).
      const options = script === "two_databases.py" ? [`--data-dir=${dataDir}`] : [];
      const r = await run(odooPython(), odooArgs(src, db, ["shell", "--no-http", "--log-level=warn", ...options]), readFileSync(path.join(ROOT, "scripts/odoo", script), "utf8"), scriptEnv);
      for (const line of r.output.split("\n")) if (/^(ok {2}|FAIL)|: \d+ passed, \d+ failed/.test(line)) log.push(line);
      const m = r.output.match(/: (\d+) passed, (\d+) failed/);
      if (!m) { log.push(r.output.slice(-4000)); scriptFailed += 1; continue; }
      scriptPassed += Number(m[1]);
      scriptFailed += Number(m[2]);
    }
    rmSync(dataDir, { recursive: true, force: true });
    log.push(`${label}: ${elapsed()} in all`);
    return outcome({
      broken: tests.code !== 0,
      passed: total - failed + scriptPassed,
      failed: failed + scriptFailed,
      skipped,
      summary: `${result[0]}${scripts ? `; shell scripts: ${scriptPassed} passed, ${scriptFailed} failed` : ""}`,
    });
  } finally {
    dropDb(db);
    dropDb(`${db}_b`);
  }
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function run(cmd, args, input, extraEnv = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: { ...odooEnv(), ...extraEnv }, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
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
