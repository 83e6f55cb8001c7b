// The smallest files showing each defect the dialect generator (bank_dialects.ts) found in the statement readers.
// Hand-written, not taken from the shared data: each states one dialect real banks emit.
import { describe, expect, it } from "vitest";
import { StatementService } from "../../web_src/endpoint/services/statements";
import { readCamt } from "../../web_src/statements/camt";
import { readMt940 } from "../../web_src/statements/mt940";
import { readOfx } from "../../web_src/statements/ofx";

const camt = (entries: string, version = "02"): string =>
  `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.${version}"><BkToCstmrStmt><Stmt>` +
  `<Id>S1</Id><Acct><Id><IBAN>DE12500105170648489890</IBAN></Id><Ccy>EUR</Ccy></Acct>${entries}</Stmt></BkToCstmrStmt></Document>`;
const entry = (amount: string, side: string, details: string, extra = ""): string =>
  `<Ntry><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>${side}</CdtDbtInd>${extra}<BookgDt><Dt>2024-01-05</Dt></BookgDt>${details}</Ntry>`;

const mt940 = (body: string, opening = "C240104EUR100,00", closing = "C240105EUR87,50"): string =>
  `:20:REF\r\n:25:DE12500105170648489890\r\n:28C:1/1\r\n:60F:${opening}\r\n${body}\r\n:62F:${closing}\r\n-`;

const ofx = (transactions: string, balance = "87.50"): string =>
  `OFXHEADER:100\nDATA:OFXSGML\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKACCTFROM><ACCTID>1</BANKACCTFROM>` +
  `<BANKTRANLIST>${transactions}</BANKTRANLIST><LEDGERBAL><BALAMT>${balance}<DTASOF>20240131</LEDGERBAL></STMTRS>` +
  `</STMTTRNRS></BANKMSGSRSV1></OFX>`;

describe("CAMT dialects", () => {
  it("take the entry's amount when the only transaction states TxAmt in the instructed (foreign) currency", () => {
    const details = `<NtryDtls><TxDtls><AmtDtls><InstdAmt><Amt Ccy="GBP">100.00</Amt></InstdAmt><TxAmt><Amt Ccy="GBP">100.00</Amt>` +
      `</TxAmt><CntrValAmt><Amt Ccy="EUR">116.40</Amt></CntrValAmt></AmtDtls></TxDtls></NtryDtls>`;
    const [statement] = readCamt(camt(entry("116.40", "DBIT", details)));
    expect(statement?.lines.map((l) => [l.amount, l.currency])).toEqual([[-116.4, "EUR"]]);
  });

  it("refuse a batch transaction whose only amount is in another currency than the entry", () => {
    const tx = (amount: string): string => `<TxDtls><AmtDtls><TxAmt><Amt Ccy="GBP">${amount}</Amt></TxAmt></AmtDtls></TxDtls>`;
    const [statement] = readCamt(camt(entry("116.40", "DBIT", `<NtryDtls>${tx("50.00")}${tx("50.00")}</NtryDtls>`)));
    expect(statement?.lines).toEqual([]);
    expect(statement?.skipped[0]?.where).toBe("statement 1, entry 1");
    expect(statement?.skipped[0]?.reason).toMatch(/TxDtls 1.*GBP.*EUR/);
  });

  it("refuse a batch whose transactions do not add up to the entry, naming the entry and both sums", () => {
    const tx = (amount: string): string => `<TxDtls><Amt Ccy="EUR">${amount}</Amt></TxDtls>`;
    const [statement] = readCamt(camt(entry("100.00", "CRDT", `<NtryDtls>${tx("30.00")}${tx("30.00")}</NtryDtls>`), "04"));
    expect(statement?.lines).toEqual([]);
    expect(statement?.skipped).toEqual([{ where: "statement 1, entry 1", reason: expect.stringMatching(/TxDtls add up to 60\.00.*<Amt> 100\.00/) }]);
  });

  it("net a batch whose transactions carry their own CdtDbtInd (a return inside a credit batch)", () => {
    const tx = (amount: string, side: string): string => `<TxDtls><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>${side}</CdtDbtInd></TxDtls>`;
    const [statement] = readCamt(camt(entry("40.00", "CRDT", `<NtryDtls>${tx("50.00", "CRDT")}${tx("10.00", "DBIT")}</NtryDtls>`), "04"));
    expect(statement?.lines.map((l) => l.amount)).toEqual([50, -10]);
    expect(statement?.skipped).toEqual([]);
  });

  it("read every NtryDtls of an entry, not only the first", () => {
    const part = (amount: string): string => `<NtryDtls><TxDtls><Amt Ccy="EUR">${amount}</Amt></TxDtls></NtryDtls>`;
    const [statement] = readCamt(camt(entry("100.00", "CRDT", part("60.00") + part("40.00")), "04"));
    expect(statement?.lines.map((l) => l.amount)).toEqual([60, 40]);
  });

  it("leave pending (PDNG) and information-only (INFO) entries out: they are not booked", () => {
    const booked = entry("10.00", "DBIT", "", "<Sts>BOOK</Sts>");
    const pending = entry("99.00", "DBIT", "", "<Sts>PDNG</Sts>");
    const pending08 = entry("98.00", "CRDT", "", "<Sts><Cd>PDNG</Cd></Sts>");
    const info = entry("97.00", "CRDT", "", "<Sts><Cd>INFO</Cd></Sts>");
    const [statement] = readCamt(camt(booked + pending + pending08 + info));
    expect(statement?.lines.map((l) => l.amount)).toEqual([-10]);
    expect(statement?.skipped).toEqual([]);
  });

  it("read a UTF-16 file (with its byte-order mark) instead of calling it binary", () => {
    const xml = camt(entry("10.00", "DBIT", "<AddtlNtryInf>Bäckerei</AddtlNtryInf>")).replace('version="1.0"', 'version="1.0" encoding="UTF-16"');
    const service = new StatementService({ validateResponses: true });
    for (const bytes of [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, "utf16le")]),
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(xml, "utf16le").swap16()])]) {
      const reply = service.parse({ fileName: "camt.xml", content: bytes.toString("base64") });
      expect(reply.statements[0]?.lines.map((l) => [l.amount, l.label])).toEqual([[-10, "Bäckerei"]]);
    }
  });
});

