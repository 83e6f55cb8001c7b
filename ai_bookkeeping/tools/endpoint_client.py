"""HTTP client for the AI endpoint: signs, sends and classifies failures. No Odoo import.

One exception class per failure so callers use ``except``/``isinstance``, never message matching.
"""

import base64
import json
import logging
import socket
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from . import signing

_logger = logging.getLogger(__name__)

MAX_RESPONSE_BYTES = 50 * 1024 * 1024


class EndpointError(Exception):
    """Base class: the endpoint could not give a usable answer. ``retryable`` says whether trying later may help."""

    retryable = True


class EndpointUnreachable(EndpointError):
    """Nothing answers at the configured URL (refused, DNS, unreachable)."""


class EndpointTimeout(EndpointError):
    """The endpoint did not answer within the timeout."""


class EndpointRejected(EndpointError):
    """The endpoint refused the request (4xx): retrying the same request will not help."""

    retryable = False

    def __init__(self, message, status, detail=""):
        super().__init__(message)
        self.status = status
        self.detail = detail  # the endpoint's own sentence ("message" of its error body), empty when none


class EndpointAuthError(EndpointRejected):
    """The endpoint refused the signature: the shared secrets differ or the clocks drift."""


class EndpointServerError(EndpointError):
    """The endpoint failed (5xx)."""


class EndpointBadReply(EndpointError):
    """The endpoint answered something that is not the expected JSON."""


def validate_url(url):
    """Return an error sentence for an unusable endpoint URL, or None."""
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "The AI endpoint URL must look like http://127.0.0.1:8787 (got %r)." % (url or "")
    return None


def is_local_url(url):
    return (urlsplit(url).hostname or "") in ("127.0.0.1", "localhost", "::1")


class EndpointClient:
    def __init__(self, base_url, secret, timeout=30.0, connect_timeout=3.0, opener=None):
        error = validate_url(base_url)
        if error:
            raise EndpointRejected(error, 0)
        if not secret:
            raise EndpointRejected("No shared secret is configured for the AI endpoint.", 0)
        self.base_url = base_url.rstrip("/")
        self.secret = secret
        self.timeout = float(timeout)
        self.connect_timeout = float(connect_timeout)
        self._open = opener or urllib.request.urlopen

    def health(self):
        return self._request("GET", "/healthz", None, timeout=self.connect_timeout)

    def suggest_reconciliations(self, payload):
        return self._request("POST", "/v1/reconcile/suggest", payload, timeout=self.timeout)

    def detect_anomalies(self, payload):
        return self._request("POST", "/v1/anomalies/detect", payload, timeout=self.timeout)

    def parse_statement(self, payload):
        """Read one bank statement file: ``{"fileName", "content" (base64)}`` → the endpoint's normalised statements
        (checked by tools/statement_import_reply.check_reply)."""
        return self._request("POST", "/v1/statements/parse", payload, timeout=self.timeout)

    def check_signature(self):
        """Prove that the endpoint accepts our signature (``/healthz`` answers anyone): a signed request with no
        line. Raises ``EndpointAuthError`` when it refuses the signature, ``EndpointUnreachable`` when nothing
        answers; an invalid-request answer (400) means the signature was accepted."""
        try:
            self._request("POST", "/v1/reconcile/suggest", {"companyId": 1, "companyCurrency": "EUR", "lines": []},
                          timeout=self.connect_timeout)
        except EndpointAuthError:
            raise
        except EndpointRejected as exc:
            if exc.status != 400:
                raise

    def _request(self, method, path, payload, timeout):
        url = self.base_url + path
        body = None
        headers = {"Accept": "application/json"}
        if payload is not None:
            body = signing.request_body(payload)
            headers["Content-Type"] = "application/json"
            headers.update(signing.signed_headers(self.secret, body))
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        try:
            with self._open(request, timeout=timeout) as response:
                raw = response.read(MAX_RESPONSE_BYTES + 1)
        except urllib.error.HTTPError as exc:
            raise self._http_error(exc) from None
        except TimeoutError as exc:
            message = "The AI endpoint at %s did not answer within %s s." % (self.base_url, timeout)
            raise EndpointTimeout(message) from exc
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, (socket.timeout, TimeoutError)):
                raise EndpointTimeout(
                    "The AI endpoint at %s did not answer within %s s." % (self.base_url, timeout)
                ) from exc
            raise EndpointUnreachable("Nothing answers at %s (%s)." % (self.base_url, exc.reason)) from exc
        except (ConnectionError, OSError) as exc:
            raise EndpointUnreachable("Nothing answers at %s (%s)." % (self.base_url, exc)) from exc
        if len(raw) > MAX_RESPONSE_BYTES:
            raise EndpointBadReply("The AI endpoint's reply is larger than %d bytes." % MAX_RESPONSE_BYTES)
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise EndpointBadReply("The AI endpoint answered something that is not JSON.") from exc
        if not isinstance(data, dict):
            raise EndpointBadReply("The AI endpoint answered JSON that is not an object.")
        return data

    def _http_error(self, exc):
        try:
            detail = json.loads(exc.read(65536).decode("utf-8")).get("message") or ""
        except (ValueError, UnicodeDecodeError, AttributeError, OSError):
            detail = ""
        reason = str(detail)[:2000] if detail else ""
        detail = (" " + reason[:500]) if reason else ""
        if exc.code in (401, 403):
            return EndpointAuthError(
                "The AI endpoint refused Odoo's signature (HTTP %d): check that both use the same shared secret and "
                "that the server clocks agree.%s" % (exc.code, detail),
                exc.code,
            )
        if 400 <= exc.code < 500:
            return EndpointRejected("The AI endpoint refused the request (HTTP %d).%s" % (exc.code, detail), exc.code,
                                    detail=reason)
        return EndpointServerError("The AI endpoint failed (HTTP %d).%s" % (exc.code, detail))


