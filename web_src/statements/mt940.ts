// SWIFT MT940 (statement) and MT942 (interim report) reader, hand-written: the npm candidates (mt940-js 1.0.0,
// mt940js 1.3.5) are single-author packages with two releases each and no handling of the :86: dialects below, so a
// small reader whose every rule is tested against wolph/mt940's expected parses is the safer choice.
//
// Dialects of the :86: information field:
//  - German/SEPA "?"-subfields (`166?00GUTSCHRIFT?20EREF+…?21SVWZ+…?32NAME`), subfields joined without separators
//    (banks wrap them at arbitrary points, as wolph/mt940 reads them);
//  - Dutch "/KEY/value" fields (`/EREF/…/NAME/…/REMI/…`);
//  - free text (ABN AMRO, ING, mBank…), lines joined with a space unless the previous line was full (65 chars).
// Dates: MT940 gives the value date (YYMMDD) and optionally the entry date (MMDD); `date` is the value date, as
// wolph/mt940 reads it; an impossible day (Feb 30, seen in real files) is moved to the month's last day.
// Sign: C is money in, D money out; RC (reversal of a credit) is a debit and RD a credit, as the SWIFT standard says
// (wolph/mt940 leaves RC positive).
import {
  StatementFormatError,
  statementLine,
  type BankStatement,
  type BankStatementLine,
  type SkippedRecord,
  type StatedBalance,
} from "./bank_statement_line";

interface Field {
  tag: string;
  /** Content lines, first one without the tag. */
  lines: string[];
  lineNumber: number;
}

const TAG = /^:(\d{2}[A-Z]?):/;
const SWIFT_LINE_LENGTH = 65;

/** Split the text into tagged fields; text before the first tag (headers such as `{1:…}` or `940`) is ignored. */
function fields(text: string): Field[] {
  const out: Field[] = [];
  let current: Field | null = null;
  text.replace(/\r\n?/g, "\n").split("\n").forEach((raw, index) => {
    const line = raw.replace(/\s+$/, "");
    const tag = TAG.exec(line);
    // Content keeps its trailing blanks: a bank that wraps "Kantonalbank Abteilung " at 65 characters meant the blank.
    if (tag?.[1] !== undefined) {
      current = { tag: tag[1], lines: [raw.slice(tag[0].length)], lineNumber: index + 1 };
      out.push(current);
    } else if (line === "-" || line === "-}" || line.startsWith("{") || line.startsWith("-}")) {
      current = null; // end of a message block
    } else if (current !== null && line !== "") {
      current.lines.push(raw);
    }
  });
  return out;
}

interface Draft {
  format: "mt940" | "mt942";
  statementId: string;
  account: string;
  currency: string;
  /** The first opening balance (:60F:/:60M:) and the last closing one (:62F:/:62M:). */
  opening: StatedBalance | undefined;
  closing: StatedBalance | undefined;
  /** :61: fields, with the :86: that follows each. */
  records: Array<{ field: Field; details: Field | null }>;
}

/** Read every statement in an MT940/MT942 file. Throws StatementFormatError when it holds no SWIFT statement. */
export function readMt940(text: string): BankStatement[] {
  const all = fields(text);
  if (all.length === 0) {
    throw new StatementFormatError("mt940", "no SWIFT field (:20:, :25:, :61:…) found: not an MT940/MT942 statement");
  }
  const drafts: Draft[] = [];
  let draft: Draft | null = null;
  const open = (): Draft => {
    if (draft === null) {
      draft = { format: "mt940", statementId: "", account: "", currency: "", opening: undefined, closing: undefined, records: [] };
      drafts.push(draft);
    }
    return draft;
  };
  let previousTag = "";
  for (const field of all) {
    const value = field.lines.join("\n");
    // An :86: is a movement's only when it follows its :61:; after :62F: it speaks of the whole statement.
    const follows61 = previousTag === "61";
    previousTag = field.tag;
    if (field.tag === "20") {
      draft = null;
      open().statementId = value.trim();
      continue;
    }
    const d = open();
    switch (field.tag) {
      case "25": {
        const account = value.trim();
        const trailingCurrency = /^(.*?)([A-Z]{3})$/.exec(account);
        // "51210600/9223382012EUR": some banks append the currency to the account.
        if (trailingCurrency?.[1] !== undefined && trailingCurrency[2] !== undefined && /\d$/.test(trailingCurrency[1])) {
          d.account = trailingCurrency[1];
          d.currency ||= trailingCurrency[2];
        } else d.account = account;
        break;
      }
      case "60F": case "60M": case "62F": case "62M": case "64": case "60": case "62": {
        const balance = /^[DC]\d{6}([A-Z]{3})/.exec(value);
        if (balance?.[1] !== undefined && (d.currency === "" || field.tag.startsWith("60"))) d.currency = balance[1];
        const stated = statedBalance(value, field);
        if (stated !== undefined && field.tag.startsWith("60")) d.opening ??= stated;
        if (stated !== undefined && field.tag.startsWith("62")) d.closing = stated;
        break;
      }
      case "34F": case "13D": case "13": case "90D": case "90C": {
        d.format = "mt942";
        const floor = /^([A-Z]{3})/.exec(value);
        if (field.tag === "34F" && floor?.[1] !== undefined) d.currency ||= floor[1];
        break;
      }
      case "61":
        d.records.push({ field, details: null });
        break;
      case "86": {
        const last = d.records[d.records.length - 1];
        if (follows61 && last !== undefined && last.details === null) last.details = field;
        break;
      }
      default:
        break;
    }
  }
  return drafts.map(finish);
}

