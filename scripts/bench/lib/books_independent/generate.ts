// The second, independent books generator (issue 10): other code, other templates, other names than
// scripts/bench/lib/books.ts, written without looking at the engine. A small company's books — customers and vendors
// with bank accounts, open invoices and bills, a history of past outcomes with uneven support per merchant — and the
// statement lines of a month or two, printed the way German, Dutch, French and English banks print them, each with
// its ground truth (IndependentTruth). Many counterparties never appear in the history.
import type { HistoryEntry, OpenItem, Partner, StatementLine, SuggestRequest } from "../../../../web_src/contracts/reconcile";
import { KIND_MIX, KINDS, type IndependentTruth, type Kind } from "./kinds";
import {
  citeNumber, iban, merchantText, printCard, printDebit, printOwnTransfer, printTransfer, endToEnd, type Printed,
} from "./print";
import { makeDraw, type Draw } from "./rng";
import {
  ACCOUNTS, AND_WORD, CHART, EXCHANGE_ACCOUNTS, CITIES, CUSTOMER_NO, DEBIT_TEXT, FAMILIES, FX, HOME_CURRENCY, INSTALMENT, INVOICE_WORD,
  INVOICES_WORD, LANGS, LEGAL_FORMS, MERCHANTS, PRIVATE_FIRST, STRANGERS, TRADES, TRANSFER_OWN, VENDOR_TRADES,
  type Lang, type MerchantSpec,
} from "./vocabulary";

export interface IndependentOptions {
  seed: number;
  lines: number;
  openItems: number;
}

export interface IndependentBooks {
  request: SuggestRequest;
  truth: Map<number, IndependentTruth>;
  /** Invoices and bills settled before the statement (as they were when open): what "already settled" lines cite. */
  paidItems: OpenItem[];
}

interface Counterparty {
  id: number;
  name: string;
  customer: boolean;
  lang: Lang;
  accounts: string[];
  /** Has past reconciled lines in the history. */
  known: boolean;
  /** Vendor's own invoice numbering, e.g. "RE-26-" or "F2026". */
  billStyle: number;
  /** A fixed amount most of this partner's invoices carry (a subscription, a monthly fee), null when none. */
  recurring: number | null;
}

/** Recurring amounts several partners share: the same amount open many times over, as in real books. */
const RECURRING = [95, 120, 249, 450, 890, 1_200, 1_490, 2_380];

interface Merchant extends MerchantSpec {
  known: boolean;
  stores: string[];
  cities: string[];
  creditorIban: string;
}

const STATEMENT_START = "2026-05-04";
const STATEMENT_DAYS = 52;
const ITEMS_START = "2026-01-26";
const ITEMS_DAYS = 120;
const HISTORY_START = "2025-05-12";
const HISTORY_DAYS = 340;
const COMPANY = "Lindenhof Werkstätten GmbH";

