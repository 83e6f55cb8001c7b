import io
import zipfile

from odoo import fields
from odoo.tests import tagged

from .collection_common import CollectionCase


@tagged("post_install", "-at_install")
class TestCollectionApproval(CollectionCase):
    """Approving sends through Odoo's real mail queue (outgoing mail.mail, captured, never delivered: tests never
    send), with the statement attached, and records the level reached per invoice."""

    def test_bulk_approval_of_100_reminders_queues_100_messages(self):
        customers = self.env["res.partner"].create(
            [{"name": "Customer %03d" % i, "email": "customer%03d@example.com" % i} for i in range(100)])
        invoices = self.invoices([(partner, 100.0 + i, "2026-02-15") for i, partner in enumerate(customers)])
        reminders, skips = self.of(self.run_collections(), customers)
        self.assertEqual(len(reminders), 100)
        self.assertFalse(skips)
        outcomes = self.env["ai.suggestion"].with_user(self.controller).dashboard_decide(reminders.ids, "approve")
        self.assertEqual([o for o in outcomes if not o["ok"]], [])
        self.assertEqual(set(reminders.mapped("state")), {"applied"})
        mails = self.env["mail.mail"].search([("recipient_ids", "in", customers.ids)])
        self.assertEqual(len(mails), 100)
        self.assertEqual(set(mails.mapped("state")), {"outgoing"}, "queued for Odoo's mail cron")
        self.assertEqual(mails.recipient_ids, customers)
        for mail in mails[:3]:
            self.assertEqual(len(mail.attachment_ids), 1)
            self.assertIn("Statement", mail.attachment_ids.name)
            self.assertIn("payment reminder", mail.subject)
        first = self.env.ref("ai_bookkeeping.collection_level_first")
        self.assertEqual(set(invoices.mapped("ai_collection_level_id")), {first})
        self.assertEqual(set(invoices.mapped("ai_collection_reminded_on")), {self.today})
        message = reminders[0].collection_message_id
        self.assertEqual(message.model, "res.partner")
        self.assertEqual(message.res_id, reminders[0].collection_partner_id.id)
        # The next level comes a week later, not the same one again.
        again, _skips = self.of(self.run_collections(today=fields.Date.to_date("2026-03-02")), customers)
        self.assertFalse(again)
        later, _skips = self.of(self.run_collections(today=fields.Date.to_date("2026-03-09")), customers[:1])
        self.assertEqual(later.collection_level_id, self.env.ref("ai_bookkeeping.collection_level_second"))

    def test_edited_text_is_what_is_sent(self):
        partner = self.customer("Edited Text")
        self.invoices([(partner, 50.0, "2026-02-20")])
        reminder, _skips = self.of(self.run_collections(), partner)
        wizard = self.env["ai.collection.review.wizard"].with_user(self.controller).with_context(
            active_ids=reminder.ids).create({})
        self.assertEqual(wizard.subject, reminder.collection_subject)
        wizard.write({"subject": "About your account", "body": "<p>Please call us about invoice 42.</p>"})
        wizard.action_save_text()
        reminder.with_user(self.controller).action_approve()
        mail = self.env["mail.mail"].search([("recipient_ids", "in", partner.ids)])
        self.assertEqual(mail.subject, "About your account")
        self.assertIn("Please call us about invoice 42.", mail.body_html)

    def test_postpone_until_a_date(self):
        partner = self.customer("Postponed")
        self.invoices([(partner, 50.0, "2026-02-20")])
        reminder, _skips = self.of(self.run_collections(), partner)
        reminder.with_user(self.controller).action_collection_postpone("2026-03-15")
        self.assertEqual(reminder.state, "rejected")
        self.assertIn("Postponed until", reminder.reject_reason)
        suggestions, skips = self.of(self.run_collections(today=fields.Date.to_date("2026-03-10")), partner)
        self.assertFalse(suggestions)
        self.assertEqual(skips.code, "postponed")
        suggestions, _skips = self.of(self.run_collections(today=fields.Date.to_date("2026-03-16")), partner)
        self.assertEqual(len(suggestions), 1)

    def test_phone_level_is_an_activity_and_nothing_is_mailed(self):
        partner = self.customer("Long Overdue")
        invoice = self.invoices([(partner, 700.0, "2026-01-10")])
        # The final reminder went out 19 days ago; the escalation (+35, 14 days after the final +21) is due.
        invoice.write({"ai_collection_level_id": self.env.ref("ai_bookkeeping.collection_level_final").id,
                       "ai_collection_reminded_on": "2026-02-10"})
        reminder, _skips = self.of(self.run_collections(), partner)
        self.assertEqual(reminder.collection_level_id, self.env.ref("ai_bookkeeping.collection_level_escalation"))
        self.assertEqual(reminder.collection_tone, "final")
        reminder.with_user(self.controller).action_approve()
        self.assertEqual(reminder.collection_activity_id.activity_type_id,
                         self.env.ref("mail.mail_activity_data_call"))
        self.assertEqual(reminder.collection_activity_id.res_id, partner.id)
        self.assertFalse(self.env["mail.mail"].search([("recipient_ids", "in", partner.ids)]))
        self.assertEqual(invoice.ai_collection_level_id, reminder.collection_level_id)

    def test_levels_are_data_per_company(self):
        partner = self.customer("Own Levels")
        self.invoices([(partner, 80.0, "2026-02-25")])  # 4 days overdue: no default level yet
        self.assertFalse(self.of(self.run_collections(), partner)[0])
        self.env["ai.collection.level"].create({
            "name": "Gentle nudge", "company_id": self.company.id, "days_after_due": 2, "channel": "letter"})
        reminder, _skips = self.of(self.run_collections(), partner)
        self.assertEqual(reminder.collection_level_id.name, "Gentle nudge")
        reminder.with_user(self.controller).action_approve()
        self.assertIn("Letter to print", reminder.collection_message_id.body)
        self.assertTrue(reminder.collection_message_id.attachment_ids)


