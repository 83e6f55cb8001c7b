from markupsafe import Markup, escape

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError

from ..tools import statement_import_csv as sic
from ..tools import statement_import_reply as sir
from .statement_import_journal import STATEMENT_JOURNAL_TYPES

_TABLE_FIELDS = {role: "table_%s_column" % role for role in sic.ROLES}


class AiStatementImportWizard(models.TransientModel):
    """*Import file*: upload bank statement files, the journal is found from the files' account (or chosen), each
    file is imported whole or refused with the reason, and the summary links to the AI review queue."""

    _name = "ai.statement.import.wizard"
    _description = "Import bank statement files"

    attachment_ids = fields.Many2many("ir.attachment", string="Files",
                                      help="CAMT.052/053/054 (XML), OFX/QFX or MT940/MT942 files from your bank.")
    journal_id = fields.Many2one(
        "account.journal", string="Journal", domain=[("type", "in", STATEMENT_JOURNAL_TYPES)], check_company=True,
        help="Left empty, the journal whose bank account the file names is used.")
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, required=True)
    state = fields.Selection([("upload", "Upload"), ("journal", "Choose the journal"), ("mapping", "Map the columns"),
                              ("done", "Done")], default="upload", required=True)
    journal_message = fields.Char(readonly=True)
    statement_ids = fields.Many2many("account.bank.statement", string="Statements", readonly=True)
    imported_count = fields.Integer(readonly=True)
    already_count = fields.Integer(readonly=True)
    summary = fields.Html(readonly=True, sanitize=True)
    # The mapping step of a CSV/XLSX file: the column (header) of each field, prefilled from the journal's last
    # mapping or guessed from the headers; date format and decimal separator detected, shown for confirmation.
    table_columns = fields.Char(string="Columns in the file", readonly=True)
    table_preview = fields.Text(string="First rows", readonly=True)
    table_date_column = fields.Char(string="Date")
    table_amount_column = fields.Char(string="Amount", help="Signed amount; or leave empty and give Debit and Credit.")
    table_debit_column = fields.Char(string="Debit (money out)")
    table_credit_column = fields.Char(string="Credit (money in)")
    table_label_column = fields.Char(string="Label")
    table_counterparty_column = fields.Char(string="Counterparty")
    table_account_column = fields.Char(string="Counterparty IBAN")
    table_reference_column = fields.Char(string="Reference")
    table_date_format = fields.Selection([(key, example) for key, _fmt, example in sic.DATE_FORMATS],
                                         string="Dates look like")
    table_decimal = fields.Selection([(key, example) for key, _char, example in sic.DECIMALS],
                                     string="Amounts look like")

    @api.model
    def _import_and_show(self, journal, attachment_ids):
        """Drag and drop on a journal card: import right away, show the summary."""
        wizard = self.create({"journal_id": journal.id, "attachment_ids": [Command.set(attachment_ids)]})
        return wizard.action_import()

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": _("Import bank statements"),
        }

    def action_import(self):
        self.ensure_one()
        if not self.attachment_ids:
            raise UserError(_("Choose at least one bank statement file to import."))
        Journal = self.env["account.journal"]
        tables = self.attachment_ids.filtered(lambda a: sic.is_table(a.name))
        if tables and (len(tables) > 1 or not self.journal_id):
            if len(tables) > 1:
                raise UserError(_("Import one CSV or spreadsheet file at a time: its columns are mapped first."))
            self.write({"state": "journal", "journal_message": _(
                "%(file)s is a table and names no bank account: choose the journal to import into.",
                file=tables.name)})
            return self._reopen()
        if tables and self.state != "mapping":
            return self._start_mapping(tables)
        parsed = {}
        errors = []
        for attachment in self.attachment_ids:
            if attachment in tables:
                # A mapping that does not read the file is refused here: the step stays open to correct it.
                mapping = self._table_mapping()
                parsed[attachment] = self.journal_id._statement_import_table(attachment, mapping)
                self.journal_id.ai_statement_table_mapping = mapping
                continue
            try:
                parsed[attachment] = Journal._statement_import_parse(attachment)
            except UserError as exc:
                errors.append(str(exc.args[0]))
        journal = self.journal_id
        if not journal and parsed:
            journals, account = Journal._statement_import_find_journals(list(parsed.values()))
            if len(journals) == 1:
                journal = journals
            else:
                self.write({
                    "state": "journal",
                    "journal_message": (
                        _("No bank journal has the account %(account)s: choose the journal to import into.",
                          account=account) if not journals and account else
                        _("The files name no bank account: choose the journal to import into.") if not journals else
                        _("Several journals have the account %(account)s: choose one.", account=account)),
                })
                return self._reopen()
        results = []
        if journal:
            journal._statement_import_attachments(self.attachment_ids.ids)
            for attachment, reply in parsed.items():
                try:
                    results.append(journal._statement_import_file(attachment, reply))
                except UserError as exc:
                    errors.append(str(exc.args[0]))
        self.write({
            "journal_id": journal.id,
            "state": "done",
            "statement_ids": [Command.set([s.id for r in results for s in r["statements"]])],
            "imported_count": sum(r["imported"] for r in results),
            "already_count": sum(r["already"] for r in results),
            "summary": self._summary(results, errors),
        })
        return self._reopen()

    def _start_mapping(self, table):
        """Read the table, prefill the mapping (the journal's, when its columns are all in this file, else guessed)
        and the detected formats, and show the mapping step."""
        try:
            headers, rows = sic.read_table(table.raw or b"", table.name)
        except sir.StatementFileError as exc:
            raise UserError(_("%(file)s cannot be imported: %(reason)s", file=table.name, reason=exc)) from exc
        remembered = self.journal_id.ai_statement_table_mapping or {}
        columns = remembered.get("columns") or {}
        if not columns or not set(columns.values()) <= set(headers):
            columns, remembered = sic.guess_mapping(headers), {}
        index = {h: i for i, h in enumerate(headers)}

        def column_values(role):
            header = columns.get(role)
            return [r[index[header]] for r in rows if header and index[header] < len(r)]

        amounts = column_values("amount") + column_values("debit") + column_values("credit")
        vals = {field: columns.get(role, False) for role, field in _TABLE_FIELDS.items()}
        vals.update({
            "state": "mapping",
            "table_columns": " | ".join(headers),
            "table_preview": "\n".join(" | ".join(r) for r in rows[:5]),
            "table_date_format": self._key_of(sic.DATE_FORMAT_BY_KEY, remembered.get("date_format")
                                              or sic.detect_date_format(column_values("date")), "iso"),
            "table_decimal": self._key_of(sic.DECIMAL_BY_KEY, remembered.get("decimal")
                                          or sic.detect_decimal(amounts), "dot"),
        })
        self.write(vals)
        return self._reopen()

    @staticmethod
    def _key_of(by_key, value, default):
        return next((key for key, known in by_key.items() if known == value), default)

    def _table_mapping(self):
        return {
            "columns": {
                role: self[field].strip() for role, field in _TABLE_FIELDS.items() if (self[field] or "").strip()
            },
            "date_format": sic.DATE_FORMAT_BY_KEY.get(self.table_date_format or "iso"),
            "decimal": sic.DECIMAL_BY_KEY.get(self.table_decimal or "dot"),
        }

    def _summary(self, results, errors):
        imported = sum(r["imported"] for r in results)
        already = sum(r["already"] for r in results)
        parts = [Markup("<p><strong>%s</strong></p>") % (
            _("%(imported)d lines imported, %(already)d already present; suggestions arriving.",
              imported=imported, already=already) if imported else
            _("%(imported)d lines imported, %(already)d already present.", imported=imported, already=already))]
        items = []
        for r in results:
            items.append(_("%(file)s (%(format)s): %(imported)d lines in %(statements)d statement(s), %(already)d "
                           "already present.", file=r["file"], format=r["format"].upper(), imported=r["imported"],
                           statements=len(r["statements"]), already=r["already"]))
            for statement, gap in r["gaps"]:
                items.append(_(
                    "Statement %(name)s: the lines do not add up to the closing balance the bank states "
                    "(%(start)s + lines ≠ %(end)s, a gap of %(gap)s). Check the statement before reconciling.",
                    name=statement.name, start=statement.balance_start, end=statement.balance_end_real, gap=gap))
        parts.append(Markup("<ul>%s</ul>") % Markup("").join(Markup("<li>%s</li>") % escape(i) for i in items)
                     if items else "")
        if errors:
            parts.append(Markup("<p class='text-danger'><strong>%s</strong></p><ul>%s</ul>") % (
                _("Not imported (nothing of these files was written):"),
                Markup("").join(Markup("<li>%s</li>") % escape(e) for e in errors)))
        return Markup("").join(parts)

    def action_open_statements(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Imported transactions"),
            "res_model": "account.bank.statement.line",
            "view_mode": "list,form",
            "views": [
                (self.env.ref("ai_bookkeeping.account_bank_statement_line_view_list").id, "list"), (False, "form"),
            ],
            "domain": [("statement_id", "in", self.statement_ids.ids)],
        }

    def action_open_review(self):
        self.ensure_one()
        return self.journal_id.action_open_ai_review()
