"""Expense reports: their expenses are reviewed when the report is submitted (the policy's daily totals and the
duplicates are known then), and a card-paid report's expenses are handed to the reconciliation engine with the
card's candidate bank lines once Odoo posts the payment."""

from markupsafe import Markup

from odoo import _, models


class HrExpenseSheet(models.Model):
    _inherit = "hr.expense.sheet"

    def action_submit_sheet(self):
        # EXTENDS hr_expense: each expense of the report in the approver's queue, with its findings.
        result = super().action_submit_sheet()
        self.expense_line_ids._ai_review()
        return result

    def action_sheet_move_post(self):
        # EXTENDS hr_expense: a report paid by the company card is an outgoing payment of the card's journal; the card
        # statement's line of that spend is matched to it by the reconciliation engine, asked now for those lines.
        result = super().action_sheet_move_post()
        self.filtered(lambda s: s.payment_mode == "company_account")._ai_match_card_lines()
        return result

    def _ai_match_card_lines(self):
        for sheet in self:
            # One payment per expense, in the report's journal (hr_expense's _prepare_payments_vals).
            journal = sheet.payment_method_line_id.journal_id or sheet.journal_id
            for expense in sheet.expense_line_ids:
                lines = expense._ai_card_candidates(journal)
                # sudo: the AI's own link on the expense, and the queue of the card's lines.
                expense.sudo().ai_card_line_ids = [(6, 0, lines.ids)]
                if not lines:
                    continue
                lines._ai_enqueue()
                expense._message_log(body=Markup("%s") % _(
                    "Card payment: %(count)s open line(s) of %(journal)s with the amount %(amount)s within a week "
                    "of %(date)s (%(labels)s) were handed to the AI reconciliation, to be matched with this "
                    "expense's payment.", count=len(lines), journal=journal.display_name,
                    amount=expense.currency_id.format(expense.total_amount_currency), date=expense.date,
                    labels="; ".join(lines.mapped("payment_ref")[:3])))
