// Browser tests against a real Odoo 18 with the add-on: headless Debian Chromium driven by playwright-core.
// Creates a throw-away database, seeds bank lines and invoices, asks the real bundled endpoint for suggestions,
// opens the AI Review dashboard, checks rows and console, saves screenshots to .artifacts/, drops the database.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { ROOT, checkPostgres, copyDb, dropDb, findOdoo, odooArgs, odooEnv, odooPython, primeStaticFiles } from "./lib/odoo.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];
export const ARTIFACTS = path.join(ROOT, ".artifacts");

export function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

export async function waitHttp(url, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try { const r = await fetch(url); if (r.status < 500) return true; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

/** Seeds a database through Odoo's shell: invoices, bank lines, suggestions from the real endpoint. */
export function seed(odooSrc, db, endpointUrl, secret, count) {
  const script = `
import datetime
from odoo import Command
env["ir.config_parameter"].set_param("ai_bookkeeping.endpoint_url", ${JSON.stringify(endpointUrl)})
env["ir.config_parameter"].set_param("ai_bookkeeping.endpoint_secret", ${JSON.stringify(secret)})
env["ir.config_parameter"].set_param("ai_bookkeeping.endpoint_autostart", "False")
company = env.company
journal = env["account.journal"].search([("type", "=", "bank"), ("company_id", "=", company.id)], limit=1)
income = env["account.account"].search([("account_type", "=", "income"), ("company_ids", "in", company.id)], limit=1)
names = ["Acme Corporation", "Müller Maschinenbau GmbH", "Azure Interior SARL", "Deco Addict Ltd", "Gemini Furniture BV"]
partners = [env["res.partner"].create({"name": n, "is_company": True}) for n in names]
lines = []
for i in range(${count}):
    partner = partners[i % len(partners)]
    amount = 100 + i * 7.5
    inv = env["account.move"].create({"move_type": "out_invoice", "partner_id": partner.id,
        "invoice_date": datetime.date(2026, 10, 1), "invoice_line_ids": [Command.create({"name": "Services",
        "quantity": 1, "price_unit": amount, "account_id": income.id, "tax_ids": []})]})
    inv.action_post()
    lines.append({"journal_id": journal.id, "date": datetime.date(2026, 11, 2), "amount": amount,
                  "payment_ref": "SEPA CREDIT %s %s" % (partner.name.upper(), inv.name)})
st_lines = env["account.bank.statement.line"].create(lines)
st_lines.action_ai_suggest()
env.cr.commit()
print("SEEDED", len(st_lines), env["ai.reconciliation.suggestion"].search_count([("state", "=", "pending"), ("rank", "=", 1)]))
`;
  const r = spawnSync(odooPython(), odooArgs(odooSrc, db, ["shell", "--no-http", "--log-level=warn"]), { input: script, env: odooEnv(), encoding: "utf8" });
  const m = r.stdout.match(/SEEDED (\d+) (\d+)/);
  if (!m) throw new Error(`seeding failed:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
  return { lines: Number(m[1]), pending: Number(m[2]) };
}

// One install per process and demo setting: the suites of one `npm test` each get a copy of it (createdb -T takes a
// second; an install takes a minute and a half). The templates are dropped when the process exits.
const templates = new Map();
process.on("exit", () => { for (const db of templates.values()) dropDb(db); });

function installedTemplate(odooSrc, demo) {
  if (templates.has(demo)) return templates.get(demo);
  const db = `aib_browser_tpl_${process.pid}_${demo ? "demo" : "nodemo"}`;
  const install = spawnSync(odooPython(), odooArgs(odooSrc, db, ["-i", "ai_bookkeeping", ...(demo ? [] : ["--without-demo=all"]), "--stop-after-init", "--log-level=warn", "--no-http"]), { env: odooEnv(), encoding: "utf8" });
  if (install.status !== 0) {
    dropDb(db);
    throw new Error(`install failed: ${install.stderr.slice(-3000)}`);
  }
  templates.set(demo, db);
  return db;
}

export async function startStack({ count = 50, demo = false } = {}) {
  const odoo = findOdoo();
  if (!odoo.ok) return { skipped: `browser tests skipped: ${odoo.reason}` };
  const pg = checkPostgres();
  if (!pg.ok) return { skipped: `browser tests skipped: ${pg.reason}` };
  if (!existsSync(CHROMIUM)) return { skipped: `browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)` };
  const bundle = path.join(ROOT, "ai_bookkeeping/endpoint/ai_endpoint.mjs");
  if (!existsSync(bundle)) return { failed: true, summary: "browser tests: the endpoint bundle is missing (npm run build)" };
  const db = `aib_browser_${process.pid}_${Date.now().toString(36)}`;
  const secret = `browser-test-secret-${Math.random().toString(36).slice(2)}-0123456789abcdef`;
  const endpointPort = await freePort();
  const httpPort = await freePort();
  const children = [];
  const stop = () => { for (const c of children) c.kill("SIGTERM"); dropDb(db); };
  try {
    copyDb(installedTemplate(odoo.src, demo), db);
    const endpoint = spawn("node", [bundle], { env: { ...process.env, AI_BOOKKEEPING_SECRET: secret, AI_BOOKKEEPING_PORT: String(endpointPort) }, stdio: "ignore" });
    children.push(endpoint);
    if (!(await waitHttp(`http://127.0.0.1:${endpointPort}/healthz`, 20))) throw new Error("endpoint did not start");
    const seeded = seed(odoo.src, db, `http://127.0.0.1:${endpointPort}`, secret, count);
    const server = spawn(odooPython(), odooArgs(odoo.src, db, [`--http-port=${httpPort}`, "--http-interface=127.0.0.1", "--log-level=warn", "--workers=0", "--max-cron-threads=0"]), { env: odooEnv(), stdio: ["ignore", "ignore", "pipe"] });
    let serverLog = "";
    server.stderr.on("data", (d) => (serverLog += d));
    children.push(server);
    if (!(await waitHttp(`http://127.0.0.1:${httpPort}/web/login`, 60))) throw new Error(`Odoo did not start:\n${serverLog.slice(-3000)}`);
    await primeStaticFiles(`http://127.0.0.1:${httpPort}`);
    return { db, url: `http://127.0.0.1:${httpPort}`, seeded, stop, serverLog: () => serverLog };
  } catch (err) {
    stop();
    throw err;
  }
}

/**
 * ERROR entries of the server log, less the serialisation conflicts Odoo retries by itself (two requests updating
 * the same row at once; the request is replayed and succeeds).
 */
export function serverLogErrors(log) {
  const entries = log.split(/\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ )/);
  return entries.filter((e) => / (ERROR|CRITICAL) /.test(e.split("\n")[0])
    && !(/odoo\.sql_db: bad query/.test(e) && /could not serialize access due to concurrent update/.test(e)));
}

