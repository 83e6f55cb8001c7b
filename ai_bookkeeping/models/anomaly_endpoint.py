from odoo import api, models


class AiEndpoint(models.AbstractModel):
    _inherit = "ai.endpoint"

    @api.model
    def _detect_anomalies(self, payload):
        """POST /v1/anomalies/detect (web_src/contracts/anomalies.ts) on the endpoint, started if needed."""
        return self._ensure_running().detect_anomalies(payload)
