from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import AiBookkeepingCase


@tagged("post_install", "-at_install")
class TestBulkApprove(AiBookkeepingCase):
    """The dashboard's bulk approval applies a whole chunk in one pass, and one bad row never costs the others."""

    def bulk_approve(self, suggestions):
        outcomes = self.env["ai.reconciliation.suggestion"].with_user(self.reviewer).bulk_approve(suggestions.ids)
        self.env.invalidate_all()
        return outcomes

    def test_mixed_chunk_gives_the_same_books_as_one_by_one(self):
        # Every kind of match in one chunk: full, partial, several invoices, fee write-off, vendor bill, expense.
        full = self.make_invoice(1200.0)
        partial = self.make_invoice(1000.0)
        multi = self.make_invoice(300.0) + self.make_invoice(450.0)
        fee = self.make_invoice(500.0)
        bill = self.make_invoice(640.0, partner=self.partner_b, move_type="in_invoice")
        expense_account = self.company_data["default_account_expense"]
        suggestions = (
            self.make_suggestion(self.make_st_line(1200.0, "full"), self.receivable(full))
            | self.make_suggestion(self.make_st_line(400.0, "partial"), self.receivable(partial), match_type="partial")
            | self.make_suggestion(self.make_st_line(750.0, "multi"), self.receivable(multi), match_type="multi")
            | self.make_suggestion(self.make_st_line(492.5, "fee"), self.receivable(fee), match_type="writeoff",
                                   account=self.fee_account, writeoff=7.5)
            | self.make_suggestion(self.make_st_line(-640.0, "bill"), self.receivable(bill))
            | self.make_suggestion(self.make_st_line(-42.0, "CARD COFFEE"), match_type="expense",
                                   account=expense_account, partner=self.partner_a)
        )
        outcomes = self.bulk_approve(suggestions)

        self.assertEqual([o["id"] for o in outcomes], suggestions.ids, "one outcome per row, in the order asked")
        self.assertTrue(all(o["ok"] and o["state"] == "applied" for o in outcomes), outcomes)
        self.assertTrue(all(suggestions.statement_line_id.mapped("is_reconciled")))
        self.assertEqual(full.payment_state, "paid")
        self.assertEqual(partial.payment_state, "partial")
        self.assertAlmostEqual(partial.amount_residual, 600.0)
        self.assertEqual(set(multi.mapped("payment_state")), {"paid"})
        self.assertEqual(fee.payment_state, "paid")
        self.assertEqual(bill.payment_state, "paid")
        fee_line = suggestions[3].statement_line_id.move_id.line_ids.filtered(
            lambda line: line.account_id == self.fee_account)
        self.assertAlmostEqual(fee_line.balance, 7.5)
        expense_line = suggestions[5].statement_line_id.move_id.line_ids.filtered(
            lambda line: line.account_id == expense_account)
        self.assertAlmostEqual(expense_line.balance, 42.0)
        for move in suggestions.statement_line_id.move_id:
            self.assertAlmostEqual(sum(move.line_ids.mapped("balance")), 0.0)
            self.assertIn("Reconciled from AI suggestion", " ".join(move.message_ids.mapped("body")))

        suggestions[0].with_user(self.reviewer).action_revert()
        self.assertEqual(full.payment_state, "not_paid")
        self.assertEqual(partial.payment_state, "partial", "reverting one row leaves the others applied")

    def test_one_bad_row_is_reported_on_its_row_and_the_others_are_applied(self):
        invoices = [self.make_invoice(100.0 + i) for i in range(4)]
        lines = [self.make_st_line(100.0 + i, "pay %d" % i) for i in range(4)]
        suggestions = self.env["ai.reconciliation.suggestion"]
        for invoice, line in zip(invoices, lines, strict=True):
            suggestions |= self.make_suggestion(line, self.receivable(invoice))
        # Row 2's invoice is paid by someone else before the bulk approval: the chunk's fast path fails on it.
        other_line = self.make_st_line(102.0, "paid elsewhere")
        self.make_suggestion(other_line, self.receivable(invoices[2])).with_user(self.reviewer).action_approve()
        # A second suggestion for row 0's line, in the same selection: it can only be refused once row 0 is applied.
        second_for_line_0 = self.make_suggestion(lines[0], self.receivable(invoices[3]))

        outcomes = self.bulk_approve(suggestions | second_for_line_0)

        by_id = {o["id"]: o for o in outcomes}
        for index in (0, 1, 3):
            self.assertTrue(by_id[suggestions[index].id]["ok"], outcomes)
            self.assertEqual(invoices[index].payment_state, "paid")
        self.assertFalse(by_id[suggestions[2].id]["ok"])
        self.assertIn("paid in the meantime", by_id[suggestions[2].id]["error"])
        self.assertEqual(suggestions[2].state, "pending")
        self.assertIn("paid in the meantime", suggestions[2].error_message)
        self.assertFalse(lines[2].is_reconciled, "the failed row changed nothing")
        refusal = self.env["ai.audit.log"].sudo().search([
            ("res_model", "=", suggestions._name), ("res_id", "=", suggestions[2].id), ("event", "=", "failed")])
        self.assertEqual(len(refusal), 1, "the refusal is in the audit log")
        self.assertIn("paid in the meantime", refusal.note)
        self.assertEqual(refusal.user_id, self.reviewer)
        self.assertFalse(by_id[second_for_line_0.id]["ok"])
        self.assertAlmostEqual(invoices[0].amount_residual, 0.0, msg="no double reconciliation of line 0")

    def test_a_reader_cannot_bulk_approve(self):
        invoice = self.make_invoice(80.0)
        suggestion = self.make_suggestion(self.make_st_line(80.0, "x"), self.receivable(invoice))
        with self.assertRaises(AccessError):
            self.env["ai.reconciliation.suggestion"].with_user(self.reader).bulk_approve(suggestion.ids)
        self.assertEqual(suggestion.state, "pending")
        self.assertEqual(invoice.payment_state, "not_paid")

    def test_two_instalments_of_one_invoice_in_one_batch(self):
        invoice = self.make_invoice(1000.0)
        first = self.make_suggestion(self.make_st_line(300.0, "instalment 1"), self.receivable(invoice),
                                     match_type="partial")
        second = self.make_suggestion(self.make_st_line(200.0, "instalment 2"), self.receivable(invoice),
                                      match_type="partial")
        outcomes = self.bulk_approve(first | second)
        self.assertTrue(all(o["ok"] for o in outcomes), outcomes)
        self.assertEqual(invoice.payment_state, "partial")
        self.assertAlmostEqual(invoice.amount_residual, 500.0)
        self.assertTrue(first.statement_line_id.is_reconciled and second.statement_line_id.is_reconciled)

    def test_two_lines_claiming_the_same_invoice_pay_it_once(self):
        invoice = self.make_invoice(250.0)
        first = self.make_suggestion(self.make_st_line(250.0, "payment"), self.receivable(invoice))
        second = self.make_suggestion(self.make_st_line(250.0, "same payment, imported twice"),
                                      self.receivable(invoice))
        # One call with both, as auto-apply or a script would do: the second is refused and nothing is applied.
        with self.assertRaisesRegex(UserError, "paid in the meantime"):
            with self.env.cr.savepoint():
                (first | second).with_user(self.reviewer).action_approve()
        self.env.invalidate_all()
        self.assertEqual(invoice.payment_state, "not_paid")
        # Through the dashboard: the first is applied, the second refused on its row.
        outcomes = {o["id"]: o for o in self.bulk_approve(first | second)}
        self.assertTrue(outcomes[first.id]["ok"])
        self.assertFalse(outcomes[second.id]["ok"])
        self.assertIn("paid in the meantime", outcomes[second.id]["error"])
        self.assertEqual(invoice.payment_state, "paid")
        self.assertAlmostEqual(invoice.amount_residual, 0.0)
        self.assertFalse(second.statement_line_id.is_reconciled, "the invoice is not paid twice")
