// Seedable generator of realistic small-business books for the reconciliation engine: open invoices and bills,
// partners with bank accounts, a history of past outcomes, and bank statement lines printed the way real banks
// print them — each line with the truth the engine should find.
import type { HistoryEntry, OpenItem, StatementLine, SuggestRequest } from "../../../web_src/contracts/reconcile";
import { bankName, printTransfer } from "./bank_text";
import {
  BANK_FEE_ACCOUNT_ID, COMPANY, EXPENSE_ACCOUNTS, FIRST, MERCHANTS, RATES, ROUND_AMOUNTS, SECOND, SUFFIX, THIRD,
  type GenPartner,
} from "./book_catalog";
import { LineBuilder } from "./line_builder";
import { createRng, type Rng } from "./prng";
import { addDays, belgianRef, cardLabel, creditorRef, dateBetween, digits, money, vendorNumber } from "./random_values";
import { SCENARIO_MIX, SCENARIOS, type Scenario, type TruthEntry } from "./scenarios";

export interface BooksOptions {
  seed: number;
  lines: number;
  openItems: number;
}

export interface Books {
  request: SuggestRequest;
  truth: Map<number, TruthEntry>;
  /** Invoices and bills paid before the statement (as they were when open): what "already paid" lines refer to. */
  paidItems: OpenItem[];
}

/** Generate books: `options.openItems` open items, `options.lines` statement lines, with the truth per line. */
export function generateBooks(options: BooksOptions): Books {
  const rng = createRng(options.seed);
  const partners = makePartners(rng, Math.max(40, Math.round(options.openItems / 8)));
  const { open, paid, paidOriginals } = makeItems(rng, partners, options.openItems);
  const history = makeHistory(rng, partners, Math.min(50_000, Math.max(300, Math.round(options.openItems * 0.6))));
  const builder = new LineBuilder(rng, partners, open, paidOriginals);
  const lines: StatementLine[] = [];
  const truth = new Map<number, TruthEntry>();
  const weights = SCENARIOS.map((s) => SCENARIO_MIX[s]);
  const total = weights.reduce((a, b) => a + b, 0);
  for (let id = 1; id <= options.lines; id++) {
    let r = rng.next() * total;
    let scenario: Scenario = "no_match";
    for (let k = 0; k < SCENARIOS.length; k++) {
      r -= weights[k] as number;
      if (r < 0) {
        scenario = SCENARIOS[k] as Scenario;
        break;
      }
    }
    const made = builder.build(id, scenario) ?? builder.build(id, "no_match");
    if (made === null) throw new Error("the no-match scenario cannot fail");
    lines.push(made.line);
    truth.set(id, made.truth);
  }
  return {
    request: {
      companyId: 1,
      companyCurrency: COMPANY,
      lines,
      candidates: [...open, ...paid].sort((a, b) => a.id - b.id),
      partners: partners.map(({ id, name, bankAccounts }) => ({ id, name, bankAccounts })),
      history,
      accounts: EXPENSE_ACCOUNTS,
      settings: {
        bankFeeAccountId: BANK_FEE_ACCOUNT_ID, maxFeeAmount: 50, maxFeeRatio: 0.05, fxTolerance: 1, maxSubsetSize: 5,
        maxSuggestions: 3,
      },
    },
    truth,
    paidItems: paidOriginals,
  };
}

function makePartners(rng: Rng, count: number): GenPartner[] {
  const seen = new Set<string>();
  const partners: GenPartner[] = [];
  for (let id = 1; id <= count; id++) {
    let base = "";
    for (let attempt = 0; attempt < 30; attempt++) {
      const third = rng.pick(THIRD);
      base = `${rng.pick(FIRST)} ${rng.pick(SECOND)}${third === "" ? "" : ` ${third}`}`;
      if (!seen.has(base)) break;
      base = "";
    }
    if (base === "") base = `${rng.pick(FIRST)} ${rng.pick(SECOND)} ${id}`;
    seen.add(base);
    const iban = `DE${String(rng.int(10, 99))}${digits(rng, 18)}`;
    const vendor = rng.chance(0.25);
    partners.push({
      id,
      name: `${base} ${rng.pick(SUFFIX)}`,
      bankAccounts: rng.chance(0.85) ? [rng.chance(0.5) ? iban : iban.replace(/(.{4})/g, "$1 ").trim()] : [],
      vendor,
      iban,
      alias: !vendor && rng.chance(0.1) ? `${rng.pick(FIRST)} Treuhand ${rng.pick(["Holding", "Beteiligungs", "Finanz"])} ${id}` : null,
      // Subscriptions: a handful of equal invoices open at once, only for small customers.
      recurring: id > 60 && rng.chance(0.15) ? rng.pick(ROUND_AMOUNTS) + (rng.chance(0.5) ? 0.9 : 0) : null,
      refStyle: rng.int(0, 4),
    });
  }
  return partners;
}

