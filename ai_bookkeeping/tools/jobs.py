"""The job queue's pure parts (no ``env``): the back-off schedule, the failure sentence, the grouping of claimed rows.
Used by models/ai_job.py; tested without Odoo in test/python/test_jobs.py."""

from datetime import timedelta

MAX_BACKOFF_MINUTES = 6 * 60


def backoff_minutes(attempts):
    """Minutes to wait before the next try after ``attempts`` failures: 1, 2, 4 … capped at 6 hours."""
    return min(2 ** max(attempts - 1, 0), MAX_BACKOFF_MINUTES)


def next_attempt_at(now, attempts, retryable):
    """When a job that failed for the ``attempts``-th time is tried again: on the back-off schedule if trying later
    may help, else after the longest wait (a person may have fixed the cause by then)."""
    return now + timedelta(minutes=backoff_minutes(attempts) if retryable else MAX_BACKOFF_MINUTES)


def failure_message(reason, next_attempt):
    """The sentence a target in error shows: what went wrong and when the queue tries again (UTC, to the minute)."""
    reason = " ".join(reason.split())[:400]
    return "%s Next try: %s UTC." % (reason if reason.endswith(".") else reason + ".",
                                      next_attempt.strftime("%Y-%m-%d %H:%M"))


def group_jobs(rows):
    """Claimed rows ``(job_id, workflow, res_model, res_id, company_id)`` as ``{(workflow, res_model, company_id):
    ([job_id …], [res_id …])}``, in claim order: each group is one call of its workflow's handler, in one company."""
    groups = {}
    for job_id, workflow, res_model, res_id, company_id in rows:
        job_ids, res_ids = groups.setdefault((workflow, res_model, company_id), ([], []))
        job_ids.append(job_id)
        res_ids.append(res_id)
    return groups
