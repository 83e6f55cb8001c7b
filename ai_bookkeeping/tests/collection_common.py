from datetime import timedelta

from odoo import Command, fields
from odoo.tests import new_test_user

from .common import AiBookkeepingCase, start_bundled_endpoint


class CollectionCase(AiBookkeepingCase):
    """Customers with open and paid invoices, the default dunning levels, and the real bundled endpoint
    (endpoint/ai_endpoint.mjs) on a free port. "Today" is the frozen 2026-03-01 of tests/common.py."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        start_bundled_endpoint(cls, "c" * 48)
        cls.today = fields.Date.to_date("2026-03-01")
        cls.company = cls.env.company
        cls.term_30 = cls.env.ref("account.account_payment_term_30days")
        cls.income = cls.company_data["default_account_revenue"]
        cls.sale_journal = cls.company_data["default_journal_sale"]
        cls.controller = new_test_user(
            cls.env, login="ai_credit_controller", email="controller@example.com",
            groups="ai_bookkeeping.ai_bookkeeping_group_reviewer,account.group_account_invoice,base.group_user",
            company_id=cls.company.id, company_ids=[Command.set(cls.company.ids)])

    @classmethod
    def customer(cls, name, **values):
        return cls.env["res.partner"].create({"name": name, "email": "%s@example.com" % name.lower().replace(" ", "."),
                                              **values})

    @classmethod
    def invoices(cls, specs, company=None, post=True):
        """Customer invoices, one per (partner, amount, due date) of ``specs``, 30-day terms (invoice date = due −
        30), created and posted in one batch."""
        company = company or cls.env.company
        journal = cls.env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "=", "sale")], limit=1)
        moves = cls.env["account.move"].with_company(company).create([{
            "move_type": "out_invoice",
            "partner_id": partner.id,
            "journal_id": journal.id,
            "invoice_date": fields.Date.to_date(due) - timedelta(days=30),
            "invoice_payment_term_id": cls.term_30.id,
            "invoice_line_ids": [Command.create({"name": "Services", "quantity": 1, "price_unit": amount,
                                                 "tax_ids": [Command.clear()]})],
        } for partner, amount, due in specs])
        if post:
            moves.action_post()
        return moves

    @classmethod
    def pay(cls, invoices, date, amount=None):
        """Register a payment of ``invoices`` on ``date`` (Odoo's own payment wizard)."""
        values = {"payment_date": date}
        if amount is not None:
            values["amount"] = amount
        return cls.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoices.ids).create(values)._create_payments()

    @classmethod
    def paid_history(cls, partner, days_late):
        """Invoices of ``partner`` due on the 5th of the months before today, each paid ``days_late[i]`` late."""
        specs = []
        for i, _late in enumerate(days_late):
            due = fields.Date.to_date("2025-%02d-05" % (i % 11 + 1))
            specs.append((partner, 100.0 + i, due))
        moves = cls.invoices(specs)
        for move, late in zip(moves, days_late, strict=True):
            cls.pay(move, move.invoice_date_due + timedelta(days=late))
        return moves

    def run_collections(self, today=None):
        return self.env["ai.collection.planner"]._propose_company(self.company, today=today or self.today)

    @staticmethod
    def of(result, partners):
        """The suggestions and skips of a run for ``partners`` only (demo data may add others)."""
        return (result["suggestions"].filtered(lambda s: s.collection_partner_id in partners),
                result["skips"].filtered(lambda s: s.partner_id in partners))
