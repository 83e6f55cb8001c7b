from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import ExpenseCase, receipt_png, receipt_reply


@tagged("post_install", "-at_install")
class TestExpenseSuggestionAccess(ExpenseCase):
    """An expense suggestion tells whose expense it is, what for and which colleague's expense it duplicates: it is
    read by those Odoo lets read every expense of the company (accountants, expense officers), not by an AI Reader."""

    def duplicate_pair(self):
        with self.reading(receipt_reply(merchant="Café Rosa", total=54.0, date="2022-01-20")):
            first = self.upload(self.png_attachment(receipt_png(5151)))
        first.name = "Dinner with the Munich supplier"
        with self.reading(receipt_reply(merchant="CAFE ROSA", total=54.0, date="2022-01-21")):
            spend = self.upload(self.png_attachment(receipt_png(5152)), employee=self.other_employee)
        suggestion = spend.ai_suggestion_id
        self.assertIn(first.display_name, " ".join(suggestion.reasons), "the approver is told which expense")
        return first, spend, suggestion

    def test_an_ai_reader_without_expense_rights_reads_no_expense_suggestion(self):
        reader = new_test_user(
            self.env, login="ai_expense_reader", groups="ai_bookkeeping.ai_bookkeeping_group_user,base.group_user",
            company_id=self.env.company.id, company_ids=[Command.set(self.env.company.ids)])
        self.assertFalse(reader.has_group("account.group_account_user"))
        self.assertFalse(reader.has_group("hr_expense.group_hr_expense_team_approver"))
        first, spend, suggestion = self.duplicate_pair()
        with self.assertRaises(AccessError):
            spend.with_user(reader).check_access("read")
        with self.assertRaises(AccessError):
            first.with_user(reader).check_access("read")
        Suggestion = self.env["ai.suggestion"].with_user(reader)
        self.assertFalse(Suggestion.search([("kind", "=", "expense")]))
        self.assertEqual(Suggestion.search_count([("id", "=", suggestion.id)]), 0)
        with self.assertRaises(AccessError):
            suggestion.with_user(reader).read(["name", "reasons", "explanation", "proposed_values"])
        rows = Suggestion.dashboard_other_rows(limit=200)["rows"]
        self.assertNotIn(suggestion.id, [row["id"] for row in rows])
        for secret in ("Other Employee", first.display_name, "Munich"):
            self.assertNotIn(secret, str(rows), "nothing of the expenses reaches the reader's dashboard")
        # The reader's other suggestions of the company stay readable.
        other = self.env["ai.suggestion"].sudo().create({
            "name": "Some anomaly", "kind": "anomaly", "company_id": self.env.company.id, "confidence": 0.5})
        self.assertEqual(Suggestion.search([("id", "=", other.id)]), other)

    def test_those_who_read_every_expense_read_the_suggestion_and_its_duplicate(self):
        first, spend, suggestion = self.duplicate_pair()
        accountant = new_test_user(
            self.env, login="ai_expense_reviewer",
            groups="ai_bookkeeping.ai_bookkeeping_group_reviewer,base.group_user",
            company_id=self.env.company.id, company_ids=[Command.set(self.env.company.ids)])
        officer = new_test_user(
            self.env, login="ai_expense_officer",
            groups="ai_bookkeeping.ai_bookkeeping_group_user,hr_expense.group_hr_expense_user,base.group_user",
            company_id=self.env.company.id, company_ids=[Command.set(self.env.company.ids)])
        for user in (accountant, officer):
            first.with_user(user).check_access("read")  # Odoo lets them read every expense of the company
            seen = suggestion.with_user(user)
            self.assertIn(first.display_name, " ".join(seen.reasons), user.login)
            self.assertEqual(self.env["ai.suggestion"].with_user(user).search([("id", "=", suggestion.id)]),
                             suggestion)
