"""Scheduled anomaly detection: the journal entries changed since the last run, per company, in bounded batches.

Each batch is a set of entries in (write_date, id) order after the company's watermark. For them Odoo reads, with
SQL and read_group only, the history the detectors need (the vendors' recent bills and payments, accounts used,
tax rates, bank accounts; the accounts' recent lines and taxes; users' posting hours; first digits per journal),
sends it to the endpoint (``POST /v1/anomalies/detect``), checks the reply (tools/anomaly_reply.py) and stores each
new finding as an ``ai.suggestion`` of kind ``anomaly``. The watermark moves only after a batch is stored. Nothing
here writes to the books.
"""

import logging
from datetime import timedelta

import pytz

from odoo import _, api, fields, models
from odoo.tools import SQL

from ..tools import anomaly_reply, endpoint_client

_logger = logging.getLogger(__name__)

BATCH_SIZE = 500
MAX_BATCHES_PER_RUN = 20
RECENT_PER_VENDOR = 36
RECENT_PER_ACCOUNT = 48
HISTORY_DAYS = 730
# Records stamped this long before the watermark are read again unless checked at that stamp (ai.anomaly.checked).
OVERLAP = timedelta(minutes=60)
# What is read, with the company fields of its watermark.
SOURCES = {
    "account.move": ("ai_anomaly_watermark_date", "ai_anomaly_watermark_id"),
    "account.payment": ("ai_anomaly_payment_watermark_date", "ai_anomaly_payment_watermark_id"),
}
CONTROL_TYPES = ("asset_receivable", "liability_payable", "asset_cash", "liability_credit_card")
ENGINE = "ai_bookkeeping-anomalies"


