"""Vendor bills from documents: who sent the bill and which of the company's taxes it uses. Pure, no env.

The model layer gathers a few candidates (partners sharing the VAT number, owning the IBAN, using the e-mail
domain, or sharing a word of the name) and asks :func:`match_vendor`, which tries, in this order, VAT, IBAN,
e-mail domain, then a fuzzy name. :func:`map_tax` picks the company's own purchase tax for a printed rate, never
inventing one.
"""

import difflib
import re
import unicodedata

# Legal forms and filler words left out of a name before comparing (lower case, no dots).
_LEGAL_FORMS = frozenset("""
    ag bv bvba co company corp corporation cv eg ek eurl gbr gmbh inc kg kft lda limited llc llp ltd mbh nv oy
    plc pty sa sab sarl sas sasu scs se sl spa srl sro the ug und and et of de
""".split())
# Mail providers: their domain says nothing about the sender's company.
PUBLIC_MAIL_DOMAINS = frozenset("""
    aol.com gmail.com googlemail.com gmx.de gmx.net hotmail.com icloud.com live.com mail.com me.com msn.com
    outlook.com proton.me protonmail.com t-online.de web.de yahoo.com yahoo.fr orange.fr free.fr laposte.net
""".split())
NAME_THRESHOLD = 0.86
RATE_TOLERANCE = 0.005

CONFIDENCE = {"vat": 0.99, "iban": 0.97, "email": 0.9, "address": 0.8}
AMBIGUOUS = 0.7  # several partners share the same VAT number, IBAN or domain


def normalise_vat(vat):
    return re.sub(r"[^0-9A-Z]", "", (vat or "").upper())


def normalise_iban(iban):
    return re.sub(r"[^0-9A-Z]", "", (iban or "").upper())


def email_domain(email):
    """The company domain of an e-mail address; None for public mail providers and non-addresses."""
    match = re.search(r"@([A-Za-z0-9.-]+\.[A-Za-z]{2,})\s*>?\s*$", (email or "").strip())
    if not match:
        return None
    domain = match.group(1).lower().strip(".")
    return None if domain in PUBLIC_MAIL_DOMAINS else domain


def name_tokens(name):
    """The words of a company name that identify it: accents, punctuation and legal forms removed."""
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", text.replace(".", ""))
    return [word for word in words if word not in _LEGAL_FORMS]


def name_similarity(left, right):
    """0 to 1: how alike two company names are, once legal forms and punctuation are left out."""
    a, b = " ".join(name_tokens(left)), " ".join(name_tokens(right))
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    ratio = difflib.SequenceMatcher(None, a, b).ratio()
    # "Acme" on the bill, "Acme Industrial Supplies" in Odoo: all of the shorter one's words in the longer one.
    short, long_ = sorted((set(a.split()), set(b.split())), key=len)
    if short and short <= long_ and len("".join(short)) >= 4:
        ratio = max(ratio, 0.9)
    return ratio


def _street_key(street):
    """A street compared loosely: accents, case, spaces and punctuation left out, "str." = "straße"."""
    text = unicodedata.normalize("NFKD", (street or "").replace("ß", "ss")).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\bstr\b\.?|strasse\b", "str", text)
    return re.sub(r"[^a-z0-9]", "", text)


def same_address(address, candidate):
    """(same postcode, same postcode and street) between a bill's address and a candidate partner."""
    zip_ = re.sub(r"\s", "", (address or {}).get("zip") or "").upper()
    if not zip_ or re.sub(r"\s", "", candidate.get("zip") or "").upper() != zip_:
        return False, False
    street = _street_key((address or {}).get("street"))
    return True, bool(street) and street == _street_key(candidate.get("street"))


def display_value(value):
    """A read value as the reviewer sees it: an address on one line, anything else as it is."""
    if isinstance(value, dict):
        return ", ".join(filter(None, [value.get("street"), " ".join(filter(None, [value.get("zip"), value.get(
            "city")])), value.get("country")]))
    return value


