"""The budget CSV of the financial reports: one line per account and month. Pure: no Odoo import.

Columns (header required, any order, ``,`` or ``;``): ``account`` (the account code), ``month`` (YYYY-MM) and
``amount`` (in the report's sign: revenue and costs positive; ``1234.5`` or ``1 234,5``).
"""

import csv
import io
import re

REQUIRED = ("account", "month", "amount")


class BudgetError(ValueError):
    """The file cannot be read as a budget; the message says which line and why."""


def _amount(text):
    text = (text or "").strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if "," in text and "." in text:
        text = text.replace(",", "") if text.rfind(".") > text.rfind(",") else text.replace(".", "").replace(",", ".")
    elif "," in text:
        text = text.replace(",", ".")
    return float(text)


def parse_budget_csv(content):
    """``[{"account": code, "month": "YYYY-MM", "amount": float}]`` from the CSV's text."""
    if isinstance(content, bytes):
        content = content.decode("utf-8-sig")
    try:
        dialect = csv.Sniffer().sniff(content[:2048], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(content), dialect=dialect)
    header = [(h or "").strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise BudgetError("The budget file has no column %s (expected: account, month, amount)." % ", ".join(missing))
    out = []
    for number, raw in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
        if not any(row.values()):
            continue
        if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", row["month"]):
            raise BudgetError("Line %d: the month %r is not YYYY-MM." % (number, row["month"]))
        try:
            amount = _amount(row["amount"])
        except ValueError:
            raise BudgetError("Line %d: the amount %r is not a number." % (number, row["amount"])) from None
        if not row["account"]:
            raise BudgetError("Line %d has no account code." % number)
        out.append({"account": row["account"], "month": row["month"], "amount": amount})
    return out
