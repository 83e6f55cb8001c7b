from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..tools import endpoint_client, reconcile_payload
from ..tools import state_machine as sm

AI_STATES = [
    ("none", "Not asked"),
    ("queued", "Queued"),
    ("suggested", "Suggested"),
    ("no_match", "No credible match"),
    ("error", "Error"),
]
WORKFLOW = "reconciliation"  # this workflow's key in the job queue (ai.job)
# Editing these on a line makes its suggestions out of date.
_AI_INPUT_FIELDS = {"payment_ref", "amount", "amount_currency", "foreign_currency_id", "date", "partner_id",
                    "partner_name", "account_number", "ref"}


def _strip_nul(vals):
    """PostgreSQL cannot store NUL characters: a bank file carrying one in any text (label, transaction type,
    notes …) would make the whole import fail."""
    for key, value in vals.items():
        if isinstance(value, str) and "\x00" in value:
            vals[key] = value.replace("\x00", " ")


class AccountBankStatementLine(models.Model):
    _inherit = "account.bank.statement.line"

    ai_state = fields.Selection(AI_STATES, string="AI status", default="none", copy=False, index=True, readonly=True)
    ai_error = fields.Char(string="AI error", copy=False, readonly=True)
    ai_suggestion_ids = fields.One2many("ai.reconciliation.suggestion", "statement_line_id", string="AI suggestions")
    ai_suggestion_id = fields.Many2one(
        "ai.reconciliation.suggestion", compute="_compute_ai_suggestion", string="AI suggestion",
        help="The engine's first choice among the pending suggestions.",
    )
    ai_confidence = fields.Float(compute="_compute_ai_suggestion", string="AI confidence", digits=(3, 2))
    ai_explanation = fields.Text(compute="_compute_ai_suggestion", string="AI explanation")
    ai_suggestion_count = fields.Integer(compute="_compute_ai_suggestion")

    @api.depends("ai_suggestion_ids.state", "ai_suggestion_ids.rank")
    def _compute_ai_suggestion(self):
        for st_line in self:
            pending = st_line.ai_suggestion_ids.filtered(lambda s: s.state == sm.PENDING).sorted("rank")
            best = pending[:1]
            st_line.ai_suggestion_id = best
            st_line.ai_confidence = best.confidence
            st_line.ai_explanation = best.explanation
            st_line.ai_suggestion_count = len(st_line.ai_suggestion_ids)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            _strip_nul(vals)
        st_lines = super().create(vals_list)
        # Queued, not asked: creating lines (typing, importing, API) must not wait for the AI.
        st_lines._ai_enqueue()
        return st_lines

    def write(self, vals):
        _strip_nul(vals)
        result = super().write(vals)
        if _AI_INPUT_FIELDS.intersection(vals) and not self.env.context.get("skip_account_move_synchronization"):
            self._ai_enqueue()
        return result

    def unlink(self):
        self.env["ai.job"]._forget_targets(self)  # a Many2oneReference has no ON DELETE CASCADE
        return super().unlink()

    # ------------------------------------------------------------------ the job queue's handler (models/ai_job.py)

    def _ai_enqueue(self):
        """Queue these lines for a suggestion (one row per line, whatever the number of events): shown as queued."""
        queued = self.env["ai.job"]._enqueue(WORKFLOW, self)
        queued.filtered(lambda line: line.ai_state in (False, "none", "error")).write({"ai_state": "queued"})

    def _ai_job_run(self, workflow):
        if workflow != WORKFLOW:
            return super()._ai_job_run(workflow)
        return self.env["ai.reconciliation.request"]._suggest_for_lines(self)

    def _ai_job_settled_domain(self, workflow):
        # Reconciled already (by hand, in another screen) or of zero amount: no suggestion could ever be made.
        return [("is_reconciled", "=", True)] if workflow == WORKFLOW else super()._ai_job_settled_domain(workflow)

    def _ai_job_failed(self, workflow, message):
        if workflow != WORKFLOW:
            return super()._ai_job_failed(workflow, message)
        return self.write({"ai_state": "error", "ai_error": message})

    def _ai_job_dropped(self, workflow):
        if workflow != WORKFLOW:
            return super()._ai_job_dropped(workflow)
        # Back to "Not asked" unless they got an answer.
        return self.filtered(lambda line: line.ai_state in ("queued", "error")).write(
            {"ai_state": "none", "ai_error": False})

    def _ai_job_known_errors(self, workflow):
        if workflow != WORKFLOW:
            return super()._ai_job_known_errors(workflow)
        return (endpoint_client.EndpointError, reconcile_payload.ReplyError)

    def action_ai_suggest(self):
        """Ask the AI now for these lines (the "Suggest" button and bulk action); raises a readable error."""
        open_lines = self.filtered(lambda line: not line.is_reconciled)
        if not open_lines:
            raise UserError(_("These bank lines are already reconciled: there is nothing to suggest."))
        suggestions = self.env["ai.reconciliation.suggestion"]
        for company, lines in open_lines.grouped("company_id").items():
            try:
                suggestions |= self.env["ai.reconciliation.request"].with_company(company)._suggest_for_lines(lines)
            except endpoint_client.EndpointError as exc:
                raise UserError(lines._ai_failure_sentence(exc)) from exc
        self.env["ai.job"]._jobs_of(WORKFLOW, open_lines).unlink()
        return suggestions

    def _ai_failure_sentence(self, exc):
        """What to tell the user whose request failed. The error rolls the request back, so say only what stays
        true after it: these lines were not changed, and the queue's own retries as they were before."""
        # sudo: the queue rows of lines the user may read; only their next-try time is shown.
        queued = self.env["ai.job"].sudo()._jobs_of(WORKFLOW, self)
        if not queued:
            return _("The AI could not be asked: %(error)s These lines were not changed: press Suggest again later.",
                     error=exc)
        next_try = max(min(queued.mapped("next_attempt_at")), fields.Datetime.now())
        return _(
            "The AI could not be asked: %(error)s These lines were not changed. %(count)s of them are in the queue, "
            "which asks again by itself from %(time)s UTC; or press Suggest again later.",
            error=exc, count=len(queued), time=fields.Datetime.to_string(next_try)[:16],
        )

    def action_open_ai_suggestions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("AI suggestions"),
            "res_model": "ai.reconciliation.suggestion",
            "view_mode": "list,form",
            "domain": [("statement_line_id", "=", self.id)],
            "context": {"create": False},
        }
