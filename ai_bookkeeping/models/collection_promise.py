from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools import collection_rules as cr


class AiCollectionPromise(models.Model):
    """A promise to pay recorded by the credit controller: the customer is not chased until its date, and again
    only if it is broken (less than the promised amount paid by then)."""

    _name = "ai.collection.promise"
    _description = "Promise to pay"
    _order = "promise_date desc, id desc"
    _inherit = ["mail.thread"]

    partner_id = fields.Many2one("res.partner", required=True, index=True, ondelete="cascade", tracking=True)
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    promise_date = fields.Date(string="Promised by", required=True, tracking=True)
    amount = fields.Monetary(string="Promised amount", required=True, currency_field="currency_id", tracking=True)
    residual_at_promise = fields.Monetary(
        currency_field="currency_id", readonly=True,
        help="What the customer owed when the promise was recorded: the promise is kept once it owes this less "
             "the promised amount.")
    state = fields.Selection([("open", "Open"), ("kept", "Kept"), ("broken", "Broken")], default="open",
                             required=True, readonly=True, tracking=True)
    note = fields.Char()

    @api.constrains("amount")
    def _check_amount(self):
        for promise in self:
            if promise.amount <= 0:
                raise ValidationError(_("A promise to pay needs a positive amount."))

    @api.model_create_multi
    def create(self, vals_list):
        promises = super().create(vals_list)
        for promise in promises:
            promise.residual_at_promise = promise._partner_residual()
        return promises

    def _partner_residual(self):
        """What the customer owes the company now, in company currency (posted receivables, credits netted)."""
        self.ensure_one()
        groups = self.env["account.move.line"]._read_group(
            [("company_id", "=", self.company_id.id), ("partner_id", "=", self.partner_id.commercial_partner_id.id),
             ("account_type", "=", "asset_receivable"), ("parent_state", "=", "posted"), ("reconciled", "=", False)],
            aggregates=["amount_residual:sum"])
        return groups[0][0] or 0.0

    def _update_states(self, today):
        """Mark open promises kept or broken; returns the promises broken now."""
        broken = self.browse()
        for promise in self.filtered(lambda p: p.state == "open"):
            status = cr.promise_status(promise.amount, promise.residual_at_promise, promise._partner_residual(),
                                       promise.promise_date, today)
            if status != "open":
                promise.state = status
                if status == "broken":
                    broken |= promise
        return broken
