"""The narrative of a financial report: the offline writer and the checker of any text (the LLM's). Pure.

``write_narrative(analysis, translate, locale)`` turns the facts and variances of
tools/financial_report_facts.build_facts into sentences from templates (English source strings, translated by the
``translate`` passed in — Odoo's ``env._`` — so this module stays free of Odoo). Each sentence lists the fact ids it
prints and the findings it links to.

``check_narrative(text, facts, locale)`` extracts every number of a text, locale-aware (1,234.5 / 1 234,5 /
15 % / -3), and returns the problems: a number that is no fact (after rounding as displayed), or one used with the
wrong sign, unit or direction ("fell" for a rise).
"""

import re

DEFAULT_LOCALE = {"decimal_point": ".", "thousands_sep": ",", "currency_symbol": "", "currency_code": "",
                  "currency_position": "after"}


def _lt(text):
    """Marks a template for Odoo's translation extraction; translated at use by the translator passed in."""
    return text


# Templates. Placeholders are fact ids' roles; the numbers they receive are formatted facts.
T = {
    "pnl_summary": _lt("In %(period)s, revenue was %(revenue)s, expenses %(expenses)s and net profit "
                       "%(net_profit)s."),
    "pnl_margin": _lt("The net margin was %(margin)s of revenue."),
    "up": _lt("%(metric)s rose %(pct)s (%(amount)s) compared with %(comparison)s."),
    "down": _lt("%(metric)s fell %(pct)s (%(amount)s) compared with %(comparison)s."),
    "up_no_pct": _lt("%(metric)s rose by %(amount)s compared with %(comparison)s."),
    "down_no_pct": _lt("%(metric)s fell by %(amount)s compared with %(comparison)s."),
    "budget_up": _lt("%(metric)s is %(pct)s above budget (%(amount)s)."),
    "budget_down": _lt("%(metric)s is %(pct)s below budget (%(amount)s)."),
    "driver_up": _lt("%(dimension)s %(name)s added %(amount)s, %(points)s points of it."),
    "driver_down": _lt("%(dimension)s %(name)s took away %(amount)s, %(points)s points of it."),
    "driver_new": _lt("%(dimension)s %(name)s is new this period: %(amount)s, %(points)s points of it."),
    "seasonal": _lt("The same months last year showed a similar change (%(pct)s): a seasonal pattern."),
    "bs_summary": _lt("At %(date)s, bank and cash was %(cash)s, total assets %(assets)s, liabilities "
                      "%(liabilities)s and equity %(equity)s."),
    "cf_up": _lt("Cash rose by %(change)s: %(operating)s from operations, %(investing)s from investing and "
                 "%(financing)s from financing, leaving %(closing)s."),
    "cf_down": _lt("Cash fell by %(change)s: %(operating)s from operations, %(investing)s from investing and "
                   "%(financing)s from financing, leaving %(closing)s."),
    "cf_flat": _lt("Cash did not change: %(operating)s from operations, %(investing)s from investing and "
                   "%(financing)s from financing, leaving %(closing)s."),
}
METRICS = {
    "revenue": _lt("Revenue"),
    "cost_of_revenue": _lt("Cost of revenue"),
    "operating_expenses": _lt("Operating expenses"),
    "net_profit": _lt("Net profit"),
}
COMPARISONS = {"previous": _lt("the previous period"), "last_year": _lt("the same period last year")}
DIMENSION_LABELS = {
    ("revenue", "partner"): _lt("Customer"),
    ("partner",): _lt("Vendor"),
    ("product",): _lt("Product"),
    ("analytic",): _lt("Analytic account"),
    ("account",): _lt("Account"),
}


# ---------------------------------------------------------------------------------------------------- formatting

def _group(digits, separator):
    out = []
    while len(digits) > 3:
        out.insert(0, digits[-3:])
        digits = digits[:-3]
    out.insert(0, digits)
    return separator.join(out)


