"""Tests that go through the bundled endpoint Odoo starts itself and, behind it, the real openai SDK talking to a
local OpenAI-compatible server: the endpoint started as a single-server install starts it, and the fake LLM."""

import json
import os
import shutil
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from unittest import SkipTest
from unittest.mock import patch

from ..models import ai_endpoint
from ..tools import endpoint_process
from .common import free_port


def use_endpoint_started_by_odoo(case):
    """As a single-server install: Odoo starts its bundled endpoint on "the default URL" (a free port here), with
    a temporary run directory, stopped at the test's clean-up. Returns the URL and the run directory (nothing runs
    there yet)."""
    url = "http://127.0.0.1:%d" % free_port()
    run_dir = tempfile.mkdtemp(prefix="aib_run_")
    case.addCleanup(shutil.rmtree, run_dir, True)
    case.addCleanup(endpoint_process.stop_bundled_endpoint, url, run_dir)
    for patcher in (patch.object(ai_endpoint, "DEFAULT_URL", url),
                    patch.object(type(case.env["ai.endpoint"]), "_get_run_dir", return_value=run_dir)):
        patcher.start()
        case.addCleanup(patcher.stop)
    params = case.env["ir.config_parameter"]
    params.set_param("ai_bookkeeping.endpoint_url", url)
    params.set_param("ai_bookkeeping.endpoint_autostart", "True")
    return url, run_dir


def use_autostarted_endpoint(case):
    """use_endpoint_started_by_odoo, skipping the test when the bundle or node is missing."""
    if not os.path.isfile(endpoint_process.BUNDLE) or not shutil.which("node"):
        raise SkipTest("the endpoint bundle or node is missing")
    return use_endpoint_started_by_odoo(case)


def data_block(body):
    """The JSON data block of a chat request's user message (between <<<DATA and DATA>>>, structured_caller.ts)."""
    user = next(message["content"] for message in body["messages"] if message["role"] == "user")
    return json.loads(user.split("\n", 1)[1].rsplit("\n", 1)[0])


class FakeLlm:
    """A local OpenAI-compatible server: ``/v1/chat/completions`` answers ``answer(data)`` (``data``: the request's
    data block) as the assistant's message, with a usage of 300 prompt and 80 completion tokens. Every request body
    is kept in ``seen``."""

    def __init__(self, answer):
        self.answer = answer
        self.seen = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.seen.append(body)
                reply = json.dumps({
                    "id": "chatcmpl-fake", "object": "chat.completion", "created": 1767225600, "model": body["model"],
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": fake.answer(data_block(body)),
                                                         "refusal": None}, "finish_reason": "stop", "logprobs": None}],
                    "usage": {"prompt_tokens": 300, "completion_tokens": 80, "total_tokens": 380},
                }).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = "http://127.0.0.1:%d/v1" % self.server.server_address[1]

    def start(self, case, model="fake-model"):
        """Serve until the test's clean-up, and make it this database's LLM."""
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        case.addCleanup(self.server.server_close)
        case.addCleanup(self.server.shutdown)
        params = case.env["ir.config_parameter"]
        params.set_param("ai_bookkeeping.llm_base_url", self.base_url)
        params.set_param("ai_bookkeeping.llm_model", model)
        return self
