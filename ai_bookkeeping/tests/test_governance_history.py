"""The rollout phase guard: in phases 2 and 3, nothing is applied automatically for a partner or merchant with
fewer than N past outcomes a person reviewed (approved and applied, or rejected), whatever the confidence — the way
Odoo's trusted-vendor auto-post waits for a vendor's history. N is per company (Settings), default 3."""

from unittest.mock import patch

from odoo.tests import tagged

from .test_governance import GovernanceCase


@tagged("post_install", "-at_install")
class TestReviewedHistoryGuard(GovernanceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.ai_auto_min_reviewed = 3  # the default, which GovernanceCase switches off for the other rules
        cls.partner = cls.env["res.partner"].create({"name": "Brouwerij Kuipers"})

    def setUp(self):
        super().setUp()
        self.set_phase("2", ai_auto_min_confidence=0.95, ai_auto_max_amount=500.0)

    def reviewed(self, partner, approved=0, rejected=0, auto=0):
        """Past suggestions for ``partner``: ``approved`` applied by a reviewer, ``rejected`` by one, ``auto``
        applied by the rules (not a person's review)."""
        for k in range(approved + rejected + auto):
            invoice = self.make_invoice(40.0 + k, partner=partner)
            st_line = self.make_st_line(40.0 + k, "payment %s" % invoice.name, date="2026-01-15")
            suggestion = self.make_suggestion(st_line, self.receivable(invoice), confidence=0.99)
            if k < approved:
                suggestion.with_user(self.reviewer).action_approve()
                self.assertEqual((suggestion.state, suggestion.auto_applied), ("applied", False))
            elif k < approved + rejected:
                suggestion.with_user(self.reviewer).action_reject("not this one")
            else:
                self.company.ai_auto_min_reviewed = 0
                self.assertEqual(suggestion._ai_auto_apply(), suggestion)
                self.company.ai_auto_min_reviewed = 3

    def confident(self, partner, amount=120.0):
        invoice = self.make_invoice(amount, partner=partner)
        st_line = self.make_st_line(amount, "payment %s" % invoice.name)
        return invoice, self.make_suggestion(st_line, self.receivable(invoice), confidence=0.999)

    def test_default_is_three_reviewed_outcomes(self):
        self.assertEqual(self.env["res.company"].create({"name": "New Co"}).ai_auto_min_reviewed, 3)
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.ai_auto_min_reviewed, 3)

    def test_two_reviewed_outcomes_hold_a_confident_suggestion_for_review(self):
        self.reviewed(self.partner, approved=1, rejected=1)
        invoice, suggestion = self.confident(self.partner)
        self.assertFalse(suggestion._ai_auto_apply())
        self.assertEqual(suggestion.state, "pending")
        self.assertEqual(invoice.payment_state, "not_paid")
        held = self.log(suggestion, "held")
        self.assertEqual(len(held), 1)
        self.assertEqual(held.note, "Held for review: 2 past reviewed outcomes for this partner, 3 needed.")
        self.assertTrue(held.automatic)
        self.assertFalse(self.log(suggestion, "auto_applied"))

    def test_three_reviewed_outcomes_let_it_apply(self):
        self.reviewed(self.partner, approved=2, rejected=1)
        invoice, suggestion = self.confident(self.partner)
        self.assertEqual(suggestion._ai_auto_apply(), suggestion)
        self.assertEqual((suggestion.state, suggestion.auto_applied), ("applied", True))
        self.assertEqual(invoice.payment_state, "paid")
        self.assertFalse(self.log(suggestion, "held"))

    def test_the_number_needed_is_the_company_setting(self):
        self.reviewed(self.partner, approved=1)
        _invoice, held = self.confident(self.partner)
        self.assertFalse(held._ai_auto_apply())
        self.assertIn("1 past reviewed outcome for this partner, 3 needed", self.log(held, "held").note)
        self.env["res.config.settings"].create({"ai_auto_min_reviewed": 1}).execute()
        self.assertEqual(self.company.ai_auto_min_reviewed, 1)
        _invoice, applied = self.confident(self.partner, 130.0)
        self.assertEqual(applied._ai_auto_apply(), applied)
        self.company.ai_auto_min_reviewed = 0
        newcomer = self.env["res.partner"].create({"name": "Never Seen BV"})
        _invoice, first = self.confident(newcomer)
        self.assertEqual(first._ai_auto_apply(), first, "0: no history required")

    def test_automatic_outcomes_are_not_reviews(self):
        self.reviewed(self.partner, approved=1, auto=3)
        _invoice, suggestion = self.confident(self.partner)
        self.assertFalse(suggestion._ai_auto_apply())
        self.assertIn("1 past reviewed outcome for this partner", self.log(suggestion, "held").note)

    def test_outcomes_of_another_partner_do_not_count(self):
        other = self.env["res.partner"].create({"name": "Other Customer SA"})
        self.reviewed(other, approved=3)
        _invoice, suggestion = self.confident(self.partner)
        self.assertFalse(suggestion._ai_auto_apply())
        self.assertIn("0 past reviewed outcomes for this partner", self.log(suggestion, "held").note)

    def test_phase_three_rules_do_not_bypass_it(self):
        self.set_phase("3")
        self.rule(outcome="auto")
        self.reviewed(self.partner, approved=2)
        _invoice, suggestion = self.confident(self.partner)
        self.assertFalse(suggestion._ai_auto_apply())
        self.reviewed(self.partner, rejected=1)
        _invoice, again = self.confident(self.partner, 140.0)
        self.assertEqual(again._ai_auto_apply(), again)

    def test_lines_without_partner_count_by_merchant(self):
        expense = self.company_data["default_account_expense"]

        def card(label, review=None):
            st_line = self.make_st_line(-25.0, label)
            suggestion = self.make_suggestion(st_line, match_type="expense", account=expense, confidence=0.999)
            if review == "approve":
                suggestion.with_user(self.reviewer).action_approve()
            elif review == "reject":
                suggestion.with_user(self.reviewer).action_reject("private")
            return suggestion

        card("KARTENZAHLUNG girocard 12.05 10:42 MAILCHIMP 1379", "approve")
        card("VISA MAILCHIMP*AB1234", "approve")
        card("SUMUP *MAILCHIMP", "reject")
        card("KARTENZAHLUNG girocard 13.05 11:00 FIGMA 0042", "approve")
        known = card("CB MAILCHIMP 06/05")
        stranger = card("KARTENZAHLUNG girocard 14.05 09:12 CANVA 7781")
        self.assertEqual(known.ai_merchant_key, "MAILCHIMP")
        self.assertEqual((known + stranger)._ai_auto_apply(), known)
        self.assertEqual(stranger.state, "pending")
        self.assertEqual(self.log(stranger, "held").note,
                         "Held for review: 0 past reviewed outcomes for this merchant, 3 needed.")

    def test_end_to_end_from_the_endpoint_reply(self):
        """The real path: suggestions stored from the endpoint's answer, then the rollout phase decides."""
        self.reviewed(self.partner, approved=2)
        invoice = self.make_invoice(120.0, partner=self.partner)
        st_line = self.make_st_line(120.0, "payment %s" % invoice.name)
        item = self.receivable(invoice)
        reply = {"engine": {"name": "stub", "version": "1"}, "results": [
            {"lineId": st_line.id, "suggestions": [
                {"rank": 1, "matchType": "full", "candidateIds": [item.id], "partnerId": self.partner.id,
                 "accountId": None, "confidence": 0.999, "explanation": "cited invoice"}]}]}
        with patch.object(type(self.env["ai.endpoint"]), "_suggest_reconciliations", return_value=reply):
            suggestions = st_line.action_ai_suggest()
        self.assertEqual(suggestions.state, "pending")
        self.assertEqual(invoice.payment_state, "not_paid")
        self.assertIn("2 past reviewed outcomes for this partner, 3 needed", self.log(suggestions, "held").note)
