// `npm run i18n`: regenerate ai_bookkeeping/i18n/ai_bookkeeping.pot with Odoo's own exporter (Python, XML views and
// the dashboard's _t() strings and templates), on a throw-away database.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ROOT, checkPostgres, dropDb, findOdoo, odooArgs, odooEnv, odooPython } from "./lib/odoo.mjs";

const odoo = findOdoo();
if (!odoo.ok) { console.error(`i18n: ${odoo.reason}`); process.exit(1); }
const pg = checkPostgres();
if (!pg.ok) { console.error(`i18n: ${pg.reason}`); process.exit(1); }
const db = `aib_i18n_${process.pid}`;
try {
  const run = (extra) => spawnSync(odooPython(), odooArgs(odoo.src, db, extra), { env: odooEnv(), stdio: "inherit" });
  if (run(["-i", "ai_bookkeeping", "--without-demo=all", "--stop-after-init", "--no-http", "--log-level=warn"]).status !== 0) process.exit(1);
  const out = path.join(ROOT, "ai_bookkeeping/i18n/ai_bookkeeping.pot");
  if (run([`--i18n-export=${out}`, "--modules=ai_bookkeeping", "--stop-after-init", "--no-http", "--log-level=warn"]).status !== 0) process.exit(1);
  console.log(`wrote ${path.relative(ROOT, out)}`);
} finally {
  dropDb(db);
}
