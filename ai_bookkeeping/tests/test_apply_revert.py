from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools.translate import code_translations

from .common import AiBookkeepingCase


@tagged("post_install", "-at_install")
class TestApplyRevert(AiBookkeepingCase):
    """Approving applies for real through the ORM in Community; reverting restores the books exactly."""

    def approve(self, suggestion):
        suggestion.with_user(self.reviewer).action_approve()
        suggestion.invalidate_recordset()

    def test_full_match_pays_invoice_and_revert_reopens_it(self):
        invoice = self.make_invoice(1200.0)
        st_line = self.make_st_line(1200.0, "INV 2026 1 ACME")
        before = self.residuals(invoice)
        suggestion = self.make_suggestion(st_line, self.receivable(invoice))

        self.approve(suggestion)
        self.assertEqual(suggestion.state, "applied")
        self.assertTrue(st_line.is_reconciled)
        self.assertEqual(invoice.payment_state, "paid")
        self.assertEqual(invoice.amount_residual, 0.0)

        suggestion.with_user(self.reviewer).action_revert()
        self.assertEqual(suggestion.state, "reverted")
        st_line.invalidate_recordset()
        self.assertFalse(st_line.is_reconciled)
        self.assertEqual(self.residuals(invoice), before)

    def test_partial_payment_leaves_the_rest_open(self):
        invoice = self.make_invoice(1000.0)
        st_line = self.make_st_line(400.0, "first instalment")
        suggestion = self.make_suggestion(st_line, self.receivable(invoice), match_type="partial")
        self.approve(suggestion)
        self.assertTrue(st_line.is_reconciled)
        self.assertEqual(invoice.payment_state, "partial")
        self.assertAlmostEqual(invoice.amount_residual, 600.0)
        suggestion.with_user(self.reviewer).action_revert()
        self.assertAlmostEqual(invoice.amount_residual, 1000.0)
        self.assertEqual(invoice.payment_state, "not_paid")

    def test_one_payment_for_several_invoices(self):
        invoices = self.make_invoice(300.0) + self.make_invoice(700.0) + self.make_invoice(250.0)
        st_line = self.make_st_line(1250.0, "INV 1 INV 2 INV 3")
        before = self.residuals(invoices)
        suggestion = self.make_suggestion(st_line, self.receivable(invoices), match_type="multi")
        self.approve(suggestion)
        self.assertTrue(st_line.is_reconciled)
        self.assertEqual(set(invoices.mapped("payment_state")), {"paid"})
        suggestion.with_user(self.reviewer).action_revert()
        self.assertEqual(self.residuals(invoices), before)

    def test_short_payment_writes_off_bank_fee(self):
        invoice = self.make_invoice(500.0)
        st_line = self.make_st_line(492.5, "payment less fee")
        suggestion = self.make_suggestion(
            st_line, self.receivable(invoice), match_type="writeoff", account=self.fee_account, writeoff=7.5
        )
        self.approve(suggestion)
        self.assertEqual(invoice.payment_state, "paid")
        self.assertTrue(st_line.is_reconciled)
        fee_line = st_line.move_id.line_ids.filtered(lambda line: line.account_id == self.fee_account)
        self.assertAlmostEqual(fee_line.balance, 7.5)

    def test_vendor_bill_payment(self):
        bill = self.make_invoice(800.0, partner=self.partner_b, move_type="in_invoice")
        st_line = self.make_st_line(-800.0, "SEPA transfer to partner b")
        suggestion = self.make_suggestion(st_line, self.receivable(bill))
        self.approve(suggestion)
        self.assertEqual(bill.payment_state, "paid")
        self.assertTrue(st_line.is_reconciled)

    def test_expense_coding_books_to_the_account(self):
        expense_account = self.company_data["default_account_expense"]
        st_line = self.make_st_line(-49.99, "CARD 1234 AMAZON WEB SERVICES")
        suggestion = self.make_suggestion(st_line, match_type="expense", account=expense_account,
                                          partner=self.partner_b)
        self.approve(suggestion)
        self.assertTrue(st_line.is_reconciled)
        line = st_line.move_id.line_ids.filtered(lambda item: item.account_id == expense_account)
        self.assertAlmostEqual(line.balance, 49.99)
        suggestion.with_user(self.reviewer).action_revert()
        st_line.invalidate_recordset()
        self.assertFalse(st_line.is_reconciled)
        self.assertFalse(st_line.move_id.line_ids.filtered(lambda line: line.account_id == expense_account))

    def test_foreign_currency_invoice_with_fx_rounding(self):
        chf = self.setup_other_currency("CHF", rates=[("2026-01-01", 1.25)])
        invoice = self.make_invoice(125.0, currency=chf)  # 100.00 in company currency at 1.25
        st_line = self.make_st_line(99.98, "CHF invoice payment")  # the bank paid 2 cents less
        suggestion = self.make_suggestion(st_line, self.receivable(invoice))
        self.approve(suggestion)
        counterpart = st_line.move_id.line_ids.filtered(lambda line: line.account_type == "asset_receivable")
        self.assertEqual((counterpart.currency_id.name, counterpart.amount_currency, counterpart.balance),
                         ("CHF", -125.0, -99.98))
        self.assertEqual(invoice.payment_state, "paid", "FX rounding goes to the exchange difference, not open")
        self.assertTrue(st_line.is_reconciled)
        suggestion.with_user(self.reviewer).action_revert()
        self.assertEqual(invoice.payment_state, "not_paid")
        self.assertAlmostEqual(invoice.amount_residual, 125.0)

    def test_stale_suggestion_changes_nothing_and_says_why(self):
        invoice = self.make_invoice(100.0)
        st_line = self.make_st_line(100.0, "paid twice?")
        first = self.make_suggestion(st_line, self.receivable(invoice))
        other_line = self.make_st_line(100.0, "same invoice, other line")
        stale = self.make_suggestion(other_line, self.receivable(invoice))
        self.approve(first)
        with self.assertRaisesRegex(UserError, "paid in the meantime"):
            stale.with_user(self.reviewer).action_approve()
        other_line.invalidate_recordset()
        self.assertFalse(other_line.is_reconciled)
        self.assertEqual(stale.state, "pending")

    def test_line_reconciled_elsewhere_makes_suggestion_stale(self):
        invoice = self.make_invoice(100.0)
        st_line = self.make_st_line(100.0, "x")
        suggestion_a = self.make_suggestion(st_line, self.receivable(invoice))
        invoice_b = self.make_invoice(100.0)
        suggestion_b = self.make_suggestion(st_line, self.receivable(invoice_b))
        suggestion_b.sudo().rank = 2
        # Someone reconciles the line another way (here: through suggestion A applied by sudo, as another screen
        # would), then suggestion B is approved.
        self.approve(suggestion_a)
        self.assertFalse(suggestion_b.exists(), "pending siblings of an applied suggestion are dropped")
        again = self.make_suggestion(st_line, self.receivable(invoice_b))
        with self.assertRaisesRegex(UserError, "reconciled in the meantime"):
            again.with_user(self.reviewer).action_approve()
        self.assertEqual(invoice_b.payment_state, "not_paid")

    def test_forbidden_transitions_explain_themselves(self):
        invoice = self.make_invoice(100.0)
        st_line = self.make_st_line(100.0, "x")
        suggestion = self.make_suggestion(st_line, self.receivable(invoice))
        with self.assertRaisesRegex(UserError, "nothing was applied yet"):
            suggestion.with_user(self.reviewer).action_revert()
        suggestion.with_user(self.reviewer).action_reject("wrong customer")
        self.assertEqual(suggestion.reject_reason, "wrong customer")
        with self.assertRaisesRegex(UserError, "it was rejected"):
            suggestion.with_user(self.reviewer).action_approve()
        self.assertEqual(invoice.payment_state, "not_paid")

    def test_refusals_are_said_in_the_users_language(self):
        # The sentences live in a pure module (tools/state_machine.py); Odoo's code translations must reach them.
        self.env["res.lang"]._activate_lang("fr_FR")
        sentence = "This suggestion cannot be reverted: nothing was applied yet, so there is nothing to revert."
        french = "Impossible d'annuler : rien n'a encore été comptabilisé."
        translations = code_translations.python_translations
        key = ("ai_bookkeeping", "fr_FR")
        saved = translations.get(key)
        translations[key] = dict(saved or {}, **{sentence: french})
        self.addCleanup(lambda: translations.pop(key) if saved is None else translations.update({key: saved}))
        invoice = self.make_invoice(100.0)
        suggestion = self.make_suggestion(self.make_st_line(100.0, "x"), self.receivable(invoice))
        with self.assertRaisesRegex(UserError, "rien n'a encore été comptabilisé"):
            suggestion.with_user(self.reviewer).with_context(lang="fr_FR").action_revert()
        with self.assertRaisesRegex(UserError, "nothing was applied yet"):
            suggestion.with_user(self.reviewer).with_context(lang="en_US").action_revert()

    def test_state_changes_are_tracked_in_chatter(self):
        invoice = self.make_invoice(100.0)
        st_line = self.make_st_line(100.0, "x")
        suggestion = self.make_suggestion(st_line, self.receivable(invoice)).with_context(
            tracking_disable=False, mail_notrack=False)  # the test base class mutes the chatter
        # Created and decided in separate transactions, as in real use (Odoo does not track a record's changes in
        # the transaction that created it).
        self.env.cr.precommit.run()
        suggestion.with_user(self.reviewer).action_approve()
        self.env.cr.precommit.run()  # tracking values are written when the transaction commits
        messages = self.env["mail.message"].sudo().search(
            [("model", "=", suggestion._name), ("res_id", "=", suggestion.id)])
        tracked = messages.tracking_value_ids.filtered(lambda t: t.field_id.name == "state")
        self.assertEqual(tracked[:1].old_value_char, "Pending review")
        self.assertEqual(tracked[:1].new_value_char, "Applied")

    def test_expense_with_tax_splits_the_gross_amount(self):
        expense_account = self.company_data["default_account_expense"]
        tax = self.env["account.tax"].create({
            "name": "VAT 20% purchase", "amount": 20.0, "type_tax_use": "purchase", "price_include": False})
        st_line = self.make_st_line(-120.0, "CARD 1234 OFFICE SUPPLIES")
        suggestion = self.make_suggestion(st_line, match_type="expense", account=expense_account,
                                          partner=self.partner_b)
        suggestion.sudo().tax_ids = tax
        self.approve(suggestion)
        self.assertTrue(st_line.is_reconciled)
        lines = st_line.move_id.line_ids
        base = lines.filtered(lambda line: line.account_id == expense_account and not line.tax_line_id)
        tax_line = lines.filtered("tax_line_id")
        self.assertAlmostEqual(base.balance, 100.0)
        self.assertEqual(base.tax_ids, tax)
        self.assertAlmostEqual(tax_line.balance, 20.0)
        self.assertEqual(tax_line.tax_line_id, tax)
        self.assertAlmostEqual(sum(lines.mapped("balance")), 0.0)
        suggestion.with_user(self.reviewer).action_revert()
        self.assertFalse(st_line.move_id.line_ids.filtered("tax_line_id"))

    def test_foreign_currency_line_paying_a_company_currency_invoice(self):
        # Found by the Odoo bench: the bank line is in a foreign currency and converts to a few cents more or less than
        # the invoice. Both ways, the invoice must end paid, the line reconciled, the cents booked as FX difference.
        eur = self.setup_other_currency("EUR", rates=[("2026-01-01", 1.1111)])
        for line_company_amount, invoice_amount in ((235.35, 235.75), (9568.01, 9567.51)):
            invoice = self.make_invoice(invoice_amount)
            st_line = self.make_st_line(line_company_amount, "FX payment", foreign_currency_id=eur.id,
                                        amount_currency=round(line_company_amount * 1.1111, 2))
            suggestion = self.make_suggestion(st_line, self.receivable(invoice))
            self.approve(suggestion)
            self.assertEqual(invoice.payment_state, "paid", invoice_amount)
            self.assertTrue(st_line.is_reconciled, invoice_amount)
            company = self.env.company
            fx_accounts = company.income_currency_exchange_account_id | company.expense_currency_exchange_account_id
            fx_line = st_line.move_id.line_ids.filtered(lambda line, fx=fx_accounts: line.account_id in fx)
            self.assertAlmostEqual(abs(fx_line.balance), abs(line_company_amount - invoice_amount), places=2)
            suggestion.with_user(self.reviewer).action_revert()
            self.assertEqual(invoice.payment_state, "not_paid")
            self.assertAlmostEqual(invoice.amount_residual, invoice_amount)
