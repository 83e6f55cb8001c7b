"""Statement import: what Odoo checks in the endpoint's reply and derives from it before writing. Pure, no env.

The endpoint (``POST /v1/statements/parse``, web_src/contracts/statements.ts) reads the bank file and answers
normalised statements. Nothing it sends is trusted: :func:`check_reply` validates every field and raises
:class:`ReplyError`; what makes a *file* unusable (unreadable records, mixed currencies) raises
:class:`StatementFileError` with a sentence for the accountant. :func:`import_ids` gives each line the id that
makes re-importing the same or an overlapping file a no-op; :func:`balance_plan` says which balances a statement
gets and whether they were checked.
"""

import hashlib
import math
import re

FORMATS = ("camt.052", "camt.053", "camt.054", "ofx", "mt940", "mt942")
FORMAT_LABELS = {
    "camt.052": "CAMT.052", "camt.053": "CAMT.053", "camt.054": "CAMT.054",
    "ofx": "OFX", "mt940": "MT940", "mt942": "MT942",
}
MAX_FILE_BYTES = 10 * 1024 * 1024  # web_src/contracts/statements.ts MAX_STATEMENT_FILE_BYTES
MAX_LINES = 100_000  # MAX_STATEMENT_LINES
MAX_TEXT = 4096  # longest label, name, account or reference kept from a reply

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CURRENCY = re.compile(r"^([A-Z]{3})?$")
_LINE_TEXT = ("label", "counterpartyName", "counterpartyAccount", "reference", "endToEndId", "bankReference")


class ReplyError(Exception):
    """The endpoint answered something that is not a parsed statement: a fault of the endpoint, not of the file."""


class StatementFileError(Exception):
    """The file was read but cannot be imported as it is; the message says why, naming the record."""


def _fail(path, what):
    raise ReplyError("The AI endpoint's statement reply is malformed at %s: %s." % (path, what))


def _text(value, path, optional=False):
    if value is None and optional:
        return ""
    if not isinstance(value, str):
        _fail(path, "expected text")
    return value.replace("\x00", " ")[:MAX_TEXT]


def _money(value, path):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        _fail(path, "expected a finite number")
    return float(value)


def _date(value, path):
    if not isinstance(value, str) or not _DATE.match(value):
        _fail(path, "expected a date as YYYY-MM-DD")
    return value


def _balance(value, path):
    if value is None:
        return None
    if not isinstance(value, dict):
        _fail(path, "expected an object")
    balance = {"amount": _money(value.get("amount"), path + ".amount")}
    if value.get("date") is not None:
        balance["date"] = _date(value["date"], path + ".date")
    return balance


def check_reply(reply):
    """The reply as plain dicts with every field checked (text clipped, NULs out); raises ReplyError."""
    if not isinstance(reply, dict):
        _fail("(reply)", "expected an object")
    if reply.get("format") not in FORMATS:
        _fail("format", "unknown format %r" % (reply.get("format"),))
    statements = reply.get("statements")
    if not isinstance(statements, list):
        _fail("statements", "expected a list")
    out = []
    total = 0
    for i, st in enumerate(statements):
        path = "statements.%d" % i
        if not isinstance(st, dict):
            _fail(path, "expected an object")
        if st.get("format") not in FORMATS:
            _fail(path + ".format", "unknown format")
        currency = _text(st.get("currency"), path + ".currency")
        if not _CURRENCY.match(currency):
            _fail(path + ".currency", "expected an ISO 4217 code")
        lines_in = st.get("lines")
        skipped_in = st.get("skipped")
        if not isinstance(lines_in, list) or not isinstance(skipped_in, list):
            _fail(path, "expected lists of lines and skipped records")
        total += len(lines_in)
        if total > MAX_LINES:
            _fail(path, "more than %d lines" % MAX_LINES)
        lines = []
        for j, line in enumerate(lines_in):
            lpath = "%s.lines.%d" % (path, j)
            if not isinstance(line, dict):
                _fail(lpath, "expected an object")
            line_currency = _text(line.get("currency"), lpath + ".currency")
            if not _CURRENCY.match(line_currency):
                _fail(lpath + ".currency", "expected an ISO 4217 code")
            checked = {
                "date": _date(line.get("date"), lpath + ".date"),
                "amount": _money(line.get("amount"), lpath + ".amount"),
                "currency": line_currency,
            }
            for key in _LINE_TEXT:
                checked[key] = _text(line.get(key), "%s.%s" % (lpath, key), optional=key != "label").strip()
            lines.append(checked)
        skipped = []
        for j, record in enumerate(skipped_in):
            if not isinstance(record, dict):
                _fail("%s.skipped.%d" % (path, j), "expected an object")
            skipped.append({
                "where": _text(record.get("where"), "%s.skipped.%d.where" % (path, j)),
                "reason": _text(record.get("reason"), "%s.skipped.%d.reason" % (path, j)),
            })
        out.append({
            "format": st["format"],
            "statement_id": _text(st.get("statementId"), path + ".statementId").strip(),
            "account": _text(st.get("account"), path + ".account").strip(),
            "currency": currency,
            "opening": _balance(st.get("openingBalance"), path + ".openingBalance"),
            "closing": _balance(st.get("closingBalance"), path + ".closingBalance"),
            "lines": lines,
            "skipped": skipped,
        })
    return {"format": reply["format"], "statements": out}


