"""Expenses reviewed by the AI: what approving, rejecting and reverting an ``expense`` suggestion does.

Approving approves the expense's report as Odoo does (``action_approve_expense_sheets``: its own checks, the
journal entries Odoo creates at approval) once every AI-reviewed expense of the report is approved; rejecting
leaves the report to be decided in Expenses (refusing one is Odoo's, with the reason it sends the employee);
reverting resets the report's approval as Odoo allows. The approval rules never apply an expense with a finding.
"""

from odoo import _, fields, models
from odoo.exceptions import UserError

from odoo.addons.ai_bookkeeping.models.ai_suggestion_scope import in_automatic_scope
from odoo.addons.ai_bookkeeping.tools import state_machine as sm


class AiSuggestion(models.Model):
    _inherit = "ai.suggestion"

    def _ai_expenses(self):
        return self.env["hr.expense"].browse(
            [s.res_id for s in self if s.res_model == "hr.expense" and s.res_id]).exists()

    def _ai_expense(self):
        self.ensure_one()
        return self._ai_expenses()[:1]

    def _ai_expense_findings(self):
        values = self.proposed_values if isinstance(self.proposed_values, dict) else {}
        return [f for f in values.get("findings") or [] if isinstance(f, dict) and f.get("severity") != "info"]

    # ------------------------------------------------------------------ the kind's hooks

    def _check_applicable_expense(self):
        for record in self:
            expense = record._ai_expense()
            if not expense:
                raise UserError(_("%(name)s: its expense was deleted.", name=record.display_name))
            sheet = expense.sheet_id
            if not sheet or sheet.state == "draft":
                raise UserError(_("%(name)s: the employee has not submitted %(expense)s in an expense report yet.",
                                  name=record.display_name, expense=expense.display_name))
            if sheet.state == "cancel":
                raise UserError(_("%(name)s: the report %(sheet)s was refused.", name=record.display_name,
                                  sheet=sheet.display_name))
            if in_automatic_scope() and record._ai_expense_findings():
                raise UserError(record._ai_expense_findings()[0]["message"])

    def _apply_expense(self):
        self.write({"state": sm.APPLIED, "applied_at": fields.Datetime.now()})
        for sheet in self._ai_expenses().sheet_id:
            waiting = sheet.expense_line_ids.ai_suggestion_id.filtered(lambda s: s.state == sm.PENDING)
            if waiting or sheet.state != "submit":
                continue
            # Odoo's approval with its checks (the approver's rights, analytic plans, duplicates already approved).
            result = sheet.action_approve_expense_sheets()
            if isinstance(result, dict):
                raise UserError(_(
                    "%(sheet)s holds a possible duplicate of an expense already approved: approve it in Expenses, "
                    "where Odoo asks you to confirm.", sheet=sheet.display_name))

    def _on_rejected_expense(self):
        for record in self:
            expense = record._ai_expense()
            if expense:
                expense._message_log(body=_(
                    "The AI review of this expense was rejected by %(user)s; the report is decided in Expenses.",
                    user=self.env.user.name))

    def _revert_expense(self):
        for sheet in self._ai_expenses().sheet_id.filtered(lambda s: s.state in ("approve", "post")):
            sheet.action_reset_expense_sheets()  # Odoo's own checks: who may reset, the entries it reverses

    def _ai_generated_moves_expense(self):
        return self._ai_expenses().sheet_id.account_move_ids

    def _ai_rule_facts_expense(self):
        facts = {}
        for record in self:
            expense = record._ai_expense()
            facts[record.id] = {
                "amount": abs(expense.total_amount), "journal_id": expense.sheet_id.journal_id.id or None,
                "partner_new": False, "confidence": record.confidence,
                "account_types": [expense.account_id.account_type] if expense.account_id else [],
            }
        return facts
