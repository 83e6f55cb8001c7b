"""Benchmark (not a test): customer invoices from sales orders (ai_bookkeeping_sale).

Run inside `odoo-bin shell` on a database with ai_bookkeeping, sale_management and ai_bookkeeping_sale installed
(npm run bench does it on a throw-away database):

    [BENCH_SALE_ORDERS=500] [BENCH_SALE_SEED=2026] [BENCH_SALE_QUALITY_ORDERS=400] [BENCH_SALE_PROFILE=1|<file>.prof] \
        odoo-bin shell -d <db> --no-http < scripts/bench/sale_invoices.py

BENCH_SALE_QUALITY_ORDERS=0 skips the quality part; BENCH_SALE_PROFILE profiles the bulk approval with cProfile
(prints the top functions, and saves the profile when given a .prof file).

1. Quality: generated orders (one customer each, so that one order is one invoice), a share of them with one
   planted error of each kind; the drafts are prepared by Odoo, checked, and every finding compared with what was
   planted: recall per kind, and findings on clean orders (false findings). The seed is the report seed unless
   BENCH_SALE_SEED says otherwise; TUNING_SEED is the one the checks' thresholds were looked at with.
2. Speed: BENCH_SALE_ORDERS clean orders proposed, then invoiced through one bulk approval (posted and handed to
   Odoo's batch send, target < 60 s). Odoo's sending cron, which renders the PDFs and mails them in the background,
   is not timed: wkhtmltopdf loads the report's assets from the HTTP server, which `odoo-bin shell` does not run.
Everything is rolled back at the end.
"""

import cProfile
import io
import os
import pstats
import random
import time
from datetime import timedelta

from odoo import Command, fields

env = env  # noqa: F821 - provided by odoo-bin shell
ORDERS = int(os.environ.get("BENCH_SALE_ORDERS", "500"))
TUNING_SEED = 11
REPORT_SEED = 2026
SEED = int(os.environ.get("BENCH_SALE_SEED", str(REPORT_SEED)))
QUALITY_ORDERS = int(os.environ.get("BENCH_SALE_QUALITY_ORDERS", "400"))
PLANT_SHARE = 0.3
TARGET_SECONDS = 60.0
# Planted error -> the finding codes that report it (a planted wrong tax is both off the mapping and the history).
KINDS = {
    "price_off_pricelist": {"price_off_pricelist"},
    "over_invoiced": {"over_invoiced"},
    "late": {"late"},
    "vat_missing": {"vat_missing"},
    "einvoice_missing": {"einvoice_missing"},
    "fiscal_position": {"fiscal_position"},
    "tax": {"tax_fiscal_position", "tax_unusual"},
    "account_unusual": {"account_unusual"},
    "duplicate": {"duplicate"},
}


def log(message):
    print("sale_invoices bench: %s" % message, flush=True)


class Books:
    def __init__(self, rng):
        self.rng = rng
        self.company = env.company
        self.company.ai_sale_late_days = 7
        self.tax = self.company.account_sale_tax_id
        self.other_tax = self.tax.copy({"name": "%s (reduced)" % self.tax.name, "amount": self.tax.amount / 2})
        income = env["account.account"].search([("account_type", "=", "income"),
                                                ("company_ids", "in", self.company.ids)], limit=1)
        self.other_income = income.copy({"code": "499%03d" % rng.randint(0, 999), "name": "Other income"})
        self.position = env["account.fiscal.position"].create({"name": "Export (bench)"})
        self.products = [self._product("Consulting %d" % i, 100.0 + 10 * i, "order") for i in range(4)] + [
            self._product("Widget %d" % i, 20.0 + 5 * i, "delivery") for i in range(4)]
        self.changed = self._product("Changed account", 80.0, "order")
        self.counter = 0
        # History: each product invoiced (posted) 4 times to a history customer, with its account and tax.
        history = self.customer("History Buyer")
        for product in self.products + [self.changed]:
            for quantity in (1, 2, 3, 4):
                order = self.order(history, [(product, quantity)], delivered=True)
                order._create_invoices().action_post()
        self.changed.property_account_income_id = self.other_income

    def _product(self, name, price, policy):
        return env["product.product"].create({
            "name": name, "lst_price": price, "invoice_policy": policy, "type": "consu",
            "taxes_id": [Command.set(self.tax.ids)]})

    def customer(self, name, **values):
        self.counter += 1
        return env["res.partner"].create({
            "name": "%s %05d" % (name, self.counter), "email": "buyer%05d@example.com" % self.counter,
            "invoice_sending_method": "email", "invoice_edi_format": False, **values})

    def order(self, partner, lines, delivered=True):
        order = env["sale.order"].create({
            "partner_id": partner.id,
            "order_line": [Command.create({"product_id": product.id, "product_uom_qty": quantity})
                           for product, quantity in lines]})
        order.action_confirm()
        if delivered:
            for line in order.order_line:
                line.qty_delivered = line.product_uom_qty
        return order

    def random_lines(self):
        return [(self.rng.choice(self.products), float(self.rng.randint(1, 9) * 100 + self.rng.randint(1, 99)))
                for _ in range(self.rng.randint(1, 3))]