def check_importable(statements):
    """Raise StatementFileError when a file cannot be imported whole: records the reader had to skip, or lines in
    another currency than their statement's. Nothing of such a file is written (all or nothing)."""
    skipped = [(n, r) for n, st in enumerate(statements, 1) for r in st["skipped"]]
    if skipped:
        shown = "; ".join("%s: %s" % (r["where"], r["reason"]) for _n, r in skipped[:5])
        more = " (and %d more)" % (len(skipped) - 5) if len(skipped) > 5 else ""
        raise StatementFileError(
            "%d transaction(s) of the file could not be read, so nothing was imported: %s%s."
            % (len(skipped), shown, more))
    for n, st in enumerate(statements, 1):
        for i, line in enumerate(st["lines"], 1):
            if line["currency"] and st["currency"] and line["currency"] != st["currency"]:
                raise StatementFileError(
                    "Statement %d, line %d (%s, %s %s) is in another currency than its statement (%s): mixed "
                    "currencies are not imported." % (n, i, line["date"], line["amount"], line["currency"],
                                                       st["currency"]))


def sanitize_account(number):
    """As Odoo's ``sanitize_account_number``: letters and digits only, upper case."""
    return re.sub(r"[^A-Za-z0-9]", "", number or "").upper()


def accounts_match(file_account, journal_account):
    """Whether a file's account and a journal's bank account are the same account: equal once sanitised, or an
    MT940 "bank code/account" whose account number ends the IBAN (DE.. 37040044 0532013000 ~ 37040044/0532013000)."""
    ours, theirs = sanitize_account(file_account), sanitize_account(journal_account)
    if not ours or not theirs:
        return False
    if ours == theirs:
        return True
    parts = [sanitize_account(p) for p in (file_account or "").split("/") if sanitize_account(p)]
    if len(parts) >= 2 and len(parts[-1]) >= 6:
        return theirs.endswith(parts[-1].lstrip("0")) and parts[0] in theirs
    return False


def import_ids(account, lines, digits=2):
    """One id per line, the same for the same transaction in the same or an overlapping file: the account, a digest
    of what the bank printed (date, amount, its reference, label, counterparty) and the occurrence of that same
    content in the file (two identical card payments on one day stay two lines). Bank references alone are not
    enough: real files repeat them (two TxDtls sharing one AcctSvcrRef)."""
    prefix = sanitize_account(account) or "NOACCOUNT"
    seen = {}
    ids = []
    for line in lines:
        key = "\x1f".join([
            line["date"], "%.*f" % (digits, line["amount"]), line.get("bankReference", ""), line.get("label", ""),
            line.get("counterpartyAccount", ""), line.get("counterpartyName", ""), line.get("reference", ""),
        ])
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
        seen[digest] = seen.get(digest, 0) + 1
        ids.append("%s-%s-%d" % (prefix, digest, seen[digest]))
    return ids


def balance_plan(statement, new_total, new_count, digits=2):
    """Balances for the statement record and what the summary says about them.

    ``new_total``/``new_count``: amount and number of the lines being created (lines already imported are left
    out). Returns ``{"balance_start", "balance_end_real", "gap", "checked"}``; the balances are None when Odoo's
    own computation (previous statement's end) should be used. ``gap`` is opening + lines - closing, stated only
    when both balances were checked against every line of the statement."""
    opening, closing = statement["opening"], statement["closing"]
    complete = new_count == len(statement["lines"])
    plan = {"balance_start": None, "balance_end_real": None, "gap": None, "checked": False}
    if not complete:
        return plan  # some lines were already there: the file's balances describe another set of lines
    if opening is not None and closing is not None:
        gap = round(opening["amount"] + new_total - closing["amount"], digits)
        plan.update(balance_start=opening["amount"], balance_end_real=closing["amount"], checked=True,
                    gap=gap if gap != 0 else None)
    elif closing is not None:
        plan.update(balance_start=round(closing["amount"] - new_total, digits), balance_end_real=closing["amount"])
    elif opening is not None:
        plan.update(balance_start=opening["amount"], balance_end_real=round(opening["amount"] + new_total, digits))
    return plan
