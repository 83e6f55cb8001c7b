"""The statement import writes in batches: the number of SQL queries does not grow with the number of lines (a
regression guard for speed that cannot be fooled by a fast or slow machine), and a batched file is still whole or
nothing, deduplicated and balanced."""

from unittest.mock import patch

import odoo.fields
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from ..models import statement_import_journal as sij
from ..tools import statement_import_reply as sir
from .common import AiBookkeepingCase

IBAN = "DE02120300000000202051"
PARTNER_IBAN = "FR1420041010050500013M02606"
# Queries per new line of an import, whatever the number of lines (measured: 0.2 — the batched INSERTs and UPDATEs
# of the ORM). Odoo's own create numbered each move with 3 queries and looked its analytic distribution models up
# twice (7.0 a line); the import's per-line move writes (a balance check and a flush each) had made it 8.4.
QUERIES_PER_LINE = 1.0


def parsed_file(count, account=IBAN, currency="USD", opening=None, first=0, dates=None):
    """A checked endpoint reply (as tools/statement_import_reply.check_reply gives it) of ``count`` lines; every
    third line's counterparty is a known partner's IBAN, the others unknown ones. ``dates``: cycled over the lines
    (default: January 2026, day by day)."""
    dates = dates or ["2026-01-%02d" % day for day in range(1, 29)]
    lines = [{
        "date": dates[i % len(dates)], "amount": round((i % 50 + 1) * (1 if i % 4 else -1) * 10.25, 2),
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
        self.logged_sql = logged.output
        return self.env.cr.sql_log_count - before, balance_checks, result

    def test_queries_do_not_grow_with_the_lines(self):
        # Warm the registry's and ORM's caches (first statement of a journal, sequences, field metadata).
        # The lines of a file fall on a few dates (its entries are numbered with a few queries per date).
        dates = ["2026-01-05", "2026-01-06", "2026-01-07"]
        self.queries_to_import(self.make_journal("BQW", "NL91ABNA0417164300"),
                               parsed_file(5, "NL91ABNA0417164300", dates=dates))
        counts = {}
        for count, code in ((20, "BQA"), (40, "BQB")):
            account = "DE%020d" % count
            queries, balance_checks, result = self.queries_to_import(self.make_journal(code, account),
                                                                     parsed_file(count, account, dates=dates))
            self.assertEqual(result["imported"], count)
            counts[count] = queries
            # The moves' balance is checked once for the file, not once per line (with a flush before each).
            self.assertEqual(balance_checks, 1, "balance checks for %d lines" % count)
        # 20 more lines cost no query of their own: no search, write or flush per line, the moves numbered as a
        # batch (one locked number, then the sequence cache), the analytic distribution models read once.
        self.assertLessEqual((counts[40] - counts[20]) / 20, QUERIES_PER_LINE, "queries: %s" % counts)

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

    def test_moves_are_numbered_as_odoo_numbers_them(self):
        # The same lines typed through Odoo's own account.bank.statement.line.create (no import context) into one
        # journal, and imported in batches of 5 into another: each line's entry gets the same number in both, the
        # numbers of each year run 1, 2, 3 … without gap or repeat, across batches, a year end and a second file.
        typed_journal, imported_journal = self.make_journal("BQT", False), self.make_journal("BQI", False)
        StatementLine = self.env["account.bank.statement.line"]
        dates = ["2025-12-30", "2026-01-02", "2025-12-31", "2026-01-02", "2026-01-05"]
        files = [parsed_file(3, account="", dates=["2026-01-02"], first=100),
                 parsed_file(17, account="", dates=dates), parsed_file(9, account="", dates=dates, first=40)]
        for number, parsed in enumerate(files, 1):
            statement = parsed["statements"][0]
            partners = typed_journal._statement_import_partners([line["counterpartyAccount"]
                                                                 for line in statement["lines"]])
            typed = StatementLine.create([
                typed_journal._statement_import_line_vals(line, "T-%d-%d" % (number, k), statement, partners)
                for k, line in enumerate(statement["lines"])])
            if number == 1:  # entries the journals had before any import
                imported = StatementLine.create([
                    imported_journal._statement_import_line_vals(line, "I-%d-%d" % (number, k), statement, partners)
                    for k, line in enumerate(statement["lines"])])
            else:
                with patch.object(sij, "IMPORT_BATCH", 5):
                    result = imported_journal._statement_import_file(self.attachment, parsed)
                imported = result["statements"].line_ids.sorted("id")
                self.assertEqual(len(result["statements"]), 1)
            self.assertEqual(len(imported), len(typed))
            self.assertEqual({line.payment_ref: line.move_id.name.replace("BQI/", "BQT/") for line in imported},
                             {line.payment_ref: line.move_id.name for line in typed}, "file %d" % number)
        moves = StatementLine.search([("journal_id", "=", imported_journal.id)]).move_id
        self.assertEqual(set(moves.mapped("state")), {"posted"})
        for prefix, count in (("BQI/2025/", 11), ("BQI/2026/", 18)):
            numbered = moves.filtered(lambda move, prefix=prefix: move.sequence_prefix == prefix)
            self.assertEqual(sorted(numbered.mapped("sequence_number")), list(range(1, count + 1)), prefix)
        self.assertFalse(moves.filtered("made_sequence_gap"))

    def test_batches_larger_than_the_orm_prefetch_keep_the_date_order(self):
        # The ORM computes a pending stored field PREFETCH_MAX records at a time (1,000): with a create of more
        # moves than that, the first move numbered looks its journal's last number up, which flushes, which
        # numbers the other chunk first: the later dates got the first numbers (a 10,000-line file began at 00790),
        # every entry after that was a renumbering (Odoo's gap search, 8,006 of them). Scaled down: chunks of 4.
        journal = self.make_journal("BQP")
        dates = ["2026-01-%02d" % day for day in (5, 6, 7, 8, 9)]
        with patch.object(odoo.fields, "PREFETCH_MAX", 4):
            queries, _checks, result = self.queries_to_import(journal, parsed_file(40, dates=dates))
        moves = result["statements"].line_ids.move_id
        by_number = moves.sorted("sequence_number")
        self.assertEqual(by_number.mapped("sequence_number"), list(range(1, 41)))
        # Numbered once each: Odoo's gap search for the entry after a number (_set_next_made_sequence_gap) runs once
        # per create, after the batch is numbered (_inverse_name), not once more per entry renumbered by a write.
        gap_searches = sum('"account_move"."sequence_number" IN' in line for line in self.logged_sql)
        self.assertLessEqual(gap_searches, 40 // 4, "%d gap searches in %d queries" % (gap_searches, queries))
        self.assertEqual(by_number.ids, moves.sorted(lambda move: (move.date, move.id)).ids,
                         "numbers in date order: %s" % [(m.name, str(m.date)) for m in by_number[:8]])
        self.assertFalse(moves.filtered("made_sequence_gap"))

    def test_an_entry_numbered_by_hand_between_imports_is_numbered_after(self):
        # Odoo's sequence cache, where the import's remembered formats live too, does not outlive the writes of the
        # next import: its entries are numbered after the journal's last number, whoever gave it.
        journal = self.make_journal("BQN")
        journal._statement_import_file(self.attachment, parsed_file(4))
        self.env["account.move"].create({
            "journal_id": journal.id, "date": "2026-01-20", "name": "BQN/2026/00041",
            "line_ids": [Command.create({"account_id": journal.default_account_id.id, "debit": 5.0}),
                         Command.create({"account_id": journal.suspense_account_id.id, "credit": 5.0})],
        }).action_post()
        second = journal._statement_import_file(self.attachment, parsed_file(3, first=10))
        self.assertEqual(sorted(second["statements"].line_ids.move_id.mapped("name")),
                         ["BQN/2026/00042", "BQN/2026/00043", "BQN/2026/00044"])

    def test_a_file_larger_than_a_batch_is_whole_or_nothing(self):
        journal = self.make_journal("BQL")
        with patch.object(sij, "IMPORT_BATCH", 5):
            result = journal._statement_import_file(self.attachment, parsed_file(12, opening=0.0))
        statement = result["statements"]
        self.assertEqual((len(statement), len(statement.line_ids), result["gaps"]), (1, 12, []))
        self.assertTrue(statement.is_complete)
        self.assertEqual(len(self.env["ai.job"]._jobs_of("reconciliation", statement.line_ids)), 12)
        self.assertEqual(len(statement.line_ids.filtered(lambda line: line.partner_id == self.customer)), 4)
        # An unbalanced entry in the third batch takes the first two with it.
        good = {"journal_id": journal.id, "date": "2026-02-05", "amount": 10.0, "payment_ref": "fine"}
        bad = dict(good, payment_ref="off by one", line_ids=[
            Command.create({"account_id": journal.default_account_id.id, "debit": 10.0, "credit": 0.0}),
            Command.create({"account_id": journal.suspense_account_id.id, "debit": 0.0, "credit": 9.0}),
        ])
        lines = [Command.create(dict(good, payment_ref="fine %d" % k)) for k in range(11)] + [Command.create(bad)]
        with self.assertRaisesRegex(UserError, "1 unbalanced journal entries"), patch.object(sij, "IMPORT_BATCH", 5):
            with self.env.cr.savepoint():
                journal._statement_import_create([{"name": "UNBAL", "journal_id": journal.id, "line_ids": lines}])
        self.assertEqual(self.env["account.bank.statement.line"].search_count([("journal_id", "=", journal.id)]), 12)

    def test_analytic_distribution_models_still_apply(self):
        # The distribution models are read once per batch, not once per journal item; they still apply.
        journal = self.make_journal("BQY")
        plan = self.env["account.analytic.plan"].create({"name": "Batch plan"})
        analytic = self.env["account.analytic.account"].create({"name": "Bank costs", "plan_id": plan.id})
        self.env["account.analytic.distribution.model"].create({
            "account_prefix": journal.suspense_account_id.code, "partner_id": self.customer.id,
            "analytic_distribution": {str(analytic.id): 100}, "company_id": self.env.company.id,
        })
        result = journal._statement_import_file(self.attachment, parsed_file(9))
        suspense = result["statements"].line_ids.move_id.line_ids.filtered(
            lambda line: line.account_id == journal.suspense_account_id)
        with_model = suspense.filtered(lambda line: line.partner_id == self.customer)
        self.assertEqual(len(with_model), 3)
        for line in with_model:
            self.assertEqual(line.analytic_distribution, {str(analytic.id): 100})
        self.assertFalse((suspense - with_model).filtered("analytic_distribution"))
