from odoo import _, api, fields, models
from odoo.exceptions import UserError

SOFT_LOCKS = ("fiscalyear_lock_date", "tax_lock_date", "sale_lock_date", "purchase_lock_date")


class AiPeriodCloseLockWizard(models.TransientModel):
    """The lock step of a period close: which of Odoo's lock dates to move to the period's end. The soft locks are
    ticked by default; the hard lock (irreversible) only with its own confirmation. Odoo's res.company.write and
    _validate_locks do the checks (no draft entries under a hard lock, no unreconciled bank line under the global
    lock, a hard lock never goes back)."""

    _name = "ai.period.close.lock.wizard"
    _description = "Lock a period close"

    close_id = fields.Many2one("ai.period.close", required=True, readonly=True)
    company_id = fields.Many2one(related="close_id.company_id")
    lock_date = fields.Date(related="close_id.date_to", string="Lock up to")
    set_fiscalyear_lock = fields.Boolean(string="Global lock date", default=True,
                                         help="No entry on or before the date, except with a lock exception.")
    set_tax_lock = fields.Boolean(string="Tax return lock date", default=True)
    set_sale_lock = fields.Boolean(string="Sales lock date", default=True)
    set_purchase_lock = fields.Boolean(string="Purchase lock date", default=True)
    set_hard_lock = fields.Boolean(string="Hard lock date",
                                   help="Irreversible: no entry on or before the date, ever, for anyone.")
    confirm_hard_lock = fields.Boolean(string="I understand the hard lock can never be undone")
    current_fiscalyear_lock_date = fields.Date(related="company_id.fiscalyear_lock_date")
    current_tax_lock_date = fields.Date(related="company_id.tax_lock_date")
    current_sale_lock_date = fields.Date(related="company_id.sale_lock_date")
    current_purchase_lock_date = fields.Date(related="company_id.purchase_lock_date")
    current_hard_lock_date = fields.Date(related="company_id.hard_lock_date")
    blocking_open_count = fields.Integer(related="close_id.blocking_open_count")

    @api.model
    def default_get(self, fields_list):
        self.env["ai.period.close"]._check_lock_rights()
        return super().default_get(fields_list)

    def _lock_values(self):
        """The res.company values to write: each ticked lock date moved to the period's end, never back."""
        self.ensure_one()
        company, end = self.close_id.company_id, self.close_id.date_to
        ticked = {"fiscalyear_lock_date": self.set_fiscalyear_lock, "tax_lock_date": self.set_tax_lock,
                  "sale_lock_date": self.set_sale_lock, "purchase_lock_date": self.set_purchase_lock,
                  "hard_lock_date": self.set_hard_lock}
        return {name: end for name, on in ticked.items() if on and not (company[name] and company[name] >= end)}

    def action_lock(self):
        self.ensure_one()
        self.close_id._check_lock_rights()
        if self.set_hard_lock and not self.confirm_hard_lock:
            raise UserError(_("The hard lock can never be undone: tick the confirmation to set it."))
        self.close_id._lock(self._lock_values())
        return {"type": "ir.actions.act_window_close"}
