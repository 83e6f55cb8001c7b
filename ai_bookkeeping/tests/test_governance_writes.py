"""Governance cannot be bypassed through the ORM methods RPC reaches (write, create, unlink, a forged context).

Each attack is done the way a client would: as a reviewer (or a manager), on the public method, with whatever
context it likes. The suggestion's state and decision data change only through the action methods."""

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .test_governance import GovernanceCase

# What a JSON-RPC client can put in its context: every key the add-on ever read or might read.
FORGED_CONTEXT = {"ai_auto_apply": True, "ai_governed": True, "ai_governed_write": True}


@tagged("post_install", "-at_install")
class TestGovernedWrites(GovernanceCase):
    def snapshot(self, suggestion):
        suggestion.invalidate_recordset()
        return (suggestion.state, suggestion.first_approver_id, suggestion.decided_by_id, suggestion.auto_applied,
                suggestion.applied_at, len(self.log(suggestion)))

    def test_reviewer_cannot_name_a_first_approver_and_then_approve_alone(self):
        self.company.ai_second_approval_amount = 1000.0
        invoice, _l, suggestion = self.paid_suggestion(1500.0)
        before = self.snapshot(suggestion)
        for values in ({"first_approver_id": self.reviewer_2.id},
                       {"first_approver_id": self.reviewer_2.id, "first_approved_at": fields.Datetime.now()}):
            with self.subTest(values), self.assertRaises(AccessError):
                suggestion.with_user(self.reviewer).with_context(**FORGED_CONTEXT).write(values)
        self.assertEqual(self.snapshot(suggestion), before)
        # The approval that follows is a first approval only: the books do not move.
        suggestion.with_user(self.reviewer).action_approve()
        self.assertEqual((suggestion.state, suggestion.first_approver_id), ("pending", self.reviewer))
        self.assertEqual(invoice.payment_state, "not_paid")

    def test_reviewer_cannot_write_a_state(self):
        invoice, _l, pending = self.paid_suggestion(100.0)
        _i2, _l2, applied = self.paid_suggestion(200.0)
        applied.with_user(self.reviewer).action_approve()
        self.assertEqual(applied.state, "applied")
        attempts = [(pending, "applied"), (pending, "rejected"), (pending, "approved"),
                    (applied, "rejected"), (applied, "reverted"), (applied, "pending")]
        for suggestion, state in attempts:
            before = self.snapshot(suggestion)
            with self.subTest(state=state, was=suggestion.state), self.assertRaises(AccessError):
                suggestion.with_user(self.reviewer).with_context(**FORGED_CONTEXT).write({"state": state})
            self.assertEqual(self.snapshot(suggestion), before)
        self.assertEqual(invoice.payment_state, "not_paid")
        # The applied one is still there to be reverted.
        applied.with_user(self.reviewer).action_revert()
        self.assertEqual(applied.state, "reverted")

    def test_decision_data_and_the_proposal_are_not_writable_by_anyone(self):
        """Managers and superuser-mode code included: only the action methods change the decision data."""
        _i, _l, suggestion = self.paid_suggestion()
        other = self.make_invoice(999.0)
        governance = {"decided_by_id": self.reviewer_2.id, "decided_at": fields.Datetime.now(), "auto_applied": True,
                      "applied_at": fields.Datetime.now(), "reject_reason": "x", "error_message": "x",
                      "first_approved_at": fields.Datetime.now(), "applied_values": {"partner_id": 1},
                      "corrected_partner_id": self.partner_b.id}
        proposal = {"move_line_ids": [Command.set(self.receivable(other).ids)], "confidence": 1.0,
                    "match_type": "writeoff", "company_id": self.company.id, "input_hash": "0" * 64}
        before = self.snapshot(suggestion)
        items = suggestion.move_line_ids
        for who, env_suggestion in (("reviewer", suggestion.with_user(self.reviewer)),
                                    ("manager", suggestion.with_user(self.manager))):
            for field, value in {**governance, **proposal}.items():
                with self.subTest(who=who, field=field), self.assertRaises(AccessError):
                    env_suggestion.with_context(**FORGED_CONTEXT).write({field: value})
        for field, value in governance.items():
            with self.subTest(who="sudo", field=field), self.assertRaises(AccessError):
                suggestion.sudo().write({field: value})
        self.assertEqual(self.snapshot(suggestion), before)
        self.assertEqual(suggestion.move_line_ids, items)

    def test_statement_line_commands_cannot_reach_the_suggestion(self):
        """One2many commands on the bank line end in the suggestion's own write / unlink: refused the same way."""
        _i, st_line, suggestion = self.paid_suggestion()
        st_line = st_line.with_user(self.reviewer)
        with self.assertRaises(AccessError):
            st_line.write({"ai_suggestion_ids": [Command.update(suggestion.id, {"state": "applied"})]})
        with self.assertRaises(UserError):
            st_line.write({"ai_suggestion_ids": [Command.delete(suggestion.id)]})
        self.assertEqual(suggestion.exists().state, "pending")

    def test_forged_auto_apply_context_is_not_trusted(self):
        """The approval is a person's, audited as such, whatever the context says."""
        invoice, _l, suggestion = self.paid_suggestion(100.0)
        suggestion.with_user(self.reviewer).with_context(ai_auto_apply=True).action_approve()
        self.assertEqual(suggestion.state, "applied")
        self.assertEqual(invoice.payment_state, "paid")
        self.assertFalse(suggestion.auto_applied)
        self.assertEqual(suggestion.decided_by_id, self.reviewer)
        self.assertFalse(self.log(suggestion, "auto_applied"))
        applied = self.log(suggestion, "applied")
        self.assertEqual((len(applied), applied.automatic, applied.user_id), (1, False, self.reviewer))
        self.assertFalse(any(self.log(suggestion).mapped("automatic")))
        note = suggestion.statement_line_id.move_id.message_ids.filtered(lambda m: "applied" in (m.body or ""))
        self.assertTrue(note)
        self.assertNotIn("automatically", note[0].body)

    def test_forged_auto_apply_context_cannot_take_a_first_approval_either(self):
        self.company.ai_second_approval_amount = 1000.0
        _i, _l, suggestion = self.paid_suggestion(1500.0)
        suggestion.with_user(self.reviewer).with_context(ai_auto_apply=True).action_approve()
        self.assertEqual((suggestion.state, suggestion.first_approver_id), ("pending", self.reviewer))
        self.assertFalse(self.log(suggestion, "first_approval").automatic)

    def test_server_side_auto_apply_is_still_automatic(self):
        self.set_phase("2", ai_auto_min_confidence=0.95, ai_auto_max_amount=500.0)
        _i, _l, suggestion = self.paid_suggestion(100.0, confidence=0.99)
        self.assertEqual(suggestion._ai_auto_apply(), suggestion)
        self.assertTrue(suggestion.auto_applied)
        self.assertTrue(self.log(suggestion, "auto_applied").automatic)
        # The scope ends with the call: the next person's approval is a person's.
        _i2, _l2, manual = self.paid_suggestion(120.0, confidence=0.5)
        manual.with_user(self.reviewer).action_approve()
        self.assertFalse(manual.auto_applied)
        self.assertFalse(self.log(manual, "applied").automatic)


