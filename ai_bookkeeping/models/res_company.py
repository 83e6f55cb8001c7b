from odoo import fields, models

from ..tools import approval_rules as ar


class ResCompany(models.Model):
    """The AI settings of a company: what it proposes, how far it goes on its own, what may leave its books."""

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
    ai_writeoff_account_id = fields.Many2one(
        "account.account",
        string="AI payment difference account",
        check_company=True,
        help="Account for the few cents by which a payment differs from the invoice it cites (rounding, a "
        "customer's typo). Empty: such differences go to the bank fee account (the exchange gain or loss account only "
        "for exchange rounding, or when no bank fee account is set either).",
    )
    ai_writeoff_max_amount = fields.Float(
        string="Payment tolerance (amount)", default=0.5,
        help="Largest difference, in company currency, between a payment and the invoice it cites that the AI "
        "proposes to write off. 0: never.",
    )
    ai_writeoff_max_percent = fields.Float(
        string="Payment tolerance (%)", default=1.0,
        help="Largest difference as a percentage of the invoice's residual; both limits apply.",
    )
    ai_rollout_phase = fields.Selection(
        ar.PHASES,
        string="AI rollout phase",
        required=True,
        default=ar.PHASE_ASSISTED,
        help="1. Assisted review: nothing is applied without a person. "
        "2. Supervised automation: confident, small suggestions are applied and listed daily for the controller. "
        "3. Full automation: the approval rules decide.",
    )
    ai_auto_min_confidence = fields.Float(
        string="Automation: lowest confidence", default=0.98, digits=(3, 3),
        help="In supervised automation, suggestions at least this sure (0 to 1) may be applied automatically.",
    )
    ai_auto_max_amount = fields.Monetary(
        string="Automation: largest amount", default=500.0, currency_field="currency_id",
        help="In supervised automation, suggestions up to this amount may be applied automatically.",
    )
    ai_auto_min_reviewed = fields.Integer(
        string="Automation: reviewed outcomes needed", default=3,
        help="In supervised and full automation, nothing is applied automatically for a partner (or, for lines "
        "without partner, a merchant) until a person has approved or rejected at least this many of its past "
        "suggestions, whatever the confidence. 0: no such requirement.",
    )
    ai_second_approval_amount = fields.Monetary(
        string="Second approver above", default=0.0, currency_field="currency_id",
        help="Suggestions above this amount need two different reviewers and are never applied automatically. "
        "0: one reviewer is enough.",
    )
    ai_controller_user_id = fields.Many2one(
        "res.users", string="AI controller", help="Receives the daily list of suggestions applied automatically."
    )
    ai_data_minimisation = fields.Boolean(
        string="Data minimisation",
        help="Only amounts, dates, currencies, counterparty names and labels leave Odoo; IBANs, e-mail addresses "
        "and phone numbers in labels are masked; documents are not sent.",
    )
    ai_llm_monthly_budget = fields.Float(
        string="Monthly LLM budget (USD)",
        default=0.0,
        help="Most the language model may cost this company per calendar month, as estimated by the AI endpoint "
        "from its configured token prices. When it is spent, the endpoint answers with the offline engine alone "
        "until the next month. 0 means no limit.",
    )
