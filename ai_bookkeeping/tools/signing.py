"""HMAC request signing between Odoo and the AI endpoint (mirror of web_src/endpoint/signing.ts).

String to sign: ``f"{timestamp}.{nonce}.{body}"`` as UTF-8 bytes, where ``body`` is the exact request body;
signature: ``"v1=" + lowercase hex HMAC-SHA256(secret, string_to_sign)``.
Headers: ``X-AIB-Timestamp`` (unix seconds), ``X-AIB-Nonce``, ``X-AIB-Signature``.
"""

import hashlib
import hmac
import json
import secrets
import time

HEADER_TIMESTAMP = "X-AIB-Timestamp"
HEADER_NONCE = "X-AIB-Nonce"
HEADER_SIGNATURE = "X-AIB-Signature"


def request_body(payload):
    """The exact bytes sent (and signed) for ``payload``: compact UTF-8 JSON. The one serialisation of a request,
    also behind the audit log's fingerprint (reconcile_payload.payload_hash)."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def sign(secret, body, timestamp, nonce):
    if isinstance(body, str):
        body = body.encode("utf-8")
    message = b"%d.%s." % (int(timestamp), nonce.encode("ascii")) + body
    return "v1=" + hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def signed_headers(secret, body, timestamp=None, nonce=None):
    timestamp = int(time.time()) if timestamp is None else int(timestamp)
    nonce = nonce or secrets.token_hex(16)
    return {
        HEADER_TIMESTAMP: str(timestamp),
        HEADER_NONCE: nonce,
        HEADER_SIGNATURE: sign(secret, body, timestamp, nonce),
    }
