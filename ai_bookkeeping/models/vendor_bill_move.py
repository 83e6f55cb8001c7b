"""Vendor bills from documents: a draft bill filled in from the PDF, scan or e-invoice it was created from.

Odoo's own intake (upload on the purchase journal, drop on the bills list, the journal's mail alias, an attachment
added to an empty draft bill) goes through ``_extend_with_attachments``, which asks ``_get_edi_decoder`` for each
file. Odoo's XML decoders (Factur-X, ZUGFeRD 2, UBL) keep priority; this add-on answers only for a PDF, image or XML
file of a vendor bill that nothing else reads (ZUGFeRD 1.0, plain PDFs, scans), and not when Enterprise's OCR
digitises the company's bills. The endpoint reads the document (models/vendor_bill_endpoint.py); the draft is
filled, flagged AI-generated and linked to an ``ai.suggestion`` of kind ``vendor_bill``
(models/vendor_bill_suggestion.py) whose approval posts it. Whatever happens the attachment stays on the draft; a
failure leaves it empty with a chatter note saying why.
"""

import logging
from datetime import timedelta

from markupsafe import Markup, escape

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import confidence as cb
from ..tools import vendor_bill_coding as vbc
from ..tools import vendor_bill_match as vbm
from ..tools import vendor_bill_reply as vbr
from .ai_suggestion_scope import governed_scope, in_governed_scope
from .vendor_bill_endpoint import AiBillEndpointUnavailable

_logger = logging.getLogger(__name__)

BILL_TYPES = ("in_invoice", "in_refund")
# Fields below this confidence are highlighted for the reviewer: the high band's floor (tools/confidence_bands.json).
REVIEW_THRESHOLD = cb.HIGH
DUPLICATE_DAYS = 7
FIELD_LABELS = {
    "document_kind": "Document",
    "vendor_name": "Vendor", "vendor_address": "Vendor address", "vendor_vat": "Vendor VAT",
    "vendor_iban": "IBAN", "vendor_email": "Vendor e-mail",
    "invoice_number": "Bill number", "invoice_date": "Bill date", "due_date": "Due date",
    "payment_terms": "Payment terms", "currency": "Currency", "untaxed": "Untaxed", "total_tax": "Tax",
    "total": "Total", "purchase_order_ref": "Purchase order",
}
# What the AI read and filled, and what a person corrected: written by the add-on's code alone (the vendor's clean
# streak and the learned coding rest on them), never through a client's write.
AI_BILL_FIELDS = ("ai_bill_suggestion_id", "ai_bill_extraction", "ai_bill_filled", "ai_bill_corrections",
                  "ai_bill_document_key", "ai_bill_iban", "ai_bill_state", "ai_bill_reading_attachment_id")
# The job queue's key (models/ai_job.py): the document is read in the background, not in the upload's request.
WORKFLOW = "vendor_bill"
SOURCE_LABELS = {"embedded_xml": "embedded e-invoice XML", "text_layer": "the PDF's text", "ocr": "OCR of the scan"}


