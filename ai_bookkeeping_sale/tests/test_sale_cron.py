from contextlib import closing

from odoo import Command
from odoo.tests import new_test_user, tagged

from odoo.addons.ai_bookkeeping.tests.test_cron_users import run_through_scheduler

from .common import SaleInvoiceCase


@tagged("post_install", "-at_install")
class TestSaleCron(SaleInvoiceCase):
    """The daily invoice queue through Odoo's own scheduler, as OdooBot and as an AI Bookkeeping manager who has no
    Sales, accounting-manager or technical right."""

    def test_the_invoice_queue_cron_prepares_the_orders_invoices(self):
        manager = new_test_user(
            self.env, login="ai_sale_cron_manager", email="sale.cron@example.com",
            groups="ai_bookkeeping.ai_bookkeeping_group_manager,base.group_user",
            company_id=self.env.company.id, company_ids=[Command.set(self.env.company.ids)])
        self.assertFalse(manager.has_group("sales_team.group_sale_salesman"))
        for user in (self.env.ref("base.user_root"), manager):
            with self.subTest(user=user.login), closing(self.env.cr.savepoint()):
                order = self.make_order(lines=[(self.product_ordered, 2.0)])
                run_through_scheduler(self, "ai_bookkeeping_sale.ir_cron_ai_sale_propose_invoices", user)
                suggestion = self.suggestions_for(order)
                self.assertEqual(len(suggestion), 1)
                self.assertEqual(suggestion.state, "pending")
                self.assertEqual(self.invoice(suggestion).state, "draft")
                self.assertEqual(self.invoice(suggestion).invoice_line_ids.sale_line_ids.order_id, order)
