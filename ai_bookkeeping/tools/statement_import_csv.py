"""Statement import of tabular bank exports (CSV, XLSX, XLS) with a column mapping. Pure, no env.

Structured formats (CAMT, OFX, MT940) are read by the endpoint; tables are read here because reading them needs
the accountant's mapping (a step of the wizard, remembered per journal) and Odoo ships ``csv``, ``openpyxl`` and
``xlrd``. The result has the shape of :func:`statement_import_reply.check_reply`'s statements, so the same code
writes both. Faults raise :class:`statement_import_reply.StatementFileError` naming the row.
"""

import csv
import datetime
import io
import re

from .statement_import_reply import MAX_LINES, MAX_TEXT, StatementFileError

TABLE_EXTENSIONS = (".csv", ".tsv", ".txt", ".xlsx", ".xls")
ROLES = ("date", "amount", "debit", "credit", "label", "counterparty", "account", "reference")
# (key, strptime format, how it looks); keys are plain words because Odoo makes xml ids of selection values.
DATE_FORMATS = [
    ("iso", "%Y-%m-%d", "2026-01-31"), ("dmy_dot", "%d.%m.%Y", "31.01.2026"), ("dmy_slash", "%d/%m/%Y", "31/01/2026"),
    ("mdy_slash", "%m/%d/%Y", "01/31/2026"), ("dmy_dash", "%d-%m-%Y", "31-01-2026"),
    ("dmy_dot_short", "%d.%m.%y", "31.01.26"), ("ymd", "%Y%m%d", "20260131"),
]
DATE_FORMAT_BY_KEY = {key: fmt for key, fmt, _example in DATE_FORMATS}
DATE_EXAMPLE = {fmt: example for _key, fmt, example in DATE_FORMATS}
DECIMALS = [("dot", ".", "1,234.56"), ("comma", ",", "1.234,56")]
DECIMAL_BY_KEY = {key: char for key, char, _example in DECIMALS}

# Header words per role (lower case, accents kept), tried in order: the first column whose header contains one wins.
_KEYWORDS = {
    "date": ["booking date", "buchungstag", "date", "datum", "fecha", "data", "valuta"],
    "amount": ["amount", "betrag", "montant", "importe", "bedrag", "umsatz"],
    "debit": ["debit", "débit", "soll", "withdrawal", "paid out", "ausgang"],
    "credit": ["credit", "crédit", "haben", "deposit", "paid in", "eingang"],
    "label": ["verwendungszweck", "description", "libellé", "label", "purpose", "memo", "details", "text", "concepto"],
    "counterparty": ["counterparty", "beneficiary", "empfänger", "auftraggeber", "payee", "name", "bénéficiaire"],
    "account": ["iban", "account number", "kontonummer", "konto", "account"],
    "reference": ["reference", "referenz", "référence", "ref"],
}


# Words of the summary rows banks append after the transactions ("Summe", "Endsaldo", "Closing balance").
_FOOTER = re.compile(r"saldo|summe|total|balance|kontostand|solde|umsätze|anzahl|sum\b", re.IGNORECASE)
# How far down a bank's preamble (account, period, blank rows) may push the header row.
_HEADER_SEARCH_ROWS = 30


class TableRows(list):
    """The rows of a table, each with the row number a spreadsheet shows for it (``numbers``): blank rows and the
    bank's preamble above the header are left out of the rows, not out of the numbering."""

    def __init__(self, rows, numbers):
        super().__init__(rows)
        self.numbers = numbers


def is_table(file_name):
    return (file_name or "").lower().endswith(TABLE_EXTENSIONS)


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\x00", " ").strip()


