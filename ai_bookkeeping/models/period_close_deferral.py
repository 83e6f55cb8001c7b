from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..tools import period_close_deferral as deferral
from ..tools import state_machine as sm
from .period_close_suggestion import ENGINE, ENGINE_VERSION


class AiSuggestion(models.Model):
    """Deferrals proposed by a period close (``adjusting_entry`` of type ``deferral``): a posted vendor bill of the
    period whose line pays for a service running past the period's end — from the line's service dates, else from
    its label ("Hosting 01.01.2026 – 31.12.2026", "Support Jan–Jun 2026") — is spread equally over the service's
    months (tools/period_close_deferral.py). The share of the months after the period is moved to the prepaid
    expenses account on the bill's date, and released to the line's expense account on the last day of each later
    month. Applying posts them all (Odoo Community has no deferral engine); reverting cancels them."""

    _inherit = "ai.suggestion"

    @api.model
    def _adjusting_deferral_candidates(self, close):
        """[(line, start, end)] of the period's posted vendor bill lines whose service period runs past it."""
        lines = self.env["account.move.line"].search([
            ("company_id", "=", close.company_id.id), ("move_id.move_type", "in", ("in_invoice", "in_refund")),
            ("parent_state", "=", "posted"), ("display_type", "=", "product"),
            ("date", ">=", close.date_from), ("date", "<=", close.date_to),
            ("account_id.account_type", "in", ("expense", "expense_direct_cost")),
        ])
        found = []
        for line in lines:
            if line.ai_service_start_date and line.ai_service_end_date:
                start, end = line.ai_service_start_date, line.ai_service_end_date
            else:
                period = deferral.service_period(line.name) or deferral.service_period(line.move_id.ref)
                if not period:
                    continue
                start, end = period
            if (end.year, end.month) > (close.date_to.year, close.date_to.month):
                found.append((line, start, end))
        return found

    @api.model
    def _adjusting_propose_deferrals(self, close):
        """Propose a deferral for each candidate line not proposed before for this close; returns them."""
        company = close.company_id
        candidates = self._adjusting_deferral_candidates(close)
        if not candidates:
            return self.browse()
        prepaid = company.ai_close_prepaid_account_id
        if not prepaid:
            raise UserError(_("Choose the prepaid expenses account in Accounting settings (Period close) before "
                              "proposing deferrals."))
        journal = company.ai_close_accrual_journal_id or self.env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "=", "general")], limit=1)
        if not journal:
            raise UserError(_("%(company)s has no miscellaneous journal for the deferrals.", company=company.name))
        proposed = self.sudo().search([("kind", "=", "adjusting_entry"), ("res_model", "=", close._name),
                                       ("res_id", "=", close.id), ("state", "not in", (sm.REJECTED, sm.REVERTED))])
        taken = {(s.proposed_values or {}).get("move_line_id") for s in proposed}
        vals_list = []
        for line, start, end in candidates:
            if line.id in taken:
                continue
            result = deferral.spread(line.balance, start, end, close.date_to)
            if not result or company.currency_id.is_zero(result["deferred"]):
                continue
            vals_list.append(self._adjusting_deferral_vals(close, line, start, end, result, prepaid, journal))
        # sudo: suggestions are written by the system, as the engine's answers are; people then decide on them.
        created = self.sudo().create(vals_list).sudo(False) if vals_list else self.browse()
        close.invalidate_recordset(["adjusting_suggestion_ids"])
        return created

    @api.model
    def _adjusting_deferral_vals(self, close, line, start, end, result, prepaid, journal):
        bill, expense, partner = line.move_id, line.account_id, line.partner_id.id or False
        label = _("Deferral %(bill)s: %(line)s", bill=bill.name, line=(line.name or "")[:60])

        def pair(date, amount, debit_account, credit_account, ref):
            # A refund's negative amount swaps the sides.
            debit, credit = (debit_account, credit_account) if amount > 0 else (credit_account, debit_account)
            return {"date": fields.Date.to_string(date), "ref": ref, "journal_id": journal.id, "lines": [
                {"account_id": debit.id, "partner_id": partner, "name": ref, "debit": abs(amount), "credit": 0.0},
                {"account_id": credit.id, "partner_id": partner, "name": ref, "debit": 0.0, "credit": abs(amount)},
            ]}

        entries = [pair(bill.date, result["deferred"], prepaid, expense, label)]
        entries += [pair(day, share, expense, prepaid, self.env._("%(label)s — release %(month)s", label=label,
                                                                     month=fields.Date.to_string(day)[:7]))
                    for day, share in result["releases"]]
        months = len(result["months"])
        explanation = _(
            "%(bill)s (%(vendor)s) pays %(amount).2f for a service from %(start)s to %(end)s: %(months)s months of "
            "%(share).2f. %(kept).2f belongs up to %(period_end)s; %(deferred).2f is moved to %(prepaid)s on "
            "%(date)s and released to %(expense)s at the end of each of the %(count)s following months.",
            bill=bill.name, vendor=bill.partner_id.display_name, amount=line.balance, start=start, end=end,
            months=months, share=line.balance / months, kept=result["kept"], period_end=close.date_to,
            deferred=result["deferred"], prepaid=prepaid.display_name, date=bill.date, expense=expense.display_name,
            count=len(result["releases"]))
        return {
            "name": label,
            "kind": "adjusting_entry",
            "company_id": close.company_id.id,
            "res_model": close._name,
            "res_id": close.id,
            "confidence": 0.9 if line.ai_service_start_date else 0.75,
            "explanation": explanation,
            "reasons": [_("service period %(start)s – %(end)s (%(origin)s)", start=start, end=end,
                          origin=_("service dates") if line.ai_service_start_date else _("read from the label"))],
            "engine_name": ENGINE,
            "engine_version": ENGINE_VERSION,
            "proposed_values": {
                "type": "deferral",
                "amount": result["deferred"],
                "bill_id": bill.id,
                "move_line_id": line.id,
                "service_start": fields.Date.to_string(start),
                "service_end": fields.Date.to_string(end),
                "computation": "%.2f / %d months = %s; kept %.2f, deferred %.2f" % (
                    line.balance, months, ", ".join("%s: %.2f" % pair for pair in result["months"]),
                    result["kept"], result["deferred"]),
                "entries": entries,
            },
        }
