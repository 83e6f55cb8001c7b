"""Benchmark (not a test): import a generated 10,000-line CAMT.053 file into a real Odoo and queue every line.

Run inside `odoo-bin shell` on a database with ai_bookkeeping installed, after `npm run build` (`npm run bench`
runs it on its books):

    [BENCH_LINES=10000] [BENCH_PROFILE=1] [BENCH_PEER_LINES=2000] odoo-bin shell -d <db> --no-http \
        < scripts/bench/statement_import.py

or alone, on a fresh database: `BENCH_ONLY=statements [BENCH_STATEMENT_LINES=10000,50000] node scripts/bench.mjs`.

It starts the bundled endpoint on a free port (never 8787), reads the file there and writes it through the journal's
import (account.journal._statement_import_parse + _statement_import_file, what import_bank_statement_files does),
checks the lines and their queue rows, prints one table row, imports the same file again (all lines already there),
types the first BENCH_PEER_LINES lines (default 2,000) through Odoo's own account.bank.statement.line.create into a
twin journal for comparison (the CPU a line Odoo's create costs without the import) and rolls everything back:
the database is left as it was. Over about 28,000 lines a CAMT file passes the import's 10 MB limit, so larger runs
(up to the 100,000-line limit) generate MT940 instead.

PostgreSQL plans with the statistics of the last ANALYZE: on a database analysed while it had no journal items,
it estimates one row for account_move_line whatever the transaction inserted, and Odoo's payment-state query then
runs as nested loops, quadratic in the lines (a 500-line import took 15 minutes). A database in use has statistics
of its own books; the bench runs ANALYZE first so that it measures that case, and says so.
"""
import base64
import cProfile
import os
import pstats
import random
import resource
import socket
import subprocess
import time
import urllib.request

import odoo.sql_db
from odoo.tools import SQL

from odoo.addons.ai_bookkeeping.tools import endpoint_process
from odoo.addons.ai_bookkeeping.tools import statement_import_reply as sir

env = env  # noqa: F821 - provided by odoo-bin shell
LINES = int(os.environ.get("BENCH_LINES", "10000"))
# Lines also typed through Odoo's own create, for comparison (0: none).
PEER_LINES = min(LINES, int(os.environ.get("BENCH_PEER_LINES", "2000")))
FORMAT = os.environ.get("BENCH_FORMAT") or ("camt.053" if LINES <= 25_000 else "mt940")


def log(message):
    print("statement_import bench: %s" % message, flush=True)


def camt(count, currency, iban):
    rng = random.Random(12)
    entries = []
    total = 0.0
    for i in range(count):
        cents = rng.randint(-250000, 500000) or 1
        amount = cents / 100
        total += amount
        side = "CRDT" if amount > 0 else "DBIT"
        day = 1 + i % 28
        entries.append(
            '<Ntry><Amt Ccy="%s">%.2f</Amt><CdtDbtInd>%s</CdtDbtInd><BookgDt><Dt>2026-02-%02d</Dt></BookgDt>'
            "<AcctSvcrRef>BENCH-%06d</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Customer %d GmbH</Nm></Dbtr>"
            "<DbtrAcct><Id><IBAN>DE%020d</IBAN></Id></DbtrAcct></RltdPties><RmtInf><Ustrd>INV/2026/%05d payment %d"
            "</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>"
            % (currency, abs(amount), side, day, i, i % 500, i % 500, i, i))
    balances = ('<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="%s">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>'
                "<Dt><Dt>2026-02-01</Dt></Dt></Bal><Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp>"
                '<Amt Ccy="%s">%.2f</Amt><CdtDbtInd>%s</CdtDbtInd><Dt><Dt>2026-02-28</Dt></Dt></Bal>'
                % (currency, currency, abs(total), "CRDT" if total >= 0 else "DBIT"))
    return ('<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">'
            "<BkToCstmrStmt><Stmt><Id>BENCH-%d</Id><Acct><Id><IBAN>%s</IBAN></Id><Ccy>%s</Ccy></Acct>%s%s</Stmt>"
            "</BkToCstmrStmt></Document>" % (count, iban, currency, balances, "".join(entries))).encode("utf-8")


