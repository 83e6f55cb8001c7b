"""Statement import on the bank journal: files in, one account.bank.statement per statement out.

Parsing runs on the AI endpoint (``POST /v1/statements/parse``, web_src/endpoint/services/statements.ts): the
CAMT/OFX/MT940 readers live there and are tested against the real files. Odoo sends the file, checks the reply
(tools/statement_import_reply.py) and writes; the endpoint keeps nothing. Each file is written whole or not at all.
Lines are created through account.bank.statement.line's own create, which queues each one for AI suggestions.
"""

import base64
import itertools
import logging

import odoo.fields
from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools import endpoint_client
from ..tools import statement_import_csv as sic
from ..tools import statement_import_reply as sir
from . import statement_import_move as sim

_logger = logging.getLogger(__name__)

STATEMENT_JOURNAL_TYPES = ("bank", "credit")
# Other statement importers (README, "Import a bank statement"). With Enterprise's installed, files dropped on a bank
# journal card are its business (we call super() and override none of its methods); with either installed, our
# button reads "Import file (AI)" beside theirs.
PEER_IMPORTERS = ("account_bank_statement_import", "account_statement_import_file")
ENTERPRISE_IMPORTER = "account_bank_statement_import"
# Statement lines created per create call: the ORM batches their moves and numbering; its cache is emptied between.
# Never more than the ORM computes in one go (odoo.fields.PREFETCH_MAX, 1,000), see _statement_import_batch_size.
IMPORT_BATCH = 2000


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
        """Files dropped on a bank journal's dashboard card are statements, not documents: import them (unless
        Enterprise's importer is installed: then they are its business)."""
        journal = self or self.browse(self.env.context.get("default_journal_id"))
        if (len(journal) == 1 and journal.type in STATEMENT_JOURNAL_TYPES
                and ENTERPRISE_IMPORTER not in self._statement_import_peers()):
            return self.env["ai.statement.import.wizard"]._import_and_show(journal, attachment_ids)
        return super().create_document_from_attachment(attachment_ids)

    def action_open_statement_import(self):
        """The *Import file* button of the journal dashboard card."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("ai_bookkeeping.ai_statement_import_wizard_action")
        action["context"] = {"default_journal_id": self.id}
        return action

    @api.model
    def _statement_import_peers(self):
        """The other statement importers installed (names from PEER_IMPORTERS)."""
        # sudo: which modules are installed is no secret, but ir.module.module is not readable by every accountant.
        return self.env["ir.module.module"].sudo().search(
            [("name", "in", PEER_IMPORTERS), ("state", "=", "installed")]).mapped("name")

    def _fill_bank_cash_dashboard_data(self, dashboard_data):
        super()._fill_bank_cash_dashboard_data(dashboard_data)
        peer = bool(self._statement_import_peers())
        for journal in self.filtered(lambda j: j.type in STATEMENT_JOURNAL_TYPES):
            if journal.id in dashboard_data:
                dashboard_data[journal.id]["ai_statement_import_peer"] = peer

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
            reply = self.env["ai.endpoint"]._parse_statement(payload)
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

    def _statement_import_targets(self, name, parsed):
        """The journal of each statement of the file that has lines: ``[(number, statement, journal)]``.

        A file of one account goes into this journal (same account when both name one, same currency). A file of
        several accounts (a bank's multi-account MT940 or CAMT) sends each statement to the journal whose bank
        account it names, checked the same way; a statement whose account no journal has goes into this journal
        when it has no bank account (such a journal takes any account, as for one-account files), else nothing is
        imported and the sentence names the account and the journals that could take it."""
        numbered = [(n, st) for n, st in enumerate(parsed["statements"], 1) if st["lines"]]
        accounts = {sir.sanitize_account(st["account"]) for _n, st in numbered if st["account"]}
        if len(accounts) <= 1:
            self._statement_import_check_file(name, parsed)
            return [(n, st, self) for n, st in numbered]
        company_journals = self.search([
            ("type", "in", STATEMENT_JOURNAL_TYPES), *self._check_company_domain(self.company_id),
        ])
        with_account = company_journals.filtered("bank_account_id")
        targets = []
        for n, st in numbered:
            if not st["account"] and self.bank_account_id:
                raise UserError(_(
                    "%(file)s holds statements of several accounts, but statement %(number)d names none: nothing "
                    "was imported.", file=name, number=n))
            journals = with_account.filtered(
                lambda j, st=st: sir.accounts_match(st["account"], j.bank_account_id.acc_number))
            if len(journals) > 1:
                raise UserError(_(
                    "%(file)s: several journals have the account %(account)s (%(journals)s); keep it on one of them, "
                    "then import the file again. Nothing was imported.", file=name, account=st["account"],
                    journals=", ".join(journals.mapped("display_name"))))
            if not journals and not self.bank_account_id:
                journals = self
            if not journals:
                currency = st["currency"] or self.company_id.currency_id.name
                could = (company_journals - with_account).filtered(
                    lambda j, currency=currency: j._statement_import_currency().name == currency)
                raise UserError(_(
                    "%(file)s holds statements of several accounts, and no bank journal has the account %(account)s "
                    "(%(currency)s): nothing was imported. %(hint)s", file=name, account=st["account"],
                    currency=currency,
                    hint=_("Set it as the bank account of one of these journals, then import the file again: "
                           "%(journals)s.", journals=", ".join(could.mapped("display_name"))) if could else
                    _("Create a %(currency)s bank journal with that bank account, then import the file again.",
                      currency=currency)))
            journals.check_access("read")
            journals._statement_import_check_file(name, {"statements": [st]})
            targets.append((n, st, journals))
        return targets

    def _statement_import_file(self, attachment, parsed):
        """Write one parsed file, whole or not at all. Returns what the summary tells.

        Batched, so that the time grows with the lines, not with a query per line: one query per journal for the
        import ids already there, one for the partners of all counterparty accounts, and one
        ``account.bank.statement.create`` for all the file's statements and lines (Odoo's create is
        model_create_multi down to the moves, their lines and the queue's one INSERT)."""
        name = attachment.name or _("the file")
        targets = self._statement_import_targets(name, parsed)
        result = {"file": name, "format": parsed["format"], "statements": self.env["account.bank.statement"],
                  "imported": 0, "already": 0, "gaps": [], "unchecked": 0}
        ids = {}
        for n, statement, journal in targets:
            ids[n] = sir.import_ids(statement["account"] or journal.bank_account_id.acc_number or str(journal.id),
                                    statement["lines"], digits=journal._statement_import_currency().decimal_places)
        existing = {}
        for journal in {journal for _n, _st, journal in targets}:
            existing[journal] = journal._statement_import_existing_ids(
                [uid for n, _st, j in targets if j == journal for uid in ids[n]])
        partners = self._statement_import_partners(
            [line["counterpartyAccount"] for _n, statement, _j in targets for line in statement["lines"]])
        vals_list, plans = [], []
        for n, statement, journal in targets:
            currency = journal._statement_import_currency()
            new = [(line, uid) for line, uid in zip(statement["lines"], ids[n], strict=True)
                   if uid not in existing[journal]]
            result["already"] += len(statement["lines"]) - len(new)
            if not new:
                continue
            existing[journal].update(uid for _line, uid in new)  # a later statement of the file repeating them
            total = currency.round(sum(line["amount"] for line, _uid in new))
            plan = sir.balance_plan(statement, total, len(new), digits=currency.decimal_places)
            vals = {
                "name": statement["statement_id"]
                or _("%(journal)s import %(number)d", journal=journal.code, number=n),
                "journal_id": journal.id,
                "attachment_ids": [Command.link(attachment.id)],
                "line_ids": [Command.create(journal._statement_import_line_vals(line, uid, statement, partners))
                             for line, uid in new],
            }
            for key in ("balance_start", "balance_end_real"):
                if plan[key] is not None:
                    vals[key] = plan[key]
            vals_list.append(vals)
            plans.append(plan)
            result["imported"] += len(new)
        with self.env.cr.savepoint():
            if vals_list:
                result["statements"] = self._statement_import_create(vals_list)
        for record, plan in zip(result["statements"], plans, strict=True):
            if plan["gap"] is not None:
                result["gaps"].append((record, plan["gap"]))
            elif not plan["checked"]:
                result["unchecked"] += 1
        _logger.info("Imported %s (%s) into journal(s) %s: %d lines, %d already there, %d statements",
                     name, parsed["format"], sorted({j.id for _n, _st, j in targets}), result["imported"],
                     result["already"], len(result["statements"]))
        return result

    def _statement_import_create(self, vals_list):
        """All the file's statements and their lines, in creates of about IMPORT_BATCH lines each.

        Odoo's ``account.bank.statement.line.create`` writes each new line's move once more after creating them
        all; each of those writes checks the balance of every move in a query, after a flush that computes the
        pending fields of the lines created so far one line at a time (the import spent 60 ms a line there). The
        lines of an import are made balanced by Odoo itself (a liquidity and a suspense line, no tax, no payment
        term), so the per-write check and the invoice sync are left out here and the balance of the moves is
        checked once per batch, in one query; an unbalanced move still refuses the whole file (the caller's
        savepoint). The moves of a batch are numbered as a batch (statement_import_move.py).

        A statement is created with its first batch of lines, the others are added to it batch by batch; after
        each batch the ORM cache is flushed and emptied, so that memory stays bounded whatever the file's size
        (a 100,000-line file would otherwise keep some 400,000 records in the cache)."""
        Statement = self.env["account.bank.statement"].with_context(
            check_move_validity=False, skip_invoice_sync=True, **{sim.CONTEXT_KEY: True})
        StatementLine = self.env["account.bank.statement.line"].with_context(Statement.env.context)
        statement_ids = []
        for vals in vals_list:
            batches = self._statement_import_batches(vals["line_ids"])
            statement = Statement.create([dict(vals, line_ids=batches[0])])
            self._statement_import_check_balanced(statement.line_ids.move_id)
            statement_ids.append(statement.id)
            for batch in batches[1:]:
                self._statement_import_end_batch()
                created = StatementLine.create([dict(command[2], statement_id=statement.id) for command in batch])
                self._statement_import_check_balanced(created.move_id)
            self._statement_import_end_batch()
        return self.env["account.bank.statement"].browse(statement_ids)

    @api.model
    def _statement_import_batch_size(self):
        """IMPORT_BATCH, but never more moves than the ORM computes in one go.

        A pending stored field is computed PREFETCH_MAX records at a time (``Field.recompute``). The moves' names
        are: with more moves in one create, the first one numbered looks its journal's last number up, which
        flushes, which numbers the other chunk first, inside the first one's computation. The later dates then got
        the first numbers (a 10,000-line file, in batches of 2,000, began at 00790 on its fifth day), and the
        nested chunk wrote its numbers instead of caching them, each write costing Odoo's gap search for the entry
        after it (three queries an entry: 8,006 searches at 10,000 lines). Within one chunk, Odoo's own order."""
        return max(1, min(IMPORT_BATCH, odoo.fields.PREFETCH_MAX))

    @api.model
    def _statement_import_batches(self, commands):
        """The statement's line commands in batches of at most _statement_import_batch_size(), in date order, a
        date never split (unless it alone has more lines).

        Odoo numbers the moves of one create by (date, reference, id); the lines sorted by date (stable: the file's
        order within a date, which is how Odoo shows and runs the balance of them anyway) and batches cut between
        dates give every line the number one create of the whole file gives it (when it is no larger than a batch;
        beyond, Odoo's own order follows its chunks, see _statement_import_batch_size)."""
        size = self._statement_import_batch_size()
        ordered = sorted(commands, key=lambda command: str(command[2].get("date") or ""))
        batches, batch = [], []
        for _date, group in itertools.groupby(ordered, key=lambda command: str(command[2].get("date") or "")):
            group = list(group)
            if batch and len(batch) + len(group) > size:
                batches.append(batch)
                batch = []
            while len(group) > size:
                batches.append(group[:size])
                group = group[size:]
            batch.extend(group)
        return batches + [batch] if batch or not batches else batches

    def _statement_import_check_balanced(self, moves):
        unbalanced = moves._get_unbalanced_moves({"records": moves})
        if unbalanced:
            raise UserError(_("The import would write %(count)d unbalanced journal entries (e.g. %(move)s): nothing "
                              "was imported.", count=len(unbalanced), move=moves.browse(unbalanced[0][0]).display_name))

    def _statement_import_end_batch(self):
        """Write what the batch left pending, then empty the ORM cache (it is read again from the database)."""
        self.env.flush_all()
        self.env.invalidate_all()

    def _statement_import_existing_ids(self, unique_import_ids):
        """The ones of these import ids already on a line of this journal, in one query whatever their number.
        Read in SQL, not through the lines' record rules: a line the user may not see is still there, and the
        journal's unique constraint would refuse its twin."""
        if not unique_import_ids:
            return set()
        self.env["account.bank.statement.line"].flush_model(["journal_id", "unique_import_id"])
        rows = self.env.execute_query(SQL(
            "SELECT unique_import_id FROM account_bank_statement_line"
            " WHERE journal_id = %s AND unique_import_id = ANY(%s)", self.id, list(unique_import_ids)))
        return {row[0] for row in rows}

    def _statement_import_partners(self, accounts):
        """Counterparty account → partner, for accounts known as exactly one partner's bank account (one query)."""
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