def format_number(value, decimals, locale, signed=False):
    locale = dict(DEFAULT_LOCALE, **(locale or {}))
    text = "%.*f" % (decimals, abs(value))
    whole, _dot, fraction = text.partition(".")
    number = _group(whole, locale["thousands_sep"]) + ((locale["decimal_point"] + fraction) if fraction else "")
    rounded_zero = round(abs(value), decimals) == 0
    if value < 0 and not rounded_zero:
        number = "-" + number
    elif signed and not rounded_zero:
        number = "+" + number
    return number


def format_fact(fact, locale, signed=False, absolute=False):
    """A fact as printed in the text."""
    locale = dict(DEFAULT_LOCALE, **(locale or {}))
    value = fact["value"]
    if fact["unit"] in ("label", "name"):
        return str(value)
    if absolute:
        value = abs(value)
    number = format_number(value, fact["decimals"], locale, signed=signed)
    if fact["unit"] == "percent":
        return number + "\u00a0%"
    if fact["unit"] == "currency":
        symbol = locale["currency_symbol"] or locale["currency_code"]
        if not symbol:
            return number
        return (symbol + "\u00a0" + number) if locale["currency_position"] == "before" else (number + "\u00a0" + symbol)
    return number


# ---------------------------------------------------------------------------------------------------- writer

def _sentence(translate, template, values, fact_ids, links=()):
    return {"text": translate(T[template]) % values, "facts": [f for f in fact_ids if f], "links": list(links)}


def _dimension_label(translate, section, dimension):
    label = DIMENSION_LABELS.get((section, dimension)) or DIMENSION_LABELS[(dimension,)]
    return translate(label)


def write_narrative(analysis, translate=None, locale=None):
    """``{"pnl": [sentences], "balance_sheet": [...], "cash_flow": [...]}``; a sentence is ``{"text", "facts",
    "links"}``. Sentences name the planted, material drivers only; immaterial variances are not said."""
    translate = translate or (lambda text: text)
    facts = analysis["facts"]

    def show(fact_id, **options):
        return format_fact(facts[fact_id], locale, **options)

    period = "label.period"
    pnl = []
    summary = analysis["pnl"]["summary"]
    pnl.append(_sentence(translate, "pnl_summary", {
        "period": show(period), "revenue": show(summary["revenue"]), "expenses": show(summary["expenses"]),
        "net_profit": show(summary["net_profit"])},
        [period, summary["revenue"], summary["expenses"], summary["net_profit"]]))
    if summary.get("margin"):
        pnl.append(_sentence(translate, "pnl_margin", {"margin": show(summary["margin"])}, [summary["margin"]]))
    for variance in analysis["pnl"]["variances"]:
        if variance["sense"] == "neutral":
            continue
        metric = translate(METRICS[variance["section"]])
        up = variance["sense"] == "up"
        values = {"metric": metric, "amount": show(variance["amount"], signed=True)}
        used = [variance["amount"]]
        if variance["comparison"] == "budget":
            template = "budget_up" if up else "budget_down"
            values["pct"] = show(variance["pct"], absolute=True)
            used.append(variance["pct"])
        else:
            values["comparison"] = translate(COMPARISONS[variance["comparison"]])
            if variance["pct"]:
                template = "up" if up else "down"
                values["pct"] = show(variance["pct"], absolute=True)
                used.append(variance["pct"])
            else:
                template = "up_no_pct" if up else "down_no_pct"
        pnl.append(_sentence(translate, template, values, used))
        for driver in variance["drivers"]:
            template = "driver_new" if driver["is_new"] and facts[driver["amount"]]["value"] > 0 else (
                "driver_up" if facts[driver["amount"]]["sense"] == "up" else "driver_down")
            pnl.append(_sentence(translate, template, {
                "dimension": _dimension_label(translate, variance["section"], driver["dimension"]),
                "name": show(driver["name"]),
                "amount": show(driver["amount"], signed=template != "driver_down",
                               absolute=template == "driver_down"),
                "points": show(driver["points"], absolute=True) if driver["points"] else "",
            }, [driver["name"], driver["amount"], driver["points"]], driver["links"]))
        if variance.get("seasonal"):
            pnl.append(_sentence(translate, "seasonal", {"pct": show(variance["seasonal"], absolute=True)},
                                 [variance["seasonal"]]))

    bs = analysis["balance_sheet"]
    balance_sheet = [_sentence(translate, "bs_summary", {
        "date": show("label.date") if "label.date" in facts else show(period),
        "cash": show(bs["cash"]), "assets": show(bs["assets"]), "liabilities": show(bs["liabilities"]),
        "equity": show(bs["equity"])},
        ["label.date" if "label.date" in facts else period, bs["cash"], bs["assets"], bs["liabilities"],
         bs["equity"]])]

    cf = analysis["cash_flow"]
    template = {"up": "cf_up", "down": "cf_down"}.get(cf["sense"], "cf_flat")
    cash_flow = [_sentence(translate, template, {
        "change": show(cf["change"], absolute=True), "operating": show(cf["operating"]),
        "investing": show(cf["investing"]), "financing": show(cf["financing"]), "closing": show(cf["closing"])},
        [cf["change"], cf["operating"], cf["investing"], cf["financing"], cf["closing"]])]
    return {"pnl": pnl, "balance_sheet": balance_sheet, "cash_flow": cash_flow}


