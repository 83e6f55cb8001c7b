"""Data minimisation: what may leave Odoo when a company turns the mode on.

Only amounts, dates, currencies, counterparty names and labels leave; IBANs, e-mail addresses and phone numbers
inside labels are masked; bank account numbers, free references and documents are not sent. Ids stay: they are
Odoo's own row numbers, meaningless outside it, and the reply needs them to name what it matches.

Plain dicts in, a new dict out (the input is not changed).
"""

import re

IBAN_MASK = "[IBAN]"
EMAIL_MASK = "[EMAIL]"
PHONE_MASK = "[PHONE]"

# A country code, two check digits, then 11-30 letters/digits, in groups of four (spaced or not). "RF" is the ISO 11649
# creditor reference, not an account: it stays (it is how a payment names its invoice).
_IBAN = re.compile(r"\b(?!RF)[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b", re.IGNORECASE)
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# International numbers (+33 6 12 34 56 78, 0049-30-1234567, +44 (0)20 7946 0958) and national ones written with
# separators (06 12 34 56 78, 030/1234567). Plain digit runs are left alone: they are invoice and reference numbers.
_PHONE_INTERNATIONAL = re.compile(r"(?<![\w+])(?:\+|00)[1-9]\d{0,2}(?:[ ./-]?\(0\))?(?:[ ./-]?\d{1,4}){2,6}(?!\w)")
_PHONE_NATIONAL = re.compile(r"(?<![\w/.-])0\d{1,4}(?:[ /-]\d{2,4}){2,5}(?![\w/.-])|(?<![\w/.-])0\d{1,4}/\d{5,9}(?![\w/.-])")
_PHONE_LABELLED = re.compile(r"(?i)\b(?:tel|tél|phone|mobile|mob|fax|gsm)\b\.?:?\s*[+\d][\d ./()-]{5,}\d")

# Keys that carry documents (attachments, scans, OCR text): never sent when minimising.
DOCUMENT_KEYS = ("documents", "attachments", "document", "attachment", "pdf", "ocrText")


def mask_text(text):
    """``text`` with IBANs, e-mail addresses and phone numbers replaced by placeholders."""
    if not text:
        return text or ""
    text = _EMAIL.sub(EMAIL_MASK, text)
    text = _IBAN.sub(IBAN_MASK, text)
    text = _PHONE_LABELLED.sub(PHONE_MASK, text)
    text = _PHONE_INTERNATIONAL.sub(PHONE_MASK, text)
    text = _PHONE_NATIONAL.sub(PHONE_MASK, text)
    return text


def _without_documents(record):
    return {key: value for key, value in record.items() if key not in DOCUMENT_KEYS}


def minimise_line(line):
    line = _without_documents(line)
    line.update(
        label=mask_text(line.get("label")),
        ref="",
        partnerName=mask_text(line.get("partnerName")),
        accountNumber="",
    )
    return line


def minimise_candidate(item):
    item = _without_documents(item)
    item.update(ref="", partnerName=mask_text(item.get("partnerName")), moveName=mask_text(item.get("moveName")))
    return item


def minimise_partner(partner):
    partner = _without_documents(partner)
    partner.update(name=mask_text(partner.get("name")), bankAccounts=[])
    return partner


def minimise_history(entry):
    entry = _without_documents(entry)
    entry.update(
        label=mask_text(entry.get("label")), partnerName=mask_text(entry.get("partnerName")), accountNumber=""
    )
    return entry


def minimise_request(payload):
    """The reconciliation request (see reconcile_payload.py) as it may leave Odoo in minimisation mode."""
    result = _without_documents(payload)
    result["lines"] = [minimise_line(line) for line in payload.get("lines") or []]
    result["candidates"] = [minimise_candidate(item) for item in payload.get("candidates") or []]
    result["partners"] = [minimise_partner(partner) for partner in payload.get("partners") or []]
    result["history"] = [minimise_history(entry) for entry in payload.get("history") or []]
    return result
