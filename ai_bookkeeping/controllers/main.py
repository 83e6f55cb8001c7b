from odoo import http
from odoo.http import request


class AiBookkeepingController(http.Controller):
    @http.route("/ai_bookkeeping/status", type="json", auth="user")
    def status(self):
        """Queue and endpoint health for monitoring: reader rights required, no secret in the answer."""
        if not request.env.user.has_group("ai_bookkeeping.ai_bookkeeping_group_user"):
            raise request.not_found()
        return request.env["ai.reconciliation.suggestion"].dashboard_kpis()
