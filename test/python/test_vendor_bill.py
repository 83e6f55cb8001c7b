"""Direct tests of ai_bookkeeping/tools/vendor_bill_*.py: the checked reply, vendor matching, tax mapping, learned
coding and corrections. No Odoo, no database.

Run: python3 -m unittest discover -s test/python -v
"""

import unittest

import aib_tools_loader

aib_tools_loader.load()

from aib_tools import vendor_bill_coding as vbc  # noqa: E402
from aib_tools import vendor_bill_match as vbm  # noqa: E402
from aib_tools import vendor_bill_reply as vbr  # noqa: E402


def field(value, confidence=0.99, page=1):
    return {"value": value, "confidence": confidence, "sourceText": str(value), "page": page}


def reply(**fields):
    names = ("vendorName", "vendorAddress", "vendorVat", "vendorIban", "vendorEmail", "invoiceNumber", "invoiceDate",
             "dueDate", "paymentTerms", "currency", "untaxed", "totalTax", "total", "purchaseOrderRef")
    return {
        "engine": {"name": "bills", "version": "1"}, "ocrAvailable": True, "warnings": [],
        "documents": [{
            "pageFrom": 1, "pageTo": 1, "source": "text_layer",
            # documentKind only when given: without it, the reply of an endpoint older than the credit notes.
            "fields": {name: fields.get(name)
                       for name in names + (("documentKind",) if "documentKind" in fields else ())},
            "lines": [{"description": "Hosting", "quantity": 1, "unitPrice": 100, "taxRate": 19, "amount": 100,
                       "confidence": 0.9}],
            "taxes": [{"rate": 19, "base": 100, "amount": 19}],
            "checks": [{"code": "total", "ok": False, "message": "100 + 19 = 119, the bill says 118"}],
        }],
    }


class TestCheckReply(unittest.TestCase):
    def test_a_valid_reply_comes_back_with_snake_case_keys(self):
        checked = vbr.check_reply(reply(invoiceNumber=field("INV-1"), total=field(119), currency=field("EUR")))
        document = checked["documents"][0]
        self.assertEqual(document["fields"]["invoice_number"]["value"], "INV-1")
        self.assertEqual(document["fields"]["total"]["value"], 119.0)
        self.assertIsNone(document["fields"]["vendor_vat"])
        self.assertEqual(document["lines"][0]["unit_price"], 100.0)
        self.assertEqual(document["checks"][0], {"code": "total", "ok": False,
                                                 "message": "100 + 19 = 119, the bill says 118"})
        self.assertFalse(vbr.is_empty(document))

    def test_malformed_parts_are_refused_naming_where(self):
        bad = [
            ({"total": field("119")}, "documents[0].fields.total.value"),
            ({"invoiceDate": field("01/02/2026")}, "documents[0].fields.invoiceDate.value"),
            ({"currency": field("euro")}, "documents[0].fields.currency.value"),
            ({"total": field(1, confidence=1.5)}, "documents[0].fields.total.confidence"),
        ]
        for fields, where in bad:
            with self.subTest(where=where), self.assertRaisesRegex(vbr.ReplyError, where.replace("[", r"\[")):
                vbr.check_reply(reply(**fields))
        empty = reply()
        empty["documents"] = []
        with self.assertRaises(vbr.ReplyError):
            vbr.check_reply(empty)

    def test_the_vendors_address_is_checked_part_by_part(self):
        address = {"street": "Uferweg 40-42", "zip": "63571", "city": "Gelnhausen", "country": "DE"}
        checked = vbr.check_reply(reply(vendorAddress=field(address)))["documents"][0]["fields"]["vendor_address"]
        self.assertEqual(checked["value"], address)
        for bad in ({"street": 5, "zip": None, "city": None, "country": None}, "Uferweg 40",
                    {"street": None, "zip": "1", "city": "X", "country": "Deutschland"}):
            with self.subTest(bad=bad), self.assertRaisesRegex(vbr.ReplyError, r"fields\.vendorAddress"):
                vbr.check_reply(reply(vendorAddress=field(bad)))
        nothing = {"street": None, "zip": None, "city": None, "country": None}
        self.assertIsNone(vbr.check_reply(reply(vendorAddress=field(nothing)))["documents"][0]["fields"][
            "vendor_address"])

    def test_fields_read_by_the_llm_say_so_and_the_model_is_kept(self):
        llm_total = dict(field(119, confidence=0.8), readBy="llm")
        answer = reply(total=llm_total, invoiceNumber=field("INV-1"))
        answer["engine"]["model"] = "fake-model"
        checked = vbr.check_reply(answer)
        fields = checked["documents"][0]["fields"]
        self.assertEqual((fields["total"]["read_by"], fields["invoice_number"]["read_by"]), ("llm", "extractor"))
        self.assertEqual(vbr.llm_read_fields(checked["documents"][0]), ["total"])
        self.assertEqual(checked["engine"]["model"], "fake-model")
        self.assertEqual(vbr.check_reply(reply())["engine"]["model"], "")
        with self.assertRaisesRegex(vbr.ReplyError, r"fields\.total\.readBy"):
            vbr.check_reply(reply(total=dict(field(119), readBy="someone")))

    def test_fields_read_by_ocr_from_a_picture_say_so(self):
        checked = vbr.check_reply(reply(vendorName=dict(field("Elbtal Druck GmbH", confidence=0.88), readBy="ocr")))
        fields = checked["documents"][0]["fields"]
        self.assertEqual(fields["vendor_name"]["read_by"], "ocr")
        self.assertEqual(vbr.llm_read_fields(checked["documents"][0]), [])

    def test_a_document_with_nothing_read_is_empty(self):
        nothing = reply()
        nothing["documents"][0]["lines"] = []
        self.assertTrue(vbr.is_empty(vbr.check_reply(nothing)["documents"][0]))


