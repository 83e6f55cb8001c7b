"""Benchmark data (not a test): customer invoices printed from Odoo itself, as a vendor on Odoo sends them.

Many small businesses invoice from Odoo: what reaches their customers is Odoo's invoice report in one of its seven
document layouts, in the company's language and font, with the Factur-X XML Odoo embeds. Those PDFs are a producer
the bills reader was never tuned on; the XML is the truth, read by the extra corpus's loader
(scripts/bench/lib/extra_corpus.ts).

Run inside `odoo-bin shell` on a throw-away database with account_edi_ubl_cii (scripts/make_odoo_rendered_bills.mjs
does all of it):

    BILLS_ODOO_RENDERED_OUT=<dir> [BILLS_ODOO_RENDERED_SEED=7] [BILLS_ODOO_RENDERED_COUNT=40] \
        odoo-bin shell -d <db> --no-http < scripts/bench/odoo_rendered_bills.py

Each invoice comes from a company of its own (name, country, currency, language, layout, font, taxes, payment terms,
bank account all drawn from the seed), to one customer, with 1 to 9 lines. It writes the Factur-X XML to
<dir>/<layout>+<lang>/<i>_<number>.xml and prints "PRINT <move id> <company id> <path without extension>": the
driver prints the report's HTML page to PDF with Chromium (Debian's wkhtmltopdf is built without the patched Qt
Odoo needs: it draws no header, no footer and the text as outlines) and attaches the XML to it.
"""

import os
import random
from datetime import date, timedelta

from odoo import Command

env = env  # noqa: F821 - provided by odoo-bin shell
OUT = os.environ["BILLS_ODOO_RENDERED_OUT"]
SEED = int(os.environ.get("BILLS_ODOO_RENDERED_SEED", "7"))
COUNT = int(os.environ.get("BILLS_ODOO_RENDERED_COUNT", "40"))
rng = random.Random(SEED)

LAYOUTS = ["striped", "standard", "boxed", "bold", "bubble", "wave", "folder"]
FONTS = ["Lato", "Roboto", "Open_Sans", "Montserrat", "Oswald", "Raleway"]
# country, currency, language, VAT prefix and digits, usual sale tax rates, city and street, IBAN country and length
COUNTRIES = [
    ("DE", "EUR", "de_DE", "DE", 9, [19, 7], ("Köln", "50667", "Hohe Straße"), ("DE", 22)),
    ("AT", "EUR", "de_DE", "ATU", 8, [20, 10, 13], ("Graz", "8010", "Herrengasse"), ("AT", 20)),
    ("FR", "EUR", "fr_FR", "FR", 11, [20, 10, 5.5], ("Lille", "59000", "rue Nationale"), ("FR", 27)),
    ("BE", "EUR", "fr_FR", "BE0", 9, [21, 6, 12], ("Liège", "4000", "rue Léopold"), ("BE", 16)),
    ("NL", "EUR", "nl_NL", "NL", 9, [21, 9], ("Utrecht", "3511", "Oudegracht"), ("NL", 18)),
    ("ES", "EUR", "es_ES", "ES", 9, [21, 10, 4], ("Valencia", "46002", "Calle de Colón"), ("ES", 24)),
    ("CH", "CHF", "de_DE", "CHE", 9, [8.1, 2.6], ("Basel", "4051", "Freie Strasse"), ("CH", 21)),
    ("GB", "GBP", "en_GB", "GB", 9, [20, 5], ("Leeds", "LS1 4AP", "Briggate"), ("GB", 22)),
    ("US", "USD", "en_US", "", 0, [0, 7.25, 8.875], ("Denver", "80202", "Larimer Street"), None),
    ("IE", "EUR", "en_US", "IE", 8, [23, 13.5], ("Cork", "T12", "Patrick Street"), ("IE", 22)),
]
FORMS = {"DE": ["GmbH", "KG", "e.K.", "GmbH & Co. KG", "AG"], "AT": ["GmbH", "OG", "e.U."],
         "FR": ["SARL", "SAS", "EURL"],
         "BE": ["SRL", "SA", "BV"], "NL": ["B.V.", "V.O.F."], "ES": ["S.L.", "S.A."], "CH": ["AG", "GmbH", "Sàrl"],
         "GB": ["Ltd", "Limited", "LLP"], "US": ["Inc.", "LLC", "Corp."], "IE": ["Ltd", "DAC"]}
WORDS = ["Nordwind", "Atlas", "Kaiser", "Lumen", "Brightwater", "Vogel", "Marchetti", "Delacroix", "Van Dijk", "Ortega",
         "Hartmann", "Summit", "Oakridge", "Feldmann", "Bellevue", "Rivière", "Quartz", "Pioneer", "Zimmer", "Halden"]
TRADES = ["Haustechnik", "Logistik", "Consulting", "Print", "Catering", "Software", "Metallbau", "Design", "Supplies",
          "Services", "Elektro", "Office", "Transport", "Bureau", "Distribution", "Systems"]
PRODUCTS = ["Consulting hour", "Wartung Heizungsanlage", "Installation", "Câble réseau Cat6", "Office chair",
            "Toner black",
            "Beratung Projektphase 2", "Maintenance mensuelle", "Transportkosten", "Licence annuelle", "Schulung (Tag)",
            "Reinigung Büroflächen", "Papier A4 80 g", "Support ticket package", "Montage vor Ort", "Frais de port"]


