"""The review dashboard's section for the other kinds of suggestions (vendor bill, anomaly…): list, approve, reject."""

from odoo import api, models

from ..tools import dashboard_args as da
from ..tools import state_machine as sm

MAX_OTHER_PAGE = 200


class AiSuggestion(models.Model):
    _inherit = "ai.suggestion"

    @api.model
    def dashboard_other_rows(self, offset=0, limit=50):
        """Pending suggestions of this company, most confident first: one page and the total. Anomalies are left out:
        they have their own panel (anomaly_suggestion.py, dashboard_anomaly_rows)."""
        with self._ai_checking_arguments():
            offset = da.offset(offset)
            limit = da.limit(limit, 50, MAX_OTHER_PAGE)
        domain = [("state", "=", sm.PENDING), ("kind", "!=", "anomaly")]
        records = self.search(domain, offset=offset, limit=limit, order="confidence desc, id")
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        return {
            "rows": [{
                "id": record.id,
                "kind": record.kind,
                "kindLabel": kinds.get(record.kind, record.kind),
                "name": record.name,
                "confidence": record.confidence,
                "explanation": record.explanation or "",
                "target": record.target_ref.display_name if record.target_ref else None,
                "error": record.error_message or None,
            } for record in records],
            "total": self.search_count(domain),
        }

    @api.model
    def dashboard_decide(self, ids, decision, reason=None):
        """Approve or reject each suggestion in its own savepoint: one refusal is reported and the others go on."""
        with self._ai_checking_arguments():
            decision = da.choice(decision, da.DECISIONS, "decision")
            reason = da.text(reason, "reason", da.MAX_REASON)
        self._check_can_review()
        method, args = ("action_approve", ()) if decision == "approve" else ("action_reject", (reason,))
        return self._ai_records_to_decide(ids)._ai_each_in_savepoint(method, *args)
