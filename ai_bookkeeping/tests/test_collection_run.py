from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .collection_common import CollectionCase


@tagged("post_install", "-at_install")
class TestCollectionRun(CollectionCase):
    """The daily run through the real endpoint: one reminder per customer, at the level due, and every customer
    that must not be chased skipped with the reason."""

    def test_one_reminder_per_customer_grouping_its_overdue_invoices(self):
        acme = self.customer("Acme Trading", lang="en_US")
        older, newer, not_due = self.invoices([(acme, 400.0, "2026-02-01"), (acme, 250.0, "2026-02-20"),
                                               (acme, 90.0, "2026-03-20")])
        suggestions, skips = self.of(self.run_collections(), acme)
        self.assertEqual(len(suggestions), 1)
        self.assertFalse(skips)
        reminder = suggestions
        self.assertEqual(reminder.kind, "collection")
        self.assertEqual(reminder.collection_invoice_ids, older | newer, "the invoice not yet due is not chased")
        self.assertEqual(reminder.collection_amount, 650.0)
        # Never reminded before: both start at the first level, whatever their days overdue (28 and 9).
        first = self.env.ref("ai_bookkeeping.collection_level_first")
        self.assertEqual(reminder.collection_level_id, first)
        levels = {line["id"]: line["level_id"] for line in reminder.proposed_values["invoices"]}
        self.assertEqual(levels, {older.id: first.id, newer.id: first.id})
        self.assertIn(older.name, reminder.collection_body)
        self.assertIn(newer.name, reminder.collection_body)
        self.assertEqual(reminder.collection_tone, "friendly")
        self.assertIn("escaped your attention", reminder.collection_body)
        self.assertEqual(reminder.collection_segment, "new")
        self.assertIn("too few to judge", reminder.explanation)
        self.assertTrue(not_due.ai_collection_predicted_date, "every open invoice gets a predicted date")
        # A second run the same day proposes nothing new for the customer.
        again, skips = self.of(self.run_collections(), acme)
        self.assertFalse(again)
        self.assertEqual(skips.code, "pending")

    def test_behaviour_segment_and_early_warning_from_paid_history(self):
        slow = self.customer("Slow Payer")
        self.paid_history(slow, [20, 22, 19, 24, 21, 23])
        soon = self.invoices([(slow, 300.0, "2026-03-15")])
        suggestions, _skips = self.of(self.run_collections(), slow)
        self.assertFalse(suggestions, "nothing is overdue yet")
        behaviour = self.env["ai.collection.behaviour"].search([("partner_id", "=", slow.id)])
        self.assertEqual(behaviour.segment, "slow_but_sure", behaviour.reason)
        self.assertEqual(behaviour.paid_count, 6)
        self.assertAlmostEqual(behaviour.mean_days_late, 21.5, places=1)
        self.assertTrue(soon.ai_collection_early_warning)
        self.assertGreaterEqual(soon.ai_collection_predicted_date, fields.Date.to_date("2026-04-03"))
        aging = self.env["ai.collection.aging"].search([("move_id", "=", soon.id)])
        self.assertTrue(aging.early_warning)

    def test_paid_but_unreconciled_customer_is_never_chased(self):
        paid = self.customer("Paid Already")
        unknown_payer = self.customer("Paid Through Suggestion")
        self.invoices([(paid, 512.34, "2026-02-01")])
        invoice = self.invoices([(unknown_payer, 77.0, "2026-02-01")])
        # Their payment is on the bank, not yet reconciled: an exact amount without partner, and a line the
        # reconciliation engine already proposes for the other's invoice.
        self.make_st_line(512.34, label="SEPA CREDIT 0042", date="2026-02-25")
        st_line = self.make_st_line(75.0, label="some transfer", date="2026-02-26")
        self.make_suggestion(st_line, items=self.receivable(invoice), match_type="partial")
        suggestions, skips = self.of(self.run_collections(), paid | unknown_payer)
        self.assertFalse(suggestions)
        self.assertEqual(set(skips.mapped("code")), {"bank_line"})
        self.assertIn("SEPA CREDIT 0042", skips.filtered(lambda s: s.partner_id == paid).reason)
        self.assertIn("AI reconciliation suggestion", skips.filtered(lambda s: s.partner_id == unknown_payer).reason)

    def test_disputed_invoice_is_never_chased(self):
        both = self.customer("Partly Disputed")
        only = self.customer("Fully Disputed")
        disputed, fine, all_disputed = self.invoices(
            [(both, 800.0, "2026-02-01"), (both, 120.0, "2026-02-10"), (only, 999.0, "2026-01-15")])
        (disputed | all_disputed).write({"ai_collection_dispute": True})
        suggestions, skips = self.of(self.run_collections(), both | only)
        self.assertEqual(suggestions.collection_partner_id, both)
        self.assertEqual(suggestions.collection_invoice_ids, fine)
        self.assertNotIn(disputed.name, suggestions.collection_body)
        self.assertIn("Left out, disputed: %s" % disputed.name, suggestions.reasons)
        self.assertEqual(skips.partner_id, only)
        self.assertEqual(skips.code, "dispute")
        # Disputed after the proposal: approving refuses, nothing is sent.
        fine.ai_collection_dispute = True
        with self.assertRaisesRegex(UserError, "disputed"):
            suggestions.with_user(self.controller).action_approve()

    def test_credit_covering_blacklist_opt_out_and_minimum(self):
        credited = self.customer("Has Credit")
        blacklisted = self.customer("Blacklisted")
        opted_out = self.customer("Opted Out", ai_collection_opt_out=True)
        no_mail = self.customer("No Mail", email=False)
        self.invoices([(credited, 100.0, "2026-02-01"), (blacklisted, 100.0, "2026-02-01"),
                       (opted_out, 100.0, "2026-02-01"), (no_mail, 100.0, "2026-02-01")])
        refund = self.env["account.move"].create({
            "move_type": "out_refund", "partner_id": credited.id, "invoice_date": "2026-02-10",
            "invoice_line_ids": [Command.create({"name": "Credit", "quantity": 1, "price_unit": 150.0,
                                                 "tax_ids": [Command.clear()]})]})
        refund.action_post()
        self.env["mail.blacklist"].sudo()._add(blacklisted.email)
        suggestions, skips = self.of(self.run_collections(), credited | blacklisted | opted_out | no_mail)
        self.assertFalse(suggestions)
        codes = {skip.partner_id: skip.code for skip in skips}
        self.assertEqual(codes, {credited: "credit", blacklisted: "blacklisted", opted_out: "opt_out",
                                 no_mail: "blacklisted"})
        small = self.customer("Small Debt")
        self.invoices([(small, 10.0, "2026-02-01")])
        self.env.ref("ai_bookkeeping.collection_level_first").min_amount = 50.0
        _suggestions, skips = self.of(self.run_collections(), small)
        self.assertEqual(skips.code, "min_amount")

    def test_promise_kept_and_broken(self):
        keeper = self.customer("Keeps Promises")
        breaker = self.customer("Breaks Promises")
        kept_invoice, broken_invoice = self.invoices([(keeper, 300.0, "2026-02-01"), (breaker, 200.0, "2026-02-01")])
        Promise = self.env["ai.collection.promise"]
        kept = Promise.create({"partner_id": keeper.id, "promise_date": "2026-03-10", "amount": 300.0})
        broken = Promise.create({"partner_id": breaker.id, "promise_date": "2026-03-05", "amount": 200.0})
        self.assertEqual(kept.residual_at_promise, 300.0)
        suggestions, skips = self.of(self.run_collections(), keeper | breaker)
        self.assertFalse(suggestions, "nobody is chased before the promised date")
        self.assertEqual(set(skips.mapped("code")), {"promise"})
        self.pay(kept_invoice, "2026-03-08")
        suggestions, skips = self.of(self.run_collections(today=fields.Date.to_date("2026-03-11")), keeper | breaker)
        self.assertEqual(kept.state, "kept")
        self.assertEqual(broken.state, "broken")
        self.assertEqual(suggestions.collection_partner_id, breaker, "only the broken promise is chased again")
        self.assertEqual(suggestions.collection_invoice_ids, broken_invoice)
        self.assertEqual(suggestions.collection_tone, "final")
        self.assertTrue(any("was broken" in reason for reason in suggestions.reasons))

    def test_cron_proposes_in_each_company_only_its_own_invoices(self):
        shared = self.customer("Two Companies")
        other = self.setup_other_company(name="Collections Co 2")["company"]
        self.env.user.company_ids |= other
        own = self.invoices([(shared, 100.0, "2026-02-01")])
        foreign = self.invoices([(shared, 900.0, "2026-02-01")], company=other)
        self.env.ref("ai_bookkeeping.ir_cron_ai_collection_propose").method_direct_trigger()
        reminders = self.env["ai.suggestion"].search(
            [("kind", "=", "collection"), ("collection_partner_id", "=", shared.id)])
        self.assertEqual(len(reminders), 2)
        by_company = {r.company_id: r for r in reminders}
        self.assertEqual(by_company[self.company].collection_invoice_ids, own)
        self.assertEqual(by_company[other].collection_invoice_ids, foreign)
        self.assertEqual(by_company[self.company].collection_amount, 100.0)
        # The controller of the first company sees and decides only its own.
        visible = self.env["ai.suggestion"].with_user(self.controller).search(
            [("kind", "=", "collection"), ("collection_partner_id", "=", shared.id)])
        self.assertEqual(visible, by_company[self.company])
        with self.assertRaises(AccessError):
            self.env["ai.suggestion"].with_user(self.controller).dashboard_decide(
                by_company[other].ids, "approve")
        aging = self.env["ai.collection.aging"].with_user(self.controller).search([("partner_id", "=", shared.id)])
        self.assertEqual(aging.move_id, own)

    def test_unsent_when_paid_meanwhile(self):
        late = self.customer("Pays Meanwhile")
        invoice = self.invoices([(late, 60.0, "2026-02-01")])
        reminder, _skips = self.of(self.run_collections(), late)
        self.pay(invoice, "2026-03-01")
        outcome = self.env["ai.suggestion"].with_user(self.controller).dashboard_decide(reminder.ids, "approve")
        self.assertFalse(outcome[0]["ok"])
        self.assertIn("paid or cancelled meanwhile", outcome[0]["error"])
        self.assertFalse(self.env["mail.mail"].search([("recipient_ids", "in", late.ids)]))
        self.assertEqual(reminder.state, "pending")
