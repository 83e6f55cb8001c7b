"""The job queue shared by every workflow: one row per thing to analyse, whatever the number of events.

A workflow enqueues its targets with ``env["ai.job"]._enqueue("<workflow>", records)`` (one INSERT … ON CONFLICT DO
NOTHING: a duplicate event adds nothing). One cron (``_cron_process``) claims the due rows (FOR UPDATE SKIP LOCKED, so
several workers share the queue), groups them by workflow, target model and company, and hands each group to its
handler; a group that fails is recorded on its own rows with a back-off and never stops the other groups.

The handler contract: the target model implements, for its workflow key (defaults in ``AiJobTarget`` below, on
every model):

* ``_ai_job_run(workflow)``: analyse ``self`` (records of one company, ``self.env.company`` theirs); raise on failure.
* ``_ai_job_settled_domain(workflow)``: a domain on the target model for the records with nothing left to analyse
  (never queued; dropped from the queue, even when waiting for a retry). Default: none is ever settled.
* ``_ai_job_failed(workflow, message)``: show on ``self`` why its analysis failed and when it is tried again.
* ``_ai_job_dropped(workflow)``: ``self`` left the queue settled (reset the status it shows).
* ``_ai_job_known_errors(workflow)``: the exception classes that are expected failures: logged without a traceback,
  and retried on the back-off schedule when their ``retryable`` attribute is true (the others wait the longest).

A target that is deleted takes its rows with it: its model's ``unlink`` calls ``_forget_targets`` (as the statement
line does), and the cron drops the rows of targets gone anyway. The pure parts (back-off, grouping, the failure
sentence) are in tools/jobs.py.
"""

import logging

from odoo import api, fields, models
from odoo.tools import SQL

from ..tools import jobs

_logger = logging.getLogger(__name__)


