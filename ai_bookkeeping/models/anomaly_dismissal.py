from odoo import fields, models


class AiAnomalyDismissal(models.Model):
    """A pattern a person dismissed (this vendor's amounts, this account with this tax…): the detectors do not raise
    it again unless a finding scores higher than the dismissed one did."""

    _name = "ai.anomaly.dismissal"
    _description = "Dismissed anomaly pattern"
    _order = "create_date desc, id desc"

    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    pattern_key = fields.Char(required=True, index=True, readonly=True)
    detector = fields.Char(readonly=True)
    score = fields.Float(digits=(3, 3), readonly=True, help="The score of the finding dismissed.")
    reason = fields.Char(readonly=True)
    suggestion_id = fields.Many2one("ai.suggestion", readonly=True, ondelete="set null")
    user_id = fields.Many2one("res.users", readonly=True, default=lambda self: self.env.user)

    _sql_constraints = [
        ("pattern_unique", "unique(company_id, pattern_key)", "A pattern is dismissed once per company."),
    ]

    def _dismissed_for(self, company):
        """[{patternKey, score}] of a company, for the detection request."""
        rows = self.sudo().search_read([("company_id", "=", company.id)], ["pattern_key", "score"])  # sudo: cron
        return [{"patternKey": row["pattern_key"], "score": min(1.0, max(0.0, row["score"]))} for row in rows]
