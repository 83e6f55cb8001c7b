from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from ..tools import state_machine as sm

REVIEWER_GROUP = "ai_bookkeeping.ai_bookkeeping_group_reviewer"


class AiSuggestionMixin(models.AbstractModel):
    """What every AI suggestion shares: who made it, how sure it is, and its approval life cycle."""

    _name = "ai.suggestion.mixin"
    _description = "AI suggestion (shared fields and approval states)"
    _inherit = ["mail.thread"]
    _order = "create_date desc, id desc"

    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    state = fields.Selection(sm.STATES, default=sm.PENDING, required=True, index=True, tracking=True, copy=False)
    confidence = fields.Float(digits=(3, 3), readonly=True, help="How sure the engine is, from 0 to 1 (calibrated).")
    confidence_band = fields.Selection(
        [("high", "High"), ("medium", "Medium"), ("low", "Low")], compute="_compute_confidence_band", store=True
    )
    explanation = fields.Text(readonly=True, help="Why the engine proposes this, in plain words.")
    reasons = fields.Json(readonly=True, help="The evidence, one phrase each.")
    engine_name = fields.Char(readonly=True)
    engine_version = fields.Char(readonly=True)
    engine_model = fields.Char(string="LLM model", readonly=True, help="Empty when the offline engine alone decided.")
    error_message = fields.Text(readonly=True, copy=False, help="Why the last action on this suggestion failed.")
    decided_by_id = fields.Many2one("res.users", readonly=True, copy=False, string="Decided by")
    decided_at = fields.Datetime(readonly=True, copy=False)
    reject_reason = fields.Char(readonly=True, copy=False)
    applied_at = fields.Datetime(readonly=True, copy=False)
    auto_applied = fields.Boolean(readonly=True, copy=False, help="Applied by an approval rule, not by a person.")

    @api.depends("confidence")
    def _compute_confidence_band(self):
        for record in self:
            record.confidence_band = (
                "high" if record.confidence >= 0.95 else "medium" if record.confidence >= 0.8 else "low"
            )

    # ------------------------------------------------------------------ transitions

    def _check_can_review(self):
        if not self.env.user.has_group(REVIEWER_GROUP) and not self.env.su:
            raise AccessError(_("Only AI Bookkeeping reviewers can approve, reject or revert suggestions."))

    def _check_transition(self, target):
        """Refuse a forbidden move with an accountant's sentence."""
        for record in self:
            error = sm.transition_error(record.state, target)
            if error:
                raise UserError(_("%(name)s: %(error)s", name=record.display_name, error=error))

    def _set_state(self, target, **values):
        """The one place where a suggestion changes state."""
        self._check_transition(target)
        self.write(dict(values, state=target))

    def action_approve(self):
        self._check_can_review()
        self._lock_for_decision()
        self._check_transition(sm.APPROVED)
        self._check_applicable()
        self._set_state(sm.APPROVED, decided_by_id=self.env.uid, decided_at=fields.Datetime.now(), error_message=False)
        self._apply()
        return True

    def action_reject(self, reason=None):
        self._check_can_review()
        self._lock_for_decision()
        self._set_state(
            sm.REJECTED,
            decided_by_id=self.env.uid,
            decided_at=fields.Datetime.now(),
            reject_reason=(reason or "")[:500] or False,
        )
        self._on_rejected()
        return True

    def action_revert(self):
        self._check_can_review()
        self._lock_for_decision()
        self._check_transition(sm.REVERTED)
        for record in self:
            record._revert()
        self._set_state(sm.REVERTED)
        return True

    def action_reset_to_pending(self):
        self._check_can_review()
        self._set_state(sm.PENDING, error_message=False, reject_reason=False)
        return True

    def _lock_for_decision(self):
        """Row-lock the suggestions so two reviewers deciding at once are serialised: the second one waits, then
        sees the first one's decision (Odoo retries on the serialisation failure) and is refused cleanly."""
        if self.ids:
            self.env.cr.execute(
                SQL("SELECT id FROM %s WHERE id IN %s FOR UPDATE", SQL.identifier(self._table), tuple(self.ids))
            )
            self.invalidate_recordset(["state"])

    # ------------------------------------------------------------------ hooks for the concrete models

    def _check_applicable(self):
        """Raise a UserError, before anything changes, when the books moved since the suggestion was made."""
        return True

    def _apply(self):
        """Write the suggestion into the books. The base version has nothing to write: approval is the outcome."""
        return True

    def _revert(self):
        raise UserError(_("This kind of suggestion has nothing to revert."))

    def _on_rejected(self):
        return True
