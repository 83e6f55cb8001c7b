"""Every real bank file in ../shared/data/statements imported through the wizard into a real Odoo, against the
ground truth shipped with the files: OCA's golden CAMT parses, wolph/mt940's .yml expected parses, the OCA OFX
files' known content; then the same files again (nothing new), and the malformed ones (refused, nothing written).

Without the shared folder the class is skipped, with the reason printed: never counted as passing."""

import ast
import glob
import logging
import os
from unittest import SkipTest

from odoo.exceptions import UserError
from odoo.tests import tagged

from .statement_import_common import StatementImportCase, statements_dir

_logger = logging.getLogger(__name__)

# Files the readers refuse whole, or whose every line they must skip (no currency anywhere in the file).
REFUSED = {
    "oca-ofx/test_ofx_wrong.ofx": "no valid <CURDEF> currency",
    "mt940/self-provided/invalid_statement.sta": "is not a bank statement this import reads",
    "mt940/self-provided/empty_non_swift.sta": "is not a bank statement this import reads",
    "mt940/betterplace/empty_entry_date.sta": "the statement has no currency",
    "mt940/cmxl/statement_details.sta": "the statement has no currency",
    "mt940/cmxl/statement_line.sta": "the statement has no currency",
    "mt940/self-provided/sparkassen.sta": "the statement has no currency",
}


def _yaml_loader():
    import yaml  # noqa: PLC0415 - Debian's python3-yaml, present wherever Odoo runs here

    class Loader(yaml.SafeLoader):
        pass

    def python_object(loader, _suffix, node):
        # A generator, as PyYAML's own constructors: the files hold recursive anchors (a transaction points back
        # to its statement), which need the empty container handed out before it is filled.
        if isinstance(node, yaml.MappingNode):
            data = {}
            yield data
            data.update(loader.construct_mapping(node, deep=True))
        elif isinstance(node, yaml.SequenceNode):
            data = []
            yield data
            data.extend(loader.construct_sequence(node, deep=True))
        else:
            yield loader.construct_scalar(node)

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", python_object)
    return yaml, Loader


def mt940_golden(path):
    """wolph/mt940's expected transactions: [(amount, status)] (amounts signed as wolph stores them)."""
    yaml, loader = _yaml_loader()
    with open(path, encoding="utf-8") as handle:
        doc = yaml.load(handle, Loader=loader) or {}  # noqa: S506 - SafeLoader subclass, tags read as plain data
    out = []
    for transaction in doc.get("transactions") or []:
        data = transaction.get("data", {})
        amount = data.get("amount", {}).get("amount")
        value = float(amount[0] if isinstance(amount, list) else amount)
        out.append((value, data.get("status")))
    return out


