"""Customer invoices from sales orders: what approving, rejecting and reverting a ``customer_invoice`` suggestion
does.

Approving posts the draft Odoo prepared and sends it through Odoo's own send flow: one invoice with the send
wizard (``account.move.send.wizard``, at once), several approved together with the batch send wizard
(``account.move.send.batch.wizard``: Odoo's sending cron renders and mails them in the background) — also when
they are approved one by one after a batch was refused: each is checked as the batch send checks it and posted in
its own savepoint, and those approved are handed to one batch send at the end. Rejecting
deletes the draft, so the orders are ready to invoice again and come back in the next run. Reverting gives a posted
invoice its credit note (Odoo's reversal, reconciled with it) and deletes an invoice reset to draft meanwhile.
"""

from markupsafe import Markup

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ai_bookkeeping.models.ai_suggestion_scope import in_automatic_scope
from odoo.addons.ai_bookkeeping.tools import state_machine as sm

# Context key: the batch send wizard computes its alerts without rendering each invoice's mail (see below).
ALERTS_WITHOUT_MAIL_TEXT = "ai_sale_alerts_without_mail_text"
# Context key: approving one by one (_ai_each_in_savepoint), the invoice is checked for sending but sent later.
SEND_LATER = "ai_sale_send_later"


class AiSuggestion(models.Model):
    _inherit = "ai.suggestion"

    customer_invoice_refund_id = fields.Many2one(
        "account.move", string="Credit note", readonly=True, copy=False, index="btree_not_null",
        help="The credit note that reverted the customer invoice this suggestion posted.")

    def _ai_customer_invoice_moves(self):
        return self.env["account.move"].browse(
            [record.res_id for record in self if record.res_model == "account.move" and record.res_id]).exists()

    def _ai_customer_invoice_move(self):
        self.ensure_one()
        return self._ai_customer_invoice_moves()[:1]

    def _ai_customer_invoice_findings(self):
        values = self.proposed_values if isinstance(self.proposed_values, dict) else {}
        return values.get("findings") or []

    # ------------------------------------------------------------------ the kind's hooks

    def _check_applicable_customer_invoice(self):
        sender = self.env["account.move.send"]
        moves = {move.id: move for move in self._ai_customer_invoice_moves()}
        for record in self:
            move = moves.get(record.res_id) if record.res_model == "account.move" else None
            if not move:
                raise UserError(_("%(name)s: its draft invoice was deleted.", name=record.display_name))
            if move.state == "cancel":
                raise UserError(_("%(name)s: the invoice %(invoice)s is cancelled.", name=record.display_name,
                                  invoice=move.display_name))
            products = move.invoice_line_ids.filtered(lambda line: line.display_type == "product")
            if move.state == "draft" and not products:
                raise UserError(_("%(name)s: the invoice %(invoice)s has no line to post; add the lines or reject "
                                  "it.", name=record.display_name, invoice=move.display_name))
            if sender._get_default_sending_method(move) == "email" and not move.partner_id.email:
                raise UserError(_(
                    "%(name)s: %(customer)s has no e-mail address, so the invoice cannot be sent. Add the address "
                    "on the customer (or choose another sending method), then approve again. Nothing was posted.",
                    name=record.display_name, customer=move.partner_id.display_name))
            if in_automatic_scope() and record._ai_customer_invoice_findings():
                raise UserError(record._ai_customer_invoice_findings()[0]["message"])

    def _apply_customer_invoice(self):
        moves = self._ai_customer_invoice_moves()
        drafts = moves.filtered(lambda m: m.state == "draft")
        # Odoo's _post dates each undated customer invoice today, one write per invoice (each re-synchronising its
        # lines); the same value, with the same context, in one write for all of them.
        undated = drafts.filtered(lambda m: not m.invoice_date).with_context(skip_is_manually_modified=True)
        if undated:
            undated.write({"invoice_date": fields.Date.context_today(undated)})
        drafts.action_post()
        to_send = moves.filtered(lambda m: m.state == "posted" and not m.is_move_sent)
        if self.env.context.get(SEND_LATER):
            # What the batch send would refuse is refused now, in this approval's savepoint: nothing posted is
            # left unsent (_ai_each_in_savepoint sends the approved ones together).
            self._ai_batch_send_wizard(to_send, check_only=True)
        elif len(to_send) == 1:
            wizard = self.env["account.move.send.wizard"].with_context(
                active_model="account.move", active_ids=to_send.ids).create({})
            wizard.action_send_and_print()
        elif to_send:
            self._ai_batch_send_wizard(to_send)
        self.write({"state": sm.APPLIED, "applied_at": fields.Datetime.now()})

    def _ai_batch_send_wizard(self, moves, check_only=False):
        """Odoo's batch send of ``moves`` (its sending cron renders and mails them); ``check_only``: raise what it
        would refuse (its blocking alerts, its constraints) and send nothing."""
        Wizard = self.env["account.move.send.batch.wizard"].with_context(**{ALERTS_WITHOUT_MAIL_TEXT: True})
        if check_only:
            if moves:
                wizard = Wizard.new({"move_ids": [Command.set(moves.ids)]})
                wizard._check_move_constrains(moves)
                wizard._raise_danger_alerts(wizard.alerts or {})
            return
        Wizard.create({"move_ids": [Command.set(moves.ids)]}).action_send_and_print()

    def _ai_each_in_savepoint(self, method, *args, **kwargs):
        """Customer invoices approved one by one (after a batch was refused, in bulk approval or automation):
        each is checked for sending and posted in its own savepoint, then those approved are sent together with one
        batch send, not each with its own render, PDF and mail. Their checks were the batch send's, made invoice by
        invoice; together they raise nothing more (its blocking alerts are per invoice), so nothing approved is left
        unsent — and if Odoo refused anyway, the error would roll back the whole request."""
        invoices = self.filtered(lambda s: s.kind == "customer_invoice")
        if method != "action_approve" or not invoices:
            return super()._ai_each_in_savepoint(method, *args, **kwargs)
        outcomes = super(AiSuggestion, self.with_context(**{SEND_LATER: True}))._ai_each_in_savepoint(
            method, *args, **kwargs)
        approved = invoices.filtered(lambda s: s.state == sm.APPLIED)
        moves = approved._ai_customer_invoice_moves().filtered(
            lambda m: m.state == "posted" and not m.is_move_sent and not m.sending_data)
        if moves:
            self._ai_batch_send_wizard(moves)
        return outcomes

    def _on_rejected_customer_invoice(self):
        moves = self._ai_customer_invoice_moves().filtered(lambda m: m.state == "draft")
        orders = moves.line_ids.sale_line_ids.order_id
        if orders:
            body = Markup(_("AI suggestion %(link)s was rejected by %(user)s: its draft invoice was deleted; the "
                            "order is ready to invoice again.")) % {
                "link": self[:1]._get_html_link() if len(self) == 1 else "", "user": self.env.user.name}
            # sudo: a reviewer may decide without being allowed to post on every order.
            orders.sudo()._message_log_batch(bodies={order.id: body for order in orders})
        # sudo: the reviewer rejects the draft the AI prepared; deleting that draft follows from the decision.
        moves.sudo().unlink()

    def _revert_customer_invoice(self):
        for record in self:
            move = record._ai_customer_invoice_move()
            if not move:
                continue
            if move.state == "draft":
                move.unlink()
            elif move.state == "posted":
                if move.payment_state not in ("not_paid", "reversed"):
                    raise UserError(_(
                        "%(invoice)s has payments: unreconcile them first, or issue the credit note from the "
                        "invoice.", invoice=move.display_name))
                refund = move._reverse_moves([{
                    "ref": _("Reversal of %(invoice)s (AI suggestion reverted)", invoice=move.name),
                    "date": fields.Date.context_today(self),
                    "invoice_date": fields.Date.context_today(self),
                }], cancel=True)
                record.customer_invoice_refund_id = refund

    def _ai_generated_moves_customer_invoice(self):
        return self._ai_customer_invoice_moves() | self.customer_invoice_refund_id

    def _ai_rule_facts_customer_invoice(self):
        facts = {}
        for record in self:
            move = record._ai_customer_invoice_move()
            values = record.proposed_values if isinstance(record.proposed_values, dict) else {}
            facts[record.id] = {
                "amount": abs(move.amount_total_signed) if move else abs(values.get("amount") or 0.0),
                "journal_id": move.journal_id.id if move else values.get("journal_id"),
                "partner_new": False, "confidence": record.confidence,
                "account_types": sorted(set(move.invoice_line_ids.account_id.mapped("account_type"))),
            }
        return facts

    # ------------------------------------------------------------------ bulk approval

    def action_ai_approve_customer_invoices(self):
        """Approve these customer invoices together: posted at once and sent with Odoo's batch send. When one of
        them is refused, the others are approved one by one (each in its own savepoint) and the refusals reported.
        Returns one outcome per suggestion ({id, ok, state, error})."""
        invoices = self.filtered(lambda s: s.kind == "customer_invoice")
        if invoices != self:
            raise UserError(_("Only customer invoice suggestions can be approved and sent together."))
        try:
            with self.env.cr.savepoint():
                invoices.action_approve()
            return [{"id": record.id, "ok": True, "state": record.state, "error": None} for record in invoices]
        except (UserError, ValidationError):
            invoices.invalidate_recordset()
        return invoices._ai_each_in_savepoint("action_approve")


class AccountMoveSendBatchWizard(models.TransientModel):
    """Odoo's batch send, as bulk approval uses it. Its alerts (the checks before sending: missing e-mail, Peppol
    and e-invoice configuration...) are computed from each invoice's sending settings, which include the invoice's
    mail body and subject rendered from the mail template (a QWeb compilation per invoice). No alert reads them,
    and the batch send itself does not keep them: Odoo's sending cron renders each mail again when it sends. With
    ALERTS_WITHOUT_MAIL_TEXT in the context they are left empty; every other setting and every alert is Odoo's."""

    _inherit = "account.move.send.batch.wizard"

    @api.model
    def _get_default_mail_body(self, move, mail_template, mail_lang):
        if self.env.context.get(ALERTS_WITHOUT_MAIL_TEXT):
            return None
        return super()._get_default_mail_body(move, mail_template, mail_lang)

    @api.model
    def _get_default_mail_subject(self, move, mail_template, mail_lang):
        if self.env.context.get(ALERTS_WITHOUT_MAIL_TEXT):
            return None
        return super()._get_default_mail_subject(move, mail_template, mail_lang)
