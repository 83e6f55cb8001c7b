"""Vendor bills read by AI Bookkeeping, matched to the vendor's open purchase orders.

Once the core add-on has put the document's lines on the draft (``_ai_bill_after_lines``), Odoo's own matching
(purchase's ``_find_and_set_purchase_orders``: the purchase order named on the bill, else the vendor's one order of
that total) replaces them with the order's lines through ``purchase_id`` / ``_prepare_account_move_line``, so the
bill lines are linked to the order lines and the order's billing status follows. What the document says is then
compared with what was ordered and received (2-way and 3-way, with tolerances): each difference is a finding of the
bill's suggestion, shown to the reviewer, never adjusted away.
"""

import difflib

from odoo import _, models
from odoo.tools import float_compare

# A price differing by less than this share of the ordered price is the same price (rounding on the document).
PRICE_TOLERANCE = 0.01
# How alike a document line's description must be to an order line's to compare them (difflib ratio).
NAME_MATCH = 0.5


class AccountMove(models.Model):
    _inherit = "account.move"

    def _ai_bill_after_lines(self, document, vendor, findings):
        # EXTENDS ai_bookkeeping: the draft's lines linked to the vendor's open purchase order.
        super()._ai_bill_after_lines(document, vendor, findings)
        if not vendor or self.move_type != "in_invoice":
            return
        fields_ = document["fields"]
        reference = (fields_.get("purchase_order_ref") or {}).get("value")
        total = abs((fields_.get("total") or {}).get("value") or 0.0)
        references = [reference] if reference else []
        ref, due = self.ref, self.invoice_date_due
        self._find_and_set_purchase_orders(references, vendor.id, total, from_ocr=True)
        order_lines = self.invoice_line_ids.purchase_line_id
        if not order_lines:
            if reference:
                findings.append({"code": "purchase_order_missing", "severity": "warning", "message": _(
                    "The bill names purchase order %(ref)s; no open purchase order of %(vendor)s has that reference.",
                    ref=reference, vendor=vendor.name)})
            return
        # Odoo's matching rewrites the reference and the due date from the order: the document's stay.
        self.with_context(skip_is_manually_modified=True).write({"ref": ref, "invoice_date_due": due})
        orders = order_lines.order_id
        how = _("the reference on the bill") if reference and reference in orders.mapped("name") + orders.mapped(
            "partner_ref") else _("the vendor and the total")
        findings.append({"code": "purchase_order", "severity": "info", "message": _(
            "Matched to purchase order %(orders)s by %(how)s; the lines are the order's.",
            orders=", ".join(orders.mapped("name")), how=how)})
        findings.extend(self._ai_bill_purchase_differences(document["lines"]))

    def _ai_bill_purchase_differences(self, read_lines):
        """Findings where the document's lines differ from the linked order lines: the unit price (2-way), the
        quantity ordered and not yet billed (2-way), the quantity received and not yet billed (3-way)."""
        findings = []
        unused = list(read_lines)
        for line in self.invoice_line_ids.filtered("purchase_line_id"):
            order_line = line.purchase_line_id
            read = self._ai_bill_read_line_for(order_line, unused)
            if read is None:
                continue
            unused.remove(read)
            precision = order_line.product_uom.rounding
            quantity = read["quantity"] if read["quantity"] is not None else 1.0
            price = read["unit_price"]
            if price is not None and order_line.price_unit and abs(price - order_line.price_unit) > max(
                    0.005, PRICE_TOLERANCE * abs(order_line.price_unit)):
                findings.append({"code": "purchase_price", "severity": "warning", "message": _(
                    "%(line)s: the bill's unit price %(billed)s differs from the ordered %(ordered)s (%(order)s).",
                    line=order_line.name, billed=price, ordered=order_line.price_unit,
                    order=order_line.order_id.name)})
            # Billed before this bill: the order line's invoiced quantity counts this draft's line too.
            billed_before = order_line.qty_invoiced - line.quantity
            ordered_open = order_line.product_qty - billed_before
            received_open = order_line.qty_received - billed_before
            if float_compare(quantity, ordered_open, precision_rounding=precision) > 0:
                findings.append({"code": "purchase_quantity", "severity": "warning", "message": _(
                    "%(line)s: the bill charges %(billed)s, %(open)s were ordered and not yet billed (%(order)s).",
                    line=order_line.name, billed=quantity, open=ordered_open, order=order_line.order_id.name)})
            elif float_compare(quantity, received_open, precision_rounding=precision) > 0:
                findings.append({"code": "purchase_received", "severity": "warning", "message": _(
                    "%(line)s: the bill charges %(billed)s, %(open)s were received and not yet billed (%(order)s).",
                    line=order_line.name, billed=quantity, open=received_open, order=order_line.order_id.name)})
        return findings

    def _ai_bill_read_line_for(self, order_line, read_lines):
        """The document's line describing ``order_line``: the most alike description, else the same unit price."""
        def ratio(read):
            return difflib.SequenceMatcher(None, (read["description"] or "").lower(),
                                           (order_line.name or "").lower()).ratio()

        scored = sorted(read_lines, key=ratio, reverse=True)
        if scored and ratio(scored[0]) >= NAME_MATCH:
            return scored[0]
        for read in read_lines:
            price = read["unit_price"]
            if price is not None and abs(price - order_line.price_unit) <= 0.005:
                return read
        return None
