from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ai_rollout_phase = fields.Selection(related="company_id.ai_rollout_phase", readonly=False)
    ai_auto_min_confidence = fields.Float(related="company_id.ai_auto_min_confidence", readonly=False)
    ai_auto_max_amount = fields.Monetary(related="company_id.ai_auto_max_amount", readonly=False)
    ai_second_approval_amount = fields.Monetary(related="company_id.ai_second_approval_amount", readonly=False)
    ai_controller_user_id = fields.Many2one(related="company_id.ai_controller_user_id", readonly=False)
    ai_data_minimisation = fields.Boolean(related="company_id.ai_data_minimisation", readonly=False)
