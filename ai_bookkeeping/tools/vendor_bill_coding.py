"""Vendor bills from documents: the expense account and analytic of a line, learned, and what a clerk corrected.
Pure, no env.

:func:`learn_coding` reads this vendor's history: the latest correction a clerk made on an AI-filled bill wins
(a deliberate instruction), then the account its posted bills used for the same description, then the one they
used most. :func:`corrections` compares what the AI filled with what was approved; :func:`overall_confidence`
says how sure the whole bill is.
"""

import json
import re
from collections import Counter

# Header fields that must be right for a bill to be right (the "all header fields").
KEY_FIELDS = ("invoice_number", "invoice_date", "total")
SNAPSHOT_HEADER = ("partner_id", "ref", "invoice_date", "invoice_date_due", "currency_id")
SNAPSHOT_LINE = ("account_id", "tax_ids", "quantity", "price_unit", "analytic_distribution")


# Month names (English, German, French, and their usual abbreviations): a bill's period changes every month.
_MONTHS = frozenset("""
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    januar februar märz maerz juni juli oktober dezember mrz okt dez
    janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre
    janv févr fevr avr juil sept déc
""".split())


def description_key(text):
    """Words of a line description without numbers and month names (periods and quantities change from bill to
    bill)."""
    words = re.findall(r"[^\W\d_]{2,}", (text or "").lower())
    return " ".join(word for word in words if word not in _MONTHS)


def _distribution_key(distribution):
    return json.dumps(distribution, sort_keys=True) if distribution else ""


def learn_coding(history, corrections=(), description=""):
    """The account and analytic distribution for one line of a new bill of this vendor, or None.

    :param history: this vendor's posted bill lines, newest first: ``[{"account_id", "description", "date",
        "analytic_distribution"}]``.
    :param corrections: accounts clerks set on AI-filled bills of this vendor before approving them, newest first:
        ``[{"account_id", "analytic_distribution", "description"}]``.
    :return: ``{"account_id", "analytic_distribution", "source": "correction"|"description"|"vendor"}``.
    """
    key = description_key(description)
    for correction in corrections:
        if correction.get("account_id") and (not correction.get("description") or not key
                                              or description_key(correction["description"]) == key):
            return {"account_id": correction["account_id"],
                    "analytic_distribution": correction.get("analytic_distribution") or None,
                    "source": "correction"}
    lines = [line for line in history if line.get("account_id")]
    if not lines:
        return None
    same = [line for line in lines if key and description_key(line.get("description")) == key]
    pool, source = (same, "description") if same else (lines, "vendor")
    counts = Counter(line["account_id"] for line in pool)
    order = {}
    for index, line in enumerate(pool):
        order.setdefault(line["account_id"], index)
    account_id = max(counts, key=lambda account: (counts[account], -order[account]))
    distributions = Counter(_distribution_key(line.get("analytic_distribution"))
                            for line in pool if line["account_id"] == account_id)
    best = max(distributions, key=lambda k: distributions[k]) if distributions else ""
    return {"account_id": account_id, "analytic_distribution": json.loads(best) if best else None, "source": source}


def _normalise(name, value):
    if name == "tax_ids":
        return sorted(value or [])
    if name in ("quantity", "price_unit"):
        return round(float(value or 0.0), 6)
    if name == "analytic_distribution":
        return _distribution_key(value)
    return value or None


def corrections(filled, current):
    """What changed between the AI's filling and the bill as it is approved: ``[{"field", "line", "from",
    "to"}]`` (``line`` is None for header fields). Lines added or removed count as corrections too.

    ``filled`` and ``current`` are snapshots: the header fields of SNAPSHOT_HEADER and ``lines``, each a dict of
    SNAPSHOT_LINE plus ``description``."""
    changes = []
    for name in SNAPSHOT_HEADER:
        before, after = _normalise(name, filled.get(name)), _normalise(name, current.get(name))
        if before != after:
            changes.append({"field": name, "line": None, "from": filled.get(name), "to": current.get(name)})
    before_lines, after_lines = filled.get("lines") or [], current.get("lines") or []
    for index, (before, after) in enumerate(zip(before_lines, after_lines, strict=False)):
        for name in SNAPSHOT_LINE:
            if _normalise(name, before.get(name)) != _normalise(name, after.get(name)):
                changes.append({"field": name, "line": index, "from": before.get(name), "to": after.get(name),
                                "description": after.get("description") or before.get("description") or "",
                                "coding": {"account_id": after.get("account_id"),
                                           "analytic_distribution": after.get("analytic_distribution") or None}})
    if len(before_lines) != len(after_lines):
        changes.append({"field": "lines", "line": None, "from": len(before_lines), "to": len(after_lines)})
    return changes


def account_corrections(changes):
    """The lines whose account or analytic a clerk changed, among ``corrections(...)``, as learn_coding's
    ``corrections`` entries (one per line, with the line's coding as approved)."""
    entries = {}
    for change in changes:
        coding = change.get("coding") or {}
        if change["field"] in ("account_id", "analytic_distribution") and coding.get("account_id"):
            entries.setdefault(change["line"], {"account_id": coding["account_id"],
                                                "description": change.get("description") or "",
                                                "analytic_distribution": coding.get("analytic_distribution")})
    return [entries[line] for line in sorted(entries)]


def overall_confidence(fields, vendor_confidence, blocking):
    """How sure the whole bill is: its weakest key field (vendor included); at most 0.5 with a blocking finding,
    0 when a key field is missing."""
    values = [vendor_confidence or 0.0]
    for key in KEY_FIELDS:
        field = fields.get(key)
        values.append(field["confidence"] if field else 0.0)
    confidence = min(values)
    if blocking:
        confidence = min(confidence, 0.5)
    return round(confidence, 3)


def clean_streak(decisions):
    """How many of this vendor's latest decided AI bills, newest first (``[{"approved", "corrected"}]``), were
    approved with no field corrected, until the first that was not."""
    streak = 0
    for decision in decisions:
        if not decision.get("approved") or decision.get("corrected"):
            break
        streak += 1
    return streak
