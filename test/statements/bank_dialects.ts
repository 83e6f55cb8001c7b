// An independent, seeded generator of bank-file dialects: CAMT.052/053/054, MT940/MT942 and OFX/QFX written the
// ways real banks write them, each with the ground truth it encodes. Written apart from the readers
// (web_src/statements/) and without their helpers, so that its assumptions are its own: it knows what a line IS
// (amount in cents, dates, balances, references, counterparty) and renders it in a dialect picked by the seed.
// `dialect` names every choice made, so a failing file can be rebuilt from its seed and read by a person.

/** What a file says, independently of how it says it. Amounts in cents, signed (positive = money in). */
export interface TruthLine {
  date: string;
  cents: number;
  /** Text that must survive into the reader's label (the reader may add more around it). */
  text: string;
  counterpartyName?: string;
  counterpartyAccount?: string;
  reference?: string;
  endToEndId?: string;
}

export interface TruthStatement {
  account: string;
  currency: string;
  openingCents?: number;
  closingCents?: number;
  lines: TruthLine[];
}

export interface GeneratedFile {
  kind: "camt" | "mt940" | "ofx";
  dialect: string[];
  bytes: Uint8Array;
  statements: TruthStatement[];
  /** A file broken on purpose: the one record the reader must refuse (statement index from 0, where, reason). */
  refused?: { statement: number; where: string; reason: RegExp };
}

// --- seeded randomness (xorshift32, not the benches' PRNG) ---------------------------------------------------------
export class Dice {
  private state: number;
  constructor(seed: number) {
    // murmur3's finaliser: neighbouring seeds start far apart (xorshift alone keeps them correlated for a while).
    let h = (seed ^ 0x9e3779b9) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
    this.state = (h ^ (h >>> 16)) >>> 0 || 1;
  }
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 0x100000000;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }
}

// --- values ------------------------------------------------------------------------------------------------------
const NAMES = ["Müller & Söhne GmbH", "ACME Corp", "Stadtwerke Köln", "Boulangerie Lefèvre", "J. van den Berg",
  "Zürcher Kantonalbank", "O'Brien Ltd", "Łukasz Wiśniewski", "Café Olé SARL", "North Wind Traders Inc"];
const WORDS = ["Rechnung", "Invoice", "Miete", "Gehalt", "Abo", "Bestellung", "order", "Lastschrift", "Gutschrift",
  "Versicherung", "Strom", "Juni", "Q3", "Erstattung", "facture", "huur", "Kundennr", "Vertrag", "Beitrag", "payment"];

function mod97(digits: string): number {
  let r = 0;
  for (const c of digits) r = (r * 10 + Number(c)) % 97;
  return r;
}

function lettersToDigits(text: string): string {
  return [...text].map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c)).join("");
}

export function iban(dice: Dice, country = "DE"): string {
  let bban = "";
  for (let i = 0; i < 18; i++) bban += String(dice.int(0, 9));
  const check = 98 - mod97(lettersToDigits(`${bban}${country}00`));
  return `${country}${String(check).padStart(2, "0")}${bban}`;
}

/** ISO 11649 creditor reference RFnn + body, with valid check digits. */
function rfReference(dice: Dice): string {
  let body = "";
  const length = dice.int(6, 15);
  for (let i = 0; i < length; i++) body += dice.chance(0.7) ? String(dice.int(0, 9)) : String.fromCharCode(65 + dice.int(0, 25));
  const check = 98 - mod97(lettersToDigits(`${body}RF00`));
  return `RF${String(check).padStart(2, "0")}${body}`;
}

/** A national reference: Swiss QR (27 digits) or Finnish (digits, 7-3-1 check), or a Belgian +++ one. */
function nationalReference(dice: Dice): string {
  const kind = dice.int(0, 2);
  if (kind === 0) {
    let digits = "";
    for (let i = 0; i < 27; i++) digits += String(dice.int(0, 9));
    return digits;
  }
  if (kind === 1) {
    let base = "";
    for (let i = 0; i < dice.int(4, 12); i++) base += String(dice.int(1, 9));
    const weights = [7, 3, 1];
    const sum = [...base].reverse().reduce((s, c, i) => s + Number(c) * (weights[i % 3] ?? 1), 0);
    return `${base}${(10 - (sum % 10)) % 10}`;
  }
  const n = dice.int(1_000_000_000, 9_999_999_999);
  const check = n % 97 === 0 ? 97 : n % 97;
  const s = `${n}${String(check).padStart(2, "0")}`;
  return `+++${s.slice(0, 3)}/${s.slice(3, 7)}/${s.slice(7)}+++`;
}

function words(dice: Dice, min: number, max: number): string {
  const out: string[] = [];
  const n = dice.int(min, max);
  for (let i = 0; i < n; i++) out.push(dice.chance(0.3) ? String(dice.int(100, 999_999)) : dice.pick(WORDS));
  return out.join(" ");
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function cents(dice: Dice): number {
  const size = dice.pick([1, 2, 3, 4, 5, 7]);
  const magnitude = dice.chance(0.1) ? dice.int(1, 10 ** Math.max(1, size - 2)) * 100 : dice.int(1, 10 ** size - 1);
  return dice.chance(0.45) ? magnitude : -magnitude;
}

/** Plain ASCII text for formats whose charset the generator does not control. */
function ascii(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ß/g, "ss").replace(/[Łł]/g, "L").replace(/[^\x20-\x7e]/g, "");
}

interface LineOptions {
  textAlphabet: "unicode" | "ascii" | "swift";
  withReference: boolean;
}

