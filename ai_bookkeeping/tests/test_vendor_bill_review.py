"""Vendor bills from documents: who the vendor is, how the bill is coded (taxes, learned accounts, corrections),
duplicates, and what approving, rejecting and reverting the suggestion do to the bill."""

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .vendor_bill_common import VENDOR_IBAN, VendorBillCase, bill_document, bill_reply


@tagged("post_install", "-at_install")
class TestVendorBillMatching(VendorBillCase):
    def read(self, **document):
        with self.reading(bill_reply(bill_document(**document))):
            bill = self.upload(self.make_pdf())
        return bill, self.suggestion_of(bill)

    def test_vendor_by_vat_then_iban_then_email_domain_then_name(self):
        other = self.env["res.partner"].create({"name": "Other Vendor", "is_company": True})
        cases = [
            ({"vat": "DE 123 456 789", "vendor": "Someone Else"}, "vat"),
            ({"vat": None, "iban": VENDOR_IBAN.lower(), "vendor": "Other Vendor"}, "iban"),
            ({"vat": None, "email": "invoices@acme-supplies.de", "vendor": "Other Vendor"}, "email"),
            ({"vat": None, "vendor": "ACME SUPPLIES"}, "name"),
        ]
        for index, (document, method) in enumerate(cases):
            with self.subTest(method=method):
                bill, suggestion = self.read(number="M-%d" % index, **document)
                self.assertEqual(bill.partner_id, self.vendor)
                self.assertEqual(suggestion.proposed_values["vendor_match"]["method"], method)
        bill, _suggestion = self.read(number="M-9", vat=None, vendor="Other Vendor")
        self.assertEqual(bill.partner_id, other)

    def test_the_company_itself_is_never_the_vendor(self):
        self.env.company.vat = "FR11999999999"
        bill, suggestion = self.read(vat="FR11999999999", vendor=self.env.company.name)
        self.assertFalse(bill.partner_id)
        self.assertTrue(suggestion.proposed_values["partner_new"])

    def test_an_unknown_vendor_is_proposed_and_created_only_on_approval(self):
        count = self.env["res.partner"].search_count([])
        bill, suggestion = self.read(vendor="Brand New Paper SARL", vat="FR40303265045",
                                     iban="FR7630006000011234567890189", email="compta@newpaper.fr")
        self.assertFalse(bill.partner_id)
        self.assertEqual(self.env["res.partner"].search_count([]), count, "nothing is created before approval")
        self.assertEqual(suggestion.proposed_values["new_partner"], {
            "name": "Brand New Paper SARL", "vat": "FR40303265045", "iban": "FR7630006000011234567890189",
            "email": "compta@newpaper.fr", "address": None})
        facts = suggestion._ai_rule_facts()[suggestion.id]
        self.assertTrue(facts["partner_new"])
        self.assertEqual(facts["amount"], 119.0)
        suggestion.with_user(self.reviewer).action_approve()
        self.assertEqual(bill.state, "posted")
        self.assertEqual(bill.partner_id.name, "Brand New Paper SARL")
        self.assertEqual(bill.partner_id.vat, "FR40303265045")
        self.assertEqual(bill.partner_id.bank_ids.sanitized_acc_number, "FR7630006000011234567890189")
        self.assertEqual(bill.partner_bank_id, bill.partner_id.bank_ids)
        self.assertEqual(suggestion.vendor_bill_partner_id, bill.partner_id)
        self.assertFalse(suggestion.vendor_bill_corrected, "creating the proposed vendor is not a correction")

    def test_the_vendors_address_is_proposed_created_on_approval_and_matches_a_renamed_vendor(self):
        address = {"street": "12 rue de la Paix", "zip": "75008", "city": "Paris", "country": "FR"}
        bill, suggestion = self.read(vendor="Papeterie Nouvelle SARL", vat=None, address=address)
        self.assertFalse(bill.partner_id)
        self.assertEqual(suggestion.proposed_values["new_partner"]["address"], address)
        suggestion.with_user(self.reviewer).action_approve()
        partner = bill.partner_id
        self.assertEqual((partner.street, partner.zip, partner.city, partner.country_id.code),
                         ("12 rue de la Paix", "75008", "Paris", "FR"))
        # The same vendor under another printed name, at the same address: found by it, less sure than a VAT.
        bill, suggestion = self.read(number="INV-2002", vendor="PN Bureau", vat=None,
                                     address=dict(address, street="12, Rue de la Paix"))
        self.assertEqual(bill.partner_id, partner)
        self.assertEqual(suggestion.proposed_values["vendor_match"]["method"], "address")

    def test_taxes_map_to_the_companys_purchase_taxes_and_a_missing_rate_is_flagged(self):
        bill, suggestion = self.read(lines=[("Paper", 1, 100.0, 19.0), ("Books", 1, 50.0, 7.0),
                                            ("Import", 1, 20.0, 21.0)])
        by_name = {line.name: line.tax_ids for line in bill.invoice_line_ids}
        self.assertEqual(by_name["Paper"], self.tax_19)
        self.assertEqual(by_name["Books"], self.tax_7)
        self.assertFalse(by_name["Import"], "no purchase tax at 21 %: none is invented (the sales one is not used)")
        findings = {f["code"]: f for f in suggestion.proposed_values["findings"]}
        self.assertIn("21.0 %", findings["tax_unmapped"]["message"])
        self.assertIn("total_differs", findings, "the document's total is not reached: shown, not adjusted")
        self.assertEqual(len(bill.invoice_line_ids), 3, "no adjustment line")
        self.assertLessEqual(suggestion.confidence, 0.99)

    def test_the_documents_failed_checks_are_findings_never_adjustments(self):
        checks = [{"code": "total", "ok": False,
                   "message": "untaxed 100.00 + tax 19.00 = 119.00, the bill says 118.00"},
                  {"code": "lines_sum", "ok": True, "message": "the lines add up"}]
        bill, suggestion = self.read(checks=checks, total=118.0)
        messages = [f["message"] for f in suggestion.proposed_values["findings"]]
        self.assertIn("untaxed 100.00 + tax 19.00 = 119.00, the bill says 118.00", messages)
        self.assertNotIn("the lines add up", messages)
        self.assertEqual(len(bill.invoice_line_ids), 1)
        self.assertAlmostEqual(bill.amount_total, 119.0)
        self.assertIn("the bill says 118.00", bill.ai_bill_panel)
        self.assertEqual(bill.ai_bill_finding_count, 2, "the failed check and the total that differs")

    def test_the_account_and_analytic_are_learned_from_the_vendors_posted_bills(self):
        plan = self.env["account.analytic.plan"].create({"name": "Departments"})
        office = self.env["account.analytic.account"].create({"name": "Office", "plan_id": plan.id})
        self.post_history(self.office_account, count=3, analytic={str(office.id): 100})
        self.post_history(self.it_account, count=1, description="Laptop repair")
        bill, _suggestion = self.read(lines=[("Printer paper A4", 2, 25.0, 19.0), ("Laptop repair", 1, 80.0, 19.0)])
        by_name = {line.name: line for line in bill.invoice_line_ids}
        self.assertEqual(by_name["Printer paper A4"].account_id, self.office_account)
        self.assertEqual(by_name["Printer paper A4"].analytic_distribution, {str(office.id): 100})
        self.assertEqual(by_name["Laptop repair"].account_id, self.it_account, "same description, its own account")

    def test_a_correction_on_bill_1_codes_bill_2_of_the_same_vendor(self):
        self.post_history(self.office_account, count=3)
        first, suggestion = self.read(number="C-1")
        self.assertEqual(first.invoice_line_ids.account_id, self.office_account)
        first.invoice_line_ids.account_id = self.it_account  # the clerk corrects before approving
        suggestion.with_user(self.reviewer).action_approve()
        self.assertTrue(suggestion.vendor_bill_corrected)
        self.assertEqual([(c["field"], c["to"]) for c in first.ai_bill_corrections],
                         [("account_id", self.it_account.id)])
        second, _suggestion = self.read(number="C-2")
        self.assertEqual(second.invoice_line_ids.account_id, self.it_account,
                         "the correction wins over the three older bills")


