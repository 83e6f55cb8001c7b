"""The financial reports' pure parts: figures, facts and drivers, the offline narrative and its number checker."""

import unittest

import aib_tools_loader

aib_tools_loader.load()

from aib_tools import financial_report_facts as frf  # noqa: E402
from aib_tools import financial_report_figures as fig  # noqa: E402
from aib_tools import financial_report_narrative as frn  # noqa: E402
from aib_tools import financial_report_planted as planted  # noqa: E402

SETTINGS = {"amount": 1000.0, "percent": 5.0}
EUR = {"decimal_point": ".", "thousands_sep": ",", "currency_symbol": "€", "currency_position": "after"}
FR = {"decimal_point": ",", "thousands_sep": "\u202f", "currency_symbol": "€", "currency_position": "after"}


def line(account_id, account_type, month, balance, code=None, draft=0.0):
    return {"account_id": account_id, "code": code or str(account_id), "name": "A%d" % account_id,
            "account_type": account_type, "month": month, "balance": balance, "draft": draft}


def columns(period):
    return [("current", period), ("previous", fig.previous_period(period)),
            ("last_year", fig.same_period_last_year(period))]


def value(rows, key, column="current"):
    return next(r["values"][column] for r in rows if r["key"] == key)


def analyse(ledger, month, locale=EUR):
    rows, dims = planted.ledger_rows(ledger)
    period = (month, month)
    report = fig.build_report(rows, period, columns(period))
    report["seasonal"] = frf.seasonal_patterns(rows, period)
    analysis = frf.build_facts(report, dims, SETTINGS, {"period": month, "date": month + "-28"})
    narrative = frn.write_narrative(analysis, locale=locale)
    return report, analysis, narrative, frn.narrative_text(narrative)


class TestMonths(unittest.TestCase):
    def test_periods(self):
        self.assertEqual(fig.previous_period(("2026-01", "2026-03")), ("2025-10", "2025-12"))
        self.assertEqual(fig.same_period_last_year(("2026-01", "2026-01")), ("2025-01", "2025-01"))
        self.assertEqual(fig.fiscal_year_start("2026-03", 4), "2025-04")
        self.assertEqual(fig.fiscal_year_start("2026-04", 4), "2026-04")