class TestCreditNote(unittest.TestCase):
    def test_the_document_kind_is_read_and_says_credit_note(self):
        checked = vbr.check_reply(reply(documentKind=field("credit_note", confidence=0.95), total=field(119)))
        document = checked["documents"][0]
        self.assertEqual(document["fields"]["document_kind"]["value"], "credit_note")
        self.assertTrue(vbr.is_credit_note(document))
        invoice = vbr.check_reply(reply(documentKind=field("invoice"), total=field(119)))["documents"][0]
        self.assertFalse(vbr.is_credit_note(invoice))

    def test_an_older_endpoints_reply_without_a_kind_is_an_invoice_unless_its_total_is_negative(self):
        # reply() builds the fields an endpoint of stop 24 sent: no documentKind key at all.
        document = vbr.check_reply(reply(total=field(119)))["documents"][0]
        self.assertIsNone(document["fields"]["document_kind"])
        self.assertFalse(vbr.is_credit_note(document))
        self.assertTrue(vbr.is_credit_note(vbr.check_reply(reply(total=field(-119)))["documents"][0]))

    def test_an_unknown_kind_is_refused_naming_where(self):
        with self.assertRaisesRegex(vbr.ReplyError, r"documents\[0\]\.fields\.documentKind\.value"):
            vbr.check_reply(reply(documentKind=field("refund")))


