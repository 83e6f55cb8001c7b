from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ai_sale_late_days = fields.Integer(related="company_id.ai_sale_late_days", readonly=False)
    ai_sale_unbilled_account_id = fields.Many2one(related="company_id.ai_sale_unbilled_account_id", readonly=False)
