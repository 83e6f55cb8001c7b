from odoo import fields, models

SEGMENTS = [
    ("reliable", "Reliable"),
    ("slow_but_sure", "Slow but sure"),
    ("deteriorating", "Deteriorating"),
    ("at_risk", "At risk"),
    ("new", "New / unknown"),
]


class AiCollectionBehaviour(models.Model):
    """A customer's payment behaviour in one company, as the engine last computed it (one row per partner and
    company, rewritten by each collection run)."""

    _name = "ai.collection.behaviour"
    _description = "Customer payment behaviour"
    _order = "company_id, partner_id"

    partner_id = fields.Many2one("res.partner", required=True, index=True, ondelete="cascade", readonly=True)
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    segment = fields.Selection(SEGMENTS, required=True, readonly=True)
    reason = fields.Char(readonly=True)
    paid_count = fields.Integer(readonly=True)
    mean_days_late = fields.Float(digits=(16, 1), readonly=True)
    sd_days_late = fields.Float(string="Spread (days)", digits=(16, 1), readonly=True)
    on_time_share = fields.Float(digits=(16, 3), readonly=True)
    dso = fields.Float(string="DSO (days)", digits=(16, 1), readonly=True)
    trend_days = fields.Float(digits=(16, 1), readonly=True)
    partial_share = fields.Float(digits=(16, 3), readonly=True)
    computed_on = fields.Date(readonly=True)

    _sql_constraints = [("partner_company_unique", "unique(partner_id, company_id)",
                         "One payment behaviour per customer and company.")]


class AiCollectionSkip(models.Model):
    """A customer the last collection run did not chase, and why (one row per reason)."""

    _name = "ai.collection.skip"
    _description = "Customer not chased"
    _order = "run_date desc, partner_id"

    partner_id = fields.Many2one("res.partner", required=True, index=True, ondelete="cascade", readonly=True)
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    run_date = fields.Date(required=True, readonly=True)
    code = fields.Selection([
        ("opt_out", "Opted out"),
        ("blacklisted", "E-mail blacklisted"),
        ("postponed", "Postponed"),
        ("promise", "Promise to pay"),
        ("bank_line", "Possible payment on the bank"),
        ("credit", "Credit covers it"),
        ("dispute", "Disputed"),
        ("min_amount", "Below the minimum"),
        ("pending", "Reminder awaiting review"),
    ], required=True, readonly=True)
    reason = fields.Char(readonly=True)
    amount = fields.Monetary(currency_field="currency_id", readonly=True, string="Overdue")
    currency_id = fields.Many2one(related="company_id.currency_id")
