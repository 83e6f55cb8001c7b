from odoo import models


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def _decode_edi_pdf(self, filename, content):
        # EXTENDS account: a PDF Odoo cannot open (corrupt, encrypted) gave no file to decode at all, so the bill
        # stayed empty without a word. It is offered to the decoders as a binary instead: the vendor bill reader
        # (models/vendor_bill_move.py) then says on the draft why it could not be read.
        return super()._decode_edi_pdf(filename, content) or self._decode_edi_binary(filename, content)
