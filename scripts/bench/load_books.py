"""Load generated books (scripts/bench/gen_books.ts) into a throw-away Odoo database, for scripts/bench/run_bench.py.

Run inside `odoo-bin shell` (scripts/bench.mjs does) on a database with account, ai_bookkeeping and
account_reconcile_oca installed, without demo data. It COMMITS: never point it at a database you care about.

    BENCH_BOOKS=books.json BENCH_MAP=map.json odoo-bin shell -d <db> < load_books.py

What it builds, all dated as the generator dates them:
  * the company in EUR, USD and GBP at the generator's rates;
  * the generator's expense accounts (same codes) and the bank fee account set as the add-on's fee account;
  * partners with their bank accounts;
  * the open invoices and bills, posted, under the generator's own numbers (INV/2026/00042, BILL/2026/03/0007),
    with its references (customer payment reference, vendor bill number) and currencies;
  * the "already paid" invoices and bills under their numbers, settled by a clearing entry;
  * the history: past statement lines, reconciled — paid invoices/bills (own journals, so their numbers never look
    like the open ones) or coded straight to an expense account — so that the add-on's history gathering sees them;
  * the statement lines to evaluate, unreconciled.
Writes BENCH_MAP: generated id -> Odoo id for partners, open items (receivable/payable lines), accounts and lines.
"""
import json
import os
import statistics
import time
from collections import defaultdict
from datetime import timedelta

from odoo import Command, fields
from odoo.tools import config

env = env  # noqa: F821 - provided by odoo-bin shell
BATCH = 200
started = time.perf_counter()
books = json.load(open(os.environ["BENCH_BOOKS"], encoding="utf-8"))
company = env.company


def log(message):
    print("load_books: %s (%.0f s)" % (message, time.perf_counter() - started), flush=True)


def chunks(items, size=BATCH):
    for start in range(0, len(items), size):
        yield items[start:start + size]


# ---------------------------------------------------------------- currencies and rates
Currency = env["res.currency"].with_context(active_test=False)
company_currency = Currency.search([("name", "=", books["companyCurrency"])])
company_currency.active = True
if company.currency_id != company_currency:
    company.currency_id = company_currency
# The generator's rates (company currency per unit), read back from its items rather than copied from its source.
ratios = defaultdict(list)
for item in books["openItems"] + books["paidItems"]:
    if item["currency"] != books["companyCurrency"] and item["amountResidualCurrency"]:
        ratios[item["currency"]].append(item["amountResidual"] / item["amountResidualCurrency"])
currencies = {books["companyCurrency"]: company_currency}
env["res.currency.rate"].search([("company_id", "in", (False, company.id))]).unlink()
for code, values in ratios.items():
    currency = Currency.search([("name", "=", code)])
    currency.active = True
    currencies[code] = currency
    per_unit = round(statistics.median(values), 4)
    env["res.currency.rate"].create(
        {"currency_id": currency.id, "company_id": company.id, "name": "2020-01-01", "rate": 1.0 / per_unit})

# ---------------------------------------------------------------- OCA's auto-reconciliation at creation, off
# account_reconcile_oca runs the auto-reconciling models on every statement line it creates (its create()): the
# history and the lines under test must reach the engines unreconciled. Restored at the end.
auto_models = env["account.reconcile.model"].search([("auto_reconcile", "=", True)])
auto_models.auto_reconcile = False

# ---------------------------------------------------------------- accounts, journals, settings
Account = env["account.account"]
account_map = {}
for acc in books["accounts"]:
    existing = Account.search([("code", "=", acc["code"]), ("company_ids", "in", company.id)], limit=1)
    account = existing or Account.create(
        {"code": acc["code"], "name": acc["name"], "account_type": acc["accountType"] or "expense"})
    account_map[acc["id"]] = account.id
