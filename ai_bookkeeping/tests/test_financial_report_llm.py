"""The LLM's rephrasing of a financial report's narrative, through the bundled endpoint that Odoo starts itself and
the real openai SDK, to a local OpenAI-compatible server that is HOSTILE (it invents a number) or honest."""

import json
import os
import shutil
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from unittest import SkipTest
from unittest.mock import patch

from odoo.tests import tagged

from ..models import ai_endpoint
from ..tools import endpoint_process
from .common import free_port
from .test_financial_report import FinancialReportCase


class _FakeLlm(BaseHTTPRequestHandler):
    """/v1/chat/completions answering ``rewrite(offline_text)`` as the rephrased narrative."""

    rewrite = staticmethod(lambda text: text)
    seen = []

    def do_POST(self):  # noqa: N802 - http.server's name
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).seen.append(body)
        data = body["messages"][1]["content"].split("\n", 1)[1].rsplit("\n", 1)[0]
        offline = json.loads(data)["text"]
        content = json.dumps({"text": type(self).rewrite(offline)})
        reply = json.dumps({
            "id": "chatcmpl-fake", "object": "chat.completion", "created": 1767225600, "model": body["model"],
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content, "refusal": None},
                         "finish_reason": "stop", "logprobs": None}],
            "usage": {"prompt_tokens": 300, "completion_tokens": 80, "total_tokens": 380},
        }).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args):
        pass


@tagged("post_install", "-at_install")
class TestFinancialReportLlm(FinancialReportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for date, amount in (("2026-01-10", 1000.0), ("2026-02-10", 2500.0)):
            cls.make_invoice(amount, date=date)

    def setUp(self):
        super().setUp()
        if not os.path.isfile(endpoint_process.BUNDLE) or not shutil.which("node"):
            raise SkipTest("the endpoint bundle or node is missing")
        # As a single-server install: Odoo starts the bundled endpoint on "the default URL" (a free port here).
        self.url = "http://127.0.0.1:%d" % free_port()
        self.run_dir = tempfile.mkdtemp(prefix="aib_run_")
        self.addCleanup(shutil.rmtree, self.run_dir, True)
        self.addCleanup(endpoint_process.stop_bundled_endpoint, self.url, self.run_dir)
        for patcher in (patch.object(ai_endpoint, "DEFAULT_URL", self.url),
                        patch.object(type(self.env["ai.endpoint"]), "_get_run_dir", return_value=self.run_dir)):
            patcher.start()
            self.addCleanup(patcher.stop)
        params = self.env["ir.config_parameter"]
        params.set_param("ai_bookkeeping.endpoint_url", self.url)
        params.set_param("ai_bookkeeping.endpoint_autostart", "True")
        llm = ThreadingHTTPServer(("127.0.0.1", 0), _FakeLlm)
        _FakeLlm.seen = []
        threading.Thread(target=llm.serve_forever, daemon=True).start()
        self.addCleanup(llm.server_close)
        self.addCleanup(llm.shutdown)
        params.set_param("ai_bookkeeping.llm_base_url", "http://127.0.0.1:%d/v1" % llm.server_address[1])
        params.set_param("ai_bookkeeping.llm_model", "fake-model")

    def test_a_hostile_llm_that_invents_a_number_is_rejected(self):
        _FakeLlm.rewrite = staticmethod(lambda text: text.replace("Revenue rose", "Revenue rose 37 % and", 1))
        report = self.make_report()
        self.assertTrue(_FakeLlm.seen, "the endpoint asked the LLM nothing")
        self.assertEqual(report.narrative_source, "offline")
        self.assertIn("was rejected", report.llm_note)
        self.assertIn("37", report.llm_note)
        self.assertNotIn("37 %", report.narrative_text)
        self.assertTrue(self.env["ai.llm.usage"].search([("model_name", "=", "fake-model")]))

    def test_a_hostile_llm_that_turns_a_rise_into_a_fall_is_rejected(self):
        """Every number is a fact here, so only Odoo's checker (direction) can refuse it."""
        _FakeLlm.rewrite = staticmethod(lambda text: text.replace("Revenue rose", "Revenue fell"))
        report = self.make_report()
        self.assertEqual(report.narrative_source, "offline")
        self.assertIn("wrong sign or direction", report.llm_note)

    def test_an_honest_rewording_is_kept(self):
        _FakeLlm.rewrite = staticmethod(lambda text: "In short: " + text)
        report = self.make_report()
        self.assertEqual(report.narrative_source, "llm", report.llm_note)
        self.assertTrue(report.narrative_text.startswith("In short: "))
