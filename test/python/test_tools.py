"""Direct tests of the add-on's pure helpers (ai_bookkeeping/tools): no Odoo, no database.

Run: python3 -m unittest discover -s test/python -v
"""

import json
import os
import threading
import unittest
from http.server import BaseHTTPRequestHandler, HTTPServer

import aib_tools_loader

aib_tools_loader.load()

from aib_tools import endpoint_client, reconcile_payload, signing  # noqa: E402
from aib_tools import state_machine as sm  # noqa: E402


class TestStateMachine(unittest.TestCase):
    def test_allowed_path(self):
        self.assertTrue(sm.can_transition(sm.PENDING, sm.APPROVED))
        self.assertTrue(sm.can_transition(sm.APPROVED, sm.APPLIED))
        self.assertTrue(sm.can_transition(sm.APPLIED, sm.REVERTED))
        self.assertIsNone(sm.transition_error(sm.PENDING, sm.REJECTED))

    def test_forbidden_moves_explain_themselves(self):
        self.assertFalse(sm.can_transition(sm.APPLIED, sm.APPROVED))
        self.assertIn("already been applied", sm.transition_error(sm.APPLIED, sm.APPROVED))
        self.assertIn("nothing to revert", sm.transition_error(sm.PENDING, sm.REVERTED))
        self.assertIn("reopen it first", sm.transition_error(sm.REJECTED, sm.APPROVED))
        self.assertIn("already been reverted", sm.transition_error(sm.REVERTED, sm.REVERTED))

    def test_every_refusal_is_in_the_translation_template(self):
        # The sentences are marked with _lt so that `npm run i18n` exports them; a new one must be exported too.
        pot = os.path.join(os.path.dirname(__file__), "..", "..", "ai_bookkeeping", "i18n", "ai_bookkeeping.pot")
        msgids, current = set(), None
        with open(pot, encoding="utf-8") as handle:
            for line in handle:
                line = line.strip()
                if line.startswith("msgid "):
                    current = json.loads(line[len("msgid "):])
                elif line.startswith('"') and current is not None:
                    current += json.loads(line)
                else:
                    if current:
                        msgids.add(current)
                    current = None
        sentences = list(sm._REASONS.values()) + list(sm._REFUSED.values())
        self.assertGreater(len(sentences), 15)
        missing = [s for s in sentences if s not in msgids]
        self.assertEqual(missing, [], "run npm run i18n")

    def test_refusals_are_translated_through_the_given_function(self):
        said = sm.transition_error(sm.APPLIED, sm.FAILED, translate=lambda source, **p: "«%s»" % (source % p),
                                   state_label="appliquée")
        self.assertEqual(said, "«This suggestion cannot be marked as failed: it is appliquée.»")

    def test_every_state_has_a_row(self):
        self.assertEqual({s for s, _label in sm.STATES}, set(sm.TRANSITIONS))
        for targets in sm.TRANSITIONS.values():
            self.assertLessEqual(targets, set(sm.TRANSITIONS))


class TestSigning(unittest.TestCase):
    def test_matches_the_endpoint_test_vector(self):
        # Same vector as web_src/endpoint/signing.ts: both sides must agree byte for byte.
        self.assertEqual(
            signing.sign("test-secret-0123456789abcdef0123456789", '{"label":"Café ☕ مرحبا"}', 1767225600,
                         "00112233445566778899aabbccddeeff"),
            "v1=483f7d4cbbf2d3a549bc56459b3d1ed62e9fdfcae191832ca2eeedcce434952a",
        )

    def test_headers_change_with_the_body(self):
        a = signing.signed_headers("k" * 32, b"{}", timestamp=1, nonce="aa" * 8)
        b = signing.signed_headers("k" * 32, b"{ }", timestamp=1, nonce="aa" * 8)
        self.assertNotEqual(a[signing.HEADER_SIGNATURE], b[signing.HEADER_SIGNATURE])


