"""Direct tests of the governance helpers (approval rules, rollout phases, data minimisation): no Odoo, no database.

Run: python3 -m unittest discover -s test/python -v
"""

import hashlib
import json
import os
import unittest

import aib_tools_loader

aib_tools_loader.load()

from aib_tools import approval_rules as ar  # noqa: E402
from aib_tools import minimise, reconcile_payload  # noqa: E402

FACTS = {"kind": "full", "journal_id": 3, "amount": 120.0, "partner_new": False, "confidence": 0.97,
         "account_types": ["asset_receivable"]}


def rule(**values):
    base = {"id": 1, "sequence": 10, "kind": None, "journal_ids": [], "amount_above": None, "partner_new": False,
            "confidence_below": None, "account_type": None, "outcome": ar.REVIEW, "group_id": None}
    base.update(values)
    return base


class TestRuleMatching(unittest.TestCase):
    def test_a_rule_without_conditions_matches_everything(self):
        self.assertTrue(ar.rule_matches(rule(), FACTS))
        self.assertTrue(ar.rule_matches(rule(), {}))

    def test_each_condition_can_refuse(self):
        self.assertFalse(ar.rule_matches(rule(kind="expense"), FACTS))
        self.assertFalse(ar.rule_matches(rule(journal_ids=[4, 5]), FACTS))
        self.assertFalse(ar.rule_matches(rule(amount_above=120.0), FACTS), "strictly above")
        self.assertFalse(ar.rule_matches(rule(partner_new=True), FACTS))
        self.assertFalse(ar.rule_matches(rule(confidence_below=0.97), FACTS), "strictly below")
        self.assertFalse(ar.rule_matches(rule(account_type="expense"), FACTS))

    def test_each_condition_can_accept(self):
        self.assertTrue(ar.rule_matches(rule(kind="full"), FACTS))
        self.assertTrue(ar.rule_matches(rule(journal_ids=[3]), FACTS))
        self.assertTrue(ar.rule_matches(rule(amount_above=119.99), FACTS))
        self.assertTrue(ar.rule_matches(rule(amount_above=100.0), dict(FACTS, amount=-120.0)), "absolute amount")
        self.assertTrue(ar.rule_matches(rule(partner_new=True), dict(FACTS, partner_new=True)))
        self.assertTrue(ar.rule_matches(rule(confidence_below=0.98), FACTS))
        self.assertTrue(ar.rule_matches(rule(account_type="asset_receivable"), FACTS))

    def test_conditions_combine_with_and(self):
        self.assertFalse(ar.rule_matches(rule(kind="full", amount_above=500.0), FACTS))

    def test_first_rule_by_sequence_wins(self):
        rules = [rule(id=1, sequence=20, outcome=ar.AUTO), rule(id=2, sequence=5, kind="expense"),
                 rule(id=3, sequence=10, amount_above=100.0)]
        self.assertEqual(ar.matching_rule(rules, FACTS)["id"], 3)
        self.assertIsNone(ar.matching_rule([rule(kind="expense")], FACTS))


class TestDecide(unittest.TestCase):
    def test_phase_one_never_applies_automatically(self):
        decision = ar.decide([rule(outcome=ar.AUTO)], FACTS, ar.PHASE_ASSISTED, min_confidence=0.0,
                             max_amount=1e9)
        self.assertFalse(decision["auto"])
        self.assertIn("assisted", decision["reason"])

    def test_phase_two_uses_the_thresholds(self):
        self.assertTrue(ar.decide([], FACTS, ar.PHASE_SUPERVISED, min_confidence=0.95, max_amount=500)["auto"])
        low = ar.decide([], dict(FACTS, confidence=0.9), ar.PHASE_SUPERVISED, min_confidence=0.95, max_amount=500)
        self.assertFalse(low["auto"])
        self.assertIn("confidence", low["reason"])
        big = ar.decide([], dict(FACTS, amount=501), ar.PHASE_SUPERVISED, min_confidence=0.95, max_amount=500)
        self.assertFalse(big["auto"])
        self.assertIn("amount", big["reason"])

    def test_phase_two_respects_a_review_rule(self):
        decision = ar.decide([rule(kind="full", group_id=9)], FACTS, ar.PHASE_SUPERVISED, min_confidence=0.5,
                             max_amount=500)
        self.assertFalse(decision["auto"])
        self.assertEqual((decision["rule_id"], decision["group_id"]), (1, 9))

    def test_phase_three_needs_a_rule_that_allows(self):
        self.assertFalse(ar.decide([], FACTS, ar.PHASE_FULL)["auto"], "no rule means review")
        self.assertTrue(ar.decide([rule(outcome=ar.AUTO)], FACTS, ar.PHASE_FULL)["auto"])
        rules = [rule(id=1, sequence=1, partner_new=True), rule(id=2, sequence=2, outcome=ar.AUTO)]
        self.assertFalse(ar.decide(rules, dict(FACTS, partner_new=True), ar.PHASE_FULL)["auto"])
        self.assertTrue(ar.decide(rules, FACTS, ar.PHASE_FULL)["auto"])

    def test_big_amounts_need_two_people_in_every_phase(self):
        for phase in (ar.PHASE_ASSISTED, ar.PHASE_SUPERVISED, ar.PHASE_FULL):
            decision = ar.decide([rule(outcome=ar.AUTO)], dict(FACTS, amount=10_000), phase, min_confidence=0,
                                 max_amount=1e9, second_approval_amount=5_000)
            self.assertFalse(decision["auto"], phase)
            self.assertTrue(decision["two_approvers"], phase)
        self.assertFalse(ar.decide([], FACTS, ar.PHASE_ASSISTED, second_approval_amount=0)["two_approvers"],
                         "0 means no second approver")


