"""The statement import writes what Odoo's own create writes: the guard of every speed change of the import.

A CAMT.053 file built here (lines over several dates, a counterparty IBAN that is a partner's bank account, unknown
IBANs, labels in other scripts, structured references, an outgoing payment, a line without counterparty) is imported
through ``account.journal.import_bank_statement_files`` into one journal; the same lines are typed through Odoo's
plain ``account.bank.statement.create`` (its lines' ``account.bank.statement.line.create``, no import context) into
a twin journal. Then every stored field of the statements, their lines, the lines' journal entries and journal items,
the entries' followers and mail messages (with their tracking values) and the lines' AI queue rows are compared,
record by record. Only ids, create/write dates, the journal itself (and its own default account) and the journal
code in the numbers are left out; ids pointing at records of the comparison are compared as those records."""

from unittest.mock import patch

from odoo import Command
from odoo.tests import tagged

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

from ..models import statement_import_journal as sij
from ..tools import statement_import_reply as sir
from .statement_import_common import StatementImportCase

IBAN = "DE89370400440532013000"
PARTNER_IBAN = "FR7630006000011234567890189"
# Same length: the numbers' format does not depend on the code's length, but the comparison replaces it as text.
CODE, TWIN_CODE = "FIDI", "FIDT"
IGNORED = {"id", "create_date", "write_date"}
# Statement-line indexes end with the line's id (10 digits): compared without it (the order is compared apart).
ID_SUFFIXED = {"internal_index", "first_line_index"}
# The chatter's records, compared per entry (followers, messages with their tracking values), not as ids.
COMPARED_APART = {"mail.followers", "mail.message", "mail.activity", "mail.tracking.value", "rating.rating"}
MAIL_OFF = set(DISABLED_MAIL_CONTEXT) - {"no_reset_password"}
# (date, amount, counterparty, counterparty IBAN, label, structured reference, end-to-end id)
ENTRIES = [
    ("2026-02-02", 1250.00, "Müller & Söhne GmbH", PARTNER_IBAN, "Rechnung RE-2026-0042 Überweisung",
     "RF18539007547034", "E2E-0001"),
    ("2026-02-02", -89.90, "Électricité de France", "FR1420041010050500013M02606", "Facture d'électricité février",
     None, "NOTPROVIDED"),
    ("2026-02-03", 300.00, "Σπύρος Παπαδόπουλος", "GR1601101250000000012300695", "Πληρωμή τιμολογίου 17", None,
     "E2E-0003"),
    ("2026-02-03", 42.00, "Müller & Söhne GmbH", PARTNER_IBAN, "Teilzahlung", "RF71254",
     "E2E-0004"),
    ("2026-02-05", -1500.00, "株式会社サンプル", "DE02120300000000202051", "請求書 2026-03 支払い", None, None),
    ("2026-02-05", -12.50, None, None, "Kontoführungsgebühr März", None, None),
    ("2026-02-06", 75.25, "Jan Kowalski", "PL61109010140000071219812874", "Zapłata za fakturę", "RF18000000000000",
     "E2E-0007"),
]


def camt_file(entries, account=IBAN, currency="EUR", opening=1000.00):
    """A CAMT.053.001.02 statement of these entries, opening and closing balances that match them."""
    xml = []
    for date, amount, name, iban, label, structured, end_to_end in entries:
        side = "CRDT" if amount > 0 else "DBIT"
        party, party_account = ("Dbtr", "DbtrAcct") if amount > 0 else ("Cdtr", "CdtrAcct")
        related = ""
        if name or iban:
            related = "<RltdPties>%s%s</RltdPties>" % (
                "<%s><Nm>%s</Nm></%s>" % (party, name.replace("&", "&amp;"), party) if name else "",
                "<%s><Id><IBAN>%s</IBAN></Id></%s>" % (party_account, iban, party_account) if iban else "")
        refs = "<Refs><EndToEndId>%s</EndToEndId></Refs>" % end_to_end if end_to_end else ""
        structured_xml = ("<Strd><CdtrRefInf><Ref>%s</Ref></CdtrRefInf></Strd>" % structured) if structured else ""
        xml.append(
            '<Ntry><Amt Ccy="%s">%.2f</Amt><CdtDbtInd>%s</CdtDbtInd><BookgDt><Dt>%s</Dt></BookgDt>'
            "<AcctSvcrRef>FID-%s-%.2f</AcctSvcrRef><NtryDtls><TxDtls>%s%s<RmtInf><Ustrd>%s</Ustrd>%s</RmtInf>"
            "</TxDtls></NtryDtls></Ntry>"
            % (currency, abs(amount), side, date, date, amount, refs, related, label, structured_xml))
    closing = round(opening + sum(entry[1] for entry in entries), 2)
    balances = ('<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="%s">%.2f</Amt><CdtDbtInd>CRDT</CdtDbtInd>'
                "<Dt><Dt>2026-02-01</Dt></Dt></Bal><Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp>"
                '<Amt Ccy="%s">%.2f</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-02-06</Dt></Dt></Bal>'
                % (currency, opening, currency, closing))
    return ('<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">'
            "<BkToCstmrStmt><Stmt><Id>FID-2026-02</Id><Acct><Id><IBAN>%s</IBAN></Id><Ccy>%s</Ccy></Acct>%s%s</Stmt>"
            "</BkToCstmrStmt></Document>" % (account, currency, balances, "".join(xml))).encode("utf-8")


