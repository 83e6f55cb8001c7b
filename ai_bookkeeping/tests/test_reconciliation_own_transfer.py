from odoo.tests import tagged

from .common import AiBookkeepingCase, start_bundled_endpoint

AUTO_CONFIDENCE = 0.95  # the auto grade, web_src/contracts/reconcile.ts


@tagged("post_install", "-at_install")
class TestOwnAccountTransfer(AiBookkeepingCase):
    """A bank line from or to one of the company's own bank accounts is a transfer between its own accounts: a fact
    of Odoo's master data (the bank journals' accounts), asked of the real bundled endpoint without any history."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        start_bundled_endpoint(cls, "o" * 48)
        cls.company = cls.env.company
        cls.savings = cls.env["res.partner.bank"].create({
            "acc_number": "DE48 0327 9496 2023 5929 66", "partner_id": cls.company.partner_id.id,
        })
        cls.env["account.journal"].create({
            "name": "Savings", "code": "SAV", "type": "bank", "bank_account_id": cls.savings.id,
        })

    def test_request_names_the_own_accounts_and_the_transfer_account(self):
        st_line = self.make_st_line(-2500.0, "UMBUCHUNG")
        payload, _truncated, _invalid = self.env["ai.reconciliation.request"]._prepare_payload(st_line)
        self.assertIn("DE48032794962023592966", payload["settings"]["ownBankAccounts"])
        self.assertEqual(payload["settings"]["transferAccountId"], self.company.transfer_account_id.id)
        self.assertIn(self.company.transfer_account_id.id, {a["id"] for a in payload["accounts"]})

    def test_a_transfer_to_an_own_account_is_booked_to_the_transfer_account(self):
        self.assertTrue(self.company.transfer_account_id, "the chart sets the liquidity transfer account")
        st_line = self.make_st_line(-2500.0, "UMBUCHUNG Übertrag Rücklagenkonto",
                                    account_number="DE48032794962023592966")
        best = st_line.action_ai_suggest().filtered(lambda s: s.rank == 1)
        self.assertEqual(best.match_type, "expense")
        self.assertEqual(best.account_id, self.company.transfer_account_id)
        self.assertGreaterEqual(best.confidence, AUTO_CONFIDENCE)
        self.assertIn("own bank accounts", best.explanation)
        best.with_user(self.reviewer).action_approve()
        self.assertTrue(st_line.is_reconciled)
        booked = st_line.move_id.line_ids.filtered(lambda line: line.account_id == self.company.transfer_account_id)
        self.assertAlmostEqual(booked.balance, 2500.0)

    def test_a_line_from_another_account_is_no_transfer(self):
        st_line = self.make_st_line(-2500.0, "UMBUCHUNG", account_number="DE02120300000000202051")
        suggestions = st_line.action_ai_suggest()
        self.assertFalse(suggestions.filtered(lambda s: s.account_id == self.company.transfer_account_id
                                              and s.confidence >= AUTO_CONFIDENCE))
