"""The facts of a financial report and the drivers of its variances. Pure: no Odoo import.

A fact is one number (or name) the narrative may state: ``{"id", "value", "unit", "sense", "label", "decimals"}``,
``unit`` one of ``currency``, ``percent``, ``points`` (percentage points), ``count``, ``label`` (a period's name)
and ``name`` (a partner, product or account named in the text); ``sense`` is ``up``, ``down`` or ``neutral`` (the
direction of a change); ``decimals`` how it is displayed. Every sentence of the narrative references facts by id
and prints nothing else (tools/financial_report_narrative.check_narrative proves it).

Drivers: which accounts, partners, products or analytic accounts moved a profit-and-loss section between two
periods, kept only when material (company settings: an amount and a percent of the section's comparison value).
"""

from collections import defaultdict

from . import financial_report_figures as figures

# The profit-and-loss sections whose variances are explained, and the figure rows they come from.
EXPLAINED = ("revenue", "cost_of_revenue", "operating_expenses", "net_profit")
DIMENSIONS = ("partner", "product", "analytic", "account")
SECTION_OF_TYPE = {t: key for key, _label, types, _sign in figures.PNL_SECTIONS for t in types}
SIGN_OF_SECTION = {key: sign for key, _label, _types, sign in figures.PNL_SECTIONS}
DECIMALS = {"currency": 0, "percent": 1, "points": 0, "count": 0}


def fact(facts, fact_id, value, unit, sense="neutral", label=""):
    if unit in DECIMALS:
        value = round(float(value), 2) + 0.0
    facts[fact_id] = {"id": fact_id, "value": value, "unit": unit, "sense": sense, "label": label,
                      "decimals": DECIMALS.get(unit, 0)}
    return fact_id


def sense_of(value, decimals=0):
    """Direction of a change as displayed: a change that rounds to zero is neutral."""
    if round(abs(value), decimals) == 0:
        return "neutral"
    return "up" if value > 0 else "down"


def percent_change(current, base):
    if abs(base) < 0.005:
        return None
    return (current - base) / abs(base) * 100.0


def is_material(delta, base, settings):
    """A variance matters when it reaches both the amount and the percent (of the comparison value) thresholds."""
    if abs(delta) < settings.get("amount", 0.0):
        return False
    if abs(base) < 0.005:
        return True
    return abs(delta) / abs(base) * 100.0 >= settings.get("percent", 0.0)


def _row_value(rows, key, column):
    for row in rows:
        if row["key"] == key:
            return row["values"].get(column, 0.0)
    return 0.0


def driver_deltas(dimension_rows, current, base):
    """``{(section, dimension, key): {"name", "current", "base"}}`` in the report's sign, from the rows
    ``{"dimension", "key", "name", "account_type", "month", "balance"}`` (sums of journal items)."""
    out = defaultdict(lambda: {"name": "", "current": 0.0, "base": 0.0})
    for row in dimension_rows:
        section = SECTION_OF_TYPE.get(row["account_type"])
        if section is None or row.get("key") in (None, False):
            continue
        sign = SIGN_OF_SECTION[section]
        entry = out[(section, row["dimension"], row["key"])]
        entry["name"] = row.get("name") or entry["name"]
        if current[0] <= row["month"] <= current[1]:
            entry["current"] += sign * row["balance"]
        if base[0] <= row["month"] <= base[1]:
            entry["base"] += sign * row["balance"]
    return out


def account_dimension_rows(rows, first_month):
    """Accounts as drivers: the figures' rows (by account and month) of profit-and-loss accounts from
    ``first_month``, as driver rows."""
    return [{"dimension": "account", "key": r["account_id"], "name": ("%s %s" % (r.get("code") or "",
             r.get("name") or "")).strip(), "account_type": r["account_type"], "month": r["month"],
             "balance": r["balance"]}
            for r in rows if r["account_type"] in SECTION_OF_TYPE and r["month"] >= first_month]


