from odoo import _, models
from odoo.exceptions import UserError


class AccountBankStatementLine(models.Model):
    _inherit = "account.bank.statement.line"

    def action_ai_approve_best(self):
        """Approve the AI's first choice for this line from OCA's reconciliation form."""
        self.ensure_one()
        if not self.ai_suggestion_id:
            raise UserError(_("There is no pending AI suggestion for this line."))
        self.ai_suggestion_id.action_approve()
        # OCA's form caches its own reconciliation data: rebuild it from the reconciled line.
        self.reconcile_data_info = self._default_reconcile_data()
        return True
