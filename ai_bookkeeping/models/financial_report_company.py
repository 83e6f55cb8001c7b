from odoo import fields, models


class ResCompany(models.Model):
    """What the financial reports' narrative calls material, and where the monthly reports go."""

    _inherit = "res.company"

    ai_report_materiality_amount = fields.Monetary(
        string="Material variance from", default=1000.0, currency_field="currency_id",
        help="A variance or a driver is explained only from this amount, and from the percent below.")
    ai_report_materiality_percent = fields.Float(
        string="Material variance from (%)", default=5.0,
        help="A variance or a driver is explained only from this percent of the figure it is compared with.")