class AiJob(models.Model):
    _name = "ai.job"
    _description = "AI job queue"
    _order = "next_attempt_at, id"

    workflow = fields.Char(required=True, index=True, readonly=True, help='The workflow\'s key, e.g. "reconciliation".')
    res_model = fields.Char(string="Target model", required=True, readonly=True)
    res_id = fields.Many2oneReference(string="Target", model_field="res_model", required=True, index=True,
                                      readonly=True)
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    attempts = fields.Integer(readonly=True)
    next_attempt_at = fields.Datetime(required=True, index=True, default=fields.Datetime.now, readonly=True)
    last_error = fields.Text(readonly=True)

    _sql_constraints = [
        ("target_unique", "UNIQUE(workflow, res_model, res_id)", "A record is queued at most once per workflow."),
    ]

    # ------------------------------------------------------------------ enqueue, find, forget

    @api.model
    def _enqueue(self, workflow, records):
        """Queue ``records`` for ``workflow`` without slowing their creation: one INSERT, duplicates ignored. Settled
        records are not queued: nothing could ever be done for them. Returns the records that are now queued."""
        settled_domain = records._ai_job_settled_domain(workflow)
        if settled_domain:  # filtered_domain([]) would be every record
            records -= records.filtered_domain(settled_domain)
        if not records:
            return records
        company = SQL.identifier("company_id") if "company_id" in records._fields else SQL("NULL")
        now = fields.Datetime.now()
        self.env.cr.execute(SQL(
            """
            INSERT INTO ai_job (workflow, res_model, res_id, company_id, attempts, next_attempt_at,
                                create_uid, write_uid, create_date, write_date)
            SELECT %(workflow)s, %(model)s, t.id, COALESCE(t.%(company)s, %(env_company)s), 0, %(now)s,
                   %(uid)s, %(uid)s, %(now)s, %(now)s
              FROM %(table)s t
             WHERE t.id IN %(ids)s
            ON CONFLICT (workflow, res_model, res_id) DO NOTHING
            """,
            workflow=workflow, model=records._name, company=company, env_company=self.env.company.id, now=now,
            uid=self.env.uid, table=SQL.identifier(records._table), ids=tuple(records.ids),
        ))
        return records

    @api.model
    def _jobs_of(self, workflow, records):
        """The rows queued for ``records`` in ``workflow`` (under the caller's rights)."""
        return self.search([("workflow", "=", workflow), ("res_model", "=", records._name),
                            ("res_id", "in", records.ids)])

    @api.model
    def _forget_targets(self, records):
        """Drop every row of ``records``, whatever the workflow: to call from the target model's ``unlink``."""
        if records:
            self.env.cr.execute(SQL("DELETE FROM ai_job WHERE res_model = %s AND res_id IN %s",
                                    records._name, tuple(records.ids)))

    # ------------------------------------------------------------------ the cron

    @api.model
    def _claim(self, limit):
        """Take up to ``limit`` due rows that no other worker holds (SKIP LOCKED): a row is processed once.
        "Due" is measured with Odoo's clock (as every date the queue writes), not the database's."""
        self.flush_model(["next_attempt_at"])
        self.env.cr.execute(SQL(
            """
            SELECT id FROM ai_job
             WHERE next_attempt_at <= %s
          ORDER BY next_attempt_at, id
             LIMIT %s
               FOR UPDATE SKIP LOCKED
            """,
            fields.Datetime.now(), limit,
        ))
        return self.browse([row[0] for row in self.env.cr.fetchall()])

    @api.model
    def _cron_process(self, batch_size=200):
        """Process one batch. Odoo's cron commits and runs the job again at once while work remains
        (``_notify_progress``), so a crash loses only the batch in hand and several cron workers share the queue."""
        # sudo: the queue is the database's background work and holds the rows of every company. The cron runs as
        # its user (OdooBot, or a user of one company) whose record rules would hide or refuse the other companies'
        # rows; each company's targets are then handled in that company only (with_company in _process).
        queue = self.sudo()
        queue._drop_settled()
        rows = queue._claim(batch_size)
        if rows:
            rows._process()
        remaining = queue.search_count([("next_attempt_at", "<=", fields.Datetime.now())]) if rows else 0
        self.env["ir.cron"]._notify_progress(done=len(rows), remaining=remaining)

    @api.model
    def _drop_settled(self):
        """Forget the rows whose target is gone, or settled meanwhile (by hand, in another screen), even those
        waiting for a retry: nothing is left to do, so they are no longer shown as queued or in error."""
        self.flush_model()
        pairs = self.env.execute_query(SQL("SELECT DISTINCT workflow, res_model FROM ai_job"))
        for workflow, res_model in pairs:
            if res_model not in self.env:  # the model's module was uninstalled
                self.env.cr.execute(SQL("DELETE FROM ai_job WHERE res_model = %s", res_model))
                continue
            Target = self.env[res_model].with_context(active_test=False)
            Target.flush_model()
            self.env.cr.execute(SQL(
                """
                DELETE FROM ai_job WHERE id IN (
                    SELECT j.id FROM ai_job j
                     WHERE j.workflow = %s AND j.res_model = %s
                       AND NOT EXISTS (SELECT 1 FROM %s t WHERE t.id = j.res_id)
                       FOR UPDATE OF j SKIP LOCKED)
                """,
                workflow, res_model, SQL.identifier(Target._table),
            ))
            domain = Target._ai_job_settled_domain(workflow)
            if not domain:
                continue
            settled = Target._search(domain)
            rows = self.env.execute_query(SQL(
                """
                SELECT j.id FROM ai_job j
                 WHERE j.workflow = %s AND j.res_model = %s AND j.res_id IN %s
                   FOR UPDATE OF j SKIP LOCKED
                """,
                workflow, res_model, settled.subselect(),
            ))
            self.browse([row[0] for row in rows])._forget()

    def _targets(self):
        """The records these rows (of one workflow and model) are about, as the rows' company sees them."""
        return self.env[self[:1].res_model].browse(self.mapped("res_id")).with_company(self[:1].company_id)

    def _forget(self):
        """Leave the queue for good, settled: the targets reset the status they show."""
        for (workflow, _model, _company), rows in self._groups().items():
            rows._targets().exists()._ai_job_dropped(workflow)
        self.unlink()

    def _groups(self):
        """These rows by (workflow, target model, company id), in order (tools/jobs.py)."""
        groups = jobs.group_jobs((row.id, row.workflow, row.res_model, row.res_id, row.company_id.id) for row in self)
        return {key: self.browse(job_ids) for key, (job_ids, _res_ids) in groups.items()}

    def _process(self):
        """Hand the claimed rows to their handlers, one call per workflow, model and company. A group that fails,
        for any reason, is recorded on its own rows with a back-off and never stops the other groups or the next
        runs. Rows whose target is gone are dropped; settled targets leave the queue without being analysed."""
        for (workflow, res_model, _company), rows in self._groups().items():
            if res_model not in self.env:
                rows.unlink()
                continue
            existing = rows._targets().exists()
            rows.filtered(lambda row, ids=set(existing.ids): row.res_id not in ids).unlink()
            rows = rows.exists()
            if not rows:
                continue
            settled_domain = existing._ai_job_settled_domain(workflow)
            settled = existing.filtered_domain(settled_domain) if settled_domain else existing.browse()
            todo = existing - settled
            try:
                with self.env.cr.savepoint():
                    if todo:
                        todo._ai_job_run(workflow)
            except Exception as exc:  # noqa: BLE001 - any failure of one group is recorded on it, see docstring
                rows.exists().filtered(lambda row, ids=set(todo.ids): row.res_id in ids)._record_failure(exc)
                rows = rows.exists().filtered(lambda row, ids=set(settled.ids): row.res_id in ids)
            done = existing.filtered_domain(settled_domain) if settled_domain else existing.browse()
            finished = rows.filtered(lambda row, ids=set(done.ids): row.res_id in ids)
            finished._forget()
            (rows - finished).unlink()

    def _record_failure(self, exc):
        """Write why the group failed and when it is tried again, on the rows and on their targets."""
        if not self:
            return
        workflow, company = self[:1].workflow, self[:1].company_id
        targets = self._targets()
        known = isinstance(exc, targets._ai_job_known_errors(workflow))
        retry = known and bool(getattr(exc, "retryable", False))
        reason = str(exc) if known else "%s: %s" % (type(exc).__name__, exc)
        if known:
            _logger.warning("AI %s for %d records of %s failed: %s", workflow, len(self), company.name, reason)
        else:
            _logger.exception("AI %s for %d records of %s failed unexpectedly", workflow, len(self), company.name)
        now = fields.Datetime.now()
        for row in self:
            attempts = row.attempts + 1
            next_attempt = jobs.next_attempt_at(now, attempts, retry)
            row.write({"attempts": attempts, "last_error": reason[:2000], "next_attempt_at": next_attempt})
            targets.browse(row.res_id).exists()._ai_job_failed(workflow, jobs.failure_message(reason, next_attempt))


class AiJobTarget(models.AbstractModel):
    """The handler contract's defaults, on every model (see the module docstring): a workflow's target model
    overrides ``_ai_job_run`` and what else it needs, for its own workflow key, calling ``super()`` for the others."""

    _inherit = "base"

    def _ai_job_run(self, workflow):
        raise NotImplementedError("%s has no handler for the AI workflow %r" % (self._name, workflow))

    def _ai_job_settled_domain(self, workflow):
        return []

    def _ai_job_failed(self, workflow, message):
        return None

    def _ai_job_dropped(self, workflow):
        return None

    def _ai_job_known_errors(self, workflow):
        return ()
