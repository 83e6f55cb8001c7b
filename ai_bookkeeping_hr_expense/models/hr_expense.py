"""Expense receipts read by the AI: a receipt attached to an expense (uploaded, dropped on the list, or e-mailed to
the expenses alias) is read by the vendor bill reader in its receipt mode (``ai.endpoint._extract_bill``: text layer,
then OCR), and the expense is filled — merchant, date, total, currency, category, account and analytic distribution
learned from this employee's, then the company's, past expenses at that merchant. Then it is reviewed: the policy
rules (models/ai_expense_policy_rule.py), what the employee typed against what the receipt says, duplicates across
employees (same merchant, amount and date within a day; same file; same picture by perceptual hash). The findings
are shown on the expense and put in an ``expense`` suggestion for the approver (models/expense_suggestion.py).

A receipt that cannot be read leaves the expense as it was, with a note saying why: nothing is half filled.
"""

import datetime
import logging
from collections import Counter

from markupsafe import Markup, escape

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ai_bookkeeping.tools import vendor_bill_reply as vbr

from ..tools import expense_policy, receipt_image

_logger = logging.getLogger(__name__)

# Expenses in these states are history the coding is learned from, and candidates for a duplicate.
LIVE_STATES = ("draft", "reported", "submitted", "approved", "done")
# How many past expenses the coding is learned from.
HISTORY = 50
AMOUNT_TOLERANCE = 0.01
# How many merchant names of each source (the employee's, the company's expenses, its vendors) the reader is told.
KNOWN_MERCHANTS = 150


