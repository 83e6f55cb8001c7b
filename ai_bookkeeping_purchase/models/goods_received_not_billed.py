"""Goods received not billed at a period end, for the close assistant's checklist.

``ai.period.close.checklist._ai_received_not_billed(company, date)`` returns the company's confirmed purchase order
lines with more received than billed: the received quantity is the line's today (``qty_received``: Purchase keeps
it by hand, Inventory from the receipts); the billed one counts the posted vendor bills and refunds dated up to the
period end. The checklist item ``received_not_billed`` counts the orders, sums (received − billed) × unit price
(untaxed, after discount) in the company currency, and opens the orders.
"""

from odoo import _, api, fields, models
from odoo.tools import float_compare


class AiPeriodCloseChecklist(models.AbstractModel):
    _inherit = "ai.period.close.checklist"

    @api.model
    def _item_definitions(self):
        return super()._item_definitions() + [
            {"code": "received_not_billed", "name": _("Goods received but not billed at the period end"),
             "sequence": 96, "blocking": False},
        ]

    @api.model
    def _ai_received_not_billed(self, company, date):
        """[{order_id, line_id, quantity, amount (company currency)}] for ``company``'s confirmed orders' lines with
        more received than billed (posted bills dated up to ``date``)."""
        date = fields.Date.to_date(date)
        # sudo: the close assistant reads every order of the company, whatever the closer's Purchase rights.
        lines = self.env["purchase.order.line"].sudo().with_company(company).search([
            ("company_id", "=", company.id), ("state", "in", ("purchase", "done")), ("display_type", "=", False),
            ("qty_received", ">", 0), ("order_id.date_order", "<=", fields.Datetime.end_of(date, "day")),
        ])
        rows = []
        for line in lines:
            billed = 0.0
            for bill_line in line.invoice_lines:
                move = bill_line.move_id
                if move.state != "posted" or move.date > date or move.move_type not in ("in_invoice", "in_refund"):
                    continue
                quantity = bill_line.product_uom_id._compute_quantity(bill_line.quantity, line.product_uom)
                billed += -quantity if move.move_type == "in_refund" else quantity
            unbilled = line.qty_received - billed
            if float_compare(unbilled, 0.0, precision_rounding=line.product_uom.rounding) <= 0 or not line.product_qty:
                continue
            unit_price = line.price_subtotal / line.product_qty
            amount = line.currency_id._convert(unit_price * unbilled, company.currency_id, company, date)
            rows.append({"order_id": line.order_id.id, "line_id": line.id, "quantity": unbilled,
                         "amount": company.currency_id.round(amount)})
        return rows

    @api.model
    def _item_received_not_billed(self, close):
        rows = self._ai_received_not_billed(close.company_id, close.date_to)
        order_ids = sorted({row["order_id"] for row in rows})
        return self._result(len(order_ids), close.company_id.currency_id.round(sum(r["amount"] for r in rows)),
                            "purchase.order", [("id", "in", order_ids)])
