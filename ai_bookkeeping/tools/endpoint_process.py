"""Start the AI endpoint bundled in the add-on (endpoint/ai_endpoint.mjs) with the server's ``node``.

Used only when the configured endpoint is the default local one and nothing answers there, so that a
single-server install needs nothing started by hand. A separately deployed endpoint is never started from here.

The bundled endpoint belongs to the Odoo *server*, not to one database or one worker: every database of the server
uses it with one server-wide secret, and its process is found through a pid file. Both live in a run directory
(``<data_dir>/ai_bookkeeping``, mode 0700) handed in by the caller:

- ``endpoint.secret``: the shared secret, mode 0600, created once atomically (two workers racing agree on one);
- ``endpoint-<host>-<port>.pid``: the pid of the endpoint this server started, so that any worker can stop it
  (a new secret, new LLM settings) and a stale one can be told from a foreign program on the same port;
- ``endpoint-<host>-<port>.lock``: held while one worker checks and starts the endpoint.
"""

import contextlib
import fcntl
import logging
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from urllib.parse import urlsplit

_logger = logging.getLogger(__name__)

# Outside static/: Odoo serves everything under a module's static/ to anyone, and this is a server program.
BUNDLE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "endpoint", "ai_endpoint.mjs")
MIN_NODE_MAJOR = 20
SECRET_FILE = "endpoint.secret"
MIN_SECRET_LENGTH = 32  # web_src/endpoint/config.ts MIN_SECRET_LENGTH

# Odoo limits its own address space (limit_memory_hard -> RLIMIT_AS soft limit, odoo/service/server.py
# set_limit_memory_hard) and a child inherits it; Node's fetch (undici's WebAssembly HTTP parser) then fails on its
# first outbound call. The child lifts its soft limit to the hard one (allowed to any user: Odoo never lowers the
# hard limit) and only then becomes node. An exec wrapper rather than Popen's preexec_fn, which is unsafe in a
# threaded server like Odoo.
_LIFT_ADDRESS_SPACE_LIMIT = (
    "import os, resource, sys\n"
    "soft, hard = resource.getrlimit(resource.RLIMIT_AS)\n"
    "if soft != hard:\n"
    "    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))\n"
    "os.execv(sys.argv[1], sys.argv[1:])\n"
)

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


def _write_private(directory, content):
    """A new file in ``directory`` holding ``content``, readable by this user only; returns its path."""
    fd, path = tempfile.mkstemp(dir=directory, prefix=".tmp-")  # mode 0600
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(content)
    return path


def ensure_run_dir(directory):
    os.makedirs(directory, mode=0o700, exist_ok=True)
    return directory


def server_secret(directory):
    """The server-wide secret of the bundled endpoint, created on first use. Atomic: the file appears complete or
    not at all (a hard link fails if another worker created it first, and then its secret is the one)."""
    path = os.path.join(directory, SECRET_FILE)
    with contextlib.suppress(FileNotFoundError):
        with open(path, encoding="utf-8") as handle:
            secret = handle.read().strip()
        if len(secret) >= MIN_SECRET_LENGTH:
            return secret
        return rotate_server_secret(directory)  # unusable (truncated by hand?): replace it
    ensure_run_dir(directory)
    candidate = _write_private(directory, secrets.token_urlsafe(48))
    try:
        os.link(candidate, path)
    except FileExistsError:
        pass
    finally:
        os.unlink(candidate)
    return server_secret(directory)


def rotate_server_secret(directory):
    """Replace the server-wide secret (atomically: readers see the old one or the new one) and return the new one."""
    ensure_run_dir(directory)
    secret = secrets.token_urlsafe(48)
    os.replace(_write_private(directory, secret), os.path.join(directory, SECRET_FILE))
    return secret


def _base_name(url):
    parts = urlsplit(url)
    return "endpoint-%s-%s" % (parts.hostname or "127.0.0.1", parts.port or 8787)


def pid_file(directory, url):
    return os.path.join(directory, _base_name(url) + ".pid")


@contextlib.contextmanager
def start_lock(directory, url):
    """Held by one process of the server at a time while it checks, stops or starts the endpoint for ``url``."""
    ensure_run_dir(directory)
    with open(os.path.join(directory, _base_name(url) + ".lock"), "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def is_bundled_endpoint(pid):
    """Whether ``pid`` is a live node process running this add-on's bundle (not a reused pid, not a zombie)."""
    try:
        with open("/proc/%d/cmdline" % pid, "rb") as handle:
            argv = handle.read().split(b"\0")
    except (OSError, ValueError):
        return False
    return len(argv) >= 2 and b"node" in os.path.basename(argv[0]) and argv[1] == os.fsencode(BUNDLE)


def running_pid(directory, url):
    """The pid of the endpoint this server started for ``url`` (from its pid file), if it still runs; else None."""
    try:
        with open(pid_file(directory, url), encoding="ascii") as handle:
            pid = int(handle.read().strip())
    except (OSError, ValueError):
        return None
    return pid if is_bundled_endpoint(pid) else None


def start_bundled_endpoint(url, secret, log_path=None, extra_env=None, run_dir=None, parent_pid=None):
    """Start the bundled endpoint for ``url`` (host and port) and return its Popen. Does not wait for it.
    ``extra_env``: more environment for the child, e.g. its LLM settings (tools/llm_usage.llm_environment).
    ``run_dir``: where its pid file goes. ``parent_pid``: the endpoint exits when that process is gone (default:
    this one) -- pass Odoo's main server process, so that the endpoint outlives a recycled worker but not Odoo."""
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
            "AI_BOOKKEEPING_PARENT_PID": str(parent_pid or os.getpid()),
        }
    )
    env.update(extra_env or {})
    log = open(log_path, "ab") if log_path else subprocess.DEVNULL  # noqa: SIM115 - handed to the child
    kwargs = {"start_new_session": True} if sys.platform != "win32" else {}
    command = [node, BUNDLE]
    if sys.platform == "linux":
        command = [sys.executable, "-c", _LIFT_ADDRESS_SPACE_LIMIT] + command
    proc = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log, **kwargs)
    if log is not subprocess.DEVNULL:
        log.close()
    _started[key] = proc
    if run_dir:
        ensure_run_dir(run_dir)
        os.replace(_write_private(run_dir, str(proc.pid)), pid_file(run_dir, url))
    _logger.info("Started the bundled AI endpoint (pid %s) on %s", proc.pid, url)
    return proc


def wait_until(predicate, timeout=10.0, interval=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return predicate()


def _pid_gone(pid):
    return not is_bundled_endpoint(pid)


def stop_bundled_endpoint(url, run_dir=None):
    """Stop the endpoint this server started for ``url`` (e.g. after the secret changed), whichever process of the
    server started it (its pid file in ``run_dir``); no-op when none runs. Returns whether one was stopped."""
    parts = urlsplit(url)
    proc = _started.pop((parts.hostname, parts.port), None)
    pid = running_pid(run_dir, url) if run_dir else None
    if pid is None and proc is not None and proc.poll() is None:
        pid = proc.pid
    if pid is not None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        if not wait_until(lambda: _reap(proc) or _pid_gone(pid), timeout=12.0, interval=0.1):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            wait_until(lambda: _reap(proc) or _pid_gone(pid), timeout=5.0, interval=0.1)
    if proc is not None:
        _reap(proc)
    if run_dir:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(pid_file(run_dir, url))
    return pid is not None


def _reap(proc):
    """Collect an exited child of this process (no zombie left); whether it has exited."""
    return proc is not None and proc.poll() is not None
