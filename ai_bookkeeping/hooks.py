import secrets

from odoo.tools import SQL

from .models.account_move_line import INDEXES
from .tools import endpoint_process


def post_init_hook(env):
    """Generate the shared endpoint secret so the bundled endpoint is authenticated from the first call."""
    params = env["ir.config_parameter"].sudo()  # sudo: the secret is a system parameter, written once at install
    if not params.get_param("ai_bookkeeping.endpoint_secret"):
        params.set_param("ai_bookkeeping.endpoint_secret", secrets.token_urlsafe(48))
    if env.ref("base.module_ai_bookkeeping").demo:
        # Demo data loads before this hook, so before the secret exists: its suggestions are asked for here.
        env["ai.bookkeeping.demo"]._suggest_demo_lines()
        # An install (often --stop-after-init) leaves no endpoint process behind; the next request starts it again.
        endpoint_process.stop_bundled_endpoint(env["ai.endpoint"]._get_config()["url"])


def uninstall_hook(env):
    """Leave nothing behind: our indexes on Odoo's tables, our parameters, the endpoint we started."""
    params = env["ir.config_parameter"].sudo()  # sudo: removing the add-on's own system parameters
    url = params.get_param("ai_bookkeeping.endpoint_url")
    if url:
        endpoint_process.stop_bundled_endpoint(url)
    params.search([("key", "=like", "ai_bookkeeping.%")]).unlink()
    for index in INDEXES:
        env.cr.execute(SQL("DROP INDEX IF EXISTS %s", SQL.identifier(index)))
