"""tools/collection_rules.py: buckets, the level an invoice is chased at, the tone, promises, the reply check."""

import unittest
from datetime import date

import aib_tools_loader

aib_tools_loader.load()

from aib_tools import collection_rules as cr  # noqa: E402

LEVELS = [
    {"id": 1, "sequence": 10, "days": 7, "min_amount": 0},
    {"id": 2, "sequence": 20, "days": 14, "min_amount": 0},
    {"id": 3, "sequence": 30, "days": 21, "min_amount": 0},
    {"id": 4, "sequence": 40, "days": 35, "min_amount": 0},
]


class TestBuckets(unittest.TestCase):
    def test_default_and_custom_bounds(self):
        self.assertEqual([cr.bucket_of(d) for d in (-5, 0, 1, 30, 31, 60, 61, 90, 91)],
                         ["not_due", "not_due", "b1", "b1", "b2", "b2", "b3", "b3", "b4"])
        self.assertEqual(cr.bucket_of(15, (10, 20, 30)), "b2")
        self.assertEqual(cr.bucket_labels((10, 20, 30))["b3"], "21–30")
        self.assertEqual(cr.parse_bounds("15, 45,90"), (15, 45, 90))
        for bad in ("30,20,90", "30,60", "a,b,c", "0,10,20"):
            with self.assertRaises(ValueError):
                cr.parse_bounds(bad)


class TestNextLevel(unittest.TestCase):
    def test_levels_are_climbed_one_at_a_time(self):
        self.assertIsNone(cr.next_level(LEVELS, 6))
        self.assertEqual(cr.next_level(LEVELS, 7)["id"], 1)
        self.assertEqual(cr.next_level(LEVELS, 50)["id"], 1, "never reminded: the first level first")
        self.assertIsNone(cr.next_level(LEVELS, 15, reached_id=1, days_since_last=3))
        self.assertEqual(cr.next_level(LEVELS, 15, reached_id=1, days_since_last=7)["id"], 2)
        self.assertIsNone(cr.next_level(LEVELS, 100, reached_id=4, days_since_last=60), "nothing after the last")

    def test_negative_days_remind_before_the_due_date(self):
        levels = [{"id": 9, "sequence": 5, "days": -3, "min_amount": 0}, *LEVELS]
        self.assertEqual(cr.next_level(levels, -3)["id"], 9)
        self.assertIsNone(cr.next_level(levels, -4))


class TestToneAndPromises(unittest.TestCase):
    def test_tone(self):
        self.assertEqual(cr.tone_of("reliable", 0, 4), "friendly")
        self.assertEqual(cr.tone_of("at_risk", 0, 4), "firm")
        self.assertEqual(cr.tone_of("reliable", 1, 4), "firm")
        self.assertEqual(cr.tone_of("reliable", 3, 4), "final")
        self.assertEqual(cr.tone_of("reliable", 0, 4, promise_broken=True), "final")

    def test_promise_status(self):
        self.assertEqual(cr.promise_status(300, 1000, 700, date(2026, 3, 10), date(2026, 3, 5)), "kept")
        self.assertEqual(cr.promise_status(300, 1000, 800, date(2026, 3, 10), date(2026, 3, 5)), "open")
        self.assertEqual(cr.promise_status(300, 1000, 800, date(2026, 3, 10), date(2026, 3, 11)), "broken")


class TestCheckReply(unittest.TestCase):
    def reply(self, **overrides):
        customer = {"partnerId": 7, "segment": "reliable", "reason": "ok", "behaviour": {},
                    "predictions": [{"invoiceId": 3, "predictedDate": "2026-03-01", "low": "2026-03-01",
                                     "high": "2026-03-02"}]}
        customer.update(overrides)
        return {"customers": [customer]}

    def test_accepts_what_was_sent_and_refuses_the_rest(self):
        self.assertEqual(list(cr.check_reply(self.reply(), [7], [3])), [7])
        with self.assertRaises(cr.CollectionReplyError):
            cr.check_reply(self.reply(partnerId=8), [7], [3])
        with self.assertRaises(cr.CollectionReplyError):
            cr.check_reply(self.reply(segment="vip"), [7], [3])
        with self.assertRaises(cr.CollectionReplyError):
            cr.check_reply(self.reply(), [7], [4])
        with self.assertRaises(cr.CollectionReplyError):
            cr.check_reply({"customers": None}, [7], [3])


if __name__ == "__main__":
    unittest.main()
