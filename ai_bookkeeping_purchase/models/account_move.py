"""Vendor bills read by AI Bookkeeping, matched to the vendor's open purchase orders.

Once the core add-on has put the document's lines on the draft (``_ai_bill_after_lines``), Odoo's own matching
(purchase's ``_find_and_set_purchase_orders``: the purchase order named on the bill, else the vendor's one order of
that total) replaces them with the order's lines through ``purchase_id`` / ``_prepare_account_move_line``, so the
bill lines are linked to the order lines and the order's billing status follows. What the document says is then
compared with what was ordered and received (2-way and 3-way, with tolerances): each difference is a finding of the
bill's suggestion, shown to the reviewer, never adjusted away.
"""

import difflib

from odoo import _, fields, models
from odoo.tools import float_compare

# A price differing by less than this share of the ordered price is the same price (rounding on the document).
PRICE_TOLERANCE = 0.01
# How alike a document line's description must be to an order line's to compare them (difflib ratio).
NAME_MATCH = 0.5
# A credit note's findings that leave its line unlinked from the order line.
CREDIT_NOT_LINKED = ("purchase_price_credit", "purchase_credit_exceeds")
# What a credit note's line takes from the order line it credits (purchase.order.line._prepare_account_move_line).
CREDIT_LINE_FIELDS = ("name", "product_id", "product_uom_id", "discount", "price_unit", "tax_ids", "purchase_line_id",
                      "analytic_distribution")


