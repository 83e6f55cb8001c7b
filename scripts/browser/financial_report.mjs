// Browser test of the financial reports client action against a real Odoo (same stack as scripts/browser_tests.mjs):
// sales in October and November 2026 (one customer doubling), a bill; the reports of November (the default: last
// month), figures and narrative shown, the three tabs with their charts, a drill-down from the revenue figure to its
// journal items. Screenshots in .artifacts/financial_report_*.png.
//   node scripts/browser/financial_report.mjs
import { odooShell, runBrowserSuite, runWhenMain } from "./lib.mjs";

const SEED = `
from odoo import Command
company = env.company
revenue = env["account.account"].search([("account_type", "=", "income"), ("company_ids", "in", company.id)], limit=1)
expense = env["account.account"].search([("account_type", "=", "expense"), ("company_ids", "in", company.id)], limit=1)
customer = env["res.partner"].create({"name": "Northwind Traders"})
other = env["res.partner"].create({"name": "Blue Sky Retail"})
def sale(partner, day, amount):
    env["account.move"].create({"move_type": "out_invoice", "partner_id": partner.id, "invoice_date": day, "date": day,
        "invoice_line_ids": [Command.create({"name": "Consulting", "price_unit": amount, "account_id": revenue.id,
                                             "tax_ids": [Command.clear()]})]}).action_post()
sale(customer, "2026-10-10", 4000.0); sale(other, "2026-10-12", 3000.0)
sale(customer, "2026-11-10", 8000.0); sale(other, "2026-11-12", 3000.0)
vendor = env["res.partner"].create({"name": "Rapid Travel"})
env["account.move"].create({"move_type": "in_invoice", "partner_id": vendor.id, "invoice_date": "2026-11-15",
    "date": "2026-11-15", "invoice_line_ids": [Command.create({"name": "Trip", "price_unit": 900.0,
    "account_id": expense.id, "tax_ids": [Command.clear()]})]}).action_post()
env.cr.commit()
print("SEEDED")
`;

export function runFinancialReportBrowserTest() {
  return runBrowserSuite({ title: "financial reports", prefix: "financial_report" }, async ({ page, stack, check, shot, consoleErrors }) => {
    odooShell(stack.db, SEED, /SEEDED/);

    await page.goto(`${stack.url}/odoo/action-ai_bookkeeping.financial_report_action`);
    const table = page.locator(".o_ai_bookkeeping_fr_table");
    await table.waitFor({ timeout: 120000 }).catch(async (err) => {
      await shot(page, "failure");
      throw new Error(`the reports did not show (console: ${consoleErrors.slice(0, 3).join(" | ")}): ${err}`);
    });
    await shot(page, "pnl");
    const tableText = (await table.textContent()) ?? "";
    check("the profit and loss shows revenue and net profit", /Revenue/.test(tableText) && /Net profit/.test(tableText));
    const revenueFigure = page.locator('.o_ai_bookkeeping_fr_figure[data-row="revenue"][data-column="current"]');
    const revenueText = ((await revenueFigure.textContent()) ?? "").trim();
    check("the revenue of November is 11,000.00", /11,000\.00/.test(revenueText), revenueText);
    const headers = await table.locator("thead th").allTextContents();
    check("with the comparison columns", headers.includes("Previous period") && headers.includes("Same period last year"), headers.join(" | "));
    const narrative = ((await page.locator(".o_ai_bookkeeping_fr_narrative").textContent()) ?? "").replace(/\s+/g, " ");
    check("the narrative explains the rise by the customer", /Revenue rose/.test(narrative) && /Northwind Traders/.test(narrative), narrative.slice(0, 200));
    check("the chart draws revenue, expenses and margin", (await page.locator(".o_ai_bookkeeping_fr_series").count()) === 3);

    await page.locator(".o_ai_bookkeeping_fr_tab_balance_sheet").click();
    await page.getByText("Total liabilities and equity").waitFor({ timeout: 20000 });
    await shot(page, "balance_sheet");
    check("the balance sheet has one cash line in its chart", (await page.locator(".o_ai_bookkeeping_fr_series").count()) === 1);
    await page.locator(".o_ai_bookkeeping_fr_tab_cash_flow").click();
    await page.getByText("Net change in cash").waitFor({ timeout: 20000 });
    await shot(page, "cash_flow");
    check("the cash flow shows", true);

    await page.locator(".o_ai_bookkeeping_fr_tab_pnl").click();
    await revenueFigure.click();
    // The journal items open grouped by account: one group, the two sales of November.
    const group = page.locator(".o_group_header").first();
    await group.waitFor({ timeout: 60000 }).catch(() => {});
    await shot(page, "drill_down");
    const groupText = ((await group.textContent().catch(() => "")) ?? "").replace(/\s+/g, " ");
    const breadcrumb = (await page.locator(".o_breadcrumb").textContent().catch(() => "")) ?? "";
    check("the revenue figure opens its journal items", /\(2\)/.test(groupText) && /11,000\.00/.test(groupText)
      && /Journal items: Revenue/.test(breadcrumb), `${groupText.trim()} | ${breadcrumb.trim()}`);
  });
}

await runWhenMain(import.meta, runFinancialReportBrowserTest);
