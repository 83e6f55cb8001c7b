from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import AiBookkeepingCase


@tagged("post_install", "-at_install")
class TestAnomalyDashboard(AiBookkeepingCase):
    """The review queue's Anomalies panel: ai.suggestion.dashboard_anomaly_rows, and anomalies kept out of the
    generic "other suggestions" list."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Demo data may hold pending suggestions of its own: the tests count only theirs.
        cls.env["ai.suggestion"].search([("state", "=", "pending")]).sudo().action_reject()
        cls.acme = cls.env["res.partner"].create({"name": "Acme Supplies"})
        cls.nord = cls.env["res.partner"].create({"name": "Stadtwerke Nord"})
        cls.bill = cls.init_invoice("in_invoice", partner=cls.acme, invoice_date="2026-01-10", amounts=[1200.0])

    def make_anomaly(self, name, detector, score, partner=None, amount=0.0, move=None, company=None):
        return self.env["ai.suggestion"].sudo().create({
            "name": name, "kind": "anomaly", "confidence": score, "explanation": "why " + name,
            "company_id": (company or self.env.company).id, "engine_name": "test", "engine_version": "0",
            "anomaly_detector": detector, "anomaly_dedup_key": "test:" + name,
            "anomaly_pattern_key": "pattern:" + name,
            "anomaly_partner_id": partner.id if partner else False, "anomaly_amount": amount,
            "anomaly_move_id": move.id if move else False,
        }).sudo(False)

    def test_rows_filters_and_labels(self):
        dup = self.make_anomaly("Duplicate bill from Acme", "duplicate_bill", 0.95, self.acme, 1200.0, self.bill)
        outlier = self.make_anomaly("Unusual amount", "amount_outlier_vendor", 0.7, self.nord, 480.0)
        low = self.make_anomaly("Posted at night", "off_hours_posting", 0.4)
        self.env["ai.suggestion"].sudo().create(
            {"name": "An expense", "kind": "expense", "confidence": 0.9, "engine_name": "test", "engine_version": "0"})
        other = self.setup_other_company(name="Other Co for anomalies")
        self.make_anomaly("Foreign", "duplicate_bill", 0.99, company=other["company"])
        Suggestion = self.env["ai.suggestion"].with_user(self.reviewer)

        page = Suggestion.dashboard_anomaly_rows()
        self.assertEqual(page["total"], 3)
        self.assertEqual([r["id"] for r in page["rows"]], [dup.id, outlier.id, low.id])
        first = page["rows"][0]
        self.assertEqual(first["detector"], "duplicate_bill")
        self.assertEqual(first["detectorLabel"], "Duplicate bill")
        self.assertEqual((first["score"], first["reason"]), (0.95, "why Duplicate bill from Acme"))
        self.assertEqual((first["vendor"], first["amount"]), ("Acme Supplies", 1200.0))
        self.assertEqual((first["moveId"], first["moveName"]), (self.bill.id, self.bill.display_name))
        self.assertEqual(first["currency"], self.env.company.currency_id.name)
        self.assertEqual((page["rows"][2]["vendor"], page["rows"][2]["amount"], page["rows"][2]["moveId"]),
                         (None, None, None))
        self.assertIn({"value": "benford", "label": "First digits unlike Benford's law"}, page["detectors"])
        self.assertEqual(len(page["detectors"]), 17)

        def ids(**filters):
            return [r["id"] for r in Suggestion.dashboard_anomaly_rows(filters)["rows"]]

        self.assertEqual(ids(detector="amount_outlier_vendor"), [outlier.id])
        self.assertEqual(ids(minScore=0.7), [dup.id, outlier.id])
        self.assertEqual(ids(vendor="acme"), [dup.id])
        self.assertEqual(ids(amountMin=400, amountMax=500), [outlier.id])
        self.assertEqual(ids(detector="", vendor=None, minScore=0.5, amountMax=1000), [outlier.id])
        self.assertEqual(Suggestion.dashboard_anomaly_rows({}, 1, 1)["rows"][0]["id"], outlier.id)

        # Anomalies have their own panel: the generic list shows the expense only.
        others = Suggestion.dashboard_other_rows()
        self.assertEqual([r["kind"] for r in others["rows"]], ["expense"])

        # Bulk decisions go through the dashboard's dashboard_decide; decided rows leave the panel.
        outcomes = Suggestion.dashboard_decide([dup.id, outlier.id], "reject", "known duplicate")
        self.assertTrue(all(o["ok"] for o in outcomes))
        self.assertEqual((dup.state, dup.reject_reason), ("rejected", "known duplicate"))
        self.assertTrue(self.env["ai.anomaly.dismissal"].sudo().search([("suggestion_id", "=", dup.id)]))
        self.assertTrue(Suggestion.dashboard_decide([low.id], "approve")[0]["ok"])
        self.assertIn(low.state, ("approved", "applied"))
        self.assertEqual(Suggestion.dashboard_anomaly_rows()["total"], 0)

    def test_refuses_bad_filters(self):
        Suggestion = self.env["ai.suggestion"].with_user(self.reviewer)
        for filters, named in [
            ("x", "filters"), ({"bogus": 1}, "bogus"), ({"detector": "nope"}, "filters.detector"),
            ({"minScore": 2}, "filters.minScore"), ({"amountMin": "10"}, "filters.amountMin"),
            ({"amountMax": True}, "filters.amountMax"),
        ]:
            with self.subTest(filters=filters), self.assertRaisesRegex(ValidationError, named):
                Suggestion.dashboard_anomaly_rows(filters)
        with self.assertRaisesRegex(ValidationError, "limit"):
            Suggestion.dashboard_anomaly_rows({}, 0, 10**6)

    def test_panel_actions_confirm_cancel_the_duplicate_and_dismiss(self):
        original = self.init_invoice("in_invoice", partner=self.acme, invoice_date="2026-01-05", amounts=[640.0],
                                     post=True)
        draft = self.init_invoice("in_invoice", partner=self.acme, invoice_date="2026-01-07", amounts=[640.0])
        posted = self.init_invoice("in_invoice", partner=self.acme, invoice_date="2026-01-08", amounts=[640.0],
                                   post=True)
        duplicate = self.make_anomaly("Duplicate draft", "duplicate_bill", 0.9, self.acme, 640.0, draft)
        posted_dup = self.make_anomaly("Duplicate posted", "duplicate_bill", 0.88, self.acme, 640.0, posted)
        outlier = self.make_anomaly("Unusual amount", "amount_outlier_vendor", 0.7, self.acme, 640.0, original)
        noise = self.make_anomaly("Posted at night", "off_hours_posting", 0.4)
        Suggestion = self.env["ai.suggestion"].with_user(self.reviewer)
        rows = {r["id"]: r for r in Suggestion.dashboard_anomaly_rows()["rows"]}
        self.assertEqual([i for i, r in rows.items() if r["canCancel"]], [duplicate.id],
                         "only a duplicate still in draft can be cancelled")

        outcomes = Suggestion.dashboard_anomaly_decide([duplicate.id, posted_dup.id], "cancel_duplicate")
        self.assertEqual([o["ok"] for o in outcomes], [True, False])
        self.assertIn("still a draft", outcomes[1]["error"])
        self.assertEqual((draft.state, duplicate.state, duplicate.anomaly_resolution),
                         ("cancel", "applied", "cancel_duplicate"))
        self.assertEqual((posted.state, posted_dup.state, posted_dup.anomaly_resolution), ("posted", "pending", False))

        outcomes = Suggestion.dashboard_anomaly_decide([outlier.id], "confirm")
        self.assertTrue(outcomes[0]["ok"])
        self.assertEqual((outlier.state, outlier.anomaly_resolution), ("applied", "confirm"))
        self.assertEqual(outlier.anomaly_activity_id.res_id, original.id, "Confirm opens the activity")

        outcomes = Suggestion.dashboard_anomaly_decide([noise.id], "dismiss", "night shift")
        self.assertTrue(outcomes[0]["ok"])
        self.assertEqual((noise.state, noise.reject_reason), ("rejected", "night shift"))
        self.assertEqual(self.env["ai.anomaly.dismissal"].sudo().search([("suggestion_id", "=", noise.id)]).reason,
                         "night shift")

        with self.assertRaisesRegex(ValidationError, "action"):
            Suggestion.dashboard_anomaly_decide([posted_dup.id], "approve")
        expense = self.env["ai.suggestion"].sudo().create(
            {"name": "An expense", "kind": "expense", "confidence": 0.9, "engine_name": "test", "engine_version": "0"})
        with self.assertRaisesRegex(UserError, "anomalies only"):
            Suggestion.dashboard_anomaly_decide([expense.id], "confirm")
