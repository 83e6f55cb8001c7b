from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AccountMoveLine(models.Model):
    """The service period of a bill line (Community has none: Enterprise's deferrals bring their own). A period
    close proposes to defer a line whose service period runs past the period (period_close_deferral.py); without
    these dates it reads the period from the line's label."""

    _inherit = "account.move.line"

    ai_service_start_date = fields.Date(string="Service from", copy=False,
                                        help="First day of the service this line pays for (deferral by the close).")
    ai_service_end_date = fields.Date(string="Service to", copy=False,
                                      help="Last day of the service this line pays for (deferral by the close).")

    @api.constrains("ai_service_start_date", "ai_service_end_date")
    def _check_ai_service_period(self):
        for line in self:
            start, end = line.ai_service_start_date, line.ai_service_end_date
            if bool(start) != bool(end):
                raise ValidationError(_("%(line)s: give both service dates, or none.", line=line.display_name))
            if start and end < start:
                raise ValidationError(_("%(line)s: the service ends before it starts.", line=line.display_name))
