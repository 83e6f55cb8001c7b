"""The LLM's rephrasing of a financial report's narrative, through the bundled endpoint that Odoo starts itself and
the real openai SDK, to a local OpenAI-compatible server that is HOSTILE (it invents a number) or honest."""

import json

from odoo.tests import tagged

from .llm_common import FakeLlm, use_autostarted_endpoint
from .test_financial_report import FinancialReportCase


@tagged("post_install", "-at_install")
class TestFinancialReportLlm(FinancialReportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for date, amount in (("2026-01-10", 1000.0), ("2026-02-10", 2500.0)):
            cls.make_invoice(amount, date=date)

    def setUp(self):
        super().setUp()
        use_autostarted_endpoint(self)
        self.rewrite = lambda text: text
        self.llm = FakeLlm(lambda data: json.dumps({"text": self.rewrite(data["text"])})).start(self)

    def test_a_hostile_llm_that_invents_a_number_is_rejected(self):
        self.rewrite = lambda text: text.replace("Revenue rose", "Revenue rose 37 % and", 1)
        report = self.make_report()
        self.assertTrue(self.llm.seen, "the endpoint asked the LLM nothing")
        self.assertEqual(report.narrative_source, "offline")
        self.assertIn("was rejected", report.llm_note)
        self.assertIn("37", report.llm_note)
        self.assertNotIn("37 %", report.narrative_text)
        self.assertTrue(self.env["ai.llm.usage"].search([("model_name", "=", "fake-model")]))

    def test_a_hostile_llm_that_turns_a_rise_into_a_fall_is_rejected(self):
        """Every number is a fact here, so only Odoo's checker (direction) can refuse it."""
        self.rewrite = lambda text: text.replace("Revenue rose", "Revenue fell")
        report = self.make_report()
        self.assertEqual(report.narrative_source, "offline")
        self.assertIn("wrong sign or direction", report.llm_note)

    def test_an_honest_rewording_is_kept(self):
        self.rewrite = lambda text: "In short: " + text
        report = self.make_report()
        self.assertEqual(report.narrative_source, "llm", report.llm_note)
        self.assertTrue(report.narrative_text.startswith("In short: "))
