from odoo import fields, models

from ..tools import endpoint_process
from ..tools.llm_usage import LLM_PARAMS


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
    ai_llm_api_key = fields.Char(
        string="LLM API key",
        config_parameter="ai_bookkeeping.llm_api_key",
        groups="base.group_system",
        help="Handed to the bundled endpoint through its environment, never sent with a request. Local servers "
        "need none.",
    )
    ai_llm_monthly_budget = fields.Float(related="company_id.ai_llm_monthly_budget", readonly=False)

    def set_values(self):
        # sudo: compare the system parameters whoever saves (the key is readable by administrators only).
        params = self.env["ir.config_parameter"].sudo()
        before = [params.get_param(name) for name in LLM_PARAMS]
        super().set_values()
        if before != [params.get_param(name) for name in LLM_PARAMS]:
            # The bundled endpoint reads the LLM settings at start: stop it, the next request starts it afresh.
            endpoint_process.stop_bundled_endpoint(self.env["ai.endpoint"]._get_config()["url"])
