"""Tables to an XLSX workbook: the one writer behind every export of the add-on (reports, aging, …).

Pure: no Odoo import. Uses ``xlsxwriter``, which Odoo itself requires (its own XLSX exports use it).
"""

import io

import xlsxwriter

# Column kinds and their cell format; "text" is the default.
_FORMATS = {
    "text": {},
    "date": {"num_format": "yyyy-mm-dd"},
    "integer": {"num_format": "0"},
    "percent": {"num_format": "0.0%"},
}


def tables_to_xlsx(sheets):
    """Return the bytes of a workbook with one sheet per table.

    ``sheets``: iterable of dicts ``{"name": str, "title": str (optional, first row), "columns": [{"label": str,
    "kind": "text" | "date" | "integer" | "percent" | "amount", "digits": int (amount only, default 2)}],
    "rows": [[value, …]]}``. A value of ``None`` leaves the cell empty; a row may carry ``{"bold": True}`` as an
    extra last element (a total line).
    """
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    header = workbook.add_format({"bold": True, "bottom": 1})
    title_format = workbook.add_format({"bold": True, "font_size": 13})
    cache = {}

    def cell_format(column, bold):
        kind = column.get("kind", "text")
        spec = dict(_FORMATS.get(kind, {}))
        if kind == "amount":
            digits = int(column.get("digits", 2))
            spec["num_format"] = "#,##0" + ("." + "0" * digits if digits else "")
        if bold:
            spec["bold"] = True
        key = tuple(sorted(spec.items()))
        if key not in cache:
            cache[key] = workbook.add_format(spec)
        return cache[key]

    used_names = set()
    for sheet in sheets:
        name = _sheet_name(sheet["name"], used_names)
        worksheet = workbook.add_worksheet(name)
        row_index = 0
        if sheet.get("title"):
            worksheet.write(row_index, 0, sheet["title"], title_format)
            row_index += 2
        columns = sheet["columns"]
        for col, column in enumerate(columns):
            worksheet.write(row_index, col, column["label"], header)
            worksheet.set_column(col, col, max(10, min(60, len(column["label"]) + 4)))
        worksheet.freeze_panes(row_index + 1, 0)
        for row in sheet["rows"]:
            bold = bool(row and isinstance(row[-1], dict) and row[-1].get("bold"))
            values = row[:-1] if row and isinstance(row[-1], dict) else row
            row_index += 1
            for col, value in enumerate(values):
                if value is None:
                    continue
                worksheet.write(row_index, col, value, cell_format(columns[col], bold))
    workbook.close()
    return buffer.getvalue()


def _sheet_name(name, used_names):
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in (name or "Sheet"))[:31] or "Sheet"
    candidate, n = clean, 2
    while candidate.lower() in used_names:
        suffix = f" ({n})"
        candidate, n = clean[: 31 - len(suffix)] + suffix, n + 1
    used_names.add(candidate.lower())
    return candidate
