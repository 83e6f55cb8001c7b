from unittest.mock import patch

from odoo import Command
from odoo.tests import tagged

from .period_close_common import FEBRUARY, PeriodCloseCase


@tagged("post_install", "-at_install")
class TestPeriodCloseAdjustments(PeriodCloseCase):
    """Deferrals of bills covering several months, the revaluation of open foreign-currency items, and the
    extension point through which the Sales bridge adds unbilled revenue."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.prepaid_account = cls.env["account.account"].create(
            {"name": "Prepaid expenses", "code": "486100", "account_type": "asset_prepayments"})
        cls.env.company.ai_close_prepaid_account_id = cls.prepaid_account

    def proposals(self, close, kind):
        return close.adjusting_suggestion_ids.filtered(lambda s: s.adjusting_type == kind).with_user(self.reviewer)

    def multi_month_bill(self):
        bill = self.env["account.move"].create({
            "move_type": "in_invoice", "partner_id": self.vendor_b.id, "invoice_date": "2026-02-10",
            "date": "2026-02-10", "invoice_line_ids": [
                Command.create({"name": "Hosting 01.02.2026 – 31.01.2027", "quantity": 1, "price_unit": 1200.0,
                                "account_id": self.subscription_account.id, "tax_ids": [Command.clear()]}),
                Command.create({"name": "Support", "quantity": 1, "price_unit": 600.0,
                                "account_id": self.subscription_account.id, "tax_ids": [Command.clear()],
                                "ai_service_start_date": "2026-03-01", "ai_service_end_date": "2026-08-31"}),
                Command.create({"name": "Office chairs", "quantity": 1, "price_unit": 300.0,
                                "tax_ids": [Command.clear()]}),
            ]})
        bill.action_post()
        return bill

    def test_a_multi_month_bill_is_deferred_with_monthly_releases(self):
        bill = self.multi_month_bill()
        close = self.make_close(FEBRUARY, user=self.reviewer)
        close.action_propose_adjusting_entries()
        deferrals = self.proposals(close, "deferral").sorted(lambda s: s.proposed_values["amount"])
        self.assertEqual([s.proposed_values["amount"] for s in deferrals], [600.0, 1100.0],
                         "a year from February keeps 100 in February; a service starting in March is deferred whole")
        hosting = deferrals[1]
        values = hosting.proposed_values
        self.assertEqual((values["service_start"], values["service_end"]), ("2026-02-01", "2027-01-31"))
        self.assertIn("12 months", hosting.explanation)
        self.assertIn("(read from the label)", hosting.reasons[0])
        self.assertIn("(service dates)", deferrals[0].reasons[0])
        self.assertEqual(len(values["entries"]), 12, "the deferral and 11 monthly releases")
        self.assertFalse(close.action_propose_adjusting_entries().filtered(lambda s: s.adjusting_type == "deferral"),
                         "proposed once")

        hosting.action_approve()
        self.assertEqual(hosting.state, "applied")
        moves = hosting.adjusting_move_ids.sorted("date")
        self.assertEqual(len(moves), 12)
        self.assertEqual(set(moves.mapped("state")), {"posted"})
        self.assertEqual((str(moves[0].date), str(moves[1].date), str(moves[-1].date)),
                         ("2026-02-10", "2026-03-31", "2027-01-31"))
        prepaid = moves.line_ids.filtered(lambda line: line.account_id == self.prepaid_account)
        self.assertEqual((sum(prepaid.mapped("debit")), sum(prepaid.mapped("credit"))), (1100.0, 1100.0))
        february = self.env["account.move.line"].search([
            ("account_id", "=", self.subscription_account.id), ("parent_state", "=", "posted"),
            ("date", ">=", "2026-02-01"), ("date", "<=", "2026-02-28"), ("move_id", "in", (bill | moves).ids)])
        self.assertEqual(sum(february.mapped("balance")), 700.0, "February bears 100 of the hosting and the support")
        hosting.action_revert()
        self.assertEqual(set(hosting.adjusting_move_ids.mapped("state")), {"cancel"})

    def test_open_foreign_currency_items_are_revalued_and_reversed(self):
        eur = self.setup_other_currency("EUR", rates=[("2026-01-01", 2.0), ("2026-02-28", 2.5)])
        invoice = self.init_invoice("out_invoice", partner=self.partner_a, invoice_date="2026-02-10",
                                    amounts=[1000.0], taxes=self.env["account.tax"], currency=eur, post=True)
        bill = self.init_invoice("in_invoice", partner=self.vendor_b, invoice_date="2026-02-12", amounts=[500.0],
                                 taxes=self.env["account.tax"], currency=eur, post=True)
        self.assertEqual((invoice.amount_total_signed, bill.amount_total_signed), (500.0, -250.0))
        close = self.make_close(FEBRUARY, user=self.reviewer)
        # 1,000 EUR receivable booked 500.00, worth 400.00 at 2.5: -100; 500 EUR payable booked -250.00, now -200: +50
        self.assertEqual(self.items(close)["unrealised_fx"], (2, -50.0))
        close.action_propose_adjusting_entries()
        (revaluation,) = self.proposals(close, "fx_revaluation")
        self.assertEqual(revaluation.proposed_values["amount"], -50.0)
        self.assertIn("open foreign-currency items", revaluation.explanation)
        self.assertTrue(any("-100.00" in r for r in revaluation.reasons), revaluation.reasons)
        self.assertTrue(any("+50.00" in r for r in revaluation.reasons), revaluation.reasons)
        self.assertFalse(close.action_propose_adjusting_entries().filtered(
            lambda s: s.adjusting_type == "fx_revaluation"), "one revaluation per close")

        revaluation.action_approve()
        entry, reversal = revaluation.adjusting_move_ids.sorted("date")
        self.assertEqual((str(entry.date), str(reversal.date)), ("2026-02-28", "2026-03-01"))
        receivable = entry.line_ids.filtered(lambda line: line.account_id == invoice.line_ids.filtered(
            lambda term: term.display_type == "payment_term").account_id)
        self.assertEqual(receivable.credit, 100.0)
        loss = entry.line_ids.filtered(
            lambda line: line.account_id == self.env.company.expense_currency_exchange_account_id)
        gain = entry.line_ids.filtered(
            lambda line: line.account_id == self.env.company.income_currency_exchange_account_id)
        self.assertEqual((loss.debit, gain.credit), (100.0, 50.0))
        self.assertTrue(receivable.reconciled, "the revaluation and its reversal are reconciled")
        self.assertEqual(invoice.amount_residual_signed, 500.0, "the invoice itself is untouched")
        self.assertEqual(self.items(close)["unrealised_fx"], (0, -50.0), "done once booked")
        revaluation.action_revert()
        self.assertEqual(set(revaluation.adjusting_move_ids.mapped("state")), {"cancel"})
        self.assertEqual(self.items(close)["unrealised_fx"], (2, -50.0))

    def test_bridges_add_unbilled_revenue_through_the_extension_point(self):
        accrued = self.env["account.account"].create(
            {"name": "Accrued revenue", "code": "418100", "account_type": "asset_current"})
        income = self.company_data["default_account_revenue"]
        journal = self.company_data["default_journal_misc"]
        suggestions = type(self.env["ai.suggestion"])

        def unbilled(suggestion_model, close):
            vals = suggestion_model._adjusting_proposal_vals(
                close, "unbilled_revenue", "Delivered not invoiced S00042", 420.0, [{
                    "date": "2026-02-28", "ref": "S00042", "journal_id": journal.id, "lines": [
                        {"account_id": accrued.id, "name": "S00042", "debit": 420.0, "credit": 0.0},
                        {"account_id": income.id, "name": "S00042", "debit": 0.0, "credit": 420.0}]}],
                "3 units delivered on 2026-02-20, not invoiced", order_id=42)
            return suggestion_model.sudo().create(vals)

        close = self.make_close(FEBRUARY, user=self.reviewer)
        self.assertFalse(self.env["ai.suggestion"]._adjusting_propose_unbilled_revenue(close), "none in the core")
        with patch.object(suggestions, "_adjusting_propose_unbilled_revenue", unbilled):
            close.action_propose_adjusting_entries()
        (revenue,) = self.proposals(close, "unbilled_revenue")
        self.assertEqual(revenue.proposed_values["reversal_date"], "2026-03-01")
        self.assertEqual(self.items(close)["adjusting_entries"][0], len(close.adjusting_suggestion_ids))
        revenue.action_approve()
        entry, reversal = revenue.adjusting_move_ids.sorted("date")
        self.assertEqual((entry.state, reversal.state, str(reversal.date)), ("posted", "posted", "2026-03-01"))
        self.assertEqual(entry.line_ids.filtered(lambda line: line.account_id == income).credit, 420.0)
        revenue.action_revert()
        self.assertEqual(set(revenue.adjusting_move_ids.mapped("state")), {"cancel"})