class Canon:
    """Records of either side named by what they are in the comparison, so that ids compare as records."""

    def __init__(self, journal):
        self.journal = journal
        self.names = {}

    def name(self, record, label):
        self.names[(record._name, record.id)] = label

    def key(self, record):
        return self.names.get((record._name, record.id), (record._name, record.id))

    def text(self, value):
        return value.replace(self.journal.code + "/", "J/") if isinstance(value, str) else value


def stored_values(record, canon, skip=()):
    """Every stored field of ``record``, relational values as canonical keys, numbers with the journal code as J."""
    values = {}
    for name, field in record._fields.items():
        if not field.store or name in IGNORED or name in skip:
            continue
        value = record[name]
        if field.type in ("one2many", "many2many") and field.comodel_name in COMPARED_APART:
            continue
        if field.type in ("many2one", "one2many", "many2many"):
            values[name] = tuple(sorted((canon.key(r) for r in value), key=str))
        elif field.type == "many2one_reference":
            model = record[field.model_field]
            values[name] = canon.key(record.env[model].browse(value)) if model and value else value
        elif name in ID_SUFFIXED:
            values[name] = value and value[:-10]
        elif field.type == "html":
            values[name] = canon.text(str(value)) if value else value
        else:
            values[name] = canon.text(value)
    return values


