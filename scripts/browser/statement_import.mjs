// Browser test of the statement import wizard against a real Odoo (same stack as scripts/browser_tests.mjs):
// the bank journal's "Import file" button, upload of a real OFX file (../shared/data/statements/oca-ofx/test_ofx.ofx,
// USD like the test company), Import, the summary, the lines and their queue rows checked in PostgreSQL, the link to
// the review queue. Screenshots in .artifacts/statement_import_*.png. Without the shared folder it says it skipped.
//   node scripts/browser/statement_import.mjs
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ARTIFACTS } from "../browser_tests.mjs";
import { ROOT } from "../lib/odoo.mjs";
import { runBrowserSuite, runWhenMain, sql } from "./lib.mjs";

function sharedStatements() {
  const data = process.env.AI_BOOKKEEPING_SHARED_DATA
    ? path.resolve(process.env.AI_BOOKKEEPING_SHARED_DATA) : path.resolve(ROOT, "../shared/data");
  return path.join(data, "statements");
}

export async function runStatementImportBrowserTest() {
  const file = path.join(sharedStatements(), "oca-ofx/test_ofx.ofx");
  if (!existsSync(file)) return { skipped: `statement import browser test skipped: no real bank file at ${file} (set AI_BOOKKEEPING_SHARED_DATA)` };
  return runBrowserSuite({ title: "statement import", prefix: "statement_import", lines: 1,
    viewport: { width: 1280, height: 900 } }, async ({ page, stack, check, shot }) => {
    await page.goto(`${stack.url}/odoo/action-account.open_account_journal_dashboard_kanban`);
    const button = page.locator(".o_ai_bookkeeping_statement_import").first();
    await button.waitFor({ timeout: 30000 });
    await shot(page, "journal_card");
    check("the bank journal card has Import file", await button.isVisible());
    await button.click();
    const dialog = page.locator(".modal-dialog");
    await dialog.waitFor({ timeout: 20000 });
    await dialog.locator("input[type=file]").first().setInputFiles(file);
    await dialog.getByText("test_ofx.ofx").first().waitFor({ timeout: 20000 });
    await shot(page, "upload");
    await dialog.locator("button[name=action_import]").click();
    const summary = page.locator(".o_ai_bookkeeping_statement_import_summary");
    await summary.getByText("lines imported").waitFor({ timeout: 60000 }).catch(() => {});
    await shot(page, "summary");
    const text = ((await summary.textContent().catch(() => "")) ?? "").replace(/\s+/g, " ");
    check("the summary counts the lines and says suggestions are arriving",
      text.includes("4 lines imported, 0 already present; suggestions arriving."), text.slice(0, 160));
    const lines = sql(stack.db, "select count(*) from account_bank_statement_line where unique_import_id is not null");
    const queued = sql(stack.db, "select count(*) from ai_job q join account_bank_statement_line l on l.id = q.res_id and q.res_model = 'account.bank.statement.line' and q.workflow = 'reconciliation' where l.unique_import_id is not null");
    check("4 lines in the database, each queued for the AI", lines === "4" && queued === "4", `${lines} lines, ${queued} queued`);
    await page.locator(".modal-dialog button[name=action_open_review]").click();
    await page.locator(".o_ai_bookkeeping_filters").first().waitFor({ timeout: 30000 }).catch(() => {});
    check("the summary opens the review queue", (await page.locator(".o_ai_bookkeeping_filters").count()) > 0);

    // A CSV export: the mapping step, prefilled from the headers, then the import.
    const csv = path.join(ARTIFACTS, "statement_import_export.csv");
    writeFileSync(csv, "Buchungstag;Verwendungszweck;Empfänger;IBAN;Betrag\r\n05.11.2026;Miete November;Hausverwaltung Müller;" +
      "DE89370400440532013000;-1.250,00\r\n06.11.2026;INV 2026 0042;ACME SARL;FR1420041010050500013M02606;1.210,50\r\n");
    await page.goto(`${stack.url}/odoo/action-account.open_account_journal_dashboard_kanban`);
    await page.locator(".o_ai_bookkeeping_statement_import").first().click();
    await dialog.waitFor({ timeout: 20000 });
    await dialog.locator("input[type=file]").first().setInputFiles(csv);
    await dialog.getByText("statement_import_export.csv").first().waitFor({ timeout: 20000 });
    await dialog.locator("button[name=action_import]").click();
    const mapping = page.locator(".o_ai_bookkeeping_statement_import_mapping");
    await mapping.waitFor({ state: "visible", timeout: 30000 }).catch(() => {});
    await shot(page, "mapping");
    const dateColumn = await page.locator(".modal-dialog div[name=table_date_column] input").inputValue().catch(() => "");
    const amountColumn = await page.locator(".modal-dialog div[name=table_amount_column] input").inputValue().catch(() => "");
    check("the mapping step guesses the columns", dateColumn === "Buchungstag" && amountColumn === "Betrag", `${dateColumn} / ${amountColumn}`);
    await dialog.locator("button[name=action_import]").click();
    await summary.getByText("lines imported").waitFor({ timeout: 60000 }).catch(() => {});
    await shot(page, "csv_summary");
    const csvText = ((await summary.textContent().catch(() => "")) ?? "").replace(/\s+/g, " ");
    const amounts = sql(stack.db, "select string_agg(round(amount::numeric, 2)::text, ' ' order by id) from account_bank_statement_line where unique_import_id is not null and payment_ref in ('Miete November', 'INV 2026 0042')");
    check("the CSV rows are imported with the mapping", csvText.includes("2 lines imported, 0 already present") && amounts === "-1250.00 1210.50", `${csvText.slice(0, 80)} → ${amounts}`);
  });
}

await runWhenMain(import.meta, runStatementImportBrowserTest);
