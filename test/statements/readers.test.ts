// Each statement reader against the ground truth shipped with the real files in ../shared/data/statements:
// wolph/mt940's .yml expected parses, OCA's golden-*.pydata CAMT parses, and the OCA OFX files' known content.
// Without the shared folder (a fresh clone in CI) the suite is skipped and says why; vitest counts it as skipped.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { StatementFormatError, type BankStatementLine } from "../../web_src/statements/bank_statement_line";
import { readCamt } from "../../web_src/statements/camt";
import { readMt940 } from "../../web_src/statements/mt940";
import { readOfx } from "../../web_src/statements/ofx";
import { listStatementFiles, locateStatements } from "../../scripts/bench/lib/real_statements";
import { parsePyLiteral, readMt940Golden, type PyValue } from "./goldens";

const { dir, missing } = locateStatements();
if (missing !== null) console.warn(`SKIPPED test/statements/readers.test.ts: ${missing}`);
const skipReason = missing === null ? "" : ` — SKIPPED: ${missing}`;
const files = missing === null ? listStatementFiles(dir) : [];

const squash = (text: string | null | undefined): string => (text ?? "").replace(/\s+/g, " ").trim();

/** Statements whose file gives no currency at all: their lines are skipped, each with that reason. */
const NO_CURRENCY = new Set(["mt940/betterplace/empty_entry_date.sta", "mt940/cmxl/statement_details.sta",
  "mt940/cmxl/statement_line.sta", "mt940/self-provided/sparkassen.sta"]);

describe.skipIf(missing !== null)(`MT940/MT942 reader vs wolph/mt940's expected parses${skipReason}`, () => {
  const mt940 = files.filter((f) => f.format === "mt940" && existsSync(f.path.replace(/\.sta$/, ".yml")));

  it("finds the wolph/mt940 test files", () => {
    expect(mt940.length).toBeGreaterThanOrEqual(50);
  });

  it.each(mt940.map((f) => [f.name, f] as const))("%s", (name, file) => {
    const golden = readMt940Golden(readFileSync(file.path.replace(/\.sta$/, ".yml"), "utf8"));
    let lines: BankStatementLine[] = [];
    let skipped = 0;
    try {
      const statements = readMt940(readFileSync(file.path, "latin1"));
      lines = statements.flatMap((s) => s.lines);
      skipped = statements.reduce((n, s) => n + s.skipped.length, 0);
    } catch (error) {
      // Only a file wolph finds no transaction in may be refused outright, with our error type.
      expect(error).toBeInstanceOf(StatementFormatError);
      expect(golden).toHaveLength(0);
      return;
    }
    if (NO_CURRENCY.has(name)) {
      expect(lines).toHaveLength(0);
      expect(skipped).toBe(golden.length);
      return;
    }
    expect(skipped).toBe(0);
    expect(lines).toHaveLength(golden.length);
    golden.forEach((want, i) => {
      const got = lines[i];
      if (got === undefined) throw new Error(`line ${i} missing`);
      // RC (reversal of a credit) is a debit per SWIFT; wolph/mt940 keeps it positive.
      const amount = want.status === "RC" || want.status === "RD" ? -want.amount : want.amount;
      expect(got.amount, `line ${i} amount`).toBeCloseTo(amount, 9);
      expect(got.date, `line ${i} date`).toBe(want.date);
      expect(got.currency).toMatch(/^[A-Z]{3}$/);
      if (want.applicantName !== null) {
        expect(squash(got.counterpartyName), `line ${i} name`).toBe(squash(want.applicantName));
      }
      if (want.endToEndReference !== null && squash(want.endToEndReference) !== "") {
        // We end the EREF+ value at the next keyword or bank message (MTLG:); wolph keeps the rest of the subfield.
        const ours = squash(got.reference);
        const theirs = squash(want.endToEndReference);
        const expected = theirs.includes("MTLG:") ? theirs.slice(0, theirs.indexOf("MTLG:")).trim() : theirs;
        expect(ours, `line ${i} reference`).toBe(expected);
      }
    });
  });

  it("refuses the file that is not a statement with a clear error", () => {
    const invalid = readFileSync(path.join(dir, "mt940/self-provided/invalid_statement.sta"), "latin1");
    expect(() => readMt940(invalid)).toThrow(/mt940: no SWIFT field .* not an MT940\/MT942 statement/);
  });

  it("reads the malformed :86: details without losing the line", () => {
    const [statement] = readMt940(readFileSync(path.join(dir, "mt940/self-provided/malformed_details.sta"), "latin1"));
    expect(statement?.lines).toHaveLength(1);
    expect(statement?.lines[0]).toMatchObject({ amount: -233.15, date: "2017-09-14", currency: "EUR",
      counterpartyName: "Finanzamt Muenchen Abteilung Erhebung", counterpartyAccount: "DE99700500000000012345" });
  });
});

