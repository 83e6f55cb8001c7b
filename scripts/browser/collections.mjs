// Browser test of collections against a real Odoo (same stack as scripts/browser_tests.mjs): three customers with
// overdue invoices (one of them disputed only), the day's run through the real endpoint, the aged receivables
// grouped by customer, the payment reminders list, bulk approval from its header button, the reminder's form.
// Checked in PostgreSQL (states, queued mails, levels on the invoices). Screenshots in .artifacts/collections_*.png.
//   node scripts/browser/collections.mjs
import { odooShell, runBrowserSuite, runWhenMain, sql } from "./lib.mjs";

const SEED = `
from datetime import timedelta
from odoo import Command, fields
today = fields.Date.context_today(env["res.partner"])
term = env.ref("account.account_payment_term_30days")
specs = [("Browser Customer A", 1200.0, 10), ("Browser Customer A", 300.0, 45), ("Browser Customer B", 640.0, 12),
         ("Browser Customer C", 999.0, 20)]
partners = {}
for name, amount, overdue in specs:
    partner = partners.get(name) or env["res.partner"].create({"name": name, "email": name.lower().replace(" ", ".") + "@example.com"})
    partners[name] = partner
    move = env["account.move"].create({"move_type": "out_invoice", "partner_id": partner.id,
        "invoice_date": today - timedelta(days=overdue + 30), "invoice_payment_term_id": term.id,
        "invoice_line_ids": [Command.create({"name": "Services", "price_unit": amount, "tax_ids": [Command.clear()]})]})
    move.action_post()
    if name == "Browser Customer C":
        move.ai_collection_dispute = True
result = env["ai.collection.planner"]._propose_company(env.company)
env.cr.commit()
print("PROPOSED", len(result["suggestions"]), "SKIPPED", len(result["skips"]))
`;

export function runCollectionsBrowserTest() {
  return runBrowserSuite({ title: "collections", prefix: "collections" }, async ({ page, stack, check, shot }) => {
    const proposed = odooShell(stack.db, SEED, /PROPOSED \d+/).match(/PROPOSED (\d+) SKIPPED (\d+)/);
    check("the run proposes two reminders and skips the disputed customer", proposed[1] === "2" && proposed[2] === "1", proposed[0]);

    await page.goto(`${stack.url}/odoo/action-ai_bookkeeping.ai_collection_aging_action`);
    const groups = page.locator(".o_group_header");
    await groups.first().waitFor({ timeout: 90000 });
    const customerA = groups.filter({ hasText: "Browser Customer A" });
    check("the aging is grouped by customer", (await customerA.count()) === 1);
    await customerA.click();
    await page.locator(".o_data_row").first().waitFor({ timeout: 20000 });
    await shot(page, "aging");
    check("a customer's group drills down to its invoices", (await page.locator(".o_data_row").count()) === 2);
    const headerText = (await page.locator("thead").first().textContent()) ?? "";
    check("the buckets are columns", ["Not due", "1–30", "31–60", "61–90", "> 90"].every((b) => headerText.includes(b)), headerText.slice(0, 120));

    await page.goto(`${stack.url}/odoo/action-ai_bookkeeping.ai_suggestion_collection_action`);
    const rows = page.locator(".o_data_row");
    await rows.first().waitFor({ timeout: 90000 });
    await shot(page, "reminders");
    check("the reminders to review are listed", (await rows.count()) === 2, `${await rows.count()} rows`);
    await page.locator("thead .o_list_record_selector input").check();
    const approve = page.getByRole("button", { name: "Approve and send" });
    await approve.first().waitFor({ timeout: 20000 });
    await shot(page, "selected");
    await approve.first().click();
    // Each reminder renders its statement (wkhtmltopdf when installed): wait for the states, not a fixed time.
    let applied = "0";
    for (let i = 0; i < 60 && applied !== "2"; i++) {
      await page.waitForTimeout(1000);
      applied = sql(stack.db, "select count(*) from ai_suggestion where kind = 'collection' and state = 'applied'");
    }
    await page.waitForTimeout(1000);
    await shot(page, "approved");
    check("both reminders are approved and sent", applied === "2", `${applied} applied`);
    const mails = sql(stack.db, `select count(*) from mail_mail m join mail_mail_res_partner_rel r on r.mail_mail_id = m.id
      join res_partner p on p.id = r.res_partner_id where p.name like 'Browser Customer %' and m.state = 'outgoing'`);
    check("two e-mails wait in Odoo's mail queue", mails === "2", `${mails} queued`);
    const levels = sql(stack.db, `select count(*) from account_move where ai_collection_level_id is not null
      and partner_id in (select id from res_partner where name like 'Browser Customer %')`);
    check("the level reached is recorded on the three chased invoices", levels === "3", `${levels} invoices`);
    const id = sql(stack.db, "select id from ai_suggestion where kind = 'collection' order by id limit 1");
    await page.goto(`${stack.url}/odoo/action-ai_bookkeeping.ai_suggestion_collection_action/${id}`);
    await page.locator(".o_ai_bookkeeping_collection_body, .o_field_widget[name=collection_body]").first().waitFor({ timeout: 60000 });
    await shot(page, "reminder_form");
    check("the sent reminder shows its message", ((await page.locator(".o_field_widget[name=collection_body]").textContent()) ?? "").includes("Dear"));
  });
}

await runWhenMain(import.meta, runCollectionsBrowserTest);
