from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..tools import state_machine as sm
from .period_close_suggestion import ENGINE, ENGINE_VERSION


class AiSuggestion(models.Model):
    """The unrealised exchange difference of a period (``adjusting_entry`` of type ``fx_revaluation``): every open
    receivable/payable (reconcilable) item in a foreign currency is valued at the period-end rate; the difference
    with its booked value is posted on its account and partner against the company's exchange gain or loss account,
    dated the period's end, and reversed on the first day of the next period (reconciled with it), as an accountant
    revalues at month end. One proposal per close, with the computation per account, partner and currency."""

    _inherit = "ai.suggestion"

    @api.model
    def _adjusting_propose_fx_revaluation(self, close):
        company = close.company_id
        proposed = self.sudo().search([("kind", "=", "adjusting_entry"), ("res_model", "=", close._name),
                                       ("res_id", "=", close.id), ("state", "not in", (sm.REJECTED, sm.REVERTED))])
        if any((s.proposed_values or {}).get("type") == "fx_revaluation" for s in proposed):
            return self.browse()  # one revaluation per close; rejected or reverted, it can be proposed again
        groups = [g for g in self.env["ai.period.close.checklist"]._unrealised_fx(close) if g["difference"]]
        if not groups:
            return self.browse()
        gain, loss = company.income_currency_exchange_account_id, company.expense_currency_exchange_account_id
        if not gain or not loss:
            raise UserError(_("Set the exchange gain and loss accounts of %(company)s (Accounting settings, "
                              "Default accounts) before proposing the revaluation.", company=company.name))
        journal = company.currency_exchange_journal_id or company.ai_close_accrual_journal_id or \
            self.env["account.journal"].search([("company_id", "=", company.id), ("type", "=", "general")], limit=1)
        label = _("Unrealised exchange differences %(end)s", end=close.date_to)
        lines, computation = [], []
        accounts = self.env["account.account"].browse([g["account_id"] for g in groups])
        partners = self.env["res.partner"].browse([g["partner_id"] for g in groups if g["partner_id"]])
        for group in groups:
            difference = group["difference"]
            lines.append({"account_id": group["account_id"], "partner_id": group["partner_id"], "name": label,
                          "debit": max(difference, 0.0), "credit": max(-difference, 0.0)})
            account = accounts.filtered(lambda a, i=group["account_id"]: a.id == i)
            partner = partners.filtered(lambda p, i=group["partner_id"]: p.id == i)
            computation.append(_(
                "%(account)s %(partner)s: %(items)s items, %(open).2f %(currency)s open, booked %(booked).2f, at "
                "%(rate).6f = %(revalued).2f: %(difference)+.2f", account=account.display_name,
                partner=partner.display_name or "", items=group["count"], open=group["residual_currency"],
                currency=group["currency"], booked=group["residual"], rate=group["rate"],
                revalued=group["revalued"], difference=difference))
        gains = sum(g["difference"] for g in groups if g["difference"] > 0)
        losses = -sum(g["difference"] for g in groups if g["difference"] < 0)
        if gains:
            lines.append({"account_id": gain.id, "name": label, "debit": 0.0, "credit": gains})
        if losses:
            lines.append({"account_id": loss.id, "name": label, "debit": losses, "credit": 0.0})
        net = company.currency_id.round(gains - losses)
        reversal = close._next_period_start()
        vals = {
            "name": label,
            "kind": "adjusting_entry",
            "company_id": company.id,
            "res_model": close._name,
            "res_id": close.id,
            "confidence": 0.95,
            "explanation": _(
                "%(count)s open foreign-currency items valued at the rates of %(end)s: %(gains).2f gain, "
                "%(losses).2f loss (net %(net).2f), posted on %(end)s and reversed on %(reversal)s.",
                count=sum(g["count"] for g in groups), end=close.date_to, gains=gains, losses=losses, net=net,
                reversal=reversal),
            "reasons": computation,
            "engine_name": ENGINE,
            "engine_version": ENGINE_VERSION,
            "proposed_values": {
                "type": "fx_revaluation",
                "amount": net,
                "reversal_date": fields.Date.to_string(reversal),
                "computation": "\n".join(computation),
                "groups": groups,
                "entries": [{"date": fields.Date.to_string(close.date_to), "ref": label, "journal_id": journal.id,
                             "lines": lines}],
            },
        }
        # sudo: suggestions are written by the system, as the engine's answers are; people then decide on them.
        created = self.sudo().create(vals).sudo(False)
        close.invalidate_recordset(["adjusting_suggestion_ids"])
        return created
