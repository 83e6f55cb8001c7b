"""Benchmark (not a test): import a generated 10,000-line CAMT.053 file into a real Odoo and queue every line.

Run inside `odoo-bin shell` on a database with ai_bookkeeping installed, after `npm run build`:

    [BENCH_LINES=10000] odoo-bin shell -d <db> --no-http < scripts/bench/statement_import.py

It starts the bundled endpoint on a free port (never 8787), imports the file through
account.journal.import_bank_statement_files, checks the lines and their queue rows, prints the timings, imports the
same file again (all lines already there) and rolls everything back: the database is left as it was.
"""
import base64
import cProfile
import os
import pstats
import random
import socket
import subprocess
import time
import urllib.request

from odoo.addons.ai_bookkeeping.tools import endpoint_process

env = env  # noqa: F821 - provided by odoo-bin shell
LINES = int(os.environ.get("BENCH_LINES", "10000"))


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
    raw = camt(LINES, currency.name, "DE02120300000000202051")
    attachment = env["ir.attachment"].create({"name": "bench.xml", "raw": raw})
    log("file: %d lines, %.1f MB, %s" % (LINES, len(raw) / 1024 / 1024, currency.name))

    start, cpu = time.monotonic(), time.process_time()
    parsed = journal._statement_import_parse(attachment)
    parsed_at = time.monotonic()
    profile = cProfile.Profile() if os.environ.get("BENCH_PROFILE") else None
    if profile:
        profile.enable()
    result = journal._statement_import_file(attachment, parsed)
    env.flush_all()
    if profile:
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
    done, cpu = time.monotonic(), time.process_time() - cpu
    lines = result["statements"].line_ids
    queued = len(env["ai.job"]._jobs_of("reconciliation", lines))
    log("imported %d lines in %d statement(s), %d queued, balance gap: %s"
        % (len(lines), len(result["statements"]), queued, result["gaps"] or "none"))
    log("parse on the endpoint (send, read, reply, check): %.1f s" % (parsed_at - start))
    log("write (statements, lines, moves, queue): %.1f s" % (done - parsed_at))
    log("total: %.1f s for %d lines (%.0f lines/s), Odoo's own CPU %.1f s; target < 30 s for 10,000"
        % (done - start, LINES, LINES / (done - start), cpu))

    start = time.monotonic()
    again = journal._statement_import_file(attachment, journal._statement_import_parse(attachment))
    log("same file again: %d imported, %d already there, %.1f s"
        % (again["imported"], again["already"], time.monotonic() - start))
finally:
    env.cr.rollback()
    endpoint.kill()
    log("rolled back; endpoint stopped")