function finish(draft: Draft): BankStatement {
  const lines: BankStatementLine[] = [];
  const skipped: SkippedRecord[] = [];
  for (const { field, details } of draft.records) {
    const where = `line ${field.lineNumber}`;
    if (draft.currency === "") {
      skipped.push({ where, reason: "the statement has no currency (no :60F:, :62F:, :34F: balance)" });
      continue;
    }
    const movement = readMovement(field);
    if (typeof movement === "string") {
      skipped.push({ where, reason: movement });
      continue;
    }
    const info = details === null ? emptyDetails() : readDetails(details.lines);
    lines.push(statementLine(
      { date: movement.date, amount: movement.amount, currency: draft.currency, label: info.label },
      {
        counterpartyName: info.name,
        counterpartyAccount: info.account ?? movement.supplementaryAccount,
        reference: info.reference,
        endToEndId: info.reference,
        bankReference: movement.bankReference,
      },
    ));
  }
  const statement: BankStatement = { format: draft.format, statementId: draft.statementId, account: draft.account, currency: draft.currency, lines, skipped };
  if (draft.opening !== undefined) statement.openingBalance = draft.opening;
  if (draft.closing !== undefined) statement.closingBalance = draft.closing;
  return statement;
}

/**
 * A :60F:/:62F: balance `C170515EUR100,00`: mark, date, currency (some banks leave it out), amount. An amount that is
 * not a SWIFT one (`100.50`: a decimal point) is an error naming the line, never read as 100.
 */
function statedBalance(value: string, field: Field): StatedBalance | undefined {
  const m = /^([DC])(\d{2})(\d{2})(\d{2})(?:[A-Z]{3})?(\d[\d.,]*)/.exec(value.trim());
  if (m?.[1] === undefined || m[5] === undefined) return undefined;
  if (!/^\d+(,\d*)?$/.test(m[5])) {
    throw new StatementFormatError("mt940", `line ${field.lineNumber}: the :${field.tag}: balance "${value.trim()}" has the amount "${m[5]}", not a SWIFT amount (digits and one decimal comma)`);
  }
  const magnitude = Number(m[5].replace(",", "."));
  const balance: StatedBalance = { amount: m[1] === "D" && magnitude !== 0 ? -magnitude : magnitude };
  const date = valueDate(2000 + Number(m[2]), Number(m[3]), Number(m[4]));
  if (date !== null) balance.date = date;
  return balance;
}

interface Movement {
  date: string;
  amount: number;
  supplementaryAccount: string | undefined;
  /** The bank reference after `//`, else the customer reference. */
  bankReference: string | undefined;
}

// :61: value date, [entry date], mark, [funds code], [blank or newline, Sparkasse and Cuscal put one], amount,
// transaction type, customer reference, [//bank reference], [newline supplementary details].
// The amount takes dots too, so that "12.50" is refused as a whole instead of read as 12.
const MOVEMENT = /^(\d{2})(\d{2})(\d{2})(\d{4})?(RC|RD|C|D)([A-Z])?[\n ]?(\d[\d,.]{0,14})([A-Z][A-Z0-9 ]{3})?/;

/** The movement of a :61: field, or why it cannot be read. */
function readMovement(field: Field): Movement | string {
  const value = field.lines.join("\n");
  const m = MOVEMENT.exec(value);
  if (m === null) return `unreadable :61: field "${value.slice(0, 40)}"`;
  const [, yy, mm, dd, , mark, , amountText] = m;
  if (yy === undefined || mm === undefined || dd === undefined || mark === undefined || amountText === undefined) {
    return `unreadable :61: field "${value.slice(0, 40)}"`;
  }
  // "500" (Knab leaves the decimal comma out) is read as 500; "1,2,3" is not an amount.
  if (!/^\d+(,\d*)?$/.test(amountText)) return `amount "${amountText}" is not a SWIFT amount`;
  const date = valueDate(2000 + Number(yy), Number(mm), Number(dd));
  if (date === null) return `impossible value date ${yy}${mm}${dd}`;
  const magnitude = Number(amountText.replace(",", "."));
  const amount = mark === "C" || mark === "RD" ? magnitude : -magnitude;
  const supplementary = value.split("\n")[1]?.trim();
  const supplementaryAccount = supplementary !== undefined && /^([A-Z]{2}\d{2}[A-Z0-9]{10,30}|\d{7,})$/.test(supplementary)
    ? supplementary : undefined;
  const [customerReference, bankReference] = value.slice(m[0].length).split("\n")[0]?.split("//") ?? [];
  return { date, amount: amount === 0 ? 0 : amount, supplementaryAccount, bankReference: bankReference?.trim() || customerReference?.trim() || undefined };
}

