import shutil
import tempfile
from unittest.mock import patch

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from ..tools import endpoint_client, endpoint_process, llm_usage
from .common import AiBookkeepingCase


@tagged("post_install", "-at_install")
class TestLlmUsage(AiBookkeepingCase):
    """The LLM budget, usage accounting and settings on Odoo's side (the endpoint itself is tested in test/llm)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env, login="ai_llm_manager", groups="ai_bookkeeping.ai_bookkeeping_group_manager,base.group_user",
            company_id=cls.env.company.id, company_ids=[Command.set(cls.env.company.ids)],
        )
        cls.month = llm_usage.month_start(fields.Date.context_today(cls.env["ai.llm.usage"]))

    def _reply(self, st_line, usage):
        reply = {"engine": {"name": "x", "version": "1", "model": "fake-model"},
                 "results": [{"lineId": st_line.id, "suggestions": []}]}
        if usage is not None:
            reply["usage"] = usage
        return reply

    def _suggest(self, st_line, usage):
        with patch.object(type(self.env["ai.endpoint"]), "_suggest_reconciliations",
                          return_value=self._reply(st_line, usage)) as sent:
            st_line.with_user(self.reviewer).action_ai_suggest()
        return sent.call_args.args[0]

    def test_budget_spent_tells_the_endpoint_not_to_use_the_llm(self):
        st_line = self.make_st_line(-42.9, "Cloud hosting")
        self.env.company.ai_llm_monthly_budget = 2.0
        self.assertTrue(self._suggest(st_line, None)["llmAllowed"])
        self.env["ai.llm.usage"].create({"company_id": self.env.company.id, "month": self.month,
                                         "model_name": "gpt-4o-mini", "cost_usd": 2.5})
        self.assertFalse(self._suggest(st_line, None)["llmAllowed"])
        # Last month's spending does not count against this month.
        self.env["ai.llm.usage"].search([]).month = fields.Date.subtract(self.month, months=1)
        self.assertTrue(self._suggest(st_line, None)["llmAllowed"])
        # No budget means no limit.
        self.env.company.ai_llm_monthly_budget = 0.0
        self.env["ai.llm.usage"].search([]).month = self.month
        self.assertTrue(self._suggest(st_line, None)["llmAllowed"])

    def test_llm_gets_the_expense_accounts_to_choose_from_only_when_allowed(self):
        st_line = self.make_st_line(-19.99, "Unknown subscription")
        expense = self.company_data["default_account_expense"]
        sent = self._suggest(st_line, None)
        self.assertIn(expense.id, [a["id"] for a in sent["accounts"]])
        company = self.env.company
        # Besides the chart's expense accounts: the accounts the engine's own proposals use (bank fees, payment
        # differences, exchange rounding, transfers between the company's own accounts).
        own = (company.ai_bank_fee_account_id | company.ai_writeoff_account_id
               | company.income_currency_exchange_account_id | company.expense_currency_exchange_account_id
               | company.transfer_account_id).ids
        self.assertTrue(all(a["accountType"] in ("expense", "expense_direct_cost") for a in sent["accounts"]
                            if a["id"] not in own))
        self.env.company.ai_llm_monthly_budget = 1.0
        self.env["ai.llm.usage"].create({"company_id": self.env.company.id, "month": self.month,
                                         "model_name": "gpt-4o-mini", "cost_usd": 1.5})
        sent = self._suggest(st_line, None)
        self.assertNotIn(expense.id, [a["id"] for a in sent["accounts"]], "no LLM, no chart to send")

    def test_usage_returned_by_the_endpoint_is_recorded_per_company_and_month(self):
        st_line = self.make_st_line(-42.9, "Cloud hosting")
        usage = {"model": "fake-model", "calls": 2, "cacheHits": 1, "promptTokens": 300, "completionTokens": 40,
                 "costUsd": 0.0125}
        self._suggest(st_line, usage)
        self._suggest(st_line, usage)
        self._suggest(st_line, None)  # no LLM behind the endpoint: nothing to add
        self._suggest(st_line, dict(usage, calls=0, cacheHits=0, promptTokens=0, completionTokens=0, costUsd=0))
        self._suggest(st_line, dict(usage, promptTokens=-5))  # implausible: ignored, not trusted
        rows = self.env["ai.llm.usage"].search([("company_id", "=", self.env.company.id)])
        self.assertRecordValues(rows, [{
            "month": self.month, "model_name": "fake-model", "calls": 4, "cache_hits": 2, "prompt_tokens": 600,
            "completion_tokens": 80, "total_tokens": 680, "cost_usd": 0.025,
        }])
        kpis = self.env["ai.reconciliation.suggestion"].with_user(self.reviewer).dashboard_kpis()
        self.assertEqual((kpis["llmTokensMonth"], kpis["llmCostMonth"]), (680, 0.025))
        # Reviewers read the usage; only the system writes it.
        self.assertEqual(rows.with_user(self.reviewer).read(["cost_usd"])[0]["cost_usd"], 0.025)
        with self.assertRaises(AccessError):
            rows.with_user(self.manager).write({"cost_usd": 0.0})

    def test_api_key_is_for_administrators_only(self):
        self.env["ir.config_parameter"].set_param("ai_bookkeeping.llm_api_key", "sk-secret")
        settings_as_manager = self.env["res.config.settings"].with_user(self.manager)
        self.assertIn("ai_llm_model", settings_as_manager.fields_get())
        for name in ("ai_llm_api_key_display", "ai_llm_api_key", "ai_llm_api_key_clear"):
            self.assertNotIn(name, settings_as_manager.fields_get())
        with self.assertRaises(AccessError):
            settings_as_manager.create({}).read(["ai_llm_api_key_display"])
        # Administrators see a mask, set a new key (write-only: forgotten once saved) or remove it.
        settings = self.env["res.config.settings"].create({})
        self.assertNotIn("sk-secret", settings.ai_llm_api_key_display)
        self.assertIn("9 characters", settings.ai_llm_api_key_display)
        settings = self.env["res.config.settings"].create({"ai_llm_api_key": " sk-new-key "})
        settings.execute()
        self.assertEqual(self.env["ir.config_parameter"].get_param("ai_bookkeeping.llm_api_key"), "sk-new-key")
        self.assertFalse(settings.ai_llm_api_key)
        self.env["res.config.settings"].create({}).execute()  # an empty new value keeps the key
        self.assertEqual(self.env["ir.config_parameter"].get_param("ai_bookkeeping.llm_api_key"), "sk-new-key")
        self.env["res.config.settings"].create({"ai_llm_api_key_clear": True}).execute()
        self.assertFalse(self.env["ir.config_parameter"].get_param("ai_bookkeeping.llm_api_key"))

    def _sent_with_hash(self, st_line):
        """The request that reached the endpoint, and the input_hash stored on the suggestion it produced."""
        with patch.object(type(self.env["ai.endpoint"]), "_suggest_reconciliations", return_value={
            "engine": {"name": "x", "version": "1", "model": None},
            "results": [{"lineId": st_line.id, "suggestions": [{
                "matchType": "expense", "rank": 1, "confidence": 0.4, "explanation": "test",
                "accountId": self.company_data["default_account_expense"].id}]}],
        }) as sent:
            st_line.with_user(self.reviewer).action_ai_suggest()
        suggestion = self.env["ai.reconciliation.suggestion"].search(
            [("statement_line_id", "=", st_line.id)], order="id desc", limit=1)
        return sent.call_args.args[0], suggestion.input_hash

    def test_bundled_endpoint_gets_this_databases_llm_settings_in_each_request(self):
        # One bundled endpoint serves every database of the server: each request says which LLM to use, from this
        # database's own settings; a database without a model sends none (the endpoint then uses no LLM for it).
        params = self.env["ir.config_parameter"]
        run_dir = tempfile.mkdtemp(prefix="aib_run_")
        self.addCleanup(shutil.rmtree, run_dir, True)
        # The test endpoint URL (common.py) plays the bundled endpoint's.
        for patcher in (patch("odoo.addons.ai_bookkeeping.models.ai_endpoint.DEFAULT_URL", "http://127.0.0.1:9"),
                        patch.object(type(self.env["ai.endpoint"]), "_get_run_dir", return_value=run_dir)):
            patcher.start()
            self.addCleanup(patcher.stop)
        self.assertTrue(self.env["ai.endpoint"]._get_config()["bundled"])
        st_line = self.make_st_line(-19.99, "Unknown subscription")
        sent, hash_without = self._sent_with_hash(st_line)
        self.assertNotIn("llm", sent)
        self.assertTrue(hash_without)
        params.set_param("ai_bookkeeping.llm_base_url", "http://127.0.0.1:11434/v1")
        params.set_param("ai_bookkeeping.llm_model", "llama3.1:8b")
        params.set_param("ai_bookkeeping.llm_api_key", "sk-local-one")
        with patch.object(endpoint_process, "stop_bundled_endpoint") as stop:
            self.env["res.config.settings"].create({"ai_llm_model": "llama3.2:3b"}).execute()
        stop.assert_not_called()  # the settings travel with each request: no restart of the shared endpoint
        sent, hash_one = self._sent_with_hash(st_line)
        self.assertEqual(sent["llm"], {"model": "llama3.2:3b", "baseUrl": "http://127.0.0.1:11434/v1",
                                       "apiKey": "sk-local-one"})
        params.set_param("ai_bookkeeping.llm_api_key", "sk-local-two")
        sent, hash_two = self._sent_with_hash(st_line)
        self.assertEqual(sent["llm"]["apiKey"], "sk-local-two")
        # The audit fingerprint is a hash of the business data only: the LLM settings (the key) do not change it.
        self.assertEqual(hash_one, hash_two)
        self.assertEqual(hash_one, hash_without)
        audit = self.env["ai.audit.log"].sudo().search([]).read()
        self.assertNotIn("sk-local", repr(audit))
        # Budget spent: no LLM, so no settings either.
        self.env.company.ai_llm_monthly_budget = 1.0
        self.env["ai.llm.usage"].create({"company_id": self.env.company.id, "month": self.month,
                                         "model_name": "llama3.2:3b", "cost_usd": 1.5})
        sent, _hash = self._sent_with_hash(st_line)
        self.assertNotIn("llm", sent)
        # A separately deployed endpoint has its own LLM configuration: Odoo sends it no key.
        self.env.company.ai_llm_monthly_budget = 0.0
        params.set_param("ai_bookkeeping.endpoint_url", "https://ai.example.com")
        sent, _hash = self._sent_with_hash(st_line)
        self.assertNotIn("llm", sent)
        self.assertTrue(sent["llmAllowed"])

    def test_bundled_endpoint_is_started_without_llm_settings(self):
        params = self.env["ir.config_parameter"]
        params.set_param("ai_bookkeeping.llm_model", "llama3.1:8b")
        params.set_param("ai_bookkeeping.llm_api_key", "sk-local")
        params.set_param("ai_bookkeeping.endpoint_autostart", "True")
        run_dir = tempfile.mkdtemp(prefix="aib_run_")
        self.addCleanup(shutil.rmtree, run_dir, True)
        with patch("odoo.addons.ai_bookkeeping.models.ai_endpoint.DEFAULT_URL", "http://127.0.0.1:9"), \
                patch.object(type(self.env["ai.endpoint"]), "_get_run_dir", return_value=run_dir), \
                patch.object(endpoint_process, "start_bundled_endpoint",
                             side_effect=endpoint_process.EndpointStartError("not in tests")) as start:
            with self.assertRaises(endpoint_client.EndpointUnreachable):
                self.env["ai.endpoint"]._ensure_running()
        self.assertFalse(start.call_args.kwargs.get("extra_env"), "shared by every database: no database's LLM")
