import logging
import os
import tempfile

from odoo import _, api, models
from odoo.exceptions import UserError

from ..tools import endpoint_client, endpoint_process, llm_usage

_logger = logging.getLogger(__name__)

DEFAULT_URL = "http://127.0.0.1:8787"
DEFAULT_TIMEOUT = 30.0
DEFAULT_CONNECT_TIMEOUT = 3.0


class AiEndpoint(models.AbstractModel):
    """The way Odoo reaches the AI endpoint: configuration, signing, and starting the bundled one when needed."""

    _name = "ai.endpoint"
    _description = "AI endpoint connection"

    @api.model
    def _get_config(self):
        # sudo: the URL and secret are system parameters; reviewers use the endpoint without being able to read them.
        params = self.env["ir.config_parameter"].sudo()
        return {
            "url": params.get_param("ai_bookkeeping.endpoint_url") or DEFAULT_URL,
            "secret": params.get_param("ai_bookkeeping.endpoint_secret") or "",
            "timeout": float(params.get_param("ai_bookkeeping.endpoint_timeout") or DEFAULT_TIMEOUT),
            "connect_timeout": float(params.get_param("ai_bookkeeping.endpoint_connect_timeout") or DEFAULT_CONNECT_TIMEOUT),
            "autostart": params.get_param("ai_bookkeeping.endpoint_autostart", "True") not in ("False", "0", ""),
        }

    @api.model
    def _get_llm_environment(self):
        """The LLM settings (provider URL, model, key) for the bundled endpoint's environment: they reach it at start,
        never over the wire. Empty when no model is set."""
        # sudo: the key is a system parameter that only administrators can read.
        params = self.env["ir.config_parameter"].sudo()
        return llm_usage.llm_environment(*(params.get_param(name) for name in llm_usage.LLM_PARAMS))

    @api.model
    def _get_client(self):
        config = self._get_config()
        return endpoint_client.EndpointClient(
            config["url"], config["secret"], timeout=config["timeout"], connect_timeout=config["connect_timeout"]
        ), config

    @api.model
    def _ensure_running(self):
        """Return a client for an endpoint that answers; start the bundled one if the default local URL is silent."""
        client, config = self._get_client()
        try:
            client.health()
            return client
        except endpoint_client.EndpointUnreachable:
            if not (config["autostart"] and config["url"].rstrip("/") == DEFAULT_URL):
                raise
        log_path = os.path.join(tempfile.gettempdir(), "ai_bookkeeping_endpoint.log")
        try:
            endpoint_process.start_bundled_endpoint(config["url"], config["secret"], log_path=log_path,
                                                    extra_env=self._get_llm_environment())
        except endpoint_process.EndpointStartError as exc:
            raise endpoint_client.EndpointUnreachable(str(exc)) from exc

        def answers():
            try:
                client.health()
                return True
            except endpoint_client.EndpointError:
                return False

        if not endpoint_process.wait_until(answers, timeout=15.0):
            raise endpoint_client.EndpointUnreachable(
                _("The bundled AI endpoint was started but does not answer at %(url)s; see %(log)s.",
                  url=config["url"], log=log_path)
            )
        return client

    @api.model
    def suggest_reconciliations(self, payload):
        return self._ensure_running().suggest_reconciliations(payload)

    @api.model
    def action_test_connection(self):
        """Check URL, reachability, secret and engine; say plainly what is wrong."""
        config = self._get_config()
        problem = endpoint_client.validate_url(config["url"])
        if problem:
            raise UserError(problem)
        if not config["secret"]:
            raise UserError(_("No shared secret is set. Generate one in the AI Bookkeeping settings."))
        try:
            client = self._ensure_running()
            health = client.health()
            # A signed no-op request proves that both sides share the secret.
            client._request("POST", "/v1/reconcile/suggest", {"companyId": self.env.company.id,
                                                               "companyCurrency": self.env.company.currency_id.name,
                                                               "lines": []}, timeout=config["connect_timeout"])
        except endpoint_client.EndpointRejected as exc:
            if isinstance(exc, endpoint_client.EndpointAuthError):
                raise UserError(str(exc)) from exc
            if exc.status == 400:
                # An empty request is invalid by contract: reaching validation means the signature was accepted.
                health = client.health()
            else:
                raise UserError(str(exc)) from exc
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
