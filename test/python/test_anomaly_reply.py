"""Direct tests of ai_bookkeeping/tools/anomaly_reply.py: Odoo's checks of the endpoint's anomaly findings.

Run: python3 -m unittest discover -s test/python -v
"""

import unittest

import aib_tools_loader

aib_tools_loader.load()

from aib_tools import anomaly_reply as ar  # noqa: E402

SENT = {("account.move", 10), ("account.move", 11), ("account.journal", 2)}


def finding(**extra):
    base = {"detector": "duplicate_bill", "score": 0.9, "reason": "same amount", "dedupKey": "duplicate_bill:10:11",
            "patternKey": "duplicate_bill:10:11", "target": {"model": "account.move", "id": 11},
            "evidence": [{"model": "account.move", "id": 11}, {"model": "account.move", "id": 10}],
            "partnerId": 7, "amount": 120.5}
    base.update(extra)
    return base


class TestCheckedFindings(unittest.TestCase):
    def test_a_valid_finding_comes_back_checked(self):
        [checked] = ar.checked_findings({"findings": [finding()], "errors": []}, SENT)
        self.assertEqual(checked["target"], ("account.move", 11))
        self.assertEqual(checked["evidence"], [("account.move", 11), ("account.move", 10)])
        self.assertEqual((checked["dedup_key"], checked["score"], checked["partner_id"]),
                         ("duplicate_bill:10:11", 0.9, 7))

    def test_refuses_what_odoo_did_not_send_and_what_breaks_the_contract(self):
        cases = [
            (finding(target={"model": "account.move", "id": 99}), "did not send"),
            (finding(evidence=[{"model": "res.users", "id": 1}]), "known model"),
            (finding(detector="nope"), "unknown detector"),
            (finding(score=1.5), "between 0 and 1"),
            (finding(score=True), "between 0 and 1"),
            (finding(reason=" "), "reason"),
            (finding(dedupKey="k" * 300), "dedupKey"),
        ]
        for bad, message in cases:
            with self.subTest(message=message), self.assertRaisesRegex(ar.AnomalyReplyError, message):
                ar.checked_findings({"findings": [bad]}, SENT)
        with self.assertRaisesRegex(ar.AnomalyReplyError, "no findings"):
            ar.checked_findings({"errors": []}, SENT)

    def test_detector_errors_and_helpers(self):
        self.assertEqual(ar.detector_errors({"errors": [{"detector": "benford", "message": "boom"}]}),
                         [("benford", "boom")])
        self.assertEqual(ar.item_kind("in_invoice"), "bill")
        self.assertEqual(ar.item_kind("entry"), "entry")
        self.assertIn("benford", ar.DETECTORS)


if __name__ == "__main__":
    unittest.main()