function truthLines(dice: Dice, count: number, start: string, options: LineOptions): TruthLine[] {
  const lines: TruthLine[] = [];
  let date = start;
  const clean = (t: string): string => (options.textAlphabet === "unicode" ? t
    : options.textAlphabet === "ascii" ? ascii(t) : ascii(t).replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, " ").replace(/ {2,}/g, " ").trim());
  for (let i = 0; i < count; i++) {
    if (dice.chance(0.4)) date = addDays(date, dice.int(1, 3));
    const line: TruthLine = { date, cents: cents(dice), text: clean(words(dice, 1, 6)) };
    if (line.text === "") line.text = "Zahlung";
    if (dice.chance(0.8)) line.counterpartyName = clean(dice.pick(NAMES));
    if (dice.chance(0.7)) line.counterpartyAccount = iban(dice, dice.pick(["DE", "NL", "FR", "CH", "BE"]));
    if (options.withReference && dice.chance(0.5)) line.reference = dice.chance(0.6) ? rfReference(dice) : nationalReference(dice);
    if (dice.chance(0.5)) line.endToEndId = `E2E-${dice.int(100000, 999999)}-${i}`;
    lines.push(line);
  }
  return lines;
}

function sum(lines: TruthLine[]): number {
  return lines.reduce((s, l) => s + l.cents, 0);
}

function amountText(absCents: number, decimal: "." | ","): string {
  return `${Math.floor(absCents / 100)}${decimal}${String(absCents % 100).padStart(2, "0")}`;
}

// --- encodings -------------------------------------------------------------------------------------------------
function utf8(text: string, bom: boolean): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[2 + i * 2] = code & 0xff;
    out[3 + i * 2] = code >> 8;
  }
  return out;
}

const CP1252_EXTRA: Record<string, number> = { "€": 0x80, "‚": 0x82, "„": 0x84, "…": 0x85, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96, "—": 0x97 };

/** Windows-1252 (Latin-1 plus € and quotes); characters outside it become "?". */
function cp1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => {
    const code = c.charCodeAt(0);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
    return CP1252_EXTRA[c] ?? 0x3f;
  }));
}

// --- CAMT ------------------------------------------------------------------------------------------------------
const CAMT_KINDS = [
  { message: "BkToCstmrStmt", part: "Stmt", schema: "camt.053" },
  { message: "BkToCstmrAcctRpt", part: "Rpt", schema: "camt.052" },
  { message: "BkToCstmrDbtCdtNtfctn", part: "Ntfctn", schema: "camt.054" },
] as const;

function xmlEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Split text at word boundaries into pieces of at most `width` characters (for several <Ustrd>). */
function splitWords(text: string, width: number): string[] {
  const out: string[] = [];
  let current = "";
  for (const word of text.split(" ")) {
    if (current !== "" && current.length + 1 + word.length > width) {
      out.push(current);
      current = word;
    } else current = current === "" ? word : `${current} ${word}`;
  }
  if (current !== "") out.push(current);
  return out;
}

