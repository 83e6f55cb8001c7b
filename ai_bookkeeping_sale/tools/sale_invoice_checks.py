"""The checks on a draft customer invoice prepared from sales orders: pure functions, no Odoo.

Each check returns a list of findings ``{"code", "severity", "source", "params"}``: ``source`` is an English
sentence marked with ``_lt`` and ``params`` its values; the model (models/account_move.py) translates it. A
``blocking`` finding is one a person must resolve before the invoice goes out (a duplicate, more invoiced than
delivered); a ``warning`` asks for a look. Any finding puts the suggestion below the high confidence band.
"""

import datetime
import json
import os
from collections import Counter

WARNING = "warning"
BLOCKING = "blocking"
# The history of a product must be this long and this uniform before a different account or tax is called unusual.
HISTORY_MIN_COUNT = 3
HISTORY_MIN_SHARE = 0.8
# A price off the pricelist by more than this share (or than the currency's rounding, whichever is larger).
PRICE_TOLERANCE = 0.005
CONFIDENCE_CLEAN = 0.97
CONFIDENCE_WARNING = 0.75
CONFIDENCE_FLOOR = 0.5
CONFIDENCE_BLOCKING = 0.3
MANDATES_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "einvoice_countries.json")


def _lt(source):
    """Marks a sentence for Odoo's translation export; returns it unchanged (translated by the model)."""
    return source


def finding(code, severity, source, **params):
    return {"code": code, "severity": severity, "source": source, "params": params}


def load_mandates(path=MANDATES_PATH):
    """{country code: date the domestic B2B e-invoicing mandate starts}."""
    with open(path, encoding="utf-8") as handle:
        return {code: datetime.date.fromisoformat(start) for code, start in json.load(handle)["mandates"].items()}


def dominant(values, min_count=HISTORY_MIN_COUNT, min_share=HISTORY_MIN_SHARE):
    """The value most of ``values`` share, when there are at least ``min_count`` of them and it holds at least
    ``min_share`` of them; None when the history is too short or too mixed to say what is usual."""
    if len(values) < min_count:
        return None
    value, count = Counter(values).most_common(1)[0]
    return value if count / len(values) >= min_share else None


def check_coding(product, account, taxes, history_accounts, history_taxes, history_of):
    """The line's revenue account and taxes against what this product was invoiced with before (``history_of``:
    "this customer" or "all customers", said in the reason)."""
    found = []
    usual_account = dominant(history_accounts)
    if usual_account is not None and usual_account != account:
        found.append(finding(
            "account_unusual", WARNING,
            _lt("%(product)s goes to %(account)s, but its last %(count)s invoices to %(history_of)s used "
                "%(usual)s."),
            product=product, account=account, usual=usual_account, count=len(history_accounts),
            history_of=history_of))
    usual_taxes = dominant(history_taxes)
    if usual_taxes is not None and usual_taxes != taxes:
        found.append(finding(
            "tax_unusual", WARNING,
            _lt("%(product)s is taxed %(taxes)s, but its last %(count)s invoices to %(history_of)s were taxed "
                "%(usual)s."),
            product=product, taxes=taxes or "-", usual=usual_taxes or "-", count=len(history_taxes),
            history_of=history_of))
    return found


def check_fiscal_position(invoice_position, expected_position, customer):
    """The invoice's fiscal position against the one Odoo picks for the customer today."""
    if invoice_position == expected_position:
        return []
    return [finding(
        "fiscal_position", WARNING,
        _lt("The invoice uses the fiscal position %(position)s, but %(customer)s's address and VAT call for "
            "%(expected)s."),
        position=invoice_position or "-", expected=expected_position or "-", customer=customer)]


def check_mapped_coding(product, account, taxes, expected_account, expected_taxes, position):
    """The line's account and taxes against the product's own, mapped by the invoice's fiscal position."""
    found = []
    if expected_taxes != taxes:
        found.append(finding(
            "tax_fiscal_position", WARNING,
            _lt("%(product)s is taxed %(taxes)s; its taxes mapped by the fiscal position %(position)s give "
                "%(expected)s."),
            product=product, taxes=taxes or "-", expected=expected_taxes or "-", position=position or "-"))
    if expected_account and expected_account != account:
        found.append(finding(
            "account_fiscal_position", WARNING,
            _lt("%(product)s goes to %(account)s; its income account mapped by the fiscal position %(position)s "
                "is %(expected)s."),
            product=product, account=account, expected=expected_account, position=position or "-"))
    return found


