from odoo.tools import SQL

from .models.account_move_line import INDEXES
from .tools import endpoint_process


def post_init_hook(env):
    """Make sure the bundled endpoint's server-wide secret exists, so that it is authenticated from the first call
    (it is created on first use anyway, the same for every database of this server)."""
    endpoint_process.server_secret(env["ai.endpoint"]._get_run_dir())


def uninstall_hook(env):
    """Leave nothing behind: our indexes on Odoo's tables, our parameters, the endpoint we started (another
    database of this server that uses it starts it again at its next request)."""
    env["ai.endpoint"]._restart_bundled_endpoint()
    params = env["ir.config_parameter"].sudo()  # sudo: removing the add-on's own system parameters
    params.search([("key", "=like", "ai_bookkeeping.%")]).unlink()
    for index in INDEXES:
        env.cr.execute(SQL("DROP INDEX IF EXISTS %s", SQL.identifier(index)))