@tagged("post_install", "-at_install")
class TestStatementImportRealFiles(StatementImportCase):
    @classmethod
    def setUpClass(cls):
        folder = statements_dir()
        if not os.path.isdir(folder):
            reason = "real bank statements not found at %s (set AI_BOOKKEEPING_SHARED_DATA)" % folder
            print("SKIPPED TestStatementImportRealFiles: %s" % reason)  # noqa: T201 - the skip must be visible
            _logger.warning("SKIPPED TestStatementImportRealFiles: %s", reason)
            raise SkipTest(reason)
        cls.folder = folder
        super().setUpClass()
        cls.journal_count = 0

    def journal_for(self, currency_code):
        """A fresh bank journal in that currency (real files overlap: each gets its own), None if Odoo has none."""
        currency = self.find_currency(currency_code)
        if not currency:
            return None
        type(self).journal_count += 1
        return self.make_bank_journal("S%03d" % self.journal_count, currency=currency)

    def path(self, name):
        return os.path.join(self.folder, name)

    def import_file(self, name, journal=None):
        """Parse once to learn the currency, then import through the wizard into a new journal of that currency."""
        attachment = self.attach_file(self.path(name))
        parsed = self.env["account.journal"]._statement_import_parse(attachment)
        currencies = {st["currency"] for st in parsed["statements"] if st["lines"]}
        journal = journal or (self.journal_for(next(iter(currencies))) if currencies else self.bank_journal)
        self.assertIsNotNone(journal, "%s: currency %s unknown to Odoo" % (name, currencies))
        return self.run_wizard(attachment, journal), attachment, journal

    def test_camt_files_as_oca_golden_parses(self):
        for file, golden_file in [("test-camt053", "golden-camt053.pydata"),
                                  ("test-camt053-txdtls", "golden-camt053-txdtls.pydata"),
                                  ("test-camt054", "golden-camt054.pydata"),
                                  ("test-camt053-no-ntry", "golden-camt053-no-ntry.pydata")]:
            with self.subTest(file=file):
                with open(self.path("oca-camt/" + golden_file), encoding="utf-8") as handle:
                    currency, _account, golden = ast.literal_eval(handle.read())
                wizard, _attachment, _journal = self.import_file("oca-camt/" + file)
                self.assertEqual(wizard.state, "done")
                expected = [t for st in golden for t in st["transactions"]]
                self.assertEqual(wizard.imported_count, len(expected), wizard.summary)
                lines = self.lines_of(wizard)
                self.assertEqual(len(wizard.statement_ids), len(golden))
                for got, want in zip(lines, expected, strict=True):
                    self.assertEqual(got.amount, want["amount"])
                    self.assertEqual(str(got.date), want["date"])
                    self.assertEqual(got.partner_name or False, want.get("partner_name") or False)
                    self.assertEqual(got.account_number or False, want.get("account_number") or False)
                    self.assertEqual(got.ref or False, want.get("ref") or False)
                    self.assertEqual(got.currency_id.name, currency)
                    self.assertTrue(got.unique_import_id)
                for statement, want in zip(wizard.statement_ids.sorted("id"), golden, strict=True):
                    self.assertEqual(statement.name, want["name"])
                    if file != "test-camt054":  # a notification states no balances (OCA writes 0 and 0)
                        self.assertAlmostEqual(statement.balance_start, want["balance_start"], places=2)
                        self.assertAlmostEqual(statement.balance_end_real, want["balance_end_real"], places=2)
                if file == "test-camt053":
                    # The file's own lines do not add up to its closing balance (OCA's golden has the same gap).
                    self.assertFalse(wizard.statement_ids.is_complete)
                    self.assertIn("a gap of 434.16", wizard.summary)

    def test_ofx_files(self):
        for name in ["oca-ofx/test_ofx.ofx", "oca-ofx/test_ofx_iban.ofx"]:
            with self.subTest(file=name):
                wizard, _attachment, _journal = self.import_file(name)
                lines = self.lines_of(wizard)
                self.assertEqual(lines.mapped("amount"), [-80, -90, -100, -90])
                self.assertEqual(lines.mapped("partner_name"),
                                 ["Agrolait", "China Export", "Axelor Scuba", "China Scuba"])
                self.assertEqual(set(lines.mapped("date")), {lines[0].date})
                self.assertEqual(str(lines[0].date), "2013-08-24")
                # OFX states the closing balance only: the opening one is derived from it.
                self.assertEqual(wizard.statement_ids.balance_end_real, 2156.56)
                self.assertAlmostEqual(wizard.statement_ids.balance_start, 2156.56 + 360, places=2)
                self.assertTrue(wizard.statement_ids.is_complete)

    def test_mt940_files_as_wolph_expected_parses(self):
        names = sorted(os.path.relpath(p, self.folder) for p in glob.glob(self.path("mt940/**/*.sta"), recursive=True))
        self.assertGreaterEqual(len(names), 50)
        imported = 0
        for name in names:
            if name in REFUSED:
                continue
            with self.subTest(file=name):
                golden = mt940_golden(self.path(name[:-4] + ".yml"))
                attachment = self.attach_file(self.path(name))
                try:
                    parsed = self.env["account.journal"]._statement_import_parse(attachment)
                except UserError as exc:
                    self.assertEqual(golden, [], "%s refused: %s" % (name, exc))
                    continue
                currencies = sorted({st["currency"] for st in parsed["statements"] if st["lines"]})
                # cmxl/mt940.sta: three accounts in DEM, EUR and PLN: one journal cannot hold it
                if len(currencies) > 1:
                    journal = self.journal_for(currencies[-1])
                    with self.assertRaisesRegex(UserError, "is in %s but the journal" % currencies[0]):
                        journal.import_bank_statement_files(attachment.ids)
                    continue
                journal = self.journal_for(currencies[0]) if currencies else self.bank_journal
                if journal is None:  # DEM (raphaelm.sta): no longer a currency in Odoo
                    with self.assertRaisesRegex(UserError, "is in DEM but the journal"):
                        self.bank_journal.import_bank_statement_files(attachment.ids)
                    continue
                wizard = self.run_wizard(attachment, journal)
                lines = self.lines_of(wizard)
                # RC (reversal of a credit) is a debit per SWIFT; wolph/mt940 keeps it as printed.
                want = [-a if s in ("RC", "RD") else a for a, s in golden]
                self.assertEqual(sorted(round(a, 2) for a in lines.mapped("amount")), sorted(round(a, 2) for a in want),
                                 wizard.summary)
                imported += len(lines)
                for statement in wizard.statement_ids:
                    self.assertTrue(statement.line_ids)
        self.assertGreater(imported, 150)

    def test_the_same_files_twice_add_nothing(self):
        for name in ["oca-camt/test-camt053", "oca-camt/test-camt053-txdtls", "oca-ofx/test_ofx.ofx",
                     "mt940/betterplace/sepa_mt9401.sta", "mt940/jejik/ing.sta"]:
            with self.subTest(file=name):
                first, _attachment, journal = self.import_file(name)
                self.assertGreater(first.imported_count, 0)
                count = self.env["account.bank.statement.line"].search_count([("journal_id", "=", journal.id)])
                second, _attachment, _journal = self.import_file(name, journal)
                self.assertEqual(second.imported_count, 0)
                self.assertEqual(second.already_count, first.imported_count)
                self.assertFalse(second.statement_ids)
                self.assertIn("0 lines imported, %d already present" % first.imported_count, second.summary)
                self.assertEqual(
                    self.env["account.bank.statement.line"].search_count([("journal_id", "=", journal.id)]), count)

    def test_malformed_files_are_refused_and_write_nothing(self):
        before = self.env["account.bank.statement.line"].search_count([])
        for name, reason in REFUSED.items():
            with self.subTest(file=name):
                attachment = self.attach_file(self.path(name))
                wizard = self.run_wizard(attachment, self.bank_journal)
                self.assertEqual(wizard.state, "done")
                self.assertEqual(wizard.imported_count, 0)
                self.assertIn("Not imported", wizard.summary)
                self.assertIn(reason.replace("<", "&lt;").replace(">", "&gt;"), wizard.summary)
                with self.assertRaisesRegex(UserError, "cannot be imported"):
                    self.bank_journal.import_bank_statement_files(attachment.ids)
        self.assertEqual(self.env["account.bank.statement.line"].search_count([]), before)
