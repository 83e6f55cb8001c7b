from odoo import api, fields, models


class AiCollectionReviewWizard(models.TransientModel):
    """Edit the text of a payment reminder, or postpone it, from its form."""

    _name = "ai.collection.review.wizard"
    _description = "Edit or postpone a payment reminder"

    suggestion_ids = fields.Many2many("ai.suggestion", string="Reminders", required=True)
    subject = fields.Char()
    body = fields.Html(string="Message", sanitize=True)
    postpone_until = fields.Date(string="Postpone until")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        ids = self.env.context.get("active_ids") or []
        suggestions = self.env["ai.suggestion"].browse(ids).filtered(lambda s: s.kind == "collection")
        values["suggestion_ids"] = [(6, 0, suggestions.ids)]
        if len(suggestions) == 1:
            values.update(subject=suggestions.collection_subject, body=suggestions.collection_body)
        return values

    def action_save_text(self):
        self.suggestion_ids.action_collection_edit(self.subject, self.body)
        return {"type": "ir.actions.act_window_close"}

    def action_postpone(self):
        self.suggestion_ids.action_collection_postpone(self.postpone_until)
        return {"type": "ir.actions.act_window_close"}
