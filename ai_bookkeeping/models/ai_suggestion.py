from odoo import api, fields, models

KINDS = [
    ("bank_categorisation", "Bank categorisation"),
    ("vendor_bill", "Vendor bill"),
    ("customer_invoice", "Customer invoice"),
    ("expense", "Expense"),
    ("anomaly", "Anomaly"),
    ("adjusting_entry", "Adjusting entry"),
    ("report", "Report"),
]


class AiSuggestion(models.Model):
    """A suggestion of any kind other than a bank reconciliation: a draft to create, an account to use, an anomaly.

    Each workflow gives its kind its behaviour in its own file (``_inherit = "ai.suggestion"``) by defining the hooks
    of the mixin with its kind as suffix: ``_apply_vendor_bill``, ``_revert_anomaly``, ``_check_applicable_<kind>``,
    ``_on_rejected_<kind>``, ``_ai_generated_moves_<kind>``, ``_ai_touched_moves_<kind>``, ``_ai_rule_facts_<kind>``
    (returns {id: facts to add}). A kind without a hook keeps the mixin's behaviour: approving is the outcome and
    there is nothing to revert.
    """

    _name = "ai.suggestion"
    _description = "AI suggestion"
    _inherit = ["ai.suggestion.mixin"]
    _rec_name = "name"

    name = fields.Char(required=True)
    kind = fields.Selection(KINDS, required=True, index=True, tracking=True)
    res_model = fields.Char(string="Target model", index=True, readonly=True)
    res_id = fields.Many2oneReference(string="Target record", model_field="res_model", readonly=True)
    target_ref = fields.Reference(
        selection="_selection_target_model", compute="_compute_target_ref", string="Target", readonly=True
    )
    proposed_values = fields.Json(readonly=True, help="The values the engine proposes to write or create.")

    @api.model
    def _selection_target_model(self):
        return [(model.model, model.name) for model in self.env["ir.model"].sudo().search([])]  # sudo: model names only

    @api.depends("res_model", "res_id")
    def _compute_target_ref(self):
        for record in self:
            record.target_ref = (
                "%s,%s" % (record.res_model, record.res_id)
                if record.res_model and record.res_id and record.res_model in self.env
                else False
            )

    def _ai_kind_hook(self, hook):
        """[(records of one kind, its ``<hook>_<kind>`` method or None)], in the order of the kinds."""
        return [(records, getattr(records, "%s_%s" % (hook, kind), None))
                for kind, records in self.grouped("kind").items()]

    def _check_applicable(self):
        for _records, method in self._ai_kind_hook("_check_applicable"):
            if method:
                method()
        return True

    def _apply(self):
        for _records, method in self._ai_kind_hook("_apply"):
            if method:
                method()
        return True

    def _revert(self):
        for records, method in self._ai_kind_hook("_revert"):
            if method:
                method()
            else:
                super(AiSuggestion, records)._revert()

    def _on_rejected(self):
        for _records, method in self._ai_kind_hook("_on_rejected"):
            if method:
                method()
        return True

    def _ai_generated_moves(self):
        moves = self.env["account.move"]
        for _records, method in self._ai_kind_hook("_ai_generated_moves"):
            if method:
                moves |= method()
        return moves

    def _ai_touched_moves(self):
        moves = self.env["account.move"]
        for _records, method in self._ai_kind_hook("_ai_touched_moves"):
            if method:
                moves |= method()
        return moves

    def _ai_rule_facts(self):
        """What the approval rules need to know about each suggestion: the common facts read from
        ``proposed_values``, completed by the kind's ``_ai_rule_facts_<kind>``."""
        facts = self._ai_common_rule_facts()
        for _records, method in self._ai_kind_hook("_ai_rule_facts"):
            if method:
                for record_id, extra in method().items():
                    facts.setdefault(record_id, {}).update(extra)
        return facts

    def _ai_common_rule_facts(self):
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
