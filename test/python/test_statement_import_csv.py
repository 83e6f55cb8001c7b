"""Direct tests of ai_bookkeeping/tools/statement_import_csv.py: reading bank exports as tables, guessing the
mapping, the date and decimal formats, and the rows turned into a statement. No Odoo, no database.

Run: python3 -m unittest discover -s test/python -v
"""

import io
import unittest

import aib_tools_loader

aib_tools_loader.load()

from aib_tools import statement_import_csv as sic  # noqa: E402
from aib_tools.statement_import_reply import StatementFileError  # noqa: E402

GERMAN = ("Buchungstag;Verwendungszweck;Empfänger;IBAN;Betrag\r\n"
          "05.01.2026;Miete Januar;Hausverwaltung Müller;DE89 3704 0044 0532 0130 00;-1.250,00\r\n"
          "06.01.2026;INV 2026 0042;ACME SARL;FR1420041010050500013M02606;1.210,50\r\n").encode("cp1252")
ENGLISH = b"Date,Description,Debit,Credit,Reference\n2026-01-05,Card fee,3.50,,X1\n2026-01-06,Refund,,99.99,X2\n"


class TestReadAndGuess(unittest.TestCase):
    def test_a_german_export_semicolons_cp1252_comma_decimals(self):
        headers, rows = sic.read_table(GERMAN, "umsatz.csv")
        self.assertEqual(headers, ["Buchungstag", "Verwendungszweck", "Empfänger", "IBAN", "Betrag"])
        mapping = sic.guess_mapping(headers)
        self.assertEqual(mapping, {"date": "Buchungstag", "amount": "Betrag", "label": "Verwendungszweck",
                                   "counterparty": "Empfänger", "account": "IBAN"})
        self.assertEqual(sic.detect_date_format([r[0] for r in rows]), "%d.%m.%Y")
        self.assertEqual(sic.detect_decimal([r[4] for r in rows]), ",")
        [statement] = sic.to_statements(headers, rows, mapping, "%d.%m.%Y", ",", "EUR")
        self.assertEqual([(line["date"], line["amount"]) for line in statement["lines"]],
                         [("2026-01-05", -1250.0), ("2026-01-06", 1210.5)])
        self.assertEqual(statement["lines"][0]["counterpartyAccount"], "DE89370400440532013000")
        self.assertEqual(statement["lines"][0]["counterpartyName"], "Hausverwaltung Müller")

    def test_an_english_export_with_debit_and_credit_columns(self):
        headers, rows = sic.read_table(ENGLISH, "export.csv")
        mapping = sic.guess_mapping(headers)
        self.assertEqual(mapping["debit"], "Debit")
        self.assertEqual(mapping["credit"], "Credit")
        self.assertEqual(mapping["reference"], "Reference")
        self.assertEqual(sic.detect_decimal([r[2] for r in rows] + [r[3] for r in rows]), ".")
        [statement] = sic.to_statements(headers, rows, mapping, "%Y-%m-%d", ".", "USD")
        self.assertEqual([line["amount"] for line in statement["lines"]], [-3.5, 99.99])
        self.assertEqual(statement["lines"][1]["reference"], "X2")

    def test_an_xlsx_workbook(self):
        import datetime

        try:
            import openpyxl
        except ImportError:
            self.skipTest("openpyxl is not installed here (Odoo's Python has it: Debian python3-openpyxl)")

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["Date", "Amount", "Label"])
        sheet.append([datetime.date(2026, 1, 5), -12.5, "Coffee"])
        buffer = io.BytesIO()
        book.save(buffer)
        headers, rows = sic.read_table(buffer.getvalue(), "bank.xlsx")
        self.assertEqual(rows, [["2026-01-05", "-12.5", "Coffee"]])
        [statement] = sic.to_statements(headers, rows, sic.guess_mapping(headers), "%Y-%m-%d", ".", "EUR")
        self.assertEqual(statement["lines"][0]["amount"], -12.5)
        with self.assertRaisesRegex(StatementFileError, "not a readable XLSX"):
            sic.read_table(b"not a zip", "bad.xlsx")

    def test_date_formats_prefer_day_first_and_fail_when_none_fits(self):
        self.assertEqual(sic.detect_date_format(["05/01/2026", "13/01/2026"]), "%d/%m/%Y")
        self.assertEqual(sic.detect_date_format(["01/13/2026"]), "%m/%d/%Y")
        self.assertIsNone(sic.detect_date_format(["yesterday"]))

    def test_amount_forms(self):
        self.assertEqual(sic.parse_amount("1.234,56 €", ","), 1234.56)
        self.assertEqual(sic.parse_amount("-1,234.56", "."), -1234.56)
        self.assertEqual(sic.parse_amount("(12.50)", "."), -12.5)
        self.assertEqual(sic.parse_amount("12,50-", ","), -12.5)
        self.assertIsNone(sic.parse_amount("  ", "."))
        self.assertEqual(sic.parse_amount("1,234,567.8", "."), 1234567.8)
        for bad, decimal in [("abc", "."), ("-1.250,00", "."), ("12.50", ","), ("1,2,3", ".")]:
            with self.subTest(amount=bad), self.assertRaises(ValueError):
                sic.parse_amount(bad, decimal)


