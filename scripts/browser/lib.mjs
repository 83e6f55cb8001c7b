// What every browser suite of a workflow shares: the real Odoo stack of scripts/browser_tests.mjs, a seed script run
// in an Odoo shell on its database, a logged-in page that records console errors, named checks, screenshots in
// .artifacts/, and the two closing checks (no console error, no server error in the log).
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ARTIFACTS, launchBrowser, serverLogErrors, startStack } from "../browser_tests.mjs";
import { findOdoo, odooArgs, odooEnv, odooPython } from "../lib/odoo.mjs";

/** One value (or one row, columns joined by "|") from the test database. */
export function sql(db, query) {
  const r = spawnSync("psql", ["-d", db, "-tAc", query], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`psql: ${r.stderr}`);
  return r.stdout.trim();
}

/** Runs `script` in an Odoo shell on `db`; returns what it printed, or throws with its output if `done` is not in it. */
export function odooShell(db, script, done) {
  const odoo = findOdoo();
  const run = spawnSync(odooPython(), odooArgs(odoo.src, db, ["shell", "--no-http", "--log-level=warn"]),
    { input: script, env: odooEnv(), encoding: "utf8" });
  if (!done.test(run.stdout)) throw new Error(`seeding failed:\n${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`);
  return run.stdout;
}

/** Logs in as admin, with time for the first build of the web client's assets on a busy machine. */
async function login(page, url) {
  await page.goto(`${url}/web/login`, { timeout: 180000 });
  await page.fill("input[name=login]", "admin");
  await page.fill("input[name=password]", "admin");
  await Promise.all([page.waitForURL(/\/odoo/, { timeout: 180000 }), page.click("button[type=submit]")]);
}

/**
 * Runs one browser suite: `body({ page, stack, check, shot, consoleErrors })` after the stack is up (`lines` seeded
 * statement lines) and admin is logged in. `title` names it in the summary, `prefix` its screenshots and server log,
 * `expectedServerError` a server log error the suite provokes on purpose. Returns `{ failed, summary }` or
 * `{ skipped }` when no Odoo tree is found.
 */
export async function runBrowserSuite({ title, prefix, lines = 5, viewport = { width: 1500, height: 1000 },
  expectedServerError = null }, body) {
  const stack = await startStack({ count: lines });
  if (stack.skipped) return { skipped: stack.skipped };
  mkdirSync(ARTIFACTS, { recursive: true });
  const checks = [];
  const check = (name, ok, detail = "") => {
    checks.push({ name, ok });
    console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? ` — ${detail}` : ""}`);
  };
  const shot = (page, name) => page.screenshot({ path: path.join(ARTIFACTS, `${prefix}_${name}.png`), fullPage: true });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport });
    const consoleErrors = [];
    page.on("console", (msg) => { if (msg.type() === "error") consoleErrors.push(msg.text()); });
    page.on("pageerror", (err) => consoleErrors.push(String(err)));
    await login(page, stack.url);
    await body({ page, stack, check, shot, consoleErrors });
    check("no console error", consoleErrors.length === 0, consoleErrors.slice(0, 3).join(" | "));
    const serverErrors = serverLogErrors(stack.serverLog()).filter((e) => !expectedServerError?.test(e));
    check("no server error in the log", serverErrors.length === 0, serverErrors[0]?.split("\n")[0] ?? "");
  } finally {
    await browser.close();
    writeFileSync(path.join(ARTIFACTS, `odoo-server-${prefix.replaceAll("_", "-")}.log`), stack.serverLog());
    stack.stop();
  }
  const failed = checks.filter((c) => !c.ok).length;
  return { failed: failed > 0, summary: `browser (${title}): ${checks.length - failed} passed, ${failed} failed (screenshots in .artifacts/)` };
}

/** `node scripts/browser/<suite>.mjs` runs that suite alone. */
export async function runWhenMain(meta, suite) {
  if (meta.url !== `file://${process.argv[1]}`) return;
  const r = await suite();
  console.log(r.skipped ?? r.summary);
  process.exit(r.failed ? 1 : 0);
}
