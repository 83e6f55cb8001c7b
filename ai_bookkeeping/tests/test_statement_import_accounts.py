"""Files of several accounts (and currencies) go to each account's journal, whole or not at all; files over the
line limit are refused with the limit named. Real multi-account files from ../shared/data/statements (skipped with
the reason when the folder is absent)."""

import os
import re
from unittest import SkipTest

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..tools import statement_import_reply as sir
from .statement_import_common import StatementImportCase, statements_dir

SNIPPET = "mt940/betterplace/sepa_snippet.sta"  # two EUR accounts of one bank
SNIPPET_ACCOUNTS = ("50880050/0194787400888", "50880050/0194791600888")
CMXL = "mt940/cmxl/mt940.sta"  # three accounts in DEM, EUR and PLN
CMXL_EUR, CMXL_PLN = "10020030/1234567", "BPHKPLPK/320000546101"


@tagged("post_install", "-at_install")
class TestStatementImportAccounts(StatementImportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.folder = statements_dir()
        if not os.path.isdir(cls.folder):
            raise SkipTest("the real bank files are not in %s (set AI_BOOKKEEPING_SHARED_DATA)" % cls.folder)
        cls.eur = cls.find_currency("EUR")
        cls.pln = cls.find_currency("PLN")

    def read(self, name):
        with open(os.path.join(self.folder, name), "rb") as handle:
            return handle.read()

    def lines_in(self, journal):
        return self.env["account.bank.statement.line"].search([("journal_id", "=", journal.id)])

    def test_each_account_of_a_file_goes_to_its_journal(self):
        first = self.make_bank_journal("MAA", self.eur, SNIPPET_ACCOUNTS[0])
        second = self.make_bank_journal("MAB", self.eur, SNIPPET_ACCOUNTS[1])
        attachment = self.attach("sepa_snippet.sta", self.read(SNIPPET))
        parsed = self.env["account.journal"]._statement_import_parse(attachment)
        want = {}
        for st in parsed["statements"]:
            key = sir.sanitize_account(st["account"])
            want.setdefault(key, []).extend(line["amount"] for line in st["lines"])
        # The wizard finds the first account's journal; the second account's statements go to theirs.
        wizard = self.run_wizard(attachment)
        self.assertEqual(wizard.state, "done", wizard.journal_message)
        for journal, account in ((first, SNIPPET_ACCOUNTS[0]), (second, SNIPPET_ACCOUNTS[1])):
            lines = self.lines_in(journal)
            self.assertEqual(sorted(lines.mapped("amount")), sorted(want[sir.sanitize_account(account)]), account)
            self.assertTrue(lines)
            self.assertEqual(lines.statement_id.journal_id, journal)
        self.assertEqual(wizard.imported_count, sum(len(v) for v in want.values()))
        # Again, through the public method on the second journal: nothing twice.
        second.import_bank_statement_files(self.attach("again.sta", self.read(SNIPPET)).ids)
        self.assertEqual(len(self.lines_in(first)) + len(self.lines_in(second)), wizard.imported_count)

    def test_a_file_of_two_currencies_goes_to_each_currencys_journal(self):
        # cmxl's file without its DEM statement (DEM is no longer a currency): an EUR and a PLN account.
        text = self.read(CMXL).decode("latin-1")
        records = [r for r in re.split(r"(?m)^(?=:20:)", text) if r.strip()]
        kept = [r for r in records if "DEM" not in r.split(":60F:")[-1][:12]]
        self.assertEqual(len(kept), 2, "cmxl/mt940.sta changed: %d statements left" % len(kept))
        eur = self.make_bank_journal("MCE", self.eur, CMXL_EUR)
        pln = self.make_bank_journal("MCP", self.pln, CMXL_PLN)
        statements = eur.import_bank_statement_files(self.attach("two_currencies.sta", "".join(kept)).ids)
        self.assertEqual(statements.journal_id, eur | pln)
        self.assertTrue(self.lines_in(eur))
        self.assertTrue(self.lines_in(pln))
        self.assertEqual(set(self.lines_in(pln).mapped("currency_id.name")), {"PLN"})

    def test_an_account_without_journal_refuses_the_whole_file(self):
        first = self.make_bank_journal("MAN", self.eur, SNIPPET_ACCOUNTS[0])
        spare = self.make_bank_journal("MAS", self.eur)
        with self.assertRaises(UserError) as refused:
            first.import_bank_statement_files(self.attach("sepa_snippet.sta", self.read(SNIPPET)).ids)
        message = str(refused.exception.args[0])
        self.assertIn("no bank journal has the account %s (EUR): nothing was imported" % SNIPPET_ACCOUNTS[1], message)
        self.assertIn(spare.display_name, message)
        self.assertFalse(self.lines_in(first))

    def test_over_the_line_limit_is_refused_naming_it(self):
        movement = ":61:2401050105D1,00NTRFNONREF\r\n:86:x\r\n"
        body = (":20:LIMIT\r\n:25:DE89370400440532013000\r\n:28C:1/1\r\n:60F:C240105EUR1000,00\r\n"
                "%s:62F:C240105EUR0,00\r\n-")
        journal = self.make_bank_journal("MLX", self.eur)
        too_many = self.attach("limit.sta", body % (movement * (sir.MAX_LINES + 1)))
        with self.assertRaisesRegex(UserError, "has 100001 transactions; the import reads at most 100000 per file"):
            journal.import_bank_statement_files(too_many.ids)
        rows = "date,amount,label\n" + "2026-01-05,1.00,x\n" * (sir.MAX_LINES + 1)
        journal.ai_statement_table_mapping = {"columns": {"date": "date", "amount": "amount", "label": "label"},
                                              "date_format": "%Y-%m-%d", "decimal": "."}
        with self.assertRaisesRegex(UserError, "The file has 100001 rows; the import reads at most 100000"):
            journal.import_bank_statement_files(self.attach("limit.csv", rows).ids)
        self.assertFalse(self.lines_in(journal))
