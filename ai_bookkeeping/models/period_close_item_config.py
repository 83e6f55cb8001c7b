from odoo import api, fields, models


class AiPeriodCloseItemConfig(models.Model):
    """Which checklist items block the lock, per company. An item without a row keeps its default
    (ai.period.close.checklist._item_definitions)."""

    _name = "ai.period.close.item.config"
    _description = "Period close: blocking items per company"
    _order = "company_id, code"

    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    code = fields.Selection(selection="_selection_code", string="Item", required=True)
    blocking = fields.Boolean(help="The close cannot be locked while this item is open (not clear, done or accepted).")

    _sql_constraints = [("company_code_unique", "unique(company_id, code)", "One setting per item and company.")]

    @api.model
    def _selection_code(self):
        return [(d["code"], d["name"]) for d in self.env["ai.period.close.checklist"]._item_definitions()]

    @api.model
    def _blocking_codes(self, company):
        """The codes of the items that block the lock in ``company``."""
        definitions = self.env["ai.period.close.checklist"]._item_definitions()
        # sudo: which items block is the company's policy, applied whoever runs the close.
        settings = {c.code: c.blocking for c in self.sudo().search([("company_id", "=", company.id)])}
        return {d["code"] for d in definitions if settings.get(d["code"], d["blocking"])}
