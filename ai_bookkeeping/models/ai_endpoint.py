import logging
import os

from odoo import _, api, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import config as odoo_config

from ..tools import endpoint_client, endpoint_process, llm_usage

_logger = logging.getLogger(__name__)

DEFAULT_URL = "http://127.0.0.1:8787"
DEFAULT_TIMEOUT = 30.0
DEFAULT_CONNECT_TIMEOUT = 3.0
# The secret of a separately deployed endpoint (the bundled one's is server-wide: tools/endpoint_process.py).
SECRET_PARAM = "ai_bookkeeping.endpoint_secret"
CONFIG_GROUPS = ("base.group_system", "ai_bookkeeping.ai_bookkeeping_group_manager")


class AiEndpoint(models.AbstractModel):
    """The way Odoo reaches the AI endpoint: configuration, signing, and starting the bundled one when needed.

    Everything here is private: signing a payload or starting a process is never something a client asks for. The
    add-on's own code calls these methods after its own checks (what goes in a payload, the LLM budget)."""

    _name = "ai.endpoint"
    _description = "AI endpoint connection"

    @api.model
    def _get_run_dir(self):
        """Where the bundled endpoint's server-wide files live: one folder per Odoo server, shared by its databases
        and workers (Odoo's data_dir, like the filestore)."""
        return os.path.join(odoo_config["data_dir"], "ai_bookkeeping")

    @api.model
    def _is_bundled_url(self, url):
        return (url or DEFAULT_URL).rstrip("/") == DEFAULT_URL

    @api.model
    def _get_config(self):
        # sudo: the URL and secret are system parameters; reviewers use the endpoint without being able to read them.
        # The result holds the secret: it never leaves the server (no public method returns it).
        params = self.env["ir.config_parameter"].sudo()
        url = params.get_param("ai_bookkeeping.endpoint_url") or DEFAULT_URL
        bundled = self._is_bundled_url(url)
        try:
            secret = endpoint_process.server_secret(self._get_run_dir()) if bundled else params.get_param(SECRET_PARAM)
        except OSError as exc:
            raise endpoint_client.EndpointUnreachable(_(
                "The bundled AI endpoint's secret cannot be kept in %(path)s (%(error)s): give Odoo's user that "
                "folder, or set data_dir in Odoo's configuration.", path=self._get_run_dir(), error=exc)) from exc
        return {
            "url": url,
            "bundled": bundled,
            "secret": secret or "",
            "timeout": float(params.get_param("ai_bookkeeping.endpoint_timeout") or DEFAULT_TIMEOUT),
            "connect_timeout": float(
                params.get_param("ai_bookkeeping.endpoint_connect_timeout") or DEFAULT_CONNECT_TIMEOUT
            ),
            "autostart": params.get_param("ai_bookkeeping.endpoint_autostart", "True") not in ("False", "0", ""),
        }

    @api.model
    def _get_request_llm(self):
        """This database's LLM settings (provider URL, model, key) for one request to the bundled endpoint, which
        every database of the server shares: each request says which LLM to use. None when no model is set, and for
        a separately deployed endpoint (its own environment names its LLM; Odoo sends it no key)."""
        # sudo: the key is a system parameter that only administrators can read.
        params = self.env["ir.config_parameter"].sudo()
        if not self._is_bundled_url(params.get_param("ai_bookkeeping.endpoint_url")):
            return None
        return llm_usage.request_llm(*(params.get_param(name) for name in llm_usage.LLM_PARAMS))

    @api.model
    def _get_client(self):
        config = self._get_config()
        return endpoint_client.EndpointClient(
            config["url"], config["secret"], timeout=config["timeout"], connect_timeout=config["connect_timeout"]
        ), config

    @api.model
    def _restart_bundled_endpoint(self):
        """Stop the bundled endpoint, whichever process of this server started it (a new secret);
        the next request starts it afresh. No-op for a separately deployed endpoint."""
        config = self._get_config()
        if config["bundled"]:
            endpoint_process.stop_bundled_endpoint(config["url"], self._get_run_dir())

    @api.model
    def _ensure_running(self):
        """Return a client for an endpoint that answers. For the default local URL, the endpoint must also accept
        this server's signature: start the bundled one when nothing answers, replace a stale one this server
        started (another secret), and say plainly when another program holds the port."""
        client, config = self._get_client()
        if not config["bundled"]:
            client.health()
            return client
        try:
            client.check_signature()
            return client
        except (endpoint_client.EndpointUnreachable, endpoint_client.EndpointAuthError):
            pass
        run_dir = self._get_run_dir()
        url = config["url"]
        with endpoint_process.start_lock(run_dir, url):
            try:  # another worker may have started or replaced it while we waited for the lock
                client.check_signature()
                return client
            except endpoint_client.EndpointUnreachable:
                if not config["autostart"]:
                    raise
            except endpoint_client.EndpointAuthError:
                if endpoint_process.running_pid(run_dir, url) is None:
                    raise endpoint_client.EndpointAuthError(_(
                        "Another program on %(url)s answers but rejects Odoo's signature, and it is not the endpoint "
                        "this Odoo server started. Stop that program, or set the URL of your own endpoint (and its "
                        "secret) in the AI Bookkeeping settings.", url=url), 401) from None
                if not config["autostart"]:
                    raise
                _logger.info("The bundled AI endpoint at %s holds an old secret: restarting it", url)
                endpoint_process.stop_bundled_endpoint(url, run_dir)
            log_path = os.path.join(run_dir, "endpoint.log")
            try:
                endpoint_process.start_bundled_endpoint(
                    url, config["secret"], log_path=log_path, run_dir=run_dir, parent_pid=self._get_server_pid())
            except endpoint_process.EndpointStartError as exc:
                raise endpoint_client.EndpointUnreachable(str(exc)) from exc

            def accepts():
                try:
                    client.check_signature()
                    return True
                except endpoint_client.EndpointError:
                    return False

            if not endpoint_process.wait_until(accepts, timeout=15.0):
                raise endpoint_client.EndpointUnreachable(
                    _("The bundled AI endpoint was started but does not answer at %(url)s; see %(log)s.",
                      url=url, log=log_path)
                )
        return client

    @api.model
    def _get_server_pid(self):
        """The pid of Odoo's main server process (the prefork master under --workers): the bundled endpoint lives
        as long as it does, not as long as the worker that happened to start it."""
        from odoo.service import server  # noqa: PLC0415 - only loaded in a running server

        return getattr(server.server, "pid", None) or os.getpid()

    @api.model
    def _suggest_reconciliations(self, payload):
        return self._ensure_running().suggest_reconciliations(payload)

    @api.model
    def _parse_statement(self, payload):
        return self._ensure_running().parse_statement(payload)

    @api.model
    def _check_config_access(self):
        if not any(self.env.user.has_group(group) for group in CONFIG_GROUPS):
            raise AccessError(_("Only AI Bookkeeping managers and administrators may test the AI endpoint."))

    @api.model
    def _action_test_connection(self):
        """Check URL, reachability, secret and engine; say plainly what is wrong. For managers and administrators:
        it may start the bundled endpoint."""
        self._check_config_access()
        config = self._get_config()
        problem = endpoint_client.validate_url(config["url"])
        if problem:
            raise UserError(problem)
        if not config["secret"]:
            raise UserError(_("No shared secret is set for the endpoint at %(url)s: set the one it was started with "
                              "in the AI Bookkeeping settings.", url=config["url"]))
        try:
            client = self._ensure_running()
            health = client.health()
            client.check_signature()  # proves that both sides share the secret
        except endpoint_client.EndpointError as exc:
            raise UserError(str(exc)) from exc
        engine = health.get("engine") or {}
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "title": _("AI endpoint reachable"),
                "message": _(
                    "%(url)s answers with engine %(name)s %(version)s; the shared secret is accepted.",
                    url=config["url"], name=engine.get("name", "?"), version=engine.get("version", "?"),
                ),
                "sticky": False,
            },
        }
