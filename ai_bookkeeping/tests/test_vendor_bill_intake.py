"""Vendor bills from documents: the four ways a document comes in, documents holding several bills, and
failures (endpoint down, a corrupt file, nothing found) that leave an empty draft with the attachment and say why."""

import base64

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged

from ..tools import vendor_bill_reply as vbr
from .vendor_bill_common import VENDOR_IBAN, VendorBillCase, bill_document, bill_reply, pdf_bytes


@tagged("post_install", "-at_install")
class TestVendorBillIntake(VendorBillCase):
    def assert_filled(self, bill, attachment):
        self.assertEqual(bill.state, "draft")
        self.assertEqual(bill.move_type, "in_invoice")
        self.assertEqual(bill.partner_id, self.vendor)
        self.assertEqual(bill.ref, "INV-1001")
        self.assertEqual(str(bill.invoice_date), "2026-02-10")
        self.assertEqual(str(bill.invoice_date_due), "2026-03-12")
        self.assertEqual(bill.invoice_line_ids.mapped("name"), ["Printer paper"])
        self.assertEqual(bill.invoice_line_ids.tax_ids, self.tax_19)
        self.assertAlmostEqual(bill.amount_untaxed, 100.0)
        self.assertAlmostEqual(bill.amount_total, 119.0)
        self.assertTrue(bill.ai_generated)
        suggestion = self.suggestion_of(bill)
        self.assertEqual(suggestion.state, "pending")
        self.assertEqual(bill.ai_bill_suggestion_id, suggestion)
        self.assertEqual(bill.ai_suggestion_ref, suggestion)
        values = suggestion.proposed_values
        self.assertEqual((values["amount"], values["partner_id"], values["partner_new"]),
                         (119.0, self.vendor.id, False))
        self.assertEqual(values["fields"]["invoice_number"]["value"], "INV-1001")
        self.assertEqual(values["fields"]["invoice_number"]["source_text"], "INV-1001")
        self.assertEqual(values["vendor_match"]["method"], "vat")
        self.assertIn(attachment, self.env["ir.attachment"].search([("res_model", "=", "account.move"),
                                                                   ("res_id", "=", bill.id)]))

    def test_upload_on_the_purchase_journal_fills_a_draft_bill(self):
        attachment = self.make_pdf()
        with self.reading(bill_reply()) as sent:
            bills = self.upload(attachment)
        self.assertEqual(sent, [attachment])
        self.assertEqual(len(bills), 1)
        self.assert_filled(bills, attachment)
        self.assertEqual(bills.ai_bill_review_count, 1, "the due date was read at 80 %, below the threshold")
        self.assertIn("table-warning", bills.ai_bill_panel)

    def test_an_accountant_without_ai_rights_uploads_a_bill(self):
        """The clerk who uploads needs no AI Bookkeeping group: the suggestion is the engine's."""
        clerk = new_test_user(self.env, login="ai_plain_clerk", groups="account.group_account_invoice",
                              company_id=self.env.company.id)
        self.env.company.ai_rollout_phase = "2"  # automation is asked, as the uploader, whether it may apply
        attachment = self.make_pdf(user=clerk)
        with self.reading(bill_reply()):
            bills = self.upload(attachment, journal=self.journal.with_user(clerk))
        self.assertEqual(bills.env.user, clerk)
        self.assert_filled(bills.sudo(), attachment)

    def test_drop_on_the_bills_list_fills_a_draft_bill(self):
        attachment = self.make_pdf()
        with self.reading(bill_reply()):
            action = self.env["account.journal"].with_context(default_move_type="in_invoice") \
                .create_document_from_attachment(attachment.ids)
        self.assert_filled(self.env["account.move"].browse(action["res_id"]), attachment)

    def test_the_journal_mail_alias_fills_a_draft_bill(self):
        attachment = self.make_pdf()
        email = self.raw_email(attachment, self.journal.alias_id.display_name or "bills@example.com")
        with self.reading(bill_reply()):
            bill_id = self.env["mail.thread"].message_process(
                "account.move", email, custom_values={"move_type": "in_invoice", "journal_id": self.journal.id})
        bill = self.env["account.move"].browse(bill_id)
        received = self.env["ir.attachment"].search([("res_model", "=", "account.move"), ("res_id", "=", bill.id),
                                                     ("name", "=", attachment.name)])
        self.assert_filled(bill, received)

    def test_an_attachment_added_to_an_empty_draft_bill_fills_it(self):
        bill = self.env["account.move"].create({"move_type": "in_invoice", "journal_id": self.journal.id})
        attachment = self.make_pdf()
        with self.reading(bill_reply()):
            bill.message_post(attachment_ids=attachment.ids)
        self.assert_filled(bill, attachment)

    def test_a_vendor_already_on_the_draft_is_kept_when_the_document_names_none_known(self):
        bill = self.env["account.move"].create({"move_type": "in_invoice", "journal_id": self.journal.id,
                                                "partner_id": self.vendor.id})
        with self.reading(bill_reply(bill_document(vendor="ACME (typo'd) Ltd", vat=None))):
            bill.message_post(attachment_ids=self.make_pdf().ids)
        self.assertEqual(bill.partner_id, self.vendor)
        self.assertEqual(self.suggestion_of(bill).proposed_values["vendor_match"]["method"], "sender")

    def test_the_bill_form_shows_the_ai_reading_to_an_accountant_without_ai_rights(self):
        with self.reading(bill_reply(bill_document(iban="GB33BUKB20201555555555"))):
            bill = self.upload(self.make_pdf())
        accountant = new_test_user(self.env, login="ai_plain_accountant", groups="account.group_account_invoice")
        form = Form(bill.with_user(accountant))
        self.assertEqual(form.ai_bill_finding_count, 1)
        self.assertIn("GB33BUKB20201555555555", form.ai_bill_panel)
        self.assertEqual(Form(bill.with_user(self.reviewer)).ai_bill_suggestion_id, self.suggestion_of(bill))

    def test_a_customer_invoice_or_a_filled_bill_is_left_to_odoo(self):
        invoice = self.env["account.move"].create({"move_type": "out_invoice",
                                                   "journal_id": self.company_data["default_journal_sale"].id})
        with self.reading(bill_reply()) as sent:
            invoice.message_post(attachment_ids=self.make_pdf().ids)
            typed = self.env["account.move"].create({
                "move_type": "in_invoice", "journal_id": self.journal.id, "partner_id": self.vendor.id,
                "invoice_line_ids": [(0, 0, {"name": "typed", "price_unit": 5.0})]})
            typed.message_post(attachment_ids=self.make_pdf().ids)
        self.assertEqual(sent, [])
        self.assertFalse(typed.ai_generated)
        self.assertEqual(typed.invoice_line_ids.mapped("name"), ["typed"])

    def test_a_document_holding_two_bills_gives_two_drafts(self):
        attachment = self.make_pdf()
        reply = bill_reply(bill_document(number="A-1", pages=(1, 1)),
                           bill_document(number="A-2", pages=(2, 3), lines=[("Toner", 2, 30.0, 7.0)]))
        with self.reading(reply):
            bills = self.upload(attachment)
        siblings = self.env["account.move"].search([("ai_bill_document_key", "like", attachment.checksum + "#")])
        self.assertEqual(sorted(siblings.mapped("ref")), ["A-1", "A-2"])
        second = siblings.filtered(lambda b: b.ref == "A-2")
        self.assertEqual(second.invoice_line_ids.tax_ids, self.tax_7)
        self.assertAlmostEqual(second.amount_total, 64.2)
        self.assertTrue(second.message_main_attachment_id, "the second bill has its own copy of the document")
        self.assertEqual(second.message_main_attachment_id.checksum, attachment.checksum)
        self.assertEqual(len(self.suggestion_of(siblings[0]) | self.suggestion_of(siblings[1])), 2)
        self.assertFalse(bills.duplicated_ref_ids | second.duplicated_ref_ids,
                         "two bills of one document are not duplicates of each other")

    def test_the_endpoint_down_leaves_an_empty_draft_saying_why(self):
        attachment = self.make_pdf()
        down = UserError("bill.pdf could not be read: the AI endpoint, which reads the documents, is not available.")
        with self.reading(down):
            bill = self.upload(attachment)
        self.assert_empty_with_reason(bill, attachment, "is not available")

    def test_the_real_client_to_a_silent_endpoint_waits_and_is_retried_with_back_off(self):
        """No patch: the add-on's own client, to a URL where nothing answers (the test setup's). The draft stays
        empty and waiting; the queue tries again later instead of giving up."""
        attachment = self.make_pdf()
        bill = self.upload(attachment)
        self.assertEqual(bill.ai_bill_state, "retry")
        self.assertFalse(bill.invoice_line_ids)
        self.assertFalse(self.suggestion_of(bill))
        job = self.env["ai.job"].search([("workflow", "=", "vendor_bill"), ("res_id", "=", bill.id)])
        self.assertEqual(job.attempts, 1)
        self.assertGreater(job.next_attempt_at, fields.Datetime.now())
        self.assertIn("is not available", job.last_error)
        # The endpoint answers again: at the next try the draft is filled and leaves the queue.
        job.sudo().write({"next_attempt_at": fields.Datetime.now()})
        with self.reading(bill_reply()):
            pass
        self.assertFalse(bill.ai_bill_state)
        self.assertEqual(bill.partner_id, self.vendor)
        self.assertFalse(job.exists())

    def test_the_upload_returns_at_once_and_the_queue_fills_the_draft(self):
        journal = self.journal.with_context(default_move_type="in_invoice")
        with self.reading(bill_reply()) as sent:
            bill = journal._create_document_from_attachment(self.make_pdf().ids)
            self.assertEqual(sent, [], "nothing is read inside the upload's request")
            self.assertEqual(bill.ai_bill_state, "reading")
            self.assertFalse(bill.invoice_line_ids)
            self.assertIn("in the background", " ".join(bill.message_ids.mapped("body")))
            self.assertTrue(self.env["ai.job"].search([("workflow", "=", "vendor_bill"), ("res_id", "=", bill.id)]))
            self.run_queue()
            self.assertEqual(len(sent), 1)
        self.assertFalse(bill.ai_bill_state)
        self.assertEqual(bill.ref, "INV-1001")
        self.assertEqual(bill.amount_total, 119.0)
        self.assertTrue(self.suggestion_of(bill))
        self.assertFalse(self.env["ai.job"].search([("workflow", "=", "vendor_bill"), ("res_id", "=", bill.id)]))

    def test_a_queued_draft_deleted_or_filled_by_hand_leaves_the_queue(self):
        journal = self.journal.with_context(default_move_type="in_invoice")
        with self.reading(bill_reply()) as sent:
            deleted = journal._create_document_from_attachment(self.make_pdf().ids)
            typed = journal._create_document_from_attachment(self.make_pdf().ids)
            deleted.unlink()
            typed.write({"partner_id": self.vendor.id, "invoice_date": "2026-02-10", "invoice_line_ids": [
                Command.create({"name": "Typed", "quantity": 1, "price_unit": 5.0})]})
            typed.action_post()
        self.assertEqual(sent, [])
        self.assertEqual(typed.invoice_line_ids.mapped("name"), ["Typed"])
        self.assertFalse(self.env["ai.job"].search([("workflow", "=", "vendor_bill")]))

    def test_a_corrupt_file_refused_by_the_endpoint_leaves_an_empty_draft(self):
        attachment = self.env["ir.attachment"].create({"name": "broken.pdf", "mimetype": "application/pdf",
                                                       "raw": b"%PDF-1.4 truncated garbage"})
        fake = self.use_fake_endpoint(lambda request: (422, {"error": "unreadable_document",
                                                             "message": "the PDF is damaged (no cross-reference)"}))
        bill = self.upload(attachment)
        self.assert_empty_with_reason(bill, attachment, "the PDF is damaged")
        self.assertEqual([request["fileName"] for request in fake.requests], ["broken.pdf"])
        self.assertEqual(base64.b64decode(fake.requests[0]["contentBase64"]), attachment.raw)

    def test_a_file_over_the_limit_is_not_sent_and_the_draft_says_why(self):
        fake = self.use_fake_endpoint(lambda request: bill_reply())
        attachment = self.env["ir.attachment"].create({
            "name": "scan.pdf", "mimetype": "application/pdf",
            "raw": pdf_bytes("big") + b"%" + b"0" * (vbr.MAX_FILE_BYTES + 1)})
        bill = self.upload(attachment)
        self.assert_empty_with_reason(bill, attachment, "documents of at most 15 MB are read")
        self.assertEqual(fake.requests, [])

    def test_data_minimisation_sends_no_document_to_a_remote_endpoint(self):
        self.env.company.ai_data_minimisation = True
        self.env["ir.config_parameter"].set_param("ai_bookkeeping.endpoint_url", "https://ai.example.com")
        attachment = self.make_pdf()
        bill = self.upload(attachment)
        self.assert_empty_with_reason(bill, attachment, "documents are not sent to the AI endpoint")

    def test_a_document_with_no_bill_leaves_an_empty_draft(self):
        nothing = bill_document(vendor=None, vat=None, number=None, lines=[], taxes=[], date=None, due=None,
                                currency=None, total=None)
        nothing["fields"].update(untaxed=None, totalTax=None, total=None)
        with self.reading(bill_reply(nothing, warnings=["No bill was found on this page."])):
            bill = self.upload(self.make_pdf())
        self.assert_empty_with_reason(bill, bill.message_main_attachment_id, "No bill was found on this page.")

    def test_a_currency_the_company_does_not_use_fills_no_line(self):
        self.env.ref("base.JPY").active = False
        with self.reading(bill_reply(bill_document(currency="JPY"))):
            bill = self.upload(self.make_pdf())
        self.assertFalse(bill.invoice_line_ids)
        self.assertEqual(bill.currency_id, self.env.company.currency_id)
        findings = self.suggestion_of(bill).proposed_values["findings"]
        self.assertIn("currency", [f["code"] for f in findings])
        self.assertIn("JPY", bill.ai_bill_panel)

    def test_an_iban_that_is_not_the_vendors_is_an_alert(self):
        with self.reading(bill_reply(bill_document(iban="GB33BUKB20201555555555"))):
            bill = self.upload(self.make_pdf())
        codes = [f["code"] for f in self.suggestion_of(bill).proposed_values["findings"]]
        self.assertIn("iban_not_vendor", codes)
        self.assertFalse(bill.partner_bank_id.sanitized_acc_number == "GB33BUKB20201555555555")
        with self.reading(bill_reply(bill_document(number="INV-2", iban=VENDOR_IBAN))):
            trusted = self.upload(self.make_pdf())
        codes = [f["code"] for f in self.suggestion_of(trusted).proposed_values["findings"]]
        self.assertNotIn("iban_not_vendor", codes)
        self.assertEqual(trusted.partner_bank_id.sanitized_acc_number, VENDOR_IBAN)

    def assert_empty_with_reason(self, bill, attachment, reason):
        self.assertEqual(len(bill), 1)
        self.assertEqual(bill.state, "draft")
        self.assertFalse(bill.invoice_line_ids)
        self.assertFalse(bill.ai_generated)
        self.assertFalse(self.suggestion_of(bill))
        self.assertEqual(attachment.res_model, "account.move")
        self.assertEqual(attachment.res_id, bill.id)
        notes = " ".join(bill.message_ids.mapped("body"))
        self.assertIn("could not fill in this bill", notes, notes)
        self.assertIn(reason, notes)
