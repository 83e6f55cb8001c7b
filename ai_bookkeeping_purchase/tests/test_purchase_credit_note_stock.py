"""3-way for a vendor credit note when Inventory runs the receipts (``purchase_stock`` installed): the order line's
received quantity is then Odoo's count of the done receipts less the returns made with "Update quantities on SO/PO"
(``to_refund``), and the credit note is checked against it. The bridge depends on Purchase alone and reads
``qty_received`` whichever module computes it; without ``purchase_stock`` this class is skipped (the received
quantity is then the one entered on the order, see TestPurchaseCreditNote)."""

import unittest

from odoo import Command
from odoo.tests import Form, tagged

from odoo.addons.ai_bookkeeping.tests.vendor_bill_common import VendorBillCase, bill_document, bill_reply, field


@tagged("post_install", "-at_install")
class TestPurchaseCreditNoteStock(VendorBillCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if cls.env["ir.module.module"]._get("purchase_stock").state != "installed":
            raise unittest.SkipTest("purchase_stock is not installed: the received quantity is entered by hand")
        cls.paper = cls.env["product.product"].create({
            "name": "Printer paper", "type": "consu", "is_storable": True, "purchase_method": "receive",
            "standard_price": 10.0, "supplier_taxes_id": [Command.set(cls.tax_19.ids)]})

    def received_and_billed(self):
        order = self.env["purchase.order"].create({
            "partner_id": self.vendor.id,
            "order_line": [Command.create({"product_id": self.paper.id, "name": "Printer paper", "product_qty": 10,
                                           "price_unit": 10.0, "taxes_id": [Command.set(self.tax_19.ids)]})]})
        order.button_confirm()
        receipt = order.picking_ids
        receipt.move_ids.quantity = 10
        receipt.move_ids.picked = True
        receipt._action_done()
        self.assertEqual(order.order_line.qty_received, 10)
        bill = self.env["account.move"].browse(order.action_create_invoice()["res_id"])
        bill.write({"invoice_date": "2026-02-01", "ref": "INV-%s" % order.name})
        bill.action_post()
        self.assertEqual(order.order_line.qty_invoiced, 10)
        return order, receipt

    def give_back(self, receipt, quantity, to_refund=True):
        wizard = Form(self.env["stock.return.picking"].with_context(
            active_ids=receipt.ids, active_id=receipt.id, active_model="stock.picking")).save()
        wizard.product_return_moves.write({"quantity": quantity, "to_refund": to_refund})
        returned = self.env["stock.picking"].browse(wizard.action_create_returns()["res_id"])
        returned.action_assign()
        returned.move_ids.quantity = quantity
        returned.move_ids.picked = True
        returned._action_done()
        return returned

    def read_credit(self, order):
        document = bill_document(number="CN-2026-5", kind="credit_note", lines=[("Printer paper", 4, 10.0, 19.0)])
        document["fields"]["purchaseOrderRef"] = field(order.name)
        with self.reading(bill_reply(document)):
            credit = self.upload(self.make_pdf())
        suggestion = self.suggestion_of(credit)
        return credit, suggestion, {finding["code"] for finding in suggestion.proposed_values["findings"]}

    def test_a_credit_note_for_goods_returned_to_the_vendor_is_consistent(self):
        order, receipt = self.received_and_billed()
        self.give_back(receipt, 4)
        self.assertEqual(order.order_line.qty_received, 6, "the return lowers the received quantity")
        self.assertEqual(order.invoice_status, "to invoice", "Odoo waits for the credit of the returned 4")
        credit, suggestion, codes = self.read_credit(order)
        self.assertEqual(credit.invoice_line_ids.purchase_line_id, order.order_line)
        self.assertFalse(codes & {"purchase_credit_not_returned", "purchase_credit_exceeds", "purchase_price_credit"},
                         codes)
        suggestion.with_user(self.reviewer).action_approve()
        self.assertEqual(order.order_line.qty_invoiced, 6)
        self.assertEqual(order.order_line.qty_to_invoice, 0)
        self.assertEqual(order.invoice_status, "invoiced")

    def test_a_return_that_does_not_update_the_order_leaves_the_goods_received(self):
        order, receipt = self.received_and_billed()
        self.give_back(receipt, 4, to_refund=False)
        self.assertEqual(order.order_line.qty_received, 10, "returned without updating the order's quantities")
        credit, _suggestion, codes = self.read_credit(order)
        self.assertEqual(credit.invoice_line_ids.purchase_line_id, order.order_line)
        self.assertIn("purchase_credit_not_returned", codes)