class TestFigures(unittest.TestCase):
    ROWS = [
        line(1, "asset_cash", "2025-01", 10000.0), line(2, "equity", "2025-01", -10000.0),
        # 2025: sold 5,000, paid 3,000 of costs: 2,000 earned, before this fiscal year
        line(3, "income", "2025-06", -5000.0), line(1, "asset_cash", "2025-06", 5000.0),
        line(4, "expense", "2025-07", 3000.0), line(1, "asset_cash", "2025-07", -3000.0),
        # 2026-01: sold 4,000 on credit, cost 1,000 of goods, 500 depreciation, bought a 2,000 machine, took a loan
        line(3, "income", "2026-01", -4000.0), line(5, "asset_receivable", "2026-01", 4000.0),
        line(6, "expense_direct_cost", "2026-01", 1000.0), line(7, "liability_payable", "2026-01", -1000.0),
        line(8, "expense_depreciation", "2026-01", 500.0), line(9, "asset_fixed", "2026-01", -500.0),
        line(9, "asset_fixed", "2026-01", 2000.0), line(1, "asset_cash", "2026-01", -2000.0),
        line(10, "liability_non_current", "2026-01", -1500.0), line(1, "asset_cash", "2026-01", 1500.0),
        line(11, "off_balance", "2026-01", 99.0),
    ]

    def setUp(self):
        self.report = fig.build_report(self.ROWS, ("2026-01", "2026-01"), columns(("2026-01", "2026-01")))

    def test_profit_and_loss(self):
        pnl = self.report["pnl"]
        self.assertEqual(value(pnl, "revenue"), 4000.0)
        self.assertEqual(value(pnl, "cost_of_revenue"), 1000.0)
        self.assertEqual(value(pnl, "gross_profit"), 3000.0)
        self.assertEqual(value(pnl, "operating_profit"), 2500.0)
        self.assertEqual(value(pnl, "net_profit"), 2500.0)
        self.assertEqual(value(pnl, "net_profit", "last_year"), 0.0)

    def test_net_profit_equals_the_trial_balance_of_the_pnl_types(self):
        totals = fig.type_totals(self.ROWS, "2026-01", "2026-01")
        self.assertEqual(value(self.report["pnl"], "net_profit"), -sum(totals.get(t, 0.0) for t in fig.PNL_TYPES))

    def test_balance_sheet_balances_with_current_year_earnings(self):
        bs = self.report["balance_sheet"]
        self.assertEqual(value(bs, "total_assets"), 10000 + 5000 - 3000 - 2000 + 1500 + 4000 + 1500)
        self.assertEqual(value(bs, "retained_earnings"), 2000.0)
        self.assertEqual(value(bs, "current_year_earnings"), 2500.0)
        self.assertEqual(value(bs, "total_assets"), value(bs, "total_liabilities_equity"))
        for checks in self.report["checks"].values():
            self.assertEqual(checks, {"balance_sheet_gap": 0.0, "cash_flow_gap": 0.0})

    def test_cash_flow_indirect(self):
        cf = self.report["cash_flow"]
        self.assertEqual(value(cf, "cf_net_profit"), 2500.0)
        self.assertEqual(value(cf, "cf_depreciation"), 500.0)
        self.assertEqual(value(cf, "cf_receivables"), -4000.0)
        self.assertEqual(value(cf, "cf_payables"), 1000.0)
        self.assertEqual(value(cf, "cf_operating"), 0.0)
        self.assertEqual(value(cf, "cf_investing"), -2000.0)
        self.assertEqual(value(cf, "cf_financing"), 1500.0)
        self.assertEqual(value(cf, "cf_net_change"), -500.0)
        self.assertEqual(value(cf, "cf_closing_cash") - value(cf, "cf_opening_cash"), -500.0)

    def test_drafts_are_marked_and_every_row_drills_down(self):
        rows = self.ROWS + [line(3, "income", "2026-01", -250.0, draft=-250.0),
                            line(5, "asset_receivable", "2026-01", 250.0, draft=250.0)]
        report = fig.build_report(rows, ("2026-01", "2026-01"), columns(("2026-01", "2026-01")))
        income = next(r for r in report["pnl"] if r.get("account_id") == 3)
        self.assertEqual(income["draft"], {"current": 250.0})
        self.assertEqual(income["drill"], {"account_ids": [3], "scope": "period"})
        self.assertTrue(all(r["drill"]["account_ids"] for r in report["pnl"] if any(r["values"].values())))

    def test_budget_column(self):
        report = fig.build_report(self.ROWS, ("2026-01", "2026-01"), columns(("2026-01", "2026-01")),
                                  budget={3: {"2026-01": 5000.0, "2026-02": 99.0}})
        self.assertEqual(value(report["pnl"], "revenue", "budget"), 5000.0)

    def test_labels_go_through_the_translator(self):
        report = fig.build_report(self.ROWS, ("2026-01", "2026-01"), columns(("2026-01", "2026-01")),
                                  translate=lambda s: {"Revenue": "Chiffre d'affaires"}.get(s, s))
        self.assertEqual(next(r["label"] for r in report["pnl"] if r["key"] == "revenue"), "Chiffre d'affaires")

    def test_planted_ledgers_balance(self):
        for seed in planted.REPORT_SEEDS[:3]:
            rows, _dims = planted.ledger_rows(planted.documents(seed))
            report = fig.build_report(rows, ("2026-02", "2026-02"), columns(("2026-02", "2026-02")))
            for checks in report["checks"].values():
                self.assertEqual(checks, {"balance_sheet_gap": 0.0, "cash_flow_gap": 0.0})


