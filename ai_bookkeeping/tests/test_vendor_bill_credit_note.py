"""Vendor credit notes from documents: a document the endpoint reads as a credit note (its kind, its amounts stated
positive; or, from an endpoint older than the kind, a negative total) becomes a draft vendor refund (``in_refund``)
with positive amounts, and the bill form and the review queue say it is a credit note. One test goes through the
real endpoint started by Odoo with a credit note printed negative."""

import io

from reportlab.pdfgen import canvas

from odoo.tests import tagged

from .llm_common import use_autostarted_endpoint
from .vendor_bill_common import VENDOR_VAT, VendorBillCase, bill_document, bill_reply


def payable_balance(bill):
    return sum(bill.line_ids.filtered(lambda line: line.account_id.account_type == "liability_payable").mapped(
        "balance"))


@tagged("post_install", "-at_install")
class TestVendorBillCreditNote(VendorBillCase):
    def read(self, **document):
        with self.reading(bill_reply(bill_document(**document))):
            bill = self.upload(self.make_pdf())
        return bill, self.suggestion_of(bill)

    def test_a_credit_note_with_positive_amounts_becomes_a_vendor_refund(self):
        bill, suggestion = self.read(number="CN-2026-4", kind="credit_note")
        self.assertEqual(bill.move_type, "in_refund")
        self.assertEqual(bill.ref, "CN-2026-4")
        self.assertEqual(bill.partner_id, self.vendor)
        self.assertEqual([(line.quantity, line.price_unit) for line in bill.invoice_line_ids], [(10.0, 10.0)])
        self.assertEqual(bill.invoice_line_ids.tax_ids, self.tax_19)
        self.assertAlmostEqual(bill.amount_untaxed, 100.0)
        self.assertAlmostEqual(bill.amount_total, 119.0)
        findings = bill.ai_bill_extraction["findings"]
        self.assertIn("credit_note", [finding["code"] for finding in findings])
        self.assertNotIn("total_differs", [finding["code"] for finding in findings])
        # The bill form's panel and the review queue's suggestion say what it is.
        self.assertIn("Credit note", bill.ai_bill_panel)
        self.assertTrue(suggestion.name.startswith("Credit note CN-2026-4"), suggestion.name)
        self.assertEqual(suggestion.proposed_values["fields"]["document_kind"]["value"], "credit_note")
        self.assertAlmostEqual(suggestion.proposed_values["amount"], 119.0)
        suggestion.with_user(self.reviewer).action_approve()
        self.assertEqual((bill.state, bill.move_type), ("posted", "in_refund"))
        self.assertAlmostEqual(payable_balance(bill), 119.0, msg="a vendor refund: the vendor owes the company")

    def test_an_older_endpoints_negative_total_is_still_a_refund_with_positive_lines(self):
        bill, _suggestion = self.read(number="CN-OLD-1", lines=[("Printer paper", 10, -10.0, 19.0)])
        self.assertEqual(bill.move_type, "in_refund")
        self.assertEqual([(line.quantity, line.price_unit) for line in bill.invoice_line_ids], [(10.0, 10.0)])
        self.assertAlmostEqual(bill.amount_total, 119.0)

    def test_an_invoice_stays_a_vendor_bill(self):
        bill, suggestion = self.read(number="INV-77", kind="invoice")
        self.assertEqual(bill.move_type, "in_invoice")
        self.assertNotIn("credit_note", [finding["code"] for finding in bill.ai_bill_extraction["findings"]])
        self.assertTrue(suggestion.name.startswith("Bill INV-77"), suggestion.name)

    def test_an_unsure_credit_note_is_a_refund_whose_kind_is_highlighted_for_review(self):
        kind = {"value": "credit_note", "confidence": 0.8, "sourceText": "Rechnungskorrektur Nr. RK-3", "page": 1}
        bill, _suggestion = self.read(number="RK-3", kind=kind, due=None)
        self.assertEqual(bill.move_type, "in_refund")
        self.assertEqual(bill.ai_bill_review_count, 1, "only the document kind is below the threshold")
        self.assertIn("Rechnungskorrektur Nr. RK-3", bill.ai_bill_panel)

    def test_rejecting_a_credit_note_makes_the_draft_a_vendor_bill_again(self):
        """Rejecting clears what the AI filled in: the refund type it set too, not a refund the clerk opened."""
        bill, suggestion = self.read(number="CN-2026-9", kind="credit_note")
        self.assertEqual(bill.move_type, "in_refund")
        suggestion.with_user(self.reviewer).action_reject("not a credit note")
        self.assertEqual(bill.move_type, "in_invoice")
        self.assertFalse(bill.invoice_line_ids or bill.ref)

    def test_a_document_read_as_an_invoice_on_a_refund_is_a_finding(self):
        with self.reading(bill_reply(bill_document(number="INV-78", kind="invoice"))):
            bills = self.journal.with_context(default_move_type="in_refund")._create_document_from_attachment(
                self.make_pdf().ids)
            self.run_queue()
        self.assertEqual(bills.move_type, "in_refund", "the clerk chose a refund: kept")
        self.assertIn("kind_differs", [finding["code"] for finding in bills.ai_bill_extraction["findings"]])


