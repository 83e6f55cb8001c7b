"""The journal entries of a statement import, numbered and posted as a batch by Odoo's own code.

Three overrides, each calling super and changing nothing of the result, only the number of queries; the first two
only inside an import (context key ``ai_statement_import_sequence``, set by account.journal._statement_import_create).

Numbering.

Each statement line's entry is numbered by Odoo when it is posted (``account.move._compute_name`` →
``sequence.mixin._set_next_sequence``). Per entry that is: a search for a reference entry of the journal (which
period resets the numbers), a query for the journal's last number in that period, a flush of the previous entry's
name for that query to see it, and ``_locked_increment``. The last step already works in batches in Odoo 18: the
first number of a sequence is taken under the unique index's lock (a savepoint, retried past numbers that other
transactions hold), and the following ones come from the transaction's sequence cache
(``sequence.mixin._get_sequence_cache``) without a query, since nobody else can take a number after a locked one.

The first three steps only find again what the previous entry of the same journal, date and kind just found: the
period, the format (``BNK1/2026/``) and the last number — the one ``_locked_increment`` just gave out and still
holds in that cache. So, inside an import (context key ``ai_statement_import_sequence``), the next format of an
entry is remembered per (journal, date, refund or not, payment or not) and reused while ``_locked_increment``'s
own cache still holds the locked number of that format. The remembered formats live in that same cache, which
Odoo clears whenever a name is written through ``write`` (``sequence.mixin.write``): a renamed or resequenced entry
in between makes the next entry look its format up again. Numbers still come from ``_locked_increment``
(consecutive, unique under the index's lock); nothing of the hash, the lock dates or the gap flags changes. The
format is looked up again for each date: about 3 queries per date of the file, not per line.

Followers. Odoo's ``_post`` makes each entry's partner a follower of it, one ``message_subscribe`` (five queries)
per entry; inside an import the entries of one partner are subscribed in one call first, so that ``_post`` finds
them followed already and has nothing left to do.

Analytic distribution models: see AccountAnalyticDistributionModel._get_distribution (a fix, everywhere).
"""

from odoo import api, fields, models

CONTEXT_KEY = "ai_statement_import_sequence"
_MEMO = "ai_bookkeeping.next_sequence_format"


class AccountMove(models.Model):
    _inherit = "account.move"

    def _post(self, soft=True):
        # EXTENDS account: the followers _post adds one entry at a time, added per partner in one call first.
        if self.env.context.get(CONTEXT_KEY):
            today = fields.Date.context_today(self)
            # As _post: entries dated later are not posted now (soft), and get no follower now either.
            posted_now = self.filtered(lambda move: move.partner_id and (not soft or move.date <= today))
            for partner, moves in posted_now.grouped("partner_id").items():
                moves.message_subscribe(partner.ids)
        return super()._post(soft=soft)

    def _get_next_sequence_format(self):
        # EXTENDS sequence.mixin: reuse the format the previous entry of the same journal, date and kind got.
        if not self.env.context.get(CONTEXT_KEY):
            return super()._get_next_sequence_format()
        cache = self._get_sequence_cache()
        key = (_MEMO, self.journal_id.id, self.date, self.move_type in ("out_refund", "in_refund"),
               bool(self.origin_payment_id or self.env.context.get("is_payment")))
        known = cache.get(key)
        if known is not None:
            format_string, format_values = known
            locked = {name: value for name, value in format_values.items() if name != "seq"}
            # _locked_increment's own cache key: the number it handed out last is still locked by this transaction.
            if (format_string.format(**locked, seq=0), self[self._sequence_index]) in cache:
                return format_string, dict(format_values)
        format_string, format_values = super()._get_next_sequence_format()
        cache[key] = (format_string, dict(format_values))  # _locked_increment pops "seq" from the dict it gets
        return format_string, format_values


class AccountAnalyticDistributionModel(models.Model):
    _inherit = "account.analytic.distribution.model"

    @api.model
    def _get_distribution(self, vals):
        # EXTENDS analytic: give it copies of the lists. Its _create_domain appends False to the
        # ``partner_category_id`` list it receives, and account.move.line._compute_analytic_distribution uses that
        # same dict, list included, as the key of its per-batch cache: the key changes once stored and never hits
        # again, so every journal item of a batch cost a query (two per statement line). Same result, no side effect.
        return super()._get_distribution({name: list(value) if isinstance(value, list) else value
                                          for name, value in vals.items()})