@tagged("post_install", "-at_install")
class TestGovernedCreateAndUnlink(GovernanceCase):
    def vals(self, **extra):
        st_line = self.make_st_line(50.0, "made up")
        return dict({"statement_line_id": st_line.id, "company_id": self.company.id, "match_type": "expense",
                     "account_id": self.fee_account.id, "confidence": 0.99}, **extra)

    def test_reviewer_cannot_create_suggestions(self):
        Suggestion = self.env["ai.reconciliation.suggestion"].with_user(self.reviewer)
        count = Suggestion.sudo().search_count([])
        for extra in ({}, {"state": "applied"}, {"state": "approved", "decided_by_id": self.reviewer.id}):
            with self.subTest(extra), self.assertRaises(AccessError):
                Suggestion.create(self.vals(**extra))
        with self.assertRaises(AccessError):
            self.env["ai.suggestion"].with_user(self.reviewer).create(
                {"name": "mine", "kind": "anomaly", "state": "applied"})
        self.assertEqual(Suggestion.sudo().search_count([]), count)

    def test_nobody_creates_a_suggestion_already_decided(self):
        for model, base in (("ai.reconciliation.suggestion", self.vals),
                            ("ai.suggestion", lambda **e: dict({"name": "x", "kind": "anomaly"}, **e))):
            Model = self.env[model]
            count = Model.sudo().search_count([])
            for extra in ({"state": "applied"}, {"state": "rejected"}, {"first_approver_id": self.reviewer_2.id},
                          {"decided_by_id": self.reviewer.id}, {"auto_applied": True},
                          {"applied_at": fields.Datetime.now()}):
                for who, env_model in (("manager", Model.with_user(self.manager)), ("sudo", Model.sudo())):
                    with self.subTest(model=model, who=who, extra=extra), self.assertRaises(AccessError):
                        env_model.with_context(**FORGED_CONTEXT).create(base(**extra))
            self.assertEqual(Model.sudo().search_count([]), count)
        # A pending one, as the engine writes it, is fine.
        created = self.env["ai.reconciliation.suggestion"].sudo().create(self.vals(state="pending"))
        self.assertEqual(created.state, "pending")

    def test_reviewer_cannot_unlink(self):
        _i, _l, suggestion = self.paid_suggestion()
        with self.assertRaises(AccessError):
            suggestion.with_user(self.reviewer).unlink()
        self.assertTrue(suggestion.exists())
        other = self.env["ai.suggestion"].sudo().create({"name": "x", "kind": "anomaly"}).sudo(False)
        with self.assertRaises(AccessError):
            other.with_user(self.reviewer).unlink()
        self.assertTrue(other.exists())

    def test_a_decided_suggestion_is_never_deleted(self):
        _i, _l, applied = self.paid_suggestion(100.0)
        applied.with_user(self.reviewer).action_approve()
        _i, _l, rejected = self.paid_suggestion(110.0)
        rejected.with_user(self.reviewer).action_reject("no")
        _i, _l, reopened = self.paid_suggestion(120.0)
        reopened.with_user(self.reviewer).action_reject("no")
        reopened.with_user(self.reviewer).action_reset_to_pending()
        self.company.ai_second_approval_amount = 1000.0
        _i, _l, half = self.paid_suggestion(1500.0)
        half.with_user(self.reviewer).action_approve()
        for suggestion in (applied, rejected, reopened, half):
            with self.subTest(suggestion.state, manager=True), self.assertRaises(UserError):
                suggestion.with_user(self.manager).unlink()
            self.assertTrue(suggestion.exists())
        for suggestion in (applied, rejected):
            with self.subTest(suggestion.state, sudo=True), self.assertRaises(UserError):
                suggestion.sudo().unlink()
            self.assertTrue(suggestion.exists())

    def test_manager_may_delete_a_pending_suggestion_nobody_decided(self):
        _i, _l, suggestion = self.paid_suggestion()
        suggestion.with_user(self.manager).unlink()
        self.assertFalse(suggestion.exists())


@tagged("post_install", "-at_install")
class TestMoveLinks(GovernanceCase):
    def test_nobody_rewrites_the_ai_generated_flag_or_link(self):
        _i, st_line, suggestion = self.paid_suggestion()
        suggestion.with_user(self.reviewer).action_approve()
        move = st_line.move_id
        self.assertTrue(move.ai_generated)
        for values in ({"ai_generated": False}, {"ai_suggestion_ref": False}):
            for who, env_move in (("reviewer", move.with_user(self.reviewer)), ("sudo", move.sudo())):
                with self.subTest(who=who, values=values), self.assertRaises(UserError):
                    env_move.write(values)
        move.invalidate_recordset()
        self.assertTrue(move.ai_generated)
        self.assertEqual(move.ai_suggestion_ref, suggestion)