class TestPayload(unittest.TestCase):
    def test_clean_text_removes_controls_and_cuts(self):
        text, cut = reconcile_payload.clean_text("A\x00B\x07C\u202eD  \n E" + "x" * 5000)
        self.assertTrue(cut)
        self.assertEqual(len(text), reconcile_payload.MAX_LABEL_LENGTH)
        self.assertTrue(text.startswith("A B C D E"))

    def test_line_without_date_is_refused_with_a_sentence(self):
        with self.assertRaisesRegex(ValueError, "not a YYYY-MM-DD date"):
            reconcile_payload.line_payload({"id": 1, "date": None, "amount": 1, "currency": "EUR"})

    def test_non_finite_amount_is_refused(self):
        with self.assertRaisesRegex(ValueError, "finite"):
            reconcile_payload.line_payload({"id": 1, "date": "2026-01-01", "amount": float("nan"), "currency": "EUR"})

    def reply(self, **suggestion):
        base = {"rank": 1, "matchType": "full", "candidateIds": [10], "partnerId": 5, "accountId": None,
                "confidence": 0.9, "explanation": "x"}
        base.update(suggestion)
        return {"engine": {"name": "e", "version": "1"}, "results": [{"lineId": 1, "suggestions": [base]}]}

    def parse(self, data):
        return reconcile_payload.parse_reply(data, [1], [10, 11], [20], [5])

    def test_reply_within_what_was_sent_is_kept(self):
        by_line, engine, dropped = self.parse(self.reply())
        self.assertEqual(by_line[1][0]["candidate_ids"], [10])
        self.assertEqual(engine["name"], "e")
        self.assertEqual(dropped, [])

    def test_invented_ids_and_values_are_dropped(self):
        for bad in ({"candidateIds": [99]}, {"accountId": 99, "matchType": "writeoff"}, {"partnerId": 99},
                    {"confidence": 1.5}, {"confidence": True}, {"matchType": "guess"}, {"candidateIds": [10, 10]},
                    {"matchType": "expense"}, {"candidateIds": []}):
            by_line, _engine, dropped = self.parse(self.reply(**bad))
            self.assertEqual(by_line[1], [], bad)
            self.assertEqual(len(dropped), 1, bad)

    def test_reply_without_results_is_an_error(self):
        with self.assertRaises(reconcile_payload.ReplyError):
            self.parse({"results": "nope"})


class _Handler(BaseHTTPRequestHandler):
    status, body = 200, b"{}"

    def do_GET(self):  # noqa: N802
        self.send_response(self.status)
        self.end_headers()
        self.wfile.write(self.body)

    do_POST = do_GET  # noqa: N815

    def log_message(self, *args):
        pass


class TestEndpointClient(unittest.TestCase):
    def serve(self, status, body):
        handler = type("H", (_Handler,), {"status": status, "body": body})
        server = HTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self.addCleanup(server.shutdown)
        return endpoint_client.EndpointClient("http://127.0.0.1:%d" % server.server_port, "s" * 32, timeout=2)

    def test_each_failure_has_its_class(self):
        with self.assertRaises(endpoint_client.EndpointAuthError):
            self.serve(401, b'{"message":"bad signature"}').health()
        with self.assertRaises(endpoint_client.EndpointRejected) as ctx:
            self.serve(413, b'{"message":"too large"}').suggest_reconciliations({"a": 1})
        self.assertFalse(ctx.exception.retryable)
        self.assertIn("too large", str(ctx.exception))
        with self.assertRaises(endpoint_client.EndpointServerError):
            self.serve(500, b"{}").health()
        with self.assertRaises(endpoint_client.EndpointBadReply):
            self.serve(200, b"<html>").health()

    def test_slow_endpoint_times_out(self):
        import time

        class Slow(_Handler):
            def do_POST(self):  # noqa: N802
                time.sleep(1.5)
                super().do_POST()

        server = HTTPServer(("127.0.0.1", 0), Slow)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self.addCleanup(server.shutdown)
        client = endpoint_client.EndpointClient("http://127.0.0.1:%d" % server.server_port, "s" * 32, timeout=0.3)
        with self.assertRaisesRegex(endpoint_client.EndpointTimeout, "did not answer within 0.3 s"):
            client.suggest_reconciliations({"lines": []})

    def test_nothing_listening(self):
        client = endpoint_client.EndpointClient("http://127.0.0.1:9", "s" * 32, timeout=1, connect_timeout=1)
        with self.assertRaises(endpoint_client.EndpointUnreachable):
            client.health()

    def test_ok(self):
        self.assertEqual(self.serve(200, json.dumps({"status": "ok"}).encode()).health(), {"status": "ok"})

    def test_bad_url_and_missing_secret(self):
        with self.assertRaisesRegex(endpoint_client.EndpointRejected, "must look like"):
            endpoint_client.EndpointClient("ftp://x", "s")
        with self.assertRaisesRegex(endpoint_client.EndpointRejected, "No shared secret"):
            endpoint_client.EndpointClient("http://127.0.0.1:1", "")


if __name__ == "__main__":
    unittest.main()
