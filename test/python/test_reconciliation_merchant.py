"""The merchant key of lines without a partner (tools/reconciliation_merchant.py), used by the rollout phase guard.

Run: python3 -m unittest discover -s test/python -v
"""

import unittest

import aib_tools_loader

aib_tools_loader.load()

from aib_tools.reconciliation_merchant import merchant_key  # noqa: E402


class TestMerchantKey(unittest.TestCase):
    def test_one_merchant_printed_many_ways_has_one_key(self):
        forms = [
            "KARTENZAHLUNG girocard 16.06 16:14 MAILCHIMP 1379",
            "SUMUP *MAILCHIMP",
            "MAILCHIMP*AB1234",
            "106?00KARTENZAHLUNG?20MAILCHIMP?2123.05.26 17.29",
            "CB MAILCHIMP 06/05",
            "CARD PAYMENT TO MAILCHIMP ON 22 MAY",
        ]
        self.assertEqual({merchant_key("", label) for label in forms}, {"MAILCHIMP"})

    def test_the_printed_counterparty_name_comes_first_without_its_legal_form(self):
        self.assertEqual(merchant_key("HETZNER ONLINE GMBH", "SEPA-BASISLASTSCHRIFT EREF+X"), "HETZNER ONLINE")
        self.assertEqual(merchant_key("Société Éditrice du Monde", ""), "SOCIETE EDITRICE")

    def test_bank_words_alone_make_no_merchant(self):
        for label in ["SEPA-BASISLASTSCHRIFT EREF+NOTPROVIDED MREF+M123 CRED+DE98ZZZ09999999999",
                      "CARD PAYMENT 4711 ON 12 MAY", "DD FEE", ""]:
            self.assertEqual(merchant_key("", label), "", label)

    def test_two_merchants_never_share_a_key_through_bank_words(self):
        a = merchant_key("", "KARTENZAHLUNG girocard 12.05 10:42 ALBERT HEIJN FIL3567")
        b = merchant_key("", "KARTENZAHLUNG girocard 12.05 10:42 JUMBO SUPERMARKTEN FIL3567")
        self.assertNotEqual(a, b)
        self.assertEqual(a, "ALBERT HEIJN")


if __name__ == "__main__":
    unittest.main()
