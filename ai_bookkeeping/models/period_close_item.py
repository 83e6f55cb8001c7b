from odoo import _, api, fields, models
from odoo.exceptions import UserError

DECISIONS = [("open", "Open"), ("done", "Done"), ("accepted", "Accepted with a note")]
STATUSES = [("clear", "Nothing to do"), ("open", "Open"), ("done", "Done"), ("accepted", "Accepted")]


class AiPeriodCloseItem(models.Model):
    """One checklist item of a period close: the accountant's decision on it is stored; what it finds (count,
    amount) is computed live by ai.period.close.checklist until the close is locked, then read from the snapshot."""

    _name = "ai.period.close.item"
    _description = "Period close checklist item"
    _order = "sequence, id"

    close_id = fields.Many2one("ai.period.close", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="close_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="close_id.company_id.currency_id")
    code = fields.Char(required=True, readonly=True)
    sequence = fields.Integer(readonly=True)
    name = fields.Char(compute="_compute_name", string="Item")
    decision = fields.Selection(DECISIONS, default="open", required=True, readonly=True)
    note = fields.Text(help="Why the item is accepted as it is (required to accept an item that is not clear).")
    decided_by_id = fields.Many2one("res.users", readonly=True, string="Decided by")
    decided_at = fields.Datetime(readonly=True)
    count = fields.Integer(compute="_compute_live", string="To do")
    amount = fields.Monetary(compute="_compute_live", currency_field="currency_id")
    status = fields.Selection(STATUSES, compute="_compute_live")
    blocking = fields.Boolean(compute="_compute_blocking", help="Blocks the lock while it is open.")

    _sql_constraints = [("close_code_unique", "unique(close_id, code)", "Each item appears once in a close.")]

    def _compute_name(self):
        definitions = {d["code"]: d["name"] for d in self.env["ai.period.close.checklist"]._item_definitions()}
        for item in self:
            item.name = definitions.get(item.code, item.code)

    @api.depends("decision")
    def _compute_live(self):
        for close, items in self.grouped("close_id").items():
            found = close._checklist_values()
            for item in items:
                values = found.get(item.code, {})
                item.count = values.get("count", 0)
                item.amount = values.get("amount", 0.0)
                # Done holds while nothing is left; accepted holds whatever is found.
                if item.decision == "accepted":
                    item.status = "accepted"
                elif not item.count:
                    item.status = "done" if item.decision == "done" else "clear"
                else:
                    item.status = "open"

    def _compute_blocking(self):
        for company, items in self.grouped("company_id").items():
            blocking = self.env["ai.period.close.item.config"]._blocking_codes(company)
            for item in items:
                item.blocking = item.code in blocking

    def write(self, vals):
        if "note" in vals and self.close_id.filtered(lambda c: c.state == "locked"):
            raise UserError(_("The close is locked: its checklist can no longer change."))
        return super().write(vals)

    # ------------------------------------------------------------------ actions

    def _check_open_close(self):
        locked = self.close_id.filtered(lambda c: c.state == "locked")
        if locked:
            raise UserError(_("%(close)s is locked: its checklist can no longer change.", close=locked[0].name))
        self.close_id.filtered(lambda c: c.state == "draft").action_start()

    def action_mark_done(self):
        self._check_open_close()
        for item in self:
            if item.count:
                raise UserError(_(
                    "%(item)s: %(count)s still to do. Clear them, or accept the item with a note saying why.",
                    item=item.name, count=item.count))
        self._decide("done")

    def action_accept(self):
        self._check_open_close()
        missing = self.filtered(lambda i: not (i.note or "").strip())
        if missing:
            raise UserError(_("%(item)s: write a note saying why it is accepted as it is.", item=missing[0].name))
        self._decide("accepted")

    def action_reopen(self):
        self._check_open_close()
        self._decide("open")

    def _decide(self, decision):
        labels = dict(self._fields["decision"]._description_selection(self.env))
        self.write({"decision": decision, "decided_by_id": self.env.uid, "decided_at": fields.Datetime.now()})
        for item in self:
            item.close_id.message_post(body=_(
                "%(item)s: %(decision)s (%(count)s found)%(note)s", item=item.name, decision=labels[decision],
                count=item.count, note=(" — %s" % item.note) if decision == "accepted" else ""))

    def action_open_records(self):
        """Drill down to the records the item counts."""
        self.ensure_one()
        values = self.close_id._checklist_values(live=True).get(self.code)
        if not values:
            raise UserError(_("This item has no records to show."))
        return {
            "type": "ir.actions.act_window",
            "name": self.name,
            "res_model": values["res_model"],
            "view_mode": "list,form",
            "domain": values["domain"],
            "context": {"create": False},
        }
