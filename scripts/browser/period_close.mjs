// Browser test of the period close screen against a real Odoo (same stack as scripts/browser_tests.mjs): a close of
// November 2026 with planted items (a draft entry, the seeded unreconciled bank lines, a recurring vendor bill
// missing), its checklist table with counts and buttons, the lock refused while blocking items are open, items
// accepted with a note through the list, adjusting entries proposed (an accrual, the deferral of a yearly bill), the
// lock wizard (tax lock only), the close locked with its close pack, then reopened with a reason (lock history).
// Checked in PostgreSQL. Screenshots in .artifacts/period_close_*.png.
//   node scripts/browser/period_close.mjs
import { writeFileSync } from "node:fs";
import path from "node:path";
import { ARTIFACTS } from "../browser_tests.mjs";
import { odooShell, runBrowserSuite, runWhenMain, sql } from "./lib.mjs";

const SEED = `
from odoo import Command
company = env.company
expense = env["account.account"].search([("account_type", "=", "expense"), ("company_ids", "in", company.id)], limit=1)
revenue = env["account.account"].search([("account_type", "=", "income"), ("company_ids", "in", company.id)], limit=1)
misc = env["account.journal"].search([("type", "=", "general"), ("company_id", "=", company.id)], limit=1)
company.ai_close_accrual_account_id = env["account.account"].create(
    {"name": "Accrued liabilities", "code": "408100", "account_type": "liability_current"})
vendor = env["res.partner"].create({"name": "Monthly Hosting Ltd"})
for day, amount in (("2026-08-14", 100.0), ("2026-09-14", 120.0), ("2026-10-14", 110.0)):
    env["account.move"].create({"move_type": "in_invoice", "partner_id": vendor.id, "invoice_date": day, "date": day,
        "invoice_line_ids": [Command.create({"name": "Hosting", "price_unit": amount, "account_id": expense.id,
                                             "tax_ids": [Command.clear()]})]}).action_post()
company.ai_close_prepaid_account_id = env["account.account"].create(
    {"name": "Prepaid expenses", "code": "486100", "account_type": "asset_prepayments"})
insurer = env["res.partner"].create({"name": "Yearly Insurance AG"})
env["account.move"].create({"move_type": "in_invoice", "partner_id": insurer.id, "invoice_date": "2026-11-05",
    "date": "2026-11-05", "invoice_line_ids": [Command.create({"name": "Insurance 01.11.2026 - 31.10.2027",
    "price_unit": 1200.0, "account_id": expense.id, "tax_ids": [Command.clear()]})]}).action_post()
env["account.move"].create({"move_type": "entry", "journal_id": misc.id, "date": "2026-11-20", "line_ids": [
    Command.create({"account_id": expense.id, "debit": 75.0, "name": "draft"}),
    Command.create({"account_id": revenue.id, "credit": 75.0, "name": "draft"})]})
close = env["ai.period.close"].create({"date_from": "2026-11-01", "date_to": "2026-11-30"})
env.cr.commit()
print("CLOSE", close.id)
`;

