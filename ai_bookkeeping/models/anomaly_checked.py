from odoo import api, fields, models
from odoo.tools import SQL, create_index


class AiAnomalyChecked(models.Model):
    """Which version of a record the anomaly detection has checked, kept only for the overlap window.

    ``write_date`` is the start of the transaction that wrote a record, not its commit: a transaction that commits
    after a run stamps its entries before that run's watermark, and a (write_date, id) cursor alone would never read
    them. Each run therefore also reads the records stamped within ``OVERLAP_MINUTES`` before the watermark that are
    not listed here with that same stamp (models/anomaly_detection.py, ``_next_batch``). Rows older than the window
    are purged at the end of a run, so the table stays as small as the window's traffic. Nobody edits it."""

    _name = "ai.anomaly.checked"
    _description = "Record checked by the anomaly detection (overlap window)"
    _log_access = False

    company_id = fields.Many2one("res.company", required=True, ondelete="cascade")
    res_model = fields.Char(required=True)
    res_id = fields.Integer(required=True)
    stamp = fields.Datetime(required=True, help="The record's write_date when it was checked.")

    def init(self):
        create_index(self.env.cr, "ai_anomaly_checked_record_index", self._table, ["res_model", "res_id", "stamp"])
        create_index(self.env.cr, "ai_anomaly_checked_purge_index", self._table, ["company_id", "res_model", "stamp"])
        # the detection's cursor over its sources, (write_date, id) after the watermark (anomaly_detection.py,
        # _next_batch): without it every batch sorts the whole table to find the next entries
        create_index(self.env.cr, "ai_anomaly_account_move_cursor_index", "account_move", ["write_date", "id"])
        create_index(self.env.cr, "ai_anomaly_account_payment_cursor_index", "account_payment", ["write_date", "id"])

    @api.model
    def _record(self, company, records):
        """Note ``records`` (one model) as checked at their current write_date."""
        if not records:
            return
        records.flush_recordset(["write_date"])
        table = SQL.identifier(records._table)
        self.env.cr.execute(SQL(
            "DELETE FROM ai_anomaly_checked WHERE res_model = %s AND res_id = ANY(%s)", records._name, records.ids))
        self.env.cr.execute(SQL(
            """
            INSERT INTO ai_anomaly_checked (company_id, res_model, res_id, stamp)
            SELECT %s, %s, r.id, r.write_date FROM %s r WHERE r.id = ANY(%s)
            """, company.id, records._name, table, records.ids))

    @api.model
    def _not_checked_clause(self, model, table):
        """SQL condition on ``table`` (the records of ``model``): this version of the record was not checked."""
        return SQL(
            "NOT EXISTS (SELECT 1 FROM ai_anomaly_checked c WHERE c.res_model = %s AND c.res_id = %s AND c.stamp = %s)",
            model, SQL.identifier(table, "id"), SQL.identifier(table, "write_date"))

    @api.model
    def _purge(self, company, model, before):
        """Forget what was checked before ``before`` (the watermark minus the window): no run reads it again."""
        self.env.cr.execute(SQL(
            "DELETE FROM ai_anomaly_checked WHERE company_id = %s AND res_model = %s AND stamp < %s",
            company.id, model, before))
