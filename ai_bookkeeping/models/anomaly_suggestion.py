from markupsafe import Markup, escape

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..tools import anomaly_reply
from ..tools import dashboard_args as da
from ..tools import state_machine as sm

MAX_ANOMALY_PAGE = 200
_lt = da._lt  # noqa: SLF001 - marks a sentence for translation; _ai_checking_arguments translates it
ANOMALY_FILTER_KEYS = ("detector", "minScore", "vendor", "amountMin", "amountMax")
# The panel's actions on the selected findings (contracts/dashboard.ts, AnomalyAction) and the method of each.
ANOMALY_ACTIONS = {"confirm": "action_anomaly_confirm", "cancel_duplicate": "action_anomaly_cancel_duplicate",
                   "dismiss": "action_anomaly_dismiss"}


def _anomaly_filters(value):
    """AnomalyFilters: the known keys only (absent, None or "" = not filtered); returns a clean dict."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise da.ArgumentError(_lt("%(argument)s must be an object of filters."), argument="filters")
    unknown = sorted(str(key) for key in value if key not in ANOMALY_FILTER_KEYS)
    if unknown:
        raise da.ArgumentError(_lt("%(argument)s has unknown filters: %(keys)s (known: %(known)s)."),
                               argument="filters", keys=", ".join(unknown), known=", ".join(ANOMALY_FILTER_KEYS))
    clean = {}
    for key, raw in value.items():
        if raw is None or raw == "":
            continue
        if key == "detector":
            clean[key] = da.choice(raw, list(anomaly_reply.DETECTORS), "filters.detector")
        elif key == "vendor":
            clean[key] = da.text(raw, "filters.vendor", da.MAX_SEARCH)
        else:
            low, high = (0, 1) if key == "minScore" else (-da.MAX_AMOUNT, da.MAX_AMOUNT)
            if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not low <= raw <= high:
                raise da.ArgumentError(_lt("%(argument)s must be a number from %(low)s to %(high)s."),
                                       argument="filters." + key, low=low, high=high)
            clean[key] = float(raw)
    return clean


class AiSuggestion(models.Model):
    """Anomalies: findings of the detectors (models/anomaly_detection.py), one per dedup key and company.

    Dismiss is a rejection with a reason that also records the pattern (``ai.anomaly.dismissal``); confirm and,
    for a duplicate draft, cancel the duplicate are approvals through the normal flow (approval rules, two
    reviewers), applied by ``_apply_anomaly``: an activity for the responsible person, and the draft cancelled."""

    _inherit = "ai.suggestion"

    anomaly_detector = fields.Selection(
        list(anomaly_reply.DETECTORS.items()), string="Detector", readonly=True, index=True)
    anomaly_dedup_key = fields.Char(readonly=True, copy=False, index=True)
    anomaly_pattern_key = fields.Char(readonly=True)
    anomaly_move_id = fields.Many2one(
        "account.move", string="Entry concerned", readonly=True, index=True, ondelete="cascade")
    anomaly_partner_id = fields.Many2one("res.partner", string="Vendor", readonly=True, index=True)
    anomaly_amount = fields.Monetary(string="Amount", readonly=True, currency_field="anomaly_currency_id")
    anomaly_currency_id = fields.Many2one(related="company_id.currency_id", string="Currency")
    anomaly_evidence = fields.Json(readonly=True, help="The records compared: [{model, id}].")
    anomaly_evidence_html = fields.Html(compute="_compute_anomaly_evidence_html", string="Evidence", sanitize=True)
    anomaly_resolution = fields.Selection(
        [("confirm", "Confirmed"), ("cancel_duplicate", "Duplicate cancelled")], readonly=True, copy=False)
    anomaly_activity_id = fields.Many2one("mail.activity", readonly=True, copy=False, ondelete="set null")
    anomaly_alerted = fields.Boolean(readonly=True, copy=False, help="Sent as an immediate alert.")
    anomaly_digested = fields.Boolean(readonly=True, copy=False, help="Listed in a daily digest.")
    anomaly_can_cancel = fields.Boolean(compute="_compute_anomaly_can_cancel")

    _sql_constraints = [
        ("anomaly_dedup_key_unique", "unique(company_id, anomaly_dedup_key)",
         "This anomaly was already raised for the company."),
    ]

    @api.depends("anomaly_evidence")
    def _compute_anomaly_evidence_html(self):
        for record in self:
            links = []
            for ref in record.anomaly_evidence or []:
                model, record_id = ref.get("model"), ref.get("id")
                if model not in self.env or not isinstance(record_id, int):
                    continue
                target = self.env[model].browse(record_id).exists()
                if not target:
                    continue
                try:
                    label = target.display_name
                except Exception:  # noqa: BLE001 - a record the user may not read is named by its id only
                    label = "%s #%d" % (model, record_id)
                links.append(Markup('<li><a href="/odoo/%s/%d">%s</a></li>') % (model, record_id, escape(label)))
            record.anomaly_evidence_html = Markup("<ul>%s</ul>") % Markup("").join(links) if links else False

    @api.depends("anomaly_detector", "anomaly_move_id.state", "state")
    def _compute_anomaly_can_cancel(self):
        for record in self:
            record.anomaly_can_cancel = bool(
                record.kind == "anomaly" and record.state == sm.PENDING
                and record.anomaly_detector in ("duplicate_bill", "duplicate_reference")
                and record.anomaly_move_id.state == "draft")

    # ------------------------------------------------------------------ actions

    def _check_anomalies(self):
        if self.filtered(lambda r: r.kind != "anomaly"):
            raise UserError(_("This action is for anomalies only."))

    def action_anomaly_confirm(self):
        """Confirm: the anomaly is real; the responsible person gets an activity (through the approval flow)."""
        self._check_anomalies()
        self._check_can_review()
        self.sudo()._ai_set_resolution("confirm")
        return self.action_approve()

    def action_anomaly_cancel_duplicate(self):
        """Cancel the duplicate draft, through the approval flow."""
        self._check_anomalies()
        self._check_can_review()
        refused = self.filtered(lambda r: not r.anomaly_can_cancel)
        if refused:
            raise UserError(_("%(name)s: only a duplicate that is still a draft can be cancelled here.",
                              name=refused[0].display_name))
        self.sudo()._ai_set_resolution("cancel_duplicate")
        return self.action_approve()

    def action_anomaly_dismiss(self, reason=None):
        """Dismiss with a reason: rejected, and its pattern is not raised again unless it gets worse."""
        self._check_anomalies()
        return self.action_reject(reason=reason)

    # ------------------------------------------------------------------ the review queue's Anomalies panel

    @api.model
    def dashboard_anomaly_rows(self, filters=None, offset=0, limit=50):
        """Open anomalies of this company, highest score first, filtered (contracts/dashboard.ts, AnomalyFilters):
        one page, the total, and the detectors with their labels (the filter's choices)."""
        with self._ai_checking_arguments():
            clean = _anomaly_filters(filters)
            offset = da.offset(offset)
            limit = da.limit(limit, 50, MAX_ANOMALY_PAGE)
        domain = [("kind", "=", "anomaly"), ("state", "=", sm.PENDING)]
        if clean.get("detector"):
            domain.append(("anomaly_detector", "=", clean["detector"]))
        if clean.get("minScore") is not None:
            domain.append(("confidence", ">=", clean["minScore"]))
        if clean.get("vendor"):
            domain.append(("anomaly_partner_id.name", "ilike", clean["vendor"]))
        if clean.get("amountMin") is not None:
            domain.append(("anomaly_amount", ">=", clean["amountMin"]))
        if clean.get("amountMax") is not None:
            domain.append(("anomaly_amount", "<=", clean["amountMax"]))
        records = self.search(domain, offset=offset, limit=limit, order="confidence desc, id")
        labels = dict(self._fields["anomaly_detector"]._description_selection(self.env))
        return {
            "rows": [{
                "id": record.id,
                "detector": record.anomaly_detector or None,
                "detectorLabel": labels.get(record.anomaly_detector, record.anomaly_detector or ""),
                "name": record.name,
                "score": record.confidence,
                "reason": record.explanation or "",
                "vendor": record.anomaly_partner_id.display_name or None,
                "amount": record.anomaly_amount if record.anomaly_amount or record.anomaly_move_id else None,
                "currency": record.anomaly_currency_id.name or None,
                "moveId": record.anomaly_move_id.id or None,
                "moveName": record.anomaly_move_id.display_name or None,
                "canCancel": record.anomaly_can_cancel,
                "error": record.error_message or None,
            } for record in records],
            "total": self.search_count(domain),
            "detectors": [{"value": value, "label": label} for value, label in labels.items()],
        }

    @api.model
    def dashboard_anomaly_decide(self, ids, action, reason=None):
        """The panel's Confirm, Cancel the duplicate and Dismiss on the selected findings, each in its own savepoint
        (one refusal is reported on its row, the others go on): the same methods as the finding's form buttons, so
        Confirm records ``anomaly_resolution`` and a cancellation goes through the approval flow."""
        with self._ai_checking_arguments():
            action = da.choice(action, list(ANOMALY_ACTIONS), "action")
            reason = da.text(reason, "reason", da.MAX_REASON)
        self._check_can_review()
        records = self._ai_records_to_decide(ids)
        if records.filtered(lambda r: r.kind != "anomaly"):
            raise UserError(_("This action is for anomalies only."))
        args = (reason,) if action == "dismiss" else ()
        return records._ai_each_in_savepoint(ANOMALY_ACTIONS[action], *args)

    def _ai_set_resolution(self, resolution):
        # sudo (callers): the resolution is a protected field, chosen by a reviewer's action, never written directly.
        self.write({"anomaly_resolution": resolution})

    # ------------------------------------------------------------------ hooks of the approval flow

    def _check_applicable_anomaly(self):
        for record in self:
            if record.anomaly_resolution == "cancel_duplicate" and record.anomaly_move_id.state != "draft":
                raise UserError(_("%(move)s is no longer a draft: cancel it by hand if it is a duplicate.",
                                  move=record.anomaly_move_id.display_name))

    def _apply_anomaly(self):
        for record in self:
            move = record.anomaly_move_id
            if record.anomaly_resolution == "cancel_duplicate":
                move.button_cancel()
            target = move or record.target_ref
            if target and hasattr(target, "activity_schedule"):
                responsible = (
                    (move.invoice_user_id if move else False) or record.company_id.ai_controller_user_id
                    or self.env.user)
                activity = target.sudo().activity_schedule(  # sudo: the reviewer assigns it to someone else
                    "mail.mail_activity_data_todo",
                    summary=_("Anomaly: %(detector)s", detector=dict(
                        self._fields["anomaly_detector"]._description_selection(self.env)).get(
                        record.anomaly_detector, "")),
                    note=record.explanation,
                    user_id=responsible.id,
                )
                record.sudo().write({"anomaly_activity_id": activity.id})
        self.write({"state": sm.APPLIED, "applied_at": fields.Datetime.now()})

    def _revert_anomaly(self):
        for record in self:
            if record.anomaly_resolution == "cancel_duplicate" and record.anomaly_move_id.state == "cancel":
                record.anomaly_move_id.button_draft()
            if record.anomaly_activity_id:
                record.anomaly_activity_id.sudo().unlink()  # sudo: the activity may be assigned to someone else

    def _on_rejected_anomaly(self):
        dismissals = self.env["ai.anomaly.dismissal"].sudo()  # sudo: reviewers record, nobody edits dismissals
        for record in self.filtered("anomaly_pattern_key"):
            existing = dismissals.search(
                [("company_id", "=", record.company_id.id), ("pattern_key", "=", record.anomaly_pattern_key)])
            values = {"score": max(record.confidence, existing.score or 0.0), "reason": record.reject_reason,
                      "suggestion_id": record.id, "detector": record.anomaly_detector, "user_id": self.env.uid}
            if existing:
                existing.write(values)
            else:
                dismissals.create(dict(values, company_id=record.company_id.id,
                                       pattern_key=record.anomaly_pattern_key))

    def _ai_touched_moves_anomaly(self):
        return self.filtered(lambda r: r.anomaly_resolution == "cancel_duplicate").anomaly_move_id

    def _ai_rule_facts_anomaly(self):
        return {record.id: {"amount": record.anomaly_amount} for record in self}

