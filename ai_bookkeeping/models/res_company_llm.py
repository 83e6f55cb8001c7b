from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    ai_llm_monthly_budget = fields.Float(
        string="Monthly LLM budget (USD)",
        default=0.0,
        help="Most the language model may cost this company per calendar month, as estimated by the AI endpoint "
        "from its configured token prices. When it is spent, the endpoint answers with the offline engine alone "
        "until the next month. 0 means no limit.",
    )
