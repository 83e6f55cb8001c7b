import type { EngineSettings, OpenItem, StatementLine } from "../../contracts/reconcile";
import { compareAmount, paysSign } from "./amount_comparison";
import { firstAtLeast, type CandidateIndex } from "./candidate_index";
import { cents } from "../shared/cents";
import type { EngineContext } from "./engine_context";
import { lineText, type LineText } from "./line_text";
import type { LineEvidence } from "./line_evidence";
import type { PartnerEvidence } from "./partner_evidence";
import type { Proposal } from "./proposal";
import { snippetOf, type ReferenceKey } from "../shared/reference_key";
import { extractReferenceKeys } from "../shared/extract_reference_keys";
import { findSubsets } from "./find_subsets";
import { MIN_ACCOUNT_CODING_SUPPORT, MIN_CODING_CONSISTENCY, MIN_CODING_SHARE, MIN_CODING_SUPPORT } from "./merchant_history";
import { EXCHANGE_WORDS, INSTALMENT_WORDS } from "../shared/vocabulary";
import { accountNumberKey } from "../shared/account_number_key";

/** Work limits per line: whatever the books look like, one line costs a bounded number of steps. */
const MAX_KEY_HITS = 50;
const MAX_SAME_AMOUNT = 8;
const MAX_PARTNERS = 3;
const MAX_SUBSET_ITEMS = 120;
const MAX_SUBSET_NODES = 1_500;
const MAX_SUBSETS = 6;
/** Highest confidence of a coding learned from history when the line names no merchant of history. */
const UNKEYED_CODING_CAP = 0.45;
/** Highest confidence of a coding of a known merchant with too few (or disagreeing) past lines. */
const THIN_CODING_CAP = 0.75;
/**
 * Highest confidence of a match with a counterparty absent from history unless its reference identifies the
 * invoice: master data and an amount are good evidence, but no one has ever confirmed this partner's payments.
 */
const NEW_COUNTERPARTY_CAP = 0.9;

/** The snippets of a proposal that quotes no reference (most): shared, never written. */
const NO_SNIPPETS: string[] = [];
/** The references of a line that names no open item (most lines): shared, never written. */
const NO_HITS: Map<number, RefHit> = new Map();

export interface LineProposals {
  proposals: Proposal[];
  /** Open items with the line's exact amount that were not turned into proposals (too many to list). */
  unlistedSameAmount: number;
}

interface RefHit {
  item: OpenItem;
  strength: number;
  /** Where in the label's tokens the reference was read (the text is only spelled out for a proposal). */
  snippet: ReferenceKey;
}

/** All plausible ways to book one line: by reference, by exact amount, by the resolved partner's items, by history. */
export function collectProposals(line: StatementLine, ctx: EngineContext): LineProposals {
  return new LineCollector(line, ctx).collect();
}

/**
 * The state of collecting one line's proposals. A class rather than closures so that a line allocates one object
 * for its bookkeeping, and a proposal is only built once it is known to be new.
 */
class LineCollector {
  private readonly index: CandidateIndex;
  private readonly settings: EngineSettings;
  private readonly text: LineText;
  private readonly evidence: LineEvidence;
  private readonly lineDay: number;
  /** Item id → the strongest reference to it in the label, in the order the label names them. */
  private refHits: Map<number, RefHit> = NO_HITS;
  private conflictingRef = false;
  private readonly instalmentWords: boolean;
  private readonly exchangeWords: boolean;
  private readonly proposals: Proposal[] = [];
  /** Items already proposed alone: an item's amount relation to the line, hence its match type, is fixed. */
  private readonly proposedAlone = new Set<number>();
  private proposedMulti: Set<string> | null = null;
  private proposedExpense = false;

  constructor(private readonly line: StatementLine, private readonly ctx: EngineContext) {
    this.index = ctx.index;
    this.settings = ctx.settings;
    this.text = lineText(line);
    this.evidence = ctx.partners.resolveLine(line, this.text);
    this.lineDay = this.index.dayNumber(line.date);
    let instalment = false;
    let exchange = line.currency !== ctx.companyCurrency;
    for (const tok of this.text.tokens) {
      if (INSTALMENT_WORDS.has(tok)) instalment = true;
      else if (tok !== ctx.companyCurrency && EXCHANGE_WORDS.has(tok)) exchange = true;
    }
    this.instalmentWords = instalment;
    this.exchangeWords = exchange;
  }

