// CAMT.053 (statement), CAMT.052 (intraday account report) and CAMT.054 (debit/credit notification) reader, ISO 20022, any schema version.
// XML parsing is fast-xml-parser's (validated first, so a truncated file is an error with a line number, not a
// half-read statement); this file only walks the tree. One line per TxDtls (a batch booked as one entry gives one
// line per transaction, as OCA's importer does), or one per entry when it has no transaction details. A batch's
// transactions must add up to the entry (else the entry is skipped, saying both sums): the entry is what the bank
// booked, and a line amount the reader is not sure of is an error, never a guess. Pending (PDNG), information
// (INFO) and future (FUTR) entries are not booked and are left out, as they are left out of the booked balances.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import {
  StatementFormatError,
  statementLine,
  type BankStatement,
  type BankStatementLine,
  type SkippedRecord,
  type StatedBalance,
} from "./bank_statement_line";

type XmlNode = unknown;

const ARRAYS = new Set(["Stmt", "Ntfctn", "Rpt", "Ntry", "NtryDtls", "TxDtls", "Ustrd", "Strd", "AddtlTxInf", "Bal"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => ARRAYS.has(name),
});

function isRecord(node: XmlNode): node is Record<string, unknown> {
  return typeof node === "object" && node !== null && !Array.isArray(node);
}

