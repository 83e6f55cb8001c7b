"""Two reviewers approve the same suggestion at the same moment, each in its own transaction, through Odoo's own
request retry loop (odoo.service.model.retrying). Exactly one must win; the books must show one reconciliation.

Run inside `odoo-bin shell` on a throw-away database (scripts/odoo_tests.mjs does): it commits its data.
Prints "concurrency: N passed, M failed".
"""
import threading

from odoo import Command, api, fields
from odoo.exceptions import UserError
from odoo.modules.registry import Registry
from odoo.service.model import retrying

env = env  # noqa: F821 - provided by odoo-bin shell
checks = []


def check(name, ok, detail=""):
    checks.append(ok)
    print("%s %s%s" % ("ok  " if ok else "FAIL", name, (" — %s" % detail) if detail else ""))


company = env.company
journal = env["account.journal"].search([("type", "=", "bank"), ("company_id", "=", company.id)], limit=1)
income = env["account.account"].search([("account_type", "=", "income"), ("company_ids", "in", company.id)], limit=1)
partner = env["res.partner"].create({"name": "Concurrent Customer"})
invoice = env["account.move"].create({
    "move_type": "out_invoice", "partner_id": partner.id, "invoice_date": fields.Date.today(),
    "invoice_line_ids": [Command.create({"name": "x", "quantity": 1, "price_unit": 321.0, "account_id": income.id,
                                         "tax_ids": []})],
})
invoice.action_post()
st_line = env["account.bank.statement.line"].create(
    {"journal_id": journal.id, "date": fields.Date.today(), "amount": 321.0, "payment_ref": invoice.name})
item = invoice.line_ids.filtered(lambda line: line.account_type == "asset_receivable")
suggestion = env["ai.reconciliation.suggestion"].sudo().create({
    "statement_line_id": st_line.id, "company_id": company.id, "move_line_ids": [Command.set(item.ids)],
    "match_type": "full", "partner_id": partner.id, "confidence": 0.99, "explanation": "race",
})
group = env.ref("ai_bookkeeping.ai_bookkeeping_group_reviewer")
users = [env["res.users"].create({"name": "Reviewer %s" % n, "login": "race_reviewer_%s_%s" % (n, suggestion.id),
                                  "groups_id": [Command.set((group | env.ref("base.group_user")).ids)]})
         for n in ("A", "B")]
env.cr.commit()

barrier = threading.Barrier(2)
outcomes = {}


def approve(user_id):
    registry = Registry(env.cr.dbname)
    with registry.cursor() as cr:
        user_env = api.Environment(cr, user_id, {})
        barrier.wait()
        try:
            retrying(lambda: user_env["ai.reconciliation.suggestion"].browse(suggestion.id).action_approve(), user_env)
            cr.commit()
            outcomes[user_id] = "approved"
        except UserError as exc:
            cr.rollback()
            outcomes[user_id] = "refused: %s" % exc


threads = [threading.Thread(target=approve, args=(u.id,)) for u in users]
for t in threads:
    t.start()
for t in threads:
    t.join(60)

env.invalidate_all()
approved = [o for o in outcomes.values() if o == "approved"]
refused = [o for o in outcomes.values() if o.startswith("refused")]
check("exactly one reviewer wins", len(approved) == 1 and len(refused) == 1, str(outcomes))
check("the loser is told why", bool(refused) and "already been applied" in refused[0], refused[0] if refused else "")
counterparts = st_line.move_id.line_ids.filtered(lambda line: line.account_type == "asset_receivable")
check("one counterpart on the bank line", len(counterparts) == 1, "%d" % len(counterparts))
check("invoice paid once", invoice.payment_state == "paid" and invoice.amount_residual == 0.0,
      "%s %s" % (invoice.payment_state, invoice.amount_residual))
check("suggestion applied", suggestion.state == "applied", suggestion.state)
print("concurrency: %d passed, %d failed" % (sum(checks), len(checks) - sum(checks)))