  collect(): LineProposals {
    this.findReferences();
    const { line, index, settings, refHits } = this;

    // 1. Items the label refers to.
    for (const hit of refHits.values()) {
      const partnerScore = this.evidenceOf(hit.item.partnerId)?.score ?? 0;
      // A cited invoice may be paid in part: when the reference is strong, the partner sure, or the label says so.
      this.single(hit.item, hit.strength >= 0.85 || (hit.strength >= 0.5 && (partnerScore >= 0.8 || this.instalmentWords)));
    }

    // A referenced item that the amount confirms settles the question: no need to look for combinations.
    let settled = false;
    for (const p of this.proposals) {
      if (p.refStrength >= 0.85 && (p.amountFit === "exact" || p.amountFit === "fx" || p.amountFit === "tolerance")) settled = true;
      // An instalment of the invoice it names is not a coincidental combination of others.
      if (p.refStrength >= 0.5 && p.amountFit === "partial" && this.instalmentWords) settled = true;
    }

    // 2. Items with exactly this amount (or within FX tolerance in company currency when currencies differ).
    const sameAmount = index.withAmount(line.currency, line.amount);
    for (let k = 0; k < sameAmount.length && k < MAX_SAME_AMOUNT; k++) {
      const item = sameAmount[k] as OpenItem;
      this.single(item, false);
    }
    let unlistedSameAmount = Math.max(0, sameAmount.length - MAX_SAME_AMOUNT);
    let fxCount = 0;
    for (const item of index.nearCompanyAmount(line.currency, line.amountCompany, settings.fxTolerance)) {
      if (!paysSign(line, item)) continue;
      if (fxCount++ < MAX_SAME_AMOUNT) this.single(item, false);
      else unlistedSameAmount++;
    }

    // 3. The likely partners' open items: single matches, fees, partials, and several invoices in one payment.
    const likely = this.likelyPartners();
    const sign = Math.sign(line.amount);
    const lineCompany = Math.abs(line.amountCompany);
    for (const [partnerId, ev] of likely) {
      const all = index.partnerItems(partnerId, sign);
      if (all.length === 1) {
        const only = all[0] as OpenItem;
        this.single(only, ev.score >= 0.8, ev.score >= 0.8);
      } else {
        // Exact, FX-rounded or short by at most a fee: a narrow band of company amounts around the line's.
        const slack = settings.fxTolerance + 0.01;
        const high = lineCompany + Math.max(slack, settings.maxFeeAmount + slack);
        const ledger = index.partnerLedger(partnerId, sign);
        if (ledger !== undefined) {
          const { items, amounts } = ledger;
          for (let k = firstAtLeast(amounts, lineCompany - slack); k < amounts.length && (amounts[k] as number) <= high; k++) {
            this.single(items[k] as OpenItem, false, ev.score >= 0.8);
          }
        }
      }
      if (settled) continue;
      const forSubsets: OpenItem[] = [];
      const ledger = index.partnerLedger(partnerId, sign);
      if (ledger !== undefined) {
        const { items, amounts } = ledger;
        const top = lineCompany + settings.fxTolerance + 0.01;
        for (let k = firstAtLeast(amounts, 0); k < amounts.length && (amounts[k] as number) <= top; k++) {
          const item = items[k] as OpenItem;
          if (item.currency === line.currency) forSubsets.push(item);
        }
      }
      this.addSubsets(forSubsets.length > MAX_SUBSET_ITEMS ? forSubsets.slice(-MAX_SUBSET_ITEMS) : forSubsets, partnerId);
    }

    // 4. Several referenced invoices of one partner paid together.
    if (refHits.size >= 2) {
      const referencedByPartner = new Map<number, OpenItem[]>();
      for (const { item, strength } of refHits.values()) {
        if (item.partnerId === null || !paysSign(line, item) || item.currency !== line.currency || strength < 0.85) continue;
        const list = referencedByPartner.get(item.partnerId);
        if (list === undefined) referencedByPartner.set(item.partnerId, [item]);
        else list.push(item);
      }
      for (const [partnerId, items] of referencedByPartner) if (items.length >= 2) this.addSubsets(items, partnerId);
    }

    // 5. A transfer between the company's own accounts (a fact), else a coding learned from similar lines.
    if (!this.addOwnTransfer()) this.addExpense(likely[0], sign);

    const exactCount = sameAmount.length;
    const cited = this.citedItems();
    for (const p of this.proposals) {
      if (p.amountFit === "exact" || p.amountFit === "fx") p.sameAmountCount = exactCount;
      if (p.matchType !== "expense" && p.refStrength < 0.85 && (p.partnerId === null || this.ctx.history.pastLinesOf(p.partnerId) === 0)) {
        p.maxConfidence = Math.min(p.maxConfidence, NEW_COUNTERPARTY_CAP);
      }
      if (cited > 0 && p.matchType !== "expense") {
        let citedHere = 0;
        for (const item of p.items) if ((this.refHits.get(item.id)?.strength ?? 0) >= 0.5) citedHere++;
        p.citesOther = citedHere < cited && citedHere < p.items.length;
      }
    }
    return { proposals: this.proposals, unlistedSameAmount };
  }

