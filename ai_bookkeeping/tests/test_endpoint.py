import json
import os
import shutil
import subprocess
import urllib.request
from unittest import SkipTest

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..tools import endpoint_process
from .common import AiBookkeepingCase, free_port, start_bundled_endpoint
from .llm_common import FakeLlm, use_endpoint_started_by_odoo


@tagged("post_install", "-at_install")
class TestBundledEndpoint(AiBookkeepingCase):
    """Odoo asks the real bundled endpoint (endpoint/ai_endpoint.mjs run by node) over HTTP."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.secret = "s" * 48
        start_bundled_endpoint(cls, cls.secret)

    def test_suggest_then_approve_end_to_end(self):
        invoice = self.make_invoice(1234.56, ref="PO-77")
        self.make_invoice(99.0)  # noise
        st_line = self.make_st_line(1234.56, "SEPA CREDIT %s %s" % (invoice.name, self.partner_a.name.upper()))
        suggestions = st_line.action_ai_suggest()
        best = suggestions.filtered(lambda s: s.rank == 1)
        self.assertEqual(best.move_line_ids, self.receivable(invoice))
        self.assertEqual(best.match_type, "full")
        self.assertGreater(best.confidence, 0.8)
        self.assertIn(invoice.name, best.explanation)
        self.assertEqual(st_line.ai_state, "suggested")
        self.assertEqual(st_line.ai_suggestion_id, best)
        best.with_user(self.reviewer).action_approve()
        self.assertEqual(invoice.payment_state, "paid")

    def test_asking_twice_creates_no_duplicates(self):
        invoice = self.make_invoice(310.0)
        st_line = self.make_st_line(310.0, "payment %s" % invoice.name)
        st_line.action_ai_suggest()
        st_line.action_ai_suggest()
        pending = st_line.ai_suggestion_ids.filtered(lambda s: s.state == "pending")
        self.assertEqual(len(pending.filtered(lambda s: s.rank == 1)), 1)

    def test_cron_drains_the_queue(self):
        invoice = self.make_invoice(77.0)
        st_line = self.make_st_line(77.0, "payment %s" % invoice.name)
        self.env["ai.job"]._cron_process()
        self.assertFalse(self.env["ai.job"]._jobs_of("reconciliation", st_line))
        self.assertEqual(st_line.ai_suggestion_id.move_line_ids, self.receivable(invoice))

    def test_test_connection_reports_success_and_bad_secret(self):
        result = self.env["ai.endpoint"]._action_test_connection()
        self.assertEqual(result["params"]["type"], "success")
        self.env["ir.config_parameter"].set_param("ai_bookkeeping.endpoint_secret", "x" * 48)
        with self.assertRaisesRegex(UserError, "same shared secret"):
            self.env["ai.endpoint"]._action_test_connection()

    def test_test_connection_says_nothing_answers(self):
        self.env["ir.config_parameter"].set_param("ai_bookkeeping.endpoint_url", "http://127.0.0.1:%d" % free_port())
        with self.assertRaisesRegex(UserError, "Nothing answers"):
            self.env["ai.endpoint"]._action_test_connection()

    def test_a_correction_teaches_the_next_suggestion(self):
        """The engine first guesses the customer whose name is in the label; the reviewer corrects it to the
        group company that really pays. The next payment labelled the same way goes to the right customer."""
        nordwind = self.env["res.partner"].create({"name": "Nordwind Logistik GmbH"})
        blue_sky = self.env["res.partner"].create({"name": "Blue Sky Trading Ltd"})
        label = "SEPA GUTSCHRIFT NORDWIND HANDELSGRUPPE ZAHLUNG"
        wrong = self.make_invoice(500.0, partner=nordwind)
        right = self.make_invoice(500.0, partner=blue_sky)
        st_line = self.make_st_line(500.0, label)
        best = st_line.action_ai_suggest().filtered(lambda s: s.rank == 1)
        self.assertEqual(best.partner_id, nordwind, "before any correction the name in the label decides")

        best.with_user(self.reviewer).action_choose_candidate("item", self.receivable(right).id)
        best.with_user(self.reviewer).action_approve()
        self.assertEqual(right.payment_state, "paid")
        self.assertEqual(best.corrected_partner_id, nordwind)

        self.make_invoice(500.0, partner=blue_sky)
        next_line = self.make_st_line(500.0, label, date="2026-02-20")
        next_best = next_line.action_ai_suggest().filtered(lambda s: s.rank == 1)
        self.assertEqual(next_best.partner_id, blue_sky, next_best.explanation)
        self.assertNotIn(self.receivable(wrong), next_best.move_line_ids)
        self.assertEqual(wrong.payment_state, "not_paid")


@tagged("post_install", "-at_install")
class TestEndpointAutostart(AiBookkeepingCase):
    """A single-server install: the default local URL is silent, so Odoo starts the bundled endpoint with node. It
    belongs to the server (every database, every worker): its secret and pid file are in the run directory."""

    def setUp(self):
        super().setUp()
        self.url, self.run_dir = use_endpoint_started_by_odoo(self)

    def need_node(self):
        if not os.path.isfile(endpoint_process.BUNDLE) or not shutil.which("node"):
            raise SkipTest("the endpoint bundle or node is missing")

    def start_by_hand(self, secret):
        """Another node process on the port, with its own secret (not started through the add-on)."""
        env = dict(os.environ, AI_BOOKKEEPING_SECRET=secret, AI_BOOKKEEPING_PORT=self.url.rsplit(":", 1)[1])
        proc = subprocess.Popen(["node", endpoint_process.BUNDLE], env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        self.addCleanup(proc.wait)
        self.addCleanup(proc.kill)
        self.assertTrue(endpoint_process.wait_until(lambda: self.answers(), timeout=20))
        return proc

    def answers(self):
        try:
            urllib.request.urlopen(self.url + "/healthz", timeout=1).read()
            return True
        except OSError:
            return False

    def suggest(self):
        invoice = self.make_invoice(410.0)
        st_line = self.make_st_line(410.0, "payment %s" % invoice.name)
        st_line.action_ai_suggest()
        return st_line.ai_suggestion_id.move_line_ids == self.receivable(invoice), st_line

    def test_bundled_endpoint_is_started_when_nothing_answers(self):
        self.need_node()
        result = self.env["ai.endpoint"]._action_test_connection()
        self.assertEqual(result["params"]["type"], "success")
        self.assertTrue(self.answers())  # it really runs
        pid = endpoint_process.running_pid(self.run_dir, self.url)
        self.assertTrue(pid)
        self.assertEqual(os.stat(os.path.join(self.run_dir, endpoint_process.SECRET_FILE)).st_mode & 0o777, 0o600)
        # The database's own secret parameter is for a separately deployed endpoint, not for the bundled one.
        self.env["ir.config_parameter"].set_param("ai_bookkeeping.endpoint_secret", "another-database-" + "x" * 40)
        matched, st_line = self.suggest()
        self.assertTrue(matched, st_line.ai_error)
        self.assertEqual(endpoint_process.running_pid(self.run_dir, self.url), pid, "the same endpoint answered")

    def test_a_stale_endpoint_of_this_server_is_replaced(self):
        """Started by this server before the secret changed (another worker, or before a restart of Odoo)."""
        self.need_node()
        stale = endpoint_process.start_bundled_endpoint(self.url, "stale-" + "s" * 40, run_dir=self.run_dir)
        self.addCleanup(stale.kill)
        self.assertTrue(endpoint_process.wait_until(self.answers, timeout=20))
        matched, st_line = self.suggest()
        self.assertTrue(matched, st_line.ai_error)
        self.assertIsNotNone(stale.poll(), "the stale endpoint was stopped")
        self.assertNotIn(endpoint_process.running_pid(self.run_dir, self.url), (None, stale.pid))

    def test_a_foreign_program_on_the_port_is_reported_and_left_alone(self):
        self.need_node()
        foreign = self.start_by_hand("foreign-" + "f" * 40)
        with self.assertRaisesRegex(UserError, "Another program on %s answers but rejects" % self.url):
            self.env["ai.endpoint"]._action_test_connection()
        with self.assertRaisesRegex(UserError, "Another program"):
            self.suggest()
        self.assertIsNone(foreign.poll(), "a program this server did not start is not killed")

    def test_a_new_secret_restarts_the_endpoint_whichever_worker_started_it(self):
        self.need_node()
        self.env["ai.endpoint"]._ensure_running()
        first = endpoint_process.running_pid(self.run_dir, self.url)
        old_secret = endpoint_process.server_secret(self.run_dir)
        endpoint_process._started.clear()  # as in another worker: only the pid file knows the endpoint
        self.env["res.config.settings"].create({}).action_ai_generate_secret()
        self.assertNotEqual(endpoint_process.server_secret(self.run_dir), old_secret)
        self.assertFalse(self.answers(), "the endpoint with the old secret is stopped")
        self.assertTrue(endpoint_process.wait_until(lambda: not endpoint_process.is_bundled_endpoint(first), 5))
        matched, st_line = self.suggest()
        self.assertTrue(matched, st_line.ai_error)

    def test_the_llm_path_works_through_the_endpoint_odoo_starts(self):
        """Odoo's test server runs under its limit_memory_hard (RLIMIT_AS) like a production one: the endpoint it
        starts makes its LLM call to a local OpenAI-compatible server and survives it."""
        self.need_node()
        expense = self.company_data["default_account_expense"]
        llm = FakeLlm(lambda data: json.dumps({"accountId": expense.id, "explanation": "Hosting is an IT expense."}))
        llm.start(self)
        st_line = self.make_st_line(-42.9, "Cloud hosting monthly")
        st_line.action_ai_suggest()
        self.assertTrue(llm.seen, "the endpoint asked the LLM nothing")
        self.assertEqual(st_line.ai_suggestion_id.account_id, expense, st_line.ai_error)
        self.assertTrue(endpoint_process.running_pid(self.run_dir, self.url), "the endpoint died on its LLM call")
        self.assertTrue(self.env["ai.llm.usage"].search([("model_name", "=", "fake-model")]))

    def test_a_remote_endpoint_is_never_started(self):
        url = "http://127.0.0.1:%d" % free_port()
        self.env["ir.config_parameter"].set_param("ai_bookkeeping.endpoint_url", url)
        with self.assertRaisesRegex(UserError, "Nothing answers"):
            self.env["ai.endpoint"]._action_test_connection()  # not the default URL: reported, not started
        self.assertFalse(os.path.exists(endpoint_process.pid_file(self.run_dir, url)))
