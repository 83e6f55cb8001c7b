from odoo.tools import SQL

from .models.account_move_line import INDEXES
from .tools import endpoint_process


def post_init_hook(env):
    """Make sure the bundled endpoint's server-wide secret exists, so that it is authenticated from the first call
    (it is created on first use anyway, the same for every database of this server)."""
    endpoint_process.server_secret(env["ai.endpoint"]._get_run_dir())
    if env.ref("base.module_ai_bookkeeping").demo:
        # Demo data loads before this hook: its lines are queued there, and their suggestions asked for here, so
        # that an admin who installs with demo data sees a queue at once rather than after the first cron run.
        env["ai.bookkeeping.demo"]._suggest_demo_lines()
        # An install (often --stop-after-init) leaves no endpoint process behind; the next request starts it again.
        env["ai.endpoint"]._restart_bundled_endpoint()


def uninstall_hook(env):
    """Leave nothing behind: our indexes on Odoo's tables, our parameters, the endpoint we started (another
    database of this server that uses it starts it again at its next request)."""
    env["ai.endpoint"]._restart_bundled_endpoint()
    params = env["ir.config_parameter"].sudo()  # sudo: removing the add-on's own system parameters
    params.search([("key", "=like", "ai_bookkeeping.%")]).unlink()
    for index in INDEXES:
        env.cr.execute(SQL("DROP INDEX IF EXISTS %s", SQL.identifier(index)))
