"""The queue of orders ready to invoice: drafts prepared by Odoo's own ``_create_invoices``, then checked and
proposed as ``customer_invoice`` suggestions (models/customer_invoice_suggestion.py).

An order is ready when Odoo says so (``invoice_status == 'to invoice'``: delivered quantities or ordered ones, per
the product's invoicing policy). The draft it gets counts as invoiced for Odoo, so the order leaves the queue
while its suggestion waits; rejecting the suggestion deletes the draft and the order comes back the next day.
"""

import logging

from odoo import _, api, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)


class SaleOrder(models.Model):
    _inherit = "sale.order"

    @api.model
    def _ai_invoice_queue_domain(self, company):
        return [("company_id", "=", company.id), ("state", "=", "sale"), ("invoice_status", "=", "to invoice")]

    @api.model
    def _cron_ai_propose_invoices(self):
        """Every company's orders ready to invoice, proposed (one suggestion per draft invoice)."""
        # sudo: the cron (OdooBot, its own companies) prepares every company's invoices; people decide on them.
        for company in self.env["res.company"].sudo().search([]):
            orders = self.sudo().with_company(company).search(self._ai_invoice_queue_domain(company))
            if orders:
                orders._ai_propose_invoices()

    def action_ai_propose_invoices(self):
        """The cron's work for the chosen orders: returns a notification saying what was proposed and what not."""
        self.env["ai.suggestion"]._check_can_review()
        ready = self.filtered(lambda o: o.state == "sale" and o.invoice_status == "to invoice")
        suggestions, refused = ready._ai_propose_invoices() if ready else (self.env["ai.suggestion"], {})
        skipped = self - ready
        lines = []
        if suggestions:
            lines.append(_("%(count)s draft invoice(s) prepared and checked, waiting for review.",
                           count=len(suggestions)))
        if skipped:
            lines.append(_("Nothing to invoice on %(orders)s (no confirmed line ready to invoice).",
                           orders=", ".join(skipped.mapped("name"))))
        lines += refused.values()
        return {
            "type": "ir.actions.client", "tag": "display_notification",
            "params": {"type": "success" if suggestions and not (skipped or refused) else "warning",
                       "title": _("Customer invoices"), "message": "\n".join(lines) or _("Nothing to invoice."),
                       "sticky": bool(skipped or refused)},
        }

    def _ai_propose_invoices(self):
        """Prepare the draft invoices of these orders (per company, grouped per customer as Odoo groups them) and
        propose each. Returns (suggestions, {order names: why no draft could be prepared})."""
        suggestions = self.env["ai.suggestion"]
        refused = {}
        for company, orders in self.grouped("company_id").items():
            drafts, failures = orders.with_company(company)._ai_prepare_drafts()
            refused.update(failures)
            if drafts:
                suggestions |= drafts._ai_sale_propose()
        return suggestions, refused

    def _ai_prepare_drafts(self):
        """Odoo's ``_create_invoices`` on all the orders at once (one savepoint); if it refuses, again per group of
        Odoo's grouping keys, so that one customer's problem leaves the others' invoices prepared."""
        moves = self.env["account.move"]
        try:
            with self.env.cr.savepoint():
                return self.with_context(raise_if_nothing_to_invoice=False)._create_invoices(), {}
        except UserError:
            pass
        keys = self._get_invoice_grouping_keys()
        groups = {}
        for order in self:
            groups.setdefault(tuple(order[key] for key in keys), self.browse())
            groups[tuple(order[key] for key in keys)] |= order
        failures = {}
        for orders in groups.values():
            try:
                with self.env.cr.savepoint():
                    moves |= orders.with_context(raise_if_nothing_to_invoice=False)._create_invoices()
            except UserError as exc:
                _logger.info("No invoice prepared for %s: %s", orders.mapped("name"), exc)
                failures[", ".join(orders.mapped("name"))] = _(
                    "%(orders)s: no invoice prepared: %(error)s", orders=", ".join(orders.mapped("name")),
                    error=exc.args[0] if exc.args else exc)
        return moves, failures
