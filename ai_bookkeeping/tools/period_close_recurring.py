"""Recurring vendor bills expected in a period but missing, learned from the vendors' billing history.

Pure: no Odoo. The caller reads the history with one grouped query (vendor, month, total, main expense account)
and asks which vendors billed in each of the last ``min_months`` months before the period and not in it.
"""

from datetime import date
from statistics import median

#: A vendor counts as recurring when it billed in each of at least this many consecutive months before the period.
MIN_MONTHS = 3
#: How many months before the period the history looks at.
LOOKBACK_MONTHS = 6


def month_key(day):
    """'YYYY-MM' of a date."""
    return "%04d-%02d" % (day.year, day.month)


def previous_months(period_start, count):
    """The ``count`` month keys before the month of ``period_start``, newest first."""
    year, month = period_start.year, period_start.month
    keys = []
    for _index in range(count):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        keys.append("%04d-%02d" % (year, month))
    return keys


def lookback_start(period_start, months=LOOKBACK_MONTHS):
    """First day of the oldest month the history looks at."""
    oldest = previous_months(period_start, months)[-1]
    return date(int(oldest[:4]), int(oldest[5:]), 1)


def expected_missing_bills(history, period_start, billed_in_period, min_months=MIN_MONTHS,
                           lookback=LOOKBACK_MONTHS):
    """The vendors expected to bill in the period that starts on ``period_start`` and have not.

    ``history``: iterable of dicts {partner_id, month ('YYYY-MM'), amount (company currency, untaxed), account_id
    (the expense account that carried most of that month's bills, or None)} — one per vendor and month.
    ``billed_in_period``: the vendor ids with a bill (draft or posted) dated in the period.

    A vendor is expected when it billed in each of the ``min_months`` months right before the period (a monthly
    rhythm, not an occasional supplier). Returns one dict per missing vendor, largest expected amount first:
    {partner_id, amount (median of the months it billed within the look-back), account_id (most frequent), months
    (the months used, newest first), amounts (the same order)}.
    """
    recent = previous_months(period_start, lookback)
    required = set(recent[:min_months])
    by_partner = {}
    for row in history:
        if row["month"] in recent:
            by_partner.setdefault(row["partner_id"], {})[row["month"]] = row
    missing = []
    for partner_id, months in by_partner.items():
        if partner_id in billed_in_period or not required <= set(months):
            continue
        used = [month for month in recent if month in months]
        amounts = [round(months[month]["amount"], 2) for month in used]
        accounts = [months[month].get("account_id") for month in used if months[month].get("account_id")]
        account_id = max(set(accounts), key=lambda a: (accounts.count(a), -accounts.index(a))) if accounts else None
        missing.append({
            "partner_id": partner_id,
            "amount": round(median(amounts), 2),
            "account_id": account_id,
            "months": used,
            "amounts": amounts,
        })
    missing.sort(key=lambda item: (-item["amount"], item["partner_id"]))
    return missing
