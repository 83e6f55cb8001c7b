"""Confidence bands: the one definition, confidence_bands.json, read here and by the endpoint
(web_src/contracts/reconcile.ts: its "auto" grade is the high band). Test vectors that both run:
test/vectors/confidence_bands.json."""

import json
import os

BANDS_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "confidence_bands.json")
# A dashboard filter compares with <=: a band's upper bound is nudged just below the next band's min.
BELOW = 1e-9


def _load_bands(path=BANDS_PATH):
    """((value, min), ...), highest first."""
    with open(path, encoding="utf-8") as handle:
        return tuple((band["value"], band["min"]) for band in json.load(handle)["bands"])


BANDS = _load_bands()
HIGH = BANDS[0][1]
SELECTION = [("high", "High"), ("medium", "Medium"), ("low", "Low")]


def band_of(confidence):
    """The band of a confidence from 0 to 1: the first one whose min it reaches."""
    for value, low in BANDS:
        if confidence >= low:
            return value
    return BANDS[-1][0]


def ranges():
    """((value, lowest, highest), ...), highest first, for domains on the confidence: None where the band is open
    (the top band has no upper bound, the bottom one no lower bound)."""
    last = len(BANDS) - 1
    return tuple(
        (value, None if index == last else low, None if index == 0 else BANDS[index - 1][1] - BELOW)
        for index, (value, low) in enumerate(BANDS)
    )