def plant(books, kind):
    """A confirmed order with one error of ``kind``; returns (order, what to do to its draft or None)."""
    rng = books.rng
    lines = books.random_lines()
    if kind == "vat_missing":
        return books.order(books.customer("Company", is_company=True), lines), None
    if kind == "einvoice_missing":
        partner = books.customer("Peppol", peppol_eas="0208", peppol_endpoint="0%09d" % rng.randint(0, 10 ** 9))
        partner.invoice_edi_format = False
        return books.order(partner, lines), None
    partner = books.customer("Buyer")
    if kind == "duplicate":
        books.order(partner, lines)._create_invoices().action_post()
        return books.order(partner, lines), None
    if kind == "account_unusual":
        return books.order(partner, lines + [(books.changed, float(rng.randint(1, 9)))]), None
    if kind == "over_invoiced":
        widget = rng.choice([p for p in books.products if p.invoice_policy == "delivery"])
        order = books.order(partner, lines + [(widget, 5.0)])

        def more(draft, product=widget):
            draft.invoice_line_ids.filtered(lambda line: line.product_id == product and line.quantity == 5.0)[:1] \
                .quantity = 7.0
        return order, more
    order = books.order(partner, lines)
    if kind == "price_off_pricelist":
        order.order_line[0].price_unit = round(order.order_line[0].price_unit * rng.choice((0.8, 0.9, 1.15)), 2)
    elif kind == "late":
        order.date_order = fields.Datetime.now() - timedelta(days=rng.randint(10, 40))
    elif kind == "fiscal_position":
        order.fiscal_position_id = books.position
    elif kind == "tax":
        order.order_line[0].tax_id = books.other_tax
    return order, None


def quality(books):
    planted = []
    for _ in range(QUALITY_ORDERS):
        if books.rng.random() < PLANT_SHARE:
            kind = books.rng.choice(sorted(KINDS))
            order, edit = plant(books, kind)
        else:
            kind, edit = None, None
            order = books.order(books.customer("Buyer"), books.random_lines())
        planted.append((order, kind, edit))
    orders = env["sale.order"].concat(*(order for order, _kind, _edit in planted))
    drafts, failures = orders._ai_prepare_drafts()
    assert not failures, failures
    for order, _kind, edit in planted:
        if edit:
            edit(order.invoice_ids)
    suggestions = drafts._ai_sale_propose()
    by_order = {s.proposed_values["order_ids"][0]: s for s in suggestions}
    stats = {kind: [0, 0] for kind in KINDS}
    clean = clean_flagged = unexpected = 0
    unexpected_codes = {}
    for order, kind, _edit in planted:
        found = {f["code"] for f in by_order[order.id].proposed_values["findings"]}
        if kind is None:
            clean += 1
            clean_flagged += bool(found)
            for code in found:
                unexpected_codes[code] = unexpected_codes.get(code, 0) + 1
            continue
        stats[kind][0] += 1
        stats[kind][1] += bool(found & KINDS[kind])
        extra = found - KINDS[kind]
        unexpected += bool(extra)
        for code in extra:
            unexpected_codes[code] = unexpected_codes.get(code, 0) + 1
    log("quality on seed %s (%s; tuning seed %s): %s orders, %s planted" % (
        SEED, "report seed" if SEED == REPORT_SEED else "NOT the report seed", TUNING_SEED, len(planted),
        len(planted) - clean))
    print("| planted error | planted | found | recall |\n|---|--:|--:|--:|")
    for kind, (count, found) in stats.items():
        print("| %s | %d | %d | %s |" % (kind, count, found, "%.0f %%" % (100.0 * found / count) if count else "-"))
    total = sum(c for c, _f in stats.values())
    found_total = sum(f for _c, f in stats.values())
    print("| **all** | %d | %d | %.1f %% |" % (total, found_total, 100.0 * found_total / max(total, 1)))
    print("| clean orders with a finding (false findings) | %d | %d | %.1f %% |" % (
        clean, clean_flagged, 100.0 * clean_flagged / max(clean, 1)))
    print("| planted orders with a finding of another kind | %d | %d | |" % (total, unexpected))
    if unexpected_codes:
        log("codes found beyond what was planted: %s" % unexpected_codes)
    return suggestions