/** The node at `path` (first element of any array on the way), or undefined. */
function at(node: XmlNode, ...path: string[]): XmlNode {
  let current: XmlNode = node;
  for (const key of path) {
    if (Array.isArray(current)) current = current[0];
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return Array.isArray(current) ? current[0] : current;
}

function all(node: XmlNode, key: string): XmlNode[] {
  if (!isRecord(node)) return [];
  const value = node[key];
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function text(node: XmlNode, ...path: string[]): string | undefined {
  const value = at(node, ...path);
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (isRecord(value) && typeof value["#text"] === "string") return value["#text"];
  return undefined;
}

interface Money {
  value: number;
  currency: string;
}

function money(node: XmlNode): Money | undefined {
  const amount = text(node);
  const currency = isRecord(node) ? node["@Ccy"] : undefined;
  if (amount === undefined || !/^\d+(\.\d+)?$/.test(amount)) return undefined;
  return { value: Number(amount), currency: typeof currency === "string" ? currency : "" };
}

function isoDay(node: XmlNode): string | undefined {
  const value = text(node, "Dt") ?? text(node, "DtTm");
  return value !== undefined && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;
}

function accountId(node: XmlNode): string | undefined {
  return text(node, "Id", "IBAN") ?? text(node, "Id", "Othr", "Id");
}

const NOT_PROVIDED = /^NOTPROVIDED$/i;
/** Entry statuses (Sts, or Sts/Cd from camt.05x.001.08 on) of entries the bank has not booked. */
const NOT_BOOKED = new Set(["PDNG", "INFO", "FUTR"]);

/** Read a CAMT.052, CAMT.053 or CAMT.054 document. Throws StatementFormatError when it is not well-formed CAMT. */
export function readCamt(xml: string): BankStatement[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new StatementFormatError("camt", `not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  }
  const document = at(parser.parse(xml) as XmlNode, "Document");
  if (!isRecord(document)) throw new StatementFormatError("camt", "no <Document> element: not an ISO 20022 file");
  const statements: BankStatement[] = [];
  const kinds: Array<[string, string, BankStatement["format"]]> = [
    ["BkToCstmrStmt", "Stmt", "camt.053"],
    ["BkToCstmrDbtCdtNtfctn", "Ntfctn", "camt.054"],
    ["BkToCstmrAcctRpt", "Rpt", "camt.052"],
  ];
  let found = false;
  for (const [message, part, format] of kinds) {
    const body = at(document, message);
    if (body === undefined) continue;
    found = true;
    all(body, part).forEach((node, index) => statements.push(readStatement(node, format, index + 1)));
  }
  if (!found) {
    throw new StatementFormatError("camt", `no BkToCstmrStmt (camt.053), BkToCstmrAcctRpt (camt.052) or BkToCstmrDbtCdtNtfctn (camt.054) in <Document>`);
  }
  return statements;
}

function readStatement(node: XmlNode, format: BankStatement["format"], number: number): BankStatement {
  const account = at(node, "Acct");
  const balanceCurrency = all(node, "Bal").map((b) => money(at(b, "Amt"))?.currency).find((c) => c);
  const lines: BankStatementLine[] = [];
  const skipped: SkippedRecord[] = [];
  all(node, "Ntry").forEach((entry, index) => {
    const where = `statement ${number}, entry ${index + 1}`;
    if (NOT_BOOKED.has(text(entry, "Sts") ?? text(entry, "Sts", "Cd") ?? "BOOK")) return;
    try {
      lines.push(...readEntry(entry, text(account, "Ccy") ?? balanceCurrency ?? ""));
    } catch (error) {
      if (!(error instanceof EntryError)) throw error;
      skipped.push({ where, reason: error.message });
    }
  });
  const currency = text(account, "Ccy") ?? balanceCurrency ?? lines[0]?.currency ?? "";
  const statement: BankStatement = { format, statementId: text(node, "Id") ?? "", account: (account === undefined ? undefined : accountId(account)) ?? "", currency, lines, skipped };
  const { opening, closing } = balances(node);
  if (opening !== undefined) statement.openingBalance = opening;
  if (closing !== undefined) statement.closingBalance = closing;
  return statement;
}

/**
 * Opening and closing balance, as OCA's importer picks them: OPBD (opening booked) or PRCD (previous closing) opens,
 * CLBD (closing booked) closes; intraday reports (camt.052) give ITBD (interim booked), the first opening and the
 * last closing when nothing else is there.
 */
function balances(node: XmlNode): { opening: StatedBalance | undefined; closing: StatedBalance | undefined } {
  const byCode = new Map<string, StatedBalance[]>();
  for (const bal of all(node, "Bal")) {
    const code = text(bal, "Tp", "CdOrPrtry", "Cd") ?? text(bal, "Tp", "CdOrPrtry", "Prtry");
    const amount = money(at(bal, "Amt"));
    const side = text(bal, "CdtDbtInd");
    if (code === undefined || amount === undefined || (side !== "CRDT" && side !== "DBIT")) continue;
    const stated: StatedBalance = { amount: sign(amount.value, side) };
    const day = isoDay(at(bal, "Dt"));
    if (day !== undefined) stated.date = day;
    byCode.set(code, [...(byCode.get(code) ?? []), stated]);
  }
  const interim = byCode.get("ITBD") ?? [];
  return {
    opening: byCode.get("OPBD")?.[0] ?? byCode.get("PRCD")?.[0] ?? interim[0],
    closing: byCode.get("CLBD")?.[0] ?? interim[interim.length - 1],
  };
}

class EntryError extends Error {}

function readEntry(entry: XmlNode, accountCurrency: string): BankStatementLine[] {
  const entryAmount = money(at(entry, "Amt"));
  if (entryAmount === undefined) throw new EntryError("entry has no valid <Amt>");
  const entrySide = text(entry, "CdtDbtInd");
  if (entrySide !== "CRDT" && entrySide !== "DBIT") throw new EntryError(`entry has CdtDbtInd "${entrySide ?? ""}", expected CRDT or DBIT`);
  const date = isoDay(at(entry, "BookgDt")) ?? isoDay(at(entry, "ValDt"));
  if (date === undefined) throw new EntryError("entry has neither a booking nor a value date");
  const entryInfo = text(entry, "AddtlNtryInf") ?? "";
  const details = all(entry, "NtryDtls").flatMap((part) => all(part, "TxDtls"));
  const currencyOf = (m: Money): string => m.currency || accountCurrency;
  if (details.length === 0) {
    return [statementLine(
      { date, amount: sign(entryAmount.value, entrySide), currency: currencyOf(entryAmount), label: entryInfo },
      { reference: text(entry, "NtryRef"), bankReference: text(entry, "AcctSvcrRef") },
    )];
  }
  const entryReference = text(entry, "AcctSvcrRef");
  const entryCurrency = currencyOf(entryAmount);
  const amounts = details.map((tx, index): { amount: Money; side: "CRDT" | "DBIT" } => {
    const txSide = text(tx, "CdtDbtInd");
    const side = txSide === "CRDT" || txSide === "DBIT" ? txSide : entrySide;
    // The only transaction of an entry is the entry: its booked amount, whatever currency the details state.
    if (details.length === 1) return { amount: entryAmount, side: entrySide };
    // A transaction's amount in the entry's currency: its own <Amt> (camt.05x.001.04+), the TxAmt or the counter
    // value. An amount in another currency (the instructed one) is not what was booked.
    const stated = [at(tx, "Amt"), at(tx, "AmtDtls", "TxAmt", "Amt"), at(tx, "AmtDtls", "CntrValAmt", "Amt")]
      .map(money).filter((m): m is Money => m !== undefined);
    const own = stated.find((m) => currencyOf(m) === entryCurrency);
    if (own !== undefined) return { amount: own, side };
    if (stated.length > 0) {
      throw new EntryError(`TxDtls ${index + 1} of the batch states its amount in ${currencyOf(stated[0] as Money)} only; the entry is booked in ${entryCurrency}`);
    }
    throw new EntryError("a transaction of a batch entry has no amount of its own");
  });
  if (details.length > 1) {
    const total = amounts.reduce((s, a) => s + Math.round(sign(a.amount.value, a.side) * 100), 0);
    const booked = Math.round(sign(entryAmount.value, entrySide) * 100);
    if (total !== booked) {
      const shown = (c: number): string => `${(c / 100).toFixed(2)} ${entryCurrency}`;
      throw new EntryError(`the entry's ${details.length} TxDtls add up to ${shown(total)}, its <Amt> ${shown(booked)} (CdtDbtInd ${entrySide})`);
    }
  }
  return details.map((tx, index) => {
    const { amount, side } = amounts[index] as { amount: Money; side: "CRDT" | "DBIT" };
    // Money in: the counterparty is the debtor; money out: the creditor. Fall back to whichever is present.
    const [mine, other] = side === "CRDT" ? ["Dbtr", "Cdtr"] : ["Cdtr", "Dbtr"];
    const parties = at(tx, "RltdPties");
    const name = partyName(at(parties, mine)) ?? partyName(at(parties, other));
    const partyAccount = at(parties, `${mine}Acct`) ?? at(parties, `${other}Acct`);
    const remittance = at(tx, "RmtInf");
    const structured = all(remittance, "Strd").map((s) => text(s, "CdtrRefInf", "Ref")).find((r) => r);
    const endToEnd = text(tx, "Refs", "EndToEndId");
    const unstructured = all(remittance, "Ustrd").map((u) => text(u) ?? "");
    const additional = all(tx, "AddtlTxInf").map((u) => text(u) ?? "");
    const labelParts = [...unstructured, ...additional];
    // No remittance text (structured-reference payments): the entry's text and the reference, as banks print them.
    if (labelParts.length === 0) labelParts.push(entryInfo, structured ?? "");
    return statementLine(
      { date, amount: sign(amount.value, side), currency: currencyOf(amount), label: labelParts.join(" ") },
      {
        counterpartyName: name,
        counterpartyAccount: partyAccount === undefined ? undefined : accountId(partyAccount),
        reference: structured ?? (endToEnd !== undefined && !NOT_PROVIDED.test(endToEnd) ? endToEnd : undefined),
        endToEndId: endToEnd,
        bankReference: text(tx, "Refs", "AcctSvcrRef") ?? entryReference,
      },
    );
  });
}

function partyName(party: XmlNode): string | undefined {
  // camt.053.001.08+ nest the party one level deeper (<Dbtr><Pty><Nm>).
  return text(party, "Nm") ?? text(party, "Pty", "Nm");
}

/**
 * CRDT is money in. A reversal (RvslInd) keeps the sign of its CdtDbtInd, as OCA's importer and most banks read it:
 * the bank already states the direction of the reversing booking.
 */
function sign(value: number, side: "CRDT" | "DBIT"): number {
  return side === "CRDT" ? value : -value;
}
