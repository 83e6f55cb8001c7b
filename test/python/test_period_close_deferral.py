"""The period close's deferrals: the service period read from a bill line's text, and the monthly spread."""

import unittest
from datetime import date

import aib_tools_loader

aib_tools_loader.load()

from aib_tools import period_close_deferral as pd  # noqa: E402


class TestServicePeriod(unittest.TestCase):
    def test_dates_months_and_their_spellings(self):
        cases = {
            "Hosting 2026-01-01 - 2026-12-31": (date(2026, 1, 1), date(2026, 12, 31)),
            "Licence 01.03.2026 – 28.02.2027": (date(2026, 3, 1), date(2027, 2, 28)),
            "Insurance 01/02/2026 to 31/01/2027": (date(2026, 2, 1), date(2027, 1, 31)),
            "Support Jan–Jun 2026": (date(2026, 1, 1), date(2026, 6, 30)),
            "Wartung November 2025 bis Oktober 2026": (date(2025, 11, 1), date(2026, 10, 31)),
            "Abonnement nov - fév 2026": (date(2025, 11, 1), date(2026, 2, 28)),
            "Maintenance 01/2026 - 12/2026": (date(2026, 1, 1), date(2026, 12, 31)),
        }
        for text, expected in cases.items():
            with self.subTest(text=text):
                self.assertEqual(pd.service_period(text), expected)

    def test_no_period_in_ordinary_labels(self):
        for text in ("Office chairs", "Invoice 2026-01-15", "Consulting 12 h", "", None,
                     "2026-12-31 - 2026-01-01", "Lease 2026-01-01 - 2036-12-31", "Foo 31.02.2026 - 31.03.2026"):
            with self.subTest(text=text):
                self.assertIsNone(pd.service_period(text))


class TestSpread(unittest.TestCase):
    def test_twelve_months_from_the_close_month(self):
        result = pd.spread(1200.0, date(2026, 2, 1), date(2027, 1, 31), date(2026, 2, 28))
        self.assertEqual((result["kept"], result["deferred"]), (100.0, 1100.0))
        self.assertEqual(len(result["releases"]), 11)
        self.assertEqual(result["releases"][0], (date(2026, 3, 31), 100.0))
        self.assertEqual(result["releases"][-1], (date(2027, 1, 31), 100.0))

    def test_rounding_goes_to_the_last_month_and_nothing_is_lost(self):
        result = pd.spread(1000.0, date(2026, 1, 1), date(2026, 3, 31), date(2026, 1, 31))
        self.assertEqual([s for _m, s in result["months"]], [333.33, 333.33, 333.34])
        self.assertAlmostEqual(result["kept"] + result["deferred"], 1000.0)

    def test_a_service_starting_later_is_deferred_whole(self):
        result = pd.spread(600.0, date(2026, 4, 1), date(2026, 9, 30), date(2026, 2, 28))
        self.assertEqual((result["kept"], result["deferred"], len(result["releases"])), (0.0, 600.0, 6))

    def test_nothing_to_defer(self):
        self.assertIsNone(pd.spread(100.0, date(2026, 2, 1), date(2026, 2, 28), date(2026, 2, 28)))
        self.assertIsNone(pd.spread(100.0, date(2025, 12, 1), date(2026, 2, 28), date(2026, 2, 28)))


if __name__ == "__main__":
    unittest.main()
