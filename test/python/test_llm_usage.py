"""Direct tests of ai_bookkeeping/tools/llm_usage.py: no Odoo, no database.

Run: python3 -m unittest discover -s test/python -v
"""

import datetime
import unittest

import aib_tools_loader

aib_tools_loader.load()
from aib_tools import llm_usage  # noqa: E402

USAGE = {"model": "gpt-4o-mini", "calls": 2, "cacheHits": 1, "promptTokens": 300, "completionTokens": 40,
         "costUsd": 0.0125}


class TestParseUsage(unittest.TestCase):
    def test_reads_the_endpoint_usage(self):
        self.assertEqual(llm_usage.parse_usage({"results": [], "usage": USAGE}), {
            "model": "gpt-4o-mini", "calls": 2, "cache_hits": 1, "prompt_tokens": 300, "completion_tokens": 40,
            "cost_usd": 0.0125,
        })

    def test_ignores_missing_or_implausible_usage(self):
        for reply in ({"results": []}, None, {"usage": "lots"}, {"usage": dict(USAGE, model="")},
                      {"usage": dict(USAGE, promptTokens=-1)}, {"usage": dict(USAGE, calls=True)},
                      {"usage": dict(USAGE, costUsd="1")}, {"usage": dict(USAGE, completionTokens=1.5)}):
            self.assertIsNone(llm_usage.parse_usage(reply), reply)

    def test_empty_when_the_model_was_not_consulted(self):
        zero = llm_usage.parse_usage({"usage": dict(USAGE, calls=0, cacheHits=0, promptTokens=0, completionTokens=0)})
        self.assertTrue(llm_usage.is_empty(zero))
        self.assertFalse(llm_usage.is_empty(llm_usage.parse_usage({"usage": USAGE})))


class TestBudget(unittest.TestCase):
    def test_no_budget_means_no_limit(self):
        self.assertTrue(llm_usage.llm_allowed(0.0, 1000.0))
        self.assertTrue(llm_usage.llm_allowed(None, 1000.0))

    def test_spent_budget_switches_the_llm_off(self):
        self.assertTrue(llm_usage.llm_allowed(10.0, 9.99))
        self.assertFalse(llm_usage.llm_allowed(10.0, 10.0))
        self.assertFalse(llm_usage.llm_allowed(10.0, 12.0))

    def test_month_start(self):
        self.assertEqual(llm_usage.month_start(datetime.date(2026, 2, 28)), datetime.date(2026, 2, 1))
        self.assertEqual(llm_usage.month_start(datetime.datetime(2026, 12, 31, 23, 59)), datetime.date(2026, 12, 1))


class TestRequestLlm(unittest.TestCase):
    def test_off_without_a_model(self):
        self.assertIsNone(llm_usage.request_llm("http://127.0.0.1:11434/v1", "", "sk-x"))
        self.assertIsNone(llm_usage.request_llm(None, " ", None))

    def test_local_server_without_key(self):
        self.assertEqual(llm_usage.request_llm(" http://127.0.0.1:11434/v1 ", "llama3.1:8b", False), {
            "baseUrl": "http://127.0.0.1:11434/v1", "model": "llama3.1:8b",
        })

    def test_openai_with_key(self):
        self.assertEqual(llm_usage.request_llm("", "gpt-4o-mini", "sk-x"), {"model": "gpt-4o-mini", "apiKey": "sk-x"})


if __name__ == "__main__":
    unittest.main()
