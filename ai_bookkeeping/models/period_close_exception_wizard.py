from odoo import _, api, fields, models
from odoo.exceptions import UserError

LOCK_FIELDS = [
    ("fiscalyear_lock_date", "Global lock date"),
    ("tax_lock_date", "Tax return lock date"),
    ("sale_lock_date", "Sales lock date"),
    ("purchase_lock_date", "Purchase lock date"),
]


class AiPeriodCloseExceptionWizard(models.TransientModel):
    """Grant a lock exception (Odoo's account.lock_exception): one soft lock date moved back for one user (or
    everyone) until an expiry, with a reason. The hard lock has no exceptions."""

    _name = "ai.period.close.exception.wizard"
    _description = "Grant a lock date exception"

    close_id = fields.Many2one("ai.period.close", readonly=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    lock_date_field = fields.Selection(LOCK_FIELDS, string="Lock date", required=True, default="fiscalyear_lock_date")
    lock_date = fields.Date(string="Lock moved back to",
                            help="Entries after this date may be posted by the user until the exception expires. "
                            "Empty: the lock date does not apply to them at all.")
    user_id = fields.Many2one("res.users", string="User", help="Empty: everyone.")
    reason = fields.Char(required=True)
    end_datetime = fields.Datetime(string="Expires", required=True)

    @api.model
    def default_get(self, fields_list):
        self.env["ai.period.close"]._check_lock_rights()
        values = super().default_get(fields_list)
        close = self.env["ai.period.close"].browse(values.get("close_id") or self.env.context.get("default_close_id"))
        if close:
            values["company_id"] = close.company_id.id
            values.setdefault("lock_date", fields.Date.subtract(close.date_from, days=1))
        return values

    def action_grant(self):
        self.ensure_one()
        self.env["ai.period.close"]._check_lock_rights()
        # The database's clock, as account.lock_exception tells active from expired exceptions with it.
        if self.end_datetime <= self.env.cr.now():
            raise UserError(_("The exception must expire in the future."))
        current = self.company_id[self.lock_date_field]
        if not current or (self.lock_date and self.lock_date >= current):
            raise UserError(_("An exception moves a lock date back: it must be before the current one (%(date)s).",
                              date=current or _("not set")))
        exception = self.env["account.lock_exception"].with_company(self.company_id).create({
            "company_id": self.company_id.id,
            self.lock_date_field: self.lock_date or False,
            "user_id": self.user_id.id or False,
            "reason": self.reason,
            "end_datetime": self.end_datetime,
        })
        if self.close_id:
            self.close_id.message_post(body=_(
                "Lock exception granted by %(user)s on %(field)s (moved back to %(date)s) for %(who)s until "
                "%(end)s: %(reason)s", user=self.env.user.name,
                field=dict(self._fields["lock_date_field"]._description_selection(self.env))[self.lock_date_field],
                date=self.lock_date or _("no lock"), who=self.user_id.name or _("everyone"), end=self.end_datetime,
                reason=self.reason))
        return exception
