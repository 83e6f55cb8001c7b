"""A vendor credit note read by the AI and the purchase order it credits: matched by the reference on the document,
else by its lines among the vendor's billed order lines. A credited line is linked to the order line (Odoo's
``qty_invoiced`` counts a refund's linked quantity negative, so the order's billing status follows) only when it is a
quantity of goods at the ordered price and no more than was billed; anything else is a finding of the suggestion, not
a silent link. 3-way: after the credit, what stays billed is compared with what the order counts as received. Real
Odoo with Purchase installed; only the endpoint's reading of the document is given (the core tests' ``reading``)."""

from odoo import Command
from odoo.tests import tagged

from odoo.addons.ai_bookkeeping.tests.vendor_bill_common import VendorBillCase, bill_document, bill_reply, field


@tagged("post_install", "-at_install")
class TestPurchaseCreditNote(VendorBillCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.paper = cls.env["product.product"].create({
            "name": "Printer paper", "purchase_method": "receive", "standard_price": 10.0,
            "supplier_taxes_id": [Command.set(cls.tax_19.ids)]})
        cls.toner = cls.env["product.product"].create({
            "name": "Toner cartridge", "purchase_method": "receive", "standard_price": 60.0,
            "supplier_taxes_id": [Command.set(cls.tax_19.ids)]})

    def billed_order(self, product=None, quantity=10, price=10.0, billed=None):
        """A confirmed order, received in full and billed (``billed`` of it, default all) by a posted vendor bill
        made by Odoo from the order."""
        product = product or self.paper
        order = self.env["purchase.order"].create({
            "partner_id": self.vendor.id,
            "order_line": [Command.create({"product_id": product.id, "name": product.name, "product_qty": quantity,
                                           "price_unit": price, "taxes_id": [Command.set(self.tax_19.ids)]})]})
        order.button_confirm()
        order.order_line.qty_received = quantity
        bill = self.env["account.move"].browse(order.action_create_invoice()["res_id"])
        bill.write({"invoice_date": "2026-02-01", "ref": "INV-%s" % order.name})
        bill.invoice_line_ids.filtered("purchase_line_id").quantity = quantity if billed is None else billed
        bill.action_post()
        return order

    def read_credit(self, reference=None, lines=None, number="CN-2026-1", quantity_stated=True):
        document = bill_document(number=number, kind="credit_note", lines=lines or [("Printer paper", 4, 10.0, 19.0)])
        document["fields"]["purchaseOrderRef"] = field(reference)
        if not quantity_stated:
            for line in document["lines"]:
                line["quantity"] = None
        with self.reading(bill_reply(document)):
            credit = self.upload(self.make_pdf())
        suggestion = self.suggestion_of(credit)
        findings = suggestion.proposed_values["findings"]
        return credit, suggestion, {finding["code"] for finding in findings}

    def products(self, move):
        return move.invoice_line_ids.filtered(lambda line: line.display_type == "product")

    def test_a_credit_note_naming_the_order_links_its_lines_and_the_billed_quantity_goes_down(self):
        order = self.billed_order()
        order.order_line.qty_received = 6  # the 4 returned were received back by the vendor
        self.assertEqual(order.order_line.qty_to_invoice, -4)
        self.assertEqual(order.invoice_status, "to invoice", "Odoo waits for the credit of the returned 4")
        credit, suggestion, codes = self.read_credit(reference=order.name)
        self.assertEqual(credit.move_type, "in_refund")
        self.assertEqual(self.products(credit).purchase_line_id, order.order_line)
        self.assertEqual(self.products(credit).quantity, 4)
        self.assertEqual(self.products(credit).product_id, self.paper)
        self.assertEqual(credit.ref, "CN-2026-1", "the vendor's credit note number stays the reference")
        self.assertAlmostEqual(credit.amount_total, 47.6)
        self.assertIn("purchase_order", codes)
        self.assertFalse(codes & {"purchase_credit_exceeds", "purchase_credit_not_returned", "purchase_price_credit",
                                  "purchase_order_missing", "total_differs"}, codes)
        suggestion.with_user(self.reviewer).action_approve()
        self.assertEqual((credit.state, credit.move_type), ("posted", "in_refund"))
        self.assertEqual(order.order_line.qty_invoiced, 6)
        self.assertEqual(order.order_line.qty_to_invoice, 0)
        self.assertEqual(order.invoice_status, "invoiced")
        self.assertIn(credit, order.invoice_ids)

    def test_without_a_reference_the_credit_note_matches_the_billed_order_line_by_its_lines(self):
        toner_order = self.billed_order(product=self.toner, quantity=2, price=60.0)
        order = self.billed_order()
        order.order_line.qty_received = 6
        credit, suggestion, codes = self.read_credit()
        self.assertEqual(self.products(credit).purchase_line_id, order.order_line)
        self.assertIn("purchase_order", codes)
        messages = " ".join(finding["message"] for finding in suggestion.proposed_values["findings"])
        self.assertIn(order.name, messages)
        self.assertIn("its lines", messages)
        self.assertEqual(order.order_line.qty_invoiced, 6)
        self.assertEqual(toner_order.order_line.qty_invoiced, 2, "the other order is untouched")

    def test_crediting_more_than_was_billed_is_a_finding_and_no_link(self):
        order = self.billed_order(billed=3)  # 10 ordered and received, 3 billed
        order.order_line.qty_received = 6
        credit, suggestion, codes = self.read_credit(reference=order.name)
        self.assertIn("purchase_credit_exceeds", codes)
        self.assertFalse(self.products(credit).purchase_line_id, "4 credited of 3 billed: not linked")
        self.assertEqual(self.products(credit).quantity, 4, "the document's line stays as read")
        self.assertEqual(order.order_line.qty_invoiced, 3)
        message = next(finding["message"] for finding in suggestion.proposed_values["findings"]
                       if finding["code"] == "purchase_credit_exceeds")
        self.assertIn("3", message)
        self.assertIn(message, credit.ai_bill_panel, "the bill form's AI reading tab lists it")
        self.assertIn(message, suggestion.reasons, "the review queue gives it as a reason")
        suggestion.with_user(self.reviewer).action_approve()
        self.assertEqual(order.order_line.qty_invoiced, 3, "never below what was billed")

    def test_an_earlier_credit_counts_against_what_can_be_credited(self):
        order = self.billed_order()
        order.order_line.qty_received = 6
        first, first_suggestion, _codes = self.read_credit(reference=order.name, number="CN-2026-1")
        first_suggestion.with_user(self.reviewer).action_approve()
        self.assertEqual(order.order_line.qty_invoiced, 6)
        second, _suggestion, codes = self.read_credit(reference=order.name, number="CN-2026-2",
                                                       lines=[("Printer paper", 7, 10.0, 19.0)])
        self.assertIn("purchase_credit_exceeds", codes, "7 credited, 6 still billed")
        self.assertFalse(self.products(second).purchase_line_id)
        self.assertEqual(order.order_line.qty_invoiced, 6)

    def test_a_price_credit_is_a_finding_and_leaves_the_billed_quantity(self):
        """Odoo counts a linked refund line's quantity off the billed quantity whatever its price: a credit of 1.00 a
        unit on the 10 billed, linked, would reopen the 10 for billing. It stays the document's line, unlinked."""
        order = self.billed_order()
        credit, suggestion, codes = self.read_credit(reference=order.name,
                                                     lines=[("Printer paper, price adjustment", 10, 1.0, 19.0)])
        self.assertIn("purchase_price_credit", codes)
        self.assertIn("purchase_order", codes)
        self.assertFalse(self.products(credit).purchase_line_id)
        self.assertEqual([(line.quantity, line.price_unit) for line in self.products(credit)], [(10.0, 1.0)])
        suggestion.with_user(self.reviewer).action_approve()
        self.assertEqual(credit.state, "posted")
        self.assertEqual(order.order_line.qty_invoiced, 10)
        self.assertEqual(order.invoice_status, "invoiced")

    def test_a_credit_stating_no_quantity_is_a_price_credit_not_a_return(self):
        """An amount alone (no quantity printed) reads as 1 at the amount; at the ordered price that would take one
        unit off the billed quantity: it is not linked."""
        order = self.billed_order()
        credit, _suggestion, codes = self.read_credit(reference=order.name, quantity_stated=False,
                                                      lines=[("Printer paper", 1, 10.0, 19.0)])
        self.assertIn("purchase_price_credit", codes)
        self.assertFalse(self.products(credit).purchase_line_id)
        self.assertEqual(order.order_line.qty_invoiced, 10)

    def test_3_way_a_credit_for_goods_still_counted_received_is_a_finding(self):
        order = self.billed_order()  # 10 received, 10 billed; the return of the 4 credited is not recorded
        credit, suggestion, codes = self.read_credit(reference=order.name)
        self.assertEqual(self.products(credit).purchase_line_id, order.order_line, "within what was billed: linked")
        self.assertIn("purchase_credit_not_returned", codes)
        message = next(finding["message"] for finding in suggestion.proposed_values["findings"]
                       if finding["code"] == "purchase_credit_not_returned")
        self.assertIn("10", message)
        suggestion.with_user(self.reviewer).action_approve()
        self.assertEqual(order.order_line.qty_invoiced, 6)
        self.assertEqual(order.order_line.qty_to_invoice, 4, "Odoo shows the 4 to bill again")
        self.assertEqual(order.invoice_status, "to invoice")

    def test_2_way_a_credit_on_ordered_quantities_says_the_order_shows_them_to_bill_again(self):
        hours = self.env["product.product"].create({
            "name": "Consulting hours", "type": "service", "purchase_method": "purchase",
            "supplier_taxes_id": [Command.set(self.tax_19.ids)]})
        order = self.billed_order(product=hours, quantity=10, price=50.0)
        self.assertEqual(order.order_line.qty_received, 10)
        order.order_line.qty_received = 0  # nothing counted as received: billed on what was ordered
        credit, suggestion, codes = self.read_credit(reference=order.name, lines=[("Consulting hours", 4, 50.0, 19.0)])
        self.assertEqual(self.products(credit).purchase_line_id, order.order_line)
        self.assertIn("purchase_credit_reopens", codes)
        self.assertNotIn("purchase_credit_not_returned", codes)
        suggestion.with_user(self.reviewer).action_approve()
        self.assertEqual(order.order_line.qty_invoiced, 6)
        self.assertEqual(order.order_line.qty_to_invoice, 4)
        self.assertEqual(order.invoice_status, "to invoice")

    def test_a_line_alike_lines_of_several_billed_orders_is_a_finding_not_a_guess(self):
        first, second = self.billed_order(), self.billed_order()
        credit, _suggestion, codes = self.read_credit()
        self.assertIn("purchase_order_ambiguous", codes)
        self.assertFalse(self.products(credit).purchase_line_id)
        self.assertEqual((first.order_line.qty_invoiced, second.order_line.qty_invoiced), (10, 10))

    def test_an_unknown_reference_keeps_the_credit_notes_lines(self):
        self.billed_order()
        credit, _suggestion, codes = self.read_credit(reference="PO-NOPE-1")
        self.assertIn("purchase_order_missing", codes)
        self.assertFalse(self.products(credit).purchase_line_id)
        self.assertEqual(credit.move_type, "in_refund")

    def test_rejecting_removes_the_links_the_ai_set(self):
        order = self.billed_order()
        order.order_line.qty_received = 6
        credit, suggestion, _codes = self.read_credit(reference=order.name)
        self.assertEqual(order.order_line.qty_invoiced, 6, "Odoo counts a draft refund's linked lines")
        suggestion.with_user(self.reviewer).action_reject("wrong order")
        self.assertFalse(credit.invoice_line_ids)
        self.assertEqual(credit.move_type, "in_invoice")
        self.assertEqual(order.order_line.qty_invoiced, 10)
        self.assertEqual(order.order_line.qty_to_invoice, -4)

    def test_reverting_resets_the_posted_credit_note_to_draft_with_its_links(self):
        order = self.billed_order()
        order.order_line.qty_received = 6
        credit, suggestion, _codes = self.read_credit(reference=order.name)
        suggestion.with_user(self.reviewer).action_approve()
        suggestion.with_user(self.reviewer).action_revert()
        self.assertEqual(suggestion.state, "reverted")
        self.assertEqual((credit.state, credit.move_type), ("draft", "in_refund"))
        self.assertEqual(self.products(credit).purchase_line_id, order.order_line)
        self.assertEqual(order.order_line.qty_invoiced, 6, "a draft refund still counts, as Odoo has it")
        credit.button_cancel()
        self.assertEqual(order.order_line.qty_invoiced, 10, "cancelled, it no longer does")