class AccountMove(models.Model):
    _inherit = "account.move"

    def _ai_bill_after_lines(self, document, vendor, findings):
        # EXTENDS ai_bookkeeping: the draft's lines linked to the vendor's open purchase order.
        super()._ai_bill_after_lines(document, vendor, findings)
        if vendor and self.move_type == "in_refund":
            self._ai_bill_link_credit_note(document, vendor, findings)
            return
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

    def _ai_bill_link_credit_note(self, document, vendor, findings):
        """A credit note's lines linked to the order lines they credit, so that the credited quantity comes off the
        order line's billed quantity (Odoo's ``qty_invoiced`` counts a refund's linked lines negative, drafts too) and
        the order's billing status follows. Odoo's own matching is for bills (it looks only at orders still to bill
        and fills in what is left to bill, as a bill), so the order is found here: the one named on the document,
        else, line by line, the vendor's billed order line most alike. A line is linked only when it credits goods
        at the ordered price, a quantity stated on the document and no more than is billed; a price credit or more
        than billed is a finding and no link; goods still counted as received after the credit (3-way) or ordered
        (2-way, billed on ordered quantities) are a finding on a linked line."""
        reference = (document["fields"].get("purchase_order_ref") or {}).get("value")
        order_domain = [("company_id", "=", self.company_id.id), ("state", "in", ("purchase", "done")),
                        ("partner_id", "child_of", vendor.commercial_partner_id.id)]
        orders = self.env["purchase.order"]
        if reference:
            orders = orders.search(order_domain + [("name", "=", reference)]) or orders.search(
                order_domain + [("partner_ref", "=", reference)])
            if not orders:
                findings.append({"code": "purchase_order_missing", "severity": "warning", "message": _(
                    "The credit note names purchase order %(ref)s; no purchase order of %(vendor)s has that "
                    "reference.", ref=reference, vendor=vendor.name)})
                return
            candidates = orders.order_line.filtered(lambda line: not line.display_type)
        else:
            candidates = self.env["purchase.order.line"].search([
                ("order_id.company_id", "=", self.company_id.id), ("order_id.state", "in", ("purchase", "done")),
                ("order_id.partner_id", "child_of", vendor.commercial_partner_id.id), ("display_type", "=", False),
                ("qty_invoiced", ">", 0)], order="id desc", limit=500)
        # What each order line has billed before this credit note (net of earlier credits), less what this credit
        # note's lines linked so far take off it.
        billed = {order_line: order_line.qty_invoiced for order_line in candidates}
        lines = self.invoice_line_ids.filtered(lambda line: line.display_type == "product")
        read_lines = document["lines"] if len(document["lines"]) == len(lines) else [None] * len(lines)
        line_findings = []
        linked = 0
        for line, read in zip(lines, read_lines, strict=True):
            order_line, alike = self._ai_bill_credited_order_line(line, candidates, by_price=bool(reference))
            if len(alike.order_id) > 1:
                line_findings.append({"code": "purchase_order_ambiguous", "severity": "warning", "message": _(
                    "%(line)s is alike lines of several purchase orders (%(orders)s): linked to none; the order to "
                    "credit is for the reviewer to choose.", line=line.name,
                    orders=", ".join(alike.order_id.mapped("name")))})
                continue
            if not order_line:
                continue
            found = self._ai_bill_credit_findings(line, read, order_line, billed[order_line])
            line_findings.extend(found)
            orders |= order_line.order_id
            if any(finding["code"] in CREDIT_NOT_LINKED for finding in found):
                continue
            quantity = line.quantity
            vals = order_line._prepare_account_move_line(self)
            # The order line's product, price, taxes and link, at the credited quantity; not what the modules add
            # for a bill of what is left to bill (purchase_stock's ``balance`` of the received quantity).
            line.write(dict({key: vals[key] for key in CREDIT_LINE_FIELDS if key in vals}, quantity=quantity))
            billed[order_line] -= quantity
            linked += 1
        if orders:
            if not self.invoice_origin:
                self.with_context(skip_is_manually_modified=True).invoice_origin = ",".join(orders.mapped("name"))
            findings.append({"code": "purchase_order", "severity": "info", "message": _(
                "Credit note matched to purchase order %(orders)s by %(how)s; %(count)s of its lines credit the "
                "order's lines, whose billed quantity goes down.", orders=", ".join(orders.mapped("name")),
                how=_("the reference on the credit note") if reference else _("its lines"), count=linked)})
        findings.extend(line_findings)

    def _ai_bill_credited_order_line(self, line, candidates, by_price=False):
        """(the order line ``line`` credits, or none; the order lines equally alike when they belong to several
        orders, else none). Alike is the most alike description (at least NAME_MATCH), the same unit price
        deciding between equals; with ``by_price`` (the order named on the document) the same unit price alone
        does when no description is alike."""
        empty = self.env["purchase.order.line"]

        def ratio(order_line):
            return round(difflib.SequenceMatcher(None, (line.name or "").lower(),
                                                 (order_line.name or "").lower()).ratio(), 6)

        def same_price(order_line):
            return abs(line.price_unit - self._ai_bill_ordered_price(order_line)) <= 0.005

        scores = {order_line: ratio(order_line) for order_line in candidates}
        best = max(scores.values(), default=0.0)
        if best >= NAME_MATCH:
            top = candidates.filtered(lambda order_line: scores[order_line] == best)
            top = top.filtered(same_price) or top
        elif by_price:
            top = candidates.filtered(same_price)
        else:
            return empty, empty
        if len(top.order_id) > 1:
            return empty, top
        return top[:1], empty

    def _ai_bill_credit_findings(self, line, read, order_line, billed):
        """Findings of the credit note's ``line`` (as read: ``read``, None when the draft's lines are not the
        document's) against ``order_line``, of which ``billed`` is billed before it."""
        order = order_line.order_id.name
        precision = order_line.product_uom.rounding
        if read is None or read["quantity"] is None:
            return [{"code": "purchase_price_credit", "severity": "warning", "message": _(
                "%(line)s: the credit note states no quantity; taken as a price credit on %(order)s, not linked to "
                "its line so that the billed quantity stays %(billed)s.", line=line.name, order=order, billed=billed)}]
        ordered = self._ai_bill_ordered_price(order_line)
        if ordered and abs(line.price_unit - ordered) > max(0.005, PRICE_TOLERANCE * abs(ordered)):
            return [{"code": "purchase_price_credit", "severity": "warning", "message": _(
                "%(line)s: the credit note credits %(credited)s a unit, the order %(order)s has %(ordered)s: a price "
                "credit, not linked to the order line so that its billed quantity stays %(billed)s.",
                line=line.name, credited=line.price_unit, ordered=ordered, order=order, billed=billed)}]
        if float_compare(line.quantity, billed, precision_rounding=precision) > 0:
            return [{"code": "purchase_credit_exceeds", "severity": "warning", "message": _(
                "%(line)s: the credit note credits %(credited)s, %(billed)s are billed on %(order)s (after earlier "
                "credit notes): not linked to the order line.",
                line=line.name, credited=line.quantity, billed=billed, order=order)}]
        left = billed - line.quantity
        if float_compare(order_line.qty_received, left, precision_rounding=precision) > 0:
            return [{"code": "purchase_credit_not_returned", "severity": "warning", "message": _(
                "%(line)s: after this credit note %(left)s stay billed and %(received)s are counted as received "
                "(%(order)s): the order shows %(open)s to bill again. If the credited goods went back, record "
                "their return.", line=line.name, left=left, received=order_line.qty_received, order=order,
                open=order_line.qty_received - left)}]
        if order_line.product_id.purchase_method == "purchase" and float_compare(
                order_line.product_qty, left, precision_rounding=precision) > 0:
            return [{"code": "purchase_credit_reopens", "severity": "warning", "message": _(
                "%(line)s: after this credit note %(left)s stay billed of the %(ordered)s ordered (%(order)s, billed "
                "on ordered quantities): the order shows %(open)s to bill again unless its quantity is lowered.",
                line=line.name, left=left, ordered=order_line.product_qty, order=order,
                open=order_line.product_qty - left)}]
        return []

    def _ai_bill_ordered_price(self, order_line):
        """The order line's unit price in this move's currency, as Odoo's ``_prepare_account_move_line`` bills it."""
        return order_line.currency_id._convert(order_line.price_unit, self.currency_id, order_line.company_id,
                                               self.date or fields.Date.context_today(self), round=False)

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
