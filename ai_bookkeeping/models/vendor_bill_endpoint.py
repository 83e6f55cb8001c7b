from odoo import _, api, models
from odoo.exceptions import UserError

from ..tools import endpoint_client
from ..tools import vendor_bill_reply as vbr


class AiBillEndpointUnavailable(UserError):
    """The AI endpoint could not be reached: the document is read again later (the job queue's back-off)."""

    retryable = True


class AiEndpoint(models.AbstractModel):
    _inherit = "ai.endpoint"

    @api.model
    def _extract_bill(self, attachment, mode=None, content=None, merchants=None):
        """The endpoint's reading of one vendor bill document, checked (tools/vendor_bill_reply.check_reply).
        ``mode="receipt"`` reads an expense receipt; ``content`` replaces the attachment's bytes (a photo scaled down);
        ``merchants`` the merchant names the company knows, most relevant first (receipt mode).

        Raises a UserError saying why when the document cannot be read: too large, refused by the data
        minimisation setting, unreadable (encrypted or corrupt), the endpoint down or answering nonsense."""
        name = attachment.name or _("the file")
        raw = content or attachment.raw or b""
        if not raw:
            raise UserError(_("%(file)s is empty.", file=name))
        if len(raw) > vbr.MAX_FILE_BYTES:
            raise UserError(_(
                "%(file)s has %(size).1f MB; documents of at most %(max)d MB are read. Enter this bill by hand or "
                "ask the vendor for a smaller file.",
                file=name, size=len(raw) / 1024 / 1024, max=vbr.MAX_FILE_BYTES // 1024 // 1024))
        company = attachment.company_id or self.env.company
        config = self._get_config()
        if company.ai_data_minimisation and not endpoint_client.is_local_url(config["url"]):
            raise UserError(_(
                "Data minimisation is on for %(company)s: documents are not sent to the AI endpoint at %(url)s, "
                "which is not on this server. Enter this bill by hand, or run the endpoint on the Odoo server.",
                company=company.name, url=config["url"]))
        # The LLM stage sends the document's text (masked) to the LLM: never with data minimisation on (documents do
        # not leave the server), nor once the company's monthly LLM budget is spent.
        llm_allowed = not company.ai_data_minimisation and self.env["ai.llm.usage"]._llm_allowed(company)
        llm = self._get_request_llm() if llm_allowed else None
        try:
            reply = endpoint_client.extract_bill(
                self._ensure_running(), name, attachment.mimetype, raw,
                company={"vat": (company.vat or "")[:64], "name": (company.name or "")[:256],
                         "currency": company.currency_id.name},
                mode=mode, llm_allowed=llm_allowed, llm=llm, merchants=merchants)
        except endpoint_client.EndpointRejected as exc:
            if exc.status in (413, 422) and exc.detail:
                raise UserError(_("%(file)s cannot be read: %(reason)s", file=name, reason=exc.detail)) from None
            raise UserError(_("%(file)s could not be read: %(error)s", file=name, error=exc)) from exc
        except endpoint_client.EndpointError as exc:
            raise AiBillEndpointUnavailable(_(
                "%(file)s could not be read: the AI endpoint, which reads the documents, is not available. "
                "%(error)s", file=name, error=exc)) from exc
        self.env["ai.llm.usage"]._record_reply_usage(company, reply)
        try:
            return vbr.check_reply(reply)
        except vbr.ReplyError as exc:
            raise UserError(_("%(file)s could not be read: %(error)s", file=name, error=exc)) from exc
