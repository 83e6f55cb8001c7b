"""Receipts in, coded expenses out (issue 18): the reading fills the expense and learns its coding from the
history; the policy, typed-vs-read and duplicate findings; the approver's suggestion; card-paid expenses handed to
the reconciliation; bad input. The reading is the one patched method (ai.endpoint._extract_bill); the real endpoint
is in test_expense_endpoint.py."""

import datetime
import io
import os
from email.message import EmailMessage

from PIL import Image

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ..tools import receipt_image
from .common import ExpenseCase, receipt_png, receipt_reply


@tagged("post_install", "-at_install")
class TestExpenseReceipts(ExpenseCase):

    def test_an_uploaded_receipt_fills_the_expense_with_the_employees_coding(self):
        analytic = {str(self.analytic_account_1.id): 100.0}
        account = self.copy_account(self.company_data["default_account_expense"])
        for day in ("2022-01-03", "2022-01-10"):
            self.past_expense(merchant="CAFE ROSA GmbH", account=account, analytic=analytic, date=day)
        self.past_expense(merchant="Café Rosa", employee=self.other_employee, product=self.travel)
        with self.reading(receipt_reply(merchant="Café Rosa", total=54.0, date="2022-01-20")) as sent:
            expense = self.upload(self.png_attachment())
        self.assertEqual(sent[0][1], "receipt", "read by the bill reader in its receipt mode")
        self.assertEqual((expense.name, str(expense.date), expense.total_amount_currency, expense.currency_id),
                         ("Café Rosa", "2022-01-20", 54.0, self.currency))
        self.assertEqual(expense.product_id, self.meals, "the employee's own history wins over the company's")
        self.assertEqual(expense.account_id, account)
        self.assertEqual(expense.analytic_distribution, analytic)
        self.assertIn("category Meals as on 2 of 2 past expenses", " ".join(self.findings(expense, "coding")))
        suggestion = expense.ai_suggestion_id
        self.assertEqual((suggestion.kind, suggestion.res_model, suggestion.res_id), ("expense", "hr.expense",
                                                                                    expense.id))
        self.assertEqual(suggestion.proposed_values["merchant"], "Café Rosa")
        self.assertFalse(expense.ai_finding_count, "no warning on a clean receipt")

    def test_an_employee_with_no_other_right_uploads_a_receipt(self):
        self.past_expense(merchant="Café Rosa", employee=self.other_employee, product=self.travel)
        employee = self.expense_user_employee
        attachment = self.env["ir.attachment"].with_user(employee).create({
            "name": "lunch.png", "mimetype": "image/png", "raw": receipt_png(31), "res_model": "hr.expense"})
        with self.reading(receipt_reply(total=21.0)):
            action = self.env["hr.expense"].with_user(employee).create_expense_from_attachments(attachment.ids)
        expense = self.env["hr.expense"].browse(action["domain"][0][2])
        self.assertEqual((expense.employee_id, expense.total_amount_currency, expense.product_id),
                         (self.expense_employee, 21.0, self.travel), "learned from a colleague's expense")
        self.assertEqual(expense.ai_suggestion_id.kind, "expense", "in the approver's queue")
        self.assertTrue(expense.with_user(employee).ai_findings_html, "the employee sees the findings")

    def test_without_the_employees_history_the_companys_is_used(self):
        self.past_expense(merchant="Taxi Berlin", employee=self.other_employee, product=self.travel)
        with self.reading(receipt_reply(merchant="TAXI BERLIN", total=18.5)):
            expense = self.upload(self.png_attachment())
        self.assertEqual(expense.product_id, self.travel)
        self.assertIn(self.company_data["company"].name, " ".join(self.findings(expense, "coding")))

    def test_each_policy_breach_is_cited(self):
        Rule = self.env["ai.expense.policy.rule"]
        Rule.create({"name": "meal", "product_id": self.meals.id, "max_per_day": 60.0, "max_per_receipt": 50.0,
                     "no_weekend": True, "no_holiday": True, "allowed_merchants": "Café Rosa\nKantine"})
        self.env["resource.calendar.leaves"].create({
            "name": "Founders' Day", "company_id": self.company_data["company"].id, "resource_id": False,
            "calendar_id": False, "date_from": "2022-01-18 00:00:00", "date_to": "2022-01-18 23:59:59"})
        self.past_expense(merchant="Kantine", amount=30.0, date="2022-01-18")  # a Tuesday, the holiday
        for merchant in ("Burger Palace", "Café Rosa"):  # their category: meals
            self.past_expense(merchant=merchant, employee=self.other_employee, date="2021-12-01")
        with self.reading(receipt_reply(merchant="Burger Palace", total=55.0, date="2022-01-18")):
            expense = self.upload(self.png_attachment())
        money = self.currency.format
        self.assertEqual(self.findings(expense, "policy_"), [
            "%s is above the %s per-receipt meal limit" % (money(55.0), money(50.0)),
            "%s spent on 2022-01-18 is above the %s daily meal limit" % (money(85.0), money(60.0)),
            "spent on a public holiday (Founders' Day, 2022-01-18): the meal policy allows none",
            "Burger Palace is not one of the merchants the meal policy allows",
        ])
        with self.reading(receipt_reply(merchant="Café Rosa", total=12.0, date="2022-01-22")):  # a Saturday
            weekend = self.upload(self.png_attachment())
        self.assertEqual(self.findings(weekend, "policy_"),
                         ["spent on a weekend (2022-01-22): the meal policy allows no weekend spend"])
        self.assertIn("daily meal limit", weekend.ai_suggestion_id.explanation + expense.ai_suggestion_id.explanation)
        self.assertEqual(expense.ai_finding_count, 4, "shown on the expense form")

    def test_a_receipt_required_above_an_amount_is_flagged_at_submission(self):
        self.env["ai.expense.policy.rule"].create({"name": "travel", "product_id": self.travel.id,
                                                   "receipt_required_above": 25.0})
        expense = self.create_expense({"product_id": self.travel.id, "total_amount_currency": 40.0,
                                       "tax_ids": [Command.clear()]})
        self.submit(expense)
        self.assertEqual(self.findings(expense, "policy_"),
                         ["no receipt attached, required above %s for travel" % self.currency.format(25.0)])
        self.assertEqual(expense.ai_suggestion_id.kind, "expense", "every submitted expense is in the queue")

    def test_what_the_employee_typed_is_kept_and_the_differences_flagged(self):
        expense = self.create_expense({"name": "Lunch", "product_id": self.meals.id, "total_amount_currency": 45.0,
                                       "tax_ids": [Command.clear()], "date": "2022-01-19"})
        attachment = self.png_attachment()
        attachment.res_id = expense.id
        with self.reading(receipt_reply(total=54.0, date="2022-01-20")):
            expense.attach_document(attachment_ids=attachment.ids)
        self.assertEqual((expense.total_amount_currency, str(expense.date)), (45.0, "2022-01-19"))
        self.assertEqual(self.findings(expense, "typed_"), [
            "typed %s, the receipt says %s" % (self.currency.format(45.0), self.currency.format(54.0)),
            "typed the date 2022-01-19, the receipt is dated 2022-01-20"])

    def test_duplicates_across_employees_are_found(self):
        picture = receipt_png(4242, size=(800, 1200))
        with self.reading(receipt_reply(merchant="Café Rosa", total=54.0, date="2022-01-20")):
            first = self.upload(self.png_attachment(picture, name="rosa.png"))
        # The same spend sent by a colleague a day later, with a photo of its own.
        with self.reading(receipt_reply(merchant="CAFE ROSA", total=54.0, date="2022-01-21")):
            spend = self.upload(self.png_attachment(receipt_png(77)), employee=self.other_employee)
        named = ("same merchant, amount and date (within a day) as %s of expense_employee (2022-01-20)"
                 % first.display_name)
        # The colleague sees that it is a duplicate, not whose expense it duplicates; the approver sees both.
        self.assertEqual(self.findings(spend, "duplicate_"),
                         ["same merchant, amount and date (within a day) as another expense"])
        self.assertNotIn("expense_employee", str(spend.ai_findings))
        self.assertIn(named, spend.ai_suggestion_id.reasons)
        # The same file again, and the same picture scaled down and re-saved as JPEG (another checksum).
        with self.reading(receipt_reply(merchant="Other Shop", total=9.0)):
            same_file = self.upload(self.png_attachment(picture, name="again.png"))
        small = io.BytesIO()
        Image.open(io.BytesIO(picture)).convert("RGB").resize((400, 600)).save(small, format="JPEG", quality=80)
        jpeg = self.env["ir.attachment"].create({"name": "photo.jpg", "mimetype": "image/jpeg",
                                                 "raw": small.getvalue(), "res_model": "hr.expense"})
        with self.reading(receipt_reply(merchant="Third Shop", total=11.0)):
            same_picture = self.upload(jpeg)
        self.assertEqual([f["code"] for f in same_file.ai_findings if f["code"].startswith("duplicate_")],
                         ["duplicate_file"])
        self.assertIn("the same receipt picture", " ".join(self.findings(same_picture, "duplicate_image")))
        self.assertIn(first.id, [d["expense_id"] for d in same_picture.ai_duplicate_details])
        with self.reading(receipt_reply(merchant="Café Rosa", total=54.0, date="2022-01-25")):
            other = self.upload(self.png_attachment())
        self.assertFalse(self.findings(other, "duplicate_"), "four days later is another lunch")

    def test_a_plain_employee_sees_that_a_duplicate_exists_the_expense_manager_sees_which(self):
        """Regression: a duplicate finding kept the colleague's expense id in the findings the employee reads, and
        the expense manager read only "another expense" on the form."""
        employee = self.expense_user_employee  # base.group_user only: reads their own expenses
        self.assertFalse(employee.has_group("hr_expense.group_hr_expense_team_approver"))
        with self.reading(receipt_reply(merchant="Café Rosa", total=54.0, date="2022-01-20")):
            colleagues = self.upload(self.png_attachment(), employee=self.other_employee)
            colleagues.name = "Team lunch with the Berlin client"
            attachment = self.env["ir.attachment"].with_user(employee).create({
                "name": "lunch.png", "mimetype": "image/png", "raw": receipt_png(4711), "res_model": "hr.expense"})
            action = self.env["hr.expense"].with_user(employee).create_expense_from_attachments(attachment.ids)
        mine = self.env["hr.expense"].with_user(employee).browse(action["domain"][0][2])
        self.assertEqual(mine.employee_id, self.expense_employee)
        with self.assertRaises(AccessError):
            colleagues.with_user(employee).check_access("read")
        seen = mine.read(["ai_findings", "ai_findings_html"])[0]
        self.assertIn("same merchant, amount and date (within a day) as another expense", seen["ai_findings_html"])
        self.assertEqual([f for f in seen["ai_findings"] if colleagues.id in f.values() or "expense_id" in f], [],
                         "the colleague's expense is not referenced")
        for secret in ("Other Employee", "Berlin client", colleagues.display_name):
            self.assertNotIn(secret, str(seen), "the employee may not read the colleague's expense")
        with self.assertRaises(AccessError):
            mine.read(["ai_duplicate_details"])
        # The expense manager, who may read both, sees which expense it duplicates and whose it is.
        managed = mine.with_user(self.expense_user_manager)
        self.assertIn("as %s of Other Employee (2022-01-20)" % colleagues.display_name, managed.ai_findings_html)
        # The colleague's own duplicate is named to its employee: they may read it.
        with self.reading(receipt_reply(merchant="Café Rosa", total=54.0, date="2022-01-21")):
            again = self.upload(self.png_attachment(), employee=self.other_employee)
        self.assertIn(colleagues.display_name, again.with_user(self.other_user).ai_findings_html)
        self.assertNotIn(mine.display_name, again.with_user(self.other_user).ai_findings_html)

    def test_the_reader_is_told_the_merchants_the_company_knows(self):
        self.approved(self.past_expense(merchant="Stadtcafé Rosa"))
        self.approved(self.past_expense(merchant="Taxi Berlin", employee=self.other_employee))
        self.past_expense(merchant="Unchecked Reading Ltd")  # a draft: nobody checked what the AI read yet
        self.env["res.partner"].create({"name": "Kantine Nord GmbH", "is_company": True, "supplier_rank": 2})
        with self.reading(receipt_reply(merchant="Stadtcafé Rosa", total=12.0)) as sent:
            self.upload(self.png_attachment())
        merchants = sent[0][3]
        self.assertEqual(merchants[:2], ["Stadtcafé Rosa", "Taxi Berlin"], "the employee's own first")
        self.assertIn("Kantine Nord GmbH", merchants)
        self.assertNotIn(self.company_data["company"].name, merchants)
        self.assertNotIn("Unchecked Reading Ltd", merchants)

    def test_a_real_receipt_photo_sent_again_smaller_is_the_same_picture(self):
        """Regression: oyo.png and a half-size JPEG of it, both resized by Odoo on upload, differed in 9 bits of the
        plain dHash (margins of blank paper flip bits); cut to the print they differ in a few."""
        from .test_expense_endpoint import INVOICES
        path = os.path.join(INVOICES, "oyo.png")
        if not os.path.isfile(path):
            self.skipTest("the shared receipts are absent (%s)" % INVOICES)
        with open(path, "rb") as handle:
            raw = handle.read()
        smaller = io.BytesIO()
        image = Image.open(io.BytesIO(raw)).convert("RGB")
        image.resize((image.width // 2, image.height // 2)).save(smaller, format="JPEG", quality=75)
        with self.reading(receipt_reply(merchant="OYO", total=1939.0), receipt_reply(merchant="Hotel", total=5.0)):
            first = self.upload(self.png_attachment(raw, name="oyo.png"))
            again = self.upload(self.env["ir.attachment"].create({
                "name": "oyo.jpg", "mimetype": "image/jpeg", "raw": smaller.getvalue(), "res_model": "hr.expense"}),
                employee=self.other_employee)
        self.assertEqual([d["expense_id"] for d in again.ai_duplicate_details or [] if d["ref"] in {
            f.get("ref") for f in again.ai_findings if f["code"] == "duplicate_image"}], [first.id])

    def test_perceptual_hash_tells_pictures_apart(self):
        one, two = receipt_png(1, (600, 900)), receipt_png(2, (600, 900))
        same = io.BytesIO()
        Image.open(io.BytesIO(one)).resize((300, 450)).save(same, format="PNG")
        self.assertLessEqual(receipt_image.hamming(receipt_image.dhash(one), receipt_image.dhash(same.getvalue())),
                             receipt_image.SAME_IMAGE_DISTANCE)
        self.assertGreater(receipt_image.hamming(receipt_image.dhash(one), receipt_image.dhash(two)),
                           receipt_image.SAME_IMAGE_DISTANCE)

    def test_an_e_mailed_receipt_is_read(self):
        mail = EmailMessage()
        mail["From"] = self.expense_user_employee.email
        mail["To"] = "expenses@example.com"
        mail["Subject"] = "Lunch with customer"
        mail["Message-Id"] = "<receipt-1@example.com>"
        mail.set_content("Receipt attached.")
        mail.add_attachment(receipt_png(9), maintype="image", subtype="png", filename="lunch.png")
        with self.reading(receipt_reply(merchant="Café Rosa", total=31.2)) as sent:
            expense_id = self.env["mail.thread"].message_process("hr.expense", mail.as_string())
        expense = self.env["hr.expense"].browse(expense_id)
        self.assertEqual(len(sent), 1)
        self.assertEqual((expense.employee_id, expense.total_amount_currency), (self.expense_employee, 31.2))
        self.assertEqual(expense.ai_suggestion_id.kind, "expense")

    # ------------------------------------------------------------------ bad input: a clear outcome, nothing half done

    def test_an_unreadable_image_leaves_the_expense_empty_with_the_reason(self):
        with self.reading(receipt_reply()) as sent:
            expense = self.upload(self.png_attachment(b"\x89PNG\r\n\x1a\n not really a picture"))
        self.assertFalse(sent, "never sent to the reader")
        self.assertEqual(expense.total_amount_currency, 0.0)
        self.assertFalse(expense.ai_suggestion_id)
        self.assertIn("is not an image that can be opened", self.findings(expense, "unreadable")[0])
        self.assertIn("could not read the receipt", expense.message_ids[:1].body)

    def test_a_receipt_the_reader_refuses_or_reads_nothing_on_changes_nothing(self):
        with self.reading(UserError("receipt.pdf cannot be read: it is encrypted with a password.")):
            refused = self.upload(self.png_attachment())
        self.assertIn("encrypted", self.findings(refused, "unreadable")[0])
        with self.reading(receipt_reply(merchant=None, total=None, date=None,
                                        warnings=["No bill was found in the document."])):
            empty = self.upload(self.png_attachment())
        self.assertEqual((empty.total_amount_currency, empty.ai_merchant), (0.0, False))
        self.assertIn("No bill was found", self.findings(empty, "unreadable")[0])

    def test_a_30_mb_photo_is_read_from_a_scaled_down_copy(self):
        photo = Image.frombytes("RGB", (3300, 3300), os.urandom(3300 * 3300 * 3))
        out = io.BytesIO()
        photo.save(out, format="PNG", compress_level=1)
        self.assertGreater(len(out.getvalue()), 30 * 1024 * 1024)
        # Odoo resizes large images on upload (base.image_autoresize_max_px, 1920 px): what is read is under the cap.
        with self.reading(receipt_reply(total=23.4)) as sent:
            resized = self.upload(self.png_attachment(out.getvalue(), name="phone.png"))
        self.assertLess(len(sent[0][0].raw), 15 * 1024 * 1024)
        self.assertEqual(resized.total_amount_currency, 23.4)
        # Without Odoo's resizing the 30 MB original is kept, and a grey copy at OCR's size is read instead.
        self.env["ir.config_parameter"].set_param("base.image_autoresize_max_px", "0")
        attachment = self.png_attachment(out.getvalue(), name="phone_original.png")
        self.assertGreater(len(attachment.raw), 30 * 1024 * 1024)
        with self.reading(receipt_reply(total=23.4, date="2022-02-01")) as sent:
            expense = self.upload(attachment)
        content = sent[0][2]
        self.assertLess(len(content), 15 * 1024 * 1024)
        self.assertEqual(max(Image.open(io.BytesIO(content)).size), receipt_image.READ_MAX_SIDE)
        self.assertEqual(expense.total_amount_currency, 23.4)
        self.assertEqual(expense.message_main_attachment_id, attachment, "the original stays attached")
        self.assertTrue(self.findings(expense, "scaled_down"))

    def test_a_receipt_in_another_currency(self):
        other = self.other_currency  # active, with rates
        with self.reading(receipt_reply(total=200.0, currency=other.name, date="2022-01-20")):
            expense = self.upload(self.png_attachment())
        self.assertEqual((expense.currency_id, expense.total_amount_currency), (other, 200.0))
        self.assertAlmostEqual(expense.total_amount, other._convert(
            200.0, self.currency, expense.company_id, datetime.date(2022, 1, 20)), places=2)
        self.assertIn("paid in %s" % other.name, " ".join(self.findings(expense, "foreign_currency")))
        inactive = self.env["res.currency"].with_context(active_test=False).search(
            [("active", "=", False)], limit=1)
        with self.reading(receipt_reply(total=900.0, currency=inactive.name)):
            unknown = self.upload(self.png_attachment())
        self.assertEqual((unknown.total_amount_currency, unknown.currency_id), (0.0, self.currency))
        self.assertIn("not active in this database", self.findings(unknown, "unreadable")[0])


@tagged("post_install", "-at_install")
class TestExpenseSuggestion(ExpenseCase):

    def read_and_submit(self, total=54.0, payment_mode="own_account"):
        with self.reading(receipt_reply(total=total)):
            expense = self.upload(self.png_attachment())
        expense.payment_mode = payment_mode
        return expense, self.submit(expense)

    def test_approving_the_suggestion_approves_the_report_as_odoo_does(self):
        expense, sheet = self.read_and_submit()
        suggestion = expense.ai_suggestion_id
        self.assertEqual(sheet.state, "submit")
        suggestion.action_approve()
        self.assertEqual((suggestion.state, sheet.state), ("applied", "approve"))
        self.assertTrue(sheet.account_move_ids, "Odoo's approval created the entries")
        self.assertEqual(suggestion._ai_generated_moves(), sheet.account_move_ids)
        suggestion.action_revert()
        self.assertEqual(sheet.state, "draft", "Odoo's reset of the approval")
        self.assertFalse(sheet.account_move_ids)

    def test_a_report_waits_for_each_reviewed_expense(self):
        with self.reading(receipt_reply(total=10.0), receipt_reply(merchant="Kantine", total=8.0)):
            first = self.upload(self.png_attachment())
            second = self.upload(self.png_attachment())
        sheet = self.submit(first | second)
        first.ai_suggestion_id.action_approve()
        self.assertEqual(sheet.state, "submit")
        second.ai_suggestion_id.action_approve()
        self.assertEqual(sheet.state, "approve")

    def test_an_expense_not_submitted_cannot_be_approved_and_a_rejection_changes_nothing(self):
        with self.reading(receipt_reply()):
            expense = self.upload(self.png_attachment())
        with self.assertRaisesRegex(UserError, "has not submitted"):
            expense.ai_suggestion_id.action_approve()
        sheet = self.submit(expense)
        expense.ai_suggestion_id.action_reject("wrong category")
        self.assertEqual((expense.ai_suggestion_id.state, sheet.state), ("rejected", "submit"))
        self.assertIn("rejected", expense.message_ids[:1].body)

    def test_a_card_paid_expense_hands_the_cards_line_to_the_reconciliation(self):
        expense, sheet = self.read_and_submit(total=54.0, payment_mode="company_account")
        journal = sheet.payment_method_line_id.journal_id or sheet.journal_id
        lines = self.env["account.bank.statement.line"].create([
            {"journal_id": journal.id, "date": "2022-01-21", "amount": -54.0, "payment_ref": "CARD 4711 CAFE ROSA"},
            {"journal_id": journal.id, "date": "2022-01-21", "amount": -54.0, "payment_ref": "CARD 4711 KIOSK"},
            {"journal_id": journal.id, "date": "2022-03-01", "amount": -54.0, "payment_ref": "CARD 4711 CAFE ROSA"},
        ])
        self.env["ai.job"].search([]).unlink()
        expense.ai_suggestion_id.action_approve()
        sheet.action_sheet_move_post()
        self.assertEqual(expense.ai_card_line_ids, lines[0], "the amount, within a week, the merchant named")
        self.assertTrue(self.env["ai.job"]._jobs_of("reconciliation", lines[0]))
        self.assertIn("handed to the AI reconciliation", expense.message_ids[:1].body)