  /** Reference keys of the label looked up in the index; a key shaped like our numbering that names no open item is a conflict. */
  private findReferences(): void {
    const line = this.line;
    const refs = this.index.references;
    for (const ref of extractReferenceKeys(this.text.tokens, refs)) {
      const slot = refs.slot(ref);
      if (slot < 0) {
        if (ref.invoiceLike) this.conflictingRef = true;
        continue;
      }
      let matched = false;
      const start = refs.start(slot);
      const end = refs.end(slot);
      if (end - start <= MAX_KEY_HITS) {
        for (let k = start; k < end; k++) {
          const item = refs.item(k);
          if (!paysSign(line, item)) continue;
          matched = true;
          const strength = Math.min(ref.strength, refs.strength(k));
          if (this.refHits === NO_HITS) this.refHits = new Map();
          const known = this.refHits.get(item.id);
          if (known === undefined) this.refHits.set(item.id, { item, strength, snippet: ref });
          else if (strength > known.strength) {
            known.strength = strength;
            known.snippet = ref;
          }
        }
      }
      if ((ref.invoiceLike && !matched) || refs.isPaid(slot)) this.conflictingRef = true;
    }
  }

  /** Open items the label cites with a reference of strength ≥ 0.5. */
  private citedItems(): number {
    let n = 0;
    for (const hit of this.refHits.values()) if (hit.strength >= 0.5) n++;
    return n;
  }

  /** Partners scored ≥ 0.5, best first (ties in the order the evidence found them), at most MAX_PARTNERS. */
  private likelyPartners(): Array<[number, PartnerEvidence]> {
    const likely = this.evidence.scoredAtLeast(0.5);
    if (likely.length > 1) likely.sort((a, b) => b[1].score - a[1].score);
    if (likely.length > MAX_PARTNERS) likely.length = MAX_PARTNERS;
    return likely;
  }

  private evidenceOf(partnerId: number | null): PartnerEvidence | undefined {
    return partnerId === null ? undefined : this.evidence.get(partnerId);
  }

  private ageOf(items: readonly OpenItem[]): number {
    let age = Infinity;
    for (const i of items) age = Math.min(age, this.lineDay - this.index.dayNumber(i.date));
    return age === Infinity ? 0 : age;
  }

