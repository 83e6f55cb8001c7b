import datetime

from odoo import Command
from odoo.tests import tagged

from .common import SaleInvoiceCase


@tagged("post_install", "-at_install")
class TestCustomerInvoiceChecks(SaleInvoiceCase):
    """Each planted error gives its finding, with its reason; clean orders give none."""

    def test_clean_orders_have_no_finding_and_high_confidence(self):
        other = self.make_customer("Second Customer")
        orders = self.make_order(lines=[(self.product_ordered, 2.0)]) \
            | self.make_order(partner=other, lines=[(self.product_delivered, 5.0)], delivered=[5.0]) \
            | self.make_order(lines=[(self.product_delivered, 3.0)], delivered=[3.0])
        suggestions = self.propose(orders)
        # Odoo groups per customer: the two orders of the same customer make one invoice.
        self.assertEqual(len(suggestions), 2)
        for suggestion in suggestions:
            self.assertEqual(suggestion.kind, "customer_invoice")
            self.assertEqual(self.codes(suggestion), [])
            self.assertEqual(suggestion.confidence_band, "high")
            self.assertEqual(self.invoice(suggestion).state, "draft")
        grouped = suggestions.filtered(lambda s: s.proposed_values["partner_id"] == self.customer.id)
        self.assertEqual(len(grouped.proposed_values["order_ids"]), 2)
        self.assertFalse(orders.filtered(lambda o: o.invoice_status == "to invoice"))

    def test_only_orders_ready_to_invoice_are_queued(self):
        waiting = self.make_order(lines=[(self.product_delivered, 4.0)])  # nothing delivered yet
        ready = self.make_order(lines=[(self.product_ordered, 1.0)])
        self.env["sale.order"]._cron_ai_propose_invoices()
        suggestions = self.suggestions_for(waiting | ready)
        self.assertEqual(len(suggestions), 1)
        self.assertEqual(suggestions.proposed_values["order_ids"], ready.ids)
        self.assertEqual(waiting.invoice_status, "no")

    def test_price_off_the_pricelist(self):
        order = self.make_order(lines=[(self.product_ordered, 1.0)])
        order.order_line.price_unit = 85.0
        suggestion = self.propose(order)
        self.assertEqual(self.codes(suggestion), ["price_off_pricelist"])
        self.assertIn("the pricelist gives 100.00", suggestion.explanation)
        self.assertNotEqual(suggestion.confidence_band, "high")

    def test_pricelist_discount_is_not_a_finding(self):
        pricelist = self.env["product.pricelist"].create({
            "name": "Resellers", "item_ids": [Command.create({
                "applied_on": "1_product", "product_tmpl_id": self.product_ordered.product_tmpl_id.id,
                "compute_price": "percentage", "percent_price": 10.0})]})
        order = self.env["sale.order"].create({
            "partner_id": self.customer.id, "pricelist_id": pricelist.id,
            "order_line": [Command.create({"product_id": self.product_ordered.id, "product_uom_qty": 3.0})]})
        order.action_confirm()
        self.assertEqual(self.codes(self.propose(order)), [])

    def test_more_invoiced_than_delivered(self):
        order = self.make_order(lines=[(self.product_delivered, 10.0)], delivered=[6.0])
        drafts, _failures = order._ai_prepare_drafts()
        self.assertEqual(drafts.invoice_line_ids.quantity, 6.0)
        # A person raised the draft's quantity before it was checked.
        drafts.invoice_line_ids.quantity = 8.0
        suggestion = drafts._ai_sale_propose()
        self.assertEqual(self.codes(suggestion), ["over_invoiced"])
        self.assertIn("8.0 would be invoiced (0.0 before, 8.0 now) but 6.0 were delivered", suggestion.explanation)
        self.assertEqual(suggestion.confidence_band, "low")

    def test_delivery_not_invoiced_after_the_company_limit(self):
        order = self.make_order(lines=[(self.product_ordered, 1.0)])
        order.date_order = datetime.datetime(2026, 2, 10, 9, 0)
        suggestion = self.propose(order)
        self.assertEqual(self.codes(suggestion), ["late"])
        self.assertIn("ready to invoice on 2026-02-10, 19 days ago (the company's limit is 7)",
                      suggestion.explanation)
        self.env.company.ai_sale_late_days = 30
        order2 = self.make_order(lines=[(self.product_ordered, 2.0)])
        order2.date_order = datetime.datetime(2026, 2, 10, 9, 0)
        self.assertEqual(self.codes(self.propose(order2)), [])

    def test_revenue_account_unlike_the_product_history(self):
        usual = self.product_ordered.property_account_income_id
        for quantity in (1.0, 2.0, 3.0):
            self._invoice_and_post(self.make_order(lines=[(self.product_ordered, quantity)]))
        other = usual.copy({"code": "400999", "name": "Other income"})
        self.product_ordered.property_account_income_id = other
        suggestion = self.propose(self.make_order(lines=[(self.product_ordered, 4.0)]))
        self.assertEqual(self.codes(suggestion), ["account_unusual"])
        self.assertIn("its last 3 invoices to this customer used %s" % usual.display_name, suggestion.explanation)

    def test_tax_unlike_history_and_not_the_fiscal_position_mapping(self):
        for quantity in (1.0, 2.0, 3.0):
            self._invoice_and_post(self.make_order(lines=[(self.product_ordered, quantity)]))
        order = self.make_order(lines=[(self.product_ordered, 4.0)])
        order.order_line.tax_id = self.tax_sale_b
        suggestion = self.propose(order)
        self.assertEqual(self.codes(suggestion), ["tax_fiscal_position", "tax_unusual"])

    def test_fiscal_position_unlike_the_customer(self):
        position = self.env["account.fiscal.position"].create({
            "name": "Export", "tax_ids": [Command.create({"tax_src_id": self.tax_sale_a.id,
                                                          "tax_dest_id": self.tax_sale_b.id})]})
        order = self.make_order(lines=[(self.product_ordered, 1.0)])
        order.fiscal_position_id = position
        suggestion = self.propose(order)
        # The order's lines kept their taxes when the fiscal position was changed by hand: both are reported.
        self.assertEqual(self.codes(suggestion), ["fiscal_position", "tax_fiscal_position"])
        self.assertIn("uses the fiscal position Export", suggestion.explanation)

    def test_company_customer_without_vat(self):
        company_customer = self.make_customer("Acme Corp", is_company=True)
        suggestion = self.propose(self.make_order(partner=company_customer))
        self.assertEqual(self.codes(suggestion), ["vat_missing"])
        company_customer.write({"vat": "BE0477472701", "invoice_edi_format": "ubl_bis3"})
        self.assertEqual(self.codes(self.propose(self.make_order(partner=company_customer,
                                                                 lines=[(self.product_ordered, 2.0)]))), [])

    def test_customer_on_peppol_without_e_invoice_format(self):
        if "peppol_endpoint" not in self.env["res.partner"]._fields:
            self.skipTest("account_edi_ubl_cii is not installed")
        customer = self.make_customer("Peppol Buyer", peppol_eas="0208", peppol_endpoint="0477472701")
        customer.invoice_edi_format = False
        suggestion = self.propose(self.make_order(partner=customer))
        self.assertEqual(self.codes(suggestion), ["einvoice_missing"])
        self.assertIn("registered on Peppol (0208:0477472701)", suggestion.explanation)

    def test_duplicate_of_an_invoice_already_sent(self):
        first = self.propose(self.make_order(lines=[(self.product_ordered, 2.0)]))
        first.action_approve()
        self.assertTrue(self.invoice(first).is_move_sent)
        again = self.propose(self.make_order(lines=[(self.product_ordered, 2.0)]))
        self.assertEqual(self.codes(again), ["duplicate"])
        self.assertIn("as %s, already sent" % self.invoice(first).name, again.explanation)
        other = self.propose(self.make_order(lines=[(self.product_ordered, 3.0)]))
        self.assertEqual(self.codes(other), [])

    def _invoice_and_post(self, order):
        invoice = order._create_invoices()
        invoice.action_post()
        return invoice
