"""Profit and loss, balance sheet and cash flow (indirect method) from journal-item sums. Pure: no Odoo import.

Input: ``rows``, the sums of journal items by account and month, every month up to the end of the latest column
(the balance sheet is cumulative), each ``{"account_id", "code", "name", "account_type", "month": "YYYY-MM",
"balance": debit - credit in company currency, "draft": part of the balance from draft entries}``. Periods are whole
months, ``(first, last)`` inclusive, as "YYYY-MM" strings.

Signs: the reports show income, liabilities and equity positive (``-balance``), expenses and assets positive
(``balance``). Every row carries what the journal items behind it are (``drill``), so each figure opens on them.
"""

from collections import defaultdict

# Odoo 18's account_type values, grouped into the report sections (label, account types, sign).
PNL_SECTIONS = [
    ("revenue", "Revenue", ("income",), -1),
    ("cost_of_revenue", "Cost of revenue", ("expense_direct_cost",), 1),
    ("operating_expenses", "Operating expenses", ("expense",), 1),
    ("depreciation", "Depreciation", ("expense_depreciation",), 1),
    ("other_income", "Other income", ("income_other",), -1),
]
PNL_TYPES = tuple(t for s in PNL_SECTIONS for t in s[2])
EXPENSE_KEYS = ("cost_of_revenue", "operating_expenses", "depreciation")

BS_SECTIONS = [
    ("cash", "Bank and cash", ("asset_cash",), 1, "assets"),
    ("receivables", "Receivables", ("asset_receivable",), 1, "assets"),
    ("current_assets", "Other current assets", ("asset_current", "asset_prepayments"), 1, "assets"),
    ("non_current_assets", "Fixed and non-current assets", ("asset_fixed", "asset_non_current"), 1, "assets"),
    ("payables", "Payables", ("liability_payable", "liability_credit_card"), -1, "liabilities"),
    ("current_liabilities", "Other current liabilities", ("liability_current",), -1, "liabilities"),
    ("non_current_liabilities", "Non-current liabilities", ("liability_non_current",), -1, "liabilities"),
    ("equity", "Equity", ("equity",), -1, "equity"),
]

# Cash flow, indirect method: net profit, the non-cash depreciation, then the change of each balance-sheet section.
CF_OPERATING = ("receivables", "current_assets", "payables", "current_liabilities")
CF_INVESTING = ("non_current_assets",)
CF_FINANCING = ("non_current_liabilities", "equity")

LABELS = {
    "revenue": "Revenue",
    "cost_of_revenue": "Cost of revenue",
    "gross_profit": "Gross profit",
    "operating_expenses": "Operating expenses",
    "depreciation": "Depreciation",
    "operating_profit": "Operating profit",
    "other_income": "Other income",
    "net_profit": "Net profit",
    "expenses": "Expenses",
    "cash": "Bank and cash",
    "receivables": "Receivables",
    "current_assets": "Other current assets",
    "non_current_assets": "Fixed and non-current assets",
    "total_assets": "Total assets",
    "payables": "Payables",
    "current_liabilities": "Other current liabilities",
    "non_current_liabilities": "Non-current liabilities",
    "total_liabilities": "Total liabilities",
    "equity": "Equity",
    "retained_earnings": "Retained earnings (previous years)",
    "current_year_earnings": "Current year earnings",
    "total_equity": "Total equity",
    "total_liabilities_equity": "Total liabilities and equity",
    "cf_net_profit": "Net profit",
    "cf_depreciation": "Depreciation (non-cash)",
    "cf_receivables": "Change in receivables",
    "cf_current_assets": "Change in other current assets",
    "cf_payables": "Change in payables",
    "cf_current_liabilities": "Change in other current liabilities",
    "cf_operating": "Cash from operations",
    "cf_non_current_assets": "Purchases and sales of fixed assets",
    "cf_investing": "Cash from investing",
    "cf_non_current_liabilities": "Change in long-term debt",
    "cf_equity": "Change in equity",
    "cf_financing": "Cash from financing",
    "cf_net_change": "Net change in cash",
    "cf_opening_cash": "Cash at the start",
    "cf_closing_cash": "Cash at the end",
}


def _lt(text):
    """Marks a label for Odoo's translation extraction (``npm run i18n``); the caller's translator translates it."""
    return text


