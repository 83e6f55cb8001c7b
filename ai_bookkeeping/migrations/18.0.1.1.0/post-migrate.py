"""18.0.1.1.0: the reconciliation queue (ai.reconciliation.queue) became the generic job queue (ai.job).

Moves the waiting rows, with their attempts, next try and last error, into ai.job and drops the old table (Odoo drops
only the tables of models still in its registry); removes the old cron and its action, which Odoo keeps because their
record is noupdate."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    cr.execute("SELECT to_regclass('ai_reconciliation_queue') IS NOT NULL")
    if cr.fetchone()[0]:
        cr.execute(
            """
            INSERT INTO ai_job (workflow, res_model, res_id, company_id, attempts, next_attempt_at, last_error,
                                create_uid, write_uid, create_date, write_date)
            SELECT 'reconciliation', 'account.bank.statement.line', statement_line_id, company_id, attempts,
                   next_attempt_at, last_error, create_uid, write_uid, create_date, write_date
              FROM ai_reconciliation_queue
            ON CONFLICT (workflow, res_model, res_id) DO NOTHING
            """
        )
        # Odoo drops only the tables of models still in its registry: this one is gone from it.
        cr.execute("DROP TABLE ai_reconciliation_queue CASCADE")
    env = api.Environment(cr, SUPERUSER_ID, {})
    old_cron = env.ref("ai_bookkeeping.ir_cron_ai_reconciliation_queue", raise_if_not_found=False)
    if old_cron:
        action = old_cron.ir_actions_server_id
        old_cron.unlink()
        action.unlink()
