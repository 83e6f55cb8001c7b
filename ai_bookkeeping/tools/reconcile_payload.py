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


def parse_reply(data, line_ids, candidate_ids, account_ids, partner_ids):
    """Check the endpoint's reply against what was sent. Returns ``({line_id: [suggestion dict]}, engine_info,
    dropped)`` where ``dropped`` lists sentences about suggestions refused because they name ids that were not sent
    or have impossible values. Raises ReplyError when the reply as a whole is unusable."""
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise ReplyError("The AI endpoint's reply has no list of results.")
    engine = data.get("engine") if isinstance(data.get("engine"), dict) else {}
    engine_info = {
        "name": str(engine.get("name") or "unknown")[:64],
        "version": str(engine.get("version") or "")[:32],
        "model": (str(engine["model"])[:128] if engine.get("model") else False),
    }
    line_ids, candidate_ids = set(line_ids), set(candidate_ids)
    account_ids, partner_ids = set(account_ids), set(partner_ids)
    by_line, dropped = {}, []
    for result in data["results"]:
        if not isinstance(result, dict) or result.get("lineId") not in line_ids:
            dropped.append("a result for a statement line that was not sent")
            continue
        suggestions = []
        for raw in result.get("suggestions") or []:
            try:
                suggestions.append(_parse_suggestion(raw, candidate_ids, account_ids, partner_ids))
            except ReplyError as exc:
                dropped.append("line %s: %s" % (result["lineId"], exc))
        by_line[result["lineId"]] = suggestions
    return by_line, engine_info, dropped


def _parse_suggestion(raw, candidate_ids, account_ids, partner_ids):
    if not isinstance(raw, dict):
        raise ReplyError("a suggestion that is not an object")
    match_type = raw.get("matchType")
    if match_type not in MATCH_TYPES:
        raise ReplyError("unknown match type %r" % (match_type,))
    confidence = raw.get("confidence")
    if not isinstance(confidence, (int, float)) or isinstance(confidence, bool) or not 0 <= confidence <= 1:
        raise ReplyError("confidence %r is not between 0 and 1" % (confidence,))
    ids = raw.get("candidateIds") or []
    if not isinstance(ids, list) or any(i not in candidate_ids for i in ids):
        raise ReplyError("it names journal items that were not among the candidates")
    if len(set(ids)) != len(ids):
        raise ReplyError("it names the same journal item twice")
    account_id = raw.get("accountId")
    if account_id is not None and account_id not in account_ids:
        raise ReplyError("it names an account that was not offered")
    partner_id = raw.get("partnerId")
    if partner_id is not None and partner_id not in partner_ids:
        raise ReplyError("it names a partner that was not offered")
    if match_type == "expense" and (ids or account_id is None):
        raise ReplyError("an expense suggestion must name an account and no journal items")
    if match_type != "expense" and not ids:
        raise ReplyError("a %s suggestion must name journal items" % match_type)
    if match_type == "writeoff" and account_id is None:
        raise ReplyError("a write-off suggestion must name an account")
    writeoff = raw.get("writeoffAmount") or 0.0
    if not isinstance(writeoff, (int, float)) or not math.isfinite(writeoff):
        raise ReplyError("write-off amount is not a number")
    tax_ids = [t for t in (raw.get("taxIds") or []) if isinstance(t, int)]
    reasons = [str(r)[:500] for r in (raw.get("reasons") or []) if isinstance(r, str)][:20]
    return {
        "rank": int(raw.get("rank") or 1),
        "match_type": match_type,
        "candidate_ids": ids,
        "partner_id": partner_id,
        "account_id": account_id,
        "tax_ids": tax_ids,
        "writeoff_amount": float(writeoff),
        "confidence": float(confidence),
        "explanation": str(raw.get("explanation") or "")[:2000],
        "reasons": reasons,
    }