function makeItems(rng: Rng, partners: GenPartner[], count: number): { open: OpenItem[]; paid: OpenItem[]; paidOriginals: OpenItem[] } {
  // Zipf-like activity: a few partners have many open items.
  const weights = partners.map((_, i) => 1 / Math.pow(i + 1, 0.7));
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w));
  const open: OpenItem[] = [];
  const paid: OpenItem[] = [];
  const paidOriginals: OpenItem[] = [];
  let invSeq = 0;
  const billSeq = new Map<string, number>();
  const total = Math.round(count * 1.06);
  for (let k = 0; k < total; k++) {
    const r = rng.next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < r) lo = mid + 1;
      else hi = mid;
    }
    const partner = partners[lo] as GenPartner;
    const date = dateBetween(rng, "2025-10-01", 182);
    const year = date.slice(0, 4);
    const currency = rng.chance(partner.vendor ? 0.05 : 0.11) ? (rng.chance(0.7) ? "USD" : "GBP") : "EUR";
    let amountCur = partner.recurring !== null && rng.chance(0.6)
      ? partner.recurring
      : rng.chance(0.12) ? rng.pick(ROUND_AMOUNTS) : Math.round(Math.min(60_000, Math.max(15, Math.exp(Math.log(800) + 1.1 * rng.normal()))) * 100) / 100;
    if (rng.chance(0.05)) amountCur = Math.round(amountCur * 50) / 100; // already partly paid
    const sign = partner.vendor ? -1 : 1;
    let moveName: string;
    let ref: string;
    if (partner.vendor) {
      const month = date.slice(5, 7);
      const seq = (billSeq.get(`${year}${month}`) ?? 0) + 1;
      billSeq.set(`${year}${month}`, seq);
      moveName = `BILL/${year}/${month}/${String(seq).padStart(4, "0")}`;
      ref = vendorNumber(rng, partner.refStyle, year);
    } else {
      invSeq++;
      moveName = `INV/${year}/${String(invSeq).padStart(5, "0")}`;
      const style = rng.next();
      ref = style < 0.6 ? moveName : style < 0.75 ? belgianRef(rng) : style < 0.9 ? creditorRef(rng) : "";
    }
    const id = 100_000 + k;
    const residualCur = sign * amountCur;
    const item: OpenItem = {
      id, moveId: 500_000 + k, moveName, ref, partnerId: partner.id, partnerName: partner.name, date,
      dateMaturity: addDays(date, 30), amountResidual: Math.round(residualCur * (RATES[currency] ?? 1) * 100) / 100,
      amountResidualCurrency: residualCur, currency, accountType: partner.vendor ? "liability_payable" : "asset_receivable",
    };
    if (k >= count) {
      // Paid already: some stay in the request with nothing left to pay, the others are simply not sent.
      if (rng.chance(0.5)) paid.push({ ...item, amountResidual: 0, amountResidualCurrency: 0 });
      paidOriginals.push(item);
    } else {
      open.push(item);
    }
  }
  return { open, paid, paidOriginals };
}

function makeHistory(rng: Rng, partners: GenPartner[], size: number): HistoryEntry[] {
  const history: HistoryEntry[] = [];
  const base = { accountId: null, taxIds: [], rejectedPartnerId: null, rejectedAccountId: null };
  for (const merchant of MERCHANTS) {
    for (let k = rng.int(3, 8); k > 0; k--) {
      history.push({
        ...base, label: cardLabel(rng, rng.pick(merchant.variants)), partnerName: "", accountNumber: "",
        amount: -money(rng, 5, 400), date: dateBetween(rng, "2025-06-01", 270), partnerId: null,
        accountId: merchant.accountId, taxIds: merchant.taxIds, outcome: "coded",
      });
    }
  }
  const customers = partners.filter((p) => !p.vendor);
  for (const partner of customers) {
    if (partner.alias !== null) {
      for (let k = rng.int(2, 3); k > 0; k--) {
        const printed = printTransfer(rng, bankName(partner.alias, rng), "Zahlung", true);
        history.push({
          ...base, ...printed, accountNumber: "", amount: money(rng, 50, 3000), date: dateBetween(rng, "2025-06-01", 270),
          partnerId: partner.id, outcome: "reconciled",
        });
      }
    }
  }
  while (history.length < size && customers.length > 0) {
    const partner = rng.pick(partners);
    const printed = printTransfer(rng, bankName(partner.name, rng), `INV/2025/${String(rng.int(1, 9999)).padStart(5, "0")}`, !partner.vendor);
    history.push({
      ...base, label: printed.label, partnerName: printed.partnerName, accountNumber: rng.chance(0.6) ? partner.iban : "",
      amount: (partner.vendor ? -1 : 1) * money(rng, 50, 5000), date: dateBetween(rng, "2025-06-01", 270),
      partnerId: partner.id, outcome: "reconciled",
    });
  }
  return history;
}
