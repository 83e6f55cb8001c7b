"""Factories of the vendor bill tests: a purchase journal, a known vendor, the company's purchase taxes, PDFs, and
endpoint replies in the shape of web_src/contracts/bills.ts."""

import base64
import contextlib
import io
import textwrap
import uuid
from unittest.mock import patch

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from odoo import Command

from ..tools import vendor_bill_reply as vbr
from .common import AiBookkeepingCase

VENDOR_VAT = "DE123456789"
VENDOR_IBAN = "DE89370400440532013000"


def pdf_bytes(*pages):
    """A real PDF with one page per text (each text drawn on its page)."""
    buffer = io.BytesIO()
    document = canvas.Canvas(buffer)
    for text in pages or ("Invoice",):
        document.drawString(72, 720, text)
        document.showPage()
    document.save()
    return buffer.getvalue()


def lines_pdf(lines, top=760, leading=18, picture=None):
    """A real one-page PDF: one text line per entry, top down from ``top`` (points); ``picture`` (a PIL image, x,
    y, width, height in points) drawn on the page first."""
    buffer = io.BytesIO()
    document = canvas.Canvas(buffer)
    if picture is not None:
        image, x, y, width, height = picture
        document.drawImage(ImageReader(image), x, y, width=width, height=height)
    for row, text in enumerate(lines):
        document.drawString(72, top - leading * row, text)
    document.showPage()
    document.save()
    return buffer.getvalue()


def field(value, confidence=0.99, page=1):
    if value is None:
        return None
    return {"value": value, "confidence": confidence, "sourceText": "%s" % value, "page": page}


def bill_document(number="INV-1001", vendor="Acme Supplies GmbH", vat=VENDOR_VAT, iban=None, email=None,
                  date="2026-02-10", due="2026-03-12", currency=None, lines=None, taxes=None, checks=None,
                  pages=(1, 1), confidence=0.99, total=None, address=None, kind=None):
    """One bill of a reply; amounts follow from ``lines`` [(description, quantity, unit price, rate)]. ``kind``
    ("invoice", "credit_note", or a field dict) adds the document kind; without it the reply has no such key, as an
    endpoint older than credit notes sent it."""
    lines = [("Printer paper", 10, 10.0, 19.0)] if lines is None else lines
    line_dicts = [{"description": d, "quantity": q, "unitPrice": p, "taxRate": r, "amount": round(q * p, 2),
                   "confidence": 0.95} for d, q, p, r in lines]
    if taxes is None:
        by_rate = {}
        for line in line_dicts:
            by_rate.setdefault(line["taxRate"], 0.0)
            by_rate[line["taxRate"]] += line["amount"]
        taxes = [{"rate": rate, "base": base, "amount": round(base * rate / 100, 2)} for rate, base in by_rate.items()]
    untaxed = round(sum(line["amount"] for line in line_dicts), 2)
    tax = round(sum(t["amount"] or 0.0 for t in taxes), 2)
    kind_field = {} if kind is None else {"documentKind": kind if isinstance(kind, dict) else field(kind, confidence)}
    return {
        "pageFrom": pages[0], "pageTo": pages[1], "source": "text_layer",
        "fields": {
            **kind_field,
            "vendorName": field(vendor, confidence), "vendorAddress": field(address, confidence),
            "vendorVat": field(vat, confidence),
            "vendorIban": field(iban, confidence), "vendorEmail": field(email, confidence),
            "invoiceNumber": field(number, confidence), "invoiceDate": field(date, confidence),
            "dueDate": field(due, 0.8), "paymentTerms": None, "currency": field(currency, confidence),
            "untaxed": field(untaxed, confidence), "totalTax": field(tax, confidence),
            "total": field(round(untaxed + tax, 2) if total is None else total, confidence),
            "purchaseOrderRef": None,
        },
        "lines": line_dicts, "taxes": taxes, "checks": checks or [],
    }


def bill_reply(*documents, warnings=()):
    return {"engine": {"name": "ai_bookkeeping-bills", "version": "test"}, "ocrAvailable": True,
            "warnings": list(warnings), "documents": list(documents) or [bill_document()]}