def mt940(count, currency, iban):
    rng = random.Random(12)
    movements = []
    total = 0.0
    for i in range(count):
        cents = rng.randint(-250000, 500000) or 1
        total += cents / 100
        day = 1 + i % 28
        movements.append(":61:2602%02d02%02d%s%s,%02dNTRFBENCH-%06d\r\n:86:INV/2026/%05d payment %d Customer %d GmbH"
                         % (day, day, "C" if cents > 0 else "D", abs(cents) // 100, abs(cents) % 100, i, i, i, i % 500))
    closing = "%s260228%s%s" % ("C" if total >= 0 else "D", currency, ("%.2f" % abs(total)).replace(".", ","))
    return (":20:BENCH-%d\r\n:25:%s\r\n:28C:1/1\r\n:60F:C260201%s0,00\r\n%s\r\n:62F:%s\r\n-"
            % (count, iban, currency, "\r\n".join(movements), closing)).encode("utf-8")


sql = {"queries": 0, "seconds": 0.0}
_execute = odoo.sql_db.Cursor.execute


def timed_execute(cursor, query, params=None, log_exceptions=True):
    """The bench's own count of the queries of the import and the time PostgreSQL took for them."""
    start = time.perf_counter()
    try:
        return _execute(cursor, query, params, log_exceptions)
    finally:
        sql["queries"] += 1
        sql["seconds"] += time.perf_counter() - start


with socket.socket() as sock:
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
secret = base64.b16encode(os.urandom(24)).decode()
endpoint = subprocess.Popen(["node", endpoint_process.BUNDLE], env={
    "PATH": os.environ.get("PATH", ""), "AI_BOOKKEEPING_SECRET": secret, "AI_BOOKKEEPING_PORT": str(port),
    "AI_BOOKKEEPING_HOST": "127.0.0.1", "AI_BOOKKEEPING_LOG_LEVEL": "warn"}, stdout=subprocess.DEVNULL)
try:
    url = "http://127.0.0.1:%d" % port
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1).read()
            break
        except OSError:
            time.sleep(0.2)
    params = env["ir.config_parameter"]
    params.set_param("ai_bookkeeping.endpoint_url", url)
    params.set_param("ai_bookkeeping.endpoint_secret", secret)
    params.set_param("ai_bookkeeping.endpoint_autostart", "False")
    params.set_param("ai_bookkeeping.endpoint_timeout", "120")
    currency = env.company.currency_id
    journal = env["account.journal"].create({"name": "Bench import", "code": "BNCHI", "type": "bank"})
    make = camt if FORMAT == "camt.053" else mt940
    raw = make(LINES, currency.name, "DE02120300000000202051")
    attachment = env["ir.attachment"].create({"name": "bench.xml" if FORMAT == "camt.053" else "bench.sta", "raw": raw})
    log("file: %d lines, %.1f MB, %s, %s" % (LINES, len(raw) / 1024 / 1024, FORMAT, currency.name))
    empty = env.execute_query(SQL("SELECT reltuples <= 0 FROM pg_class WHERE relname = 'account_move_line'"))[0][0]
    for table in ("account_move", "account_move_line", "account_partial_reconcile", "account_bank_statement_line"):
        env.cr.execute(SQL("ANALYZE %s", SQL.identifier(table)))
    if empty:
        log("WARNING: this database had no journal items when last analysed: the plans below are those of an empty "
            "book (see the docstring), not of a database in use")

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start, cpu = time.monotonic(), time.process_time()
    start_parse = start
    parsed = journal._statement_import_parse(attachment)
    parsed_at = time.monotonic()
    profile = cProfile.Profile() if os.environ.get("BENCH_PROFILE") else None
    if profile:
        profile.enable()
    odoo.sql_db.Cursor.execute = timed_execute
    result = journal._statement_import_file(attachment, parsed)
    env.flush_all()
    odoo.sql_db.Cursor.execute = _execute
    if profile:
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
    done, cpu = time.monotonic(), time.process_time() - cpu
    lines = result["statements"].line_ids
    queued = len(env["ai.job"]._jobs_of("reconciliation", lines))
    log("imported %d lines in %d statement(s), %d queued, balance gap: %s"
        % (len(lines), len(result["statements"]), queued, result["gaps"] or "none"))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    grown = peak - rss / 1024
    total = done - start
    start = time.monotonic()
    again = journal._statement_import_file(attachment, journal._statement_import_parse(attachment))
    again_seconds = time.monotonic() - start
    assert again["imported"] == 0 and again["already"] == LINES, again
    load = os.getloadavg()[0]
    header = ["Statement import in real Odoo", "lines", "parse s", "write s", "total s", "lines/s", "CPU s", "SQL s",
              "queries", "peak RSS MB", "peak RSS +MB", "again s", "10,000 lines"]
    row = ["%s, %s queued" % (FORMAT.upper(), queued), str(LINES), "%.1f" % (parsed_at - start_parse),
           "%.1f" % (done - parsed_at), "%.1f" % total, "%.0f" % (LINES / total), "%.1f" % cpu,
           "%.1f" % sql["seconds"], str(sql["queries"]), "%.0f" % peak, "%.0f" % grown,
           "%.1f" % again_seconds, "%.0f s (target < 30 s)" % (total * 10_000 / LINES)]
    widths = [max(len(h), len(c)) for h, c in zip(header, row, strict=True)]

    def fmt(cells):
        padded = (c.ljust(w) if k == 0 else c.rjust(w) for k, (c, w) in enumerate(zip(cells, widths, strict=True)))
        return "| %s |" % " | ".join(padded)

    log("load average %.1f when done; '10,000 lines' scales the total linearly when BENCH_LINES differs" % load)
    print(fmt(header))
    print("|%s|" % "|".join("-" * (w + 2) if k == 0 else "-" * (w + 1) + ":" for k, w in enumerate(widths)))
    print(fmt(row), flush=True)
    if PEER_LINES:
        # The floor: the first lines of the same file through Odoo's own create (no import context, one create of
        # plain account.bank.statement.line values, as a user or a script types them) into a twin journal.
        twin = env["account.journal"].create({"name": "Bench typed", "code": "BNCHT", "type": "bank"})
        statement = parsed["statements"][0]
        typed = statement["lines"][:PEER_LINES]
        partners = twin._statement_import_partners([line["counterpartyAccount"] for line in typed])
        uids = sir.import_ids(statement["account"], typed, digits=currency.decimal_places)
        vals_list = [twin._statement_import_line_vals(line, uid, statement, partners)
                     for line, uid in zip(typed, uids, strict=True)]
        env.flush_all()
        env.invalidate_all()
        sql.update(queries=0, seconds=0.0)
        start, peer_cpu = time.monotonic(), time.process_time()
        odoo.sql_db.Cursor.execute = timed_execute
        env["account.bank.statement.line"].create(vals_list)
        env.flush_all()
        odoo.sql_db.Cursor.execute = _execute
        peer_wall, peer_cpu = time.monotonic() - start, time.process_time() - peer_cpu
        log("Odoo's own account.bank.statement.line.create of the first %d lines (one create, no import): %.1f s "
            "wall, %.1f s CPU, %.1f s SQL, %d queries; %.1f ms CPU a line (the import above: %.1f ms)"
            % (len(typed), peer_wall, peer_cpu, sql["seconds"], sql["queries"], peer_cpu * 1000 / len(typed),
               cpu * 1000 / LINES))
    log("done")
finally:
    env.cr.rollback()
    endpoint.kill()
    log("rolled back; endpoint stopped")
