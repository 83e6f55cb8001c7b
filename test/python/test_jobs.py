"""The job queue's pure parts (ai_bookkeeping/tools/jobs.py): back-off schedule, failure sentence, grouping."""

import unittest
from datetime import datetime, timedelta

import aib_tools_loader

aib_tools_loader.load()

from aib_tools import jobs  # noqa: E402


class TestBackoff(unittest.TestCase):
    def test_doubles_from_one_minute_and_stops_at_six_hours(self):
        self.assertEqual([jobs.backoff_minutes(n) for n in (0, 1, 2, 3, 4)], [1, 1, 2, 4, 8])
        self.assertEqual(jobs.backoff_minutes(9), 256)
        self.assertEqual(jobs.backoff_minutes(10), jobs.MAX_BACKOFF_MINUTES)
        self.assertEqual(jobs.backoff_minutes(500), 360)

    def test_a_failure_that_later_cannot_mend_waits_the_longest(self):
        now = datetime(2026, 1, 20, 10, 0)
        self.assertEqual(jobs.next_attempt_at(now, 3, True), now + timedelta(minutes=4))
        self.assertEqual(jobs.next_attempt_at(now, 1, False), now + timedelta(hours=6))


class TestFailureMessage(unittest.TestCase):
    def test_one_line_with_a_full_stop_and_the_next_try(self):
        when = datetime(2026, 1, 20, 10, 5, 42)
        self.assertEqual(jobs.failure_message("Nothing\n answers", when),
                         "Nothing answers. Next try: 2026-01-20 10:05 UTC.")
        self.assertEqual(jobs.failure_message("Refused.", when), "Refused. Next try: 2026-01-20 10:05 UTC.")
        self.assertLess(len(jobs.failure_message("x" * 5000, when)), 450)


class TestGroupJobs(unittest.TestCase):
    def test_one_group_per_workflow_model_and_company_in_claim_order(self):
        rows = [(1, "reconciliation", "account.bank.statement.line", 10, 1),
                (2, "anomaly", "account.move", 7, 1),
                (3, "reconciliation", "account.bank.statement.line", 11, 2),
                (4, "reconciliation", "account.bank.statement.line", 12, 1),
                (5, "anomaly", "account.move", 7, 2)]
        self.assertEqual(jobs.group_jobs(rows), {
            ("reconciliation", "account.bank.statement.line", 1): ([1, 4], [10, 12]),
            ("anomaly", "account.move", 1): ([2], [7]),
            ("reconciliation", "account.bank.statement.line", 2): ([3], [11]),
            ("anomaly", "account.move", 2): ([5], [7]),
        })
        self.assertEqual(list(jobs.group_jobs(rows))[0], ("reconciliation", "account.bank.statement.line", 1))
        self.assertEqual(jobs.group_jobs([]), {})


if __name__ == "__main__":
    unittest.main()