class HrExpense(models.Model):
    _inherit = "hr.expense"

    ai_merchant = fields.Char(string="Merchant (read)", readonly=True, copy=False,
                              help="The merchant the AI read on the receipt.")
    ai_merchant_key = fields.Char(index="btree_not_null", readonly=True, copy=False)
    ai_receipt_values = fields.Json(readonly=True, copy=False, help="What the AI read on the receipt.")
    ai_receipt_phash = fields.Char(string="Receipt image hash", index="btree_not_null", readonly=True, copy=False)
    ai_findings = fields.Json(readonly=True, copy=False, help="The AI review's findings, one sentence each.")
    # Which other expense each duplicate finding is about, with the sentence naming it: read (sudo) only to show the
    # sentence to a user who may read that expense (Odoo's access rules); the others see that a duplicate exists.
    ai_duplicate_details = fields.Json(readonly=True, copy=False, groups="base.group_system")
    ai_findings_html = fields.Html(string="AI review", compute="_compute_ai_findings_html", sanitize=True)
    ai_finding_count = fields.Integer(compute="_compute_ai_findings_html")
    ai_suggestion_id = fields.Many2one("ai.suggestion", string="AI suggestion", readonly=True, copy=False,
                                       index="btree_not_null")
    ai_card_line_ids = fields.Many2many(
        "account.bank.statement.line", "ai_hr_expense_card_line_rel", "expense_id", "line_id",
        string="Card statement lines", readonly=True, copy=False,
        help="The company card's bank lines this card-paid expense may be, handed to the reconciliation engine.")

    @api.depends("ai_findings", "ai_duplicate_details")
    @api.depends_context("uid")
    def _compute_ai_findings_html(self):
        for expense in self:
            findings = [f for f in expense.ai_findings or [] if isinstance(f, dict)]
            expense.ai_finding_count = len([f for f in findings if f.get("severity") != "info"])
            details = expense._ai_readable_duplicate_details()
            expense.ai_findings_html = Markup("<ul>%s</ul>") % Markup("").join(
                Markup('<li class="%s">%s</li>') % (
                    "text-muted" if f.get("severity") == "info" else "text-warning",
                    escape(details.get(f.get("ref")) or f.get("message") or ""))
                for f in findings) if findings else False

    def _ai_readable_duplicate_details(self):
        """``{ref: sentence naming the other expense}`` for the duplicates whose other expense the current user may
        read (``_filtered_access``: the employee's own, a team approver's team, an expense manager or accountant);
        the other duplicates stay as "another expense"."""
        # sudo: the references are kept from every user; each is shown only if its expense passes the check below.
        details = [d for d in self.sudo().ai_duplicate_details or [] if isinstance(d, dict)]
        others = self.browse([d["expense_id"] for d in details if isinstance(d.get("expense_id"), int)]).exists()
        readable = set(others._filtered_access("read").ids)
        return {d.get("ref"): d.get("message") for d in details if d.get("expense_id") in readable}

    # ------------------------------------------------------------------ the ways a receipt comes in

    @api.model
    def create_expense_from_attachments(self, attachment_ids=None, view_type="list"):
        # EXTENDS hr_expense: the files dropped on the expenses list; each new expense is filled from its file.
        action = super().create_expense_from_attachments(attachment_ids=attachment_ids, view_type=view_type)
        expenses = self.browse((action.get("domain") or [[None, None, []]])[0][2])
        for expense in expenses:
            expense._ai_read_receipt(expense.message_main_attachment_id)
        return action

    def _message_post_after_hook(self, message, msg_vals):
        # EXTENDS mail: a receipt e-mailed to the expenses alias. Odoo's message_new creates the expense from the
        # subject (a product code, a price: what the employee "typed"), then the gateway posts the e-mail with its
        # attachments here; the first receipt among them is read.
        result = super()._message_post_after_hook(message, msg_vals)
        if message.message_type == "email" and len(self) == 1 and not self.ai_receipt_values \
                and self.state in ("draft", "reported"):
            receipt = message.attachment_ids.filtered(lambda a: _is_receipt(a))[:1]
            if receipt:
                self._ai_read_receipt(receipt)
        return result

    def attach_document(self, **kwargs):
        # EXTENDS hr_expense: the form's "Attach Receipt": the receipt is read; what the employee typed stays, the
        # differences become findings.
        result = super().attach_document(**kwargs)
        receipt = self.message_main_attachment_id
        if len(self) == 1 and _is_receipt(receipt) and self.state in ("draft", "reported"):
            self._ai_read_receipt(receipt)
        return result

    def action_ai_read_receipt(self):
        """The expense form's button: read the attached receipt (again)."""
        for expense in self:
            receipt = expense.message_main_attachment_id if _is_receipt(expense.message_main_attachment_id) \
                else expense.attachment_ids.filtered(lambda a: _is_receipt(a))[:1]
            if not receipt:
                raise UserError(_("%(expense)s has no receipt (an image or a PDF) attached to read.",
                                  expense=expense.display_name))
            if expense.state not in ("draft", "reported"):
                raise UserError(_("%(expense)s is already submitted; its receipt is not read again.",
                                  expense=expense.display_name))
            expense._ai_read_receipt(receipt)
        return True

    # ------------------------------------------------------------------ reading

    def _ai_read_receipt(self, attachment):
        """Fill this expense from ``attachment`` and review it. Returns True when the receipt was read; otherwise the
        expense is unchanged but for a note (and a finding) saying why."""
        self.ensure_one()
        try:
            with self.env.cr.savepoint():
                reading = self._ai_receipt_reading(attachment)
                self._ai_fill(reading)
        except (UserError, ValidationError) as exc:
            reason = str(exc.args[0] if exc.args else exc)
            self._ai_note_unread(attachment, reason)
            return False
        self._ai_review()
        return True

    def _ai_note_unread(self, attachment, reason):
        self._message_log(body=Markup("%s<br/>%s") % (
            _("The AI could not read the receipt %(file)s; enter the expense by hand.", file=attachment.name or ""),
            reason))
        # sudo: the AI's own fields on the expense, whoever uploaded the file.
        self.sudo().write({"ai_findings": [{"code": "unreadable", "severity": "warning", "message": _(
            "The receipt %(file)s could not be read: %(reason)s", file=attachment.name or "", reason=reason)}]})

    def _ai_receipt_reading(self, attachment):
        """What the receipt says: ``{merchant, date, total, tax, currency, source, confidence, phash, ...}``.
        Raises UserError saying why when it cannot be read or holds nothing."""
        raw = attachment.raw or b""
        if not raw:
            raise UserError(_("%(file)s is empty.", file=attachment.name or ""))
        phash = content = None
        if (attachment.mimetype or "").startswith("image/"):
            try:
                phash = receipt_image.dhash(raw)
                if len(raw) > vbr.MAX_FILE_BYTES:
                    # A phone photo larger than the reader takes: read a grey copy at OCR's size, keep the original.
                    content = receipt_image.shrunk(raw)
            except receipt_image.NotAnImage as exc:
                raise UserError(_("%(file)s is not an image that can be opened (%(error)s).",
                                  file=attachment.name or "", error=exc)) from exc
        reply = self.env["ai.endpoint"]._extract_bill(attachment, mode="receipt", content=content,
                                                      merchants=self._ai_known_merchants())
        document = reply["documents"][0]
        fields_ = document["fields"]
        if not fields_.get("total"):
            raise UserError(" ".join(reply["warnings"]) or _(
                "No total could be read on %(file)s (an unclear photo or not a receipt).", file=attachment.name or ""))
        value = lambda key: (fields_.get(key) or {}).get("value")  # noqa: E731
        return {
            "attachment_id": attachment.id, "file": attachment.name or "", "source": document["source"],
            "merchant": value("vendor_name") or "", "date": value("invoice_date"), "total": value("total"),
            "tax": value("total_tax"), "currency": value("currency"),
            "confidence": {key: (fields_.get(key) or {}).get("confidence") for key in
                           ("vendor_name", "invoice_date", "total", "total_tax", "currency") if fields_.get(key)},
            "checks": [c["message"] for c in document["checks"] if not c["ok"]],
            "warnings": reply["warnings"], "engine": reply["engine"], "phash": phash,
            "scaled_down": content is not None,
        }

    def _ai_known_merchants(self):
        """The merchant names the company knows, most relevant first: the merchants of this employee's approved
        expenses, the company's, then its vendors. The reader takes one it finds printed on the receipt for the
        merchant, so the expense is coded from that merchant's history. Only approved expenses: a reading nobody
        checked yet (a draft) would otherwise teach its own mistakes to the next receipt."""
        base = [("id", "!=", self.id), ("company_id", "=", self.company_id.id), ("ai_merchant", "!=", False),
                ("state", "in", ("approved", "done"))]
        names = []
        # sudo: the names are learned from the company's expenses and vendors, which the employee may not read.
        for domain in ([("employee_id", "=", self.employee_id.id)], []):
            names += [row["ai_merchant"] for row in self.sudo().search_read(
                base + domain, ["ai_merchant"], order="date desc, id desc", limit=KNOWN_MERCHANTS)]
        names += self.env["res.partner"].sudo().search([
            ("supplier_rank", ">", 0), ("is_company", "=", True),
            ("company_id", "in", (False, self.company_id.id))], order="supplier_rank desc, id desc",
            limit=KNOWN_MERCHANTS).mapped("name")
        own = expense_policy.merchant_key(self.company_id.name)
        seen, known = set(), []
        for name in names:
            key = expense_policy.merchant_key(name)
            if key and key != own and key not in seen:
                seen.add(key)
                known.append(name[:128])
        return known[:500]

    def _ai_typed(self):
        """Whether the employee typed the amount before the receipt was read (then the receipt does not overwrite
        what was typed: the differences are findings)."""
        return not self.currency_id.is_zero(self.total_amount_currency)

    def _ai_fill(self, reading):
        findings = []
        currency = self.env["res.currency"].with_context(active_test=False).search(
            [("name", "=", reading["currency"])], limit=1) if reading["currency"] else self.currency_id
        if not currency.active:
            raise UserError(_(
                "The receipt is in %(currency)s, a currency not active in this database: activate it (Accounting "
                "settings) or enter the expense by hand.", currency=reading["currency"]))
        typed = self._ai_typed()
        vals = {"ai_receipt_values": reading, "ai_merchant": reading["merchant"] or False,
                "ai_merchant_key": expense_policy.merchant_key(reading["merchant"]) or False,
                "ai_receipt_phash": reading["phash"] or False}
        coding = self._ai_learned_coding(vals["ai_merchant_key"])
        if typed:
            findings += self._ai_typed_differences(reading, currency)
        else:
            vals.update({"total_amount_currency": reading["total"], "currency_id": currency.id})
            if reading["date"]:
                vals["date"] = reading["date"]
            if reading["merchant"] and (not self.name or self.name == _stem(reading["file"])):
                vals["name"] = reading["merchant"]
            for key in ("product_id", "account_id", "analytic_distribution"):
                if coding.get(key):
                    vals[key] = coding[key]
        if currency != self.company_id.currency_id:
            findings.append({"code": "foreign_currency", "severity": "info", "message": _(
                "paid in %(currency)s; converted at the rate of the expense date", currency=currency.name)})
        for check in reading["checks"]:
            findings.append({"code": "receipt_check", "severity": "warning", "message": check})
        for warning in reading["warnings"]:
            findings.append({"code": "reader", "severity": "info", "message": warning})
        if coding.get("reason"):
            findings.append({"code": "coding", "severity": "info", "message": coding["reason"]})
        if reading["scaled_down"]:
            findings.append({"code": "scaled_down", "severity": "info", "message": _(
                "the photo was read from a copy scaled down to %(side)s pixels; the original stays attached",
                side=receipt_image.READ_MAX_SIDE)})
        # Odoo's onchange-free writes: product first (it recomputes account and taxes), then the rest.
        if "product_id" in vals:
            self.write({"product_id": vals.pop("product_id")})
        if "total_amount_currency" in vals:
            self.write({"currency_id": vals.pop("currency_id")})
        self.write(vals)
        if "total_amount_currency" in vals and currency != self.company_id.currency_id:
            # Odoo converts in the form's onchange only; the company amount at the rate of the expense's date.
            self.total_amount = currency._convert(reading["total"], self.company_id.currency_id, self.company_id,
                                                  self.date or fields.Date.context_today(self))
        tax_read = reading["tax"]
        if tax_read is not None and not typed and abs(tax_read - self.tax_amount_currency) > 0.02:
            findings.append({"code": "tax", "severity": "warning", "message": _(
                "the receipt states %(read)s tax, the category's taxes give %(computed)s",
                read=self.currency_id.format(tax_read), computed=self.currency_id.format(self.tax_amount_currency))})
        self.sudo().ai_findings = findings  # kept by _ai_review, which adds the policy and duplicates
        self._message_log(body=_(
            "Receipt %(file)s read by the AI: %(merchant)s, %(date)s, %(total)s %(currency)s.", file=reading["file"],
            merchant=reading["merchant"] or "?", date=reading["date"] or "?", total=reading["total"],
            currency=currency.name))

    def _ai_typed_differences(self, reading, currency):
        findings = []
        total = reading["total"] or 0.0
        if abs(total - self.total_amount_currency) > AMOUNT_TOLERANCE or currency != self.currency_id:
            findings.append({"code": "typed_total", "severity": "warning", "message": _(
                "typed %(typed)s, the receipt says %(read)s", read=currency.format(total),
                typed=self.currency_id.format(self.total_amount_currency))})
        if reading["date"] and str(self.date) != reading["date"]:
            findings.append({"code": "typed_date", "severity": "warning", "message": _(
                "typed the date %(typed)s, the receipt is dated %(read)s", typed=self.date, read=reading["date"])})
        return findings

    def _ai_learned_coding(self, merchant_key):
        """Category, account and analytic distribution as this employee's — else the company's — last expenses at
        this merchant had them (the most frequent of each), with the sentence saying where it came from."""
        if not merchant_key:
            return {}
        base = [("id", "!=", self.id), ("company_id", "=", self.company_id.id), ("state", "in", LIVE_STATES),
                ("ai_merchant_key", "=", merchant_key)]
        for scope, domain, who in (
                ("employee", [("employee_id", "=", self.employee_id.id)], self.employee_id.name),
                ("company", [], self.company_id.name)):
            # sudo: the coding is learned from the company's expenses, which the employee may not read one by one.
            past = self.sudo().search(base + domain, order="date desc, id desc", limit=HISTORY)
            if not past:
                continue
            products = Counter(e.product_id.id for e in past if e.product_id).most_common(1)
            if not products:
                continue
            product, count = products[0]
            same = past.filtered(lambda e, product=product: e.product_id.id == product)
            accounts = Counter(e.account_id.id for e in same if e.account_id).most_common(1)
            distributions = Counter(
                tuple(sorted((e.analytic_distribution or {}).items())) for e in same if e.analytic_distribution
            ).most_common(1)
            return {
                "product_id": product, "account_id": accounts[0][0] if accounts else False,
                "analytic_distribution": dict(distributions[0][0]) if distributions else False, "scope": scope,
                "reason": _("category %(category)s as on %(count)s of %(total)s past expenses at this merchant "
                            "(%(who)s)", category=same[:1].product_id.name, count=count, total=len(past),
                            who=who),
            }
        return {}

    # ------------------------------------------------------------------ the review: policy and duplicates

    def _ai_review(self):
        """Recompute the policy and duplicate findings of these expenses, keep the reading's, and put each in the
        approver's queue (an ``expense`` suggestion, created or refreshed)."""
        for expense in self:
            kept = [f for f in expense.ai_findings or [] if isinstance(f, dict)
                    and not str(f.get("code", "")).startswith(("policy_", "duplicate_"))]
            duplicates = expense._ai_duplicate_findings()
            for number, finding in enumerate(duplicates, 1):
                finding["ref"] = "d%d" % number  # says nothing about the other expense
            findings = kept + expense._ai_policy_findings() + duplicates
            # sudo: the AI's own fields on the expense, whoever triggered the review. Whoever reads the expense reads
            # ``ai_findings``: a duplicate there says that one exists, not which expense (nor whose, how much, what
            # for); the reference is in ``ai_duplicate_details``, shown to a user who may read that expense, and in
            # the approver's suggestion.
            public = [{k: v for k, v in f.items() if k not in ("detail", "expense_id")} for f in findings]
            expense.sudo().write({"ai_findings": public, "ai_duplicate_details": [
                {"ref": f["ref"], "expense_id": f["expense_id"], "message": f["detail"]} for f in duplicates] or False})
            expense._ai_suggest(findings)

    def _ai_policy_findings(self):
        self.ensure_one()
        if not self.product_id:
            return []
        day = self.sudo().search([("employee_id", "=", self.employee_id.id), ("product_id", "=", self.product_id.id),
                                  ("date", "=", self.date), ("state", "in", LIVE_STATES), ("id", "!=", self.id)])
        facts = {
            "amount": self.total_amount, "day_total": self.total_amount + sum(day.mapped("total_amount")),
            "has_receipt": bool(self.attachment_ids), "weekday": self.date.weekday() if self.date else 0,
            "holiday": self._ai_holiday(), "merchant": self.ai_merchant or "",
        }
        return self.env["ai.expense.policy.rule"].sudo()._findings_for(self, facts)

    def _ai_holiday(self):
        """The name of the public holiday on the expense's date (time off for everyone in the company's calendar)."""
        if not self.date:
            return None
        day_start = datetime.datetime.combine(self.date, datetime.time.min)
        day_end = datetime.datetime.combine(self.date, datetime.time.max)
        calendar = self.employee_id.resource_calendar_id or self.company_id.resource_calendar_id
        leave = self.env["resource.calendar.leaves"].sudo().search([
            ("resource_id", "=", False), ("company_id", "in", (False, self.company_id.id)),
            ("calendar_id", "in", (False, calendar.id)), ("date_from", "<=", day_end), ("date_to", ">=", day_start),
        ], limit=1)
        return leave.name or None

    def _ai_duplicate_findings(self):
        """Other expenses (any employee of the company) that are the same spend."""
        self.ensure_one()
        found = []
        seen = self.browse()
        others = self.sudo().with_context(active_test=False)
        base = [("id", "!=", self.id), ("company_id", "=", self.company_id.id), ("state", "in", LIVE_STATES)]
        checksums = self.attachment_ids.mapped("checksum")
        if checksums:
            attachments = self.env["ir.attachment"].sudo().search([
                ("res_model", "=", "hr.expense"), ("res_id", "!=", self.id), ("checksum", "in", checksums)])
            for expense in others.search(base + [("id", "in", attachments.mapped("res_id"))]):
                found.append(self._ai_duplicate(expense, "duplicate_file", _(
                    "the same receipt file is attached to %(expense)s of %(employee)s", expense=expense.display_name,
                    employee=expense.employee_id.name), _("the same receipt file is attached to another expense")))
                seen |= expense
        if self.ai_receipt_phash:
            for expense in others.search(base + [("ai_receipt_phash", "!=", False), ("id", "not in", seen.ids)]):
                distance = receipt_image.hamming(self.ai_receipt_phash, expense.ai_receipt_phash)
                if distance <= receipt_image.SAME_IMAGE_DISTANCE:
                    found.append(self._ai_duplicate(expense, "duplicate_image", _(
                        "the same receipt picture (%(bits)s of 64 bits differ) is on %(expense)s of %(employee)s",
                        bits=distance, expense=expense.display_name, employee=expense.employee_id.name),
                        _("the same receipt picture is on another expense")))
                    seen |= expense
        if self.ai_merchant_key and self.date:
            day = datetime.timedelta(days=1)
            for expense in others.search(base + [
                    ("ai_merchant_key", "=", self.ai_merchant_key), ("currency_id", "=", self.currency_id.id),
                    ("date", ">=", self.date - day), ("date", "<=", self.date + day), ("id", "not in", seen.ids)]):
                if abs(expense.total_amount_currency - self.total_amount_currency) <= AMOUNT_TOLERANCE:
                    found.append(self._ai_duplicate(expense, "duplicate_spend", _(
                        "same merchant, amount and date (within a day) as %(expense)s of %(employee)s (%(date)s)",
                        expense=expense.display_name, employee=expense.employee_id.name, date=expense.date),
                        _("same merchant, amount and date (within a day) as another expense")))
        return found

    def _ai_duplicate(self, other, code, detail, anonymous):
        """A duplicate finding: ``anonymous`` ("… another expense") for whoever reads the expense, ``detail`` naming
        ``other`` for those who may read it (see _ai_readable_duplicate_details) and the approver's suggestion."""
        return {"code": code, "severity": "warning", "message": anonymous, "detail": detail, "expense_id": other.id}

    def _ai_suggest(self, findings):
        """Create or refresh this expense's suggestion for the approver; a decided one is left as it was."""
        self.ensure_one()
        suggestion = self.ai_suggestion_id
        if suggestion and suggestion.state != "pending":
            return suggestion
        reading = self.ai_receipt_values if isinstance(self.ai_receipt_values, dict) else {}
        warnings = [f for f in findings if f.get("severity") != "info"]
        confidences = [c for c in (reading.get("confidence") or {}).values() if isinstance(c, (int, float))]
        confidence = (min(confidences) if confidences else 0.3) * (0.5 if warnings else 1.0)
        reasons = ([_("read from the receipt %(file)s", file=reading["file"])] if reading.get("file") else
                   [_("no receipt read")]) + [f.get("detail") or f["message"] for f in findings]
        values = {
            "amount": self.total_amount, "amount_currency": self.total_amount_currency,
            "currency": self.currency_id.name, "journal_id": self.sheet_id.journal_id.id or None,
            "expense_id": self.id, "employee": self.employee_id.name, "merchant": self.ai_merchant or "",
            "date": str(self.date) if self.date else None, "product": self.product_id.display_name or "",
            "account": self.account_id.display_name or "", "analytic_distribution": self.analytic_distribution or {},
            "payment_mode": self.payment_mode, "findings": findings,
            "document": {"attachment_id": reading.get("attachment_id"), "name": reading.get("file", ""),
                         "source": reading.get("source")},
        }
        vals = {
            "name": _("Expense %(name)s of %(employee)s, %(amount)s", name=self.name or "?",
                      employee=self.employee_id.name or "?",
                      amount=self.currency_id.format(self.total_amount_currency)),
            "confidence": round(confidence, 3), "explanation": "; ".join(reasons), "reasons": reasons,
            "proposed_values": values,
        }
        # sudo: what a suggestion proposes is written by the engine alone (ai.suggestion.mixin), not by the employee.
        if suggestion:
            suggestion.sudo().write(vals)
            return suggestion
        engine = reading.get("engine") or {}
        suggestion = self.env["ai.suggestion"].sudo().create(dict(
            vals, kind="expense", res_model="hr.expense", res_id=self.id, company_id=self.company_id.id,
            engine_name=engine.get("name") or "ai_bookkeeping_hr_expense",
            engine_version=engine.get("version") or "18.0.1.0.0"))
        self.sudo().ai_suggestion_id = suggestion
        return suggestion

    # ------------------------------------------------------------------ card-paid: the card's bank line

    def _ai_card_candidates(self, journal):
        """Open lines of the card's journal that may be this expense: the amount paid out, within a week of the
        receipt's date, the merchant's name in the label preferred."""
        self.ensure_one()
        if not journal or not self.date:
            return self.env["account.bank.statement.line"]
        week = datetime.timedelta(days=7)
        amount = self.total_amount_currency if self.currency_id == journal.currency_id or (
            not journal.currency_id and self.currency_id == self.company_id.currency_id) else self.total_amount
        lines = self.env["account.bank.statement.line"].sudo().search([
            ("journal_id", "=", journal.id), ("is_reconciled", "=", False),
            ("date", ">=", self.date - week), ("date", "<=", self.date + week),
            ("amount", ">=", -amount - AMOUNT_TOLERANCE), ("amount", "<=", -amount + AMOUNT_TOLERANCE)])
        words = [w for w in (self.ai_merchant_key or "").split() if len(w) >= 3]
        named = lines.filtered(lambda line: any(w in expense_policy.merchant_key(line.payment_ref) for w in words))
        return named or lines





def _is_receipt(attachment):
    mimetype = attachment.mimetype or ""
    return bool(attachment) and (mimetype.startswith("image/") or mimetype == "application/pdf")


def _stem(file_name):
    return ".".join((file_name or "").split(".")[:-1]) or file_name
