"""Benchmark (not a test): the anomaly detection in a real Odoo, side by side with Odoo's own abnormal-amount check.

Run inside `odoo-bin shell` on a database with ai_bookkeeping installed (npm run bench does it on a throw-away
database, with the bundled endpoint started on a free port):

    BENCH_BOOKS=books.json BENCH_ENDPOINT=http://127.0.0.1:PORT BENCH_SECRET=... [BENCH_SCALE_LINES=100000] \
        odoo-bin shell -d <db> --no-http < scripts/bench/anomalies_odoo.py

The books are one report seed of the anomaly bench's generator (scripts/bench/export_anomaly_books.ts): the vendors'
past bills are booked (each vendor's first through the ORM, its others as SQL copies of it with their own date,
reference, amounts and number: create_past_bills), the company's watermark is put after them, then the checked
month's bills and manual entries (the labelled anomalies among them) are posted through the ORM. The real detection runs
(ai.anomaly.detection._cron_detect, through the endpoint) and its findings are scored per detector against the
labels; Odoo's own `_compute_abnormal_warnings` runs on each checked bill reset to draft (its condition) and is
scored the same way. Last, the posted bills are cloned by SQL up to BENCH_SCALE_LINES journal items and one
detection over all of them is timed (target: 100,000 items in < 60 s). Everything is rolled back.
BENCH_SCALE_ONLY=1 skips the scored part (one template bill per vendor instead of the books): the timed run only.
"""
import json
import os
import resource
import sys
import time
from collections import Counter, defaultdict

from odoo import Command
from odoo.tools import SQL

sys.path.insert(0, os.environ["BENCH_SCRIPTS"])
from odoo_rows import clone, columns  # noqa: E402 - the folder is on the path from here

env = env  # noqa: F821 - provided by odoo-bin shell
BOOKS = json.load(open(os.environ["BENCH_BOOKS"]))  # noqa: SIM115 - a bench script
SCALE_LINES = int(os.environ.get("BENCH_SCALE_LINES", "100000"))
# BENCH_SCALE_ONLY=1: skip the scored run (precision/recall against Odoo's rule), time the large run only.
SCALE_ONLY = os.environ.get("BENCH_SCALE_ONLY") == "1"
TARGET_SECONDS = 60.0


def log(message):
    print("anomalies_odoo bench: %s" % message, flush=True)


def pct(n, d):
    return "—" if not d else "%.1f %%" % (100.0 * n / d)


params = env["ir.config_parameter"].sudo()
params.set_param("ai_bookkeeping.endpoint_url", os.environ["BENCH_ENDPOINT"])
params.set_param("ai_bookkeeping.endpoint_secret", os.environ["BENCH_SECRET"])
params.set_param("ai_bookkeeping.endpoint_autostart", "False")
params.set_param("ai_bookkeeping.endpoint_timeout", "300")

company = env.company
if not env["account.account"].search_count([("company_ids", "in", company.ids)], limit=1):
    env["account.chart.template"].try_loading("generic_coa", company, install_demo=False)
company.partner_id.tz = "UTC"  # the generator's times are the company's local times
company.write({"ai_anomaly_enabled": True, "ai_anomaly_high_amount": 5000.0, "ai_anomaly_thresholds": "5000",
               "ai_anomaly_duplicate_days": 30})
env["res.company"].search([("id", "!=", company.id)]).write({"ai_anomaly_enabled": False})
purchase = env["account.journal"].search([("company_id", "=", company.id), ("type", "=", "purchase")], limit=1)
misc = env["account.journal"].search([("company_id", "=", company.id), ("type", "=", "general")], limit=1)
payable = env["account.account"].search(
    [("company_ids", "in", company.ids), ("account_type", "=", "liability_payable")], limit=1)
codes = sorted({v["account"] for v in BOOKS["vendors"] if v["account"]}
               | {line["account"] for item in BOOKS["items"] for line in item["lines"] if line["type"] == "expense"})
accounts = {code: env["account.account"].create({"name": "Bench expense %s" % code, "code": "B%s" % code,
                                                 "account_type": "expense"}) for code in codes}