describe("MT940 dialects", () => {
  it("refuse a :61: amount written with a decimal point instead of reading 12.50 as 12", () => {
    const [statement] = readMt940(mt940(":61:2401050105D12.50NTRFNONREF\r\n:86:Miete"));
    expect(statement?.lines).toEqual([]);
    expect(statement?.skipped).toEqual([{ where: "line 5", reason: expect.stringMatching(/12\.50/) }]);
  });

  it("refuse a balance written with a decimal point instead of reading 100.00 as 100", () => {
    expect(() => readMt940(mt940(":61:2401050105D12,50NTRFNONREF\r\n:86:Miete", "C240104EUR100.50"))).toThrow(/line 4.*:60F:.*100\.50/);
  });

  it("keep a statement's closing :86: (after :62F:) off its last movement", () => {
    const text = mt940(":61:2401050105D12,50NTRFNONREF").replace("-", ":86:ANZAHL BUCHUNGEN 1\r\n-");
    expect(readMt940(text)[0]?.lines[0]?.label).toBe("");
  });

  it("read Rabobank's /KEY/ fields when the :86: starts with /IBAN/", () => {
    const [statement] = readMt940(mt940(":61:2401050105D12,50NTRFNONREF\r\n:86:/IBAN/NL91ABNA0417164300/BIC/ABNANL2A/NAME/Jan de Vries/REMI/Huur januari/EREF/E2E-1"));
    expect(statement?.lines[0]).toMatchObject({ counterpartyName: "Jan de Vries", counterpartyAccount: "NL91ABNA0417164300", label: "Huur januari", reference: "E2E-1" });
  });

  it("read ING's /CNTP/account/BIC/name/city/ counterparty", () => {
    const [statement] = readMt940(mt940(":61:2401050105D12,50NTRFNONREF\r\n:86:/EREF/E2E-7//CNTP/NL91ABNA0417164300/ABNANL2A/Jan de Vries/AMSTERDAM//REMI/USTD//Huur januari/"));
    expect(statement?.lines[0]).toMatchObject({ counterpartyName: "Jan de Vries", counterpartyAccount: "NL91ABNA0417164300", label: "Huur januari", reference: "E2E-7" });
  });

  it("keep the blank a bank leaves at the end of a full 65-character :86: line", () => {
    const first = "/CNTP/NL91ABNA0417164300/ABNANL2A/Zuercher Kantonalbank Abteilung ";
    const [statement] = readMt940(mt940(`:61:2401050105D12,50NTRFNONREF\r\n:86:${first.slice(0, 61)}\r\n${first.slice(61)}Nord/ZUERICH//REMI/USTD//X/`));
    expect(first.slice(0, 61).length + 4).toBe(65);
    expect(statement?.lines[0]?.counterpartyName).toBe("Zuercher Kantonalbank Abteilung Nord");
  });
});

describe("OFX dialects", () => {
  it("read an empty SGML leaf as a leaf, not as an aggregate swallowing the elements after it", () => {
    const [statement] = readOfx(ofx("<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240105<CHECKNUM>\n<TRNAMT>-12.50<FITID>1<NAME>ACME<MEMO>Invoice 7</STMTTRN>"));
    expect(statement?.skipped).toEqual([]);
    expect(statement?.lines.map((l) => [l.amount, l.label])).toEqual([[-12.5, "ACME Invoice 7"]]);
  });

  it("refuse a TRNAMT with three decimals in a two-decimal currency (thousands or decimals?)", () => {
    const [statement] = readOfx(ofx("<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240105<TRNAMT>-1,234<FITID>1<NAME>ACME</STMTTRN>"));
    expect(statement?.lines).toEqual([]);
    expect(statement?.skipped[0]?.reason).toMatch(/TRNAMT.*-1,234/);
  });

  it("refuse a ledger balance it cannot read instead of leaving it out", () => {
    expect(() => readOfx(ofx("<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240105<TRNAMT>-12.50<FITID>1</STMTTRN>", "1,234.56"))).toThrow(/statement 1.*LEDGERBAL.*BALAMT.*1,234\.56/);
  });

  it("give bank and credit-card statements in the order of the file", () => {
    const card = "<CREDITCARDMSGSRSV1><CCSTMTTRNRS><CCSTMTRS><CURDEF>USD<CCACCTFROM><ACCTID>4111</CCACCTFROM><BANKTRANLIST></BANKTRANLIST></CCSTMTRS></CCSTMTTRNRS></CREDITCARDMSGSRSV1>";
    const text = ofx("").replace("<BANKMSGSRSV1>", `${card}<BANKMSGSRSV1>`);
    expect(readOfx(text).map((s) => s.account)).toEqual(["4111", "1"]);
  });
});