export function camtFile(seed: number, corrupt = false): GeneratedFile {
  const dice = new Dice(seed);
  let refused: GeneratedFile["refused"];
  const kind = dice.pick(CAMT_KINDS);
  const version = dice.pick(["02", "04", "06", "08", "10"]);
  const prefix = dice.chance(0.3) ? "ns2:" : "";
  const pretty = dice.chance(0.6);
  const eol = dice.chance(0.5) ? "\r\n" : "\n";
  const encoding = dice.pick(["utf8", "utf8", "utf8-bom", "utf16le"] as const);
  const dateForm = dice.pick(["Dt", "DtTm", "mixed"] as const);
  const bookingDate = dice.chance(0.8);
  const openingCode = kind.schema === "camt.052" ? dice.pick(["OPBD", "ITBD", "PRCD"]) : dice.pick(["OPBD", "PRCD"]);
  const closingCode = kind.schema === "camt.052" ? dice.pick(["CLBD", "ITBD"]) : "CLBD";
  const withBalances = kind.schema !== "camt.054";
  const nested = Number(version) >= 8;
  const statusAsCode = Number(version) >= 8;
  const statementCount = dice.int(1, 3);
  const dialect = [kind.schema, `v${version}`, prefix === "" ? "no-prefix" : "ns2-prefix", pretty ? "pretty" : "compact",
    eol === "\r\n" ? "crlf" : "lf", encoding, `dates-${dateForm}`, bookingDate ? "BookgDt" : "ValDt-only",
    `open-${openingCode}`, `close-${closingCode}`, `${statementCount}-stmt`];
  const currency = dice.pick(["EUR", "EUR", "CHF", "USD"]);
  const features = new Set<string>();

  const t = (name: string): string => `${prefix}${name}`;
  const el = (name: string, body: string, attrs = ""): string => `<${t(name)}${attrs}>${body}</${t(name)}>`;
  const day = (iso: string, hour: number): string => {
    const dtTm = dateForm === "DtTm" || (dateForm === "mixed" && dice.chance(0.5));
    return dtTm ? el("DtTm", `${iso}T${String(hour).padStart(2, "0")}:${String(dice.int(0, 59)).padStart(2, "0")}:00${dice.pick(["", "Z", "+01:00", "+02:00", ".000+01:00"])}`) : el("Dt", iso);
  };
  const amt = (c: number, ccy = currency): string => el("Amt", amountText(Math.abs(c), "."), ` Ccy="${ccy}"`);
  const side = (c: number): string => el("CdtDbtInd", c >= 0 ? "CRDT" : "DBIT");
  const party = (name: string): string => (nested ? el("Pty", el("Nm", xmlEscape(name))) : el("Nm", xmlEscape(name)));
  const status = (code: string): string => el("Sts", statusAsCode ? el("Cd", code) : code);
  const balance = (code: string, c: number, iso: string): string =>
    el("Bal", el("Tp", el("CdOrPrtry", el("Cd", code))) + amt(c) + side(c) + el("Dt", el("Dt", iso)));

  const txDetails = (line: TruthLine, amountForm: "Amt" | "TxAmt" | "none" | "fx", entrySideGiven: boolean, n: number): string => {
    let body = "";
    const refs = [
      el("AcctSvcrRef", `SVC-${seed}-${n}`),
      el("EndToEndId", line.endToEndId ?? "NOTPROVIDED"),
    ].join("");
    body += el("Refs", refs);
    if (amountForm === "Amt") body += amt(line.cents);
    if (amountForm === "TxAmt") body += el("AmtDtls", el("TxAmt", amt(line.cents)));
    if (amountForm === "fx") {
      const rate = dice.pick([1.0821, 0.9312, 1.4567]);
      const foreign = Math.round(Math.abs(line.cents) * rate);
      // Banks disagree on TxAmt's currency here (the instructed one or the account's); the counter value is the account's.
      const txAmt = dice.chance(0.5) ? amt(foreign, "GBP") : amt(line.cents);
      body += el("AmtDtls", el("InstdAmt", amt(foreign, "GBP")) + el("TxAmt", txAmt) + el("CntrValAmt", amt(line.cents)));
    }
    if (entrySideGiven) body += side(line.cents);
    const mine = line.cents >= 0 ? "Dbtr" : "Cdtr";
    let parties = "";
    if (line.counterpartyName !== undefined) parties += el(mine, party(line.counterpartyName));
    if (line.counterpartyAccount !== undefined) parties += el(`${mine}Acct`, el("Id", el("IBAN", line.counterpartyAccount)));
    if (parties !== "") body += el("RltdPties", parties);
    let remittance = "";
    const pieces = line.text.length > 30 && dice.chance(0.5) ? splitWords(line.text, dice.int(12, 30)) : [line.text];
    if (pieces.length > 1) features.add("ustrd-split");
    remittance += pieces.map((p) => el("Ustrd", xmlEscape(p))).join("");
    if (line.reference !== undefined) {
      features.add(line.reference.startsWith("RF") ? "strd-rf" : "strd-national");
      const type = line.reference.startsWith("RF") ? el("Tp", el("CdOrPrtry", el("Cd", "SCOR"))) : "";
      remittance += el("Strd", el("CdtrRefInf", type + el("Ref", xmlEscape(line.reference))));
    }
    body += el("RmtInf", remittance);
    return el("TxDtls", body);
  };

  const statements: TruthStatement[] = [];
  const parts: string[] = [];
  let start = `20${dice.int(20, 26)}-${String(dice.int(1, 12)).padStart(2, "0")}-${String(dice.int(1, 20)).padStart(2, "0")}`;
  for (let s = 0; s < statementCount; s++) {
    const account = iban(dice);
    const lines = truthLines(dice, dice.int(0, 12), start, { textAlphabet: "unicode", withReference: true });
    const opening = dice.int(-500_000, 5_000_000);
    const closing = opening + sum(lines);
    const truth: TruthStatement = { account, currency, lines: [] };
    if (withBalances) {
      truth.openingCents = opening;
      truth.closingCents = closing;
    }
    let entries = "";
    let n = 0;
    let pendingSoFar = 0;
    let i = 0;
    while (i < lines.length) {
      const line = lines[i];
      if (line === undefined) break;
      // A batch: the next lines of the same sign and date booked as one entry with one TxDtls each.
      let batch = [line];
      if (dice.chance(0.25)) {
        while (batch.length < 4) {
          const next = lines[i + batch.length];
          if (next === undefined || next.date !== line.date || Math.sign(next.cents) !== Math.sign(line.cents)) break;
          batch.push(next);
        }
      }
      if (batch.length === 1) batch = [line];
      i += batch.length;
      n += 1;
      const total = sum(batch);
      const dates = (bookingDate ? el("BookgDt", day(line.date, 9)) : "") + el("ValDt", day(line.date, 10));
      let details = "";
      if (batch.length > 1) {
        features.add("batch");
        const form = dice.pick(["Amt", "TxAmt"] as const);
        const txSide = dice.chance(0.5);
        if (txSide) features.add("tx-CdtDbtInd");
        const txs = batch.map((b, k) => txDetails(b, form, txSide, n * 10 + k));
        if (dice.chance(0.3)) {
          // Several NtryDtls (ISO allows 0..n), the transactions spread over them.
          features.add("several-NtryDtls");
          details = txs.map((tx) => el("NtryDtls", tx)).join("");
        } else details = el("NtryDtls", el("Btch", el("NbOfTxs", String(batch.length))) + txs.join(""));
        if (corrupt && refused === undefined) {
          // The batch's entry states one cent more than its transactions: the reader must refuse the entry.
          refused = { statement: s, where: `statement ${s + 1}, entry ${n + pendingSoFar}`, reason: /TxDtls add up to/ };
          features.add("CORRUPT-batch-sum");
          entries += el("Ntry", amt(total + (total >= 0 ? 1 : -1)) + side(total) + status("BOOK") + dates + details);
          continue;
        }
        truth.lines.push(...batch.map((b) => ({ ...b })));
      } else if (dice.chance(0.2)) {
        // No TxDtls: only the entry's own text, no counterparty, no reference.
        features.add("no-TxDtls");
        const text = line.text;
        details = "";
        truth.lines.push({ date: line.date, cents: line.cents, text });
        entries += el("Ntry", el("NtryRef", `N${n}`) + amt(line.cents) + side(line.cents) + status("BOOK") + dates +
          el("AcctSvcrRef", `SVC-${seed}-${n}`) + el("BkTxCd", "") + el("AddtlNtryInf", xmlEscape(text)));
        continue;
      } else {
        const form = dice.pick(["Amt", "TxAmt", "none", "fx"] as const);
        features.add(`single-${form}`);
        details = el("NtryDtls", txDetails(line, form, dice.chance(0.5), n * 10));
        truth.lines.push({ ...line });
      }
      // A reversal entry (RvslInd): CdtDbtInd states the direction of the reversing booking itself.
      const reversal = batch.length === 1 && dice.chance(0.1) ? el("RvslInd", "true") : "";
      if (reversal !== "") features.add("RvslInd");
      entries += el("Ntry", amt(total) + side(total) + reversal + status("BOOK") + dates + el("AcctSvcrRef", `SVC-${seed}-${n}`) +
        details + (dice.chance(0.3) ? el("AddtlNtryInf", "SEPA") : ""));
      // A pending entry beside the booked ones (intraday reports): not a booked line, not in the balances.
      if (kind.schema === "camt.052" && dice.chance(0.15)) {
        features.add("pending");
        pendingSoFar += 1;
        entries += el("Ntry", amt(dice.int(100, 99_999)) + side(1) + status("PDNG") + el("ValDt", day(line.date, 11)) +
          el("AddtlNtryInf", "vorgemerkt"));
      }
    }
    const last = lines[lines.length - 1]?.date ?? start;
    let balances = "";
    if (withBalances) {
      balances += balance(openingCode, opening, addDays(start, -1));
      balances += balance(closingCode, closing, last);
      if (dice.chance(0.4)) {
        features.add("CLAV");
        balances += balance("CLAV", closing + dice.int(-1000, 1000), last);
      }
    }
    const acct = el("Acct", el("Id", el("IBAN", account)) + (dice.chance(0.8) ? el("Ccy", currency) : ""));
    parts.push(el(kind.part, el("Id", `STMT-${seed}-${s}`) + el("CreDtTm", `${last}T20:00:00`) + acct + balances + entries));
    statements.push(truth);
    start = addDays(last, 1);
  }
  dialect.push(...[...features].sort());
  const ns = `urn:iso:std:iso:20022:tech:xsd:${kind.schema}.001.${version}`;
  const xmlns = prefix === "" ? ` xmlns="${ns}"` : ` xmlns:ns2="${ns}"`;
  let xml = `<?xml version="1.0" encoding="${encoding === "utf16le" ? "UTF-16" : "UTF-8"}"?>` +
    `<${t("Document")}${xmlns} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    el(kind.message, el("GrpHdr", el("MsgId", `MSG${seed}`) + el("CreDtTm", "2026-01-01T00:00:00")) + parts.join("")) +
    `</${t("Document")}>`;
  if (pretty) xml = xml.replace(/></g, `>${eol}<`);
  const bytes = encoding === "utf16le" ? utf16le(xml) : utf8(xml, encoding === "utf8-bom");
  const file: GeneratedFile = { kind: "camt", dialect, bytes, statements };
  if (refused !== undefined) file.refused = refused;
  return file;
}

// --- MT940 -----------------------------------------------------------------------------------------------------
/** Cut text into SWIFT lines of at most 65 characters (mid-word, as banks do). */
function swiftLines(text: string, width = 65): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
  return out.length === 0 ? [""] : out;
}

function yymmdd(iso: string): string {
  return iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
}

export function mt940File(seed: number): GeneratedFile {
  const dice = new Dice(seed);
  const details = dice.pick(["german", "dutch", "ing", "free"] as const);
  const header = dice.pick(["none", "swift-blocks", "dash", "940-line"] as const);
  const mt942 = dice.chance(0.15);
  const eol = dice.chance(0.7) ? "\r\n" : "\n";
  const latin1 = details === "german" && dice.chance(0.5);
  const statementCount = dice.int(1, 3);
  const dialect = [mt942 ? "mt942" : "mt940", `details-${details}`, `header-${header}`, eol === "\r\n" ? "crlf" : "lf", latin1 ? "latin1" : "ascii", `${statementCount}-stmt`];
  const features = new Set<string>();
  const currency = dice.pick(["EUR", "EUR", "CHF"]);
  const statements: TruthStatement[] = [];
  const messages: string[] = [];
  let start = `20${dice.int(20, 26)}-${String(dice.int(1, 12)).padStart(2, "0")}-${String(dice.int(1, 20)).padStart(2, "0")}`;
  for (let s = 0; s < statementCount; s++) {
    const account = dice.chance(0.7) ? iban(dice) : `${dice.int(10000000, 99999999)}/${dice.int(100000000, 999999999)}`;
    const lines = truthLines(dice, dice.int(0, 10), start, { textAlphabet: latin1 ? "unicode" : "swift", withReference: false });
    for (const line of lines) {
      if (latin1) {
        line.text = line.text.replace(/[^\x20-\xff]/g, "").replace(/\?/g, "");
        if (line.counterpartyName !== undefined) line.counterpartyName = line.counterpartyName.replace(/[^\x20-\xff]/g, "").replace(/\?/g, "");
      }
      if (details === "free") {
        delete line.counterpartyName;
        delete line.counterpartyAccount;
        delete line.endToEndId;
      }
      if (details === "dutch" || details === "ing") line.text = line.text.replace(/\//g, " ").replace(/ {2,}/g, " ").trim() || "Zahlung";
      if (line.counterpartyName !== undefined && (details === "dutch" || details === "ing")) line.counterpartyName = line.counterpartyName.replace(/\//g, " ");
    }
    const opening = dice.int(-500_000, 5_000_000);
    const closing = opening + sum(lines);
    const intermediate = dice.chance(0.2);
    const out: string[] = [];
    const reference = `STMT${seed}${s}`;
    out.push(`:20:${reference}`);
    out.push(`:25:${account}${dice.chance(0.2) && account.includes("/") ? currency : ""}`);
    out.push(`:28C:${dice.int(1, 300)}/${intermediate ? 2 : 1}`);
    const mark = (c: number): string => (c < 0 ? "D" : "C");
    const balanceTag = intermediate ? "60M" : "60F";
    // An MT942 interim report states a floor limit and a date-time instead of an opening balance.
    if (mt942) out.push(`:34F:${currency}0,`, `:13D:${yymmdd(start)}1200+0100`);
    else out.push(`:${balanceTag}:${mark(opening)}${yymmdd(addDays(start, -1))}${currency}${amountText(Math.abs(opening), ",")}`);
    if (intermediate) features.add("60M-62M");
    const truth: TruthStatement = mt942 ? { account: account.replace(/\s/g, ""), currency, lines: [] }
      : { account: account.replace(/\s/g, ""), currency, openingCents: opening, closingCents: closing, lines: [] };
    lines.forEach((line, n) => {
      const entryDate = dice.chance(0.6);
      if (!entryDate) features.add("no-entry-date");
      const reversal = dice.chance(0.1);
      // RC: reversal of a credit, money out; RD: reversal of a debit, money in.
      const dc = reversal ? (line.cents < 0 ? "RC" : "RD") : mark(line.cents);
      if (reversal) features.add("reversal");
      const funds = dice.chance(0.15) ? dice.pick(["R", "E"]) : "";
      if (funds !== "") features.add("funds-code");
      const type = dice.pick(["NTRF", "NMSC", "NCHK", "FTRF", "S054", "NDDT"]);
      const customer = dice.chance(0.5) ? "NONREF" : `KREF${seed}${n}`;
      const bank = dice.chance(0.5) ? `//${dice.int(1000000, 9999999)}` : "";
      // Whole amounts as "500," (or "500" from some banks); a booking day after the value day, across the year end too.
      const whole = Math.abs(line.cents) % 100 === 0 && dice.chance(0.5);
      const amount = whole ? `${Math.abs(line.cents) / 100}${dice.pick([",", ""])}` : amountText(Math.abs(line.cents), ",");
      const booked = addDays(line.date, dice.pick([0, 0, 1, 3]));
      let field = `:61:${yymmdd(line.date)}${entryDate ? booked.slice(5, 7) + booked.slice(8, 10) : ""}${dc}${funds}${amount}${type}${customer}${bank}`;
      if (dice.chance(0.3)) field += `${eol}${dice.pick(["SEPA-UEBERWEISUNG", "Kartenzahlung", "/OCMT/EUR12,00/"])}`;
      out.push(field);
      const truthLine: TruthLine = { ...line };
      let info: string;
      if (details === "german") {
        const sub: string[] = [`${dice.pick(["166", "177", "105", "152"])}?00${dice.pick(["GUTSCHRIFT", "SEPA-UEBERWEISUNG", "LASTSCHRIFT"])}`, `?10${dice.int(100, 9999)}`];
        let purpose = "";
        if (line.endToEndId !== undefined) purpose += `EREF+${line.endToEndId}`;
        purpose += `SVWZ+${line.text}`;
        swiftLines(purpose, 27).slice(0, 10).forEach((p, k) => sub.push(`?${20 + k}${p}`));
        const kept = swiftLines(purpose, 27).slice(0, 10).join("");
        if (kept !== purpose) truthLine.text = kept.slice(kept.indexOf("SVWZ+") + 5);
        if (line.counterpartyAccount !== undefined) sub.push(`?30${dice.pick(["COBADEFFXXX", "50010517"])}?31${line.counterpartyAccount}`);
        if (line.counterpartyName !== undefined) {
          sub.push(`?32${line.counterpartyName.slice(0, 27)}`);
          if (line.counterpartyName.length > 27) sub.push(`?33${line.counterpartyName.slice(27, 54)}`);
          truthLine.counterpartyName = line.counterpartyName.slice(0, 54).trim();
        }
        if (truthLine.counterpartyName === "") delete truthLine.counterpartyName;
        info = sub.join("");
        if (line.endToEndId !== undefined) truthLine.reference = line.endToEndId;
      } else if (details === "dutch") {
        const fields: string[] = [];
        if (dice.chance(0.5)) fields.push("/TRTP/SEPA OVERBOEKING");
        if (line.counterpartyAccount !== undefined) fields.push(`/IBAN/${line.counterpartyAccount}/BIC/RABONL2U`);
        if (line.counterpartyName !== undefined) fields.push(`/NAME/${line.counterpartyName}`);
        fields.push(`/REMI/${line.text}`);
        if (line.endToEndId !== undefined) fields.push(`/EREF/${line.endToEndId}`);
        info = fields.join("");
        if (line.endToEndId !== undefined) truthLine.reference = line.endToEndId;
      } else if (details === "ing") {
        features.add("ing-CNTP");
        const fields: string[] = [];
        if (line.endToEndId !== undefined) fields.push(`/EREF/${line.endToEndId}/`);
        const cntp = `/CNTP/${line.counterpartyAccount ?? ""}/${line.counterpartyAccount === undefined ? "" : "INGBNL2A"}/${line.counterpartyName ?? ""}/${line.counterpartyName === undefined ? "" : "AMSTERDAM"}/`;
        fields.push(cntp);
        fields.push(`/REMI/USTD//${line.text}/`);
        info = fields.join("");
        if (line.endToEndId !== undefined) truthLine.reference = line.endToEndId;
      } else {
        // Free text, up to 6 lines of 65 characters, wrapped at word ends where the bank does so.
        const text = line.text.length < 20 ? `${line.text} ${words(dice, 6, 20)}`.slice(0, 390) : line.text;
        truthLine.text = text.replace(/\s+$/, "");
        info = text;
        features.add("free-text");
      }
      const infoLines = swiftLines(info).slice(0, 6);
      if (infoLines.length > 1) features.add("86-wrapped");
      out.push(`:86:${infoLines.join(eol)}`);
      truth.lines.push(truthLine);
    });
    if (mt942) {
      const debits = lines.filter((l) => l.cents < 0);
      const credits = lines.filter((l) => l.cents >= 0);
      out.push(`:90D:${debits.length}${currency}${amountText(-sum(debits), ",")}`, `:90C:${credits.length}${currency}${amountText(sum(credits), ",")}`);
    } else out.push(`:${intermediate ? "62M" : "62F"}:${mark(closing)}${yymmdd(lines[lines.length - 1]?.date ?? start)}${currency}${amountText(Math.abs(closing), ",")}`);
    if (dice.chance(0.3)) {
      features.add("64");
      out.push(`:64:${mark(closing)}${yymmdd(lines[lines.length - 1]?.date ?? start)}${currency}${amountText(Math.abs(closing), ",")}`);
    }
    if (dice.chance(0.2)) {
      features.add("statement-86");
      out.push(`:86:Saldo ${dice.pick(["Anzahl Buchungen", "Kontoauszug", "Summary"])} ${lines.length}`);
    }
    let message = out.join(eol);
    if (header === "swift-blocks") message = `{1:F01BANKDEFFAXXX0000000000}{2:O9401200${yymmdd(start)}BANKDEFFAXXX00000000000000000000N}{4:${eol}${message}${eol}-}`;
    if (header === "dash") message = `${message}${eol}-`;
    if (header === "940-line") message = `${mt942 ? "942" : "940"}${eol}${message}${eol}-`;
    messages.push(message);
    statements.push(truth);
    start = addDays(lines[lines.length - 1]?.date ?? start, 1);
  }
  dialect.push(...[...features].sort());
  const text = messages.join(eol) + (dice.chance(0.5) ? eol : "");
  const bytes = latin1 ? Uint8Array.from([...text].map((c) => c.charCodeAt(0))) : utf8(text, false);
  return { kind: "mt940", dialect, bytes, statements };
}

