from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ai_anomaly_enabled = fields.Boolean(related="company_id.ai_anomaly_enabled", readonly=False)
    ai_anomaly_duplicate_days = fields.Integer(related="company_id.ai_anomaly_duplicate_days", readonly=False)
    ai_anomaly_high_amount = fields.Monetary(related="company_id.ai_anomaly_high_amount", readonly=False)
    ai_anomaly_thresholds = fields.Char(related="company_id.ai_anomaly_thresholds", readonly=False)
    ai_anomaly_alert_score = fields.Float(related="company_id.ai_anomaly_alert_score", readonly=False)
    ai_anomaly_member_ids = fields.Many2many(related="company_id.ai_anomaly_member_ids", readonly=False)
