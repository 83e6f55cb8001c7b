"""The review dashboard's arguments, checked before anything reads the database.

The dashboard's model methods are public: any JSON-RPC client can call them with anything. Each argument is checked
here against what the browser sends (web_src/contracts/dashboard.ts: DashboardFilters, DashboardOrder,
DashboardGroupBy, the bulk and decision calls) and refused with a sentence naming it, never passed on to the ORM or
to SQL as it came. No Odoo here: the models translate the sentence (see state_machine for the ``_lt`` convention).
"""

import datetime
import math

from . import state_machine as sm

MATCH_TYPES = ("full", "partial", "multi", "writeoff", "expense")
ORDERS = ("confidence desc", "confidence asc", "date desc", "date asc", "amount desc", "amount asc")
GROUP_BYS = ("partner", "journal", "kind", "band", "month")
DECISIONS = ("approve", "reject")
CANDIDATE_KINDS = ("item", "account")
STATES = tuple(code for code, _label in sm.STATES)
# PostgreSQL's integer: an id above it is no id (and would reach SQL as an out-of-range error).
MAX_ID = 2**31 - 1
MAX_OFFSET = 10**9
# Ids in one call: the browser sends chunks of 50, a selection of every row at most a few thousand.
MAX_IDS = 10000
MAX_SEARCH = 200
MAX_REASON = 500
MAX_AMOUNT = 10**15

# DashboardFilters, key by key: how each one is read.
_LIST_FILTERS = {"matchTypes": MATCH_TYPES, "states": STATES}
_ID_FILTERS = ("journalIds", "partnerIds")
_CONFIDENCE_FILTERS = ("minConfidence", "maxConfidence")
_AMOUNT_FILTERS = ("minAmount", "maxAmount")
_DATE_FILTERS = ("dateFrom", "dateTo")
FILTER_KEYS = (tuple(_LIST_FILTERS) + _ID_FILTERS + _CONFIDENCE_FILTERS + _AMOUNT_FILTERS + _DATE_FILTERS
               + ("search",))


def _lt(source):
    return source


class ArgumentError(ValueError):
    """A refused argument: ``source`` is the English sentence (marked for translation), ``params`` fill it in; the
    parameter ``argument`` always names the argument, as the caller wrote it (``filters.partnerIds[2]``)."""

    def __init__(self, source, **params):
        self.source = source
        self.params = params
        super().__init__(source % params)


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value):
    return (isinstance(value, (int, float)) and not isinstance(value, bool)) and math.isfinite(value)


def record_id(value, name, allow_zero=False):
    """A database id: a positive integer (0 too when ``allow_zero``: the dashboard's "no partner")."""
    low = 0 if allow_zero else 1
    if not _is_int(value) or not low <= value <= MAX_ID:
        raise ArgumentError(_lt("%(argument)s must be a record id (a whole number from %(low)s), not %(value)s."),
                            argument=name, low=low, value=_shown(value))
    return value


def ids(value, name="ids", allow_zero=False):
    """A list of ids, as the browser sends it; duplicates are dropped, the order kept."""
    if not isinstance(value, (list, tuple)):
        raise ArgumentError(_lt("%(argument)s must be a list of record ids, not %(value)s."),
                            argument=name, value=_shown(value))
    if len(value) > MAX_IDS:
        raise ArgumentError(_lt("%(argument)s holds %(count)s ids; at most %(max)s are accepted in one call."),
                            argument=name, count=len(value), max=MAX_IDS)
    seen = {}
    for index, item in enumerate(value):
        seen.setdefault(record_id(item, "%s[%s]" % (name, index), allow_zero=allow_zero), None)
    return list(seen)


def offset(value, name="offset"):
    if value is None:
        return 0
    if not _is_int(value) or not 0 <= value <= MAX_OFFSET:
        raise ArgumentError(_lt("%(argument)s must be a whole number from 0 to %(max)s, not %(value)s."),
                            argument=name, max=MAX_OFFSET, value=_shown(value))
    return value


