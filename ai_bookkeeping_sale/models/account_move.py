"""The checks on a draft customer invoice prepared from sales orders, and its suggestion.

The rules are pure functions (tools/sale_invoice_checks.py); this file gathers their facts from the books in a
few queries per batch of drafts (the product's history, the invoices already sent) and turns their findings into
translated sentences.
"""

from collections import defaultdict

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.tools import SQL
from odoo.tools.translate import get_translation

from ..tools import sale_invoice_checks as checks

ENGINE = "sale_invoice_checks"
ENGINE_VERSION = "1"
MODULE = "ai_bookkeeping_sale"
HISTORY_PER_PRODUCT = 30
HISTORY_PER_CUSTOMER = 10
# The invoices already sent to a customer that a draft is compared with (duplicates): the latest ones.
SENT_PER_CUSTOMER = 50
# A draft edited while its suggestion waits is checked again when one of these changes (on the invoice, on a line).
RECHECK_MOVE_FIELDS = frozenset({
    "invoice_line_ids", "line_ids", "partner_id", "partner_shipping_id", "fiscal_position_id", "currency_id",
    "invoice_date", "journal_id"})
RECHECK_LINE_FIELDS = frozenset({
    "product_id", "quantity", "price_unit", "discount", "tax_ids", "account_id", "product_uom_id", "display_type",
    "sale_line_ids"})
# Set while an invoice write runs: its lines' own writes leave the recheck to it (one recheck per edit).
RECHECK_DEFERRED = "ai_sale_recheck_deferred"


