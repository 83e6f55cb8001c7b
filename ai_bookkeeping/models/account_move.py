from odoo import fields, models


class AccountMove(models.Model):
    """Journal entries the add-on wrote: flagged, and linked to the suggestion that wrote them."""

    _inherit = "account.move"

    ai_generated = fields.Boolean(
        string="AI-generated", readonly=True, index=True, copy=False,
        help="Written by an AI Bookkeeping suggestion (approved by a person or by the approval rules).",
    )
    ai_suggestion_ref = fields.Reference(
        selection=[("ai.reconciliation.suggestion", "Reconciliation suggestion"), ("ai.suggestion", "Suggestion")],
        string="Source AI suggestion", readonly=True, copy=False,
    )
