import datetime

from odoo.tests import tagged

from .common import SaleInvoiceCase


@tagged("post_install", "-at_install")
class TestUnbilledRevenue(SaleInvoiceCase):
    """Delivered, not invoiced at the period end: the lines, the checklist item, the accrual and its reversal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unbilled_account = cls.env["account.account"].create(
            {"name": "Unbilled revenue", "code": "418100", "account_type": "asset_current"})
        cls.env.company.ai_sale_unbilled_account_id = cls.unbilled_account

    def _close(self):
        return self.env["ai.period.close"].create({"date_from": "2026-03-01", "date_to": "2026-03-31"})

    def test_lines_count_delivered_minus_posted_invoices(self):
        partly = self.make_order(lines=[(self.product_delivered, 10.0)], delivered=[6.0])
        invoice = partly._create_invoices()
        invoice.invoice_line_ids.quantity = 2.0
        invoice.action_post()
        self.make_order(lines=[(self.product_delivered, 5.0)])  # nothing delivered: nothing unbilled
        draft_only = self.make_order(lines=[(self.product_delivered, 3.0)], delivered=[3.0])
        draft_only._create_invoices()  # a draft is not revenue yet
        rows = self.env["ai.suggestion"]._ai_unbilled_revenue(self.env.company, datetime.date(2026, 3, 31))
        self.assertEqual([(r["order"], r["amount"]) for r in rows], [(partly.name, 160.0), (draft_only.name, 120.0)])
        self.assertEqual(rows[0]["lines"][0]["quantity"], 4.0)
        self.assertEqual(rows[0]["account_id"], self.product_delivered.property_account_income_id.id)

    def test_close_lists_and_accrues_unbilled_revenue(self):
        order = self.make_order(lines=[(self.product_delivered, 10.0)], delivered=[4.0])
        close = self._close()
        items = self.env["ai.period.close.checklist"]._compute_items(close, codes=["unbilled_revenue"])
        self.assertEqual(items["unbilled_revenue"]["count"], 1)
        self.assertEqual(items["unbilled_revenue"]["amount"], 160.0)
        def propose():
            return close.action_propose_adjusting_entries().filtered(
                lambda s: s.proposed_values["type"] == "unbilled_revenue")

        suggestions = propose()
        self.assertEqual(len(suggestions), 1)
        self.assertEqual(suggestions.proposed_values["order_id"], order.id)
        self.assertIn("4.0 × Widget delivered, not invoiced: 160.00", suggestions.reasons)
        self.assertFalse(propose(), "an order already proposed is not proposed twice")
        suggestions.action_approve()
        accrual, reversal = suggestions.adjusting_move_ids.sorted("date")
        self.assertEqual(accrual.date, datetime.date(2026, 3, 31))
        self.assertEqual(reversal.date, datetime.date(2026, 4, 1))
        debit = accrual.line_ids.filtered("debit")
        self.assertEqual((debit.account_id, debit.debit), (self.unbilled_account, 160.0))
        self.assertEqual(accrual.line_ids.filtered("credit").account_id,
                         self.product_delivered.property_account_income_id)
        suggestions.action_revert()
        self.assertEqual(set(suggestions.adjusting_move_ids.mapped("state")), {"cancel"})

    def test_closes_created_before_the_bridge_get_the_item(self):
        close = self._close()
        close.item_ids.filtered(lambda i: i.code == "unbilled_revenue").sudo().unlink()
        self.env["ai.period.close"]._sync_checklist_items()
        self.assertIn("unbilled_revenue", close.item_ids.mapped("code"))
