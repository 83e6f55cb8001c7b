"""Anomaly alerts: a Discuss channel per company (created by the add-on, members from the settings), a daily
digest there and by e-mail (mail.template) to the controller, and an immediate alert for findings at or above
the company's alert score. Each finding is sent once: flagged alerted or digested when it goes out."""

from markupsafe import Markup

from odoo import _, api, fields, models

from ..tools import state_machine as sm

READERS = "ai_bookkeeping.ai_bookkeeping_group_user"


class AiSuggestion(models.Model):
    _inherit = "ai.suggestion"

    def _ai_anomaly_alert_immediately(self):
        """Post and mail, now, the new anomalies at or above their company's alert score."""
        urgent = self.filtered(lambda s: s.kind == "anomaly" and not s.anomaly_alerted and not s.anomaly_digested
                               and s.confidence >= s.company_id.ai_anomaly_alert_score)
        for company, findings in urgent.grouped("company_id").items():
            findings._ai_anomaly_send(company, _("Anomaly alert: %(count)s finding(s) need a look now",
                                                 count=len(findings)))
            findings.sudo().write({"anomaly_alerted": True})  # sudo: a protected flag, the add-on's own
        return urgent

    @api.model
    def _cron_anomaly_digest(self):
        """Once a day: every pending anomaly not sent yet, per company, in its channel and by e-mail."""
        pending = self.sudo().search([("kind", "=", "anomaly"), ("state", "=", sm.PENDING),  # sudo: cron, all companies
                                      ("anomaly_alerted", "=", False), ("anomaly_digested", "=", False)])
        for company, findings in pending.grouped("company_id").items():
            findings._ai_anomaly_send(company, _("Daily anomaly digest: %(count)s new finding(s)", count=len(findings)))
            findings.write({"anomaly_digested": True})
        return len(pending)

    def _ai_anomaly_send(self, company, subject):
        channel = company.sudo()._ai_anomaly_channel()
        rows = Markup("").join(
            Markup("<li><b>%s</b> (%s%%): %s</li>") % (s.name, round(s.confidence * 100), s.explanation or "")
            for s in self.sorted(lambda s: -s.confidence))
        channel.message_post(body=Markup("<p>%s</p><ul>%s</ul>") % (subject, rows), message_type="comment",
                             subtype_xmlid="mail.mt_comment")
        controllers = company._ai_anomaly_recipients()
        if controllers:
            template = self.env.ref("ai_bookkeeping.mail_template_anomaly_digest").sudo()
            template.with_context(ai_anomaly_ids=self.ids, ai_anomaly_subject=subject).send_mail(
                company.id, email_values={"recipient_ids": [(6, 0, controllers.partner_id.ids)]})


class ResCompany(models.Model):
    _inherit = "res.company"

    def _ai_anomaly_recipients(self):
        self.ensure_one()
        return (self.ai_controller_user_id | self.ai_anomaly_member_ids).filtered("email")

    def _ai_anomaly_channel(self):
        """The company's anomaly channel, created on first use; its members follow the settings."""
        self.ensure_one()
        channel = self.ai_anomaly_channel_id
        if not channel:
            channel = self.env["discuss.channel"].create({
                "name": _("AI anomalies – %(company)s", company=self.name),
                "channel_type": "channel",
                "description": _("Findings of the AI Bookkeeping anomaly detectors for %(company)s.",
                                 company=self.name),
            })
            self.ai_anomaly_channel_id = channel
        members = (self.ai_controller_user_id | self.ai_anomaly_member_ids).partner_id
        missing = members - channel.channel_member_ids.partner_id
        if missing:
            channel.add_members(partner_ids=missing.ids)
        return channel

    def _ai_anomaly_digest_rows(self):
        """The anomalies the digest e-mail lists (from the rendering context), most sure first."""
        ids = self.env.context.get("ai_anomaly_ids") or []
        return self.env["ai.suggestion"].sudo().browse(ids).exists().sorted(lambda s: -s.confidence)

    def _ai_anomaly_digest_subject(self):
        return self.env.context.get("ai_anomaly_subject") or _("AI anomalies")


class AccountMove(models.Model):
    _inherit = "account.move"

    ai_anomaly_ids = fields.One2many("ai.suggestion", "anomaly_move_id", string="Anomalies",
                                     domain=[("kind", "=", "anomaly"), ("state", "=", sm.PENDING)], groups=READERS)
    ai_anomaly_count = fields.Integer(compute="_compute_ai_anomaly_count", string="Open anomalies", groups=READERS)
    ai_anomaly_summary = fields.Text(compute="_compute_ai_anomaly_count", string="Anomalies found", groups=READERS)

    @api.depends("ai_anomaly_ids")
    def _compute_ai_anomaly_count(self):
        for move in self:
            open_ones = move.ai_anomaly_ids
            move.ai_anomaly_count = len(open_ones)
            move.ai_anomaly_summary = "\n".join(open_ones.mapped("explanation")) or False

    def action_open_ai_anomalies(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Anomalies"),
            "res_model": "ai.suggestion",
            "views": [(self.env.ref("ai_bookkeeping.ai_suggestion_anomaly_view_list").id, "list"),
                      (self.env.ref("ai_bookkeeping.ai_suggestion_anomaly_view_form").id, "form")],
            "domain": [("id", "in", self.ai_anomaly_ids.ids)],
        }
