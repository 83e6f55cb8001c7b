"""Factories shared by the add-on's tests (and by add-ons that build on it)."""

import json
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from unittest import SkipTest

import freezegun

from odoo import Command, fields
from odoo.tests import new_test_user

from odoo.addons.account.tests.common import AccountTestInvoicingCommon

from ..tools import endpoint_process


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_bundled_endpoint(test_class, secret):
    """Run the real bundled endpoint (endpoint/ai_endpoint.mjs, built by `npm run build`) with node on a free port
    for a test class, killed at the class's clean-up, and point the test database at it. Skips the class when the
    bundle or node is missing. Returns the endpoint's URL."""
    if not os.path.isfile(endpoint_process.BUNDLE):
        raise SkipTest("the endpoint bundle is not built (npm run build)")
    if not shutil.which("node"):
        raise SkipTest("node is not on the PATH")
    port = free_port()
    env = {"PATH": os.environ.get("PATH", ""), "AI_BOOKKEEPING_SECRET": secret, "AI_BOOKKEEPING_PORT": str(port),
           "AI_BOOKKEEPING_HOST": "127.0.0.1", "AI_BOOKKEEPING_LOG_LEVEL": "warn"}
    process = subprocess.Popen(["node", endpoint_process.BUNDLE], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    test_class.addClassCleanup(process.kill)
    url = "http://127.0.0.1:%d" % port
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1).read()
            break
        except OSError:
            time.sleep(0.2)
    else:
        raise AssertionError("the bundled endpoint did not start")
    test_class.env["ir.config_parameter"].set_param("ai_bookkeeping.endpoint_url", url)
    test_class.env["ir.config_parameter"].set_param("ai_bookkeeping.endpoint_secret", secret)
    return url


class FakeEndpoint:
    """A local stand-in for the AI endpoint, for replies the real engine never gives: ``answer(request)`` returns the
    JSON reply to each suggestion request (the dict Odoo sent). Started on a free port, stopped by the test."""

    def __init__(self, answer):
        self.answer = answer
        self.requests = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _reply(self, data):
                # ``answer`` may return ``(status, body)`` to play an endpoint that refuses or fails.
                status, data = data if isinstance(data, tuple) else (200, data)
                self._reply_status(status, data)

            def do_GET(self):  # noqa: N802
                self._reply({"status": "ok", "engine": {"name": "fake", "version": "0"}})

            def do_POST(self):  # noqa: N802
                request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.requests.append(request)
                self._reply(fake.answer(request))

            def _reply_status(self, status, data):
                body = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        port = free_port()
        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.url = "http://127.0.0.1:%d" % port
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


# "Today" for every test: the factories' fixed dates (January 2026) stay within what the add-on looks at relative
# to today (e.g. the 400-day history), whatever the real date of the run.
FROZEN_NOW = "2026-03-01 09:00:00"


def frozen_clock(when):
    """Odoo's clock at ``when``, running (tick) so timeouts still expire; the request signatures keep the real time,
    which the endpoint checks against its own clock."""
    return freezegun.freeze_time(when, tick=True, ignore=["odoo.addons.ai_bookkeeping.tools.signing"])


class AiBookkeepingCase(AccountTestInvoicingCommon):
    @classmethod
    def setUpClass(cls):
        cls.startClassPatcher(frozen_clock(FROZEN_NOW))
        super().setUpClass()
        cls.bank_journal = cls.company_data["default_journal_bank"]
        cls.fee_account = cls.company_data["default_account_expense"].copy({"name": "Bank fees", "code": "626001"})
        cls.env.company.ai_bank_fee_account_id = cls.fee_account
        cls.env.user.groups_id |= cls.env.ref("base.group_multi_currency") | cls.env.ref(
            "ai_bookkeeping.ai_bookkeeping_group_manager")
        cls.reviewer = new_test_user(
            cls.env, login="ai_reviewer", groups="ai_bookkeeping.ai_bookkeeping_group_reviewer,base.group_user",
            company_id=cls.env.company.id, company_ids=[Command.set(cls.env.company.ids)],
        )
        cls.reader = new_test_user(
            cls.env, login="ai_reader", groups="ai_bookkeeping.ai_bookkeeping_group_user,base.group_user",
            company_id=cls.env.company.id, company_ids=[Command.set(cls.env.company.ids)],
        )
        # No test talks to a real endpoint unless it starts one itself.
        cls.env["ir.config_parameter"].set_param("ai_bookkeeping.endpoint_url", "http://127.0.0.1:9")
        cls.env["ir.config_parameter"].set_param("ai_bookkeeping.endpoint_autostart", "False")
        cls.env["ir.config_parameter"].set_param("ai_bookkeeping.endpoint_secret", "t" * 48)

    @classmethod
    def make_invoice(cls, amount, partner=None, move_type="out_invoice", currency=None, date="2026-01-10", ref=None):
        invoice = cls.init_invoice(
            move_type, partner=partner or cls.partner_a, invoice_date=date, amounts=[amount], currency=currency,
            taxes=cls.env["account.tax"],
        )
        if ref:
            invoice.ref = ref
        invoice.action_post()
        return invoice

    @classmethod
    def make_st_line(cls, amount, label="", partner=None, date="2026-01-20", **extra):
        return cls.env["account.bank.statement.line"].create({
            "journal_id": cls.bank_journal.id,
            "date": date,
            "amount": amount,
            "payment_ref": label,
            "partner_id": partner.id if partner else False,
            **extra,
        })

    @staticmethod
    def receivable(move):
        return move.line_ids.filtered(lambda line: line.account_type in ("asset_receivable", "liability_payable"))

    def make_suggestion(self, st_line, items=None, match_type="full", account=None, partner=None, confidence=0.97,
                        writeoff=0.0):
        items = items or self.env["account.move.line"]
        # As the engine does: suggestions are written by the system, then decided by people.
        return self.env["ai.reconciliation.suggestion"].sudo().create({
            "statement_line_id": st_line.id,
            "company_id": st_line.company_id.id,
            "move_line_ids": [Command.set(items.ids)],
            "match_type": match_type,
            "account_id": account.id if account else False,
            "partner_id": (partner or items.partner_id[:1]).id or False,
            "confidence": confidence,
            "writeoff_amount": writeoff,
            "explanation": "test",
            "engine_name": "test",
            "engine_version": "0",
        }).sudo(False)

    def use_fake_endpoint(self, answer):
        """Point the add-on at a FakeEndpoint answering ``answer(request)`` for the rest of the test."""
        fake = FakeEndpoint(answer)
        self.addCleanup(fake.stop)
        self.env["ir.config_parameter"].set_param("ai_bookkeeping.endpoint_url", fake.url)
        return fake

    def residuals(self, moves):
        moves.invalidate_recordset()
        return {m.id: (m.amount_residual, m.payment_state) for m in moves}

    today = fields.Date.today
