from odoo import fields, models


class AccountBankStatementLine(models.Model):
    """The statement import's one field on bank lines: the id that keeps a transaction from being imported twice.

    Named as Enterprise's and OCA's importers name theirs (``unique_import_id``), so that with either installed the
    field is one column; their constraint is global, ours per journal, and our ids start with the account number,
    so both hold."""

    _inherit = "account.bank.statement.line"

    unique_import_id = fields.Char(string="Import ID", readonly=True, copy=False)

    _sql_constraints = [
        ("ai_bookkeeping_unique_import_id", "unique (journal_id, unique_import_id)",
         "This bank transaction was already imported into this journal."),
    ]
