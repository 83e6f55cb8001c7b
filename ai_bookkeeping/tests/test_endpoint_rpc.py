"""What portal users, billing users and accountants reach over JSON-RPC: neither the endpoint's shared secret nor the
LLM provider's key, and no way to make Odoo sign a request or start the endpoint."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

ENDPOINT_SECRET = "endpoint-secret-" + "e" * 40
LLM_KEY = "sk-provider-key-" + "k" * 40


class _Recorder(BaseHTTPRequestHandler):
    """Stands in for a remote endpoint: records every request, answers an empty reply."""

    seen = []

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        type(self).seen.append((self.command, self.path, self.rfile.read(length)))
        body = json.dumps({"engine": {"name": "recorder", "version": "0"}, "results": []}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, *args):
        pass


@tagged("post_install", "-at_install")
class TestEndpointOverRpc(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        users = {
            "portal": "base.group_portal",
            "billing": "account.group_account_invoice,base.group_user",
            "accountant": "ai_bookkeeping.ai_bookkeeping_group_manager,account.group_account_manager,base.group_user",
        }
        cls.users = {
            name: new_test_user(cls.env, login="rpc_%s" % name, groups=groups, company_id=company.id,
                                company_ids=[Command.set(company.ids)])
            for name, groups in users.items()
        }
        _Recorder.seen = []
        cls.recorder = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
        threading.Thread(target=cls.recorder.serve_forever, daemon=True).start()
        cls.addClassCleanup(cls.recorder.server_close)
        cls.addClassCleanup(cls.recorder.shutdown)
        params = cls.env["ir.config_parameter"]
        params.set_param("ai_bookkeeping.endpoint_url", "http://127.0.0.1:%d" % cls.recorder.server_address[1])
        params.set_param("ai_bookkeeping.endpoint_autostart", "False")
        params.set_param("ai_bookkeeping.endpoint_secret", ENDPOINT_SECRET)
        params.set_param("ai_bookkeeping.llm_model", "gpt-4o-mini")
        params.set_param("ai_bookkeeping.llm_api_key", LLM_KEY)
        # A settings record saved by an administrator, as after a visit to the settings screen.
        cls.saved_settings = cls.env["res.config.settings"].create({})

    def setUp(self):
        super().setUp()
        _Recorder.seen = []

    def rpc(self, model, method, *args, **kwargs):
        """The JSON-RPC call the web client makes; the result, or {"refused": "<error class>: <message>"}."""
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "id": 0, "params": {
            "model": model, "method": method, "args": list(args), "kwargs": kwargs}}).encode()
        with mute_logger("odoo.http"):  # the refusals are logged: expected here
            response = self.url_open("/web/dataset/call_kw/%s/%s" % (model, method), body,
                                     headers={"Content-Type": "application/json"})
        response.raise_for_status()
        reply = response.json()
        if "error" in reply:
            return {"refused": "%s: %s" % (reply["error"]["data"]["name"], reply["error"]["data"]["message"])}
        return reply["result"]

    def assert_no_secret(self, who, what, result):
        text = json.dumps(result, default=str)
        self.assertNotIn(ENDPOINT_SECRET, text, "%s reads the endpoint secret through %s" % (who, what))
        self.assertNotIn(LLM_KEY, text, "%s reads the LLM API key through %s" % (who, what))

    def test_no_user_but_system_admins_reads_a_secret(self):
        settings_fields = list(self.env["res.config.settings"]._fields)
        secret_fields = [name for name in settings_fields if "secret" in name or "api_key" in name]
        self.assertTrue(secret_fields)
        for who, user in self.users.items():
            self.authenticate(user.login, user.login)
            calls = {
                "default_get (all fields)": ("res.config.settings", "default_get", settings_fields),
                "default_get (secret fields)": ("res.config.settings", "default_get", secret_fields),
                "settings search_read": ("res.config.settings", "search_read", []),
                "settings read": ("res.config.settings", "read", self.saved_settings.ids, secret_fields),
                "settings web_read": ("res.config.settings", "web_read", self.saved_settings.ids,
                                      {name: {} for name in secret_fields}),
                "settings onchange": ("res.config.settings", "onchange", [], {}, [],
                                      {name: {} for name in secret_fields}),
                "parameter search_read": ("ir.config_parameter", "search_read", [], ["key", "value"]),
                "parameter get_param": ("ir.config_parameter", "get_param", "ai_bookkeeping.endpoint_secret"),
                "parameter get_param (key)": ("ir.config_parameter", "get_param", "ai_bookkeeping.llm_api_key"),
            }
            for what, (model, method, *args) in calls.items():
                with self.subTest(user=who, call=what):
                    self.assert_no_secret(who, what, self.rpc(model, method, *args))

    def test_no_user_but_managers_makes_odoo_sign_or_start_anything(self):
        payload = {"companyId": self.env.company.id, "companyCurrency": "EUR", "llmAllowed": True,
                   "lines": [{"id": 1, "date": "2026-01-01", "amount": 1.0, "currency": "EUR", "amountCompany": 1.0,
                              "label": "x"}]}
        for who in ("portal", "billing"):
            user = self.users[who]
            self.authenticate(user.login, user.login)
            calls = {
                "suggest_reconciliations": ("ai.endpoint", "suggest_reconciliations", payload),
                "_suggest_reconciliations": ("ai.endpoint", "_suggest_reconciliations", payload),
                "action_test_connection": ("ai.endpoint", "action_test_connection"),
                "_ensure_running": ("ai.endpoint", "_ensure_running"),
                "settings test connection": ("res.config.settings", "action_ai_test_connection", []),
                "settings generate secret": ("res.config.settings", "action_ai_generate_secret", []),
            }
            for what, (model, method, *args) in calls.items():
                with self.subTest(user=who, call=what):
                    _Recorder.seen = []
                    result = self.rpc(model, method, *args)
                    self.assertIsInstance(result, dict)
                    self.assertIn("refused", result, "%s may call %s: %s" % (who, what, result))
                    self.assertEqual(_Recorder.seen, [], "%s made Odoo send %s" % (who, _Recorder.seen))
        self.assertEqual(self.env["ir.config_parameter"].get_param("ai_bookkeeping.endpoint_secret"), ENDPOINT_SECRET)

    def test_system_admin_sets_and_generates_secrets_but_never_reads_them_back(self):
        self.authenticate("admin", "admin")
        params = self.env["ir.config_parameter"]
        settings_id = self.rpc("res.config.settings", "create", {"ai_endpoint_secret": "n" * 40,
                                                                 "ai_llm_api_key": "sk-fresh-key"})
        self.assertIsInstance(settings_id, int, settings_id)
        self.rpc("res.config.settings", "execute", [settings_id])
        self.assertEqual(params.get_param("ai_bookkeeping.endpoint_secret"), "n" * 40)
        self.assertEqual(params.get_param("ai_bookkeeping.llm_api_key"), "sk-fresh-key")
        shown = self.rpc("res.config.settings", "web_read", [settings_id], {
            "ai_endpoint_secret": {}, "ai_endpoint_secret_display": {}, "ai_llm_api_key": {},
            "ai_llm_api_key_display": {}})[0]
        self.assertFalse(shown["ai_endpoint_secret"], "the write-only value is forgotten once saved")
        self.assertFalse(shown["ai_llm_api_key"])
        self.assertIn("40 characters", shown["ai_endpoint_secret_display"])
        self.assertNotIn("n" * 40, json.dumps(shown))
        self.assertNotIn("sk-fresh-key", json.dumps(shown))
        # Too short for the endpoint: refused with a sentence, nothing changed.
        settings_id = self.rpc("res.config.settings", "create", {"ai_endpoint_secret": "short"})
        self.assertIn("at least 32 characters", self.rpc("res.config.settings", "execute", [settings_id])["refused"])
        self.assertEqual(params.get_param("ai_bookkeeping.endpoint_secret"), "n" * 40)
        # Generate, for a separately deployed endpoint: a new secret, shown this once to the administrator.
        settings_id = self.rpc("res.config.settings", "create", {})
        action = self.rpc("res.config.settings", "action_ai_generate_secret", [settings_id])
        new_secret = params.get_param("ai_bookkeeping.endpoint_secret")
        self.assertNotEqual(new_secret, "n" * 40)
        self.assertGreaterEqual(len(new_secret), 32)
        self.assertIn(new_secret, action["params"]["message"])
