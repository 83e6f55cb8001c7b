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
      // The elements this closes implicitly had no closing tag of their own: in SGML OFX only leaves omit it, so each
      // was an empty leaf (`<CHECKNUM>` with no value), not an aggregate; what it swallowed goes back to its parent.
      for (let k = stack.length - 1; k > index; k--) {
        const implicit = stack[k];
        const holder = stack[k - 1];
        if (implicit === undefined || holder === undefined || implicit.children.length === 0) continue;
        holder.children.splice(holder.children.indexOf(implicit) + 1, 0, ...implicit.children);
        implicit.children = [];
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

/** The elements named one of `names` under `element`, in the order of the file. */
function descendants(element: OfxElement, names: ReadonlySet<string>): OfxElement[] {
  return element.children.flatMap((c) => (names.has(c.name) ? [c] : descendants(c, names)));
}

// ISO 4217 currencies whose amounts do not have two decimals (the rest do).
const MINOR_UNITS: Readonly<Record<string, number>> = {
  JPY: 0, KRW: 0, ISK: 0, CLP: 0, VND: 0, PYG: 0, UGX: 0, XAF: 0, XOF: 0, XPF: 0, KMF: 0, RWF: 0, DJF: 0, GNF: 0, VUV: 0,
  BHD: 3, KWD: 3, OMR: 3, JOD: 3, TND: 3, LYD: 3, IQD: 3,
};
const NOT_AN_AMOUNT = "not an amount";
const AMOUNT = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;

/**
 * An OFX amount (`-12.50`, `-12,50`: the spec allows either decimal mark) in `currency`, or why it is not one. More
 * decimals than the currency has (`-1,234` in USD) is refused: a thousands separator or a decimal one, nobody knows.
 */
function ofxAmount(text: string | undefined, currency: string): number | string {
  if (text === undefined || !AMOUNT.test(text)) return NOT_AN_AMOUNT;
  const fraction = (/[.,](\d*)$/.exec(text)?.[1] ?? "").replace(/0+$/, "");
  const allowed = MINOR_UNITS[currency] ?? 2;
  if (fraction.length > allowed) return `${fraction.length} decimals where ${currency} has ${allowed}: is its "${/[.,]/.exec(text)?.[0] ?? ""}" a thousands separator or the decimal mark?`;
  const amount = Number(text.replace(",", "."));
  return amount === 0 ? 0 : amount;
}

/** OFX date-time `YYYYMMDD[HHMMSS[.XXX]][[-8:PST]]` → ISO date, or null. */
function ofxDate(value: string | undefined): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(value ?? "");
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** Read every bank and credit-card statement in an OFX file. Throws StatementFormatError when it is not OFX. */
export function readOfx(source: string): BankStatement[] {
  const ofx = parseTree(source);
  const statements = descendants(ofx, new Set(["STMTRS", "CCSTMTRS"]));
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
    const amount = ofxAmount(amountText, leaf(child(trn, "CURRENCY"), "CURSYM") ?? currency);
    if (typeof amount === "string") {
      skipped.push({ where, reason: `no valid <TRNAMT> ("${amountText ?? ""}"${amount === NOT_AN_AMOUNT ? "" : `: ${amount}`})` });
      return;
    }
    if (date === null) {
      skipped.push({ where, reason: `no valid <DTPOSTED> ("${leaf(trn, "DTPOSTED") ?? ""}")` });
      return;
    }
    const name = leaf(trn, "NAME") ?? leaf(child(trn, "PAYEE"), "NAME");
    const memo = leaf(trn, "MEMO");
    const to = child(trn, "BANKACCTTO") ?? child(trn, "CCACCTTO");
    lines.push(statementLine(
      { date, amount, currency: leaf(child(trn, "CURRENCY"), "CURSYM") ?? currency, label: [name, memo].filter((t) => t !== undefined).join(" ") },
      { counterpartyName: name, counterpartyAccount: leaf(to, "ACCTID"), reference: leaf(trn, "REFNUM"), bankReference: leaf(trn, "FITID") },
    ));
  });
  const result: BankStatement = { format: "ofx", statementId: account, account, currency, lines, skipped };
  // OFX states the closing (ledger) balance only; the opening one is the caller's to derive.
  const ledger = child(statement, "LEDGERBAL");
  const balance = leaf(ledger, "BALAMT");
  if (balance !== undefined) {
    // A balance that cannot be read is an error: left out, the lines would go unchecked against it.
    const amount = ofxAmount(balance, currency);
    if (typeof amount === "string") throw new StatementFormatError("ofx", `statement ${number}: <LEDGERBAL><BALAMT> "${balance}" is ${amount}`);
    const closing: StatedBalance = { amount };
    const asOf = ofxDate(leaf(ledger, "DTASOF"));
    if (asOf !== null) closing.date = asOf;
    result.closingBalance = closing;
  }
  return result;
}
