from odoo.tests import Form, tagged

from odoo.addons.ai_bookkeeping.tests.common import AiBookkeepingCase


@tagged("post_install", "-at_install")
class TestOcaScreen(AiBookkeepingCase):
    def test_kanban_shows_ai_suggestion(self):
        arch = self.env["account.bank.statement.line"].get_view(
            self.env.ref("account_reconcile_oca.bank_statement_line_reconcile_view").id, "kanban")["arch"]
        self.assertIn("o_ai_bookkeeping_oca_badge", arch)
        self.assertIn("ai_confidence", arch)

    def test_apply_from_oca_form(self):
        invoice = self.make_invoice(150.0)
        st_line = self.make_st_line(150.0, invoice.name)
        self.make_suggestion(st_line, self.receivable(invoice))
        st_line.with_user(self.reviewer).action_ai_approve_best()
        self.assertTrue(st_line.is_reconciled)
        self.assertEqual(invoice.payment_state, "paid")

    def test_oca_manual_reconciliation_still_works_and_becomes_history(self):
        invoice = self.make_invoice(275.0)
        st_line = self.make_st_line(275.0, "manual in OCA screen")
        # Reconcile with OCA's own form flow: pick the invoice's receivable line, validate.
        with Form(st_line, view="account_reconcile_oca.bank_statement_line_form_reconcile_view") as form:
            form.add_account_move_line_id = self.receivable(invoice)
        st_line.reconcile_bank_line()
        self.assertTrue(st_line.is_reconciled)
        self.assertEqual(invoice.payment_state, "paid")
        new_line = self.make_st_line(275.0, "manual in OCA screen")
        history = self.env["ai.reconciliation.request"]._gather_history(self.env.company, new_line)
        labels = [(e["label"], e["partner_id"], e["outcome"]) for e in history["entries"]]
        self.assertIn(("manual in OCA screen", self.partner_a.id, "reconciled"), labels)
