// Hostile input for the statement readers (needs no shared data): huge labels, control characters, truncation.
import { describe, expect, it } from "vitest";
import { StatementFormatError, cleanText } from "../../web_src/statements/bank_statement_line";
import { readCamt } from "../../web_src/statements/camt";
import { readMt940 } from "../../web_src/statements/mt940";
import { readOfx } from "../../web_src/statements/ofx";
import { buildRealLineCase } from "../../scripts/bench/lib/real_line_books";
import { SuggestResponseSchema } from "../../web_src/contracts/reconcile";
import { MAX_LABEL_LENGTH } from "../../web_src/contracts/text_limits";
import { injectSigned, testApp } from "../endpoint/helpers";

const MB = 1024 * 1024;

const mt940 = (details: string, movement = "1705150515D12,50NTRFNONREF"): string =>
  `:20:REF\r\n:25:DE12500105170648489890\r\n:28C:1/1\r\n:60F:C170515EUR100,00\r\n:61:${movement}\r\n:86:${details}\r\n:62F:C170515EUR87,50\r\n-`;

const ofx = (name: string, amount = "-12.50"): string =>
  `OFXHEADER:100\nDATA:OFXSGML\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR<BANKACCTFROM><ACCTID>1</BANKACCTFROM>` +
  `<BANKTRANLIST><STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240105<TRNAMT>${amount}<FITID>1<NAME>${name}</STMTTRN></BANKTRANLIST>` +
  `</STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`;

const camt = (label: string): string =>
  `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>S1</Id>` +
  `<Acct><Id><IBAN>DE12500105170648489890</IBAN></Id><Ccy>EUR</Ccy></Acct><Ntry><Amt Ccy="EUR">12.50</Amt>` +
  `<CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2024-01-05</Dt></BookgDt><NtryDtls><TxDtls><RmtInf><Ustrd>${label}</Ustrd>` +
  `</RmtInf></TxDtls></NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>`;

describe("statement readers on hostile input", () => {
  it("read a 1 MB label quickly and whole (truncating is the request builder's job)", () => {
    const label = "A".repeat(MB);
    const started = performance.now();
    expect(readMt940(mt940(label))[0]?.lines[0]?.label).toHaveLength(MB);
    expect(readOfx(ofx(label))[0]?.lines[0]?.label).toHaveLength(MB);
    expect(readCamt(camt(label))[0]?.lines[0]?.label).toHaveLength(MB);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("turn control characters into single spaces", () => {
    expect(cleanText("ACME\u0000\u0007 GmbH\u001b[31m\u0085 INV 42\t\n")).toBe("ACME GmbH [31m INV 42");
    expect(readMt940(mt940("Miete\u0000\u0001Mai ?"))[0]?.lines[0]?.label).toBe("Miete Mai ?");
    expect(readOfx(ofx("ACME\u0007GmbH"))[0]?.lines[0]?.counterpartyName).toBe("ACME GmbH");
  });

  it("clean control characters that slip into CAMT text", () => {
    expect(readCamt(camt("bad\u0000\u0008label"))[0]?.lines[0]?.label).toBe("bad label");
  });

  it("say where a file was truncated", () => {
    expect(() => readOfx(ofx("ACME").slice(0, 120))).toThrow(/ofx: file ends inside <OFX > BANKMSGSRSV1 > STMTTRNRS > STMTRS/);
    expect(() => readCamt(camt("x").slice(0, 300))).toThrow(/camt: not well-formed XML/);
    expect(() => readMt940("")).toThrow(StatementFormatError);
  });

  it("skip a truncated :61: movement with the reason, keeping the other lines", () => {
    const text = mt940("ok") .replace(":62F:", ":61:1705\r\n:86:cut\r\n:62F:");
    const [statement] = readMt940(text);
    expect(statement?.lines).toHaveLength(1);
    expect(statement?.skipped).toEqual([{ where: "line 7", reason: 'unreadable :61: field "1705"' }]);
  });

  it("decode OFX character references in names", () => {
    expect(readOfx(ofx("Smith &amp; Sons &#233;t&#xE9; &bogus;"))[0]?.lines[0]?.counterpartyName).toBe("Smith & Sons été &bogus;");
  });

  it("skip an OFX transaction with a garbage amount instead of reading NaN", () => {
    const [statement] = readOfx(ofx("ACME", "12,5.3"));
    expect(statement?.lines).toHaveLength(0);
    expect(statement?.skipped[0]?.reason).toMatch(/no valid <TRNAMT>/);
  });

  it("refuse files of another format", () => {
    expect(() => readOfx("<Document/>")).toThrow(/ofx: no <OFX> element/);
    expect(() => readCamt("<OFX></OFX>")).toThrow(/camt: no <Document> element/);
    expect(() => readMt940("hello\nworld")).toThrow(/mt940: no SWIFT field/);
  });

  it("send a line read from a 1 MB label to the endpoint clipped to the contract's limit, and get an answer", async () => {
    const [line] = readMt940(mt940(`INV 2024 0042 ${"x".repeat(MB)}`))[0]?.lines ?? [];
    if (line === undefined) throw new Error("no line read");
    const c = buildRealLineCase("hostile#0", line);
    expect(c.request.lines[0]?.label).toHaveLength(MAX_LABEL_LENGTH);
    const app = testApp();
    try {
      const res = await injectSigned(app, c.request);
      expect(res.statusCode).toBe(200);
      expect(SuggestResponseSchema.safeParse(res.json()).success).toBe(true);
    } finally {
      await app.close();
    }
  });
});
