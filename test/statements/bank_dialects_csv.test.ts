// The CSV reader (ai_bookkeeping/tools/statement_import_csv.py, Python: the mapping step lives in Odoo) against the
// dialect generator's bank CSV exports: separators, quoted newlines, debit/credit columns, 1.234,56 / (1,234.56) /
// 1 234,56 / −12,50 / 12.50 DR, d.m.Y / m/d/Y / ISO dates, a preamble above the header, summary rows below the
// transactions, UTF-8 with and without BOM, CP1252. One Python process reads them all (read_tables.py).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { csvFile } from "./bank_dialects";

const SEED = 20261202;
const tables = Array.from({ length: 120 }, (_, i) => csvFile(SEED + i));

interface ReadLine { date: string; amount: number; label: string; counterpartyName: string; counterpartyAccount: string; reference: string }

function readAll(): Array<{ lines?: ReadLine[]; error?: string }> {
  const input = JSON.stringify(tables.map((t) => ({ name: t.fileName, content: Buffer.from(t.bytes).toString("base64"), mapping: t.mapping, dateFormat: t.dateFormat, decimal: t.decimal })));
  const run = spawnSync("python3", [path.join(__dirname, "read_tables.py")], { input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`read_tables.py failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Array<{ lines?: ReadLine[]; error?: string }>;
}

describe(`CSV reader vs generated bank exports (seed ${SEED})`, () => {
  const results = readAll();

  it.each(tables.map((t, i) => [`${i}: ${t.dialect.join(" ")}`, i] as const))("reads %s", (_name, i) => {
    const table = tables[i];
    const result = results[i];
    if (table === undefined || result === undefined) throw new Error("missing table");
    expect(result.error).toBeUndefined();
    const got = (result.lines ?? []).map((l) => ({ date: l.date, cents: Math.round(l.amount * 100), exact: Math.abs(l.amount * 100 - Math.round(l.amount * 100)) < 1e-6, label: l.label.replace(/\s+/g, " "), name: l.counterpartyName, account: l.counterpartyAccount, reference: l.reference }));
    const want = table.lines.map((l) => ({ date: l.date, cents: l.cents, exact: true, label: l.text.replace(/\s+/g, " "), name: l.counterpartyName ?? "", account: l.counterpartyAccount ?? "", reference: l.reference ?? "" }));
    expect(got).toEqual(want);
  });

  it("covers the dialects it claims", () => {
    const seen = new Set(tables.flatMap((t) => t.dialect));
    const wanted = ["sep-;", "sep-,", "sep-tab", "decimal-,", "decimal-.", "group-thousands", "group-space", "neg-parentheses",
      "neg-trailing-minus", "neg-unicode-minus", "neg-debit-credit", "neg-DR-CR", "date-dmy-dot", "date-mdy", "date-iso",
      "utf8-bom", "cp1252", "preamble", "summary-rows", "quoted-newlines", "crlf"];
    expect(wanted.filter((d) => !seen.has(d))).toEqual([]);
  });
});