taxes = {rate: env["account.tax"].create({"name": "Bench purchase %s %%" % rate, "amount": rate,
                                          "amount_type": "percent", "type_tax_use": "purchase",
                                          "company_id": company.id})
         for rate in (19, 7, 0)}
partners = {v["id"]: env["res.partner"].create({"name": "Bench Vendor %s" % v["id"], "is_company": True})
            for v in BOOKS["vendors"]}
vendor_of = {v["id"]: v for v in BOOKS["vendors"]}


def bill_vals(vendor_id, date, amount, reference, account_code, rate):
    net = round(amount / (1 + rate / 100.0), 2)
    return {"move_type": "in_invoice", "journal_id": purchase.id, "partner_id": partners[vendor_id].id,
            "invoice_date": date, "date": date, "ref": reference or False,
            "invoice_line_ids": [Command.create({"name": "Bench", "account_id": accounts[account_code].id,
                                                 "quantity": 1, "price_unit": net,
                                                 "tax_ids": [Command.set(taxes[rate].ids)]})]}


def create_posted(vals_list, batch=500):
    moves = env["account.move"]
    for start in range(0, len(vals_list), batch):
        chunk = env["account.move"].create(vals_list[start:start + batch])
        chunk.action_post()
        moves |= chunk
    return moves


# The amount columns of a bill, by what they are an amount of (its net, tax or total), for the SQL copies below;
# the other columns of a vendor's bills (account, tax, partner, due date, flags) are the same on every bill.
MOVE_AMOUNTS = {"amount_untaxed": "net", "amount_untaxed_signed": "net", "amount_untaxed_in_currency_signed": "net",
                "amount_tax": "tax", "amount_tax_signed": "tax", "amount_total": "total",
                "amount_total_signed": "total", "amount_total_in_currency_signed": "total",
                "amount_residual": "total", "amount_residual_signed": "total"}
LINE_AMOUNTS = {  # per display_type
    "product": {"debit": "net", "credit": "net", "balance": "net", "amount_currency": "net", "price_unit": "net",
                "price_subtotal": "net", "price_total": "total"},
    "tax": {"debit": "tax", "credit": "tax", "balance": "tax", "amount_currency": "tax", "tax_base_amount": "net"},
    "payment_term": {"debit": "total", "credit": "total", "balance": "total", "amount_currency": "total",
                     "amount_residual": "total", "amount_residual_currency": "total"},
}


def bill_amounts(bill):
    """(net, tax, total) of a past bill as the ORM books it from bill_vals: the tax rounded per line."""
    rate = vendor_of[bill["vendor"]]["rate"]
    net = round(bill["amount"] / (1 + rate / 100.0), 2)
    tax = company.currency_id.round(net * rate / 100.0)
    return net, tax, round(net + tax, 2)




def copy_rows(table, source, on, overrides, order):
    """Copies of the rows of ``table`` (alias t) joined to ``source`` ``on``; returns the new ids in ``order``."""
    names = columns(env.cr, table)
    env.cr.execute(SQL(
        "INSERT INTO %s (%s) SELECT %s FROM %s JOIN %s t ON %s ORDER BY %s RETURNING id",
        SQL.identifier(table), SQL(", ").join(SQL.identifier(n) for n in names),
        SQL(", ").join(overrides.get(n, SQL("t.%s", SQL.identifier(n))) for n in names), source,
        SQL.identifier(table), on, order))
    return [row[0] for row in env.cr.fetchall()]


def signed(column, role):
    """The copy's amount: the template's sign, the copy's own net, tax or total."""
    return SQL("SIGN(t.%s) * b.%s", SQL.identifier(column), SQL.identifier(role))


