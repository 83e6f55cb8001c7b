"""Deferral of a bill line that covers a service period of several months: the period read from the line's text
when it has no service dates, and the spread of its amount over the months.

Pure: no Odoo. The amount is spread equally over the calendar months the service period touches (the "months"
method of Odoo Enterprise's deferrals), the rounding difference going to the last month. What belongs to the months
up to the close's period end stays an expense of the period; the rest is deferred and released month by month.
"""

import calendar
import re
from datetime import date

MONTHS = {name: index for index, names in enumerate((
    ("jan", "january", "januar", "janvier"), ("feb", "february", "februar", "fev", "fév", "fevrier", "février"),
    ("mar", "march", "märz", "maerz", "mars"), ("apr", "april", "avril"), ("may", "mai"),
    ("jun", "june", "juni", "juin"), ("jul", "july", "juli", "juillet"),
    ("aug", "august", "aout", "août"), ("sep", "sept", "september", "septembre"),
    ("oct", "october", "oktober", "okt", "octobre"), ("nov", "november", "novembre"),
    ("dec", "december", "dezember", "dez", "decembre", "décembre")), start=1) for name in names}
#: A service period longer than this is not read as one (a contract's whole term, a typo).
MAX_MONTHS = 60

_DASH = r"\s*(?:-|–|—|to|bis|au|until|through)\s*"
_DAY = r"(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[./](\d{1,2})[./](\d{4})"
_DAYS = re.compile(r"(?:%s)%s(?:%s)" % (_DAY, _DASH, _DAY), re.IGNORECASE)
_MONTH_NAME = r"([a-zäéû]{3,9})\.?"
_NAMED = re.compile(r"\b%s(?:\s+(\d{4}))?%s%s\s+(\d{4})\b" % (_MONTH_NAME, _DASH, _MONTH_NAME), re.IGNORECASE)
_NUMERIC_MONTHS = re.compile(r"\b(\d{1,2})/(\d{4})%s(\d{1,2})/(\d{4})\b" % _DASH)


def _day(groups):
    """A date from (iso year, month, day, dmy day, month, year) groups, or None."""
    iso_y, iso_m, iso_d, d, m, y = groups
    try:
        if iso_y:
            return date(int(iso_y), int(iso_m), int(iso_d))
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def _month_end(year, month):
    return date(year, month, calendar.monthrange(year, month)[1])


def service_period(text):
    """(start, end) of the service period a bill line's text names ("Hosting 2026-01-01 - 2026-12-31",
    "Licence 01.03.2026 – 28.02.2027", "Support Jan–Jun 2026", "Maintenance 01/2026 - 12/2026"), or None."""
    if not text:
        return None
    found = None
    match = _DAYS.search(text)
    if match:
        found = (_day(match.groups()[:6]), _day(match.groups()[6:]))
    if not found or None in found:
        match = _NAMED.search(text)
        if match and match.group(1).lower() in MONTHS and match.group(3).lower() in MONTHS:
            end_year = int(match.group(4))
            start_month, end_month = MONTHS[match.group(1).lower()], MONTHS[match.group(3).lower()]
            start_year = int(match.group(2)) if match.group(2) else end_year - (start_month > end_month)
            found = (date(start_year, start_month, 1), _month_end(end_year, end_month))
    if not found or None in found:
        match = _NUMERIC_MONTHS.search(text)
        if match and 1 <= int(match.group(1)) <= 12 and 1 <= int(match.group(3)) <= 12:
            found = (date(int(match.group(2)), int(match.group(1)), 1),
                     _month_end(int(match.group(4)), int(match.group(3))))
    if not found or None in found or found[1] < found[0] or len(months_between(*found)) > MAX_MONTHS:
        return None
    return found


def months_between(start, end):
    """The (year, month) of every calendar month from ``start`` to ``end``, both included."""
    months, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def spread(amount, start, end, period_end):
    """How ``amount`` (company currency, positive or negative) spreads over the service months.

    Returns None when the service period does not reach past ``period_end`` or covers a single month (nothing to
    defer), else {"months": [(month key, share)], "kept": share of the months up to ``period_end``, "deferred": the
    rest, "releases": [(release date = that month's last day, share)] for each month after ``period_end``}."""
    months = months_between(start, end)
    if len(months) < 2 or (end.year, end.month) <= (period_end.year, period_end.month):
        return None
    cents = round(amount * 100)
    base, shares = int(cents / len(months)), []
    for index, _month in enumerate(months):
        shares.append(base if index < len(months) - 1 else cents - base * (len(months) - 1))
    kept = sum(s for (y, m), s in zip(months, shares, strict=True) if (y, m) <= (period_end.year, period_end.month))
    releases = [(_month_end(y, m), s / 100.0) for (y, m), s in zip(months, shares, strict=True)
                if (y, m) > (period_end.year, period_end.month)]
    return {
        "months": [("%04d-%02d" % month, share / 100.0) for month, share in zip(months, shares, strict=True)],
        "kept": kept / 100.0,
        "deferred": (cents - kept) / 100.0,
        "releases": releases,
    }
