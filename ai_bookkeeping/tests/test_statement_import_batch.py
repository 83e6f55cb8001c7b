"""The statement import writes in batches: the number of SQL queries does not grow with the number of lines (a
regression guard for speed that cannot be fooled by a fast or slow machine), and a batched file is still whole or
nothing, deduplicated and balanced."""

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from ..tools import statement_import_reply as sir
from .common import AiBookkeepingCase

IBAN = "DE02120300000000202051"
PARTNER_IBAN = "FR1420041010050500013M02606"
# What Odoo 18's account.bank.statement.line.create and _post query per new line when called once for many lines
# (measured: 7.0); the import's per-line move writes (a balance check and a flush each) made it 8.4.
ODOO_QUERIES_PER_LINE = 7.5


def parsed_file(count, account=IBAN, currency="USD", opening=None, first=0):
    """A checked endpoint reply (as tools/statement_import_reply.check_reply gives it) of ``count`` lines; every
    third line's counterparty is a known partner's IBAN, the others unknown ones."""
    lines = [{
        "date": "2026-01-%02d" % (1 + i % 28), "amount": round((i % 50 + 1) * (1 if i % 4 else -1) * 10.25, 2),
        "currency": currency, "label": "Payment %d" % i, "counterpartyName": "Customer %d" % (i % 9),
        "counterpartyAccount": PARTNER_IBAN if i % 3 == 0 else "DE%020d" % i, "reference": "RF18%08d" % i,
        "endToEndId": "E2E-%d" % i, "bankReference": "BANK-%d" % i,
    } for i in range(first, first + count)]
    total = round(sum(line["amount"] for line in lines), 2)
    statement = {"format": "camt.053", "statementId": "BATCH-%d-%d" % (first, count), "account": account,
                 "currency": currency, "lines": lines, "skipped": []}
    if opening is not None:
        statement["openingBalance"] = {"amount": opening}
        statement["closingBalance"] = {"amount": round(opening + total, 2)}
    return sir.check_reply({"format": "camt.053", "statements": [statement]})


@tagged("post_install", "-at_install")
class TestStatementImportBatch(AiBookkeepingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create({
            "name": "Batch Customer", "bank_ids": [Command.create({"acc_number": PARTNER_IBAN})],
        })
        cls.attachment = cls.env["ir.attachment"].create({"name": "batch.xml", "raw": b"<Document/>"})

    def make_journal(self, code, account=IBAN):
        bank = self.env["res.partner.bank"].create({"acc_number": account, "partner_id": self.env.company.partner_id.id,
                                                    "allow_out_payment": False}) if account else False
        return self.env["account.journal"].create({
            "name": "Batch %s" % code, "code": code, "type": "bank", "bank_account_id": bank and bank.id,
        })

    def queries_to_import(self, journal, parsed):
        """(queries, balance-check queries, result) of importing ``parsed`` into ``journal``."""
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        with self.assertLogs("odoo.sql_db", "DEBUG") as logged:
            result = journal._statement_import_file(self.attachment, parsed)
            self.env.flush_all()
        balance_checks = sum("ROUND(SUM(line.debit)" in line for line in logged.output)
        return self.env.cr.sql_log_count - before, balance_checks, result

    def test_queries_do_not_grow_with_the_lines(self):
        # Warm the registry's and ORM's caches (first statement of a journal, sequences, field metadata).
        self.queries_to_import(self.make_journal("BQW", "NL91ABNA0417164300"), parsed_file(5, "NL91ABNA0417164300"))
        counts = {}
        for count, code in ((20, "BQA"), (40, "BQB")):
            account = "DE%020d" % count
            queries, balance_checks, result = self.queries_to_import(self.make_journal(code, account),
                                                                     parsed_file(count, account))
            self.assertEqual(result["imported"], count)
            counts[count] = queries
            # The moves' balance is checked once for the file, not once per line (with a flush before each).
            self.assertEqual(balance_checks, 1, "balance checks for %d lines" % count)
        # 20 more lines cost what Odoo's own batched create and posting query per move (its sequence: 3, the
        # analytic distribution models: 2, …), nothing of the import's own: no search, write or flush per line.
        self.assertLessEqual((counts[40] - counts[20]) / 20, ODOO_QUERIES_PER_LINE, "queries: %s" % counts)

    def test_a_batched_file_is_deduplicated_balanced_and_queued(self):
        journal = self.make_journal("BQD")
        first = journal._statement_import_file(self.attachment, parsed_file(30, opening=100.0))
        self.assertEqual((first["imported"], first["already"], first["gaps"]), (30, 0, []))
        statement = first["statements"]
        self.assertEqual(len(statement.line_ids), 30)
        self.assertTrue(statement.is_complete)
        self.assertAlmostEqual(statement.balance_end, statement.balance_end_real)
        moves = statement.line_ids.move_id
        self.assertEqual(set(moves.mapped("state")), {"posted"})
        self.assertEqual(len(set(moves.mapped("name"))), 30)
        for move in moves:
            self.assertEqual(len(move.line_ids), 2)
            self.assertAlmostEqual(sum(move.line_ids.mapped("balance")), 0.0)
        by_partner = statement.line_ids.filtered(lambda line: line.account_number == PARTNER_IBAN)
        self.assertEqual(len(by_partner), 10)
        self.assertEqual(by_partner.partner_id, self.customer)
        self.assertFalse((statement.line_ids - by_partner).partner_id)
        self.assertEqual(len(self.env["ai.job"]._jobs_of("reconciliation", statement.line_ids)), 30)
        self.assertEqual(set(statement.line_ids.mapped("ai_state")), {"queued"})
        # The same lines again, then an overlapping file: only the new lines are written.
        again = journal._statement_import_file(self.attachment, parsed_file(30, opening=100.0))
        self.assertEqual((again["imported"], again["already"]), (0, 30))
        overlap = journal._statement_import_file(self.attachment, parsed_file(20, first=20))
        self.assertEqual((overlap["imported"], overlap["already"]), (10, 10))
        self.assertEqual(self.env["account.bank.statement.line"].search_count([("journal_id", "=", journal.id)]), 40)

    def test_two_statements_of_one_file_repeating_lines_write_them_once(self):
        journal = self.make_journal("BQR")
        parsed = parsed_file(6)
        parsed["statements"].append(dict(parsed["statements"][0], statement_id="BATCH-REPEAT"))
        result = journal._statement_import_file(self.attachment, parsed)
        self.assertEqual((result["imported"], result["already"], len(result["statements"])), (6, 6, 1))

    def test_an_unbalanced_move_refuses_the_whole_batch(self):
        # The per-write balance check is left out of the batch; the one check at the end still refuses.
        journal = self.make_journal("BQU")
        suspense = journal.suspense_account_id
        good = {"journal_id": journal.id, "date": "2026-01-05", "amount": 10.0, "payment_ref": "fine"}
        bad = dict(good, payment_ref="off by one", line_ids=[
            Command.create({"account_id": journal.default_account_id.id, "debit": 10.0, "credit": 0.0}),
            Command.create({"account_id": suspense.id, "debit": 0.0, "credit": 9.0}),
        ])
        with self.assertRaisesRegex(UserError, "1 unbalanced journal entries"):
            with self.env.cr.savepoint():
                journal._statement_import_create([{"name": "UNBAL", "journal_id": journal.id,
                                                   "line_ids": [Command.create(good), Command.create(bad)]}])
        self.assertFalse(self.env["account.bank.statement.line"].search([("journal_id", "=", journal.id)]))
