from collections import Counter

from odoo import fields, models

from ..tools import state_machine as sm


class AiReconciliationSuggestion(models.Model):
    """What the approval rules and the audit log need to know about a reconciliation suggestion."""

    _inherit = "ai.reconciliation.suggestion"

    def _ai_rule_facts(self):
        partners = self.partner_id | self.move_line_ids.partner_id
        known = set()
        if partners:
            # One query for the batch: which (partner, company) pairs already have posted entries.
            groups = self.env["account.move.line"].sudo()._read_group(  # sudo: counting history, not reading it
                [("partner_id", "in", partners.ids), ("company_id", "in", self.company_id.ids),
                 ("parent_state", "=", "posted")],
                ["partner_id", "company_id"],
            )
            known = {(partner.id, company.id) for partner, company in groups}
        facts = {}
        for record in self:
            partner = record.partner_id or record.move_line_ids.partner_id[:1]
            facts[record.id] = {
                "kind": "reconcile_%s" % record.match_type,
                "journal_id": record.journal_id.id,
                "amount": abs(record._ai_amount_in_company_currency()),
                "partner_new": bool(partner) and (partner.id, record.company_id.id) not in known,
                "confidence": record.confidence,
                "account_types": set(record.account_id.mapped("account_type"))
                | set(record.move_line_ids.mapped("account_type")),
            }
        return facts

    def _ai_amount_in_company_currency(self):
        """The bank amount as the company's thresholds read it (they are in company currency)."""
        company = self.company_id
        if not self.currency_id or self.currency_id == company.currency_id:
            return self.line_amount
        return self.currency_id._convert(
            self.line_amount, company.currency_id, company, self.line_date or fields.Date.context_today(self)
        )

    def _ai_touched_moves(self):
        return self.move_line_ids.move_id

    def _ai_audit_target_values(self):
        values = {}
        for record in self:
            st_line = record.statement_line_id
            values[record.id] = {
                "match_type": record.match_type,
                "partner_id": record.partner_id.id or None,
                "account_id": record.account_id.id or None,
                "move_line_ids": record.move_line_ids.ids,
                "statement_line": {
                    "id": st_line.id,
                    "is_reconciled": st_line.is_reconciled,
                    "partner_id": st_line.partner_id.id or None,
                    "amount_residual": st_line.amount_residual,
                },
                "residuals": {
                    str(item.id): [item.amount_residual, item.amount_residual_currency]
                    for item in record.move_line_ids
                },
            }
        return values

    def _ai_auto_apply_candidates(self):
        """The engine's first choice for each line still open, unless two lines claim the same open item: that
        ambiguity is for a person to settle."""
        best = {}
        for suggestion in self.filtered(
            lambda s: s.state == sm.PENDING and s.rank == 1 and not s.statement_line_id.is_reconciled
        ).sorted(lambda s: -s.confidence):
            best.setdefault(suggestion.statement_line_id.id, suggestion)
        claims = Counter(item_id for suggestion in best.values() for item_id in suggestion.move_line_ids.ids)
        return self.browse([
            suggestion.id for suggestion in best.values()
            if all(claims[item_id] == 1 for item_id in suggestion.move_line_ids.ids)
        ])
