"""Benchmark (not a test): a 12-month profit and loss (with balance sheet, cash flow, facts and narrative) over
200,000 journal items.

Run inside `odoo-bin shell` on a database with ai_bookkeeping installed (npm run bench does it on a throw-away
database):

    [BENCH_REPORT_LINES=200000] odoo-bin shell -d <db> --no-http < scripts/bench/financial_report.py

It posts one sale entry (receivable, revenue, expense, bank: 4 items) through the ORM and clones it by SQL
(INSERT … SELECT, so that the bench measures the report, not Odoo's posting) over the 24 months up to 2026-02,
spread over 300 customers, BENCH_REPORT_LINES items in the 12 months reported, then times ai.financial.report's
generation for March 2025 – February 2026 (target: under 5 s), prints one table row and rolls everything back.
"""
import os
import sys
import time

from odoo import Command
from odoo.tools import SQL

sys.path.insert(0, os.environ["BENCH_SCRIPTS"])
from odoo_rows import clone  # noqa: E402 - the folder is on the path from here

env = env  # noqa: F821 - provided by odoo-bin shell
LINES = int(os.environ.get("BENCH_REPORT_LINES", "200000"))
TARGET_SECONDS = 5.0
CUSTOMERS = 300
PERIOD = ("2025-03-01", "2026-02-28")
HISTORY_START = "2024-03-01"


def log(message):
    print("financial_report bench: %s" % message, flush=True)




company = env.company
if not env["account.account"].search_count([("company_ids", "in", company.ids)], limit=1):
    env["account.chart.template"].try_loading("generic_coa", company, install_demo=False)
misc = env["account.journal"].search([("company_id", "=", company.id), ("type", "=", "general")], limit=1)


def account(account_type):
    return env["account.account"].search([("company_ids", "in", company.ids), ("account_type", "=", account_type)],
                                         limit=1)


customers = env["res.partner"].create([{"name": "Bench customer %03d" % i} for i in range(CUSTOMERS)])
started = time.perf_counter()
entry = env["account.move"].create({
    "move_type": "entry", "journal_id": misc.id, "date": PERIOD[0], "partner_id": customers[0].id, "line_ids": [
        Command.create({"account_id": account("asset_receivable").id, "debit": 100.0, "name": "bench",
                        "partner_id": customers[0].id}),
        Command.create({"account_id": account("income").id, "credit": 100.0, "name": "bench",
                        "partner_id": customers[0].id}),
        Command.create({"account_id": account("expense").id, "debit": 40.0, "name": "bench"}),
        Command.create({"account_id": account("asset_cash").id, "credit": 40.0, "name": "bench"}),
    ]})
entry.action_post()
env.flush_all()
# The year reported holds LINES items; the year before (the comparisons) as many again.
entries = LINES // 4
days = SQL("(DATE %s + (mod(g, 730) || ' days')::interval)::date", HISTORY_START)
partner = SQL("(%s::int[])[1 + mod(g, %s)]", customers.ids, CUSTOMERS)
move_ids = clone(env.cr, "account_move", entry.id, SQL("generate_series(1, %s) g", entries * 2),
                 {"name": SQL("t.name || '-R' || g"), "date": days, "partner_id": partner})
source = SQL("unnest(%s::int[]) WITH ORDINALITY AS m(ref, g) JOIN account_move am ON am.id = m.ref", move_ids)
for line in entry.line_ids:
    clone(env.cr, "account_move_line", line.id, source, {
        "move_id": SQL("m.ref"), "date": SQL("am.date"), "parent_state": SQL("am.state"),
        "partner_id": SQL("am.partner_id") if line.partner_id else SQL("NULL"),
        "balance": SQL("t.balance * (1 + mod(m.g, 7))"), "debit": SQL("t.debit * (1 + mod(m.g, 7))"),
        "credit": SQL("t.credit * (1 + mod(m.g, 7))"), "amount_currency": SQL("t.amount_currency * (1 + mod(m.g, 7))"),
    })
env.cr.execute(SQL("ANALYZE account_move; ANALYZE account_move_line"))
env.invalidate_all()
env.cr.execute(SQL("SELECT count(*) FROM account_move_line WHERE company_id = %s AND date BETWEEN %s AND %s",
                   company.id, PERIOD[0], PERIOD[1]))
period_lines = env.cr.fetchone()[0]
log("built %d journal items in the 12 months reported (%d in all) in %.1f s" % (
    period_lines, env["account.move.line"].search_count([("company_id", "=", company.id)]),
    time.perf_counter() - started))

report = env["ai.financial.report"].create({"date_from": PERIOD[0], "date_to": PERIOD[1]})
env.invalidate_all()
t0 = time.perf_counter()
report._generate()
seconds = time.perf_counter() - t0
env.invalidate_all()
t0 = time.perf_counter()
report._ledger_rows()
ledger_seconds = time.perf_counter() - t0
t0 = time.perf_counter()
report._dimension_rows()
driver_seconds = time.perf_counter() - t0
log("of which, timed again: reading the ledger %.2f s, the drivers %.2f s" % (ledger_seconds, driver_seconds))
figures = report.figures
revenue = next(r["values"]["current"] for r in figures["pnl"] if r["key"] == "revenue")
log("revenue %.2f, balance sheet gap %.2f, narrative %d characters" % (
    revenue, figures["checks"]["current"]["balance_sheet_gap"], len(report.narrative_text or "")))
verdict = "met" if seconds < TARGET_SECONDS else "**not met**"
log("| 12-month P&L + balance sheet + cash flow + narrative | %s journal items | %.2f s | < %.0f s %s |" % (
    f"{period_lines:,}", seconds, TARGET_SECONDS, verdict))
env.cr.rollback()
log("done (rolled back)")
