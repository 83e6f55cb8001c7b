"""The expense policy's checks and the merchant key, pure (no env): what each rule says about one expense, as a
finding with its sentence. The models gather the facts (the day's total, the holidays) and translate nothing here:
the messages are built by the caller from the codes and numbers returned.
"""

import re
import unicodedata

_WORD = re.compile(r"[a-z0-9]+")
# Words that say nothing about which shop it was.
_NOISE = {"gmbh", "ag", "kg", "sa", "sas", "sarl", "bv", "nv", "ltd", "inc", "llc", "plc", "co", "the", "pvt",
          "limited", "spolka", "akcyjna", "s", "a", "b", "v", "und", "and", "et"}


def merchant_key(name):
    """A merchant's name reduced to what identifies it: lower case, no accents, no legal form ("Café Rosa GmbH" and
    "CAFE ROSA" give "cafe rosa"). Empty for an empty name."""
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower()
    return " ".join(word for word in _WORD.findall(text) if word not in _NOISE)[:128]


def merchant_allowed(name, allowed):
    """Whether ``name`` is one of the ``allowed`` merchants (names, one per entry; empty list: any merchant)."""
    if not allowed:
        return True
    key = merchant_key(name)
    if not key:
        return False
    for entry in allowed:
        wanted = merchant_key(entry)
        if wanted and (key == wanted or key.startswith(wanted + " ") or (" %s " % wanted) in (" %s " % key)):
            return True
    return False


def breaches(rule, facts):
    """The rule's breaches for one expense: ``[(code, params)]``.

    :param rule: ``{max_per_receipt, max_per_day, receipt_required_above, no_weekend, no_holiday, allowed}``
        (amounts in the company currency, 0 or None for none; ``allowed`` a list of merchant names).
    :param facts: ``{amount, day_total, has_receipt, weekday (0 = Monday), holiday (name or None), merchant}``.
    """
    out = []
    amount = facts["amount"]
    if rule.get("max_per_receipt") and amount > rule["max_per_receipt"] + 0.005:
        out.append(("max_per_receipt", {"amount": amount, "limit": rule["max_per_receipt"]}))
    if rule.get("max_per_day") and facts["day_total"] > rule["max_per_day"] + 0.005:
        out.append(("max_per_day", {"amount": facts["day_total"], "limit": rule["max_per_day"]}))
    if rule.get("receipt_required_above") and amount > rule["receipt_required_above"] + 0.005 \
            and not facts["has_receipt"]:
        out.append(("receipt_required", {"amount": amount, "limit": rule["receipt_required_above"]}))
    if rule.get("no_weekend") and facts["weekday"] >= 5:
        out.append(("weekend", {}))
    if rule.get("no_holiday") and facts.get("holiday"):
        out.append(("holiday", {"holiday": facts["holiday"]}))
    if rule.get("allowed") and facts.get("merchant") and not merchant_allowed(facts["merchant"], rule["allowed"]):
        out.append(("merchant", {"merchant": facts["merchant"]}))
    return out