class TestMatchVendor(unittest.TestCase):
    candidates = [
        {"id": 1, "name": "Acme Industrial Supplies GmbH", "vat": "DE 123 456 789", "ibans": [],
         "email_domains": ["acme.de"]},
        {"id": 2, "name": "Globex Corporation", "vat": "", "ibans": ["DE89370400440532013000"],
         "email_domains": []},
        {"id": 3, "name": "Initech Ltd.", "vat": "", "ibans": [], "email_domains": ["initech.com"]},
    ]

    def match(self, **fields):
        return vbm.match_vendor({key: {"value": value} for key, value in fields.items()}, self.candidates)

    def test_vat_first_then_iban_then_domain_then_name(self):
        self.assertEqual(self.match(vendor_vat="DE123456789", vendor_iban="DE89370400440532013000")["method"], "vat")
        found = self.match(vendor_vat="FR000", vendor_iban="de89 3704 0044 0532 0130 00")
        self.assertEqual((found["partner_id"], found["method"]), (2, "iban"))
        found = self.match(vendor_email="billing@initech.com", vendor_name="Acme")
        self.assertEqual((found["partner_id"], found["method"]), (3, "email"))
        found = self.match(vendor_name="ACME Industrial Supplies")
        self.assertEqual((found["partner_id"], found["method"]), (1, "name"))
        self.assertGreater(found["confidence"], 0.8)

    def test_public_mail_domains_and_strangers_match_nobody(self):
        self.assertIsNone(self.match(vendor_email="acme@gmail.com"))
        self.assertIsNone(self.match(vendor_name="Umbrella Pharmaceuticals"))
        self.assertIsNone(self.match())

    def test_a_shared_vat_number_lowers_the_confidence(self):
        twins = self.candidates + [{"id": 9, "name": "Acme Twin", "vat": "DE123456789", "ibans": [],
                                    "email_domains": []}]
        found = vbm.match_vendor({"vendor_vat": {"value": "DE123456789"}}, twins)
        self.assertEqual((found["partner_id"], found["confidence"]), (1, vbm.AMBIGUOUS))

    def test_the_address_tells_two_alike_names_apart_and_matches_a_renamed_vendor(self):
        branches = [
            {"id": 4, "name": "Muster Versicherung Nord", "vat": "", "ibans": [], "email_domains": [],
             "zip": "20095", "street": "Hafenstraße 1"},
            {"id": 5, "name": "Muster Versicherung Süd", "vat": "", "ibans": [], "email_domains": [],
             "zip": "80331", "street": "Marienplatz 2"},
        ]
        address = {"street": "Marienplatz 2", "zip": "80331", "city": "München", "country": "DE"}
        without = vbm.match_vendor({"vendor_name": {"value": "Muster Versicherung"}}, branches)
        found = vbm.match_vendor({"vendor_name": {"value": "Muster Versicherung"},
                                  "vendor_address": {"value": address}}, branches)
        self.assertEqual(found["partner_id"], 5)
        self.assertGreater(found["confidence"], without["confidence"])
        self.assertIn("postcode", found["reason"])
        renamed = vbm.match_vendor({"vendor_name": {"value": "MV Süd Services"},
                                    "vendor_address": {"value": dict(address, street="Marienplatz  2")}}, branches)
        self.assertEqual((renamed["partner_id"], renamed["method"]), (5, "address"))
        self.assertLess(renamed["confidence"], vbm.CONFIDENCE["email"])

    def test_name_similarity_ignores_legal_forms_and_punctuation(self):
        self.assertEqual(vbm.name_similarity("Initech Ltd.", "INITECH"), 1.0)
        self.assertLess(vbm.name_similarity("Initech", "Globex"), 0.5)


class TestMapTax(unittest.TestCase):
    taxes = [
        {"id": 10, "amount": 19.0, "amount_type": "percent", "price_include": False, "tax_scope": False,
         "sequence": 5},
        {"id": 11, "amount": 19.0, "amount_type": "percent", "price_include": False, "tax_scope": "service",
         "sequence": 1},
        {"id": 12, "amount": 7.0, "amount_type": "percent", "price_include": True, "tax_scope": False,
         "sequence": 1},
        {"id": 13, "amount": 0.0, "amount_type": "percent", "price_include": False, "tax_scope": False,
         "sequence": 1},
    ]

    def test_rate_and_scope_pick_the_companys_tax(self):
        self.assertEqual(vbm.map_tax(19, self.taxes), 10)
        self.assertEqual(vbm.map_tax(19.0, self.taxes, scope="service"), 11)
        self.assertEqual(vbm.map_tax(19, self.taxes, preferred_ids=[11]), 11)
        self.assertEqual(vbm.map_tax(0, self.taxes), 13)

    def test_a_rate_without_tax_is_none_never_invented(self):
        self.assertIsNone(vbm.map_tax(21, self.taxes))
        self.assertIsNone(vbm.map_tax(7, self.taxes), "a tax included in price does not fit a net bill line")
        self.assertIsNone(vbm.map_tax(None, self.taxes))


