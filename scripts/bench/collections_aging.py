"""Benchmark (not a test): the aged receivables over 50,000 open customer invoices.

Run inside `odoo-bin shell` on a database with ai_bookkeeping installed (npm run bench does it on a throw-away
database):

    [BENCH_AGING_ITEMS=50000] odoo-bin shell -d <db> --no-http < scripts/bench/collections_aging.py

It posts one customer invoice through the ORM and clones it by SQL (INSERT … SELECT, so that the bench measures the
aging, not Odoo's posting) into BENCH_AGING_ITEMS open invoices of 2,000 customers with due dates spread over the
last 200 days and the next 30, then times the aging table (one grouped query on the view, as the list, the PDF
and the XLSX read it; target under 5 s) and the XLSX export, checks the totals against a plain SQL sum, and
rolls everything back.
"""
import os
import sys
import time

from odoo import Command, fields
from odoo.tools import SQL

sys.path.insert(0, os.environ["BENCH_SCRIPTS"])
from odoo_rows import clone  # noqa: E402 - the folder is on the path from here

env = env  # noqa: F821 - provided by odoo-bin shell
ITEMS = int(os.environ.get("BENCH_AGING_ITEMS", "50000"))
CUSTOMERS = 2000
TARGET_SECONDS = 5.0


def log(message):
    print("collections_aging bench: %s" % message, flush=True)




company = env.company
if not env["account.account"].search_count([("company_ids", "in", company.ids)], limit=1):
    env["account.chart.template"].try_loading("generic_coa", company, install_demo=False)
today = fields.Date.context_today(env["res.partner"])
customers = env["res.partner"].create([{"name": "Bench customer %04d" % i} for i in range(CUSTOMERS)])
started = time.perf_counter()
template = env["account.move"].create({
    "move_type": "out_invoice", "partner_id": customers[0].id, "invoice_date": today, "invoice_date_due": today,
    "invoice_line_ids": [Command.create({"name": "bench", "price_unit": 100.0, "tax_ids": [Command.clear()]})]})
template.action_post()
env.flush_all()
due = SQL("(DATE %s - (mod(g * 7919, 230) - 30 || ' days')::interval)::date", today)
move_ids = clone(env.cr, "account_move", template.id, SQL("generate_series(1, %s) g", ITEMS - 1), {
    "name": SQL("t.name || '-A' || g"), "partner_id": SQL("(%s::int[])[1 + mod(g, %s)]", customers.ids, CUSTOMERS),
    "commercial_partner_id": SQL("(%s::int[])[1 + mod(g, %s)]", customers.ids, CUSTOMERS),
    "invoice_date_due": due, "amount_residual": SQL("t.amount_residual + mod(g, 97)"),
    "amount_residual_signed": SQL("t.amount_residual_signed + mod(g, 97)")})
source = SQL("unnest(%s::int[]) WITH ORDINALITY AS m(ref, g) JOIN account_move am ON am.id = m.ref", move_ids)
for line in template.line_ids:
    receivable = line.account_id.account_type == "asset_receivable"
    clone(env.cr, "account_move_line", line.id, source, {
        "move_id": SQL("m.ref"), "partner_id": SQL("am.partner_id"),
        "date_maturity": SQL("am.invoice_date_due") if receivable else SQL("t.date_maturity"),
        "amount_residual": SQL("t.amount_residual + mod(m.g, 97)") if receivable else SQL("t.amount_residual"),
        "amount_residual_currency": (SQL("t.amount_residual_currency + mod(m.g, 97)") if receivable
                                     else SQL("t.amount_residual_currency")),
    })
env.cr.execute(SQL("ANALYZE account_move; ANALYZE account_move_line"))
env.invalidate_all()
log("built %d open customer invoices of %d customers in %.1f s" % (ITEMS, CUSTOMERS, time.perf_counter() - started))

Aging = env["ai.collection.aging"]
t0 = time.perf_counter()
table = Aging._aging_table()
seconds = time.perf_counter() - t0
count = sum(row["count"] for row in table["rows"])
t0 = time.perf_counter()
content = Aging._aging_xlsx()
xlsx_seconds = time.perf_counter() - t0
env.cr.execute(SQL("""SELECT count(*), sum(l.amount_residual) FROM account_move_line l
                        JOIN account_account a ON a.id = l.account_id
                       WHERE l.company_id = %s AND a.account_type = 'asset_receivable' AND l.parent_state = 'posted'
                         AND NOT l.reconciled AND l.amount_residual != 0""", company.id))
plain_count, plain_sum = env.cr.fetchone()
total = sum(row["total"] for row in table["totals"])
log("buckets: %s" % ", ".join("%s %.0f" % (table["labels"][key], sum(r[key] for r in table["rows"]))
                              for key in ("not_due", "b1", "b2", "b3", "b4")))
log("totals agree with a plain SQL sum: %s (%d items, %.2f)" % (
    "yes" if plain_count == count and abs(plain_sum - total) < 0.01 else "NO", plain_count, plain_sum))
verdict = "PASS" if seconds < TARGET_SECONDS else "FAIL"
log("aging over %d open items, %d customer rows: %.2f s (target < %.0f s) %s" % (
    count, len(table["rows"]), seconds, TARGET_SECONDS, verdict))
log("XLSX export: %.2f s, %d bytes" % (xlsx_seconds, len(content)))
env.cr.rollback()
log("done")
