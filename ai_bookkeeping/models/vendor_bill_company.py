from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    ai_vendor_bill_autopost_after = fields.Integer(
        string="Clean bills before automatic posting", default=3,
        help="A vendor's AI-read bills may be posted automatically (as the rollout phase and approval rules allow) "
        "only after this many of its bills in a row were approved with nothing corrected. 0: never.",
    )


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ai_vendor_bill_autopost_after = fields.Integer(related="company_id.ai_vendor_bill_autopost_after", readonly=False)
