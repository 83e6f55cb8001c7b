"""The statement import's rules on small hand-made files (no shared data needed): the journal picked by the file's
account, currency and account mismatches refused, overlapping files, counterparty IBAN → partner, all or nothing
per file, the AI queue, the balance check, the public method and its access check, drag and drop."""

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .statement_import_common import StatementImportCase

IBAN = "DE89370400440532013000"
OTHER_IBAN = "NL91ABNA0417164300"
PARTNER_IBAN = "FR1420041010050500013M02606"
UNKNOWN_IBAN = "BE68539007547034"


def camt(entries, account=IBAN, currency="USD", opening=None, closing=None, statement_id="STMT-1"):
    """A CAMT.053 file: entries are (amount, date, label, counterparty IBAN or None)."""
    balances = ""
    for code, amount in (("OPBD", opening), ("CLBD", closing)):
        if amount is not None:
            side = "CRDT" if amount >= 0 else "DBIT"
            balances += ('<Bal><Tp><CdOrPrtry><Cd>%s</Cd></CdOrPrtry></Tp><Amt Ccy="%s">%.2f</Amt>'
                         "<CdtDbtInd>%s</CdtDbtInd><Dt><Dt>2026-01-31</Dt></Dt></Bal>"
                         % (code, currency, abs(amount), side))
    ntry = ""
    for amount, date, label, iban in entries:
        side = "CRDT" if amount >= 0 else "DBIT"
        party, acct = ("Dbtr", "DbtrAcct") if amount >= 0 else ("Cdtr", "CdtrAcct")
        parties = ("<RltdPties><%s><Nm>Counterparty %s</Nm></%s><%s><Id><IBAN>%s</IBAN></Id></%s></RltdPties>"
                   % (party, iban, party, acct, iban, acct)) if iban else ""
        ntry += ('<Ntry><Amt Ccy="%s">%.2f</Amt><CdtDbtInd>%s</CdtDbtInd><BookgDt><Dt>%s</Dt></BookgDt>'
                 "<NtryDtls><TxDtls>%s<RmtInf><Ustrd>%s</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>"
                 % (currency, abs(amount), side, date, parties, label))
    return ('<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">'
            "<BkToCstmrStmt><GrpHdr><MsgId>1</MsgId></GrpHdr><Stmt><Id>%s</Id><Acct><Id><IBAN>%s</IBAN></Id>"
            "<Ccy>%s</Ccy></Acct>%s%s</Stmt></BkToCstmrStmt></Document>"
            % (statement_id, account, currency, balances, ntry))


LINES = [
    (1210.0, "2026-01-05", "INV 2026 0042 ACME", PARTNER_IBAN),
    (-35.5, "2026-01-06", "Card fee", None),
    (-250.0, "2026-01-07", "Rent January", UNKNOWN_IBAN),
    (99.99, "2026-01-08", "Refund", None),
]


