"""Vendor bills from documents: what Odoo checks in the endpoint's reading of a document. Pure, no env.

The endpoint (``POST /v1/bills/extract``, web_src/contracts/bills.ts) reads a PDF, an image or an XML e-invoice
and answers one entry per bill found, each field with its confidence and the text it was read from. Nothing it
sends is trusted: :func:`check_reply` validates every part it uses and raises :class:`ReplyError`; what it returns
is plain dicts with snake_case keys, the values Odoo writes.
"""

import math
import re

EXTRACT_PATH = "/v1/bills/extract"
MAX_FILE_BYTES = 15 * 1024 * 1024  # web_src/contracts/bills.ts MAX_BILL_FILE_BYTES
MAX_DOCUMENTS = 50  # MAX_BILL_PAGES: at most one bill per page
MAX_LINES = 1000
MAX_TEXT = 512

SOURCES = ("embedded_xml", "text_layer", "ocr")
# Who read a field: the offline extractor, or the LLM (a field it was unsure of; the reading passed its checks), or
# OCR of a picture on a text-layer PDF (a letterhead printed as an image: the text layer did not have the field).
READERS = ("extractor", "llm", "ocr")
# contract name → the key Odoo uses
FIELDS = {
    "documentKind": "document_kind",
    "vendorName": "vendor_name",
    "vendorAddress": "vendor_address",
    "vendorVat": "vendor_vat",
    "vendorIban": "vendor_iban",
    "vendorEmail": "vendor_email",
    "invoiceNumber": "invoice_number",
    "invoiceDate": "invoice_date",
    "dueDate": "due_date",
    "paymentTerms": "payment_terms",
    "currency": "currency",
    "untaxed": "untaxed",
    "totalTax": "total_tax",
    "total": "total",
    "purchaseOrderRef": "purchase_order_ref",
}
MONEY_FIELDS = ("untaxed", "total_tax", "total")
# What the document is. Absent (an endpoint older than credit notes) or null: an invoice. A credit note's amounts are
# stated positive; an older endpoint sent them negative, which still means a credit note (is_credit_note).
DOCUMENT_KINDS = ("invoice", "credit_note")
DATE_FIELDS = ("invoice_date", "due_date")

ADDRESS_PARTS = {"street": 200, "zip": 20, "city": 100, "country": 2}
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")


class ReplyError(Exception):
    """The endpoint answered something that is not a reading of the document: a fault of the endpoint."""


def _fail(path, what):
    raise ReplyError("The AI endpoint's bill reply is malformed at %s: %s." % (path, what))


def _text(value, path, optional=False, limit=MAX_TEXT):
    if value is None and optional:
        return ""
    if not isinstance(value, str):
        _fail(path, "expected text")
    return value.replace("\x00", " ").strip()[:limit]


def _number(value, path, optional=False):
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        _fail(path, "expected a finite number")
    return float(value)


def _confidence(value, path):
    number = _number(value, path)
    if not 0.0 <= number <= 1.0:
        _fail(path, "expected a confidence from 0 to 1")
    return number


def _page(value, path):
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        _fail(path, "expected a page number from 1")
    return value


def _list(value, path, limit):
    if not isinstance(value, list):
        _fail(path, "expected a list")
    if len(value) > limit:
        _fail(path, "more than %d entries" % limit)
    return value


def _object(value, path):
    if not isinstance(value, dict):
        _fail(path, "expected an object")
    return value


def _field(name, raw, path):
    if raw is None:
        return None
    raw = _object(raw, path)
    value = raw.get("value")
    if name == "vendor_address":
        value = _address(value, path + ".value")
        if value is None:
            return None
    elif name in MONEY_FIELDS:
        value = _number(value, path + ".value")
    else:
        value = _text(value, path + ".value")
        if name in DATE_FIELDS and not _DATE.match(value):
            _fail(path + ".value", "expected a date as YYYY-MM-DD")
        if name == "currency" and not _CURRENCY.match(value):
            _fail(path + ".value", "expected an ISO 4217 code")
        if name == "document_kind" and value not in DOCUMENT_KINDS:
            _fail(path + ".value", "expected one of %s" % ", ".join(DOCUMENT_KINDS))
        if not value:
            return None
    read_by = raw.get("readBy", "extractor")
    if read_by not in READERS:
        _fail(path + ".readBy", "expected one of %s" % ", ".join(READERS))
    return {
        "value": value,
        "confidence": _confidence(raw.get("confidence"), path + ".confidence"),
        "source_text": _text(raw.get("sourceText"), path + ".sourceText", optional=True, limit=200),
        "page": _page(raw.get("page"), path + ".page"),
        "read_by": read_by,
    }


