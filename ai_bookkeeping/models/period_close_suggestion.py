import statistics

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError

from ..tools import state_machine as sm

ENGINE = "period_close"
ENGINE_VERSION = "1"


class AiSuggestion(models.Model):
    """The ``adjusting_entry`` kind: the entries a period close proposes — an accrual for a recurring vendor bill
    that has not arrived (here), a deferral of a bill covering several months (period_close_deferral.py), the
    unrealised exchange difference on open foreign-currency items (period_close_fx.py), and whatever a bridge
    add-on contributes through ``_adjusting_propose_unbilled_revenue``. Applying posts the entries (``_adjusting
    _entries``) and, where the proposal has a reversal date, their reversal on it; reverting cancels them all."""

    _inherit = "ai.suggestion"

    adjusting_type = fields.Selection(
        [("accrual", "Accrual"), ("deferral", "Deferral"), ("fx_revaluation", "Exchange revaluation"),
         ("unbilled_revenue", "Unbilled revenue"), ("other", "Other")], compute="_compute_adjusting_type",
        string="Adjustment")
    adjusting_move_ids = fields.Many2many(
        "account.move", "ai_suggestion_adjusting_move_rel", "suggestion_id", "move_id", readonly=True, copy=False,
        string="Adjusting entries", help="The accrual and its reversal, once applied.")

    @api.depends("proposed_values", "kind")
    def _compute_adjusting_type(self):
        known = dict(self._fields["adjusting_type"].selection)
        for suggestion in self:
            kind = (suggestion.proposed_values or {}).get("type") if suggestion.kind == "adjusting_entry" else None
            suggestion.adjusting_type = (kind if kind in known else "other") if kind else False

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

    @api.model
    def _adjusting_propose_unbilled_revenue(self, close):
        """Extension point for the Sales bridge (ai_bookkeeping_sale): propose accrued revenue for what was
        delivered in ``close``'s period and not invoiced. The core has no sales orders and proposes nothing.

        An override calls super, then creates one suggestion per proposal (sudo, as the close's proposals are) with
        the values of ``_adjusting_proposal_vals(close, "unbilled_revenue", …)`` — its ``entries`` the accrual
        (e.g. debit accrued revenue, credit the product's income account, dated the period's end) and
        ``reversal_date`` the next period's first day — and returns them. Approving, reverting, the checklist's
        "adjusting entries" item and the close pack then need nothing more. A bridge's own checklist item
        (delivered not invoiced) goes in ai.period.close.checklist, as period_close_checklist.py explains."""
        return self.browse()

    @api.model
    def _adjusting_proposal_vals(self, close, proposal_type, name, amount, entries, explanation, reversal=True,
                                 confidence=0.8, computation="", **extra):
        """The ai.suggestion values of an adjusting entry proposed for ``close``: ``entries`` as
        ``_adjusting_entries`` reads them; with ``reversal``, reversed on the first day of the next period."""
        values = dict(extra, type=proposal_type, amount=amount, entries=entries, computation=computation)
        if reversal:
            values["reversal_date"] = fields.Date.to_string(close._next_period_start())
        return {
            "name": name, "kind": "adjusting_entry", "company_id": close.company_id.id,
            "res_model": close._name, "res_id": close.id, "confidence": confidence,
            "explanation": explanation, "engine_name": ENGINE, "engine_version": ENGINE_VERSION,
            "proposed_values": values,
        }

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
            bill = self.env["account.move"].browse(values.get("bill_id") or []).exists()
            if values.get("type") == "deferral" and bill.state != "posted":
                raise UserError(_("%(name)s: the bill is no longer posted; nothing to defer.", name=suggestion.name))

    def _adjusting_entries(self):
        """The entries a proposal posts, as account.move values: an accrual from its own keys; every other type
        (deferral, fx_revaluation, a bridge's unbilled_revenue…) lists them in ``proposed_values["entries"]``:
        [{date, ref, journal_id, partner_id?, lines: [{account_id, partner_id?, name, debit, credit}]}]."""
        self.ensure_one()
        values = self.proposed_values
        if values.get("type") == "accrual":
            amount, partner = values["amount"], values["partner_id"]
            entries = [{"date": values["date"], "ref": self.name, "journal_id": values["journal_id"], "lines": [
                {"account_id": values["expense_account_id"], "partner_id": partner, "name": self.name,
                 "debit": amount, "credit": 0.0},
                {"account_id": values["accrual_account_id"], "partner_id": partner, "name": self.name,
                 "debit": 0.0, "credit": amount},
            ]}]
        else:
            entries = values.get("entries") or []
        return [{
            "move_type": "entry", "company_id": self.company_id.id, "journal_id": entry["journal_id"],
            "date": entry["date"], "ref": entry.get("ref") or self.name,
            "line_ids": [Command.create({
                "account_id": line["account_id"], "partner_id": line.get("partner_id") or False,
                "name": line.get("name") or self.name, "debit": line.get("debit", 0.0),
                "credit": line.get("credit", 0.0)}) for line in entry["lines"]],
        } for entry in entries]

    def _apply_adjusting_entry(self):
        """Post the proposal's entries; with a ``reversal_date`` (accruals, revaluations, unbilled revenue), each
        is reversed on that day (reconciled with it where its accounts are reconcilable)."""
        for suggestion in self:
            values = suggestion.proposed_values
            moves = self.env["account.move"].create(suggestion._adjusting_entries())
            moves.action_post()
            reversals = self.env["account.move"]
            if values.get("reversal_date"):
                reversals = moves._reverse_moves([{
                    "date": values["reversal_date"], "ref": self.env._("Reversal of %(label)s", label=move.ref),
                } for move in moves], cancel=values.get("type") != "accrual")
                reversals.filtered(lambda m: m.state == "draft").action_post()
            suggestion.write({"adjusting_move_ids": [Command.set((moves | reversals).ids)], "state": sm.APPLIED,
                              "applied_at": fields.Datetime.now()})

    def _revert_adjusting_entry(self):
        for suggestion in self:
            moves = suggestion.adjusting_move_ids
            posted = moves.filtered(lambda m: m.state == "posted")
            posted.line_ids.filtered("reconciled").remove_move_reconcile()
            posted.button_draft()
            moves.button_cancel()

    def _ai_generated_moves_adjusting_entry(self):
        return self.adjusting_move_ids