@tagged("post_install", "-at_install")
class TestStatementImportRules(StatementImportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.journal = cls.make_bank_journal("SIBK", account=IBAN)
        cls.customer = cls.env["res.partner"].create({
            "name": "Acme SARL", "bank_ids": [Command.create({"acc_number": "FR14 2004 1010 0505 0001 3M02 606"})],
        })

    def journal_lines(self, journal=None):
        return self.env["account.bank.statement.line"].search([("journal_id", "=", (journal or self.journal).id)])

    def test_the_file_account_picks_the_journal_and_lines_carry_everything(self):
        wizard = self.run_wizard(self.attach("jan.xml", camt(LINES, opening=1000, closing=2024.49)))
        self.assertEqual(wizard.state, "done", wizard.journal_message)
        self.assertEqual(wizard.journal_id, self.journal)
        self.assertEqual(wizard.imported_count, 4)
        self.assertIn("4 lines imported, 0 already present; suggestions arriving.", wizard.summary)
        statement = wizard.statement_ids
        self.assertEqual(statement.name, "STMT-1")
        self.assertEqual((statement.balance_start, statement.balance_end_real), (1000, 2024.49))
        self.assertTrue(statement.is_complete)
        self.assertTrue(statement.attachment_ids)
        lines = self.lines_of(wizard)
        self.assertEqual(lines.mapped("amount"), [1210.0, -35.5, -250.0, 99.99])
        self.assertEqual(lines[0].payment_ref, "INV 2026 0042 ACME")
        # counterparty IBAN known as a partner's bank account → partner; unknown IBAN kept, no partner created
        self.assertEqual(lines[0].partner_id, self.customer)
        self.assertEqual(lines[2].account_number, UNKNOWN_IBAN)
        self.assertFalse(lines[2].partner_id)
        self.assertFalse(self.env["res.partner.bank"].search([("sanitized_acc_number", "=", UNKNOWN_IBAN)]))
        self.assertEqual(lines[2].partner_name, "Counterparty %s" % UNKNOWN_IBAN)
        self.assertEqual(len(set(lines.mapped("unique_import_id"))), 4)
        # every line queued for AI suggestions by the statement line's own create
        queued = self.env["ai.job"]._jobs_of("reconciliation", lines)
        self.assertEqual(len(queued), 4)
        self.assertEqual(set(lines.mapped("ai_state")), {"queued"})

    def test_overlapping_files_import_each_transaction_once(self):
        first = self.run_wizard(self.attach("a.xml", camt(LINES[:3], statement_id="A")))
        second = self.run_wizard(self.attach("b.xml", camt(LINES[1:], statement_id="B")))
        self.assertEqual((first.imported_count, first.already_count), (3, 0))
        self.assertEqual((second.imported_count, second.already_count), (1, 2))
        self.assertIn("1 lines imported, 2 already present", second.summary)
        self.assertEqual(len(self.journal_lines()), 4)
        self.assertEqual(second.statement_ids.line_ids.amount, 99.99)

    def test_two_identical_transactions_in_one_file_stay_two(self):
        same = (-4.2, "2026-01-09", "COFFEE", None)
        wizard = self.run_wizard(self.attach("coffee.xml", camt([same, same])))
        self.assertEqual(wizard.imported_count, 2)
        again = self.run_wizard(self.attach("coffee2.xml", camt([same, same])))
        self.assertEqual((again.imported_count, again.already_count), (0, 2))

    def test_a_balance_gap_is_reported_not_hidden(self):
        wizard = self.run_wizard(self.attach("gap.xml", camt(LINES, opening=1000, closing=2000)))
        self.assertEqual(wizard.imported_count, 4)
        self.assertFalse(wizard.statement_ids.is_complete)
        self.assertIn("a gap of 24.49", wizard.summary)

    def test_unknown_account_asks_for_the_journal(self):
        attachment = self.attach("other.xml", camt(LINES, account=OTHER_IBAN))
        wizard = self.run_wizard(attachment)
        self.assertEqual(wizard.state, "journal")
        self.assertIn("No bank journal has the account %s" % OTHER_IBAN, wizard.journal_message)
        self.assertFalse(self.journal_lines())
        target = self.make_bank_journal("SIOT")
        wizard.journal_id = target
        wizard.action_import()
        self.assertEqual((wizard.state, wizard.imported_count), ("done", 4))
        self.assertEqual(len(self.journal_lines(target)), 4)

    def test_account_and_currency_mismatches_are_refused(self):
        with self.assertRaisesRegex(UserError, "is a statement of account %s, but the journal" % OTHER_IBAN):
            self.journal.import_bank_statement_files(self.attach("x.xml", camt(LINES, account=OTHER_IBAN)).ids)
        eur = self.attach("eur.xml", camt(LINES, currency="EUR"))
        with self.assertRaisesRegex(UserError, "eur.xml is in EUR but the journal .* is in USD: import it into a EUR"):
            self.journal.import_bank_statement_files(eur.ids)
        wizard = self.run_wizard(eur, self.journal)
        self.assertIn("Not imported", wizard.summary)
        self.assertFalse(self.journal_lines())

    def test_a_file_with_an_unreadable_record_writes_nothing(self):
        broken = camt(LINES).replace('<Amt Ccy="USD">99.99</Amt>', '<Amt Ccy="USD">n/a</Amt>')
        good = self.attach("good.xml", camt(LINES[:1], statement_id="G"))
        bad = self.attach("broken.xml", broken)
        wizard = self.run_wizard(good | bad, self.journal)
        self.assertEqual(wizard.imported_count, 1)
        self.assertIn("broken.xml cannot be imported: 1 transaction(s) of the file could not be read", wizard.summary)
        self.assertIn("statement 1, entry 4: entry has no valid &lt;Amt&gt;", wizard.summary)
        self.assertEqual(len(self.journal_lines()), 1)
        # mixed currencies inside one statement: refused naming the line
        mixed = camt(LINES).replace('<Amt Ccy="USD">35.50</Amt>', '<Amt Ccy="EUR">35.50</Amt>')
        with self.assertRaisesRegex(UserError, r"Statement 1, line 2 .*EUR.*\(USD\)"):
            self.journal.import_bank_statement_files(self.attach("mixed.xml", mixed).ids)

    def test_bad_input_gets_a_sentence(self):
        cases = [
            ("empty.sta", b"", '"empty.sta" is empty'),
            ("bomb.xml", b'<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY a "aaaa">]><Document/>',
             r"declares a <!DOCTYPE> \(line 2\)"),
            ("export.dat", b"date;amount\n2026-01-05;12,50\n", "is not a bank statement this import reads"),
            ("cut.xml", camt(LINES)[:400].encode(), r"not well-formed XML \(line 1"),
        ]
        for name, raw, reason in cases:
            with self.subTest(file=name), self.assertRaisesRegex(UserError, reason):
                self.journal.import_bank_statement_files(self.attach(name, raw).ids)
        big = self.attach("big.xml", b" " * (10 * 1024 * 1024 + 1))
        with self.assertRaisesRegex(UserError,
                                    r"big.xml has 10.0 MB; the statement import reads files of at most 10 MB"):
            self.journal.import_bank_statement_files(big.ids)
        self.assertFalse(self.journal_lines())

    def test_the_public_method_returns_statements_and_checks_access(self):
        statements = self.journal.import_bank_statement_files(self.attach("api.xml", camt(LINES)).ids)
        self.assertEqual(statements._name, "account.bank.statement")
        self.assertEqual(len(statements.line_ids), 4)
        portal = new_test_user(self.env, login="si_portal", groups="base.group_portal")
        with self.assertRaises(AccessError):
            self.journal.with_user(portal).import_bank_statement_files(self.attach("p.xml", camt(LINES)).ids)
        sale = self.company_data["default_journal_sale"]
        with self.assertRaisesRegex(UserError, "bank or credit card journals"):
            sale.import_bank_statement_files(self.attach("s.xml", camt(LINES)).ids)

    def test_dropping_files_on_the_bank_journal_card_imports_them(self):
        attachment = self.attach("drop.xml", camt(LINES))
        action = self.env["account.journal"].with_context(default_journal_id=self.journal.id) \
            .create_document_from_attachment(attachment.ids)
        wizard = self.env["ai.statement.import.wizard"].browse(action["res_id"])
        self.assertEqual((wizard.state, wizard.imported_count), ("done", 4))
        self.assertEqual(action["res_model"], "ai.statement.import.wizard")
        review = wizard.action_open_review()
        self.assertEqual(review["tag"], "ai_bookkeeping.review_dashboard")
        self.assertEqual(review["context"]["ai_bookkeeping_journal_id"], self.journal.id)