@tagged("post_install", "-at_install")
class TestVendorBillDecisions(VendorBillCase):
    def read(self, attachment=None, **document):
        with self.reading(bill_reply(bill_document(**document))):
            bill = self.upload(attachment or self.make_pdf())
        return bill, self.suggestion_of(bill)

    def test_approve_posts_the_bill(self):
        bill, suggestion = self.read()
        suggestion.with_user(self.reviewer).action_approve()
        self.assertEqual(suggestion.state, "applied")
        self.assertEqual(bill.state, "posted")
        self.assertTrue(bill.ai_generated)
        self.assertFalse(suggestion.vendor_bill_corrected)
        self.assertIn(suggestion.display_name, " ".join(bill.message_ids.mapped("body")))
        events = self.env["ai.audit.log"].sudo().search([("res_model", "=", "ai.suggestion"),
                                                         ("res_id", "=", suggestion.id)]).mapped("event")
        self.assertIn("applied", events)

    def test_reject_clears_what_the_ai_filled_and_keeps_the_attachment(self):
        attachment = self.make_pdf()
        bill, suggestion = self.read(attachment)
        suggestion.with_user(self.reviewer).action_reject("wrong vendor")
        self.assertEqual(suggestion.state, "rejected")
        self.assertEqual(bill.state, "draft")
        self.assertFalse(bill.invoice_line_ids)
        self.assertFalse(bill.partner_id or bill.ref or bill.invoice_date)
        self.assertFalse(bill.ai_generated)
        self.assertFalse(bill.ai_bill_panel)
        self.assertEqual((attachment.res_model, attachment.res_id), ("account.move", bill.id))

    def test_revert_resets_the_posted_bill_to_draft(self):
        bill, suggestion = self.read()
        suggestion.with_user(self.reviewer).action_approve()
        suggestion.with_user(self.reviewer).action_revert()
        self.assertEqual(suggestion.state, "reverted")
        self.assertEqual(bill.state, "draft")
        self.assertFalse(bill.ai_generated)

    def test_revert_is_refused_as_odoo_refuses_it_after_the_lock_date(self):
        bill, suggestion = self.read()
        suggestion.with_user(self.reviewer).action_approve()
        self.env.company.sudo().purchase_lock_date = "2026-02-28"
        with self.assertRaises(UserError):
            suggestion.with_user(self.reviewer).action_revert()
        self.assertEqual(bill.state, "posted")

    def test_what_the_ai_read_and_what_was_corrected_cannot_be_written_directly(self):
        """The vendor's clean streak and the learned coding rest on them: a client's write (RPC) is refused."""
        bill, _suggestion = self.read()
        for vals in ({"ai_bill_filled": bill._ai_bill_snapshot()}, {"ai_bill_corrections": []},
                     {"ai_bill_document_key": "x"}, {"ai_bill_extraction": {}}):
            with self.subTest(field=list(vals)[0]), self.assertRaisesRegex(UserError, "cannot be written directly"):
                bill.write(vals)
        bill.ref = "INV-1001-B"  # the bill itself stays the clerk's to correct
        self.assertEqual(bill.ref, "INV-1001-B")

    def test_an_empty_bill_or_one_without_vendor_is_not_approved(self):
        bill, suggestion = self.read(vendor=None, vat=None)
        self.assertFalse(suggestion.proposed_values["new_partner"])
        with self.assertRaisesRegex(UserError, "choose the vendor"):
            suggestion.with_user(self.reviewer).action_approve()
        self.assertEqual(bill.state, "draft")

    def test_duplicates_same_number_same_file_same_amount_same_iban(self):
        attachment = self.make_pdf()
        first, _suggestion = self.read(attachment, number="D-1")
        again = self.env["ir.attachment"].create({"name": "again.pdf", "mimetype": "application/pdf",
                                                  "raw": attachment.raw})
        same_file, _suggestion = self.read(again, number="D-1-bis", date="2026-01-02")
        self.assertIn(first, same_file.duplicated_ref_ids, "same file checksum")
        same_number, _suggestion = self.read(number="D-1", date="2026-06-01", lines=[("Other", 1, 3.0, 19.0)])
        self.assertIn(first, same_number.duplicated_ref_ids, "same vendor and number (Odoo's own check)")
        same_amount, _suggestion = self.read(number="D-2", date="2026-02-14")
        self.assertIn(first, same_amount.duplicated_ref_ids, "same amount from the vendor within a week")
        far, _suggestion = self.read(number="D-3", date="2026-05-14", lines=[("Paper", 1, 77.0, 19.0)])
        self.assertFalse(far.duplicated_ref_ids)
        stranger = self.env["res.partner"].create({"name": "Unrelated", "is_company": True})
        by_iban = self.env["account.move"].create({
            "move_type": "in_invoice", "journal_id": self.journal.id, "partner_id": stranger.id,
            "invoice_date": "2026-07-01", "ref": "X-1", "partner_bank_id": False,
            "invoice_line_ids": [Command.create({"name": "x", "price_unit": 100.0,
                                                 "tax_ids": [Command.set(self.tax_19.ids)]})]})
        self.env["res.partner.bank"].create({"acc_number": "NL91ABNA0417164300", "partner_id": stranger.id})
        by_iban.partner_bank_id = stranger.bank_ids
        iban_bill, _suggestion = self.read(number="D-4", date="2026-07-20", iban="NL91ABNA0417164300")
        self.assertIn(by_iban, iban_bill.duplicated_ref_ids, "same IBAN and amount")


