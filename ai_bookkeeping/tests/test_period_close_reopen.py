from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .period_close_common import FEBRUARY, JANUARY, PeriodCloseCase


@tagged("post_install", "-at_install")
class TestPeriodCloseReopen(PeriodCloseCase):
    def reopen(self, close, reason, user=None):
        wizard = self.env["ai.period.close.reopen.wizard"].with_user(user or self.account_manager).create(
            {"close_id": close.id, "reason": reason})
        return wizard.action_reopen()

    def test_a_manager_reopens_with_a_reason_and_the_history_is_kept(self):
        company = self.env.company
        company.sudo().tax_lock_date = "2025-12-31"
        close = self.make_close(JANUARY)
        self.lock(close)
        self.assertEqual((str(company.fiscalyear_lock_date), str(company.tax_lock_date)),
                         ("2026-01-31", "2026-01-31"))
        first_digest, first_pack = close.period_digest, close.close_pack_id
        with self.assertRaises(AccessError):
            self.reopen(close, "late credit note", user=self.accountant)
        with self.assertRaisesRegex(UserError, "Say why"):
            self.reopen(close, "   ")

        self.reopen(close, "late credit note from Office Rent SA")
        self.assertEqual(close.state, "in_progress")
        self.assertFalse(company.fiscalyear_lock_date, "back to what it was before the lock")
        self.assertEqual(str(company.tax_lock_date), "2025-12-31")
        self.assertFalse(close.period_digest)
        (record,) = close.lock_record_ids
        self.assertEqual((record.period_digest, record.close_pack_id), (first_digest, first_pack))
        self.assertEqual((record.reopened_by_id, record.reopen_reason),
                         (self.account_manager, "late credit note from Office Rent SA"))
        self.assertEqual(record.lock_dates_restored, {"fiscalyear_lock_date": None, "tax_lock_date": "2025-12-31",
                                                      "sale_lock_date": None, "purchase_lock_date": None})
        self.assertIn("late credit note", close.message_ids[0].body)
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            record.with_user(self.account_manager).write({"reopen_reason": "edited"})
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            record.sudo().unlink()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            close.unlink()
        self.make_entry(30.0, "2026-01-20", post=True)  # the period takes entries again

        self.lock(close)
        self.assertEqual(close.state, "locked")
        self.assertEqual(len(close.lock_record_ids), 2)
        self.assertNotEqual(close.period_digest, first_digest, "the new entry changed the fingerprint")
        html = self.env["ir.actions.report"]._render_qweb_html(
            "ai_bookkeeping.period_close_report", close.ids)[0].decode()
        self.assertIn("Earlier locks and reopenings", html)
        self.assertIn("late credit note from Office Rent SA", html)

    def test_reopening_is_refused_under_a_hard_lock_or_a_later_locked_period(self):
        january, february = self.make_close(JANUARY), self.make_close(FEBRUARY)
        self.lock(january)
        self.lock(february)
        with self.assertRaisesRegex(UserError, "reopen it first"):
            self.reopen(january, "typo")
        self.reopen(february, "typo")
        self.reopen(january, "typo")
        self.lock(january, set_hard_lock=True, confirm_hard_lock=True)
        with self.assertRaisesRegex(UserError, "hard lock"):
            self.reopen(january, "typo")
        self.assertEqual(january.state, "locked")
