"""Uninstall the add-on (and its bridge) and check that nothing of it is left: tables, columns, indexes, parameters.

Run inside `odoo-bin shell` on a throw-away database, last (scripts/odoo_tests.mjs does). Prints
"uninstall: N passed, M failed".
"""

env = env  # noqa: F821 - provided by odoo-bin shell
checks = []


def check(name, ok, detail=""):
    checks.append(ok)
    print("%s %s%s" % ("ok  " if ok else "FAIL", name, (" — %s" % detail) if detail else ""))


def count(sql):
    env.cr.execute(sql)
    return env.cr.fetchone()[0]


modules = env["ir.module.module"].search([("name", "in", ("ai_bookkeeping", "ai_bookkeeping_account_reconcile_oca"))])
modules.filtered(lambda m: m.name == "ai_bookkeeping").button_immediate_uninstall()
env.cr.commit()
env.invalidate_all()
check("modules uninstalled", set(modules.mapped("state")) == {"uninstalled"}, str(modules.mapped("state")))
check("no table left", count("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'ai\\_%'") == 0)
check("no column left on statement lines", count(
    "SELECT count(*) FROM information_schema.columns WHERE table_name = 'account_bank_statement_line' "
    "AND column_name LIKE 'ai\\_%'") == 0)
check("no index left", count("SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'ai_bookkeeping%'") == 0)
check("no parameter left", env["ir.config_parameter"].search_count([("key", "=like", "ai_bookkeeping.%")]) == 0)
check("no menu left", env["ir.ui.menu"].search_count([("name", "=", "AI Review")]) == 0)
print("uninstall: %d passed, %d failed" % (sum(checks), len(checks) - sum(checks)))
