"""Direct tests of ai_bookkeeping/tools/statement_import_reply.py: the checks Odoo makes on the endpoint's parsed
statements, the import ids and the balance plan. No Odoo, no database.

Run: python3 -m unittest discover -s test/python -v
"""

import unittest

import aib_tools_loader

aib_tools_loader.load()

from aib_tools import statement_import_reply as sir  # noqa: E402


def line(amount=12.5, date="2024-01-05", label="rent", **extra):
    return {"date": date, "amount": amount, "currency": "EUR", "label": label, **extra}


def reply(lines=None, **statement):
    st = {"format": "camt.053", "statementId": "S1", "account": "DE12 5001 0517 0648 4898 90", "currency": "EUR",
          "lines": [line()] if lines is None else lines, "skipped": []}
    st.update(statement)
    return {"format": "camt.053", "statements": [st]}


class TestCheckReply(unittest.TestCase):
    def test_a_valid_reply_comes_back_as_plain_checked_dicts(self):
        checked = sir.check_reply(reply(openingBalance={"amount": 100, "date": "2024-01-04"},
                                        lines=[line(counterpartyName=" ACME ", bankReference="B1")]))
        st = checked["statements"][0]
        self.assertEqual(st["statement_id"], "S1")
        self.assertEqual(st["opening"], {"amount": 100.0, "date": "2024-01-04"})
        self.assertIsNone(st["closing"])
        self.assertEqual(st["lines"][0]["counterpartyName"], "ACME")
        self.assertEqual(st["lines"][0]["reference"], "")

    def test_every_malformed_field_is_named(self):
        cases = [
            ({"format": "csv", "statements": []}, "format"),
            (reply(lines=[line(amount="12")]), "statements.0.lines.0.amount: expected a finite number"),
            (reply(lines=[line(amount=float("nan"))]), "lines.0.amount"),
            (reply(lines=[line(amount=True)]), "lines.0.amount"),
            (reply(lines=[line(date="05.01.2024")]), "lines.0.date: expected a date"),
            (reply(lines=[line(label=None)]), "lines.0.label: expected text"),
            (reply(currency="euro"), "statements.0.currency"),
            (reply(closingBalance={"amount": "x"}), "closingBalance.amount"),
            ([], "(reply)"),
        ]
        for bad, where in cases:
            pattern = "malformed at .*" + where.split(": ")[0]
            with self.subTest(where=where), self.assertRaisesRegex(sir.ReplyError, pattern):
                sir.check_reply(bad)

    def test_nul_characters_and_huge_text_are_cut(self):
        st = sir.check_reply(reply(lines=[line(label="a\x00b" + "x" * 10000)]))["statements"][0]
        self.assertEqual(st["lines"][0]["label"][:3], "a b")
        self.assertEqual(len(st["lines"][0]["label"]), sir.MAX_TEXT)


class TestImportable(unittest.TestCase):
    def test_skipped_records_refuse_the_whole_file_naming_them(self):
        st = sir.check_reply(reply(skipped=[{"where": "line 7", "reason": 'unreadable :61: field "1705"'}]))
        with self.assertRaisesRegex(sir.StatementFileError,
                                    r"1 transaction\(s\) .* nothing was imported: line 7: unreadable"):
            sir.check_importable(st["statements"])

    def test_mixed_currencies_are_refused_naming_the_line(self):
        st = sir.check_reply(reply(lines=[line(), dict(line(), currency="USD")]))
        with self.assertRaisesRegex(sir.StatementFileError, r"Statement 1, line 2 .*USD.*\(EUR\)"):
            sir.check_importable(st["statements"])


class TestAccounts(unittest.TestCase):
    def test_accounts_match_sanitised_or_as_bank_code_and_account(self):
        self.assertTrue(sir.accounts_match("DE12 5001 0517 0648 4898 90", "de12500105170648489890"))
        self.assertTrue(sir.accounts_match("37040044/0532013000", "DE89370400440532013000"))
        self.assertFalse(sir.accounts_match("37040044/0532013001", "DE89370400440532013000"))
        self.assertFalse(sir.accounts_match("", "DE89370400440532013000"))
        self.assertFalse(sir.accounts_match("NL77ABNA0574908765", "DE89370400440532013000"))


class TestImportIds(unittest.TestCase):
    def test_same_content_same_id_and_repeats_counted(self):
        lines = [line(), line(), line(amount=-3)]
        first = sir.import_ids("DE12 5001", lines)
        self.assertEqual(first, sir.import_ids("DE125001", [dict(line) for line in lines]))
        self.assertEqual(len(set(first)), 3)
        self.assertTrue(first[0].startswith("DE125001-") and first[0].endswith("-1"))
        self.assertTrue(first[1].endswith("-2"))
        # an overlapping file holding the third transaction alone gives it the same id
        self.assertEqual(sir.import_ids("DE125001", [line(amount=-3)]), first[2:])

    def test_a_repeated_bank_reference_does_not_merge_two_transactions(self):
        ids = sir.import_ids("CH11", [line(bankReference="CAFE", amount=2187), line(bankReference="CAFE", amount=1296)])
        self.assertNotEqual(ids[0][:-2], ids[1][:-2])


class TestBalancePlan(unittest.TestCase):
    def st(self, opening=None, closing=None, n=2):
        return {"opening": None if opening is None else {"amount": opening},
                "closing": None if closing is None else {"amount": closing}, "lines": [{}] * n}

    def test_both_balances_checked_and_the_gap_stated(self):
        self.assertEqual(sir.balance_plan(self.st(100, 90), -10, 2),
                         {"balance_start": 100, "balance_end_real": 90, "gap": None, "checked": True})
        self.assertEqual(sir.balance_plan(self.st(15568.27, 15121.12), -13.04, 2)["gap"], 434.11)

    def test_one_balance_gives_the_other_and_is_not_checked(self):
        self.assertEqual(sir.balance_plan(self.st(closing=2156.56), 100.0, 2),
                         {"balance_start": 2056.56, "balance_end_real": 2156.56, "gap": None, "checked": False})
        self.assertEqual(sir.balance_plan(self.st(opening=10), 5, 2)["balance_end_real"], 15)

    def test_no_balances_or_lines_already_there_leave_them_to_odoo(self):
        empty = {"balance_start": None, "balance_end_real": None, "gap": None, "checked": False}
        self.assertEqual(sir.balance_plan(self.st(), 5, 2), empty)
        self.assertEqual(sir.balance_plan(self.st(100, 90), -10, 1), empty)


if __name__ == "__main__":
    unittest.main()
