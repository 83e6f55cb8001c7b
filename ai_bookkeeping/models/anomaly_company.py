from odoo import fields, models


class ResCompany(models.Model):
    """Anomaly detection settings of a company, and how far its ledger has been checked (the watermark)."""

    _inherit = "res.company"

    ai_anomaly_enabled = fields.Boolean(string="Anomaly detection", default=True)
    ai_anomaly_duplicate_days = fields.Integer(
        string="Duplicate window (days)", default=30,
        help="Bills of the same vendor with the same amount within this many days are likely duplicates.")
    ai_anomaly_high_amount = fields.Monetary(
        string="High amount for a new vendor", default=5000.0, currency_field="currency_id",
        help="A new vendor with a new bank account is flagged from this amount.")
    ai_anomaly_thresholds = fields.Char(
        string="Approval thresholds", default="",
        help="Amounts, separated by commas, above which a bill needs another approval: round amounts just under "
        "them are flagged. The second-approver amount is always one.")
    ai_anomaly_alert_score = fields.Float(
        string="Immediate alert from score", default=0.9, digits=(3, 2),
        help="Findings at least this sure (0 to 1) are posted to the anomaly channel and mailed at once; the "
        "others go in the daily digest.")
    ai_anomaly_channel_id = fields.Many2one(
        "discuss.channel", string="Anomaly channel", readonly=True, copy=False,
        help="The Discuss channel the add-on created for this company's anomaly alerts.")
    ai_anomaly_member_ids = fields.Many2many(
        "res.users", "ai_anomaly_channel_member_rel", "company_id", "user_id", string="Anomaly channel members",
        help="People added to the anomaly channel (the controller is always one).")
    # Where the last run stopped: journal entries are read in (write_date, id) order from just after it.
    ai_anomaly_watermark_date = fields.Datetime(readonly=True, copy=False)
    ai_anomaly_watermark_id = fields.Integer(readonly=True, copy=False)
    # The same for the payments that have no journal entry (read on their own: they are not account.move).
    ai_anomaly_payment_watermark_date = fields.Datetime(readonly=True, copy=False)
    ai_anomaly_payment_watermark_id = fields.Integer(readonly=True, copy=False)

    def _ai_anomaly_thresholds(self):
        """The approval thresholds of this company, ascending (bad numbers in the setting are ignored)."""
        self.ensure_one()
        values = set()
        for part in (self.ai_anomaly_thresholds or "").replace(";", ",").split(","):
            try:
                value = float(part.strip())
            except ValueError:
                continue
            if value > 0:
                values.add(value)
        if self.ai_second_approval_amount > 0:
            values.add(self.ai_second_approval_amount)
        return sorted(values)
