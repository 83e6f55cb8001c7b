from odoo import _, api, models
from odoo.tools import SQL


class AiPeriodCloseChecklist(models.AbstractModel):
    """The anomaly workflow's item on the period close checklist: findings still open on entries dated up to the
    period's end (or on no entry: a payment without one, a Benford set), with their amounts; *Open* lists them."""

    _inherit = "ai.period.close.checklist"

    @api.model
    def _item_definitions(self):
        return super()._item_definitions() + [
            {"code": "open_anomalies", "name": _("Open anomalies (not confirmed or dismissed)"),
             "sequence": 65, "blocking": False},
        ]

    @api.model
    def _kinds_with_own_item(self):
        return super()._kinds_with_own_item() + ["anomaly"]

    @api.model
    def _item_open_anomalies(self, close):
        domain = [("company_id", "=", close.company_id.id), ("kind", "=", "anomaly"), ("state", "=", "pending"),
                  "|", ("anomaly_move_id", "=", False), ("anomaly_move_id.date", "<=", close.date_to)]
        # sudo: as the other suggestion items (period_close_checklist.py), the count is part of the close.
        count, amount = self._aggregate(
            "ai.suggestion", domain, lambda t: SQL("ABS(COALESCE(%s, 0))", SQL.identifier(t, "anomaly_amount")),
            sudo=True)
        return self._result(count, amount, "ai.suggestion", domain)