class AiAnomalyDetection(models.AbstractModel):
    _name = "ai.anomaly.detection"
    _description = "AI anomaly detection (scheduled, incremental)"

    # ------------------------------------------------------------------ the run

    @api.model
    def _cron_detect(self):
        """Check every company's changed entries; a company whose endpoint call fails keeps its watermark."""
        # sudo: the cron (OdooBot, its own companies) audits each company's ledger; it reads, and writes findings only.
        companies = self.env["res.company"].sudo().search([("ai_anomaly_enabled", "=", True)])
        remaining = 0
        for company in companies:
            detection = self.sudo().with_company(company).with_context(allowed_company_ids=company.ids)
            remaining += detection._detect_company(company)
        self.env["ir.cron"]._notify_progress(done=len(companies), remaining=1 if remaining else 0)
        return remaining

    def _detect_company(self, company, max_batches=MAX_BATCHES_PER_RUN):
        """Run up to ``max_batches`` batches; returns 1 when entries are left for the next run, else 0.

        The batches of one run share ``cache``: what the history reads that does not depend on the batch (per
        vendor, account, user, journal), read once. One run is one transaction, and Odoo's transactions are
        REPEATABLE READ: the ledger it sees does not change between its batches, and the detection never writes to
        it, so a value read for the first batch is the one the last batch would read."""
        checked = self.env["ai.anomaly.checked"]
        cache = {}
        for _batch in range(max_batches):
            records, mark = self._next_batch(company, cache=cache)
            if not records:
                return 0
            try:
                self._detect_batch(company, records, cache=cache)
            except (endpoint_client.EndpointError, anomaly_reply.AnomalyReplyError) as exc:
                _logger.warning("Anomaly detection for %s stopped, retried next run: %s", company.name, exc)
                return 0
            checked._record(company, records)
            if mark:
                company.write(mark)
                # what falls out of the window is never read again: the table stays as small as the window
                checked._purge(company, records._name, company[SOURCES[records._name][0]] - OVERLAP)
        return 1

    def _next_batch(self, company, limit=None, cache=None):
        """(records, watermark values to write after them, or None) — in this order: journal entries stamped in the
        overlap window before the watermark but not checked at that stamp (written by a transaction that committed
        after the last run: late-posted, back-dated or long imports), the entries after the watermark, then the
        same two for the payments that have no journal entry (anomaly_detection_payments.py).

        The cursor is the row (write_date, id), compared as a row so that the index on it (ai.anomaly.checked,
        ``init``) is read from the watermark on. Once a run found nothing late for a model it does not ask again:
        within its transaction nothing new can appear behind the watermark, and what it passes it records."""
        limit = limit or BATCH_SIZE
        late_done = cache.setdefault("late_done", set()) if cache is not None else set()
        for model, (date_field, id_field) in SOURCES.items():
            Model = self.env[model]
            domain = self._source_domain(model, company)
            mark, mark_id = company[date_field], company[id_field]
            cursor = SQL("(%s, %s)", SQL.identifier(Model._table, "write_date"), SQL.identifier(Model._table, "id"))
            if mark and model not in late_done:
                query = Model._search(domain + [("write_date", ">=", mark - OVERLAP)], order="write_date, id",
                                      limit=limit)
                query.add_where(SQL("%s <= (%s, %s)", cursor, mark, mark_id))
                query.add_where(self.env["ai.anomaly.checked"]._not_checked_clause(model, Model._table))
                late = Model.browse(query)
                if late:
                    return late, None
                late_done.add(model)
            query = Model._search(domain, order="write_date, id", limit=limit)
            if mark:
                query.add_where(SQL("%s > (%s, %s)", cursor, mark, mark_id))
            records = Model.browse(query)
            if records:
                last = records[-1]
                return records, {date_field: last.write_date, id_field: last.id}
        return self.env["account.move"], None

    def _source_domain(self, model, company):
        if model == "account.payment":
            return [("company_id", "=", company.id), ("move_id", "=", False),
                    ("state", "not in", ("canceled", "rejected"))]
        return [("company_id", "=", company.id), ("state", "in", ("draft", "posted"))]

    def _detect_batch(self, company, records, cache=None):
        payload, sent = self._prepare_request(company, records, cache=cache)
        reply = self.env["ai.endpoint"]._detect_anomalies(payload)
        for detector, message in anomaly_reply.detector_errors(reply):
            _logger.error("Anomaly detector %s failed for %s (the others ran): %s", detector, company.name, message)
        findings = anomaly_reply.checked_findings(reply, sent)
        created = self._store_findings(company, findings)
        created._ai_anomaly_alert_immediately()
        return created

    # ------------------------------------------------------------------ the request

    def _prepare_request(self, company, moves, cache=None):
        """(payload, set of (model, id) sent) for a batch of moves (or of payments without a journal entry);
        ``cache``: the run's (``_detect_company``), or none for a batch on its own."""
        cache = {} if cache is None else cache
        tz = pytz.timezone(company.partner_id.tz or self.env.user.tz or "UTC")
        payments = self.env["account.payment"]
        if moves._name == "account.payment":
            moves, payments = self.env["account.move"], moves
        lines_by_move = self._lines_of(moves)
        paid = self._paid_moves(moves)
        items, sent = [self._payment_item_of(payment, tz) for payment in payments], set()
        for item in items:
            sent.add(("account.payment", item["id"]))
            sent.update(("account.move", move_id) for move_id in item["paidMoveIds"])
        for move in moves:
            item = self._item_of(move, lines_by_move.get(move.id, []), paid.get(move.id, []), tz)
            items.append(item)
            sent.add((item["model"], item["id"]))
            sent.add(("account.move", move.id))
            sent.update(("account.move.line", line["id"]) for line in item["lines"])
            sent.update(("account.move", move_id) for move_id in item["paidMoveIds"])
        partner_ids = sorted({item["partnerId"] for item in items if item["partnerId"]})
        account_ids = sorted({line["accountId"] for item in items for line in item["lines"]})
        user_ids = sorted({item["userId"] for item in items if item["userId"]})
        history = {
            "vendors": self._vendor_history(company, partner_ids, moves, cache),
            "accounts": self._account_history(company, account_ids, moves, cache),
            "users": self._user_history(company, user_ids, tz, cache),
            "benford": self._benford_sets(company, moves, cache),
            "bankLines": self._bank_line_history(company, moves),
        }
        for vendor in history["vendors"]:
            sent.add(("res.partner", vendor["partnerId"]))
            sent.update((entry["model"], entry["id"]) for entry in vendor["recent"])
            sent.update(("account.move", move_id) for entry in vendor["recent"] for move_id in entry["paidMoveIds"])
        for account in history["accounts"]:
            sent.update(("account.move.line", entry["id"]) for entry in account["recent"])
        for benford in history["benford"]:
            sent.add((benford["target"]["model"], benford["target"]["id"]))
            sent.update((e["model"], e["id"]) for e in benford["sampleIds"])
        sent.update((entry["model"], entry["id"]) for entry in history["bankLines"])
        payload = {
            "companyId": company.id,
            "companyCurrency": company.currency_id.name,
            "settings": {
                "duplicateWindowDays": max(1, min(366, company.ai_anomaly_duplicate_days or 30)),
                "highAmount": max(0.0, company.ai_anomaly_high_amount),
                "approvalThresholds": company._ai_anomaly_thresholds(),
            },
            "lockDates": {
                key: fields.Date.to_string(company[name]) if company[name] else None
                for key, name in (("fiscalyear", "fiscalyear_lock_date"), ("tax", "tax_lock_date"),
                                  ("purchase", "purchase_lock_date"), ("sale", "sale_lock_date"),
                                  ("hard", "hard_lock_date"))
            },
            "items": items,
            "history": history,
            "dismissed": self.env["ai.anomaly.dismissal"]._dismissed_for(company),
        }
        return payload, sent

    def _lines_of(self, moves):
        if not moves:
            return {}
        self.env["account.move.line"].flush_model()
        self.env.cr.execute(SQL(
            """
            -- the taxes by joins the planner can hash (a subquery per line scanned the tax table once a line)
            SELECT line.id, line.move_id, line.account_id, account.code_store->>%(company)s, account.account_type,
                   line.tax_line_id IS NOT NULL OR line.display_type = 'tax', line.balance,
                   ARRAY_AGG(rel.account_tax_id ORDER BY rel.account_tax_id)
                       FILTER (WHERE rel.account_tax_id IS NOT NULL),
                   SUM(tax.amount) FILTER (WHERE tax.amount_type = 'percent')
              FROM account_move_line line
              JOIN account_account account ON account.id = line.account_id
         LEFT JOIN account_move_line_account_tax_rel rel ON rel.account_move_line_id = line.id
         LEFT JOIN account_tax tax ON tax.id = rel.account_tax_id
             WHERE line.move_id = ANY(%(moves)s) AND line.display_type NOT IN ('line_section', 'line_note')
          GROUP BY line.id, account.id
          ORDER BY line.move_id, line.id
            """, moves=moves.ids, company=str(moves.company_id.root_id.id or moves.company_id.id)))
        by_move = {}
        for line_id, move_id, account_id, code, account_type, is_tax, balance, tax_ids, rate in self.env.cr.fetchall():
            by_move.setdefault(move_id, []).append({
                "id": line_id, "accountId": account_id, "accountCode": code or "", "accountType": account_type or "",
                "taxAccount": bool(is_tax), "balance": balance or 0.0, "taxIds": list(tax_ids or []),
                "taxRate": float(rate) if rate is not None else None,
            })
        return by_move

    def _paid_moves(self, moves):
        """{move id: [ids of the other moves its lines are reconciled with]} — what a payment or bank line pays."""
        self.env.cr.execute(SQL(
            """
            SELECT line.move_id, ARRAY_AGG(DISTINCT other.move_id)
              FROM account_move_line line
              JOIN account_partial_reconcile part ON line.id IN (part.debit_move_id, part.credit_move_id)
              JOIN account_move_line other
                ON other.id = CASE WHEN part.debit_move_id = line.id
                                   THEN part.credit_move_id ELSE part.debit_move_id END
             WHERE line.move_id = ANY(%(moves)s) AND other.move_id != line.move_id
          GROUP BY line.move_id
            """, moves=moves.ids))
        return dict(self.env.cr.fetchall())

    def _item_of(self, move, lines, paid_move_ids, tz):
        created = pytz.utc.localize(move.create_date).astimezone(tz).strftime("%Y-%m-%dT%H:%M:%S")
        item = {
            "model": "account.move", "id": move.id, "moveId": move.id,
            "kind": anomaly_reply.item_kind(move.move_type),
            "name": (move.name if move.name and move.name != "/" else "")[:256],
            "reference": (move.ref or "")[:512],
            "partnerId": move.commercial_partner_id.id or None,
            "partnerName": (move.commercial_partner_id.name or "")[:256],
            "journalId": move.journal_id.id,
            "date": fields.Date.to_string(move.invoice_date or move.date),
            "createdAt": created,
            "userId": move.create_uid.id or None,
            "amount": abs(move.amount_total_signed) if move.is_invoice(include_receipts=True)
            else sum(line["balance"] for line in lines if line["balance"] > 0),
            "manual": bool(move.move_type == "entry" and move.journal_id.type == "general"
                           and not move.statement_line_id and not move.origin_payment_id
                           and not move.reversed_entry_id and not move.tax_cash_basis_rec_id),
            "sequenceGap": bool(move.made_sequence_gap),
            "paidMoveIds": sorted(paid_move_ids),
            "lines": lines,
        }
        if move.statement_line_id:
            st_line = move.statement_line_id
            item.update({
                "model": "account.bank.statement.line", "id": st_line.id, "kind": "bank_line",
                "reference": (st_line.payment_ref or "")[:512], "amount": abs(st_line.amount),
                "direction": -1 if st_line.amount < 0 else 1,
                "counterpartyAccount": (st_line.account_number or "")[:64],
                "date": fields.Date.to_string(st_line.date),
            })
        elif move.origin_payment_id:
            payment = move.origin_payment_id
            bank = payment.partner_bank_id
            item.update({
                "model": "account.payment", "id": payment.id, "kind": "payment",
                "reference": (payment.memo or "")[:512], "amount": abs(payment.amount_company_currency_signed),
                "direction": 1 if payment.payment_type == "inbound" else -1,
                "bankAccountId": bank.id or None,
                "bankAccountChangedAt": fields.Date.to_string(bank.write_date.date()) if bank else None,
                "paidMoveIds": sorted(set(paid_move_ids) | set(payment.reconciled_bill_ids.ids)
                                      | set(payment.reconciled_invoice_ids.ids)),
            })
        return item

    # ------------------------------------------------------------------ history (bounded SQL, never the ledger)

    def _vendor_history(self, company, partner_ids, moves, cache=None):
        if not partner_ids:
            return []
        cache = {} if cache is None else cache
        since = fields.Date.subtract(fields.Date.context_today(self), days=HISTORY_DAYS)
        recent = self._vendor_recent(company, partner_ids, since, cache)
        batch = moves.ids
        bill_counts = self._counts_without(cache, "vendor_bills", partner_ids, batch, lambda keys, own: SQL(
            """
            SELECT commercial_partner_id, NULL, COUNT(*)
              FROM account_move
             WHERE company_id = %(company)s AND commercial_partner_id = ANY(%(partners)s)
               AND move_type IN ('in_invoice', 'in_refund') AND state = 'posted' %(own)s
          GROUP BY 1
            """, company=company.id, partners=keys, own=SQL("AND id = ANY(%s)", own) if own else SQL()))
        Line = self.env["account.move.line"]

        def accounts_query(keys, own):
            # the ORM's grouping, for its order (the vendor's accounts in the account order)
            return [((partner.id, account.id), count) for partner, account, count in Line._read_group(
                [("company_id", "=", company.id), ("partner_id", "in", keys),
                 ("move_id.move_type", "in", ("in_invoice", "in_refund")), ("parent_state", "=", "posted"),
                 ("display_type", "=", "product")] + ([("move_id", "in", own)] if own else []),
                ["partner_id", "account_id"], ["__count"])]
        accounts = self._counts_without(cache, "vendor_accounts", partner_ids, batch, accounts_query)
        rates = self._counts_without(cache, "vendor_rates", partner_ids, batch, lambda keys, own: SQL(
            """
            SELECT partner_id, rate, COUNT(*) FROM (
                -- one rate per line (the sum of its percent taxes), by joins the planner can hash: a subquery per
                -- line made this the slowest query of a batch over a large ledger
                SELECT move.commercial_partner_id AS partner_id, line.id, SUM(tax.amount) AS rate
                  FROM account_move_line line
                  JOIN account_move move ON move.id = line.move_id
                  JOIN account_move_line_account_tax_rel rel ON rel.account_move_line_id = line.id
                  JOIN account_tax tax ON tax.id = rel.account_tax_id AND tax.amount_type = 'percent'
                 WHERE move.company_id = %(company)s AND move.commercial_partner_id = ANY(%(partners)s)
                   AND move.move_type IN ('in_invoice', 'in_refund') AND move.state = 'posted'
                   AND line.display_type = 'product' AND move.date >= %(since)s %(own)s
              GROUP BY 1, 2) per_line
          GROUP BY 1, 2
          ORDER BY 1, 2
            """, company=company.id, partners=keys, since=since,
            own=SQL("AND move.id = ANY(%s)", own) if own else SQL()))
        banks = {}
        for bank in self.env["res.partner.bank"].search([("partner_id", "child_of", partner_ids)]):
            banks.setdefault(bank.partner_id.commercial_partner_id.id, []).append(
                {"id": bank.id, "changedOn": fields.Date.to_string(bank.write_date.date())})
        payments = {}
        for partner, bank, count in self.env["account.payment"]._read_group(
                [("company_id", "=", company.id), ("partner_id", "child_of", partner_ids),
                 ("state", "not in", ("draft", "canceled")), ("partner_bank_id", "!=", False),
                 ("move_id", "not in", moves.ids)],
                ["partner_id", "partner_bank_id"], ["__count"]):
            payments.setdefault(partner.commercial_partner_id.id, []).append(
                {"bankAccountId": bank.id, "count": count})
        partners = self.env["res.partner"].browse(partner_ids)
        return [{
            "partnerId": partner.id,
            "createdOn": fields.Date.to_string(partner.create_date.date()) if partner.create_date else None,
            "billCount": sum(count for _none, count in bill_counts.get(partner.id, [])),
            "recent": recent.get(partner.id, []),
            "accounts": [{"accountId": account_id, "count": count}
                         for account_id, count in accounts.get(partner.id, [])],
            "taxRates": [{"rate": float(rate), "count": count} for rate, count in rates.get(partner.id, [])],
            "bankAccounts": banks.get(partner.id, []),
            "paymentsByBankAccount": payments.get(partner.id, []),
        } for partner in partners]

    def _vendor_recent(self, company, partner_ids, since, cache):
        """{partner id: the vendor's RECENT_PER_VENDOR latest bills, refunds, payments and bank lines, then its
        payments without a journal entry}. They include the batch's own entries (the endpoint skips those), so they
        do not depend on the batch: read once a run per vendor."""
        recent = cache.setdefault("vendor_recent", {})
        missing = [partner_id for partner_id in partner_ids if partner_id not in recent]
        if missing:
            cr = self.env.cr
            cr.execute(SQL(
                """
                SELECT * FROM (
                    SELECT move.commercial_partner_id, move.id, COALESCE(move.invoice_date, move.date),
                           ABS(move.amount_total_signed), COALESCE(move.ref, ''), COALESCE(move.name, ''),
                           move.move_type, move.origin_payment_id, move.statement_line_id, move.journal_id,
                           ROW_NUMBER() OVER (PARTITION BY move.commercial_partner_id
                                              ORDER BY COALESCE(move.invoice_date, move.date) DESC, move.id DESC)
                               AS rank
                      FROM account_move move
                     WHERE move.company_id = %(company)s AND move.commercial_partner_id = ANY(%(partners)s)
                       AND move.state IN ('draft', 'posted') AND move.date >= %(since)s
                       AND (move.move_type IN ('in_invoice', 'in_refund')
                            OR move.origin_payment_id IS NOT NULL OR move.statement_line_id IS NOT NULL)
                ) recent WHERE rank <= %(limit)s
                ORDER BY 1, 11
                """, company=company.id, partners=missing, since=since, limit=RECENT_PER_VENDOR))
            rows = cr.fetchall()
            paid = self._paid_moves(self.env["account.move"].browse(
                [row[1] for row in rows if row[7] or row[8]])) if rows else {}
            for partner_id in missing:
                recent[partner_id] = []
            for partner_id, move_id, date, amount, ref, name, move_type, payment_id, st_line_id, journal_id, _rank \
                    in rows:
                entry = {"model": "account.move", "id": move_id, "date": date.isoformat(),
                         "amount": float(amount or 0.0), "reference": ref[:512], "name": name[:256],
                         "kind": anomaly_reply.item_kind(move_type), "paidMoveIds": sorted(paid.get(move_id, [])),
                         "journalId": journal_id}
                if payment_id:
                    entry.update(model="account.payment", id=payment_id, kind="payment")
                elif st_line_id:
                    entry.update(model="account.bank.statement.line", id=st_line_id, kind="bank_line")
                recent[partner_id].append(entry)
            for partner_id, entries in self._moveless_payment_history(company, missing, since).items():
                recent[partner_id].extend(entries)
        return recent

    def _counts_without(self, cache, name, keys, batch_ids, query):
        """{key: [(group, count), …]}: the counts of ``query(keys, None)`` (an SQL of (key, group, count) rows, or
        those rows) over the history minus the batch's own moves, ``query(keys, batch_ids)``. The totals per key are
        read once a run; a batch only subtracts what its moves add (exact: the same rows, counted twice)."""
        totals = cache.setdefault(name, {})

        def rows(sql_or_rows):
            if isinstance(sql_or_rows, SQL):
                self.env.cr.execute(sql_or_rows)
                return [((key, group), count) for key, group, count in self.env.cr.fetchall()]
            return sql_or_rows

        missing = [key for key in keys if key not in totals]
        if missing:
            for key in missing:
                totals[key] = {}
            for (key, group), count in rows(query(missing, None)):
                totals[key][group] = count
        own = dict(rows(query(keys, batch_ids))) if batch_ids else {}
        found = {}
        for key in keys:
            for group, count in totals[key].items():
                left = count - own.get((key, group), 0)
                if left > 0:
                    found.setdefault(key, []).append((group, left))
        return found

    def _account_history(self, company, account_ids, moves, cache=None):
        if not account_ids:
            return []
        cache = {} if cache is None else cache
        since = fields.Date.subtract(fields.Date.context_today(self), days=HISTORY_DAYS)
        cr = self.env.cr
        # the latest lines of each account, on its (account_id, date) index: the batch's own moves left out
        cr.execute(SQL(
            """
            SELECT account.id, recent.id, recent.date, ABS(recent.balance)
              FROM unnest(%(accounts)s::int[]) AS account(id)
              CROSS JOIN LATERAL (
                    SELECT line.id, line.date, line.balance
                      FROM account_move_line line
                     WHERE line.account_id = account.id AND line.company_id = %(company)s
                       AND line.parent_state = 'posted' AND line.move_id != ALL(%(moves)s) AND line.date >= %(since)s
                       AND line.balance != 0
                  ORDER BY line.date DESC, line.id DESC
                     LIMIT %(limit)s) recent
            """, company=company.id, accounts=account_ids, moves=moves.ids, since=since, limit=RECENT_PER_ACCOUNT))
        recent = {}
        for account_id, line_id, date, amount in cr.fetchall():
            recent.setdefault(account_id, []).append({"id": line_id, "date": date.isoformat(), "amount": float(amount)})
        batch = moves.ids
        taxes = self._counts_without(cache, "account_taxes", account_ids, batch, lambda keys, own: SQL(
            """
            SELECT line.account_id, rel.account_tax_id, COUNT(*)
              FROM account_move_line line
              LEFT JOIN account_move_line_account_tax_rel rel ON rel.account_move_line_id = line.id
             WHERE line.company_id = %(company)s AND line.account_id = ANY(%(accounts)s)
               AND line.parent_state = 'posted' AND line.date >= %(since)s AND line.display_type = 'product' %(own)s
          GROUP BY 1, 2
          ORDER BY 1, 2
            """, company=company.id, accounts=keys, since=since,
            own=SQL("AND line.move_id = ANY(%s)", own) if own else SQL()))
        counts = self._counts_without(cache, "account_lines", account_ids, batch, lambda keys, own: SQL(
            """
            SELECT account_id, NULL, COUNT(*)
              FROM account_move_line
             WHERE company_id = %(company)s AND account_id = ANY(%(accounts)s) AND parent_state = 'posted'
               AND display_type = 'product' AND date >= %(since)s %(own)s
          GROUP BY 1
            """, company=company.id, accounts=keys, since=since,
            own=SQL("AND move_id = ANY(%s)", own) if own else SQL()))
        return [{"accountId": account_id, "recent": recent.get(account_id, []),
                 "lineCount": sum(count for _none, count in counts.get(account_id, [])),
                 "taxes": [{"taxId": tax_id, "count": count} for tax_id, count in taxes.get(account_id, [])]}
                for account_id in account_ids]

    def _user_history(self, company, user_ids, tz, cache=None):
        """Posting hours and weekend postings of each user over the last year (not batch-dependent: once a run)."""
        if not user_ids:
            return []
        users = (cache if cache is not None else {}).setdefault("users", {})
        missing = [user_id for user_id in user_ids if user_id not in users]
        if missing:
            since = fields.Datetime.subtract(fields.Datetime.now(), days=365)
            self.env.cr.execute(SQL(
                """
                SELECT create_uid, EXTRACT(HOUR FROM local)::int, EXTRACT(ISODOW FROM local)::int >= 6, COUNT(*)
                  FROM (SELECT create_uid, (create_date AT TIME ZONE 'UTC') AT TIME ZONE %(tz)s AS local
                          FROM account_move
                         WHERE company_id = %(company)s AND create_uid = ANY(%(users)s) AND create_date >= %(since)s
                           AND state = 'posted') moves
              GROUP BY 1, 2, 3
                """, tz=tz.zone, company=company.id, users=missing, since=since))
            for user_id in missing:
                users[user_id] = {"userId": user_id, "hours": [0] * 24, "weekend": 0}
            for user_id, hour, weekend, count in self.env.cr.fetchall():
                users[user_id]["hours"][hour] += count
                if weekend:
                    users[user_id]["weekend"] += count
        return [users[user_id] for user_id in user_ids]

    def _benford_sets(self, company, moves, cache=None):
        """First digits of the posted totals over the last year, per purchase/sale journal of the batch and per
        vendor of the batch (the endpoint tests only sets with enough items)."""
        cache = {} if cache is None else cache
        journals = moves.journal_id.filtered(lambda j: j.type in ("purchase", "sale"))
        vendors = moves.filtered(lambda m: m.move_type in ("in_invoice", "in_refund")).commercial_partner_id
        year = fields.Date.context_today(self).year
        sets = [{"scope": "journal:%d:%d" % (journal.id, year), "label": journal.name[:200], "counts": counts,
                 "target": {"model": "account.journal", "id": journal.id}, "sampleIds": samples}
                for journal, (counts, samples) in self._first_digits(company, "journal_id", journals, cache).items()]
        sets += [{"scope": "vendor:%d:%d" % (vendor.id, year), "label": (vendor.name or "")[:200], "counts": counts,
                  "target": {"model": "res.partner", "id": vendor.id}, "sampleIds": samples}
                 for vendor, (counts, samples)
                 in self._first_digits(company, "commercial_partner_id", vendors, cache).items()]
        return sets

    def _first_digits(self, company, column, records, cache=None):
        """{record: (counts of first digits 1..9, a few moves as evidence)} of posted moves grouped by ``column``
        (not batch-dependent: once a run per record)."""
        if not records:
            return {}
        known = (cache if cache is not None else {}).setdefault(("first_digits", column), {})
        missing = [record_id for record_id in records.ids if record_id not in known]
        if missing:
            since = fields.Date.subtract(fields.Date.context_today(self), days=365)
            self.env.cr.execute(SQL(
                """
                SELECT %(column)s, SUBSTRING(ABS(amount_total_signed)::text FROM '[1-9]')::int, COUNT(*),
                       (ARRAY_AGG(id ORDER BY id DESC))[1:5]
                  FROM account_move
                 WHERE company_id = %(company)s AND %(column)s = ANY(%(ids)s) AND state = 'posted'
                   AND date >= %(since)s AND amount_total_signed != 0
                   AND move_type IN ('in_invoice', 'in_refund', 'out_invoice', 'out_refund')
              GROUP BY 1, 2
                """, column=SQL.identifier(column), company=company.id, ids=missing, since=since))
            found = {}
            for record_id, digit, count, sample in self.env.cr.fetchall():
                counts, samples = found.setdefault(record_id, ([0] * 9, []))
                if digit:
                    counts[digit - 1] += count
                    samples.extend(sample)
            for record_id in missing:
                if record_id in found:
                    counts, samples = found[record_id]
                    known[record_id] = (counts, [{"model": "account.move", "id": i} for i in sorted(set(samples))[:50]])
                else:
                    known[record_id] = None
        return {records.browse(record_id): known[record_id] for record_id in records.ids if known[record_id]}

    def _bank_line_history(self, company, moves):
        lines = moves.statement_line_id
        if not lines:
            return []
        window = max(1, company.ai_anomaly_duplicate_days or 30)
        self.env.cr.execute(SQL(
            """
            SELECT DISTINCT other.id, other_move.date, ABS(other.amount), COALESCE(other.payment_ref, ''),
                   other.journal_id, SIGN(other.amount)::int, COALESCE(other.account_number, '')
              FROM account_bank_statement_line line
              JOIN account_move line_move ON line_move.id = line.move_id
              JOIN account_bank_statement_line other
                ON other.journal_id = line.journal_id AND other.amount = line.amount AND other.id != line.id
              JOIN account_move other_move ON other_move.id = other.move_id
               AND other_move.date BETWEEN line_move.date - %(window)s AND line_move.date + %(window)s
             WHERE line.id = ANY(%(lines)s) AND other.id != ALL(%(lines)s) AND other_move.state != 'cancel'
             LIMIT 5000
            """, window=window, lines=lines.ids))
        return [{"model": "account.bank.statement.line", "id": line_id, "date": fields.Date.to_string(date),
                 "amount": float(amount), "reference": ref[:512], "kind": "bank_line", "journalId": journal_id,
                 "direction": direction, "counterpartyAccount": account[:64]}
                for line_id, date, amount, ref, journal_id, direction, account in self.env.cr.fetchall()]

    # ------------------------------------------------------------------ storing findings

    def _store_findings(self, company, findings):
        """Create the findings not raised before (dedup key per company); returns the new suggestions."""
        suggestions = self.env["ai.suggestion"].sudo()  # sudo: the engine's answer is stored by the add-on
        keys = [finding["dedup_key"] for finding in findings]
        known = set(suggestions.search([("company_id", "=", company.id), ("anomaly_dedup_key", "in", keys)])
                    .mapped("anomaly_dedup_key")) if keys else set()
        labels = anomaly_reply.DETECTORS
        vals_list = []
        for finding in findings:
            if finding["dedup_key"] in known:
                continue
            known.add(finding["dedup_key"])
            model, record_id = finding["target"]
            move = self._move_of(model, record_id)
            target = self.env[model].browse(record_id)
            vals_list.append({
                "name": "%s: %s" % (labels[finding["detector"]], target.display_name),
                "kind": "anomaly",
                "company_id": company.id,
                "res_model": model,
                "res_id": record_id,
                "confidence": finding["score"],
                "explanation": finding["reason"],
                "reasons": [finding["reason"]],
                "proposed_values": {"amount": finding["amount"], "detector": finding["detector"],
                                    "journal_id": move.journal_id.id or None},
                "engine_name": ENGINE,
                "anomaly_detector": finding["detector"],
                "anomaly_dedup_key": finding["dedup_key"],
                "anomaly_pattern_key": finding["pattern_key"],
                "anomaly_move_id": move.id or False,
                "anomaly_partner_id": finding["partner_id"] or move.commercial_partner_id.id or False,
                "anomaly_amount": finding["amount"],
                "anomaly_evidence": [{"model": m, "id": i} for m, i in finding["evidence"]],
            })
        return suggestions.create(vals_list) if vals_list else suggestions

    def _move_of(self, model, record_id):
        record = self.env[model].browse(record_id)
        if model == "account.move":
            return record
        if model in ("account.payment", "account.bank.statement.line"):
            return record.move_id
        if model == "account.move.line":
            return record.move_id
        return self.env["account.move"]

    @api.model
    def _action_run_now(self):
        """For managers: run the detection now for the current company (the cron does it on its schedule)."""
        self.env["ai.endpoint"]._check_config_access()
        company = self.env.company
        self.sudo().with_company(company)._detect_company(company)  # sudo: as the cron does
        return {"type": "ir.actions.client", "tag": "display_notification",
                "params": {"type": "success", "message": _("Anomaly detection ran for %(company)s.",
                                                           company=company.name)}}