// --- OFX -------------------------------------------------------------------------------------------------------
export function ofxFile(seed: number): GeneratedFile {
  const dice = new Dice(seed);
  const flavour = dice.pick(["sgml", "sgml", "xml", "qfx"] as const);
  const closeLeaves = flavour === "xml" || dice.chance(0.2);
  const charset1252 = flavour !== "xml" && dice.chance(0.5);
  const eol = dice.chance(0.5) ? "\r\n" : "\n";
  const statementCount = dice.int(1, 2);
  const dialect = ["ofx", flavour, closeLeaves ? "closed-leaves" : "open-leaves", charset1252 ? "cp1252" : "utf8", eol === "\r\n" ? "crlf" : "lf", `${statementCount}-stmt`];
  const features = new Set<string>();
  const leaf = (name: string, value: string): string => `<${name}>${value}${closeLeaves ? `</${name}>` : ""}`;
  const esc = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const statements: TruthStatement[] = [];
  const blocks: string[] = [];
  let start = `20${dice.int(20, 26)}-${String(dice.int(1, 12)).padStart(2, "0")}-${String(dice.int(1, 20)).padStart(2, "0")}`;
  for (let s = 0; s < statementCount; s++) {
    const card = dice.chance(0.3);
    const currency = dice.pick(["USD", "USD", "EUR", "CAD"]);
    const account = card ? String(dice.int(4000_0000, 4999_9999)) + String(dice.int(1000_0000, 9999_9999)) : String(dice.int(100000, 99999999));
    const lines = truthLines(dice, dice.int(0, 10), start, { textAlphabet: charset1252 ? "unicode" : "ascii", withReference: false });
    for (const line of lines) {
      if (charset1252) {
        line.text = [...line.text].filter((c) => c.charCodeAt(0) < 0x100 || CP1252_EXTRA[c] !== undefined).join("");
        if (line.counterpartyName !== undefined) line.counterpartyName = [...line.counterpartyName].filter((c) => c.charCodeAt(0) < 0x100).join("");
      }
      delete line.counterpartyAccount;
      delete line.endToEndId;
      if (line.counterpartyName !== undefined) line.counterpartyName = line.counterpartyName.slice(0, 32).trim();
    }
    const closing = dice.int(-500_000, 5_000_000);
    const truth: TruthStatement = { account, currency, closingCents: closing, lines: [] };
    let trns = "";
    lines.forEach((line, n) => {
      const decimal = dice.chance(0.15) ? "," : ".";
      if (decimal === ",") features.add("trnamt-comma");
      const sign = line.cents < 0 ? "-" : dice.chance(0.2) ? "+" : "";
      const date = line.date.replace(/-/g, "");
      const dt = dice.pick([date, `${date}120000`, `${date}120000.000[-5:EST]`, `${date}083000[+1:CET]`, `${date}000000.000`]);
      if (dt.includes("[")) features.add("dtposted-tz");
      let body = leaf("TRNTYPE", line.cents < 0 ? dice.pick(["DEBIT", "POS", "CHECK", "PAYMENT"]) : dice.pick(["CREDIT", "DEP", "DIRECTDEP"]));
      body += leaf("DTPOSTED", dt);
      if (dice.chance(0.3)) body += leaf("DTUSER", dt.slice(0, 8));
      body += leaf("TRNAMT", `${sign}${amountText(Math.abs(line.cents), decimal)}`);
      if (dice.chance(0.85)) body += leaf("FITID", `${date}${seed}${s}${n}`);
      else features.add("no-FITID");
      const truthLine: TruthLine = { date: line.date, cents: line.cents, text: line.text };
      if (line.counterpartyName !== undefined) {
        if (dice.chance(0.2)) {
          features.add("PAYEE");
          body += `<PAYEE>${leaf("NAME", esc(line.counterpartyName))}</PAYEE>`;
        } else body += leaf("NAME", esc(line.counterpartyName));
        truthLine.counterpartyName = line.counterpartyName;
      }
      if (!closeLeaves && dice.chance(0.15)) {
        // An empty leaf some exporters write (no value, no closing tag) before the element that carries the text.
        features.add("empty-leaf");
        body += `<CHECKNUM>${eol}`;
      }
      body += leaf("MEMO", esc(line.text));
      trns += `<STMTTRN>${body}</STMTTRN>${eol}`;
      truth.lines.push(truthLine);
    });
    const last = lines[lines.length - 1]?.date ?? start;
    const ledger = `<LEDGERBAL>${leaf("BALAMT", `${closing < 0 ? "-" : ""}${amountText(Math.abs(closing), ".")}`)}${leaf("DTASOF", `${last.replace(/-/g, "")}235959`)}</LEDGERBAL>`;
    const avail = dice.chance(0.5) ? `<AVAILBAL>${leaf("BALAMT", amountText(Math.abs(closing) + 1000, "."))}${leaf("DTASOF", last.replace(/-/g, ""))}</AVAILBAL>` : "";
    if (avail !== "") features.add("AVAILBAL");
    const from = card ? `<CCACCTFROM>${leaf("ACCTID", account)}</CCACCTFROM>`
      : `<BANKACCTFROM>${leaf("BANKID", "121000248")}${leaf("ACCTID", account)}${leaf("ACCTTYPE", "CHECKING")}</BANKACCTFROM>`;
    const list = `<BANKTRANLIST>${leaf("DTSTART", start.replace(/-/g, ""))}${leaf("DTEND", last.replace(/-/g, ""))}${eol}${trns}</BANKTRANLIST>`;
    const rs = card ? "CCSTMTRS" : "STMTRS";
    const statement = `<${rs}>${leaf("CURDEF", currency)}${from}${list}${ledger}${avail}</${rs}>`;
    const wrapper = card ? ["CREDITCARDMSGSRSV1", "CCSTMTTRNRS"] : ["BANKMSGSRSV1", "STMTTRNRS"];
    if (card) features.add("creditcard");
    blocks.push(`<${wrapper[0]}><${wrapper[1]}>${leaf("TRNUID", "1")}<STATUS>${leaf("CODE", "0")}${leaf("SEVERITY", "INFO")}</STATUS>${statement}</${wrapper[1]}></${wrapper[0]}>`);
    statements.push(truth);
    start = addDays(last, 1);
  }
  dialect.push(...[...features].sort());
  const signon = `<SIGNONMSGSRSV1><SONRS><STATUS>${leaf("CODE", "0")}${leaf("SEVERITY", "INFO")}</STATUS>${leaf("DTSERVER", "20260101120000")}${leaf("LANGUAGE", "ENG")}${flavour === "qfx" ? leaf("INTU.BID", "3000") : ""}</SONRS></SIGNONMSGSRSV1>`;
  const body = `<OFX>${signon}${blocks.join("")}</OFX>`.replace(/></g, `>${eol}<`);
  const head = flavour === "xml"
    ? `<?xml version="1.0" encoding="UTF-8" standalone="no"?>${eol}<?OFX OFXHEADER="200" VERSION="220" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>${eol}`
    : ["OFXHEADER:100", "DATA:OFXSGML", "VERSION:102", "SECURITY:NONE", `ENCODING:${charset1252 ? "USASCII" : "UTF-8"}`, `CHARSET:${charset1252 ? "1252" : "NONE"}`, "COMPRESSION:NONE", "OLDFILEUID:NONE", "NEWFILEUID:NONE", "", ""].join(eol);
  const text = head + body;
  return { kind: "ofx", dialect, bytes: charset1252 ? cp1252(text) : utf8(text, false), statements };
}

