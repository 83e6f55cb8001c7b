import logging
from datetime import timedelta
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from ..models.anomaly_detection import AiAnomalyDetection
from .common import AiBookkeepingCase, start_bundled_endpoint

DETECTION = "odoo.addons.ai_bookkeeping.models.anomaly_detection"


class AnomalyCase(AiBookkeepingCase):
    """Books of a few vendors, and the real bundled endpoint (endpoint/ai_endpoint.mjs) on a free port."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        start_bundled_endpoint(cls, "a" * 48)
        cls.vendor = cls.env["res.partner"].create({"name": "Stadtwerke Nord", "email": "sw@example.com"})
        for month, amount in enumerate([182.0, 240.0, 205.5, 215.0, 190.0, 231.0], start=7):
            cls.make_bill(amount, date="2025-%02d-05" % month, ref="SW-%d" % month)
        cls.controller = new_test_user(
            cls.env, login="ai_controller", email="controller@example.com",
            groups="ai_bookkeeping.ai_bookkeeping_group_reviewer,base.group_user",
            company_id=cls.env.company.id, company_ids=[Command.set(cls.env.company.ids)])
        cls.env.company.ai_controller_user_id = cls.controller
        cls.env.company.ai_anomaly_alert_score = 0.99
        cls.detect()  # the books so far are checked: the tests look at what comes next

    @classmethod
    def make_bill(cls, amount, date="2026-02-20", ref=None, post=True, partner=None):
        bill = cls.init_invoice("in_invoice", partner=partner or cls.vendor, invoice_date=date, amounts=[amount],
                                taxes=cls.env["account.tax"])
        bill.ref = ref
        if post:
            bill.action_post()
        return bill

    @classmethod
    def detect(cls, company=None):
        company = company or cls.env.company
        cls.env["ai.anomaly.detection"].sudo().with_company(company)._detect_company(company)

    def anomalies(self, **domain):
        return self.env["ai.suggestion"].search(
            [("kind", "=", "anomaly")] + [(key, "=", value) for key, value in domain.items()])


@tagged("post_install", "-at_install")
class TestAnomalyDetection(AnomalyCase):
    def test_outlier_with_range_banner_and_no_write_to_the_books(self):
        bill = self.make_bill(2450.0, ref="SW-2026-02")
        self.env.flush_all()
        self.env.cr.execute("SELECT MAX(write_date), COUNT(*) FROM account_move_line")
        books_before = self.env.cr.fetchall()
        self.detect()
        self.env.flush_all()
        self.env.cr.execute("SELECT MAX(write_date), COUNT(*) FROM account_move_line")
        self.assertEqual(self.env.cr.fetchall(), books_before, "detection never writes to the books")
        found = self.anomalies(anomaly_move_id=bill.id)
        self.assertEqual(found.mapped("anomaly_detector"), ["amount_outlier_vendor"])
        self.assertRegex(found.explanation,
                         r"usually 1\d\d(\.\d\d)?–2\d\d(\.\d\d)? (EUR|USD) .*this bill is 2,450 (EUR|USD)")
        self.assertEqual(found.res_model, "account.move")
        self.assertEqual(found.anomaly_partner_id, self.vendor)
        self.assertGreaterEqual(len(found.anomaly_evidence), 4, "the earlier bills compared are the evidence")
        self.assertEqual(bill.with_user(self.reader).ai_anomaly_count, 1, "the banner on the bill")

    def test_duplicate_draft_found_once_then_cancelled_through_approval_and_reverted(self):
        self.make_bill(1234.5, date="2026-02-10", ref="INV-0042")
        duplicate = self.make_bill(1234.5, date="2026-02-12", ref="inv 42", post=False)
        self.detect()
        found = self.anomalies(anomaly_detector="duplicate_bill")
        self.assertEqual(len(found), 1)
        self.assertEqual(found.anomaly_move_id, duplicate, "the later bill is the duplicate")
        self.assertIn('"INV-0042" / "inv 42"', found.explanation)
        duplicate.narration = "touched again"  # changed: read again by the next run, but not raised twice
        self.detect()
        self.assertEqual(len(self.anomalies(anomaly_detector="duplicate_bill")), 1)
        found.with_user(self.reviewer).action_anomaly_cancel_duplicate()
        self.assertEqual(duplicate.state, "cancel")
        self.assertEqual(found.state, "applied")
        self.assertEqual(found.anomaly_resolution, "cancel_duplicate")
        found.with_user(self.reviewer).action_revert()
        self.assertEqual(duplicate.state, "draft")

    def test_cancel_refused_for_a_posted_bill(self):
        self.make_bill(777.0, date="2026-02-10")
        self.make_bill(777.0, date="2026-02-11")
        self.detect()
        found = self.anomalies(anomaly_detector="duplicate_bill")
        self.assertEqual(len(found), 1)
        with self.assertRaisesRegex(UserError, "still a draft"):
            found.with_user(self.reviewer).action_anomaly_cancel_duplicate()

    def test_confirm_opens_an_activity_for_the_responsible(self):
        bill = self.make_bill(2450.0)
        self.detect()
        found = self.anomalies(anomaly_move_id=bill.id)
        found.with_user(self.reviewer).action_anomaly_confirm()
        self.assertEqual(found.state, "applied")
        activity = found.anomaly_activity_id
        self.assertEqual(activity.res_model, "account.move")
        self.assertEqual(activity.res_id, bill.id)
        self.assertEqual(activity.user_id, bill.invoice_user_id or self.controller)

    def test_dismissed_pattern_not_raised_again_unless_worse(self):
        first = self.make_bill(2450.0)
        self.detect()
        found = self.anomalies(anomaly_move_id=first.id)
        wizard = self.env["ai.anomaly.dismiss.wizard"].with_user(self.reviewer).with_context(
            active_ids=found.ids).create({"reason": "new tariff"})
        wizard.action_dismiss()
        self.assertEqual(found.state, "rejected")
        dismissal = self.env["ai.anomaly.dismissal"].search([("pattern_key", "=", found.anomaly_pattern_key)])
        self.assertEqual((dismissal.reason, dismissal.score), ("new tariff", found.confidence))
        similar = self.make_bill(2460.0, date="2026-02-21")
        self.detect()
        self.assertFalse(self.anomalies(anomaly_move_id=similar.id), "the same pattern, no worse: silent")
        worse = self.make_bill(45000.0, date="2026-02-22")
        self.detect()
        self.assertEqual(self.anomalies(anomaly_move_id=worse.id).anomaly_detector, "amount_outlier_vendor")

    def test_incremental_runs_send_only_changed_entries_in_bounded_batches(self):
        sent = []
        real = AiAnomalyDetection._prepare_request

        def spy(detection, company, moves, **kwargs):
            sent.append(moves.ids)
            return real(detection, company, moves, **kwargs)

        bills = [self.make_bill(100.0 + i, date="2026-02-%02d" % (i + 1)) for i in range(5)]
        with patch.object(AiAnomalyDetection, "_prepare_request", spy), patch(DETECTION + ".BATCH_SIZE", 2):
            self.detect()
            self.assertEqual(sent, [bills[0].ids + bills[1].ids, bills[2].ids + bills[3].ids, bills[4].ids])
            sent.clear()
            self.detect()
            self.assertEqual(sent, [], "nothing changed, nothing sent")
            bills[2].ref = "changed"
            # as a later transaction would stamp it (one test is one transaction, with one now())
            self.env.flush_all()
            self.env.cr.execute("UPDATE account_move SET write_date = write_date + interval '1 second' WHERE id = %s",
                                [bills[2].id])
            bills[2].invalidate_recordset(["write_date"])
            self.detect()
            self.assertEqual(sent, [bills[2].ids])

    def test_the_batches_of_a_run_get_the_history_a_fresh_read_gives(self):
        """The run's cache (each vendor's, account's, user's and journal's history read once, the batch's own moves
        subtracted from the counts) gives every batch the payload a read of its own would."""
        bills = [self.make_bill(100.0 + 10 * i, date="2026-02-%02d" % (i + 1)) for i in range(5)]
        real = AiAnomalyDetection._prepare_request
        compared = []

        def spy(detection, company, moves, cache=None):
            payload, sent = real(detection, company, moves, cache=cache)
            self.assertEqual((payload, sent), real(detection, company, moves), "batch %s" % moves.ids)
            compared.append(moves.ids)
            vendor = next(v for v in payload["history"]["vendors"] if v["partnerId"] == self.vendor.id)
            self.assertEqual(vendor["billCount"], 6 + 5 - len(moves), "the other posted bills, not the batch's")
            self.assertEqual(sum(a["count"] for a in vendor["accounts"]), 6 + 5 - len(moves))
            return payload, sent

        with patch.object(AiAnomalyDetection, "_prepare_request", spy), patch(DETECTION + ".BATCH_SIZE", 2):
            self.detect()
        self.assertEqual(compared, [bills[0].ids + bills[1].ids, bills[2].ids + bills[3].ids, bills[4].ids])

    def test_a_late_committed_back_dated_entry_is_still_checked_once(self):
        sent = []
        real = AiAnomalyDetection._prepare_request

        def spy(detection, company, records, **kwargs):
            sent.append((records._name, records.ids))
            return real(detection, company, records, **kwargs)

        company = self.env.company
        normal = self.make_bill(200.0, date="2026-02-03")
        with patch.object(AiAnomalyDetection, "_prepare_request", spy):
            self.detect()
            self.assertEqual(sent, [("account.move", normal.ids)])
            sent.clear()
            mark = (company.ai_anomaly_watermark_date, company.ai_anomaly_watermark_id)
            # Back-dated, and posted by a transaction that began before the last run and committed after it:
            # its write_date (the transaction's start) is before the watermark.
            late = self.make_bill(2450.0, date="2026-01-15", ref="SW-LATE")
            self.env.flush_all()
            self.env.cr.execute("UPDATE account_move SET write_date = %s WHERE id = %s",
                                [mark[0] - timedelta(minutes=5), late.id])
            late.invalidate_recordset(["write_date"])
            self.detect()
            self.assertEqual(sent, [("account.move", late.ids)],
                             "the late entry is read; what the window holds and was checked is not sent again")
            self.assertEqual((company.ai_anomaly_watermark_date, company.ai_anomaly_watermark_id), mark,
                             "reading late entries does not move the watermark back")
            found = self.anomalies(anomaly_move_id=late.id)
            self.assertIn("amount_outlier_vendor", found.mapped("anomaly_detector"))
            sent.clear()
            self.detect()
            self.detect()
            self.assertEqual(sent, [], "checked once")
        self.assertEqual(self.anomalies(anomaly_move_id=late.id), found, "nothing reported twice")
        self.assertEqual(len(self.anomalies(anomaly_move_id=normal.id)), 0)

    def test_what_falls_out_of_the_overlap_window_is_forgotten(self):
        company = self.env.company
        checked = self.env["ai.anomaly.checked"].sudo()
        stale = checked.create({"company_id": company.id, "res_model": "account.move", "res_id": 1,
                                "stamp": company.ai_anomaly_watermark_date - timedelta(hours=2)})
        bill = self.make_bill(210.0, date="2026-02-04")
        self.detect()
        self.assertFalse(stale.exists(), "older than the watermark minus the window: never read again")
        self.assertEqual(checked.search([("res_model", "=", "account.move"), ("res_id", "=", bill.id)]).stamp,
                         bill.write_date)

    def test_a_failing_detector_is_logged_and_the_others_stored(self):
        bill = self.make_bill(2450.0)
        real = type(self.env["ai.endpoint"])._detect_anomalies

        def with_crash(endpoint, payload):
            reply = real(endpoint, payload)
            reply["errors"] = [{"detector": "benford", "message": "boom"}]
            return reply

        with patch.object(type(self.env["ai.endpoint"]), "_detect_anomalies", with_crash), \
                self.assertLogs(DETECTION, level=logging.ERROR) as logs:
            self.detect()
        self.assertIn("benford", logs.output[0])
        self.assertTrue(self.anomalies(anomaly_move_id=bill.id))

    def test_unreachable_endpoint_keeps_the_watermark(self):
        company = self.env.company
        mark = (company.ai_anomaly_watermark_date, company.ai_anomaly_watermark_id)
        bill = self.make_bill(2450.0)
        self.env["ir.config_parameter"].set_param("ai_bookkeeping.endpoint_url", "http://127.0.0.1:9")
        with self.assertLogs(DETECTION, level=logging.WARNING):
            self.detect()
        self.assertEqual((company.ai_anomaly_watermark_date, company.ai_anomaly_watermark_id), mark)
        self.assertFalse(self.anomalies(anomaly_move_id=bill.id))

    def test_the_same_bank_line_imported_twice(self):
        first = self.make_st_line(-89.9, label="SEPA Stadtwerke Nord SW-0099", date="2026-02-18",
                                  account_number="DE44 5001 0517 5407 3249 31")
        self.detect()
        again = self.make_st_line(-89.9, label="SEPA STADTWERKE NORD sw 99", date="2026-02-18",
                                  account_number="DE4450010517540732 4931")
        self.detect()
        found = self.anomalies(anomaly_detector="duplicate_bank_line")
        self.assertEqual(found.res_model, "account.bank.statement.line")
        self.assertEqual(found.res_id, again.id)
        self.assertEqual(found.anomaly_move_id, again.move_id)
        self.assertIn({"model": "account.bank.statement.line", "id": first.id}, found.anomaly_evidence)

    def test_the_same_bill_paid_twice(self):
        bill = self.make_bill(480.0, ref="SW-2026-02")
        wizard = self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=bill.ids).create({"payment_date": "2026-02-25"})
        first = wizard._create_payments()
        self.detect()
        second = self.env["account.payment"].create({
            "payment_type": "outbound", "partner_type": "supplier", "partner_id": self.vendor.id, "amount": 480.0,
            "memo": first.memo, "journal_id": self.bank_journal.id, "date": "2026-02-27"})
        second.action_post()
        self.detect()
        found = self.anomalies(anomaly_detector="duplicate_payment")
        self.assertEqual((found.res_model, found.res_id), ("account.payment", second.id))
        self.assertIn({"model": "account.payment", "id": first.id}, found.anomaly_evidence)

    def test_payments_without_a_journal_entry_are_read(self):
        # Odoo 18 books a payment only when it is confirmed: a draft payment has no journal entry.
        def draft_payment(bill, amount, day, memo):
            return self.env["account.payment"].create({
                "payment_type": "outbound", "partner_type": "supplier", "partner_id": self.vendor.id,
                "amount": amount, "memo": memo, "journal_id": self.bank_journal.id, "date": day,
                "invoice_ids": [Command.set(bill.ids)]})

        bill = self.make_bill(480.0, ref="SW-2026-03")
        wizard = self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=bill.ids).create({"payment_date": "2026-02-25"})
        booked = wizard._create_payments()
        self.detect()
        again = draft_payment(bill, 480.0, "2026-02-27", "paid again")
        self.assertFalse(again.move_id)
        self.detect()
        found = self.anomalies(anomaly_detector="duplicate_payment")
        self.assertEqual((found.res_model, found.res_id), ("account.payment", again.id))
        self.assertIn("pays the same bill", found.explanation)
        self.assertIn({"model": "account.payment", "id": booked.id}, found.anomaly_evidence)
        self.assertIn({"model": "account.move", "id": bill.id}, found.anomaly_evidence)
        self.assertEqual(self.env.company.ai_anomaly_payment_watermark_id, again.id, "read, on its own watermark")

        # Two payments of one bill, neither booked: the first is in the vendor's history of such payments.
        other_bill = self.make_bill(615.0, ref="SW-2026-04")
        first = draft_payment(other_bill, 615.0, "2026-02-26", "April")
        self.detect()
        second = draft_payment(other_bill, 615.0, "2026-02-28", "April bill")
        self.detect()
        self.detect()
        found = self.anomalies(anomaly_detector="duplicate_payment", res_id=second.id)
        self.assertEqual(len(found), 1, "found, once")
        self.assertIn({"model": "account.payment", "id": first.id}, found.anomaly_evidence)
        self.assertFalse(self.anomalies(anomaly_detector="duplicate_payment", res_id=first.id))

    def test_benford_sets_count_first_digits_per_journal_and_vendor(self):
        bill = self.make_bill(312.0)
        detection = self.env["ai.anomaly.detection"].sudo()
        sets = {entry["scope"]: entry for entry in detection._benford_sets(self.env.company, bill)}
        vendor_set = sets["vendor:%d:2026" % self.vendor.id]
        # 182, 240, 205.50, 215, 190, 231 and 312 (no taxes): two 1s, four 2s, one 3
        self.assertEqual(vendor_set["counts"], [2, 4, 1, 0, 0, 0, 0, 0, 0])
        self.assertEqual(vendor_set["target"], {"model": "res.partner", "id": self.vendor.id})
        journal_set = sets["journal:%d:2026" % bill.journal_id.id]
        self.assertGreaterEqual(sum(journal_set["counts"]), 7)
        self.assertIn({"model": "account.move", "id": bill.id}, journal_set["sampleIds"])

    def test_multi_company_isolation(self):
        other = self.setup_other_company()["company"]
        other_vendor = self.env["res.partner"].create({"name": "Stadtwerke Nord", "company_id": other.id})
        for month in (8, 9, 10, 11, 12):
            self.init_invoice("in_invoice", partner=other_vendor, invoice_date="2025-%02d-05" % month,
                              amounts=[200.0], taxes=self.env["account.tax"], company=other, post=True)
        mine = self.make_bill(2450.0)
        theirs = self.init_invoice("in_invoice", partner=other_vendor, invoice_date="2026-02-20", amounts=[2450.0],
                                   taxes=self.env["account.tax"], company=other, post=True)
        self.detect()
        found = self.env["ai.suggestion"].sudo().search([("kind", "=", "anomaly")])
        self.assertIn(mine, found.anomaly_move_id)
        self.assertNotIn(theirs, found.anomaly_move_id, "company A's run reads company A only")
        self.assertEqual(set(found.company_id.ids), {self.env.company.id})
        self.detect(other)
        theirs_found = self.env["ai.suggestion"].sudo().search([("anomaly_move_id", "=", theirs.id)])
        self.assertEqual(theirs_found.company_id, other)
        self.assertNotIn(mine.id, [e["id"] for e in theirs_found.anomaly_evidence])
        self.assertFalse(self.env["ai.suggestion"].with_user(self.reviewer).search(
            [("id", "=", theirs_found.id)]), "a user of company A does not see company B's anomalies")


@tagged("post_install", "-at_install")
class TestAnomalyAlerts(AnomalyCase):
    def mails_to(self, user):
        return self.env["mail.mail"].sudo().search([("recipient_ids", "in", user.partner_id.ids)])

    def test_immediate_alert_then_digest_and_nothing_sent_twice(self):
        company = self.env.company
        company.ai_anomaly_alert_score = 0.8
        self.make_bill(3100.0, date="2026-02-10", partner=self.partner_a)
        self.make_bill(3100.0, date="2026-02-10", post=False, partner=self.partner_a)  # duplicate: score 0.85
        outlier = self.make_bill(2450.0, date="2026-02-15")   # outlier, score about 0.7
        mails_before = self.mails_to(self.controller)
        self.detect()
        urgent = self.anomalies(anomaly_detector="duplicate_bill")
        self.assertTrue(urgent.anomaly_alerted)
        channel = company.ai_anomaly_channel_id
        self.assertTrue(channel, "the add-on created the company's channel")
        self.assertIn(self.controller.partner_id, channel.channel_member_ids.partner_id)
        alert_posts = channel.message_ids.filtered(lambda m: "Anomaly alert" in (m.body or ""))
        self.assertEqual(len(alert_posts), 1)
        new_mails = self.mails_to(self.controller) - mails_before
        self.assertEqual(len(new_mails), 1)
        self.assertIn("Anomaly alert", new_mails.subject)
        self.assertIn(urgent.name, new_mails.body_html)

        sent = self.env["ai.suggestion"]._cron_anomaly_digest()
        self.assertGreaterEqual(sent, 1)
        digest = self.mails_to(self.controller) - mails_before - new_mails
        self.assertEqual(len(digest), 1)
        self.assertIn("Daily anomaly digest", digest.subject)
        rows = self.anomalies(anomaly_move_id=outlier.id)
        self.assertIn(rows.name, digest.body_html)
        self.assertNotIn(urgent.name, digest.body_html, "an alerted finding is not sent again in the digest")
        self.assertEqual(self.env["ai.suggestion"]._cron_anomaly_digest(), 0, "nothing sent twice")
        self.assertEqual(len(self.mails_to(self.controller) - mails_before), 2)

    def test_channel_members_follow_the_settings(self):
        member = new_test_user(self.env, login="ai_member", email="member@example.com", groups="base.group_user")
        self.env.company.ai_anomaly_member_ids = member
        channel = self.env.company._ai_anomaly_channel()
        self.assertEqual(channel, self.env.company._ai_anomaly_channel(), "created once")
        self.assertIn(member.partner_id, channel.channel_member_ids.partner_id)


@tagged("post_install", "-at_install")
class TestAnomalyCron(AnomalyCase):
    def test_the_cron_job_runs_detection_for_each_company(self):
        bill = self.make_bill(2450.0)
        cron = self.env.ref("ai_bookkeeping.ir_cron_ai_anomaly_detect")
        cron.method_direct_trigger()
        self.assertTrue(self.env["ai.suggestion"].sudo().search([("anomaly_move_id", "=", bill.id)]))
        self.assertEqual(self.env.company.ai_anomaly_watermark_id, bill.id, "the watermark is the last entry read")
