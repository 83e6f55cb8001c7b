"""Reads the generated CSV files of bank_dialects_csv.test.ts with ai_bookkeeping/tools/statement_import_csv.py.

stdin: a JSON list of {name, content (base64), mapping, dateFormat, decimal}; stdout: a JSON list of
{lines} or {error} in the same order. No Odoo: the tools package is loaded as test/python does.
"""

import base64
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "python"))

import aib_tools_loader  # noqa: E402

aib_tools_loader.load()

from aib_tools import statement_import_csv as sic  # noqa: E402
from aib_tools.statement_import_reply import StatementFileError  # noqa: E402

out = []
for item in json.load(sys.stdin):
    try:
        headers, rows = sic.read_table(base64.b64decode(item["content"]), item["name"])
        [statement] = sic.to_statements(headers, rows, item["mapping"], item["dateFormat"], item["decimal"], "EUR")
        out.append({"lines": statement["lines"]})
    except StatementFileError as exc:
        out.append({"error": str(exc)})
json.dump(out, sys.stdout)
