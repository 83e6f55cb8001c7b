import logging
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

from ..tools import endpoint_client

_logger = logging.getLogger(__name__)

MAX_BACKOFF_MINUTES = 6 * 60


def backoff_minutes(attempts):
    """Minutes to wait before the next try after ``attempts`` failures: 1, 2, 4 … capped at 6 hours."""
    return min(2 ** max(attempts - 1, 0), MAX_BACKOFF_MINUTES)


class AiReconciliationQueue(models.Model):
    """Statement lines waiting for an AI suggestion. One row per line, whatever the number of events."""

    _name = "ai.reconciliation.queue"
    _description = "AI reconciliation queue"
    _order = "next_attempt_at, id"

    statement_line_id = fields.Many2one(
        "account.bank.statement.line", required=True, ondelete="cascade", index=True, readonly=True
    )
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    attempts = fields.Integer(readonly=True)
    next_attempt_at = fields.Datetime(required=True, index=True, default=fields.Datetime.now, readonly=True)
    last_error = fields.Text(readonly=True)

    _sql_constraints = [
        ("statement_line_unique", "UNIQUE(statement_line_id)", "A statement line is queued at most once."),
    ]

    @api.model
    def _enqueue(self, st_lines):
        """Queue lines without slowing their creation: one INSERT, duplicates ignored."""
        if not st_lines:
            return
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO ai_reconciliation_queue
                       (statement_line_id, company_id, attempts, next_attempt_at, create_uid, write_uid,
                        create_date, write_date)
                SELECT st.id, st.company_id, 0, now() at time zone 'UTC', %(uid)s, %(uid)s,
                       now() at time zone 'UTC', now() at time zone 'UTC'
                  FROM account_bank_statement_line st
                 WHERE st.id IN %(ids)s
                ON CONFLICT (statement_line_id) DO NOTHING
                """,
                uid=self.env.uid,
                ids=tuple(st_lines.ids),
            )
        )
        st_lines.filtered(lambda l: l.ai_state in (False, "none", "error")).write({"ai_state": "queued"})

    @api.model
    def _claim(self, limit):
        """Take up to ``limit`` due rows that no other worker holds (SKIP LOCKED): a line is processed once."""
        self.env.cr.execute(
            SQL(
                """
                SELECT id FROM ai_reconciliation_queue
                 WHERE next_attempt_at <= now() at time zone 'UTC'
              ORDER BY next_attempt_at, id
                 LIMIT %s
                   FOR UPDATE SKIP LOCKED
                """,
                limit,
            )
        )
        return self.browse([row[0] for row in self.env.cr.fetchall()])

    @api.model
    def _cron_process(self, batch_size=200):
        """Process one batch. Odoo's cron commits and runs the job again at once while work remains
        (``_notify_progress``), so a crash loses only the batch in hand and several cron workers share the queue."""
        rows = self._claim(batch_size)
        if rows:
            rows._process()
        remaining = self.search_count([("next_attempt_at", "<=", fields.Datetime.now())]) if rows else 0
        self.env["ir.cron"]._notify_progress(done=len(rows), remaining=remaining)

    def _process(self):
        Request = self.env["ai.reconciliation.request"]
        for company in self.company_id:
            rows = self.filtered(lambda r: r.company_id == company)
            st_lines = rows.statement_line_id.filtered(lambda l: not l.is_reconciled)
            done = rows.filtered(lambda r: r.statement_line_id not in st_lines)
            try:
                with self.env.cr.savepoint():
                    Request.with_company(company)._suggest_for_lines(st_lines)
                done |= rows
            except (endpoint_client.EndpointError, ValueError) as exc:
                retry = not isinstance(exc, ValueError) and getattr(exc, "retryable", True)
                _logger.warning("AI suggestions for %d lines of %s failed (%s): %s",
                                len(st_lines), company.name, "will retry" if retry else "not retried", exc)
                for row in rows - done:
                    row.write({
                        "attempts": row.attempts + 1,
                        "last_error": str(exc)[:2000],
                        "next_attempt_at": fields.Datetime.now() + timedelta(
                            minutes=backoff_minutes(row.attempts + 1) if retry else MAX_BACKOFF_MINUTES),
                    })
                (rows - done).statement_line_id.write({"ai_state": "error"})
            done.unlink()