def backend_cpu():
    """CPU seconds used so far by this cursor's PostgreSQL backend (its /proc entry: same machine only), or None."""
    env.cr.execute("SELECT pg_backend_pid()")
    try:
        with open("/proc/%d/stat" % env.cr.fetchone()[0]) as stat:
            fields_ = stat.read().rsplit(")", 1)[1].split()
        return (int(fields_[11]) + int(fields_[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return None


def speed(books):
    orders = env["sale.order"].concat(*(books.order(books.customer("Bulk"), books.random_lines())
                                        for _ in range(ORDERS)))
    env.flush_all()
    start = time.perf_counter()
    suggestions, refused = orders._ai_propose_invoices()
    env.flush_all()
    proposed = time.perf_counter() - start
    assert not refused, refused
    flagged = suggestions.filtered(lambda s: s.proposed_values["findings"])
    log("%d orders -> %d drafts prepared and checked in %.1f s (%d with a finding)" % (
        len(orders), len(suggestions), proposed, len(flagged)))
    profile = cProfile.Profile() if os.environ.get("BENCH_SALE_PROFILE") else None
    start, cpu_start, db_start = time.perf_counter(), time.process_time(), backend_cpu()
    if profile:
        profile.enable()
    outcomes = suggestions.action_ai_approve_customer_invoices()
    env.flush_all()
    if profile:
        profile.disable()
    approved, approved_cpu = time.perf_counter() - start, time.process_time() - cpu_start
    db_end = backend_cpu()
    db_cpu = "%.1f s" % (db_end - db_start) if db_start is not None and db_end is not None else "unknown"
    ok = sum(1 for outcome in outcomes if outcome["ok"])
    invoices = env["account.move"].browse(suggestions.mapped("res_id"))
    posted = len(invoices.filtered(lambda m: m.state == "posted"))
    queued = len(invoices.filtered("sending_data"))
    log("bulk approval of %d invoices: %.1f s wall, %.1f s CPU of the Odoo process + %s of PostgreSQL (%d approved, "
        "%d posted, %d handed to Odoo's batch send) -> %s (target < %.0f s)" % (
            len(suggestions), approved, approved_cpu, db_cpu, ok, posted, queued,
            "PASS" if approved < TARGET_SECONDS and posted == len(suggestions) else "FAIL", TARGET_SECONDS))
    if profile:
        if os.environ["BENCH_SALE_PROFILE"].endswith(".prof"):
            profile.dump_stats(os.environ["BENCH_SALE_PROFILE"])
        for order in ("cumulative", "tottime"):
            out = io.StringIO()
            rows = int(os.environ.get("BENCH_SALE_PROFILE_ROWS", "60"))
            pstats.Stats(profile, stream=out).sort_stats(order).print_stats(rows)
            print(out.getvalue())


def main():
    rng = random.Random(SEED)
    start = time.perf_counter()
    books = Books(rng)
    log("books ready in %.1f s" % (time.perf_counter() - start))
    if QUALITY_ORDERS:
        quality(books)
    speed(books)
    env.cr.rollback()
    log("done")


main()
