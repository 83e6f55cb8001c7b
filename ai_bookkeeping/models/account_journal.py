from odoo import _, fields, models


class AccountJournal(models.Model):
    _inherit = "account.journal"

    ai_pending_count = fields.Integer(
        compute="_compute_ai_pending_count", string="AI suggestions to review",
        groups="ai_bookkeeping.ai_bookkeeping_group_user",
    )

    def _compute_ai_pending_count(self):
        counts = dict(self.env["ai.reconciliation.suggestion"]._read_group(
            [("journal_id", "in", self.ids), ("state", "=", "pending"), ("rank", "=", 1)],
            ["journal_id"], ["__count"],
        ))
        for journal in self:
            journal.ai_pending_count = counts.get(journal, 0)

    def action_open_ai_review(self):
        """The AI review queue, filtered on this journal (entry point from the accounting dashboard)."""
        self.ensure_one()
        return {
            "type": "ir.actions.client",
            "tag": "ai_bookkeeping.review_dashboard",
            "name": _("AI Review"),
            "context": {"ai_bookkeeping_journal_id": self.id},
        }
