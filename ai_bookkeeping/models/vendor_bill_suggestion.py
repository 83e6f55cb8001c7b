"""Vendor bills from documents: what approving, rejecting and reverting a ``vendor_bill`` suggestion does.

Approving posts the bill (creating the proposed vendor first when it is new) and records what the clerk changed
on the AI's filling, which teaches the next bill of that vendor; rejecting empties the draft (the attachment
stays); reverting resets the posted bill to draft as Odoo allows. A vendor's bills are applied automatically
only after its last N bills were approved with nothing corrected (N per company), and then only as the rollout
phase and approval rules allow.
"""

from odoo import Command, _, fields, models
from odoo.exceptions import UserError

from ..tools import state_machine as sm
from ..tools import vendor_bill_coding as vbc
from .ai_suggestion_scope import in_automatic_scope


class AiSuggestion(models.Model):
    _inherit = "ai.suggestion"

    vendor_bill_partner_id = fields.Many2one(
        "res.partner", string="Bill vendor", readonly=True, index="btree_not_null",
        help="The vendor of the bill: matched by the AI, or created when the bill was approved.")
    vendor_bill_corrected = fields.Boolean(
        string="Corrected before approval", readonly=True, copy=False,
        help="A person changed what the AI filled in on the bill before approving it.")

    def _ai_vendor_bill_moves(self):
        return self.env["account.move"].browse(
            [record.res_id for record in self if record.res_model == "account.move" and record.res_id]).exists()

    def _ai_vendor_bill_move(self):
        self.ensure_one()
        return self._ai_vendor_bill_moves()[:1]

    def _ai_vendor_bill_values(self):
        return self.proposed_values if isinstance(self.proposed_values, dict) else {}

    # ------------------------------------------------------------------ the kind's hooks

    def _check_applicable_vendor_bill(self):
        for record in self:
            move = record._ai_vendor_bill_move()
            if not move:
                raise UserError(_("%(name)s: its bill was deleted.", name=record.display_name))
            if move.state == "cancel":
                raise UserError(_("%(name)s: its bill %(bill)s is cancelled.", name=record.display_name,
                                  bill=move.display_name))
            if move.state == "draft" and not move.invoice_line_ids:
                raise UserError(_("%(name)s: the bill %(bill)s has no line to post; add the lines or reject it.",
                                  name=record.display_name, bill=move.display_name))
            if not move.partner_id and not record._ai_vendor_bill_values().get("new_partner"):
                raise UserError(_("%(name)s: choose the vendor on the bill first.", name=record.display_name))
            if in_automatic_scope():
                record._ai_vendor_bill_check_automatic(move)

    def _ai_vendor_bill_check_automatic(self, move):
        """What a person may accept but the rules never do: a finding, a possible duplicate, totals that differ."""
        findings = [f for f in self._ai_vendor_bill_values().get("findings") or [] if f.get("severity") != "info"]
        if findings:
            raise UserError(findings[0]["message"])
        if move.duplicated_ref_ids:
            raise UserError(_("A possible duplicate of %(bill)s exists.", bill=move.duplicated_ref_ids[0].display_name))

    def _apply_vendor_bill(self):
        for record in self:
            move = record._ai_vendor_bill_move()
            changes = vbc.corrections(move.ai_bill_filled or {}, move._ai_bill_snapshot()) if move.ai_bill_filled \
                else []
            # sudo: the reviewer decides the bill; the vendor record and the bill's own AI fields follow from it.
            partner = move.partner_id or record._ai_vendor_bill_create_partner(move)
            move.sudo().with_context(skip_is_manually_modified=True).write({"ai_bill_corrections": changes or False})
            if move.state == "draft":
                move.action_post()
            record.write({"state": sm.APPLIED, "applied_at": fields.Datetime.now(),
                          "vendor_bill_corrected": bool(changes),
                          "vendor_bill_partner_id": partner.commercial_partner_id.id})

    def _ai_vendor_bill_create_partner(self, move):
        """Create the vendor the suggestion proposed (name, VAT, e-mail, IBAN) and set it on the bill."""
        proposal = self._ai_vendor_bill_values().get("new_partner") or {}
        # sudo: approving the bill creates the vendor it names; a reviewer needs no right to edit contacts for that.
        partner = self.env["res.partner"].sudo().create({
            "name": proposal.get("name") or _("Vendor of %(bill)s", bill=move.display_name),
            "vat": proposal.get("vat") or False, "email": proposal.get("email") or False, "is_company": True,
            "company_id": False, "supplier_rank": 1,
            "bank_ids": [Command.create({"acc_number": proposal["iban"]})] if proposal.get("iban") else [],
            **self._ai_vendor_bill_address_values(proposal.get("address") or {}),
        })
        move.with_context(skip_is_manually_modified=True).write({
            "partner_id": partner.id, "partner_bank_id": partner.bank_ids[:1].id or False})
        return partner.sudo(False)

    def _ai_vendor_bill_address_values(self, address):
        """res.partner values of the address read from the bill (a country Odoo does not know is left out)."""
        country = self.env["res.country"].search([("code", "=", address["country"])], limit=1) \
            if address.get("country") else self.env["res.country"]
        return {"street": address.get("street") or False, "zip": address.get("zip") or False,
                "city": address.get("city") or False, "country_id": country.id or False}

    def _on_rejected_vendor_bill(self):
        moves = self._ai_vendor_bill_moves()
        # sudo: the reviewer rejects the AI's filling; emptying the draft and unflagging it follow from that.
        moves.sudo()._ai_bill_clear()
        self._ai_flag_moves({record.id: record._ai_vendor_bill_moves() for record in self}, flag=False)
        self._ai_note_moves({record.id: record._ai_vendor_bill_moves().filtered(lambda m: m.state == "draft")
                             for record in self},
                            _("AI suggestion %(link)s was rejected by %(user)s: what the AI filled in was removed; "
                              "the document stays attached."))

    def _revert_vendor_bill(self):
        for record in self:
            move = record._ai_vendor_bill_move()
            if move.state == "posted":
                move.button_draft()  # Odoo's own checks: lock dates, hashed entries, payments

    def _ai_generated_moves_vendor_bill(self):
        return self._ai_vendor_bill_moves()

    def _ai_rule_facts_vendor_bill(self):
        facts = {}
        for record in self:
            values = record._ai_vendor_bill_values()
            move = record._ai_vendor_bill_move()
            facts[record.id] = {
                "amount": abs(values.get("amount") or 0.0), "journal_id": values.get("journal_id"),
                "partner_new": bool(values.get("partner_new")) and not move.partner_id,
                "confidence": record.confidence,
                "account_types": sorted(set(move.invoice_line_ids.account_id.mapped("account_type"))),
            }
        return facts

    # ------------------------------------------------------------------ automation: the vendor's clean streak

    def _ai_auto_apply_candidates(self):
        candidates = super()._ai_auto_apply_candidates()
        bills = candidates.filtered(lambda s: s.kind == "vendor_bill")
        return (candidates - bills) | bills.filtered(lambda s: s._ai_vendor_bill_trusted())

    def _ai_vendor_bill_trusted(self):
        """Whether this vendor's last N AI bills (N per company) were all approved with no field corrected."""
        self.ensure_one()
        needed = self.company_id.ai_vendor_bill_autopost_after
        if needed <= 0 or not self.vendor_bill_partner_id:
            return False
        decided = self.search([
            ("kind", "=", "vendor_bill"), ("company_id", "=", self.company_id.id), ("id", "!=", self.id),
            ("vendor_bill_partner_id", "=", self.vendor_bill_partner_id.id),
            ("state", "in", (sm.APPLIED, sm.REJECTED, sm.REVERTED)),
        ], order="decided_at desc, id desc", limit=needed)
        return vbc.clean_streak([{"approved": s.state == sm.APPLIED, "corrected": s.vendor_bill_corrected}
                                 for s in decided]) >= needed