class TestChecker(unittest.TestCase):
    FACTS = {
        "a": {"id": "a", "value": 1234.5, "unit": "currency", "sense": "neutral", "decimals": 0},
        "b": {"id": "b", "value": 15.04, "unit": "percent", "sense": "up", "decimals": 1},
        "c": {"id": "c", "value": -3.0, "unit": "currency", "sense": "down", "decimals": 0},
        "d": {"id": "d", "value": 12.2, "unit": "points", "sense": "up", "decimals": 0},
        "p": {"id": "p", "value": "March 2026", "unit": "label", "sense": "neutral", "decimals": 0},
    }

    def test_numbers_are_read_in_the_locale(self):
        numbers = frn.extract_numbers("Sales 1,234.5 € rose 15 % and -3 €", EUR)
        self.assertEqual([(n["value"], n["unit"]) for n in numbers],
                         [(1234.5, "currency"), (15.0, "percent"), (-3.0, "currency")])
        numbers = frn.extract_numbers("Ventes 1\u202f234,5 € en hausse de 15 %", FR)
        self.assertEqual([(n["value"], n["unit"]) for n in numbers], [(1234.5, "currency"), (15.0, "percent")])
        self.assertEqual(frn.extract_numbers("1 234,5 €", FR)[0]["value"], 1234.5)

    def test_facts_pass_as_displayed(self):
        text = "In March 2026 revenue was 1,235 €, it rose 15.0 % (12 points), losing -3 €."
        self.assertEqual(frn.check_narrative(text, self.FACTS, EUR), [])
        self.assertEqual(frn.check_narrative("Le chiffre a augmenté de 15,0\u00a0% : 1\u202f234 €.", self.FACTS,
                                             FR), [])

    def test_invented_number_wrong_sign_unit_sense(self):
        self.assertIn("is not among", frn.check_narrative("Revenue rose 37 %.", self.FACTS, EUR)[0])
        self.assertIn("wrong unit", frn.check_narrative("Revenue rose 1,235 %.", self.FACTS, EUR)[0])
        self.assertIn("wrong sign", frn.check_narrative("Revenue was -1,235 €.", self.FACTS, EUR)[0])
        self.assertIn("direction", frn.check_narrative("Revenue fell 15 %.", self.FACTS, EUR)[0])
        self.assertIn("not among", frn.check_narrative("In 2025 it was 3 €.", self.FACTS, EUR)[0])


class TestPlantedDrivers(unittest.TestCase):
    """On the report seeds (never the tuning seeds): every planted driver is named, every number is a fact."""

    def test_tuning_seeds_are_refused_for_reports(self):
        with self.assertRaises(planted.TuningSeedError):
            planted.documents(planted.TUNING_SEEDS[0])

    def test_last_month_names_the_customer_and_the_cost_line(self):
        for seed in planted.REPORT_SEEDS:
            ledger = planted.documents(seed)
            _report, analysis, narrative, text = analyse(ledger, ledger["last_month"])
            self.assertIn(ledger["planted"]["customer"], text, (seed, text))
            self.assertIn(planted.ACCOUNTS[ledger["planted"]["cost_account"]][1], text, (seed, text))
            self.assertEqual(frn.check_narrative(text, analysis["facts"], EUR), [], (seed, text))
            for sentences in narrative.values():
                for sentence in sentences:
                    self.assertTrue(set(sentence["facts"]) <= set(analysis["facts"]))

    def test_dip_month_is_called_seasonal(self):
        for seed in planted.REPORT_SEEDS:
            ledger = planted.documents(seed)
            _report, analysis, _narrative, text = analyse(ledger, ledger["dip_month"])
            self.assertIn("Revenue fell", text, (seed, text))
            self.assertIn("seasonal", text, (seed, text))
            self.assertEqual(frn.check_narrative(text, analysis["facts"], EUR), [], (seed, text))

    def test_french_offline_text_passes_its_own_checker(self):
        ledger = planted.documents(planted.REPORT_SEEDS[0])
        _report, analysis, _narrative, text = analyse(ledger, ledger["last_month"], FR)
        self.assertEqual(frn.check_narrative(text, analysis["facts"], FR), [], text)

    def test_a_hostile_rewrite_is_rejected(self):
        ledger = planted.documents(planted.REPORT_SEEDS[1])
        _report, analysis, _narrative, text = analyse(ledger, ledger["last_month"])
        self.assertTrue(frn.check_narrative(text + " Revenue will grow 42 % next year.", analysis["facts"], EUR))


class TestSharedVectors(unittest.TestCase):
    """The cases test/vectors/narrative_checks.json shares with the endpoint's first check (unknown_numbers.ts)."""

    def test_cases(self):
        import json
        import os
        path = os.path.join(aib_tools_loader.ROOT, "test", "vectors", "narrative_checks.json")
        with open(path, encoding="utf-8") as handle:
            vectors = json.load(handle)
        facts = {f["id"]: f for f in vectors["facts"]}
        for case in vectors["cases"]:
            problems = frn.check_narrative(case["text"], facts, vectors["locales"][case["locale"]])
            self.assertEqual(not problems, case["ok"], (case["text"], problems))
