from odoo import fields, models


class AiAnomalyDismissWizard(models.TransientModel):
    """Asks why an anomaly is dismissed: the reason is kept with the dismissed pattern."""

    _name = "ai.anomaly.dismiss.wizard"
    _description = "Dismiss an anomaly"

    suggestion_ids = fields.Many2many(
        "ai.suggestion", default=lambda self: self.env.context.get("active_ids") or [], required=True)
    reason = fields.Char(required=True, help="Why this is not a problem, e.g. 'yearly insurance premium'.")

    def action_dismiss(self):
        self.ensure_one()
        self.suggestion_ids.action_anomaly_dismiss(reason=self.reason)
        return {"type": "ir.actions.act_window_close"}