@tagged("post_install", "-at_install")
class TestCollectionAging(CollectionCase):
    def test_aging_buckets_totals_per_currency_and_exports(self):
        first = self.customer("Aging One")
        second = self.customer("Aging Two")
        self.invoices([(first, 100.0, "2026-03-10"), (first, 200.0, "2026-02-15"), (first, 300.0, "2026-01-20"),
                       (second, 400.0, "2025-12-20"), (second, 500.0, "2025-10-01")])
        Aging = self.env["ai.collection.aging"].with_user(self.controller)
        domain = [("partner_id", "in", (first | second).ids)]
        table = Aging._aging_table(domain)
        rows = {row["partner"]: row for row in table["rows"]}
        self.assertEqual(set(rows), {first, second}, table["rows"])
        self.assertEqual({k: rows[first][k] for k in ("not_due", "b1", "b2", "b3", "b4")},
                         {"not_due": 100.0, "b1": 200.0, "b2": 300.0, "b3": 0.0, "b4": 0.0})
        self.assertEqual({k: rows[second][k] for k in ("b3", "b4")}, {"b3": 400.0, "b4": 500.0})
        self.assertEqual(table["totals"][0]["total"], 1500.0)
        self.assertEqual(table["labels"]["b4"], "> 90")
        # Drill-down: the rows of a customer are its invoices.
        self.assertEqual(len(Aging.search([("partner_id", "=", first.id)])), 3)
        # Configurable buckets: 10, 20, 30 days.
        self.company.write({"ai_collection_bucket_1": 10, "ai_collection_bucket_2": 20, "ai_collection_bucket_3": 30})
        table = Aging._aging_table(domain)
        rows = {row["partner"]: row for row in table["rows"]}
        self.assertEqual(rows[first]["b2"], 200.0)   # 14 days
        self.assertEqual(rows[first]["b4"], 300.0)   # 40 days
        self.assertEqual(table["labels"]["b1"], "1–10")
        content = Aging._aging_xlsx(domain)
        with zipfile.ZipFile(io.BytesIO(content)) as book:
            strings = book.read("xl/sharedStrings.xml").decode()
        self.assertIn("Aging One", strings)
        self.assertIn("1–10", strings)
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "ai_bookkeeping.action_report_collection_aging", self.company.ids)
        self.assertIn(b"Aging Two", html)
        statement, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "ai_bookkeeping.action_report_collection_statement", first.ids)
        self.assertIn(b"Statement of open items", statement)
