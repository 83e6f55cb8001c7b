from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..tools import endpoint_client
from ..tools import state_machine as sm

AI_STATES = [
    ("none", "Not asked"),
    ("queued", "Queued"),
    ("suggested", "Suggested"),
    ("no_match", "No credible match"),
    ("error", "Error"),
]
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
        self.env["ai.reconciliation.queue"]._enqueue(st_lines)
        return st_lines

    def write(self, vals):
        _strip_nul(vals)
        result = super().write(vals)
        if _AI_INPUT_FIELDS.intersection(vals) and not self.env.context.get("skip_account_move_synchronization"):
            self.env["ai.reconciliation.queue"]._enqueue(self.filtered(lambda line: not line.is_reconciled))
        return result

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
        self.env["ai.reconciliation.queue"].search([("statement_line_id", "in", open_lines.ids)]).unlink()
        return suggestions

    def _ai_failure_sentence(self, exc):
        """What to tell the user whose request failed. The error rolls the request back, so say only what stays
        true after it: these lines were not changed, and the queue's own retries as they were before."""
        # sudo: the queue rows of lines the user may read; only their next-try time is shown.
        queued = self.env["ai.reconciliation.queue"].sudo().search([("statement_line_id", "in", self.ids)])
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
