import logging
from collections import Counter

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tools import SQL, float_is_zero

from ..tools import reconciliation_merchant
from ..tools import state_machine as sm
from .ai_suggestion_scope import automatic_scope

_logger = logging.getLogger(__name__)

MATCH_TYPES = [
    ("full", "Full match"),
    ("partial", "Partial payment"),
    ("multi", "Several items"),
    ("writeoff", "Match with write-off"),
    ("expense", "Expense / account coding"),
]


class AiReconciliationSuggestion(models.Model):
    """A proposed reconciliation of one bank statement line: which open items it pays, or which account it books to."""

    _name = "ai.reconciliation.suggestion"
    _description = "AI reconciliation suggestion"
    _inherit = ["ai.suggestion.mixin"]
    _order = "statement_line_id, rank, id"

    statement_line_id = fields.Many2one(
        "account.bank.statement.line", required=True, index=True, ondelete="cascade", readonly=True
    )
    journal_id = fields.Many2one(related="statement_line_id.journal_id", store=True, index=True)
    line_date = fields.Date(related="statement_line_id.date", store=True, string="Date")
    line_label = fields.Char(related="statement_line_id.payment_ref", string="Label")
    line_amount = fields.Monetary(related="statement_line_id.amount", store=True, string="Amount")
    currency_id = fields.Many2one(related="statement_line_id.currency_id")
    company_currency_id = fields.Many2one(related="company_id.currency_id")
    move_line_ids = fields.Many2many(
        "account.move.line",
        "ai_reconciliation_suggestion_move_line_rel",
        "suggestion_id",
        "move_line_id",
        string="Proposed items",
        readonly=True,
        help="The open receivable/payable journal items this bank line would pay.",
    )
    move_names = fields.Char(compute="_compute_move_names", string="Invoices / bills")
    account_id = fields.Many2one(
        "account.account", readonly=True, help="Account for an expense coding or a write-off.", check_company=True
    )
    tax_ids = fields.Many2many("account.tax", string="Taxes", readonly=True, check_company=True)
    partner_id = fields.Many2one("res.partner", readonly=True, index=True)
    match_type = fields.Selection(MATCH_TYPES, required=True, readonly=True)
    rank = fields.Integer(default=1, readonly=True, help="1 is the engine's first choice for this line.")
    writeoff_amount = fields.Monetary(currency_field="company_currency_id", readonly=True)
    corrected_partner_id = fields.Many2one(
        "res.partner", readonly=True, copy=False, string="Engine's partner",
        help="The partner the engine proposed before a reviewer corrected the suggestion.",
    )
    corrected_account_id = fields.Many2one(
        "account.account", readonly=True, copy=False, string="Engine's account",
        help="The account the engine proposed before a reviewer corrected the suggestion.",
    )
    ai_merchant_key = fields.Char(
        string="Merchant key", compute="_compute_ai_merchant_key", store=True, index=True,
        help="The line's merchant, normalised (counterparty name, else label, without bank words and numbers): "
        "how past outcomes of lines without partner are counted for the rollout phase guard.",
    )
    applied_values = fields.Json(
        readonly=True, copy=False, help="What applying changed, kept so that reverting restores it exactly."
    )

    _sql_constraints = [
        ("confidence_range", "CHECK(confidence >= 0 AND confidence <= 1)", "Confidence must be between 0 and 1."),
    ]

    def _ai_governance_fields(self):
        return super()._ai_governance_fields() | {"applied_values", "corrected_partner_id", "corrected_account_id"}

    @api.depends("statement_line_id.partner_name", "statement_line_id.payment_ref")
    def _compute_ai_merchant_key(self):
        for record in self:
            st_line = record.statement_line_id
            record.ai_merchant_key = reconciliation_merchant.merchant_key(st_line.partner_name, st_line.payment_ref)

    @api.depends("move_line_ids")
    def _compute_move_names(self):
        for record in self:
            record.move_names = ", ".join(record.move_line_ids.move_id.mapped("name"))

    @api.depends("statement_line_id", "match_type")
    def _compute_display_name(self):
        labels = dict(MATCH_TYPES)
        for record in self:
            record.display_name = _(
                "%(type)s for %(line)s",
                type=labels.get(record.match_type, ""),
                line=record.statement_line_id.display_name,
            )

    # ------------------------------------------------------------------ apply

    def _apply(self):
        """Apply many suggestions in as few passes as possible. Suggestions naming the same open item (two instalments
        of one invoice, or two lines both claiming it) go in successive passes, each checked again against what the
        previous pass wrote: a claim on an item paid meanwhile is refused, as if approved one after the other."""
        passes = []  # [(suggestions, ids of the items they name)]
        for suggestion in self:
            items = set(suggestion.move_line_ids.ids)
            for index, (members, claimed) in enumerate(passes):
                if not items & claimed:
                    passes[index] = (members | suggestion, claimed | items)
                    break
            else:
                passes.append((suggestion, items))
        for index, (members, _claimed) in enumerate(passes):
            if index:
                members._check_applicable()
            members._apply_in_one_pass()
        return True

    def _apply_in_one_pass(self):
        """Each line's counterparts are prepared from what is in the books, then the suspense items of all lines are
        replaced, all reconciliations done and all logs written in batches. The caller's savepoint makes it all or
        nothing (the dashboard falls back to one savepoint per row on failure)."""
        if not self:
            return True
        st_lines = self.statement_line_id
        if len(st_lines) != len(self):
            raise UserError(_("Only one suggestion per bank line can be applied at once."))
        plans = [(suggestion, suggestion._prepare_counterparts()) for suggestion in self]
        moves = st_lines.move_id
        move_ctx = dict(
            skip_account_move_synchronization=True, force_delete=True, skip_invoice_sync=True, skip_readonly_check=True
        )
        # Each move is unbalanced between the unlink and the create: check them all once, at the end.
        lines = self.env["account.move.line"].with_context(**move_ctx, check_move_validity=False)
        container = {"records": moves, "self": moves}
        with moves.with_context(**move_ctx)._check_balanced(container):
            lines.browse([line.id for _s, plan in plans for line in plan["suspense"]]).unlink()
            vals_list = [
                dict(vals, move_id=suggestion.statement_line_id.move_id.id)
                for suggestion, plan in plans for vals, _item in plan["counterparts"]
            ]
            created = iter(lines.create(vals_list))
        reconciliation_plan = []
        for _suggestion, plan in plans:
            for _vals, item in plan["counterparts"]:
                counterpart = next(created)
                if item:
                    reconciliation_plan.append(counterpart + item)
        if reconciliation_plan:
            self.env["account.move.line"]._reconcile_plan(reconciliation_plan)
        by_partner = {}
        for suggestion, plan in plans:
            if plan["partner"] and not suggestion.statement_line_id.partner_id:
                by_partner.setdefault(plan["partner"], self.env["account.bank.statement.line"])
                by_partner[plan["partner"]] |= suggestion.statement_line_id
        for partner, partner_lines in by_partner.items():
            partner_lines.with_context(skip_account_move_synchronization=True).write({"partner_id": partner.id})
        bodies = {}
        for suggestion, plan in plans:
            suggestion.applied_values = plan["applied_values"]
            bodies[suggestion.statement_line_id.move_id.id] = _(
                "Reconciled from AI suggestion %(name)s (confidence %(confidence)s).",
                name=suggestion.display_name, confidence="%.0f%%" % (suggestion.confidence * 100),
            )
        moves._message_log_batch(bodies=bodies)
        self.write({"state": sm.APPLIED, "applied_at": fields.Datetime.now()})
        # The lines are settled: the engine's other ideas for them are moot. sudo: withdrawing the engine's pending
        # ideas is the add-on's doing; reviewers decide suggestions, they have no right to delete them.
        st_lines.ai_suggestion_ids.filtered(lambda s: s not in self and s.state == sm.PENDING).sudo().unlink()
        return True

    def _lock_statement_lines(self):
        self.env.cr.execute(
            SQL("SELECT id FROM account_bank_statement_line WHERE id IN %s ORDER BY id FOR UPDATE",
                tuple(self.statement_line_id.ids))
        )

    def _check_applicable(self):
        if self:
            self._lock_statement_lines()
        for suggestion in self:
            suggestion._check_still_applicable()

    def _check_still_applicable(self):
        """Refuse, changing nothing, when the books moved since the suggestion was made."""
        st_line = self.statement_line_id
        _liquidity, suspense, other = st_line._seek_for_lines()
        if st_line.is_reconciled or not suspense or other:
            raise UserError(
                _(
                    "The bank line %(line)s has been reconciled in the meantime (by someone else or in another "
                    "screen). Nothing was changed; ask the AI for a new suggestion if needed.",
                    line=st_line.display_name,
                )
            )
        for item in self.move_line_ids:
            if item.reconciled or item.company_currency_id.is_zero(item.amount_residual):
                raise UserError(
                    _(
                        "%(item)s has been paid in the meantime. Nothing was changed; ask the AI for a new suggestion.",
                        item=item.move_id.name,
                    )
                )
            if item.parent_state != "posted":
                raise UserError(_("%(item)s is no longer posted. Nothing was changed.", item=item.move_id.name))
        if self.match_type in ("expense", "writeoff") and not self.account_id:
            raise UserError(_("This suggestion names no account to book to."))
        if self.match_type == "writeoff":
            self._check_within_payment_tolerance()

    def _check_within_payment_tolerance(self):
        """A difference written off is a payment tolerance: a few cents within the company's limits (amount and
        percent), whatever the suggestion says. A bank fee (a shortfall booked to the bank fee account) has its own
        limit; an overpayment booked there is no fee."""
        company = self.company_id
        residual = abs(sum(self.move_line_ids.mapped("amount_residual")))
        shortfall = residual - abs(self._ai_amount_in_company_currency())
        if self.account_id == company.ai_bank_fee_account_id and company.currency_id.compare_amounts(shortfall, 0) > 0:
            return
        gap = abs(shortfall)
        limit = min(company.ai_writeoff_max_amount, company.ai_writeoff_max_percent / 100.0 * residual)
        if company.currency_id.compare_amounts(gap, limit) > 0:
            raise UserError(_(
                "This payment differs from %(items)s by %(gap)s, more than the payment tolerance of this company "
                "(%(amount)s and %(percent)s%%). Nothing was changed; match it as a partial payment instead.",
                items=", ".join(self.move_line_ids.move_id.mapped("name")), gap=company.currency_id.round(gap),
                amount=company.ai_writeoff_max_amount, percent=company.ai_writeoff_max_percent,
            ))

    def _prepare_counterparts(self):
        """What applying writes for this line, read from the books and nothing written: the suspense items to replace,
        the counterparts (vals, open item to reconcile with or None), the partner, the values kept for revert.

        Community has no reconciliation widget model, so this follows Odoo's own recipe for statement lines: the
        move keeps its liquidity line, the suspense line becomes one counterpart per open item (in the item's own
        currency, so that Odoo books any exchange difference), plus a write-off or expense line for the rest.
        """
        self.ensure_one()
        st_line = self.statement_line_id.with_context(skip_account_move_synchronization=True)
        _liquidity, suspense, _other = st_line._seek_for_lines()
        company_currency = st_line.company_currency_id
        remaining_balance = sum(suspense.mapped("balance"))
        remaining_amount = sum(suspense.mapped("amount_currency"))
        transaction_currency = suspense.currency_id[:1] or company_currency
        partner = self.partner_id or self.move_line_ids.partner_id[:1] or st_line.partner_id
        label = st_line.payment_ref or ""

        counterparts = []  # (vals, open item or None)
        books_fx_difference = False
        items = self.move_line_ids.sorted(lambda line: (line.date_maturity or line.date, line.id))
        for index, item in enumerate(items):
            last = index == len(items) - 1
            amounts = st_line._prepare_counterpart_amounts_using_st_line_rate(
                item.currency_id, -item.amount_residual, -item.amount_residual_currency
            )
            pays_less_than_item = (
                amounts["balance"] * remaining_balance > 0 and abs(amounts["balance"]) > abs(remaining_balance)
            )
            foreign_item = item.currency_id != company_currency
            fx_gap = abs(remaining_balance - amounts["balance"])
            pay_in_line_currency = {"currency_id": transaction_currency.id, "amount_currency": remaining_amount,
                                    "balance": remaining_balance}
            whole_item = {"currency_id": item.currency_id.id, "amount_currency": -item.amount_residual_currency,
                          "balance": amounts["balance"]}
            if self.match_type == "partial" and last:
                vals = pay_in_line_currency
            elif (last and self.match_type in ("full", "multi") and foreign_item
                  and fx_gap <= self.company_id.ai_fx_tolerance):
                # Whole item in its own currency; the line's balance absorbs FX rounding and Odoo books the
                # exchange difference when reconciling.
                vals = dict(whole_item, balance=remaining_balance)
            elif (last and self.match_type in ("full", "multi") and transaction_currency != company_currency
                  and fx_gap <= self.company_id.ai_fx_tolerance):
                # A foreign-currency payment of a company-currency item: the converted amount is a few cents off.
                # Pay the whole item; the cents go to the exchange difference account below.
                vals = whole_item
                books_fx_difference = True
            elif pays_less_than_item and self.match_type != "writeoff":
                # The payment does not cover this item: pay what is left of the line, in the line's currency.
                vals = pay_in_line_currency
            else:
                vals = whole_item
            vals.update(
                name=label or item.move_id.name,
                account_id=item.account_id.id,
                partner_id=item.partner_id.id,
            )
            counterparts.append((vals, item))
            remaining_balance -= vals["balance"]
            remaining_amount -= (
                vals["amount_currency"]
                if vals["currency_id"] == transaction_currency.id
                else st_line._prepare_counterpart_amounts_using_st_line_rate(
                    self.env["res.currency"].browse(vals["currency_id"]), vals["balance"], vals["amount_currency"]
                )["amount_currency"]
            )
            if company_currency.is_zero(remaining_balance):
                break

        if not company_currency.is_zero(remaining_balance):
            if self.match_type == "expense" and self.tax_ids:
                counterparts += [(vals, None) for vals in self._prepare_taxed_lines_vals(
                    remaining_amount, remaining_balance, transaction_currency, partner, label)]
            elif books_fx_difference:
                company = self.company_id
                fx_account = (
                    company.expense_currency_exchange_account_id if remaining_balance > 0
                    else company.income_currency_exchange_account_id
                )
                if not fx_account:
                    raise UserError(_("Set the exchange gain and loss accounts in the accounting settings: this "
                                      "payment differs from %(item)s by exchange rounding.",
                                      item=items[-1].move_id.name))
                counterparts.append(
                    (
                        {
                            "name": _("Exchange difference: %(label)s", label=label),
                            "account_id": fx_account.id,
                            "partner_id": partner.id,
                            "currency_id": transaction_currency.id,
                            "amount_currency": remaining_amount,
                            "balance": remaining_balance,
                        },
                        None,
                    )
                )
            elif self.match_type in ("writeoff", "expense"):
                counterparts.append(
                    (
                        {
                            "name": label or self.account_id.name,
                            "account_id": self.account_id.id,
                            "partner_id": partner.id,
                            "currency_id": transaction_currency.id,
                            "amount_currency": remaining_amount,
                            "balance": remaining_balance,
                        },
                        None,
                    )
                )
            else:
                # Overpayment or a partial on the bank side: the rest stays open on the suspense account.
                counterparts.append(
                    (
                        {
                            "name": label,
                            "account_id": st_line.journal_id.suspense_account_id.id,
                            "partner_id": partner.id,
                            "currency_id": transaction_currency.id,
                            "amount_currency": remaining_amount,
                            "balance": remaining_balance,
                        },
                        None,
                    )
                )

        return {
            "suspense": suspense,
            "counterparts": counterparts,
            "partner": partner,
            "applied_values": {
                "partner_id": st_line.partner_id.id or False,
                "residuals": {str(i.id): [i.amount_residual, i.amount_residual_currency] for i in self.move_line_ids},
            },
        }

    def _prepare_taxed_lines_vals(self, amount_currency, balance, currency, partner, label):
        """Split a gross bank amount into a base line on the suggested account and one line per tax repartition,
        the way Odoo books a tax-included price: the bank paid the gross, the taxes come out of it."""
        taxes = self.tax_ids.with_context(force_price_include=True)
        money_in = self.statement_line_id.amount > 0
        # Money coming back on a purchase tax (or going out on a sales tax) is a refund for the tax report.
        is_refund = money_in if self.tax_ids[:1].type_tax_use == "purchase" else not money_in
        result = taxes.compute_all(abs(amount_currency), currency=currency, partner=partner, is_refund=is_refund)
        sign = 1 if amount_currency > 0 else -1
        rate = balance / amount_currency if amount_currency else 1.0
        company_currency = self.company_id.currency_id
        vals_list = []
        for tax in result["taxes"]:
            tax_amount = currency.round(sign * tax["amount"])
            vals_list.append({
                "name": tax["name"],
                "account_id": tax["account_id"] or self.account_id.id,
                "partner_id": partner.id,
                "currency_id": currency.id,
                "amount_currency": tax_amount,
                "balance": company_currency.round(tax_amount * rate),
                "tax_repartition_line_id": tax["tax_repartition_line_id"],
                "tax_tag_ids": [Command.set(tax["tag_ids"])],
                "tax_ids": [Command.set(tax["tax_ids"])],
            })
        # The base line takes what is left, so the lines add up to the bank amount to the cent.
        vals_list.insert(0, {
            "name": label or self.account_id.name,
            "account_id": self.account_id.id,
            "partner_id": partner.id,
            "currency_id": currency.id,
            "amount_currency": amount_currency - sum(v["amount_currency"] for v in vals_list),
            "balance": balance - sum(v["balance"] for v in vals_list),
            "tax_ids": [Command.set(self.tax_ids.ids)],
            "tax_tag_ids": [Command.set(result["base_tags"])],
        })
        return vals_list

    # ------------------------------------------------------------------ revert

    def _revert(self):
        self.ensure_one()
        st_line = self.statement_line_id.with_context(skip_account_move_synchronization=True)
        before = self.applied_values or {}
        _liquidity, suspense, other = st_line._seek_for_lines()
        mine = other.filtered(lambda line: line.account_id in self.move_line_ids.account_id | self.account_id)
        if not mine:
            raise UserError(
                _("The bank line %(line)s no longer carries this reconciliation; nothing to revert.",
                  line=st_line.display_name)
            )
        st_line.write({"partner_id": before.get("partner_id") or False})
        st_line.action_undo_reconciliation()
        for item in self.move_line_ids:
            expected = (before.get("residuals") or {}).get(str(item.id))
            if expected and not float_is_zero(item.amount_residual - expected[0], precision_digits=6):
                _logger.warning(
                    "Revert of %s left %s with residual %s instead of %s", self.id, item.id, item.amount_residual,
                    expected[0],
                )
        st_line.move_id._message_log(body=_("AI reconciliation %(name)s reverted.", name=self.display_name))

    # ------------------------------------------------------------------ governance

    def _ai_generated_moves(self):
        """The entries applying these suggestions wrote: the statement lines' moves (flagged AI-generated)."""
        return self.statement_line_id.move_id

    def _ai_rule_facts(self):
        """What the approval rules need to know about each suggestion."""
        partners = self.partner_id | self.move_line_ids.partner_id
        known = set()
        if partners:
            # One query for the batch: which (partner, company) pairs already have posted entries.
            groups = self.env["account.move.line"].sudo()._read_group(  # sudo: counting history, not reading it
                [("partner_id", "in", partners.ids), ("company_id", "in", self.company_id.ids),
                 ("parent_state", "=", "posted")],
                ["partner_id", "company_id"],
            )
            known = {(partner.id, company.id) for partner, company in groups}
        facts = {}
        for record in self:
            partner = record.partner_id or record.move_line_ids.partner_id[:1]
            facts[record.id] = {
                "kind": "reconcile_%s" % record.match_type,
                "journal_id": record.journal_id.id,
                "amount": abs(record._ai_amount_in_company_currency()),
                "partner_new": bool(partner) and (partner.id, record.company_id.id) not in known,
                "confidence": record.confidence,
                "account_types": set(record.account_id.mapped("account_type"))
                | set(record.move_line_ids.mapped("account_type")),
            }
        return facts

    def _ai_amount_in_company_currency(self):
        """The bank amount as the company's thresholds read it (they are in company currency)."""
        company = self.company_id
        if not self.currency_id or self.currency_id == company.currency_id:
            return self.line_amount
        return self.currency_id._convert(
            self.line_amount, company.currency_id, company, self.line_date or fields.Date.context_today(self)
        )

    def _ai_touched_moves(self):
        return self.move_line_ids.move_id

    def _ai_audit_target_values(self):
        values = {}
        for record in self:
            st_line = record.statement_line_id
            values[record.id] = {
                "match_type": record.match_type,
                "partner_id": record.partner_id.id or None,
                "account_id": record.account_id.id or None,
                "move_line_ids": record.move_line_ids.ids,
                "statement_line": {
                    "id": st_line.id,
                    "is_reconciled": st_line.is_reconciled,
                    "partner_id": st_line.partner_id.id or None,
                    "amount_residual": st_line.amount_residual,
                },
                "residuals": {
                    str(item.id): [item.amount_residual, item.amount_residual_currency]
                    for item in record.move_line_ids
                },
            }
        return values

    def _ai_auto_apply_candidates(self):
        """The engine's first choice for each line still open, unless two lines claim the same open item: that
        ambiguity is for a person to settle."""
        best = {}
        for suggestion in self.filtered(
            lambda s: s.state == sm.PENDING and s.rank == 1 and not s.statement_line_id.is_reconciled
        ).sorted(lambda s: -s.confidence):
            best.setdefault(suggestion.statement_line_id.id, suggestion)
        claims = Counter(item_id for suggestion in best.values() for item_id in suggestion.move_line_ids.ids)
        return self.browse([
            suggestion.id for suggestion in best.values()
            if all(claims[item_id] == 1 for item_id in suggestion.move_line_ids.ids)
        ])

    # ------------------------------------------------------------------ rollout phase guard: reviewed history

    def _ai_counterparty(self):
        """("partner", id) when the suggestion or its line names a partner, else ("merchant", key); the key may be
        empty (nothing distinctive on the line), which no past outcome ever shares."""
        self.ensure_one()
        partner = self.partner_id or self.statement_line_id.partner_id
        if partner:
            return ("partner", partner.commercial_partner_id.id)
        return ("merchant", self.ai_merchant_key or "")

    @api.model
    def _ai_reviewed_outcomes(self, company, counterparties):
        """{counterparty: number of past statement lines whose suggestion for it a person decided} — approved and
        applied (still applied or reverted since, never by the rules alone) or rejected — in ``company``."""
        partners = [key for kind, key in counterparties if kind == "partner"]
        merchants = [key for kind, key in counterparties if kind == "merchant" and key]
        reviewed = [
            ("company_id", "=", company.id),
            "|", ("state", "=", sm.REJECTED),
            "&", ("state", "in", (sm.APPLIED, sm.REVERTED)), ("auto_applied", "=", False),
        ]
        counts = {}
        # sudo: the guard counts the company's whole review history, whoever triggered the automation.
        Suggestion = self.sudo()
        if partners:
            for partner, lines in Suggestion._read_group(
                    reviewed + [("partner_id.commercial_partner_id", "in", partners)],
                    ["partner_id"], ["statement_line_id:count_distinct"]):
                key = ("partner", partner.commercial_partner_id.id)
                counts[key] = counts.get(key, 0) + lines
        if merchants:
            for key, lines in Suggestion._read_group(
                    reviewed + [("partner_id", "=", False), ("ai_merchant_key", "in", merchants)],
                    ["ai_merchant_key"], ["statement_line_id:count_distinct"]):
                counts[("merchant", key)] = lines
        return counts

    def _ai_auto_apply_history_ok(self):
        """In phases 2 and 3, a partner (a merchant, for lines without partner) needs ``ai_auto_min_reviewed``
        past outcomes a person reviewed before anything is applied for it automatically, whatever the confidence:
        trust is earned per counterparty. The others are held for review, with the reason in the audit log."""
        allowed = self.browse()
        for company, records in self.grouped("company_id").items():
            needed = company.ai_auto_min_reviewed
            if needed <= 0:
                allowed |= records
                continue
            keys = {record.id: record._ai_counterparty() for record in records}
            counts = self._ai_reviewed_outcomes(company, set(keys.values()))
            held = {}
            for record in records:
                seen = counts.get(keys[record.id], 0)
                if seen >= needed:
                    allowed |= record
                else:
                    held.setdefault((keys[record.id][0], seen), self.browse())
                    held[(keys[record.id][0], seen)] |= record
            for (kind, seen), group in held.items():
                note = self._ai_held_note(kind, seen, needed)
                _logger.info("AI auto-apply: %s", note)
                with automatic_scope():
                    group._ai_audit("held", note=note)
        return allowed

    def _ai_held_note(self, kind, seen, needed):
        """Why a suggestion was held for review, for the audit log."""
        if kind == "partner" and seen == 1:
            return _("Held for review: %(count)s past reviewed outcome for this partner, %(needed)s needed.",
                     count=seen, needed=needed)
        if kind == "partner":
            return _("Held for review: %(count)s past reviewed outcomes for this partner, %(needed)s needed.",
                     count=seen, needed=needed)
        if seen == 1:
            return _("Held for review: %(count)s past reviewed outcome for this merchant, %(needed)s needed.",
                     count=seen, needed=needed)
        return _("Held for review: %(count)s past reviewed outcomes for this merchant, %(needed)s needed.",
                 count=seen, needed=needed)
