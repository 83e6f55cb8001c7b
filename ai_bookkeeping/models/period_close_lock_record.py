from odoo import _, fields, models
from odoo.exceptions import UserError


class AiPeriodCloseLockRecord(models.Model):
    """One lock of a period close, kept for good: who locked it when, the lock dates moved (and what they were
    before), the checklist as it stood, the digest of the period's posted entries and the close pack — and, if the
    period was reopened, who reopened it, when and why, and which lock dates were moved back. A close locked,
    reopened and locked again has two; the close pack lists them all. Written by the close only, never edited."""

    _name = "ai.period.close.lock.record"
    _description = "Period close lock (history)"
    _order = "locked_at desc, id desc"

    close_id = fields.Many2one("ai.period.close", required=True, readonly=True, index=True, ondelete="restrict")
    company_id = fields.Many2one(related="close_id.company_id", store=True)
    locked_by_id = fields.Many2one("res.users", readonly=True, string="Locked by")
    locked_at = fields.Datetime(readonly=True)
    lock_dates = fields.Json(readonly=True, help="The lock dates set by this lock.")
    lock_dates_before = fields.Json(readonly=True, help="The company's lock dates just before this lock.")
    checklist_snapshot = fields.Json(readonly=True)
    period_digest = fields.Char(readonly=True, string="Posted entries digest")
    close_pack_id = fields.Many2one("ir.attachment", readonly=True, string="Close pack")
    reopened_by_id = fields.Many2one("res.users", readonly=True, string="Reopened by")
    reopened_at = fields.Datetime(readonly=True)
    reopen_reason = fields.Text(readonly=True, string="Reason for reopening")
    lock_dates_restored = fields.Json(readonly=True, help="The lock dates moved back when the period was reopened.")

    def write(self, vals):
        if not self.env.su:
            raise UserError(_("The lock history of a period close cannot be changed."))
        return super().write(vals)

    def unlink(self):
        raise UserError(_("The lock history of a period close cannot be deleted."))

    def _history_rows(self):
        """JSON-able rows for the close pack, oldest first."""
        return [{
            "locked_by": record.locked_by_id.name or "", "locked_at": fields.Datetime.to_string(record.locked_at),
            "digest": record.period_digest or "", "reopened_by": record.reopened_by_id.name or "",
            "reopened_at": fields.Datetime.to_string(record.reopened_at) if record.reopened_at else "",
            "reason": record.reopen_reason or "",
            "restored": ", ".join("%s → %s" % (name, value or "—")
                                  for name, value in (record.lock_dates_restored or {}).items()),
        } for record in self.sorted(lambda r: (r.locked_at, r.id))]
