import pytz

from odoo import fields, models
from odoo.tools import SQL

from .anomaly_detection import RECENT_PER_VENDOR


class AiAnomalyDetection(models.AbstractModel):
    """Payments without a journal entry. Odoo 18 gives a payment its ``account.move`` only when it is confirmed: a
    draft payment has none (the money has not left yet — the moment to catch a second payment of one bill). With an
    accounting app that keeps payments *in process* (``_get_invoice_in_payment_state`` = ``in_payment``), a payment
    whose method line has no outstanding account never gets one: it is matched to the bank line directly. The
    detection reads these payments on their own watermark (anomaly_detection.py, SOURCES) as ``payment`` items, and
    lists them in the vendors' history, so that a bill paid by two of them, or by one of them and a booked payment
    or bank line, is found. Cancelled and rejected payments are left out."""

    _inherit = "ai.anomaly.detection"

    def _payment_item_of(self, payment, tz):
        """The detection item of a payment that has no journal entry (no lines, no moveId)."""
        bank = payment.partner_bank_id
        created = pytz.utc.localize(payment.create_date).astimezone(tz).strftime("%Y-%m-%dT%H:%M:%S")
        return {
            "model": "account.payment", "id": payment.id, "kind": "payment",
            "name": (payment.name if payment.name and payment.name != "/" else "")[:256],
            "reference": (payment.memo or "")[:512],
            "partnerId": payment.partner_id.commercial_partner_id.id or None,
            "partnerName": (payment.partner_id.commercial_partner_id.name or "")[:256],
            "journalId": payment.journal_id.id,
            "date": fields.Date.to_string(payment.date),
            "createdAt": created,
            "userId": payment.create_uid.id or None,
            "amount": abs(payment.amount_company_currency_signed),
            "direction": 1 if payment.payment_type == "inbound" else -1,
            "paidMoveIds": sorted(payment.invoice_ids.ids),
            "bankAccountId": bank.id or None,
            "bankAccountChangedAt": fields.Date.to_string(bank.write_date.date()) if bank else None,
            "lines": [],
        }

    def _moveless_payment_history(self, company, partner_ids, since):
        """{partner id: [past entries]} of the vendors' payments without a journal entry since ``since``, with the
        invoices each names (``invoice_ids``): one query."""
        self.env["account.payment"].flush_model()
        self.env.cr.execute(SQL(
            """
            SELECT partner_id, id, date, amount, memo, name, journal_id,
                   ARRAY(SELECT rel.invoice_id FROM account_move__account_payment rel
                          WHERE rel.payment_id = recent.id ORDER BY 1)
              FROM (SELECT partner.commercial_partner_id AS partner_id, pay.id, pay.date,
                           ABS(pay.amount_company_currency_signed) AS amount, COALESCE(pay.memo, '') AS memo,
                           COALESCE(pay.name, '') AS name, pay.journal_id,
                           ROW_NUMBER() OVER (PARTITION BY partner.commercial_partner_id
                                              ORDER BY pay.date DESC, pay.id DESC) AS rank
                      FROM account_payment pay
                      JOIN res_partner partner ON partner.id = pay.partner_id
                     WHERE pay.company_id = %(company)s AND pay.move_id IS NULL
                       AND pay.state NOT IN ('canceled', 'rejected') AND pay.date >= %(since)s
                       AND partner.commercial_partner_id = ANY(%(partners)s)) recent
             WHERE rank <= %(limit)s
            """, company=company.id, since=since, partners=partner_ids, limit=RECENT_PER_VENDOR))
        found = {}
        for partner_id, payment_id, date, amount, memo, name, journal_id, invoices in self.env.cr.fetchall():
            found.setdefault(partner_id, []).append({
                "model": "account.payment", "id": payment_id, "date": fields.Date.to_string(date),
                "amount": float(amount or 0.0), "reference": memo[:512], "name": name[:256], "kind": "payment",
                "paidMoveIds": list(invoices or []), "journalId": journal_id})
        return found
