// Prints invoices from Odoo itself (scripts/bench/odoo_rendered_bills.py) for the bills bench: a throw-away database
// with account_edi_ubl_cii, the generator in an Odoo shell, then each invoice's report page printed to PDF by
// Chromium (playwright-core, as the browser tests) with its Factur-X XML attached (pdfattach, poppler-utils), then the copy is dropped (the installed one, aib_rendered_base, is kept for the next run: dropdb it when done). The PDFs go OUTSIDE the repository (never commit them).
//   node scripts/make_odoo_rendered_bills.mjs [--seed=7] [--count=40] [--out=<dir>]
// Default out: ../corpus/odoo-rendered/seed-<seed> beside the repository. Seed 7 is the tuning seed (its documents may
// be looked at one by one); the bench's report figures use seed 2026, looked at in aggregate only.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, launchBrowser, login, waitHttp } from "./browser_tests.mjs";
import { ROOT, checkPostgres, copyDb, dbExists, dropDb, findOdoo, odooArgs, odooEnv, odooPython, primeStaticFiles } from "./lib/odoo.mjs";

const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const seed = Number(arg("seed", "7"));
const count = Number(arg("count", "40"));
const out = path.resolve(arg("out", path.join(ROOT, "..", "corpus", "odoo-rendered", `seed-${seed}`)));

const odoo = findOdoo();
if (!odoo.ok) throw new Error(odoo.reason);
const pg = checkPostgres();
if (!pg.ok) throw new Error(pg.reason);
const port = await freePort();
// The installed database is kept (aib_rendered_base) and copied for each run: an install takes minutes.
const base = "aib_rendered_base";
const db = `aib_rendered_${process.pid}`;
mkdirSync(out, { recursive: true });
let server = null;
try {
  if (!dbExists(base)) {
    const install = spawnSync(odooPython(), odooArgs(odoo.src, base, ["-i", "account_edi_ubl_cii", "--without-demo=all", "--stop-after-init", "--log-level=warn", "--no-http"]), { env: odooEnv(), encoding: "utf8" });
    if (install.status !== 0) {
      dropDb(base);
      throw new Error(`install failed: ${install.stderr.slice(-3000)}`);
    }
  }
  copyDb(base, db);
  const script = readFileSync(path.join(ROOT, "scripts/bench/odoo_rendered_bills.py"), "utf8");
  const env = { ...odooEnv(), BILLS_ODOO_RENDERED_OUT: out, BILLS_ODOO_RENDERED_SEED: String(seed), BILLS_ODOO_RENDERED_COUNT: String(count) };
  const run = spawnSync(odooPython(), odooArgs(odoo.src, db, ["shell", "--no-http", "--log-level=warn"]), { input: script, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (!/ODOO RENDERED BILLS: \d+ written/.test(run.stdout)) throw new Error(`the generator failed:\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
  const prints = [...run.stdout.matchAll(/^PRINT (\d+) (\d+) (.+)$/gm)].map((m) => ({ move: m[1], company: m[2], file: m[3] }));
  server = spawn(odooPython(), odooArgs(odoo.src, db, [`--http-port=${port}`, "--http-interface=127.0.0.1", "--log-level=warn", "--workers=0", "--max-cron-threads=0"]), { env: odooEnv(), stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  if (!(await waitHttp(`${url}/web/login`, 120))) throw new Error("Odoo did not start");
  await primeStaticFiles(url);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await login(page, url);
    for (const p of prints) {
      // The report's own page, in the invoice's company (cids), printed as a browser prints it: A4, backgrounds on.
      await context.addCookies([{ name: "cids", value: p.company, url }]);
      await page.goto(`${url}/report/html/account.report_invoice/${p.move}`, { waitUntil: "networkidle" });
      await page.pdf({ path: `${p.file}.print.pdf`, format: "A4", printBackground: true, margin: { top: "12mm", bottom: "12mm", left: "10mm", right: "10mm" } });
      const xmlDir = mkdtempSync(path.join(tmpdir(), "aib-fx-"));
      copyFileSync(`${p.file}.xml`, path.join(xmlDir, "factur-x.xml"));
      const attach = spawnSync("pdfattach", [`${p.file}.print.pdf`, path.join(xmlDir, "factur-x.xml"), `${p.file}.pdf`], { encoding: "utf8" });
      rmSync(xmlDir, { recursive: true, force: true });
      rmSync(`${p.file}.print.pdf`, { force: true });
      if (attach.status !== 0) throw new Error(`pdfattach: ${attach.stderr}`);
      rmSync(`${p.file}.xml`, { force: true });
    }
  } finally {
    await browser.close();
  }
  console.log(`${prints.length} Odoo invoices printed to ${out} (seed ${seed})`);
} finally {
  server?.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 1500));
  dropDb(db);
}
