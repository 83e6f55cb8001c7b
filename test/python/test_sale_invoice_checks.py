"""The Sales bridge's checks on a draft customer invoice (ai_bookkeeping_sale/tools/sale_invoice_checks.py),
without Odoo."""

import datetime
import importlib.util
import os
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PATH = os.path.join(ROOT, "ai_bookkeeping_sale", "tools", "sale_invoice_checks.py")
_spec = importlib.util.spec_from_file_location("aib_sale_invoice_checks", PATH)
checks = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(checks)


def codes(found):
    return [f["code"] for f in found]


def message(found):
    return found[0]["source"] % found[0]["params"]


class TestHistory(unittest.TestCase):
    def test_dominant_needs_a_long_and_uniform_history(self):
        self.assertIsNone(checks.dominant(["400"] * 2))
        self.assertEqual(checks.dominant(["400"] * 4 + ["401"]), "400")
        self.assertIsNone(checks.dominant(["400", "400", "401", "401"]))

    def test_coding_unlike_history(self):
        found = checks.check_coding("Widget", "401 Other", "VAT 21%", ["400 Sales"] * 3, ["VAT 21%"] * 3,
                                    "this customer")
        self.assertEqual(codes(found), ["account_unusual"])
        self.assertIn("its last 3 invoices to this customer used 400 Sales", message(found))
        self.assertEqual(checks.check_coding("Widget", "400 Sales", "VAT 21%", ["400 Sales"] * 3,
                                             ["VAT 21%"] * 3, "all customers"), [])

    def test_taxes_unlike_history_and_mapping(self):
        self.assertEqual(codes(checks.check_coding("W", "400", "VAT 6%", [], ["VAT 21%"] * 5, "all")),
                         ["tax_unusual"])
        self.assertEqual(codes(checks.check_mapped_coding("W", "400", "VAT 6%", "400", "VAT 21%", "Domestic")),
                         ["tax_fiscal_position"])
        self.assertEqual(codes(checks.check_mapped_coding("W", "401", "VAT 21%", "400", "VAT 21%", "")),
                         ["account_fiscal_position"])
        self.assertEqual(checks.check_fiscal_position("Domestic", "Domestic", "Acme"), [])
        self.assertEqual(codes(checks.check_fiscal_position("Export", "", "Acme")), ["fiscal_position"])


class TestQuantitiesAndPrices(unittest.TestCase):
    def test_price_within_tolerance_is_clean(self):
        self.assertEqual(checks.check_price("W", 100.0, 0.0, 100.004, 0.01, "EUR"), [])
        self.assertEqual(checks.check_price("W", 100.0, 10.0, 90.0, 0.01, "EUR"), [])

    def test_price_off_the_pricelist(self):
        found = checks.check_price("W", 85.0, 0.0, 100.0, 0.01, "EUR")
        self.assertEqual(codes(found), ["price_off_pricelist"])
        self.assertIn("-15.0 %", message(found))

    def test_over_invoiced_only_on_delivered_policy(self):
        self.assertEqual(codes(checks.check_over_invoiced("W", "delivery", 6.0, 2.0, 5.0)), ["over_invoiced"])
        self.assertEqual(checks.check_over_invoiced("W", "delivery", 7.0, 2.0, 5.0), [])
        self.assertEqual(checks.check_over_invoiced("W", "order", 0.0, 0.0, 5.0), [])

    def test_late(self):
        today = datetime.date(2026, 3, 1)
        self.assertEqual(codes(checks.check_late("S1", datetime.date(2026, 2, 1), today, 7)), ["late"])
        self.assertEqual(checks.check_late("S1", datetime.date(2026, 2, 25), today, 7), [])
        self.assertEqual(checks.check_late("S1", datetime.date(2026, 1, 1), today, 0), [])


class TestCustomer(unittest.TestCase):
    def test_vat(self):
        self.assertEqual(codes(checks.check_vat("Acme", True, False, False)), ["vat_missing"])
        self.assertEqual(codes(checks.check_vat("Jane", False, False, True)), ["vat_missing"])
        self.assertEqual(checks.check_vat("Jane", False, False, False), [])

    def _einvoice(self, **overrides):
        facts = {"is_company": True, "has_vat": True, "seller_country": "BE", "customer_country": "BE",
                 "edi_format": False, "peppol_endpoint": False, "peppol_eas": False,
                 "peppol_formats": ["ubl_bis3"], "date": datetime.date(2026, 3, 1),
                 "mandates": checks.load_mandates()}
        facts.update(overrides)
        return checks.check_einvoice("Acme", **facts)

    def test_einvoice_mandate_and_peppol(self):
        self.assertEqual(codes(self._einvoice()), ["einvoice_missing"])
        self.assertEqual(self._einvoice(date=datetime.date(2025, 12, 31)), [])
        self.assertEqual(self._einvoice(customer_country="FR", seller_country="FR"), [])
        self.assertEqual(codes(self._einvoice(customer_country="FR", peppol_eas="0009", peppol_endpoint="1")),
                         ["einvoice_missing"])
        self.assertEqual(codes(self._einvoice(edi_format="ubl_bis3")), ["einvoice_address"])
        self.assertEqual(self._einvoice(edi_format="ubl_bis3", peppol_eas="0208", peppol_endpoint="0477"), [])


class TestDuplicateAndConfidence(unittest.TestCase):
    def test_duplicate_needs_same_lines_and_amount(self):
        lines = [{"product_id": 7, "quantity": 2.0, "price": 50.0}]
        signature = checks.line_signature(lines)
        sent = [{"name": "INV/1", "amount": 121.0, "signature": signature, "sent": True}]
        found = checks.check_duplicate(121.0, signature, sent, 0.01)
        self.assertEqual(codes(found), ["duplicate"])
        self.assertIn("as INV/1, already sent", message(found))
        posted = checks.check_duplicate(121.0, signature, [dict(sent[0], sent=False)], 0.01)
        self.assertIn("already posted (not sent yet)", message(posted))
        self.assertEqual(checks.check_duplicate(121.0, checks.line_signature(
            [{"product_id": 7, "quantity": 3.0, "price": 50.0}]), sent, 0.01), [])
        self.assertEqual(checks.check_duplicate(100.0, signature, sent, 0.01), [])

    def test_confidence_reflects_findings(self):
        self.assertGreaterEqual(checks.confidence([]), 0.95)
        warning = [{"severity": "warning"}]
        self.assertLess(checks.confidence(warning), 0.8)
        self.assertLess(checks.confidence(warning * 3), checks.confidence(warning))
        self.assertEqual(checks.confidence(warning + [{"severity": "blocking"}]), checks.CONFIDENCE_BLOCKING)


if __name__ == "__main__":
    unittest.main()
