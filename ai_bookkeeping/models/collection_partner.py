from odoo import _, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    ai_collection_opt_out = fields.Boolean(
        string="No dunning", help="Never propose payment reminders to this customer.")
    ai_collection_postponed_until = fields.Date(
        string="Reminders postponed until", company_dependent=True,
        help="No reminder is proposed before this date (set by Postpone in the review).")
    ai_collection_promise_ids = fields.One2many("ai.collection.promise", "partner_id", string="Promises to pay")
    ai_collection_behaviour_ids = fields.One2many("ai.collection.behaviour", "partner_id", string="Payment behaviour")

    def action_ai_collection_statement(self):
        """The statement of open items (PDF) of this customer."""
        return self.env.ref("ai_bookkeeping.action_report_collection_statement").report_action(self)

    def action_ai_collection_promise(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Promise to pay"),
            "res_model": "ai.collection.promise",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_id": self.commercial_partner_id.id},
        }

    def _ai_collection_open_items(self, company):
        """The customer's posted, unreconciled receivable items of ``company``, oldest due date first."""
        return self.env["account.move.line"].search([
            ("company_id", "=", company.id), ("partner_id", "=", self.commercial_partner_id.id),
            ("account_type", "=", "asset_receivable"), ("parent_state", "=", "posted"), ("reconciled", "=", False),
            ("amount_residual", "!=", 0),
        ], order="date_maturity, id")
