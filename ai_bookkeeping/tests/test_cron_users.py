from contextlib import closing, contextmanager
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import new_test_user, tagged

from ..tools import approval_rules as ar
from .collection_common import CollectionCase

CRONS = (
    "ai_bookkeeping.ir_cron_ai_job",
    "ai_bookkeeping.ir_cron_ai_controller_digest",
    "ai_bookkeeping.ir_cron_ai_anomaly_detect",
    "ai_bookkeeping.ir_cron_ai_anomaly_digest",
    "ai_bookkeeping.ir_cron_ai_collection_propose",
    "ai_bookkeeping.ir_cron_financial_report_schedule",
)


def run_through_scheduler(case, xmlid, user):
    """One run of the cron ``xmlid`` with ``user`` as its user, the way Odoo's scheduler runs it: the job acquired
    (ir.cron._acquire_one_job), then ir.cron._process_job — the server action as the job's user_id without
    superuser mode (unless OdooBot), progress, failure count and rescheduling. Returns the cron, refreshed."""
    cron = case.env.ref(xmlid)
    cron.write({"user_id": user.id, "nextcall": fields.Datetime.now() - timedelta(hours=1), "failure_count": 0,
                "active": True})
    case.env.flush_all()
    IrCron = case.registry["ir.cron"]
    job = IrCron._acquire_one_job(case.env.cr, cron.id)
    case.assertTrue(job, "the job is ready for the scheduler")
    case.registry.enter_test_mode(case.env.cr)
    try:
        with case.registry.cursor() as cron_cr:
            IrCron._process_job(case.registry.db_name, cron_cr, job)
    finally:
        case.registry.leave_test_mode()
    case.env.invalidate_all()
    case.assertEqual(cron.failure_count, 0, "%s did not fail as %s" % (xmlid, user.login))
    return cron


