"""A text PDF whose vendor block is a picture (the letterhead pasted as an image), uploaded on the purchase journal and
read by the bundled endpoint Odoo starts itself, with the server's real poppler and tesseract: the vendor's name, VAT
number and IBAN, printed only in the picture, are read by OCR, marked so in the bill's panel, and the known vendor is
found from them."""

import os
import shutil
from unittest import SkipTest

from PIL import Image, ImageDraw, ImageFont

from odoo.tests import tagged

from ..tools import endpoint_process
from .llm_common import use_autostarted_endpoint
from .vendor_bill_common import VendorBillCase, lines_pdf

VENDOR_BLOCK = (
    "Acme Supplies GmbH",
    "Hafenstrasse 7, 01067 Dresden",
    "USt-IdNr.: DE123456789",
    "IBAN: DE89 3704 0044 0532 0130 00",
)
BODY = (
    "Invoice no. INV-7790",
    "Invoice date: 12.02.2026",
    "Printer paper   10 x 10.00   100.00",
    "Net amount 100.00 EUR",
    "VAT 19 % 19.00 EUR",
    "Total 119.00 EUR",
)
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def letterhead_pdf():
    """The body as text, the vendor block above it as a 300-dpi grey picture of 300 x 80 pt."""
    picture = Image.new("L", (1250, 333), 255)
    draw = ImageDraw.Draw(picture)
    font = ImageFont.truetype(FONT, 42)
    for row, text in enumerate(VENDOR_BLOCK):
        draw.text((10, 10 + 78 * row), text, fill=0, font=font)
    return lines_pdf(BODY, top=640, picture=(picture, 72, 700, 300, 80))


@tagged("post_install", "-at_install")
class TestVendorBillPictures(VendorBillCase):
    def setUp(self):
        super().setUp()
        for program in ("tesseract", "pdftohtml", "pdftoppm"):
            if not shutil.which(program):
                raise SkipTest("%s is not installed" % program)
        if not os.path.isfile(FONT):
            raise SkipTest("the DejaVu font is missing")
        with open(endpoint_process.BUNDLE, encoding="utf-8") as handle:
            self.assertIn("read by OCR from a picture", handle.read(), "the bundle is older than reading pictures")
        use_autostarted_endpoint(self)
        self.env.ref("base.EUR").active = True

    def test_the_vendor_printed_in_a_picture_is_read_by_ocr_and_matched(self):
        attachment = self.env["ir.attachment"].create({
            "name": "acme_7790.pdf", "mimetype": "application/pdf", "raw": letterhead_pdf()})
        bill = self.upload(attachment)
        suggestion = self.suggestion_of(bill)
        self.assertTrue(suggestion, "the endpoint read the document: %s" % bill.message_ids.mapped("body"))
        fields_ = suggestion.proposed_values["fields"]
        self.assertEqual((fields_["vendor_iban"]["value"], fields_["vendor_iban"]["read_by"]),
                         ("DE89370400440532013000", "ocr"))
        self.assertEqual(fields_["vendor_name"]["read_by"], "ocr")
        self.assertLess(fields_["vendor_name"]["confidence"], 0.95)
        self.assertEqual((fields_["invoice_number"]["value"], fields_["invoice_number"]["read_by"]),
                         ("INV-7790", "extractor"))
        self.assertEqual(bill.partner_id, self.vendor)
        self.assertEqual((fields_["total"]["value"], fields_["total"]["read_by"]), (119.0, "extractor"))
        self.assertIn("(read by OCR from a picture)", bill.ai_bill_panel)
