"""Beside OCA's statement import (account_statement_import_file + _camt), installed in the same Odoo: both buttons
show, ours reads "Import file (AI)"; both import the same real CAMT file into one journal without clashing on the
shared ``unique_import_id`` column, and the lines OCA writes are queued for AI suggestions too. Runs only in a
database where OCA's modules are installed (scripts/odoo_tests.mjs does it when /opt/odoo18-oca-import, or
OCA_IMPORT_SRC, holds them); skipped with the reason otherwise."""

import base64
import os
from unittest import SkipTest

from odoo.tests import tagged
from odoo.tools import SQL

from .statement_import_common import StatementImportCase, statements_dir

OCA_MODULES = ("account_statement_import_file", "account_statement_import_camt")
CAMT = "oca-camt/test-camt053"
CAMT_ACCOUNT = "NL77ABNA0574908765"


@tagged("post_install", "-at_install")
class TestStatementImportBesideOca(StatementImportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        installed = cls.env["ir.module.module"].search([("name", "in", OCA_MODULES), ("state", "=", "installed")])
        if len(installed) != len(OCA_MODULES):
            raise SkipTest("OCA's %s are not installed in this database (scripts/odoo_tests.mjs installs them "
                           "from /opt/odoo18-oca-import when that tree is there)" % " and ".join(OCA_MODULES))
        path = os.path.join(statements_dir(), CAMT)
        if not os.path.isfile(path):
            raise SkipTest("the real bank file %s is not there" % path)
        with open(path, "rb") as handle:
            cls.raw = handle.read()
        cls.eur = cls.find_currency("EUR")

    def test_our_button_is_the_ai_one_beside_oca(self):
        journal = self.make_bank_journal("OCAB", self.eur, CAMT_ACCOUNT)
        self.assertIn("account_statement_import_file", journal._statement_import_peers())
        data = journal._get_journal_dashboard_data_batched()[journal.id]
        self.assertTrue(data["ai_statement_import_peer"])
        kanban = self.env.ref("account.account_journal_dashboard_kanban_view")
        arch = self.env["account.journal"].get_view(kanban.id, "kanban")["arch"]
        self.assertIn("Import file (AI)", arch)
        self.assertIn("Import Statement (OCA)", arch)
        # Drop on the card stays ours: OCA has no drop handler, Enterprise's is not installed.
        action = journal.create_document_from_attachment(self.attach("drop.xml", self.raw).ids)
        self.assertEqual(action["res_model"], "ai.statement.import.wizard")

    def test_both_importers_share_the_import_id_column(self):
        journal = self.make_bank_journal("OCAI", self.eur, CAMT_ACCOUNT)
        wizard = self.env["account.statement.import"].with_context(journal_id=journal.id).create({
            "statement_file": base64.b64encode(self.raw), "statement_filename": "test-camt053.xml",
        })
        wizard.import_file_button()
        oca_lines = self.env["account.bank.statement.line"].search([("journal_id", "=", journal.id)])
        self.assertTrue(oca_lines)
        # One column, both constraints: OCA's global one and ours per journal.
        constraints = {row[0] for row in self.env.execute_query(SQL(
            "SELECT conname FROM pg_constraint WHERE conrelid = 'account_bank_statement_line'::regclass"))}
        self.assertIn("account_bank_statement_line_unique_import_id", constraints)
        self.assertIn("account_bank_statement_line_ai_bookkeeping_unique_import_id", constraints)
        # OCA's lines go through account.bank.statement.line.create too: queued for the AI like ours.
        self.assertEqual(len(self.env["ai.job"]._jobs_of("reconciliation", oca_lines)), len(oca_lines))
        # Ours recognises its own imports only (README): same file, its own ids, no constraint of either breaks.
        statements = journal.import_bank_statement_files(self.attach("test-camt053.xml", self.raw).ids)
        ours = statements.line_ids
        self.assertEqual(len(ours), len(oca_lines))
        self.assertTrue(all(ours.mapped("unique_import_id")))
        self.assertFalse(set(ours.mapped("unique_import_id")) & set(filter(None, oca_lines.mapped("unique_import_id"))))
        again = journal.import_bank_statement_files(self.attach("again.xml", self.raw).ids)
        self.assertFalse(again)
