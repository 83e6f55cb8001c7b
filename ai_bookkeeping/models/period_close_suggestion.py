import statistics

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError

from ..tools import state_machine as sm

ENGINE = "period_close"
ENGINE_VERSION = "1"


class AiSuggestion(models.Model):
    """The ``adjusting_entry`` kind: an accrual proposed by a period close for a recurring vendor bill that has not
    arrived. Applying posts the accrual at the period's end and its reversal on the first day of the next period;
    reverting cancels both."""

    _inherit = "ai.suggestion"

    adjusting_move_ids = fields.Many2many(
        "account.move", "ai_suggestion_adjusting_move_rel", "suggestion_id", "move_id", readonly=True, copy=False,
        string="Adjusting entries", help="The accrual and its reversal, once applied.")

    # ------------------------------------------------------------------ proposing

    @api.model
    def _adjusting_propose_accruals(self, close):
        company = close.company_id
        accrual_account = company.ai_close_accrual_account_id
        if not accrual_account:
            raise UserError(_("Choose the accrued liabilities account in Accounting settings (Period close) before "
                              "proposing accruals."))
        journal = company.ai_close_accrual_journal_id or self.env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "=", "general")], limit=1)
        if not journal:
            raise UserError(_("%(company)s has no miscellaneous journal for the accruals.", company=company.name))
        default_expense = self.env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "=", "purchase")], limit=1).default_account_id
        proposed = self.sudo().search([("kind", "=", "adjusting_entry"), ("res_model", "=", close._name),
                                       ("res_id", "=", close.id), ("state", "not in", (sm.REJECTED, sm.REVERTED))])
        taken = {s.proposed_values.get("partner_id") for s in proposed if isinstance(s.proposed_values, dict)}
        missing = [m for m in self.env["ai.period.close.checklist"]._missing_recurring_bills(close)
                   if m["partner_id"] not in taken]
        partners = self.env["res.partner"].browse([m["partner_id"] for m in missing])
        reversal_date = close._next_period_start()
        vals_list = []
        for item in missing:
            partner = partners.filtered(lambda p, pid=item["partner_id"]: p.id == pid)
            expense = self.env["account.account"].browse(item["account_id"]) if item["account_id"] else default_expense
            history = ", ".join("%s: %.2f" % pair for pair in zip(item["months"], item["amounts"], strict=True))
            amount = item["amount"]
            explanation = _(
                "%(vendor)s billed in each of the last %(count)s months (%(history)s) and has no bill dated "
                "%(start)s – %(end)s. Accrual: the median of those months, %(amount).2f, to %(expense)s against "
                "%(accrual)s, dated %(end)s and reversed on %(reversal)s.",
                vendor=partner.display_name, count=len(item["months"]), history=history,
                start=close.date_from, end=close.date_to, amount=amount, expense=expense.display_name,
                accrual=accrual_account.display_name, reversal=reversal_date)
            vals_list.append({
                "name": _("Accrual %(vendor)s %(end)s", vendor=partner.display_name, end=close.date_to),
                "kind": "adjusting_entry",
                "company_id": company.id,
                "res_model": close._name,
                "res_id": close.id,
                "confidence": min(1.0, 0.5 + 0.5 * len(item["months"]) / 6),
                "explanation": explanation,
                "reasons": [self.env._("%(month)s billed %(amount).2f", month=m, amount=a)
                            for m, a in zip(item["months"], item["amounts"], strict=True)],
                "engine_name": ENGINE,
                "engine_version": ENGINE_VERSION,
                "proposed_values": {
                    "type": "accrual",
                    "amount": amount,
                    "date": fields.Date.to_string(close.date_to),
                    "reversal_date": fields.Date.to_string(reversal_date),
                    "journal_id": journal.id,
                    "partner_id": partner.id,
                    "expense_account_id": expense.id,
                    "accrual_account_id": accrual_account.id,
                    "computation": "median(%s) = %.2f" % (", ".join("%.2f" % a for a in item["amounts"]),
                                                          statistics.median(item["amounts"])),
                    "months": item["months"],
                    "amounts": item["amounts"],
                },
            })
        # sudo: suggestions are written by the system, as the engine's answers are; people then decide on them.
        created = self.sudo().create(vals_list).sudo(False)
        close.invalidate_recordset(["adjusting_suggestion_ids"])
        return created

    # ------------------------------------------------------------------ hooks of the kind

    def _adjusting_close(self):
        return self.env["ai.period.close"].browse(self.res_id) if self.res_model == "ai.period.close" else None

    def _check_applicable_adjusting_entry(self):
        for suggestion in self:
            values = suggestion.proposed_values or {}
            close = suggestion._adjusting_close()
            if not close or not close.exists():
                raise UserError(_("%(name)s: its period close no longer exists.", name=suggestion.name))
            if close.state == "locked":
                raise UserError(_("%(name)s: %(close)s is locked.", name=suggestion.name, close=close.name))
            if values.get("type") == "accrual" and self.env["account.move"].search_count([
                ("company_id", "=", close.company_id.id), ("move_type", "=", "in_invoice"),
                ("partner_id", "=", values.get("partner_id")), ("state", "in", ("draft", "posted")),
                ("date", ">=", close.date_from), ("date", "<=", close.date_to),
            ], limit=1):
                raise UserError(_("%(name)s: the vendor's bill for the period has arrived meanwhile; no accrual "
                                  "is needed.", name=suggestion.name))

    def _apply_adjusting_entry(self):
        for suggestion in self:
            values = suggestion.proposed_values
            label = suggestion.name
            amount = values["amount"]
            move = self.env["account.move"].create({
                "move_type": "entry",
                "company_id": suggestion.company_id.id,
                "journal_id": values["journal_id"],
                "date": values["date"],
                "ref": label,
                "line_ids": [
                    Command.create({"account_id": values["expense_account_id"], "partner_id": values["partner_id"],
                                    "name": label, "debit": amount, "credit": 0.0}),
                    Command.create({"account_id": values["accrual_account_id"], "partner_id": values["partner_id"],
                                    "name": label, "debit": 0.0, "credit": amount}),
                ],
            })
            move.action_post()
            reversal = move._reverse_moves([{
                "date": values["reversal_date"],
                "ref": _("Reversal of %(label)s", label=label),
            }])
            reversal.action_post()
            suggestion.write({"adjusting_move_ids": [Command.set((move | reversal).ids)], "state": sm.APPLIED,
                              "applied_at": fields.Datetime.now()})

    def _revert_adjusting_entry(self):
        for suggestion in self:
            moves = suggestion.adjusting_move_ids
            moves.filtered(lambda m: m.state == "posted").button_draft()
            moves.button_cancel()

    def _ai_generated_moves_adjusting_entry(self):
        return self.adjusting_move_ids
