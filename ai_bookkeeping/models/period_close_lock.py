"""The lock of a period close and its reopening: Odoo's own lock dates set through res.company, the checklist as it
stood, a fingerprint of the period's posted entries and the close pack (QWeb PDF) kept with who did it; reopening
moves the soft lock dates back with a reason and leaves the lock in the history."""

import base64
from datetime import timedelta

from odoo import _, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from ..tools import period_close_digest as digest

MANAGER_GROUP = "account.group_account_manager"
REPORT = "ai_bookkeeping.period_close_report"
LOCK_FIELDS = ("fiscalyear_lock_date", "tax_lock_date", "sale_lock_date", "purchase_lock_date", "hard_lock_date")


class AiPeriodCloseLock(models.Model):
    _inherit = "ai.period.close"

    def action_open_lock_wizard(self):
        self.ensure_one()
        self._check_lock_rights()
        return {
            "type": "ir.actions.act_window",
            "name": _("Lock %(name)s", name=self.name),
            "res_model": "ai.period.close.lock.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_close_id": self.id},
        }

    def action_open_exception_wizard(self):
        self.ensure_one()
        self._check_lock_rights()
        return {
            "type": "ir.actions.act_window",
            "name": _("Grant a lock date exception"),
            "res_model": "ai.period.close.exception.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_close_id": self.id},
        }

    def _check_lock_rights(self):
        if not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(_("Only accounting administrators can set lock dates and lock a period close."))

    def _check_lockable(self):
        self.ensure_one()
        if self.state == "locked":
            raise UserError(_("%(name)s is already locked.", name=self.name))
        blocking = self._blocking_open_items()
        if blocking:
            raise UserError(_(
                "%(name)s cannot be locked while blocking items are open: %(items)s. Clear them, or accept them "
                "with a note.", name=self.name, items="; ".join(
                    "%s (%s)" % (item.name, item.count) for item in blocking)))

    def _lock(self, lock_values):
        """Lock the close: set ``lock_values`` (res.company lock date fields) through Odoo's own write and
        validations, snapshot the checklist, fingerprint the period's posted entries and attach the close pack."""
        self.ensure_one()
        self._check_lock_rights()
        self._check_lockable()
        company = self.company_id
        before = {name: fields.Date.to_string(company[name]) if company[name] else None
                  for name in LOCK_FIELDS}
        if lock_values:
            # sudo: res.company is writable by settings administrators only; accounting administrators set the lock
            # dates (checked above), as Odoo's own lock-date wizard does. res.company.write runs _validate_locks.
            company.sudo().write(lock_values)
        rows = self._checklist_rows()
        details = self._period_digest()
        self.write({
            "state": "locked",
            "locked_by_id": self.env.uid,
            "locked_at": fields.Datetime.now(),
            "lock_dates": {name: fields.Date.to_string(value) for name, value in lock_values.items()},
            "checklist_snapshot": rows,
            "period_digest": details["digest"],
            "period_digest_details": details,
        })
        self._attach_close_pack()
        # sudo: the history is written by the close only (nobody creates or edits it by hand)
        self.env["ai.period.close.lock.record"].sudo().create({
            "close_id": self.id, "locked_by_id": self.env.uid, "locked_at": self.locked_at,
            "lock_dates": self.lock_dates, "lock_dates_before": before, "checklist_snapshot": rows,
            "period_digest": details["digest"], "close_pack_id": self.close_pack_id.id,
        })
        labels = {name: company._fields[name]._description_string(self.env) for name in lock_values}
        self.message_post(body=_(
            "Locked by %(user)s. Lock dates set: %(dates)s. Posted entries digest: %(digest)s.",
            user=self.env.user.name, digest=details["digest"],
            dates=", ".join("%s = %s" % (labels[n], v) for n, v in lock_values.items()) or _("none")))
        return True

    def action_open_reopen_wizard(self):
        self.ensure_one()
        self._check_lock_rights()
        return {
            "type": "ir.actions.act_window",
            "name": _("Reopen %(name)s", name=self.name),
            "res_model": "ai.period.close.reopen.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_close_id": self.id},
        }

    def _reopen(self, reason):
        """Reopen a locked close (accounting administrators, with a reason): the soft lock dates covering the period
        move back — to what they were before this close locked them, or to the day before the period — the close
        is in progress again, and its lock stays in the history with who reopened it, when and why. Refused under
        a hard lock (Odoo never moves one back) and while a later period is locked (reopen that one first)."""
        self.ensure_one()
        self._check_lock_rights()
        reason = (reason or "").strip()
        if not reason:
            raise UserError(_("Say why %(name)s is reopened.", name=self.name))
        if self.state != "locked":
            raise UserError(_("%(name)s is not locked.", name=self.name))
        company = self.company_id
        if company.hard_lock_date and company.hard_lock_date >= self.date_from:
            raise UserError(_(
                "%(name)s is under the hard lock date (%(date)s), which can never be moved back: the period cannot "
                "be reopened.", name=self.name, date=company.hard_lock_date))
        later = self.search([("company_id", "=", company.id), ("state", "=", "locked"),
                             ("date_from", ">", self.date_to)], order="date_from", limit=1)
        if later:
            raise UserError(_("%(later)s, after this period, is locked: reopen it first.", later=later.name))
        record = self.lock_record_ids.filtered(lambda r: not r.reopened_at)[:1]
        before = record.lock_dates_before or {}
        floor = self.date_from - timedelta(days=1)
        restore = {}
        for name in LOCK_FIELDS:
            if name == "hard_lock_date" or not company[name] or company[name] < self.date_from:
                continue
            previous = fields.Date.to_date(before.get(name)) if before.get(name) else False
            restore[name] = previous if not previous or previous < self.date_from else floor
        if restore:
            # sudo: as at lock time (_lock), accounting administrators move the company's lock dates
            company.sudo().write(restore)
        restored = {name: fields.Date.to_string(value) if value else None for name, value in restore.items()}
        if record:
            record.sudo().write({  # sudo: the history is written by the close only
                "reopened_by_id": self.env.uid, "reopened_at": fields.Datetime.now(), "reopen_reason": reason,
                "lock_dates_restored": restored})
        self.write({"state": "in_progress", "locked_by_id": False, "locked_at": False, "lock_dates": False,
                    "checklist_snapshot": False, "period_digest": False, "period_digest_details": False,
                    "close_pack_id": False})
        labels = {name: company._fields[name]._description_string(self.env) for name in restored}
        self.message_post(body=_(
            "Reopened by %(user)s: %(reason)s. Lock dates moved back: %(dates)s. The earlier lock, its digest and "
            "close pack stay in the lock history.", user=self.env.user.name, reason=reason,
            dates=", ".join("%s = %s" % (labels[n], v or "—") for n, v in restored.items()) or _("none")))
        return True

    def _period_digest(self):
        """tools.period_close_digest over the period's posted entries: Odoo's own inalterability hash for the
        sequences of journals that hash their entries, our SHA-256 for the rest."""
        self.ensure_one()
        self.env["account.move"].flush_model()
        self.env.cr.execute(SQL(
            """
            SELECT m.id, m.name, m.date, m.amount_total_signed, m.state, j.code, m.sequence_prefix,
                   m.sequence_number, m.inalterable_hash
              FROM account_move m JOIN account_journal j ON j.id = m.journal_id
             WHERE m.company_id = %s AND m.state = 'posted' AND m.date BETWEEN %s AND %s
             ORDER BY m.id
            """, self.company_id.id, self.date_from, self.date_to))
        unhashed, chains = [], {}
        for move_id, name, day, amount, state, journal, prefix, number, move_hash in self.env.cr.fetchall():
            if not move_hash:
                unhashed.append({"id": move_id, "name": name, "date": fields.Date.to_string(day),
                                 "amount": amount, "state": state})
                continue
            chain = chains.setdefault((journal, prefix), {"journal": journal, "prefix": prefix or "", "entries": 0,
                                                         "number": -1})
            chain["entries"] += 1
            if number > chain["number"]:
                chain.update(number=number, last_name=name, inalterable_hash=move_hash)
        for chain in chains.values():
            del chain["number"]
        return digest.period_digest(unhashed, list(chains.values()))

    def _attach_close_pack(self):
        """Render the close pack with Odoo's report engine and attach it: a PDF when wkhtmltopdf is installed, its
        HTML rendering otherwise (said in the chatter)."""
        self.ensure_one()
        reports = self.env["ir.actions.report"]
        if reports.get_wkhtmltopdf_state() in ("ok", "upgrade") or self.env.context.get("force_report_rendering"):
            content, kind = reports._render_qweb_pdf(REPORT, self.ids)
        else:
            content, kind = reports._render_qweb_html(REPORT, self.ids)
        extension = "pdf" if kind == "pdf" else "html"
        if isinstance(content, str):
            content = content.encode()
        attachment = self.env["ir.attachment"].create({
            "name": "%s.%s" % (self.name, extension),
            "datas": base64.b64encode(content),
            "res_model": self._name,
            "res_id": self.id,
            "mimetype": "application/pdf" if extension == "pdf" else "text/html",
        })
        self.close_pack_id = attachment
        if extension != "pdf":
            self.message_post(body=_("wkhtmltopdf is not installed on the server: the close pack is attached as "
                                     "HTML."))
        return attachment
