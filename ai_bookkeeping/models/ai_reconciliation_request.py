import logging
import re

from odoo import api, fields, models
from odoo.tools import SQL

from ..tools import reconcile_payload
from ..tools import state_machine as sm

_logger = logging.getLogger(__name__)

# Bounds that keep candidate gathering proportional to the number of lines, never to the size of the ledger.
ITEMS_PER_PARTNER = 250
ITEMS_PER_AMOUNT_WINDOW = 40
ITEMS_PER_REFERENCE = 20
HISTORY_LIMIT = 3000
HISTORY_DAYS = 400
_REFERENCE_TOKEN = re.compile(r"\d{3,}")


class AiReconciliationRequest(models.AbstractModel):
    """Asks the AI endpoint about statement lines: gathers bounded candidates and history, sends, stores the answer."""

    _name = "ai.reconciliation.request"
    _description = "AI reconciliation request"

    @api.model
    def _suggest_for_lines(self, st_lines):
        """Replace the pending suggestions of ``st_lines`` (one company) by fresh ones. Raises EndpointError."""
        if not st_lines:
            return self.env["ai.reconciliation.suggestion"]
        company = st_lines.company_id
        company.ensure_one()
        payload, truncated, invalid = self._prepare_payload(st_lines)
        for line_id, reason in invalid.items():
            _logger.warning("AI request: statement line %s cannot be sent: %s", line_id, reason)
            self.env["account.bank.statement.line"].browse(line_id).write(
                {"ai_state": "error", "ai_error": reason})
        if not payload["lines"]:
            return self.env["ai.reconciliation.suggestion"]
        st_lines = st_lines.filtered(lambda line: line.id not in invalid)
        if truncated:
            _logger.info("AI request: labels of statement lines %s were cut to %d characters",
                         truncated, reconcile_payload.MAX_LABEL_LENGTH)
        # Data minimisation (per company) decides what leaves Odoo; the audit keeps a hash of what did, not a copy.
        payload = reconcile_payload.outgoing_request(payload, minimise_data=company.ai_data_minimisation)
        input_hash = reconcile_payload.payload_hash(payload)
        # Which LLM the shared bundled endpoint uses for this database: added after the hash (business data only),
        # never logged. None: no model here (or a remote endpoint with its own), so no LLM settings are sent.
        llm = self.env["ai.endpoint"]._get_request_llm() if payload.get("llmAllowed") else None
        if llm:
            payload = dict(payload, llm=llm)
        data = self.env["ai.endpoint"]._suggest_reconciliations(payload)
        self.env["ai.llm.usage"]._record_reply_usage(company, data)
        by_line, engine, dropped = reconcile_payload.parse_reply(
            data,
            line_ids=[line["id"] for line in payload["lines"]],
            candidate_ids=[c["id"] for c in payload["candidates"]],
            account_ids=[a["id"] for a in payload["accounts"]],
            partner_ids=[p["id"] for p in payload["partners"]],
            tax_ids=[t for entry in payload["history"] for t in entry.get("taxIds") or []],
        )
        for sentence in dropped:
            _logger.warning("AI reply: refused a suggestion: %s", sentence)
        suggestions = self.with_context(ai_input_hash=input_hash)._store(st_lines, by_line, engine)
        suggestions._ai_auto_apply()  # what the company's rollout phase and approval rules allow; phase 1: nothing
        return suggestions.exists()

    @api.model
    def _store(self, st_lines, by_line, engine):
        # sudo: suggestions are written by the engine on behalf of the lines' company, whoever asked (an accountant
        # pressing "Suggest", the cron); the lines were read with the caller's rights and are all of one company.
        Suggestion = self.env["ai.reconciliation.suggestion"].sudo()
        # A new answer supersedes undecided ones: one pending set per line, whatever the number of events.
        Suggestion.search([("statement_line_id", "in", st_lines.ids), ("state", "=", sm.PENDING)]).unlink()
        vals_list = []
        for st_line in st_lines:
            for suggestion in by_line.get(st_line.id, []):
                vals_list.append(
                    {
                        "statement_line_id": st_line.id,
                        "company_id": st_line.company_id.id,
                        "match_type": suggestion["match_type"],
                        "rank": suggestion["rank"],
                        "confidence": suggestion["confidence"],
                        "explanation": suggestion["explanation"],
                        "reasons": suggestion["reasons"],
                        "move_line_ids": [(6, 0, suggestion["candidate_ids"])],
                        "partner_id": suggestion["partner_id"] or False,
                        "account_id": suggestion["account_id"] or False,
                        "tax_ids": [(6, 0, suggestion["tax_ids"])],
                        "writeoff_amount": suggestion["writeoff_amount"],
                        "engine_name": engine["name"],
                        "engine_version": engine["version"],
                        "engine_model": engine["model"],
                    }
                )
        suggestions = Suggestion.with_context(mail_create_nolog=True, tracking_disable=True).create(vals_list)
        suggestions = suggestions.sudo(False)
        st_lines.write({"ai_state": "suggested", "ai_error": False})
        no_match = st_lines.filtered(lambda line: not by_line.get(line.id))
        no_match.write({"ai_state": "no_match"})
        return suggestions

    # ------------------------------------------------------------------ payload

    @api.model
    def _prepare_payload(self, st_lines):
        company = st_lines.company_id
        lines, truncated, invalid = [], [], {}
        for st_line in st_lines:
            try:
                line, was_cut = reconcile_payload.line_payload(self._prepare_line_values(st_line))
            except (ValueError, KeyError, TypeError) as exc:
                invalid[st_line.id] = str(exc)
                continue
            lines.append(line)
            if was_cut:
                truncated.append(st_line.id)
        st_lines = st_lines.filtered(lambda line: line.id not in invalid)
        items = self._gather_candidates(st_lines)
        history = self._gather_history(company, st_lines)
        partners = (items.partner_id | history["partners"] | st_lines.partner_id
                    | self._partners_by_bank_account(st_lines))
        writeoff_accounts = (company.ai_writeoff_account_id | company.income_currency_exchange_account_id
                             | company.expense_currency_exchange_account_id)
        accounts = (history["accounts"] | company.ai_bank_fee_account_id | writeoff_accounts
                    | company.transfer_account_id)
        llm_allowed = self.env["ai.llm.usage"]._llm_allowed(company)
        if llm_allowed:
            # The LLM may only propose an account from this list: give it the chart's expense accounts too, for
            # payments the history cannot explain. The offline engine only reads the accounts its proposals name.
            accounts |= self._expense_accounts(company)
        payload = {
            "companyId": company.id,
            "companyCurrency": company.currency_id.name,
            "lines": lines,
            "candidates": [reconcile_payload.open_item_payload(self._prepare_item_values(item)) for item in items],
            "partners": [
                {"id": p.id, "name": p.name or "", "bankAccounts": [b.sanitized_acc_number for b in p.bank_ids][:50]}
                for p in partners
            ],
            "history": [reconcile_payload.history_payload(entry) for entry in history["entries"]],
            "accounts": [
                {"id": a.id, "code": a.code or "", "name": a.name or "", "accountType": a.account_type or ""}
                for a in accounts
            ],
            "settings": self._engine_settings(company),
            # False once the company's monthly LLM budget is spent: the endpoint then answers offline.
            "llmAllowed": llm_allowed,
        }
        return payload, truncated, invalid

    @api.model
    def _engine_settings(self, company):
        """The company's matching settings as the engine reads them (contracts/reconcile.ts, EngineSettingsSchema)."""
        return {
            "bankFeeAccountId": company.ai_bank_fee_account_id.id or None,
            "maxFeeAmount": max(company.ai_max_fee_amount, 0.0),
            "fxTolerance": max(company.ai_fx_tolerance, 0.0),
            # Payment tolerance: the difference goes to the company's write-off account, else to the bank fee account;
            # exchange rounding goes to Odoo's exchange difference accounts.
            "writeoffAccountId": company.ai_writeoff_account_id.id or None,
            "writeoffMaxAmount": max(company.ai_writeoff_max_amount, 0.0),
            "writeoffMaxRatio": min(max(company.ai_writeoff_max_percent, 0.0), 100.0) / 100.0,
            "exchangeGainAccountId": company.income_currency_exchange_account_id.id or None,
            "exchangeLossAccountId": company.expense_currency_exchange_account_id.id or None,
            # A line from or to one of these is a transfer between the company's own accounts (a fact).
            "ownBankAccounts": self._own_bank_accounts(company),
            "transferAccountId": company.transfer_account_id.id or None,
        }

    @api.model
    def _own_bank_accounts(self, company, limit=200):
        """The company's own bank account numbers: its bank journals' accounts and its partner's bank accounts."""
        journals = self.env["account.journal"].sudo().search([("company_id", "=", company.id), ("type", "=", "bank")])
        banks = journals.bank_account_id | company.partner_id.sudo().bank_ids
        return sorted({b.sanitized_acc_number for b in banks if b.sanitized_acc_number})[:limit]

    @api.model
    @api.model
    def _expense_accounts(self, company, limit=200):
        return self.env["account.account"].with_company(company).search([
            ("company_ids", "in", company.id),
            ("account_type", "in", ("expense", "expense_direct_cost")),
            ("deprecated", "=", False),
        ], order="code, id", limit=limit)

    def _prepare_line_values(self, st_line):
        return {
            "id": st_line.id,
            "date": fields.Date.to_string(st_line.date),
            "amount": st_line.amount_currency if st_line.foreign_currency_id else st_line.amount,
            "currency": (st_line.foreign_currency_id or st_line.currency_id).name,
            "amount_company": st_line.move_id.line_ids.filtered(
                lambda line: line.account_id == st_line.journal_id.default_account_id
            )[:1].balance
            if st_line.move_id
            else st_line.amount,
            "label": st_line.payment_ref,
            "ref": st_line.ref or st_line.narration and str(st_line.narration) or "",
            "partner_name": st_line.partner_name or "",
            "account_number": st_line.account_number or "",
            "partner_id": st_line.partner_id.id,
        }

    @api.model
    def _prepare_item_values(self, item):
        return {
            "id": item.id,
            "move_id": item.move_id.id,
            "move_name": item.move_id.name,
            "ref": item.move_id.ref or item.move_id.payment_reference or "",
            "partner_id": item.partner_id.id,
            "partner_name": item.partner_id.name or "",
            "date": fields.Date.to_string(item.date),
            "date_maturity": fields.Date.to_string(item.date_maturity) if item.date_maturity else None,
            "amount_residual": item.amount_residual,
            "amount_residual_currency": item.amount_residual_currency,
            "currency": item.currency_id.name,
            "account_type": item.account_type,
        }

    # ------------------------------------------------------------------ candidates

    @api.model
    def _open_items_domain(self, company):
        return [
            ("company_id", "=", company.id),
            ("parent_state", "=", "posted"),
            ("account_type", "in", ("asset_receivable", "liability_payable")),
            ("reconciled", "=", False),
            ("amount_residual", "!=", 0.0),
        ]

    @api.model
    def _partners_by_bank_account(self, st_lines):
        numbers = {re.sub(r"\W", "", n).upper() for n in st_lines.mapped("account_number") if n}
        if not numbers:
            return self.env["res.partner"]
        banks = self.env["res.partner.bank"].search(
            [("sanitized_acc_number", "in", list(numbers)), ("company_id", "in", (False, st_lines.company_id.id))]
        )
        return banks.partner_id

    @api.model
    def _gather_candidates(self, st_lines):
        """Open items that could explain the lines, found through three indexed, bounded routes: the partner (set on
        the line or known by its bank account), the amount (a window around each line's amount), and reference
        numbers printed in the label. One query per route for the whole batch, each bounded per line, so the cost
        grows with the number of lines, not with the size of the ledger."""
        company = st_lines.company_id
        self.env["account.move"].flush_model(["ref", "payment_reference"])
        self.env["account.move.line"].flush_model()
        accounts = self.env["account.account"].search([
            *self.env["account.account"]._check_company_domain(company),
            ("account_type", "in", ("asset_receivable", "liability_payable")),
        ])
        if not accounts:
            return self.env["account.move.line"]
        common = SQL(
            "aml.company_id = %s AND aml.parent_state = 'posted' AND aml.reconciled IS NOT TRUE "
            "AND aml.amount_residual <> 0 AND aml.account_id = ANY(%s)",
            company.id, accounts.ids,
        )
        partners = st_lines.partner_id | self._partners_by_bank_account(st_lines)
        ids = set(self._items_of_partners(common, partners.ids))

        fee_margin = company.ai_max_fee_amount or 0.0
        lows, highs, tokens, token_signs = [], [], [], []
        for st_line in st_lines:
            amount = abs(st_line.amount)
            if not amount:
                continue
            sign = 1 if st_line.amount > 0 else -1
            window = max(fee_margin, amount * 0.05, 1.0)
            low, high = max(amount - window, 0.000001), amount + window
            lows.append(low if sign > 0 else -high)
            highs.append(high if sign > 0 else -low)
            found = set(_REFERENCE_TOKEN.findall(" ".join(filter(None, [st_line.payment_ref, st_line.ref]))))
            for token in sorted(found, key=len, reverse=True)[:5]:
                token = token.lstrip("0") or token
                if len(token) >= 3:  # shorter runs (e.g. "20") match half the ledger
                    tokens.append(token)
                    token_signs.append(sign)
        if lows:
            self.env.cr.execute(SQL(
                """
                SELECT x.id
                  FROM unnest(%s::numeric[], %s::numeric[]) AS w(low, high)
          CROSS JOIN LATERAL (
                       SELECT aml.id FROM account_move_line aml
                        WHERE %s AND aml.amount_residual BETWEEN w.low AND w.high
                     ORDER BY aml.date_maturity, aml.id
                        LIMIT %s
                     ) x
                """,
                lows, highs, common, ITEMS_PER_AMOUNT_WINDOW,
            ))
            ids.update(row[0] for row in self.env.cr.fetchall())
        if tokens:
            # Tokens are digit runs (see _REFERENCE_TOKEN), so they hold no LIKE wildcard.
            self.env.cr.execute(SQL(
                """
                SELECT x.id
                  FROM unnest(%s::text[], %s::int[]) AS t(pattern, sign)
          CROSS JOIN LATERAL (
                       SELECT aml.id FROM account_move_line aml
                         JOIN account_move m ON m.id = aml.move_id
                        WHERE %s AND sign(aml.amount_residual) = t.sign
                          AND (aml.move_name ILIKE t.pattern OR m.ref ILIKE t.pattern
                               OR m.payment_reference ILIKE t.pattern)
                        LIMIT %s
                     ) x
                """,
                ["%" + token + "%" for token in tokens], token_signs, common, ITEMS_PER_REFERENCE,
            ))
            ids.update(row[0] for row in self.env.cr.fetchall())
        found = self.env["account.move.line"].browse(sorted(ids))
        # Items of the partners found by amount or reference: a payment for several invoices needs the siblings.
        siblings = found.partner_id - partners
        if siblings:
            found |= self.env["account.move.line"].browse(self._items_of_partners(common, siblings.ids))
        return found

    @api.model
    def _items_of_partners(self, common, partner_ids):
        if not partner_ids:
            return []
        self.env.cr.execute(SQL(
            """
            SELECT x.id
              FROM unnest(%s::int[]) AS p(id)
      CROSS JOIN LATERAL (
                   SELECT aml.id FROM account_move_line aml
                    WHERE %s AND aml.partner_id = p.id
                 ORDER BY aml.date_maturity, aml.id
                    LIMIT %s
                 ) x
            """,
            partner_ids, common, ITEMS_PER_PARTNER,
        ))
        return [row[0] for row in self.env.cr.fetchall()]

    # ------------------------------------------------------------------ history (what the engine learns from)

    @api.model
    def _gather_history(self, company, st_lines):
        """Past outcomes of this company's bank lines: how they were finally booked, in any screen, and which AI
        suggestions reviewers rejected. This lives in Odoo's database, so every endpoint replica sees the same."""
        since = fields.Date.subtract(fields.Date.context_today(self), days=HISTORY_DAYS)
        partners = st_lines.partner_id | self._partners_by_bank_account(st_lines)
        self.env["account.bank.statement.line"].flush_model()
        self.env["account.move.line"].flush_model()
        # One query for the whole history: each past line with what its counterpart side holds (Odoo's
        # _seek_for_lines, in SQL): the partner, the accounts that are neither receivable/payable nor tax, their taxes.
        self.env["account.move"].flush_model(["date"])
        self.env["account.journal"].flush_model(["default_account_id", "suspense_account_id"])
        self.env.cr.execute(
            SQL(
                """
                WITH past AS (
                    SELECT st.id, st.move_id, st.payment_ref, st.partner_name, st.account_number, st.amount,
                           st.partner_id, m.date, j.default_account_id, j.suspense_account_id
                      FROM account_bank_statement_line st
                      JOIN account_move m ON m.id = st.move_id
                      JOIN account_journal j ON j.id = st.journal_id
                     WHERE st.company_id = %(company)s
                       AND st.is_reconciled
                       AND m.date >= %(since)s
                       AND st.id NOT IN %(current)s
                  ORDER BY (st.partner_id = ANY(%(partners)s)) DESC NULLS LAST, m.date DESC, st.id DESC
                     LIMIT %(limit)s
                )
                SELECT past.id, past.payment_ref, past.partner_name, past.account_number, past.amount, past.date,
                       COALESCE(past.partner_id, (array_agg(aml.partner_id ORDER BY aml.id)
                                                  FILTER (WHERE aml.partner_id IS NOT NULL))[1]),
                       array_agg(DISTINCT aml.account_id)
                           FILTER (WHERE NOT acc.reconcile_side AND aml.tax_line_id IS NULL),
                       array_agg(DISTINCT rel.account_tax_id)
                           FILTER (WHERE NOT acc.reconcile_side AND aml.tax_line_id IS NULL
                                   AND rel.account_tax_id IS NOT NULL),
                       bool_or(acc.reconcile_side)
                  FROM past
                  JOIN account_move_line aml ON aml.move_id = past.move_id
                                            AND aml.account_id IS DISTINCT FROM past.default_account_id
                                            AND aml.account_id IS DISTINCT FROM past.suspense_account_id
                  JOIN LATERAL (SELECT a.account_type IN ('asset_receivable', 'liability_payable') AS reconcile_side
                                  FROM account_account a WHERE a.id = aml.account_id) acc ON TRUE
             LEFT JOIN account_move_line_account_tax_rel rel ON rel.account_move_line_id = aml.id
              GROUP BY past.id, past.payment_ref, past.partner_name, past.account_number, past.amount, past.date,
                       past.partner_id
              ORDER BY past.date DESC, past.id DESC
                """,
                company=company.id,
                since=since,
                current=tuple(st_lines.ids) or (0,),
                partners=partners.ids or [0],
                limit=HISTORY_LIMIT,
            )
        )
        entries, account_ids, partner_ids = [], set(), set()
        for (_id, label, partner_name, account_number, amount, date, partner_id, coded_accounts, tax_ids,
             has_open_item_side) in self.env.cr.fetchall():
            entry = {
                "label": label,
                "partner_name": partner_name,
                "account_number": account_number,
                "amount": amount,
                "date": fields.Date.to_string(date),
                "partner_id": partner_id,
            }
            # Coded: booked to one account (plus its tax lines), with no invoice or bill on the other side.
            if coded_accounts and len(coded_accounts) == 1 and not has_open_item_side:
                entry.update(outcome="coded", account_id=coded_accounts[0], tax_ids=tax_ids or [])
                account_ids.add(coded_accounts[0])
            else:
                entry["outcome"] = "reconciled"
            if partner_id:
                partner_ids.add(partner_id)
            entries.append(entry)
        accounts = self.env["account.account"].browse(sorted(account_ids))
        history_partners = self.env["res.partner"].browse(sorted(partner_ids))
        # sudo: the reviewers' past rejections are company knowledge the engine needs, whoever asks; the domain keeps
        # it to this company.
        rejected = self.env["ai.reconciliation.suggestion"].sudo().search(
            [("company_id", "=", company.id), ("decided_at", ">=", since), "|", ("state", "=", sm.REJECTED),
             "|", ("corrected_partner_id", "!=", False), ("corrected_account_id", "!=", False)],
            limit=HISTORY_LIMIT // 3,
            order="decided_at desc",
        )
        for suggestion in rejected:
            # A rejection refutes the suggestion; a correction refutes what the engine had proposed.
            corrected = suggestion.state != sm.REJECTED
            wrong_partner = suggestion.corrected_partner_id if corrected else suggestion.partner_id
            wrong_account = suggestion.corrected_account_id if corrected else suggestion.account_id
            if corrected and wrong_partner == suggestion.partner_id and wrong_account == suggestion.account_id:
                continue
            past = suggestion.statement_line_id
            entries.append(
                {
                    "label": past.payment_ref,
                    "partner_name": past.partner_name,
                    "account_number": past.account_number,
                    "amount": past.amount,
                    "date": fields.Date.to_string(past.date),
                    "outcome": "rejected",
                    "rejected_partner_id": wrong_partner.id,
                    "rejected_account_id": wrong_account.id,
                }
            )
            history_partners |= wrong_partner
        return {"entries": entries, "accounts": accounts, "partners": history_partners}