class AccountMove(models.Model):
    _inherit = "account.move"

    ai_bill_suggestion_id = fields.Many2one(
        "ai.suggestion", string="AI bill suggestion", readonly=True, copy=False, index="btree_not_null",
        groups="ai_bookkeeping.ai_bookkeeping_group_user",
        help="The suggestion in the AI review queue whose approval posts this bill.")
    ai_bill_extraction = fields.Json(
        readonly=True, copy=False,
        help="What the AI read from the document: each field with its confidence and text, and the findings.")
    ai_bill_filled = fields.Json(readonly=True, copy=False, help="The bill as the AI filled it in.")
    ai_bill_corrections = fields.Json(
        readonly=True, copy=False, help="What a person changed on the AI's filling before approving it.")
    ai_bill_document_key = fields.Char(
        readonly=True, copy=False, index="btree_not_null",
        help="Checksum of the document and the pages the bill was read from: the same file read twice is a duplicate.")
    ai_bill_iban = fields.Char(string="IBAN on the bill", readonly=True, copy=False)
    ai_bill_state = fields.Selection(
        [("reading", "Reading…"), ("retry", "Waiting for the AI endpoint"), ("failed", "Not read")],
        string="AI reading", readonly=True, copy=False,
        help="Reading…: the document is queued and read in the background (the bill fills in a moment); waiting: "
             "the AI endpoint was not available, it is tried again; not read: see the chatter.")
    ai_bill_reading_attachment_id = fields.Many2one("ir.attachment", readonly=True, copy=False,
                                                    help="The document being read in the background.")
    ai_bill_panel = fields.Html(compute="_compute_ai_bill_panel", sanitize=False, string="Read by the AI")
    ai_bill_review_count = fields.Integer(compute="_compute_ai_bill_panel", string="Fields to check")
    ai_bill_finding_count = fields.Integer(compute="_compute_ai_bill_panel", string="Findings")

    @api.model_create_multi
    def create(self, vals_list):
        self._ai_bill_check_writes(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._ai_bill_check_writes([vals])
        return super().write(vals)

    @api.model
    def _ai_bill_check_writes(self, vals_list):
        if not in_governed_scope() and any(name in vals for vals in vals_list for name in AI_BILL_FIELDS):
            raise UserError(_("What the AI read from a bill's document, and what was corrected on it, is recorded by "
                              "the add-on; it cannot be written directly."))

    # ------------------------------------------------------------------ the decoder

    def _get_edi_decoder(self, file_data, new=False):
        # EXTENDS account: the decoders of other modules (XML e-invoices, Enterprise) come first.
        decoder = super()._get_edi_decoder(file_data, new=new)
        if not self._ai_bill_reads(file_data):
            return decoder
        if decoder and file_data.get("originator_pdf"):
            return self._ai_bill_after_failure_of(decoder)
        return decoder or self._ai_bill_decode

    def _ai_bill_reads(self, file_data):
        """Whether this add-on reads ``file_data`` for this (possibly new) move: a vendor bill of a purchase
        journal, a PDF, image or XML that no other decoder took."""
        if self.move_type not in BILL_TYPES or self.journal_id.type != "purchase":
            return False
        if self._ai_bill_enterprise_ocr():
            return False
        kind = file_data.get("type")
        if kind in ("pdf", "xml"):
            return True
        # A binary is a file Odoo could not open as a PDF (corrupt, encrypted) or an image (a scan, a photo).
        mimetype = (file_data.get("attachment") or self.env["ir.attachment"]).mimetype or ""
        return kind == "binary" and (mimetype.startswith("image/") or mimetype == "application/pdf")

    def _ai_bill_after_failure_of(self, decoder):
        """Odoo's decoder for the XML embedded in a PDF first; when it fails (an e-invoice it cannot import, e.g. a
        ZeroDivisionError on a real UBL file), the PDF is read instead of leaving the draft empty."""
        def decode_or_read(invoice, file_data, new=False):
            try:
                with self.env.cr.savepoint():
                    return decoder(invoice, file_data, new)
            except Exception as exc:  # noqa: BLE001 - whatever the other decoder raises, as Odoo's own loop does
                _logger.info("Importing the XML of %s failed (%s); reading the document instead",
                             file_data.get("filename"), exc)
                invoice._message_log(body=_(
                    "Odoo could not import the e-invoice XML embedded in %(file)s (%(error)s); the AI read the "
                    "document instead.", file=file_data["originator_pdf"].name or "", error=exc))
                return self._ai_bill_decode(invoice, file_data, new)

        decode_or_read.__name__ = decoder.__name__
        return decode_or_read

    def _ai_bill_enterprise_ocr(self):
        """True when Enterprise's OCR (account_invoice_extract) digitises this company's vendor bills: it then reads
        the document itself, after the upload, and this add-on stays out of its way."""
        mode = self.company_id._fields.get("extract_in_invoice_digitalization_mode")
        return bool(mode) and self.company_id[mode.name] not in (False, "no_send")

    def _ai_bill_decode(self, invoice, file_data, new=False):
        """The decoder Odoo calls (see ``_get_edi_decoder``). An embedded XML nobody else reads (ZUGFeRD 1.0) is
        read through the PDF holding it. Returns True: the document belongs to this draft, read or not."""
        attachment = file_data.get("originator_pdf") or file_data["attachment"]
        invoice._ai_bill_queue(attachment)
        return True

    # ------------------------------------------------------------------ the job queue (models/ai_job.py)

    def _ai_bill_queue(self, attachment):
        """Mark this empty draft "Reading…" and queue it: the upload returns at once, the cron reads the document
        (an OCR scan takes seconds per page) and fills the draft."""
        with governed_scope():
            self.write({"ai_bill_state": "reading", "ai_bill_reading_attachment_id": attachment.id})
        self._message_log(body=_("The AI is reading %(file)s in the background; this bill fills in a moment.",
                                 file=attachment.name or ""))
        self.env["ai.job"]._enqueue(WORKFLOW, self)

    def unlink(self):
        self.env["ai.job"]._forget_targets(self)  # a Many2oneReference has no ON DELETE CASCADE
        return super().unlink()

    def _ai_job_run(self, workflow):
        if workflow != WORKFLOW:
            return super()._ai_job_run(workflow)
        unavailable = []
        for move in self.filtered_domain(self._ai_bill_reading_domain()):
            attachment = move.ai_bill_reading_attachment_id
            try:
                move.with_context(ai_bill_job=True)._ai_bill_read_attachment(attachment)
            except AiBillEndpointUnavailable as exc:
                unavailable.append((move, exc))
                continue
            with governed_scope():
                move.write({"ai_bill_state": False if move.ai_bill_extraction else "failed",
                            "ai_bill_reading_attachment_id": False})
        if unavailable:
            # The bills read are kept (their own savepoints); the others are retried on the back-off schedule.
            raise unavailable[0][1]

    def _ai_bill_reading_domain(self):
        return [("state", "=", "draft"), ("ai_bill_state", "in", ("reading", "retry")),
                ("ai_bill_reading_attachment_id", "!=", False)]

    def _ai_job_settled_domain(self, workflow):
        if workflow != WORKFLOW:
            return super()._ai_job_settled_domain(workflow)
        return ["!", *self._ai_bill_reading_domain()]

    def _ai_job_failed(self, workflow, message):
        if workflow != WORKFLOW:
            return super()._ai_job_failed(workflow, message)
        with governed_scope():
            return self.filtered_domain(self._ai_bill_reading_domain()).write({"ai_bill_state": "retry"})

    def _ai_job_dropped(self, workflow):
        if workflow != WORKFLOW:
            return super()._ai_job_dropped(workflow)
        with governed_scope():
            return self.filtered(lambda move: move.ai_bill_state in ("reading", "retry")).write(
                {"ai_bill_state": False, "ai_bill_reading_attachment_id": False})

    def _ai_job_known_errors(self, workflow):
        if workflow != WORKFLOW:
            return super()._ai_job_known_errors(workflow)
        return (AiBillEndpointUnavailable,)

    def _ai_bill_read_attachment(self, attachment):
        """Fill this empty draft bill from ``attachment``, plus one new draft per further bill the document holds.
        Returns the bills filled; a failure leaves this one empty with a chatter note saying why."""
        self.ensure_one()
        try:
            reply = self.env["ai.endpoint"]._extract_bill(attachment)
        except UserError as exc:
            if isinstance(exc, AiBillEndpointUnavailable) and self.env.context.get("ai_bill_job"):
                raise  # the queue tries again later
            self._ai_bill_note_failure(attachment, str(exc.args[0] if exc.args else exc))
            return self.browse()
        bills = self.browse()
        documents = reply["documents"]
        for index, document in enumerate(documents):
            bill = self if index == 0 else self._ai_bill_sibling(attachment, document, index, len(documents))
            try:
                with self.env.cr.savepoint():
                    if bill._ai_bill_fill(attachment, reply, document):
                        bills |= bill
            except (UserError, ValidationError) as exc:
                bill._ai_bill_note_failure(attachment, str(exc.args[0] if exc.args else exc))
        if bills:
            # sudo: the link is for AI users and the suggestions are the engine's; the rules decide, not the uploader.
            bills.sudo().ai_bill_suggestion_id._ai_auto_apply()
        return bills

    def _ai_bill_note_failure(self, attachment, reason):
        self._message_log(body=Markup("%s<br/>%s") % (
            _("The AI could not fill in this bill from %(file)s; it is left empty for you to enter.",
              file=attachment.name or ""), reason))

    def _ai_bill_sibling(self, attachment, document, index, count):
        """A new draft for the ``index``-th bill of a document holding ``count``, with its own copy of the file."""
        sibling = self.with_context(skip_is_manually_modified=True).create({
            "move_type": self.move_type, "journal_id": self.journal_id.id, "company_id": self.company_id.id,
            "invoice_source_email": self.invoice_source_email,
        })
        copy = attachment.copy({
            "res_model": "account.move", "res_id": sibling.id,
            "name": _("%(file)s (pages %(start)s-%(end)s)", file=attachment.name or "",
                      start=document["page_from"], end=document["page_to"]),
        })
        sibling.message_main_attachment_id = copy
        sibling._message_log(body=_(
            "Bill %(index)s of %(count)s read from %(file)s (pages %(start)s-%(end)s).", index=index + 1,
            count=count, file=attachment.name or "", start=document["page_from"], end=document["page_to"]))
        return sibling

    # ------------------------------------------------------------------ filling the draft

    def _ai_bill_fill(self, attachment, reply, document):
        """Write what the document says into this empty draft and put a suggestion in the review queue. Returns
        False (and notes why) when nothing usable was read."""
        self.ensure_one()
        if vbr.is_empty(document):
            reason = " ".join(reply["warnings"]) or _("No bill was found in this document.")
            self._ai_bill_note_failure(attachment, reason)
            return False
        fields_ = document["fields"]
        findings = [{"code": "warning", "severity": "info", "message": warning} for warning in reply["warnings"]]
        findings += [{"code": check["code"], "severity": "warning", "message": check["message"]}
                     for check in document["checks"] if not check["ok"]]
        vendor, match = self._ai_bill_match_vendor(fields_)
        if not vendor and self.partner_id:
            # Set before the document was read: the mail alias's sender, or the clerk on the empty draft.
            vendor = self.partner_id.commercial_partner_id
            match = {"partner_id": vendor.id, "method": "sender", "confidence": 0.8,
                     "reason": _("the vendor already on the draft (e-mail sender or set by hand)")}
        new_partner = None if vendor else self._ai_bill_new_partner(fields_)
        if not vendor:
            findings.append({"code": "vendor_new", "severity": "warning", "message": _(
                "No vendor matches; %(name)s is proposed as a new vendor, created when the bill is approved.",
                name=(new_partner or {}).get("name") or _("(no name read)"))})
        currency = self._ai_bill_currency(fields_, findings)
        iban = vbm.normalise_iban((fields_.get("vendor_iban") or {}).get("value"))
        bank = self._ai_bill_bank(vendor, iban, findings)
        total = (fields_.get("total") or {}).get("value")
        # A credit note: the document kind says so (its amounts stated positive), or, from an endpoint older than the
        # kind, a negative total. A draft the clerk opened as a refund stays one.
        credit_note = vbr.is_credit_note(document)
        refund = credit_note and self.move_type == "in_invoice"
        findings += self._ai_bill_kind_findings(fields_, credit_note)
        move = self.with_context(skip_is_manually_modified=True)
        header = {"partner_id": vendor.id if vendor else False, "partner_bank_id": bank.id if bank else False}
        if refund:
            header["move_type"] = "in_refund"
        if currency:
            header["currency_id"] = currency.id
        for key, name in (("invoice_number", "ref"), ("invoice_date", "invoice_date"),
                          ("purchase_order_ref", "invoice_origin")):
            if fields_.get(key):
                header[name] = fields_[key]["value"]
        move.write(header)
        if fields_.get("due_date"):
            move.write({"invoice_payment_term_id": False, "invoice_date_due": fields_["due_date"]["value"]})
        if currency:
            move.write({"invoice_line_ids": [Command.create(vals) for vals in
                                             self._ai_bill_line_vals(document, vendor, findings)]})
            move._ai_bill_after_lines(document, vendor, findings)
        if total is not None and currency and self.currency_id.compare_amounts(self.amount_total, abs(total)):
            findings.append({"code": "total_differs", "severity": "warning", "message": _(
                "As filled in, the bill totals %(filled)s; the document says %(read)s. Check the lines and taxes.",
                filled=self.amount_total, read=abs(total))})
        checksum = attachment.sudo().checksum or ""  # sudo: the checksum column of a file the user just gave
        with governed_scope():  # the add-on's own record of what was read and filled (AI_BILL_FIELDS)
            move.write({
                "ai_bill_iban": iban or False,
                "ai_bill_document_key": "%s#%s-%s" % (checksum, document["page_from"], document["page_to"])
                if checksum else False,
                "ai_bill_filled": self._ai_bill_snapshot(),
            })
            suggestion = self._ai_bill_suggest(attachment, reply, document, vendor, match, new_partner, findings)
            move.write({"ai_bill_extraction": {
                "fields": suggestion.proposed_values["fields"], "findings": findings, "source": document["source"],
                "pages": [document["page_from"], document["page_to"]], "file": attachment.name or "",
                # The type the draft was opened as, when the AI made it a refund: rejecting puts it back.
                "opened_as": "in_invoice" if refund else False,
            }})
            self.sudo().ai_bill_suggestion_id = suggestion  # sudo: the link is the engine's, whoever uploaded
        suggestion._ai_flag_moves({suggestion.id: self}, flag=True)
        self._message_log(body=_(
            "Filled in by the AI from %(file)s (%(origin)s): %(count)s fields to check, %(findings)s findings. "
            "Approve it in the AI review queue to post it.",
            file=attachment.name or "", origin=SOURCE_LABELS.get(document["source"], document["source"]),
            count=self.ai_bill_review_count, findings=self.ai_bill_finding_count))
        return True

    def _ai_bill_kind_findings(self, fields_, credit_note):
        """What the document is, said to the reviewer: a credit note booked as a vendor refund; a document read as an
        invoice on a draft opened as a refund."""
        kind = fields_.get("document_kind") or {}
        if credit_note:
            why = kind.get("source_text") or _("a negative total")
            return [{"code": "credit_note", "severity": "info", "message": _(
                "The document is a credit note (%(why)s): the draft is a vendor refund, its amounts positive.",
                why=why)}]
        if kind.get("value") == "invoice" and self.move_type == "in_refund":
            return [{"code": "kind_differs", "severity": "warning", "message": _(
                "The document reads as an invoice (%(why)s), and this draft is a vendor refund: check which it is.",
                why=kind.get("source_text") or "")}]
        return []

    def _ai_bill_after_lines(self, document, vendor, findings):
        """Called once the document's lines are on the draft, before the totals are compared: a bridge add-on
        (ai_bookkeeping_purchase) links them to what was ordered and appends its findings. Nothing here."""

    def _ai_bill_match_vendor(self, fields_):
        """(partner or None, the match dict of tools.vendor_bill_match.match_vendor or None)."""
        candidates = self._ai_bill_vendor_candidates(fields_)
        match = vbm.match_vendor(fields_, [candidate for candidate, _partner in candidates.values()])
        if not match:
            return None, None
        return candidates[match["partner_id"]][1], match

    def _ai_bill_vendor_candidates(self, fields_):
        """{partner id: (candidate dict, partner)}: the commercial partners sharing the VAT, the IBAN, the e-mail
        domain or a word of the name with the bill, the company's own partner left out."""
        def value(key):
            return (fields_.get(key) or {}).get("value") or ""

        Partner = self.env["res.partner"]
        company_domain = ["|", ("company_id", "=", False), ("company_id", "=", self.company_id.id)]
        partners = Partner.browse()
        vat = vbm.normalise_vat(value("vendor_vat"))
        if len(vat) >= 4:
            partners |= Partner.search(company_domain + [("vat", "ilike", vat[-4:])], limit=50)
        iban = vbm.normalise_iban(value("vendor_iban"))
        if iban:
            partners |= self.env["res.partner.bank"].search(
                [("sanitized_acc_number", "=", iban)], limit=20).partner_id
        domain = vbm.email_domain(value("vendor_email"))
        if domain:
            partners |= Partner.search(company_domain + [("email", "=ilike", "%@" + domain)], limit=20)
        address = value("vendor_address") or {}
        if address.get("zip"):
            partners |= Partner.search(company_domain + [("zip", "=", address["zip"]), ("is_company", "=", True)],
                                       limit=20)
        tokens = sorted(vbm.name_tokens(value("vendor_name")), key=len, reverse=True)
        if tokens and len(tokens[0]) >= 3:
            partners |= Partner.search(company_domain + [("name", "ilike", tokens[0])], limit=50)
        candidates = {}
        own = self.company_id.partner_id.commercial_partner_id
        for partner in partners.commercial_partner_id - own:
            family = partner | partner.child_ids
            candidates[partner.id] = ({
                "id": partner.id, "name": partner.name, "vat": partner.vat,
                "ibans": (partner.bank_ids | partner.child_ids.bank_ids).mapped("sanitized_acc_number"),
                "email_domains": [d for d in {vbm.email_domain(e) for e in family.mapped("email") if e} if d],
                "zip": partner.zip or None, "street": partner.street or None,
            }, partner)
        return candidates

    def _ai_bill_new_partner(self, fields_):
        proposal = {key: (fields_.get(key) or {}).get("value") or None
                    for key in ("vendor_name", "vendor_vat", "vendor_iban", "vendor_email")}
        if not proposal["vendor_name"]:
            return None
        address = (fields_.get("vendor_address") or {}).get("value") or None
        return {"name": proposal["vendor_name"], "vat": proposal["vendor_vat"], "iban": proposal["vendor_iban"],
                "email": proposal["vendor_email"], "address": address}

    def _ai_bill_currency(self, fields_, findings):
        """The bill's currency, or None (with a blocking finding) for one the company does not use."""
        code = (fields_.get("currency") or {}).get("value") or self.company_id.currency_id.name
        currency = self.env["res.currency"].with_context(active_test=False).search([("name", "=", code)], limit=1)
        if currency and currency.active:
            return currency
        findings.append({"code": "currency", "severity": "blocking", "message": _(
            "The bill is in %(code)s, a currency this database does not use: activate it (Accounting › "
            "Configuration › Currencies) and add the lines, or enter the bill by hand. No line was filled in.",
            code=code)})
        return None

    def _ai_bill_bank(self, vendor, iban, findings):
        """The vendor's bank account the bill asks to pay to; a finding when the IBAN is not one of them."""
        if not vendor or not iban:
            return None
        banks = (vendor.bank_ids | vendor.child_ids.bank_ids).filtered(lambda b: b.sanitized_acc_number == iban)
        if banks:
            return banks[:1]
        findings.append({"code": "iban_not_vendor", "severity": "warning", "message": _(
            "The bill asks for payment to %(iban)s, which is not a bank account of %(vendor)s: confirm it with the "
            "vendor by phone before paying (a common payment-fraud pattern).", iban=iban, vendor=vendor.name)})
        return None

    def _ai_bill_line_vals(self, document, vendor, findings):
        """Invoice line values: the document's lines (else one line per tax rate, else one for the untaxed
        amount), taxes mapped to the company's purchase taxes, accounts and analytics learned from the vendor."""
        fields_ = document["fields"]
        sign = -1.0 if ((fields_.get("total") or {}).get("value") or 0.0) < 0 else 1.0
        rows = [{"description": line["description"], "quantity": line["quantity"], "unit_price": line["unit_price"],
                 "amount": line["amount"], "tax_rate": line["tax_rate"]} for line in document["lines"]]
        label = " ".join(filter(None, [(fields_.get("vendor_name") or {}).get("value"),
                                       (fields_.get("invoice_number") or {}).get("value")])) or _("Bill")
        if not rows:
            rows = [{"description": label, "quantity": 1.0, "unit_price": None, "amount": tax["base"],
                     "tax_rate": tax["rate"]} for tax in document["taxes"] if tax["base"] is not None]
        if not rows:
            amount = (fields_.get("untaxed") or fields_.get("total") or {}).get("value")
            rows = [{"description": label, "quantity": 1.0, "unit_price": None, "amount": amount, "tax_rate": None}]
        only_rate = document["taxes"][0]["rate"] if len(document["taxes"]) == 1 else None
        history, corrections, preferred = self._ai_bill_vendor_history(vendor)
        taxes = self._ai_bill_purchase_taxes()
        unmapped = set()
        vals_list = []
        for row in rows:
            quantity, price = self._ai_bill_quantity_price(row, sign)
            vals = {"name": row["description"] or label, "quantity": quantity, "price_unit": price,
                    "tax_ids": [Command.set([])]}
            rate = row["tax_rate"] if row["tax_rate"] is not None else only_rate
            if rate is not None:
                tax_id = vbm.map_tax(rate, taxes, preferred)
                if tax_id:
                    vals["tax_ids"] = [Command.set([tax_id])]
                elif rate:
                    unmapped.add(rate)
            coding = vbc.learn_coding(history, corrections, row["description"]) if vendor else None
            if coding:
                vals["account_id"] = coding["account_id"]
                if coding["analytic_distribution"]:
                    vals["analytic_distribution"] = coding["analytic_distribution"]
            vals_list.append(vals)
        for rate in sorted(unmapped):
            findings.append({"code": "tax_unmapped", "severity": "warning", "message": _(
                "The bill has a %(rate)s %% tax, and the company has no purchase tax at that rate: the lines were "
                "left without tax. Choose the tax by hand (none was invented).", rate=rate)})
        return vals_list

    @api.model
    def _ai_bill_quantity_price(self, row, sign):
        quantity = row["quantity"] if row["quantity"] else 1.0
        amount, unit = row["amount"], row["unit_price"]
        if amount is None:
            return abs(quantity), abs(unit or 0.0)
        if unit is not None and abs(quantity * unit - amount) <= 0.005:
            return abs(quantity), abs(unit) * (1 if sign * amount >= 0 else -1)
        per_unit = amount / quantity
        if abs(round(per_unit, 2) * quantity - amount) <= 0.005:
            return abs(quantity), round(per_unit, 2) * sign * (1 if quantity > 0 else -1)
        return 1.0, amount * sign

    def _ai_bill_purchase_taxes(self):
        taxes = self.env["account.tax"].search([
            *self.env["account.tax"]._check_company_domain(self.company_id),
            ("type_tax_use", "=", "purchase"), ("amount_type", "=", "percent"),
        ])
        return [{"id": tax.id, "amount": tax.amount, "amount_type": tax.amount_type,
                 "price_include": tax.price_include, "tax_scope": tax.tax_scope, "sequence": tax.sequence}
                for tax in taxes]

    def _ai_bill_vendor_history(self, vendor):
        """(posted bill lines newest first, account corrections newest first, tax ids most used first) of
        ``vendor``, for tools.vendor_bill_coding.learn_coding and tools.vendor_bill_match.map_tax."""
        if not vendor:
            return [], [], []
        lines = self.env["account.move.line"].search([
            ("company_id", "=", self.company_id.id), ("move_id.commercial_partner_id", "=", vendor.id),
            ("move_id.move_type", "in", BILL_TYPES), ("parent_state", "=", "posted"), ("display_type", "=", "product"),
        ], order="date desc, id desc", limit=200)
        history = [{"account_id": line.account_id.id, "description": line.name, "date": str(line.date),
                    "analytic_distribution": line.analytic_distribution or None} for line in lines]
        counts = {}
        for tax in lines.tax_ids:
            counts[tax.id] = len(lines.filtered(lambda line, tax=tax: tax in line.tax_ids))
        preferred = sorted(counts, key=lambda tax_id: -counts[tax_id])
        corrected = self.search([
            ("company_id", "=", self.company_id.id), ("commercial_partner_id", "=", vendor.id),
            ("state", "=", "posted"), ("ai_bill_corrections", "!=", False),
        ], order="date desc, id desc", limit=20)
        corrections = [entry for move in corrected for entry in vbc.account_corrections(move.ai_bill_corrections)]
        return history, corrections, preferred

    def _ai_bill_snapshot(self):
        """The bill as it is now, in the shape tools.vendor_bill_coding.corrections compares."""
        self.ensure_one()
        return {
            "partner_id": self.partner_id.id or None, "ref": self.ref or None,
            "invoice_date": fields.Date.to_string(self.invoice_date) or None,
            "invoice_date_due": fields.Date.to_string(self.invoice_date_due) or None,
            "currency_id": self.currency_id.id or None,
            "lines": [{"description": line.name or "", "account_id": line.account_id.id or None,
                       "tax_ids": line.tax_ids.ids, "quantity": line.quantity, "price_unit": line.price_unit,
                       "analytic_distribution": line.analytic_distribution or None}
                      for line in self.invoice_line_ids.filtered(lambda line: line.display_type == "product")],
        }

    def _ai_bill_suggest(self, attachment, reply, document, vendor, match, new_partner, findings):
        fields_ = document["fields"]
        blocking = any(finding["severity"] == "blocking" for finding in findings)
        vendor_confidence = match["confidence"] if match else 0.0
        confidence = vbc.overall_confidence(fields_, vendor_confidence, blocking)
        total = abs((fields_.get("total") or {}).get("value") or self.amount_total or 0.0)
        amount = self.currency_id._convert(total, self.company_id.currency_id, self.company_id,
                                           self.invoice_date or fields.Date.context_today(self))
        vendor_name = vendor.name if vendor else (new_partner or {}).get("name") or _("an unknown vendor")
        number = (fields_.get("invoice_number") or {}).get("value") or "?"
        reasons = [_("read from %(origin)s, pages %(start)s-%(end)s", origin=SOURCE_LABELS.get(document["source"]),
                     start=document["page_from"], end=document["page_to"])]
        credit_note = self.move_type == "in_refund"
        if credit_note:
            reasons.append(_("a credit note: booked as a vendor refund"))
        if match:
            reasons.append(_("vendor matched by %(reason)s", reason=match["reason"]))
        llm_fields = vbr.llm_read_fields(document)
        if llm_fields:
            reasons.append(_(
                "%(fields)s read by the LLM (%(model)s) where the extractor was unsure; checked against the document",
                fields=", ".join(FIELD_LABELS.get(key, key) for key in llm_fields),
                model=reply["engine"].get("model") or _("a language model")))
        reasons += [finding["message"] for finding in findings if finding["severity"] != "info"]
        proposed = {
            "amount": amount, "amount_currency": total, "currency": self.currency_id.name,
            "journal_id": self.journal_id.id, "move_id": self.id,
            "partner_id": vendor.id if vendor else None, "partner_name": vendor_name,
            "partner_new": not vendor, "new_partner": new_partner, "vendor_match": match,
            "fields": {key: dict(value, label=FIELD_LABELS[key]) for key, value in fields_.items() if value},
            "lines": [{"description": line["description"], "quantity": line["quantity"],
                       "unit_price": line["unit_price"], "tax_rate": line["tax_rate"], "amount": line["amount"],
                       "confidence": line["confidence"]} for line in document["lines"]],
            "taxes": document["taxes"], "findings": findings,
            "document": {"attachment_id": attachment.id, "name": attachment.name or "", "source": document["source"],
                         "pages": [document["page_from"], document["page_to"]],
                         "ocr_available": reply["ocr_available"]},
        }
        # sudo: what a suggestion proposes is written by the engine alone (ai.suggestion.mixin), not by the uploader.
        return self.env["ai.suggestion"].sudo().create({
            "name": (_("Credit note %(number)s from %(vendor)s", number=number, vendor=vendor_name) if credit_note
                     else _("Bill %(number)s from %(vendor)s", number=number, vendor=vendor_name)),
            "kind": "vendor_bill", "res_model": "account.move", "res_id": self.id, "company_id": self.company_id.id,
            "confidence": confidence, "explanation": "; ".join(reasons), "reasons": reasons,
            "engine_name": reply["engine"]["name"], "engine_version": reply["engine"]["version"],
            "engine_model": (reply["engine"].get("model") or False) if llm_fields else False,
            "proposed_values": proposed, "vendor_bill_partner_id": vendor.id if vendor else False,
        })

    def _ai_bill_clear(self):
        """Back to an empty draft (the attachment and the chatter stay): what rejecting the AI's filling does."""
        for move in self.filtered(lambda m: m.state == "draft"):
            data = move.ai_bill_extraction if isinstance(move.ai_bill_extraction, dict) else {}
            with governed_scope():
                move.with_context(skip_is_manually_modified=True).write({
                    "invoice_line_ids": [Command.clear()], "partner_id": False, "partner_bank_id": False,
                    "ref": False, "invoice_date": False, "invoice_origin": False,
                    "currency_id": move.company_id.currency_id.id,
                    "ai_bill_extraction": False, "ai_bill_filled": False, "ai_bill_iban": False,
                })
            if data.get("opened_as") and move.move_type != data["opened_as"]:
                move.move_type = data["opened_as"]

    # ------------------------------------------------------------------ review panel and duplicates

    @api.depends("ai_bill_extraction")
    def _compute_ai_bill_panel(self):
        for move in self:
            data = move.ai_bill_extraction if isinstance(move.ai_bill_extraction, dict) else {}
            values = data.get("fields") or {}
            findings = [f for f in data.get("findings") or [] if f.get("severity") != "info"]
            move.ai_bill_review_count = sum(1 for v in values.values() if v["confidence"] < REVIEW_THRESHOLD)
            move.ai_bill_finding_count = len(findings)
            move.ai_bill_panel = move._ai_bill_render_panel(values, data.get("findings") or []) if data else False

    def _ai_bill_render_panel(self, values, findings):
        rows = Markup("").join(
            Markup('<tr class="%s"><td>%s</td><td>%s</td><td class="text-end">%s %%</td><td class="text-muted">%s'
                   '</td></tr>') % (
                "table-warning fw-bold" if value["confidence"] < REVIEW_THRESHOLD else "",
                FIELD_LABELS.get(key, key), self._ai_bill_display(key, value["value"]),
                round(value["confidence"] * 100),
                _("%(text)s (read by the LLM)", text=value.get("source_text") or "")
                if value.get("read_by") == "llm"
                else _("%(text)s (read by OCR from a picture)", text=value.get("source_text") or "")
                if value.get("read_by") == "ocr" else value.get("source_text") or "")
            for key, value in values.items())
        items = Markup("").join(Markup('<li class="%s">%s</li>') % (
            "text-danger" if finding.get("severity") == "blocking" else "", finding.get("message") or "")
            for finding in findings)
        return Markup(
            '<p>%s</p><table class="table table-sm o_ai_bookkeeping_bill_fields"><thead><tr><th>%s</th><th>%s</th>'
            '<th class="text-end">%s</th><th>%s</th></tr></thead><tbody>%s</tbody></table>%s') % (
            _("Highlighted: below %(threshold)s %% confidence, check them against the document.",
              threshold=round(REVIEW_THRESHOLD * 100)),
            _("Field"), _("Read"), _("Confidence"), _("From the text"), rows,
            (Markup("<h5>%s</h5><ul>%s</ul>") % (_("Findings"), items)) if findings else escape(""))

    @api.model
    def _ai_bill_display(self, key, value):
        if key == "document_kind":
            return _("Credit note") if value == "credit_note" else _("Invoice")
        return vbm.display_value(value)

    @api.depends("ref", "move_type", "partner_id", "invoice_date", "tax_totals", "ai_bill_document_key",
                 "ai_bill_iban", "amount_total")
    def _compute_duplicated_ref_ids(self):
        # EXTENDS account: same vendor + same number is Odoo's own check; AI-read bills add the same file, the same
        # amount from the vendor within a week and the same IBAN + amount.
        super()._compute_duplicated_ref_ids()
        for move in self.filtered(lambda m: m.move_type in BILL_TYPES and (m.ai_bill_document_key or m.ai_bill_iban)):
            move.duplicated_ref_ids |= move._ai_bill_duplicates()

    def _ai_bill_duplicates(self):
        self.ensure_one()
        base = [("id", "!=", self._origin.id or 0), ("company_id", "=", self.company_id.id),
                ("move_type", "=", self.move_type), ("state", "in", ("draft", "posted"))]
        found = self.browse()
        if self.ai_bill_document_key:
            found |= self.search(base + [("ai_bill_document_key", "=", self.ai_bill_document_key)], limit=10)
        amount = self.amount_total
        if amount and self.commercial_partner_id and self.invoice_date:
            found |= self.search(base + [
                ("commercial_partner_id", "=", self.commercial_partner_id.id), ("amount_total", "=", amount),
                ("invoice_date", ">=", self.invoice_date - timedelta(days=DUPLICATE_DAYS)),
                ("invoice_date", "<=", self.invoice_date + timedelta(days=DUPLICATE_DAYS)),
            ], limit=10)
        if amount and self.ai_bill_iban:
            found |= self.search(base + [
                "|", ("ai_bill_iban", "=", self.ai_bill_iban),
                ("partner_bank_id.sanitized_acc_number", "=", self.ai_bill_iban), ("amount_total", "=", amount),
            ], limit=10)
        return found

    def _autopost_bill(self):
        # EXTENDS account: a bill the AI filled is posted by approving its suggestion (approval rules, rollout
        # phase, the vendor's clean streak), never by Odoo's trusted-vendor auto-post behind the review queue.
        if self.sudo().ai_bill_suggestion_id:  # sudo: the link's group is for AI users, the decision for everyone
            return
        return super()._autopost_bill()
