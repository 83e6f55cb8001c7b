from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

STATES = [("draft", "Draft"), ("in_progress", "In progress"), ("locked", "Locked")]


class AiPeriodClose(models.Model):
    """The close of one accounting period of one company: a live checklist, the adjusting entries proposed for it,
    and the lock, with the record of who did what, the checklist as it stood and a fingerprint of the period's
    posted entries when it was locked."""

    _name = "ai.period.close"
    _description = "Period close"
    _inherit = ["mail.thread"]
    _order = "date_from desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company,
                                 readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(required=True, tracking=True)
    date_to = fields.Date(required=True, tracking=True)
    state = fields.Selection(STATES, default="draft", required=True, readonly=True, tracking=True, copy=False)
    responsible_id = fields.Many2one("res.users", default=lambda self: self.env.user, tracking=True,
                                     domain="[('share', '=', False)]")
    item_ids = fields.One2many("ai.period.close.item", "close_id", string="Checklist")
    blocking_open_count = fields.Integer(compute="_compute_blocking_open_count", string="Blocking items open")
    adjusting_suggestion_ids = fields.One2many(
        "ai.suggestion", compute="_compute_adjusting_suggestion_ids", string="Adjusting entries",
        groups="ai_bookkeeping.ai_bookkeeping_group_user")
    locked_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    locked_at = fields.Datetime(readonly=True, copy=False)
    lock_dates = fields.Json(readonly=True, copy=False, help="The lock dates set when the close was locked.")
    checklist_snapshot = fields.Json(readonly=True, copy=False, help="The checklist as it stood at lock time.")
    period_digest = fields.Char(string="Posted entries digest", readonly=True, copy=False,
                                help="SHA-256 fingerprint of the period's posted entries at lock time.")
    period_digest_details = fields.Json(readonly=True, copy=False)
    close_pack_id = fields.Many2one("ir.attachment", string="Close pack", readonly=True, copy=False)
    lock_record_ids = fields.One2many("ai.period.close.lock.record", "close_id", string="Lock history",
                                      readonly=True)
    lock_summary = fields.Text(compute="_compute_lock_summary", string="Lock record",
                               help="The lock dates set and how the digest was computed, as stored at lock time.")

    _sql_constraints = [
        ("period_unique", "unique(company_id, date_from, date_to)", "This period already has a close."),
        ("period_order", "CHECK(date_from <= date_to)", "The period must end after it starts."),
    ]

    @api.depends("date_from", "date_to", "company_id")
    def _compute_name(self):
        for close in self:
            close.name = _("Close %(start)s – %(end)s", start=close.date_from, end=close.date_to) \
                if close.date_from and close.date_to else _("New close")

    @api.constrains("date_from", "date_to", "company_id")
    def _check_overlap(self):
        for close in self:
            if self.search_count([("id", "!=", close.id), ("company_id", "=", close.company_id.id),
                                  ("date_from", "<=", close.date_to), ("date_to", ">=", close.date_from)]):
                raise ValidationError(_("%(name)s overlaps another close of %(company)s.",
                                        name=close.name, company=close.company_id.name))

    @api.depends("lock_dates", "period_digest_details")
    def _compute_lock_summary(self):
        for close in self:
            if close.state != "locked":
                close.lock_summary = False
                continue
            details = close.period_digest_details or {}
            lines = ["%s: %s" % (close.company_id._fields[name]._description_string(self.env), value)
                     for name, value in (close.lock_dates or {}).items()] or [_("No lock date was moved.")]
            lines.append(_("Entries fingerprinted here: %(count)s (%(method)s): %(sha)s",
                           count=details.get("entries", 0), method=details.get("method", ""),
                           sha=details.get("sha256", "")))
            lines.extend(self.env._(
                "Odoo inalterability hash, %(journal)s %(prefix)s: %(count)s entries, last %(last)s: %(hash)s",
                journal=c["journal"], prefix=c["prefix"], count=c["entries"], last=c.get("last_name"),
                hash=c.get("inalterable_hash")) for c in details.get("odoo_chains", []))
            close.lock_summary = "\n".join(lines)

    def _compute_blocking_open_count(self):
        for close in self:
            close.blocking_open_count = len(close._blocking_open_items())

    def _compute_adjusting_suggestion_ids(self):
        suggestions = self.env["ai.suggestion"].search(
            [("kind", "=", "adjusting_entry"), ("res_model", "=", self._name), ("res_id", "in", self.ids)])
        by_close = suggestions.grouped("res_id")
        for close in self:
            close.adjusting_suggestion_ids = by_close.get(close.id, suggestions.browse())

    @api.model_create_multi
    def create(self, vals_list):
        closes = super().create(vals_list)
        definitions = self.env["ai.period.close.checklist"]._item_definitions()
        self.env["ai.period.close.item"].create([
            {"close_id": close.id, "code": d["code"], "sequence": d["sequence"]}
            for close in closes for d in definitions
        ])
        return closes

    @api.model
    def _sync_checklist_items(self):
        """Give the closes that are not locked the items added since they were created (a workflow or bridge
        add-on installed later): run at each install or upgrade (data/period_close_data.xml)."""
        definitions = self.env["ai.period.close.checklist"]._item_definitions()
        missing = []
        for close in self.sudo().search([("state", "!=", "locked")]):  # sudo: every company's closes
            codes = set(close.item_ids.mapped("code"))
            missing += [{"close_id": close.id, "code": d["code"], "sequence": d["sequence"]}
                        for d in definitions if d["code"] not in codes]
        if missing:
            self.env["ai.period.close.item"].sudo().create(missing)

    def write(self, vals):
        if {"date_from", "date_to"} & set(vals) and self.filtered(lambda c: c.state != "draft"):
            raise UserError(_("The period of a close that has started cannot change."))
        return super().write(vals)

    def unlink(self):
        if self.filtered(lambda c: c.state == "locked" or c.lock_record_ids):
            raise UserError(_("A locked close is the record of the period; it cannot be deleted."))
        return super().unlink()

    # ------------------------------------------------------------------ checklist

    def _checklist_values(self, live=False):
        """{code: {count, amount, ...}}: computed now, or as snapshotted at lock time (unless ``live``)."""
        self.ensure_one()
        if self.state == "locked" and self.checklist_snapshot and not live:
            return {row["code"]: row for row in self.checklist_snapshot}
        return self.env["ai.period.close.checklist"]._compute_items(self)

    def _blocking_open_items(self):
        self.ensure_one()
        return self.item_ids.filtered(lambda i: i.blocking and i.status == "open")

    def _adjusting_rows(self):
        """The adjusting entries proposed for the close, as JSON-able rows (close pack)."""
        self.ensure_one()
        # sudo: the close pack lists them whoever prints it (an accounting administrator need not hold an AI role).
        suggestions = self.env["ai.suggestion"].sudo().search(
            [("kind", "=", "adjusting_entry"), ("res_model", "=", self._name), ("res_id", "=", self.id)])
        labels = dict(suggestions._fields["state"]._description_selection(self.env))
        return [{"name": s.name, "amount": (s.proposed_values or {}).get("amount") or 0.0,
                 "state": labels.get(s.state, s.state), "decided_by": s.decided_by_id.name or "",
                 "explanation": s.explanation or "", "moves": ", ".join(s.adjusting_move_ids.mapped("name"))}
                for s in suggestions]

    def _lock_history_rows(self):
        """The close's earlier locks and reopenings (close pack)."""
        self.ensure_one()
        return self.lock_record_ids.sudo()._history_rows()  # sudo: printed by whoever prints the close pack

    def _checklist_rows(self):
        """The checklist as JSON-able rows (for the snapshot and the close pack)."""
        statuses = dict(self.item_ids._fields["status"]._description_selection(self.env))
        return [
            {"code": item.code, "name": item.name, "count": item.count, "amount": item.amount,
             "blocking": item.blocking, "status": item.status, "status_label": statuses.get(item.status, ""),
             "decision": item.decision, "note": item.note or "",
             "decided_by": item.decided_by_id.name or "",
             "decided_at": fields.Datetime.to_string(item.decided_at) if item.decided_at else ""}
            for item in self.item_ids
        ]

    def action_start(self):
        for close in self:
            if close.state != "draft":
                raise UserError(_("%(name)s has already started.", name=close.name))
        self.write({"state": "in_progress"})

    # ------------------------------------------------------------------ adjusting entries

    def action_propose_accruals(self):
        """Propose, as adjusting_entry suggestions, an accrual for each recurring vendor bill missing in the
        period. Returns the suggestions created (a vendor already proposed for this close is skipped)."""
        self.ensure_one()
        if self.state == "locked":
            raise UserError(_("%(name)s is locked: no entry can be proposed for it.", name=self.name))
        self.filtered(lambda c: c.state == "draft").action_start()
        return self.env["ai.suggestion"]._adjusting_propose_accruals(self)

    def action_propose_adjusting_entries(self):
        """Propose every adjusting entry the close knows: accruals for missing recurring bills, deferrals of bills
        covering several months, the revaluation of open foreign-currency items, and what bridge add-ons contribute
        (``ai.suggestion._adjusting_propose_unbilled_revenue``). What was proposed before is not proposed again."""
        self.ensure_one()
        if self.state == "locked":
            raise UserError(_("%(name)s is locked: no entry can be proposed for it.", name=self.name))
        self.filtered(lambda c: c.state == "draft").action_start()
        Suggestion = self.env["ai.suggestion"]
        created = Suggestion.browse()
        if self.env["ai.period.close.checklist"]._missing_recurring_bills(self):
            created |= Suggestion._adjusting_propose_accruals(self)
        created |= Suggestion._adjusting_propose_deferrals(self)
        created |= Suggestion._adjusting_propose_fx_revaluation(self)
        created |= Suggestion._adjusting_propose_unbilled_revenue(self)
        self.message_post(body=_("%(count)s adjusting entries proposed.", count=len(created)))
        return created

    def action_open_adjusting_entries(self):
        self.ensure_one()
        self.env["ai.suggestion"].check_access("read")
        return {
            "type": "ir.actions.act_window",
            "name": _("Adjusting entries"),
            "res_model": "ai.suggestion",
            "view_mode": "list,form",
            "domain": [("id", "in", self.adjusting_suggestion_ids.ids)],
            "context": {"create": False},
        }

    def _period_entries_domain(self):
        return [("company_id", "=", self.company_id.id), ("state", "=", "posted"),
                ("date", ">=", self.date_from), ("date", "<=", self.date_to)]

    def _next_period_start(self):
        return self.date_to + timedelta(days=1)
