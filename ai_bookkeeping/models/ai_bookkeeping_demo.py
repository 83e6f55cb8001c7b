import logging

from odoo import Command, api, fields, models

_logger = logging.getLogger(__name__)


class AiBookkeepingDemo(models.AbstractModel):
    """Demo data (demo databases only): open invoices and bills, bank lines printed the way banks print them."""

    _name = "ai.bookkeeping.demo"
    _description = "AI Bookkeeping demo data"

    @api.model
    def _create_demo_data(self):
        company = self.env.company
        journal = self.env["account.journal"].search(
            [("type", "=", "bank"), *self.env["account.journal"]._check_company_domain(company)], limit=1)
        income = self.env["account.account"].search(
            [("account_type", "=", "income"), *self.env["account.account"]._check_company_domain(company)], limit=1)
        expense = self.env["account.account"].search(
            [("account_type", "=", "expense"), *self.env["account.account"]._check_company_domain(company)], limit=1)
        if not (journal and income and expense):
            _logger.info("AI Bookkeeping demo: no bank journal or chart of accounts, nothing created")
            return
        if not company.ai_bank_fee_account_id:
            company.ai_bank_fee_account_id = self.env["account.account"].search(
                [("account_type", "=", "expense"), ("name", "ilike", "bank fee"),
                 *self.env["account.account"]._check_company_domain(company)], limit=1) or expense
        Partner = self.env["res.partner"]
        partners = [
            Partner.create({"name": name, "is_company": True})
            for name in ("Müller Maschinenbau GmbH", "Azure Interior SARL", "Deco Addict Ltd", "Gemini Furniture BV")
        ]
        today = fields.Date.context_today(self)

        def invoice(partner, amount, move_type="out_invoice", ref=None):
            move = self.env["account.move"].create({
                "move_type": move_type,
                "partner_id": partner.id,
                "invoice_date": fields.Date.subtract(today, days=20),
                "ref": ref,
                "invoice_line_ids": [Command.create({
                    "name": "Services", "quantity": 1, "price_unit": amount,
                    "account_id": (income if move_type == "out_invoice" else expense).id, "tax_ids": [],
                })],
            })
            move.action_post()
            return move

        inv1 = invoice(partners[0], 1250.0)
        inv2 = invoice(partners[1], 480.0)
        inv3 = invoice(partners[1], 720.0)
        inv4 = invoice(partners[2], 2000.0)
        bill = invoice(partners[3], 935.40, "in_invoice", ref="GF-2026-0193")
        invoice(partners[2], 310.0)
        lines = [
            (1250.0, "SEPA-GUTSCHRIFT MUELLER MASCHINENBAU EREF+%s" % inv1.name.replace("/", " "), partners[0]),
            (1200.0, "/REMI/USTD//%s %s/ AZURE INTERIOR" % (inv2.name, inv3.name), False),
            (1992.5, "DECO ADDICT LTD PAYMENT %s" % inv4.name, False),
            (-935.40, "SEPA TRANSFER GEMINI FURNITURE GF-2026-0193", False),
            (-49.99, "CARD 4411 AMAZON WEB SERVICES LUX", False),
        ]
        st_lines = self.env["account.bank.statement.line"].create([
            {"journal_id": journal.id, "date": today, "amount": amount, "payment_ref": label,
             "partner_id": partner and partner.id}
            for amount, label, partner in lines
        ])
        # The lines are queued; their suggestions are asked for by the install hook (_suggest_demo_lines), which runs
        # after the demo data and after the endpoint secret exists.
        _logger.info("AI Bookkeeping demo: %d bank lines, %s", len(st_lines), bill.name)

    @api.model
    def _suggest_demo_lines(self):
        """Ask for the queued lines' suggestions now, so that an admin who installs with demo data sees them at once
        instead of after the first cron run. Without a reachable endpoint the lines stay queued, in error, with the
        reason and the next try."""
        queue = self.env["ai.reconciliation.queue"].sudo()  # sudo: the install hook processes the demo queue
        queue.search([])._process()
