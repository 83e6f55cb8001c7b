"""The review dashboard's server side: one page of rows, the KPIs, and bulk actions that never stop on one bad row."""

from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount, format_date

from ..tools import confidence as cb
from ..tools import dashboard_args as da
from ..tools import state_machine as sm
from .ai_suggestion_mixin import REFUSALS
from .ai_suggestion_scope import governed

MINUTES_SAVED_PER_SUGGESTION = 1.5
MAX_PAGE = 500
BULK_APPROVE_CHUNK = 50
MAX_GROUPS = 200
GROUP_BYS = da.GROUP_BYS
# Confidence bands (tools/confidence.py): the dashboard reads them, with their labels, from dashboard_labels.
_BANDS = cb.ranges()
_ORDERS = {
    "confidence desc": "confidence desc, id",
    "confidence asc": "confidence asc, id",
    "date desc": "line_date desc, id desc",
    "date asc": "line_date asc, id",
    "amount desc": "line_amount desc, id",
    "amount asc": "line_amount asc, id",
}


class AiReconciliationSuggestion(models.Model):
    _inherit = "ai.reconciliation.suggestion"

    @api.model
    def _dashboard_domain(self, filters):
        """The domain of ``filters``, already checked by tools.dashboard_args.filters."""
        domain = [("state", "in", filters.get("states") or [sm.PENDING]), ("rank", "=", 1)]
        if filters.get("matchTypes"):
            domain.append(("match_type", "in", filters["matchTypes"]))
        if filters.get("journalIds"):
            domain.append(("journal_id", "in", filters["journalIds"]))
        if filters.get("partnerIds"):
            partner_ids = filters["partnerIds"]
            if 0 in partner_ids:  # 0 stands for "no partner" (the key of that group, see dashboard_groups)
                domain += ["|", ("partner_id", "in", partner_ids), ("partner_id", "=", False)]
            else:
                domain.append(("partner_id", "in", partner_ids))
        for key, field, op in (("minConfidence", "confidence", ">="), ("maxConfidence", "confidence", "<="),
                               ("minAmount", "line_amount", ">="), ("maxAmount", "line_amount", "<="),
                               ("dateFrom", "line_date", ">="), ("dateTo", "line_date", "<=")):
            if filters.get(key) not in (None, ""):
                domain.append((field, op, filters[key]))
        if filters.get("search"):
            term = filters["search"]
            domain += ["|", "|", "|", ("statement_line_id.payment_ref", "ilike", term),
                       ("partner_id.name", "ilike", term), ("move_line_ids.move_id.name", "ilike", term),
                       ("statement_line_id.partner_name", "ilike", term)]
        return domain

    @api.model
    def dashboard_rows(self, filters=None, offset=0, limit=80, order="confidence desc"):
        with self._ai_checking_arguments():
            filters = da.filters(filters)
            offset = da.offset(offset)
            limit = da.limit(limit, 80, MAX_PAGE)
            order = da.choice(order, da.ORDERS, "order", default="confidence desc")
        domain = self._dashboard_domain(filters)
        records = self.search(domain, offset=offset, limit=limit, order=_ORDERS[order])
        kinds = dict(self._fields["match_type"]._description_selection(self.env))
        return {"rows": [record._dashboard_row(kinds) for record in records], "total": self.search_count(domain)}

    @api.model
    def dashboard_groups(self, filters=None, group_by="partner"):
        """The queue under ``filters``, in groups: per group a ``key`` (filters to add to see its rows), a label, the
        count, the total of the bank-line amounts per currency, and the mean and lowest confidence. Partners and
        journals come by count (largest first), kinds, bands and months in their natural order; at most MAX_GROUPS
        groups, ``more`` says how many were left out."""
        with self._ai_checking_arguments():
            filters = da.filters(filters)
            group_by = da.choice(group_by, GROUP_BYS, "group_by")
        domain = self._dashboard_domain(filters)
        aggregates = ["__count", "line_amount:sum", "confidence:avg", "confidence:min"]
        if group_by == "band":
            groups = []
            for band in self._dashboard_bands():
                low, high = band["minConfidence"], band["maxConfidence"]
                band_domain = list(domain)
                key = {}
                if low is not None:
                    band_domain.append(("confidence", ">=", low))
                    key["minConfidence"] = low
                if high is not None:
                    band_domain.append(("confidence", "<=", high))
                    key["maxConfidence"] = high
                parts = self._read_group(band_domain, ["journal_id"], aggregates)
                if parts:
                    groups.append(self._dashboard_group(key, band["label"], [part[1:] for part in parts],
                                                        [part[0] for part in parts]))
            return {"groups": groups, "more": 0}
        field = {"partner": "partner_id", "journal": "journal_id", "kind": "match_type",
                 "month": "line_date:month"}[group_by]
        parts = self._read_group(domain, [field, "journal_id"], aggregates)
        by_value = {}
        for value, journal, *numbers in parts:
            by_value.setdefault(value, ([], []))
            by_value[value][0].append(numbers)
            by_value[value][1].append(journal)
        kinds = dict(self._fields["match_type"]._description_selection(self.env))
        groups = []
        for value, (numbers, journals) in by_value.items():
            if group_by == "partner":
                key, label = {"partnerIds": [value.id or 0]}, value.display_name if value else _("No partner")
            elif group_by == "journal":
                key, label = {"journalIds": [value.id]}, value.display_name
            elif group_by == "kind":
                key, label = {"matchTypes": [value]}, kinds.get(value, value)
            else:
                last_day = fields.Date.end_of(value, "month")
                key = {"dateFrom": fields.Date.to_string(value), "dateTo": fields.Date.to_string(last_day)}
                label = format_date(self.env, value, date_format="MMMM y")
            groups.append((value, self._dashboard_group(key, label, numbers, journals)))
        if group_by in ("partner", "journal"):
            groups.sort(key=lambda item: (-item[1]["count"], not item[0], item[1]["label"].lower()))
        elif group_by == "kind":
            order = [code for code, _label in self._fields["match_type"].selection]
            groups.sort(key=lambda item: order.index(item[0]) if item[0] in order else len(order))
        else:
            groups.sort(key=lambda item: item[0])
        return {"groups": [group for _value, group in groups[:MAX_GROUPS]], "more": max(0, len(groups) - MAX_GROUPS)}

    @api.model
    def _dashboard_bands(self):
        names = {"high": _("High"), "medium": _("Medium"), "low": _("Low")}
        labels = {"high": _("High confidence (≥ 95%)"), "medium": _("Medium confidence (80–95%)"),
                  "low": _("Low confidence (< 80%)")}
        return [{"value": band, "name": names[band], "label": labels[band], "minConfidence": low, "maxConfidence": high}
                for band, low, high in _BANDS]

    @api.model
    def dashboard_labels(self):
        """The match types and confidence bands, with their labels in the user's language, in display order: the
        dashboard shows these and keeps no table of its own."""
        selection = self._fields["match_type"]._description_selection(self.env)
        return {"matchTypes": [{"value": code, "label": label} for code, label in selection],
                "bands": self._dashboard_bands()}

    @api.model
    def _dashboard_group(self, key, label, numbers, journals):
        """One group from its parts per journal (a journal has one currency: the totals are per currency)."""
        count = sum(n[0] for n in numbers)
        totals = {}
        for (_count, amount, _mean, _low), journal in zip(numbers, journals, strict=True):
            currency = journal.currency_id or journal.company_id.currency_id
            totals.setdefault(currency, 0.0)
            totals[currency] += amount or 0.0
        return {
            "key": key,
            "label": label or "",
            "count": count,
            "totals": [{"currency": currency.name, "currencyId": currency.id, "amount": currency.round(amount)}
                       for currency, amount in sorted(totals.items(), key=lambda item: item[0].name)],
            "meanConfidence": sum(n[0] * (n[2] or 0.0) for n in numbers) / count if count else 0.0,
            "minConfidence": min(n[3] or 0.0 for n in numbers) if numbers else 0.0,
        }

    def _dashboard_row(self, kinds):
        st_line = self.statement_line_id
        currency = st_line.foreign_currency_id or st_line.currency_id
        amount = st_line.amount_currency if st_line.foreign_currency_id else st_line.amount
        return {
            "id": self.id,
            "state": self.state,
            "matchType": self.match_type,
            "matchTypeLabel": kinds.get(self.match_type, self.match_type),
            "confidence": self.confidence,
            "rank": self.rank,
            "explanation": self.explanation or "",
            "reasons": self.reasons or [],
            "line": {
                "id": st_line.id,
                "date": fields.Date.to_string(st_line.date),
                "label": st_line.payment_ref or "",
                "amount": amount,
                "currency": currency.name,
                "currencyId": currency.id,
                "journal": st_line.journal_id.name,
            },
            "proposal": {
                "moveNames": self.move_line_ids.move_id.mapped("name"),
                "partner": self.partner_id.name or None,
                "account": self.account_id.display_name or None,
                "writeoffAmount": self.writeoff_amount,
            },
            "willPost": self._will_post_summary(),
            "error": self.error_message or None,
        }

    def _will_post_summary(self):
        parts = []
        for item in self.move_line_ids:
            parts.append("%s %s %s" % (item.account_id.code, item.move_id.name,
                                       format_amount(self.env, abs(item.amount_residual), item.company_currency_id)))
        if self.account_id:
            amount = abs(self.writeoff_amount) if self.match_type == "writeoff" else abs(self.line_amount)
            parts.append("%s %s" % (self.account_id.display_name, format_amount(self.env, amount, self.currency_id)))
        return " / ".join(parts)

    @api.model
    def dashboard_kpis(self):
        now = fields.Datetime.now()
        day_start = fields.Datetime.to_datetime(fields.Date.context_today(self))
        pending = self.search([("state", "=", sm.PENDING), ("rank", "=", 1)])
        applied_today = self.search([("state", "=", sm.APPLIED), ("applied_at", ">=", day_start)])
        decided = self.search_read(
            [("state", "in", [sm.APPLIED, sm.REJECTED, sm.REVERTED]), ("decided_at", ">=", now - timedelta(days=30))],
            ["state"],
        )
        accepted = sum(1 for r in decided if r["state"] in (sm.APPLIED, sm.REVERTED))
        oldest = self.search([("state", "=", sm.PENDING)], order="create_date asc", limit=1)
        applied_30d = self.search_count([("state", "=", sm.APPLIED), ("applied_at", ">=", now - timedelta(days=30))])
        return {
            "pending": len(pending),
            "appliedToday": len(applied_today),
            "appliedTodayAuto": len(applied_today.filtered("auto_applied")),
            "appliedTodayReviewed": len(applied_today.filtered(lambda s: not s.auto_applied)),
            "acceptanceRate30d": (accepted / len(decided)) if decided else None,
            "oldestPendingDate": fields.Date.to_string(oldest.create_date.date()) if oldest else None,
            "minutesSaved": round(applied_30d * MINUTES_SAVED_PER_SUGGESTION),
            **self.env["ai.llm.usage"]._dashboard_kpis(self.env.companies),
        }

    # ------------------------------------------------------------------ bulk actions

    @api.model
    def _bulk(self, ids, method, *args):
        self._check_can_review()
        return self._ai_records_to_decide(ids)._ai_each_in_savepoint(method, *args)

    def _ai_withdrawn_message(self):
        return _("Another suggestion for this bank line was applied in the same batch; this one was withdrawn.")

    @api.model
    def bulk_approve(self, ids):
        """Approve in chunks: a chunk is applied in one pass (one unlink, one create, one reconciliation plan for
        all its lines), in its own savepoint; when anything in it fails, its rows are retried one savepoint each,
        so that the failure lands on its own row and the others are still applied."""
        self._check_can_review()
        records = self._ai_records_to_decide(ids)
        outcomes = {}
        chunk_ids = []
        seen_lines = set()
        for record in records:
            # Rows that can only fail (a second suggestion for a line already in the batch, a decided suggestion, a
            # line reconciled meanwhile) are tried alone, after the others, so they do not spoil a chunk.
            line = record.statement_line_id
            if line.id in seen_lines or line.is_reconciled or sm.transition_error(record.state, sm.APPROVED):
                continue
            seen_lines.add(line.id)
            chunk_ids.append(record.id)
        for start in range(0, len(chunk_ids), BULK_APPROVE_CHUNK):
            chunk = self.browse(chunk_ids[start:start + BULK_APPROVE_CHUNK])
            try:
                with self.env.cr.savepoint():
                    chunk.action_approve()
            except REFUSALS:
                continue  # the rows are retried one by one below, each with its own error
            for record in chunk:
                outcomes[record.id] = {"id": record.id, "ok": True, "state": record.state, "error": None}
        rest = self.browse([record.id for record in records if record.id not in outcomes])
        for outcome in rest._ai_each_in_savepoint("action_approve"):
            outcomes[outcome["id"]] = outcome
        return [outcomes[record.id] for record in records]

    @api.model
    def bulk_reject(self, ids, reason=None):
        with self._ai_checking_arguments():
            reason = da.text(reason, "reason", da.MAX_REASON)
        return self._bulk(ids, "action_reject", reason)

    @api.model
    def bulk_revert(self, ids):
        return self._bulk(ids, "action_revert")

    @api.model
    def bulk_rerun(self, ids):
        self._check_can_review()
        records = self._ai_records_to_decide(ids)
        st_lines = records.statement_line_id.filtered(lambda line: not line.is_reconciled)
        outcomes = {r.id: {"id": r.id, "ok": True, "state": r.state, "error": None} for r in records}
        try:
            st_lines.action_ai_suggest() if st_lines else None
        except UserError as exc:
            for outcome in outcomes.values():
                outcome.update(ok=False, error=str(exc.args[0]))
        return list(outcomes.values())

    # ------------------------------------------------------------------ edit before approve

    def dashboard_candidates(self):
        self.ensure_one()
        choices = []
        siblings = self.statement_line_id.ai_suggestion_ids.filtered(lambda s: s.state == sm.PENDING)
        items = siblings.move_line_ids
        partner = self.partner_id or self.statement_line_id.partner_id
        if partner:
            items |= self.env["account.move.line"].search(
                self.env["ai.reconciliation.request"]._open_items_domain(self.company_id)
                + [("partner_id", "=", partner.id)], limit=30)
        for item in items:
            choices.append({"kind": "item", "id": item.id, "label": "%s · %s · %s" % (
                item.move_id.name, item.partner_id.name or "",
                format_amount(self.env, item.amount_residual_currency, item.currency_id))})
        accounts = self.env["account.account"].search(
            [("company_ids", "in", self.company_id.id),
             ("account_type", "in", ("expense", "expense_direct_cost", "income", "income_other", "asset_current",
                                     "liability_current"))], limit=200)
        for account in accounts:
            choices.append({"kind": "account", "id": account.id, "label": account.display_name})
        return choices

    @governed
    def action_choose_candidate(self, kind, choice_id):
        """A reviewer's correction: point the suggestion at another open item or account before approving it."""
        self.ensure_one()
        with self._ai_checking_arguments():
            kind = da.choice(kind, da.CANDIDATE_KINDS, "kind")
            choice_id = da.record_id(choice_id, "choice_id")
        self._check_can_review()
        if self.state != sm.PENDING:
            raise UserError(self._transition_error(sm.APPROVED) or _("Only pending suggestions can be edited."))
        if not (self.corrected_partner_id or self.corrected_account_id):
            # Remember the engine's own choice: the correction teaches it what was wrong.
            self.write({"corrected_partner_id": self.partner_id.id, "corrected_account_id": self.account_id.id})
        if kind == "item":
            item = self.env["account.move.line"].browse(choice_id).exists()
            if not item or item.company_id != self.company_id:
                raise UserError(_("That journal item is not available in this company."))
            amount = self.statement_line_id.amount
            match_type = "full" if item.company_currency_id.is_zero(abs(item.amount_residual) - abs(amount)) else (
                "partial" if abs(amount) < abs(item.amount_residual) else "full")
            self.write({"move_line_ids": [(6, 0, item.ids)], "partner_id": item.partner_id.id, "account_id": False,
                        "match_type": match_type,
                        "explanation": _("Chosen by %(user)s.", user=self.env.user.name)})
        else:
            account = self.env["account.account"].browse(choice_id).exists()
            if not account or self.company_id not in account.company_ids:
                raise UserError(_("That account is not available in this company."))
            self.write({"move_line_ids": [(5, 0, 0)], "account_id": account.id, "match_type": "expense",
                        "explanation": _("Chosen by %(user)s.", user=self.env.user.name)})
        self._message_log(body=_("Corrected by the reviewer before approval."))
        return True
