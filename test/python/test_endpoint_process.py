"""The bundled endpoint started the way Odoo starts it (tools/endpoint_process.py, from a process whose address
space is limited as Odoo's ``set_limit_memory_hard`` limits it), asked over real HTTP with the LLM stage on, against a
local OpenAI-compatible server. No Odoo needed: Odoo's own part is the ``resource.setrlimit`` call copied below."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import aib_tools_loader

tools = aib_tools_loader.load()
from aib_tools import endpoint_process, signing  # noqa: E402

SECRET = "t" * 48
# odoo/tools/config.py: --limit-memory-hard default; odoo/service/server.py set_limit_memory_hard() sets the soft
# RLIMIT_AS to it and keeps the hard limit.
ODOO_LIMIT_MEMORY_HARD = 2560 * 1024 * 1024

# Run in a child Python: limit the address space as Odoo does, start the endpoint through the add-on's function,
# print its pid, then live until stdin closes (the test plays Odoo's server process).
CHILD = r"""
import json, os, resource, sys
sys.path.insert(0, sys.argv[1])
import aib_tools_loader
aib_tools_loader.load()
from aib_tools import endpoint_process
soft, hard = resource.getrlimit(resource.RLIMIT_AS)
resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[2]), hard))  # odoo.service.server.set_limit_memory_hard
options = json.loads(sys.argv[3])
proc = endpoint_process.start_bundled_endpoint(**options)
print(proc.pid, flush=True)
sys.stdin.read()
"""


class FakeOpenAi(BaseHTTPRequestHandler):
    """/v1/chat/completions answering the account question of web_src/llm with account 627 (as
    test/llm/fakeOpenAiServer.ts's evidenceBestAnswer would for a "Card fee" line)."""

    requests = []

    def do_POST(self):  # noqa: N802 - http.server's name
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append(body)
        content = json.dumps({"accountId": 627, "explanation": "The label names this kind of expense."})
        reply = json.dumps({
            "id": "chatcmpl-fake", "object": "chat.completion", "created": 1767225600, "model": body["model"],
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content, "refusal": None},
                         "finish_reason": "stop", "logprobs": None}],
            "usage": {"prompt_tokens": 120, "completion_tokens": 30, "total_tokens": 150},
        }).encode()
        self.send_response(200 if self.path.endswith("/chat/completions") else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args):
        pass


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def signed_post(url, payload, secret=SECRET):
    body = json.dumps(payload).encode()
    headers = {"Content-Type": "application/json", **signing.signed_headers(secret, body)}
    request = urllib.request.Request(url + "/v1/reconcile/suggest", data=body, headers=headers, method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def wait_for_health(url, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1).read()
            return True
        except OSError:
            time.sleep(0.2)
    return False


def pid_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (exited, not yet reaped) counts as gone.
    try:
        with open("/proc/%d/stat" % pid) as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@unittest.skipUnless(os.path.isfile(endpoint_process.BUNDLE) and shutil.which("node") and sys.platform == "linux",
                     "needs node, the built endpoint bundle and Linux")
class TestEndpointStartedLikeOdoo(unittest.TestCase):
    def setUp(self):
        FakeOpenAi.requests = []
        self.llm = ThreadingHTTPServer(("127.0.0.1", 0), FakeOpenAi)
        threading.Thread(target=self.llm.serve_forever, daemon=True).start()
        self.addCleanup(self.llm.server_close)
        self.addCleanup(self.llm.shutdown)
        self.run_dir = tempfile.mkdtemp(prefix="aib_run_")
        self.addCleanup(shutil.rmtree, self.run_dir, True)
        self.log = os.path.join(self.run_dir, "endpoint.log")

    def start_like_odoo(self, url, **extra):
        options = dict(url=url, secret=SECRET, log_path=self.log, **extra)
        odoo = subprocess.Popen(
            [sys.executable, "-c", CHILD, os.path.dirname(os.path.abspath(__file__)), str(ODOO_LIMIT_MEMORY_HARD),
             json.dumps(options)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        self.addCleanup(odoo.stdout.close)
        self.addCleanup(odoo.stdin.close)
        self.addCleanup(odoo.wait)
        self.addCleanup(odoo.kill)
        pid = int(odoo.stdout.readline())
        self.addCleanup(lambda: pid_alive(pid) and os.kill(pid, 9))
        return odoo, pid

    def log_text(self):
        with open(self.log, encoding="utf-8", errors="replace") as log:
            return log.read()

    def test_llm_call_works_under_odoos_address_space_limit(self):
        url = "http://127.0.0.1:%d" % free_port()
        llm_env = {"AI_BOOKKEEPING_LLM_MODEL": "fake-model",
                   "OPENAI_BASE_URL": "http://127.0.0.1:%d/v1" % self.llm.server_address[1]}
        _odoo, pid = self.start_like_odoo(url, extra_env=llm_env)
        self.assertTrue(wait_for_health(url), self.log_text())
        reply = signed_post(url, {
            "companyId": 1, "companyCurrency": "EUR", "llmAllowed": True,
            "lines": [{"id": 102, "date": "2026-01-06", "amount": -35.5, "currency": "EUR", "amountCompany": -35.5,
                       "label": "Card fee"}],
            "candidates": [],
            "accounts": [{"id": 627, "code": "627000", "name": "Card fees", "accountType": "expense"}],
        })
        self.assertTrue(FakeOpenAi.requests, "the endpoint asked the LLM nothing: " + self.log_text())
        self.assertNotIn("Out of memory", self.log_text())
        self.assertEqual(reply["results"][0]["suggestions"][0]["accountId"], 627, self.log_text())
        self.assertEqual(reply["usage"]["calls"], 1)
        self.assertTrue(pid_alive(pid), "the endpoint died: " + self.log_text())

    def test_endpoint_does_not_outlive_odoo(self):
        url = "http://127.0.0.1:%d" % free_port()
        odoo, pid = self.start_like_odoo(url)
        self.assertTrue(wait_for_health(url), self.log_text())
        odoo.kill()  # SIGKILL: Odoo gets no chance to stop its child
        odoo.wait()
        self.assertTrue(endpoint_process.wait_until(lambda: not pid_alive(pid), timeout=10), "node survived Odoo")

    def test_any_process_of_the_server_stops_the_endpoint_through_its_pid_file(self):
        url = "http://127.0.0.1:%d" % free_port()
        _odoo, pid = self.start_like_odoo(url, run_dir=self.run_dir)  # another worker started it
        self.assertTrue(wait_for_health(url), self.log_text())
        self.assertEqual(endpoint_process.running_pid(self.run_dir, url), pid)
        self.assertTrue(endpoint_process.stop_bundled_endpoint(url, self.run_dir))
        self.assertFalse(pid_alive(pid))
        self.assertFalse(os.path.exists(endpoint_process.pid_file(self.run_dir, url)))
        self.assertFalse(endpoint_process.stop_bundled_endpoint(url, self.run_dir))  # nothing left: no-op

    def test_a_pid_file_naming_another_program_is_not_trusted(self):
        url = "http://127.0.0.1:%d" % free_port()
        with open(endpoint_process.pid_file(self.run_dir, url), "w") as handle:
            handle.write(str(os.getpid()))  # a live process, but not node running the bundle (a reused pid)
        self.assertIsNone(endpoint_process.running_pid(self.run_dir, url))
        self.assertFalse(endpoint_process.stop_bundled_endpoint(url, self.run_dir))
        self.assertTrue(pid_alive(os.getpid()))


RACE = r"""
import sys
sys.path.insert(0, sys.argv[1])
import aib_tools_loader
aib_tools_loader.load()
from aib_tools import endpoint_process
sys.stdin.read()  # start together
print(endpoint_process.server_secret(sys.argv[2]))
"""


class TestServerSecret(unittest.TestCase):
    def setUp(self):
        self.base = tempfile.mkdtemp(prefix="aib_secret_")
        self.addCleanup(shutil.rmtree, self.base, True)
        self.run_dir = os.path.join(self.base, "ai_bookkeeping")

    def test_workers_racing_agree_on_one_private_secret(self):
        workers = [subprocess.Popen([sys.executable, "-c", RACE, os.path.dirname(os.path.abspath(__file__)),
                                     self.run_dir], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
                   for _ in range(6)]
        outputs = [worker.communicate("")[0].strip() for worker in workers]
        self.assertEqual(len(set(outputs)), 1, outputs)
        self.assertGreaterEqual(len(outputs[0]), endpoint_process.MIN_SECRET_LENGTH)
        path = os.path.join(self.run_dir, endpoint_process.SECRET_FILE)
        self.assertEqual(os.stat(path).st_mode & 0o777, 0o600)
        self.assertEqual(os.stat(self.run_dir).st_mode & 0o777, 0o700)
        self.assertEqual(sorted(os.listdir(self.run_dir)), [endpoint_process.SECRET_FILE], "no temporary file left")

    def test_rotation_replaces_it_for_every_reader(self):
        first = endpoint_process.server_secret(self.run_dir)
        self.assertEqual(endpoint_process.server_secret(self.run_dir), first)
        second = endpoint_process.rotate_server_secret(self.run_dir)
        self.assertNotEqual(first, second)
        self.assertEqual(endpoint_process.server_secret(self.run_dir), second)


if __name__ == "__main__":
    unittest.main()
