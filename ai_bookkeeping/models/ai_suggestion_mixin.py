import contextlib
import logging

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL
from odoo.tools.translate import get_translation

from ..tools import approval_rules as ar
from ..tools import confidence as cb
from ..tools import dashboard_args as da
from ..tools import endpoint_client
from ..tools import state_machine as sm
from .ai_suggestion_scope import automatic_scope, governed, governed_scope, in_automatic_scope, in_governed_scope

_logger = logging.getLogger(__name__)

REVIEWER_GROUP = "ai_bookkeeping.ai_bookkeeping_group_reviewer"
MANAGER_GROUP = "ai_bookkeeping.ai_bookkeeping_group_manager"
# Context key carrying the SHA-256 of the request the suggestions answer (set by ai.reconciliation.request).
INPUT_HASH_KEY = "ai_input_hash"
# What a decision on one row may raise and still leave the others to go on (see _ai_each_in_savepoint).
REFUSALS = (UserError, AccessError, endpoint_client.EndpointError)
_EVENT_BY_STATE = {
    sm.APPROVED: "approved",
    sm.APPLIED: "applied",
    sm.REJECTED: "rejected",
    sm.REVERTED: "reverted",
    sm.PENDING: "reopened",
    sm.FAILED: "failed",
}


class AiSuggestionMixin(models.AbstractModel):
    """What every AI suggestion shares: who made it, how sure it is, and its approval life cycle."""

    _name = "ai.suggestion.mixin"
    _description = "AI suggestion (shared fields and approval states)"
    _inherit = ["mail.thread"]
    _order = "create_date desc, id desc"

    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    state = fields.Selection(sm.STATES, default=sm.PENDING, required=True, index=True, tracking=True, copy=False)
    confidence = fields.Float(digits=(3, 3), readonly=True, help="How sure the engine is, from 0 to 1 (calibrated).")
    confidence_band = fields.Selection(cb.SELECTION, compute="_compute_confidence_band", store=True)
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
    first_approver_id = fields.Many2one(
        "res.users", readonly=True, copy=False, string="First approver",
        help="Set when the amount needs two reviewers: the suggestion waits for a second, different reviewer.",
    )
    first_approved_at = fields.Datetime(readonly=True, copy=False)
    input_hash = fields.Char(
        readonly=True, copy=False, help="SHA-256 of the request the engine answered (a fingerprint, not a copy)."
    )

    # ------------------------------------------------------------------ governed writes

    def _ai_governance_fields(self):
        """The state and the decision data: changed by the action methods alone, for everyone, superuser included;
        a new suggestion starts pending with none of them set."""
        return {"state", "decided_by_id", "decided_at", "reject_reason", "applied_at", "auto_applied",
                "first_approver_id", "first_approved_at", "error_message"}

    def _ai_protected_fields(self):
        """Every field the add-on declares on a suggestion (what it proposes, its company, its engine...): written
        when it is created and by the action methods, and by server code in superuser mode (the engine storing its
        answer), never through a user's write. Mail's own fields (followers, messages) stay the mail thread's."""
        free = set(self.env["mail.thread"]._fields) | set(models.MAGIC_COLUMNS) | {"display_name"}
        return set(self._fields) - free

    def _ai_check_governed_write(self, vals):
        if in_governed_scope():
            return
        governance = sorted(set(vals) & self._ai_governance_fields())
        if governance:
            _logger.warning("Refused direct write of %s on %s %s by uid %s", governance, self._name, self.ids,
                            self.env.uid)
            raise AccessError(_(
                "%(fields)s of an AI suggestion change only through its actions (approve, reject, revert, reopen); "
                "they cannot be written directly.", fields=self._ai_field_labels(governance)))
        protected = sorted(set(vals) & self._ai_protected_fields())
        if protected and not self.env.su:
            _logger.warning("Refused direct write of %s on %s %s by uid %s", protected, self._name, self.ids,
                            self.env.uid)
            raise AccessError(_(
                "%(fields)s of an AI suggestion are what the engine proposed; they cannot be written directly. "
                "Correct a suggestion from the review dashboard, or reject it.",
                fields=self._ai_field_labels(protected)))

    def _ai_field_labels(self, names):
        return ", ".join(self._fields[name]._description_string(self.env) for name in names)

    def _ai_governed_write(self, vals):
        """Write decision data from the add-on's own code (an action, a refusal to note on the row)."""
        with governed_scope():
            return self.write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        if not in_governed_scope():
            governance = self._ai_governance_fields()
            for vals in vals_list:
                decided = sorted(name for name in set(vals) & governance
                                 if vals[name] and not (name == "state" and vals[name] == sm.PENDING))
                if decided:
                    raise AccessError(_(
                        "A new AI suggestion starts pending review, with no decision: %(fields)s cannot be set "
                        "when it is created.", fields=self._ai_field_labels(decided)))
        input_hash = self.env.context.get(INPUT_HASH_KEY)
        if input_hash:
            vals_list = [dict(vals, input_hash=vals.get("input_hash") or input_hash) for vals in vals_list]
        records = super().create(vals_list)
        records._ai_audit("created")
        return records

    def write(self, vals):
        self._ai_check_governed_write(vals)
        return super().write(vals)

    def unlink(self):
        """A decided suggestion is kept, for everyone: it is the record of what was done to the books (and a
        reconciliation applied must stay revertable). A pending one nobody decided may be withdrawn by the add-on
        (a new answer of the engine, a sibling applied) and by a manager; reviewers decide, they do not delete."""
        decided = self.filtered(lambda s: s.state != sm.PENDING)
        if decided:
            raise UserError(_(
                "%(name)s is %(state)s: a decided AI suggestion is kept for the audit trail and cannot be deleted.",
                name=decided[0].display_name,
                state=dict(self._fields["state"]._description_selection(self.env)).get(decided[0].state, "")))
        if not (in_governed_scope() or self.env.su):
            if not self.env.user.has_group(MANAGER_GROUP):
                raise AccessError(_("Only AI Bookkeeping managers can delete AI suggestions."))
            touched = self._ai_ever_decided()
            if touched:
                raise UserError(_(
                    "%(name)s was decided before (approved once, rejected or reopened): it is kept for the audit "
                    "trail and cannot be deleted.", name=touched[0].display_name))
        return super().unlink()

    def _ai_ever_decided(self):
        """The suggestions that left 'pending' at least once or took a first approval: anything in their audit
        trail besides their creation."""
        if not self:
            return self
        # sudo: whether a trail exists decides the deletion, whoever may read the log.
        entries = self.env["ai.audit.log"].sudo().search_read(
            [("res_model", "=", self._name), ("res_id", "in", self.ids), ("event", "not in", ("created", "held"))],
            ["res_id"])
        ids = {entry["res_id"] for entry in entries}
        return self.filtered(lambda s: s.id in ids or s.decided_by_id or s.first_approver_id)

    @api.depends("confidence")
    def _compute_confidence_band(self):
        for record in self:
            record.confidence_band = cb.band_of(record.confidence)

    # ------------------------------------------------------------------ transitions

    def _check_can_review(self):
        if not self.env.user.has_group(REVIEWER_GROUP) and not self.env.su:
            raise AccessError(_("Only AI Bookkeeping reviewers can approve, reject or revert suggestions."))

    def _check_transition(self, target):
        """Refuse a forbidden move with an accountant's sentence."""
        for record in self:
            error = record._transition_error(target)
            if error:
                raise UserError(_("%(name)s: %(error)s", name=record.display_name, error=error))

    def _transition_error(self, target):
        """Why this suggestion cannot move to ``target``, in the user's language; None when it can."""
        self.ensure_one()
        labels = dict(self._fields["state"]._description_selection(self.env))
        return sm.transition_error(
            self.state, target, translate=self._translate_sentence, state_label=labels.get(self.state, "").lower()
        )

    def _translate_sentence(self, source, **params):
        """Translate a sentence that a pure module (tools/) marked with ``_lt``, in the user's language."""
        return get_translation("ai_bookkeeping", self.env.lang or "en_US", source, params)

    def _set_state(self, target, audit_before=None, **values):
        """The one place where a suggestion changes state; every change is appended to the audit log."""
        self._check_transition(target)
        before = audit_before if audit_before is not None else self._ai_audit_values()
        second = self.filtered("first_approver_id") if target == sm.APPROVED else self.browse()
        self.write(dict(values, state=target))
        (self - second)._ai_audit(_EVENT_BY_STATE[target], before)
        second._ai_audit("second_approval", before)

    @governed
    def action_approve(self):
        self._check_can_review()
        self._lock_for_decision()
        self._check_transition(sm.APPROVED)
        rules = self.env["ai.approval.rule"]
        facts = self._ai_rule_facts() if rules._needs_facts(self) else {}
        rules._check_groups(self, facts)
        to_apply = self._ai_take_first_approvals(facts)
        if not to_apply:
            return True
        to_apply._check_applicable()
        before = to_apply._ai_audit_values()
        to_apply._set_state(
            sm.APPROVED, audit_before=before, decided_by_id=self.env.uid, decided_at=fields.Datetime.now(),
            error_message=False,
        )
        to_apply._apply()
        to_apply._ai_after_apply(before)
        return True

    @governed
    def action_reject(self, reason=None):
        with self._ai_checking_arguments():
            reason = da.text(reason, "reason", da.MAX_REASON)
        self._check_can_review()
        self._lock_for_decision()
        self._set_state(
            sm.REJECTED,
            decided_by_id=self.env.uid,
            decided_at=fields.Datetime.now(),
            reject_reason=reason or False,
        )
        self._on_rejected()
        return True

    @governed
    def action_revert(self):
        self._check_can_review()
        self._lock_for_decision()
        self._check_transition(sm.REVERTED)
        before = self._ai_audit_values()
        moves_by_suggestion = {record.id: record._ai_generated_moves() for record in self}
        noted = {record.id: moves_by_suggestion[record.id] | record._ai_touched_moves() for record in self}
        for record in self:
            record._revert()
        self._set_state(sm.REVERTED, audit_before=before)
        self._ai_flag_moves(moves_by_suggestion, flag=False)
        self._ai_note_moves(noted, _("AI suggestion %(link)s was reverted by %(user)s."))
        return True

    @governed
    def action_reset_to_pending(self):
        self._check_can_review()
        self._set_state(
            sm.PENDING, error_message=False, reject_reason=False, first_approver_id=False, first_approved_at=False
        )
        return True

    # ------------------------------------------------------------------ the dashboard's arguments

    @contextlib.contextmanager
    def _ai_checking_arguments(self):
        """Turn a refused argument (tools.dashboard_args) into a ValidationError naming it, in the user's language."""
        try:
            yield
        except da.ArgumentError as exc:
            raise ValidationError(self._translate_sentence(exc.source, **exc.params)) from None

    @api.model
    def _ai_records_to_decide(self, ids):
        """The suggestions named by a dashboard call, checked: ``ids`` a list of ids, every one the user's to
        decide. Ids that no longer exist are left out (withdrawn meanwhile); ids of a company the user cannot reach
        refuse the whole call, before anything is read or written on any of them."""
        with self._ai_checking_arguments():
            ids = da.ids(ids)
        records = self.browse(ids).exists()
        denied = records - records._filtered_access("write")
        if denied:
            raise AccessError(_(
                "Nothing was changed: %(count)s of these suggestions belong to a company you have no access to "
                "(ids %(ids)s).", count=len(denied), ids=", ".join(str(i) for i in denied.ids[:20])))
        return records

    def _ai_each_in_savepoint(self, method, *args, refusal_note=None, keep_error=True):
        """Run ``method`` on each suggestion in its own savepoint: a refusal (REFUSALS) neither stops nor rolls
        back the others. Returns one outcome per suggestion, {id, ok, state, error}. A refusal is audited as
        ``failed`` (the savepoint took the attempt's own log rows with it), with ``refusal_note(message)`` or
        "<action> refused: <message>", and kept on the row as its error message unless ``keep_error`` is False."""
        outcomes = []
        for record in self:
            if not record.exists():
                # Deciding one suggestion may withdraw another of the batch (a bank line's other suggestions).
                outcomes.append({"id": record.id, "ok": False, "state": sm.PENDING,
                                 "error": record._ai_withdrawn_message()})
                continue
            try:
                with self.env.cr.savepoint():
                    getattr(record, method)(*args)
                outcomes.append({"id": record.id, "ok": True, "state": record.state, "error": None})
            except REFUSALS as exc:
                message = str(exc.args[0] if exc.args else exc)
                _logger.info("AI %s of %s refused: %s", method, record.display_name, message)
                record.invalidate_recordset()
                if keep_error:
                    record._ai_governed_write({"error_message": message})
                if refusal_note:
                    note = refusal_note(message)
                else:
                    action = {"action_approve": _("Approval"), "action_reject": _("Rejection"),
                              "action_revert": _("Revert")}.get(method, method)
                    note = _("%(action)s refused: %(error)s", action=action, error=message)
                record._ai_audit("failed", note=note)
                outcomes.append({"id": record.id, "ok": False, "state": record.state, "error": message})
        return outcomes

    def _ai_withdrawn_message(self):
        return _("Another suggestion of the same batch was applied; this one was withdrawn.")

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

    def _ai_generated_moves(self):
        """The journal entries applying these suggestions wrote or changed (flagged AI-generated)."""
        return self.env["account.move"]

    def _ai_touched_moves(self):
        """Other entries applying changed without writing them (the invoices and bills a payment settles): they
        get the chatter note, not the AI-generated flag."""
        return self.env["account.move"]

    def _ai_rule_facts(self):
        """{suggestion id: facts for tools.approval_rules}: kind, journal, amount, partner_new, confidence,
        account_types. The base version knows only the confidence; concrete models say more."""
        return {record.id: {"confidence": record.confidence} for record in self}

    def _ai_audit_target_values(self):
        """{suggestion id: what the suggestion proposes and what its target records look like now}."""
        return {}

    def _ai_auto_apply_candidates(self):
        return self.filtered(lambda s: s.state == sm.PENDING)

    def _ai_auto_apply_history_ok(self):
        """The subset of these suggestions (already allowed by the phase and the rules) whose counterparty has
        enough past outcomes reviewed by a person to be applied without one. A concrete model that knows its
        counterparties holds the others back and says why (audit event ``held``). The base version: all of them."""
        return self

    # ------------------------------------------------------------------ governance: two approvers

    def _ai_take_first_approvals(self, facts):
        """Record a first approval on the suggestions whose amount needs two reviewers and that have none yet.
        Returns the suggestions that may go on to be applied now."""
        needs_two = self.filtered(
            lambda r: r.company_id.ai_second_approval_amount
            and abs(facts.get(r.id, {}).get("amount") or 0.0) > r.company_id.ai_second_approval_amount
        )
        if not needs_two:
            return self
        if in_automatic_scope():
            raise UserError(_("Amounts above the two-approver threshold are never applied automatically."))
        same = needs_two.filtered(lambda r: r.first_approver_id == self.env.user)
        if same:
            raise UserError(_("%(name)s: you gave the first approval; a second, different reviewer must approve it.",
                              name=same[0].display_name))
        first = needs_two.filtered(lambda r: not r.first_approver_id)
        if first:
            before = first._ai_audit_values()
            first.write({"first_approver_id": self.env.uid, "first_approved_at": fields.Datetime.now()})
            first._ai_audit("first_approval", before)
        return self - first

    # ------------------------------------------------------------------ governance: automatic application

    def _ai_auto_apply(self):
        """Apply, without a person, the suggestions that their company's rollout phase and approval rules allow.
        Returns the suggestions applied. Phase 1 never applies anything."""
        candidates = self._ai_auto_apply_candidates().filtered(
            lambda s: s.company_id.ai_rollout_phase != ar.PHASE_ASSISTED)
        if not candidates:
            return self.browse()
        decisions = self.env["ai.approval.rule"]._decisions_for(candidates)
        allowed = candidates.filtered(lambda s: decisions[s.id]["auto"])
        if allowed:
            allowed = allowed._ai_auto_apply_history_ok()
        if not allowed:
            return allowed
        # sudo: the company's approval rules approve here, not the user who asked for suggestions (or the cron).
        auto = allowed.sudo()
        with automatic_scope():
            try:
                with self.env.cr.savepoint():
                    auto.action_approve()
                return allowed
            except (UserError, ValidationError):
                pass  # one suggestion went stale: apply the others one by one, each in its own savepoint
            outcomes = auto._ai_each_in_savepoint(
                "action_approve", keep_error=False,
                refusal_note=lambda error: self.env._(
                    "Not applied automatically, left for review: %(error)s", error=error))
        return self.browse([outcome["id"] for outcome in outcomes if outcome["ok"]]).sudo(False)

    def _ai_after_apply(self, before):
        """Audit what was applied, flag the entries it wrote and note the suggestion on them."""
        applied = self.filtered(lambda r: r.state == sm.APPLIED)
        if not applied:
            return
        automatic = in_automatic_scope()
        if automatic:
            applied.write({"auto_applied": True})
        applied._ai_audit("auto_applied" if automatic else "applied", before)
        moves_by_suggestion = {record.id: record._ai_generated_moves() for record in applied}
        applied._ai_flag_moves(moves_by_suggestion, flag=True)
        applied._ai_note_moves(
            {record.id: moves_by_suggestion[record.id] | record._ai_touched_moves() for record in applied},
            _("AI suggestion %(link)s was applied automatically by the approval rules.") if automatic
            else _("AI suggestion %(link)s was applied, approved by %(user)s."),
        )

    def _ai_flag_moves(self, moves_by_suggestion, flag):
        """Mark (or unmark) entries as AI-generated and link them to their suggestion, in one UPDATE: these two
        read-only columns are the add-on's own, and account.move.write would re-run the whole accounting
        synchronisation of each posted entry for them."""
        move_ids, refs = [], []
        for record in self:
            for move in moves_by_suggestion.get(record.id, ()):
                move_ids.append(move.id)
                refs.append("%s,%s" % (record._name, record.id))
        if not move_ids:
            return
        self.env["account.move"].flush_model(["ai_generated", "ai_suggestion_ref"])
        self.env.cr.execute(SQL(
            """
            UPDATE account_move m
               SET ai_generated = %s, ai_suggestion_ref = v.ref
              FROM unnest(%s::int[], %s::varchar[]) AS v(id, ref)
             WHERE m.id = v.id
            """,
            flag, move_ids, refs,
        ))
        self.env["account.move"].browse(move_ids).invalidate_recordset(["ai_generated", "ai_suggestion_ref"])

    def _ai_note_moves(self, moves_by_suggestion, template):
        """One chatter note per entry (statement line, invoice, bill), linking the suggestion; one batch per call."""
        bodies, moves = {}, self.env["account.move"]
        user = self.env.user.name
        for record in self:
            for move in moves_by_suggestion.get(record.id, ()):
                bodies[move.id] = Markup(template) % {"link": record._get_html_link(), "user": user}
                moves |= move
        if moves:
            # sudo: a reviewer may decide without being allowed to post notes on every journal.
            moves.sudo()._message_log_batch(bodies=bodies)

    # ------------------------------------------------------------------ governance: audit log

    def action_open_ai_audit_log(self):
        """The audit trail of these suggestions, newest first."""
        return {
            "type": "ir.actions.act_window",
            "name": _("Audit trail"),
            "res_model": "ai.audit.log",
            "view_mode": "list,form",
            "domain": [("res_model", "=", self._name), ("res_id", "in", self.ids)],
            "context": {"create": False},
        }

    def _ai_audit_values(self):
        """{suggestion id: a JSON-able snapshot of the suggestion and its targets}, for the audit log."""
        return self.env["ai.audit.log"]._suggestion_snapshot(self)

    def _ai_audit(self, event, before=None, note=None):
        """Append one audit entry per suggestion (a single batch)."""
        self.env["ai.audit.log"]._log_suggestion_event(self, event, before=before, note=note)
