"""The period close's pure parts: recurring vendor bills expected but missing, and the period's digest."""

import unittest
from datetime import date

import aib_tools_loader

aib_tools_loader.load()

from aib_tools import period_close_digest as pd  # noqa: E402
from aib_tools import period_close_recurring as pr  # noqa: E402


def row(partner, month, amount, account=10):
    return {"partner_id": partner, "month": month, "amount": amount, "account_id": account}


class TestMonths(unittest.TestCase):
    def test_previous_months_cross_the_year(self):
        self.assertEqual(pr.previous_months(date(2026, 2, 1), 3), ["2026-01", "2025-12", "2025-11"])
        self.assertEqual(pr.lookback_start(date(2026, 2, 1), 6), date(2025, 8, 1))


class TestExpectedMissingBills(unittest.TestCase):
    START = date(2026, 3, 1)

    def test_vendor_billed_each_of_the_last_three_months_is_expected(self):
        history = [row(1, "2026-02", 100), row(1, "2026-01", 120), row(1, "2025-12", 110)]
        missing = pr.expected_missing_bills(history, self.START, billed_in_period=set())
        self.assertEqual(missing, [{"partner_id": 1, "amount": 110.0, "account_id": 10,
                                    "months": ["2026-02", "2026-01", "2025-12"], "amounts": [100, 120, 110]}])

    def test_median_over_the_whole_look_back_and_the_most_frequent_account(self):
        history = [row(1, "2026-02", 100, 11), row(1, "2026-01", 100, 11), row(1, "2025-12", 100, 12),
                   row(1, "2025-10", 900, 12), row(1, "2025-09", 100, 11), row(1, "2025-01", 5000, 99)]
        (item,) = pr.expected_missing_bills(history, self.START, billed_in_period=set())
        self.assertEqual(item["amount"], 100.0)  # the 900 outlier does not move the median; 2025-01 is too old
        self.assertEqual(item["account_id"], 11)
        self.assertEqual(item["months"], ["2026-02", "2026-01", "2025-12", "2025-10", "2025-09"])

    def test_a_vendor_who_billed_this_period_is_not_missing(self):
        history = [row(1, m, 100) for m in ("2026-02", "2026-01", "2025-12")]
        self.assertEqual(pr.expected_missing_bills(history, self.START, billed_in_period={1}), [])

    def test_a_gap_in_the_last_three_months_is_not_a_monthly_rhythm(self):
        history = [row(1, m, 100) for m in ("2026-02", "2025-12", "2025-11", "2025-10")]
        self.assertEqual(pr.expected_missing_bills(history, self.START, billed_in_period=set()), [])

    def test_two_months_are_not_enough(self):
        history = [row(1, m, 100) for m in ("2026-02", "2026-01")]
        self.assertEqual(pr.expected_missing_bills(history, self.START, billed_in_period=set()), [])

    def test_largest_first(self):
        months = ("2026-02", "2026-01", "2025-12")
        history = [row(1, m, 50) for m in months] + [row(2, m, 500) for m in months]
        self.assertEqual([i["partner_id"] for i in pr.expected_missing_bills(history, self.START, set())], [2, 1])


class TestDigest(unittest.TestCase):
    ROWS = [{"id": 2, "name": "BILL/2", "date": "2026-02-03", "amount": -50.0, "state": "posted"},
            {"id": 1, "name": "INV/1", "date": "2026-02-01", "amount": 100.0, "state": "posted"}]

    def test_order_independent_and_sensitive_to_every_field(self):
        base = pd.moves_digest(self.ROWS)
        self.assertEqual(base, pd.moves_digest(list(reversed(self.ROWS))))
        for field, value in (("name", "INV/9"), ("date", "2026-02-02"), ("amount", 100.01), ("state", "cancel")):
            changed = [dict(self.ROWS[0]), dict(self.ROWS[1], **{field: value})]
            self.assertNotEqual(base, pd.moves_digest(changed), field)

    def test_period_digest_includes_odoo_chains(self):
        chain = {"journal": "INV", "prefix": "INV/2026/", "entries": 3, "last_name": "INV/2026/00003",
                 "inalterable_hash": "abc"}
        one = pd.period_digest(self.ROWS, [chain])
        other = pd.period_digest(self.ROWS, [dict(chain, inalterable_hash="abd")])
        self.assertEqual(one["entries"], 2)
        self.assertEqual(len(one["digest"]), 64)
        self.assertNotEqual(one["digest"], other["digest"])
        self.assertEqual(one, pd.period_digest(list(reversed(self.ROWS)), [chain]))


if __name__ == "__main__":
    unittest.main()
