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
        """Run up to ``max_batches`` batches; returns 1 when entries are left for the next run, else 0."""
        checked = self.env["ai.anomaly.checked"]
        for _batch in range(max_batches):
            records, mark = self._next_batch(company)
            if not records:
                return 0
            try:
                self._detect_batch(company, records)
            except (endpoint_client.EndpointError, anomaly_reply.AnomalyReplyError) as exc:
                _logger.warning("Anomaly detection for %s stopped, retried next run: %s", company.name, exc)
                return 0
            checked._record(company, records)
            if mark:
                company.write(mark)
                # what falls out of the window is never read again: the table stays as small as the window
                checked._purge(company, records._name, company[SOURCES[records._name][0]] - OVERLAP)
        return 1

    def _next_batch(self, company, limit=None):
        """(records, watermark values to write after them, or None) — in this order: journal entries stamped in the
        overlap window before the watermark but not checked at that stamp (written by a transaction that committed
        after the last run: late-posted, back-dated or long imports), the entries after the watermark, then the
        same two for the payments that have no journal entry (anomaly_detection_payments.py)."""
        limit = limit or BATCH_SIZE
        for model, (date_field, id_field) in SOURCES.items():
            Model = self.env[model]
            domain = self._source_domain(model, company)
            mark, mark_id = company[date_field], company[id_field]
            if mark:
                query = Model._search(domain + [
                    ("write_date", ">=", mark - OVERLAP), "|", ("write_date", "<", mark), "&",
                    ("write_date", "=", mark), ("id", "<=", mark_id)], order="write_date, id", limit=limit)
                query.add_where(self.env["ai.anomaly.checked"]._not_checked_clause(model, Model._table))
                late = Model.browse(query)
                if late:
                    return late, None
                domain += ["|", ("write_date", ">", mark), "&", ("write_date", "=", mark), ("id", ">", mark_id)]
            records = Model.search(domain, order="write_date, id", limit=limit)
            if records:
                last = records[-1]
                return records, {date_field: last.write_date, id_field: last.id}
        return self.env["account.move"], None

    def _source_domain(self, model, company):
        if model == "account.payment":
            return [("company_id", "=", company.id), ("move_id", "=", False),
                    ("state", "not in", ("canceled", "rejected"))]
        return [("company_id", "=", company.id), ("state", "in", ("draft", "posted"))]

    def _detect_batch(self, company, records):
        payload, sent = self._prepare_request(company, records)
        reply = self.env["ai.endpoint"]._detect_anomalies(payload)
        for detector, message in anomaly_reply.detector_errors(reply):
            _logger.error("Anomaly detector %s failed for %s (the others ran): %s", detector, company.name, message)
        findings = anomaly_reply.checked_findings(reply, sent)
        created = self._store_findings(company, findings)
        created._ai_anomaly_alert_immediately()
        return created

    # ------------------------------------------------------------------ the request

    def _prepare_request(self, company, moves):
        """(payload, set of (model, id) sent) for a batch of moves (or of payments without a journal entry)."""
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
            "vendors": self._vendor_history(company, partner_ids, moves),
            "accounts": self._account_history(company, account_ids, moves),
            "users": self._user_history(company, user_ids, tz),
            "benford": self._benford_sets(company, moves),
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
            SELECT line.id, line.move_id, line.account_id, account.code_store->>%(company)s, account.account_type,
                   line.tax_line_id IS NOT NULL OR line.display_type = 'tax', line.balance,
                   ARRAY(SELECT rel.account_tax_id FROM account_move_line_account_tax_rel rel
                          WHERE rel.account_move_line_id = line.id ORDER BY 1),
                   (SELECT SUM(tax.amount) FROM account_move_line_account_tax_rel rel
                      JOIN account_tax tax ON tax.id = rel.account_tax_id AND tax.amount_type = 'percent'
                     WHERE rel.account_move_line_id = line.id)
              FROM account_move_line line
              JOIN account_account account ON account.id = line.account_id
             WHERE line.move_id = ANY(%(moves)s) AND line.display_type NOT IN ('line_section', 'line_note')
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

    def _vendor_history(self, company, partner_ids, moves):
        if not partner_ids:
            return []
        since = fields.Date.subtract(fields.Date.context_today(self), days=HISTORY_DAYS)
        cr = self.env.cr
        cr.execute(SQL(
            """
            SELECT * FROM (
                SELECT move.commercial_partner_id, move.id, COALESCE(move.invoice_date, move.date),
                       ABS(move.amount_total_signed), COALESCE(move.ref, ''), COALESCE(move.name, ''), move.move_type,
                       move.origin_payment_id, move.statement_line_id, move.journal_id,
                       ROW_NUMBER() OVER (PARTITION BY move.commercial_partner_id
                                          ORDER BY COALESCE(move.invoice_date, move.date) DESC, move.id DESC) AS rank
                  FROM account_move move
                 WHERE move.company_id = %(company)s AND move.commercial_partner_id = ANY(%(partners)s)
                   AND move.state IN ('draft', 'posted') AND move.date >= %(since)s
                   AND (move.move_type IN ('in_invoice', 'in_refund')
                        OR move.origin_payment_id IS NOT NULL OR move.statement_line_id IS NOT NULL)
            ) recent WHERE rank <= %(limit)s
            """, company=company.id, partners=partner_ids, since=since, limit=RECENT_PER_VENDOR))
        rows = cr.fetchall()
        paid = self._paid_moves(self.env["account.move"].browse(
            [row[1] for row in rows if row[7] or row[8]])) if rows else {}
        recent = {}
        for partner_id, move_id, date, amount, ref, name, move_type, payment_id, st_line_id, journal_id, _rank in rows:
            entry = {"model": "account.move", "id": move_id, "date": fields.Date.to_string(date),
                     "amount": float(amount or 0.0), "reference": ref[:512], "name": name[:256],
                     "kind": anomaly_reply.item_kind(move_type), "paidMoveIds": sorted(paid.get(move_id, [])),
                     "journalId": journal_id}
            if payment_id:
                entry.update(model="account.payment", id=payment_id, kind="payment")
            elif st_line_id:
                entry.update(model="account.bank.statement.line", id=st_line_id, kind="bank_line")
            recent.setdefault(partner_id, []).append(entry)
        for partner_id, entries in self._moveless_payment_history(company, partner_ids, since).items():
            recent.setdefault(partner_id, []).extend(entries)
        bill_counts = dict(self.env["account.move"]._read_group(
            [("company_id", "=", company.id), ("commercial_partner_id", "in", partner_ids),
             ("move_type", "in", ("in_invoice", "in_refund")), ("state", "=", "posted"), ("id", "not in", moves.ids)],
            ["commercial_partner_id"], ["__count"]))
        accounts = {}
        for partner, account, count in self.env["account.move.line"]._read_group(
                [("company_id", "=", company.id), ("partner_id", "in", partner_ids),
                 ("move_id.move_type", "in", ("in_invoice", "in_refund")), ("parent_state", "=", "posted"),
                 ("display_type", "=", "product"), ("move_id", "not in", moves.ids)],
                ["partner_id", "account_id"], ["__count"]):
            accounts.setdefault(partner.id, []).append({"accountId": account.id, "count": count})
        cr.execute(SQL(
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
                   AND line.display_type = 'product' AND move.id != ALL(%(moves)s) AND move.date >= %(since)s
              GROUP BY 1, 2) per_line
          GROUP BY 1, 2
            """, company=company.id, partners=partner_ids, moves=moves.ids, since=since))
        rates = {}
        for partner_id, rate, count in cr.fetchall():
            rates.setdefault(partner_id, []).append({"rate": float(rate), "count": count})
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
            "billCount": bill_counts.get(partner, 0),
            "recent": recent.get(partner.id, []),
            "accounts": accounts.get(partner.id, []),
            "taxRates": rates.get(partner.id, []),
            "bankAccounts": banks.get(partner.id, []),
            "paymentsByBankAccount": payments.get(partner.id, []),
        } for partner in partners]

    def _account_history(self, company, account_ids, moves):
        if not account_ids:
            return []
        since = fields.Date.subtract(fields.Date.context_today(self), days=HISTORY_DAYS)
        cr = self.env.cr
        cr.execute(SQL(
            """
            SELECT account_id, id, date, ABS(balance) FROM (
                SELECT line.account_id, line.id, line.date, line.balance,
                       ROW_NUMBER() OVER (PARTITION BY line.account_id ORDER BY line.date DESC, line.id DESC) AS rank
                  FROM account_move_line line
                 WHERE line.company_id = %(company)s AND line.account_id = ANY(%(accounts)s)
                   AND line.parent_state = 'posted' AND line.move_id != ALL(%(moves)s) AND line.date >= %(since)s
                   AND line.balance != 0
            ) recent WHERE rank <= %(limit)s
            """, company=company.id, accounts=account_ids, moves=moves.ids, since=since, limit=RECENT_PER_ACCOUNT))
        recent = {}
        for account_id, line_id, date, amount in cr.fetchall():
            recent.setdefault(account_id, []).append(
                {"id": line_id, "date": fields.Date.to_string(date), "amount": float(amount)})
        cr.execute(SQL(
            """
            SELECT line.account_id, rel.account_tax_id, COUNT(*)
              FROM account_move_line line
              LEFT JOIN account_move_line_account_tax_rel rel ON rel.account_move_line_id = line.id
             WHERE line.company_id = %(company)s AND line.account_id = ANY(%(accounts)s)
               AND line.parent_state = 'posted' AND line.move_id != ALL(%(moves)s) AND line.date >= %(since)s
               AND line.display_type = 'product'
          GROUP BY 1, 2
            """, company=company.id, accounts=account_ids, moves=moves.ids, since=since))
        taxes, counts = {}, {}
        for account_id, tax_id, count in cr.fetchall():
            taxes.setdefault(account_id, []).append({"taxId": tax_id, "count": count})
        for account_id, count in self.env["account.move.line"]._read_group(
                [("company_id", "=", company.id), ("account_id", "in", account_ids), ("parent_state", "=", "posted"),
                 ("display_type", "=", "product"), ("move_id", "not in", moves.ids), ("date", ">=", since)],
                ["account_id"], ["__count"]):
            counts[account_id.id] = count
        return [{"accountId": account_id, "recent": recent.get(account_id, []), "lineCount": counts.get(account_id, 0),
                 "taxes": taxes.get(account_id, [])} for account_id in account_ids]

    def _user_history(self, company, user_ids, tz):
        if not user_ids:
            return []
        since = fields.Datetime.subtract(fields.Datetime.now(), days=365)
        self.env.cr.execute(SQL(
            """
            SELECT create_uid, EXTRACT(HOUR FROM local)::int, EXTRACT(ISODOW FROM local)::int >= 6, COUNT(*)
              FROM (SELECT create_uid, (create_date AT TIME ZONE 'UTC') AT TIME ZONE %(tz)s AS local
                      FROM account_move
                     WHERE company_id = %(company)s AND create_uid = ANY(%(users)s) AND create_date >= %(since)s
                       AND state = 'posted') moves
          GROUP BY 1, 2, 3
            """, tz=tz.zone, company=company.id, users=user_ids, since=since))
        users = {user_id: {"userId": user_id, "hours": [0] * 24, "weekend": 0} for user_id in user_ids}
        for user_id, hour, weekend, count in self.env.cr.fetchall():
            users[user_id]["hours"][hour] += count
            if weekend:
                users[user_id]["weekend"] += count
        return list(users.values())

    def _benford_sets(self, company, moves):
        """First digits of the posted totals over the last year, per purchase/sale journal of the batch and per
        vendor of the batch (the endpoint tests only sets with enough items)."""
        journals = moves.journal_id.filtered(lambda j: j.type in ("purchase", "sale"))
        vendors = moves.filtered(lambda m: m.move_type in ("in_invoice", "in_refund")).commercial_partner_id
        year = fields.Date.context_today(self).year
        sets = [{"scope": "journal:%d:%d" % (journal.id, year), "label": journal.name[:200], "counts": counts,
                 "target": {"model": "account.journal", "id": journal.id}, "sampleIds": samples}
                for journal, (counts, samples) in self._first_digits(company, "journal_id", journals).items()]
        sets += [{"scope": "vendor:%d:%d" % (vendor.id, year), "label": (vendor.name or "")[:200], "counts": counts,
                  "target": {"model": "res.partner", "id": vendor.id}, "sampleIds": samples}
                 for vendor, (counts, samples) in self._first_digits(company, "commercial_partner_id", vendors).items()]
        return sets

    def _first_digits(self, company, column, records):
        """{record: (counts of first digits 1..9, a few moves as evidence)} of posted moves grouped by ``column``."""
        if not records:
            return {}
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
            """, column=SQL.identifier(column), company=company.id, ids=records.ids, since=since))
        found = {}
        for record_id, digit, count, sample in self.env.cr.fetchall():
            counts, samples = found.setdefault(record_id, ([0] * 9, []))
            if digit:
                counts[digit - 1] += count
                samples.extend(sample)
        return {records.browse(record_id): (counts, [{"model": "account.move", "id": i}
                                                     for i in sorted(set(samples))[:50]])
                for record_id, (counts, samples) in found.items()}

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