def create_past_bills(past):
    """The vendors' past bills (``past`` in (date, id) order), as the ORM books them but at SQL speed: each
    vendor's first bill is created and posted through the ORM, the vendor's others are SQL copies of it (a vendor has
    one account and one tax rate) with their own date, reference, creation time and amounts (net, tax, total). The
    ORM's amounts are checked on the first bills (an error if one differs), every copy is checked balanced, and
    the journal's numbers are those that posting them 500 at a time gives (in each 500: by date, reference, order).
    Through the ORM, 6,540 bills took 428 s on the loaded box. Returns the moves in ``past`` order."""
    t0 = time.time()
    first = {}
    for k, bill in enumerate(past):
        first.setdefault(bill["vendor"], k)
    firsts = sorted(first.values())
    amounts = [bill_amounts(bill) for bill in past]
    templates = create_posted([bill_vals(past[k]["vendor"], past[k]["date"], past[k]["amount"], "P-%s" % past[k]["id"],
                                         vendor_of[past[k]["vendor"]]["account"], vendor_of[past[k]["vendor"]]["rate"])
                               for k in firsts])
    for k, move in zip(firsts, templates, strict=True):
        booked = (move.amount_untaxed, move.amount_tax, move.amount_total)
        if any(company.currency_id.compare_amounts(a, b) for a, b in zip(booked, amounts[k], strict=True)):
            raise RuntimeError("bill %s: the ORM booked %s, the copies would use %s" % (move.ref, booked, amounts[k]))
    log("%d first bills of the vendors through the ORM in %.0f s" % (len(templates), time.time() - t0))
    t0 = time.time()
    move_of = dict(zip(firsts, templates.ids, strict=True))
    copies = [k for k in range(len(past)) if k not in move_of]
    env.flush_all()
    roles = SQL(", ").join(SQL("%s::numeric[]", [amounts[k][i] for k in copies]) for i in range(3))
    source = SQL("unnest(%s::int[], %s::date[], %s::varchar[], %s::timestamp[], %s) WITH ORDINALITY "
                 "AS b(template, date, ref, stamp, net, tax, total, g)",
                 [move_of[first[past[k]["vendor"]]] for k in copies], [past[k]["date"] for k in copies],
                 ["P-%s" % past[k]["id"] for k in copies], ["%s 10:00:00" % past[k]["date"] for k in copies], roles)
    new_ids = copy_rows("account_move", source, SQL("t.id = b.template"), {
        "name": SQL("'PAST/' || b.g"), "date": SQL("b.date"), "invoice_date": SQL("b.date"), "ref": SQL("b.ref"),
        "create_date": SQL("b.stamp"), **{name: signed(name, role) for name, role in MOVE_AMOUNTS.items()},
    }, SQL("b.g"))
    move_of.update(zip(copies, new_ids, strict=True))
    pairs = SQL("unnest(%s::int[], %s::int[], %s) AS b(move, template, net, tax, total)", new_ids,
                [move_of[first[past[k]["vendor"]]] for k in copies], roles)
    line_columns = set(columns(env.cr, "account_move_line"))
    line_amounts = {}
    for display_type, amount_columns in LINE_AMOUNTS.items():
        for name, role in amount_columns.items():
            line_amounts.setdefault(name, []).append(SQL("WHEN %s THEN %s", display_type, signed(name, role)))
    lines_source = SQL("%s JOIN account_move am ON am.id = b.move", pairs)
    copy_rows("account_move_line", lines_source, SQL("t.move_id = b.template"), {
        "move_id": SQL("b.move"), "date": SQL("am.date"), "invoice_date": SQL("am.invoice_date"), "ref": SQL("am.ref"),
        "move_name": SQL("am.name"),
        **{name: SQL("CASE t.display_type %s ELSE t.%s END", SQL(" ").join(whens), SQL.identifier(name))
           for name, whens in line_amounts.items() if name in line_columns},
    }, SQL("b.move, t.id"))
    for rel, column in (("account_move_line_account_tax_rel", "account_tax_id"),
                        ("account_account_tag_account_move_line_rel", "account_account_tag_id")):
        env.cr.execute(SQL(
            """
            INSERT INTO %(rel)s (account_move_line_id, %(column)s)
            SELECT line.id, rel.%(column)s
              FROM %(pairs)s
              JOIN account_move_line line ON line.move_id = b.move
              JOIN account_move_line tl ON tl.move_id = b.template AND tl.display_type = line.display_type
              JOIN %(rel)s rel ON rel.account_move_line_id = tl.id
            """, rel=SQL.identifier(rel), column=SQL.identifier(column), pairs=pairs))
    env.cr.execute(SQL(
        """
        SELECT COUNT(*) FROM (SELECT move_id FROM account_move_line WHERE move_id = ANY(%s)
                               GROUP BY move_id HAVING SUM(balance) != 0 OR SUM(debit) != SUM(credit)) unbalanced
        """, new_ids))
    unbalanced = env.cr.fetchone()[0]
    if unbalanced:
        raise RuntimeError("%d copied past bills are not balanced" % unbalanced)
    # the numbers posting them 500 at a time gives: in each 500, by (date, reference, order), per month
    numbers, stamps = Counter(), []
    for start in range(0, len(past), 500):
        for k in sorted(range(start, min(start + 500, len(past))),
                        key=lambda k: (past[k]["date"], "P-%s" % past[k]["id"], k)):
            prefix = "%s/%s/%s/" % (purchase.code, past[k]["date"][:4], past[k]["date"][5:7])
            numbers[prefix] += 1
            stamps.append((move_of[k], prefix, numbers[prefix]))
    ids = [move_id for move_id, _prefix, _number in stamps]
    env.cr.execute(SQL("UPDATE account_move SET name = 'PAST/T' || id WHERE id = ANY(%s)", templates.ids))
    env.cr.execute(SQL(
        """
        UPDATE account_move move SET name = b.prefix || LPAD(b.number::text, 4, '0'), sequence_prefix = b.prefix,
                                     sequence_number = b.number, made_sequence_gap = FALSE
          FROM unnest(%s::int[], %s::varchar[], %s::int[]) AS b(id, prefix, number) WHERE move.id = b.id
        """, ids, [prefix for _id, prefix, _number in stamps], [number for _id, _prefix, number in stamps]))
    env.cr.execute(SQL(
        "UPDATE account_move_line line SET move_name = move.name FROM account_move move "
        "WHERE move.id = line.move_id AND move.id = ANY(%s)", ids))
    env.cr.execute(SQL(
        "UPDATE account_move move SET create_date = (move.date + TIME '10:00') WHERE move.id = ANY(%s)",
        templates.ids))
    env.invalidate_all()
    log("%d copies by SQL in %.0f s" % (len(copies), time.time() - t0))
    return env["account.move"].browse([move_of[k] for k in range(len(past))])


