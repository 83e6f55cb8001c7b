from odoo import models
from odoo.tools.sql import create_index

# Open items (posted, unreconciled, something left to pay): the only rows candidate gathering ever reads. Only
# reconcilable accounts carry a residual, so this is a small slice of the ledger.
INDEXES = ("ai_bookkeeping_aml_open_amount_idx", "ai_bookkeeping_aml_open_move_name_trgm_idx")
_OPEN_ITEMS = "(reconciled IS NOT TRUE) AND parent_state = 'posted' AND amount_residual <> 0"


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    def init(self):
        super().init()
        # Amount-window lookups: a range scan over a company's open items, never the whole ledger.
        create_index(
            self.env.cr, INDEXES[0], self._table,
            ["company_id", "amount_residual"], where=_OPEN_ITEMS,
        )
        # Reference lookups (move_name ILIKE '%2026%00042%') on open items only.
        self.env.cr.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        if self.env.cr.fetchone():
            create_index(
                self.env.cr, INDEXES[1], self._table,
                ["move_name gin_trgm_ops"], method="gin", where=_OPEN_ITEMS,
            )
