import base64

from odoo import _, fields, models
from odoo.exceptions import UserError

from ..tools import state_machine as sm
from .collection_behaviour import SEGMENTS

STATEMENT_REPORT = "ai_bookkeeping.action_report_collection_statement"


class AiSuggestion(models.Model):
    """The ``collection`` kind: a payment reminder to one customer, naming all its overdue invoices, at the level
    that is due, with a draft message in its language. Approving sends it (e-mail through the partner's chatter
    with the statement attached, a letter as PDF in the chatter, or a phone-call activity) and records the level
    reached on each invoice. A sent reminder cannot be taken back: there is nothing to revert."""

    _inherit = "ai.suggestion"

    kind = fields.Selection(selection_add=[("collection", "Payment reminder")], ondelete={"collection": "cascade"})
    collection_partner_id = fields.Many2one("res.partner", string="Customer", readonly=True, index="btree_not_null")
    collection_level_id = fields.Many2one("ai.collection.level", string="Dunning level", readonly=True)
    collection_channel = fields.Selection(related="collection_level_id.channel", string="Channel")
    collection_segment = fields.Selection(SEGMENTS, string="Payment behaviour", readonly=True)
    collection_tone = fields.Selection(
        [("friendly", "Friendly"), ("firm", "Firm"), ("final", "Final")], string="Tone", readonly=True)
    collection_invoice_ids = fields.Many2many(
        "account.move", "ai_suggestion_collection_move_rel", "suggestion_id", "move_id", string="Invoices",
        readonly=True)
    collection_amount = fields.Monetary(string="Overdue", currency_field="collection_currency_id", readonly=True)
    collection_currency_id = fields.Many2one(related="company_id.currency_id", string="Company currency")
    collection_subject = fields.Char(string="Subject", readonly=True)
    collection_body = fields.Html(string="Message", readonly=True, sanitize=True)
    collection_message_id = fields.Many2one("mail.message", string="Sent message", readonly=True, copy=False)
    collection_activity_id = fields.Many2one("mail.activity", readonly=True, copy=False, ondelete="set null")

    # ------------------------------------------------------------------ the review's own actions

    def _collection_check_pending(self):
        self._check_can_review()
        refused = self.filtered(lambda s: s.kind != "collection" or s.state != sm.PENDING)
        if refused:
            raise UserError(_("%(name)s: only a pending payment reminder can be edited or postponed.",
                              name=refused[0].display_name))

    def action_collection_edit(self, subject, body):
        """The controller's own wording of the reminder, sent instead of the draft."""
        self._collection_check_pending()
        if not (subject or "").strip() or not (body or "").strip():
            raise UserError(_("A payment reminder needs a subject and a message."))
        # sudo: what a suggestion proposes is protected from plain writes; this action is the reviewer's way to
        # correct it, checked above (reviewer, pending) and noted in its chatter.
        self.sudo().write({"collection_subject": subject, "collection_body": body})
        for suggestion in self:
            suggestion.message_post(body=_("Message edited by %(user)s.", user=self.env.user.name),
                                    message_type="notification")
        return True

    def action_collection_postpone(self, until):
        """No reminder to these customers before ``until``: the suggestion is rejected with that reason and the
        daily run proposes again from that date."""
        self._collection_check_pending()
        until = fields.Date.to_date(until)
        if not until or until <= fields.Date.context_today(self):
            raise UserError(_("Postpone to a date after today."))
        for suggestion in self:
            suggestion.collection_partner_id.with_company(suggestion.company_id).sudo().write(
                {"ai_collection_postponed_until": until})  # sudo: a reviewer may not edit partners; one date only
        return self.action_reject(_("Postponed until %(date)s.", date=until))

    # ------------------------------------------------------------------ hooks of the kind

    def _check_applicable_collection(self):
        """Refuse before anything is sent when the customer should no longer be chased (paid meanwhile, a dispute,
        a promise, an opt-out…), with the reason."""
        planner = self.env["ai.collection.planner"]
        today = fields.Date.context_today(self)
        for suggestion in self:
            company = suggestion.company_id
            partner = suggestion.collection_partner_id
            invoices = suggestion.collection_invoice_ids.filtered(
                lambda m: m.state == "posted" and m.payment_state in ("not_paid", "partial"))
            if not invoices:
                raise UserError(_("%(name)s: the invoices were paid or cancelled meanwhile.", name=suggestion.name))
            values = suggestion.proposed_values or {}
            lines = [dict(line, residual_company=abs(move.amount_residual_signed))
                     for line in values.get("invoices", []) for move in invoices if move.id == line["id"]]
            plan = {"invoices": lines, "disputed": invoices.filtered("ai_collection_dispute"),
                    "level": suggestion.collection_level_id, "amount": sum(line["residual_company"] for line in lines)}
            if plan["disputed"]:
                raise UserError(_("%(name)s: %(invoices)s is now disputed.", name=suggestion.name,
                                  invoices=", ".join(plan["disputed"].mapped("name"))))
            context = planner._skip_context(company, partner, today)
            context["pending"] = set()
            skip = planner._skip_reason(partner, plan, company, today, context)
            if skip:
                raise UserError(_("%(name)s is not sent: %(reason)s", name=suggestion.name, reason=skip[1]))

    def _apply_collection(self):
        for suggestion in self:
            # sudo: a reviewer sends reminders without the right to edit contacts (posting on a partner's chatter
            # and attaching to it need it); the user stays the reviewer, so the message is authored by them.
            partner = suggestion.collection_partner_id.sudo()
            level = suggestion.collection_level_id
            attachment = suggestion._collection_statement_attachment()
            message = activity = False
            if level.channel == "email":
                message = partner.message_post(
                    body=suggestion.collection_body, subject=suggestion.collection_subject,
                    partner_ids=partner.ids, attachment_ids=attachment.ids, message_type="comment",
                    subtype_xmlid="mail.mt_comment", email_layout_xmlid="mail.mail_notification_light",
                    # Queued, never sent inside the approval's transaction: Odoo's mail cron delivers them.
                    force_send=False, mail_auto_delete=False)
            elif level.channel == "letter":
                message = partner.message_post(
                    body=_("Letter to print and send (%(level)s):", level=level.name) + suggestion.collection_body,
                    subject=suggestion.collection_subject, attachment_ids=attachment.ids,
                    message_type="comment", subtype_xmlid="mail.mt_note")
            else:
                activity = partner.activity_schedule(
                    "mail.mail_activity_data_call", date_deadline=fields.Date.context_today(self),
                    summary=suggestion.collection_subject, note=suggestion.collection_body,
                    user_id=self.env.uid)
            suggestion._collection_record_levels()
            # sudo: the outcome's links are the add-on's own read-only fields, written once by this hook.
            suggestion.sudo().write({"collection_message_id": message.id if message else False,
                                     "collection_activity_id": activity.id if activity else False})
            suggestion.write({"state": sm.APPLIED, "applied_at": fields.Datetime.now()})

    def _collection_record_levels(self):
        today = fields.Date.context_today(self)
        by_level = {}
        for line in (self.proposed_values or {}).get("invoices", []):
            by_level.setdefault(line.get("level_id") or False, []).append(line["id"])
        for level_id, ids in by_level.items():
            invoices = self.env["account.move"].browse(ids).exists()
            vals = {"ai_collection_reminded_on": today}
            if level_id:
                vals["ai_collection_level_id"] = level_id
            invoices.write(vals)
            note = self.env._("Payment reminder sent: %(level)s (%(link)s).", level=self.collection_level_id.name,
                              link=self.name)
            invoices._message_log_batch(bodies=dict.fromkeys(invoices.ids, note))

    def _collection_statement_attachment(self):
        """The customer's statement of open items, rendered by Odoo's report engine: a PDF when wkhtmltopdf is
        installed (and outside tests), its HTML rendering otherwise."""
        self.ensure_one()
        reports = self.env["ir.actions.report"].with_company(self.company_id)
        partner = self.collection_partner_id
        if reports.get_wkhtmltopdf_state() in ("ok", "upgrade") or self.env.context.get("force_report_rendering"):
            content, kind = reports._render_qweb_pdf(STATEMENT_REPORT, partner.ids)
        else:
            content, kind = reports._render_qweb_html(STATEMENT_REPORT, partner.ids)
        extension = "pdf" if kind == "pdf" else "html"
        if isinstance(content, str):
            content = content.encode()
        # sudo: attached to the partner, which a reviewer may not edit (see _apply_collection).
        return self.env["ir.attachment"].sudo().create({
            "name": _("Statement %(partner)s %(date)s.%(ext)s", partner=partner.name,
                      date=fields.Date.context_today(self), ext=extension),
            "datas": base64.b64encode(content),
            "res_model": "res.partner",
            "res_id": partner.id,
            "mimetype": "application/pdf" if extension == "pdf" else "text/html",
        })

    def _ai_rule_facts_collection(self):
        """A reminder's amount is what it chases; it books nothing, so no account types."""
        return {suggestion.id: {"amount": suggestion.collection_amount, "account_types": [],
                                "journal_id": (suggestion.proposed_values or {}).get("journal_id")}
                for suggestion in self}