class Rollback(Exception):
    pass


def set_created(moves_and_times):
    env.flush_all()
    for move, stamp in moves_and_times:
        env.cr.execute(SQL("UPDATE account_move SET create_date = %s WHERE id = %s", stamp, move.id))
    env.invalidate_all()


if SCALE_ONLY:
    # Only the timed run: one posted bill per vendor as the clones' templates and history, no scoring.
    past_moves = create_posted([bill_vals(v["id"], "2025-03-15", 100.0 + i, "P-%d" % i, v["account"], v["rate"])
                                for i, v in enumerate(BOOKS["vendors"]) if v["account"]])
    log("%d template bills posted (scale run only)" % len(past_moves))
    detection = env["ai.anomaly.detection"].sudo()
    Suggestion = env["ai.suggestion"].sudo()
else:
    t0 = time.time()
    past = sorted(BOOKS["past"], key=lambda b: (b["date"], b["id"]))
    cpu0 = time.process_time()
    past_moves = create_past_bills(past)
    log("%d past bills of %d vendors posted in %.0f s (this process's CPU %.0f s; the first bill of each vendor "
        "through the ORM, the others copied by SQL)" % (
            len(past_moves), len(partners), time.time() - t0, time.process_time() - cpu0))

    # fresh planner statistics after the bulk load, as autovacuum keeps them in a live database
    env.cr.execute(SQL("ANALYZE account_move, account_move_line, account_move_line_account_tax_rel"))
    # The watermark after the past: the run checks the checked month only, as the TS bench does.
    env.flush_all()
    env.cr.execute(SQL("SELECT write_date, id FROM account_move WHERE company_id = %s "
                       "ORDER BY write_date DESC, id DESC LIMIT 1", company.id))
    mark_date, mark_id = env.cr.fetchone()
    company.write({"ai_anomaly_watermark_date": mark_date, "ai_anomaly_watermark_id": mark_id})
    env["ai.anomaly.checked"]._record(company, past_moves)  # checked: the overlap window does not read them again

    checked = {}  # move id -> item
    not_reproduced = Counter()
    vals_list, items = [], []
    for item in BOOKS["items"]:
        if item["label"] == "sequence_gap":
            not_reproduced[item["label"]] += 1
            item = dict(item, label=None)  # posted as an ordinary bill: Odoo numbers it without a gap
        if item["kind"] == "bill":
            vals_list.append(bill_vals(item["vendor"], item["date"], item["amount"], item["reference"], item["account"],
                                       item["rate"]))
        else:
            partner = partners[item["vendor"]].id if item["vendor"] else False
            vals_list.append({"move_type": "entry", "journal_id": misc.id, "date": item["date"],
                              "ref": item["reference"] or False, "line_ids": [Command.create({
                                  "name": "Bench", "partner_id": partner, "balance": line["balance"],
                                  "account_id": payable.id if line["type"] == "liability_payable"
                                  else accounts[line["account"]].id}) for line in item["lines"]]})
        items.append(item)
    checked_moves = create_posted(vals_list)
    for move, item in zip(checked_moves, items, strict=True):
        checked[move.id] = item
    set_created([(move, item["createdAt"].replace("T", " ")) for move, item in zip(checked_moves, items, strict=True)])
    log("%d checked entries posted (%d labelled); left out of Odoo: %s; label not reproduced: %s" % (
        len(checked), sum(1 for i in items if i["label"]), dict(BOOKS["leftOut"]) or "none",
        dict(not_reproduced) or "none"))

    # ------------------------------------------------------------------ our detection, the cron's method
    detection = env["ai.anomaly.detection"].sudo()
    Suggestion = env["ai.suggestion"].sudo()
    t1 = time.time()
    while detection._cron_detect():
        pass
    detect_seconds = time.time() - t1
    findings = Suggestion.search([("kind", "=", "anomaly"), ("company_id", "=", company.id)])
    log("detection over the checked month: %d findings in %.2f s" % (len(findings), detect_seconds))

    accepted = BOOKS["accepted"]
    by_detector = defaultdict(lambda: [0, 0])
    flagged = defaultdict(set)
    for finding in findings:
        detector = finding.anomaly_detector
        if detector == "benford":
            continue  # a finding on a journal or a vendor, scored by the TS bench on its own sets
        item = checked.get(finding.anomaly_move_id.id)
        if item is None:
            by_detector[detector][1] += 1  # on an entry outside the checked month
            continue
        flagged[finding.anomaly_move_id.id].add(detector)
        label = item["label"]
        if label and detector not in accepted[label]:
            continue  # another detector on an injected item: neither
        by_detector[detector][0 if label else 1] += 1
    caught = defaultdict(lambda: [0, 0])
    for move_id, item in checked.items():
        if item["label"]:
            caught[item["label"]][0] += 1
            if flagged[move_id] & set(accepted[item["label"]]):
                caught[item["label"]][1] += 1
    normals = [move_id for move_id, item in checked.items() if not item["label"]]
    false_alarms = sum(1 for move_id in normals if flagged[move_id])

    # ------------------------------------------------------------------ Odoo's own rule on the same bills, as drafts
    t2 = time.time()
    odoo = {"tp": 0, "fp": 0, "outliers": 0, "caught": 0, "bills": 0}
    for move in checked_moves.filtered(lambda m: m.move_type == "in_invoice"):
        label = checked[move.id]["label"]
        try:
            with env.cr.savepoint():
                move.button_draft()  # Odoo warns on drafts only
                warned = bool(move.abnormal_amount_warning)
                env.flush_all()
                raise Rollback
        except Rollback:
            env.invalidate_all(flush=False)  # the bill is posted again for the next one
        odoo["bills"] += 1
        odoo["outliers"] += label == "amount_outlier"
        if warned:
            odoo["tp" if label else "fp"] += 1
            odoo["caught"] += label == "amount_outlier"
    odoo_seconds = time.time() - t2
    log("Odoo's _compute_abnormal_warnings on %d draft bills in %.1f s" % (odoo["bills"], odoo_seconds))
    # ------------------------------------------------------------------ the table
    outlier = caught.get("amount_outlier", [0, 0])
    dup = [sum(c[i] for k, c in caught.items() if k.startswith("duplicate_")) for i in (0, 1)]
    total_tp = sum(t for t, _f in by_detector.values())
    total = sum(t + f for t, f in by_detector.values())
    log("recall per injected kind (in Odoo):")
    print("| injected kind | injected | caught | recall |\n|---|--:|--:|--:|")
    for kind, (injected, found) in sorted(caught.items()):
        print("| %s | %d | %d | %s |" % (kind, injected, found, pct(found, injected)))
    log("precision per detector (in Odoo):")
    print("| detector | findings | true | false | precision |\n|---|--:|--:|--:|--:|")
    for detector, (tp, fp) in sorted(by_detector.items()):
        print("| %s | %d | %d | %d | %s |" % (detector, tp + fp, tp, fp, pct(tp, tp + fp)))
    log("side by side, the same books in the same Odoo:")
    print("| measure, seed %s in a real Odoo | ai_bookkeeping (cron + endpoint) | Odoo's _compute_abnormal_warnings "
          "| target |\n|---|--:|--:|--:|" % BOOKS["seed"])
    print("| recall, injected duplicate bills/references | %s | — (no such check) | ≥ 90 %% |" % pct(dup[1], dup[0]))
    print("| recall, injected amount outliers | %s | %s | ≥ 80 %% |" % (
        pct(outlier[1], outlier[0]), pct(odoo["caught"], odoo["outliers"])))
    print("| precision, all findings | %s (%d of %d) | %s (%d of %d) | ≥ 80 %% |" % (
        pct(total_tp, total), total_tp, total, pct(odoo["tp"], odoo["tp"] + odoo["fp"]), odoo["tp"],
        odoo["tp"] + odoo["fp"]))
    print("| false alarms per 500 normal entries | %.2f (%d of %d) | %.2f (%d) | ≤ 1 |" % (
        500.0 * false_alarms / max(1, len(normals)), false_alarms, len(normals),
        500.0 * odoo["fp"] / max(1, len(normals)), odoo["fp"]))
    print("| detection over the checked month (%d entries) | %.2f s | %.1f s (%d bills, one by one) | |" % (
        len(checked), detect_seconds, odoo_seconds, odoo["bills"]))
