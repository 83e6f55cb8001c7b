"""The tests do not depend on the day they run (issue 9, item 12)."""

from odoo import fields
from odoo.tests import tagged

from .common import FROZEN_NOW, frozen_clock
from .test_queue import TestQueue


@tagged("post_install", "-at_install")
class TestQueueOnALaterDay(TestQueue):
    """TestQueue again, on a machine whose clock says 2027-03-01: more than 400 days after the factories' dates,
    where the history test used to fail. The base class freezes Odoo's "today" inside this outer clock."""

    allow_inherited_tests_method = True

    @classmethod
    def setUpClass(cls):
        cls.startClassPatcher(frozen_clock("2027-03-01 08:00:00"))
        super().setUpClass()

    def test_today_is_the_frozen_day(self):
        self.assertEqual(fields.Date.to_string(fields.Date.today()), FROZEN_NOW[:10])
