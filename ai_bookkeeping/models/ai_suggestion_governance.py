from odoo import models


class AiSuggestion(models.Model):
    """What the approval rules need to know about a suggestion other than a reconciliation."""

    _inherit = "ai.suggestion"

    def _ai_rule_facts(self):
        facts = {}
        for record in self:
            values = record.proposed_values if isinstance(record.proposed_values, dict) else {}
            amount = values.get("amount")
            facts[record.id] = {
                "kind": record.kind,
                "amount": abs(amount) if isinstance(amount, (int, float)) else 0.0,
                "journal_id": values.get("journal_id"),
                "confidence": record.confidence,
                "partner_new": False,
                "account_types": [],
            }
        return facts
