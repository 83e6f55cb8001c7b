import base64

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..tools import financial_report_budget as frb


class FinancialReportBudgetLine(models.Model):
    """A simple budget: an amount per account and month (revenue and costs positive), for the profit and loss's
    budget column."""

    _name = "financial.report.budget.line"
    _description = "Financial report budget line"
    _order = "month, account_id"
    _check_company_auto = True

    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    account_id = fields.Many2one("account.account", required=True, check_company=True, index=True,
                                 domain="[('account_type', 'in', ('income', 'income_other', 'expense', "
                                        "'expense_direct_cost', 'expense_depreciation'))]")
    month = fields.Date(required=True, help="The first day of the month.")
    amount = fields.Monetary(required=True)

    _sql_constraints = [("account_month_unique", "unique(company_id, account_id, month)",
                         "An account has one budget amount per month.")]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("month"):
                vals["month"] = fields.Date.to_date(vals["month"]).replace(day=1)
        return super().create(vals_list)


class FinancialReportBudgetImport(models.TransientModel):
    _name = "financial.report.budget.import"
    _description = "Import a budget from CSV"

    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    file = fields.Binary(required=True, string="CSV file")
    file_name = fields.Char()

    def action_import(self):
        """Create or update the budget lines of the file (account, month, amount)."""
        self.ensure_one()
        try:
            rows = frb.parse_budget_csv(base64.b64decode(self.file))
        except (frb.BudgetError, UnicodeDecodeError) as exc:
            raise UserError(str(exc)) from None
        accounts = self.env["account.account"].with_company(self.company_id).search(
            [("company_ids", "in", self.company_id.id), ("code", "in", list({r["account"] for r in rows}))])
        by_code = {a.code: a for a in accounts}
        unknown = sorted({r["account"] for r in rows} - set(by_code))
        if unknown:
            raise UserError(_("These account codes do not exist in %(company)s: %(codes)s",
                              company=self.company_id.name, codes=", ".join(unknown)))
        Line = self.env["financial.report.budget.line"]
        count = 0
        for row in rows:
            month = fields.Date.to_date(row["month"] + "-01")
            account = by_code[row["account"]]
            line = Line.search([("company_id", "=", self.company_id.id), ("account_id", "=", account.id),
                                ("month", "=", month)], limit=1)
            if line:
                line.amount = row["amount"]
            else:
                Line.create({"company_id": self.company_id.id, "account_id": account.id, "month": month,
                             "amount": row["amount"]})
            count += 1
        return {"type": "ir.actions.client", "tag": "display_notification", "params": {
            "type": "success", "message": _("%(count)s budget lines imported.", count=count),
            "next": {"type": "ir.actions.act_window_close"}}}
