"""A bill read by the AI and the vendor's purchase order: matched by the reference on the bill, else by the vendor and
the total; the bill's lines are the order's (linked, so the order's billing status follows) and what the document
says differently from what was ordered or received is a finding. Real Odoo with Purchase installed; only the
endpoint's reading of the document is given (the core tests' ``reading``)."""

from odoo import Command
from odoo.tests import tagged

from odoo.addons.ai_bookkeeping.tests.vendor_bill_common import VendorBillCase, bill_document, bill_reply, field


@tagged("post_install", "-at_install")
class TestPurchaseBill(VendorBillCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.paper = cls.env["product.product"].create({
            "name": "Printer paper", "purchase_method": "receive", "standard_price": 10.0,
            "supplier_taxes_id": [Command.set(cls.tax_19.ids)]})

    def order(self, quantity=10, price=10.0, received=None, partner_ref=False):
        order = self.env["purchase.order"].create({
            "partner_id": self.vendor.id, "partner_ref": partner_ref,
            "order_line": [Command.create({"product_id": self.paper.id, "name": "Printer paper",
                                           "product_qty": quantity, "price_unit": price,
                                           "taxes_id": [Command.set(self.tax_19.ids)]})]})
        order.button_confirm()
        order.order_line.qty_received = quantity if received is None else received
        return order

    def read(self, reference=None, lines=None):
        document = bill_document(lines=lines)
        document["fields"]["purchaseOrderRef"] = field(reference)
        with self.reading(bill_reply(document)):
            bill = self.upload(self.make_pdf())
        suggestion = self.suggestion_of(bill)
        return bill, suggestion, {f["code"] for f in suggestion.proposed_values["findings"]}

    def test_the_order_named_on_the_bill_gives_its_lines_and_is_billed_on_approval(self):
        order = self.order()
        bill, suggestion, codes = self.read(reference=order.name)
        self.assertEqual(bill.invoice_line_ids.purchase_line_id, order.order_line)
        self.assertEqual(bill.ref, "INV-1001", "the vendor's bill number stays the reference")
        self.assertEqual(bill.amount_total, 119.0)
        self.assertIn("purchase_order", codes)
        self.assertFalse(codes & {"purchase_price", "purchase_quantity", "purchase_received", "total_differs"})
        suggestion.with_user(self.reviewer).action_approve()
        self.assertEqual(bill.state, "posted")
        self.assertEqual(order.invoice_status, "invoiced")
        self.assertEqual(order.order_line.qty_invoiced, 10)

    def test_the_vendors_reference_of_the_order_matches_too(self):
        order = self.order(partner_ref="SO-ACME-77")
        bill, _suggestion, _codes = self.read(reference="SO-ACME-77")
        self.assertEqual(bill.invoice_line_ids.purchase_line_id, order.order_line)

    def test_without_a_reference_the_vendors_one_order_of_that_total_matches(self):
        self.order(quantity=3)  # another open order of the vendor, another total
        order = self.order()
        bill, suggestion, codes = self.read()
        self.assertEqual(bill.invoice_line_ids.purchase_line_id, order.order_line)
        messages = " ".join(finding["message"] for finding in suggestion.proposed_values["findings"])
        self.assertIn("the vendor and the total", messages)

    def test_billing_more_than_was_received_is_a_finding_3_way(self):
        order = self.order(received=6)
        bill, _suggestion, codes = self.read(reference=order.name)
        self.assertEqual(bill.invoice_line_ids.purchase_line_id, order.order_line)
        products = bill.invoice_line_ids.filtered(lambda line: line.display_type == "product")
        self.assertEqual(products.quantity, 6, "Odoo bills what was received")
        self.assertIn("purchase_received", codes)
        self.assertIn("total_differs", codes, "the document's 119.00 is not hidden by the order's lines")

    def test_a_price_and_a_quantity_beyond_the_order_are_findings_2_way(self):
        order = self.order(quantity=8)
        _bill, _suggestion, codes = self.read(reference=order.name, lines=[("Printer paper", 10, 11.0, 19.0)])
        self.assertTrue({"purchase_price", "purchase_quantity"} <= codes, codes)

    def test_an_unknown_reference_keeps_the_documents_lines(self):
        self.order(quantity=3)
        bill, _suggestion, codes = self.read(reference="PO-NOPE-1")
        self.assertFalse(bill.invoice_line_ids.purchase_line_id)
        self.assertEqual(bill.invoice_line_ids.mapped("name"), ["Printer paper"])
        self.assertIn("purchase_order_missing", codes)