class TestAnomalies(unittest.TestCase):
    def test_a_spike_and_reverts_are_reported(self):
        usual = [4, 5, 6, 5, 4, 6, 5]
        self.assertEqual(ar.automation_anomalies(6, usual, 0), [])
        spike = ar.automation_anomalies(40, usual, 0)
        self.assertEqual(len(spike), 1)
        self.assertIn("usual 5 a day", spike[0])
        self.assertIn("2 automatically applied", ar.automation_anomalies(5, usual, 2)[0])

    def test_no_spike_without_a_week_of_history_or_below_ten(self):
        self.assertEqual(ar.automation_anomalies(500, [1, 1, 1], 0), [])
        self.assertEqual(ar.automation_anomalies(9, [0] * 30, 0), [])


class TestMasking(unittest.TestCase):
    """The vectors that test/llm/mask_personal_data.test.ts runs too: both sides share one rule set."""

    VECTORS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "vectors",
                           "personal_data_masks.json")

    def setUp(self):
        with open(self.VECTORS, encoding="utf-8") as handle:
            self.vectors = json.load(handle)

    def test_ibans_emails_and_phones_are_masked(self):
        for text, expected in self.vectors["masked"]:
            self.assertEqual(minimise.mask_text(text), expected, text)

    def test_what_matching_needs_is_kept(self):
        for text in self.vectors["kept"]:
            self.assertEqual(minimise.mask_text(text), text, text)


def _request():
    return {
        "companyId": 1,
        "companyCurrency": "EUR",
        "lines": [{"id": 5, "date": "2026-01-20", "amount": 100.0, "currency": "EUR", "amountCompany": 100.0,
                   "label": "PAY INV/1 jane@example.com DE89370400440532013000", "ref": "internal note 0612345678",
                   "partnerName": "Jane Doe", "accountNumber": "DE89370400440532013000", "partnerId": 7}],
        "candidates": [{"id": 9, "moveId": 3, "moveName": "INV/1", "ref": "PO jane@example.com", "partnerId": 7,
                        "partnerName": "Jane Doe", "date": "2026-01-01", "dateMaturity": None,
                        "amountResidual": 100.0, "amountResidualCurrency": 100.0, "currency": "EUR",
                        "accountType": "asset_receivable"}],
        "partners": [{"id": 7, "name": "Jane Doe", "bankAccounts": ["DE89370400440532013000"]}],
        "history": [{"label": "old pay +49 30 1234567", "partnerName": "Jane Doe",
                     "accountNumber": "DE89370400440532013000", "amount": 50.0, "date": "2025-12-01",
                     "partnerId": 7, "accountId": None, "taxIds": [], "outcome": "reconciled",
                     "rejectedPartnerId": None, "rejectedAccountId": None}],
        "accounts": [{"id": 4, "code": "626000", "name": "Bank fees", "accountType": "expense"}],
        "settings": {"bankFeeAccountId": 4},
        "documents": [{"name": "scan.pdf", "data": "JVBERi0..."}],
    }


class TestMinimiseRequest(unittest.TestCase):
    def test_only_the_allowed_values_leave(self):
        original = _request()
        snapshot = json.dumps(original, sort_keys=True)
        sent = minimise.minimise_request(original)
        self.assertEqual(json.dumps(original, sort_keys=True), snapshot, "the input is not changed")
        body = json.dumps(sent)
        for secret in ("DE89370400440532013000", "jane@example.com", "0612345678", "1234567", "JVBERi0"):
            self.assertNotIn(secret, body)
        line = sent["lines"][0]
        self.assertEqual((line["amount"], line["date"], line["currency"], line["partnerName"]),
                         (100.0, "2026-01-20", "EUR", "Jane Doe"))
        self.assertEqual(line["label"], "PAY INV/1 [EMAIL] [IBAN]")
        self.assertEqual((line["ref"], line["accountNumber"]), ("", ""))
        self.assertEqual(sent["partners"][0]["bankAccounts"], [])
        self.assertEqual(sent["candidates"][0]["moveName"], "INV/1")
        self.assertNotIn("documents", sent)
        self.assertEqual(sent["accounts"], original["accounts"])
        self.assertEqual(set(sent["lines"][0]), set(original["lines"][0]), "the contract's shape is kept")

    def test_mode_off_sends_the_payload_unchanged(self):
        original = _request()
        self.assertIs(reconcile_payload.outgoing_request(original, minimise_data=False), original)
        self.assertNotEqual(reconcile_payload.outgoing_request(original, minimise_data=True), original)

    def test_hash_is_of_the_bytes_sent(self):
        payload = _request()
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        self.assertEqual(reconcile_payload.payload_hash(payload), hashlib.sha256(body).hexdigest())
        payload["lines"][0]["amount"] = 100.01
        self.assertNotEqual(reconcile_payload.payload_hash(payload), hashlib.sha256(body).hexdigest())


if __name__ == "__main__":
    unittest.main()
