import logging

from markupsafe import Markup

from odoo import _, api, fields, models

_logger = logging.getLogger(__name__)


class FinancialReportSchedule(models.Model):
    """Monthly financial reports of one company, generated once the month's period close is locked: posted to a
    Discuss channel and/or as a note on the close, and e-mailed as PDF to the chosen recipients."""

    _name = "financial.report.schedule"
    _description = "Financial report schedule"
    _check_company_auto = True

    name = fields.Char(required=True, default=lambda self: _("Monthly financial report"))
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    channel_id = fields.Many2one("discuss.channel", string="Post to channel")
    post_on_close = fields.Boolean(string="Note on the period close", default=True)
    recipient_ids = fields.Many2many("res.partner", string="E-mail the PDF to")
    last_date_to = fields.Date(string="Last period sent", readonly=True, copy=False)
    report_ids = fields.Many2many("ai.financial.report", string="Reports sent", readonly=True, copy=False)

    @api.model
    def _cron_send_reports(self):
        """For each schedule: every locked close after the last period sent, oldest first."""
        # sudo: the cron's user (OdooBot, or an AI manager of some companies only) need not belong to every company;
        # each schedule reads the closes of its own company and runs in it.
        for schedule in self.sudo().search([]):
            closes = self.env["ai.period.close"].sudo().search([
                ("company_id", "=", schedule.company_id.id), ("state", "=", "locked"),
                ("date_to", ">", schedule.last_date_to or fields.Date.to_date("1900-01-01"))], order="date_to")
            for close in closes:
                schedule.with_company(schedule.company_id)._send_for_close(close)

    def _send_for_close(self, close):
        """Generate the report of ``close``'s months, post it and mail it."""
        self.ensure_one()
        date_from = close.date_from.replace(day=1)
        report = self.env["ai.financial.report"].create({
            "company_id": self.company_id.id, "date_from": date_from, "date_to": close.date_to})
        report._generate()
        body = Markup("<p><b>%s</b></p><p>%s</p>") % (report.name, report.narrative_text or "")
        if self.channel_id:
            self.channel_id.message_post(body=body, message_type="comment", subtype_xmlid="mail.mt_comment")
        if self.post_on_close:
            close.message_post(body=body, message_type="comment", subtype_xmlid="mail.mt_note")
        if self.recipient_ids:
            attachment = report._render_attachment()
            self.env["mail.mail"].sudo().create({
                # sudo: the cron's user may not create mail.mail records; the mail carries only this report.
                "subject": report.name,
                "body_html": body,
                "email_from": self.company_id.email_formatted or self.env.user.email_formatted,
                "recipient_ids": [(6, 0, self.recipient_ids.ids)],
                "attachment_ids": [(4, attachment.id)],
                "model": report._name,
                "res_id": report.id,
                "auto_delete": False,
            })
        self.write({"last_date_to": close.date_to, "report_ids": [(4, report.id)]})
        return report

