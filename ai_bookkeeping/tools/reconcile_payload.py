"""Build the reconciliation request for the AI endpoint and check its reply (mirror of web_src/contracts/reconcile.ts).

Plain values in, plain values out: the model layer reads records and hands dicts to these functions.
"""

import hashlib
import math
import re

from . import minimise, signing

MAX_LABEL_LENGTH = 2000
MATCH_TYPES = ("full", "partial", "multi", "writeoff", "expense")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ReplyError(ValueError):
    """The endpoint's reply does not fit the contract."""


def clean_text(value, max_length=MAX_LABEL_LENGTH):
    """Text as the engine may see it: control and bidi-override characters replaced, whitespace folded, cut to
    ``max_length``. Returns ``(text, was_truncated)``."""
    text = _CONTROL.sub(" ", value or "")
    text = " ".join(text.split())
    if len(text) > max_length:
        return text[:max_length], True
    return text, False


def _money(value):
    value = float(value or 0.0)
    if not math.isfinite(value):
        raise ValueError("amount is not a finite number")
    return round(value, 6)


def _date(value):
    text = str(value) if value else ""
    if not _ISO_DATE.match(text):
        raise ValueError("date %r is not a YYYY-MM-DD date" % (value,))
    return text


def outgoing_request(payload, minimise_data=False):
    """The request as it leaves Odoo: unchanged, or minimised when the company asks for data minimisation."""
    return minimise.minimise_request(payload) if minimise_data else payload


def payload_hash(payload):
    """SHA-256 of the request as sent: the audit log keeps this fingerprint of the inputs, never a copy."""
    return hashlib.sha256(signing.request_body(payload)).hexdigest()


def line_payload(line):
    """``line``: dict with id, date, amount, currency, amount_company, label, ref, partner_name, account_number,
    partner_id. Raises ValueError with a readable sentence when the line cannot be sent."""
    label, truncated_label = clean_text(line.get("label"))
    ref, truncated_ref = clean_text(line.get("ref"))
    partner_name, _cut = clean_text(line.get("partner_name"), 512)
    account_number, _cut = clean_text(line.get("account_number"), 64)
    payload = {
        "id": int(line["id"]),
        "date": _date(line.get("date")),
        "amount": _money(line.get("amount")),
        "currency": line["currency"],
        "amountCompany": _money(line.get("amount_company")),
        "label": label,
        "ref": ref,
        "partnerName": partner_name,
        "accountNumber": account_number.replace(" ", ""),
        "partnerId": line.get("partner_id") or None,
    }
    return payload, truncated_label or truncated_ref


def open_item_payload(item):
    return {
        "id": int(item["id"]),
        "moveId": int(item["move_id"]),
        "moveName": clean_text(item.get("move_name"), 256)[0],
        "ref": clean_text(item.get("ref"), 512)[0],
        "partnerId": item.get("partner_id") or None,
        "partnerName": clean_text(item.get("partner_name"), 512)[0],
        "date": _date(item.get("date")),
        "dateMaturity": _date(item["date_maturity"]) if item.get("date_maturity") else None,
        "amountResidual": _money(item.get("amount_residual")),
        "amountResidualCurrency": _money(item.get("amount_residual_currency")),
        "currency": item["currency"],
        "accountType": item["account_type"],
    }


def history_payload(entry):
    return {
        "label": clean_text(entry.get("label"))[0],
        "partnerName": clean_text(entry.get("partner_name"), 512)[0],
        "accountNumber": clean_text(entry.get("account_number"), 64)[0].replace(" ", ""),
        "amount": _money(entry.get("amount")),
        "date": _date(entry.get("date")),
        "partnerId": entry.get("partner_id") or None,
        "accountId": entry.get("account_id") or None,
        "taxIds": list(entry.get("tax_ids") or [])[:20],
        "outcome": entry.get("outcome") or "reconciled",
        "rejectedPartnerId": entry.get("rejected_partner_id") or None,
        "rejectedAccountId": entry.get("rejected_account_id") or None,
    }


# Bounds of a reply (the same as web_src/contracts/reconcile.ts), and what the database can store.
MAX_SUGGESTIONS_PER_LINE = 10
MAX_CANDIDATES_PER_SUGGESTION = 50
MAX_TAXES_PER_SUGGESTION = 20
MAX_RANK = 1000
MAX_WRITEOFF = 1e12


def _is_id(value):
    """A record id as JSON carries it: an int (never a bool, float or string)."""
    return type(value) is int


def _is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _storable_text(value, max_length):
    """Text of the reply as the database may store it: no NUL or control characters, bounded."""
    return clean_text(value, max_length)[0]


def _engine_text(value, max_length):
    return _storable_text(value, max_length) if isinstance(value, str) else ""