def digits(n):
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def ensure_langs(codes):
    langs = env["res.lang"].with_context(active_test=False).search([("code", "in", codes)])
    missing = langs.filtered(lambda lang: not lang.active)
    if missing:
        env["base.language.install"].create({"lang_ids": [Command.set(missing.ids)], "overwrite": False}).lang_install()


def company_for(i):
    drawn = rng.choice(COUNTRIES)
    country_code, currency_code, lang, vat_prefix, vat_digits, rates, (city, zip_code, street), iban = drawn
    country = env["res.country"].search([("code", "=", country_code)], limit=1)
    currency = env["res.currency"].with_context(active_test=False).search([("name", "=", currency_code)], limit=1)
    currency.active = True
    name = "%s %s %s" % (rng.choice(WORDS), rng.choice(TRADES), rng.choice(FORMS[country_code]))
    # chart_template_load: no localisation module installed on the fly for the country (generic chart for all).
    company = env["res.company"].with_context(chart_template_load=True).create({
        "name": name, "country_id": country.id, "currency_id": currency.id,
        "street": "%s %d" % (street, rng.randint(1, 120)),
        "zip": zip_code, "city": city, "email": "billing@%s.example" % name.split()[0].lower(),
        "phone": "+%d %s" % (rng.randint(30, 49), digits(9)),
        "vat": vat_prefix + digits(vat_digits) if vat_prefix else False,
        "font": rng.choice(FONTS),
    })
    env["account.chart.template"].try_loading("generic_coa", company, install_demo=False)
    # The generic chart sets USD: the company's own currency again, before any entry.
    company.write({"account_fiscal_country_id": country.id, "currency_id": currency.id})
    layout = rng.choice(LAYOUTS)
    company.external_report_layout_id = env.ref("web.external_layout_%s" % layout)
    company.partner_id.lang = lang
    bank = False
    if iban:
        bank = env["res.partner.bank"].create({
            "partner_id": company.partner_id.id, "company_id": company.id,
            "acc_number": "%s%s%s" % (iban[0], digits(2), digits(iban[1] - 4)), "allow_out_payment": True})
    taxes = []
    for rate in rates:
        group = env["account.tax.group"].create({
            "name": "VAT %s%%" % rate, "company_id": company.id, "country_id": country.id})
        taxes.append(env["account.tax"].create({
            "name": "%s%% S" % rate, "amount": rate, "type_tax_use": "sale", "company_id": company.id,
            "country_id": country.id, "tax_group_id": group.id}))
    return company, layout, lang, taxes, bank


def invoice_for(company, lang, taxes, bank):
    env_c = env(context=dict(env.context, allowed_company_ids=[company.id]))
    customer = env_c["res.partner"].create({
        "name": "%s %s %s" % (rng.choice(WORDS), rng.choice(TRADES), rng.choice(["GmbH", "SAS", "Ltd", "B.V."])),
        "street": "Marktplatz %d" % rng.randint(1, 40), "zip": digits(5),
        "city": rng.choice(["Bremen", "Nantes", "Gent"]),
        "country_id": company.country_id.id, "lang": lang, "is_company": True})
    terms = rng.choice(["account.account_payment_term_immediate", "account.account_payment_term_15days",
                        "account.account_payment_term_30days", "account.account_payment_term_end_following_month",
                        "account.account_payment_term_30days_early_discount", None])
    invoice_date = date(2026, 1, 1) + timedelta(days=rng.randint(0, 300))
    lines = []
    for _ in range(rng.randint(1, 9)):
        lines.append(Command.create({
            "name": rng.choice(PRODUCTS), "quantity": rng.choice([1, 1, 2, 3, 5, 10, 12, 0.5, 7.5]),
            "price_unit": round(rng.uniform(3, 2400), 2), "discount": rng.choice([0, 0, 0, 5, 10]),
            "tax_ids": [Command.set([rng.choice(taxes).id])]}))
    values = {
        "move_type": rng.choice(["out_invoice"] * 9 + ["out_refund"]), "partner_id": customer.id,
        "invoice_date": invoice_date, "invoice_line_ids": lines, "company_id": company.id,
        "ref": rng.choice([False, "PO-%s" % digits(5)]), "partner_bank_id": bank.id if bank else False,
    }
    if terms:
        values["invoice_payment_term_id"] = env.ref(terms).id
    else:
        values["invoice_date_due"] = invoice_date + timedelta(days=rng.choice([10, 21, 45]))
    move = env_c["account.move"].create(values)
    move.action_post()
    return move


def factur_x(move):
    return env["account.edi.xml.cii"].with_company(move.company_id)._export_invoice(move)[0]


ensure_langs([c[2] for c in COUNTRIES])
admin = env.ref("base.user_admin")
written = 0
for i in range(COUNT):
    company, layout, lang, taxes, bank = company_for(i)
    admin.company_ids = [Command.link(company.id)]
    move = invoice_for(company, lang, taxes, bank)
    folder = os.path.join(OUT, "%s+%s" % (layout, lang))
    os.makedirs(folder, exist_ok=True)
    name = "%03d_%s" % (i, move.name.replace("/", "_"))
    with open(os.path.join(folder, name + ".xml"), "wb") as f:
        f.write(factur_x(move))
    # The driver prints /report/html/account.report_invoice/<id> with Chromium and attaches the XML beside it.
    print("PRINT %d %d %s" % (move.id, company.id, os.path.join(folder, name)))
    written += 1
env.cr.commit()
print("ODOO RENDERED BILLS: %d written to %s (seed %d)" % (written, OUT, SEED))
