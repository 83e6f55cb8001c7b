from odoo import _, api, fields, models
from odoo.exceptions import AccessError

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

    # ------------------------------------------------------------------ the policy, applied to suggestions

    @api.model
    def _decisions_for(self, suggestions, facts=None):
        """{suggestion id: tools.approval_rules.decide(...)} under each company's phase and rules."""
        facts = facts if facts is not None else suggestions._ai_rule_facts()
        decisions = {}
        for company, records in suggestions.grouped("company_id").items():
            rules = self._rules_for(company)
            for record in records:
                decisions[record.id] = ar.decide(
                    rules, facts.get(record.id, {}), company.ai_rollout_phase,
                    min_confidence=company.ai_auto_min_confidence, max_amount=company.ai_auto_max_amount,
                    second_approval_amount=company.ai_second_approval_amount,
                )
        return decisions

    @api.model
    def _reserve_groups(self, companies):
        """Whether any rule of ``companies`` reserves approval to a group."""
        rules = self.sudo()  # sudo: only whether rules name a group, for the policy check
        return bool(rules.search_count([("company_id", "in", companies.ids), ("outcome", "=", ar.REVIEW),
                                        ("review_group_id", "!=", False)], limit=1))

    @api.model
    def _needs_facts(self, suggestions):
        """Whether approving ``suggestions`` needs their rule facts (a second-approver threshold or a
        group-reserving rule): a company without either approves at the speed it always did."""
        return any(suggestions.company_id.mapped("ai_second_approval_amount")) or (
            not self.env.su and self._reserve_groups(suggestions.company_id))

    @api.model
    def _check_groups(self, suggestions, facts):
        """A rule may name the group whose members alone approve what it catches."""
        if self.env.su or not suggestions or not self._reserve_groups(suggestions.company_id):
            return
        decisions = self._decisions_for(suggestions, facts)
        user_groups = set(self.env.user.groups_id.ids)
        for record in suggestions:
            group_id = decisions[record.id]["group_id"]
            if group_id and group_id not in user_groups:
                group = self.env["res.groups"].sudo().browse(group_id)  # sudo: the group's name for the message
                raise AccessError(_("%(name)s: an approval rule reserves this decision to %(group)s.",
                                    name=record.display_name, group=group.full_name))
