"""Two databases on one Odoo server share the bundled endpoint with no configuration: both get suggestions from one
endpoint process, a stale endpoint of this server (another secret) is replaced, a foreign program on the port is
reported, and a new secret generated in one database restarts the endpoint for both.

Run inside `odoo-bin shell --data-dir=<tmp>` on a throw-away database whose template copy is named in AIB_SECOND_DB
(scripts/odoo_tests.mjs does); the endpoint listens on AIB_ENDPOINT_PORT, taken as "the default local URL" here so
that nothing touches 8787. It commits its data. Prints "two databases: N passed, M failed".
"""
import os
import subprocess
import urllib.request

from odoo import Command, api, fields
from odoo.exceptions import UserError
from odoo.modules.registry import Registry

from odoo.addons.ai_bookkeeping.models import ai_endpoint
from odoo.addons.ai_bookkeeping.tools import endpoint_process

env = env  # noqa: F821 - provided by odoo-bin shell
checks = []
URL = "http://127.0.0.1:%s" % os.environ["AIB_ENDPOINT_PORT"]
ai_endpoint.DEFAULT_URL = URL  # this server's bundled endpoint URL (the real default, 8787, may be taken here)


def check(name, ok, detail=""):
    checks.append(ok)
    print("%s %s%s" % ("ok  " if ok else "FAIL", name, (" — %s" % detail) if detail else ""))


def in_database(name, function):
    """Run ``function(env)`` as the administrator of database ``name`` and commit, as one request would."""
    with Registry(name).cursor() as cr:
        admin_env = api.Environment(cr, api.SUPERUSER_ID, {})
        return function(api.Environment(cr, admin_env.ref("base.user_admin").id, {}))


def configure(db_env):
    params = db_env["ir.config_parameter"].sudo()
    params.set_param("ai_bookkeeping.endpoint_url", URL)
    params.set_param("ai_bookkeeping.endpoint_autostart", "True")
    # Each database installed on its own once generated its own secret: it must not matter for the bundled endpoint.
    params.set_param("ai_bookkeeping.endpoint_secret", "own-secret-of-%s-%s" % (db_env.cr.dbname, "x" * 32))


def ask(db_env):
    """A payment of a new invoice: does the bundled endpoint suggest that invoice? (True, "") or (False, why)."""
    company = db_env.company
    journal = db_env["account.journal"].search([("type", "=", "bank"), ("company_id", "=", company.id)], limit=1)
    income = db_env["account.account"].search(
        [("account_type", "=", "income"), ("company_ids", "in", company.id)], limit=1)
    partner = db_env["res.partner"].create({"name": "Two Databases Customer"})
    invoice = db_env["account.move"].create({
        "move_type": "out_invoice", "partner_id": partner.id, "invoice_date": fields.Date.today(),
        "invoice_line_ids": [Command.create({"name": "x", "quantity": 1, "price_unit": 654.32,
                                             "account_id": income.id, "tax_ids": []})],
    })
    invoice.action_post()
    st_line = db_env["account.bank.statement.line"].create({
        "journal_id": journal.id, "date": fields.Date.today(), "amount": 654.32,
        "payment_ref": "payment %s" % invoice.name})
    try:
        st_line.action_ai_suggest()
    except UserError as exc:
        return False, str(exc)
    receivable = invoice.line_ids.filtered(lambda line: line.account_type == "asset_receivable")
    return st_line.ai_suggestion_id.move_line_ids == receivable, st_line.ai_error or ""


def answers():
    try:
        urllib.request.urlopen(URL + "/healthz", timeout=1).read()
        return True
    except OSError:
        return False


first_db, second_db = env.cr.dbname, os.environ["AIB_SECOND_DB"]
run_dir = env["ai.endpoint"]._get_run_dir()
for name in (first_db, second_db):
    in_database(name, configure)

ok, why = in_database(first_db, ask)
check("the first database gets a suggestion from the bundled endpoint it started", ok, why)
pid = endpoint_process.running_pid(run_dir, URL)
ok, why = in_database(second_db, ask)
check("the second database gets one from the same endpoint", ok, why)
check("one endpoint process for both", pid is not None and endpoint_process.running_pid(run_dir, URL) == pid,
      "%s then %s" % (pid, endpoint_process.running_pid(run_dir, URL)))

endpoint_process.stop_bundled_endpoint(URL, run_dir)
stale = endpoint_process.start_bundled_endpoint(URL, "stale-secret-" + "s" * 40, run_dir=run_dir)
endpoint_process.wait_until(answers, timeout=20)
ok, why = in_database(second_db, ask)
check("a stale endpoint of this server (another secret) is replaced", ok and stale.poll() is not None, why)

endpoint_process.stop_bundled_endpoint(URL, run_dir)
foreign = subprocess.Popen(["node", endpoint_process.BUNDLE], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           env=dict(os.environ, AI_BOOKKEEPING_SECRET="foreign-" + "f" * 40,
                                    AI_BOOKKEEPING_PORT=os.environ["AIB_ENDPOINT_PORT"]))
endpoint_process.wait_until(answers, timeout=20)
ok, why = in_database(first_db, ask)
check("a foreign program on the port is reported plainly", not ok and "Another program on %s" % URL in why, why)
check("and left running", foreign.poll() is None)
foreign.kill()
foreign.wait()

in_database(first_db, ask)
before = endpoint_process.running_pid(run_dir, URL)
endpoint_process._started.clear()  # as if another worker had started it: only the pid file knows it
in_database(second_db, lambda db_env: db_env["res.config.settings"].create({}).action_ai_generate_secret())
check("a new secret generated in one database stops the endpoint", not answers() and before is not None)
ok, why = in_database(first_db, ask)
check("the other database then gets suggestions from the restarted endpoint",
      ok and endpoint_process.running_pid(run_dir, URL) not in (None, before), why)
endpoint_process.stop_bundled_endpoint(URL, run_dir)
print("two databases: %d passed, %d failed" % (sum(checks), len(checks) - sum(checks)))
