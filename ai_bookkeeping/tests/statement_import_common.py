"""Shared set-up of the statement import tests: the real bundled endpoint (it reads the files), bank journals in a
given currency, attachments, and where the real bank files are (as test/statements finds them)."""

import os

from odoo import Command

from .common import AiBookkeepingCase, start_bundled_endpoint

SHARED_DATA_ENV = "AI_BOOKKEEPING_SHARED_DATA"
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def statements_dir():
    """The real bank files: $AI_BOOKKEEPING_SHARED_DATA/statements, else ../shared/data/statements beside the repo."""
    override = os.environ.get(SHARED_DATA_ENV)
    data = os.path.abspath(override) if override else os.path.abspath(os.path.join(REPO_ROOT, "..", "shared", "data"))
    return os.path.join(data, "statements")


class StatementImportCase(AiBookkeepingCase):
    """Starts the bundled endpoint (endpoint/ai_endpoint.mjs, built by `npm run build`) on a free port."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        start_bundled_endpoint(cls, "i" * 48)

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