def read_table(raw, file_name):
    """(headers, rows) of the first sheet or the CSV; rows are lists of text cells, blank rows left out."""
    name = (file_name or "").lower()
    if name.endswith(".xlsx"):
        try:
            import openpyxl  # noqa: PLC0415 - only needed for spreadsheets
        except ImportError:
            raise StatementFileError("XLSX files need the openpyxl package on the Odoo server; save as CSV.") from None

        try:
            sheet = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True).worksheets[0]
        except Exception as exc:  # noqa: BLE001 - any corrupt workbook is the same fault for the accountant
            raise StatementFileError("The file is not a readable XLSX workbook (%s)." % exc) from exc
        table = [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    elif name.endswith(".xls"):
        try:
            import xlrd  # noqa: PLC0415
        except ImportError:
            raise StatementFileError("XLS files need the xlrd package on the Odoo server; save as CSV.") from None

        try:
            book = xlrd.open_workbook(file_contents=raw)
        except Exception as exc:  # noqa: BLE001
            raise StatementFileError("The file is not a readable XLS workbook (%s)." % exc) from exc
        sheet = book.sheet_by_index(0)
        table = []
        for r in range(sheet.nrows):
            row = []
            for c, cell in enumerate(sheet.row(r)):
                if cell.ctype == xlrd.XL_CELL_DATE:
                    row.append(_cell(xlrd.xldate_as_datetime(cell.value, book.datemode)))
                else:
                    row.append(_cell(sheet.cell_value(r, c)))
            table.append(row)
    else:
        if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
            # Excel's "Unicode text" export: UTF-16 with its byte-order mark, tab separated.
            try:
                text = raw.decode("utf-16")
            except UnicodeDecodeError:
                raise StatementFileError("The file starts like UTF-16 text but is not valid UTF-16.") from None
        else:
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = raw.decode("cp1252", errors="replace")
        sample = text[:8192]
        try:
            delimiter = csv.Sniffer().sniff(sample, delimiters=";,\t|").delimiter
        except csv.Error:
            # Rows of uneven width (summary rows) defeat the sniffer: the separator the widest line has most of.
            lines = sample.splitlines()[:_HEADER_SEARCH_ROWS]
            delimiter = max(";,\t|", key=lambda d: max((line.count(d) for line in lines), default=0))
        table = [[_cell(c) for c in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    numbered = [(number, row) for number, row in enumerate(table, 1) if any(row)]
    if not numbered:
        raise StatementFileError("The file is empty.")
    # The header is the first row naming a date and an amount (or debit/credit) column: banks put their account and
    # period above it. Without such a row, the first one (the accountant maps the columns by their names).
    start = next((i for i, (_n, row) in enumerate(numbered[:_HEADER_SEARCH_ROWS]) if _looks_like_header(row)), 0)
    numbered = numbered[start:]
    if len(numbered) - 1 > MAX_LINES:
        raise StatementFileError("The file has %d rows; the import reads at most %d." % (len(numbered) - 1, MAX_LINES))
    headers = [h or "column %d" % (i + 1) for i, h in enumerate(numbered[0][1])]
    return headers, TableRows([row for _n, row in numbered[1:]], [n for n, _row in numbered[1:]])


def _looks_like_header(row):
    mapping = guess_mapping([cell for cell in row if cell])
    return "date" in mapping and any(role in mapping for role in ("amount", "debit", "credit"))


def guess_mapping(headers):
    """Role → header, from the header words; a role no header fits is left out."""
    mapping = {}
    used = set()
    for role in ROLES:
        for keyword in _KEYWORDS[role]:
            found = next((h for h in headers if h not in used and keyword in h.lower()), None)
            if found:
                mapping[role] = found
                used.add(found)
                break
    if "amount" in mapping:
        mapping.pop("debit", None)
        mapping.pop("credit", None)
    return mapping


def detect_date_format(values):
    """The first format that reads every non-empty value (day before month when both would), or None."""
    # Cells with letters are no dates in any of the formats: the "Endsaldo" of a summary row, not a reason to fail.
    values = [v for v in values if v and not re.search(r"[^\W\d_]", v)]
    if not values:
        return None
    for _key, fmt, _example in DATE_FORMATS:
        try:
            for value in values:
                datetime.datetime.strptime(value[:10] if fmt == "%Y-%m-%d" else value, fmt)
            return fmt
        except ValueError:
            continue
    return None


def detect_decimal(values):
    """"," when the amounts write their decimals after a comma (1.234,56), else "." (1,234.56). A separator with
    1 or 2 digits after it is the decimal one; with 3 (1,234 or 1.234) only when the other separator is also there."""
    comma = dot = 0
    for value in values:
        digits = re.sub(r"[^0-9.,]", "", value or "")
        last = max(digits.rfind(","), digits.rfind("."))
        if last < 0:
            continue
        after = len(digits) - last - 1
        if after in (1, 2) or (after == 3 and "," in digits and "." in digits):
            if digits[last] == ",":
                comma += 1
            else:
                dot += 1
    return "," if comma > dot else "."


# Debit/credit markers after (or before) an amount: "12.50 DR" (English), "12,50 S" (German Soll/Haben).
_MARKER = re.compile(r"^(?:(DR|CR|S|H)\s*)?(.*?)(?:\s*(DR|CR|S|H))?$", re.IGNORECASE)
_CURRENCY = re.compile(r"\b[A-Z]{3}\b|[€$£¥]|\bFr\.")


def parse_amount(text, decimal):
    """'1.234,56' / '-1,234.56' / '(12.50)' / '12,50 €' / '12.50 DR' → float; None when empty; ValueError when not a
    number, or not surely one: letters other than a currency or a DR/CR/S/H marker, three decimals (1.234 read with
    "." as decimal: thousands or decimals?)."""
    value = (text or "").strip().replace("\u2212", "-").replace("\u2013", "-").replace("\u2012", "-")
    if not value:
        return None
    value = _CURRENCY.sub("", value).strip()
    marker = _MARKER.match(value)
    sides = {(marker.group(1) or "").upper(), (marker.group(3) or "").upper()} - {""}
    if len(sides) > 1 or re.search(r"[^\W\d_]", marker.group(2)):
        raise ValueError(text)
    value = marker.group(2).strip()
    # Digits, the two separators, blanks (also no-break and thin ones), Swiss apostrophes, signs, parentheses: any
    # other character (a "?" left by a wrong encoding) makes the amount unsure, not something to read around.
    if not re.fullmatch(r"[\d.,'’\s\u00a0\u202f()+-]+", value):
        raise ValueError(text)
    negative = value.startswith("(") and value.endswith(")") or value.endswith("-") or value.startswith("-")
    if sides & {"DR", "S"}:
        if negative:
            raise ValueError(text)
        negative = True
    thousands = "." if decimal == "," else ","
    digits = re.sub(r"[^0-9%s%s]" % (re.escape(decimal), re.escape(thousands)), "", value)
    d, t = re.escape(decimal), re.escape(thousands)
    # Thousands separators only between groups of three: "1.250,00" read with "." as decimal is refused, not 1.25.
    if not (re.fullmatch(r"\d+(%s\d+)?" % d, digits) or re.fullmatch(r"\d{1,3}(%s\d{3})+(%s\d+)?" % (t, d), digits)):
        raise ValueError(value)
    if decimal in digits and len(digits) - digits.rindex(decimal) - 1 > 2:
        raise ValueError(value)
    number = float(digits.replace(thousands, "").replace(decimal, "."))
    return -number if negative else number


def to_statements(headers, rows, mapping, date_format, decimal, currency, account=""):
    """One statement of the mapped rows, in the shape check_reply gives; StatementFileError names the row at fault
    (row numbers count the header as row 1, as a spreadsheet shows them)."""
    index = {h: i for i, h in enumerate(headers)}
    for header in mapping.values():
        if header and header not in index:
            raise StatementFileError("The column %r of the mapping is not in the file." % header)
    if not mapping.get("date") or not (mapping.get("amount") or mapping.get("debit") or mapping.get("credit")):
        raise StatementFileError("The mapping needs a date column and an amount column (or debit and credit).")

    def cell(row, role):
        header = mapping.get(role)
        return row[index[header]].strip() if header and index[header] < len(row) else ""

    numbers = getattr(rows, "numbers", None) or list(range(2, len(rows) + 2))
    rows = list(rows)

    def reads_as_date(row):
        raw = cell(row, "date")
        try:
            datetime.datetime.strptime(raw[:10] if date_format == "%Y-%m-%d" else raw, date_format)
        except ValueError:
            return False
        return True

    # Summary rows after the last transaction ("Summe", "Endsaldo …") are left out: no date of the format, no digit in
    # the date cell, a summary word in the row. Anything else without a date is an error naming its row.
    while rows and not reads_as_date(rows[-1]) and not re.search(r"\d", cell(rows[-1], "date")) \
            and any(_FOOTER.search(c) for c in rows[-1]):
        rows.pop()

    lines = []
    for number, row in zip(numbers[:len(rows)], rows, strict=True):
        raw_date = cell(row, "date")
        try:
            date = datetime.datetime.strptime(raw_date[:10] if date_format == "%Y-%m-%d" else raw_date,
                                              date_format).date().isoformat()
        except ValueError:
            raise StatementFileError("Row %d: the date %r does not read as %s." % (
                number, raw_date, DATE_EXAMPLE.get(date_format, date_format))) from None
        try:
            if mapping.get("amount"):
                amount = parse_amount(cell(row, "amount"), decimal)
            else:
                debit = parse_amount(cell(row, "debit"), decimal)
                credit = parse_amount(cell(row, "credit"), decimal)
                amount = None if debit is None and credit is None else (credit or 0.0) - abs(debit or 0.0)
        except ValueError as exc:
            raise StatementFileError("Row %d: the amount %r is not a number." % (number, str(exc))) from None
        if amount is None:
            raise StatementFileError("Row %d has no amount." % number)
        lines.append({
            "date": date, "amount": amount, "currency": currency,
            "label": cell(row, "label")[:MAX_TEXT], "counterpartyName": cell(row, "counterparty")[:MAX_TEXT],
            "counterpartyAccount": re.sub(r"\s+", "", cell(row, "account"))[:MAX_TEXT],
            "reference": cell(row, "reference")[:MAX_TEXT], "endToEndId": "", "bankReference": "",
        })
    return [{"format": "csv", "statement_id": "", "account": account, "currency": currency, "opening": None,
             "closing": None, "lines": lines, "skipped": []}]
