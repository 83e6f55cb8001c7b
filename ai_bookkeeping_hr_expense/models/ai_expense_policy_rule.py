"""The expense policy as data: one rule per expense category (or for every category), each limit optional. The AI
review of an expense (models/hr_expense.py) cites every rule the expense breaks in its findings."""

from odoo import _, api, fields, models

from ..tools import expense_policy


class AiExpensePolicyRule(models.Model):
    _name = "ai.expense.policy.rule"
    _description = "Expense policy rule"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True, help='How the finding names the rule, e.g. "meal".')
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    product_id = fields.Many2one(
        "product.product", string="Category", domain=[("can_be_expensed", "=", True)], index=True,
        help="The expense category the rule is for; empty: every category.")
    max_per_receipt = fields.Monetary(string="Maximum per receipt", help="0: no limit.")
    max_per_day = fields.Monetary(
        string="Maximum per day", help="The employee's expenses of this category on one day, together. 0: no limit.")
    receipt_required_above = fields.Monetary(
        string="Receipt required above", help="An expense above this amount without a receipt attached is flagged.")
    no_weekend = fields.Boolean(string="No weekend spend")
    no_holiday = fields.Boolean(
        string="No public-holiday spend",
        help="The company's public holidays: its working-time calendar's time off for everyone (Employees app).")
    allowed_merchants = fields.Text(help="One merchant per line; empty: any merchant.")

    _sql_constraints = [
        ("amounts_positive", "CHECK(max_per_receipt >= 0 AND max_per_day >= 0 AND receipt_required_above >= 0)",
         "The policy's amounts cannot be negative."),
    ]

    @api.model
    def _rules_for(self, expense):
        return self.search([("company_id", "=", expense.company_id.id), "|", ("product_id", "=", False),
                            ("product_id", "=", expense.product_id.id)])

    def _as_dict(self):
        self.ensure_one()
        return {
            "max_per_receipt": self.max_per_receipt, "max_per_day": self.max_per_day,
            "receipt_required_above": self.receipt_required_above, "no_weekend": self.no_weekend,
            "no_holiday": self.no_holiday,
            "allowed": [line.strip() for line in (self.allowed_merchants or "").splitlines() if line.strip()],
        }

    def _message(self, code, params, expense):
        """The finding's sentence, citing the rule: "75.00 EUR is above the 60.00 EUR daily meal limit"."""
        self.ensure_one()
        money = lambda amount: self.currency_id.format(amount)  # noqa: E731
        rule = self.name
        if code == "max_per_receipt":
            return _("%(amount)s is above the %(limit)s per-receipt %(rule)s limit", amount=money(params["amount"]),
                     limit=money(params["limit"]), rule=rule)
        if code == "max_per_day":
            return _("%(amount)s spent on %(date)s is above the %(limit)s daily %(rule)s limit",
                     amount=money(params["amount"]), date=expense.date, limit=money(params["limit"]), rule=rule)
        if code == "receipt_required":
            return _("no receipt attached, required above %(limit)s for %(rule)s", limit=money(params["limit"]),
                     rule=rule)
        if code == "weekend":
            return _("spent on a weekend (%(date)s): the %(rule)s policy allows no weekend spend",
                     date=expense.date, rule=rule)
        if code == "holiday":
            return _("spent on a public holiday (%(holiday)s, %(date)s): the %(rule)s policy allows none",
                     holiday=params["holiday"], date=expense.date, rule=rule)
        return _("%(merchant)s is not one of the merchants the %(rule)s policy allows", merchant=params["merchant"],
                 rule=rule)

    @api.model
    def _findings_for(self, expense, facts):
        findings = []
        for rule in self._rules_for(expense):
            for code, params in expense_policy.breaches(rule._as_dict(), facts):
                findings.append({"code": "policy_" + code, "severity": "warning", "rule_id": rule.id,
                                 "message": rule._message(code, params, expense)})
        return findings
