"""Unbilled revenue at a period end: sales delivered and not invoiced, for the close assistant.

``ai.suggestion._ai_unbilled_revenue(company, date)`` returns the lines (one per order and income account); the
period close uses them twice: a checklist item (``unbilled_revenue``) and, in *Propose accruals*, one
``adjusting_entry`` suggestion per order (``type: unbilled_revenue``) that debits the company's unbilled revenue
account and credits the income accounts at the period end, reversed on the first day of the next period.

The delivered quantity is the order line's today (``qty_delivered``: Sales keeps it by hand, Inventory from the
deliveries); the invoiced one counts the posted invoices and credit notes dated up to the period end.
"""

from collections import defaultdict

from odoo import Command, _, api, fields, models

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

    # ------------------------------------------------------------------ the close's accruals

    @api.model
    def _adjusting_propose_accruals(self, close):
        company = close.company_id
        created = super()._adjusting_propose_accruals(close) if company.ai_close_accrual_account_id \
            or not company.ai_sale_unbilled_account_id else self.browse()
        if company.ai_sale_unbilled_account_id:
            created |= self._ai_unbilled_propose(close)
        return created

    @api.model
    def _ai_unbilled_propose(self, close):
        company = close.company_id
        unbilled_account = company.ai_sale_unbilled_account_id
        journal = company.ai_close_accrual_journal_id or self.env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "=", "general")], limit=1)
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
            order_name = rows[0]["order"]
            details = "; ".join("%s × %s: %.2f" % (line["quantity"], line["product"], line["amount"])
                                for row in rows for line in row["lines"])
            vals_list.append({
                "name": _("Unbilled revenue %(order)s %(end)s", order=order_name, end=close.date_to),
                "kind": "adjusting_entry", "company_id": company.id, "res_model": close._name, "res_id": close.id,
                "confidence": 0.9,
                "explanation": _(
                    "%(order)s has goods or services delivered and not invoiced by %(end)s (%(details)s). Accrual: "
                    "%(amount).2f to %(unbilled)s against the income accounts, dated %(end)s and reversed on "
                    "%(reversal)s.", order=order_name, end=close.date_to, details=details, amount=amount,
                    unbilled=unbilled_account.display_name, reversal=reversal_date),
                "reasons": [self.env._("%(quantity)s × %(product)s delivered, not invoiced: %(amount).2f",
                              quantity=line["quantity"], product=line["product"], amount=line["amount"])
                            for row in rows for line in row["lines"]],
                "engine_name": "sale_unbilled_revenue", "engine_version": "1",
                "proposed_values": {
                    "type": ACCRUAL_TYPE, "amount": amount, "date": fields.Date.to_string(close.date_to),
                    "reversal_date": fields.Date.to_string(reversal_date), "journal_id": journal.id,
                    "partner_id": rows[0]["partner_id"], "order_id": rows[0]["order_id"], "order": order_name,
                    "unbilled_account_id": unbilled_account.id,
                    "revenue": [{"account_id": row["account_id"], "amount": row["amount"]} for row in rows],
                },
            })
        # sudo: suggestions are written by the system, as the engine's answers are; people then decide on them.
        created = self.sudo().create(vals_list).sudo(False)
        close.invalidate_recordset(["adjusting_suggestion_ids"])
        return created

    def _apply_adjusting_entry(self):
        unbilled = self.filtered(lambda s: (s.proposed_values or {}).get("type") == ACCRUAL_TYPE)
        super(AiSuggestion, self - unbilled)._apply_adjusting_entry()
        for suggestion in unbilled:
            values = suggestion.proposed_values
            label = suggestion.name
            partner = values["partner_id"]
            move = self.env["account.move"].create({
                "move_type": "entry", "company_id": suggestion.company_id.id, "journal_id": values["journal_id"],
                "date": values["date"], "ref": label,
                "line_ids": [Command.create({"account_id": values["unbilled_account_id"], "partner_id": partner,
                                             "name": label, "debit": values["amount"], "credit": 0.0})] + [
                    Command.create({"account_id": row["account_id"], "partner_id": partner, "name": label,
                                    "debit": 0.0, "credit": row["amount"]}) for row in values["revenue"]],
            })
            move.action_post()
            reversal = move._reverse_moves([{"date": values["reversal_date"],
                                             "ref": _("Reversal of %(label)s", label=label)}])
            reversal.action_post()
            suggestion.write({"adjusting_move_ids": [Command.set((move | reversal).ids)], "state": sm.APPLIED,
                              "applied_at": fields.Datetime.now()})


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