/** An ISO date; a day past the month's end (Feb 30) becomes the last day of that month. */
function valueDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1, Math.min(day, last))).toISOString().slice(0, 10);
}

interface Details {
  label: string;
  name: string | undefined;
  account: string | undefined;
  reference: string | undefined;
}

function emptyDetails(): Details {
  return { label: "", name: undefined, account: undefined, reference: undefined };
}

function readDetails(lines: string[]): Details {
  const joinedTight = lines.join("").trimStart();
  if (/^\d{3}\?/.test(joinedTight) || /^\?\d{2}/.test(joinedTight)) return readSubfields(joinedTight);
  const joined = joinWrapped(lines);
  if (new RegExp(`^${SLASH_KEYS.source}`).test(joined)) return readSlashFields(joinWrappedTight(lines));
  return { label: joined, name: undefined, account: undefined, reference: undefined };
}

/** Free-text lines: a full line was wrapped mid-word (joined as is), a shorter one ended a phrase (a space). */
function joinWrapped(lines: string[]): string {
  return lines.reduce((text, line, i) => (i === 0 ? line : text + ((lines[i - 1]?.length ?? 0) >= SWIFT_LINE_LENGTH ? "" : " ") + line), "");
}

function joinWrappedTight(lines: string[]): string {
  return lines.join("");
}

// MTLG: (a bank message) ends the field before it like a SEPA key does.
const SEPA_KEYS = /(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|COAM|OAMT|IBAN|BIC|PURP)\+|(MTLG):/g;

/** German "?NN" subfields: ?00 posting text, ?20–?29 and ?60–?63 purpose, ?31/?38 account, ?32–?33 name. */
function readSubfields(text: string): Details {
  const parts = new Map<number, string>();
  for (const m of text.matchAll(/\?(\d{2})([^?]*)/g)) {
    const key = Number(m[1]);
    parts.set(key, (parts.get(key) ?? "") + (m[2] ?? ""));
  }
  const join = (keys: number[]): string => keys.map((k) => parts.get(k) ?? "").join("");
  // SEPA keywords (EREF+…) live in ?20–?29; ?60–?63 continue the text only (as wolph/mt940 reads them).
  const purpose = join([20, 21, 22, 23, 24, 25, 26, 27, 28, 29]);
  const additional = join([60, 61, 62, 63]);
  const shown = [purpose, additional].filter((t) => t.trim() !== "").join(" ");
  const sepa = new Map<string, string>();
  const keys = [...purpose.matchAll(SEPA_KEYS)];
  keys.forEach((k, i) => {
    const start = (k.index ?? 0) + k[0].length;
    const end = keys[i + 1]?.index ?? purpose.length;
    if (k[1] !== undefined && !sepa.has(k[1])) sepa.set(k[1], purpose.slice(start, end));
  });
  const eref = sepa.get("EREF")?.trim();
  return {
    label: shown === "" ? (parts.get(0) ?? "") : shown,
    name: join([32, 33]) || undefined,
    // ?38 is the counterparty's IBAN where banks give both (Polish banks); ?31 the account number otherwise.
    account: parts.get(38) || parts.get(31) || undefined,
    reference: eref !== undefined && eref !== "" && !/^NOTPROVIDED$/i.test(eref) ? eref : undefined,
  };
}

const SLASH_KEYS = /\/(TRTP|EREF|IBAN|BIC|NAME|REMI|ISDT|CSID|MARF|BENM|ORDP|ADDR|CNTP|RTRN|PREF|SVCL|ULTD|ULTC|ULTB|PURP|CITY|ID)\//g;

/** Dutch "/KEY/value" fields (Rabobank, ING SEPA): REMI is the remittance text, NAME the counterparty. */
function readSlashFields(text: string): Details {
  const values = new Map<string, string>();
  const raw = new Map<string, string>();
  const keys = [...text.matchAll(SLASH_KEYS)];
  keys.forEach((k, i) => {
    const start = (k.index ?? 0) + k[0].length;
    const end = keys[i + 1]?.index ?? text.length;
    const value = text.slice(start, end);
    if (k[1] !== undefined && !values.has(k[1])) {
      values.set(k[1], value.replace(/^\/+|\/+$/g, ""));
      raw.set(k[1], value);
    }
  });
  // ING: /CNTP/account/BIC/name/city/, any part possibly empty.
  const [cntpAccount, , cntpName] = (raw.get("CNTP") ?? "").split("/").map((part) => part.trim());
  const eref = values.get("EREF");
  const remittance = values.get("REMI")?.replace(/^(USTD|STRD)\/\/?(CUR\/)?/, "");
  return {
    label: remittance !== undefined && remittance !== "" ? remittance : text,
    name: values.get("NAME") || cntpName || undefined,
    account: values.get("IBAN") || cntpAccount || undefined,
    reference: eref !== undefined && eref !== "" && !/^NOTPROVIDED$/i.test(eref) ? eref : undefined,
  };
}
