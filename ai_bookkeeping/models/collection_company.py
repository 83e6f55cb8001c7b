from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    """Collections settings of a company: whether the daily run proposes reminders, and the aging buckets."""

    _inherit = "res.company"

    ai_collection_enabled = fields.Boolean(string="Collections: propose reminders", default=True)
    ai_collection_bucket_1 = fields.Integer(string="Aging: first bucket up to (days)", default=30)
    ai_collection_bucket_2 = fields.Integer(string="Aging: second bucket up to (days)", default=60)
    ai_collection_bucket_3 = fields.Integer(string="Aging: third bucket up to (days)", default=90)
    ai_collection_bank_days = fields.Integer(
        string="Collections: bank lines looked at (days)", default=30,
        help="Unreconciled incoming bank lines of this many days back may be a customer's payment: such a customer "
             "is not chased.")

    @api.constrains("ai_collection_bucket_1", "ai_collection_bucket_2", "ai_collection_bucket_3")
    def _check_ai_collection_buckets(self):
        for company in self:
            if not 0 < company.ai_collection_bucket_1 < company.ai_collection_bucket_2 < company.ai_collection_bucket_3:
                raise ValidationError(_("The aging buckets need three increasing numbers of days, e.g. 30, 60, 90."))

    def _ai_collection_bounds(self):
        self.ensure_one()
        return (self.ai_collection_bucket_1, self.ai_collection_bucket_2, self.ai_collection_bucket_3)


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ai_collection_enabled = fields.Boolean(related="company_id.ai_collection_enabled", readonly=False)
    ai_collection_bucket_1 = fields.Integer(related="company_id.ai_collection_bucket_1", readonly=False)
    ai_collection_bucket_2 = fields.Integer(related="company_id.ai_collection_bucket_2", readonly=False)
    ai_collection_bucket_3 = fields.Integer(related="company_id.ai_collection_bucket_3", readonly=False)
    ai_collection_bank_days = fields.Integer(related="company_id.ai_collection_bank_days", readonly=False)