settings = books["settings"]
company.write({
    "ai_bank_fee_account_id": account_map.get(settings["bankFeeAccountId"]) or False,
    "ai_max_fee_amount": settings["maxFeeAmount"],
    "ai_fx_tolerance": settings["fxTolerance"],
})
Journal = env["account.journal"]
sale = Journal.search([("type", "=", "sale"), ("company_id", "=", company.id)], limit=1, order="sequence, id")
purchase = Journal.search([("type", "=", "purchase"), ("company_id", "=", company.id)], limit=1, order="sequence, id")
bank = Journal.search([("type", "=", "bank"), ("company_id", "=", company.id)], limit=1, order="sequence, id")
# The generator's company facts, where it states them: its own bank account (on the bank journal, as in any Odoo
# company), its transfer account and its exchange difference accounts.
for number in settings.get("ownBankAccounts") or []:
    own_bank = env["res.partner.bank"].create({"acc_number": number, "partner_id": company.partner_id.id})
    if not bank.bank_account_id:
        bank.bank_account_id = own_bank
for key, field in (("transferAccountId", "transfer_account_id"),
                   ("exchangeGainAccountId", "income_currency_exchange_account_id"),
                   ("exchangeLossAccountId", "expense_currency_exchange_account_id")):
    if settings.get(key) in account_map:
        company[field] = account_map[settings[key]]
misc = Journal.search([("type", "=", "general"), ("code", "=", "MISC"), ("company_id", "=", company.id)], limit=1)
# Past invoices paid by history lines get numbers of their own (HINV/…, HBIL/…): never mistaken for open ones.
past_sale = Journal.create({"name": "Past customer invoices", "code": "HINV", "type": "sale"})
past_purchase = Journal.create({"name": "Past vendor bills", "code": "HBIL", "type": "purchase"})
clearing = Account.create(
    {"code": "999990", "name": "Bench clearing (earlier payments)", "account_type": "asset_current"}
)
income = Account.search([("account_type", "=", "income"), ("company_ids", "in", company.id)], limit=1)
expense = Account.search([("account_type", "=", "expense"), ("company_ids", "in", company.id),
                          ("id", "not in", list(account_map.values()))], limit=1)
assert sale.code == "INV" and purchase.code == "BILL", "expected the generic chart's INV and BILL journals"

# ---------------------------------------------------------------- partners
partner_map = {}
Partner = env["res.partner"]
for batch in chunks(books["partners"]):
    records = Partner.create([
        {"name": p["name"], "is_company": True,
         "bank_ids": [Command.create({"acc_number": number}) for number in p["bankAccounts"]]}
        for p in batch
    ])
    partner_map.update({p["id"]: r.id for p, r in zip(batch, records, strict=True)})
log("%d partners" % len(partner_map))


# ---------------------------------------------------------------- invoices and bills
def invoice_vals(item, name=None, journal=None):
    customer = item["accountType"] == "asset_receivable"
    amount = abs(item["amountResidualCurrency"])
    vals = {
        "move_type": "out_invoice" if customer else "in_invoice",
        "journal_id": (journal or (sale if customer else purchase)).id,
        "partner_id": partner_map[item["partnerId"]],
        "invoice_date": item["date"],
        "date": item["date"],
        "invoice_date_due": item.get("dateMaturity") or item["date"],
        "currency_id": currencies[item["currency"]].id,
        "invoice_line_ids": [Command.create({
            "name": "Goods and services", "quantity": 1, "price_unit": amount, "tax_ids": [],
            "account_id": (income if customer else expense).id,
        })],
    }
    if name:
        vals["name"] = name
    if item.get("ref"):
        # A customer's payment reference lives in payment_reference; a vendor's bill number in ref.
        vals["payment_reference" if customer else "ref"] = item["ref"]
    return vals


def create_invoices(items, numbered=True, journal_for=None):
    """Create and post; return {generated item id: receivable/payable line} and the number of renamed moves."""
    lines, renamed, amount_gaps = {}, 0, 0
    Move = env["account.move"].with_context(skip_invoice_sync=False, tracking_disable=True, mail_create_nolog=True)
    for batch in chunks(items):
        moves = Move.create([
            invoice_vals(item, item["moveName"] if numbered else None, journal_for(item) if journal_for else None)
            for item in batch
        ])
        moves.action_post()
        for item, move in zip(batch, moves, strict=True):
            if numbered and move.name != item["moveName"]:
                renamed += 1
            term = move.line_ids.filtered(lambda line: line.account_type in ("asset_receivable", "liability_payable"))
            term.ensure_one()
            if company_currency.compare_amounts(term.amount_residual, item["amountResidual"]) != 0:
                amount_gaps += 1
            lines[item["id"]] = term
    return lines, renamed, amount_gaps


