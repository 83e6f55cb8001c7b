from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import AiBookkeepingCase


@tagged("post_install", "-at_install")
class TestSecurity(AiBookkeepingCase):
    def test_reader_cannot_approve(self):
        invoice = self.make_invoice(100.0)
        suggestion = self.make_suggestion(self.make_st_line(100.0, "x"), self.receivable(invoice))
        with self.assertRaises(AccessError):
            suggestion.with_user(self.reader).action_approve()
        self.assertEqual(suggestion.state, "pending")
        self.assertEqual(invoice.payment_state, "not_paid")
        # The reader can still see it.
        self.assertEqual(suggestion.with_user(self.reader).read(["state"])[0]["state"], "pending")

    def test_other_company_suggestions_are_invisible(self):
        other = self.setup_other_company(name="Other Co")["company"]
        invoice = self.make_invoice(100.0)
        suggestion = self.make_suggestion(self.make_st_line(100.0, "x"), self.receivable(invoice))
        suggestion.sudo().company_id = other  # simulate a record of company B
        visible = self.env["ai.reconciliation.suggestion"].with_user(self.reviewer).search([("id", "=", suggestion.id)])
        self.assertFalse(visible)
        with self.assertRaises(AccessError):
            suggestion.with_user(self.reviewer).action_approve()

    def test_secret_is_for_system_admins_only(self):
        # default_get reads config_parameter fields with sudo for anyone: no secret may be one (over RPC:
        # test_endpoint_rpc.TestEndpointOverRpc).
        secret_params = {"ai_bookkeeping.endpoint_secret", "ai_bookkeeping.llm_api_key"}
        as_parameter = [name for name, field in self.env["res.config.settings"]._fields.items()
                        if getattr(field, "config_parameter", None) in secret_params]
        self.assertEqual(as_parameter, [])
        with self.assertRaises(AccessError):
            self.env["ir.config_parameter"].with_user(self.reviewer).get_param("ai_bookkeeping.endpoint_secret")

    def test_reviewer_without_email_can_approve_and_revert(self):
        # Regression: chatter notes used message_post, which refuses authors without an e-mail address.
        self.reviewer.partner_id.email = False
        invoice = self.make_invoice(100.0)
        suggestion = self.make_suggestion(self.make_st_line(100.0, "x"), self.receivable(invoice))
        suggestion.with_user(self.reviewer).action_approve()
        self.assertEqual(invoice.payment_state, "paid")
        suggestion.with_user(self.reviewer).action_revert()
        self.assertEqual(invoice.payment_state, "not_paid")

    def test_bank_journal_links_to_its_review_queue(self):
        invoice = self.make_invoice(100.0)
        self.make_suggestion(self.make_st_line(100.0, "x"), self.receivable(invoice))
        journal = self.bank_journal.with_user(self.reviewer)
        self.assertEqual(journal.ai_pending_count, 1)
        action = journal.action_open_ai_review()
        self.assertEqual(action["tag"], "ai_bookkeeping.review_dashboard")
        self.assertEqual(action["context"]["ai_bookkeeping_journal_id"], self.bank_journal.id)
        arch = self.env["account.journal"].with_user(self.reviewer).get_view(
            self.env.ref("account.account_journal_dashboard_kanban_view").id, "kanban")["arch"]
        self.assertIn("action_open_ai_review", arch)
