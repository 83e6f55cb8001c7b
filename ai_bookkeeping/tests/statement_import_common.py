"""Shared set-up of the statement import tests: the real bundled endpoint (it reads the files), bank journals in a
given currency, attachments, and where the real bank files are (as test/statements finds them)."""

import os
import shutil
import socket
import subprocess
import time
import urllib.request
from unittest import SkipTest

from odoo import Command

from ..tools import endpoint_process
from .common import AiBookkeepingCase

SHARED_DATA_ENV = "AI_BOOKKEEPING_SHARED_DATA"
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def statements_dir():
    """The real bank files: $AI_BOOKKEEPING_SHARED_DATA/statements, else ../shared/data/statements beside the repo."""
    override = os.environ.get(SHARED_DATA_ENV)
    data = os.path.abspath(override) if override else os.path.abspath(os.path.join(REPO_ROOT, "..", "shared", "data"))
    return os.path.join(data, "statements")


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class StatementImportCase(AiBookkeepingCase):
    """Starts the bundled endpoint (endpoint/ai_endpoint.mjs, built by `npm run build`) on a free port."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not os.path.isfile(endpoint_process.BUNDLE):
            raise SkipTest("the endpoint bundle is not built (npm run build)")
        if not shutil.which("node"):
            raise SkipTest("node is not on the PATH")
        port = _free_port()
        secret = "i" * 48
        env = {"PATH": os.environ.get("PATH", ""), "AI_BOOKKEEPING_SECRET": secret, "AI_BOOKKEEPING_PORT": str(port),
               "AI_BOOKKEEPING_HOST": "127.0.0.1", "AI_BOOKKEEPING_LOG_LEVEL": "warn"}
        cls.endpoint = subprocess.Popen(["node", endpoint_process.BUNDLE], env=env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        cls.addClassCleanup(cls.endpoint.kill)
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
        cls.env["ir.config_parameter"].set_param("ai_bookkeeping.endpoint_url", url)
        cls.env["ir.config_parameter"].set_param("ai_bookkeeping.endpoint_secret", secret)

    @classmethod
    def find_currency(cls, code):
        currency = cls.env["res.currency"].with_context(active_test=False).search([("name", "=", code)], limit=1)
        if currency and not currency.active:
            currency.active = True
        return currency

    @classmethod
    def make_bank_journal(cls, code, currency=None, account=None):
        vals = {"name": "Bank %s" % code, "code": code, "type": "bank"}
        if currency and currency != cls.env.company.currency_id:
            vals["currency_id"] = currency.id
        if account:
            vals["bank_account_id"] = cls.env["res.partner.bank"].create({
                "acc_number": account, "partner_id": cls.env.company.partner_id.id,
            }).id
        return cls.env["account.journal"].create(vals)

    def attach(self, name, raw):
        if isinstance(raw, str):
            raw = raw.encode("utf-8")
        return self.env["ir.attachment"].create({"name": name, "raw": raw})

    def attach_file(self, path):
        with open(path, "rb") as handle:
            return self.attach(os.path.basename(path), handle.read())

    def run_wizard(self, attachments, journal=None):
        wizard = self.env["ai.statement.import.wizard"].create({
            "attachment_ids": [Command.set(attachments.ids)],
            "journal_id": journal.id if journal else False,
        })
        wizard.action_import()
        return wizard

    def lines_of(self, wizard):
        return wizard.statement_ids.line_ids.sorted(lambda line: (line.statement_id.id, line.id))