open_lines, renamed, gaps = create_invoices(books["openItems"])
log("%d open invoices/bills posted (%d renamed by Odoo, %d company amounts off the generator's)"
    % (len(open_lines), renamed, gaps))

paid_lines, paid_renamed, paid_gaps = create_invoices(books["paidItems"])
# Settle them with one clearing entry per batch: the invoice is paid, its number stays as printed on the bank line.
for batch in chunks(list(paid_lines.items())):
    entry_lines = []
    for _item_id, term in batch:
        entry_lines.append(Command.create({
            "name": "Earlier payment %s" % term.move_id.name, "account_id": term.account_id.id,
            "partner_id": term.partner_id.id, "currency_id": term.currency_id.id,
            "amount_currency": -term.amount_residual_currency, "balance": -term.amount_residual,
        }))
    total = sum(term.amount_residual for _item_id, term in batch)
    entry_lines.append(Command.create({"name": "Earlier payments", "account_id": clearing.id, "balance": total}))
    entry = env["account.move"].create({"move_type": "entry", "journal_id": misc.id, "date": "2026-03-31",
                                        "line_ids": entry_lines})
    entry.action_post()
    counterparts = entry.line_ids.filtered(lambda line: line.account_id.reconcile and line.account_id != clearing)
    plan = []
    for _item_id, term in batch:
        mine = counterparts.filtered(lambda line, t=term: line.name == "Earlier payment %s" % t.move_id.name)[:1]
        counterparts -= mine
        plan.append(term + mine)
    env["account.move.line"]._reconcile_plan(plan)
unpaid = sum(1 for term in paid_lines.values() if not term.reconciled)
log("%d already-paid invoices/bills (%d renamed, %d not fully paid)" % (len(paid_lines), paid_renamed, unpaid))


# ---------------------------------------------------------------- history: past statement lines, reconciled
def line_vals(line, partner_id=False):
    vals = {
        "journal_id": bank.id,
        "date": line["date"],
        "payment_ref": line.get("label") or "/",
        "partner_name": line.get("partnerName") or False,
        "account_number": line.get("accountNumber") or False,
        "partner_id": partner_id or False,
    }
    currency = line.get("currency") or books["companyCurrency"]
    if currency != books["companyCurrency"]:
        vals.update(amount=line["amountCompany"], foreign_currency_id=currencies[currency].id,
                    amount_currency=line["amount"])
    else:
        vals["amount"] = line.get("amountCompany", line["amount"])
    if line.get("ref"):
        vals["ref"] = line["ref"]
    return vals


class oca_create_hook_off:
    """account_reconcile_oca's create() runs its partner search and rules on every new statement line (tens of ms
    each); it skips them while tests run. Loading is set-up, not measured: skip them here the same way."""

    def __enter__(self):
        self.before = config["test_enable"]
        config["test_enable"] = True

    def __exit__(self, *exc):
        config["test_enable"] = self.before


history = books["history"]
past_items = []
for index, entry in enumerate(history):
    if entry["outcome"] == "reconciled" and entry.get("partnerId"):
        date = fields.Date.to_string(fields.Date.to_date(entry["date"]) - timedelta(days=21))
        past_items.append({
            "id": index, "partnerId": entry["partnerId"], "date": date, "dateMaturity": entry["date"],
            "currency": books["companyCurrency"], "amountResidual": entry["amount"],
            "amountResidualCurrency": entry["amount"], "ref": "",
            "accountType": "asset_receivable" if entry["amount"] > 0 else "liability_payable",
        })
past_terms, _renamed, _gaps = create_invoices(
    past_items, numbered=False,
    journal_for=lambda item: past_sale if item["accountType"] == "asset_receivable" else past_purchase)
