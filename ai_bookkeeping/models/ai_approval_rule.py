from odoo import api, fields, models

from ..tools import approval_rules as ar
from .ai_reconciliation_suggestion import MATCH_TYPES
from .ai_suggestion import KINDS


class AiApprovalRule(models.Model):
    """One line of a company's approval policy: when a suggestion looks like this, who must approve it."""

    _name = "ai.approval.rule"
    _description = "AI approval rule"
    _order = "sequence, id"

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    sequence = fields.Integer(default=10, help="Rules are tried in this order; the first one that matches decides.")
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    suggestion_kind = fields.Selection(
        selection=[("reconcile_%s" % key, "Reconciliation: %s" % label) for key, label in MATCH_TYPES] + KINDS,
        string="Kind of suggestion",
        help="Empty: any kind.",
    )
    journal_ids = fields.Many2many(
        "account.journal", string="Journals", check_company=True, help="Empty: any journal."
    )
    amount_above = fields.Monetary(
        string="Amount above", currency_field="currency_id",
        help="Matches suggestions whose amount is above this; 0: any amount."
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_new = fields.Boolean(
        string="New partner only", help="Matches only partners with no posted entries in this company yet."
    )
    confidence_below = fields.Float(
        string="Confidence below", digits=(3, 3),
        help="Matches suggestions whose confidence is below this (0 to 1); 0: any confidence."
    )
    account_type = fields.Selection(
        string="Account type", selection=lambda self: self.env["account.account"]._fields["account_type"].selection,
        help="Matches suggestions that book to an account of this type. Empty: any account.",
    )
    outcome = fields.Selection(ar.OUTCOMES, required=True, default=ar.REVIEW)
    review_group_id = fields.Many2one(
        "res.groups",
        string="Reviewed by",
        default=lambda self: self.env.ref("ai_bookkeeping.ai_bookkeeping_group_reviewer", raise_if_not_found=False),
        help="Only members of this group may approve the suggestions this rule catches.",
    )

    def _to_rule_dict(self):
        """The plain form that tools.approval_rules evaluates."""
        self.ensure_one()
        return {
            "id": self.id,
            "sequence": self.sequence,
            "kind": self.suggestion_kind or None,
            "journal_ids": self.journal_ids.ids,
            "amount_above": self.amount_above or None,
            "partner_new": self.partner_new,
            "confidence_below": self.confidence_below or None,
            "account_type": self.account_type or None,
            "outcome": self.outcome,
            "group_id": self.review_group_id.id or None,
        }

    @api.model
    def _rules_for(self, company):
        # sudo: the policy applies to whoever acts (a reader asking, the cron); the domain keeps it to the company.
        return [rule._to_rule_dict() for rule in self.sudo().search([("company_id", "=", company.id)])]