# The labels again, marked for extraction (the extractor reads literal strings only).
_MARKED = [_lt("Revenue"), _lt("Cost of revenue"), _lt("Gross profit"), _lt("Operating expenses"),
           _lt("Depreciation"), _lt("Operating profit"), _lt("Other income"), _lt("Net profit"), _lt("Expenses"),
           _lt("Bank and cash"), _lt("Receivables"), _lt("Other current assets"), _lt("Fixed and non-current assets"),
           _lt("Total assets"), _lt("Payables"), _lt("Other current liabilities"), _lt("Non-current liabilities"),
           _lt("Total liabilities"), _lt("Equity"), _lt("Retained earnings (previous years)"),
           _lt("Current year earnings"), _lt("Total equity"), _lt("Total liabilities and equity"),
           _lt("Depreciation (non-cash)"), _lt("Change in receivables"), _lt("Change in other current assets"),
           _lt("Change in payables"), _lt("Change in other current liabilities"), _lt("Cash from operations"),
           _lt("Purchases and sales of fixed assets"), _lt("Cash from investing"), _lt("Change in long-term debt"),
           _lt("Change in equity"), _lt("Cash from financing"), _lt("Net change in cash"), _lt("Cash at the start"),
           _lt("Cash at the end")]


# ---------------------------------------------------------------------------------------------------- months

