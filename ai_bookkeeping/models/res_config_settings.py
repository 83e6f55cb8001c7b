import os
import secrets

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools import endpoint_process
from ..tools.llm_usage import LLM_PARAMS
from .ai_endpoint import SECRET_PARAM

API_KEY_PARAM = LLM_PARAMS[2]


def mask(value):
    """What the settings show of a secret: whether it is set and how long it is, never a character of it."""
    return _("●●●●●●●● (set, %(length)s characters)", length=len(value)) if value else _("Not set")


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ai_endpoint_url = fields.Char(
        string="AI endpoint URL", config_parameter="ai_bookkeeping.endpoint_url", default="http://127.0.0.1:8787"
    )
    # Secrets are never config_parameter fields: default_get reads those with sudo for any caller, whatever the
    # field's groups. They stay in ir.config_parameter (system admins only) and the settings show a mask, take a
    # new value (write-only, applied by set_values) or generate one.
    ai_endpoint_secret_display = fields.Char(
        string="Shared secret", compute="_compute_ai_endpoint_secret_display", groups="base.group_system")
    ai_endpoint_secret = fields.Char(
        string="New shared secret", groups="base.group_system",
        help="The secret the separately deployed endpoint was started with (AI_BOOKKEEPING_SECRET, at least 32 "
        "characters). Empty: keep the current one. The bundled endpoint uses a server-wide secret instead.")
    ai_endpoint_timeout = fields.Float(
        string="Request timeout (s)", config_parameter="ai_bookkeeping.endpoint_timeout", default=30.0
    )
    ai_endpoint_connect_timeout = fields.Float(
        string="Connect timeout (s)", config_parameter="ai_bookkeeping.endpoint_connect_timeout", default=3.0
    )
    ai_endpoint_autostart = fields.Boolean(
        string="Start the bundled endpoint",
        config_parameter="ai_bookkeeping.endpoint_autostart",
        default=True,
        help="When the URL is the default local one and nothing answers, start the endpoint bundled in the add-on "
        "with the server's Node.js (20 or newer).",
    )
    ai_bank_fee_account_id = fields.Many2one(
        related="company_id.ai_bank_fee_account_id", readonly=False, string="Bank fee account"
    )
    ai_max_fee_amount = fields.Float(related="company_id.ai_max_fee_amount", readonly=False)
    ai_writeoff_account_id = fields.Many2one(
        related="company_id.ai_writeoff_account_id", readonly=False, string="Payment difference account"
    )
    ai_writeoff_max_amount = fields.Float(related="company_id.ai_writeoff_max_amount", readonly=False)
    ai_writeoff_max_percent = fields.Float(related="company_id.ai_writeoff_max_percent", readonly=False)
    ai_rollout_phase = fields.Selection(related="company_id.ai_rollout_phase", readonly=False)
    ai_auto_min_confidence = fields.Float(related="company_id.ai_auto_min_confidence", readonly=False)
    ai_auto_max_amount = fields.Monetary(related="company_id.ai_auto_max_amount", readonly=False)
    ai_second_approval_amount = fields.Monetary(related="company_id.ai_second_approval_amount", readonly=False)
    ai_auto_min_reviewed = fields.Integer(related="company_id.ai_auto_min_reviewed", readonly=False)
    ai_controller_user_id = fields.Many2one(related="company_id.ai_controller_user_id", readonly=False)
    ai_data_minimisation = fields.Boolean(related="company_id.ai_data_minimisation", readonly=False)
    ai_llm_base_url = fields.Char(
        string="LLM provider URL",
        config_parameter="ai_bookkeeping.llm_base_url",
        help="An OpenAI-compatible API, e.g. http://127.0.0.1:11434/v1 for Ollama. Empty: api.openai.com.",
    )
    ai_llm_model = fields.Char(
        string="LLM model",
        config_parameter="ai_bookkeeping.llm_model",
        help="e.g. gpt-4o-mini or llama3.1:8b. Empty: no language model, the offline engine answers alone.",
    )
    # Not a config_parameter field (see ai_endpoint_secret_display): a mask, and a write-only new value.
    ai_llm_api_key_display = fields.Char(
        string="LLM API key", compute="_compute_ai_llm_api_key_display", groups="base.group_system")
    ai_llm_api_key = fields.Char(
        string="New LLM API key", groups="base.group_system",
        help="Handed to the bundled endpoint through its environment, never sent with a request. Local servers "
        "need none. Empty: keep the current key.",
    )
    ai_llm_api_key_clear = fields.Boolean(
        string="Remove the LLM API key", groups="base.group_system")
    ai_llm_monthly_budget = fields.Float(related="company_id.ai_llm_monthly_budget", readonly=False)

    @api.depends("ai_endpoint_url")
    def _compute_ai_endpoint_secret_display(self):
        endpoint = self.env["ai.endpoint"]
        for settings in self:
            if endpoint._is_bundled_url(settings.ai_endpoint_url):
                settings.ai_endpoint_secret_display = _(
                    "Server-wide, shared by every database of this Odoo server (%(path)s)",
                    path=os.path.join(endpoint._get_run_dir(), endpoint_process.SECRET_FILE))
            else:
                # sudo not needed: only system admins read this field (groups), and they may read the parameter.
                settings.ai_endpoint_secret_display = mask(self.env["ir.config_parameter"].get_param(SECRET_PARAM))

    @api.depends("ai_llm_model")
    def _compute_ai_llm_api_key_display(self):
        # sudo not needed: only system admins read this field (groups), and they may read the parameter.
        key = self.env["ir.config_parameter"].get_param(API_KEY_PARAM)
        for settings in self:
            settings.ai_llm_api_key_display = mask(key)

    @api.model
    def _check_system(self):
        if not self.env.user.has_group("base.group_system"):
            raise AccessError(_("Only administrators can see or change the AI endpoint's secrets."))

    def _set_secret_param(self, field_name, param, min_length=1):
        """Apply a write-only secret field: check the caller, validate, store, and forget the value on the
        settings record (it is a transient row in the database)."""
        for settings in self:
            value = (settings[field_name] or "").strip()
            if not value:
                continue
            self._check_system()
            if len(value) < min_length:
                raise UserError(_("The new secret must be at least %(count)s characters long.", count=min_length))
            self.env["ir.config_parameter"].set_param(param, value)
            settings[field_name] = False
            return True
        return False

    def set_values(self):
        # sudo: the key is a system parameter readable by administrators only.
        params = self.env["ir.config_parameter"].sudo()
        super().set_values()
        self._set_secret_param("ai_endpoint_secret", SECRET_PARAM, endpoint_process.MIN_SECRET_LENGTH)
        if not self._set_secret_param("ai_llm_api_key", API_KEY_PARAM) and any(
                settings.ai_llm_api_key_clear for settings in self):
            self._check_system()
            params.set_param(API_KEY_PARAM, False)
            self.ai_llm_api_key_clear = False

    def action_ai_test_connection(self):
        # The button saves what is on screen first, as the admin expects: administrators only, as saving settings.
        self._check_system()
        self.set_values()
        return self.env["ai.endpoint"]._action_test_connection()

    def action_ai_generate_secret(self):
        self._check_system()
        self.set_values()  # the URL on screen decides which secret is new
        endpoint = self.env["ai.endpoint"]
        if endpoint._get_config()["bundled"]:
            endpoint_process.rotate_server_secret(endpoint._get_run_dir())
            # The bundled endpoint holds the old secret: stop it, whichever worker started it; the next request
            # starts it afresh with the new one, for every database of this server.
            endpoint._restart_bundled_endpoint()
            message = _("Every database of this Odoo server now uses the new secret; the bundled endpoint restarts "
                        "with it at the next request.")
            sticky = False
        else:
            secret = secrets.token_urlsafe(48)
            self.env["ir.config_parameter"].set_param(SECRET_PARAM, secret)
            # Shown once, to the administrator who asked for it: the separately deployed endpoint needs it.
            message = _("Restart the endpoint with AI_BOOKKEEPING_SECRET=%(secret)s — this is the only time it is "
                        "shown.", secret=secret)
            sticky = True
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "warning",
                "title": _("New shared secret"),
                "message": message,
                "sticky": sticky,
            },
        }