class VendorBillCase(AiBookkeepingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.journal = cls.company_data["default_journal_purchase"]
        company = cls.env.company
        if "extract_in_invoice_digitalization_mode" in company._fields:  # Enterprise's OCR, when installed
            company.extract_in_invoice_digitalization_mode = "no_send"
        tax_group = cls.env["account.tax.group"].create({"name": "VAT", "company_id": company.id})
        cls.tax_19 = cls.env["account.tax"].create({
            "name": "19% purchase", "amount": 19.0, "type_tax_use": "purchase", "tax_group_id": tax_group.id,
            "company_id": company.id, "sequence": 1})
        cls.tax_7 = cls.env["account.tax"].create({
            "name": "7% purchase", "amount": 7.0, "type_tax_use": "purchase", "tax_group_id": tax_group.id,
            "company_id": company.id, "sequence": 2})
        cls.env["account.tax"].create({  # a sales tax at 21 %: never used on a bill
            "name": "21% sales", "amount": 21.0, "type_tax_use": "sale", "tax_group_id": tax_group.id,
            "company_id": company.id})
        cls.vendor = cls.env["res.partner"].create({
            "name": "Acme Supplies GmbH", "vat": VENDOR_VAT, "is_company": True, "email": "billing@acme-supplies.de",
            "bank_ids": [Command.create({"acc_number": VENDOR_IBAN})],
        })
        cls.office_account = cls.company_data["default_account_expense"].copy({"name": "Office supplies",
                                                                              "code": "604100"})
        cls.it_account = cls.company_data["default_account_expense"].copy({"name": "IT services", "code": "604200"})
        cls.pdf_count = 0

    def make_pdf(self, text=None, name=None, user=None):
        """A new PDF attachment, not linked to any record yet, with content of its own (its own checksum)."""
        type(self).pdf_count += 1
        return self.env["ir.attachment"].with_user(user or self.env.user).create({
            "name": name or "bill_%d.pdf" % self.pdf_count, "mimetype": "application/pdf",
            "raw": pdf_bytes(text or "Bill %d %s" % (self.pdf_count, uuid.uuid4())),
        })

    @contextlib.contextmanager
    def reading(self, *replies):
        """The endpoint reads each document as the next of ``replies`` (a reply dict, or an exception to raise);
        the reply goes through Odoo's real check. Yields the list of attachments sent."""
        sent = []
        queue = list(replies)

        def extract(endpoint, attachment):
            sent.append(attachment)
            answer = queue.pop(0) if len(queue) > 1 else queue[0]
            if isinstance(answer, Exception):
                raise answer
            return vbr.check_reply(answer)

        with patch.object(type(self.env["ai.endpoint"]), "_extract_bill", extract):
            yield sent
            self.run_queue()

    def run_queue(self):
        """What the job queue's cron does in the background: read the documents queued (models/ai_job.py)."""
        self.env["ai.job"].with_user(self.env.ref("base.user_root"))._cron_process(batch_size=500)
        self.env.invalidate_all()

    def upload(self, attachment, journal=None):
        """Upload on the purchase journal (its dashboard's Upload button): the bills created."""
        bills = (journal or self.journal).with_context(default_move_type="in_invoice")._create_document_from_attachment(
            attachment.ids)
        self.run_queue()
        return bills

    def suggestion_of(self, bill):
        return self.env["ai.suggestion"].search([("kind", "=", "vendor_bill"), ("res_model", "=", "account.move"),
                                                 ("res_id", "=", bill.id)])

    def post_history(self, account, count=2, description="Printer paper", vendor=None, date="2026-01-05",
                     analytic=None):
        """Posted bills of the vendor coded on ``account``: the history the AI learns from."""
        bills = self.env["account.move"]
        for index in range(count):
            bill = self.env["account.move"].create({
                "move_type": "in_invoice", "journal_id": self.journal.id, "partner_id": (vendor or self.vendor).id,
                "invoice_date": date, "ref": "OLD-%s-%d" % (account.code, index),
                "invoice_line_ids": [Command.create({
                    "name": description, "quantity": 1, "price_unit": 50.0 + index, "account_id": account.id,
                    "tax_ids": [Command.set(self.tax_19.ids)], "analytic_distribution": analytic})],
            })
            bill.action_post()
            bills |= bill
        return bills

    def raw_email(self, attachments, email_to, sender="Acme Billing <billing@acme-supplies.de>"):
        parts = "\n".join(textwrap.dedent("""\
            --BOUNDARY
            Content-Type: %s
            Content-Transfer-Encoding: base64
            Content-Disposition: attachment; filename="%s"

            %s
        """) % (att.mimetype, att.name, base64.b64encode(att.raw).decode()) for att in attachments)
        return textwrap.dedent("""\
            MIME-Version: 1.0
            Date: Tue, 10 Feb 2026 09:00:00 +0100
            Message-ID: <%s@acme-supplies.de>
            Subject: Your bill
            From: %s
            To: %s
            Content-Type: multipart/mixed; boundary="BOUNDARY"

            --BOUNDARY
            Content-Type: text/plain; charset="UTF-8"

            Please find our bill attached.
        """) % (uuid.uuid4(), sender, email_to) + parts + "\n--BOUNDARY--"
