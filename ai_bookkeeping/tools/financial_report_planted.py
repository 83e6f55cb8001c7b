"""Synthetic ledgers with known ("planted") drivers, for the narrative's tests and the benchmark. Pure.

Two years of monthly sales to a handful of customers and costs on a few expense accounts, with noise, and three
planted drivers:

* in the last month, one customer's revenue doubles (``planted["customer"]``);
* in the last month, one cost line spikes (``planted["cost_account"]``, its vendor ``planted["cost_vendor"]``);
* four months before the last, revenue dips by a third, and did so the year before too (``planted["dip_month"]``).

Seeds are split: TUNING_SEEDS were used to set the materiality defaults and the generator's noise; REPORT_SEEDS
were not, and are what the tests and benches report on (``documents`` raises TuningSeedError for a tuning seed unless
``purpose="tuning"``).
"""

import random

TUNING_SEEDS = tuple(range(100, 105))
REPORT_SEEDS = tuple(range(7100, 7110))

CUSTOMERS = ["Northwind Traders", "Blue Sky Retail", "Castle Foods", "Delta Tools", "Evergreen Garden"]
PRODUCTS = ["Consulting hours", "Support plan", "Hardware kit"]
# account key → (account type, label); the codes are made by the caller (Odoo test, pure rows).
ACCOUNTS = {
    "sales": ("income", "Sales"),
    "cogs": ("expense_direct_cost", "Cost of goods sold"),
    "rent": ("expense", "Rent"),
    "software": ("expense", "Software subscriptions"),
    "travel": ("expense", "Travel"),
    "receivable": ("asset_receivable", "Receivables"),
    "payable": ("liability_payable", "Payables"),
    "bank": ("asset_cash", "Bank"),
    "capital": ("equity", "Share capital"),
}
VENDORS = {"rent": "Landlord Ltd", "software": "Cloudsoft", "travel": "Rapid Travel", "cogs": "Parts Wholesale"}


class TuningSeedError(ValueError):
    """A tuning seed was asked for a report."""


def month_add(month, count):
    year, number = int(month[:4]), int(month[5:7])
    index = year * 12 + number - 1 + count
    return "%04d-%02d" % (index // 12, index % 12 + 1)


def documents(seed, last_month="2026-02", months=24, purpose="report", scale=1):
    """The ledger as documents: ``{"documents": [{"month", "day", "kind": "sale" | "cost" | "capital",
    "partner", "product", "account", "amount", "paid"}], "planted": {...}, "last_month", "dip_month"}``.
    ``scale`` repeats each document that many times (smaller amounts, same totals) for benchmarks."""
    if purpose == "report" and seed in TUNING_SEEDS:
        raise TuningSeedError("seed %d was used for tuning; report on REPORT_SEEDS" % seed)
    rng = random.Random(seed)
    customer = CUSTOMERS[rng.randrange(len(CUSTOMERS))]
    cost_account = rng.choice(["software", "travel"])
    dip_month = month_add(last_month, -4)
    base = {name: rng.uniform(6000, 12000) for name in CUSTOMERS}
    product_of = {name: PRODUCTS[i % len(PRODUCTS)] for i, name in enumerate(CUSTOMERS)}
    costs = {"rent": 3000.0, "software": rng.uniform(1500, 2500), "travel": rng.uniform(1500, 2500)}
    first = month_add(last_month, -(months - 1))
    docs = [{"month": first, "day": 1, "kind": "capital", "partner": "", "product": "", "account": "capital",
             "amount": 20000.0, "paid": True}]
    for index in range(months):
        month = month_add(first, index)
        dip = month[5:7] == dip_month[5:7]
        revenue_total = 0.0
        for name in CUSTOMERS:
            amount = base[name] * rng.uniform(0.97, 1.03)
            if dip:
                amount *= 0.66
            if month == last_month and name == customer:
                amount *= 2.0
            revenue_total += amount
            docs.append({"month": month, "day": 5 + CUSTOMERS.index(name), "kind": "sale", "partner": name,
                         "product": product_of[name], "account": "sales", "amount": round(amount, 2),
                         "paid": month != last_month})
        docs.append({"month": month, "day": 12, "kind": "cost", "partner": VENDORS["cogs"], "product": "",
                     "account": "cogs", "amount": round(revenue_total * 0.3, 2), "paid": True})
        for key, amount in costs.items():
            amount *= rng.uniform(0.97, 1.03)
            if month == last_month and key == cost_account:
                amount *= 4.0
            docs.append({"month": month, "day": 15, "kind": "cost", "partner": VENDORS[key], "product": "",
                         "account": key, "amount": round(amount, 2), "paid": month != last_month})
    if scale > 1:
        docs = [dict(d, amount=round(d["amount"] / scale, 2)) for d in docs for _i in range(scale)]
    return {"documents": docs, "last_month": last_month, "dip_month": dip_month,
            "planted": {"customer": customer, "cost_account": cost_account, "cost_vendor": VENDORS[cost_account],
                        "dip_month": dip_month}}


def journal_lines(document):
    """The double-entry lines of one document: ``[(account key, balance)]`` (debit positive)."""
    amount = document["amount"]
    if document["kind"] == "capital":
        return [("bank", amount), ("capital", -amount)]
    if document["kind"] == "sale":
        lines = [("receivable", amount), ("sales", -amount)]
        if document["paid"]:
            lines += [("bank", amount), ("receivable", -amount)]
        return lines
    lines = [(document["account"], amount), ("payable", -amount)]
    if document["paid"]:
        lines += [("payable", amount), ("bank", -amount)]
    return lines


def ledger_rows(ledger):
    """The figures' input rows (by account and month) and the driver rows (by partner, product, account)."""
    ids = {key: index + 1 for index, key in enumerate(ACCOUNTS)}
    sums, dimension = {}, {}
    partner_ids = {name: index + 1 for index, name in enumerate(CUSTOMERS + sorted(set(VENDORS.values())))}
    product_ids = {name: index + 1 for index, name in enumerate(PRODUCTS)}
    for document in ledger["documents"]:
        for account, balance in journal_lines(document):
            key = (account, document["month"])
            sums[key] = sums.get(key, 0.0) + balance
            account_type = ACCOUNTS[account][0]
            if account_type not in ("income", "expense", "expense_direct_cost"):
                continue
            for dim, dim_key, name in (("partner", partner_ids.get(document["partner"]), document["partner"]),
                                       ("product", product_ids.get(document["product"]), document["product"]),
                                       ("account", ids[account], "%d %s" % (600000 + ids[account],
                                                                           ACCOUNTS[account][1]))):
                if not dim_key:
                    continue
                row_key = (dim, dim_key, account_type, document["month"])
                entry = dimension.setdefault(row_key, {"dimension": dim, "key": dim_key, "name": name,
                                                       "account_type": account_type, "month": document["month"],
                                                       "balance": 0.0})
                entry["balance"] += balance
    rows = [{"account_id": ids[account], "code": str(600000 + ids[account]), "name": ACCOUNTS[account][1],
             "account_type": ACCOUNTS[account][0], "month": month, "balance": round(balance, 2), "draft": 0.0}
            for (account, month), balance in sorted(sums.items())]
    return rows, list(dimension.values())
