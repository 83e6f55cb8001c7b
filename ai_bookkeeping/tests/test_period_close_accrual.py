from odoo.exceptions import UserError
from odoo.tests import tagged

from .period_close_common import FEBRUARY, VENDOR_A_MEDIAN, PeriodCloseCase


@tagged("post_install", "-at_install")
class TestPeriodCloseAccrual(PeriodCloseCase):
    def test_the_accrual_is_the_median_of_the_vendor_s_months(self):
        close = self.make_close(FEBRUARY, user=self.reviewer)
        (suggestion,) = close.action_propose_accruals()
        values = suggestion.proposed_values
        self.assertEqual(suggestion.kind, "adjusting_entry")
        self.assertEqual(values["amount"], VENDOR_A_MEDIAN)
        self.assertEqual(values["partner_id"], self.vendor_a.id)
        self.assertEqual(values["expense_account_id"], self.subscription_account.id)
        self.assertEqual(values["accrual_account_id"], self.accrual_account.id)
        self.assertEqual((values["date"], values["reversal_date"]), ("2026-02-28", "2026-03-01"))
        self.assertEqual(values["months"], ["2026-01", "2025-12", "2025-11", "2025-10"])
        self.assertIn("median", suggestion.explanation)
        self.assertIn("Monthly Hosting Ltd", suggestion.explanation)
        self.assertEqual(self.items(close)["adjusting_entries"], (1, VENDOR_A_MEDIAN))
        # Proposing again adds nothing for the same vendor.
        self.assertFalse(close.action_propose_accruals())

    def test_approving_posts_the_accrual_and_its_reversal_revert_cancels_both(self):
        close = self.make_close(FEBRUARY, user=self.reviewer)
        suggestion = close.action_propose_accruals().with_user(self.reviewer)
        suggestion.action_approve()
        self.assertEqual(suggestion.state, "applied")
        accrual, reversal = suggestion.adjusting_move_ids.sorted("date")
        self.assertEqual((str(accrual.date), str(reversal.date)), ("2026-02-28", "2026-03-01"))
        self.assertEqual((accrual.state, reversal.state), ("posted", "posted"))
        self.assertEqual(reversal.reversed_entry_id, accrual)
        expense = accrual.line_ids.filtered(lambda line: line.account_id == self.subscription_account)
        liability = accrual.line_ids.filtered(lambda line: line.account_id == self.accrual_account)
        self.assertEqual((expense.debit, liability.credit), (VENDOR_A_MEDIAN, VENDOR_A_MEDIAN))
        self.assertEqual(sum(reversal.line_ids.filtered(
            lambda line: line.account_id == self.accrual_account).mapped("debit")), VENDOR_A_MEDIAN)
        self.assertTrue(accrual.ai_generated and reversal.ai_generated)
        events = self.env["ai.audit.log"].search([("res_model", "=", "ai.suggestion"), ("res_id", "=", suggestion.id)])
        self.assertEqual(set(events.mapped("event")), {"created", "approved", "applied"})

        suggestion.action_revert()
        self.assertEqual(suggestion.state, "reverted")
        self.assertEqual(set(suggestion.adjusting_move_ids.mapped("state")), {"cancel"})
        self.assertFalse(any(suggestion.adjusting_move_ids.mapped("ai_generated")))

    def test_no_accrual_once_the_bill_has_arrived(self):
        close = self.make_close(FEBRUARY, user=self.reviewer)
        suggestion = close.action_propose_accruals().with_user(self.reviewer)
        self.make_bill(self.vendor_a, 112.0, "2026-02-25")
        with self.assertRaisesRegex(UserError, "has arrived meanwhile"):
            suggestion.action_approve()
        self.assertEqual(suggestion.state, "pending")

    def test_the_accrual_account_is_required(self):
        self.env.company.ai_close_accrual_account_id = False
        close = self.make_close(FEBRUARY)
        with self.assertRaisesRegex(UserError, "accrued liabilities account"):
            close.action_propose_accruals()
