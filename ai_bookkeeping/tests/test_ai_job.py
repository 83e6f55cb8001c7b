"""The generic job queue (models/ai_job.py): several workflows in one claim, each to its own handler, per company."""

from datetime import timedelta
from unittest.mock import patch

from odoo import Command, fields
from odoo.tests import new_test_user, tagged

from .common import AiBookkeepingCase
from .test_queue_robustness import no_match


@tagged("post_install", "-at_install")
class TestAiJob(AiBookkeepingCase):
    """Two workflows, "echo" and "other", on partners (handlers patched on res.partner for the test) beside the real
    reconciliation workflow on statement lines."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.setup_other_company(name="AI Jobs Other Co")["company"]
        cls.one_company_user = new_test_user(
            cls.env, login="ai_jobs_one_company", groups="account.group_account_invoice,base.group_user",
            company_id=cls.company_a.id, company_ids=[Command.set(cls.company_a.ids)],
        )

    def setUp(self):
        super().setUp()
        self.Job = self.env["ai.job"].sudo()
        # What the database queued before the test (demo lines) waits: only this test's rows are due.
        self.Job.search([]).write({"next_attempt_at": fields.Datetime.now() + timedelta(days=1)})
        self.calls = []
        self.failing = set()
        test = self

        def run(records, workflow):
            test.calls.append((workflow, records._name, tuple(sorted(records.ids)), records.env.company))
            if workflow in test.failing:
                raise RuntimeError("%s broke" % workflow)

        patcher = patch.object(type(self.env["res.partner"]), "_ai_job_run", run)
        patcher.start()
        self.addCleanup(patcher.stop)

    def make_partner(self, name, company):
        return self.env["res.partner"].create({"name": name, "company_id": company.id})

    def make_due(self, jobs):
        jobs.write({"next_attempt_at": fields.Datetime.now() - timedelta(minutes=1)})

    def run_cron_as(self, user):
        self.env["ai.job"].with_user(user)._cron_process(batch_size=500)
        self.env.invalidate_all()

    def test_enqueue_is_one_row_per_workflow_and_target(self):
        partners = self.make_partner("P1", self.company_a) | self.make_partner("P2", self.company_b)
        for _i in range(3):
            self.Job._enqueue("echo", partners)
        self.Job._enqueue("other", partners[0])
        echo = self.Job._jobs_of("echo", partners)
        self.assertEqual(len(echo), 2)
        self.assertEqual({(job.res_model, job.res_id, job.company_id) for job in echo}, {
            ("res.partner", partners[0].id, self.company_a), ("res.partner", partners[1].id, self.company_b)})
        self.assertEqual(len(self.Job._jobs_of("other", partners)), 1)

    def test_two_workflows_in_one_claim_go_to_their_own_handlers(self):
        fake = self.use_fake_endpoint(no_match)
        p1, p2 = self.make_partner("P1", self.company_a), self.make_partner("P2", self.company_a)
        st_line = self.make_st_line(100.0, "a")
        self.Job._enqueue("echo", p1 | p2)
        self.Job._enqueue("other", p1)
        self.make_due(self.Job._jobs_of("echo", p1 | p2) | self.Job._jobs_of("other", p1)
                      | self.Job._jobs_of("reconciliation", st_line))
        self.run_cron_as(self.env.ref("base.user_root"))
        self.assertEqual(sorted(call[:3] for call in self.calls), [
            ("echo", "res.partner", tuple(sorted((p1 | p2).ids))),
            ("other", "res.partner", (p1.id,)),
        ])
        self.assertEqual(st_line.ai_state, "no_match")
        self.assertIn(st_line.id, [line["id"] for request in fake.requests for line in request["lines"]])
        self.assertFalse(self.Job._jobs_of("echo", p1 | p2) | self.Job._jobs_of("other", p1)
                         | self.Job._jobs_of("reconciliation", st_line))

    def test_a_failing_handler_backs_off_its_own_rows_only(self):
        self.use_fake_endpoint(no_match)
        partner = self.make_partner("P1", self.company_a)
        st_line = self.make_st_line(100.0, "a")
        self.Job._enqueue("echo", partner)
        self.Job._enqueue("other", partner)
        self.make_due(self.Job._jobs_of("echo", partner) | self.Job._jobs_of("other", partner)
                      | self.Job._jobs_of("reconciliation", st_line))
        self.failing = {"echo"}
        with self.assertLogs("odoo.addons.ai_bookkeeping.models.ai_job", "ERROR") as logs:
            self.run_cron_as(self.env.ref("base.user_root"))
        self.assertIn("AI echo for 1 records of %s failed unexpectedly" % self.company_a.name, logs.output[0])
        failed = self.Job._jobs_of("echo", partner)
        self.assertEqual(failed.attempts, 1)
        self.assertEqual(failed.last_error, "RuntimeError: echo broke")
        # An unforeseen error waits the longest: a person may fix its cause meanwhile.
        self.assertAlmostEqual(failed.next_attempt_at, fields.Datetime.now() + timedelta(hours=6),
                               delta=timedelta(minutes=5))
        self.assertFalse(self.Job._jobs_of("other", partner), "the other workflow's row was processed")
        self.assertFalse(self.Job._jobs_of("reconciliation", st_line))
        self.assertEqual(st_line.ai_state, "no_match")
        # Backed off: the next run leaves it alone.
        self.calls.clear()
        self.run_cron_as(self.env.ref("base.user_root"))
        self.assertEqual(self.calls, [])
        self.assertEqual(self.Job._jobs_of("echo", partner).attempts, 1)

    def test_each_company_is_handled_in_its_own_company_whatever_the_cron_user(self):
        for user in (self.env.ref("base.user_root"), self.one_company_user):
            self.calls.clear()
            p_a = self.make_partner("A " + user.login, self.company_a)
            p_b = self.make_partner("B " + user.login, self.company_b)
            self.Job._enqueue("echo", p_a | p_b)
            self.make_due(self.Job._jobs_of("echo", p_a | p_b))
            self.run_cron_as(user)
            self.assertEqual(sorted((ids, company.id) for _w, _m, ids, company in self.calls),
                             sorted([((p_a.id,), self.company_a.id), ((p_b.id,), self.company_b.id)]), user.login)
            self.assertFalse(self.Job._jobs_of("echo", p_a | p_b), user.login)

    def test_deleting_a_statement_line_deletes_its_rows(self):
        st_line = self.make_st_line(100.0, "typed by mistake")
        self.Job._enqueue("echo", st_line)  # a second workflow on the same line goes too
        self.assertEqual(len(self.Job._jobs_of("reconciliation", st_line) | self.Job._jobs_of("echo", st_line)), 2)
        st_line_id = st_line.id
        st_line.unlink()
        self.assertFalse(self.Job.search([("res_model", "=", "account.bank.statement.line"),
                                          ("res_id", "=", st_line_id)]))

    def test_rows_of_deleted_targets_are_dropped_by_the_cron_unhandled(self):
        gone, kept = self.make_partner("Gone", self.company_a), self.make_partner("Kept", self.company_a)
        self.Job._enqueue("echo", gone | kept)
        jobs = self.Job._jobs_of("echo", gone | kept)
        self.Job._jobs_of("echo", kept).write({"next_attempt_at": fields.Datetime.now() + timedelta(hours=1)})
        self.make_due(self.Job._jobs_of("echo", gone))
        gone_id = gone.id
        gone.unlink()  # res.partner knows nothing of the queue: its row stays until the cron
        self.assertEqual(len(jobs.exists()), 2)
        self.run_cron_as(self.env.ref("base.user_root"))
        self.assertEqual(self.calls, [])
        self.assertFalse(self.Job.search([("res_model", "=", "res.partner"), ("res_id", "=", gone_id)]))
        self.assertTrue(self.Job._jobs_of("echo", kept), "a row waiting for a live target stays")
