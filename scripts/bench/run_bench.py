"""Run three engines on the statement lines loaded by load_books.py, in real Odoo, and time them.

Run inside `odoo-bin shell` (scripts/bench.mjs does) after load_books.py, with the AI endpoint listening:

    BENCH_BOOKS=books.json BENCH_MAP=map.json BENCH_OUT=raw.json BENCH_ENDPOINT=http://127.0.0.1:PORT \
    BENCH_SECRET=... [BENCH_APPROVE=500] odoo-bin shell -d <db> < run_bench.py

  * ours:  st_lines.action_ai_suggest() in batches of 200, each timed end to end (reads, HTTP, engine, writes,
           commit), then every stored suggestion (all ranks) read back;
  * OCA:   account_reconcile_model_oca's classic engine, models._apply_rules(st_line, st_line._retrieve_partner())
           per line with the models its reconciliation screen uses, timed per line; a crash is caught per line;
  * naive: the first open item (lowest id) with the same residual, currency and sign, from one SQL query.
Then the reviewer's bulk approval (the dashboard's bulk_approve, as a reviewer user) of the BENCH_APPROVE most
confident top-ranked pending suggestions, timed, and a check of what each approval wrote in the books.

Results are written in the generator's id space (BENCH_OUT) for scripts/bench/report_odoo.ts to score.
"""
import json
import os
import time
import traceback

from odoo import Command, fields
from odoo.tools import SQL

env = env  # noqa: F821 - provided by odoo-bin shell
BATCH = 200
books = json.load(open(os.environ["BENCH_BOOKS"], encoding="utf-8"))
mapping = json.load(open(os.environ["BENCH_MAP"], encoding="utf-8"))
company = env.company
cr = env.cr


def log(message):
    print("run_bench: %s" % message, flush=True)


# The books are dated March-April 2026 with history back to mid-2025: run "on the day after the statement", as a
# bookkeeper would, so that date windows (the add-on's 400 days of history, OCA's past_months_limit) see them as
# Odoo would on that day. Only Odoo's "today" moves; clocks (HMAC timestamps, timings) stay real.
TODAY = fields.Date.to_date(os.environ.get("BENCH_TODAY") or max(line["date"] for line in books["lines"]))
TODAY = fields.Date.add(TODAY, days=1) if not os.environ.get("BENCH_TODAY") else TODAY
_context_today = fields.Date.context_today


def _bench_context_today(record, timestamp=None):
    return TODAY if timestamp is None else _context_today(record, timestamp)


fields.Date.context_today = staticmethod(_bench_context_today)

params = env["ir.config_parameter"].sudo()
params.set_param("ai_bookkeeping.endpoint_url", os.environ["BENCH_ENDPOINT"])
params.set_param("ai_bookkeeping.endpoint_secret", os.environ["BENCH_SECRET"])
params.set_param("ai_bookkeeping.endpoint_autostart", "False")
params.set_param("ai_bookkeeping.endpoint_timeout", "300")
cr.commit()

item_back = {int(real): int(gen) for gen, real in list(mapping["items"].items()) + list(mapping["paidItems"].items())}
partner_back = {int(real): int(gen) for gen, real in mapping["partners"].items()}
account_back = {int(real): int(gen) for gen, real in mapping["accounts"].items()}
line_back = {int(real): int(gen) for gen, real in mapping["lines"].items()}
StLine = env["account.bank.statement.line"]
st_lines = StLine.browse([int(mapping["lines"][str(line["id"])]) for line in books["lines"]])


def back(table, real_id):
    """Generated id of an Odoo record; an Odoo record the generator never made gets a negative id (always wrong)."""
    if not real_id:
        return None
    return table.get(real_id, -real_id)


def short_traceback():
    return traceback.format_exc(limit=12)[-4000:]


