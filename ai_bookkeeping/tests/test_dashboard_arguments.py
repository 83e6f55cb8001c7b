"""The dashboard's public methods called the way JSON-RPC calls them, with what a broken or hostile client sends:
a clear error naming the argument, nothing read or written with it, and nothing written on another company's rows."""

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import AiBookkeepingCase


@tagged("post_install", "-at_install")
class TestDashboardArguments(AiBookkeepingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        invoice = cls.make_invoice(100.0)
        st_line = cls.make_st_line(100.0, "payment %s" % invoice.name)
        cls.suggestion = cls.env["ai.reconciliation.suggestion"].sudo().create({
            "statement_line_id": st_line.id, "company_id": st_line.company_id.id, "match_type": "full",
            "move_line_ids": [Command.set(cls.receivable(invoice).ids)], "confidence": 0.97,
        }).sudo(False)
        cls.Suggestion = cls.env["ai.reconciliation.suggestion"].with_user(cls.reviewer)
        cls.Other = cls.env["ai.suggestion"].with_user(cls.reviewer)

    def assert_refused(self, call, argument):
        """Refused with a ValidationError that names ``argument``, and the transaction still usable."""
        with self.assertRaises(ValidationError) as caught:
            call()
        self.assertIn(argument, str(caught.exception.args[0]))
        self.assertNotIn("SELECT", str(caught.exception.args[0]))
        self.env.cr.execute("SELECT 1")  # a failed SQL statement would have aborted the transaction

    def test_dashboard_rows_garbage(self):
        rows = self.Suggestion.dashboard_rows
        cases = {
            "filters.partnerIds": lambda: rows({"partnerIds": {"a": 1}}),
            "filters.partnerIds[0]": lambda: rows({"partnerIds": ["x"]}),
            "filters.journalIds": lambda: rows({"journalIds": "12"}),
            "filters.journalIds[0]": lambda: rows({"journalIds": [10**12]}),
            "filters.dateFrom": lambda: rows({"dateFrom": "not-a-date"}),
            "filters.dateTo": lambda: rows({"dateTo": "2026-13-01"}),
            "filters.minAmount": lambda: rows({"minAmount": "lots"}),
            "filters.minConfidence": lambda: rows({"minConfidence": {"x": 1}}),
            "filters.matchTypes": lambda: rows({"matchTypes": "full"}),
            "filters.states[0]": lambda: rows({"states": ["hacked"]}),
            "filters.search": lambda: rows({"search": {"ilike": "x"}}),
            "unknown filters": lambda: rows({"partner_id": 3}),
            "filters": lambda: rows("state = 'pending'"),
            "offset": lambda: rows({}, "ten"),
            "limit": lambda: rows({}, 0, -5),
            "limit ": lambda: rows({}, 0, 10**12),
            "order": lambda: rows({}, 0, 80, "id; DROP TABLE res_users"),
        }
        for argument, call in cases.items():
            with self.subTest(argument):
                self.assert_refused(call, argument.strip())

    def test_dashboard_rows_still_answers_what_the_browser_sends(self):
        page = self.Suggestion.dashboard_rows(
            {"partnerIds": [self.partner_a.id, 0], "dateFrom": "2026-01-01", "dateTo": "2026-12-31",
             "minConfidence": 0.8, "maxConfidence": 1, "minAmount": 0, "matchTypes": ["full"],
             "journalIds": [self.bank_journal.id], "search": "payment", "states": ["pending"]},
            0, 80, "confidence desc")
        self.assertEqual([row["id"] for row in page["rows"]], self.suggestion.ids)
        self.assertEqual(self.Suggestion.dashboard_rows()["total"], 1)

    def test_dashboard_groups_garbage(self):
        groups = self.Suggestion.dashboard_groups
        self.assert_refused(lambda: groups({"dateFrom": "not-a-date"}, "partner"), "filters.dateFrom")
        self.assert_refused(lambda: groups([], "partner"), "filters")
        self.assert_refused(lambda: groups({}, "partner_id"), "group_by")
        self.assert_refused(lambda: groups({}, ["partner"]), "group_by")

    def test_bulk_garbage(self):
        for method in ("bulk_approve", "bulk_reject", "bulk_revert", "bulk_rerun"):
            call = getattr(self.Suggestion, method)
            with self.subTest(method):
                self.assert_refused(lambda call=call: call("1,2"), "ids")
                self.assert_refused(lambda call=call: call([self.suggestion.id, "x"]), "ids[1]")
                self.assert_refused(lambda call=call: call([2**40]), "ids[0]")
                self.assert_refused(lambda call=call: call({"id": 1}), "ids")
        self.assert_refused(lambda: self.Suggestion.bulk_reject([self.suggestion.id], ["no"]), "reason")
        self.assert_refused(lambda: self.suggestion.with_user(self.reviewer).action_reject({"why": 1}), "reason")
        self.assertEqual(self.suggestion.state, "pending")

    def test_choose_candidate_garbage(self):
        record = self.suggestion.with_user(self.reviewer)
        self.assert_refused(lambda: record.action_choose_candidate("item", "abc"), "choice_id")
        self.assert_refused(lambda: record.action_choose_candidate("item", [1]), "choice_id")
        self.assert_refused(lambda: record.action_choose_candidate("bogus", 1), "kind")
        self.assertFalse(self.suggestion.corrected_partner_id)

    def test_other_suggestions_garbage(self):
        self.assert_refused(lambda: self.Other.dashboard_other_rows("a"), "offset")
        self.assert_refused(lambda: self.Other.dashboard_other_rows(0, -1), "limit")
        self.assert_refused(lambda: self.Other.dashboard_other_rows(0, 10**9), "limit")
        self.assert_refused(lambda: self.Other.dashboard_decide("x", "approve"), "ids")
        self.assert_refused(lambda: self.Other.dashboard_decide([1, {"id": 2}], "approve"), "ids[1]")
        self.assert_refused(lambda: self.Other.dashboard_decide([1], "maybe"), "decision")
        self.assert_refused(lambda: self.Other.dashboard_decide([1], "reject", {"why": 1}), "reason")
        self.assertEqual(self.Other.dashboard_other_rows(), {"rows": [], "total": 0})


@tagged("post_install", "-at_install")
class TestDashboardOtherCompany(AiBookkeepingCase):
    """A reviewer of company A sends the ids of company B's suggestions: refused, and nothing lands on B's rows."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.setup_other_company(name="Company B of the dashboard")["company"]
        cls.reviewer_b = new_test_user(
            cls.env, login="ai_reviewer_b", groups="ai_bookkeeping.ai_bookkeeping_group_reviewer,base.group_user",
            company_id=cls.company_b.id, company_ids=[Command.set(cls.company_b.ids)],
        )
        cls.other_b = cls.env["ai.suggestion"].sudo().create(
            {"name": "B's expense", "kind": "expense", "company_id": cls.company_b.id}).sudo(False)
        invoice = cls.make_invoice(100.0)
        cls.reco_b = cls.env["ai.reconciliation.suggestion"].sudo().create({
            "statement_line_id": cls.make_st_line(100.0, "x").id, "company_id": cls.env.company.id,
            "match_type": "full", "move_line_ids": [Command.set(cls.receivable(invoice).ids)], "confidence": 0.9,
        })
        cls.reco_b.company_id = cls.company_b  # superuser, as the engine would store a suggestion of company B
        cls.reco_b = cls.reco_b.sudo(False)

    def rpc(self, model, user):
        """The model as a JSON-RPC call reaches it: the user, and a client's plain context (not the test's)."""
        return self.env[model].with_env(self.env(user=user, context={"lang": "en_US"}))

    def trail(self, record):
        return self.env["ai.audit.log"].sudo().search([("res_model", "=", record._name), ("res_id", "=", record.id)])

    def assert_untouched(self, record):
        record.invalidate_recordset()
        record = record.sudo()
        self.assertEqual((record.state, record.error_message, record.reject_reason), ("pending", False, False))
        self.assertEqual(self.trail(record).mapped("event"), ["created"])

    def test_decide_on_another_company_is_refused_and_writes_nothing(self):
        for decision in ("approve", "reject"):
            with self.subTest(decision), self.assertRaises(AccessError):
                self.rpc("ai.suggestion", self.reviewer).dashboard_decide(
                    [self.other_b.id], decision, "leaked refusal text")
            self.assert_untouched(self.other_b)
        # B's own reviewer sees a clean row.
        row = self.rpc("ai.suggestion", self.reviewer_b).dashboard_other_rows()["rows"][0]
        self.assertEqual((row["id"], row["error"]), (self.other_b.id, None))

    def test_bulk_on_another_company_is_refused_and_writes_nothing(self):
        Suggestion = self.rpc("ai.reconciliation.suggestion", self.reviewer)
        for method, args in (("bulk_approve", ()), ("bulk_reject", ("leaked",)), ("bulk_revert", ()),
                             ("bulk_rerun", ())):
            with self.subTest(method), self.assertRaises(AccessError):
                getattr(Suggestion, method)([self.reco_b.id], *args)
            self.assert_untouched(self.reco_b)

    def test_mixed_ids_refuse_the_whole_call(self):
        mine = self.env["ai.suggestion"].sudo().create({"name": "mine", "kind": "anomaly"}).sudo(False)
        with self.assertRaises(AccessError):
            self.rpc("ai.suggestion", self.reviewer).dashboard_decide([mine.id, self.other_b.id], "reject")
        self.assertEqual(mine.state, "pending")
        self.assert_untouched(self.other_b)