def select_drivers(deltas, section, section_delta, section_base, settings, limit=2):
    """The material drivers of one section's change, largest first: at most two per dimension and ``limit`` in
    all; an account that carries the whole section (its only account) explains nothing and is left out."""
    candidates = []
    accounts_in_play = sum(1 for (s, d, _k), e in deltas.items() if s == section and d == "account"
                           and (abs(e["current"]) >= 0.005 or abs(e["base"]) >= 0.005))
    for (s, dimension, key), entry in deltas.items():
        if s != section:
            continue
        delta = entry["current"] - entry["base"]
        if abs(delta) < 0.005 or not is_material(delta, section_base, settings):
            continue
        if dimension == "account" and accounts_in_play <= 1:
            continue
        # Only drivers moving the same way as the section explain it (a customer lost while revenue grew is not
        # why it grew).
        if section_delta and (delta > 0) != (section_delta > 0):
            continue
        candidates.append({"section": section, "dimension": dimension, "key": key, "name": entry["name"],
                           "current": entry["current"], "base": entry["base"], "delta": delta})
    candidates.sort(key=lambda c: (-abs(c["delta"]), DIMENSIONS.index(c["dimension"]), str(c["key"])))
    chosen, per_dimension = [], defaultdict(int)
    for candidate in candidates:
        if per_dimension[candidate["dimension"]] >= 2:
            continue
        per_dimension[candidate["dimension"]] += 1
        chosen.append(candidate)
        if len(chosen) >= limit:
            break
    return chosen


def build_facts(report, dimension_rows, settings, labels, findings=()):
    """The facts and the analysis behind the narrative.

    :param report: tools/financial_report_figures.build_report's result (columns ``current``, ``previous``,
        ``last_year``; optional ``budget``).
    :param dimension_rows: sums of profit-and-loss journal items by dimension and month (see driver_deltas).
    :param settings: ``{"amount", "percent"}`` materiality thresholds.
    :param labels: display names: ``{"period", "previous", "last_year", "date"}`` (already formatted by the caller).
    :param findings: other workflows' results that may explain a driver: ``{"model", "id", "name", "kind",
        "account_ids", "partner_id"}``.
    :return: ``{"facts": {id: fact}, "pnl": [...], "balance_sheet": {...}, "cash_flow": {...}}`` where each list
        item names the fact ids a sentence uses.
    """
    facts = {}
    columns = {c["key"]: c for c in report["columns"]}
    for key in ("period", "previous", "last_year", "date"):
        if labels.get(key):
            fact(facts, "label.%s" % key, labels[key], "label")
    pnl = report["pnl"]
    analysis = {"facts": facts, "pnl": {"variances": []}, "balance_sheet": {}, "cash_flow": {}}

    revenue = _row_value(pnl, "revenue", "current")
    expenses = sum(_row_value(pnl, k, "current") for k in figures.EXPENSE_KEYS)
    net = _row_value(pnl, "net_profit", "current")
    analysis["pnl"]["summary"] = {
        "revenue": fact(facts, "pnl.revenue", revenue, "currency", label="Revenue"),
        "expenses": fact(facts, "pnl.expenses", expenses, "currency", label="Expenses"),
        "net_profit": fact(facts, "pnl.net_profit", net, "currency", label="Net profit"),
    }
    if abs(revenue) >= 0.005:
        analysis["pnl"]["summary"]["margin"] = fact(facts, "pnl.net_margin", net / revenue * 100.0, "percent",
                                                    label="Net margin")

    comparisons = [c for c in ("previous", "last_year") if c in columns]
    for section in EXPLAINED:
        for comparison in comparisons:
            if comparison == "last_year" and section not in ("revenue", "net_profit"):
                continue  # kept short: last year is said of the top and the bottom line only
            current_value = _row_value(pnl, section, "current")
            base_value = _row_value(pnl, section, comparison)
            delta = current_value - base_value
            if not is_material(delta, base_value, settings):
                continue
            pct = percent_change(current_value, base_value)
            prefix = "pnl.%s.%s" % (section, comparison)
            variance = {
                "section": section, "comparison": comparison,
                "amount": fact(facts, prefix + ".change", delta, "currency", sense_of(delta), "Change"),
                "pct": fact(facts, prefix + ".change_pct", pct, "percent", sense_of(pct, 1), "Change %")
                if pct is not None else None,
                "sense": sense_of(delta),
                "drivers": [],
                "seasonal": None,
            }
            if comparison == "previous" and section != "net_profit":
                variance["drivers"] = _drivers(facts, dimension_rows, columns, section, delta, base_value,
                                               settings, prefix, findings)
                variance["seasonal"] = _seasonal(facts, report, section, pct, settings, prefix)
            analysis["pnl"]["variances"].append(variance)
        if report.get("budget_column"):
            current_value = _row_value(pnl, section, "current")
            budget_value = _row_value(pnl, section, "budget")
            delta = current_value - budget_value
            if abs(budget_value) >= 0.005 and is_material(delta, budget_value, settings):
                prefix = "pnl.%s.budget" % section
                pct = percent_change(current_value, budget_value)
                analysis["pnl"]["variances"].append({
                    "section": section, "comparison": "budget",
                    "amount": fact(facts, prefix + ".change", delta, "currency", sense_of(delta), "Against budget"),
                    "pct": fact(facts, prefix + ".change_pct", pct, "percent", sense_of(pct, 1), "Against budget %"),
                    "sense": sense_of(delta), "drivers": [], "seasonal": None,
                })

    bs = report["balance_sheet"]
    analysis["balance_sheet"] = {
        "cash": fact(facts, "bs.cash", _row_value(bs, "cash", "current"), "currency", label="Bank and cash"),
        "assets": fact(facts, "bs.total_assets", _row_value(bs, "total_assets", "current"), "currency",
                       label="Total assets"),
        "liabilities": fact(facts, "bs.total_liabilities", _row_value(bs, "total_liabilities", "current"),
                            "currency", label="Total liabilities"),
        "equity": fact(facts, "bs.total_equity", _row_value(bs, "total_equity", "current"), "currency",
                       label="Total equity"),
    }
    cf = report["cash_flow"]
    change = _row_value(cf, "cf_net_change", "current")
    analysis["cash_flow"] = {
        "change": fact(facts, "cf.net_change", change, "currency", sense_of(change), "Net change in cash"),
        "operating": fact(facts, "cf.operating", _row_value(cf, "cf_operating", "current"), "currency",
                          label="Cash from operations"),
        "investing": fact(facts, "cf.investing", _row_value(cf, "cf_investing", "current"), "currency",
                          label="Cash from investing"),
        "financing": fact(facts, "cf.financing", _row_value(cf, "cf_financing", "current"), "currency",
                          label="Cash from financing"),
        "closing": fact(facts, "cf.closing_cash", _row_value(cf, "cf_closing_cash", "current"), "currency",
                        label="Cash at the end"),
        "sense": sense_of(change),
    }
    return analysis