class TestFaults(unittest.TestCase):
    def test_a_bad_row_is_named(self):
        headers, rows = sic.read_table(GERMAN.replace(b"1.210,50", b"n/a"), "x.csv")
        with self.assertRaisesRegex(StatementFileError, "Row 3: the amount 'n/a' is not a number"):
            sic.to_statements(headers, rows, sic.guess_mapping(headers), "%d.%m.%Y", ",", "EUR")
        with self.assertRaisesRegex(StatementFileError, r"Row 2: the date '05.01.2026' does not read as 2026-01-31"):
            sic.to_statements(headers, rows, sic.guess_mapping(headers), "%Y-%m-%d", ",", "EUR")

    def test_a_mapping_without_date_or_amount_and_an_empty_file_are_refused(self):
        headers, rows = sic.read_table(ENGLISH, "x.csv")
        with self.assertRaisesRegex(StatementFileError, "needs a date column and an amount column"):
            sic.to_statements(headers, rows, {"label": "Description"}, "%Y-%m-%d", ".", "USD")
        with self.assertRaisesRegex(StatementFileError, "The column 'Betrag' of the mapping is not in the file"):
            sic.to_statements(headers, rows, {"date": "Date", "amount": "Betrag"}, "%Y-%m-%d", ".", "USD")
        with self.assertRaisesRegex(StatementFileError, "empty"):
            sic.read_table(b"\n\n", "empty.csv")


