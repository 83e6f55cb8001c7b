"""The dashboard's argument checks (ai_bookkeeping/tools/dashboard_args.py): no Odoo, no database.

Run: python3 -m unittest discover -s test/python -v
"""

import unittest

import aib_tools_loader

aib_tools_loader.load()

from aib_tools import dashboard_args as da  # noqa: E402


class TestFilters(unittest.TestCase):
    def assert_refused(self, value, argument):
        with self.assertRaises(da.ArgumentError) as caught:
            da.filters(value)
        self.assertEqual(caught.exception.params["argument"], argument)
        self.assertIn(argument, str(caught.exception))

    def test_what_the_browser_sends_passes_unchanged(self):
        sent = {"matchTypes": ["full"], "journalIds": [3], "partnerIds": [0, 7], "minConfidence": 0.8,
                "maxConfidence": 0.95 - 1e-9, "minAmount": -12.5, "maxAmount": 100, "dateFrom": "2026-01-01",
                "dateTo": "2026-01-31", "search": "INV/2026", "states": ["pending", "failed"]}
        clean = da.filters(sent)
        self.assertEqual(clean, dict(sent, maxAmount=100.0))
        self.assertEqual(da.filters(None), {})
        self.assertEqual(da.filters({}), {})

    def test_empty_values_mean_no_filter(self):
        self.assertEqual(da.filters({"dateFrom": "", "search": "", "minAmount": None}), {})

    def test_every_key_of_the_contract_is_known(self):
        # web_src/contracts/dashboard.ts, interface DashboardFilters
        self.assertEqual(set(da.FILTER_KEYS), {"matchTypes", "journalIds", "minConfidence", "maxConfidence",
                                               "minAmount", "maxAmount", "partnerIds", "dateFrom", "dateTo",
                                               "search", "states"})

    def test_garbage_is_refused_naming_the_argument(self):
        cases = [
            ("not a dict", "filters"),
            (["partnerIds"], "filters"),
            ({"partnerIds": {"a": 1}}, "filters.partnerIds"),
            ({"partnerIds": "7"}, "filters.partnerIds"),
            ({"partnerIds": [7, "8"]}, "filters.partnerIds[1]"),
            ({"partnerIds": [-1]}, "filters.partnerIds[0]"),
            ({"journalIds": [0]}, "filters.journalIds[0]"),
            ({"journalIds": [2**40]}, "filters.journalIds[0]"),
            ({"journalIds": [True]}, "filters.journalIds[0]"),
            ({"journalIds": [1.5]}, "filters.journalIds[0]"),
            ({"dateFrom": "not-a-date"}, "filters.dateFrom"),
            ({"dateTo": "2026-02-30"}, "filters.dateTo"),
            ({"dateTo": 20260101}, "filters.dateTo"),
            ({"dateFrom": "2026-01-01'; --"}, "filters.dateFrom"),
            ({"minConfidence": "high"}, "filters.minConfidence"),
            ({"maxConfidence": 2}, "filters.maxConfidence"),
            ({"minAmount": float("nan")}, "filters.minAmount"),
            ({"maxAmount": float("inf")}, "filters.maxAmount"),
            ({"maxAmount": "100"}, "filters.maxAmount"),
            ({"matchTypes": "full"}, "filters.matchTypes"),
            ({"matchTypes": ["full", "bogus"]}, "filters.matchTypes[1]"),
            ({"states": ["applied", 3]}, "filters.states[1]"),
            ({"search": ["a"]}, "filters.search"),
            ({"unknown": 1}, "filters"),
            ({"partner_id": 1, "journalIds": [1]}, "filters"),
        ]
        for value, argument in cases:
            with self.subTest(value=value):
                self.assert_refused(value, argument)

    def test_unknown_keys_are_listed(self):
        with self.assertRaisesRegex(da.ArgumentError, "unknown filters: bar, foo"):
            da.filters({"foo": 1, "bar": 2})

    def test_search_is_cut(self):
        self.assertEqual(len(da.filters({"search": "x" * 1000})["search"]), da.MAX_SEARCH)


class TestScalars(unittest.TestCase):
    def test_ids(self):
        self.assertEqual(da.ids([3, 1, 3]), [3, 1])
        self.assertEqual(da.ids(()), [])
        for value, argument in (("1,2", "ids"), ({"1": 1}, "ids"), (None, "ids"), ([1, "x"], "ids[1]"),
                                ([0], "ids[0]"), ([2**31], "ids[0]"), ([None], "ids[0]"), ([False], "ids[0]")):
            with self.subTest(value=value), self.assertRaises(da.ArgumentError) as caught:
                da.ids(value)
            self.assertEqual(caught.exception.params["argument"], argument)
        with self.assertRaisesRegex(da.ArgumentError, "at most"):
            da.ids(list(range(1, da.MAX_IDS + 2)))

    def test_offset_and_limit(self):
        self.assertEqual(da.offset(None), 0)
        self.assertEqual(da.offset(160), 160)
        self.assertEqual(da.limit(None, 80, 500), 80)
        self.assertEqual(da.limit(500, 80, 500), 500)
        for value in (-1, 10**12, "10", 1.5, True, [1]):
            with self.subTest(offset=value), self.assertRaisesRegex(da.ArgumentError, "^offset"):
                da.offset(value)
        for value in (0, -5, 501, 10**12, "80", 2.0, False):
            with self.subTest(limit=value), self.assertRaisesRegex(da.ArgumentError, "^limit"):
                da.limit(value, 80, 500)

    def test_choices(self):
        self.assertEqual(da.choice(None, da.ORDERS, "order", default="confidence desc"), "confidence desc")
        self.assertEqual(da.choice("date asc", da.ORDERS, "order"), "date asc")
        for value in ("id desc; DROP TABLE x", "", 3, ["date asc"]):
            with self.subTest(value=value), self.assertRaisesRegex(da.ArgumentError, "^order must be one of"):
                da.choice(value, da.ORDERS, "order", default="confidence desc")
        with self.assertRaisesRegex(da.ArgumentError, "^decision must be one of approve, reject"):
            da.choice(None, da.DECISIONS, "decision")

    def test_text(self):
        self.assertIsNone(da.text(None, "reason", 500))
        self.assertIsNone(da.text("", "reason", 500))
        self.assertEqual(da.text("why " * 200, "reason", 500), ("why " * 200)[:500])
        with self.assertRaisesRegex(da.ArgumentError, "^reason must be text, not an object"):
            da.text({"a": 1}, "reason", 500)

    def test_the_refused_value_is_quoted_short(self):
        with self.assertRaises(da.ArgumentError) as caught:
            da.ids("x" * 1000)
        self.assertLess(len(str(caught.exception)), 120)


if __name__ == "__main__":
    unittest.main()
