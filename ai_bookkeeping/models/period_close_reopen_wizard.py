from odoo import api, fields, models


class AiPeriodCloseReopenWizard(models.TransientModel):
    """Reopen a locked period close: an accounting administrator gives the reason; the soft lock dates that cover
    the period move back to before it, and the lock stays in the close's history (ai.period.close.lock.record)."""

    _name = "ai.period.close.reopen.wizard"
    _description = "Reopen a period close"

    close_id = fields.Many2one("ai.period.close", required=True, readonly=True)
    reason = fields.Text(required=True, help="Why the period is reopened: kept in the close's record and chatter.")

    @api.model
    def default_get(self, fields_list):
        self.env["ai.period.close"]._check_lock_rights()
        return super().default_get(fields_list)

    def action_reopen(self):
        self.ensure_one()
        self.close_id._reopen(self.reason)
        return {"type": "ir.actions.act_window_close"}
