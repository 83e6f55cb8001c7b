"""CSV/XLSX bank exports through the wizard's mapping step: columns guessed from the headers, date format and
decimal separator detected and shown, the confirmed mapping remembered per journal, the same file twice, a
mapping that does not read the file refused naming the row. Tables are read in Odoo: no endpoint involved."""

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import AiBookkeepingCase

GERMAN = ("Buchungstag;Verwendungszweck;Empfänger;IBAN;Betrag\r\n"
          "05.01.2026;Miete Januar;Hausverwaltung Müller;DE89 3704 0044 0532 0130 00;-1.250,00\r\n"
          "06.01.2026;INV 2026 0042;ACME SARL;FR1420041010050500013M02606;1.210,50\r\n").encode("cp1252")


@tagged("post_install", "-at_install")
class TestStatementImportTable(AiBookkeepingCase):
    def attach(self, name, raw):
        return self.env["ir.attachment"].create({"name": name, "raw": raw})

    def wizard(self, attachment, journal=None):
        return self.env["ai.statement.import.wizard"].create({
            "attachment_ids": [Command.set(attachment.ids)],
            "journal_id": (journal or self.bank_journal).id,
        })

    def test_the_mapping_step_guesses_detects_imports_and_remembers(self):
        wizard = self.wizard(self.attach("umsatz.csv", GERMAN))
        wizard.action_import()
        self.assertEqual(wizard.state, "mapping")
        self.assertEqual(wizard.table_columns, "Buchungstag | Verwendungszweck | Empfänger | IBAN | Betrag")
        self.assertEqual((wizard.table_date_column, wizard.table_amount_column, wizard.table_label_column,
                          wizard.table_counterparty_column, wizard.table_account_column),
                         ("Buchungstag", "Betrag", "Verwendungszweck", "Empfänger", "IBAN"))
        self.assertEqual((wizard.table_date_format, wizard.table_decimal), ("dmy_dot", "comma"))
        self.assertIn("Miete Januar", wizard.table_preview)
        wizard.table_reference_column = "Verwendungszweck"  # the accountant's correction
        wizard.action_import()
        self.assertEqual((wizard.state, wizard.imported_count), ("done", 2))
        self.assertIn("2 lines imported, 0 already present; suggestions arriving.", wizard.summary)
        lines = wizard.statement_ids.line_ids.sorted("id")
        self.assertEqual(lines.mapped("amount"), [-1250.0, 1210.5])
        self.assertEqual([str(d) for d in lines.mapped("date")], ["2026-01-05", "2026-01-06"])
        self.assertEqual(lines[0].account_number, "DE89370400440532013000")
        self.assertEqual(lines[1].ref, "INV 2026 0042")
        self.assertEqual(set(lines.mapped("ai_state")), {"queued"})
        remembered = self.bank_journal.ai_statement_table_mapping
        self.assertEqual(remembered["columns"]["reference"], "Verwendungszweck")
        self.assertEqual(remembered["date_format"], "%d.%m.%Y")

        # The next file of that journal opens with the remembered mapping; the same rows are not imported twice.
        again = self.wizard(self.attach("umsatz2.csv", GERMAN))
        again.action_import()
        self.assertEqual(again.table_reference_column, "Verwendungszweck")
        again.action_import()
        self.assertEqual((again.imported_count, again.already_count), (0, 2))
        # ... and from code the remembered mapping is used.
        self.assertFalse(self.bank_journal.import_bank_statement_files(self.attach("umsatz3.csv", GERMAN).ids))

    def test_a_mapping_that_does_not_read_the_file_is_refused_naming_the_row(self):
        wizard = self.wizard(self.attach("umsatz.csv", GERMAN))
        wizard.action_import()
        wizard.table_date_format = "iso"
        with self.assertRaisesRegex(UserError,
                                    r"umsatz.csv cannot be imported: Row 2: the date '05.01.2026' does not read"):
            wizard.action_import()
        wizard.table_date_format = "dmy_dot"
        wizard.table_decimal = "dot"
        with self.assertRaisesRegex(UserError, "Row 2: the amount '-1.250,00' is not a number"):
            wizard.action_import()
        self.assertFalse(self.env["account.bank.statement.line"].search([("journal_id", "=", self.bank_journal.id)]))

    def test_a_table_needs_a_journal_and_a_mapping_once(self):
        attachment = self.attach("umsatz.csv", GERMAN)
        wizard = self.env["ai.statement.import.wizard"].create({"attachment_ids": [Command.set(attachment.ids)]})
        wizard.action_import()
        self.assertEqual(wizard.state, "journal")
        self.assertIn("is a table and names no bank account", wizard.journal_message)
        journal = self.company_data["default_journal_bank"].copy({"name": "Second bank", "code": "SBK2"})
        with self.assertRaisesRegex(UserError, "map its columns once with Import file on the journal"):
            journal.import_bank_statement_files(attachment.ids)