class AccountMove(models.Model):
    _inherit = "account.move"

    # ------------------------------------------------------------------ checked again when edited

    @api.model_create_multi
    def create(self, vals_list):
        # A new invoice has no suggestion yet: its lines need no recheck while it is created.
        if self.env.context.get(RECHECK_DEFERRED):
            return super().create(vals_list)
        return super(AccountMove, self.with_context(**{RECHECK_DEFERRED: True})).create(vals_list).with_env(self.env)

    def write(self, vals):
        if self.env.context.get(RECHECK_DEFERRED) or not RECHECK_MOVE_FIELDS & set(vals):
            return super().write(vals)
        result = super(AccountMove, self.with_context(**{RECHECK_DEFERRED: True})).write(vals)
        self._ai_sale_recheck()
        return result

    def _ai_sale_pending_suggestions(self):
        """{draft customer invoice: its pending ``customer_invoice`` suggestion}, for these moves."""
        drafts = self.filtered(lambda m: m.state == "draft" and m.move_type == "out_invoice")
        if not drafts:
            return {}
        # sudo: whoever edits the draft, the engine keeps its suggestion current (see _ai_sale_recheck).
        suggestions = self.env["ai.suggestion"].sudo().search([
            ("kind", "=", "customer_invoice"), ("state", "=", "pending"), ("res_model", "=", "account.move"),
            ("res_id", "in", drafts.ids)])
        by_id = {suggestion.res_id: suggestion for suggestion in suggestions}
        return {move: by_id[move.id] for move in drafts if move.id in by_id}

    def _ai_sale_recheck(self):
        """Run the checks again on these drafts whose suggestion waits for review (a person changed a price, a
        tax, a line, the customer...): the suggestion's findings, reason, confidence and name follow the draft as it
        is now, and a note on the suggestion says so when they changed. Decided suggestions keep what was decided."""
        pending = self._ai_sale_pending_suggestions()
        if not pending:
            return
        user = self.env.user.name
        # sudo: what a suggestion proposes is written by the engine alone (ai.suggestion.mixin), not by the person
        # who edited the draft; the checks read the books as the engine does when it proposes.
        moves = self.browse([move.id for move in pending]).sudo()
        for company, company_moves in moves.grouped("company_id").items():
            company_moves = company_moves.with_company(company)
            findings = company_moves._ai_sale_findings()
            for move in company_moves:
                suggestion = pending[move]
                vals = move._ai_sale_suggestion_vals(findings[move.id])
                update = {key: vals[key] for key in ("name", "confidence", "explanation", "reasons",
                                                     "proposed_values")}
                if update == {key: suggestion[key] for key in update}:
                    continue
                changed = suggestion._ai_customer_invoice_findings() != findings[move.id]
                suggestion.write(update)
                if changed:
                    suggestion._message_log(body=Markup("%s<br/>%s") % (
                        self.env._("Checks run again after %(user)s edited the draft %(invoice)s.", user=user,
                          invoice=move.display_name),
                        update["explanation"]))

    # ------------------------------------------------------------------ proposing

    def _ai_sale_propose(self):
        """One ``customer_invoice`` suggestion per draft, with its findings. Returns the suggestions."""
        findings = self._ai_sale_findings()
        vals_list = [move._ai_sale_suggestion_vals(findings[move.id]) for move in self]
        # sudo: what a suggestion proposes is written by the engine alone (ai.suggestion.mixin), not by its caller.
        return self.env["ai.suggestion"].sudo().create(vals_list).sudo(False)

    def _ai_sale_suggestion_vals(self, findings):
        self.ensure_one()
        orders = self.line_ids.sale_line_ids.order_id
        customer = self.partner_id.commercial_partner_id
        reasons = [_("prepared by Odoo from %(orders)s", orders=", ".join(orders.mapped("name")) or "-")]
        reasons += [f["message"] for f in findings]
        explanation = "; ".join(reasons) if findings else _(
            "%(orders)s ready to invoice; the draft passed every check (accounts, taxes, fiscal position, prices, "
            "quantities delivered, VAT and e-invoicing, duplicates).", orders=", ".join(orders.mapped("name")))
        return {
            "name": _("Invoice %(customer)s for %(orders)s", customer=customer.display_name,
                      orders=", ".join(orders.mapped("name"))),
            "kind": "customer_invoice", "res_model": "account.move", "res_id": self.id,
            "company_id": self.company_id.id, "confidence": checks.confidence(findings),
            "explanation": explanation, "reasons": reasons,
            "engine_name": ENGINE, "engine_version": ENGINE_VERSION,
            "proposed_values": {
                "amount": abs(self.amount_total_signed), "amount_currency": self.amount_total,
                "currency": self.currency_id.name, "journal_id": self.journal_id.id, "move_id": self.id,
                "partner_id": customer.id, "partner_name": customer.display_name,
                "order_ids": orders.ids, "order_names": orders.mapped("name"), "findings": findings,
            },
        }

    # ------------------------------------------------------------------ checks

    def _ai_sale_translate(self, found):
        lang = self.env.lang or "en_US"
        return [{"code": f["code"], "severity": f["severity"],
                 "message": get_translation(MODULE, lang, f["source"], f["params"])}
                for f in found]

    def _ai_sale_findings(self):
        """{move id: [{code, severity, message}]} for these draft invoices (one company)."""
        today = fields.Date.context_today(self)
        history = self._ai_sale_history()
        sent = self._ai_sale_sent_signatures()
        mandates = checks.load_mandates()
        partners = self.env["res.partner"]
        peppol_formats = partners._get_peppol_formats() if hasattr(partners, "_get_peppol_formats") else []
        result = {}
        for move in self:
            company = move.company_id
            customer = move.partner_id.commercial_partner_id
            found = []
            position = move.fiscal_position_id
            expected_position = self.env["account.fiscal.position"].with_company(company)._get_fiscal_position(
                move.partner_id, delivery=move.partner_shipping_id or move.partner_id)
            found += checks.check_fiscal_position(position.display_name or "", expected_position.display_name or "",
                                                  customer.display_name)
            signature_lines = []
            for line in move.invoice_line_ids.filtered(lambda line: line.display_type == "product"):
                found += move._ai_sale_line_findings(line, history)
                signature_lines.append({"product_id": line.product_id.id, "quantity": line.quantity,
                                        "price": line.price_unit * (1 - (line.discount or 0.0) / 100.0)})
            for order in move.line_ids.sale_line_ids.order_id:
                found += checks.check_late(order.name, move._ai_sale_ready_date(order), today,
                                           company.ai_sale_late_days)
            found += checks.check_vat(customer.display_name, customer.is_company, customer.vat,
                                      position.vat_required)
            found += checks.check_einvoice(
                customer.display_name, is_company=customer.is_company, has_vat=bool(customer.vat),
                seller_country=company.country_id.code, customer_country=customer.country_id.code,
                edi_format=customer.invoice_edi_format or False,
                peppol_endpoint=customer["peppol_endpoint"] if "peppol_endpoint" in customer._fields else False,
                peppol_eas=customer["peppol_eas"] if "peppol_eas" in customer._fields else False,
                peppol_formats=peppol_formats, date=move.invoice_date or today, mandates=mandates)
            found += checks.check_duplicate(move.amount_total, checks.line_signature(signature_lines),
                                            sent.get((customer.id, move.currency_id.id), []),
                                            move.currency_id.rounding)
            result[move.id] = self._ai_sale_translate(found)
        return result

    def _ai_sale_line_findings(self, line, history):
        found = []
        product = line.product_id
        if not product:
            return found
        name = product.display_name
        account = line.account_id.display_name
        taxes = self._ai_sale_taxes_label(line.tax_ids)
        customer_id = self.partner_id.commercial_partner_id.id
        own = history.get((product.id, customer_id)) or []
        rows, history_of = (own, _("this customer")) if len(own) >= checks.HISTORY_MIN_COUNT else (
            history.get((product.id, None)) or [], _("all customers"))
        found += checks.check_coding(name, account, taxes, [r[0] for r in rows], [r[1] for r in rows], history_of)
        position = self.fiscal_position_id
        company_taxes = product.taxes_id.filtered(lambda t: t.company_id in self.company_id.parent_ids)
        expected_taxes = position.map_tax(company_taxes) if position else company_taxes
        income = product.product_tmpl_id.with_company(self.company_id).get_product_accounts(
            fiscal_pos=position)["income"] or self.journal_id.default_account_id
        found += checks.check_mapped_coding(name, account, taxes, income.display_name,
                                            self._ai_sale_taxes_label(expected_taxes), position.display_name or "")
        for sale_line in line.sale_line_ids:
            found += self._ai_sale_order_line_findings(line, sale_line)
        return found

    def _ai_sale_order_line_findings(self, line, sale_line):
        found = []
        name = line.product_id.display_name
        if sale_line.is_downpayment or sale_line.display_type or sale_line.is_expense \
                or sale_line.product_type == "combo" or sale_line.combo_item_id:
            return found
        sale_line = sale_line.with_company(sale_line.company_id)
        quantity = line.product_uom_id._compute_quantity(line.quantity, sale_line.product_uom) \
            if line.product_uom_id and sale_line.product_uom else line.quantity
        found += checks.check_over_invoiced(name, sale_line.product_id.invoice_policy, sale_line.qty_delivered,
                                            sale_line.qty_invoiced - quantity, quantity)
        pricelist_price = sale_line._get_pricelist_price()
        expected = sale_line.product_id._get_tax_included_unit_price_from_price(
            pricelist_price,
            product_taxes=sale_line.product_id.taxes_id.filtered(lambda t: t.company_id == sale_line.env.company),
            fiscal_position=sale_line.order_id.fiscal_position_id)
        found += checks.check_price(name, line.price_unit, line.discount, expected, self.currency_id.rounding,
                                    self.currency_id.name)
        return found

    @staticmethod
    def _ai_sale_taxes_label(taxes):
        return ", ".join(taxes.sorted("id").mapped("name"))

    @staticmethod
    def _ai_sale_ready_date(order):
        """When the order became ready to invoice: its delivery (sale_stock's effective date) when known, else
        the promised date, else the confirmation."""
        moment = (order["effective_date"] if "effective_date" in order._fields else False) \
            or order.commitment_date or order.date_order
        return fields.Date.to_date(moment) if moment else None

    def _ai_sale_history(self):
        """{(product id, customer id): [(account label, taxes label)]} of the latest posted customer invoice lines
        of the drafts' products for each customer, and {(product id, None): [...]} for all customers."""
        products = self.invoice_line_ids.product_id
        if not products:
            return {}
        self.env["account.move.line"].flush_model(["product_id", "partner_id", "account_id", "tax_ids", "move_id",
                                                  "display_type", "company_id", "date", "parent_state"])
        self.env["account.move"].flush_model(["move_type"])
        rows = self.env.execute_query(SQL(
            """
            SELECT product_id, partner_id, account_id, taxes, by_product, by_customer FROM (
                SELECT l.product_id, l.partner_id, l.account_id,
                       ARRAY(SELECT r.account_tax_id FROM account_move_line_account_tax_rel r
                              WHERE r.account_move_line_id = l.id ORDER BY r.account_tax_id) AS taxes,
                       ROW_NUMBER() OVER (PARTITION BY l.product_id ORDER BY l.date DESC, l.id DESC) AS by_product,
                       ROW_NUMBER() OVER (PARTITION BY l.product_id, l.partner_id
                                          ORDER BY l.date DESC, l.id DESC) AS by_customer
                  FROM account_move_line l
                  JOIN account_move m ON m.id = l.move_id
                 WHERE l.parent_state = 'posted' AND m.move_type = 'out_invoice' AND l.display_type = 'product'
                   AND l.company_id = ANY(%s) AND l.product_id = ANY(%s)
            ) h WHERE by_product <= %s OR by_customer <= %s
            """,
            self.company_id.ids, products.ids, HISTORY_PER_PRODUCT, HISTORY_PER_CUSTOMER))
        accounts = self.env["account.account"].browse({row[2] for row in rows})
        taxes = self.env["account.tax"].browse({tax for row in rows for tax in row[3]})
        account_label = {a.id: a.display_name for a in accounts}
        tax_name = {t.id: t.name for t in taxes}
        history = defaultdict(list)
        for product_id, partner_id, account_id, tax_ids, by_product, by_customer in rows:
            value = (account_label.get(account_id, ""), ", ".join(tax_name[t] for t in tax_ids))
            if by_product <= HISTORY_PER_PRODUCT:
                history[(product_id, None)].append(value)
            if by_customer <= HISTORY_PER_CUSTOMER:
                history[(product_id, partner_id)].append(value)
        return history

    def _ai_sale_sent_signatures(self):
        """{(customer id, currency id): [{name, amount, signature, sent}]} of the drafts' customers' latest posted
        invoices: sent, or posted and about to be (both are what the customer holds or will)."""
        customers = self.partner_id.commercial_partner_id
        if not customers:
            return {}
        sent = self.search([
            ("company_id", "in", self.company_id.ids), ("move_type", "=", "out_invoice"), ("state", "=", "posted"),
            ("commercial_partner_id", "in", customers.ids), ("id", "not in", self.ids),
        ], order="invoice_date desc, id desc", limit=SENT_PER_CUSTOMER * len(customers))
        result = defaultdict(list)
        for invoice in sent:
            result[(invoice.commercial_partner_id.id, invoice.currency_id.id)].append({
                "name": invoice.name, "amount": invoice.amount_total, "sent": invoice.is_move_sent,
                "signature": checks.line_signature([
                    {"product_id": line.product_id.id, "quantity": line.quantity,
                     "price": line.price_unit * (1 - (line.discount or 0.0) / 100.0)}
                    for line in invoice.invoice_line_ids if line.display_type == "product"]),
            })
        return result


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    @api.model_create_multi
    def create(self, vals_list):
        if self.env.context.get(RECHECK_DEFERRED):
            return super().create(vals_list)
        lines = super(AccountMoveLine, self.with_context(**{RECHECK_DEFERRED: True})).create(vals_list)
        lines.move_id.with_env(self.env)._ai_sale_recheck()
        return lines.with_env(self.env)

    def write(self, vals):
        if self.env.context.get(RECHECK_DEFERRED) or not RECHECK_LINE_FIELDS & set(vals):
            return super().write(vals)
        result = super(AccountMoveLine, self.with_context(**{RECHECK_DEFERRED: True})).write(vals)
        self.move_id._ai_sale_recheck()
        return result

    def unlink(self):
        # dynamic_unlink: the invoice itself is being deleted (account.move.unlink) or synchronised.
        if self.env.context.get(RECHECK_DEFERRED) or self.env.context.get("dynamic_unlink"):
            return super().unlink()
        moves = self.move_id
        result = super(AccountMoveLine, self.with_context(**{RECHECK_DEFERRED: True})).unlink()
        moves.exists()._ai_sale_recheck()
        return result
