"""Generated books for the period close tests: vendors with a monthly billing rhythm, and the things a close must
find (drafts, unreconciled bank lines, a payment not matched, a numbering gap, a missing recurring bill)."""

import re

from odoo import Command, fields
from odoo.tests import new_test_user

from .common import AiBookkeepingCase

JANUARY = ("2026-01-01", "2026-01-31")
FEBRUARY = ("2026-02-01", "2026-02-28")
# Vendor A bills every month October–January and not in February: its February bill is missing. The median of its
# amounts (100, 120, 110, 110) is the accrual the close must propose.
VENDOR_A_BILLS = [("2025-10-15", 100.0), ("2025-11-15", 120.0), ("2025-12-15", 110.0), ("2026-01-15", 110.0)]
VENDOR_A_MEDIAN = 110.0
# Vendor B bills every month, February included: never missing.
VENDOR_B_BILLS = [("2025-10-20", 40.0), ("2025-11-20", 40.0), ("2025-12-20", 45.0), ("2026-01-20", 40.0),
                  ("2026-02-20", 40.0)]


class PeriodCloseCase(AiBookkeepingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        cls.vendor_a = cls.env["res.partner"].create({"name": "Monthly Hosting Ltd"})
        cls.vendor_b = cls.env["res.partner"].create({"name": "Office Rent SA"})
        cls.subscription_account = cls.company_data["default_account_expense"].copy(
            {"name": "Subscriptions", "code": "613100"})
        cls.accrual_account = cls.env["account.account"].create(
            {"name": "Accrued liabilities", "code": "408100", "account_type": "liability_current"})
        company.ai_close_accrual_account_id = cls.accrual_account
        for day, amount in sorted(VENDOR_A_BILLS + VENDOR_B_BILLS):
            vendor = cls.vendor_a if (day, amount) in VENDOR_A_BILLS else cls.vendor_b
            account = cls.subscription_account if vendor == cls.vendor_a else None
            cls.make_bill(vendor, amount, day, account=account).action_post()
        groups = "base.group_user,%s"
        cls.accountant = new_test_user(
            cls.env, login="close_accountant", groups=groups % "account.group_account_user",
            company_id=company.id, company_ids=[Command.set(company.ids)])
        cls.account_manager = new_test_user(
            cls.env, login="close_manager", groups=groups % "account.group_account_manager",
            company_id=company.id, company_ids=[Command.set(company.ids)])

    @classmethod
    def make_bill(cls, vendor, amount, day, account=None, move_type="in_invoice", company=None):
        company = company or cls.env.company
        line = {"name": "Service %s" % day, "quantity": 1, "price_unit": amount, "tax_ids": [Command.clear()]}
        if account:
            line["account_id"] = account.id
        return cls.env["account.move"].with_company(company).create({
            "move_type": move_type, "partner_id": vendor.id, "invoice_date": day, "date": day,
            "company_id": company.id, "invoice_line_ids": [Command.create(line)],
        })

    @classmethod
    def make_entry(cls, amount, day, company_data=None, post=False):
        data = company_data or cls.company_data
        move = cls.env["account.move"].with_company(data["company"]).create({
            "move_type": "entry", "date": day, "journal_id": data["default_journal_misc"].id,
            "line_ids": [
                Command.create({"account_id": data["default_account_expense"].id, "debit": amount, "name": "x"}),
                Command.create({"account_id": data["default_account_revenue"].id, "credit": amount, "name": "x"}),
            ],
        })
        if post:
            move.action_post()
        return move

    @classmethod
    def make_gap(cls, day):
        """Two posted entries whose numbers leave a hole between them: the second one made a sequence gap."""
        first = cls.make_entry(10.0, day, post=True)
        second = cls.make_entry(10.0, day)
        second.name = re.sub(r"\d+$", lambda m: str(int(m.group()) + 3).zfill(len(m.group())), first.name)
        second.action_post()
        return second

    def make_close(self, period, user=None, company=None):
        close = self.env["ai.period.close"].with_user(user or self.env.user).with_company(
            company or self.env.company).create({"date_from": period[0], "date_to": period[1]})
        return close

    @staticmethod
    def items(close):
        close.item_ids.invalidate_recordset(["count", "amount", "status"])
        return {item.code: (item.count, round(item.amount, 2)) for item in close.item_ids}

    def lock(self, close, user=None, **ticks):
        wizard = self.env["ai.period.close.lock.wizard"].with_user(user or self.account_manager).create(
            dict({"close_id": close.id}, **ticks))
        return wizard.action_lock()

    today = fields.Date.today