BILL_EXTRACT_PATH = "/v1/bills/extract"


def extract_bill(client, file_name, mime_type, content, languages=None, company=None, mode=None, llm_allowed=None,
                 llm=None, merchants=None):
    """Ask the endpoint to read one vendor bill document (PDF, image or XML e-invoice; web_src/contracts/bills.ts).

    :param content: the file's bytes. :param company: ``{"vat", "name", "currency"}`` of the receiving company
        (its own VAT and name are never taken for the vendor's), empty values left out. :param mode: ``"receipt"``
        for an expense receipt (the totals tills print), default a bill. :param llm_allowed: False: the endpoint
        asks no LLM about the fields it is unsure of (None: its own configuration decides). :param llm: this
        database's LLM settings (tools/llm_usage.request_llm), for the bundled endpoint.
        :param merchants: receipt mode, merchant names the company knows, most relevant first (one printed on the
        receipt is its merchant).
    :return: the endpoint's reply, unchecked (tools/vendor_bill_reply.check_reply checks it).
    """
    payload = {
        "fileName": (file_name or "")[:255],
        "mimeType": (mime_type or "")[:255],
        "contentBase64": base64.b64encode(content or b"").decode("ascii"),
    }
    if languages:
        payload["languages"] = list(languages)
    if mode:
        payload["mode"] = mode
    if merchants:
        payload["merchants"] = [name[:128] for name in merchants if name][:500]
    company = {key: value for key, value in (company or {}).items() if value}
    if company:
        payload["company"] = company
    if llm_allowed is not None:
        payload["llmAllowed"] = bool(llm_allowed)
    if llm:
        payload["llm"] = llm
    return client._request("POST", BILL_EXTRACT_PATH, payload, timeout=client.timeout)


COLLECTION_PREDICT_PATH = "/v1/collections/predict"


def predict_collections(client, payload):
    """Ask the endpoint for the customers' payment behaviour, segments and predicted payment dates
    (web_src/contracts/collections.ts). Returns the reply unchecked (tools/collection_rules.check_reply checks it)."""
    return client._request("POST", COLLECTION_PREDICT_PATH, payload, timeout=client.timeout)


REPORT_REPHRASE_PATH = "/v1/reports/rephrase"


def rephrase_report(client, payload):
    """Ask the endpoint's LLM to rephrase a financial report's narrative (web_src/contracts/reports.ts):
    ``{"language", "text", "facts": [{id, value, unit, sense}], "llm"}`` → ``{"rephrased", "text", "reason",
    "usage"}``, unchecked (ai.financial.report runs tools/financial_report_narrative.check_narrative on it)."""
    return client._request("POST", REPORT_REPHRASE_PATH, payload, timeout=client.timeout)
