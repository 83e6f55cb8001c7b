from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import AiBookkeepingCase, start_bundled_endpoint

AUTO_CONFIDENCE = 0.95  # the auto grade, web_src/contracts/reconcile.ts


@tagged("post_install", "-at_install")
class TestPaymentTolerance(AiBookkeepingCase):
    """A payment a few cents off the invoice it cites: approving the engine's write-off pays the invoice in full and
    books the difference on the account the suggestion names (payment difference, or exchange gain/loss)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.difference_account = cls.company_data["default_account_expense"].copy(
            {"name": "Payment differences", "code": "659001"})
        cls.gain_account = cls.company.income_currency_exchange_account_id
        cls.loss_account = cls.company.expense_currency_exchange_account_id

    def approve(self, suggestion):
        suggestion.with_user(self.reviewer).action_approve()
        suggestion.invalidate_recordset()

    def difference_line(self, st_line, account):
        return st_line.move_id.line_ids.filtered(lambda line: line.account_id == account)

    def test_overpayment_written_off_to_exchange_gain(self):
        self.assertTrue(self.gain_account, "the chart of accounts sets the exchange gain account")
        invoice = self.make_invoice(100.0)
        st_line = self.make_st_line(100.03, invoice.name)
        suggestion = self.make_suggestion(st_line, self.receivable(invoice), match_type="writeoff",
                                          account=self.gain_account, writeoff=-0.03)
        self.approve(suggestion)
        self.assertEqual(suggestion.state, "applied")
        self.assertTrue(st_line.is_reconciled)
        self.assertEqual(invoice.payment_state, "paid")
        self.assertAlmostEqual(invoice.amount_residual, 0.0)
        self.assertAlmostEqual(self.difference_line(st_line, self.gain_account).balance, -0.03)

    def test_underpayment_written_off_to_the_payment_difference_account(self):
        self.company.ai_writeoff_account_id = self.difference_account
        invoice = self.make_invoice(250.0)
        st_line = self.make_st_line(249.96, invoice.name)
        suggestion = self.make_suggestion(st_line, self.receivable(invoice), match_type="writeoff",
                                          account=self.difference_account, writeoff=0.04)
        self.approve(suggestion)
        self.assertTrue(st_line.is_reconciled)
        self.assertEqual(invoice.payment_state, "paid")
        self.assertAlmostEqual(self.difference_line(st_line, self.difference_account).balance, 0.04)
        self.assertFalse(self.difference_line(st_line, self.loss_account))

        suggestion.with_user(self.reviewer).action_revert()
        self.assertAlmostEqual(invoice.amount_residual, 250.0)

    def test_vendor_bill_paid_a_cent_short(self):
        bill = self.make_invoice(80.0, partner=self.partner_b, move_type="in_invoice")
        st_line = self.make_st_line(-79.99, "BILL")
        suggestion = self.make_suggestion(st_line, self.receivable(bill), match_type="writeoff",
                                          account=self.gain_account, writeoff=-0.01)
        self.approve(suggestion)
        self.assertEqual(bill.payment_state, "paid")
        self.assertAlmostEqual(self.difference_line(st_line, self.gain_account).balance, -0.01)

    def test_difference_beyond_the_tolerance_is_refused(self):
        self.company.write({"ai_writeoff_account_id": self.difference_account.id, "ai_writeoff_max_amount": 0.5,
                            "ai_writeoff_max_percent": 1.0})
        invoice = self.make_invoice(100.0)
        for amount in (98.0, 100.6):  # 2.00 over the amount limit; 0.60 over the amount limit too
            st_line = self.make_st_line(amount, invoice.name)
            suggestion = self.make_suggestion(st_line, self.receivable(invoice), match_type="writeoff",
                                              account=self.difference_account, writeoff=100.0 - amount)
            with self.assertRaisesRegex(UserError, "payment tolerance"):
                self.approve(suggestion)
            self.assertEqual(suggestion.state, "pending")
        self.company.ai_writeoff_max_percent = 0.1  # 0.10 on 100.00: 0.30 is too much in percent
        st_line = self.make_st_line(100.3, invoice.name)
        suggestion = self.make_suggestion(st_line, self.receivable(invoice), match_type="writeoff",
                                          account=self.difference_account, writeoff=-0.3)
        with self.assertRaisesRegex(UserError, "payment tolerance"):
            self.approve(suggestion)
        self.assertEqual(invoice.payment_state, "not_paid")

    def test_request_carries_the_tolerance_and_its_accounts(self):
        self.company.write({"ai_writeoff_account_id": self.difference_account.id, "ai_writeoff_max_amount": 0.75,
                            "ai_writeoff_max_percent": 2.0})
        st_line = self.make_st_line(100.03, "INV")
        payload, _truncated, _invalid = self.env["ai.reconciliation.request"]._prepare_payload(st_line)
        settings = payload["settings"]
        self.assertEqual(settings["writeoffAccountId"], self.difference_account.id)
        self.assertEqual(settings["writeoffMaxAmount"], 0.75)
        self.assertAlmostEqual(settings["writeoffMaxRatio"], 0.02)
        self.assertEqual(settings["exchangeGainAccountId"], self.gain_account.id)
        self.assertEqual(settings["exchangeLossAccountId"], self.loss_account.id)
        account_ids = {a["id"] for a in payload["accounts"]}
        self.assertTrue({self.difference_account.id, self.gain_account.id, self.loss_account.id} <= account_ids)


@tagged("post_install", "-at_install")
class TestPaymentToleranceThroughTheEngine(AiBookkeepingCase):
    """A cents-off payment asked of the real bundled endpoint, with the settings a company has out of the box: a bank
    fee account, no payment difference account, and the exchange gain/loss accounts of its chart. A few cents between
    a company-currency payment and the invoice it cites are no exchange difference: they go to the bank fee account,
    the only write-off account the company named, at the auto grade (the reference identifies the invoice)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        start_bundled_endpoint(cls, "c" * 48)
        cls.company = cls.env.company
        cls.company.ai_writeoff_account_id = False
        cls.exchange_accounts = (cls.company.income_currency_exchange_account_id
                                 | cls.company.expense_currency_exchange_account_id)

    def test_cents_off_payment_reaches_the_bank_fee_account_at_the_auto_grade(self):
        self.assertEqual(len(self.exchange_accounts), 2, "the chart sets both exchange difference accounts")
        for amount, paid in ((250.0, 249.97), (120.0, 120.05)):  # short by 0.03, over by 0.05
            invoice = self.make_invoice(amount)
            st_line = self.make_st_line(paid, "SEPA CREDIT %s %s" % (invoice.name, self.partner_a.name.upper()))
            best = st_line.action_ai_suggest().filtered(lambda s: s.rank == 1)
            self.assertEqual(best.match_type, "writeoff", paid)
            self.assertEqual(best.move_line_ids, self.receivable(invoice))
            self.assertEqual(best.account_id, self.fee_account, "%s: not an exchange difference account" % paid)
            self.assertGreaterEqual(best.confidence, AUTO_CONFIDENCE)
            self.assertAlmostEqual(best.writeoff_amount, round(amount - paid, 2))
            best.with_user(self.reviewer).action_approve()
            self.assertEqual(invoice.payment_state, "paid")
            fee = st_line.move_id.line_ids.filtered(lambda line: line.account_id == self.fee_account)
            self.assertAlmostEqual(fee.balance, round(amount - paid, 2))
            self.assertFalse(st_line.move_id.line_ids.filtered(lambda line: line.account_id in self.exchange_accounts))

    def test_an_overpayment_to_the_bank_fee_account_stays_within_the_payment_tolerance(self):
        invoice = self.make_invoice(100.0)
        st_line = self.make_st_line(103.0, invoice.name)  # 3.00 over: no bank fee, and beyond 0.50 / 1 %
        suggestion = self.make_suggestion(st_line, self.receivable(invoice), match_type="writeoff",
                                          account=self.fee_account, writeoff=-3.0)
        with self.assertRaisesRegex(UserError, "payment tolerance"):
            suggestion.with_user(self.reviewer).action_approve()
        self.assertEqual(invoice.payment_state, "not_paid")
