// `npm start`: the main job on the offline default. Builds the TypeScript, starts the bundled AI endpoint on
// 127.0.0.1:8787 and — when an Odoo 18 tree (ODOO_SRC, default /opt/odoo18) and PostgreSQL are here — starts Odoo
// with the add-on installed on a demo database, wired to that endpoint, and prints the URL and login.
import { randomBytes } from "node:crypto";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT, checkPostgres, dbExists, findOdoo, odooArgs, odooEnv, odooPython, primeStaticFiles } from "./lib/odoo.mjs";
import { buildAll } from "../esbuild.config.mjs";

const ENDPOINT_PORT = Number(process.env.AI_BOOKKEEPING_PORT || 8787);
const ODOO_PORT = Number(process.env.ODOO_PORT || 8069);
const DB = process.env.ODOO_DB || "ai_bookkeeping_demo";

function secret() {
  if (process.env.AI_BOOKKEEPING_SECRET) return process.env.AI_BOOKKEEPING_SECRET;
  const file = path.join(ROOT, ".artifacts", "endpoint-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const value = randomBytes(36).toString("base64url");
  writeFileSync(file, value, { mode: 0o600 });
  return value;
}

await buildAll();
const key = secret();
const children = [];
const shutdown = () => { for (const c of children) c.kill("SIGTERM"); process.exit(0); };
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);

const odoo = findOdoo();
const pg = odoo.ok ? checkPostgres() : { ok: false, reason: "" };
// With Odoo here and the default port, Odoo starts the bundled endpoint itself, with its server-wide secret (README,
// Configuration); otherwise this script runs it, with its own secret handed to Odoo as a separate endpoint's.
const odooOwnsEndpoint = odoo.ok && pg.ok && ENDPOINT_PORT === 8787;
if (!odooOwnsEndpoint) {
  const endpoint = spawn("node", [path.join(ROOT, "ai_bookkeeping/endpoint/ai_endpoint.mjs")], {
    env: { ...process.env, AI_BOOKKEEPING_SECRET: key, AI_BOOKKEEPING_PORT: String(ENDPOINT_PORT) },
    stdio: "inherit",
  });
  children.push(endpoint);
  endpoint.on("exit", (code) => { console.error(`endpoint exited (${code})`); shutdown(); });
}

if (!odoo.ok || !pg.ok) {
  console.log(`Odoo not started: ${odoo.ok ? pg.reason : odoo.reason}. The endpoint runs alone; Ctrl-C to stop.`);
} else {
  const params = `env["ir.config_parameter"].set_param("ai_bookkeeping.endpoint_url", "http://127.0.0.1:${ENDPOINT_PORT}")
${odooOwnsEndpoint ? 'env["ir.config_parameter"].set_param("ai_bookkeeping.endpoint_autostart", "True")' : `env["ir.config_parameter"].set_param("ai_bookkeeping.endpoint_secret", ${JSON.stringify(key)})`}
env.cr.commit()
`;
  if (!dbExists(DB)) {
    console.log(`Creating demo database ${DB} with account + ai_bookkeeping (about a minute)…`);
    // The demo data asks the endpoint for suggestions: point the database at ours before the add-on's demo runs.
    const base = spawnSync(odooPython(), odooArgs(odoo.src, DB, ["-i", "account", "--stop-after-init", "--no-http", "--log-level=warn"]), { env: odooEnv(), stdio: "inherit" });
    if (base.status !== 0) process.exit(1);
    spawnSync(odooPython(), odooArgs(odoo.src, DB, ["shell", "--no-http", "--log-level=warn"]), { input: params, env: odooEnv(), encoding: "utf8" });
    const addon = spawnSync(odooPython(), odooArgs(odoo.src, DB, ["-i", "ai_bookkeeping", "--stop-after-init", "--no-http", "--log-level=warn"]), { env: odooEnv(), stdio: "inherit" });
    if (addon.status !== 0) process.exit(1);
  } else {
    spawnSync(odooPython(), odooArgs(odoo.src, DB, ["-u", "ai_bookkeeping", "--stop-after-init", "--no-http", "--log-level=warn"]), { env: odooEnv(), stdio: "inherit" });
    spawnSync(odooPython(), odooArgs(odoo.src, DB, ["shell", "--no-http", "--log-level=warn"]), { input: params, env: odooEnv(), encoding: "utf8" });
  }
  const server = spawn(odooPython(), odooArgs(odoo.src, DB, [`--http-port=${ODOO_PORT}`, "--log-level=warn"]), { env: odooEnv(), stdio: "inherit" });
  children.push(server);
  for (let i = 0; i < 120; i += 1) {
    try { await fetch(`http://127.0.0.1:${ODOO_PORT}/web/login`); break; } catch { await new Promise((r) => setTimeout(r, 500)); }
  }
  await primeStaticFiles(`http://127.0.0.1:${ODOO_PORT}`);
  console.log(`\nOdoo with AI Bookkeeping: http://127.0.0.1:${ODOO_PORT}/odoo/action-ai_bookkeeping.ai_review_dashboard_action  (login admin / admin)`);
  console.log(`AI endpoint: http://127.0.0.1:${ENDPOINT_PORT}/healthz. Ctrl-C stops both.`);
}