StLine = env["account.bank.statement.line"].with_context(tracking_disable=True, mail_notrack=True)
coded = reconciled = 0
for batch in chunks(list(enumerate(history))):
    vals_list, items = [], []
    for index, entry in batch:
        vals = line_vals(entry, partner_map.get(entry.get("partnerId")) if entry["outcome"] == "reconciled" else False)
        item = past_terms.get(index)
        # Created straight onto its counterpart account instead of the suspense account: booked from the start.
        if entry["outcome"] == "coded" and entry.get("accountId") in account_map:
            vals["counterpart_account_id"] = account_map[entry["accountId"]]
            coded += 1
        elif item:
            vals.update(counterpart_account_id=item.account_id.id, partner_id=item.partner_id.id)
            reconciled += 1
        vals_list.append(vals)
        items.append(item)
    with oca_create_hook_off():
        st_lines = StLine.create(vals_list)
    plan = []
    for st_line, item in zip(st_lines, items, strict=True):
        if item:
            counterpart = st_line.move_id.line_ids.filtered(lambda line, a=item.account_id: line.account_id == a)
            plan.append(counterpart + item)
    env["account.move.line"]._reconcile_plan(plan)
env.flush_all()
not_settled = StLine.search_count([("journal_id", "=", bank.id), ("is_reconciled", "=", False)])
log("%d history lines (%d paid an invoice/bill, %d coded to an account; %d left open)"
    % (len(history), reconciled, coded, not_settled))

# ---------------------------------------------------------------- the statement lines to evaluate
line_map = {}
for batch in chunks(books["lines"]):
    with oca_create_hook_off():
        st_lines = StLine.create([line_vals(line) for line in batch])
    line_map.update({line["id"]: st.id for line, st in zip(batch, st_lines, strict=True)})
log("%d statement lines to evaluate" % len(line_map))

# ---------------------------------------------------------------- OCA's classic engine: its reconciliation models
# Odoo's defaults (from the chart): "Invoices/Bills Perfect Match" (auto-reconcile, no tolerance) and "Partial Match
# if Underpaid". Two changes so that the peer sees what ours sees: the bank's reference field is read too, and a
# write-off model books short payments (bank fees) to the same fee account and limit as the add-on's settings.
Model = env["account.reconcile.model"]
auto_models.auto_reconcile = True
matching = Model.search([("rule_type", "=", "invoice_matching"), ("company_id", "=", company.id)])
matching.write({"match_text_location_reference": True})
perfect = matching.filtered(lambda m: m.auto_reconcile)[:1]
fee_model = Model.create({
    "name": "Bank fee write-off (bench)", "sequence": (perfect.sequence or 1) + 1, "rule_type": "invoice_matching",
    "auto_reconcile": False, "match_nature": "both", "match_same_currency": True, "match_partner": True,
    "match_text_location_label": True, "match_text_location_reference": True,
    "allow_payment_tolerance": True, "payment_tolerance_type": "fixed_amount",
    "payment_tolerance_param": settings["maxFeeAmount"],
    "line_ids": [Command.create({"account_id": account_map[settings["bankFeeAccountId"]], "amount_type": "percentage",
                                 "amount_string": "100", "label": "Bank fee"})],
})
for model in Model.search([("company_id", "=", company.id)]).filtered(lambda m: m != perfect and m != fee_model
                                                                       and m.sequence <= fee_model.sequence):
    model.sequence = fee_model.sequence + 1
models_info = [
    {"name": m.name, "sequence": m.sequence, "rule_type": m.rule_type, "auto_reconcile": m.auto_reconcile,
     "tolerance": ("%s %s" % (m.payment_tolerance_param, m.payment_tolerance_type)) if m.allow_payment_tolerance
     else "none"}
    for m in Model.search([("company_id", "=", company.id), ("rule_type", "!=", "writeoff_button")], order="sequence")
]

env.cr.commit()
with open(os.environ["BENCH_MAP"], "w", encoding="utf-8") as out:
    json.dump({
        "partners": partner_map,
        "items": {item_id: term.id for item_id, term in open_lines.items()},
        "paidItems": {item_id: term.id for item_id, term in paid_lines.items()},
        "accounts": account_map,
        "lines": line_map,
        "bankJournalId": bank.id,
        "ocaModels": models_info,
        "load": {
            "seconds": round(time.perf_counter() - started, 1),
            "openItems": len(open_lines), "renamedOpenItems": renamed, "amountGaps": gaps,
            "paidItems": len(paid_lines), "paidNotSettled": unpaid,
            "historyLines": len(history), "historyReconciled": reconciled, "historyCoded": coded,
            "historyLeftOpen": not_settled, "lines": len(line_map),
        },
    }, out)
log("done")
