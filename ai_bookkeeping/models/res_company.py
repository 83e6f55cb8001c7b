from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    ai_bank_fee_account_id = fields.Many2one(
        "account.account",
        string="AI bank fee account",
        check_company=True,
        help="Account the AI proposes for bank fees deducted from a payment. Empty: no fee write-offs are proposed.",
    )
    ai_max_fee_amount = fields.Float(
        string="Largest bank fee", default=50.0, help="Largest shortfall the AI may propose to write off as a bank fee."
    )
    ai_fx_tolerance = fields.Float(
        string="FX rounding tolerance",
        default=1.0,
        help="Largest difference, in company currency, between a foreign-currency item and its payment that is "
        "booked as an exchange difference rather than left open.",
    )
