"""Benchmark (not a test): the period close's live checklist over a period with 50,000 journal items.

Run inside `odoo-bin shell` on a database with ai_bookkeeping installed (npm run bench does it on a throw-away
database):

    [BENCH_CLOSE_LINES=50000] odoo-bin shell -d <db> --no-http < scripts/bench/period_close.py

It builds one month of books by cloning a few entries made through the ORM (SQL INSERT … SELECT, so that the bench
measures the checklist, not Odoo's posting): posted entries of 4 items each up to BENCH_CLOSE_LINES items, 5 % of
them drafts, vendor bills of 200 monthly vendors over the six months before (a tenth of them missing this month),
and 2,000 unreconciled bank transactions (plus the one they were cloned from). It then times the checklist (target:
under 10 s) and the lock-time digest of the posted entries, prints what each item found, and rolls everything back.
"""
import os
import sys
import time

from odoo import Command
from odoo.tools import SQL

sys.path.insert(0, os.environ["BENCH_SCRIPTS"])
from odoo_rows import clone  # noqa: E402 - the folder is on the path from here

env = env  # noqa: F821 - provided by odoo-bin shell
LINES = int(os.environ.get("BENCH_CLOSE_LINES", "50000"))
TARGET_SECONDS = 10.0
VENDORS = 200
PERIOD = ("2026-02-01", "2026-02-28")
HISTORY = ["2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01"]


def log(message):
    print("period_close bench: %s" % message, flush=True)




def series(count):
    return SQL("generate_series(1, %s) g", count)


def each_of(ids):
    """One source row per id of ``ids`` (column ``ref``), numbered ``g`` in order, with its move as ``am``."""
    return SQL("unnest(%s::int[]) WITH ORDINALITY AS m(ref, g) JOIN account_move am ON am.id = m.ref", ids)


def clone_moves(template, count, move_overrides):
    """Copies of ``template`` (an account.move) with copies of its lines, the lines following their move's date,
    partner and state."""
    env.flush_all()
    move_ids = clone(env.cr, "account_move", template.id, series(count), move_overrides)
    for line in template.line_ids:
        clone(env.cr, "account_move_line", line.id, each_of(move_ids), {
            "move_id": SQL("m.ref"), "date": SQL("am.date"), "partner_id": SQL("am.partner_id"),
            "parent_state": SQL("am.state"),
        })
    return move_ids


company = env.company
if not env["account.account"].search_count([("company_ids", "in", company.ids)], limit=1):
    env["account.chart.template"].try_loading("generic_coa", company, install_demo=False)
misc = env["account.journal"].search([("company_id", "=", company.id), ("type", "=", "general")], limit=1)
bank = env["account.journal"].search([("company_id", "=", company.id), ("type", "=", "bank")], limit=1)
expense = env["account.account"].search([("company_ids", "in", company.ids), ("account_type", "=", "expense")],
                                        limit=1)
revenue = env["account.account"].search([("company_ids", "in", company.ids), ("account_type", "=", "income")],
                                        limit=1)
vendors = env["res.partner"].create([{"name": "Bench vendor %03d" % i} for i in range(VENDORS)])
vendor_ids = vendors.ids

started = time.perf_counter()
entry = env["account.move"].create({
    "move_type": "entry", "journal_id": misc.id, "date": PERIOD[0], "line_ids": [
        Command.create({"account_id": expense.id, "debit": 60.0, "name": "bench"}),
        Command.create({"account_id": expense.id, "debit": 40.0, "name": "bench"}),
        Command.create({"account_id": revenue.id, "credit": 70.0, "name": "bench"}),
        Command.create({"account_id": revenue.id, "credit": 30.0, "name": "bench"}),
    ]})
entry.action_post()
bill = env["account.move"].create({
    "move_type": "in_invoice", "partner_id": vendor_ids[0], "invoice_date": "2026-01-15", "date": "2026-01-15",
    "invoice_line_ids": [Command.create({"name": "bench", "price_unit": 100.0, "account_id": expense.id,
                                         "tax_ids": [Command.clear()]})]})
bill.action_post()
st_line = env["account.bank.statement.line"].create(
    {"journal_id": bank.id, "date": PERIOD[0], "amount": 25.0, "payment_ref": "bench"})

entries = LINES // 4
drafts = entries // 20
day = SQL("(DATE %s + (mod(g, 28) || ' days')::interval)::date", PERIOD[0])
clone_moves(entry, entries - drafts, {"name": SQL("t.name || '-B' || g"), "date": day})
clone_moves(entry, drafts, {"name": SQL("'/'"), "state": SQL("'draft'"), "date": day})
vendor = SQL("(%s::int[])[1 + mod(g, %s)]", vendor_ids, VENDORS)
for month in HISTORY:
    clone_moves(bill, VENDORS, {"name": SQL("t.name || %s || g", "-" + month), "partner_id": vendor,
                                "date": SQL("DATE %s", month + "-15"), "invoice_date": SQL("DATE %s", month + "-15")})
present = VENDORS - VENDORS // 10
clone_moves(bill, present, {"name": SQL("t.name || '-P' || g"), "partner_id": vendor, "date": day,
                            "invoice_date": day})
st_moves = clone_moves(st_line.move_id, 2000, {"name": SQL("t.name || '-S' || g"), "date": day})
clone(env.cr, "account_bank_statement_line", st_line.id, each_of(st_moves), {"move_id": SQL("m.ref")})
env.cr.execute(SQL("ANALYZE account_move; ANALYZE account_move_line; ANALYZE account_bank_statement_line"))
env.invalidate_all()
env.cr.execute(SQL("SELECT count(*) FROM account_move_line WHERE company_id = %s AND date BETWEEN %s AND %s",
                   company.id, PERIOD[0], PERIOD[1]))
period_lines = env.cr.fetchone()[0]
log("built %d journal items in the period (%d in the company) in %.1f s" % (
    period_lines, env["account.move.line"].search_count([("company_id", "=", company.id)]),
    time.perf_counter() - started))

close = env["ai.period.close"].create({"date_from": PERIOD[0], "date_to": PERIOD[1]})
env.invalidate_all()
t0 = time.perf_counter()
found = env["ai.period.close.checklist"]._compute_items(close)
checklist_seconds = time.perf_counter() - t0
for code, values in found.items():
    log("  %-36s %7d  %14.2f" % (code, values["count"], values["amount"]))
t0 = time.perf_counter()
digest = close._period_digest()
digest_seconds = time.perf_counter() - t0
verdict = "PASS" if checklist_seconds < TARGET_SECONDS else "FAIL"
log("checklist over %d journal items: %.2f s (target < %.0f s) %s" % (period_lines, checklist_seconds,
                                                                     TARGET_SECONDS, verdict))
log("lock-time digest of %d posted entries: %.2f s" % (digest["entries"], digest_seconds))
expected_missing = VENDORS // 10
log("missing recurring bills found: %d (planted %d)" % (found["missing_recurring_bills"]["count"], expected_missing))
env.cr.rollback()
log("done (rolled back)")
