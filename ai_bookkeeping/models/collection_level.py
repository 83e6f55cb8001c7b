from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

CHANNELS = [("email", "E-mail"), ("letter", "Letter (PDF)"), ("phone", "Phone call (activity)")]


class AiCollectionLevel(models.Model):
    """A dunning level: how many days after the due date (negative: a friendly reminder before it), through which
    channel, from which overdue amount, with which optional fee. Levels without a company are the defaults of every
    company that has none of its own; a company with levels of its own uses only those."""

    _name = "ai.collection.level"
    _description = "Dunning level"
    _order = "days_after_due, sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True,
                                 help="Empty: a default level for every company that has no levels of its own.")
    days_after_due = fields.Integer(
        string="Days after due date", required=True,
        help="The reminder is proposed this many days after the due date; negative for a reminder before it.")
    channel = fields.Selection(CHANNELS, required=True, default="email")
    mail_template_id = fields.Many2one(
        "mail.template", string="E-mail template", domain=[("model", "=", "res.partner")],
        help="The draft message, rendered in the customer's language.")
    min_amount = fields.Monetary(
        string="Minimum amount", currency_field="currency_id",
        help="Customers owing less than this overdue (company currency) are not chased at this level.")
    fee_amount = fields.Monetary(string="Fee", currency_field="currency_id",
                                 help="Optional: named in the reminder as due in addition.")
    currency_id = fields.Many2one("res.currency", compute="_compute_currency_id")

    @api.depends("company_id")
    def _compute_currency_id(self):
        for level in self:
            level.currency_id = level.company_id.currency_id or self.env.company.currency_id

    @api.constrains("channel", "mail_template_id")
    def _check_template(self):
        for level in self:
            if level.channel == "email" and not level.mail_template_id:
                raise ValidationError(_("%(level)s sends e-mails: choose its e-mail template.", level=level.name))

    @api.constrains("min_amount", "fee_amount")
    def _check_amounts(self):
        for level in self:
            if level.min_amount < 0 or level.fee_amount < 0:
                raise ValidationError(_("The minimum amount and the fee of a dunning level cannot be negative."))

    @api.model
    def _levels_of(self, company):
        """The levels the company uses: its own if it has any, else the shared defaults."""
        own = self.search([("company_id", "=", company.id)])
        return own or self.search([("company_id", "=", False)])
