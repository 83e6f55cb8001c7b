"""Start the AI endpoint bundled in the add-on (static/endpoint/ai_endpoint.mjs) with the server's ``node``.

Used only when the configured endpoint is the default local one and nothing answers there, so that a
single-server install needs nothing started by hand. A separately deployed endpoint is never started from here.
"""

import logging
import os
import shutil
import subprocess
import sys
import time
from urllib.parse import urlsplit

_logger = logging.getLogger(__name__)

BUNDLE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "static", "endpoint", "ai_endpoint.mjs")
MIN_NODE_MAJOR = 20

_started = {}


class EndpointStartError(Exception):
    pass


def find_node():
    node = os.environ.get("AI_BOOKKEEPING_NODE") or shutil.which("node")
    if not node:
        raise EndpointStartError(
            "Node.js %d or newer is needed on the Odoo server to run the bundled AI endpoint, and no `node` was "
            "found on the PATH (or set AI_BOOKKEEPING_NODE)." % MIN_NODE_MAJOR
        )
    try:
        version = subprocess.run([node, "--version"], capture_output=True, text=True, timeout=10).stdout.strip()
        major = int(version.lstrip("v").split(".")[0])
    except (OSError, ValueError, subprocess.SubprocessError) as exc:
        raise EndpointStartError("Could not run %s --version: %s" % (node, exc)) from exc
    if major < MIN_NODE_MAJOR:
        raise EndpointStartError(
            "The bundled AI endpoint needs Node.js %d or newer; %s is %s." % (MIN_NODE_MAJOR, node, version)
        )
    return node


def start_bundled_endpoint(url, secret, log_path=None, extra_env=None):
    """Start the bundled endpoint for ``url`` (host and port) and return its Popen. Does not wait for it.
    ``extra_env``: more environment for the child, e.g. its LLM settings (tools/llm_usage.llm_environment)."""
    parts = urlsplit(url)
    key = (parts.hostname, parts.port)
    proc = _started.get(key)
    if proc is not None and proc.poll() is None:
        return proc
    if not os.path.isfile(BUNDLE):
        raise EndpointStartError("The add-on's endpoint bundle is missing: %s. Run `npm run build`." % BUNDLE)
    node = find_node()
    # Hand the child only what it needs: never the database credentials Odoo's own environment may hold.
    env = {
        k: v
        for k, v in os.environ.items()
        if k in ("PATH", "HOME", "LANG", "LC_ALL", "TZ") or k.startswith(("AI_BOOKKEEPING_", "OPENAI_"))
    }
    env.update(
        {
            "AI_BOOKKEEPING_HOST": parts.hostname or "127.0.0.1",
            "AI_BOOKKEEPING_PORT": str(parts.port or 8787),
            "AI_BOOKKEEPING_SECRET": secret,
        }
    )
    env.update(extra_env or {})
    log = open(log_path, "ab") if log_path else subprocess.DEVNULL  # noqa: SIM115 - handed to the child
    kwargs = {"start_new_session": True} if sys.platform != "win32" else {}
    proc = subprocess.Popen([node, BUNDLE], env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log, **kwargs)
    _started[key] = proc
    _logger.info("Started the bundled AI endpoint (pid %s) on %s", proc.pid, url)
    return proc


def wait_until(predicate, timeout=10.0, interval=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return predicate()


def stop_bundled_endpoint(url):
    """Stop the endpoint this process started for ``url`` (e.g. after the secret changed); no-op otherwise."""
    parts = urlsplit(url)
    proc = _started.pop((parts.hostname, parts.port), None)
    if proc is not None and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
