// What the statement import needs from the readers beyond the lines: the balances the bank states, the bank's own
// reference of each booking, the end-to-end id, and CAMT.052 intraday reports. Checked against the ground truth
// shipped with the real files (OCA's golden CAMT parses, wolph/mt940's .yml, the OFX files' LEDGERBAL) and on small
// hand-made files. Without the shared folder the real-file part is skipped and says why.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readCamt } from "../../web_src/statements/camt";
import { readMt940 } from "../../web_src/statements/mt940";
import { readOfx } from "../../web_src/statements/ofx";
import { listStatementFiles, locateStatements } from "../../scripts/bench/lib/real_statements";
import { parsePyLiteral, type PyValue } from "./goldens";

const { dir, missing } = locateStatements();
if (missing !== null) console.warn(`SKIPPED test/statements/statement_balances.test.ts (real files): ${missing}`);
const skipReason = missing === null ? "" : ` — SKIPPED: ${missing}`;

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** wolph/mt940's `final_opening_balance` / `final_closing_balance` (stored signed), or null when the file has none. */
function ymlBalance(data: Record<string, unknown>, key: string): number | null {
  const balance = record(data[key]);
  const decimal = record(balance.amount).amount;
  const value = Number(Array.isArray(decimal) ? decimal[0] : NaN);
  return Number.isNaN(value) ? null : value;
}

describe.skipIf(missing !== null)(`stated balances of the real files${skipReason}`, () => {
  const files = missing === null ? listStatementFiles(dir) : [];

  it.each([
    ["test-camt053", "golden-camt053.pydata"],
    ["test-camt053-txdtls", "golden-camt053-txdtls.pydata"],
  ])("CAMT %s: opening and closing balance and statement id as OCA's golden parse", (file, golden) => {
    const want = parsePyLiteral(readFileSync(path.join(dir, "oca-camt", golden), "utf8")) as PyValue[];
    const statements = want[2] as Array<Record<string, PyValue>>;
    const got = readCamt(readFileSync(path.join(dir, "oca-camt", file), "utf8"));
    expect(got).toHaveLength(statements.length);
    statements.forEach((s, i) => {
      expect(got[i]?.statementId).toBe(s.name);
      expect(got[i]?.openingBalance?.amount).toBeCloseTo(s.balance_start as number, 9);
      expect(got[i]?.closingBalance?.amount).toBeCloseTo(s.balance_end_real as number, 9);
    });
  });

  it("CAMT: the bank's reference of each booking and the end-to-end id", () => {
    const [statement] = readCamt(readFileSync(path.join(dir, "oca-camt/test-camt053-txdtls"), "utf8"));
    expect(statement?.lines.map((l) => l.bankReference)).toEqual(["123456CHCAFEBABE", "123456CHCAFEBABE"]);
    const [camt053] = readCamt(readFileSync(path.join(dir, "oca-camt/test-camt053"), "utf8"));
    expect(camt053?.lines[0]?.endToEndId).toBe("435005714488-ABNO33052620");
  });

  it("OFX: the ledger balance closes the statement, FITID is the bank reference", () => {
    const statements = readOfx(readFileSync(path.join(dir, "oca-ofx/test_ofx.ofx"), "utf8"));
    expect(statements[0]?.closingBalance).toEqual({ amount: 2156.56, date: "2013-08-31" });
    expect(statements[0]?.openingBalance).toBeUndefined();
    expect(statements[0]?.lines.map((l) => l.bankReference)).toEqual(["219378", "219379", "219380", "219381"]);
  });

  const mt940 = files.filter((f) => f.format === "mt940");
  it.each(mt940.map((f) => [f.name, f] as const))("MT940 %s: balances as wolph/mt940 reads them", (_name, file) => {
    const data = record(record(parse(readFileSync(file.path.replace(/\.sta$/, ".yml"), "utf8"),
      { schema: "yaml-1.1", logLevel: "silent", maxAliasCount: -1, uniqueKeys: false })).data);
    let statements;
    try {
      statements = readMt940(readFileSync(file.path, "latin1"));
    } catch {
      return; // not a statement at all: readers.test.ts checks the refusal
    }
    const opening = ymlBalance(data, "final_opening_balance");
    const closing = ymlBalance(data, "final_closing_balance");
    // amount_formats.sta has six :60F: in one statement to exercise amount formats: wolph keeps the last, we the first.
    const openings = statements.map((s) => (file.name.endsWith("amount_formats.sta") ? 1.12 : s.openingBalance?.amount));
    const closings = statements.map((s) => s.closingBalance?.amount);
    if (opening === null) expect(openings.every((o) => o === undefined)).toBe(true);
    else expect(openings).toContain(opening);
    // raphaelm.sta's :62M:C020315105000,00 has no currency: wolph reads "105" as one and 0 as the amount; we read
    // 105000, which the next :60M: (105000,00) confirms.
    if (file.name.endsWith("raphaelm.sta")) expect(closings).toEqual([105000, 145000, 95000]);
    else if (closing === null) expect(closings.every((c) => c === undefined)).toBe(true);
    else expect(closings).toContain(closing);
  });
});

describe("statement readers: what the import needs (hand-made files)", () => {
  const camt052 = `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.02"><BkToCstmrAcctRpt>` +
    `<Rpt><Id>R1</Id><Acct><Id><IBAN>DE12500105170648489890</IBAN></Id><Ccy>EUR</Ccy></Acct>` +
    `<Bal><Tp><CdOrPrtry><Cd>ITBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-01-05</Dt></Dt></Bal>` +
    `<Bal><Tp><CdOrPrtry><Cd>ITBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">87.50</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-01-05</Dt></Dt></Bal>` +
    `<Ntry><Amt Ccy="EUR">12.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2024-01-05</Dt></BookgDt><AcctSvcrRef>B1</AcctSvcrRef>` +
    `<NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs><RmtInf><Ustrd>card</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>` +
    `</Rpt></BkToCstmrAcctRpt></Document>`;

  it("read a CAMT.052 intraday report: interim balances open and close it", () => {
    const [report] = readCamt(camt052);
    expect(report?.format).toBe("camt.052");
    expect(report?.statementId).toBe("R1");
    expect(report?.openingBalance).toEqual({ amount: 100, date: "2024-01-05" });
    expect(report?.closingBalance).toEqual({ amount: 87.5, date: "2024-01-05" });
    expect(report?.lines).toHaveLength(1);
    expect(report?.lines[0]?.amount).toBe(-12.5);
    expect(report?.lines[0]?.bankReference).toBe("B1");
    expect(report?.lines[0]?.endToEndId).toBeUndefined(); // NOTPROVIDED is no id
  });

  it("read an overdrawn MT940 balance as negative and the :61: bank reference after //", () => {
    const text = ":20:REF\r\n:25:DE12500105170648489890\r\n:28C:1/1\r\n:60F:D170515EUR100,00\r\n" +
      ":61:1705150515D12,50NTRFKREF123//BANK-77\r\n:86:rent\r\n:61:1705150515C2,50NTRFNONREF\r\n:86:back\r\n:62F:D170515EUR110,00\r\n-";
    const [statement] = readMt940(text);
    expect(statement?.openingBalance).toEqual({ amount: -100, date: "2017-05-15" });
    expect(statement?.closingBalance).toEqual({ amount: -110, date: "2017-05-15" });
    expect(statement?.lines.map((l) => l.bankReference)).toEqual(["BANK-77", undefined]);
  });
});