function pyRecord(value: PyValue | undefined): Record<string, PyValue> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};
}

describe.skipIf(missing !== null)(`CAMT reader vs OCA's golden parses${skipReason}`, () => {
  const cases = [
    ["test-camt053", "golden-camt053.pydata"],
    ["test-camt053-txdtls", "golden-camt053-txdtls.pydata"],
    ["test-camt054", "golden-camt054.pydata"],
    ["test-camt053-no-ntry", "golden-camt053-no-ntry.pydata"],
  ] as const;

  it.each(cases)("%s", (file, goldenFile) => {
    const golden = parsePyLiteral(readFileSync(path.join(dir, "oca-camt", goldenFile), "utf8"));
    if (!Array.isArray(golden)) throw new Error("golden is not a tuple");
    const [currency, account, goldenStatements] = golden;
    const expected = (Array.isArray(goldenStatements) ? goldenStatements : []).flatMap((s) => {
      const t = pyRecord(s).transactions;
      return Array.isArray(t) ? t.map(pyRecord) : [];
    });
    const statements = readCamt(readFileSync(path.join(dir, "oca-camt", file), "utf8"));
    const lines = statements.flatMap((s) => s.lines);
    expect(lines).toHaveLength(expected.length);
    if (expected.length > 0) {
      expect(statements[0]?.currency).toBe(currency);
      expect(statements[0]?.account).toBe(account);
    }
    expected.forEach((want, i) => {
      const got = lines[i];
      expect(got?.amount, `line ${i} amount`).toBe(want.amount);
      expect(got?.date).toBe(want.date);
      expect(got?.counterpartyName).toBe(want.partner_name);
      expect(got?.counterpartyAccount).toBe(want.account_number);
      expect(got?.reference).toBe(want.ref);
      expect(got?.currency).toBe(currency);
    });
  });

  it("says where a truncated CAMT file breaks", () => {
    const xml = readFileSync(path.join(dir, "oca-camt/test-camt053"), "utf8");
    expect(() => readCamt(xml.slice(0, Math.floor(xml.length / 2)))).toThrow(/camt: not well-formed XML \(line \d+/);
  });
});

describe.skipIf(missing !== null)(`OFX reader vs OCA's OFX test files${skipReason}`, () => {
  const expected = [-80, -90, -100, -90];

  it.each(["test_ofx.ofx", "test_ofx_iban.ofx"])("%s: four card payments of the bank account, none on the card", (file) => {
    const statements = readOfx(readFileSync(path.join(dir, "oca-ofx", file), "utf8"));
    expect(statements.map((s) => s.lines.length)).toEqual([4, 0]);
    expect(statements[0]?.lines.map((l) => l.amount)).toEqual(expected);
    expect(statements[0]?.lines.map((l) => l.counterpartyName)).toEqual(["Agrolait", "China Export", "Axelor Scuba", "China Scuba"]);
    expect(statements[0]?.lines.every((l) => l.date === "2013-08-24" && l.currency === "USD")).toBe(true);
  });

  it("refuses the malformed OFX (currency commented out) with a clear error", () => {
    const wrong = readFileSync(path.join(dir, "oca-ofx/test_ofx_wrong.ofx"), "utf8");
    expect(() => readOfx(wrong)).toThrow(StatementFormatError);
    expect(() => readOfx(wrong)).toThrow(/no valid <CURDEF> currency/);
  });

  it("skips, and names, a transaction whose amount and date were commented out", () => {
    const wrong = readFileSync(path.join(dir, "oca-ofx/test_ofx_wrong.ofx"), "utf8").replace("<!-- <CURDEF>USD</CURDEF>", "<CURDEF>USD</CURDEF><!--");
    const [statement] = readOfx(wrong);
    expect(statement?.lines.map((l) => l.amount)).toEqual([-80, -100, -90]);
    expect(statement?.skipped).toEqual([{ where: "statement 1, transaction 2", reason: 'no valid <TRNAMT> ("")' }]);
  });
});