@tagged("post_install", "-at_install")
class TestVendorBillAutomation(VendorBillCase):
    def read(self, number):
        """A bill of its own amount (bills of one amount within a week are possible duplicates)."""
        document = bill_document(number=number, due=None, lines=[("Printer paper", 1, 10.0 * len(number), 19.0)])
        with self.reading(bill_reply(document)):
            bill = self.upload(self.make_pdf())
        return bill, self.suggestion_of(bill)

    def test_auto_post_only_after_n_clean_approvals_of_the_vendor(self):
        company = self.env.company
        company.write({"ai_rollout_phase": "2", "ai_auto_min_confidence": 0.9, "ai_auto_max_amount": 1000.0,
                       "ai_vendor_bill_autopost_after": 2})
        first, suggestion = self.read("N-1")
        self.assertEqual(first.state, "draft", "no clean history yet: left for review")
        first.invoice_line_ids.price_unit = 11.0  # corrected: does not count
        suggestion.with_user(self.reviewer).action_approve()
        for number in ("N-22", "N-333"):
            bill, suggestion = self.read(number)
            self.assertEqual(bill.state, "draft")
            suggestion.with_user(self.reviewer).action_approve()
        bill, suggestion = self.read("N-4444")
        self.assertEqual(bill.state, "posted", "two clean approvals in a row: posted automatically")
        self.assertEqual(suggestion.state, "applied")
        self.assertTrue(suggestion.auto_applied)

    def test_phase_1_never_posts_and_a_finding_stops_automation(self):
        company = self.env.company
        company.write({"ai_vendor_bill_autopost_after": 1, "ai_auto_min_confidence": 0.5,
                       "ai_auto_max_amount": 1000.0})
        _bill, suggestion = self.read("P-1")
        suggestion.with_user(self.reviewer).action_approve()
        bill, _suggestion = self.read("P-22")
        self.assertEqual(bill.state, "draft", "assisted review: a person decides")
        company.ai_rollout_phase = "2"
        with self.reading(bill_reply(bill_document(number="P-333", due=None, iban="GB33BUKB20201555555555",
                                                   lines=[("Printer paper", 1, 7.0, 19.0)]))):
            flagged = self.upload(self.make_pdf())
        self.assertEqual(flagged.state, "draft", "the IBAN alert keeps it for a person")
        notes = self.env["ai.audit.log"].sudo().search([("res_id", "=", self.suggestion_of(flagged).id),
                                                        ("res_model", "=", "ai.suggestion")]).mapped("note")
        self.assertIn("not applied automatically", " ".join(filter(None, notes)).lower())
