"""Hostile or broken endpoint replies (issue 9, item 7): every field is checked against what Odoo sent, and a bad
value is refused with a sentence, never an uncaught TypeError or a value the database cannot store."""

import unittest

from aib_tools_loader import load

reconcile_payload = load().reconcile_payload

LINES, CANDIDATES, ACCOUNTS, PARTNERS, TAXES = [1, 2], [10, 11], [20], [5], [30]


def suggestion(**values):
    base = {"rank": 1, "matchType": "full", "candidateIds": [10], "partnerId": 5, "accountId": None,
            "confidence": 0.9, "explanation": "x"}
    base.update(values)
    return base


def reply(*results, engine=None):
    return {"engine": engine or {"name": "e", "version": "1"}, "results": list(results)}


def parse(data):
    return reconcile_payload.parse_reply(data, LINES, CANDIDATES, ACCOUNTS, PARTNERS, tax_ids=TAXES)


class TestReplyValidation(unittest.TestCase):
    def test_a_good_reply_is_kept_whole(self):
        by_line, engine, dropped = parse(reply({"lineId": 1, "suggestions": [
            suggestion(taxIds=[30], reasons=["same amount"], writeoffAmount=-1.5)]}))
        self.assertEqual(dropped, [])
        self.assertEqual(by_line[1][0]["tax_ids"], [30])
        self.assertEqual(by_line[1][0]["writeoff_amount"], -1.5)
        self.assertEqual(engine, {"name": "e", "version": "1", "model": False})

    def test_results_that_name_no_sent_line_are_dropped(self):
        for line_id in ([1], {"a": 1}, True, "1", 1.0, None, 99, 2 ** 70):
            by_line, _engine, dropped = parse(reply({"lineId": line_id, "suggestions": [suggestion()]}))
            self.assertEqual(by_line, {}, line_id)
            self.assertEqual(len(dropped), 1, line_id)

    def test_a_line_answered_twice_keeps_the_first_answer(self):
        by_line, _engine, dropped = parse(reply({"lineId": 1, "suggestions": [suggestion()]},
                                                {"lineId": 1, "suggestions": [suggestion(candidateIds=[11])]}))
        self.assertEqual(by_line[1][0]["candidate_ids"], [10])
        self.assertEqual(len(dropped), 1)

    def test_suggestions_that_are_not_a_list_are_dropped(self):
        for suggestions in ({"rank": 1}, "abc", 7):
            by_line, _engine, dropped = parse(reply({"lineId": 1, "suggestions": suggestions}))
            self.assertEqual(by_line[1], [], suggestions)
            self.assertEqual(len(dropped), 1, suggestions)

    def test_too_many_suggestions_for_a_line_are_cut(self):
        many = [suggestion(rank=i + 1) for i in range(15)]
        by_line, _engine, dropped = parse(reply({"lineId": 1, "suggestions": many}))
        self.assertEqual(len(by_line[1]), reconcile_payload.MAX_SUGGESTIONS_PER_LINE)
        self.assertEqual(len(dropped), 1)

    def test_every_impossible_field_is_refused(self):
        for bad in (
            {"candidateIds": [{"id": 10}]}, {"candidateIds": [[10]]}, {"candidateIds": [True]},
            {"candidateIds": [10.0]}, {"candidateIds": "10"}, {"candidateIds": {"10": 1}},
            {"partnerId": [5]}, {"partnerId": {"id": 5}}, {"partnerId": True},
            {"accountId": [20], "matchType": "writeoff"}, {"accountId": {"id": 20}, "matchType": "writeoff"},
            {"taxIds": [31]}, {"taxIds": [{"id": 30}]}, {"taxIds": 30}, {"taxIds": [30, 30]},
            {"rank": 10 ** 12}, {"rank": 0}, {"rank": -1}, {"rank": 1.5}, {"rank": "1"}, {"rank": True},
            {"confidence": float("nan")}, {"confidence": "0.9"}, {"confidence": None},
            {"writeoffAmount": 10 ** 300}, {"writeoffAmount": float("inf")}, {"writeoffAmount": "1"},
            {"writeoffAmount": True},
            {"explanation": {"text": "x"}}, {"explanation": None},
            {"reasons": "one reason"}, {"reasons": [{"r": 1}]},
        ):
            by_line, _engine, dropped = parse(reply({"lineId": 1, "suggestions": [suggestion(**bad)]}))
            self.assertEqual(by_line[1], [], bad)
            self.assertEqual(len(dropped), 1, bad)

    def test_text_is_made_storable(self):
        by_line, engine, dropped = parse(reply(
            {"lineId": 1, "suggestions": [suggestion(explanation="pays\x00 INV/1", reasons=["a\x00b"])]},
            engine={"name": "e\x00", "version": "1\x00", "model": "m\x00"}))
        self.assertEqual(dropped, [])
        stored = [by_line[1][0]["explanation"], *by_line[1][0]["reasons"], *engine.values()]
        self.assertFalse([text for text in stored if "\x00" in text])

    def test_a_reply_that_is_not_an_object_is_an_error(self):
        for data in (None, [], "x", {"results": {"lineId": 1}}, {"results": None}):
            with self.assertRaises(reconcile_payload.ReplyError, msg=data):
                parse(data)

    def test_engine_that_is_not_text_is_refused(self):
        by_line, engine, _dropped = parse(reply({"lineId": 1, "suggestions": [suggestion()]},
                                                engine={"name": ["x"], "version": {"v": 1}, "model": 3}))
        self.assertEqual(engine, {"name": "unknown", "version": "", "model": False})
        self.assertEqual(len(by_line[1]), 1)


if __name__ == "__main__":
    unittest.main()
