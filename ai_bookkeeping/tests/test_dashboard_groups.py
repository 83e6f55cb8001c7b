"""dashboard_groups: the queue in groups whose counts and totals match dashboard_rows with the group's key added."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import AiBookkeepingCase


@tagged("post_install", "-at_install")
class TestDashboardGroups(AiBookkeepingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Suggestion = cls.env["ai.reconciliation.suggestion"]

    def setUp(self):
        super().setUp()
        # Only this test's rows: anything pending from module data would blur the counts.
        self.Suggestion.search([("state", "=", "pending")]).sudo().action_reject()
        plan = [  # amount, partner, match type, confidence, date
            (100.0, self.partner_a, "full", 0.99, "2026-01-05"),
            (250.5, self.partner_a, "partial", 0.90, "2026-01-20"),
            (-40.0, self.partner_a, "expense", 0.70, "2026-02-03"),
            (80.0, self.partner_b, "full", 0.96, "2026-02-10"),
            (12.0, None, "expense", 0.60, "2026-02-11"),
        ]
        self.rows = self.Suggestion
        for amount, partner, match_type, confidence, date in plan:
            st_line = self.make_st_line(amount, "line %s" % amount, partner=partner, date=date)
            self.rows |= self.make_suggestion(st_line, match_type=match_type, partner=partner,
                                              confidence=confidence, account=self.fee_account)

    def groups(self, group_by, filters=None):
        return self.Suggestion.with_user(self.reviewer).dashboard_groups(filters or {}, group_by)

    def assert_keys_filter_their_rows(self, result, filters=None):
        for group in result["groups"]:
            page = self.Suggestion.with_user(self.reviewer).dashboard_rows({**(filters or {}), **group["key"]}, 0, 500)
            self.assertEqual(page["total"], group["count"], group["label"])
            self.assertAlmostEqual(sum(r["line"]["amount"] for r in page["rows"]),
                                   sum(t["amount"] for t in group["totals"]), places=2, msg=group["label"])
            self.assertAlmostEqual(min(r["confidence"] for r in page["rows"]), group["minConfidence"], places=6)
            self.assertAlmostEqual(sum(r["confidence"] for r in page["rows"]) / len(page["rows"]),
                                   group["meanConfidence"], places=6)

    def test_partner_groups_count_total_and_come_largest_first(self):
        result = self.groups("partner")
        self.assertEqual([g["label"] for g in result["groups"]],
                         [self.partner_a.display_name, self.partner_b.display_name, "No partner"])
        self.assertEqual([g["count"] for g in result["groups"]], [3, 1, 1])
        first = result["groups"][0]
        self.assertEqual(first["key"], {"partnerIds": [self.partner_a.id]})
        currency = self.bank_journal.currency_id or self.env.company.currency_id
        self.assertEqual(first["totals"], [{"currency": currency.name, "currencyId": currency.id, "amount": 310.5}])
        self.assertAlmostEqual(first["minConfidence"], 0.70)
        self.assertAlmostEqual(first["meanConfidence"], (0.99 + 0.90 + 0.70) / 3)
        self.assertEqual(result["groups"][2]["key"], {"partnerIds": [0]})
        self.assertEqual(result["more"], 0)
        self.assert_keys_filter_their_rows(result)

    def test_every_grouping_adds_up_to_the_queue_and_its_keys_are_filters(self):
        for group_by in ("partner", "journal", "kind", "band", "month"):
            result = self.groups(group_by)
            self.assertEqual(sum(g["count"] for g in result["groups"]), 5, group_by)
            self.assert_keys_filter_their_rows(result)

    def test_natural_orders_for_kind_band_and_month(self):
        self.assertEqual([g["key"] for g in self.groups("kind")["groups"]],
                         [{"matchTypes": ["full"]}, {"matchTypes": ["partial"]}, {"matchTypes": ["expense"]}])
        bands = self.groups("band")["groups"]
        self.assertEqual([g["count"] for g in bands], [2, 1, 2])
        self.assertEqual(bands[0]["key"], {"minConfidence": 0.95})
        months = self.groups("month")["groups"]
        self.assertEqual([g["key"] for g in months], [{"dateFrom": "2026-01-01", "dateTo": "2026-01-31"},
                                                      {"dateFrom": "2026-02-01", "dateTo": "2026-02-28"}])
        self.assertEqual([g["count"] for g in months], [2, 3])

    def test_groups_follow_the_filters(self):
        filters = {"minConfidence": 0.8}
        result = self.groups("partner", filters)
        self.assertEqual([g["count"] for g in result["groups"]], [2, 1])
        self.assert_keys_filter_their_rows(result, filters)

    def test_other_companies_rows_are_not_counted(self):
        other = self.setup_other_company(name="Groups Other Co")
        journal = self.env["account.journal"].search(
            [("company_id", "=", other["company"].id), ("type", "=", "bank")], limit=1)
        st_line = self.env["account.bank.statement.line"].create({
            "journal_id": journal.id, "date": "2026-01-07", "amount": 999.0, "payment_ref": "foreign",
            "partner_id": self.partner_a.id})
        self.make_suggestion(st_line, match_type="full", partner=self.partner_a, confidence=0.99)
        result = self.groups("partner")
        self.assertEqual(result["groups"][0]["count"], 3)
        self.assertEqual(sum(g["count"] for g in result["groups"]), 5)

    def test_unknown_grouping_is_refused(self):
        with self.assertRaises(UserError):
            self.groups("amount")

    def test_labels_are_defined_once_on_the_server(self):
        """The dashboard shows the server's labels: match types as the field names them, bands as the groups do."""
        labels = self.Suggestion.with_user(self.reviewer).dashboard_labels()
        selection = self.Suggestion._fields["match_type"]._description_selection(self.env)
        self.assertEqual(labels["matchTypes"], [{"value": code, "label": label} for code, label in selection])
        self.assertEqual([(b["value"], b["minConfidence"], b["maxConfidence"]) for b in labels["bands"]],
                         [("high", 0.95, None), ("medium", 0.8, 0.95 - 1e-9), ("low", None, 0.8 - 1e-9)])
        self.assertEqual([b["name"] for b in labels["bands"]], ["High", "Medium", "Low"])
        self.assertEqual([g["label"] for g in self.groups("band")["groups"]], [b["label"] for b in labels["bands"]])
        rows = self.Suggestion.with_user(self.reviewer).dashboard_rows({}, 0, 500)["rows"]
        self.assertEqual({r["matchType"]: r["matchTypeLabel"] for r in rows},
                         {"full": "Full match", "partial": "Partial payment", "expense": "Expense / account coding"})


