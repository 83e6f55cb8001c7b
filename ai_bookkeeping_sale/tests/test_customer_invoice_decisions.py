from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import SaleInvoiceCase


@tagged("post_install", "-at_install")
class TestCustomerInvoiceDecisions(SaleInvoiceCase):
    """Approve (one, many), reject, revert; bad input; several companies."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Odoo sends a notification at once in tests: queue it instead, as its mail cron would send it.
        cls.env = cls.env(context=dict(cls.env.context, mail_notify_force_send=False))
        cls.reviewer = cls.reviewer.with_env(cls.env)

    def _mails_to(self, partner):
        return self.env["mail.mail"].search([("recipient_ids", "in", partner.ids)])

    def test_approve_posts_and_sends_through_odoo(self):
        suggestion = self.propose(self.make_order(lines=[(self.product_ordered, 2.0)]))
        suggestion.with_user(self.reviewer).action_approve()
        invoice = self.invoice(suggestion)
        self.assertEqual(suggestion.state, "applied")
        self.assertEqual(invoice.state, "posted")
        self.assertTrue(invoice.is_move_sent)
        self.assertTrue(invoice.ai_generated)
        mails = self._mails_to(self.customer)
        self.assertEqual(len(mails), 1)
        self.assertEqual(mails.state, "outgoing")  # in Odoo's real mail queue, sent by its mail cron
        self.assertIn(invoice.name, mails.subject)
        self.assertTrue(mails.attachment_ids, "the invoice document goes with the mail")

    def test_bulk_approval_posts_all_and_sends_them_in_one_batch(self):
        customers = [self.make_customer("Bulk %s" % i) for i in range(3)]
        suggestions = self.propose(self.env["sale.order"].concat(*(
            self.make_order(partner=customer, lines=[(self.product_ordered, i + 1.0)])
            for i, customer in enumerate(customers))))
        self.assertEqual(len(suggestions), 3)
        outcomes = suggestions.with_user(self.reviewer).action_ai_approve_customer_invoices()
        self.assertTrue(all(outcome["ok"] for outcome in outcomes))
        invoices = self.env["account.move"].browse(suggestions.mapped("res_id"))
        self.assertEqual(set(invoices.mapped("state")), {"posted"})
        # Odoo's batch send: marked for its sending cron, which renders and mails them.
        self.assertTrue(all(invoices.mapped("sending_data")))
        self.env.ref("account.ir_cron_account_move_send").method_direct_trigger()
        self.assertTrue(all(invoices.mapped("is_move_sent")))
        for customer in customers:
            self.assertEqual(len(self._mails_to(customer)), 1)

    def test_bulk_approval_refuses_one_and_approves_the_others(self):
        mute = self.make_customer("No Mail")
        mute.email = False
        ok = self.propose(self.make_order(lines=[(self.product_ordered, 5.0)]))
        refused = self.propose(self.make_order(partner=mute))
        outcomes = (ok | refused).with_user(self.reviewer).action_ai_approve_customer_invoices()
        by_id = {outcome["id"]: outcome for outcome in outcomes}
        self.assertTrue(by_id[ok.id]["ok"])
        self.assertFalse(by_id[refused.id]["ok"])
        self.assertIn("No Mail has no e-mail address", by_id[refused.id]["error"])
        self.assertEqual(self.invoice(ok).state, "posted")
        self.assertEqual(self.invoice(refused).state, "draft", "nothing half-posted")
        self.assertEqual(refused.state, "pending")

    def test_bulk_approval_with_one_refused_by_odoo_posts_and_sends_the_others(self):
        customers = [self.make_customer("Batch %s" % i) for i in range(4)]
        suggestions = self.propose(self.env["sale.order"].concat(*(
            self.make_order(partner=customer, lines=[(self.product_ordered, i + 1.0)])
            for i, customer in enumerate(customers))))
        self.assertEqual(len(suggestions), 4)
        # Odoo refuses to post this one (a negative total), after the batch's own checks passed.
        failing = suggestions.filtered(lambda s: s.proposed_values["partner_id"] == customers[2].id)
        self.invoice(failing).invoice_line_ids.price_unit = -10.0
        others = suggestions - failing
        outcomes = suggestions.with_user(self.reviewer).action_ai_approve_customer_invoices()
        by_id = {outcome["id"]: outcome for outcome in outcomes}
        self.assertEqual(len(outcomes), 4)
        self.assertFalse(by_id[failing.id]["ok"])
        self.assertIn("negative total amount", by_id[failing.id]["error"])
        self.assertTrue(all(by_id[record.id]["ok"] for record in others))
        self.assertEqual(set(others.mapped("state")), {"applied"})
        self.assertEqual(failing.state, "pending")
        self.assertIn("negative total amount", failing.error_message)
        self.assertEqual(self.invoice(failing).state, "draft", "nothing half-posted")
        self.assertFalse(self.invoice(failing).invoice_date, "the refused draft is left as it was")
        self.assertFalse(self.invoice(failing).sending_data)
        audit = self.env["ai.audit.log"].sudo().search([("res_model", "=", "ai.suggestion"),
                                                        ("res_id", "=", failing.id)])
        self.assertIn("failed", audit.mapped("event"))
        invoices = self.env["account.move"].browse(others.mapped("res_id"))
        self.assertEqual(set(invoices.mapped("state")), {"posted"})
        self.assertEqual(set(invoices.mapped("invoice_date")), {fields.Date.context_today(invoices)})
        self.assertTrue(all(invoices.mapped("ai_generated")))
        # Approved one by one after the refusal, then handed together to Odoo's batch send: its sending cron mails
        # them (tests/test_customer_invoice_bulk_send.py counts the sends).
        self.env.ref("account.ir_cron_account_move_send").method_direct_trigger()
        self.assertTrue(all(invoices.mapped("is_move_sent")))
        for customer in customers[:2] + customers[3:]:
            mails = self._mails_to(customer)
            self.assertEqual(len(mails), 1)
            self.assertIn(self.env["account.move"].search([("partner_id", "=", customer.id)]).name, mails.subject)
        self.assertFalse(self._mails_to(customers[2]))

    def test_customer_without_email_is_refused_before_anything_is_posted(self):
        mute = self.make_customer("Silent Buyer")
        mute.email = False
        suggestion = self.propose(self.make_order(partner=mute))
        with self.assertRaisesRegex(UserError, "Silent Buyer has no e-mail address.*Nothing was posted"):
            suggestion.with_user(self.reviewer).action_approve()
        self.assertEqual(self.invoice(suggestion).state, "draft")
        self.assertEqual(suggestion.state, "pending")

    def test_order_without_lines_gives_a_clear_outcome(self):
        empty = self.env["sale.order"].create({"partner_id": self.customer.id})
        empty.action_confirm()
        result = empty.action_ai_propose_invoices()
        self.assertIn("Nothing to invoice on %s" % empty.name, result["params"]["message"])
        self.assertFalse(empty.invoice_ids)
        self.assertFalse(self.suggestions_for(empty))

    def test_reject_deletes_the_draft_and_the_order_comes_back(self):
        order = self.make_order(lines=[(self.product_ordered, 2.0)])
        suggestion = self.propose(order)
        invoice = self.invoice(suggestion)
        suggestion.with_user(self.reviewer).action_reject("wrong customer contact")
        self.assertFalse(invoice.exists())
        self.assertEqual(order.invoice_status, "to invoice")
        self.assertIn("its draft invoice was deleted", order.message_ids[0].body)
        self.env["sale.order"]._cron_ai_propose_invoices()
        again = self.suggestions_for(order, state="pending")
        self.assertEqual(len(again), 1)
        self.assertNotEqual(again, suggestion)

    def test_revert_gives_a_posted_invoice_its_credit_note(self):
        suggestion = self.propose(self.make_order(lines=[(self.product_ordered, 2.0)]))
        suggestion.with_user(self.reviewer).action_approve()
        invoice = self.invoice(suggestion)
        suggestion.with_user(self.reviewer).action_revert()
        refund = suggestion.customer_invoice_refund_id
        self.assertEqual(suggestion.state, "reverted")
        self.assertEqual(refund.move_type, "out_refund")
        self.assertEqual(refund.state, "posted")
        self.assertEqual(refund.reversed_entry_id, invoice)
        self.assertEqual(invoice.payment_state, "reversed")

    def test_revert_deletes_an_invoice_reset_to_draft(self):
        suggestion = self.propose(self.make_order(lines=[(self.product_ordered, 3.0)]))
        suggestion.action_approve()
        invoice = self.invoice(suggestion)
        invoice.button_draft()
        suggestion.action_revert()
        self.assertFalse(invoice.exists())
        self.assertEqual(suggestion.state, "reverted")

    def test_revert_refuses_a_paid_invoice(self):
        suggestion = self.propose(self.make_order(lines=[(self.product_ordered, 1.0)]))
        suggestion.action_approve()
        invoice = self.invoice(suggestion)
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids).create({})._create_payments()
        with self.assertRaisesRegex(UserError, "has payments"):
            suggestion.action_revert()
        self.assertEqual(suggestion.state, "applied")

    def test_draft_without_lines_cannot_be_approved(self):
        suggestion = self.propose(self.make_order(lines=[(self.product_ordered, 1.0)]))
        self.invoice(suggestion).invoice_line_ids = [Command.clear()]
        with self.assertRaisesRegex(UserError, "has no line to post"):
            suggestion.action_approve()

    def test_each_company_gets_its_own_invoices(self):
        company_2 = self.setup_other_company(name="Second Sales Co")["company"]
        self.env.user.company_ids |= company_2
        product_2 = self.env["product.product"].with_company(company_2).create({
            "name": "Service B", "lst_price": 50.0, "invoice_policy": "order", "company_id": company_2.id,
            "taxes_id": [Command.clear()]})
        order_1 = self.make_order(lines=[(self.product_ordered, 1.0)])
        order_2 = self.make_order(lines=[(product_2, 2.0)], company=company_2)
        self.env["sale.order"]._cron_ai_propose_invoices()
        suggestions = self.suggestions_for(order_1 | order_2)
        self.assertEqual(len(suggestions), 2)
        by_company = {s.company_id: s for s in suggestions}
        self.assertEqual(set(by_company), {self.env.company, company_2})
        self.assertEqual(self.invoice(by_company[company_2]).journal_id.company_id, company_2)
        self.assertEqual(by_company[company_2].proposed_values["order_ids"], order_2.ids)
        self.assertEqual(by_company[self.env.company].proposed_values["order_ids"], order_1.ids)
        # A reviewer of the first company only cannot decide the second's.
        reviewer_2 = new_test_user(
            self.env, login="ai_reviewer_c1", groups="ai_bookkeeping.ai_bookkeeping_group_reviewer,base.group_user",
            company_id=self.env.company.id, company_ids=[Command.set(self.env.company.ids)])
        self.assertFalse(self.env["ai.suggestion"].with_user(reviewer_2).search(
            [("id", "=", by_company[company_2].id)]))

    def test_automation_never_sends_an_invoice_with_a_finding(self):
        self.env.company.write({"ai_rollout_phase": "2", "ai_auto_min_confidence": 0.5,
                                "ai_auto_max_amount": 100000.0})
        clean = self.propose(self.make_order(lines=[(self.product_ordered, 6.0)]))
        priced = self.make_order(lines=[(self.product_ordered, 7.0)])
        priced.order_line.price_unit = 70.0
        flagged = self.propose(priced)
        self.assertGreaterEqual(flagged.confidence, 0.5, "above the company's minimum: only the finding stops it")
        applied = (clean | flagged)._ai_auto_apply()
        self.assertEqual(applied, clean)
        self.assertEqual(self.invoice(clean).state, "posted")
        self.assertEqual(self.invoice(flagged).state, "draft")
        notes = self.env["ai.audit.log"].sudo().search([("res_model", "=", "ai.suggestion"),
                                                        ("res_id", "=", flagged.id)]).mapped("note")
        self.assertIn("the pricelist gives 100.00", " ".join(filter(None, notes)))
