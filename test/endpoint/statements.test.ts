// POST /v1/statements/parse through the real app (in-process, signed as Odoo signs): every real bank file in
// ../shared/data/statements gives the readers' statements, and hostile or wrong input gets a 4xx with a sentence
// that names the line or element at fault. Without the shared folder the real-file part is skipped and says why.
import { readFileSync } from "node:fs";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  MAX_STATEMENT_FILE_BYTES,
  MAX_STATEMENT_LINES,
  ParseStatementResponseSchema,
  STATEMENT_PARSE_PATH,
} from "../../web_src/contracts/statements";
import { signRequest } from "../../web_src/endpoint/signing";
import { StatementFormatError } from "../../web_src/statements/bank_statement_line";
import { listStatementFiles, locateStatements, readStatementFile } from "../../scripts/bench/lib/real_statements";
import { NOW_SECONDS, TEST_SECRET, testApp, testConfig } from "./helpers";

const { dir, missing } = locateStatements();
if (missing !== null) console.warn(`SKIPPED test/endpoint/statements.test.ts (real files): ${missing}`);
const skipReason = missing === null ? "" : ` — SKIPPED: ${missing}`;

let app: FastifyInstance;
beforeAll(() => {
  app = testApp({ config: testConfig({ maxBodyBytes: 25 * 1024 * 1024 }) });
});
afterAll(async () => {
  await app.close();
});

function parse(content: Buffer | string, fileName = "statement", options: { secret?: string } = {}): Promise<LightMyRequestResponse> {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  const payload = JSON.stringify({ fileName, content: bytes.toString("base64") });
  return app.inject({
    method: "POST",
    url: STATEMENT_PARSE_PATH,
    headers: { "content-type": "application/json", ...signRequest(options.secret ?? TEST_SECRET, payload, { timestamp: NOW_SECONDS }) },
    payload,
  });
}

async function refusal(content: Buffer | string, fileName = "statement"): Promise<string> {
  const res = await parse(content, fileName);
  expect(res.statusCode, res.body).toBe(422);
  expect(res.json().error).toBe("unreadable_statement");
  return res.json().message as string;
}

const mt940 = (movements: string[]): string =>
  `:20:REF\r\n:25:DE12500105170648489890\r\n:28C:1/1\r\n:60F:C240105EUR100,00\r\n${movements.join("\r\n")}\r\n:62F:C240105EUR100,00\r\n-`;

describe.skipIf(missing !== null)(`POST ${STATEMENT_PARSE_PATH} on every real file${skipReason}`, () => {
  const files = missing === null ? listStatementFiles(dir) : [];

  it.each(files.map((f) => [f.name, f] as const))("%s", async (_name, file) => {
    let expected;
    try {
      expected = readStatementFile(file);
    } catch (error) {
      expect(error).toBeInstanceOf(StatementFormatError);
      const message = await refusal(readFileSync(file.path), file.name);
      // A file with no SWIFT tag at all is recognised as no statement before any reader runs.
      if ((error as Error).message.startsWith("mt940: no SWIFT field")) expect(message).toMatch(/is not a bank statement this import reads/);
      else expect(message).toBe((error as Error).message);
      return;
    }
    const res = await parse(readFileSync(file.path), file.name);
    expect(res.statusCode, res.body).toBe(200);
    const reply = ParseStatementResponseSchema.parse(res.json());
    expect(reply.statements.map((s) => s.lines.length)).toEqual(expected.map((s) => s.lines.length));
    expect(reply.statements.flatMap((s) => s.lines.map((l) => l.amount))).toEqual(expected.flatMap((s) => s.lines.map((l) => l.amount)));
    expect(reply.statements.map((s) => s.closingBalance?.amount)).toEqual(expected.map((s) => s.closingBalance?.amount));
    expect(reply.statements.map((s) => s.skipped.length)).toEqual(expected.map((s) => s.skipped.length));
  });

  it("names the malformed OFX file's fault", async () => {
    expect(await refusal(readFileSync(`${dir}/oca-ofx/test_ofx_wrong.ofx`))).toMatch(/ofx: statement 1 has no valid <CURDEF> currency/);
  });
});

