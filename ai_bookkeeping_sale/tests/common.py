"""Factories for the Sales bridge's tests: customers that receive e-mail, products per invoicing policy, orders."""

from odoo import Command

from odoo.addons.ai_bookkeeping.tests.common import AiBookkeepingCase


class SaleInvoiceCase(AiBookkeepingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.ai_sale_late_days = 7
        cls.customer = cls.make_customer("Clean Customer")
        cls.product_ordered = cls._create_product(name="Consulting pack", lst_price=100.0, invoice_policy="order")
        cls.product_delivered = cls._create_product(name="Widget", lst_price=40.0, invoice_policy="delivery")

    @classmethod
    def make_customer(cls, name, **values):
        return cls.env["res.partner"].create({
            "name": name, "email": "%s@example.com" % name.lower().replace(" ", "."),
            "invoice_sending_method": "email", "invoice_edi_format": False, **values})

    @classmethod
    def make_order(cls, partner=None, lines=None, delivered=None, company=None):
        """A confirmed order; ``lines`` [(product, quantity)]; ``delivered`` [quantity delivered per line]."""
        company = company or cls.env.company
        lines = lines if lines is not None else [(cls.product_ordered, 1.0)]
        order = cls.env["sale.order"].with_company(company).create({
            "partner_id": (partner or cls.customer).id, "company_id": company.id,
            "order_line": [Command.create({"product_id": product.id, "product_uom_qty": quantity})
                           for product, quantity in lines],
        })
        order.action_confirm()
        for line, quantity in zip(order.order_line, delivered or [], strict=False):
            line.qty_delivered = quantity
        return order

    def propose(self, orders):
        suggestions, refused = orders._ai_propose_invoices()
        self.assertFalse(refused)
        return suggestions

    def suggestions_for(self, orders, **domain):
        """The customer invoice suggestions of these orders (demo data may have others)."""
        suggestions = self.env["ai.suggestion"].search(
            [("kind", "=", "customer_invoice")] + [(key, "=", value) for key, value in domain.items()])
        return suggestions.filtered(lambda s: set(s.proposed_values["order_ids"]) & set(orders.ids))

    @staticmethod
    def codes(suggestion):
        return sorted(f["code"] for f in suggestion.proposed_values["findings"])

    @staticmethod
    def invoice(suggestion):
        return suggestion.env["account.move"].browse(suggestion.res_id).exists()