def credit_note_pdf():
    """A real one-page PDF of a German credit note printed with negative amounts, in columns."""
    rows = [
        [(72, "Acme Supplies GmbH")],
        [(72, "Lindenstraße 5, 10115 Berlin   USt-IdNr.: %s" % VENDOR_VAT)],
        [],
        [(72, "Gutschrift Nr. GS-2026-17")],
        [(72, "Datum: 12.02.2026")],
        [],
        [(72, "Pos"), (100, "Bezeichnung"), (300, "Menge"), (360, "Einzelpreis"), (440, "USt"), (490, "Betrag")],
        [(72, "1"), (100, "Druckerpapier (Rücknahme)"), (300, "10"), (360, "10,00"), (440, "19 %"), (490, "-100,00")],
        [],
        [(360, "Nettobetrag"), (490, "-100,00 EUR")],
        [(360, "MwSt 19 %"), (490, "-19,00 EUR")],
        [(360, "Gesamtbetrag"), (490, "-119,00 EUR")],
    ]
    buffer = io.BytesIO()
    document = canvas.Canvas(buffer)
    for index, row in enumerate(rows):
        for x, text in row:
            document.drawString(x, 760 - 18 * index, text)
    document.showPage()
    document.save()
    return buffer.getvalue()


@tagged("post_install", "-at_install")
class TestVendorBillCreditNoteRealEndpoint(VendorBillCase):
    """No patch: the add-on starts its bundled endpoint (node) and sends it the credit note."""

    def setUp(self):
        super().setUp()
        use_autostarted_endpoint(self)

    def test_a_credit_note_printed_negative_becomes_a_vendor_refund_with_positive_amounts(self):
        self.env.ref("base.EUR").active = True
        attachment = self.env["ir.attachment"].create({
            "name": "gutschrift_gs_2026_17.pdf", "mimetype": "application/pdf", "raw": credit_note_pdf()})
        bill = self.upload(attachment)
        suggestion = self.suggestion_of(bill)
        self.assertTrue(suggestion, "the real endpoint read the document: %s" % bill.message_ids.mapped("body"))
        fields_ = suggestion.proposed_values["fields"]
        self.assertEqual(fields_["document_kind"]["value"], "credit_note")
        self.assertGreaterEqual(fields_["document_kind"]["confidence"], 0.95)
        self.assertEqual(fields_["total"]["value"], 119.0, "stated positive, the kind carries the sign")
        self.assertEqual(bill.move_type, "in_refund")
        self.assertEqual(bill.ref, "GS-2026-17")
        self.assertEqual(bill.partner_id, self.vendor)
        self.assertEqual([(line.quantity, line.price_unit) for line in bill.invoice_line_ids], [(10.0, 10.0)])
        self.assertAlmostEqual(bill.amount_total, 119.0)
        self.assertNotIn("total_differs", [finding["code"] for finding in bill.ai_bill_extraction["findings"]])