def parse_reply(data, line_ids, candidate_ids, account_ids, partner_ids, tax_ids=()):
    """Check the endpoint's reply against what was sent: each id must be one that was sent (``tax_ids``: the taxes
    of the history sent), each value of the right type and within what the database stores. Returns
    ``({line_id: [suggestion dict]}, engine_info, dropped)`` where ``dropped`` lists sentences about the parts
    refused. Raises ReplyError when the reply as a whole is unusable; never another exception, whatever the reply."""
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise ReplyError("The AI endpoint's reply has no list of results.")
    engine = data.get("engine") if isinstance(data.get("engine"), dict) else {}
    engine_info = {
        "name": _engine_text(engine.get("name"), 64) or "unknown",
        "version": _engine_text(engine.get("version"), 32),
        "model": _engine_text(engine.get("model"), 128) or False,
    }
    sent = {
        "line": {i for i in line_ids if _is_id(i)},
        "candidate": {i for i in candidate_ids if _is_id(i)},
        "account": {i for i in account_ids if _is_id(i)},
        "partner": {i for i in partner_ids if _is_id(i)},
        "tax": {i for i in tax_ids if _is_id(i)},
    }
    by_line, dropped = {}, []
    for result in data["results"]:
        line_id = result.get("lineId") if isinstance(result, dict) else None
        if not _is_id(line_id) or line_id not in sent["line"]:
            dropped.append("a result for a statement line that was not sent")
            continue
        if line_id in by_line:
            dropped.append("line %s: a second result for the same line" % line_id)
            continue
        raw_suggestions = result.get("suggestions")
        if raw_suggestions is None:
            raw_suggestions = []
        if not isinstance(raw_suggestions, list):
            dropped.append("line %s: the suggestions are not a list" % line_id)
            by_line[line_id] = []
            continue
        if len(raw_suggestions) > MAX_SUGGESTIONS_PER_LINE:
            dropped.append("line %s: only the first %d suggestions are kept" % (line_id, MAX_SUGGESTIONS_PER_LINE))
            raw_suggestions = raw_suggestions[:MAX_SUGGESTIONS_PER_LINE]
        suggestions = []
        for raw in raw_suggestions:
            try:
                suggestions.append(_parse_suggestion(raw, sent))
            except ReplyError as exc:
                dropped.append("line %s: %s" % (line_id, exc))
        by_line[line_id] = suggestions
    return by_line, engine_info, dropped


def _optional_id(raw, key, allowed, what):
    value = raw.get(key)
    if value is None:
        return None
    if not _is_id(value) or value not in allowed:
        raise ReplyError("it names %s that was not offered" % what)
    return value


def _id_list(raw, key, allowed, what, max_length):
    ids = raw.get(key)
    if ids is None:
        return []
    if not isinstance(ids, list) or any(not _is_id(i) or i not in allowed for i in ids):
        raise ReplyError("it names %s that were not offered" % what)
    if len(set(ids)) != len(ids):
        raise ReplyError("it names the same %s twice" % what)
    if len(ids) > max_length:
        raise ReplyError("it names more than %d %s" % (max_length, what))
    return ids


def _parse_suggestion(raw, sent):
    if not isinstance(raw, dict):
        raise ReplyError("a suggestion that is not an object")
    match_type = raw.get("matchType")
    if not isinstance(match_type, str) or match_type not in MATCH_TYPES:
        raise ReplyError("unknown match type %r" % (match_type,))
    rank = raw.get("rank", 1)
    if not _is_id(rank) or not 1 <= rank <= MAX_RANK:
        raise ReplyError("rank %r is not a whole number from 1 to %d" % (rank, MAX_RANK))
    confidence = raw.get("confidence")
    if not _is_number(confidence) or not 0 <= confidence <= 1:
        raise ReplyError("confidence %r is not between 0 and 1" % (confidence,))
    ids = _id_list(raw, "candidateIds", sent["candidate"], "journal items", MAX_CANDIDATES_PER_SUGGESTION)
    tax_ids = _id_list(raw, "taxIds", sent["tax"], "taxes", MAX_TAXES_PER_SUGGESTION)
    account_id = _optional_id(raw, "accountId", sent["account"], "an account")
    partner_id = _optional_id(raw, "partnerId", sent["partner"], "a partner")
    if match_type == "expense" and (ids or account_id is None):
        raise ReplyError("an expense suggestion must name an account and no journal items")
    if match_type != "expense" and not ids:
        raise ReplyError("a %s suggestion must name journal items" % match_type)
    if match_type == "writeoff" and account_id is None:
        raise ReplyError("a write-off suggestion must name an account")
    writeoff = raw.get("writeoffAmount")
    if writeoff is None:
        writeoff = 0.0
    if not _is_number(writeoff) or abs(writeoff) >= MAX_WRITEOFF:
        raise ReplyError("write-off amount %r is not a plausible amount" % (writeoff,))
    explanation = raw.get("explanation")
    if not isinstance(explanation, str):
        raise ReplyError("its explanation is not text")
    reasons = raw.get("reasons")
    if reasons is None:
        reasons = []
    if not isinstance(reasons, list) or any(not isinstance(r, str) for r in reasons):
        raise ReplyError("its reasons are not a list of sentences")
    return {
        "rank": rank,
        "match_type": match_type,
        "candidate_ids": ids,
        "partner_id": partner_id,
        "account_id": account_id,
        "tax_ids": tax_ids,
        "writeoff_amount": float(writeoff),
        "confidence": float(confidence),
        "explanation": _storable_text(explanation, 2000),
        "reasons": [_storable_text(r, 500) for r in reasons[:20]],
    }
