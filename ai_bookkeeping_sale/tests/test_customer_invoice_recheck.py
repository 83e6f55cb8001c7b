from odoo import Command
from odoo.tests import new_test_user, tagged

from .common import SaleInvoiceCase


@tagged("post_install", "-at_install")
class TestCustomerInvoiceRecheck(SaleInvoiceCase):
    """A draft edited before approval is checked again: its suggestion's findings, reason and confidence follow."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The accountant who fixes drafts: may edit invoices, is no AI Bookkeeping reviewer.
        cls.accountant = new_test_user(
            cls.env, login="sale_accountant", groups="account.group_account_invoice,base.group_user",
            company_id=cls.env.company.id, company_ids=[Command.set(cls.env.company.ids)])

    def _priced_off(self):
        order = self.make_order(lines=[(self.product_ordered, 1.0)])
        order.order_line.price_unit = 85.0
        suggestion = self.propose(order)
        self.assertEqual(self.codes(suggestion), ["price_off_pricelist"])
        return suggestion

    def test_fixing_the_price_on_the_draft_clears_its_finding_and_a_new_problem_appears(self):
        suggestion = self._priced_off()
        invoice = self.invoice(suggestion).with_user(self.accountant)
        line = invoice.invoice_line_ids
        # As the invoice form saves it.
        invoice.write({"invoice_line_ids": [Command.update(line.id, {"price_unit": 100.0})]})
        self.assertEqual(self.codes(suggestion), [])
        self.assertEqual(suggestion.confidence_band, "high")
        self.assertNotIn("pricelist", suggestion.explanation)
        self.assertNotIn("pricelist", " ".join(suggestion.reasons))
        self.assertIn("passed every check", suggestion.explanation)
        self.assertEqual(suggestion.proposed_values["amount_currency"], invoice.amount_total)
        self.assertIn("edited the draft", suggestion.message_ids[0].body)
        # A new problem: the tax changed to one the product does not use.
        invoice.write({"invoice_line_ids": [Command.update(line.id, {"tax_ids": [Command.set(self.tax_sale_b.ids)]})]})
        self.assertEqual(self.codes(suggestion), ["tax_fiscal_position"])
        self.assertIn(self.tax_sale_b.name, suggestion.explanation)
        self.assertLess(suggestion.confidence, 0.9)
        self.assertEqual(suggestion.state, "pending")

    def test_a_line_edited_directly_is_checked_again(self):
        suggestion = self._priced_off()
        self.invoice(suggestion).invoice_line_ids.with_user(self.accountant).price_unit = 100.0
        self.assertEqual(self.codes(suggestion), [])
        # A line added at a price off the pricelist.
        self.env["account.move.line"].with_user(self.accountant).create({
            "move_id": self.invoice(suggestion).id, "product_id": self.product_delivered.id, "quantity": 1.0,
            "price_unit": 10.0})
        self.assertEqual(self.codes(suggestion), [])  # no order line: nothing to compare its price with
        self.invoice(suggestion).invoice_line_ids.filtered(
            lambda line: line.product_id == self.product_delivered).with_user(self.accountant).unlink()
        self.assertEqual(len(self.invoice(suggestion).invoice_line_ids), 1)
        self.assertEqual(self.codes(suggestion), [])

    def test_the_customer_changed_on_the_draft_renames_the_suggestion_and_rechecks(self):
        suggestion = self.propose(self.make_order(lines=[(self.product_ordered, 2.0)]))
        company_customer = self.make_customer("Acme Buyer Corp", is_company=True)
        self.invoice(suggestion).with_user(self.accountant).partner_id = company_customer
        self.assertEqual(self.codes(suggestion), ["vat_missing"])
        self.assertIn("Acme Buyer Corp", suggestion.name)
        self.assertEqual(suggestion.proposed_values["partner_id"], company_customer.id)

    def test_a_decided_suggestion_is_left_as_it_was(self):
        suggestion = self._priced_off()
        suggestion.with_user(self.reviewer).action_approve()
        invoice = self.invoice(suggestion)
        self.assertEqual(invoice.state, "posted")
        invoice.button_draft()
        invoice.invoice_line_ids.price_unit = 100.0
        self.assertEqual(self.codes(suggestion), ["price_off_pricelist"], "what was approved stays on record")
        self.assertEqual(suggestion.state, "applied")

    def test_an_edit_that_changes_nothing_checked_adds_no_note(self):
        suggestion = self._priced_off()
        notes = len(suggestion.message_ids)
        self.invoice(suggestion).with_user(self.accountant).invoice_line_ids.name = "Consulting pack, March"
        self.invoice(suggestion).with_user(self.accountant).write({"narration": "Thank you"})
        self.assertEqual(self.codes(suggestion), ["price_off_pricelist"])
        self.assertEqual(len(suggestion.message_ids), notes)