/**
 * A file with one record broken the way banks' exports break, and where the reader must say so: a CAMT batch that
 * does not add up, an MT940 amount with a decimal point, an OFX amount with more decimals than its currency has.
 */
export function brokenFile(seed: number): GeneratedFile | null {
  const kind = seed % 3;
  if (kind === 0) {
    const file = camtFile(seed, true);
    return file.refused === undefined ? null : file;
  }
  const file = kind === 1 ? mt940File(seed) : ofxFile(seed);
  if (file.dialect.includes("latin1") || file.dialect.includes("cp1252")) return null;
  const text = new TextDecoder().decode(file.bytes);
  const pattern = kind === 1 ? /^(:61:\d{6}(?:\d{4})?R?[CD][A-Z]?\d+),(\d\d)/m : /(<TRNAMT>[+-]?\d+)[.,](\d\d)/;
  const m = pattern.exec(text);
  if (m === null || m.index === undefined) return null;
  const statement = file.statements.findIndex((_s, i) => text.slice(0, m.index).split(kind === 1 ? ":20:" : /<(?:CC)?STMTRS>/).length - 2 === i);
  const broken = kind === 1 ? `${m[1]}.${m[2]}` : `${m[1]},${m[2]}5`;
  file.bytes = new TextEncoder().encode(text.slice(0, m.index) + broken + text.slice(m.index + m[0].length));
  file.dialect.push(kind === 1 ? "CORRUPT-dot-decimal" : "CORRUPT-three-decimals");
  const where = kind === 1 ? `line ${text.slice(0, m.index).split(/\r?\n/).length}` : `statement ${statement + 1}, transaction 1`;
  file.refused = { statement, where, reason: kind === 1 ? /not a SWIFT amount/ : /3 decimals/ };
  return file;
}

