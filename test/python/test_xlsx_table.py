"""Direct tests of ai_bookkeeping/tools/xlsx_table.py: tables written to XLSX and read back with openpyxl."""

import io
import unittest

import aib_tools_loader

aib_tools_loader.load()

try:
    import openpyxl
    from aib_tools import xlsx_table
except ImportError:  # Odoo's Python has both (Debian python3-xlsxwriter, python3-openpyxl); plain Python may not
    xlsx_table = None


@unittest.skipIf(xlsx_table is None, "xlsxwriter/openpyxl not installed here (Odoo's Python has them)")
class TestTablesToXlsx(unittest.TestCase):
    def test_values_kinds_and_sheet_names_survive_the_round_trip(self):
        data = xlsx_table.tables_to_xlsx([
            {"name": "P&L: 2026/11", "title": "Profit and loss", "columns": [
                {"label": "Account"}, {"label": "Amount", "kind": "amount"}, {"label": "Share", "kind": "percent"}],
             "rows": [
                 ["Sales", 1200.5, 0.25], ["=cmd|' /C calc'!A0", None, None], ["Total", 1200.5, 1.0, {"bold": True}]]},
            {"name": "P&L: 2026/11", "columns": [{"label": "x", "kind": "integer"}], "rows": [[3]]},
        ])
        book = openpyxl.load_workbook(io.BytesIO(data))
        self.assertEqual(book.sheetnames, ["P&L_ 2026_11", "P&L_ 2026_11 (2)"])
        sheet = book.worksheets[0]
        self.assertEqual(sheet["A1"].value, "Profit and loss")
        self.assertEqual([c.value for c in sheet[3]], ["Account", "Amount", "Share"])
        self.assertEqual(sheet["B4"].value, 1200.5)
        self.assertEqual(sheet["B4"].number_format, "#,##0.00")
        # A formula-looking string stays text: no formula injection from a label.
        self.assertEqual(sheet["A5"].value, "=cmd|' /C calc'!A0")
        self.assertEqual(sheet["A5"].data_type, "s")
        self.assertIsNone(sheet["B5"].value)
        self.assertTrue(sheet["A6"].font.b)
