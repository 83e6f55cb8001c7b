"""The optional LLM stage of vendor bills, through the bundled endpoint Odoo starts itself and the real openai SDK to a
local OpenAI-compatible server: the offline reader cannot read this bill's total (it is in a sentence), the LLM's
reading fills it where it adds up, marked as read by the LLM; its usage is recorded; data minimisation keeps the
document's text from the LLM altogether."""

import json

from odoo.tests import tagged

from ..tools import endpoint_process
from .llm_common import FakeLlm, use_autostarted_endpoint
from .vendor_bill_common import VENDOR_IBAN, VendorBillCase, lines_pdf

BILL = (
    "Acme Supplies GmbH",
    "Invoice no. INV-7781",
    "Invoice date: 12.02.2026",
    "Phone +49 30 1234567   billing@acme-supplies.de",
    "IBAN DE89 3704 0044 0532 0130 00",
    "Credit limit 500.00",
    "Printer paper   10 x 10.00   100.00",
    "Net amount 100.00 EUR",
    "VAT 19 % 19.00 EUR",
    "Please transfer 119.00 within two weeks.",
)
NOTHING = dict.fromkeys(("vendorName", "invoiceNumber", "invoiceDate", "dueDate", "currency", "untaxed", "totalTax",
                         "total"))



@tagged("post_install", "-at_install")
class TestVendorBillLlm(VendorBillCase):
    def setUp(self):
        super().setUp()
        with open(endpoint_process.BUNDLE, encoding="utf-8") as handle:
            self.assertIn("read_bill_fields", handle.read(), "the bundle is older than the bills' LLM stage")
        use_autostarted_endpoint(self)
        self.env.ref("base.EUR").active = True
        self.answer = dict(NOTHING)
        self.llm = FakeLlm(lambda data: json.dumps(self.answer)).start(self)

    def read_bill(self):
        attachment = self.env["ir.attachment"].create({
            "name": "acme_7781.pdf", "mimetype": "application/pdf", "raw": lines_pdf(BILL)})
        bill = self.upload(attachment)
        suggestion = self.suggestion_of(bill)
        self.assertTrue(suggestion, "the endpoint read the document: %s" % bill.message_ids.mapped("body"))
        return bill, suggestion

    def test_the_llm_fills_the_total_the_extractor_missed_and_its_usage_is_recorded(self):
        # What the extractor read already is confirmed, not marked; the total is new.
        self.answer.update(total=119.0, untaxed=100.0, totalTax=19.0, vendorName="Acme Supplies GmbH")
        bill, suggestion = self.read_bill()
        self.assertEqual(len(self.llm.seen), 1)
        sent = json.dumps(self.llm.seen[0]["messages"])
        self.assertIn("Please transfer 119.00", sent)
        for personal in ("DE89 3704", VENDOR_IBAN, "billing@acme-supplies.de", "1234567"):
            self.assertNotIn(personal, sent)
        fields_ = suggestion.proposed_values["fields"]
        self.assertEqual((fields_["total"]["value"], fields_["total"]["read_by"]), (119.0, "llm"))
        self.assertLess(fields_["total"]["confidence"], 0.95)
        self.assertEqual((fields_["untaxed"]["value"], fields_["untaxed"]["read_by"]), (100.0, "extractor"))
        self.assertIn("Total read by the LLM (fake-model)", suggestion.explanation)
        self.assertEqual(suggestion.engine_model, "fake-model")
        self.assertIn("(read by the LLM)", bill.ai_bill_panel)
        usage = self.env["ai.llm.usage"].search([("company_id", "=", self.env.company.id),
                                                 ("model_name", "=", "fake-model")])
        self.assertEqual((usage.calls, usage.prompt_tokens, usage.completion_tokens), (1, 300, 80))

    def test_data_minimisation_sends_the_document_to_no_llm(self):
        self.env.company.ai_data_minimisation = True
        self.answer.update(total=119.0)
        _bill, suggestion = self.read_bill()
        self.assertEqual(self.llm.seen, [])
        self.assertNotIn("total", suggestion.proposed_values["fields"])
        self.assertFalse(suggestion.engine_model)
        self.assertFalse(self.env["ai.llm.usage"].search([("model_name", "=", "fake-model")]))
