from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ai_close_accrual_account_id = fields.Many2one(
        related="company_id.ai_close_accrual_account_id", readonly=False)
    ai_close_accrual_journal_id = fields.Many2one(
        related="company_id.ai_close_accrual_journal_id", readonly=False)
    ai_close_prepaid_account_id = fields.Many2one(
        related="company_id.ai_close_prepaid_account_id", readonly=False)
