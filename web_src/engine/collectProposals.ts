import type { OpenItem, StatementLine } from "../contracts/reconcile";
import { compareAmount, paysSign, type AmountComparison } from "./amounts";
import { cents } from "./cents";
import type { EngineContext } from "./engineContext";
import { lineText } from "./lineText";
import type { PartnerEvidence } from "./partners";
import type { AmountFit, Proposal } from "./proposal";
import { extractReferenceKeys } from "./references";
import { findSubsets } from "./subsets";

/** Work limits per line: whatever the books look like, one line costs a bounded number of steps. */
const MAX_KEY_HITS = 50;
const MAX_SAME_AMOUNT = 8;
const MAX_PARTNERS = 3;
const MAX_SUBSET_ITEMS = 120;
const MAX_SUBSET_NODES = 1_500;
const MAX_SUBSETS = 6;

export interface LineProposals {
  proposals: Proposal[];
  /** Open items with the line's exact amount that were not turned into proposals (too many to list). */
  unlistedSameAmount: number;
}

interface RefHit {
  strength: number;
  snippet: string;
}

/** All plausible ways to book one line: by reference, by exact amount, by the resolved partner's items, by history. */
export function collectProposals(line: StatementLine, ctx: EngineContext): LineProposals {
  const { index, settings } = ctx;
  const text = lineText(line);
  const partnerEvidence = ctx.partners.resolve(line, text);
  const refHits = new Map<number, RefHit>();
  const referencedItems = new Map<number, OpenItem>();
  let conflictingRef = false;
  const conflictSnippets: string[] = [];
  for (const ref of extractReferenceKeys(text.tokens)) {
    const hits = index.referenced(ref.key);
    let matched = false;
    if (hits.length <= MAX_KEY_HITS) {
      for (const hit of hits) {
        if (!paysSign(line, hit.item)) continue;
        matched = true;
        const strength = Math.min(ref.strength, hit.strength);
        if (strength > (refHits.get(hit.item.id)?.strength ?? 0)) {
          refHits.set(hit.item.id, { strength, snippet: ref.snippet });
          referencedItems.set(hit.item.id, hit.item);
        }
      }
    }
    if ((ref.invoiceLike && !matched) || index.isPaidReference(ref.key)) {
      conflictingRef = true;
      if (conflictSnippets.length < 3) conflictSnippets.push(ref.snippet);
    }
  }

  const proposals = new Map<string, Proposal>();
  const lineDay = index.dayNumber(line.date);
  const ageOf = (items: readonly OpenItem[]): number => {
    let age = Infinity;
    for (const i of items) age = Math.min(age, lineDay - index.dayNumber(i.date));
    return age === Infinity ? 0 : age;
  };
  const evidenceOf = (partnerId: number | null): PartnerEvidence | undefined =>
    partnerId === null ? undefined : partnerEvidence.get(partnerId);

  const base = (items: OpenItem[], partnerId: number | null): Omit<Proposal, "matchType" | "amountFit"> => {
    const ev = evidenceOf(partnerId);
    let refStrength = 0;
    const refSnippets: string[] = [];
    for (const item of items) {
      const hit = refHits.get(item.id);
      if (hit !== undefined) {
        refStrength += hit.strength / items.length;
        refSnippets.push(hit.snippet);
      }
    }
    return {
      items, partnerId, accountId: null, taxIds: [], writeoffAmount: 0, difference: 0,
      refStrength, refSnippets,
      partnerScore: ev?.score ?? 0, partnerRejected: ev?.rejected ?? 0, partnerReasons: ev?.reasons ?? [],
      conflictingRef: conflictingRef && items.every((i) => !refHits.has(i.id)),
      sameAmountCount: 0, expenseSimilarity: 0, expenseRejected: 0, expenseReason: "",
      ageDays: ageOf(items),
    };
  };
  const put = (p: Proposal): void => {
    const key = `${p.matchType}:${p.items.map((i) => i.id).sort((a, b) => a - b).join(",")}`;
    if (!proposals.has(key)) proposals.set(key, p);
  };
  const single = (item: OpenItem, cmp: AmountComparison, allowPartial: boolean, allowFee = true): void => {
    const fit = cmp.relation;
    if (fit === "none" || fit === "over") return;
    if (fit === "partial" && !allowPartial) return;
    if (fit === "fee" && !allowFee) return;
    const p: Proposal = {
      ...base([item], item.partnerId),
      matchType: fit === "fee" ? "writeoff" : fit === "partial" ? "partial" : "full",
      amountFit: fit satisfies AmountFit,
      difference: cmp.shortfallCompany,
    };
    if (fit === "fee") {
      p.accountId = settings.bankFeeAccountId;
      p.writeoffAmount = Math.sign(line.amount) * cmp.shortfallCompany;
    }
    put(p);
  };

  // 1. Items the label refers to.
  for (const item of referencedItems.values()) {
    const strength = refHits.get(item.id)?.strength ?? 0;
    const partnerScore = evidenceOf(item.partnerId)?.score ?? 0;
    single(item, compareAmount(line, item, settings), strength >= 0.85 || (strength >= 0.5 && partnerScore >= 0.8));
  }

  // A referenced item that the amount confirms settles the question: no need to look for combinations.
  const settled = [...proposals.values()].some((p) => p.refStrength >= 0.85 && (p.amountFit === "exact" || p.amountFit === "fx"));

  // 2. Items with exactly this amount (or within FX tolerance in company currency when currencies differ).
  const sameAmount = index.withAmount(line.currency, line.amount);
  for (const item of sameAmount.slice(0, MAX_SAME_AMOUNT)) single(item, compareAmount(line, item, settings), false);
  let unlistedSameAmount = Math.max(0, sameAmount.length - MAX_SAME_AMOUNT);
  let fxCount = 0;
  for (const item of index.nearCompanyAmount(line.amountCompany, settings.fxTolerance)) {
    if (item.currency === line.currency || !paysSign(line, item)) continue;
    if (fxCount++ < MAX_SAME_AMOUNT) single(item, compareAmount(line, item, settings), false);
    else unlistedSameAmount++;
  }

  // 3. The likely partners' open items: single matches, fees, partials, and several invoices in one payment.
  const likely = [...partnerEvidence].filter(([, ev]) => ev.score >= 0.5).sort((a, b) => b[1].score - a[1].score).slice(0, MAX_PARTNERS);
  const sign = Math.sign(line.amount);
  const lineCompany = Math.abs(line.amountCompany);
  for (const [partnerId, ev] of likely) {
    const all = index.partnerItems(partnerId, sign);
    if (all.length === 1) {
      const only = all[0] as OpenItem;
      single(only, compareAmount(line, only, settings), ev.score >= 0.8, ev.score >= 0.8);
    } else {
      // Exact, FX-rounded or short by at most a fee: a narrow band of company amounts around the line's.
      const slack = settings.fxTolerance + 0.01;
      const high = lineCompany + Math.max(slack, settings.maxFeeAmount + slack);
      for (const item of index.partnerItemsBetween(partnerId, sign, lineCompany - slack, high)) {
        single(item, compareAmount(line, item, settings), false, ev.score >= 0.8);
      }
    }
    if (settled) continue;
    const forSubsets = index.partnerItemsBetween(partnerId, sign, 0, lineCompany + settings.fxTolerance + 0.01)
      .filter((i) => i.currency === line.currency);
    addSubsets(forSubsets.length > MAX_SUBSET_ITEMS ? forSubsets.slice(-MAX_SUBSET_ITEMS) : forSubsets, partnerId);
  }

  // 4. Several referenced invoices of one partner paid together.
  const referencedByPartner = new Map<number, OpenItem[]>();
  for (const item of referencedItems.values()) {
    if (item.partnerId === null || !paysSign(line, item) || item.currency !== line.currency) continue;
    if ((refHits.get(item.id)?.strength ?? 0) < 0.85) continue;
    const list = referencedByPartner.get(item.partnerId) ?? [];
    list.push(item);
    referencedByPartner.set(item.partnerId, list);
  }
  for (const [partnerId, items] of referencedByPartner) if (items.length >= 2) addSubsets(items, partnerId);

  // 5. Coding to an account, learned from how similar lines were coded.
  const rejectedAccounts = ctx.history.rejectedAccounts(text);
  const bestPartner = likely[0];
  // A line clearly from a partner with open items of this sign is more likely a payment than an expense.
  const payeeScore = bestPartner !== undefined && index.partnerItems(bestPartner[0], sign).length > 0 ? bestPartner[1].score : 0;
  for (const option of ctx.history.expenseOptions(text, line.amount)) {
    if (option.similarity < 0.1) continue;
    put({
      ...base([], bestPartner !== undefined && bestPartner[1].score >= 0.8 ? bestPartner[0] : null),
      matchType: "expense", amountFit: "none", accountId: option.accountId, taxIds: option.taxIds,
      conflictingRef: false, expenseSimilarity: option.similarity, partnerScore: payeeScore,
      expenseRejected: rejectedAccounts.get(option.accountId) ?? 0, expenseReason: option.reason, ageDays: 0,
    });
  }

  const list = [...proposals.values()];
  const exactCount = sameAmount.length;
  for (const p of list) if (p.amountFit === "exact" || p.amountFit === "fx") p.sameAmountCount = exactCount;
  return { proposals: list, unlistedSameAmount };

  function addSubsets(items: OpenItem[], partnerId: number): void {
    if (items.length < 2) return;
    const subsets = findSubsets({
      values: items.map((i) => Math.abs(cents(i.amountResidualCurrency))),
      target: Math.abs(cents(line.amount)),
      minSize: 2,
      maxSize: settings.maxSubsetSize,
      maxNodes: MAX_SUBSET_NODES,
      maxResults: MAX_SUBSETS,
    });
    for (const subset of subsets) {
      const chosen = subset.map((k) => items[k] as OpenItem).sort((a, b) => a.id - b.id);
      put({ ...base(chosen, partnerId), matchType: "multi", amountFit: "multi" });
    }
  }
}