def narrative_text(narrative):
    """The narrative as one text: a paragraph per report."""
    return "\n\n".join(" ".join(s["text"] for s in narrative[key]) for key in ("pnl", "balance_sheet", "cash_flow")
                       if narrative.get(key))


# ---------------------------------------------------------------------------------------------------- checker

UP_WORDS = ("rose", "rise", "risen", "increase", "grew", "grow", "up", "higher", "above", "added", "gain", "more",
            "augment", "hausse", "progress", "au-dessus", "ajout", "plus")
DOWN_WORDS = ("fell", "fall", "fallen", "decrease", "declin", "drop", "down", "lower", "below", "took away", "lost",
              "less", "shrank", "baisse", "diminu", "recul", "en dessous", "retir", "moins", "chut")
_SPACES = " \u00a0\u202f\u2009"
_MINUS = "-\u2212\u2013"


def _number_pattern(locale):
    thousands = locale["thousands_sep"] or ""
    if thousands and thousands in _SPACES:
        sep = "[%s]" % re.escape(_SPACES)
    elif thousands:
        sep = re.escape(thousands)
    else:
        sep = None
    decimal = re.escape(locale["decimal_point"] or ".")
    grouped = r"\d{1,3}(?:%s\d{3})+" % sep if sep else None
    integer = "(?:%s|\\d+)" % grouped if grouped else r"\d+"
    return re.compile(r"(?<![\w%s])([+%s]?)\s?(%s)(?:%s(\d+))?(?![\d\w])" % (
        re.escape(locale["decimal_point"] or "."), re.escape(_MINUS), integer, decimal))


def _strip_known_texts(text, facts):
    """Labels and names (a period's name, '400000 Sales') may hold digits: blank them before reading numbers."""
    known = sorted((str(f["value"]) for f in facts.values() if f["unit"] in ("label", "name") and f["value"]),
                   key=len, reverse=True)
    for value in known:
        text = text.replace(value, " " * len(value))
    return text


def _unit_at(text, start, end, locale):
    after = text[end:end + 12].lstrip(_SPACES)
    before = text[max(0, start - 8):start].rstrip(_SPACES)
    if after.startswith("%") or after.lower().startswith(("percent", "pour cent", "pourcent")):
        return "percent"
    markers = [m for m in (locale.get("currency_symbol"), locale.get("currency_code")) if m]
    if any(after.startswith(m) or before.endswith(m) for m in markers):
        return "currency"
    if after.lower().startswith(("point", "pts", "pt ")):
        return "points"
    return None