# ---------------------------------------------------------------- ours
ours_batches, ours_errors = [], []
for start in range(0, len(st_lines), BATCH):
    batch = st_lines[start:start + BATCH]
    t0 = time.perf_counter()
    c0 = time.process_time()
    error = None
    try:
        with cr.savepoint():
            batch.action_ai_suggest()
            env.flush_all()
        cr.commit()
    except Exception as exc:  # noqa: BLE001 - a failing batch is a result to report, not a reason to stop
        cr.rollback()
        error = "%s: %s" % (type(exc).__name__, exc)
        ours_errors.append({"batch": start // BATCH, "error": error, "traceback": short_traceback()})
    seconds = time.perf_counter() - t0
    # CPU of this Odoo process only (the endpoint and PostgreSQL are other processes): wall time means little on a
    # shared box.
    ours_batches.append({"lines": len(batch), "seconds": round(seconds, 3),
                         "cpuSeconds": round(time.process_time() - c0, 3), "error": error})
    log("ours: batch %d (%d lines) in %.1f s%s" % (start // BATCH + 1, len(batch), seconds,
                                                  " — %s" % error if error else ""))
env.invalidate_all()
Suggestion = env["ai.reconciliation.suggestion"]
by_line = {}
for s in Suggestion.search_read(
        [("statement_line_id", "in", st_lines.ids)],
        ["statement_line_id", "rank", "match_type", "move_line_ids", "account_id", "partner_id", "confidence",
         "writeoff_amount", "explanation"],
        order="statement_line_id, rank, id"):
    by_line.setdefault(s["statement_line_id"][0], []).append({
        "rank": s["rank"], "matchType": s["match_type"],
        "candidateIds": sorted(back(item_back, i) for i in s["move_line_ids"]),
        "partnerId": back(partner_back, s["partner_id"] and s["partner_id"][0]),
        "accountId": back(account_back, s["account_id"] and s["account_id"][0]),
        "confidence": s["confidence"],
        # Kept for reading the per-line output (.artifacts/bench-odoo*-lines.json): an account the generator never
        # made is named here, its id being negative above.
        "accountName": s["account_id"] and s["account_id"][1] or None,
        "writeoffAmount": s["writeoff_amount"], "explanation": s["explanation"],
    })
ours_results = [{"lineId": line_back[st.id], "suggestions": by_line.get(st.id, [])} for st in st_lines]
ai_states = {}
for st in st_lines:
    ai_states[st.ai_state] = ai_states.get(st.ai_state, 0) + 1
line_errors = [{"lineId": line_back[st.id], "error": st.ai_error} for st in st_lines if st.ai_state == "error"]
log("ours: %d suggestions stored; line states %s" % (sum(len(v) for v in by_line.values()), ai_states))

# ---------------------------------------------------------------- OCA's classic engine
# The models account_reconcile_oca's screen proposes with (its _default_reconcile_data).
rec_models = env["account.reconcile.model"].search(
    [("rule_type", "in", ["invoice_matching", "writeoff_suggestion"]), ("company_id", "=", company.id)])
oca_results, oca_errors, oca_times = [], [], []
oca_cpu0 = time.process_time()
for st in st_lines:
    gen_id = line_back[st.id]
    try:
        with cr.savepoint():
            t0 = time.perf_counter()
            partner = st._retrieve_partner()
            res = rec_models._apply_rules(st, partner)
            oca_times.append(time.perf_counter() - t0)
    except Exception as exc:  # noqa: BLE001 - counted per line as "error", as the bench promises
        oca_times.append(time.perf_counter() - t0)
        oca_errors.append({"lineId": gen_id, "error": "%s: %s" % (type(exc).__name__, exc),
                           "traceback": short_traceback()})
        oca_results.append({"lineId": gen_id, "suggestions": [], "error": True})
        continue
    amls = res.get("amls") or env["account.move.line"]
    if not res or (not amls and res.get("status") != "write_off"):
        oca_results.append({"lineId": gen_id, "suggestions": []})
        continue
    model = res.get("model")
    line_amount = st.amount_currency if st.foreign_currency_id else st.amount
    currency = st.foreign_currency_id or st.currency_id
    items_amount = -sum(amls.mapped("amount_residual_currency"))  # what paying them all takes, signed like the line
    if res.get("status") == "write_off":
        match_type = "writeoff" if amls else "expense"
        account = model.line_ids[:1].account_id
    elif currency.compare_amounts(abs(line_amount), abs(items_amount)) < 0:
        # The line pays less than the items: the (last) item stays partly open.
        match_type = "partial" if len(amls) == 1 else "multi"
        account = env["account.account"]
    else:
        match_type = "full" if len(amls) == 1 else "multi"
        account = env["account.account"]
    oca_results.append({"lineId": gen_id, "suggestions": [{
        "rank": 1, "matchType": match_type, "candidateIds": sorted(back(item_back, i) for i in amls.ids),
        "partnerId": back(partner_back, (amls.partner_id[:1] or partner).id),
        "accountId": back(account_back, account.id),
        # OCA has no confidence: its auto_reconcile flag is its "sure enough to book it" grade.
        "confidence": 1.0 if res.get("auto_reconcile") else 0.5,
        "autoReconcile": bool(res.get("auto_reconcile")), "model": model.name if model else None,
    }]})
oca_cpu_seconds = time.process_time() - oca_cpu0  # the whole loop, this Odoo process
cr.rollback()  # _apply_rules only reads; leave nothing behind if it ever wrote
log("OCA: %d lines in %.1f s (CPU %.1f s), %d errors" % (len(oca_times), sum(oca_times), oca_cpu_seconds,
                                                         len(oca_errors)))

# ---------------------------------------------------------------- naive exact-amount baseline
t0 = time.perf_counter()
env.flush_all()
cr.execute(SQL(
    """
    SELECT aml.id, aml.currency_id, aml.amount_residual_currency
      FROM account_move_line aml
      JOIN account_account account ON account.id = aml.account_id
     WHERE aml.company_id = %s AND aml.parent_state = 'posted' AND NOT aml.reconciled
       AND account.account_type IN ('asset_receivable', 'liability_payable') AND aml.amount_residual != 0
  ORDER BY aml.id
    """, company.id))
first_by_amount = {}
for aml_id, currency_id, residual in cr.fetchall():
    first_by_amount.setdefault((currency_id, round(residual * 100)), aml_id)
naive_results = []
for st in st_lines:
    currency = st.foreign_currency_id or st.currency_id
    amount = st.amount_currency if st.foreign_currency_id else st.amount
    aml_id = first_by_amount.get((currency.id, round(amount * 100)))
    naive_results.append({"lineId": line_back[st.id], "suggestions": [] if aml_id is None else [{
        "rank": 1, "matchType": "full", "candidateIds": [back(item_back, aml_id)], "partnerId": None,
        "accountId": None, "confidence": 0.5}]})
naive_seconds = time.perf_counter() - t0
log("naive: %d lines in %.2f s" % (len(st_lines), naive_seconds))

# ---------------------------------------------------------------- bulk approval by a reviewer
approve_limit = int(os.environ.get("BENCH_APPROVE") or 500)
reviewer = env["res.users"].create({
    "name": "Bench Reviewer", "login": "bench_reviewer_%d" % time.time_ns(),
    "groups_id": [Command.set([env.ref("ai_bookkeeping.ai_bookkeeping_group_reviewer").id,
                               env.ref("base.group_user").id])],
})
cr.commit()
to_approve = Suggestion.search([("statement_line_id", "in", st_lines.ids), ("state", "=", "pending"), ("rank", "=", 1)],
                               order="confidence desc, id", limit=approve_limit)
approval = {"requested": len(to_approve), "minConfidence": min(to_approve.mapped("confidence") or [0])}
t0 = time.perf_counter()
try:
    outcomes = Suggestion.with_user(reviewer).bulk_approve(to_approve.ids)
    env.flush_all()
    cr.commit()
    approval["crash"] = None
except Exception as exc:  # noqa: BLE001 - a crash in bulk approval is the finding; report it with its traceback
    cr.rollback()
    outcomes = []
    approval["crash"] = {"error": "%s: %s" % (type(exc).__name__, exc), "traceback": short_traceback()}
approval["seconds"] = round(time.perf_counter() - t0, 3)
if approval["crash"]:
    # Find the rows that crash, one savepoint each, so the report can name them (not timed).
    for suggestion in to_approve:
        try:
            with cr.savepoint():
                suggestion.with_user(reviewer).action_approve()
            outcomes.append({"id": suggestion.id, "ok": True, "error": None})
        except Exception as exc:  # noqa: BLE001
            outcomes.append({"id": suggestion.id, "ok": False, "error": "%s: %s" % (type(exc).__name__, exc),
                             "traceback": short_traceback()})
    cr.commit()
env.invalidate_all()
refused = {}
for o in outcomes:
    if not o["ok"]:
        key = (o.get("error") or "")[:160]
        refused[key] = refused.get(key, 0) + 1
approval["approved"] = sum(1 for o in outcomes if o["ok"])
approval["refused"] = [{"error": k, "count": v} for k, v in sorted(refused.items(), key=lambda kv: -kv[1])]
approval["crashedRows"] = [o for o in outcomes if o.get("traceback")][:5]

# What each approval wrote: the line settled, the proposed items reconciled with it, the rest booked as proposed.
anomalies = []
approved_lines = []
for suggestion in Suggestion.browse([o["id"] for o in outcomes if o["ok"]]):
    st = suggestion.statement_line_id
    gen_id = line_back[st.id]
    approved_lines.append(gen_id)
    _liquidity, suspense, other = st.with_context(skip_account_move_synchronization=True)._seek_for_lines()
    partials = other.matched_debit_ids | other.matched_credit_ids
    settled = partials.debit_move_id | partials.credit_move_id
    problems = []
    if suggestion.state != "applied":
        problems.append("state is %s after approval" % suggestion.state)
    missing = suggestion.move_line_ids - settled
    if missing:
        problems.append("items not reconciled with the line: %s" % ", ".join(missing.move_id.mapped("name")))
    extra = settled - suggestion.move_line_ids - other
    if extra.filtered(lambda line, st=st: line.move_id != st.move_id and line.move_id.journal_id.type != "general"):
        problems.append("reconciled with items not proposed: %s" % ", ".join(extra.move_id.mapped("name")))
    if suggestion.match_type in ("full", "multi", "writeoff"):
        # The line covers the items (in company currency, FX rounding aside): every one of them must be paid.
        before = (suggestion.applied_values or {}).get("residuals", {})
        items_amount = abs(sum(before.get(str(line.id), [0, 0])[0] for line in suggestion.move_line_ids))
        line_amount = abs(sum(_liquidity.mapped("balance")))
        still_open = suggestion.move_line_ids.filtered(lambda line: not line.reconciled)
        if still_open and (suggestion.match_type == "writeoff"
                           or line_amount >= items_amount - company.ai_fx_tolerance - 0.005):
            problems.append("items left open after a %s match: %s" % (
                suggestion.match_type, ", ".join("%s (%.2f left)" % (line.move_id.name, line.amount_residual)
                                                 for line in still_open)))
    if suggestion.match_type in ("writeoff", "expense"):
        booked = other.filtered(lambda line, a=suggestion.account_id: line.account_id == a)
        if not booked:
            problems.append("nothing booked on %s" % suggestion.account_id.display_name)
        elif suggestion.match_type == "writeoff" and suggestion.writeoff_amount and \
                company.currency_id.compare_amounts(abs(sum(booked.mapped("balance"))),
                                                    abs(suggestion.writeoff_amount)) != 0:
            problems.append("write-off of %.2f booked, %.2f proposed" % (sum(booked.mapped("balance")),
                                                                          suggestion.writeoff_amount))
    if suspense:
        # Expected only when a payment exceeds what it pays (the rest waits on the suspense account).
        problems.append("%.2f left on the suspense account, line not reconciled" % sum(suspense.mapped("balance")))
    if not st.move_id.currency_id.is_zero(sum(st.move_id.line_ids.mapped("balance"))):
        problems.append("unbalanced move %s" % st.move_id.name)
    if problems:
        detail = "line %.2f %s = %.2f %s; items %s" % (
            st.amount_currency if st.foreign_currency_id else st.amount,
            (st.foreign_currency_id or st.currency_id).name,
            sum(_liquidity.mapped("balance")), company.currency_id.name,
            ", ".join("%s %.2f %s" % (line.move_id.name, line.amount_currency, line.currency_id.name)
                      for line in suggestion.move_line_ids))
        anomalies.append({"lineId": gen_id, "suggestionId": suggestion.id, "matchType": suggestion.match_type,
                          "problems": problems, "detail": detail})
approval["anomalies"] = anomalies
approval["approvedLineIds"] = approved_lines
log("approval: %d of %d approved in %.1f s, %d anomalies%s" % (
    approval["approved"], approval["requested"], approval["seconds"], len(anomalies),
    ", CRASH: %s" % approval["crash"]["error"] if approval["crash"] else ""))

with open(os.environ["BENCH_OUT"], "w", encoding="utf-8") as out:
    json.dump({
        "today": fields.Date.to_string(TODAY),
        "ours": {"results": ours_results, "batches": ours_batches, "errors": ours_errors, "lineStates": ai_states,
                 "lineErrors": line_errors[:20]},
        "oca": {"results": oca_results, "seconds": round(sum(oca_times), 3), "cpuSeconds": round(oca_cpu_seconds, 3),
                "perLine": sorted(round(t, 5) for t in oca_times), "errors": oca_errors,
                "models": mapping.get("ocaModels")},
        "naive": {"results": naive_results, "seconds": round(naive_seconds, 4)},
        "approval": approval,
        "load": mapping.get("load"),
        # What Odoo sends the engine as the company's matching settings (write-off, fee and exchange accounts).
        "engineSettings": env["ai.reconciliation.request"]._engine_settings(company),
    }, out)
log("done")
