"""Factories of the expense bridge's tests: receipt images and PDFs, replies of the bill reader in receipt mode (the
shape of web_src/contracts/bills.ts), and a reading patched on ai.endpoint._extract_bill (the one method the tests
of Odoo-side logic may patch)."""

import base64
import contextlib
import io
import random
from unittest.mock import patch

from PIL import Image, ImageDraw

from odoo import Command

from odoo.addons.ai_bookkeeping.tests.vendor_bill_common import lines_pdf
from odoo.addons.ai_bookkeeping.tools import vendor_bill_reply as vbr
from odoo.addons.hr_expense.tests.common import TestExpenseCommon


def receipt_png(seed, size=(400, 600)):
    """A PNG of its own picture (its own perceptual hash): blocks of grey placed by ``seed``."""
    rng = random.Random(seed)
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randrange(size[0] - 60), rng.randrange(size[1] - 60)
        draw.rectangle([x, y, x + rng.randrange(20, 120), y + rng.randrange(10, 80)], fill=rng.randrange(0, 200))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def receipt_pdf(lines):
    """A real PDF receipt: one text line per entry, top down."""
    return lines_pdf(lines, leading=16)


def field(value, confidence=0.95):
    return None if value is None else {"value": value, "confidence": confidence, "sourceText": str(value), "page": 1}


def receipt_reply(merchant="Café Rosa", date="2022-01-20", total=54.0, tax=None, currency=None, checks=(),
                  warnings=()):
    return {
        "engine": {"name": "ai-bookkeeping-bills", "version": "test"}, "ocrAvailable": True,
        "warnings": list(warnings),
        "documents": [{
            "pageFrom": 1, "pageTo": 1, "source": "ocr",
            "fields": {"vendorName": field(merchant), "vendorVat": None, "vendorIban": None, "vendorEmail": None,
                       "invoiceNumber": None, "invoiceDate": field(date), "dueDate": None, "paymentTerms": None,
                       "currency": field(currency), "untaxed": None, "totalTax": field(tax), "total": field(total),
                       "purchaseOrderRef": None},
            "lines": [], "taxes": [], "checks": [{"code": "total", "ok": False, "message": c} for c in checks],
        }],
    }


class ExpenseCase(TestExpenseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.currency = cls.company_data["currency"]
        cls.env.user.groups_id |= cls.env.ref("ai_bookkeeping.ai_bookkeeping_group_reviewer")
        cls.env.ref("base.EUR").active = True
        cls.meals = cls.env["product.product"].create({
            "name": "Meals", "can_be_expensed": True, "standard_price": 0.0, "default_code": "MEALS",
            "supplier_taxes_id": [Command.clear()],
            "property_account_expense_id": cls.copy_account(cls.company_data["default_account_expense"]).id})
        cls.travel = cls.env["product.product"].create({
            "name": "Travel", "can_be_expensed": True, "standard_price": 0.0, "default_code": "TRAVEL",
            "supplier_taxes_id": [Command.clear()]})
        cls.meal_account = cls.meals.property_account_expense_id
        cls.other_user = cls.env["res.users"].create({
            "name": "Other Employee", "login": "other_expense_employee", "email": "other@example.com",
            "groups_id": [Command.set(cls.env.ref("base.group_user").ids)]})
        cls.other_employee = cls.env["hr.employee"].create({
            "name": "Other Employee", "user_id": cls.other_user.id, "work_email": "other@example.com",
            "work_contact_id": cls.other_user.partner_id.id})
        cls.expense_employee.work_email = "expense_user_employee@example.com"
        cls.png_count = 0

    def png_attachment(self, content=None, name=None):
        type(self).png_count += 1
        return self.env["ir.attachment"].create({
            "name": name or "receipt_%d.png" % self.png_count, "mimetype": "image/png",
            "raw": content if content is not None else receipt_png(self.png_count), "res_model": "hr.expense"})

    @contextlib.contextmanager
    def reading(self, *replies):
        """The endpoint reads each receipt as the next of ``replies`` (a reply, or an exception to raise), through
        Odoo's real check of the reply. Yields the calls: ``[(attachment, mode, content, merchants)]``."""
        sent = []
        queue = list(replies)

        def extract(endpoint, attachment, mode=None, content=None, merchants=None):
            sent.append((attachment, mode, content, merchants))
            answer = queue.pop(0) if len(queue) > 1 else queue[0]
            if isinstance(answer, Exception):
                raise answer
            return vbr.check_reply(answer)

        with patch.object(type(self.env["ai.endpoint"]), "_extract_bill", extract):
            yield sent

    def upload(self, attachment, employee=None):
        """Drop the file on the expenses list (Odoo's create_expense_from_attachments): the new expense."""
        model = self.env["hr.expense"].with_context(default_employee_id=(employee or self.expense_employee).id)
        action = model.create_expense_from_attachments(attachment.ids)
        return self.env["hr.expense"].browse(action["domain"][0][2])

    def past_expense(self, merchant="Café Rosa", employee=None, product=None, account=None, analytic=None,
                     amount=20.0, date="2022-01-05"):
        from ..tools.expense_policy import merchant_key
        return self.env["hr.expense"].create({
            "name": merchant, "employee_id": (employee or self.expense_employee).id,
            "product_id": (product or self.meals).id, "total_amount_currency": amount, "date": date,
            "ai_merchant": merchant, "ai_merchant_key": merchant_key(merchant),
            **({"account_id": account.id} if account else {}),
            **({"analytic_distribution": analytic} if analytic else {})})

    def approved(self, expenses):
        """The expenses in a report approved as Odoo approves it (their merchants are then known)."""
        for expense in expenses:
            sheet = self.submit(expense)
            sheet.action_approve_expense_sheets()
        self.assertEqual(set(expenses.mapped("state")), {"approved"})
        return expenses

    def findings(self, expense, prefix=""):
        return [f["message"] for f in expense.ai_findings or [] if f["code"].startswith(prefix)]

    def submit(self, expenses):
        sheet = self.env["hr.expense.sheet"].create({
            "name": "Report", "employee_id": expenses[:1].employee_id.id,
            "expense_line_ids": [Command.set(expenses.ids)]})
        sheet.action_submit_sheet()
        return sheet


def b64(content):
    return base64.b64encode(content).decode()