def limit(value, default, maximum, name="limit"):
    if value is None:
        return default
    if not _is_int(value) or not 1 <= value <= maximum:
        raise ArgumentError(_lt("%(argument)s must be a whole number from 1 to %(max)s, not %(value)s."),
                            argument=name, max=maximum, value=_shown(value))
    return value


def choice(value, allowed, name, default=None):
    """One of ``allowed`` (``default`` when absent and a default exists)."""
    if value is None and default is not None:
        return default
    if not isinstance(value, str) or value not in allowed:
        raise ArgumentError(_lt("%(argument)s must be one of %(allowed)s, not %(value)s."),
                            argument=name, allowed=", ".join(allowed), value=_shown(value))
    return value


def text(value, name, maximum, required=False):
    """Free text (a reason, a search): a string, cut at ``maximum`` characters; None when absent."""
    if value is None or (value == "" and not required):
        return None
    if not isinstance(value, str):
        raise ArgumentError(_lt("%(argument)s must be text, not %(value)s."), argument=name, value=_shown(value))
    return value[:maximum]


def _date(value, name):
    if not isinstance(value, str) or len(value) != 10:
        raise ArgumentError(_lt("%(argument)s must be a date written YYYY-MM-DD, not %(value)s."),
                            argument=name, value=_shown(value))
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ArgumentError(_lt("%(argument)s must be a date written YYYY-MM-DD, not %(value)s."),
                            argument=name, value=_shown(value)) from None


def _number(value, name, low, high):
    if not _is_number(value) or not low <= value <= high:
        raise ArgumentError(_lt("%(argument)s must be a number from %(low)s to %(high)s, not %(value)s."),
                            argument=name, low=low, high=high, value=_shown(value))
    return float(value)


def filters(value, name="filters"):
    """DashboardFilters: a dict of the known keys only (absent, None or "" = not filtered); returns a clean dict."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ArgumentError(_lt("%(argument)s must be an object of filters, not %(value)s."),
                            argument=name, value=_shown(value))
    unknown = sorted(str(key) for key in value if key not in FILTER_KEYS)
    if unknown:
        raise ArgumentError(_lt("%(argument)s has unknown filters: %(keys)s (known: %(known)s)."),
                            argument=name, keys=", ".join(unknown), known=", ".join(FILTER_KEYS))
    clean = {}
    for key, raw in value.items():
        path = "%s.%s" % (name, key)
        if raw is None or raw == "":
            continue
        if key in _LIST_FILTERS:
            if not isinstance(raw, (list, tuple)):
                raise ArgumentError(_lt("%(argument)s must be a list, not %(value)s."), argument=path,
                                    value=_shown(raw))
            clean[key] = list(dict.fromkeys(choice(item, _LIST_FILTERS[key], "%s[%s]" % (path, index))
                                            for index, item in enumerate(raw)))
        elif key in _ID_FILTERS:
            clean[key] = ids(raw, path, allow_zero=key == "partnerIds")
        elif key in _CONFIDENCE_FILTERS:
            clean[key] = _number(raw, path, 0, 1)
        elif key in _AMOUNT_FILTERS:
            clean[key] = _number(raw, path, -MAX_AMOUNT, MAX_AMOUNT)
        elif key in _DATE_FILTERS:
            clean[key] = _date(raw, path)
        else:  # search
            clean[key] = text(raw, path, MAX_SEARCH)
    return clean


def _shown(value):
    """The refused value as the message quotes it: its JSON type, and a short excerpt of it."""
    kind = {bool: "a boolean", int: "a number", float: "a number", str: "a text", list: "a list", tuple: "a list",
            dict: "an object", type(None): "nothing"}.get(type(value), "a %s" % type(value).__name__)
    excerpt = repr(value)
    if len(excerpt) > 40:
        excerpt = excerpt[:37] + "..."
    return "%s (%s)" % (kind, excerpt) if value is not None else kind