class TestCoding(unittest.TestCase):
    history = [
        {"account_id": 5, "description": "Hosting March 2026", "analytic_distribution": {"7": 100}},
        {"account_id": 5, "description": "Hosting February 2026", "analytic_distribution": {"7": 100}},
        {"account_id": 6, "description": "Domain renewal 2025", "analytic_distribution": None},
        {"account_id": 6, "description": "Domain renewal 2024", "analytic_distribution": None},
        {"account_id": 6, "description": "Domain renewal 2023", "analytic_distribution": None},
    ]

    def test_the_same_description_then_the_most_used_account(self):
        self.assertEqual(vbc.learn_coding(self.history, [], "Hosting April 2026"),
                         {"account_id": 5, "analytic_distribution": {"7": 100}, "source": "description"})
        self.assertEqual(vbc.learn_coding(self.history, [], "Support")["account_id"], 6)
        self.assertIsNone(vbc.learn_coding([], [], "Support"))

    def test_a_correction_wins_over_the_history(self):
        corrections = [{"account_id": 8, "description": "Hosting March 2026", "analytic_distribution": None}]
        self.assertEqual(vbc.learn_coding(self.history, corrections, "Hosting April 2026")["source"], "correction")
        self.assertEqual(vbc.learn_coding(self.history, corrections, "Hosting April 2026")["account_id"], 8)
        self.assertEqual(vbc.learn_coding(self.history, corrections, "Domain renewal 2026")["account_id"], 6,
                         "a correction of another line's account does not recode every line")

    def test_corrections_list_what_changed(self):
        filled = {"partner_id": 1, "ref": "A1", "invoice_date": "2026-01-05", "invoice_date_due": None,
                  "currency_id": 1, "lines": [{"description": "x", "account_id": 5, "tax_ids": [2, 1],
                                               "quantity": 1, "price_unit": 10.0, "analytic_distribution": None}]}
        same = dict(filled, lines=[dict(filled["lines"][0], tax_ids=[1, 2])])
        self.assertEqual(vbc.corrections(filled, same), [])
        changed = dict(filled, ref="A2", lines=[dict(filled["lines"][0], account_id=8)])
        self.assertEqual([(c["field"], c["from"], c["to"]) for c in vbc.corrections(filled, changed)],
                         [("ref", "A1", "A2"), ("account_id", 5, 8)])
        self.assertEqual(vbc.account_corrections(vbc.corrections(filled, changed)),
                         [{"account_id": 8, "description": "x", "analytic_distribution": None}])
        analytic = dict(filled, lines=[dict(filled["lines"][0], analytic_distribution={"3": 100})])
        self.assertEqual(vbc.account_corrections(vbc.corrections(filled, analytic)),
                         [{"account_id": 5, "description": "x", "analytic_distribution": {"3": 100}}],
                         "a corrected analytic teaches too, with the line's account")

    def test_confidence_and_clean_streak(self):
        fields = {"invoice_number": {"confidence": 0.97}, "invoice_date": {"confidence": 0.9},
                  "total": {"confidence": 0.99}}
        self.assertEqual(vbc.overall_confidence(fields, 0.99, False), 0.9)
        self.assertEqual(vbc.overall_confidence(fields, 0.99, True), 0.5)
        self.assertEqual(vbc.overall_confidence({}, 0.99, False), 0.0)
        self.assertEqual(vbc.clean_streak([{"approved": True}, {"approved": True, "corrected": True},
                                           {"approved": True}]), 1)
        self.assertEqual(vbc.clean_streak([]), 0)


if __name__ == "__main__":
    unittest.main()
