"""Collections, the pure part: aging buckets, which dunning level an invoice has reached, the tone of a reminder,
whether a promise to pay was kept, and the check of the endpoint's reply.

Pure: no Odoo. Levels are plain dicts ``{"id", "sequence", "days", "min_amount"}`` (``days`` after the due date,
negative for a friendly reminder before it), ordered by ``(days, sequence)``.
"""

#: Default aging bounds: not due, 1-30, 31-60, 61-90, > 90 days overdue.
DEFAULT_BOUNDS = (30, 60, 90)
BUCKETS = ("not_due", "b1", "b2", "b3", "b4")
SEGMENTS = ("reliable", "slow_but_sure", "deteriorating", "at_risk", "new")
TONES = ("friendly", "firm", "final")


class CollectionReplyError(ValueError):
    """The endpoint's collection reply is not what the contract (web_src/contracts/collections.ts) says."""


def parse_bounds(text):
    """'30,60,90' -> (30, 60, 90): three strictly increasing positive day counts, else ValueError."""
    try:
        bounds = tuple(int(part) for part in (text or "").replace(";", ",").split(",") if part.strip())
    except ValueError:
        raise ValueError("The aging buckets must be whole numbers of days, e.g. 30,60,90.") from None
    if len(bounds) != 3 or bounds[0] <= 0 or not bounds[0] < bounds[1] < bounds[2]:
        raise ValueError("The aging buckets need three increasing numbers of days, e.g. 30,60,90.")
    return bounds


def bucket_of(days_overdue, bounds=DEFAULT_BOUNDS):
    """The bucket key of an item ``days_overdue`` days past its due date (<= 0: not due)."""
    if days_overdue <= 0:
        return "not_due"
    for key, bound in zip(BUCKETS[1:], bounds, strict=False):
        if days_overdue <= bound:
            return key
    return "b4"


def bucket_labels(bounds=DEFAULT_BOUNDS):
    """{bucket: label} for the bounds: 'Not due', '1–30', '31–60', '61–90', '> 90'."""
    b1, b2, b3 = bounds
    return {"not_due": "Not due", "b1": "1–%d" % b1, "b2": "%d–%d" % (b1 + 1, b2), "b3": "%d–%d" % (b2 + 1, b3),
            "b4": "> %d" % b3}


def next_level(levels, days_overdue, reached_id=None, days_since_last=None):
    """The level an invoice ``days_overdue`` past due is to be chased at now, or None. Levels are climbed one at a
    time: the one after the level already reached (``reached_id``; the first one if none), once its day has come
    and, after an earlier reminder, once as many days have passed since it (``days_since_last``) as lie between
    the two levels. A reminder is never repeated."""
    ordered = sorted(levels, key=lambda level: (level["days"], level["sequence"]))
    reached_rank = next((rank for rank, level in enumerate(ordered) if level["id"] == reached_id), -1)
    if reached_rank + 1 >= len(ordered):
        return None
    candidate = ordered[reached_rank + 1]
    if days_overdue < candidate["days"]:
        return None
    if reached_rank >= 0 and days_since_last is not None:
        if days_since_last < candidate["days"] - ordered[reached_rank]["days"]:
            return None
    return candidate


def tone_of(segment, level_rank, level_count, promise_broken=False):
    """The tone of a reminder: friendly for the first level of a reliable or new customer, final for the last
    level or a broken promise, firm in between; a customer at risk or deteriorating skips the friendly tone."""
    if promise_broken or (level_count and level_rank >= level_count - 1 and level_count > 1):
        return "final"
    if level_rank == 0 and segment in ("reliable", "new", "slow_but_sure"):
        return "friendly"
    return "firm"


def promise_status(promised_amount, residual_at_promise, residual_now, promise_date, today, tolerance=0.005):
    """'kept' once the customer paid at least the promised amount since the promise, 'broken' when its date has
    passed without that, else 'open'."""
    paid = (residual_at_promise or 0.0) - (residual_now or 0.0)
    if paid + tolerance >= (promised_amount or 0.0):
        return "kept"
    if today > promise_date:
        return "broken"
    return "open"


def check_reply(reply, partner_ids, invoice_ids):
    """Check the endpoint's reply against what was sent; returns {partner_id: customer reply}. Unknown ids, a
    missing segment or a malformed date refuse the whole reply (CollectionReplyError)."""
    if not isinstance(reply, dict) or not isinstance(reply.get("customers"), list):
        raise CollectionReplyError("The collection reply has no list of customers.")
    partner_ids, invoice_ids = set(partner_ids), set(invoice_ids)
    by_partner = {}
    for customer in reply["customers"]:
        if not isinstance(customer, dict) or customer.get("partnerId") not in partner_ids:
            raise CollectionReplyError("The collection reply names a customer that was not sent.")
        if customer.get("segment") not in SEGMENTS:
            raise CollectionReplyError("The collection reply has an unknown segment %r." % customer.get("segment"))
        if not isinstance(customer.get("behaviour"), dict) or not isinstance(customer.get("reason"), str):
            raise CollectionReplyError("The collection reply lacks the behaviour or the reason of a customer.")
        for prediction in customer.get("predictions") or []:
            if not isinstance(prediction, dict) or prediction.get("invoiceId") not in invoice_ids:
                raise CollectionReplyError("The collection reply predicts an invoice that was not sent.")
            for key in ("predictedDate", "low", "high"):
                value = prediction.get(key)
                if not (isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-"):
                    raise CollectionReplyError("The collection reply has a malformed date %r." % value)
        by_partner[customer["partnerId"]] = customer
    return by_partner