/** The `count` files of the suite from one seed: CAMT, MT940 and OFX in turn. */
export function dialectFiles(seed: number, count: number): GeneratedFile[] {
  const makers = [camtFile, mt940File, ofxFile];
  return Array.from({ length: count }, (_, i) => (makers[i % makers.length] ?? camtFile)(seed * 1000 + i));
}

// --- CSV -------------------------------------------------------------------------------------------------------
export interface GeneratedTable {
  dialect: string[];
  fileName: string;
  bytes: Uint8Array;
  /** What the accountant confirms in the mapping step: role → header, date format (strptime), decimal mark. */
  mapping: Record<string, string>;
  dateFormat: string;
  decimal: "." | ",";
  lines: TruthLine[];
}

function csvQuote(value: string, separator: string): string {
  return /["\r\n]/.test(value) || value.includes(separator) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A bank's CSV export: separators, quoting, debit/credit columns, amount and date forms, preamble, summary rows. */
export function csvFile(seed: number): GeneratedTable {
  const dice = new Dice(seed);
  const separator = dice.pick([";", ",", "\t"] as const);
  const decimal = separator === "," ? "." : dice.pick([",", "."] as const);
  const grouping = dice.pick(["none", "thousands", "space"] as const);
  const negative = dice.pick(["minus", "trailing-minus", "parentheses", "unicode-minus", "debit-credit", "DR-CR"] as const);
  const dates = dice.pick([["%d.%m.%Y", "dmy-dot"], ["%m/%d/%Y", "mdy"], ["%Y-%m-%d", "iso"], ["%d/%m/%Y", "dmy-slash"]] as const);
  const encoding = dice.pick(["utf8", "utf8-bom", "cp1252"] as const);
  const preamble = dice.chance(0.3);
  const summary = dice.chance(0.3);
  const eol = dice.chance(0.5) ? "\r\n" : "\n";
  const multiline = dice.chance(0.2);
  const dialect = ["csv", `sep-${separator === "\t" ? "tab" : separator}`, `decimal-${decimal}`, `group-${grouping}`, `neg-${negative}`,
    `date-${dates[1]}`, encoding, preamble ? "preamble" : "header-first", summary ? "summary-rows" : "no-summary", eol === "\r\n" ? "crlf" : "lf"];
  if (multiline) dialect.push("quoted-newlines");
  const start = `20${dice.int(20, 26)}-${String(dice.int(1, 12)).padStart(2, "0")}-${String(dice.int(1, 20)).padStart(2, "0")}`;
  const lines = truthLines(dice, dice.int(1, 15), start, { textAlphabet: "unicode", withReference: true });
  for (const line of lines) {
    if (encoding === "cp1252") {
      line.text = [...line.text].filter((c) => c.charCodeAt(0) < 0x100).join("");
      if (line.counterpartyName !== undefined) line.counterpartyName = [...line.counterpartyName].filter((c) => c.charCodeAt(0) < 0x100).join("");
    }
    if (multiline && dice.chance(0.5)) line.text = `${line.text}\n${words(dice, 1, 3)}`;
    delete line.endToEndId;
  }
  const number = (absCents: number): string => {
    const whole = String(Math.floor(absCents / 100));
    const thousands = decimal === "," ? "." : ",";
    const grouped = grouping === "none" ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/g, grouping === "space" ? " " : thousands);
    return `${grouped}${decimal}${String(absCents % 100).padStart(2, "0")}`;
  };
  const signed = (c: number): string => {
    const n = number(Math.abs(c));
    if (c >= 0) return negative === "DR-CR" ? `${n} CR` : n;
    switch (negative) {
      case "trailing-minus": return `${n}-`;
      case "parentheses": return `(${n})`;
      case "unicode-minus": return `${encoding === "cp1252" ? "\u2013" : "\u2212"}${n}`;
      case "DR-CR": return `${n} DR`;
      default: return `-${n}`;
    }
  };
  const formatDate = (iso: string): string => {
    const [y, m, d] = iso.split("-");
    if (dates[0] === "%d.%m.%Y") return `${d}.${m}.${y}`;
    if (dates[0] === "%m/%d/%Y") return `${m}/${d}/${y}`;
    if (dates[0] === "%d/%m/%Y") return `${d}/${m}/${y}`;
    return iso;
  };
  const german = separator === ";";
  const headers = german
    ? { date: "Buchungstag", label: "Verwendungszweck", counterparty: "Empfänger/Auftraggeber", account: "IBAN", reference: "Referenz", amount: "Betrag", debit: "Soll", credit: "Haben" }
    : { date: "Booking date", label: "Description", counterparty: "Payee", account: "Account number", reference: "Reference", amount: "Amount", debit: "Debit", credit: "Credit" };
  const split = negative === "debit-credit";
  const columns: Array<keyof typeof headers> = ["date", "label", "counterparty", "account", "reference", ...(split ? ["debit", "credit"] as const : ["amount"] as const)];
  const rows: string[][] = [];
  if (preamble) rows.push([german ? "Kontoauszug" : "Account statement"], [headers.account, iban(dice)], [], [german ? "Zeitraum" : "Period", formatDate(start)]);
  rows.push(columns.map((c) => headers[c]));
  for (const line of lines) {
    rows.push(columns.map((c) => {
      switch (c) {
        case "date": return formatDate(line.date);
        case "label": return line.text;
        case "counterparty": return line.counterpartyName ?? "";
        case "account": return line.counterpartyAccount === undefined ? "" : line.counterpartyAccount.replace(/(.{4})/g, "$1 ").trim();
        case "reference": return line.reference ?? "";
        case "debit": return line.cents < 0 ? number(-line.cents) : "";
        case "credit": return line.cents >= 0 ? number(line.cents) : "";
        default: return signed(line.cents);
      }
    }));
  }
  if (summary) {
    const total = sum(lines);
    rows.push(["", german ? "Summe" : "Total", "", "", "", signed(total)]);
    rows.push([german ? "Endsaldo" : "Closing balance", "", "", "", "", signed(total + 100_00)]);
  }
  const text = rows.map((r) => r.map((v) => csvQuote(v, separator)).join(separator)).join(eol) + eol;
  const bytes = encoding === "cp1252" ? cp1252(text) : utf8(text, encoding === "utf8-bom");
  const mapping: Record<string, string> = {};
  for (const c of columns) mapping[c] = headers[c];
  for (const line of lines) line.text = line.text.replace(/\n/g, " ");
  return { dialect, fileName: `export-${seed}.csv`, bytes, mapping, dateFormat: dates[0], decimal, lines };
}