def _address(raw, path):
    """``{street, zip, city, country}``, each a string or None; None when no part was read."""
    raw = _object(raw, path)
    address = {part: _text(raw.get(part), "%s.%s" % (path, part), optional=True, limit=limit) or None
               for part, limit in ADDRESS_PARTS.items()}
    if address["country"] and not _COUNTRY.match(address["country"]):
        _fail(path + ".country", "expected an ISO 3166 alpha-2 code")
    return address if any(address.values()) else None


def _line(raw, path):
    raw = _object(raw, path)
    return {
        "description": _text(raw.get("description"), path + ".description", optional=True),
        "quantity": _number(raw.get("quantity"), path + ".quantity", optional=True),
        "unit_price": _number(raw.get("unitPrice"), path + ".unitPrice", optional=True),
        "tax_rate": _number(raw.get("taxRate"), path + ".taxRate", optional=True),
        "amount": _number(raw.get("amount"), path + ".amount", optional=True),
        "confidence": _confidence(raw.get("confidence"), path + ".confidence"),
    }


def _tax(raw, path):
    raw = _object(raw, path)
    return {
        "rate": _number(raw.get("rate"), path + ".rate"),
        "base": _number(raw.get("base"), path + ".base", optional=True),
        "amount": _number(raw.get("amount"), path + ".amount", optional=True),
    }


def _check(raw, path):
    raw = _object(raw, path)
    if not isinstance(raw.get("ok"), bool):
        _fail(path + ".ok", "expected true or false")
    return {"code": _text(raw.get("code"), path + ".code", limit=64), "ok": raw["ok"],
            "message": _text(raw.get("message"), path + ".message", optional=True)}


def _document(raw, path):
    raw = _object(raw, path)
    page_from, page_to = _page(raw.get("pageFrom"), path + ".pageFrom"), _page(raw.get("pageTo"), path + ".pageTo")
    if page_to < page_from:
        _fail(path + ".pageTo", "before pageFrom")
    if raw.get("source") not in SOURCES:
        _fail(path + ".source", "expected one of %s" % ", ".join(SOURCES))
    fields = _object(raw.get("fields"), path + ".fields")
    return {
        "page_from": page_from,
        "page_to": page_to,
        "source": raw["source"],
        "fields": {key: _field(key, fields.get(name), "%s.fields.%s" % (path, name)) for name, key in FIELDS.items()},
        "lines": [_line(item, "%s.lines[%d]" % (path, i))
                  for i, item in enumerate(_list(raw.get("lines"), path + ".lines", MAX_LINES))],
        "taxes": [_tax(item, "%s.taxes[%d]" % (path, i))
                  for i, item in enumerate(_list(raw.get("taxes"), path + ".taxes", 100))],
        "checks": [_check(item, "%s.checks[%d]" % (path, i))
                   for i, item in enumerate(_list(raw.get("checks"), path + ".checks", 100))],
    }


def check_reply(reply):
    """The endpoint's reply, checked: ``{engine: {name, version}, ocr_available, warnings, documents}``."""
    reply = _object(reply, "the reply")
    engine = _object(reply.get("engine"), "engine")
    if not isinstance(reply.get("ocrAvailable"), bool):
        _fail("ocrAvailable", "expected true or false")
    documents = _list(reply.get("documents"), "documents", MAX_DOCUMENTS)
    if not documents:
        _fail("documents", "expected at least one entry")
    return {
        "engine": {"name": _text(engine.get("name"), "engine.name", limit=64),
                   "version": _text(engine.get("version"), "engine.version", limit=64),
                   "model": _text(engine.get("model"), "engine.model", optional=True, limit=128)},
        "ocr_available": reply["ocrAvailable"],
        "warnings": [_text(item, "warnings[%d]" % i)
                     for i, item in enumerate(_list(reply.get("warnings"), "warnings", 100))],
        "documents": [_document(item, "documents[%d]" % i) for i, item in enumerate(documents)],
    }


def is_empty(document):
    """True when nothing usable was read: no amount, no number, no vendor, no line."""
    fields = document["fields"]
    return not document["lines"] and not any(
        fields.get(key) for key in ("vendor_name", "vendor_vat", "vendor_iban", "invoice_number", "total", "untaxed"))


def llm_read_fields(document):
    """The keys of the fields the LLM read (the extractor was unsure of them; the LLM's reading passed its checks)."""
    return [key for key, value in document["fields"].items() if value and value.get("read_by") == "llm"]


def is_credit_note(document):
    """True when the document is a credit note: its kind says so, or its total is negative (how an endpoint older than
    the document kind sent a credit note)."""
    fields = document["fields"]
    kind = (fields.get("document_kind") or {}).get("value")
    total = (fields.get("total") or {}).get("value")
    return kind == "credit_note" or (total is not None and total < 0)