  private proposal(items: OpenItem[], partnerId: number | null, matchType: Proposal["matchType"], amountFit: Proposal["amountFit"]): Proposal {
    const ev = this.evidenceOf(partnerId);
    let refStrength = 0;
    let refSnippets: string[] | undefined;
    let anyReferenced = false;
    for (const item of items) {
      const hit = this.refHits.get(item.id);
      if (hit !== undefined) {
        anyReferenced = true;
        refStrength += hit.strength / items.length;
        (refSnippets ??= []).push(snippetOf(this.text.tokens, hit.snippet));
      }
    }
    return {
      matchType, items, partnerId, accountId: null, taxIds: [], writeoffAmount: 0, amountFit, difference: 0,
      refStrength, refSnippets: refSnippets ?? NO_SNIPPETS,
      partnerScore: ev?.score ?? 0, partnerRejected: ev?.rejected ?? 0, partnerEvidence: ev ?? null,
      conflictingRef: this.conflictingRef && !anyReferenced,
      sameAmountCount: 0, citesOther: false, instalmentWords: this.instalmentWords, maxConfidence: 1, expenseSupport: 0,
      expenseKeyed: false, exchangeRounding: false, ownTransfer: false, expenseSimilarity: 0, expenseRejected: 0, expenseReason: "",
      ageDays: this.ageOf(items),
    };
  }

  /** Proposes the item alone, if its amount relation to the line allows (an item is proposed alone once). */
  private single(item: OpenItem, allowPartial: boolean, allowFee = true): void {
    if (this.proposedAlone.has(item.id)) return;
    const cmp = compareAmount(this.line, item, this.settings);
    const fit = cmp.relation;
    if (fit === "none" || fit === "over") return;
    if (fit === "partial" && !allowPartial) return;
    if ((fit === "fee" || fit === "tolerance") && !allowFee) return;
    let writeoffAccount: number | null = null;
    if (fit === "tolerance") {
      writeoffAccount = this.toleranceAccount(cmp.shortfallCompany);
      if (writeoffAccount === null) return; // nowhere to book the difference: Odoo could not apply it
    }
    this.proposedAlone.add(item.id);
    const matchType = fit === "fee" || fit === "tolerance" ? "writeoff" : fit === "partial" ? "partial" : "full";
    const p = this.proposal([item], item.partnerId, matchType, fit);
    p.difference = cmp.shortfallCompany;
    if (fit === "fee" || fit === "tolerance") {
      p.accountId = fit === "fee" ? this.settings.bankFeeAccountId : writeoffAccount;
      p.writeoffAmount = Math.sign(this.line.amount) * cmp.shortfallCompany;
      p.exchangeRounding = fit === "tolerance" && p.accountId !== null
        && (p.accountId === this.settings.exchangeGainAccountId || p.accountId === this.settings.exchangeLossAccountId);
    }
    this.proposals.push(p);
  }

  /**
   * Where a small difference goes: exchange rounding (a foreign-currency line, or a label that says the bank
   * converted) to the exchange gain or loss account, falling back on the write-off account, then the bank fee
   * account. Anything else is no exchange difference: the company's write-off account, else the bank fee account
   * (the one write-off account the company named — every Odoo chart sets the exchange accounts, so falling back on
   * them would book a customer's few cents as a currency gain), the exchange account last. A shortfall is a loss,
   * an overpayment a gain.
   */
  private toleranceAccount(shortfall: number): number | null {
    const { settings } = this;
    const exchange = (shortfall > 0 ? settings.exchangeLossAccountId : settings.exchangeGainAccountId) ?? null;
    const writeoff = settings.writeoffAccountId ?? null;
    const fee = settings.bankFeeAccountId ?? null;
    return this.exchangeWords ? (exchange ?? writeoff ?? fee) : (writeoff ?? fee ?? exchange);
  }

  private addSubsets(items: OpenItem[], partnerId: number): void {
    if (items.length < 2) return;
    const values = new Array<number>(items.length);
    for (let k = 0; k < items.length; k++) values[k] = Math.abs(cents((items[k] as OpenItem).amountResidualCurrency));
    const subsets = findSubsets({
      values,
      target: Math.abs(cents(this.line.amount)),
      minSize: 2,
      maxSize: this.settings.maxSubsetSize,
      maxNodes: MAX_SUBSET_NODES,
      maxResults: MAX_SUBSETS,
    });
    for (const subset of subsets) {
      const chosen = subset.map((k) => items[k] as OpenItem).sort((a, b) => a.id - b.id);
      const key = chosen.map((i) => i.id).join(",");
      const proposedMulti = (this.proposedMulti ??= new Set());
      if (proposedMulti.has(key)) continue;
      proposedMulti.add(key);
      this.proposals.push(this.proposal(chosen, partnerId, "multi", "multi"));
    }
  }