def _pick(partners, method, reason):
    if not partners:
        return None
    ids = sorted({partner["id"] for partner in partners})
    confidence = CONFIDENCE[method] if len(ids) == 1 else AMBIGUOUS
    return {"partner_id": ids[0], "method": method, "confidence": confidence,
            "reason": reason if len(ids) == 1 else "%s (%d partners share it)" % (reason, len(ids))}


def match_vendor(fields, candidates):
    """The vendor of a bill among ``candidates``, or None.

    :param fields: the extracted fields (tools/vendor_bill_reply): ``vendor_vat``, ``vendor_iban``,
        ``vendor_email``, ``vendor_name``, each None or ``{"value": ...}``.
    :param candidates: ``[{"id", "name", "vat", "ibans": [...], "email_domains": [...], "zip", "street"}]``,
        commercial partners.
    :return: ``{"partner_id", "method": "vat"|"iban"|"email"|"name"|"address", "confidence", "reason"}``. The
        postcode tells apart alike names; the same postcode and street find a vendor printed under another name.
    """
    def value(key):
        return (fields.get(key) or {}).get("value") or ""

    vat, iban = normalise_vat(value("vendor_vat")), normalise_iban(value("vendor_iban"))
    domain, name = email_domain(value("vendor_email")), value("vendor_name")
    if vat:
        found = _pick([c for c in candidates if normalise_vat(c.get("vat")) == vat], "vat", "VAT number %s" % vat)
        if found:
            return found
    if iban:
        found = _pick([c for c in candidates if iban in {normalise_iban(i) for i in c.get("ibans") or ()}],
                      "iban", "IBAN %s" % iban)
        if found:
            return found
    if domain:
        found = _pick([c for c in candidates if domain in (c.get("email_domains") or ())],
                      "email", "e-mail domain %s" % domain)
        if found:
            return found
    address = (fields.get("vendor_address") or {}).get("value") or None
    if name:
        # The same postcode counts as a small bonus: two alike names (branches) are told apart by it.
        def rank(candidate):
            return name_similarity(name, candidate.get("name")) + (0.02 if same_address(address, candidate)[0] else 0)

        scored = sorted(((rank(c), -c["id"], c) for c in candidates), reverse=True, key=lambda item: item[:2])
        if scored and name_similarity(name, scored[0][2].get("name")) >= NAME_THRESHOLD:
            _rank, _id, best = scored[0]
            score = name_similarity(name, best.get("name"))
            runner = scored[1][2] if len(scored) > 1 else None
            runner_up = name_similarity(name, runner.get("name")) if runner else 0.0
            by_address = runner is not None and same_address(address, best)[0] and not same_address(address, runner)[0]
            confidence = round(score * (0.95 if score - runner_up > 0.05 or by_address else 0.75), 3)
            reason = "name %r ≈ %r" % (name, best.get("name"))
            if same_address(address, best)[0]:
                reason += " and the same postcode"
            return {"partner_id": best["id"], "method": "name", "confidence": confidence, "reason": reason}
    if address:
        found = _pick([c for c in candidates if same_address(address, c)[1]], "address",
                      "address %s, %s" % (address.get("street"), address.get("zip")))
        if found:
            return found
    return None


def map_tax(rate, taxes, preferred_ids=(), scope=None):
    """The id of the company's purchase tax for ``rate`` (percent), or None when it has none: never invented.

    :param taxes: ``[{"id", "amount", "amount_type", "price_include", "tax_scope", "sequence"}]``, the company's
        active purchase taxes.
    :param preferred_ids: tax ids in the order this vendor's posted bills used them most.
    :param scope: "service" or "consu" when the line says which, else None.
    """
    if rate is None:
        return None
    fitting = [tax for tax in taxes
               if tax.get("amount_type") == "percent" and not tax.get("price_include")
               and abs(float(tax.get("amount") or 0.0) - rate) < RATE_TOLERANCE
               and (not scope or tax.get("tax_scope") in (None, False, scope))]
    if not fitting:
        return None
    rank = {tax_id: index for index, tax_id in enumerate(preferred_ids)}
    fitting.sort(key=lambda tax: (rank.get(tax["id"], len(rank)), bool(tax.get("tax_scope")) and not scope,
                                  tax.get("sequence") or 0, tax["id"]))
    return fitting[0]["id"]