def check_price(product, price_unit, discount, expected_price, rounding, currency):
    """The net unit price (after the line's discount) against the pricelist's price for that quantity and date."""
    net = price_unit * (1.0 - (discount or 0.0) / 100.0)
    tolerance = max(rounding, abs(expected_price) * PRICE_TOLERANCE)
    if abs(net - expected_price) <= tolerance:
        return []
    return [finding(
        "price_off_pricelist", WARNING,
        _lt("%(product)s is invoiced at %(net).2f %(currency)s a unit; the pricelist gives %(expected).2f "
            "%(currency)s (%(difference)+.1f %%)."),
        product=product, net=net, expected=expected_price, currency=currency,
        difference=(net - expected_price) / expected_price * 100.0 if expected_price else 100.0)]


def check_over_invoiced(product, policy, delivered, invoiced_before, quantity, precision=1e-6):
    """On a line invoiced on delivered quantities: the quantity invoiced, this draft included, against the
    quantity delivered."""
    if policy != "delivery" or invoiced_before + quantity <= delivered + precision:
        return []
    return [finding(
        "over_invoiced", BLOCKING,
        _lt("%(product)s: %(total)s would be invoiced (%(before)s before, %(quantity)s now) but %(delivered)s "
            "were delivered."),
        product=product, total=round(invoiced_before + quantity, 6), before=round(invoiced_before, 6),
        quantity=round(quantity, 6), delivered=round(delivered, 6))]


def check_late(order, ready_date, today, days):
    """An order ready to invoice (delivered, or confirmed on ordered quantities) for more than ``days`` days."""
    if not days or not ready_date:
        return []
    waited = (today - ready_date).days
    if waited <= days:
        return []
    return [finding(
        "late", WARNING,
        _lt("%(order)s was ready to invoice on %(date)s, %(waited)s days ago (the company's limit is %(days)s)."),
        order=order, date=ready_date.isoformat(), waited=waited, days=days)]


def check_vat(customer, is_company, vat, vat_required):
    """A company customer, or a fiscal position that requires it, with no VAT number."""
    if vat or not (is_company or vat_required):
        return []
    return [finding(
        "vat_missing", WARNING,
        _lt("%(customer)s has no VAT number: a company customer's invoice must carry it."), customer=customer)]


def check_einvoice(customer, *, is_company, has_vat, seller_country, customer_country, edi_format,
                   peppol_endpoint, peppol_eas, peppol_formats, date, mandates):
    """Whether the customer needs an e-invoice and gets one: a customer registered on Peppol, or a company
    customer in the seller's own country where a domestic B2B mandate applies, needs an e-invoice format; a
    Peppol format needs the customer's Peppol address."""
    mandate = mandates.get(customer_country) if customer_country == seller_country else None
    mandated = bool(mandate and date >= mandate and is_company and has_vat)
    on_peppol = bool(peppol_endpoint and peppol_eas)
    if not edi_format and (mandated or on_peppol):
        if mandated:
            return [finding(
                "einvoice_missing", WARNING,
                _lt("%(customer)s must receive e-invoices (mandatory in %(country)s since %(since)s), but no "
                    "e-invoice format is set on the customer."),
                customer=customer, country=customer_country, since=mandate.isoformat())]
        return [finding(
            "einvoice_missing", WARNING,
            _lt("%(customer)s is registered on Peppol (%(eas)s:%(endpoint)s), but no e-invoice format is set on "
                "the customer."),
            customer=customer, eas=peppol_eas, endpoint=peppol_endpoint)]
    if edi_format in peppol_formats and not on_peppol:
        return [finding(
            "einvoice_address", WARNING,
            _lt("%(customer)s gets %(format)s e-invoices, but has no Peppol address (EAS and endpoint)."),
            customer=customer, format=edi_format)]
    return []


def line_signature(lines):
    """What two invoices must share to be the same invoice: each (product, quantity, net unit price), sorted."""
    return sorted([line["product_id"] or 0, round(line["quantity"], 4), round(line["price"], 2)] for line in lines)


def check_duplicate(amount, signature, sent, rounding):
    """``sent``: [{name, amount, signature, sent}] of the customer's posted invoices (``sent``: sent to the
    customer already); the first with the same lines and amount is a duplicate."""
    for invoice in sent:
        if abs(invoice["amount"] - amount) <= rounding and invoice["signature"] == signature:
            source = _lt("Same customer, lines and amount (%(amount).2f) as %(invoice)s, already sent.") \
                if invoice.get("sent") else _lt("Same customer, lines and amount (%(amount).2f) as %(invoice)s, "
                                                "already posted (not sent yet).")
            return [finding("duplicate", BLOCKING, source, amount=amount, invoice=invoice["name"])]
    return []


def confidence(findings):
    """High with no finding; below the review bands with one (lower for each more); lowest with a blocking one."""
    if not findings:
        return CONFIDENCE_CLEAN
    if any(f["severity"] == BLOCKING for f in findings):
        return CONFIDENCE_BLOCKING
    return max(CONFIDENCE_FLOOR, CONFIDENCE_WARNING - 0.05 * (len(findings) - 1))