@tagged("post_install", "-at_install")
class TestDashboardOtherSuggestions(AiBookkeepingCase):
    """The dashboard's section for ai.suggestion (vendor bill, anomaly…): listed by confidence, decided one by one."""

    def make_other(self, name, kind="expense", confidence=0.9, company=None, target=None):
        return self.env["ai.suggestion"].sudo().create({
            "name": name, "kind": kind, "confidence": confidence, "explanation": "why " + name,
            "company_id": (company or self.env.company).id, "engine_name": "test", "engine_version": "0",
            "res_model": target._name if target else False, "res_id": target.id if target else False,
        }).sudo(False)

    def test_lists_pending_of_this_company_and_decides_them(self):
        self.env["ai.suggestion"].search([("state", "=", "pending")]).sudo().action_reject()
        low = self.make_other("Duplicate bill?", confidence=0.6)
        draft = self.init_invoice("in_invoice", partner=self.partner_a, invoice_date="2026-01-10", amounts=[100.0])
        high = self.make_other("Draft bill from Acme", kind="vendor_bill", confidence=0.95, target=draft)
        other = self.setup_other_company(name="Other Co for suggestions")
        self.make_other("Foreign", company=other["company"])
        Other = self.env["ai.suggestion"].with_user(self.reviewer)
        page = Other.dashboard_other_rows(0, 50)
        self.assertEqual(page["total"], 2)
        self.assertEqual([r["id"] for r in page["rows"]], [high.id, low.id])
        self.assertEqual(page["rows"][0]["kindLabel"], "Vendor bill")
        self.assertEqual(page["rows"][1]["explanation"], "why Duplicate bill?")

        outcomes = Other.dashboard_decide([high.id], "approve")
        self.assertEqual(outcomes, [{"id": high.id, "ok": True, "state": high.state, "error": None}])
        self.assertIn(high.state, ("approved", "applied"))
        outcomes = Other.dashboard_decide([low.id], "reject", "not a duplicate")
        self.assertTrue(outcomes[0]["ok"])
        self.assertEqual((low.state, low.reject_reason), ("rejected", "not a duplicate"))
        # Deciding again is refused on its row, not raised.
        outcomes = Other.dashboard_decide([low.id], "approve")
        self.assertFalse(outcomes[0]["ok"])
        self.assertTrue(outcomes[0]["error"])
        self.assertEqual(Other.dashboard_other_rows()["total"], 0)

    def test_a_refusal_is_in_the_audit_log(self):
        """Every bulk decision notes its refusals the same way: on the row and in the audit trail, by whoever acted
        (the attempt's own log rows went with its savepoint)."""
        suggestion = self.make_other("Anomaly")
        Other = self.env["ai.suggestion"].with_user(self.reviewer)
        self.assertTrue(Other.dashboard_decide([suggestion.id], "reject", "no")[0]["ok"])
        outcome = Other.dashboard_decide([suggestion.id], "approve")[0]
        self.assertFalse(outcome["ok"])
        self.assertEqual(suggestion.error_message, outcome["error"])
        refusal = self.env["ai.audit.log"].sudo().search([
            ("res_model", "=", "ai.suggestion"), ("res_id", "=", suggestion.id), ("event", "=", "failed")])
        self.assertEqual(len(refusal), 1, "the refusal is in the audit log")
        self.assertIn(outcome["error"], refusal.note)
        self.assertIn("Approval refused", refusal.note)
        self.assertEqual(refusal.user_id, self.reviewer)

    def test_readers_cannot_decide(self):
        suggestion = self.make_other("Anomaly")
        with self.assertRaises(AccessError):
            self.env["ai.suggestion"].with_user(self.reader).dashboard_decide([suggestion.id], "approve")
