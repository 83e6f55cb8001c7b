import base64
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, RedirectWarning, UserError
from odoo.tests import HttpCase, tagged

from .period_close_common import JANUARY, PeriodCloseCase


@tagged("post_install", "-at_install")
class TestPeriodCloseLock(PeriodCloseCase):
    def test_lock_refused_while_a_blocking_item_is_open_allowed_once_accepted(self):
        self.make_entry(75.0, "2026-01-10")
        close = self.make_close(JANUARY)
        with self.assertRaisesRegex(UserError, "blocking items are open: Draft journal entries"):
            self.lock(close)
        self.assertFalse(self.env.company.fiscalyear_lock_date)
        drafts = close.item_ids.filtered(lambda i: i.code == "draft_entries").with_user(self.accountant)
        drafts.note = "Template entry, kept as a draft on purpose."
        drafts.action_accept()
        self.lock(close)
        company = self.env.company
        self.assertEqual(close.state, "locked")
        self.assertEqual(close.locked_by_id, self.account_manager)
        for name in ("fiscalyear_lock_date", "tax_lock_date", "sale_lock_date", "purchase_lock_date"):
            self.assertEqual(company[name], fields.Date.to_date(JANUARY[1]), name)
        self.assertFalse(company.hard_lock_date)
        self.assertEqual(close.lock_dates["fiscalyear_lock_date"], JANUARY[1])
        # The snapshot keeps the checklist as it stood; the lock is Odoo's own.
        snapshot = {row["code"]: row for row in close.checklist_snapshot}
        self.assertEqual((snapshot["draft_entries"]["count"], snapshot["draft_entries"]["decision"]), (1, "accepted"))
        self.assertEqual(snapshot["draft_entries"]["note"], "Template entry, kept as a draft on purpose.")
        self.assertTrue(company._get_lock_date_violations(fields.Date.to_date("2026-01-20")))
        self.assertFalse(company._get_lock_date_violations(fields.Date.to_date("2026-02-01")))
        self.assertEqual(len(close.period_digest), 64)
        self.assertIn(close.period_digest_details["sha256"], close.lock_summary)
        self.assertTrue(close.close_pack_id)
        self.assertEqual((close.close_pack_id.res_model, close.close_pack_id.res_id), (close._name, close.id))
        with self.assertRaisesRegex(UserError, "locked"):
            drafts.action_reopen()
        with self.assertRaisesRegex(UserError, "already locked"):
            self.lock(close)
        with self.assertRaises(UserError):
            close.unlink()

    def test_hard_lock_needs_the_explicit_confirmation(self):
        close = self.make_close(JANUARY)
        with self.assertRaisesRegex(UserError, "tick the confirmation"):
            self.lock(close, set_hard_lock=True)
        self.assertFalse(self.env.company.hard_lock_date)
        self.lock(close, set_hard_lock=True, confirm_hard_lock=True)
        self.assertEqual(self.env.company.hard_lock_date, fields.Date.to_date(JANUARY[1]))

    def test_only_soft_locks_ticked_are_set_and_never_moved_back(self):
        self.env.company.sudo().tax_lock_date = "2026-02-28"
        close = self.make_close(JANUARY)
        self.lock(close, set_fiscalyear_lock=False, set_sale_lock=False, set_purchase_lock=False)
        self.assertEqual(str(self.env.company.tax_lock_date), "2026-02-28")
        self.assertFalse(self.env.company.fiscalyear_lock_date)
        self.assertFalse(close.lock_dates)

    def test_odoo_refuses_the_global_lock_over_unreconciled_bank_lines(self):
        self.make_st_line(50.0, "fee", date="2026-01-12")
        close = self.make_close(JANUARY)
        item = close.item_ids.filtered(lambda i: i.code == "unreconciled_statement_lines")
        item.note = "Disputed with the bank"
        item.action_accept()
        suspense = close.item_ids.filtered(lambda i: i.code == "suspense_balance")
        suspense.note = "Same line"
        suspense.action_accept()
        with self.assertRaisesRegex(RedirectWarning, "unreconciled bank statement lines"):
            self.lock(close)
        self.assertNotEqual(close.state, "locked")

    def test_a_plain_accountant_cannot_lock_or_grant_exceptions(self):
        close = self.make_close(JANUARY, user=self.accountant)
        with self.assertRaises(AccessError):
            close.action_open_lock_wizard()
        with self.assertRaises(AccessError):
            self.lock(close, user=self.accountant)
        with self.assertRaises(AccessError):
            close._lock({"fiscalyear_lock_date": JANUARY[1]})
        with self.assertRaises(AccessError):
            self.env["ai.period.close.exception.wizard"].with_user(self.accountant).create(
                {"reason": "x", "end_datetime": "2026-03-10 00:00:00"})
        self.assertFalse(self.env.company.fiscalyear_lock_date)

    def test_grant_a_lock_exception_with_reason_and_expiry(self):
        close = self.make_close(JANUARY)
        self.lock(close)
        # Odoo tells active from expired exceptions by the database's clock, not the tests' frozen one.
        expiry = self.env.cr.now() + timedelta(days=5)
        wizard = self.env["ai.period.close.exception.wizard"].with_user(self.account_manager).with_context(
            default_close_id=close.id).create({
                "user_id": self.accountant.id, "reason": "Late supplier credit note", "end_datetime": expiry})
        self.assertEqual(str(wizard.lock_date), "2025-12-31")
        exception = wizard.action_grant()
        self.assertEqual((exception.reason, exception.user_id, exception.state),
                         ("Late supplier credit note", self.accountant, "active"))
        company = self.env.company
        self.assertEqual(str(company.with_user(self.accountant).user_fiscalyear_lock_date), "2025-12-31")
        self.assertEqual(str(company.with_user(self.account_manager).user_fiscalyear_lock_date), "2026-01-31")
        self.assertIn("Late supplier credit note", close.message_ids[0].body)
        with self.assertRaisesRegex(UserError, "expire in the future"):
            wizard.copy({"end_datetime": self.env.cr.now() - timedelta(hours=1)}).action_grant()

    def test_the_digest_reuses_odoo_s_hash_where_a_journal_is_hashed(self):
        sale = self.company_data["default_journal_sale"]
        sale.restrict_mode_hash_table = True
        invoices = [self.make_invoice(amount, date="2026-01-1%d" % index) for index, amount in enumerate((10, 20))]
        self.make_entry(15.0, "2026-01-12", post=True)
        close = self.make_close(JANUARY)
        details = close._period_digest()
        (chain,) = [c for c in details["odoo_chains"] if c["journal"] == sale.code]
        self.assertTrue(invoices[-1].inalterable_hash)
        self.assertEqual((chain["entries"], chain["inalterable_hash"]), (2, invoices[-1].inalterable_hash))
        self.assertEqual(details["entries"], self.env["account.move"].search_count(
            close._period_entries_domain() + [("inalterable_hash", "=", False)]))
        self.assertEqual(details, close._period_digest())
        self.make_entry(1.0, "2026-01-13", post=True)
        self.assertNotEqual(details["digest"], close._period_digest()["digest"])

    def test_the_close_pack_renders_with_odoo_s_report_engine(self):
        self.make_entry(75.0, "2026-01-10")
        close = self.make_close(JANUARY)
        drafts = close.item_ids.filtered(lambda i: i.code == "draft_entries")
        drafts.note = "Kept as a draft"
        drafts.action_accept()
        self.lock(close)
        html = base64.b64decode(close.close_pack_id.datas).decode()
        self.assertIn("Close pack", html)
        self.assertIn(close.period_digest, html)
        self.assertIn("Kept as a draft", html)
        self.assertIn("Accepted", html)
        self.assertIn("Draft journal entries and invoices dated in the period", html)



@tagged("post_install", "-at_install")
class TestPeriodClosePdf(PeriodCloseCase, HttpCase):
    def test_the_close_pack_pdf_renders(self):
        """wkhtmltopdf fetches the report's assets from the running server: an HttpCase."""
        reports = self.env["ir.actions.report"]
        if reports.get_wkhtmltopdf_state() not in ("ok", "upgrade"):
            self.skipTest("wkhtmltopdf is not installed: only the HTML rendering is checked "
                          "(TestPeriodCloseLock.test_the_close_pack_renders_with_odoo_s_report_engine)")
        self.env["ir.config_parameter"].set_param("report.url", self.base_url())
        close = self.make_close(JANUARY)
        self.lock(close)
        pdf, kind = reports.with_context(force_report_rendering=True)._render_qweb_pdf(
            "ai_bookkeeping.period_close_report", close.ids)
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertGreater(len(pdf), 5000)