/** One value (or one row, columns joined by "|") from the test database. */
function sql(db, query) {
  const r = spawnSync("psql", ["-d", db, "-tAc", query], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`psql: ${r.stderr}`);
  return r.stdout.trim();
}

export async function launchBrowser() {
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

export async function login(page, url) {
  await page.goto(`${url}/web/login`);
  await page.fill("input[name=login]", "admin");
  await page.fill("input[name=password]", "admin");
  await Promise.all([page.waitForURL(/\/odoo/), page.click("button[type=submit]")]);
}

export async function runBrowserTests() {
  let stack;
  try {
    stack = await startStack();
  } catch (err) {
    return { failed: true, summary: `browser tests: could not start Odoo: ${err.message}` };
  }
  if (stack.skipped) return stack;
  mkdirSync(ARTIFACTS, { recursive: true });
  const checks = [];
  const check = (name, ok, detail = "") => { checks.push({ name, ok }); console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? ` — ${detail}` : ""}`); };
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    const consoleErrors = [];
    page.on("console", (msg) => { if (msg.type() === "error") consoleErrors.push(msg.text()); });
    page.on("pageerror", (err) => consoleErrors.push(String(err)));
    await login(page, stack.url);
    await page.goto(`${stack.url}/odoo/action-ai_bookkeeping.ai_review_dashboard_action`);
    const rows = page.locator(".o_ai_bookkeeping_row");
    await rows.first().waitFor({ timeout: 30000 }).catch(() => {});
    const count = await rows.count();
    await page.screenshot({ path: path.join(ARTIFACTS, "dashboard.png"), fullPage: true });
    const styleError = await page.getByText(/style compilation failed|css error occured/i).count();
    check("the backend styles compiled", styleError === 0, styleError ? "Odoo shows its style-error banner" : "");
    check("dashboard lists the pending suggestions", count === stack.seeded.pending, `${count} rows, ${stack.seeded.pending} pending in the database`);
    const badge = await page.locator(".o_ai_bookkeeping_confidence").first().textContent().catch(() => null);
    check("rows show a confidence badge", Boolean(badge && /%/.test(badge)), badge ?? "none");
    // The statement line list with its AI column, in the real web client.
    await page.goto(`${stack.url}/odoo/action-ai_bookkeeping.account_bank_statement_line_action`);
    await page.locator(".o_data_row").first().waitFor({ timeout: 20000 }).catch(() => {});
    await page.screenshot({ path: path.join(ARTIFACTS, "bank_transactions.png"), fullPage: true });
    check("bank transactions list shows AI status", (await page.locator(".o_data_row").count()) === stack.seeded.lines);

    // Entry point from the accounting dashboard: the bank journal card links to its queue.
    await page.goto(`${stack.url}/odoo/action-account.open_account_journal_dashboard_kanban`);
    const journalButton = page.locator(".o_ai_bookkeeping_journal_review").first();
    await journalButton.waitFor({ timeout: 20000 }).catch(() => {});
    await page.screenshot({ path: path.join(ARTIFACTS, "journal_dashboard.png") });
    const buttonText = ((await journalButton.textContent().catch(() => "")) ?? "").replace(/\s+/g, " ").trim();
    check("bank journal card links to the AI review", buttonText.includes(String(stack.seeded.pending)), buttonText);
    await journalButton.click().catch(() => {});
    await rows.first().waitFor({ timeout: 20000 }).catch(() => {});
    const journalFilter = await page.locator(".o_ai_bookkeeping_filters select").nth(1).inputValue().catch(() => "");
    check("the queue opens filtered on that journal", journalFilter !== "" && (await rows.count()) === stack.seeded.pending, `journal filter ${journalFilter}`);

    // Filter: the search box narrows the queue on the server.
    await page.goto(`${stack.url}/odoo/action-ai_bookkeeping.ai_review_dashboard_action`);
    await rows.first().waitFor({ timeout: 30000 });
    await page.fill(".o_ai_bookkeeping_filters input[type=search], .o_ai_bookkeeping_filters input[placeholder^='Search']", "ACME");
    await page.waitForFunction((n) => document.querySelectorAll(".o_ai_bookkeeping_row").length === n, stack.seeded.pending / 5, { timeout: 15000 }).catch(() => {});
    check("search filters the queue", (await rows.count()) === stack.seeded.pending / 5, `${await rows.count()} rows for ACME`);
    await page.click("text=Clear filters");
    await page.waitForFunction((n) => document.querySelectorAll(".o_ai_bookkeeping_row").length === n, stack.seeded.pending, { timeout: 15000 }).catch(() => {});

    // Group by partner: a header's count is the database's count for that partner; opening it shows its rows.
    await page.selectOption(".o_ai_bookkeeping_group_by", "partner");
    const groupHeader = page.locator(".o_ai_bookkeeping_group_header").first();
    await groupHeader.waitFor({ timeout: 15000 }).catch(() => {});
    const groupLabel = ((await groupHeader.locator(".o_ai_bookkeeping_group_label").textContent().catch(() => "")) ?? "").trim();
    const groupCount = Number(await groupHeader.locator(".o_ai_bookkeeping_group_count").textContent().catch(() => "-1"));
    const dbGroupCount = Number(sql(stack.db, `select count(*) from ai_reconciliation_suggestion s join res_partner p on p.id = s.partner_id
        where s.state = 'pending' and s.rank = 1 and p.name = '${groupLabel.replace(/'/g, "''")}'`));
    check("group by partner: header count is the database count", groupLabel !== "" && groupCount === dbGroupCount && dbGroupCount > 0,
      `${groupLabel}: ${groupCount} shown, ${dbGroupCount} in the database, ${await page.locator(".o_ai_bookkeeping_group_header").count()} groups`);
    await groupHeader.locator(".o_ai_bookkeeping_group_toggle").click().catch(() => {});
    await page.waitForFunction((n) => document.querySelectorAll(".o_ai_bookkeeping_row").length === n, groupCount, { timeout: 15000 }).catch(() => {});
    await page.screenshot({ path: path.join(ARTIFACTS, "grouped_by_partner.png"), fullPage: true });
    const expanded = await groupHeader.locator(".o_ai_bookkeeping_group_toggle").getAttribute("aria-expanded").catch(() => null);
    const partnersShown = await rows.locator(".o_ai_bookkeeping_proposal_partner").allTextContents().catch(() => []);
    check("opening a group shows its rows", expanded === "true" && (await rows.count()) === groupCount
      && partnersShown.length === groupCount && partnersShown.every((p) => p === groupLabel), `${await rows.count()} rows, aria-expanded ${expanded}`);
    await page.selectOption(".o_ai_bookkeeping_group_by", "");
    await page.waitForFunction((n) => document.querySelectorAll(".o_ai_bookkeeping_row").length === n, stack.seeded.pending, { timeout: 15000 }).catch(() => {});

    // Bulk: select all ≥ 95 %, approve with the confirmation, watch the queue empty.
    await page.selectOption(".o_ai_bookkeeping_threshold", { index: 0 }).catch(() => {});
    await page.click(".o_ai_bookkeeping_select_above");
    const summary = await page.locator(".o_ai_bookkeeping_selection_summary").textContent();
    await page.click(".o_ai_bookkeeping_bulk_approve");
    const dialog = page.locator(".modal-dialog");
    await dialog.waitFor({ timeout: 10000 });
    const dialogText = (await dialog.textContent()) ?? "";
    await page.screenshot({ path: path.join(ARTIFACTS, "bulk_confirm.png") });
    check("confirmation shows count and total", dialogText.includes(String(stack.seeded.pending)) && /\$|USD|EUR/.test(dialogText), dialogText.replace(/\s+/g, " ").slice(0, 160));
    await dialog.locator("button.btn-primary").click();
    await page.waitForFunction(() => document.querySelectorAll(".o_ai_bookkeeping_row").length === 0, null, { timeout: 120000 }).catch(() => {});
    await page.screenshot({ path: path.join(ARTIFACTS, "after_bulk_approve.png"), fullPage: true });
    check("bulk approve empties the queue", (await rows.count()) === 0, `selection: ${summary}`);
    const paid = sql(stack.db, "select count(*) from account_move where move_type='out_invoice' and payment_state='paid'");
    const reconciled = sql(stack.db, "select count(*) from account_bank_statement_line where is_reconciled");
    check(`${stack.seeded.pending} invoices paid in the database`, Number(paid) === stack.seeded.pending && Number(reconciled) === stack.seeded.pending, `paid ${paid}, reconciled lines ${reconciled}`);

    // Revert one from its form: the invoice is open again.
    const [suggestionId, invoiceId] = sql(stack.db, `select s.id, m.id from ai_reconciliation_suggestion s
        join ai_reconciliation_suggestion_move_line_rel r on r.suggestion_id = s.id
        join account_move_line l on l.id = r.move_line_id join account_move m on m.id = l.move_id
        where s.state = 'applied' order by s.id limit 1`).split("|");
    await page.goto(`${stack.url}/odoo/action-ai_bookkeeping.ai_reconciliation_suggestion_action/${suggestionId}`);
    await page.click("button[name=action_revert]");
    await page.locator(".modal-dialog button.btn-primary").click();
    await page.locator(".o_statusbar_status button.o_arrow_button_current:has-text('Reverted')").waitFor({ timeout: 20000 }).catch(() => {});
    await page.screenshot({ path: path.join(ARTIFACTS, "reverted.png"), fullPage: true });
    const state = sql(stack.db, `select payment_state || '|' || amount_residual || '|' || amount_total from account_move where id = ${invoiceId}`);
    const [paymentState, residual, total] = state.split("|");
    check("revert reopens the invoice", paymentState === "not_paid" && Number(residual) === Number(total), state);

    // Governance screens: the entries the approvals wrote are flagged, the audit log lists them, rules and settings open.
    const flagged = sql(stack.db, "select count(*) from account_move where ai_generated");
    check("entries written by approvals are flagged AI-generated, the reverted one is not", Number(flagged) === stack.seeded.pending - 1, `${flagged} flagged`);
    await page.goto(`${stack.url}/odoo/action-account.action_move_journal_line`);
    await page.locator(".o_searchview_input").waitFor({ timeout: 30000 });
    await page.click(".o_searchview_dropdown_toggler");
    await page.click(".o-dropdown-item:has-text('AI-generated'), .o_menu_item:has-text('AI-generated')");
    await page.waitForFunction((n) => document.querySelectorAll(".o_data_row").length === n, stack.seeded.pending - 1, { timeout: 30000 }).catch(() => {});
    await page.screenshot({ path: path.join(ARTIFACTS, "journal_entries_ai_generated.png"), fullPage: true });
    check("journal entries filter AI-generated", (await page.locator(".o_data_row").count()) === stack.seeded.pending - 1, `${await page.locator(".o_data_row").count()} rows`);
    await page.goto(`${stack.url}/odoo/action-ai_bookkeeping.ai_audit_log_action`);
    await page.locator(".o_data_row").first().waitFor({ timeout: 30000 }).catch(() => {});
    await page.screenshot({ path: path.join(ARTIFACTS, "audit_log.png"), fullPage: true });
    const logged = sql(stack.db, "select count(*) from ai_audit_log where event in ('applied', 'reverted')");
    check("audit log lists the applications and the revert", Number(logged) === stack.seeded.pending + 1 && (await page.locator(".o_data_row").count()) > 0, `${logged} applied/reverted rows`);
    await page.goto(`${stack.url}/odoo/action-ai_bookkeeping.ai_approval_rule_action/new`);
    await page.locator(".o_form_view").waitFor({ timeout: 30000 }).catch(() => {});
    await page.screenshot({ path: path.join(ARTIFACTS, "approval_rule_form.png"), fullPage: true });
    check("approval rule form opens", (await page.locator(".o_form_view").count()) > 0);
    await page.goto(`${stack.url}/odoo/settings#account`);
    const phase = page.locator("#account_settings, .app_settings_block").locator("text=Rollout phase").first();
    await phase.waitFor({ timeout: 30000 }).catch(() => {});
    await phase.scrollIntoViewIfNeeded().catch(() => {});
    await page.screenshot({ path: path.join(ARTIFACTS, "settings_governance.png") });
    check("settings show the rollout phase", await phase.isVisible().catch(() => false));

    // Anomalies have their own panel: one finding shows with its detector, score, vendor and amount, and is dismissed.
    const anomalyMade = spawnSync(odooPython(), odooArgs(findOdoo().src, stack.db, ["shell", "--no-http", "--log-level=warn"]), {
      input: `p = env["res.partner"].create({"name": "Acme Anomaly Supplies"})\ns = env["ai.suggestion"].create({"name": "Duplicate payment to Acme?", "kind": "anomaly", "confidence": 0.91, "explanation": "Same amount paid twice in March", "anomaly_detector": "duplicate_payment", "anomaly_dedup_key": "browser:1", "anomaly_partner_id": p.id, "anomaly_amount": 1234.5})\nenv.cr.commit()\nprint("ANOMALY", s.id)\n`,
      env: odooEnv(), encoding: "utf8" });
    const anomalyId = (anomalyMade.stdout.match(/ANOMALY (\d+)/) ?? [])[1];
    await page.goto(`${stack.url}/odoo/action-ai_bookkeeping.ai_review_dashboard_action`);
    await page.locator(".o_ai_bookkeeping_anomalies_row").first().waitFor({ timeout: 30000 }).catch(() => {});
    await page.locator(".o_ai_bookkeeping_anomalies").scrollIntoViewIfNeeded().catch(() => {});
    await page.screenshot({ path: path.join(ARTIFACTS, "anomaly_panel.png"), fullPage: true });
    const anomalyTitle = (await page.locator(".o_ai_bookkeeping_anomalies_title").textContent().catch(() => "")) ?? "";
    const anomalyText = anomalyTitle + " " + ((await page.locator(".o_ai_bookkeeping_anomalies_row").first().textContent().catch(() => "")) ?? "").replace(/\s+/g, " ");
    const anomalyInOthers = await page.locator(".o_ai_bookkeeping_other").count();
    check("anomaly panel: lists the finding with detector, score, reason and vendor, not in Other suggestions",
      anomalyText.includes("Anomalies (1)") && anomalyText.includes("Invoice paid twice") && anomalyText.includes("91%")
        && anomalyText.includes("Same amount paid twice in March") && anomalyText.includes("Acme Anomaly Supplies") && anomalyInOthers === 0,
      `${anomalyText.slice(0, 160)} (other panels: ${anomalyInOthers})`);
    await page.locator(".o_ai_bookkeeping_anomalies_select").first().check().catch(() => {});
    await page.locator(".o_ai_bookkeeping_anomalies_dismiss").click().catch(() => {});
    await page.locator(".o_ai_bookkeeping_reject_reason").fill("known double debit, refunded").catch(() => {});
    await page.locator(".o_ai_bookkeeping_reject_confirm").click().catch(() => {});
    await page.locator(".o_ai_bookkeeping_anomalies").waitFor({ state: "detached", timeout: 15000 }).catch(() => {});
    const anomalyState = anomalyId ? sql(stack.db, `select state || '|' || coalesce(reject_reason, '') from ai_suggestion where id = ${Number(anomalyId)}`) : "not created";
    check("anomaly panel: dismissed from it with the reason", anomalyState === "rejected|known double debit, refunded", anomalyState);

    // A duplicate still in draft: "Cancel the duplicate" on its row cancels the bill through the approval flow.
    const duplicateMade = spawnSync(odooPython(), odooArgs(findOdoo().src, stack.db, ["shell", "--no-http", "--log-level=warn"]), {
      input: `p = env["res.partner"].create({"name": "Acme Duplicate Supplies"})\nb = env["account.move"].create({"move_type": "in_invoice", "partner_id": p.id, "invoice_date": "2026-03-02", "invoice_line_ids": [(0, 0, {"name": "Toner", "quantity": 1, "price_unit": 640.0})]})\ns = env["ai.suggestion"].create({"name": "Duplicate bill from Acme?", "kind": "anomaly", "confidence": 0.88, "explanation": "Same amount as ACME-17, two days earlier", "anomaly_detector": "duplicate_bill", "anomaly_dedup_key": "browser:2", "anomaly_partner_id": p.id, "anomaly_amount": 640.0, "anomaly_move_id": b.id, "res_model": "account.move", "res_id": b.id})\nenv.cr.commit()\nprint("DUPLICATE", s.id, b.id)\n`,
      env: odooEnv(), encoding: "utf8" });
    const [, duplicateId, duplicateBillId] = duplicateMade.stdout.match(/DUPLICATE (\d+) (\d+)/) ?? [];
    await page.goto(`${stack.url}/odoo/action-ai_bookkeeping.ai_review_dashboard_action`);
    const cancelButton = page.locator(".o_ai_bookkeeping_anomalies_row_cancel").first();
    await cancelButton.waitFor({ timeout: 30000 }).catch(() => {});
    await page.locator(".o_ai_bookkeeping_anomalies").scrollIntoViewIfNeeded().catch(() => {});
    await page.screenshot({ path: path.join(ARTIFACTS, "anomaly_panel_duplicate.png"), fullPage: true });
    await cancelButton.click().catch(() => {});
    await page.locator(".o_ai_bookkeeping_anomalies").waitFor({ state: "detached", timeout: 15000 }).catch(() => {});
    const duplicateState = duplicateId
      ? sql(stack.db, `select s.state || '|' || coalesce(s.anomaly_resolution, '') || '|' || m.state from ai_suggestion s join account_move m on m.id = ${Number(duplicateBillId)} where s.id = ${Number(duplicateId)}`)
      : "not created";
    check("anomaly panel: Cancel the duplicate cancels the draft bill and records the resolution",
      duplicateState === "applied|cancel_duplicate|cancel", duplicateState);

    // Other suggestion kinds: an expense shows in its own section of the queue and is approved from there.
    const made = spawnSync(odooPython(), odooArgs(findOdoo().src, stack.db, ["shell", "--no-http", "--log-level=warn"]), {
      input: `s = env["ai.suggestion"].create({"name": "Taxi receipt to book?", "kind": "expense", "confidence": 0.91, "explanation": "Receipt from the mailbox"})\nenv.cr.commit()\nprint("OTHER", s.id)\n`,
      env: odooEnv(), encoding: "utf8" });
    const otherId = (made.stdout.match(/OTHER (\d+)/) ?? [])[1];
    await page.goto(`${stack.url}/odoo/action-ai_bookkeeping.ai_review_dashboard_action`);
    const otherToggle = page.locator(".o_ai_bookkeeping_other_toggle");
    await otherToggle.waitFor({ timeout: 30000 }).catch(() => {});
    await otherToggle.click().catch(() => {});
    await page.locator(".o_ai_bookkeeping_other_row").first().waitFor({ timeout: 15000 }).catch(() => {});
    await page.screenshot({ path: path.join(ARTIFACTS, "other_suggestions.png"), fullPage: true });
    const otherText = ((await page.locator(".o_ai_bookkeeping_other").textContent().catch(() => "")) ?? "").replace(/\s+/g, " ");
    await page.locator(".o_ai_bookkeeping_other_approve").first().click().catch(() => {});
    await page.locator(".o_ai_bookkeeping_other").waitFor({ state: "detached", timeout: 15000 }).catch(() => {});
    const otherState = otherId ? sql(stack.db, `select state from ai_suggestion where id = ${Number(otherId)}`) : "not created";
    check("other suggestions: listed in their own section and approved from it",
      otherText.includes("Other suggestions (1)") && otherText.includes("Taxi receipt to book?") && ["approved", "applied"].includes(otherState),
      `${otherText.slice(0, 80)} → ${otherState}`);

    check("no console error", consoleErrors.length === 0, consoleErrors.slice(0, 3).join(" | "));
    const serverErrors = serverLogErrors(stack.serverLog());
    check("no server error in the log", serverErrors.length === 0, serverErrors[0]?.split("\n")[0] ?? "");
  } finally {
    await browser.close();
    writeFileSync(path.join(ARTIFACTS, "odoo-server.log"), stack.serverLog());
    stack.stop();
  }
  const failed = checks.filter((c) => !c.ok).length;
  return { failed: failed > 0, summary: `browser: ${checks.length - failed} passed, ${failed} failed (screenshots in .artifacts/)` };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runBrowserTests();
  console.log(r.skipped ?? r.summary);
  process.exit(r.failed ? 1 : 0);
}