class TestBankDialects(unittest.TestCase):
    """Exports as banks write them, found by the dialect generator (test/statements/bank_dialects_csv.test.ts)."""

    def read(self, raw, mapping, date_format, decimal, name="export.csv"):
        headers, rows = sic.read_table(raw, name)
        [statement] = sic.to_statements(headers, rows, mapping, date_format, decimal, "EUR")
        return headers, [(line["date"], line["amount"], line["label"]) for line in statement["lines"]]

    def test_a_header_row_after_the_bank_s_preamble(self):
        raw = (b"Kontoauszug;;\r\nIBAN;DE89370400440532013000;\r\nZeitraum;01.01.2026 - 31.01.2026;\r\n;;\r\n"
               b"Buchungstag;Verwendungszweck;Betrag\r\n05.01.2026;Miete;-1.250,00\r\n06.01.2026;Gehalt;2.000,00\r\n")
        headers, lines = self.read(raw, {"date": "Buchungstag", "label": "Verwendungszweck", "amount": "Betrag"},
                                   "%d.%m.%Y", ",")
        self.assertEqual(headers, ["Buchungstag", "Verwendungszweck", "Betrag"])
        self.assertEqual(lines, [("2026-01-05", -1250.0, "Miete"), ("2026-01-06", 2000.0, "Gehalt")])

    def test_a_bad_row_after_the_preamble_and_a_blank_row_is_named_by_its_row_in_the_file(self):
        raw = b"Export 2026\n\nDate,Description,Amount\n2026-01-05,Fee,-3.50\n\n2026-01-06,Refund,abc\n"
        with self.assertRaisesRegex(StatementFileError, r"^Row 6: the amount"):
            self.read(raw, {"date": "Date", "label": "Description", "amount": "Amount"}, "%Y-%m-%d", ".")

    def test_trailing_summary_rows_are_left_out_but_an_unreadable_date_before_them_is_not(self):
        raw = (b"Datum;Text;Betrag\n05.01.2026;Miete;-1.250,00\n06.01.2026;Gehalt;2.000,00\n"
               b";Summe;750,00\nEndsaldo;;1.750,00\n")
        mapping = {"date": "Datum", "label": "Text", "amount": "Betrag"}
        headers, rows = sic.read_table(raw, "umsatz.csv")
        self.assertEqual(sic.detect_date_format([r[0] for r in rows]), "%d.%m.%Y")
        _headers, lines = self.read(raw, mapping, "%d.%m.%Y", ",")
        self.assertEqual([amount for _d, amount, _l in lines], [-1250.0, 2000.0])
        typo = raw.replace(b"06.01.2026;Gehalt", b"06.13.2026;Gehalt")
        with self.assertRaisesRegex(StatementFileError, r"^Row 3: the date '06.13.2026'"):
            self.read(typo, mapping, "%d.%m.%Y", ",")
        undated = raw.replace(b"06.01.2026;Gehalt", b";Gehalt")
        with self.assertRaisesRegex(StatementFileError, r"^Row 3: the date ''"):
            self.read(undated, mapping, "%d.%m.%Y", ",")

    def test_a_unicode_minus_or_a_dash_is_a_minus(self):
        for minus in ("\u2212", "\u2013"):
            self.assertEqual(sic.parse_amount(minus + "12,50", ","), -12.5)
            self.assertEqual(sic.parse_amount("12,50" + minus, ","), -12.5)

    def test_debit_and_credit_markers_give_the_sign_other_letters_are_refused(self):
        self.assertEqual(sic.parse_amount("12.50 DR", "."), -12.5)
        self.assertEqual(sic.parse_amount("12.50 CR", "."), 12.5)
        self.assertEqual(sic.parse_amount("12,50 S", ","), -12.5)
        self.assertEqual(sic.parse_amount("12,50 H", ","), 12.5)
        self.assertEqual(sic.parse_amount("EUR 12,50", ","), 12.5)
        self.assertEqual(sic.parse_amount("12,50 €", ","), 12.5)
        with self.assertRaises(ValueError):
            sic.parse_amount("12,50 X", ",")

    def test_three_decimals_are_refused_thousands_or_decimals(self):
        with self.assertRaises(ValueError):
            sic.parse_amount("1.234", ".")
        self.assertEqual(sic.parse_amount("1.234", ","), 1234.0)
        self.assertEqual(sic.parse_amount("1.234,5", ","), 1234.5)

    def test_excel_unicode_text_utf16_tab_separated(self):
        raw = "Date\tDescription\tAmount\r\n2026-01-05\tCafé\t-3.50\r\n".encode("utf-16")
        headers, lines = self.read(raw, {"date": "Date", "label": "Description", "amount": "Amount"}, "%Y-%m-%d", ".",
                                   name="export.txt")
        self.assertEqual(headers, ["Date", "Description", "Amount"])
        self.assertEqual(lines, [("2026-01-05", -3.5, "Café")])

    def test_a_tab_separated_export_with_summary_rows_the_sniffer_cannot_place_is_read_by_tabs(self):
        raw = ("Booking date\tDescription\tPayee\tAccount\tAmount\n07/18/2020\tRechnung 45\tZürcher\t\t-5.00\n"
               "07/19/2020\tAbo Vertrag\tZürcher\tDE61 5983\t126.26\n07/20/2020\t934333\tLukasz\t\t1.00\n"
               "\tTotal\t\t122.26\nClosing balance\t\t\t\t200.00\n").encode()
        mapping = {"date": "Booking date", "label": "Description", "amount": "Amount"}
        headers, lines = self.read(raw, mapping, "%m/%d/%Y", ".")
        self.assertEqual(headers, ["Booking date", "Description", "Payee", "Account", "Amount"])
        self.assertEqual([amount for _d, amount, _l in lines], [-5.0, 126.26, 1.0])

    def test_an_amount_with_a_character_it_does_not_know_is_refused_not_read_without_it(self):
        for text in ("?9,00", "9,00\ufffd", "9#00"):
            with self.assertRaises(ValueError, msg=text):
                sic.parse_amount(text, ",")
        self.assertEqual(sic.parse_amount("1\u202f234,50", ","), 1234.5)
        self.assertEqual(sic.parse_amount("1'234.50", "."), 1234.5)


if __name__ == "__main__":
    unittest.main()