def month_add(month, count):
    year, number = int(month[:4]), int(month[5:7])
    index = year * 12 + number - 1 + count
    return "%04d-%02d" % (index // 12, index % 12 + 1)


def month_span(period):
    first, last = period
    return (int(last[:4]) * 12 + int(last[5:7])) - (int(first[:4]) * 12 + int(first[5:7])) + 1


def months_of(period):
    return [month_add(period[0], i) for i in range(month_span(period))]


def previous_period(period):
    """The period of the same length just before ``period``."""
    span = month_span(period)
    return (month_add(period[0], -span), month_add(period[1], -span))


def same_period_last_year(period):
    return (month_add(period[0], -12), month_add(period[1], -12))


def fiscal_year_start(month, first_month_of_year):
    """First month of the fiscal year holding ``month``; ``first_month_of_year`` is 1 for calendar years."""
    year, number = int(month[:4]), int(month[5:7])
    start_year = year if number >= first_month_of_year else year - 1
    return "%04d-%02d" % (start_year, first_month_of_year)


# ---------------------------------------------------------------------------------------------------- sums

class Ledger:
    """The rows indexed for sums over (account types or accounts, months)."""

    def __init__(self, rows):
        self.accounts = {}
        self.by_account = defaultdict(lambda: defaultdict(float))
        self.draft_by_account = defaultdict(lambda: defaultdict(float))
        for row in rows:
            account_id = row["account_id"]
            self.accounts.setdefault(account_id, {"id": account_id, "code": row.get("code") or "",
                                                  "name": row.get("name") or "", "type": row["account_type"]})
            self.by_account[account_id][row["month"]] += row["balance"] or 0.0
            self.draft_by_account[account_id][row["month"]] += row.get("draft") or 0.0

    def accounts_of(self, types):
        return sorted((a for a in self.accounts.values() if a["type"] in types), key=lambda a: (a["code"], a["id"]))

    def balance(self, account_ids, first=None, last=None, draft=False):
        """Sum of balances of ``account_ids`` for months in [first, last] (open bounds when None)."""
        source = self.draft_by_account if draft else self.by_account
        total = 0.0
        for account_id in account_ids:
            for month, value in source.get(account_id, {}).items():
                if (first is None or month >= first) and (last is None or month <= last):
                    total += value
        return total


def _round(value):
    return round(value + 0.0, 2) + 0.0


def _ids(accounts):
    return [a["id"] for a in accounts]


def build_report(rows, period, columns, first_month_of_year=1, budget=None, translate=None):
    """The three reports for ``period`` and each comparison column.

    :param columns: ordered ``[(key, (first, last))]``, the first being the period itself (e.g. ``current``,
        ``previous``, ``last_year``).
    :param budget: ``{account_id: {month: amount}}`` in the report's sign (revenue and costs positive), or None; adds
        a ``budget`` column to the profit and loss.
    :param translate: the translator of the labels (Odoo's ``env._``); identity when None.
    :return: ``{"columns": [...], "pnl": [rows], "balance_sheet": [rows], "cash_flow": [rows], "checks": {...},
        "trend": {...}}``; a row is ``{"key", "label", "kind": "line" | "section" | "total", "values": {column:
        amount}, "draft": {column: amount}, "drill": {"account_ids", "scope"}, "account_id"?, "code"?}``.
    """
    translate = translate or (lambda text: text)
    ledger = Ledger(rows)
    column_list = [{"key": key, "first": span[0], "last": span[1]} for key, span in columns]
    result = {
        "period": list(period),
        "columns": column_list,
        "pnl": _pnl(ledger, column_list, budget, translate),
        "balance_sheet": _balance_sheet(ledger, column_list, first_month_of_year, translate),
        "cash_flow": _cash_flow(ledger, column_list, translate),
    }
    if budget is not None:
        result["budget_column"] = True
    result["checks"] = _checks(result, column_list)
    result["trend"] = trend(ledger, period[1], 12)
    return result


def _row(key, label, kind, values, drill, draft=None, **extra):
    row = {"key": key, "label": label, "kind": kind, "values": {k: _round(v) for k, v in values.items()},
           "draft": {k: _round(v) for k, v in (draft or {}).items() if abs(v) >= 0.005}, "drill": drill}
    row.update(extra)
    return row


def _pnl(ledger, columns, budget, translate):
    rows, totals, ids_of = [], {}, {}
    for key, _label, types, sign in PNL_SECTIONS:
        accounts = ledger.accounts_of(types)
        section_values = defaultdict(float)
        section_draft = defaultdict(float)
        for account in accounts:
            values, draft = {}, {}
            for column in columns:
                values[column["key"]] = sign * ledger.balance([account["id"]], column["first"], column["last"])
                draft[column["key"]] = sign * ledger.balance([account["id"]], column["first"], column["last"], True)
            if budget is not None:
                values["budget"] = sum(amount for month, amount in (budget.get(account["id"]) or {}).items()
                                       if columns[0]["first"] <= month <= columns[0]["last"])
            if not any(abs(v) >= 0.005 for v in values.values()):
                continue
            for column_key, value in values.items():
                section_values[column_key] += value
            for column_key, value in draft.items():
                section_draft[column_key] += value
            rows.append(_row("account_%d" % account["id"], "%s %s" % (account["code"], account["name"]), "line",
                             values, {"account_ids": [account["id"]], "scope": "period"}, draft,
                             account_id=account["id"], code=account["code"], section=key))
        for column in columns:
            section_values.setdefault(column["key"], 0.0)
        if budget is not None:
            section_values.setdefault("budget", 0.0)
        totals[key] = dict(section_values)
        ids_of[key] = _ids(accounts)
        rows.append(_row(key, translate(LABELS[key]), "section", section_values,
                         {"account_ids": ids_of[key], "scope": "period"}, section_draft))

    def combine(key, parts, after):
        values = defaultdict(float)
        for part, factor in parts:
            for column_key, value in totals[part].items():
                values[column_key] += factor * value
        totals[key] = dict(values)
        ids = [i for part, _factor in parts for i in ids_of[part]]
        ids_of[key] = ids
        index = max(i for i, r in enumerate(rows) if r["key"] == after) + 1
        rows.insert(index, _row(key, translate(LABELS[key]), "total", values, {"account_ids": ids, "scope": "period"}))

    combine("gross_profit", [("revenue", 1), ("cost_of_revenue", -1)], "cost_of_revenue")
    combine("operating_profit", [("gross_profit", 1), ("operating_expenses", -1), ("depreciation", -1)],
            "depreciation")
    combine("net_profit", [("operating_profit", 1), ("other_income", 1)], "other_income")
    return rows


def _pnl_sum(ledger, first, last):
    """Net profit (income positive) of the months in [first, last]."""
    return -ledger.balance(_ids(ledger.accounts_of(PNL_TYPES)), first, last)


def _balance_sheet(ledger, columns, first_month_of_year, translate):
    rows = []
    group_totals = {"assets": defaultdict(float), "liabilities": defaultdict(float), "equity": defaultdict(float)}
    group_ids = {"assets": [], "liabilities": [], "equity": []}
    for key, _label, types, sign, group in BS_SECTIONS:
        accounts = ledger.accounts_of(types)
        section_values = {c["key"]: 0.0 for c in columns}
        section_draft = defaultdict(float)
        for account in accounts:
            values = {c["key"]: sign * ledger.balance([account["id"]], None, c["last"]) for c in columns}
            draft = {c["key"]: sign * ledger.balance([account["id"]], None, c["last"], True) for c in columns}
            if not any(abs(v) >= 0.005 for v in values.values()):
                continue
            for column_key, value in values.items():
                section_values[column_key] += value
            for column_key, value in draft.items():
                section_draft[column_key] += value
            rows.append(_row("account_%d" % account["id"], "%s %s" % (account["code"], account["name"]), "line",
                             values, {"account_ids": [account["id"]], "scope": "cumulative"}, draft,
                             account_id=account["id"], code=account["code"], section=key))
        rows.append(_row(key, translate(LABELS[key]), "section", section_values,
                         {"account_ids": _ids(accounts), "scope": "cumulative"}, section_draft))
        for column_key, value in section_values.items():
            group_totals[group][column_key] += value
        group_ids[group] += _ids(accounts)
        if key == "non_current_assets":
            rows.append(_row("total_assets", translate(LABELS["total_assets"]), "total", group_totals["assets"],
                             {"account_ids": list(group_ids["assets"]), "scope": "cumulative"}))
        if key == "non_current_liabilities":
            rows.append(_row("total_liabilities", translate(LABELS["total_liabilities"]), "total",
                             group_totals["liabilities"],
                             {"account_ids": list(group_ids["liabilities"]), "scope": "cumulative"}))
    # Earnings: Odoo does not close the profit and loss accounts; the unaffected-earnings account holds what was
    # moved there by hand. Previous years' result plus that account are the retained earnings.
    unaffected = _ids(ledger.accounts_of(("equity_unaffected",)))
    pnl_ids = _ids(ledger.accounts_of(PNL_TYPES))
    retained, current = {}, {}
    for column in columns:
        fy_start = fiscal_year_start(column["last"], first_month_of_year)
        retained[column["key"]] = _pnl_sum(ledger, None, month_add(fy_start, -1)) - ledger.balance(unaffected, None,
                                                                                                   column["last"])
        current[column["key"]] = _pnl_sum(ledger, fy_start, column["last"])
    rows.append(_row("retained_earnings", translate(LABELS["retained_earnings"]), "line", retained,
                     {"account_ids": pnl_ids + unaffected, "scope": "before_fiscal_year"}))
    rows.append(_row("current_year_earnings", translate(LABELS["current_year_earnings"]), "line", current,
                     {"account_ids": pnl_ids, "scope": "fiscal_year"}))
    equity = {k: group_totals["equity"][k] + retained[k] + current[k] for k in retained}
    rows.append(_row("total_equity", translate(LABELS["total_equity"]), "total", equity,
                     {"account_ids": group_ids["equity"] + unaffected + pnl_ids, "scope": "cumulative"}))
    both = {k: group_totals["liabilities"][k] + equity[k] for k in equity}
    rows.append(_row("total_liabilities_equity", translate(LABELS["total_liabilities_equity"]), "total", both,
                     {"account_ids": group_ids["liabilities"] + group_ids["equity"] + unaffected + pnl_ids,
                      "scope": "cumulative"}))
    return rows


def _section_change(ledger, key, first, last):
    """Cash effect of the change of a balance-sheet section over [first, last]: minus its balance movement."""
    types = next(s[2] for s in BS_SECTIONS if s[0] == key)
    if key == "equity":
        types = types + ("equity_unaffected",)
    return -ledger.balance(_ids(ledger.accounts_of(types)), first, last)


def _cash_flow(ledger, columns, translate):
    rows = []
    values = defaultdict(dict)
    depreciation_ids = _ids(ledger.accounts_of(("expense_depreciation",)))
    for column in columns:
        first, last = column["first"], column["last"]
        key = column["key"]
        values["cf_net_profit"][key] = _pnl_sum(ledger, first, last)
        values["cf_depreciation"][key] = ledger.balance(depreciation_ids, first, last)
        for section in CF_OPERATING + CF_INVESTING + CF_FINANCING:
            values["cf_" + section][key] = _section_change(ledger, section, first, last)
        # Depreciation is added back in operations and taken out of the fixed-asset movement (Odoo credits the
        # asset accounts with it): what is left there is what was bought or sold.
        values["cf_non_current_assets"][key] -= values["cf_depreciation"][key]
        values["cf_operating"][key] = values["cf_net_profit"][key] + values["cf_depreciation"][key] + sum(
            values["cf_" + s][key] for s in CF_OPERATING)
        values["cf_investing"][key] = sum(values["cf_" + s][key] for s in CF_INVESTING)
        values["cf_financing"][key] = sum(values["cf_" + s][key] for s in CF_FINANCING)
        cash_ids = _ids(ledger.accounts_of(("asset_cash",)))
        values["cf_opening_cash"][key] = ledger.balance(cash_ids, None, month_add(first, -1))
        values["cf_closing_cash"][key] = ledger.balance(cash_ids, None, last)
        values["cf_net_change"][key] = values["cf_operating"][key] + values["cf_investing"][key] + values[
            "cf_financing"][key]

    def ids(types):
        return _ids(ledger.accounts_of(types))

    section_types = {s[0]: s[2] for s in BS_SECTIONS}
    section_types["equity"] = section_types["equity"] + ("equity_unaffected",)
    layout = [
        ("cf_net_profit", "line", ids(PNL_TYPES), "period"),
        ("cf_depreciation", "line", depreciation_ids, "period"),
    ] + [("cf_" + s, "line", ids(section_types[s]), "period") for s in CF_OPERATING] + [
        ("cf_operating", "total", None, "period"),
        ("cf_non_current_assets", "line", ids(section_types["non_current_assets"]), "period"),
        ("cf_investing", "total", ids(section_types["non_current_assets"]), "period"),
        ("cf_non_current_liabilities", "line", ids(section_types["non_current_liabilities"]), "period"),
        ("cf_equity", "line", ids(section_types["equity"]), "period"),
        ("cf_financing", "total", ids(section_types["non_current_liabilities"] + section_types["equity"]), "period"),
        ("cf_net_change", "total", ids(("asset_cash",)), "period"),
        ("cf_opening_cash", "line", ids(("asset_cash",)), "opening"),
        ("cf_closing_cash", "line", ids(("asset_cash",)), "cumulative"),
    ]
    operating_ids = ids(PNL_TYPES) + [i for s in CF_OPERATING for i in ids(section_types[s])]
    for key, kind, account_ids, scope in layout:
        rows.append(_row(key, translate(LABELS[key]), kind, values[key],
                         {"account_ids": operating_ids if account_ids is None else account_ids, "scope": scope}))
    return rows


def _value(rows, key, column):
    return next(r["values"].get(column, 0.0) for r in rows if r["key"] == key)


def _checks(result, columns):
    """Identities the figures must satisfy, per column: the balance sheet balances, the cash flow explains the
    change of cash. ``{column: {"balance_sheet_gap", "cash_flow_gap"}}``, each 0.0 when right."""
    checks = {}
    for column in columns:
        key = column["key"]
        bs = result["balance_sheet"]
        cf = result["cash_flow"]
        checks[key] = {
            "balance_sheet_gap": _round(_value(bs, "total_assets", key) - _value(bs, "total_liabilities_equity", key)),
            "cash_flow_gap": _round(_value(cf, "cf_net_change", key) - (_value(cf, "cf_closing_cash", key)
                                                                        - _value(cf, "cf_opening_cash", key))),
        }
    return checks


def trend(ledger, last_month, count):
    """Revenue, expenses, margin and cash balance for each of the ``count`` months ending ``last_month``."""
    months = [month_add(last_month, -i) for i in range(count - 1, -1, -1)]
    income_ids = _ids(ledger.accounts_of(("income", "income_other")))
    expense_ids = _ids(ledger.accounts_of(("expense", "expense_direct_cost", "expense_depreciation")))
    cash_ids = _ids(ledger.accounts_of(("asset_cash",)))
    points = []
    for month in months:
        revenue = -ledger.balance(income_ids, month, month)
        expenses = ledger.balance(expense_ids, month, month)
        points.append({"month": month, "revenue": _round(revenue), "expenses": _round(expenses),
                       "margin": _round(revenue - expenses), "cash": _round(ledger.balance(cash_ids, None, month))})
    return points


def type_totals(rows, first, last):
    """Sum of balances by account type over months [first, last] (what Odoo's trial balance gives per type)."""
    totals = defaultdict(float)
    for row in rows:
        if first <= row["month"] <= last:
            totals[row["account_type"]] += row["balance"]
    return {k: _round(v) for k, v in totals.items()}
