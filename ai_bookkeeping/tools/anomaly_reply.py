"""Checks of the endpoint's anomaly reply (web_src/contracts/anomalies.ts), and the small pure pieces of the
request. No Odoo import: tested in test/python/test_anomaly_reply.py.

Odoo trusts nothing in the reply: each finding must name a detector it knows, a score in [0, 1], a reason, a
dedup key, and a target and evidence among the records it sent.
"""

import json
import os

# The detectors and their labels: one list for Odoo and the endpoint (web_src/contracts/anomalies.ts checks it).
with open(os.path.join(os.path.dirname(__file__), "anomaly_detectors.json"), encoding="utf-8") as _file:
    DETECTORS = json.load(_file)
DUPLICATE_DETECTORS = {"duplicate_bill", "duplicate_reference", "duplicate_payment", "duplicate_bank_line"}
EVIDENCE_MODELS = {"account.move", "account.move.line", "account.payment", "account.bank.statement.line",
                   "account.journal", "res.partner"}
MAX_KEY = 256
MAX_REASON = 2000


class AnomalyReplyError(ValueError):
    """The endpoint's anomaly reply breaks the contract; the message says where."""


ITEM_KINDS = {"in_invoice": "bill", "in_refund": "refund", "out_invoice": "invoice", "out_refund": "invoice",
              "in_receipt": "bill", "out_receipt": "invoice", "entry": "entry"}


def item_kind(move_type):
    return ITEM_KINDS.get(move_type, "entry")


def _evidence(value, where):
    if not isinstance(value, dict) or value.get("model") not in EVIDENCE_MODELS:
        raise AnomalyReplyError("%s: expected {model, id} with a known model" % where)
    record_id = value.get("id")
    if not isinstance(record_id, int) or isinstance(record_id, bool) or record_id <= 0:
        raise AnomalyReplyError("%s: id must be a positive integer" % where)
    return value["model"], record_id


def checked_findings(reply, sent):
    """The findings of ``reply``, checked; ``sent`` is the set of (model, id) Odoo sent (items, history, sets).
    Raises AnomalyReplyError on the first breach."""
    if not isinstance(reply, dict) or not isinstance(reply.get("findings"), list):
        raise AnomalyReplyError("the reply has no findings list")
    findings = []
    for index, finding in enumerate(reply["findings"]):
        where = "finding %d" % index
        if not isinstance(finding, dict):
            raise AnomalyReplyError("%s: not an object" % where)
        detector = finding.get("detector")
        if detector not in DETECTORS:
            raise AnomalyReplyError("%s: unknown detector %r" % (where, detector))
        score = finding.get("score")
        if not isinstance(score, (int, float)) or isinstance(score, bool) or not 0 <= score <= 1:
            raise AnomalyReplyError("%s: score must be between 0 and 1" % where)
        for key, limit in (("reason", MAX_REASON), ("dedupKey", MAX_KEY), ("patternKey", MAX_KEY)):
            value = finding.get(key)
            if not isinstance(value, str) or not value.strip() or len(value) > limit:
                raise AnomalyReplyError("%s: %s must be a text of 1 to %d characters" % (where, key, limit))
        target = _evidence(finding.get("target"), where + " target")
        evidence = [_evidence(e, "%s evidence %d" % (where, i)) for i, e in enumerate(finding.get("evidence") or [])]
        unknown = [ref for ref in [target, *evidence] if ref not in sent]
        if unknown:
            raise AnomalyReplyError("%s: names %s #%d, which Odoo did not send" % (where, *unknown[0]))
        amount = finding.get("amount")
        partner_id = finding.get("partnerId")
        findings.append({
            "detector": detector,
            "score": float(score),
            "reason": finding["reason"].strip(),
            "dedup_key": finding["dedupKey"],
            "pattern_key": finding["patternKey"],
            "target": target,
            "evidence": evidence,
            "amount": float(amount) if isinstance(amount, (int, float)) and not isinstance(amount, bool) else 0.0,
            "partner_id": partner_id if isinstance(partner_id, int) and not isinstance(partner_id, bool) else None,
        })
    return findings


def detector_errors(reply):
    """[(detector, message)] the endpoint reports as crashed (the other detectors ran)."""
    errors = reply.get("errors") if isinstance(reply, dict) else None
    return [(str(e.get("detector")), str(e.get("message"))[:500]) for e in errors or [] if isinstance(e, dict)]