@tagged("post_install", "-at_install")
class TestCronUsers(CollectionCase):
    """Each scheduled action of the add-on, through Odoo's own scheduler path, as OdooBot (the default) and as an
    AI Bookkeeping manager who is neither an administrator nor an accounting manager: each does its job."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cron_manager = new_test_user(
            cls.env, login="ai_cron_manager", email="cron.manager@example.com",
            groups="ai_bookkeeping.ai_bookkeeping_group_manager,base.group_user",
            company_id=cls.company.id, company_ids=[Command.set(cls.company.ids)])
        cls.users = (cls.env.ref("base.user_root"), cls.cron_manager)
        # A second company the cron's user does not belong to: the crons serve every company all the same.
        cls.other_company = cls.setup_other_company(name="AI Cron Other Co")["company"]
        cls.other_controller = new_test_user(
            cls.env, login="ai_cron_other_controller", email="other.controller@example.com",
            groups="ai_bookkeeping.ai_bookkeeping_group_reviewer,base.group_user",
            company_id=cls.other_company.id, company_ids=[Command.set(cls.other_company.ids)])

    @contextmanager
    def trial(self, user):
        """One sub-test with ``user`` as the cron's user, in a savepoint rolled back after it."""
        with self.subTest(user=user.login), closing(self.env.cr.savepoint()):
            yield

    def test_the_cron_manager_is_no_technical_user(self):
        self.assertFalse(self.cron_manager.has_group("base.group_system"))
        self.assertFalse(self.cron_manager.has_group("account.group_account_manager"))
        self.assertFalse(self.env["ai.audit.log"].with_user(self.cron_manager).has_access("write"),
                         "the audit log stays append-only, for the cron's user too")
        for xmlid in CRONS:
            self.assertTrue(self.env.ref(xmlid).active, xmlid)

    def test_job_queue(self):
        for user in self.users:
            with self.trial(user):
                st_line = self.make_st_line(100.0, "cron queue %s" % user.login)
                jobs = self.env["ai.job"].sudo()._jobs_of("reconciliation", st_line)
                self.assertTrue(jobs, "a new statement line is queued")
                jobs.write({"next_attempt_at": fields.Datetime.now() - timedelta(minutes=1)})
                run_through_scheduler(self, "ai_bookkeeping.ir_cron_ai_job", user)
                self.assertFalse(self.env["ai.job"].sudo()._jobs_of("reconciliation", st_line), "the job was processed")
                self.assertNotIn(st_line.ai_state, ("none", "queued", "error"))

    def test_controller_digest(self):
        controllers = ((self.company, self.controller), (self.other_company, self.other_controller))
        for user in self.users:
            with self.trial(user):
                for company, controller in controllers:
                    company.write({"ai_rollout_phase": ar.PHASE_SUPERVISED, "ai_controller_user_id": controller.id})
                    self.env["ai.audit.log"]._log([{"company_id": company.id, "res_model": "ai.suggestion",
                                                    "res_id": 987654, "event": "auto_applied"}])
                before = self.env["mail.message"].sudo().search([], order="id desc", limit=1).id
                run_through_scheduler(self, "ai_bookkeeping.ir_cron_ai_controller_digest", user)
                for company, controller in controllers:
                    digest = self.env["mail.message"].sudo().search(
                        [("id", ">", before), ("partner_ids", "in", controller.partner_id.ids)])
                    self.assertEqual(len(digest), 1, company.name)
                    self.assertIn("applied automatically", digest.subject)
                    self.assertIn(company.name, str(digest.body), "each controller is told of their own company")

    def test_anomaly_detection(self):
        for user in self.users:
            with self.trial(user):
                self.env["ai.anomaly.detection"].sudo().with_company(self.company)._detect_company(self.company)
                vendor = self.customer("Cron Vendor %s" % user.login)
                bill = self.init_invoice("in_invoice", partner=vendor, invoice_date="2026-02-20", amounts=[120.0],
                                         taxes=self.env["account.tax"], post=True)
                run_through_scheduler(self, "ai_bookkeeping.ir_cron_ai_anomaly_detect", user)
                self.assertEqual(self.company.ai_anomaly_watermark_id, bill.id, "the new entry was checked")

    def test_anomaly_digest(self):
        for user in self.users:
            with self.trial(user):
                bill = self.init_invoice("in_invoice", partner=self.partner_a, invoice_date="2026-02-20",
                                         amounts=[120.0], taxes=self.env["account.tax"], post=True)
                finding = self.env["ai.suggestion"].sudo().create({
                    "name": "Unusual amount: %s" % bill.display_name, "kind": "anomaly", "company_id": self.company.id,
                    "res_model": "account.move", "res_id": bill.id, "confidence": 0.5, "explanation": "unusual",
                    "anomaly_move_id": bill.id})
                run_through_scheduler(self, "ai_bookkeeping.ir_cron_ai_anomaly_digest", user)
                self.assertTrue(finding.anomaly_digested)
                bodies = [m.body or "" for m in self.company.ai_anomaly_channel_id.message_ids]
                self.assertEqual(len([body for body in bodies if finding.name in body]), 1)

    def test_collection_proposals(self):
        for user in self.users:
            with self.trial(user):
                late = self.customer("Cron Late Payer %s" % user.login)
                invoice = self.invoices([(late, 400.0, "2026-02-01")])
                run_through_scheduler(self, "ai_bookkeeping.ir_cron_ai_collection_propose", user)
                reminder = self.env["ai.suggestion"].sudo().search(
                    [("kind", "=", "collection"), ("collection_partner_id", "=", late.id)])
                self.assertEqual(reminder.collection_invoice_ids, invoice)

    def test_financial_report_schedule(self):
        for user in self.users:
            with self.trial(user):
                schedules = {}
                for company in (self.company, self.other_company):
                    close = self.env["ai.period.close"].with_company(company).create(
                        {"company_id": company.id, "date_from": "2026-02-01", "date_to": "2026-02-28"})
                    close.sudo().write({"state": "locked"})
                    schedules[company] = self.env["financial.report.schedule"].with_company(company).create(
                        {"company_id": company.id, "post_on_close": True})
                run_through_scheduler(self, "ai_bookkeeping.ir_cron_financial_report_schedule", user)
                for company, schedule in schedules.items():
                    self.assertEqual(len(schedule.report_ids), 1, company.name)
                    self.assertEqual(schedule.report_ids.company_id, company)
                    self.assertEqual(schedule.last_date_to, fields.Date.to_date("2026-02-28"))