  /**
   * A line from or to one of the company's own bank accounts (its counterparty account, or an account number in
   * its label) is a transfer between own accounts: booked as past lines with that account mostly were, else to the
   * company's transfer account. No such account: nothing proposed here (the line is then coded like any other).
   */
  private addOwnTransfer(): boolean {
    const { ctx, text } = this;
    if (ctx.ownAccounts.size === 0) return false;
    let key = ctx.ownAccounts.has(text.accountKey) ? text.accountKey : "";
    for (let k = 0; key === "" && k < text.tokens.length; k++) {
      const tok = text.tokens[k] as string;
      if (tok.length >= 12 && ctx.ownAccounts.has(accountNumberKey(tok))) key = accountNumberKey(tok);
    }
    if (key === "") return false;
    const learned = ctx.history.accountCoding(key);
    const fromHistory = learned !== null && learned.support / learned.lines >= MIN_CODING_CONSISTENCY ? learned : null;
    const accountId = fromHistory?.accountId ?? this.settings.transferAccountId ?? null;
    if (accountId === null) return false;
    this.proposedExpense = true;
    const p = this.proposal([], null, "expense", "none");
    p.accountId = accountId;
    p.taxIds = fromHistory?.taxIds ?? [];
    p.conflictingRef = false;
    p.ownTransfer = true;
    p.expenseSimilarity = 1;
    p.expenseKeyed = true;
    p.expenseSupport = fromHistory?.support ?? 0;
    p.expenseRejected = ctx.history.rejectedAccounts(text).get(accountId) ?? 0;
    const n = fromHistory?.support ?? 0;
    p.expenseReason = `the counterparty account ${key} is one of the company's own bank accounts: a transfer between own accounts, ` +
      (fromHistory === null ? "booked to the company's transfer account" : `booked like ${n} past ${n === 1 ? "line" : "lines"} with that account`);
    p.maxConfidence = 1;
    p.ageDays = 0;
    this.proposals.push(p);
    return true;
  }

  /**
   * The coding learned from similar lines. Only the best option (similarity ≥ 0.1) becomes a proposal, as it
   * always has: proposals were deduplicated by match type and items, and an expense names no items.
   */
  private addExpense(bestPartner: [number, PartnerEvidence] | undefined, sign: number): void {
    const { ctx, text, line } = this;
    const option = ctx.history.bestExpenseOption(text, line.amount);
    if (option === null || option.similarity < 0.1 || this.proposedExpense) return;
    const rejectedAccounts = ctx.history.rejectedAccounts(text);
    // A line clearly from a partner with open items of this sign is more likely a payment than an expense.
    const payeeScore = bestPartner !== undefined && this.index.partnerItems(bestPartner[0], sign).length > 0 ? bestPartner[1].score : 0;
    this.proposedExpense = true;
    const p = this.proposal([], bestPartner !== undefined && bestPartner[1].score >= 0.8 ? bestPartner[0] : null, "expense", "none");
    p.accountId = option.accountId;
    p.taxIds = option.taxIds;
    p.conflictingRef = false;
    p.expenseSimilarity = option.similarity;
    p.partnerScore = payeeScore;
    p.expenseRejected = rejectedAccounts.get(option.accountId) ?? 0;
    p.expenseReason = option.reason;
    p.expenseSupport = option.support;
    p.expenseKeyed = option.keyed;
    // A coding learned from history alone needs a merchant of history named, coded alike several times, to be sure.
    const consistent = option.lines > 0 && option.support / option.lines >= MIN_CODING_CONSISTENCY && option.share >= MIN_CODING_SHARE;
    // Or the line's counterparty account number (one counterparty's, unlike words) coded alike a couple of times.
    const byAccount = option.accountSupport >= MIN_ACCOUNT_CODING_SUPPORT
      && option.accountSupport / option.accountLines >= MIN_CODING_CONSISTENCY;
    p.maxConfidence = !option.keyed ? UNKEYED_CODING_CAP
      : (option.support >= MIN_CODING_SUPPORT && consistent) || byAccount ? 1 : THIN_CODING_CAP;
    p.ageDays = 0;
    this.proposals.push(p);
  }
}
