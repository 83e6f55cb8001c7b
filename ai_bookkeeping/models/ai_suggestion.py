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
    """A suggestion of any kind other than a bank reconciliation: a draft to create, an account to use, an anomaly."""

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

    def _ai_rule_facts(self):
        """What the approval rules need to know about each suggestion."""
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
