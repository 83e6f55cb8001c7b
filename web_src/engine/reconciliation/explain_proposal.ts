import type { OpenItem } from "../../contracts/reconcile";
import type { Proposal } from "./proposal";

export interface Explanation {
  explanation: string;
  reasons: string[];
}

export interface ExplainNames {
  partnerName: (partnerId: number | null) => string;
  accountLabel: (accountId: number) => string;
  companyCurrency: string;
}

const MAX_REASONS = 12;
const MAX_REASON_LENGTH = 300;

/** The evidence of a proposal as short phrases, and one sentence an accountant reads in the queue. */
export function explainProposal(p: Proposal, names: ExplainNames): Explanation {
  const reasons: string[] = [];
  const first = p.items.length === 0 ? "" : entryNumber(p.items[0] as OpenItem);
  const currency = names.companyCurrency;
  switch (p.amountFit) {
    case "exact": reasons.push(`amount equals ${first}`); break;
    case "fx": reasons.push(`amount equals ${first} within FX rounding (${money(p.difference, currency)})`); break;
    case "tolerance": {
      const where = p.accountId === null ? "" : ` to ${names.accountLabel(p.accountId)}`;
      const kind = p.exchangeRounding ? "exchange rounding" : "payment difference";
      reasons.push(`amount is ${first} ${p.difference > 0 ? "less" : "plus"} ${money(p.difference, currency)}, written off${where} as ${kind}`);
      break;
    }
    case "fee": reasons.push(`amount is ${first} less a bank fee of ${money(p.difference, currency)}`); break;
    case "partial": reasons.push(`partial payment of ${first} (${money(p.difference, currency)} stays open)`); break;
    case "multi": {
      let numbers = first;
      for (let i = 1; i < p.items.length; i++) numbers += `, ${entryNumber(p.items[i] as OpenItem)}`;
      reasons.push(`amount equals the sum of ${numbers}`);
      break;
    }
    case "none": break;
  }
  for (const snippet of p.refSnippets.length > 1 ? new Set(p.refSnippets) : p.refSnippets) reasons.push(`label contains '${snippet}'`);
  if (p.matchType === "expense") {
    if (p.accountId !== null) reasons.push(`coded to ${names.accountLabel(p.accountId)}`);
    if (p.expenseReason !== "") reasons.push(p.expenseReason);
    if (p.expenseRejected > 0.2) reasons.push("a similar coding was rejected before");
  }
  if (p.partnerEvidence !== null) for (const reason of p.partnerEvidence.reasons(names.partnerName)) reasons.push(reason);
  if (p.matchType !== "expense" && p.partnerScore < 0.3 && p.partnerId !== null) {
    reasons.push(`nothing links the line to '${names.partnerName(p.partnerId)}'`);
  }
  if (p.sameAmountCount > 1 && p.refStrength < 0.5) reasons.push(`${p.sameAmountCount} open items have this amount`);
  if (p.conflictingRef) reasons.push("the label refers to another invoice that is not open");
  if (p.matchType === "writeoff" && p.accountId !== null && p.amountFit !== "tolerance") reasons.push(`difference to ${names.accountLabel(p.accountId)}`);
  if (p.citesOther) reasons.push("the label cites another open item");
  reasons.push(basisOf(p));
  const unique: string[] = [];
  for (let k = 0; k < reasons.length && unique.length < MAX_REASONS; k++) {
    const reason = reasons[k] as string;
    if (reasons.indexOf(reason) < k) continue; // said already
    unique.push(flat(reason.length > MAX_REASON_LENGTH ? `${reason.slice(0, MAX_REASON_LENGTH - 1)}…` : reason));
  }
  if (unique.length === 0) return { explanation: "No evidence beyond the amount.", reasons: unique };
  const opening = unique[0] as string;
  unique[0] = `${opening.charAt(0).toUpperCase()}${opening.slice(1)}`;
  const explanation = `${unique.join("; ")}.`;
  unique[0] = opening;
  return { explanation: flat(explanation), reasons: unique };
}

/**
 * The string as one flat piece. Sentences built from parts are trees of pieces; the explanations are kept for
 * the whole request, and a flat string is one object for the garbage collector to move instead of a tree. Reading
 * a character is what makes V8 flatten it (the tree's root then points to the flat copy, which the collector
 * keeps in its place).
 */
function flat(text: string): string {
  if (text.length > 12) text.charCodeAt(0);
  return text;
}

/** What the proposal rests on, said in so many words: a reference, an amount, or history alone. */
function basisOf(p: Proposal): string {
  if (p.matchType === "expense") {
    if (p.ownTransfer) return "rests on the company's own bank account";
    if (!p.expenseKeyed) return "rests on history alone, and no merchant of history is named: a hint only";
    if (p.expenseSupport < 3) return `rests on history alone: only ${p.expenseSupport} past ${p.expenseSupport === 1 ? "line" : "lines"} of this merchant`;
    return "rests on history alone";
  }
  if (p.refStrength >= 0.5) return "rests on the reference";
  if (p.amountFit === "none" || p.amountFit === "partial") return "rests on the partner alone";
  return p.partnerScore >= 0.5 ? "rests on the amount and the partner" : "rests on the amount alone";
}

function entryNumber(item: OpenItem): string {
  return item.moveName || `#${item.id}`;
}

function money(amount: number, currency: string): string {
  return `${Math.abs(amount).toFixed(2)} ${currency}`;
}
