"""Goods received not billed at the period end: the close's checklist item, on real purchase orders and bills."""

from odoo import Command
from odoo.tests import tagged

from odoo.addons.ai_bookkeeping.tests.common import AiBookkeepingCase

MARCH = ("2026-03-01", "2026-03-31")


@tagged("post_install", "-at_install")
class TestReceivedNotBilled(AiBookkeepingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.eur = cls.setup_other_currency("EUR", rates=[("2026-01-01", 2.0)])  # 2 EUR for 1 company currency unit
        cls.paper = cls._create_product(name="Printer paper", purchase_method="receive", standard_price=10.0,
                                        supplier_taxes_id=[Command.clear()])

    def order(self, quantity, price, received, currency=None, day="2026-03-05"):
        order = self.env["purchase.order"].create({
            "partner_id": self.partner_a.id, "date_order": day,
            "currency_id": (currency or self.env.company.currency_id).id,
            "order_line": [Command.create({"product_id": self.paper.id, "name": "Printer paper",
                                           "product_qty": quantity, "price_unit": price,
                                           "taxes_id": [Command.clear()]})]})
        order.button_confirm()
        order.order_line.qty_received = received
        return order

    def bill(self, order, quantity, day, post=True):
        bill = self.env["account.move"].browse(order.action_create_invoice()["res_id"])
        bill.write({"invoice_date": day, "date": day})
        bill.invoice_line_ids.filtered("purchase_line_id").quantity = quantity
        if post:
            bill.action_post()
        return bill

    def close(self):
        return self.env["ai.period.close"].create({"date_from": MARCH[0], "date_to": MARCH[1]})

    def test_received_minus_billed_by_the_period_end_per_order(self):
        partly = self.order(10, 10.0, received=6)
        self.bill(partly, 2, "2026-03-15")  # 6 received − 2 billed: 4 × 10
        billed_later = self.order(5, 20.0, received=5)
        self.bill(billed_later, 5, "2026-04-05")  # billed after the period end: still 5 × 20 at March's end
        draft_only = self.order(3, 7.0, received=3)
        self.bill(draft_only, 3, "2026-03-20", post=False)  # a draft bill bills nothing: 3 × 7
        foreign = self.order(2, 50.0, received=2, currency=self.eur)  # 100 EUR at 2 EUR per unit: 50
        fully = self.order(4, 10.0, received=4)
        self.bill(fully, 4, "2026-03-25")
        self.order(8, 10.0, received=0)  # nothing received: nothing to bill
        self.order(8, 10.0, received=8, day="2026-04-02")  # ordered after the period
        close = self.close()
        items = self.env["ai.period.close.checklist"]._compute_items(close, codes=["received_not_billed"])
        self.assertEqual((items["received_not_billed"]["count"], items["received_not_billed"]["amount"]),
                         (4, 40.0 + 100.0 + 21.0 + 50.0))
        item = close.item_ids.filtered(lambda i: i.code == "received_not_billed")
        self.assertEqual((item.count, item.amount, item.blocking), (4, 211.0, False))
        action = item.action_open_records()
        self.assertEqual(self.env[action["res_model"]].search(action["domain"]),
                         partly | billed_later | draft_only | foreign)

    def test_billing_what_was_received_clears_the_item(self):
        order = self.order(10, 10.0, received=10)
        close = self.close()
        item = close.item_ids.filtered(lambda i: i.code == "received_not_billed")
        self.assertEqual((item.count, item.amount), (1, 100.0))
        self.bill(order, 10, "2026-03-31")
        item.invalidate_recordset(["count", "amount", "status"])
        self.assertEqual((item.count, item.amount, item.status), (0, 0.0, "clear"))

    def test_closes_created_before_the_bridge_get_the_item(self):
        close = self.close()
        close.item_ids.filtered(lambda i: i.code == "received_not_billed").sudo().unlink()
        self.env["ai.period.close"]._sync_checklist_items()
        self.assertIn("received_not_billed", close.item_ids.mapped("code"))
