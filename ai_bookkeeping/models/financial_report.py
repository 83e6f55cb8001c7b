import calendar
import logging
from datetime import date, timedelta

from babel.dates import format_date

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL
from odoo.tools import format_date as odoo_format_date

from ..tools import financial_report_facts as frf
from ..tools import financial_report_figures as figures
from ..tools import financial_report_narrative as frn

_logger = logging.getLogger(__name__)

REPORT = "ai_bookkeeping.financial_report_pdf"
SOURCES = [("offline", "Offline writer"), ("llm", "LLM, checked")]


def _month(day):
    return "%04d-%02d" % (day.year, day.month)


def _month_start(month):
    return date(int(month[:4]), int(month[5:7]), 1)


def _month_end(month):
    year, number = int(month[:4]), int(month[5:7])
    return date(year, number, calendar.monthrange(year, number)[1])


class AiFinancialReport(models.Model):
    """One generated set of reports (profit and loss, balance sheet, cash flow) for a company and a period of whole
    months, with the comparisons, the facts and the narrative. Figures: tools/financial_report_figures; facts and
    drivers: tools/financial_report_facts; text: tools/financial_report_narrative."""

    _name = "ai.financial.report"
    _description = "Financial report"
    _inherit = ["mail.thread"]
    _order = "date_to desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(required=True)
    date_to = fields.Date(required=True)
    include_draft = fields.Boolean(string="Include draft entries",
                                   help="Draft entries count in the figures and are marked where they do.")
    analytic_account_ids = fields.Many2many("account.analytic.account", string="Analytic filter",
                                            help="Only journal items tagged with one of these analytic accounts.")
    figures = fields.Json(readonly=True, copy=False)
    analysis = fields.Json(readonly=True, copy=False)
    narrative = fields.Json(readonly=True, copy=False)
    narrative_text = fields.Text(readonly=True, copy=False)
    narrative_source = fields.Selection(SOURCES, readonly=True, copy=False)
    llm_note = fields.Text(string="LLM rephrasing", readonly=True, copy=False,
                           help="Why the LLM's text was kept or rejected.")
    generated_at = fields.Datetime(readonly=True, copy=False)

    _sql_constraints = [("period_order", "CHECK(date_from <= date_to)", "The period must end after it starts.")]

    @api.depends("date_from", "date_to", "company_id")
    def _compute_name(self):
        for report in self:
            report.name = _("Financial report %(start)s – %(end)s", start=report.date_from, end=report.date_to) \
                if report.date_from and report.date_to else _("New financial report")

    @api.constrains("date_from", "date_to")
    def _check_whole_months(self):
        for report in self:
            if report.date_from.day != 1 or report.date_to != _month_end(_month(report.date_to)):
                raise ValidationError(_("A financial report covers whole months: from the first of a month to the "
                                        "last day of a month."))

    # ------------------------------------------------------------------ period

    def _period(self):
        self.ensure_one()
        return (_month(self.date_from), _month(self.date_to))

    def _columns(self):
        period = self._period()
        return [("current", period), ("previous", figures.previous_period(period)),
                ("last_year", figures.same_period_last_year(period))]

    def _states(self):
        return ("posted", "draft") if self.include_draft else ("posted",)

    def _base_domain(self):
        self.ensure_one()
        domain = [("company_id", "=", self.company_id.id), ("parent_state", "in", self._states()),
                  ("display_type", "not in", ("line_section", "line_note"))]
        if self.analytic_account_ids:
            domain.append(("analytic_distribution", "in", self.analytic_account_ids.ids))
        return domain

    # ------------------------------------------------------------------ reading the ledger

    def _share_sql(self):
        """The factor of a journal item's balance that counts: 1 without analytic filter; with it, the share of the
        filtered analytic account(s) in the item's ``analytic_distribution`` ({"<id>[,<id>…]": percent}), each key
        counted once even when it names several filtered accounts (of different plans)."""
        if not self.analytic_account_ids:
            return SQL("1.0")
        return SQL("""(SELECT COALESCE(SUM(d.value::numeric), 0) / 100.0
                         FROM jsonb_each_text(account_move_line.analytic_distribution) d
                        WHERE string_to_array(d.key, ',')::int[] && %s::int[])""",
                   list(self.analytic_account_ids.ids))

    def _analytic_share(self, line):
        """Percent of ``line``'s balance that counts in this report (100 without analytic filter)."""
        if not self.analytic_account_ids:
            return 100.0
        ids = set(self.analytic_account_ids.ids)
        return sum(float(percent) for key, percent in (line.analytic_distribution or {}).items()
                   if ids & {int(part) for part in str(key).split(",") if part.strip().isdigit()})

    def _grouped_balances(self, domain, columns):
        """``(column values…, month, balance)`` tuples: journal items of ``domain`` summed by the
        account.move.line ``columns`` and month, each item at its share (``_share_sql``)."""
        lines = self.env["account.move.line"].with_company(self.company_id)
        self.env.flush_all()  # raw SQL below: the ORM's pending writes (a posting, a distribution) first
        query = lines._search(domain)
        selected = SQL(", ").join(SQL.identifier("account_move_line", column) for column in columns)
        self.env.cr.execute(SQL(
            """
            SELECT %s, date_trunc('month', account_move_line.date)::date,
                   SUM(account_move_line.balance * %s)
              FROM %s
             WHERE %s
             GROUP BY %s
            """, selected, self._share_sql(), query.from_clause, query.where_clause or SQL("TRUE"),
            SQL(", ").join(SQL(str(index + 1)) for index in range(len(columns) + 1))))
        return [row[:-1] + (float(row[-1] or 0.0),) for row in self.env.cr.fetchall()]

    def _ledger_rows(self):
        """Sums of journal items by account, month and state, every month up to the end of the period (with an
        analytic filter, each item at the filtered accounts' share)."""
        self.ensure_one()
        groups = self._grouped_balances(self._base_domain() + [("date", "<=", self.date_to)],
                                        ["account_id", "parent_state"])
        accounts = self.env["account.account"].with_company(self.company_id).browse({g[0] for g in groups})
        accounts = {account.id: account for account in accounts}
        rows = []
        for account_id, state, month, balance in groups:
            account = accounts[account_id]
            rows.append({"account_id": account.id, "code": account.code or "", "name": account.name or "",
                         "account_type": account.account_type, "month": _month(month), "balance": balance,
                         "draft": balance if state == "draft" else 0.0})
        return rows

    def _dimension_rows(self):
        """Sums of profit-and-loss journal items by partner, product and analytic account and month, over the
        period and the one before it (the drivers of the change)."""
        self.ensure_one()
        previous = figures.previous_period(self._period())
        start = _month_start(previous[0])
        domain = self._base_domain() + [("date", ">=", start), ("date", "<=", self.date_to),
                                        ("account_id.account_type", "in", list(figures.PNL_TYPES))]
        lines = self.env["account.move.line"].with_company(self.company_id)
        # One scan for partners and products together, summed per dimension here.
        sums = {}
        names = {}
        groups = self._grouped_balances(domain, ["partner_id", "product_id", "account_id"])
        records = {"partner": self.env["res.partner"].browse({g[0] for g in groups if g[0]}),
                   "product": self.env["product.product"].browse({g[1] for g in groups if g[1]})}
        records = {dimension: {r.id: r for r in found} for dimension, found in records.items()}
        account_types = {a.id: a.account_type for a in self.env["account.account"].browse({g[2] for g in groups})}
        for partner_id, product_id, account_id, month, balance in groups:
            for dimension, record_id in (("partner", partner_id), ("product", product_id)):
                if not record_id:
                    continue
                key = (dimension, record_id, account_types[account_id], _month(month))
                sums[key] = sums.get(key, 0.0) + balance
                names[(dimension, record_id)] = records[dimension][record_id]
        rows = [{"dimension": dimension, "key": record_id, "name": names[(dimension, record_id)].display_name,
                 "account_type": account_type, "month": month, "balance": balance}
                for (dimension, record_id, account_type, month), balance in sums.items()]
        # Analytic: each line counts for its analytic accounts at their share of the distribution.
        query = lines._search(domain)
        self.env.cr.execute(SQL(
            """
            SELECT dist.analytic_id, acc.account_type, date_trunc('month', account_move_line.date)::date,
                   SUM(account_move_line.balance * dist.share / 100.0)
              FROM %s
              JOIN account_account acc ON acc.id = account_move_line.account_id
             CROSS JOIN LATERAL (
                   SELECT (regexp_matches(d.key, '\\d+', 'g'))[1]::int AS analytic_id, d.value::numeric AS share
                     FROM jsonb_each_text(account_move_line.analytic_distribution) d) dist
             WHERE %s AND account_move_line.analytic_distribution IS NOT NULL
             GROUP BY 1, 2, 3
            """, query.from_clause, query.where_clause or SQL("TRUE")))
        analytic_rows = self.env.cr.fetchall()
        names = {a.id: a.display_name for a in self.env["account.analytic.account"].browse(
            {r[0] for r in analytic_rows}).exists()}
        for analytic_id, account_type, month, balance in analytic_rows:
            if analytic_id in names:
                rows.append({"dimension": "analytic", "key": analytic_id, "name": names[analytic_id],
                             "account_type": account_type, "month": _month(month), "balance": float(balance)})
        return rows

    def _budget(self):
        self.ensure_one()
        lines = self.env["financial.report.budget.line"].search([
            ("company_id", "=", self.company_id.id), ("month", ">=", self.date_from), ("month", "<=", self.date_to)])
        if not lines:
            return None
        budget = {}
        for line in lines:
            budget.setdefault(line.account_id.id, {})
            month = _month(line.month)
            budget[line.account_id.id][month] = budget[line.account_id.id].get(month, 0.0) + line.amount
        return budget

    def _findings(self):
        """Anomalies on the period's entries and accruals of the period's close, for links from the narrative."""
        self.ensure_one()
        suggestions = self.env["ai.suggestion"]
        if not suggestions.has_access("read"):
            return []
        findings = []
        anomalies = suggestions.search([
            ("kind", "=", "anomaly"), ("company_id", "=", self.company_id.id),
            ("anomaly_move_id.date", ">=", self.date_from), ("anomaly_move_id.date", "<=", self.date_to)], limit=200)
        for anomaly in anomalies:
            findings.append({"model": "ai.suggestion", "id": anomaly.id, "name": anomaly.name, "kind": "anomaly",
                             "partner_id": anomaly.anomaly_partner_id.id or None,
                             "account_ids": anomaly.anomaly_move_id.line_ids.account_id.ids})
        closes = self.env["ai.period.close"].search([
            ("company_id", "=", self.company_id.id), ("date_from", "<=", self.date_to),
            ("date_to", ">=", self.date_from)])
        for accrual in closes.adjusting_suggestion_ids:
            values = accrual.proposed_values or {}
            findings.append({"model": "ai.suggestion", "id": accrual.id, "name": accrual.name, "kind": "accrual",
                             "partner_id": values.get("partner_id"),
                             "account_ids": [values["expense_account_id"]] if values.get("expense_account_id")
                             else []})
        return findings

    # ------------------------------------------------------------------ generation

    def _locale(self):
        lang = self.env["res.lang"]._lang_get(self.env.lang or "en_US")
        currency = self.company_id.currency_id
        return {"decimal_point": lang.decimal_point if lang else ".",
                "thousands_sep": lang.thousands_sep if lang else ",",
                "currency_symbol": currency.symbol or "", "currency_code": currency.name or "",
                "currency_position": currency.position or "after"}

    def _labels(self):
        locale = (self.env.lang or "en_US")
        period = format_date(self.date_from, "MMMM y", locale=locale)
        if self.date_from.month != self.date_to.month or self.date_from.year != self.date_to.year:
            period = "%s – %s" % (period, format_date(self.date_to, "MMMM y", locale=locale))
        return {"period": period, "date": format_date(self.date_to, "d MMMM y", locale=locale)}

    def _settings(self):
        company = self.company_id
        return {"amount": company.ai_report_materiality_amount, "percent": company.ai_report_materiality_percent}

    def action_generate(self):
        """Compute the figures, the facts and the narrative (offline; then the LLM's rephrasing, kept only when
        the checker accepts it)."""
        for report in self:
            report._generate()
        return True

    def _generate(self):
        self.ensure_one()
        rows = self._ledger_rows()
        period = self._period()
        report = figures.build_report(rows, period, self._columns(),
                                      first_month_of_year=int(self.company_id.fiscalyear_last_month) % 12 + 1,
                                      budget=self._budget(), translate=self.env._)
        report["seasonal"] = frf.seasonal_patterns(rows, period)
        dimensions = self._dimension_rows() + frf.account_dimension_rows(rows, figures.previous_period(period)[0])
        analysis = frf.build_facts(report, dimensions, self._settings(), self._labels(),
                                   self._findings())
        locale = self._locale()
        narrative = frn.write_narrative(analysis, translate=self.env._, locale=locale)
        text = frn.narrative_text(narrative)
        problems = frn.check_narrative(text, analysis["facts"], locale)
        if problems:  # our own templates must pass; a translation that breaks a number would show here
            _logger.warning("offline narrative of %s fails its own check: %s", self.name, problems)
        values = {"figures": report, "analysis": analysis, "narrative": narrative, "narrative_text": text,
                  "narrative_source": "offline", "llm_note": False, "generated_at": fields.Datetime.now()}
        values.update(self._llm_rephrase(text, analysis, locale))
        self.write(values)

    def _llm_rephrase(self, text, analysis, locale):
        """The LLM's rephrasing of ``text`` through the endpoint, when this database has an LLM: kept when every
        number in it is a fact in its sense and it names every driver; otherwise the offline text stays and
        ``llm_note`` says why."""
        endpoint = self.env["ai.endpoint"]
        llm = endpoint._get_request_llm()
        if not llm or not self.env["ai.llm.usage"]._llm_allowed(self.company_id):
            return {}
        facts = analysis["facts"]
        try:
            reply = endpoint._rephrase_financial_report({
                "language": self.env.lang or "en_US",
                "text": text,
                "locale": {"decimalPoint": locale["decimal_point"], "thousandsSep": locale["thousands_sep"]},
                "facts": [{"id": f["id"], "value": f["value"], "unit": f["unit"], "sense": f["sense"]}
                          for f in facts.values()],
                "llm": llm,
            })
        except UserError as exc:
            return {"llm_note": _("The LLM was not asked: %(error)s", error=exc)}
        self.env["ai.llm.usage"]._record_reply_usage(self.company_id, reply)
        candidate = reply.get("text") if isinstance(reply.get("text"), str) else ""
        if not candidate.strip():
            return {"llm_note": _("The LLM gave no text (%(reason)s): the offline text is kept.",
                                  reason=reply.get("reason") or _("no reason given"))}
        # Odoo's checker decides, whatever the endpoint's own first check said (its problems are logged too).
        problems = frn.check_narrative(candidate, facts, locale)
        if not reply.get("rephrased") and not problems:
            problems = [str(p) for p in reply.get("problems") or []][:20] or [str(reply.get("reason") or "")]
        missing = [name for name in frn.required_names(analysis) if name not in candidate]
        if missing:
            problems.append(_("It leaves out %(names)s.", names=", ".join(missing)))
        if problems:
            _logger.info("LLM narrative of %s rejected: %s", self.name, problems)
            return {"llm_note": _("The LLM's text was rejected, the offline text is kept: %(problems)s\n"
                                  "Rejected text: %(text)s", problems=" ".join(problems), text=candidate[:4000])}
        return {"narrative_text": candidate, "narrative_source": "llm",
                "llm_note": _("The LLM's text passed the check: every number is a fact.")}

    # ------------------------------------------------------------------ drill-down and views

    def _row(self, report_key, row_key):
        self.ensure_one()
        rows = (self.figures or {}).get(report_key) or []
        row = next((r for r in rows if r["key"] == row_key), None)
        if row is None:
            raise UserError(_("This figure is not in the report any more: generate it again."))
        return row

    def _drill_domain(self, report_key, row_key, column_key):
        row = self._row(report_key, row_key)
        column = next(c for c in self.figures["columns"] if c["key"] == (
            "current" if column_key == "budget" else column_key))
        first, last = _month_start(column["first"]), _month_end(column["last"])
        scope = row["drill"]["scope"]
        domain = self._base_domain() + [("account_id", "in", row["drill"]["account_ids"])]
        if scope == "period":
            domain += [("date", ">=", first), ("date", "<=", last)]
        elif scope == "opening":
            domain += [("date", "<", first)]
        elif scope == "fiscal_year":
            fy_start = figures.fiscal_year_start(column["last"],
                                                 int(self.company_id.fiscalyear_last_month) % 12 + 1)
            domain += [("date", ">=", _month_start(fy_start)), ("date", "<=", last)]
        elif scope == "before_fiscal_year":
            fy_start = figures.fiscal_year_start(column["last"],
                                                 int(self.company_id.fiscalyear_last_month) % 12 + 1)
            domain += [("date", "<", _month_start(fy_start))]
        else:
            domain += [("date", "<=", last)]
        return domain

    def action_drill_down(self, report_key, row_key, column_key="current"):
        """The journal items behind one figure."""
        self.ensure_one()
        row = self._row(report_key, row_key)
        return {
            "type": "ir.actions.act_window",
            "name": _("Journal items: %(figure)s (the figure counts each item's share of the analytic filter)",
                      figure=row["label"]) if self.analytic_account_ids
            else _("Journal items: %(figure)s", figure=row["label"]),
            "res_model": "account.move.line",
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": self._drill_domain(report_key, row_key, column_key),
            "context": {"search_default_group_by_account": 1, "create": False},
        }

    @api.model
    def get_view_data(self, report_id=None, options=None):
        """For the client action: the report ``report_id`` (or a new one for ``options``: ``{"date_from",
        "date_to", "include_draft", "analytic_account_ids"}``, default last month), generated if needed."""
        options = options or {}
        if report_id:
            report = self.browse(report_id).exists()
            report.check_access("read")
        else:
            today = fields.Date.context_today(self)
            last = today.replace(day=1) - timedelta(days=1)
            date_from = fields.Date.to_date(options.get("date_from")) or last.replace(day=1)
            date_to = fields.Date.to_date(options.get("date_to")) or last
            values = {"company_id": self.env.company.id, "date_from": date_from.replace(day=1),
                      "date_to": _month_end(_month(date_to)), "include_draft": bool(options.get("include_draft"))}
            analytic_ids = sorted(options.get("analytic_account_ids") or [])
            # The same report asked again is generated again (the books may have changed), not stored twice.
            report = self.search([(k, "=", v) for k, v in values.items()] + [("create_uid", "=", self.env.uid)],
                                 limit=1, order="id desc")
            if report and sorted(report.analytic_account_ids.ids) == analytic_ids:
                report._generate()
            else:
                report = self.create(dict(values, analytic_account_ids=[(6, 0, analytic_ids)]))
        if not report.figures:
            report._generate()
        return report._view_data()

    def _column_labels(self, report_key):
        """``[{"key", "label"}]`` of the comparison columns of ``report_key`` (and the budget when there is one):
        periods for the profit and loss and the cash flow; dates for the balance sheet, a position at a date."""
        self.ensure_one()
        figures_ = self.figures or {}
        labels = {"current": _("This period"), "previous": _("Previous period"),
                  "last_year": _("Same period last year"), "budget": _("Budget")}
        columns = []
        for column in figures_.get("columns", []):
            label = labels[column["key"]]
            if report_key == "balance_sheet":
                label = _("At %(date)s", date=odoo_format_date(self.env, _month_end(column["last"])))
            columns.append({"key": column["key"], "label": label})
        if figures_.get("budget_column"):
            columns.append({"key": "budget", "label": labels["budget"]})
        return columns

    def _view_data(self):
        self.ensure_one()
        labels = {"current": _("This period"), "previous": _("Previous period"),
                  "last_year": _("Same period last year"), "budget": _("Budget")}
        return {
            "id": self.id, "name": self.name, "company": self.company_id.name, "currency_id": self.currency_id.id,
            "currency": {"symbol": self.currency_id.symbol, "position": self.currency_id.position,
                         "digits": self.currency_id.decimal_places},
            "date_from": fields.Date.to_string(self.date_from), "date_to": fields.Date.to_string(self.date_to),
            "include_draft": self.include_draft,
            "columns": [dict(c, label=labels[c["key"]]) for c in self.figures["columns"]]
            + ([{"key": "budget", "label": labels["budget"]}] if self.figures.get("budget_column") else []),
            "balance_sheet_columns": [c for c in self._column_labels("balance_sheet") if c["key"] != "budget"],
            "reports": {key: self.figures[key] for key in ("pnl", "balance_sheet", "cash_flow")},
            "trend": self.figures["trend"], "checks": self.figures["checks"],
            "narrative": self.narrative, "narrative_text": self.narrative_text,
            "narrative_source": self.narrative_source, "llm_note": self.llm_note or "",
        }