# ------------------------------------------------------------------ one detection over SCALE_LINES journal items
def _proc_cpu(pid):
    """utime + stime of a process, in seconds (Linux /proc), 0 when it is gone or unreadable."""
    try:
        with open("/proc/%d/stat" % pid) as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def cpu_seconds(backend):
    """CPU seconds so far of this Odoo process, its PostgreSQL backend and (BENCH_ENDPOINT_PGID) the endpoint's
    process group: on a loaded machine the wall time says little, the CPU spent says what the run costs."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    found = {"odoo": usage.ru_utime + usage.ru_stime, "postgresql": _proc_cpu(backend)}
    group = int(os.environ.get("BENCH_ENDPOINT_PGID") or 0)
    if group:
        total = 0.0
        for name in os.listdir("/proc"):
            if name.isdigit():
                try:
                    with open("/proc/%s/stat" % name) as stat:
                        if int(stat.read().rsplit(")", 1)[1].split()[2]) == group:
                            total += _proc_cpu(int(name))
                except (OSError, ValueError, IndexError):
                    continue
        found["endpoint"] = total
    return found




env.flush_all()
env.cr.execute(SQL("SELECT COUNT(*) FROM account_move_line WHERE company_id = %s", company.id))
lines_now = env.cr.fetchone()[0]
template = past_moves[0]
per_move = len(template.line_ids)
count = max(0, (SCALE_LINES - lines_now) // per_move)
partner_ids = [p.id for p in partners.values()]
factor = SQL("(0.5 + MOD(g, 101) / 100.0)")  # SQL() takes no escaped %%
money = ("amount_untaxed", "amount_tax", "amount_total", "amount_residual", "amount_untaxed_signed",
         "amount_untaxed_in_currency_signed", "amount_tax_signed", "amount_total_signed",
         "amount_total_in_currency_signed", "amount_residual_signed")
t3 = time.time()
move_ids = clone(env.cr, "account_move", template.id, SQL("generate_series(1, %s) g", count), {
    "name": SQL("'BCL/' || g"), "sequence_prefix": SQL("'BCL/'"), "sequence_number": SQL("g"),
    "ref": SQL("'C-' || g"), "partner_id": SQL("(%s::int[])[1 + MOD(g, %s)]", partner_ids, len(partner_ids)),
    "commercial_partner_id": SQL("(%s::int[])[1 + MOD(g, %s)]", partner_ids, len(partner_ids)),
    "date": SQL("DATE '2025-04-01' + MOD(g, 330)::int"), "invoice_date": SQL("DATE '2025-04-01' + MOD(g, 330)::int"),
    **{name: SQL("ROUND(t.%s * %s, 2)", SQL.identifier(name), factor) for name in money},
})
line_money = ("balance", "debit", "credit", "amount_currency", "price_unit", "price_subtotal", "price_total",
              "amount_residual", "amount_residual_currency", "tax_base_amount")
line_columns = set(columns(env.cr, "account_move_line"))
for line in template.line_ids:
    line_ids = clone(env.cr, "account_move_line", line.id,
                     SQL("unnest(%s::int[]) WITH ORDINALITY AS m(ref, g) JOIN account_move am ON am.id = m.ref",
                         move_ids), {
                         "move_id": SQL("m.ref"), "date": SQL("am.date"), "partner_id": SQL("am.partner_id"),
                         "move_name": SQL("am.name"), "parent_state": SQL("am.state"),
                         **{name: SQL("ROUND(t.%s * %s, 2)", SQL.identifier(name), factor)
                            for name in line_money if name in line_columns},
                     })
    # the line's taxes too (tax_ids): without them the clones' product lines were untaxed
    env.cr.execute(SQL(
        "INSERT INTO account_move_line_account_tax_rel (account_move_line_id, account_tax_id) "
        "SELECT new.id, rel.account_tax_id FROM unnest(%s::int[]) AS new(id), account_move_line_account_tax_rel rel "
        "WHERE rel.account_move_line_id = %s", line_ids, line.id))
env.invalidate_all()
# fresh planner statistics, as autovacuum keeps them in a live database after a bulk load
env.cr.execute(SQL("ANALYZE account_move, account_move_line, account_move_line_account_tax_rel, ai_anomaly_checked"))
env.cr.execute(SQL("SELECT COUNT(*) FROM account_move_line WHERE company_id = %s", company.id))
lines_total = env.cr.fetchone()[0]
env.cr.execute(SQL("SELECT COUNT(*) FROM account_move WHERE company_id = %s", company.id))
moves_total = env.cr.fetchone()[0]
log("%d bills cloned by SQL in %.0f s: %d journal items in %d entries" % (
    len(move_ids), time.time() - t3, lines_total, moves_total))
company.write({"ai_anomaly_watermark_date": False, "ai_anomaly_watermark_id": 0})
before = Suggestion.search_count([("kind", "=", "anomaly")])
env.cr.execute(SQL("SELECT pg_backend_pid()"))
backend = env.cr.fetchone()[0]
cpu_before = cpu_seconds(backend)
t4 = time.time()
runs = 0
while True:
    runs += 1
    if not detection._cron_detect():
        break
scale_seconds = time.time() - t4
cpu = {name: after - cpu_before[name] for name, after in cpu_seconds(backend).items()}
scale_findings = Suggestion.search_count([("kind", "=", "anomaly")]) - before
log("detection over all %d entries (%d journal items): %.1f s in %d cron runs, %d new findings" % (
    moves_total, lines_total, scale_seconds, runs, scale_findings))

log("CPU used by the run (the pipeline is sequential: about its time on an idle box): %s; load average %s" % (
    ", ".join("%s %.1f s" % item for item in cpu.items()) + ", total %.1f s" % sum(cpu.values()),
    " ".join("%.1f" % x for x in os.getloadavg())))
log("timed run:")
print("| detection over %s journal items (%s entries) | wall %.1f s (load %.1f), CPU %.1f s (%s) | — | < %d s |" % (
    format(lines_total, ","), format(moves_total, ","), scale_seconds, os.getloadavg()[0], sum(cpu.values()),
    ", ".join("%s %.1f" % item for item in cpu.items()), TARGET_SECONDS))
env.cr.rollback()
log("done; everything rolled back")
