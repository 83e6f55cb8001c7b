import base64

from odoo import _, api, fields, models, tools
from odoo.tools import SQL

from ..tools import collection_rules as cr
from ..tools import xlsx_table

#: The date the aging is computed at: set for the transaction by every read of the view (Odoo's today, so that a
#: frozen clock in tests and an "as of" date in the context both hold), CURRENT_DATE when unset.
AGING_DATE_SETTING = "ai_bookkeeping.aging_date"


class AiCollectionAging(models.Model):
    """Aged receivables: one row per open receivable item (posted, unreconciled) with its days overdue, its bucket
    (the company's bounds) and its residual in the bucket's column, so that grouping by customer and currency gives
    the aging table and opening a group drills down to the invoices. A PostgreSQL view over account_move_line."""

    _name = "ai.collection.aging"
    _description = "Aged receivables"
    _auto = False
    _order = "partner_id, date_maturity, id"
    _rec_name = "move_id"

    move_line_id = fields.Many2one("account.move.line", readonly=True)
    move_id = fields.Many2one("account.move", string="Invoice", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    company_currency_id = fields.Many2one("res.currency", readonly=True)
    currency_id = fields.Many2one("res.currency", string="Currency", readonly=True)
    date = fields.Date(readonly=True)
    date_maturity = fields.Date(string="Due date", readonly=True)
    days_overdue = fields.Integer(readonly=True, aggregator="max")
    bucket = fields.Selection([(key, label) for key, label in cr.bucket_labels().items()], readonly=True)
    amount_residual_currency = fields.Monetary(string="Open (currency)", currency_field="currency_id", readonly=True)
    amount_residual = fields.Monetary(string="Open", currency_field="company_currency_id", readonly=True)
    amount_not_due = fields.Monetary(string="Not due", currency_field="company_currency_id", readonly=True)
    amount_b1 = fields.Monetary(string="1–30", currency_field="company_currency_id", readonly=True)
    amount_b2 = fields.Monetary(string="31–60", currency_field="company_currency_id", readonly=True)
    amount_b3 = fields.Monetary(string="61–90", currency_field="company_currency_id", readonly=True)
    amount_b4 = fields.Monetary(string="> 90", currency_field="company_currency_id", readonly=True)
    disputed = fields.Boolean(readonly=True)
    level_id = fields.Many2one("ai.collection.level", string="Dunning level", readonly=True)
    predicted_date = fields.Date(string="Predicted payment", readonly=True)
    early_warning = fields.Boolean(string="Predicted late", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        day = SQL("COALESCE(NULLIF(current_setting(%s, true), '')::date, CURRENT_DATE)", AGING_DATE_SETTING)
        overdue = SQL("(%s - COALESCE(aml.date_maturity, aml.date))", day)
        bucket = SQL("""CASE WHEN %(o)s <= 0 THEN 'not_due' WHEN %(o)s <= c.ai_collection_bucket_1 THEN 'b1'
                             WHEN %(o)s <= c.ai_collection_bucket_2 THEN 'b2'
                             WHEN %(o)s <= c.ai_collection_bucket_3 THEN 'b3' ELSE 'b4' END""", o=overdue)
        columns = SQL(", ").join(
            SQL("CASE WHEN %s = %s THEN aml.amount_residual ELSE 0 END AS %s", bucket, key,
                SQL.identifier("amount_" + key))
            for key in cr.BUCKETS)
        self.env.cr.execute(SQL("""
            CREATE OR REPLACE VIEW %(table)s AS (
                SELECT aml.id, aml.id AS move_line_id, aml.move_id, aml.partner_id, aml.company_id,
                       aml.company_currency_id, aml.currency_id, aml.date, aml.date_maturity,
                       %(overdue)s AS days_overdue, %(bucket)s AS bucket,
                       aml.amount_residual_currency, aml.amount_residual, %(columns)s,
                       COALESCE(m.ai_collection_dispute, false) AS disputed,
                       m.ai_collection_level_id AS level_id,
                       m.ai_collection_predicted_date AS predicted_date,
                       COALESCE(m.ai_collection_early_warning, false) AS early_warning
                  FROM account_move_line aml
                  JOIN account_move m ON m.id = aml.move_id
                  JOIN res_company c ON c.id = aml.company_id
                  JOIN account_account a ON a.id = aml.account_id
                 WHERE a.account_type = 'asset_receivable' AND aml.parent_state = 'posted'
                   AND NOT aml.reconciled AND aml.amount_residual != 0
            )""", table=SQL.identifier(self._table), overdue=overdue, bucket=bucket, columns=columns))

    def _set_aging_date(self):
        # The view reads these tables directly: pending ORM writes must reach them first.
        for model in ("account.move.line", "account.move", "res.company"):
            self.env[model].flush_model()
        day = self.env.context.get("ai_aging_date") or fields.Date.context_today(self)
        self.env.cr.execute(SQL("SELECT set_config(%s, %s, true)", AGING_DATE_SETTING, fields.Date.to_string(day)))

    def _search(self, domain, offset=0, limit=None, order=None):
        self._set_aging_date()
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _fetch_query(self, query, fields):
        self._set_aging_date()
        return super()._fetch_query(query, fields)

    @api.model
    def _aging_table(self, domain=None):
        """The aging table of the current company, one grouped query: {"bounds", "labels", "date", "company",
        "rows": [{partner, currency, not_due, b1..b4, total (company currency), total_currency (the invoices'
        currency), count}], "totals": the same per currency}."""
        company = self.env.company
        bounds = company._ai_collection_bounds()
        aggregates = ["amount_%s:sum" % key for key in cr.BUCKETS] + [
            "amount_residual:sum", "amount_residual_currency:sum", "__count"]
        groups = self._read_group(
            list(domain or []) + [("company_id", "=", company.id)], ["partner_id", "currency_id"], aggregates,
            order="partner_id, currency_id")
        rows, totals = [], {}
        keys = (*cr.BUCKETS, "total", "total_currency", "count")
        for partner, currency, *values in groups:
            row = dict(zip(keys, values, strict=True), partner=partner, currency=currency)
            rows.append(row)
            total = totals.setdefault(currency.id, dict.fromkeys(keys, 0.0) | {"currency": currency})
            for key in keys:
                total[key] += row[key]
        return {"bounds": bounds, "labels": cr.bucket_labels(bounds), "rows": rows, "totals": list(totals.values()),
                "date": self.env.context.get("ai_aging_date") or fields.Date.context_today(self),
                "company": company, "company_currency": company.currency_id}

    @api.model
    def _aging_xlsx(self, domain=None):
        """The aging table as XLSX bytes (tools/xlsx_table.py): one sheet per table, totals per currency in bold."""
        table = self._aging_table(domain)
        labels = table["labels"]
        columns = [{"label": _("Customer")}, {"label": _("Currency")}] + [
            {"label": labels[key], "kind": "amount"} for key in cr.BUCKETS] + [
            {"label": _("Total (%(currency)s)", currency=table["company_currency"].name), "kind": "amount"},
            {"label": _("Total (invoice currency)"), "kind": "amount"}, {"label": _("Items"), "kind": "integer"}]

        def line(row, name):
            return [name, row["currency"].name] + [row[key] for key in cr.BUCKETS] + [
                row["total"], row["total_currency"], row["count"]]

        rows = [line(row, row["partner"].display_name or "—") for row in table["rows"]]
        total_label = _("Total")
        rows += [line(row, total_label) + [{"bold": True}] for row in table["totals"]]
        return xlsx_table.tables_to_xlsx([{
            "name": _("Aged receivables"),
            "title": _("Aged receivables of %(company)s as of %(date)s", company=table["company"].name,
                       date=table["date"]),
            "columns": columns, "rows": rows}])

    @api.model
    def action_export_xlsx(self):
        """Download the aging table as XLSX (an attachment the user can read, opened by URL)."""
        content = self._aging_xlsx()
        attachment = self.env["ir.attachment"].create({
            "name": "aged_receivables_%s.xlsx" % fields.Date.context_today(self),
            "datas": base64.b64encode(content),
            "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "res_model": "res.company", "res_id": self.env.company.id,
        })
        return {"type": "ir.actions.act_url", "url": "/web/content/%d?download=true" % attachment.id,
                "target": "self"}

    @api.model
    def action_print_pdf(self):
        return self.env.ref("ai_bookkeeping.action_report_collection_aging").report_action(self.env.company)
