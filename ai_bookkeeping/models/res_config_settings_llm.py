from odoo import api, fields, models

from ..tools.llm_usage import LLM_PARAMS
from .res_config_settings import mask

API_KEY_PARAM = LLM_PARAMS[2]


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

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

    @api.depends("ai_llm_model")
    def _compute_ai_llm_api_key_display(self):
        # sudo not needed: only system admins read this field (groups), and they may read the parameter.
        key = self.env["ir.config_parameter"].get_param(API_KEY_PARAM)
        for settings in self:
            settings.ai_llm_api_key_display = mask(key)

    def set_values(self):
        # sudo: compare the system parameters whoever saves (the key is readable by administrators only).
        params = self.env["ir.config_parameter"].sudo()
        before = [params.get_param(name) for name in LLM_PARAMS]
        super().set_values()
        if not self._set_secret_param("ai_llm_api_key", API_KEY_PARAM) and any(
                settings.ai_llm_api_key_clear for settings in self):
            self._check_system()
            params.set_param(API_KEY_PARAM, False)
            self.ai_llm_api_key_clear = False
        if before != [params.get_param(name) for name in LLM_PARAMS]:
            # The bundled endpoint reads the LLM settings at start: stop it, the next request starts it afresh.
            self.env["ai.endpoint"]._restart_bundled_endpoint()
