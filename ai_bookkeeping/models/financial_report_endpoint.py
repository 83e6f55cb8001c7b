from odoo import _, api, models
from odoo.exceptions import UserError

from ..tools import endpoint_client


class AiEndpoint(models.AbstractModel):
    _inherit = "ai.endpoint"

    @api.model
    def _rephrase_financial_report(self, payload):
        """POST /v1/reports/rephrase (web_src/contracts/reports.ts): the LLM's rephrasing of a narrative. The
        reply is not trusted: ai.financial.report checks every number of it against the facts."""
        try:
            return endpoint_client.rephrase_report(self._ensure_running(), payload)
        except endpoint_client.EndpointError as exc:
            raise UserError(_("The AI endpoint did not rephrase the report: %(error)s", error=exc)) from exc