function addDays(date: string, days: number): string {
  const t = new Date(`${date}T12:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

function cents(x: number): number {
  return Math.round(x * 100) / 100;
}

function amountIn(d: Draw, lo: number, hi: number): number {
  // Log-uniform: many small amounts, a few large ones.
  return cents(Math.exp(Math.log(lo) + d.float() * (Math.log(hi) - Math.log(lo))));
}

/** RF creditor reference (ISO 11649) with its check digits. */
function rfReference(d: Draw): string {
  let body = "";
  for (let k = 0; k < d.between(8, 14); k++) body += String(d.between(0, 9));
  const numeric = `${body}271500`;
  let rest = 0;
  for (const ch of numeric) rest = (rest * 10 + Number(ch)) % 97;
  return `RF${String(98 - rest).padStart(2, "0")}${body}`;
}

function spaced(ref: string): string {
  return ref.replace(/(.{4})(?=.)/g, "$1 ");
}

function billNumber(d: Draw, style: number, date: string): string {
  const yy = date.slice(2, 4);
  const n = d.between(100, 99_999);
  switch (style % 5) {
    case 0: return `RE-${yy}-${n}`;
    case 1: return `F${date.slice(0, 4)}${String(n).padStart(5, "0")}`;
    case 2: return `${date.slice(0, 4)}-${String(n).padStart(4, "0")}`;
    case 3: return `FACT ${date.slice(0, 4)}/${String(n).padStart(4, "0")}`;
    default: return `VR${yy}${String(n).padStart(6, "0")}`;
  }
}

class Builder {
  readonly lines: StatementLine[] = [];
  readonly truth = new Map<number, IndependentTruth>();
  readonly history: HistoryEntry[] = [];
  readonly open: OpenItem[] = [];
  readonly paid: OpenItem[] = [];
  readonly used = new Set<number>();
  private nextItemId = 700_001;
  private nextMoveId = 880_001;
  private invoiceSeq = 311;
  private billSeq: Record<string, number> = {};
  private readonly byPartner = new Map<number, OpenItem[]>();
  readonly parties: Counterparty[] = [];
  readonly merchants: Merchant[] = [];
  readonly ownIban: string;

  constructor(private readonly d: Draw, options: IndependentOptions) {
    this.ownIban = iban(d, "DE");
    this.makeParties(Math.max(30, Math.round(options.openItems / 7)));
    this.makeMerchants();
    for (let k = 0; k < options.openItems; k++) this.open.push(this.makeItem(this.d.one(this.parties)));
    for (const item of this.open) {
      const list = this.byPartner.get(item.partnerId ?? 0) ?? [];
      list.push(item);
      this.byPartner.set(item.partnerId ?? 0, list);
    }
    for (let k = 0; k < Math.max(5, Math.round(options.lines * 0.04)); k++) this.paid.push(this.makeItem(this.d.one(this.parties)));
    this.makeHistory();
  }

  // ------------------------------------------------------------------ the cast
  private makeParties(count: number): void {
    const d = this.d;
    const names = new Set<string>();
    for (let id = 1; id <= count; id++) {
      const customer = d.yes(0.62);
      let name = "";
      for (let attempt = 0; attempt < 40 && (name === "" || names.has(name)); attempt++) {
        if (customer && d.yes(0.15)) name = `${d.one(PRIVATE_FIRST)} ${d.one(FAMILIES)}`;
        else {
          const trade = d.one(customer ? TRADES : VENDOR_TRADES);
          const family = d.one(FAMILIES);
          const form = d.one(LEGAL_FORMS);
          name = `${d.yes(0.5) ? `${trade} ${family}` : `${family} ${trade}`}${form === "" ? "" : ` ${form}`}`;
        }
      }
      names.add(name);
      const lang = d.weighted(LANGS, [4, 3, 2, 2]);
      const country = { de: "DE", nl: "NL", fr: d.yes(0.5) ? "FR" : "BE", en: "IE" }[lang];
      const accounts = d.yes(0.1) ? [] : d.yes(0.15) ? [iban(d, country), iban(d)] : [iban(d, country)];
      this.parties.push({ id, name, customer, lang, accounts, known: d.yes(0.6), billStyle: d.between(0, 4),
        recurring: d.yes(0.2) ? d.one(RECURRING) : null });
    }
  }

  private makeMerchants(): void {
    const d = this.d;
    const shuffled = d.some(MERCHANTS, MERCHANTS.length);
    shuffled.forEach((spec, k) => {
      const lang = d.one(LANGS);
      this.merchants.push({
        ...spec,
        known: k < Math.round(shuffled.length * 0.55),
        stores: Array.from({ length: d.between(1, 4) }, () => String(d.between(10, 9999)).padStart(d.yes(0.5) ? 4 : 3, "0")),
        cities: d.some(CITIES[lang], d.between(1, 3)),
        creditorIban: iban(d),
      });
    });
  }

  private makeItem(party: Counterparty): OpenItem {
    const d = this.d;
    const date = addDays(ITEMS_START, d.between(0, ITEMS_DAYS));
    const currency = d.weighted([HOME_CURRENCY, "USD", "CHF", "GBP"], [88, 5, 4, 3]);
    const inCurrency = party.recurring !== null && currency === HOME_CURRENCY && d.yes(0.7)
      ? party.recurring : amountIn(d, party.customer ? 60 : 25, party.customer ? 14_000 : 6_000);
    const inCompany = cents(inCurrency * (FX[currency] ?? 1));
    const sign = party.customer ? 1 : -1;
    let moveName: string;
    let ref: string;
    if (party.customer) {
      moveName = `INV/2026/${String(this.invoiceSeq).padStart(5, "0")}`;
      this.invoiceSeq += d.between(1, 3);
      ref = d.yes(0.3) ? rfReference(d) : moveName;
    } else {
      const month = date.slice(5, 7);
      const seq = (this.billSeq[month] ?? 0) + d.between(1, 2);
      this.billSeq[month] = seq;
      moveName = `BILL/2026/${month}/${String(seq).padStart(4, "0")}`;
      ref = billNumber(d, party.billStyle, date);
    }
    return {
      id: this.nextItemId++, moveId: this.nextMoveId++, moveName, ref, partnerId: party.id, partnerName: party.name, date,
      dateMaturity: addDays(date, d.one([14, 30, 30, 45])), amountResidual: sign * inCompany,
      amountResidualCurrency: sign * inCurrency, currency,
      accountType: party.customer ? "asset_receivable" : "liability_payable",
    };
  }

  /** Past outcomes: known merchants with 1 to many coded lines, known partners with reconciled payments. */
  private makeHistory(): void {
    const d = this.d;
    const base = { taxIds: [], rejectedPartnerId: null, rejectedAccountId: null };
    for (const m of this.merchants.filter((x) => x.known)) {
      const support = d.weighted([1, 2, 3, d.between(4, 6), d.between(7, 15), d.between(16, 40)], [18, 14, 14, 20, 22, 12]);
      for (let k = 0; k < support; k++) {
        const date = addDays(HISTORY_START, d.between(0, HISTORY_DAYS));
        const printed = this.printMerchant(m, date);
        // A long-used merchant sometimes had one line coded elsewhere (a person's choice): the majority stands.
        const accountId = support >= 6 && k === 0 ? CHART.office.id : CHART[m.category].id;
        this.history.push({
          ...base, label: printed.label, partnerName: printed.partnerName, accountNumber: printed.accountNumber,
          amount: -amountIn(d, m.range[0], m.range[1]), date, partnerId: null, accountId, outcome: "coded",
        });
      }
    }
    for (const p of this.parties.filter((x) => x.known)) {
      for (let k = 0, n = d.between(1, 6); k < n; k++) {
        const date = addDays(HISTORY_START, d.between(0, HISTORY_DAYS));
        const old = p.customer ? `INV/2025/${String(d.between(10, 990)).padStart(5, "0")}` : billNumber(d, p.billStyle, date);
        const remittance = `${d.one(INVOICE_WORD[p.lang])} ${old}`;
        const printed = printTransfer(d, p.lang, p.customer, p.name, p.accounts[0] ?? "", remittance, endToEnd(d));
        const amount = amountIn(d, 40, 9_000) * (p.customer ? 1 : -1);
        this.history.push({
          ...base, label: printed.label, partnerName: printed.partnerName, accountNumber: printed.accountNumber,
          amount: cents(amount), date, partnerId: p.id, accountId: null, outcome: "reconciled",
        });
      }
    }
    for (let k = 0, n = d.between(4, 9); k < n; k++) {
      const date = addDays(HISTORY_START, d.between(0, HISTORY_DAYS));
      const lang = d.one(LANGS);
      const printed = printOwnTransfer(d, lang, COMPANY, this.ownIban, d.one(TRANSFER_OWN[lang]));
      this.history.push({
        ...base, label: printed.label, partnerName: printed.partnerName, accountNumber: printed.accountNumber,
        amount: d.one([-500, -1000, -2500, -5000, 1000, 3000]), date, partnerId: null, accountId: CHART.transit.id,
        outcome: "coded",
      });
    }
    this.history.sort((a, b) => a.date.localeCompare(b.date));
  }

  // ------------------------------------------------------------------ printing helpers
  private printMerchant(m: Merchant, date: string): Printed {
    const d = this.d;
    if (m.channel === "debit") {
      const lang = d.one(LANGS);
      return printDebit(d, lang, m.legal ?? m.brand, m.creditorIban, `${d.one(DEBIT_TEXT[lang])} ${d.between(10_000, 9_999_999)}`);
    }
    const part = merchantText(d, { brand: m.brand, city: d.one(m.cities), store: d.one(m.stores) });
    return printCard(d, d.one(LANGS), date, part);
  }

  /** The account a payer's bank prints: theirs mostly, sometimes a new one, sometimes none. */
  private payerAccount(p: Counterparty): string {
    const r = this.d.float();
    if (r < 0.75 && p.accounts.length > 0) return this.d.one(p.accounts);
    return r < 0.9 ? iban(this.d) : "";
  }

  private unused(filter: (i: OpenItem) => boolean): OpenItem | null {
    for (let attempt = 0; attempt < 60; attempt++) {
      const item = this.d.one(this.open);
      if (!this.used.has(item.id) && filter(item)) return item;
    }
    return null;
  }

  private party(item: OpenItem): Counterparty {
    const p = this.parties[(item.partnerId ?? 1) - 1];
    if (p === undefined) throw new Error(`no partner ${item.partnerId}`);
    return p;
  }

  private cite(item: OpenItem, p: Counterparty): string {
    // A customer cites our invoice number (or the payment reference we printed); we cite a vendor's own number.
    return p.customer ? citeNumber(this.d, item.ref.startsWith("RF") && this.d.yes(0.5) ? item.ref : item.moveName) : item.ref;
  }

  private push(date: string, amount: number, currency: string, amountCompany: number, printed: Printed, truth: IndependentTruth): void {
    const id = this.lines.length + 1;
    this.lines.push({
      id, date, amount: cents(amount), currency, amountCompany: cents(amountCompany), label: printed.label,
      ref: printed.ref, partnerName: printed.partnerName, accountNumber: printed.accountNumber, partnerId: null,
    });
    this.truth.set(id, truth);
  }

  private lineDate(after?: string): string {
    const date = addDays(STATEMENT_START, this.d.between(0, STATEMENT_DAYS));
    return after !== undefined && date < after ? addDays(after, this.d.between(1, 10)) : date;
  }

  // ------------------------------------------------------------------ one line per kind
  build(kind: Kind): boolean {
    const d = this.d;
    switch (kind) {
      case "cited_invoice":
      case "struct_ref":
      case "cents_off":
      case "fx_rounding": {
        const item = this.unused((i) => {
          if (kind === "fx_rounding") return i.currency !== HOME_CURRENCY;
          if (i.currency !== HOME_CURRENCY) return false;
          if (kind === "struct_ref") return i.ref.startsWith("RF");
          if (kind === "cited_invoice") return i.accountType === "asset_receivable";
          return true;
        });
        if (item === null) return false;
        const p = this.party(item);
        let amount = item.amountResidualCurrency;
        let amountCompany = item.amountResidual;
        let printed: Printed;
        let cited = true;
        if (kind === "struct_ref") {
          const inLabel = d.yes(0.35);
          const words = { de: "Zahlung", nl: "Betaling", fr: "Paiement", en: "Payment" }[p.lang];
          printed = printTransfer(d, p.lang, true, p.name, this.payerAccount(p), inLabel ? spaced(item.ref) : words, endToEnd(d));
          if (!inLabel) printed = { ...printed, ref: item.ref };
        } else {
          if (kind === "fx_rounding") {
            cited = d.yes(0.8);
            amountCompany = cents(item.amountResidual + Math.sign(item.amountResidual) * d.one([-1, 1]) * d.between(1, 45) / 100);
          }
          if (kind === "cents_off") amount = cents(item.amountResidualCurrency + Math.sign(item.amountResidualCurrency) * (d.yes(0.7) ? -1 : 1) * d.between(1, 9) / 100);
          if (kind !== "fx_rounding") amountCompany = amount;
          const remittance = cited ? `${d.one(INVOICE_WORD[p.lang])} ${this.cite(item, p)}${d.yes(0.3) ? ` ${CUSTOMER_NO[p.lang]} ${d.between(1000, 99999)}` : ""}`
            : d.one(["Zahlung", "Betaling", "Paiement", "Payment for goods"]);
          printed = printTransfer(d, p.lang, item.accountType === "asset_receivable", p.name, this.payerAccount(p), remittance, endToEnd(d));
        }
        this.used.add(item.id);
        this.push(this.lineDate(item.date), amount, item.currency, amountCompany, printed, {
          scenario: kind, candidateIds: [item.id], partnerId: item.partnerId, matchType: kind === "cents_off" ? "writeoff" : "full",
          accountId: kind === "cents_off" ? CHART.bankCharges.id : null, absentFromHistory: !p.known, referenceIdentifies: cited,
        });
        return true;
      }
      case "name_amount": {
        const item = this.unused((i) => i.currency === HOME_CURRENCY && i.accountType === "asset_receivable"
          && (this.byPartner.get(i.partnerId ?? 0) ?? []).filter((o) => o.amountResidual === i.amountResidual).length === 1
          && this.party(i).accounts.length > 0);
        if (item === null) return false;
        const p = this.party(item);
        const remittance = d.one({ de: ["Zahlung", "Danke", "Überweisung"], nl: ["Betaling", "bedankt"], fr: ["Paiement", "Règlement"], en: ["Payment", "Thanks"] }[p.lang]);
        const printed = printTransfer(d, p.lang, true, p.name, d.one(p.accounts), remittance, endToEnd(d));
        this.used.add(item.id);
        this.push(this.lineDate(item.date), item.amountResidualCurrency, item.currency, item.amountResidual, printed, {
          scenario: kind, candidateIds: [item.id], partnerId: item.partnerId, matchType: "full", accountId: null,
          absentFromHistory: !p.known, referenceIdentifies: false,
        });
        return true;
      }
      case "bill_payment": {
        const item = this.unused((i) => i.currency === HOME_CURRENCY && i.accountType === "liability_payable");
        if (item === null) return false;
        const p = this.party(item);
        const remittance = d.yes(0.6) ? `${d.one(INVOICE_WORD[p.lang])} ${item.ref}` : `${item.ref}${d.yes(0.4) ? ` ${CUSTOMER_NO[p.lang]} ${d.between(1000, 99999)}` : ""}`;
        const printed = printTransfer(d, p.lang, false, p.name, p.accounts[0] ?? iban(d), remittance, endToEnd(d));
        this.used.add(item.id);
        this.push(this.lineDate(item.date), item.amountResidualCurrency, item.currency, item.amountResidual, printed, {
          scenario: kind, candidateIds: [item.id], partnerId: item.partnerId, matchType: "full", accountId: null,
          absentFromHistory: !p.known, referenceIdentifies: true,
        });
        return true;
      }
      case "multi_invoice": {
        const anchor = this.unused((i) => i.currency === HOME_CURRENCY
          && (this.byPartner.get(i.partnerId ?? 0) ?? []).filter((o) => !this.used.has(o.id) && o.currency === HOME_CURRENCY).length >= 2);
        if (anchor === null) return false;
        const p = this.party(anchor);
        const pool = (this.byPartner.get(p.id) ?? []).filter((o) => !this.used.has(o.id) && o.currency === HOME_CURRENCY && o.id !== anchor.id);
        const items = [anchor, ...d.some(pool, d.between(1, Math.min(3, pool.length)))];
        const compressed = p.customer && d.yes(0.25);
        const cites = items.map((i, k) => (compressed && k > 0 ? i.moveName.slice(-5) : this.cite(i, p)));
        const joined = cites.length === 2 ? `${cites[0]} ${AND_WORD[p.lang]} ${cites[1]}` : d.yes(0.5) ? cites.join(", ") : cites.join(" + ");
        const amount = cents(items.reduce((s, i) => s + i.amountResidualCurrency, 0));
        const printed = printTransfer(d, p.lang, p.customer, p.name, p.customer ? this.payerAccount(p) : p.accounts[0] ?? iban(d), `${d.one(INVOICES_WORD[p.lang])} ${joined}`, endToEnd(d));
        for (const i of items) this.used.add(i.id);
        const latest = items.map((i) => i.date).sort().at(-1);
        this.push(this.lineDate(latest), amount, HOME_CURRENCY, amount, printed, {
          scenario: kind, candidateIds: items.map((i) => i.id).sort((a, b) => a - b), partnerId: p.id, matchType: "multi",
          accountId: null, absentFromHistory: !p.known, referenceIdentifies: !compressed,
        });
        return true;
      }
      case "instalment": {
        const item = this.unused((i) => i.currency === HOME_CURRENCY && i.accountType === "asset_receivable" && i.amountResidual >= 150);
        if (item === null) return false;
        const p = this.party(item);
        const n = d.one([2, 2, 3, 4]);
        const amount = cents(item.amountResidualCurrency / n);
        this.used.add(item.id);
        if (d.yes(0.5)) {
          // A coincidence: another open invoice of the same customer for exactly the instalment's amount.
          const decoy = { ...this.makeItem(p), currency: HOME_CURRENCY, amountResidual: amount, amountResidualCurrency: amount };
          this.open.push(decoy);
          this.used.add(decoy.id);
        }
        const words = d.one(INSTALMENT[p.lang])(1, n);
        const remittance = d.yes(0.5) ? `${words} ${d.one(INVOICE_WORD[p.lang])} ${this.cite(item, p)}` : `${this.cite(item, p)} ${words}`;
        const printed = printTransfer(d, p.lang, true, p.name, this.payerAccount(p), remittance, endToEnd(d));
        this.push(this.lineDate(item.date), amount, HOME_CURRENCY, amount, printed, {
          scenario: kind, candidateIds: [item.id], partnerId: p.id, matchType: "partial", accountId: null,
          absentFromHistory: !p.known, referenceIdentifies: true,
        });
        return true;
      }
      case "known_card":
      case "known_debit":
      case "unknown_card":
      case "unknown_debit": {
        const known = kind.startsWith("known");
        const channel = kind.endsWith("card") ? "card" : "debit";
        const pool = this.merchants.filter((m) => m.known === known && m.channel === channel);
        const m = d.one(pool.length > 0 ? pool : this.merchants.filter((x) => x.known === known));
        const date = this.lineDate();
        const printed = this.printMerchant(m, date);
        const amount = -amountIn(d, m.range[0], m.range[1]);
        this.push(date, amount, HOME_CURRENCY, amount, printed, {
          scenario: kind, candidateIds: [], partnerId: null, matchType: known ? "expense" : null,
          accountId: known ? CHART[m.category].id : null, absentFromHistory: !known, referenceIdentifies: false,
        });
        return true;
      }
      case "internal_transfer": {
        const lang = d.one(LANGS);
        const printed = printOwnTransfer(d, lang, COMPANY, this.ownIban, d.one(TRANSFER_OWN[lang]));
        const amount = d.one([-500, -1000, -1500, -2500, -5000, -10000, 2000, 5000]);
        this.push(this.lineDate(), amount, HOME_CURRENCY, amount, printed, {
          scenario: kind, candidateIds: [], partnerId: null, matchType: "expense", accountId: CHART.transit.id,
          absentFromHistory: false, referenceIdentifies: false,
        });
        return true;
      }
      case "stranger_credit": {
        const lang = d.one(LANGS);
        const decoy = d.yes(0.5) ? this.unused((i) => i.currency === HOME_CURRENCY && i.accountType === "asset_receivable") : null;
        const amount = decoy?.amountResidual ?? amountIn(d, 20, 3_000);
        const remittance = d.one({ de: ["Kaution", "Rückzahlung", "Mitgliedsbeitrag", "Spende"], nl: ["Terugbetaling", "Borg", "Gift"], fr: ["Remboursement", "Caution", "Don"], en: ["Refund", "Deposit", "Donation"] }[lang]);
        const printed = printTransfer(d, lang, true, d.one(STRANGERS), iban(d), remittance, endToEnd(d));
        this.push(this.lineDate(), amount, HOME_CURRENCY, amount, printed, {
          scenario: kind, candidateIds: [], partnerId: null, matchType: null, accountId: null, absentFromHistory: true,
          referenceIdentifies: false,
        });
        return true;
      }
      case "already_settled": {
        const item = d.one(this.paid);
        const p = this.party(item);
        const remittance = `${d.one(INVOICE_WORD[p.lang])} ${this.cite(item, p)}`;
        const printed = printTransfer(d, p.lang, p.customer, p.name, this.payerAccount(p), remittance, endToEnd(d));
        this.push(this.lineDate(item.date), item.amountResidualCurrency, item.currency, item.amountResidual, printed, {
          scenario: kind, candidateIds: [], partnerId: null, matchType: null, accountId: null, absentFromHistory: !p.known,
          referenceIdentifies: false,
        });
        return true;
      }
    }
  }

  partners(): Partner[] {
    return this.parties.map((p) => ({ id: p.id, name: p.name, bankAccounts: p.accounts }));
  }

  /** Merchants by whether they appear in the history (for tests and the property checks). */
  merchantBrands(known: boolean): string[] {
    return this.merchants.filter((m) => m.known === known).map((m) => m.brand);
  }

  /** The words of the merchants absent from the history (brand and legal name), legal forms left out. */
  unknownMerchantWords(): string[] {
    const legal = new Set(["GMBH", "AG", "SE", "SA", "SAS", "KG", "CO", "OHG", "EG", "E.V.", "B.V.", "&", "ONLINE", "SERVICES", "SERVICE"]);
    const words = this.merchants.filter((m) => !m.known)
      .flatMap((m) => `${m.brand} ${m.legal ?? ""}`.toUpperCase().split(/\s+/))
      .filter((w) => w.length >= 3 && !legal.has(w));
    return [...new Set(words)].sort((a, b) => b.length - a.length);
  }
}

/** The independent books: `openItems` open items, `lines` statement lines, the truth per line. */
export function generateIndependentBooks(options: IndependentOptions): IndependentBooks & { unknownMerchants: string[]; unknownMerchantWords: string[] } {
  // A different stream from the first generator's even for the same number: the seed is salted.
  const d = makeDraw((options.seed * 2_654_435_761) ^ 0x1d_b0_0c);
  const b = new Builder(d, options);
  const weights = KINDS.map((k) => KIND_MIX[k]);
  while (b.lines.length < options.lines) {
    const kind = d.weighted(KINDS, weights);
    if (!b.build(kind)) b.build(d.yes(0.5) ? "unknown_card" : "known_card");
  }
  return {
    request: {
      companyId: 1,
      companyCurrency: HOME_CURRENCY,
      lines: b.lines,
      candidates: [...b.open].sort((x, y) => x.id - y.id),
      partners: b.partners(),
      history: b.history,
      accounts: [...ACCOUNTS, ...Object.values(EXCHANGE_ACCOUNTS)],
      settings: {
        bankFeeAccountId: CHART.bankCharges.id, maxFeeAmount: 25, maxFeeRatio: 0.05, fxTolerance: 1, maxSubsetSize: 5,
        maxSuggestions: 3,
        // What an Odoo company sends besides: the exchange difference accounts every chart sets, its own bank
        // account (the bank journal's) and its transfer account.
        exchangeGainAccountId: EXCHANGE_ACCOUNTS.gain.id, exchangeLossAccountId: EXCHANGE_ACCOUNTS.loss.id,
        ownBankAccounts: [b.ownIban], transferAccountId: CHART.transit.id,
      },
    },
    truth: b.truth,
    paidItems: b.paid,
    unknownMerchants: b.merchantBrands(false),
    unknownMerchantWords: b.unknownMerchantWords(),
  };
}

const SYLLABLES = ["ka", "lo", "mer", "vi", "stan", "dro", "pel", "quo", "ren", "tix", "bau", "sol", "nor", "fen", "gri", "zu"];

/**
 * The same books with every merchant that is absent from the history renamed (each of its words consistently
 * replaced by a made-up one, seeded by `seed`) on the lines that pay it: for the property that renaming or shuffling
 * merchants nobody has seen never raises a proposal to the auto grade. Truth and history are unchanged.
 */
export function renameUnknownMerchants<B extends IndependentBooks & { unknownMerchantWords: string[] }>(books: B, seed: number): B {
  const d = makeDraw(seed ^ 0x5ca1ab1e);
  const renamed = new Map<string, string>();
  for (const word of books.unknownMerchantWords) {
    let made = "";
    for (let k = 0, n = d.between(2, 3); k < n; k++) made += d.one(SYLLABLES);
    renamed.set(word, made.toUpperCase());
  }
  const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
  const pattern = renamed.size === 0 ? null : new RegExp([...renamed.keys()].map(escape).join("|"), "gi");
  const rename = (text: string): string => (pattern === null ? text : text.replace(pattern, (w) => renamed.get(w.toUpperCase()) ?? w));
  const lines = books.request.lines.map((line) => {
    const t = books.truth.get(line.id);
    if (t === undefined || (t.scenario !== "unknown_card" && t.scenario !== "unknown_debit")) return line;
    return { ...line, label: rename(line.label), partnerName: rename(line.partnerName) };
  });
  return { ...books, request: { ...books.request, lines } };
}