def _drivers(facts, dimension_rows, columns, section, delta, base_value, settings, prefix, findings):
    current = (columns["current"]["first"], columns["current"]["last"])
    base = (columns["previous"]["first"], columns["previous"]["last"])
    deltas = driver_deltas(dimension_rows, current, base)
    out = []
    for driver in select_drivers(deltas, section, delta, base_value, settings):
        driver_id = "%s.driver.%s.%s" % (prefix, driver["dimension"], driver["key"])
        out.append({
            "dimension": driver["dimension"],
            "key": driver["key"],
            "name": fact(facts, driver_id + ".name", driver["name"], "name"),
            "amount": fact(facts, driver_id + ".change", driver["delta"], "currency", sense_of(driver["delta"]),
                           "Driver change"),
            "points": fact(facts, driver_id + ".points", driver["delta"] / abs(base_value) * 100.0, "points",
                           sense_of(driver["delta"]), "Points of the change")
            if abs(base_value) >= 0.005 else None,
            "is_new": abs(driver["base"]) < 0.005,
            "links": _links(driver, findings),
        })
    return out


def _links(driver, findings):
    """Findings of other workflows about the driver's account or partner (an anomaly, an accrual)."""
    links = []
    for finding in findings:
        if driver["dimension"] == "account" and driver["key"] in (finding.get("account_ids") or ()):
            links.append(finding)
        elif driver["dimension"] == "partner" and driver["key"] == finding.get("partner_id"):
            links.append(finding)
    return [{"model": f["model"], "id": f["id"], "name": f.get("name") or "", "kind": f.get("kind") or ""}
            for f in links[:3]]


def _seasonal(facts, report, section, pct, settings, prefix):
    """A change against the previous period that the same months of last year also showed (and that leaves the
    period level with last year) is seasonal: the facts of last year's change, or None."""
    pattern = report.get("seasonal", {}).get(section)
    if pct is None or not pattern:
        return None
    last_year_pct = pattern.get("pct")
    if last_year_pct is None or (last_year_pct > 0) != (pct > 0):
        return None
    if abs(last_year_pct - pct) > max(settings.get("percent", 0.0), 5.0):
        return None
    return fact(facts, prefix + ".last_year_change_pct", last_year_pct, "percent", sense_of(last_year_pct, 1),
                "Same change last year")


def seasonal_patterns(rows, period, settings_sections=EXPLAINED):
    """Last year's change between the periods just before and at the same time: ``{section: {"pct"}}``, from the
    ledger rows (figures' input). Added to the report as ``report["seasonal"]``."""
    ledger = figures.Ledger(rows)
    last_year = figures.same_period_last_year(period)
    before = figures.previous_period(last_year)
    out = {}
    for key, _label, types, sign in figures.PNL_SECTIONS:
        if key not in settings_sections:
            continue
        ids = [a["id"] for a in ledger.accounts_of(types)]
        now = sign * ledger.balance(ids, *last_year)
        then = sign * ledger.balance(ids, *before)
        out[key] = {"pct": percent_change(now, then)}
    return out
