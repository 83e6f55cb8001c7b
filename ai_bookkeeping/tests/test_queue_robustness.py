"""The queue in a multi-company database, against replies that are wrong (issue 9, items 2, 7 and 10)."""

from datetime import timedelta
from unittest.mock import patch

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from ..models import ai_reconciliation_request
from .common import AiBookkeepingCase


def no_match(request):
    return {"engine": {"name": "fake", "version": "0"},
            "results": [{"lineId": line["id"], "suggestions": []} for line in request["lines"]]}


@tagged("post_install", "-at_install")
class TestQueueRobustness(AiBookkeepingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.other = cls.setup_other_company(name="AI Other Co")
        cls.company_b = cls.other["company"]
        # A user of one company, as a cron's user_id may be (crons run as it, without superuser mode).
        cls.one_company_user = new_test_user(
            cls.env, login="ai_cron_one_company", groups="account.group_account_invoice,base.group_user",
            company_id=cls.company_a.id, company_ids=[Command.set(cls.company_a.ids)],
        )

    def line_of_b(self, amount, label):
        return self.env["account.bank.statement.line"].with_company(self.company_b).create({
            "journal_id": self.other["default_journal_bank"].id, "date": "2026-01-20", "amount": amount,
            "payment_ref": label,
        })

    def queued(self, st_lines):
        return self.env["ai.reconciliation.queue"].sudo().search([("statement_line_id", "in", st_lines.ids)])

    def make_due(self, st_lines):
        self.queued(st_lines).write({"next_attempt_at": fields.Datetime.now() - timedelta(minutes=1)})

    def run_cron_as(self, user):
        self.env["ai.reconciliation.queue"].with_user(user)._cron_process(batch_size=500)
        self.env.invalidate_all()

    # ------------------------------------------------------------------ item 2: a batch of two companies

    def test_dead_endpoint_backs_off_lines_of_both_companies(self):
        for user in (self.env.ref("base.user_root"), self.one_company_user):
            st_lines = self.make_st_line(100.0, "a") + self.line_of_b(200.0, "b")
            self.make_due(st_lines)
            self.run_cron_as(user)
            queue = self.queued(st_lines)
            self.assertEqual(len(queue), 2, user.login)
            self.assertEqual(queue.mapped("attempts"), [1, 1], user.login)
            self.assertTrue(all(row.next_attempt_at > fields.Datetime.now() for row in queue), user.login)
            self.assertEqual(set(st_lines.mapped("ai_state")), {"error"}, user.login)

    def test_cron_serves_every_company_whatever_its_user(self):
        for user in (self.env.ref("base.user_root"), self.one_company_user):
            fake = self.use_fake_endpoint(no_match)
            st_lines = self.make_st_line(100.0, "a") + self.line_of_b(200.0, "b")
            self.make_due(st_lines)
            self.run_cron_as(user)
            self.assertFalse(self.queued(st_lines), user.login)
            self.assertEqual(set(st_lines.mapped("ai_state")), {"no_match"}, user.login)
            asked = {request["companyId"] for request in fake.requests}
            self.assertTrue({self.company_a.id, self.company_b.id} <= asked, user.login)

    def test_the_cron_job_itself_runs_as_a_user_of_one_company(self):
        """Odoo's own cron path (the server action, as the job's user, without superuser mode)."""
        fake = self.use_fake_endpoint(no_match)
        st_lines = self.make_st_line(100.0, "a") + self.line_of_b(200.0, "b")
        self.make_due(st_lines)
        cron = self.env.ref("ai_bookkeeping.ir_cron_ai_reconciliation_queue")
        # What ir.cron._callback runs, in the environment of the job's user_id.
        cron.ir_actions_server_id.with_user(self.one_company_user).with_context(cron_id=cron.id).run()
        self.env.invalidate_all()
        self.assertFalse(self.queued(st_lines))
        self.assertEqual(set(st_lines.mapped("ai_state")), {"no_match"})
        self.assertTrue({self.company_a.id, self.company_b.id} <= {r["companyId"] for r in fake.requests})

    # ------------------------------------------------------------------ item 7: malformed replies

    def test_poisoned_reply_is_refused_field_by_field_and_blocks_nothing(self):
        invoice = self.make_invoice(100.0)
        item = self.receivable(invoice)
        st_line = self.make_st_line(100.0, "poisoned")
        st_line_b = self.line_of_b(200.0, "fine")

        def answer(request):
            if request["companyId"] != self.company_a.id:
                return no_match(request)
            good = {"rank": 1, "matchType": "full", "candidateIds": [item.id], "partnerId": None, "accountId": None,
                    "confidence": 0.9, "explanation": "fine"}
            return {"engine": {"name": "fake", "version": "0"}, "results": [
                {"lineId": [st_line.id], "suggestions": [good]},
                {"lineId": st_line.id, "suggestions": [
                    dict(good, candidateIds=[{"id": item.id}], explanation="a dict as an id"),
                    dict(good, taxIds=[999999], explanation="a tax never sent"),
                    dict(good, rank=10 ** 12, explanation="a rank the database cannot hold"),
                    dict(good, explanation="pays\x00 it"),
                ]},
            ]}

        self.use_fake_endpoint(answer)
        self.make_due(st_line | st_line_b)
        self.run_cron_as(self.env.ref("base.user_root"))
        self.assertFalse(self.queued(st_line | st_line_b))
        pending = st_line.ai_suggestion_ids
        self.assertEqual(pending.mapped("explanation"), ["pays it"])
        self.assertEqual(pending.move_line_ids, item)
        self.assertEqual(st_line_b.ai_state, "no_match")

    def test_a_batch_that_fails_unexpectedly_backs_off_and_the_other_is_processed(self):
        self.use_fake_endpoint(no_match)
        st_line = self.make_st_line(100.0, "breaks")
        st_line_b = self.line_of_b(200.0, "fine")
        original = ai_reconciliation_request.AiReconciliationRequest._suggest_for_lines

        def suggest(request, st_lines):
            if st_line in st_lines:
                raise RuntimeError("something nobody foresaw")
            return original(request, st_lines)

        self.make_due(st_line | st_line_b)
        with patch.object(ai_reconciliation_request.AiReconciliationRequest, "_suggest_for_lines", suggest):
            with self.assertLogs("odoo.addons.ai_bookkeeping.models.ai_reconciliation_queue", "ERROR") as logs:
                self.run_cron_as(self.env.ref("base.user_root"))
            self.assertIn("failed unexpectedly", logs.output[0])
            row = self.queued(st_line)
            self.assertEqual(row.attempts, 1)
            self.assertIn("something nobody foresaw", row.last_error)
            self.assertGreater(row.next_attempt_at, fields.Datetime.now())
            self.assertEqual(st_line_b.ai_state, "no_match")
            self.assertFalse(self.queued(st_line_b))
            # Backed off: the next run does not take the same batch first again.
            self.run_cron_as(self.env.ref("base.user_root"))
            self.assertEqual(self.queued(st_line).attempts, 1)

    def test_two_batches_one_poisoned_the_next_run_takes_the_other(self):
        st_line = self.make_st_line(100.0, "first")
        later = self.make_st_line(200.0, "second")
        self.use_fake_endpoint(lambda request: (500, {"error": "boom"}) if request["lines"][0]["id"] == st_line.id
                               else no_match(request))
        self.queued(st_line).write({"next_attempt_at": fields.Datetime.now() - timedelta(minutes=2)})
        self.make_due(later)
        queue = self.env["ai.reconciliation.queue"].sudo()
        queue.search([("id", "not in", self.queued(st_line | later).ids)]).write(
            {"next_attempt_at": fields.Datetime.now() + timedelta(days=1)})  # demo lines wait
        queue._cron_process(batch_size=1)
        self.assertEqual(self.queued(st_line).attempts, 1)
        queue._cron_process(batch_size=1)
        self.assertFalse(self.queued(later), "the second batch ran although the first had failed")
        self.assertEqual(later.ai_state, "no_match")

    # ------------------------------------------------------------------ item 10: states that say the truth

    def test_a_line_in_error_says_why_and_when_it_is_tried_again(self):
        st_line = self.make_st_line(100.0, "a")
        self.make_due(st_line)
        self.run_cron_as(self.env.ref("base.user_root"))
        row = self.queued(st_line)
        self.assertEqual(st_line.ai_state, "error")
        self.assertIn("Nothing answers", st_line.ai_error)
        self.assertIn("Next try: %s UTC" % fields.Datetime.to_string(row.next_attempt_at)[:16], st_line.ai_error)

    def test_a_refused_request_says_it_is_tried_again_in_six_hours(self):
        self.use_fake_endpoint(lambda request: (400, {"error": "bad request"}))
        st_line = self.make_st_line(100.0, "a")
        self.make_due(st_line)
        with self.assertLogs("odoo.addons.ai_bookkeeping.models.ai_reconciliation_queue", "WARNING") as logs:
            self.run_cron_as(self.env.ref("base.user_root"))
        self.assertNotIn("not retried", "\n".join(logs.output))
        row = self.queued(st_line)
        self.assertAlmostEqual(row.next_attempt_at, fields.Datetime.now() + timedelta(hours=6),
                               delta=timedelta(minutes=5))
        self.assertIn("Next try: %s UTC" % fields.Datetime.to_string(row.next_attempt_at)[:16], st_line.ai_error)

    def test_lines_reconciled_meanwhile_leave_the_queue(self):
        invoice = self.make_invoice(100.0)
        st_line = self.make_st_line(100.0, "paid by hand")
        self.make_due(st_line)
        self.run_cron_as(self.env.ref("base.user_root"))  # the endpoint is down: in error, retried later
        self.assertEqual(st_line.ai_state, "error")
        self.make_suggestion(st_line, self.receivable(invoice)).action_approve()
        self.assertTrue(st_line.is_reconciled)
        self.run_cron_as(self.env.ref("base.user_root"))  # not due yet, still forgotten
        self.assertFalse(self.queued(st_line))
        self.assertNotIn(st_line.ai_state, ("queued", "error"))

    def test_zero_amount_lines_are_not_queued(self):
        st_line = self.make_st_line(0.0, "balance carried forward")
        self.assertTrue(st_line.is_reconciled)
        self.assertFalse(self.queued(st_line))
        self.assertEqual(st_line.ai_state, "none")

    def test_nul_characters_in_any_text_field_are_stored_as_spaces(self):
        st_line = self.make_st_line(100.0, "x", transaction_type="SEPA\x00CT", narration="note\x00")
        self.assertEqual(st_line.transaction_type, "SEPA CT")
        st_line.write({"transaction_type": "TRF\x00", "partner_name": "A\x00B"})
        self.assertEqual((st_line.transaction_type, st_line.partner_name), ("TRF ", "A B"))

    def test_suggest_button_never_promises_what_the_rollback_undoes(self):
        st_line = self.make_st_line(100.0, "x")
        self.queued(st_line).unlink()  # asked before: no queue row left
        with self.assertRaises(UserError) as caught:
            st_line.action_ai_suggest()
        self.assertNotIn("stay queued", str(caught.exception))
        self.assertIn("press Suggest again", str(caught.exception))
        queued_line = self.make_st_line(100.0, "y")
        row = self.queued(queued_line)
        with self.assertRaises(UserError) as caught:
            queued_line.action_ai_suggest()
        self.assertIn(fields.Datetime.to_string(max(row.next_attempt_at, fields.Datetime.now()))[:16],
                      str(caught.exception))
