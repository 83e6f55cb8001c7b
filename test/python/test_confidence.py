"""The confidence bands (ai_bookkeeping/tools/confidence.py): no Odoo, no database.

Run: python3 -m unittest discover -s test/python -v
"""

import json
import os
import unittest

import aib_tools_loader

aib_tools_loader.load()

from aib_tools import confidence  # noqa: E402

VECTORS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "vectors", "confidence_bands.json")


class TestConfidenceBands(unittest.TestCase):
    def test_shared_vectors(self):
        """The same vectors run against web_src/contracts/reconcile.ts (test/contracts/confidence_bands.test.ts)."""
        with open(VECTORS, encoding="utf-8") as handle:
            vectors = json.load(handle)["bands"]
        self.assertTrue(vectors)
        for value, band in vectors:
            with self.subTest(confidence=value):
                self.assertEqual(confidence.band_of(value), band)

    def test_the_field_offers_every_band_in_order(self):
        self.assertEqual([value for value, _label in confidence.SELECTION], [value for value, _min in confidence.BANDS])

    def test_ranges_cover_zero_to_one_without_overlap(self):
        self.assertEqual(confidence.ranges(), (("high", 0.95, None), ("medium", 0.8, 0.95 - 1e-9),
                                               ("low", None, 0.8 - 1e-9)))
        self.assertEqual(confidence.HIGH, 0.95)


if __name__ == "__main__":
    unittest.main()
