// OFX reader for both dialects: OFX 1.x (SGML, leaf elements without closing tags) and OFX 2.x (XML). Hand-written:
// the npm candidates (ofx-js 1.1.1, node-ofx-parser 0.5.1 on fast-xml-parser 3, ofx-data-extractor 1.5.0) are small
// single-maintainer packages that either read only one dialect or return loosely typed trees; the format's statement
// part is a few elements, read here with explicit errors.
// Each STMTTRN gives one line (TRNAMT is already signed); NAME/PAYEE is the counterparty, MEMO the label's rest.
import {
  StatementFormatError,
  isoDate,
  statementLine,
  type BankStatement,
  type BankStatementLine,
  type SkippedRecord,
  type StatedBalance,
} from "./bank_statement_line";

interface OfxElement {
  name: string;
  text: string;
  children: OfxElement[];
}

/** Tokenise OFX (SGML or XML) into a tree. Throws on unbalanced closing tags or no <OFX> root. */
function parseTree(source: string): OfxElement {
  const start = source.search(/<OFX>/i);
  if (start < 0) throw new StatementFormatError("ofx", "no <OFX> element: not an OFX file");
  const body = source.slice(start).replace(/<!--[\s\S]*?-->/g, "").replace(/<\?[\s\S]*?\?>/g, "");
  const root: OfxElement = { name: "#root", text: "", children: [] };
  const stack: OfxElement[] = [root];
  const TOKEN = /<(\/?)([A-Za-z0-9._]+)>([^<]*)/g;
  for (const m of body.matchAll(TOKEN)) {
    const [, closing, rawName, rawText] = m;
    const name = (rawName ?? "").toUpperCase();
    const text = decodeEntities((rawText ?? "").trim());
    const parent = stack[stack.length - 1];
    if (parent === undefined) throw new StatementFormatError("ofx", `content after the closing </OFX> (<${name}>)`);
    if (closing === "/") {
      const index = stack.map((e) => e.name).lastIndexOf(name);
      // A closing tag for a leaf already closed implicitly (SGML leaves may or may not be closed).
      if (index < 0) {
        if (parent.children.some((c) => c.name === name && c.children.length === 0)) continue;
        throw new StatementFormatError("ofx", `closing </${name}> without an opening tag`);
      }
      stack.length = index;
      continue;
    }
    const element: OfxElement = { name, text, children: [] };
    parent.children.push(element);
    // An element with text is a leaf (SGML leaves have no closing tag); one without opens an aggregate.
    if (text === "") stack.push(element);
  }
  if (stack.length > 1) {
    const unclosed = stack.slice(1).map((e) => e.name).join(" > ");
    throw new StatementFormatError("ofx", `file ends inside <${unclosed}>: truncated`);
  }
  const ofx = root.children.find((c) => c.name === "OFX");
  if (ofx === undefined) throw new StatementFormatError("ofx", "no <OFX> element: not an OFX file");
  return ofx;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** The character references OFX files use (`&amp;`, `&#233;`); unknown ones stay as written. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function child(element: OfxElement | undefined, name: string): OfxElement | undefined {
  return element?.children.find((c) => c.name === name);
}

function leaf(element: OfxElement | undefined, name: string): string | undefined {
  const found = child(element, name);
  return found === undefined || found.text === "" ? undefined : found.text;
}

function descendants(element: OfxElement, name: string): OfxElement[] {
  return element.children.flatMap((c) => (c.name === name ? [c] : descendants(c, name)));
}

/** OFX date-time `YYYYMMDD[HHMMSS[.XXX]][[-8:PST]]` → ISO date, or null. */
function ofxDate(value: string | undefined): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(value ?? "");
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** Read every bank and credit-card statement in an OFX file. Throws StatementFormatError when it is not OFX. */
export function readOfx(source: string): BankStatement[] {
  const ofx = parseTree(source);
  const statements = [...descendants(ofx, "STMTRS"), ...descendants(ofx, "CCSTMTRS")];
  if (statements.length === 0) throw new StatementFormatError("ofx", "no STMTRS or CCSTMTRS statement in the file");
  return statements.map((statement, index) => readStatement(statement, index + 1));
}

function readStatement(statement: OfxElement, number: number): BankStatement {
  const currency = leaf(statement, "CURDEF");
  const from = child(statement, "BANKACCTFROM") ?? child(statement, "CCACCTFROM");
  const account = leaf(from, "ACCTID") ?? "";
  const transactions = (statement.children.filter((c) => c.name === "BANKTRANLIST")).flatMap((list) => list.children.filter((c) => c.name === "STMTTRN"));
  if (currency === undefined || !/^[A-Z]{3}$/.test(currency)) {
    if (transactions.length === 0) return { format: "ofx", statementId: account, account, currency: "", lines: [], skipped: [] };
    throw new StatementFormatError("ofx", `statement ${number} has no valid <CURDEF> currency ("${currency ?? ""}"): its ${transactions.length} transactions cannot be read`);
  }
  const lines: BankStatementLine[] = [];
  const skipped: SkippedRecord[] = [];
  transactions.forEach((trn, index) => {
    const where = `statement ${number}, transaction ${index + 1}${leaf(trn, "FITID") ? ` (FITID ${leaf(trn, "FITID")})` : ""}`;
    const amountText = leaf(trn, "TRNAMT");
    const date = ofxDate(leaf(trn, "DTPOSTED"));
    if (amountText === undefined || !/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(amountText)) {
      skipped.push({ where, reason: `no valid <TRNAMT> ("${amountText ?? ""}")` });
      return;
    }
    if (date === null) {
      skipped.push({ where, reason: `no valid <DTPOSTED> ("${leaf(trn, "DTPOSTED") ?? ""}")` });
      return;
    }
    const amount = Number(amountText.replace(",", "."));
    const name = leaf(trn, "NAME") ?? leaf(child(trn, "PAYEE"), "NAME");
    const memo = leaf(trn, "MEMO");
    const to = child(trn, "BANKACCTTO") ?? child(trn, "CCACCTTO");
    lines.push(statementLine(
      { date, amount: amount === 0 ? 0 : amount, currency: leaf(child(trn, "CURRENCY"), "CURSYM") ?? currency, label: [name, memo].filter((t) => t !== undefined).join(" ") },
      { counterpartyName: name, counterpartyAccount: leaf(to, "ACCTID"), reference: leaf(trn, "REFNUM"), bankReference: leaf(trn, "FITID") },
    ));
  });
  const result: BankStatement = { format: "ofx", statementId: account, account, currency, lines, skipped };
  // OFX states the closing (ledger) balance only; the opening one is the caller's to derive.
  const ledger = child(statement, "LEDGERBAL");
  const balance = leaf(ledger, "BALAMT");
  if (balance !== undefined && /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(balance)) {
    const closing: StatedBalance = { amount: Number(balance.replace(",", ".")) };
    const asOf = ofxDate(leaf(ledger, "DTASOF"));
    if (asOf !== null) closing.date = asOf;
    result.closingBalance = closing;
  }
  return result;
}
