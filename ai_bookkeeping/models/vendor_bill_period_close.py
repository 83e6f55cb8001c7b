from odoo import _, api, models
from odoo.tools import SQL


class AiPeriodCloseChecklist(models.AbstractModel):
    """The vendor-bill workflow's item on the period close checklist: bills read from documents and still waiting
    for a reviewer (a bill that is not booked is an expense missing from the period); *Open* lists them."""

    _inherit = "ai.period.close.checklist"

    @api.model
    def _item_definitions(self):
        return super()._item_definitions() + [
            {"code": "pending_vendor_bills", "name": _("Vendor bills read from documents awaiting review"),
             "sequence": 67, "blocking": False},
        ]

    @api.model
    def _kinds_with_own_item(self):
        return super()._kinds_with_own_item() + ["vendor_bill"]

    @api.model
    def _item_pending_vendor_bills(self, close):
        domain = [("company_id", "=", close.company_id.id), ("kind", "=", "vendor_bill"), ("state", "=", "pending")]
        # sudo: as the other suggestion items (period_close_checklist.py), the count is part of the close.
        count, _amount = self._aggregate("ai.suggestion", domain, lambda t: SQL("0"), sudo=True)
        bills = self.env["ai.suggestion"].sudo()._search(domain + [("res_model", "=", "account.move")])
        self.env.cr.execute(SQL("SELECT COALESCE(SUM(ABS(amount_total_signed)), 0) FROM account_move WHERE id IN %s",
                                bills.subselect("res_id")))
        amount = float(self.env.cr.fetchone()[0])
        return self._result(count, amount, "ai.suggestion", domain)
