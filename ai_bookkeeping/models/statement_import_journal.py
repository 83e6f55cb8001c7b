"""Statement import on the bank journal: files in, one account.bank.statement per statement out.

Parsing runs on the AI endpoint (``POST /v1/statements/parse``, web_src/endpoint/services/statements.ts): the
CAMT/OFX/MT940 readers live there and are tested against the real files. Odoo sends the file, checks the reply
(tools/statement_import_reply.py) and writes; the endpoint keeps nothing. Each file is written whole or not at all.
Lines are created through account.bank.statement.line's own create, which queues each one for AI suggestions.
"""

import base64
import logging

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError

from ..tools import endpoint_client
from ..tools import statement_import_csv as sic
from ..tools import statement_import_reply as sir

_logger = logging.getLogger(__name__)

PARSE_PATH = "/v1/statements/parse"
STATEMENT_JOURNAL_TYPES = ("bank", "credit")


class AccountJournal(models.Model):
    _inherit = "account.journal"

    ai_statement_table_mapping = fields.Json(
        string="Statement table mapping", copy=False, groups="account.group_account_invoice",
        help="How this journal's CSV/XLSX bank exports read: the column of each field, the date format and the "
             "decimal separator, as last confirmed in the import wizard.")

    @api.returns("account.bank.statement", lambda statements: statements.ids)
    def import_bank_statement_files(self, attachment_ids):
        """Import bank statement files (CAMT.052/053/054, OFX/QFX, MT940/MT942) into this bank journal.

        :param attachment_ids: ids of ``ir.attachment`` records holding the files.
        :return: the ``account.bank.statement`` records created (ids over RPC); lines already imported before are
            skipped, not duplicated.
        :raise UserError: naming the file and the reason when one cannot be imported; nothing is written then.
        """
        self.ensure_one()
        attachments = self._statement_import_attachments(attachment_ids)
        statements = self.env["account.bank.statement"]
        for attachment in attachments:
            parsed = (self._statement_import_table(attachment) if sic.is_table(attachment.name)
                      else self._statement_import_parse(attachment))
            statements |= self._statement_import_file(attachment, parsed)["statements"]
        return statements

    def create_document_from_attachment(self, attachment_ids):
        """Files dropped on a bank journal's dashboard card are statements, not documents: import them."""
        journal = self or self.browse(self.env.context.get("default_journal_id"))
        if len(journal) == 1 and journal.type in STATEMENT_JOURNAL_TYPES:
            return self.env["ai.statement.import.wizard"]._import_and_show(journal, attachment_ids)
        return super().create_document_from_attachment(attachment_ids)

    def action_open_statement_import(self):
        """The *Import file* button of the journal dashboard card."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("ai_bookkeeping.ai_statement_import_wizard_action")
        action["context"] = {"default_journal_id": self.id}
        return action

    # -- steps -----------------------------------------------------------------------------------------------

    def _statement_import_attachments(self, attachment_ids):
        if self.type not in STATEMENT_JOURNAL_TYPES:
            raise UserError(_("Bank statements are imported into bank or credit card journals; %(journal)s is not one.",
                              journal=self.display_name))
        self.check_access("read")
        self.env["account.bank.statement.line"].check_access("create")
        attachments = self.env["ir.attachment"].browse(attachment_ids).exists()
        if not attachments:
            raise UserError(_("Choose at least one bank statement file to import."))
        attachments.check_access("read")
        return attachments

    @api.model
    def _statement_import_parse(self, attachment):
        """The endpoint's reading of one file, checked; raises UserError with the file's name and the reason."""
        name = attachment.name or _("the file")
        raw = attachment.raw or b""
        if len(raw) > sir.MAX_FILE_BYTES:
            raise UserError(_(
                "%(file)s has %(size).1f MB; the statement import reads files of at most %(max)d MB. Ask the bank for "
                "one file per month or week.",
                file=name, size=len(raw) / 1024 / 1024, max=sir.MAX_FILE_BYTES // 1024 // 1024))
        payload = {"fileName": name[:255], "content": base64.b64encode(raw).decode("ascii")}
        try:
            client = self.env["ai.endpoint"]._ensure_running()
            reply = client._request("POST", PARSE_PATH, payload, timeout=client.timeout)
        except endpoint_client.EndpointRejected as exc:
            if exc.status == 422 and exc.detail:
                raise UserError(_("%(file)s cannot be imported: %(reason)s", file=name, reason=exc.detail)) from None
            raise UserError(_("%(file)s could not be read: %(error)s", file=name, error=exc)) from exc
        except endpoint_client.EndpointError as exc:
            raise UserError(_("%(file)s could not be read: the AI endpoint, which reads bank files, is not available. "
                              "%(error)s", file=name, error=exc)) from exc
        try:
            parsed = sir.check_reply(reply)
            sir.check_importable(parsed["statements"])
        except sir.ReplyError as exc:
            raise UserError(_("%(file)s could not be read: %(error)s", file=name, error=exc)) from exc
        except sir.StatementFileError as exc:
            raise UserError(_("%(file)s cannot be imported: %(reason)s", file=name, reason=exc)) from exc
        return parsed

    def _statement_import_table(self, attachment, mapping=None):
        """A CSV/XLSX/XLS bank export read with ``mapping`` (else the journal's remembered one), checked like a
        parsed file. ``mapping``: {"columns": {role: header}, "date_format": …, "decimal": …}."""
        name = attachment.name or _("the file")
        settings = mapping or self.ai_statement_table_mapping
        if not settings:
            raise UserError(_(
                "%(file)s is a table (CSV or spreadsheet): map its columns once with Import file on the journal "
                "%(journal)s; the mapping is remembered for the next files.", file=name, journal=self.display_name))
        raw = attachment.raw or b""
        if len(raw) > sir.MAX_FILE_BYTES:
            raise UserError(_("%(file)s has %(size).1f MB; the statement import reads files of at most %(max)d MB.",
                              file=name, size=len(raw) / 1024 / 1024, max=sir.MAX_FILE_BYTES // 1024 // 1024))
        try:
            headers, rows = sic.read_table(raw, attachment.name)
            statements = sic.to_statements(headers, rows, settings.get("columns") or {}, settings.get("date_format"),
                                           settings.get("decimal") or ".", self._statement_import_currency().name,
                                           account=self.bank_account_id.acc_number or "")
            sir.check_importable(statements)
        except sir.StatementFileError as exc:
            raise UserError(_("%(file)s cannot be imported: %(reason)s", file=name, reason=exc)) from exc
        return {"format": "csv", "statements": statements}

    def _statement_import_currency(self):
        return self.currency_id or self.company_id.currency_id

    def _statement_import_check_file(self, name, parsed):
        """The file belongs in this journal: same account (when both name one) and same currency."""
        currency = self._statement_import_currency()
        for statement in parsed["statements"]:
            if not statement["lines"]:
                continue
            if statement["currency"] and statement["currency"] != currency.name:
                raise UserError(_(
                    "%(file)s is in %(file_currency)s but the journal %(journal)s is in %(currency)s: import it into "
                    "a %(file_currency)s bank journal.", file=name, file_currency=statement["currency"],
                    journal=self.display_name, currency=currency.name))
            journal_account = self.bank_account_id.acc_number
            account = statement["account"]
            if account and journal_account and not sir.accounts_match(account, journal_account):
                raise UserError(_(
                    "%(file)s is a statement of account %(account)s, but the journal %(journal)s is for account "
                    "%(journal_account)s.", file=name, account=account, journal=self.display_name,
                    journal_account=journal_account))

    def _statement_import_file(self, attachment, parsed):
        """Write one parsed file, whole or not at all. Returns what the summary tells."""
        name = attachment.name or _("the file")
        self._statement_import_check_file(name, parsed)
        currency = self._statement_import_currency()
        result = {"file": name, "format": parsed["format"], "statements": self.env["account.bank.statement"],
                  "imported": 0, "already": 0, "gaps": [], "unchecked": 0}
        StatementLine = self.env["account.bank.statement.line"]
        with self.env.cr.savepoint():
            for number, statement in enumerate(parsed["statements"], 1):
                if not statement["lines"]:
                    continue
                ids = sir.import_ids(statement["account"] or self.bank_account_id.acc_number or str(self.id),
                                     statement["lines"], digits=currency.decimal_places)
                existing = set(StatementLine.search_fetch(
                    [("journal_id", "=", self.id), ("unique_import_id", "in", ids)], ["unique_import_id"],
                ).mapped("unique_import_id"))
                new = [(line, uid) for line, uid in zip(statement["lines"], ids, strict=True) if uid not in existing]
                result["already"] += len(statement["lines"]) - len(new)
                if not new:
                    continue
                total = currency.round(sum(line["amount"] for line, _uid in new))
                plan = sir.balance_plan(statement, total, len(new), digits=currency.decimal_places)
                partners = self._statement_import_partners([line["counterpartyAccount"] for line, _uid in new])
                vals = {
                    "name": statement["statement_id"]
                    or _("%(journal)s import %(number)d", journal=self.code, number=number),
                    "journal_id": self.id,
                    "attachment_ids": [Command.link(attachment.id)],
                    "line_ids": [Command.create(self._statement_import_line_vals(line, uid, statement, partners))
                                 for line, uid in new],
                }
                for key in ("balance_start", "balance_end_real"):
                    if plan[key] is not None:
                        vals[key] = plan[key]
                record = self.env["account.bank.statement"].create(vals)
                result["statements"] |= record
                result["imported"] += len(new)
                if plan["gap"] is not None:
                    result["gaps"].append((record, plan["gap"]))
                elif not plan["checked"]:
                    result["unchecked"] += 1
        _logger.info("Imported %s (%s) into journal %s: %d lines, %d already there, %d statements",
                     name, parsed["format"], self.id, result["imported"], result["already"], len(result["statements"]))
        return result

    def _statement_import_partners(self, accounts):
        """Counterparty account → partner, for accounts known as exactly one partner's bank account."""
        numbers = {sir.sanitize_account(a) for a in accounts if a}
        if not numbers:
            return {}
        banks = self.env["res.partner.bank"].search_fetch(
            [("sanitized_acc_number", "in", list(numbers)),
             *self.env["res.partner.bank"]._check_company_domain(self.company_id)],
            ["sanitized_acc_number", "partner_id"],
        )
        by_number = {}
        for bank in banks:
            by_number.setdefault(bank.sanitized_acc_number, set()).add(bank.partner_id.id)
        return {number: next(iter(ids)) for number, ids in by_number.items() if len(ids) == 1}

    def _statement_import_line_vals(self, line, unique_import_id, statement, partners):
        details = {"format": statement["format"], "statementId": statement["statement_id"]}
        for key in ("endToEndId", "bankReference", "reference"):
            if line[key]:
                details[key] = line[key]
        return {
            "journal_id": self.id,
            "date": line["date"],
            "amount": line["amount"],
            "payment_ref": line["label"] or line["counterpartyName"] or "/",
            "partner_name": line["counterpartyName"] or False,
            "account_number": line["counterpartyAccount"] or False,
            "partner_id": partners.get(sir.sanitize_account(line["counterpartyAccount"])) or False,
            "ref": line["reference"] or False,
            "unique_import_id": unique_import_id,
            "transaction_details": details,
        }

    @api.model
    def _statement_import_find_journals(self, parsed_files):
        """Bank journals of the current company whose bank account is the (first) account the files name."""
        accounts = [st["account"] for parsed in parsed_files for st in parsed["statements"] if st["account"]]
        if not accounts:
            return self.browse(), ""
        journals = self.search([
            ("type", "in", STATEMENT_JOURNAL_TYPES), ("bank_account_id", "!=", False),
            *self._check_company_domain(self.env.company),
        ])
        return journals.filtered(lambda j: sir.accounts_match(accounts[0], j.bank_account_id.acc_number)), accounts[0]
