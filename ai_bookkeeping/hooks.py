import secrets

from odoo.tools import SQL

from .models.account_move_line import INDEXES
from .tools import endpoint_process


def post_init_hook(env):
    """Generate the shared endpoint secret so the bundled endpoint is authenticated from the first call."""
    params = env["ir.config_parameter"].sudo()  # sudo: the secret is a system parameter, written once at install
    if not params.get_param("ai_bookkeeping.endpoint_secret"):
        params.set_param("ai_bookkeeping.endpoint_secret", secrets.token_urlsafe(48))


def uninstall_hook(env):
    """Leave nothing behind: our indexes on Odoo's tables, our parameters, the endpoint we started."""
    params = env["ir.config_parameter"].sudo()  # sudo: removing the add-on's own system parameters
    url = params.get_param("ai_bookkeeping.endpoint_url")
    if url:
        endpoint_process.stop_bundled_endpoint(url)
    params.search([("key", "=like", "ai_bookkeeping.%")]).unlink()
    for index in INDEXES:
        env.cr.execute(SQL("DROP INDEX IF EXISTS %s", SQL.identifier(index)))