def _direction_before(text, start):
    """The direction word closest before ``start`` in its clause: 'up', 'down' or None."""
    clause_start = max(text.rfind(mark, 0, start) for mark in (".", ";", ":", "!", "?", "\n", ","))
    clause = text[clause_start + 1:start].lower()
    best, where = None, -1
    for words, sense in ((UP_WORDS, "up"), (DOWN_WORDS, "down")):
        for word in words:
            pattern = r"\b" + re.escape(word) + (r"\b" if len(word) <= 4 else "")
            for match in re.finditer(pattern, clause):
                if match.start() > where:
                    best, where = sense, match.start()
    return best


def extract_numbers(text, locale=None, facts=None):
    """Every number of ``text``: ``[{"text", "value", "decimals", "unit", "explicit_sign", "direction"}]``."""
    locale = dict(DEFAULT_LOCALE, **(locale or {}))
    text = _strip_known_texts(text, facts or {})
    out = []
    for match in _number_pattern(locale).finditer(text):
        sign, whole, fraction = match.group(1), match.group(2), match.group(3)
        digits = re.sub(r"\D", "", whole)
        value = float(digits + ("." + fraction if fraction else ""))
        if sign and sign in _MINUS:
            value = -value
        out.append({"text": match.group(0).strip(), "value": value, "decimals": len(fraction or ""),
                    "unit": _unit_at(text, match.start(), match.end(), locale), "explicit_sign": sign or "",
                    "direction": _direction_before(text, match.start())})
    return out


UNITS_FOR = {
    "percent": ("percent",),
    "currency": ("currency",),
    "points": ("points",),
    # A bare number may be a count, points, or an amount whose symbol was left out; never a percent.
    None: ("count", "points", "currency"),
}


def _matches(number, fact):
    if fact["unit"] not in UNITS_FOR[number["unit"]]:
        return False
    value = float(fact["value"])
    # As displayed: the printed number may be rounded to fewer decimals than the fact has.
    tolerance = 0.5 * 10 ** (-number["decimals"]) + 1e-9
    if abs(abs(value) - abs(number["value"])) > tolerance:
        return False
    if number["explicit_sign"] in _MINUS and number["explicit_sign"] and value > 0:
        return False
    if number["explicit_sign"] == "+" and value < 0:
        return False
    if number["direction"] and fact["sense"] != "neutral" and number["direction"] != fact["sense"]:
        return False
    return True


def check_narrative(text, facts, locale=None):
    """Problems of ``text`` against ``facts`` (``{id: fact}`` or a list): an empty list means every number printed
    is a fact used in its sense. Each problem is a sentence saying which number and why."""
    if isinstance(facts, (list, tuple)):
        facts = {f["id"]: f for f in facts}
    numeric = [f for f in facts.values() if f["unit"] not in ("label", "name")]
    problems = []
    for number in extract_numbers(text, locale, facts):
        if any(_matches(number, fact) for fact in numeric):
            continue
        loose = [f for f in numeric if abs(abs(float(f["value"])) - abs(number["value"]))
                 <= 0.5 * 10 ** (-number["decimals"]) + 1e-9]
        if not loose:
            problems.append("%s is not among the report's figures." % number["text"])
        elif not any(f["unit"] in UNITS_FOR[number["unit"]] for f in loose):
            problems.append("%s is shown with the wrong unit." % number["text"])
        else:
            problems.append("%s is used with the wrong sign or direction." % number["text"])
    return problems


def required_names(analysis):
    """The names of the drivers the offline text states; a rephrasing must keep them (claims not among the
    facts are refused, and so is leaving out what explains a variance)."""
    facts = analysis["facts"]
    return [facts[d["name"]]["value"] for v in analysis["pnl"]["variances"] for d in v["drivers"]]
