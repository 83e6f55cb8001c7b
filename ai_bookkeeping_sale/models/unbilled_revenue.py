"""Unbilled revenue at a period end: sales delivered and not invoiced, for the close assistant.

``ai.suggestion._ai_unbilled_revenue(company, date)`` returns the lines (one per order and income account); the
period close uses them twice: a checklist item (``unbilled_revenue``) and, through the core's extension point
``_adjusting_propose_unbilled_revenue`` (*Propose adjusting entries*), one ``adjusting_entry`` suggestion per
order (``type: unbilled_revenue``) that debits the company's unbilled revenue account and credits the income
accounts at the period end, reversed on the first day of the next period.

The delivered quantity is the order line's today (``qty_delivered``: Sales keeps it by hand, Inventory from the
deliveries); the invoiced one counts the posted invoices and credit notes dated up to the period end.
"""

from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ai_bookkeeping.tools import state_machine as sm

ACCRUAL_TYPE = "unbilled_revenue"


class AiSuggestion(models.Model):
    _inherit = "ai.suggestion"

    @api.model
    def _ai_unbilled_revenue(self, company, date):
        """[{order_id, order, partner_id, account_id, amount (company currency, untaxed), lines: [{sale_line_id,
        product, quantity, amount}]}] for ``company``'s confirmed orders with more delivered than invoiced (posted,
        dated up to ``date``), one row per order and income account."""
        date = fields.Date.to_date(date)
        # sudo: the close assistant reads every order of the company, whatever the closer's Sales rights.
        lines = self.env["sale.order.line"].sudo().with_company(company).search([
            ("company_id", "=", company.id), ("state", "=", "sale"), ("display_type", "=", False),
            ("is_downpayment", "=", False), ("qty_delivered", ">", 0), ("order_id.date_order", "<=",
                                                                        fields.Datetime.end_of(date, "day")),
        ])
        rows = defaultdict(lambda: {"amount": 0.0, "lines": []})
        for line in lines:
            invoiced = 0.0
            for invoice_line in line.invoice_lines:
                move = invoice_line.move_id
                if move.state != "posted" or move.date > date:
                    continue
                quantity = invoice_line.product_uom_id._compute_quantity(invoice_line.quantity, line.product_uom)
                invoiced += -quantity if move.move_type == "out_refund" else quantity
            unbilled = line.qty_delivered - invoiced
            if unbilled <= 0 or not line.product_uom_qty or line.currency_id.is_zero(line.price_subtotal):
                continue
            amount_currency = line.price_subtotal / line.product_uom_qty * unbilled
            amount = line.currency_id._convert(amount_currency, company.currency_id, company, date)
            order = line.order_id
            account = line.product_id.product_tmpl_id.with_company(company).get_product_accounts(
                fiscal_pos=order.fiscal_position_id)["income"]
            row = rows[(order.id, account.id)]
            row.update(order_id=order.id, order=order.name, partner_id=order.partner_id.commercial_partner_id.id,
                       account_id=account.id)
            row["amount"] += amount
            row["lines"].append({"sale_line_id": line.id, "product": line.product_id.display_name,
                                 "quantity": unbilled, "amount": company.currency_id.round(amount)})
        result = []
        for row in rows.values():
            row["amount"] = company.currency_id.round(row["amount"])
            result.append(row)
        return sorted(result, key=lambda r: (r["order"], r["account_id"]))

    # ------------------------------------------------------------------ the close's adjusting entries

    @api.model
    def _adjusting_propose_unbilled_revenue(self, close):
        """The core's extension point (period_close_suggestion.py): one proposal per order with delivered, not
        invoiced revenue, debit the unbilled revenue account, credit the income accounts, reversed next period."""
        created = super()._adjusting_propose_unbilled_revenue(close)
        company = close.company_id
        unbilled_account = company.ai_sale_unbilled_account_id
        if not unbilled_account:
            return created
        journal = company.ai_close_accrual_journal_id or self.env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "=", "general")], limit=1)
        if not journal:
            raise UserError(_("%(company)s has no miscellaneous journal for the unbilled revenue.",
                              company=company.name))
        proposed = self.sudo().search([("kind", "=", "adjusting_entry"), ("res_model", "=", close._name),
                                       ("res_id", "=", close.id), ("state", "not in", (sm.REJECTED, sm.REVERTED))])
        taken = {s.proposed_values.get("order_id") for s in proposed
                 if isinstance(s.proposed_values, dict) and s.proposed_values.get("type") == ACCRUAL_TYPE}
        by_order = defaultdict(list)
        for row in self._ai_unbilled_revenue(company, close.date_to):
            if row["order_id"] not in taken:
                by_order[row["order_id"]].append(row)
        reversal_date = close._next_period_start()
        vals_list = []
        for rows in by_order.values():
            amount = company.currency_id.round(sum(r["amount"] for r in rows))
            order_name, partner = rows[0]["order"], rows[0]["partner_id"]
            name = _("Unbilled revenue %(order)s %(end)s", order=order_name, end=close.date_to)
            details = "; ".join("%s × %s: %.2f" % (line["quantity"], line["product"], line["amount"])
                                for row in rows for line in row["lines"])
            explanation = _(
                "%(order)s has goods or services delivered and not invoiced by %(end)s (%(details)s). Accrual: "
                "%(amount).2f to %(unbilled)s against the income accounts, dated %(end)s and reversed on "
                "%(reversal)s.", order=order_name, end=close.date_to, details=details, amount=amount,
                unbilled=unbilled_account.display_name, reversal=reversal_date)
            entries = [{"date": fields.Date.to_string(close.date_to), "ref": name, "journal_id": journal.id,
                        "partner_id": partner, "lines": [
                            {"account_id": unbilled_account.id, "partner_id": partner, "name": name,
                             "debit": amount, "credit": 0.0}] + [
                            {"account_id": row["account_id"], "partner_id": partner, "name": name,
                             "debit": 0.0, "credit": row["amount"]} for row in rows]}]
            vals = self._adjusting_proposal_vals(
                close, ACCRUAL_TYPE, name, amount, entries, explanation, confidence=0.9,
                computation=details, partner_id=partner, order_id=rows[0]["order_id"], order=order_name,
                date=fields.Date.to_string(close.date_to), journal_id=journal.id)
            vals["reasons"] = [self.env._("%(quantity)s × %(product)s delivered, not invoiced: %(amount).2f",
                                          quantity=line["quantity"], product=line["product"], amount=line["amount"])
                               for row in rows for line in row["lines"]]
            vals["engine_name"], vals["engine_version"] = "sale_unbilled_revenue", "1"
            vals_list.append(vals)
        # sudo: suggestions are written by the system, as the engine's answers are; people then decide on them.
        created |= self.sudo().create(vals_list).sudo(False)
        close.invalidate_recordset(["adjusting_suggestion_ids"])
        return created


class AiPeriodCloseChecklist(models.AbstractModel):
    _inherit = "ai.period.close.checklist"

    @api.model
    def _item_definitions(self):
        return super()._item_definitions() + [
            {"code": "unbilled_revenue", "name": _("Sales delivered but not invoiced at the period end"),
             "sequence": 95, "blocking": False},
        ]

    @api.model
    def _item_unbilled_revenue(self, close):
        rows = self.env["ai.suggestion"]._ai_unbilled_revenue(close.company_id, close.date_to)
        order_ids = sorted({row["order_id"] for row in rows})
        return self._result(len(order_ids), sum(row["amount"] for row in rows), "sale.order",
                            [("id", "in", order_ids)])
