import logging
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

from ..tools import endpoint_client, reconcile_payload

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
        """Queue lines without slowing their creation: one INSERT, duplicates ignored. Lines with nothing left to
        reconcile (reconciled already, zero amount) are not queued: no suggestion could ever be made for them."""
        st_lines = st_lines.filtered(lambda line: not line.is_reconciled)
        if not st_lines:
            return
        now = fields.Datetime.now()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO ai_reconciliation_queue
                       (statement_line_id, company_id, attempts, next_attempt_at, create_uid, write_uid,
                        create_date, write_date)
                SELECT st.id, st.company_id, 0, %(now)s, %(uid)s, %(uid)s, %(now)s, %(now)s
                  FROM account_bank_statement_line st
                 WHERE st.id IN %(ids)s
                ON CONFLICT (statement_line_id) DO NOTHING
                """,
                uid=self.env.uid,
                now=now,
                ids=tuple(st_lines.ids),
            )
        )
        st_lines.filtered(lambda line: line.ai_state in (False, "none", "error")).write({"ai_state": "queued"})

    @api.model
    def _claim(self, limit):
        """Take up to ``limit`` due rows that no other worker holds (SKIP LOCKED): a line is processed once.
        "Due" is measured with Odoo's clock (as every date the queue writes), not the database's."""
        self.flush_model(["next_attempt_at"])
        self.env.cr.execute(
            SQL(
                """
                SELECT id FROM ai_reconciliation_queue
                 WHERE next_attempt_at <= %s
              ORDER BY next_attempt_at, id
                 LIMIT %s
                   FOR UPDATE SKIP LOCKED
                """,
                fields.Datetime.now(),
                limit,
            )
        )
        return self.browse([row[0] for row in self.env.cr.fetchall()])

    @api.model
    def _cron_process(self, batch_size=200):
        """Process one batch. Odoo's cron commits and runs the job again at once while work remains
        (``_notify_progress``), so a crash loses only the batch in hand and several cron workers share the queue."""
        # sudo: the queue is the database's background work and holds the lines of every company. The cron runs as
        # its user (OdooBot, or a user of one company) whose record rules would hide or refuse the other companies'
        # rows; each company's lines are then asked for in that company only (with_company in _process).
        queue = self.sudo()
        queue._drop_settled()
        rows = queue._claim(batch_size)
        if rows:
            rows._process()
        remaining = queue.search_count([("next_attempt_at", "<=", fields.Datetime.now())]) if rows else 0
        self.env["ir.cron"]._notify_progress(done=len(rows), remaining=remaining)

    @api.model
    def _drop_settled(self):
        """Forget the lines reconciled meanwhile (by hand, in another screen), even those waiting for a retry:
        nothing is left to suggest, so they are no longer shown as queued or in error."""
        self.env["account.bank.statement.line"].flush_model(["is_reconciled"])
        self.env.cr.execute(SQL(
            """
            SELECT q.id FROM ai_reconciliation_queue q
              JOIN account_bank_statement_line st ON st.id = q.statement_line_id
             WHERE st.is_reconciled
               FOR UPDATE OF q SKIP LOCKED
            """
        ))
        self.browse([row[0] for row in self.env.cr.fetchall()])._forget()

    def _forget(self):
        """Leave the queue for good: the lines' AI status goes back to "Not asked" unless they got an answer."""
        self.statement_line_id.filtered(lambda line: line.ai_state in ("queued", "error")).write(
            {"ai_state": "none", "ai_error": False})
        self.unlink()

    def _process(self):
        """Ask for the claimed rows, one request per company. A company's batch that fails, for any reason, is
        recorded on its own rows with a back-off and never stops the other batches or the next runs."""
        Request = self.env["ai.reconciliation.request"]
        done = self.browse()
        for company, rows in self.grouped("company_id").items():
            settled = rows.filtered(lambda r: r.statement_line_id.is_reconciled)
            done |= settled
            rows -= settled
            st_lines = rows.statement_line_id.with_company(company)
            try:
                with self.env.cr.savepoint():
                    Request.with_company(company)._suggest_for_lines(st_lines)
            except Exception as exc:  # noqa: BLE001 - any failure of one batch is recorded on it, see docstring
                rows.exists()._record_failure(company, exc)
                continue
            done |= rows
        settled = done.filtered(lambda r: r.statement_line_id.is_reconciled)
        settled._forget()
        (done - settled).unlink()

    def _record_failure(self, company, exc):
        """Write why the batch failed and when it is tried again, on the rows and on their lines."""
        known = isinstance(exc, (endpoint_client.EndpointError, reconcile_payload.ReplyError))
        retry = isinstance(exc, endpoint_client.EndpointError) and exc.retryable
        reason = str(exc) if known else "%s: %s" % (type(exc).__name__, exc)
        if known:
            _logger.warning("AI suggestions for %d lines of %s failed: %s", len(self), company.name, reason)
        else:
            _logger.exception("AI suggestions for %d lines of %s failed unexpectedly", len(self), company.name)
        now = fields.Datetime.now()
        for row in self:
            attempts = row.attempts + 1
            next_attempt = now + timedelta(minutes=backoff_minutes(attempts) if retry else MAX_BACKOFF_MINUTES)
            row.write({"attempts": attempts, "last_error": reason[:2000], "next_attempt_at": next_attempt})
            row.statement_line_id.write({"ai_state": "error", "ai_error": failure_message(reason, next_attempt)})


def failure_message(reason, next_attempt):
    """The sentence a line in error shows: what went wrong and when the queue tries again (UTC)."""
    reason = " ".join(reason.split())[:400]
    return "%s Next try: %s UTC." % (reason if reason.endswith(".") else reason + ".",
                                      fields.Datetime.to_string(next_attempt)[:16])
