"""Data minimisation: what may leave Odoo when a company turns the mode on.

Only amounts, dates, currencies, counterparty names and labels leave; IBANs, e-mail addresses and phone numbers
inside labels are masked; bank account numbers, free references and documents are not sent. Ids stay: they are
Odoo's own row numbers, meaningless outside it, and the reply needs them to name what it matches.

Plain dicts in, a new dict out (the input is not changed).
"""

import json
import os
import re

# The one rule set, shared with the LLM prompts (web_src/llm/mask_personal_data.ts); test vectors that both run:
# test/vectors/personal_data_masks.json.
RULES_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "personal_data_masks.json")


def _load_rules(path=RULES_PATH):
    """[(compiled pattern, placeholder)] in the order they apply. re.ASCII: \\w, \\d and \\b mean what they mean in
    JavaScript, so that both sides mask the same text the same way."""
    with open(path, encoding="utf-8") as handle:
        rules = json.load(handle)["rules"]
    return [
        (re.compile(rule["pattern"], re.ASCII | (re.IGNORECASE if "i" in rule["flags"] else 0)), rule["placeholder"])
        for rule in rules
    ]


_RULES = _load_rules()

# Keys that carry documents (attachments, scans, OCR text): never sent when minimising.
DOCUMENT_KEYS = ("documents", "attachments", "document", "attachment", "pdf", "ocrText")


def mask_text(text):
    """``text`` with IBANs, e-mail addresses and phone numbers replaced by placeholders."""
    if not text:
        return text or ""
    for pattern, placeholder in _RULES:
        text = pattern.sub(placeholder, text)
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
