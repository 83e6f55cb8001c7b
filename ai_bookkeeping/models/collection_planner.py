"""The daily collection run: behaviour and predictions from the endpoint, then one reminder per customer to chase,
as an ``ai.suggestion`` of kind ``collection`` — and, for every customer not chased, why."""

import logging
from collections import defaultdict
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.tools import SQL, float_compare

from ..tools import collection_rules as cr
from ..tools import endpoint_client
from ..tools import state_machine as sm

_logger = logging.getLogger(__name__)

#: Customers per endpoint request (web_src/contracts/collections.ts MAX_COLLECTION_CUSTOMERS).
BATCH = 2000
HISTORY_DAYS = 730
MAX_HISTORY = 200
MAX_OPEN = 500


class AiCollectionPlanner(models.AbstractModel):
    _name = "ai.collection.planner"
    _description = "Collections: the daily run"

    @api.model
    def _cron_propose(self):
        """Every company with collections on; a company whose endpoint call fails is retried next run."""
        # sudo: the cron (OdooBot, its own companies) reads each company's receivables and writes proposals only;
        # people decide on them.
        companies = self.env["res.company"].sudo().search([("ai_collection_enabled", "=", True)])
        for company in companies:
            planner = self.sudo().with_company(company).with_context(allowed_company_ids=company.ids)
            try:
                with self.env.cr.savepoint():
                    planner._propose_company(company)
            except (endpoint_client.EndpointError, cr.CollectionReplyError) as exc:
                _logger.warning("Collections for %s stopped, retried next run: %s", company.name, exc)

    # ------------------------------------------------------------------ the run of one company

    @api.model
    def _propose_company(self, company, today=None):
        """Propose the day's reminders of ``company``. Returns {"suggestions": ai.suggestion, "skips":
        ai.collection.skip}."""
        today = today or fields.Date.context_today(self)
        levels = self.env["ai.collection.level"]._levels_of(company)
        self.env["ai.collection.promise"].search(
            [("company_id", "=", company.id), ("state", "=", "open")])._update_states(today)
        invoices = self.env["account.move"].search([
            ("company_id", "=", company.id), ("move_type", "=", "out_invoice"), ("state", "=", "posted"),
            ("payment_state", "in", ("not_paid", "partial")), ("amount_residual", ">", 0),
        ], order="invoice_date_due, id")
        by_partner = defaultdict(lambda: self.env["account.move"])
        for invoice in invoices:
            by_partner[invoice.commercial_partner_id] |= invoice
        partners = self.env["res.partner"].union(*by_partner) if by_partner else self.env["res.partner"]
        replies = self._predict(company, partners, by_partner, today)
        # sudo: behaviour and skips are the run's own records (read-only to people), rewritten by each run.
        self.sudo()._store_behaviour(company, partners, replies, today)
        self.env["ai.collection.skip"].sudo().search([("company_id", "=", company.id)]).unlink()
        context = self._skip_context(company, partners, today)
        proposals, skips = [], []
        for partner in partners:
            segment = replies.get(partner.id, {}).get("segment", "new")
            plan = self._plan_partner(partner, by_partner[partner], levels, today)
            if not plan:
                continue
            skip = self._skip_reason(partner, plan, company, today, context)
            if skip:
                skips.append({"partner_id": partner.id, "company_id": company.id, "run_date": today,
                              "code": skip[0], "reason": skip[1], "amount": plan["amount"]})
                continue
            proposals.append(self._proposal_vals(partner, plan, levels, segment, replies.get(partner.id), company,
                                                 today, context))
        # sudo: suggestions are written by the system, as the engine's answers are; people then decide on them.
        suggestions = self.env["ai.suggestion"].sudo().create(proposals) if proposals else self.env["ai.suggestion"]
        skip_rows = self.env["ai.collection.skip"].sudo().create(skips) if skips else self.env["ai.collection.skip"]
        return {"suggestions": suggestions.sudo(False), "skips": skip_rows.sudo(False)}

    # ------------------------------------------------------------------ the endpoint

    def _paid_history(self, company, partners, today):
        """{partner id: [PaidInvoice]} of the last HISTORY_DAYS days, MAX_HISTORY most recent a customer."""
        if not partners:
            return {}
        self.env["account.move"].flush_model()
        self.env["account.move.line"].flush_model()
        self.env["account.partial.reconcile"].flush_model()
        self.env.cr.execute(SQL("""
            SELECT m.commercial_partner_id, m.id, m.invoice_date, m.invoice_date_due, m.amount_total_signed,
                   MAX(apr.max_date) AS paid_date, COUNT(DISTINCT apr.id) AS parts
              FROM account_move m
              JOIN account_move_line l ON l.move_id = m.id
              JOIN account_account a ON a.id = l.account_id AND a.account_type = 'asset_receivable'
              JOIN account_partial_reconcile apr ON apr.debit_move_id = l.id
             WHERE m.company_id = %s AND m.move_type = 'out_invoice' AND m.state = 'posted'
               AND m.payment_state IN ('paid', 'in_payment') AND m.commercial_partner_id = ANY(%s)
               AND m.invoice_date >= %s AND m.invoice_date_due IS NOT NULL
             GROUP BY m.id
             ORDER BY paid_date DESC, m.id DESC""", company.id, partners.ids, today - timedelta(days=HISTORY_DAYS)))
        history = defaultdict(list)
        for partner_id, move_id, invoice_date, due, amount, paid, parts in self.env.cr.fetchall():
            if len(history[partner_id]) >= MAX_HISTORY or not paid:
                continue
            history[partner_id].append({
                "invoiceId": move_id, "invoiceDate": fields.Date.to_string(invoice_date or due),
                "dueDate": fields.Date.to_string(due), "paidDate": fields.Date.to_string(paid),
                "amount": abs(amount), "partial": parts > 1})
        return history

    def _predict(self, company, partners, by_partner, today):
        """Ask the endpoint, in batches; store the predictions on the invoices. Returns {partner id: reply}."""
        history = self._paid_history(company, partners, today)
        replies = {}
        for start in range(0, len(partners), BATCH):
            batch = partners[start:start + BATCH]
            customers = [{
                "partnerId": partner.id,
                "history": history.get(partner.id, []),
                "open": [{"invoiceId": inv.id, "invoiceDate": fields.Date.to_string(inv.invoice_date or inv.date),
                          "dueDate": fields.Date.to_string(inv.invoice_date_due or inv.date),
                          "amountResidual": inv.amount_residual} for inv in by_partner[partner][:MAX_OPEN]],
            } for partner in batch]
            payload = {"companyId": company.id, "companyCurrency": company.currency_id.name,
                       "today": fields.Date.to_string(today), "customers": customers}
            reply = self.env["ai.endpoint"]._predict_collections(payload)
            invoice_ids = [item["invoiceId"] for customer in customers for item in customer["open"]]
            replies.update(cr.check_reply(reply, batch.ids, invoice_ids))
        self._store_predictions([p for customer in replies.values() for p in customer.get("predictions") or []])
        return replies

    def _store_predictions(self, predictions):
        """Write the predicted dates on the invoices in one UPDATE: these four read-only columns are the add-on's
        own, and account.move.write would re-run the accounting synchronisation of each posted invoice for them."""
        if not predictions:
            return
        names = ["ai_collection_predicted_date", "ai_collection_predicted_low", "ai_collection_predicted_high",
                 "ai_collection_early_warning"]
        moves = self.env["account.move"]
        moves.flush_model(names)
        self.env.cr.execute(SQL(
            """
            UPDATE account_move m
               SET ai_collection_predicted_date = v.predicted, ai_collection_predicted_low = v.low,
                   ai_collection_predicted_high = v.high, ai_collection_early_warning = v.warning
              FROM unnest(%s::int[], %s::date[], %s::date[], %s::date[], %s::bool[]) AS v(id, predicted, low, high,
                                                                                      warning)
             WHERE m.id = v.id
            """,
            [p["invoiceId"] for p in predictions], [p["predictedDate"] for p in predictions],
            [p["low"] for p in predictions], [p["high"] for p in predictions],
            [bool(p.get("earlyWarning")) for p in predictions]))
        moves.browse([p["invoiceId"] for p in predictions]).invalidate_recordset(names)

    def _store_behaviour(self, company, partners, replies, today):
        Behaviour = self.env["ai.collection.behaviour"]
        existing = {row.partner_id.id: row for row in Behaviour.search(
            [("company_id", "=", company.id), ("partner_id", "in", partners.ids)])}
        creates = []
        for partner_id, reply in replies.items():
            figures = reply["behaviour"]
            vals = {"segment": reply["segment"], "reason": reply["reason"][:500],
                    "paid_count": figures.get("paidCount", 0), "mean_days_late": figures.get("meanDaysLate", 0),
                    "sd_days_late": figures.get("sdDaysLate", 0), "on_time_share": figures.get("onTimeShare", 0),
                    "dso": figures.get("dso", 0), "trend_days": figures.get("trendDays", 0),
                    "partial_share": figures.get("partialShare", 0), "computed_on": today}
            if partner_id in existing:
                existing[partner_id].write(vals)
            else:
                creates.append(dict(vals, partner_id=partner_id, company_id=company.id))
        if creates:
            Behaviour.create(creates)

    # ------------------------------------------------------------------ what to chase

    def _plan_partner(self, partner, invoices, levels, today):
        """The invoices to name in a reminder today and the level of each, or None when no level is due."""
        level_dicts = [{"id": level.id, "sequence": level.sequence, "days": level.days_after_due,
                        "min_amount": level.min_amount} for level in levels]
        ranks = {level["id"]: rank for rank, level in enumerate(
            sorted(level_dicts, key=lambda lv: (lv["days"], lv["sequence"])))}
        lines, disputed, top = [], self.env["account.move"], None
        for invoice in invoices:
            days = (today - (invoice.invoice_date_due or invoice.date)).days
            if invoice.ai_collection_dispute:
                if days > 0:
                    disputed |= invoice
                continue
            last = invoice.ai_collection_reminded_on
            nxt = cr.next_level(level_dicts, days, invoice.ai_collection_level_id.id or None,
                                (today - last).days if last else None)
            if nxt is None and days <= 0:
                continue
            level_id = nxt["id"] if nxt else invoice.ai_collection_level_id.id or False
            lines.append({"id": invoice.id, "name": invoice.name,
                          "due": fields.Date.to_string(invoice.invoice_date_due),
                          "days": days, "residual": invoice.amount_residual, "currency": invoice.currency_id.name,
                          "residual_company": abs(invoice.amount_residual_signed), "level_id": level_id,
                          "new_level": bool(nxt)})
            if nxt and (top is None or ranks[nxt["id"]] > ranks[top]):
                top = nxt["id"]
        if top is None:
            if disputed and not lines:
                return {"invoices": [], "disputed": disputed, "level": None, "amount": sum(
                    abs(m.amount_residual_signed) for m in disputed), "rank": -1, "count": len(ranks)}
            return None
        return {"invoices": lines, "disputed": disputed, "level": levels.browse(top), "rank": ranks[top],
                "count": len(ranks), "amount": sum(line["residual_company"] for line in lines)}

    def _skip_context(self, company, partners, today):
        """What the skip rules need, read once for all customers of the run."""
        lines = self.env["account.bank.statement.line"].search([
            ("company_id", "=", company.id), ("is_reconciled", "=", False), ("amount", ">", 0),
            ("date", ">=", today - timedelta(days=company.ai_collection_bank_days)),
        ])
        pending_reco = self.env["ai.reconciliation.suggestion"].search([
            ("company_id", "=", company.id), ("state", "in", (sm.PENDING, sm.APPROVED)),
            ("move_line_ids.partner_id", "in", partners.ids),
        ])
        credits = self.env["account.move.line"]._read_group([
            ("company_id", "=", company.id), ("partner_id", "in", partners.ids),
            ("account_type", "=", "asset_receivable"), ("parent_state", "=", "posted"), ("reconciled", "=", False),
            ("amount_residual", "<", 0)], ["partner_id"], ["amount_residual:sum"])
        pending = self.env["ai.suggestion"].search([
            ("company_id", "=", company.id), ("kind", "=", "collection"), ("state", "=", sm.PENDING)])
        promises = self.env["ai.collection.promise"].search([
            ("company_id", "=", company.id), ("partner_id", "in", partners.ids), ("state", "in", ("open", "broken"))])
        blacklisted = set(self.env["mail.blacklist"].sudo().search(  # sudo: only whether an address is listed
            [("email", "in", [p.email_normalized for p in partners if p.email_normalized])]).mapped("email"))
        return {
            "bank_lines": lines,
            "reco": {line.partner_id.commercial_partner_id.id: s for s in pending_reco for line in s.move_line_ids},
            "credits": {partner.commercial_partner_id.id: -amount for partner, amount in credits},
            "pending": {s.collection_partner_id.id for s in pending},
            "promises": promises,
            "blacklisted": blacklisted,
        }

    def _skip_reason(self, partner, plan, company, today, context):
        """(code, sentence) when ``partner`` must not be chased today, else None. The order is the order of
        precedence: the customer's own wish first, then what suggests it paid or will pay."""
        currency = company.currency_id
        amount = plan["amount"]
        if partner.ai_collection_opt_out:
            return "opt_out", _("%(partner)s is marked not to be chased.", partner=partner.display_name)
        postponed = partner.with_company(company).ai_collection_postponed_until
        if postponed and postponed > today:
            return "postponed", _("Reminders to %(partner)s are postponed until %(date)s.",
                                  partner=partner.display_name, date=postponed)
        if not plan["invoices"]:
            return "dispute", _("Every overdue invoice of %(partner)s is disputed (%(names)s).",
                                partner=partner.display_name, names=", ".join(plan["disputed"].mapped("name")))
        if partner.id in context["pending"]:
            return "pending", _("A reminder to %(partner)s already awaits review.", partner=partner.display_name)
        promise = context["promises"].filtered(lambda p: p.partner_id == partner and p.state == "open")[:1]
        if promise:
            return "promise", _("%(partner)s promised to pay %(amount)s by %(date)s.", partner=partner.display_name,
                                amount=currency.format(promise.amount), date=promise.promise_date)
        reco = context["reco"].get(partner.id)
        if reco:
            return "bank_line", _(
                "The bank transaction %(line)s may be %(partner)s's payment (AI reconciliation suggestion %(name)s).",
                line=reco.statement_line_id.display_name, partner=partner.display_name, name=reco.display_name)
        line = self._matching_bank_line(partner, plan, context["bank_lines"], currency)
        if line:
            return "bank_line", _(
                "The unreconciled bank transaction %(line)s (%(amount)s, %(date)s) may be %(partner)s's payment.",
                line=line.payment_ref or line.display_name, amount=currency.format(line.amount), date=line.date,
                partner=partner.display_name)
        credit = context["credits"].get(partner.id, 0.0)
        if credit and float_compare(credit, amount, precision_rounding=currency.rounding) >= 0:
            return "credit", _(
                "Credit notes or payments on account of %(credit)s cover the %(amount)s overdue of %(partner)s.",
                credit=currency.format(credit), amount=currency.format(amount), partner=partner.display_name)
        level = plan["level"]
        if level.channel == "email":
            if not partner.email_normalized:
                return "blacklisted", _("%(partner)s has no e-mail address for %(level)s.",
                                        partner=partner.display_name, level=level.name)
            if partner.email_normalized in context["blacklisted"]:
                return "blacklisted", _("The e-mail address of %(partner)s is blacklisted.",
                                        partner=partner.display_name)
        if level.min_amount and float_compare(amount, level.min_amount, precision_rounding=currency.rounding) < 0:
            return "min_amount", _("%(amount)s overdue is below the minimum of %(level)s (%(minimum)s).",
                                   amount=currency.format(amount), level=level.name,
                                   minimum=currency.format(level.min_amount))
        return None

    @staticmethod
    def _matching_bank_line(partner, plan, lines, currency):
        """An incoming unreconciled bank line of this customer, or of nobody known with the amount of an overdue
        invoice or of all of them."""
        amounts = {line["residual_company"] for line in plan["invoices"]} | {plan["amount"]}
        for line in lines:
            owner = line.partner_id.commercial_partner_id
            if owner == partner:
                return line
            if not owner and any(float_compare(line.amount, amount, precision_rounding=currency.rounding) == 0
                                 for amount in amounts):
                return line
        return None

    # ------------------------------------------------------------------ the reminder

    def _proposal_vals(self, partner, plan, levels, segment, reply, company, today, context):
        level = plan["level"]
        broken = context["promises"].filtered(lambda p: p.partner_id == partner and p.state == "broken")
        tone = cr.tone_of(segment, plan["rank"], plan["count"], promise_broken=bool(broken))
        subject, body = self._render_message(partner, plan, level, tone, company)
        currency = company.currency_id
        reasons = [self.env._("%(name)s: %(amount)s, %(days)s days overdue", name=line["name"],
                     amount=currency.format(line["residual_company"]), days=line["days"]) for line in plan["invoices"]]
        if plan["disputed"]:
            reasons.append(_("Left out, disputed: %(names)s", names=", ".join(plan["disputed"].mapped("name"))))
        if broken:
            reasons.append(_("Promise to pay %(amount)s by %(date)s was broken.",
                             amount=currency.format(broken[0].amount), date=broken[0].promise_date))
        explanation = _(
            "%(count)s overdue invoice(s) of %(partner)s, %(amount)s in all; %(level)s is due (%(channel)s, %(tone)s "
            "tone). Payment behaviour: %(segment)s — %(reason)s",
            count=len(plan["invoices"]), partner=partner.display_name, amount=currency.format(plan["amount"]),
            level=level.name, channel=dict(level._fields["channel"]._description_selection(self.env))[level.channel],
            tone=tone, segment=dict(self.env["ai.collection.behaviour"]._fields["segment"]._description_selection(
                self.env)).get(segment, segment), reason=(reply or {}).get("reason", ""))
        journal = self.env["account.move"].browse(plan["invoices"][0]["id"]).journal_id
        return {
            "name": _("Reminder %(partner)s: %(level)s", partner=partner.display_name, level=level.name),
            "kind": "collection",
            "company_id": company.id,
            "res_model": "res.partner",
            "res_id": partner.id,
            "confidence": 1.0 if segment != "new" else 0.8,
            "explanation": explanation,
            "reasons": reasons,
            "engine_name": "collections",
            "engine_version": "1",
            "collection_partner_id": partner.id,
            "collection_level_id": level.id,
            "collection_segment": segment,
            "collection_tone": tone,
            "collection_invoice_ids": [(6, 0, [line["id"] for line in plan["invoices"]])],
            "collection_amount": plan["amount"],
            "collection_subject": subject,
            "collection_body": body,
            "proposed_values": {
                "amount": plan["amount"], "journal_id": journal.id, "level_id": level.id,
                "invoices": [{key: line[key] for key in ("id", "name", "due", "days", "residual", "currency",
                                                          "level_id")} for line in plan["invoices"]],
            },
        }

    def _render_message(self, partner, plan, level, tone, company):
        """(subject, body) of the level's template in the customer's language; a plain text without template."""
        invoices = self.env["account.move"].browse([line["id"] for line in plan["invoices"]])
        currencies = {move.id: move.currency_id for move in invoices}
        lines = [{"name": line["name"], "due": line["due"], "days": max(line["days"], 0),
                  "open": currencies[line["id"]].format(line["residual"])} for line in plan["invoices"]]
        variables = {"invoices": invoices, "lines": lines, "tone": tone, "level": level, "company": company,
                     "total": company.currency_id.format(plan["amount"]),
                     "fee": company.currency_id.format(level.fee_amount) if level.fee_amount else ""}
        template = level.mail_template_id
        if not template:
            body = _("<p>Dear %(partner)s, our records show %(amount)s overdue on %(names)s.</p>",
                     partner=partner.name, amount=variables["total"], names=", ".join(invoices.mapped("name")))
            return level.name, body
        template = template.with_company(company)
        subject = template._render_field("subject", [partner.id], compute_lang=True, add_context=variables)
        body = template._render_field("body_html", [partner.id], compute_lang=True, add_context=variables,
                                      options={"post_process": True})
        return subject[partner.id], body[partner.id]
