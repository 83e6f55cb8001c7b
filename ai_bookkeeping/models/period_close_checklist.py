from odoo import _, api, models
from odoo.tools import SQL

from ..tools import period_close_recurring as recurring

BILL_TYPES = ("in_invoice", "in_refund", "in_receipt")


class AiPeriodCloseChecklist(models.AbstractModel):
    """The registry of a period close's checklist items, and the providers that compute them live.

    An item is a definition in ``_item_definitions`` (code, label, order, whether it blocks the lock by default)
    and a provider method ``_item_<code>(close)`` returning {count, amount, res_model, domain}: what is left to do,
    the money at stake (company currency) and the records to open. Every provider runs one or two aggregate
    queries (``_aggregate``, ``_read_group``), never a load of the ledger. A workflow or bridge add-on adds its
    items with ``_inherit = "ai.period.close.checklist"``: extend ``_item_definitions`` (call super) and define its
    provider; an item of a workflow that is not installed simply does not exist.
    """

    _name = "ai.period.close.checklist"
    _description = "Period close checklist (item registry)"

    @api.model
    def _item_definitions(self):
        """[{code, name, sequence, blocking}] — ``blocking`` is the default, each company may change it."""
        return [
            {"code": "draft_entries", "name": _("Draft journal entries and invoices dated in the period"),
             "sequence": 10, "blocking": True},
            {"code": "draft_bills", "name": _("Draft vendor bills dated in the period"),
             "sequence": 20, "blocking": True},
            {"code": "unreconciled_statement_lines",
             "name": _("Bank transactions not reconciled (up to the period end)"),
             "sequence": 30, "blocking": True},
            {"code": "suspense_balance", "name": _("Balance left on the bank suspense accounts"),
             "sequence": 40, "blocking": True},
            {"code": "outstanding_balance", "name": _("Open items on the outstanding receipts/payments accounts"),
             "sequence": 50, "blocking": False},
            {"code": "pending_reconciliation_suggestions", "name": _("Pending AI reconciliation suggestions"),
             "sequence": 60, "blocking": False},
            {"code": "pending_suggestions", "name": _("Other pending AI suggestions"),
             "sequence": 70, "blocking": False},
            {"code": "sequence_gaps", "name": _("Gaps in the entries' numbering"),
             "sequence": 80, "blocking": False},
            {"code": "missing_recurring_bills", "name": _("Recurring vendor bills expected but missing"),
             "sequence": 90, "blocking": False},
            {"code": "adjusting_entries", "name": _("Proposed adjusting entries awaiting a decision"),
             "sequence": 100, "blocking": False},
            {"code": "unrealised_fx", "name": _("Unrealised exchange differences on open foreign-currency items"),
             "sequence": 95, "blocking": False},
            {"code": "tax_period_open", "name": _("Tax report period not closed (tax lock date before the period end)"),
             "sequence": 110, "blocking": False},
        ]

    @api.model
    def _definition(self, code):
        return next((d for d in self._item_definitions() if d["code"] == code), None)

    @api.model
    def _compute_items(self, close, codes=None):
        """{code: {count, amount, res_model, domain}} for the close's items (all, or ``codes``)."""
        close.ensure_one()
        checklist = self.with_company(close.company_id)
        results = {}
        for definition in self._item_definitions():
            code = definition["code"]
            if codes is not None and code not in codes:
                continue
            provider = getattr(checklist, "_item_%s" % code, None)
            if provider:
                results[code] = provider(close)
        return results

    # ------------------------------------------------------------------ helpers

    @api.model
    def _aggregate(self, model, domain, amount_sql, sudo=False):
        """(count, sum of ``amount_sql``) over the records of ``model`` matching ``domain``, access rules applied
        (unless ``sudo``), in one query. ``amount_sql(alias)`` gives the SQL of the amount of one row."""
        records = self.env[model].sudo() if sudo else self.env[model]
        query = records._search(domain)
        self.env.cr.execute(query.select(SQL("COUNT(*)"), SQL("COALESCE(SUM(%s), 0)", amount_sql(records._table))))
        count, amount = self.env.cr.fetchone()
        return count, float(amount)

    @staticmethod
    def _result(count, amount, res_model, domain):
        return {"count": count, "amount": amount, "res_model": res_model, "domain": domain}

    @staticmethod
    def _period_domain(close, field="date"):
        return [(field, ">=", close.date_from), (field, "<=", close.date_to)]

    # ------------------------------------------------------------------ providers

    @api.model
    def _item_draft_entries(self, close):
        domain = [("company_id", "=", close.company_id.id), ("state", "=", "draft"),
                  ("move_type", "not in", BILL_TYPES), *self._period_domain(close)]
        count, amount = self._aggregate(
            "account.move", domain, lambda t: SQL("ABS(%s)", SQL.identifier(t, "amount_total_signed")))
        return self._result(count, amount, "account.move", domain)

    @api.model
    def _item_draft_bills(self, close):
        domain = [("company_id", "=", close.company_id.id), ("state", "=", "draft"),
                  ("move_type", "in", BILL_TYPES), *self._period_domain(close)]
        count, amount = self._aggregate(
            "account.move", domain, lambda t: SQL("ABS(%s)", SQL.identifier(t, "amount_total_signed")))
        return self._result(count, amount, "account.move", domain)

    @api.model
    def _item_unreconciled_statement_lines(self, close):
        # Up to the period end, as Odoo's own lock check (res.company._get_unreconciled_statement_lines_domain).
        domain = [("company_id", "=", close.company_id.id), ("is_reconciled", "=", False),
                  ("date", "<=", close.date_to), ("state", "in", ("draft", "posted"))]
        count, amount = self._aggregate(
            "account.bank.statement.line", domain, lambda t: SQL("ABS(%s)", SQL.identifier(t, "amount")))
        return self._result(count, amount, "account.bank.statement.line", domain)

    @api.model
    def _suspense_accounts(self, company):
        journals = self.env["account.journal"].search([("company_id", "=", company.id),
                                                        ("type", "in", ("bank", "cash", "credit"))])
        return journals.suspense_account_id | company.account_journal_suspense_account_id

    @api.model
    def _outstanding_accounts(self, company):
        journals = self.env["account.journal"].search([("company_id", "=", company.id),
                                                        ("type", "in", ("bank", "cash", "credit"))])
        # Where account.payment._get_outstanding_account finds them when a method line names none.
        chart = self.env["account.chart.template"].with_context(allowed_company_ids=company.root_id.ids)
        accounts = self.env["account.account"]
        for ref in ("account_journal_payment_debit_account_id", "account_journal_payment_credit_account_id"):
            accounts |= chart.ref(ref, raise_if_not_found=False) or self.env["account.account"]
        for journal in journals:
            accounts |= journal._get_journal_inbound_outstanding_payment_accounts()
            accounts |= journal._get_journal_outbound_outstanding_payment_accounts()
        return accounts - self._suspense_accounts(company)

    @api.model
    def _item_suspense_balance(self, close):
        accounts = self._suspense_accounts(close.company_id)
        domain = [("company_id", "=", close.company_id.id), ("account_id", "in", accounts.ids),
                  ("parent_state", "=", "posted"), ("date", "<=", close.date_to), ("balance", "!=", 0)]
        count, amount = self._aggregate(
            "account.move.line", domain, lambda t: SQL.identifier(t, "balance"))
        if close.company_id.currency_id.is_zero(amount):
            count = 0  # lines that net out leave nothing on the account
        return self._result(count, amount, "account.move.line", domain)

    @api.model
    def _item_outstanding_balance(self, close):
        accounts = self._outstanding_accounts(close.company_id)
        domain = [("company_id", "=", close.company_id.id), ("account_id", "in", accounts.ids),
                  ("parent_state", "=", "posted"), ("date", "<=", close.date_to), ("reconciled", "=", False),
                  ("amount_residual", "!=", 0)]
        count, amount = self._aggregate(
            "account.move.line", domain, lambda t: SQL.identifier(t, "amount_residual"))
        return self._result(count, amount, "account.move.line", domain)

    @api.model
    def _item_pending_reconciliation_suggestions(self, close):
        domain = [("company_id", "=", close.company_id.id), ("state", "=", "pending"),
                  ("statement_line_id.date", "<=", close.date_to)]
        # sudo: how many AI suggestions are pending is part of the close, for accountants without an AI role too
        # (the domain keeps to the close's company); opening them needs the AI Bookkeeping reader role.
        count, amount = self._aggregate(
            "ai.reconciliation.suggestion", domain, lambda t: SQL("0"), sudo=True)
        if count:
            lines = self.env["account.bank.statement.line"].sudo()._search(
                [("company_id", "=", close.company_id.id), ("date", "<=", close.date_to),
                 ("ai_suggestion_ids.state", "=", "pending")])
            self.env.cr.execute(lines.select(SQL("COALESCE(SUM(ABS(%s)), 0)",
                                                 SQL.identifier("account_bank_statement_line", "amount"))))
            amount = float(self.env.cr.fetchone()[0])
        return self._result(count, amount, "ai.reconciliation.suggestion", domain)

    @api.model
    def _kinds_with_own_item(self):
        """Kinds of ai.suggestion that a workflow counts in an item of its own (anomaly_period_close.py…): the
        "other pending suggestions" item leaves them out, so nothing is counted twice."""
        return []

    @api.model
    def _item_pending_suggestions(self, close):
        # Every undecided suggestion of the company, whatever its kind: a suggestion has no accounting date of its
        # own (its target may be a bill, a partner, a report). The close's own proposals are their own item, and so
        # are the kinds of workflows that list theirs (_kinds_with_own_item).
        domain = [("company_id", "=", close.company_id.id), ("state", "=", "pending"),
                  ("kind", "not in", self._kinds_with_own_item()),
                  "!", "&", ("res_model", "=", close._name), ("res_id", "=", close.id)]
        count, _amount = self._aggregate("ai.suggestion", domain, lambda t: SQL("0"), sudo=True)  # sudo: as above
        return self._result(count, 0.0, "ai.suggestion", domain)

    @api.model
    def _item_sequence_gaps(self, close):
        domain = [("company_id", "=", close.company_id.id), ("state", "=", "posted"),
                  ("made_sequence_gap", "=", True), *self._period_domain(close)]
        count, amount = self._aggregate(
            "account.move", domain, lambda t: SQL("ABS(%s)", SQL.identifier(t, "amount_total_signed")))
        return self._result(count, amount, "account.move", domain)

    @api.model
    def _item_missing_recurring_bills(self, close):
        missing = self._missing_recurring_bills(close)
        partner_ids = [item["partner_id"] for item in missing]
        domain = [("company_id", "=", close.company_id.id), ("move_type", "=", "in_invoice"),
                  ("state", "=", "posted"), ("partner_id", "in", partner_ids),
                  ("date", ">=", recurring.lookback_start(close.date_from)), ("date", "<", close.date_from)]
        return self._result(len(missing), sum(item["amount"] for item in missing), "account.move", domain)

    @api.model
    def _item_adjusting_entries(self, close):
        domain = [("company_id", "=", close.company_id.id), ("kind", "=", "adjusting_entry"),
                  ("res_model", "=", close._name), ("res_id", "=", close.id), ("state", "=", "pending")]
        # sudo: as above; a close has a handful of proposals, their amounts are read from the rows.
        suggestions = self.env["ai.suggestion"].sudo().search(domain)
        count = len(suggestions)
        amount = sum(abs((s.proposed_values or {}).get("amount") or 0.0) for s in suggestions)
        return self._result(count, amount, "ai.suggestion", domain)

    @api.model
    def _item_unrealised_fx(self, close):
        """Open foreign-currency items whose value at the period-end rate differs from their booked value, until
        the close's revaluation is applied (then nothing is left: the amount is what it booked)."""
        applied = self.env["ai.suggestion"].sudo().search([  # sudo: as the other suggestion items
            ("kind", "=", "adjusting_entry"), ("res_model", "=", close._name), ("res_id", "=", close.id),
            ("state", "=", "applied")]).filtered(lambda s: (s.proposed_values or {}).get("type") == "fx_revaluation")
        domain = self._open_foreign_items_domain(close)
        if applied:
            return self._result(0, sum(s.proposed_values.get("amount") or 0.0 for s in applied),
                                "account.move.line", domain)
        groups = [g for g in self._unrealised_fx(close) if g["difference"]]
        return self._result(sum(g["count"] for g in groups), sum(g["difference"] for g in groups),
                            "account.move.line", domain)

    @api.model
    def _item_tax_period_open(self, close):
        """Community has no tax closing entry: the tax period is closed when the company's tax lock date reaches the
        period end. Until then the item is open (count 1) with the period's net tax, what the posted tax lines of the
        period leave to pay (credit minus debit; negative when tax is to be recovered)."""
        company = close.company_id
        domain = [("company_id", "=", company.id), ("parent_state", "=", "posted"), ("tax_line_id", "!=", False),
                  *self._period_domain(close)]
        if company.tax_lock_date and company.tax_lock_date >= close.date_to:
            return self._result(0, 0.0, "account.move.line", domain)
        _count, balance = self._aggregate("account.move.line", domain, lambda t: SQL.identifier(t, "balance"))
        return self._result(1, -balance, "account.move.line", domain)

    @api.model
    def _open_foreign_items_domain(self, close):
        company = close.company_id
        return [("company_id", "=", company.id), ("parent_state", "=", "posted"), ("date", "<=", close.date_to),
                ("account_id.reconcile", "=", True), ("reconciled", "=", False),
                ("currency_id", "!=", company.currency_id.id), ("amount_residual_currency", "!=", 0)]

    @api.model
    def _unrealised_fx(self, close):
        """[{account_id, partner_id, currency_id, count, residual_currency, residual, rate, revalued, difference}]
        of the open foreign-currency items (still open now, dated up to the period end), per account, partner and
        currency: one grouped query, then each group converted at the period-end rate."""
        company = close.company_id
        groups = self.env["account.move.line"]._read_group(
            self._open_foreign_items_domain(close), ["account_id", "partner_id", "currency_id"],
            ["__count", "amount_residual_currency:sum", "amount_residual:sum"])
        rows = []
        for account, partner, currency, count, residual_currency, residual in groups:
            revalued = currency._convert(residual_currency, company.currency_id, company, close.date_to, round=True)
            difference = company.currency_id.round(revalued - residual)
            rows.append({
                "account_id": account.id, "partner_id": partner.id or False, "currency_id": currency.id,
                "currency": currency.name, "count": count, "residual_currency": residual_currency,
                "residual": residual, "revalued": revalued,
                "rate": currency._get_conversion_rate(currency, company.currency_id, company, close.date_to),
                "difference": 0.0 if company.currency_id.is_zero(difference) else difference,
            })
        return rows

    # ------------------------------------------------------------------ recurring bills

    @api.model
    def _missing_recurring_bills(self, close):
        """tools.period_close_recurring over the vendors' bills of the look-back months: two grouped queries."""
        company = close.company_id
        start = recurring.lookback_start(close.date_from)
        base = [("company_id", "=", company.id), ("move_type", "=", "in_invoice"), ("partner_id", "!=", False)]
        totals = self.env["account.move"]._read_group(
            base + [("state", "=", "posted"), ("date", ">=", start), ("date", "<", close.date_from)],
            ["partner_id", "date:month"], ["amount_untaxed_signed:sum"])
        accounts = self.env["account.move.line"]._read_group(
            [("company_id", "=", company.id), ("move_id.move_type", "=", "in_invoice"),
             ("parent_state", "=", "posted"), ("display_type", "=", "product"), ("partner_id", "!=", False),
             ("date", ">=", start), ("date", "<", close.date_from)],
            ["partner_id", "date:month", "account_id"], ["balance:sum"])
        main_account = {}
        for partner, month, account, balance in accounts:
            key = (partner.id, recurring.month_key(month))
            if key not in main_account or balance > main_account[key][1]:
                main_account[key] = (account.id, balance)
        history = [
            {"partner_id": partner.id, "month": recurring.month_key(month), "amount": -amount,
             "account_id": main_account.get((partner.id, recurring.month_key(month)), (None,))[0]}
            for partner, month, amount in totals
        ]
        billed = self.env["account.move"]._read_group(
            base + [("state", "in", ("draft", "posted")), *self._period_domain(close)], ["partner_id"])
        return recurring.expected_missing_bills(history, close.date_from, {partner.id for (partner,) in billed})
