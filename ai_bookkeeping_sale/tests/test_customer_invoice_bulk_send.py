from contextlib import contextmanager
from unittest.mock import patch

from odoo.tests import tagged

from .common import SaleInvoiceCase


@tagged("post_install", "-at_install")
class TestCustomerInvoiceBulkSend(SaleInvoiceCase):
    """Bulk approval sends what it approved with one batch send, also when one invoice of the batch was refused and
    the others were approved one by one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Odoo sends a notification at once in tests: queue it instead, as its mail cron would send it.
        cls.env = cls.env(context=dict(cls.env.context, mail_notify_force_send=False))
        cls.reviewer = cls.reviewer.with_env(cls.env)

    @contextmanager
    def generations(self):
        """Each call of Odoo's generation and sending of invoice documents (account.move.send, as the send wizard,
        the batch send and the sending cron make it), with the invoices it was given; the real method runs."""
        calls = []
        originals = {}

        def spy(model):
            original = originals[model]

            def generate_and_send(self_, moves, *args, **kwargs):
                calls.append(moves)
                return original(self_, moves, *args, **kwargs)
            return generate_and_send

        classes = [type(self.env[model]) for model in
                   ("account.move.send", "account.move.send.wizard", "account.move.send.batch.wizard")]
        for cls in classes:
            originals[cls] = cls._generate_and_send_invoices
        patches = [patch.object(cls, "_generate_and_send_invoices", spy(cls)) for cls in classes]
        for one in patches:
            one.start()
        try:
            yield calls
        finally:
            for one in patches:
                one.stop()

    def mails_to(self, partners):
        return self.env["mail.mail"].search([("recipient_ids", "in", partners.ids)])

    def test_after_a_refusal_the_others_are_sent_in_one_batch(self):
        customers = self.env["res.partner"].concat(*(self.make_customer("Fallback %s" % i) for i in range(4)))
        suggestions = self.propose(self.env["sale.order"].concat(*(
            self.make_order(partner=customer, lines=[(self.product_ordered, i + 1.0)])
            for i, customer in enumerate(customers))))
        failing = suggestions.filtered(lambda s: s.proposed_values["partner_id"] == customers[1].id)
        self.invoice(failing).invoice_line_ids.price_unit = -10.0  # Odoo refuses to post it: the batch fails
        others = suggestions - failing
        invoices = self.env["account.move"].browse(others.mapped("res_id"))
        with self.generations() as calls:
            outcomes = suggestions.with_user(self.reviewer).action_ai_approve_customer_invoices()
            self.assertEqual(sorted(o["id"] for o in outcomes if o["ok"]), sorted(others.ids))
            self.assertEqual(set(invoices.mapped("state")), {"posted"})
            self.assertEqual(calls, [], "no invoice rendered and mailed one by one during the approval")
            self.assertFalse(self.mails_to(customers))
            self.assertTrue(all(invoices.mapped("sending_data")), "all handed to Odoo's batch send")
            self.env.ref("account.ir_cron_account_move_send").method_direct_trigger()
        self.assertEqual(len(calls), 1, "one generation and sending for the whole batch")
        self.assertEqual(calls[0], invoices)
        self.assertTrue(all(invoices.mapped("is_move_sent")))
        for customer, invoice in zip(customers - customers[1], invoices.sorted(lambda m: m.partner_id.name),
                                     strict=True):
            mail = self.mails_to(customer)
            self.assertEqual(len(mail), 1)
            self.assertIn(invoice.name, mail.subject)
            self.assertTrue(mail.attachment_ids, "the invoice document goes with the mail")
        self.assertFalse(self.mails_to(customers[1]))
        self.assertEqual((failing.state, self.invoice(failing).state), ("pending", "draft"))

    def test_an_invoice_the_send_would_refuse_is_refused_before_it_is_posted(self):
        """Approved one by one, an invoice is sent later with the others: what Odoo's batch send refuses (a blocking
        alert: here Odoo's own, a letter by post to a customer without a postal address) is refused at its
        approval, so it is not left posted and unsent. (Odoo's one-invoice wizard, used here before, e-mailed it
        instead of the letter the customer asked for.)"""
        if "snailmail" not in dict(self.env["res.partner"]._fields["invoice_sending_method"].selection):
            self.skipTest("snailmail_account is not installed")
        customers = self.env["res.partner"].concat(*(self.make_customer("Alert %s" % i) for i in range(3)))
        customers[2].invoice_sending_method = "snailmail"  # no street, city or country
        suggestions = self.propose(self.env["sale.order"].concat(*(
            self.make_order(partner=customer, lines=[(self.product_ordered, 1.0)]) for customer in customers)))
        blocked = suggestions.filtered(lambda s: s.proposed_values["partner_id"] == customers[2].id)
        with self.generations() as calls:
            outcomes = suggestions.with_user(self.reviewer).action_ai_approve_customer_invoices()
        by_id = {o["id"]: o for o in outcomes}
        self.assertFalse(by_id[blocked.id]["ok"])
        self.assertIn("address", by_id[blocked.id]["error"])
        self.assertEqual((blocked.state, self.invoice(blocked).state), ("pending", "draft"), "nothing half-done")
        self.assertFalse(self.invoice(blocked).sending_data)
        sent = self.env["account.move"].browse((suggestions - blocked).mapped("res_id"))
        self.assertEqual(set(sent.mapped("state")), {"posted"})
        self.assertEqual(set((suggestions - blocked).mapped("state")), {"applied"})
        self.assertTrue(all(sent.mapped("sending_data")), "the others handed to Odoo's batch send")
        self.assertEqual(calls, [], "none rendered and mailed one by one")
