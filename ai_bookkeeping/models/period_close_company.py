from odoo import fields, models


class ResCompany(models.Model):
    """Where a period close books the accruals and deferrals it proposes."""

    _inherit = "res.company"

    ai_close_accrual_account_id = fields.Many2one(
        "account.account", string="Accrued liabilities account", check_company=True,
        help="Credited by the accruals a period close proposes for recurring vendor bills that have not arrived.")
    ai_close_accrual_journal_id = fields.Many2one(
        "account.journal", string="Accruals journal", check_company=True, domain="[('type', '=', 'general')]",
        help="Journal of the accruals and their reversals. Empty: the first miscellaneous journal.")
    ai_close_prepaid_account_id = fields.Many2one(
        "account.account", string="Prepaid expenses account", check_company=True,
        help="Debited by the deferrals a period close proposes for bills covering several months, and credited "
        "month by month as the service is used.")