export function runPeriodCloseBrowserTest() {
  return runBrowserSuite({ title: "period close", prefix: "period_close", viewport: { width: 1400, height: 1000 },
    expectedServerError: /cannot be locked while blocking items/ }, async ({ page, stack, check, shot, consoleErrors }) => {
    const closeId = odooShell(stack.db, SEED, /CLOSE \d+/).match(/CLOSE (\d+)/)[1];

    await page.goto(`${stack.url}/odoo/action-ai_bookkeeping.ai_period_close_action`);
    await page.locator(".o_data_row").first().waitFor({ timeout: 90000 });
    await shot(page, "list");
    check("the list shows the close", (await page.locator(".o_data_row").count()) === 1);
    await page.goto(`${stack.url}/odoo/action-ai_bookkeeping.ai_period_close_action/${closeId}`);
    const items = page.locator(".o_field_widget[name=item_ids] .o_data_row");
    await items.first().waitFor({ timeout: 90000 }).catch(async (err) => {
      await shot(page, "failure");
      throw new Error(`the close form did not show its checklist (console: ${consoleErrors.slice(0, 3).join(" | ")}): ${err}`);
    });
    const row = (label) => items.filter({ hasText: label });
    const count = async (label) => ((await row(label).locator("td[name=count]").textContent()) ?? "").trim();
    await shot(page, "form");
    check("the checklist lists every item", (await items.count()) === 14, `${await items.count()} rows`);
    check("the tax period is open until the tax lock reaches the period end", (await count("Tax report period not closed")) === "1");
    check("the draft entry is found", (await count("Draft journal entries")) === "1");
    check("the seeded bank lines are found", (await count("Bank transactions not reconciled")) === String(stack.seeded.lines));
    check("the missing recurring bill is found", (await count("Recurring vendor bills expected but missing")) === "1");
    check("each item with something to do has its drill-down button",
      (await row("Draft journal entries").locator("button[name=action_open_records]").count()) === 1);

    // Locking with blocking items open is refused, with the items named.
    await page.locator("button[name=action_open_lock_wizard]").click();
    const dialog = page.locator(".modal-dialog").last();
    await dialog.locator("button[name=action_lock]").waitFor({ timeout: 20000 });
    await shot(page, "lock_wizard");
    await dialog.locator("button[name=action_lock]").click();
    const error = page.getByText("cannot be locked while blocking items are open");
    await error.first().waitFor({ timeout: 20000 }).catch(() => {});
    await shot(page, "lock_refused");
    check("the lock is refused while blocking items are open", (await error.count()) > 0);
    // Close the error, then the wizard: one Escape each, waiting for each dialog to go (a busy machine is slow).
    for (let open = await page.locator(".modal-dialog").count(); open > 0; open--) {
      await page.keyboard.press("Escape");
      await page.locator(".modal-dialog").nth(open - 1).waitFor({ state: "detached", timeout: 20000 });
    }

    // Accept the three blocking items with a note, in the list.
    for (const label of ["Draft journal entries", "Bank transactions not reconciled", "Balance left on the bank suspense"]) {
      const note = row(label).locator("td[name=note] textarea, td[name=note] input").first();
      // The first click may only focus the row while the form settles after the dialogs: click until it edits.
      // Under load (the suite beside a bench, load 4) five tries were seen not to be enough: eight, then 10 s.
      for (let attempt = 0; attempt < 8 && !(await note.isVisible()); attempt++) {
        await row(label).locator("td[name=note]").click();
        await note.waitFor({ timeout: 3000 }).catch(() => {});
      }
      await note.waitFor({ timeout: 10000 }).catch(async (err) => {
        await shot(page, "note_not_editable");
        const dialogs = await page.locator(".modal-dialog").allTextContents();
        throw new Error(`the note of "${label}" did not open for editing (dialogs: ${dialogs.join(" | ").slice(0, 300)}): ${err}`);
      });
      await note.fill(`Checked: ${label}`);
      // Save the note before the button reads it: on a loaded machine the click can otherwise outrun the edit.
      await page.locator(".o_form_button_save").click();
      await page.locator(".o_form_button_save").waitFor({ state: "hidden", timeout: 20000 }).catch(() => {});
      await row(label).locator("button[name=action_accept]").click();
      await row(label).locator("td[name=status]").getByText("Accepted").waitFor({ timeout: 20000 }).catch(() => {});
    }
    await shot(page, "accepted");
    const accepted = sql(stack.db, `select count(*) from ai_period_close_item where close_id = ${closeId} and decision = 'accepted'`);
    check("three items accepted with their notes", accepted === "3", `${accepted} accepted`);

    await page.locator("button[name=action_propose_adjusting_entries]").click();
    await page.waitForTimeout(1500);
    const proposed = (type) => sql(stack.db, `select proposed_values->>'amount' from ai_suggestion where kind = 'adjusting_entry' and res_id = ${closeId} and proposed_values->>'type' = '${type}'`);
    check("an accrual is proposed at the vendor's median", proposed("accrual") === "110.0", proposed("accrual"));
    check("the yearly bill is deferred but its November month", proposed("deferral") === "1100.0", proposed("deferral"));
    await page.locator(".o_notebook .nav-link").getByText("Adjusting entries").click().catch(() => {});
    await page.locator(".o_field_widget[name=adjusting_suggestion_ids] .o_data_row").nth(1).waitFor({ timeout: 20000 }).catch(() => {});
    await shot(page, "adjusting");
    const adjustingRows = ((await page.locator(".o_field_widget[name=adjusting_suggestion_ids] .o_data_row").allTextContents()) ?? []).join(" ");
    check("the adjusting entries tab lists the accrual and the deferral", /Accrual/.test(adjustingRows) && /Deferral/.test(adjustingRows),
      adjustingRows.replace(/\s+/g, " ").slice(0, 160));
    await page.locator(".o_notebook .nav-link").getByText("Checklist").click().catch(() => {});

    // Lock: Odoo refuses the global lock over unreconciled bank lines, so lock the tax return date only.
    await page.locator("button[name=action_open_lock_wizard]").click();
    await dialog.locator("button[name=action_lock]").waitFor({ timeout: 20000 });
    for (const name of ["set_fiscalyear_lock", "set_sale_lock", "set_purchase_lock"]) {
      await dialog.locator(`div[name=${name}] input`).uncheck();
    }
    await dialog.locator("button[name=action_lock]").click();
    await page.locator(".o_statusbar_status button.o_arrow_button_current").getByText("Locked").waitFor({ timeout: 30000 }).catch(() => {});
    await page.locator(".o_notebook .nav-link").getByText("Lock record").click().catch(() => {});
    await shot(page, "locked");
    const locked = sql(stack.db, `select state || '|' || coalesce(length(period_digest), 0) || '|' || (close_pack_id is not null) from ai_period_close where id = ${closeId}`);
    const taxLock = sql(stack.db, "select tax_lock_date || '|' || coalesce(fiscalyear_lock_date::text, '') from res_company where id = (select company_id from ai_period_close limit 1)");
    check("the close is locked with its digest and close pack", locked === "locked|64|true", locked);
    check("only the tax lock date moved to the period end", taxLock === "2026-11-30|", taxLock);
    const packId = sql(stack.db, `select close_pack_id || '|' || mimetype from ai_period_close c join ir_attachment a on a.id = c.close_pack_id where c.id = ${closeId}`);
    const [attachmentId, mimetype] = packId.split("|");
    const pack = await page.request.get(`${stack.url}/web/content/${attachmentId}?download=true`);
    const packBody = await pack.body();
    const extension = mimetype === "application/pdf" ? "pdf" : "html";
    writeFileSync(path.join(ARTIFACTS, `period_close_pack.${extension}`), packBody);
    check("the close pack downloads from the close", pack.ok() && packBody.length > 1000
      && (extension === "html" || packBody.subarray(0, 4).toString() === "%PDF"), `${extension}, ${packBody.length} bytes`);

    // Reopen, as an administrator, with a reason: the tax lock goes back, the lock stays in the history.
    await page.locator("button[name=action_open_reopen_wizard]").click();
    await dialog.locator("div[name=reason] textarea").waitFor({ timeout: 20000 });
    await dialog.locator("div[name=reason] textarea").fill("Late credit note from the insurer");
    await dialog.locator("button[name=action_reopen]").click();
    await page.locator(".o_statusbar_status button.o_arrow_button_current").getByText("In progress").waitFor({ timeout: 30000 }).catch(() => {});
    await page.locator(".o_notebook .nav-link").getByText("Lock history").click().catch(() => {});
    await page.locator(".o_field_widget[name=lock_record_ids] .o_data_row").first().waitFor({ timeout: 20000 }).catch(() => {});
    await shot(page, "reopened");
    const reopened = sql(stack.db, `select c.state || '|' || coalesce(co.tax_lock_date::text, '') || '|' || r.reopen_reason || '|' || (r.close_pack_id is not null) from ai_period_close c join res_company co on co.id = c.company_id join ai_period_close_lock_record r on r.close_id = c.id where c.id = ${closeId}`);
    check("reopened with its reason: the tax lock back, the lock and its pack in the history",
      reopened === "in_progress||Late credit note from the insurer|true", reopened);
    const historyText = ((await page.locator(".o_field_widget[name=lock_record_ids] .o_data_row").first().textContent().catch(() => "")) ?? "");
    check("the lock history tab shows who reopened it and why", historyText.includes("Late credit note from the insurer"), historyText.replace(/\s+/g, " ").slice(0, 160));
  });
}

await runWhenMain(import.meta, runPeriodCloseBrowserTest);
