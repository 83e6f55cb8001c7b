import secrets

from odoo import _, fields, models

from ..tools import endpoint_process


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ai_endpoint_url = fields.Char(
        string="AI endpoint URL", config_parameter="ai_bookkeeping.endpoint_url", default="http://127.0.0.1:8787"
    )
    ai_endpoint_secret = fields.Char(
        string="Shared secret", config_parameter="ai_bookkeeping.endpoint_secret", groups="base.group_system"
    )
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

    def action_ai_test_connection(self):
        self.set_values()  # test what is on screen, as the admin expects
        return self.env["ai.endpoint"].action_test_connection()

    def action_ai_generate_secret(self):
        self.env["ir.config_parameter"].set_param("ai_bookkeeping.endpoint_secret", secrets.token_urlsafe(48))
        # The bundled endpoint we started still holds the old secret: stop it, the next call starts it afresh.
        endpoint_process.stop_bundled_endpoint(self.env["ai.endpoint"]._get_config()["url"])
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "warning",
                "title": _("New shared secret"),
                "message": _("A separately deployed endpoint must be restarted with the new secret."),
                "next": {"type": "ir.actions.client", "tag": "reload"},
            },
        }