@tagged("post_install", "-at_install")
class TestStatementImportFidelity(StatementImportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create({
            "name": "Müller & Söhne GmbH", "bank_ids": [Command.create({"acc_number": PARTNER_IBAN})],
        })
        eur = cls.find_currency("EUR")
        cls.journal = cls.make_bank_journal(CODE, currency=eur, account=IBAN)
        cls.twin = cls.make_bank_journal(TWIN_CODE, currency=eur)

    def typed_like_odoo(self, parsed, attachment):
        """The file's lines typed through Odoo's own statement create into the twin journal."""
        statement = parsed["statements"][0]
        partners = self.twin._statement_import_partners([line["counterpartyAccount"] for line in statement["lines"]])
        uids = sir.import_ids(statement["account"], statement["lines"], digits=2)
        total = round(sum(line["amount"] for line in statement["lines"]), 2)
        plan = sir.balance_plan(statement, total, len(statement["lines"]), digits=2)
        vals = {
            "name": statement["statement_id"], "journal_id": self.twin.id,
            "attachment_ids": [Command.link(attachment.id)],
            "line_ids": [Command.create(self.twin._statement_import_line_vals(line, uid, statement, partners))
                         for line, uid in zip(statement["lines"], uids, strict=True)],
        }
        vals.update({key: plan[key] for key in ("balance_start", "balance_end_real") if plan[key] is not None})
        return self.env["account.bank.statement"].create(vals)

    def snapshot(self, statement, journal):
        """Everything written for ``statement``: its fields, each line's, its entry's, items', followers', messages'
        and queue rows', keyed by the line's import id."""
        canon = Canon(journal)
        canon.name(journal, "journal")
        canon.name(journal.default_account_id, "journal's account")
        canon.name(statement, "statement")
        for attachment in statement.attachment_ids:
            canon.name(attachment, "file")
        lines = statement.line_ids
        for line in lines:
            canon.name(line, ("line", line.unique_import_id))
            canon.name(line.move_id, ("entry", line.unique_import_id))
            for k, item in enumerate(line.move_id.line_ids.sorted("id")):
                canon.name(item, ("item", line.unique_import_id, k))
        jobs = self.env["ai.job"]._jobs_of("reconciliation", lines)
        for job in jobs:
            canon.name(job, ("job", canon.key(lines.browse(job.res_id))))
        order = lines.sorted("internal_index")
        snap = {"statement": stored_values(statement, canon),
                "order by internal_index": [canon.key(line) for line in order],
                # next_attempt_at: the queue row's creation time.
                "jobs": sorted((stored_values(job, canon, skip={"next_attempt_at"}) for job in jobs),
                               key=lambda values: str(values["res_id"]))}
        for line in lines:
            move = line.move_id
            line_values = stored_values(line, canon)
            messages = self.env["mail.message"].search([("model", "=", "account.move"), ("res_id", "=", move.id)],
                                                       order="id")
            snap[line.unique_import_id] = {
                "line": line_values,
                "entry": stored_values(move, canon),
                "items": [stored_values(item, canon) for item in move.line_ids.sorted("id")],
                "followers": sorted(move.message_follower_ids.mapped(lambda f: (f.partner_id.id, tuple(
                    sorted(f.subtype_ids.ids))))),
                "messages": [{
                    **stored_values(message, canon, skip={"date", "message_id", "tracking_value_ids"}),
                    "tracking": sorted(
                        (stored_values(value, canon, skip={"mail_message_id"}) for value in message.tracking_value_ids),
                        key=lambda values: str(values["field_id"])),
                } for message in messages],
            }
        return snap

    def assert_same(self, imported, typed, path=""):
        if isinstance(imported, dict) and isinstance(typed, dict):
            self.assertEqual(sorted(imported, key=str), sorted(typed, key=str), "keys of %s" % (path or "snapshot"))
            for key in imported:
                self.assert_same(imported[key], typed[key], "%s/%s" % (path, key))
        elif isinstance(imported, list) and isinstance(typed, list) and imported and isinstance(imported[0], dict):
            self.assertEqual(len(imported), len(typed), "number of %s" % path)
            for k, (left, right) in enumerate(zip(imported, typed, strict=True)):
                self.assert_same(left, right, "%s[%d]" % (path, k))
        else:
            self.assertEqual(imported, typed, "%s: imported %r, Odoo's create %r" % (path, imported, typed))

    def test_an_imported_file_writes_what_odoo_own_create_writes(self):
        self.check_import_writes_what_odoo_writes()

    def test_an_import_in_several_batches_writes_what_odoo_own_create_writes(self):
        # A large file is written in batches (the statement with its first batch, then lines added to it): scaled
        # down to batches of 3 lines, dates never split, the seven lines are written in three creates.
        with patch.object(sij, "IMPORT_BATCH", 3):
            self.assertEqual(len(self.env["account.journal"]._statement_import_batches(
                [Command.create({"date": entry[0]}) for entry in ENTRIES])), 3)
            self.check_import_writes_what_odoo_writes()

    def check_import_writes_what_odoo_writes(self):
        # With the chatter as users have it: the test classes' context turns tracking and creation messages off.
        self.env = self.env(context={key: value for key, value in self.env.context.items() if key not in MAIL_OFF})
        self.journal, self.twin = self.journal.with_env(self.env), self.twin.with_env(self.env)
        attachment = self.attach("fidelity.xml", camt_file(ENTRIES))
        imported = self.journal.import_bank_statement_files(attachment.ids)
        self.assertEqual(len(imported.line_ids), len(ENTRIES))
        twin_file = self.attach("fidelity.xml", camt_file(ENTRIES))
        typed = self.typed_like_odoo(self.journal._statement_import_parse(twin_file), twin_file)
        self.env.flush_all()
        self.env.invalidate_all()
        # What the comparison relies on, checked on its own: the partner found by IBAN, labels kept, entries posted
        # and numbered, a creation message on each entry.
        lines = imported.line_ids
        self.assertEqual(lines.filtered(lambda line: line.account_number == PARTNER_IBAN).partner_id, self.customer)
        self.assertIn("Πληρωμή τιμολογίου 17", lines.mapped("payment_ref"))
        self.assertEqual(set(lines.move_id.mapped("state")), {"posted"})
        self.assertTrue(all(name.startswith(CODE + "/") for name in lines.move_id.mapped("name")))
        self.assertTrue(all(move.message_ids for move in lines.move_id))
        self.assert_same(self.snapshot(imported, self.journal), self.snapshot(typed, self.twin))
