from odoo import api, models

from ..tools import endpoint_client


class AiEndpoint(models.AbstractModel):
    _inherit = "ai.endpoint"

    @api.model
    def _predict_collections(self, payload):
        """POST /v1/collections/predict (web_src/contracts/collections.ts) on the endpoint, started if needed."""
        return endpoint_client.predict_collections(self._ensure_running(), payload)
