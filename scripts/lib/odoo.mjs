// Finds a real Odoo 18 tree and the means to run it. Shared by start, the Odoo tests and the browser tests.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Where we look for Odoo when ODOO_SRC is not set. */
export const DEFAULT_ODOO_SRC = "/opt/odoo18";
/** OCA's reconciliation screen and classic engine (optional, used beside ours when present). */
export const DEFAULT_OCA_SRC = "/opt/odoo18-oca";

/** @returns {{ok: true, src: string} | {ok: false, reason: string}} */
export function findOdoo() {
  const src = process.env.ODOO_SRC || DEFAULT_ODOO_SRC;
  if (!existsSync(path.join(src, "odoo-bin"))) {
    return { ok: false, reason: `no Odoo tree at ${src} (set ODOO_SRC to an Odoo 18.0 checkout)` };
  }
  return { ok: true, src };
}

/**
 * The interpreter for Odoo: ODOO_PYTHON, else pyenv's 3.11.7 with Debian's packages (Debian's 3.11.2 has a CPython
 * bug that answers the first HTTP requests with a 500), else /usr/bin/python3.
 */
export function odooPython() {
  if (process.env.ODOO_PYTHON) return process.env.ODOO_PYTHON;
  const pyenv = path.join(process.env.PYENV_ROOT || path.join(homedir(), ".pyenv"), "versions/3.11.7/bin/python3");
  if (existsSync(pyenv)) return pyenv;
  return "/usr/bin/python3";
}

export function odooEnv() {
  return { ...process.env, PYTHONPATH: ["/usr/lib/python3/dist-packages", process.env.PYTHONPATH].filter(Boolean).join(":") };
}

export function ocaSrc() {
  return process.env.OCA_SRC || DEFAULT_OCA_SRC;
}

export function hasOca() {
  return existsSync(path.join(ocaSrc(), "account_reconcile_oca", "__manifest__.py"));
}

/** OCA's statement import (account_statement_import_file, _camt …), tested beside ours when present. */
export const DEFAULT_OCA_IMPORT_SRC = "/opt/odoo18-oca-import";

export function ocaImportSrc() {
  return process.env.OCA_IMPORT_SRC || DEFAULT_OCA_IMPORT_SRC;
}

export function hasOcaImport() {
  return existsSync(path.join(ocaImportSrc(), "account_statement_import_camt", "__manifest__.py"));
}

export function addonsPath(src, extra = []) {
  const paths = [path.join(src, "odoo/addons"), path.join(src, "addons"), ROOT];
  if (hasOca()) paths.push(ocaSrc());
  return [...paths, ...extra].join(",");
}

/** @returns {{ok: true} | {ok: false, reason: string}} */
export function checkPostgres() {
  const r = spawnSync("psql", ["-d", "postgres", "-tAc", "select 1"], { encoding: "utf8" });
  if (r.error) return { ok: false, reason: "psql is not installed (apt-get install postgresql)" };
  if (r.status !== 0) return { ok: false, reason: `PostgreSQL does not answer: ${(r.stderr || "").trim().split("\n")[0]}` };
  const deps = spawnSync(odooPython(), ["-c", "import psycopg2, lxml, werkzeug, babel, reportlab"], { env: odooEnv(), encoding: "utf8" });
  if (deps.status !== 0) return { ok: false, reason: "Odoo's Python dependencies are missing (scripts/setup-odoo.sh installs them)" };
  return { ok: true };
}

/** odoo-bin arguments; a sub-command such as "shell" in `extra` must come first, so it is moved there. */
export function odooArgs(src, db, extra, extraAddons = []) {
  const [first, ...rest] = extra;
  const command = first === "shell" ? ["shell"] : [];
  const options = first === "shell" ? rest : extra;
  return [path.join(src, "odoo-bin"), ...command, `--addons-path=${addonsPath(src, extraAddons)}`, "-d", db, "--db-filter", `^${db}$`, ...options];
}

/** Odoo's default data_dir (no --data-dir given): appdirs' user data dir, where each database's filestore is. */
export function filestoreOf(db) {
  const dataHome = process.env.XDG_DATA_HOME || path.join(homedir(), ".local/share");
  return path.join(dataHome, "Odoo", "filestore", db);
}

/** Drops the database and its filestore (Odoo's own drop removes both; dropdb alone leaves the files behind). */
export function dropDb(db) {
  spawnSync("dropdb", ["--if-exists", db], { stdio: "ignore" });
  rmSync(filestoreOf(db), { recursive: true, force: true });
}

/** A copy of `template` (no one connected to it) named `db`, filestore included, as Odoo's own duplicate makes. */
export function copyDb(template, db) {
  const r = spawnSync("createdb", ["-T", template, db], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`createdb -T ${template} ${db}: ${(r.stderr || "").trim()}`);
  if (existsSync(filestoreOf(template))) cpSync(filestoreOf(template), filestoreOf(db), { recursive: true });
}

export function dbExists(db) {
  const out = execFileSync("psql", ["-d", "postgres", "-tAc", `select 1 from pg_database where datname='${db.replace(/'/g, "")}'`], { encoding: "utf8" });
  return out.trim() === "1";
}

/**
 * Odoo computes its static-file map (reading every module's manifest) lazily, on the first static request. Two such
 * requests at once parse manifests in parallel threads, which trips a CPython 3.11 bug ("AST constructor recursion
 * depth mismatch") and answers 500. One request first, alone, fills the map; the browser may then go in parallel.
 */
export async function primeStaticFiles(url) {
  const response = await fetch(`${url}/web/static/img/favicon.ico`);
  if (!response.ok) throw new Error(`Odoo answered ${response.status} to its first static request`);
}
