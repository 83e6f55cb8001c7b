from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    ai_sale_late_days = fields.Integer(
        string="Invoice orders within (days)", default=7,
        help="An order still not invoiced this many days after it became ready to invoice (delivered, or confirmed "
             "when invoiced on ordered quantities) is flagged on its invoice's suggestion. 0: never flagged.")
    ai_sale_unbilled_account_id = fields.Many2one(
        "account.account", string="Unbilled revenue account", check_company=True,
        help="Debited by the unbilled-revenue accrual a period close proposes for delivered sales not yet "
             "invoiced (an accrued revenue asset); the sales' income accounts are credited.")
