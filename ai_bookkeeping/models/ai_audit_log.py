from datetime import timedelta

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools import approval_rules as ar
from .ai_suggestion_scope import in_automatic_scope

EVENTS = [
    ("created", "Created"),
    ("first_approval", "First approval"),
    ("second_approval", "Second approval"),
    ("approved", "Approved"),
    ("applied", "Applied"),
    ("auto_applied", "Applied automatically"),
    ("rejected", "Rejected"),
    ("reopened", "Reopened"),
    ("reverted", "Reverted"),
    ("failed", "Failed"),
    ("held", "Held for review"),
]

_CREATE_KEY = "ai_audit_log_create"


class AiAuditLog(models.Model):
    """Append-only trail of every AI suggestion's life. Rows are added by ``_log`` only and never change."""

    _name = "ai.audit.log"
    _description = "AI audit log"
    _order = "id desc"
    _rec_name = "event"

    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    res_model = fields.Char(string="Suggestion model", required=True, index=True, readonly=True)
    res_id = fields.Many2oneReference(string="Suggestion id", model_field="res_model", required=True, index=True,
                                      readonly=True)
    suggestion_ref = fields.Reference(
        selection=[("ai.reconciliation.suggestion", "Reconciliation suggestion"), ("ai.suggestion", "Suggestion")],
        compute="_compute_suggestion_ref", string="Suggestion",
    )
    event = fields.Selection(EVENTS, required=True, index=True, readonly=True)
    automatic = fields.Boolean(readonly=True, help="Done by the approval rules, not by a person.")
    user_id = fields.Many2one("res.users", string="User", readonly=True, ondelete="restrict")
    logged_at = fields.Datetime(string="When", required=True, readonly=True, default=fields.Datetime.now)
    engine_name = fields.Char(string="Engine", readonly=True)
    engine_version = fields.Char(string="Engine version", readonly=True)
    engine_model = fields.Char(string="LLM model", readonly=True)
    input_hash = fields.Char(
        string="Input hash", readonly=True, help="SHA-256 of the request sent to the AI endpoint (not a copy of it)."
    )
    values_before = fields.Json(readonly=True)
    values_after = fields.Json(readonly=True)
    note = fields.Text(readonly=True)

    @api.depends("res_model", "res_id")
    def _compute_suggestion_ref(self):
        allowed = dict(self._fields["suggestion_ref"].selection)
        for record in self:
            record.suggestion_ref = (
                "%s,%s" % (record.res_model, record.res_id) if record.res_model in allowed and record.res_id else False
            )

    # ------------------------------------------------------------------ append-only

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.context.get(_CREATE_KEY):
            raise UserError(_("The AI audit log is written by AI Bookkeeping itself; entries cannot be added by hand."))
        return super().create(vals_list)

    def write(self, vals):
        raise UserError(
            _("The AI audit log is append-only: its entries cannot be changed, not even by an administrator.")
        )

    def unlink(self):
        raise UserError(
            _("The AI audit log is append-only: its entries cannot be deleted, not even by an administrator.")
        )

    def copy(self, default=None):
        raise UserError(_("The AI audit log is append-only: its entries cannot be duplicated."))

    @api.model
    def _log(self, vals_list):
        """Append entries (one INSERT batch). The only way in: the model grants no one create rights."""
        if not vals_list:
            return self.browse()
        now = fields.Datetime.now()
        for vals in vals_list:
            vals.setdefault("logged_at", now)
            vals.setdefault("user_id", self.env.uid)
        # sudo: no group may create log entries through the ORM; the add-on appends them on behalf of whoever acted.
        return self.sudo().with_context(**{_CREATE_KEY: True}).create(vals_list)

    # ------------------------------------------------------------------ suggestion events

    @api.model
    def _suggestion_snapshot(self, suggestions):
        """{suggestion id: a JSON-able snapshot of the suggestion and its targets}, for values_before/after."""
        targets = suggestions._ai_audit_target_values()
        return {
            record.id: dict(
                {
                    "state": record.state,
                    "confidence": record.confidence,
                    "decided_by_id": record.decided_by_id.id or None,
                    "first_approver_id": record.first_approver_id.id or None,
                    "auto_applied": record.auto_applied,
                },
                **targets.get(record.id, {}),
            )
            for record in suggestions
        }

    @api.model
    def _log_suggestion_event(self, suggestions, event, before=None, note=None):
        """Append one entry per suggestion (a single batch): ``before`` is a snapshot taken before the change
        (_suggestion_snapshot), the entry's after-snapshot is taken now."""
        if not suggestions:
            return self.browse()
        after = self._suggestion_snapshot(suggestions)
        automatic = in_automatic_scope()
        return self._log([
            {
                "company_id": record.company_id.id,
                "res_model": record._name,
                "res_id": record.id,
                "event": event,
                "automatic": automatic,
                "engine_name": record.engine_name or False,
                "engine_version": record.engine_version or False,
                "engine_model": record.engine_model or False,
                "input_hash": record.input_hash or False,
                "values_before": (before or {}).get(record.id),
                "values_after": after.get(record.id),
                "note": note or False,
            }
            for record in suggestions
        ])

    # ------------------------------------------------------------------ daily digest for the controller

    @api.model
    def _cron_send_controller_digest(self):
        """Tell each company's controller what was applied automatically in the last day (phases 2 and 3), and
        whether automation behaved unusually. Returns the number of digests sent."""
        since = fields.Datetime.now() - timedelta(days=1)
        sent = 0
        # sudo: the cron's user (OdooBot, or an AI manager of some companies only) serves every company; each
        # company's controller is told of that company's entries only (every read below is on ``company``).
        logs = self.sudo()
        companies = self.env["res.company"].sudo().search(
            [("ai_rollout_phase", "in", (ar.PHASE_SUPERVISED, ar.PHASE_FULL)), ("ai_controller_user_id", "!=", False)]
        )
        for company in companies:
            entries = logs.search(
                [("company_id", "=", company.id), ("event", "=", "auto_applied"), ("logged_at", ">=", since)]
            )
            anomalies = ar.automation_anomalies(
                len(entries), logs._auto_applied_per_day(company, since), logs._auto_applied_reverted(company, since)
            )
            if not entries and not anomalies:
                continue
            items = Markup("").join(
                Markup("<li>%s</li>") % (entry.suggestion_ref.display_name if entry.suggestion_ref
                                         else "%s #%s" % (entry.res_model, entry.res_id))
                for entry in entries
            )
            warnings = Markup("").join(Markup("<p><strong>%s</strong></p>") % sentence for sentence in anomalies)
            body = Markup(
                _("%(warnings)s<p>%(count)s AI suggestions were applied automatically in %(company)s since "
                  "%(since)s:</p><ul>%(items)s</ul><p>Each one can be reverted from its suggestion.</p>")
            ) % {"warnings": warnings, "count": len(entries), "company": company.name,
                 "since": fields.Datetime.to_string(since), "items": items}
            self.env["mail.thread"].sudo().message_notify(  # sudo: the cron notifies on the company's behalf
                partner_ids=company.ai_controller_user_id.partner_id.ids,
                subject=_("AI Bookkeeping: %(count)s entries applied automatically", count=len(entries)),
                body=body,
            )
            sent += 1
        return sent

    @api.model
    def _auto_applied_per_day(self, company, until, days=28):
        """Automatic applications per 24 hours before ``until`` (oldest first), from the first one in the window."""
        self.flush_model(["company_id", "event", "logged_at"])
        self.env.cr.execute(SQL(
            """
            SELECT floor(extract(epoch FROM %(until)s - logged_at) / 86400)::int AS age, count(*)
              FROM ai_audit_log
             WHERE company_id = %(company)s AND event = 'auto_applied'
               AND logged_at >= %(start)s AND logged_at < %(until)s
          GROUP BY age
            """,
            until=until, start=until - timedelta(days=days), company=company.id,
        ))
        counts = dict(self.env.cr.fetchall())
        if not counts:
            return []
        return [counts.get(age, 0) for age in range(max(counts), -1, -1)]

    @api.model
    def _auto_applied_reverted(self, company, since):
        reverted = self.search(
            [("company_id", "=", company.id), ("event", "=", "reverted"), ("logged_at", ">=", since)]
        )
        if not reverted:
            return 0
        automatic = self.search([("company_id", "=", company.id), ("event", "=", "auto_applied"),
                                 ("res_id", "in", reverted.mapped("res_id"))])
        pairs = {(entry.res_model, entry.res_id) for entry in automatic}
        return len({(entry.res_model, entry.res_id) for entry in reverted} & pairs)
