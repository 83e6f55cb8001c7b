"""Receipts through the real endpoint, started the way Odoo's tests start it (the bundled endpoint/ai_endpoint.mjs,
tests/common.start_bundled_endpoint): a PDF receipt's text layer, a real photographed receipt (OCR) from
../shared/data/invoices, and a damaged PDF refused with its reason."""

import json
import os
import secrets

from odoo.tests import tagged

from odoo.addons.ai_bookkeeping.tests.common import start_bundled_endpoint
from odoo.addons.ai_bookkeeping.tools import endpoint_process

from .common import ExpenseCase, receipt_pdf

SHARED = os.environ.get("AI_BOOKKEEPING_SHARED_DATA") or os.path.join(
    os.path.dirname(endpoint_process.BUNDLE), "..", "..", "..", "shared", "data")
INVOICES = os.path.join(SHARED, "invoices", "invoice2data")


@tagged("post_install", "-at_install")
class TestExpenseRealEndpoint(ExpenseCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        start_bundled_endpoint(cls, secrets.token_hex(32))

    def attachment(self, name, mimetype, raw):
        return self.env["ir.attachment"].create({"name": name, "mimetype": mimetype, "raw": raw,
                                                 "res_model": "hr.expense"})

    def test_a_pdf_till_receipt_is_read_in_receipt_mode(self):
        self.past_expense(merchant="Café Rosa", product=self.meals)
        pdf = receipt_pdf(["Cafe Rosa", "Marktplatz 3, 10115 Berlin", "Datum: 14.01.2022",
                           "2 x Cappuccino 7,80", "1 x Kuchen 4,20", "TOTAL EUR 12,00", "KARTE 12,00"])
        expense = self.upload(self.attachment("rosa.pdf", "application/pdf", pdf))
        self.assertEqual((expense.ai_merchant, str(expense.date), expense.total_amount_currency),
                         ("Cafe Rosa", "2022-01-14", 12.0), expense.message_ids.mapped("body"))
        self.assertEqual(expense.product_id, self.meals, "learned from the history at this merchant")
        self.assertEqual(expense.ai_suggestion_id.proposed_values["document"]["source"], "text_layer")

    def test_a_merchant_the_company_knows_is_read_where_the_receipt_prints_it(self):
        """Regression: the reader took the slogan at the top for the merchant; the name the company knows from its
        past expenses, printed on the address line, is the merchant, and the coding is learned from it."""
        self.approved(self.past_expense(merchant="Stadtcafe Rosa", product=self.meals))
        pdf = receipt_pdf(["Kaffee und Kuchen seit 1950", "Stadtcafe Rosa, Marktplatz 3, 10115 Berlin",
                           "Datum: 14.01.2022", "2 x Cappuccino 7,80", "SUMME EUR 7,80"])
        expense = self.upload(self.attachment("rosa2.pdf", "application/pdf", pdf))
        self.assertEqual((expense.ai_merchant, expense.total_amount_currency), ("Stadtcafe Rosa", 7.8),
                         expense.message_ids.mapped("body"))
        self.assertEqual(expense.product_id, self.meals, "learned from the history at this merchant")

    def test_a_photographed_receipt_is_read_by_ocr(self):
        path = os.path.join(INVOICES, "oyo.png")
        if not os.path.isfile(path):
            self.skipTest("the shared receipts are absent (%s)" % INVOICES)
        with open(os.path.join(INVOICES, "oyo.json"), encoding="utf-8") as handle:
            truth = json.load(handle)[0]
        inr = self.env.ref("base.INR")
        inr.active = True
        with open(path, "rb") as handle:
            expense = self.upload(self.attachment("oyo.png", "image/png", handle.read()))
        self.assertEqual((str(expense.date), expense.total_amount_currency, expense.currency_id.name),
                         (truth["date"], truth["amount"], truth["currency"]), expense.message_ids.mapped("body"))
        self.assertTrue(expense.ai_receipt_phash)
        self.assertEqual(expense.ai_suggestion_id.proposed_values["document"]["source"], "ocr")

    def test_a_damaged_pdf_is_refused_with_its_reason(self):
        expense = self.upload(self.attachment("broken.pdf", "application/pdf", b"%PDF-1.4\n garbage"))
        self.assertEqual(expense.total_amount_currency, 0.0)
        self.assertFalse(expense.ai_suggestion_id)
        self.assertIn("damaged or not a PDF", expense.ai_findings[0]["message"])
