from odoo import _, api, fields, models
from odoo.exceptions import UserError

# Written by the suggestions' actions alone, in one UPDATE (ai.suggestion.mixin._ai_flag_moves), never through the ORM.
_AI_LINK_FIELDS = ("ai_generated", "ai_suggestion_ref")


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

    @api.model_create_multi
    def create(self, vals_list):
        self._ai_check_link_fields(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._ai_check_link_fields([vals])
        return super().write(vals)

    @api.model
    def _ai_check_link_fields(self, vals_list):
        """Nobody flags an entry as AI-generated, or hides that it was, by writing the flag or its link: applying and
        reverting a suggestion set them, and the audit log says who did."""
        if any(name in vals for vals in vals_list for name in _AI_LINK_FIELDS):
            raise UserError(_("Whether a journal entry was written by an AI suggestion is set by the suggestion's "
                              "actions (apply, revert); it cannot be written directly."))