describe(`POST ${STATEMENT_PARSE_PATH} on hostile and wrong input`, () => {
  it("reads a CAMT.052 intraday report", async () => {
    const xml = `<?xml version="1.0"?><Document><BkToCstmrAcctRpt><Rpt><Id>R1</Id><Acct><Id><IBAN>DE12500105170648489890</IBAN></Id>` +
      `<Ccy>EUR</Ccy></Acct><Ntry><Amt Ccy="EUR">9.99</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2024-01-05</Dt></BookgDt>` +
      `<AddtlNtryInf>CARD</AddtlNtryInf></Ntry></Rpt></BkToCstmrAcctRpt></Document>`;
    const res = await parse(xml, "intraday.xml");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ format: "camt.052", statements: [{ account: "DE12500105170648489890", lines: [{ amount: -9.99 }] }] });
  });

  it("refuses an XML bomb (entity declarations) naming the line, quickly", async () => {
    const entities = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join("");
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY l0 "lol">${entities}]>\n<Document><BkToCstmrStmt><Stmt><Id>&l9;</Id></Stmt></BkToCstmrStmt></Document>`;
    const started = performance.now();
    expect(await refusal(bomb, "bomb.xml")).toMatch(/camt: the file declares a <!DOCTYPE> \(line 2\)/);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("refuses an external entity the same way", async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Document>&x;</Document>`;
    expect(await refusal(xxe)).toMatch(/<!DOCTYPE>/);
  });

  it("says where a CAMT file is truncated", async () => {
    const xml = `<?xml version="1.0"?>\n<Document>\n<BkToCstmrStmt>\n<Stmt>\n<Id>S1</Id>\n`;
    expect(await refusal(xml)).toMatch(/camt: not well-formed XML \(line \d+/);
  });

  it("refuses an empty file, a blank one, a PDF, a ZIP and a binary file, each saying what it is", async () => {
    expect(await refusal("", "empty.sta")).toBe('"empty.sta" is empty.');
    expect(await refusal(" \r\n\t ", "blank.ofx")).toBe('"blank.ofx" is empty.');
    expect(await refusal("%PDF-1.7\n...", "statement.pdf")).toMatch(/is a PDF/);
    expect(await refusal(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "camt.zip")).toMatch(/is a ZIP archive/);
    expect(await refusal(Buffer.from([1, 2, 0, 4, 5]), "x.bin")).toMatch(/is a binary file/);
  });

  it("refuses a file of another format, naming the formats it reads", async () => {
    expect(await refusal("date;amount;label\n2024-01-05;12,50;rent\n", "export.csv")).toMatch(
      /is not a bank statement this import reads: expected CAMT.052\/053\/054 \(XML\), OFX\/QFX or MT940\/MT942/,
    );
    expect(await refusal('{"lines": []}')).toMatch(/not a bank statement/);
    expect(await refusal("<html><body>hello</body></html>")).toMatch(/camt: no <Document> element/);
  });

  it("reads a Latin-1 MT940 file (German banks) and a UTF-8 one with a byte-order mark", async () => {
    const text = mt940([":61:2401050105D12,50NTRFNONREF", ":86:Miete Mün?20chen"]);
    const latin = await parse(Buffer.from(text, "latin1"));
    expect(latin.json().statements[0].lines[0].label).toContain("Mün");
    const bom = await parse(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]));
    expect(bom.json().statements[0].lines[0].label).toContain("Mün");
  });

  it("refuses a file over the size limit with the limit, and a 50 MB upload with 413", async () => {
    const big = Buffer.alloc(MAX_STATEMENT_FILE_BYTES + 1, 0x20);
    big.write(":20:REF\n", 0);
    expect(await refusal(big)).toBe(
      `the file has ${MAX_STATEMENT_FILE_BYTES + 1} bytes; the import reads files of at most ${MAX_STATEMENT_FILE_BYTES} bytes (split it by period).`,
    );
    const res = await parse(Buffer.alloc(50 * 1024 * 1024, 0x41));
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toBe("payload_too_large");
  }, 30_000);

  it(`reads ${MAX_STATEMENT_LINES} lines, refuses one more`, async () => {
    const movement = ":61:2401050105D1,00NTRFNONREF\r\n:86:x";
    const many = mt940(Array.from({ length: MAX_STATEMENT_LINES }, () => movement));
    const ok = await parse(many);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().statements[0].lines).toHaveLength(MAX_STATEMENT_LINES);
    const tooMany = mt940(Array.from({ length: MAX_STATEMENT_LINES + 1 }, () => movement));
    expect(await refusal(tooMany)).toMatch(/has 100001 transactions; the import reads at most 100000/);
  }, 60_000);

  it("refuses an unsigned request and a body that is not the contract", async () => {
    const wrongSecret = await parse("x", "x", { secret: "another-secret-0123456789abcdef012345" });
    expect(wrongSecret.statusCode).toBe(401);
    const payload = JSON.stringify({ content: "not base64 !" });
    const res = await app.inject({
      method: "POST",
      url: STATEMENT_PARSE_PATH,
      headers: { "content-type": "application/json", ...signRequest(TEST_SECRET, payload, { timestamp: NOW_SECONDS }) },
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/content: expected base64/);
  });
});
