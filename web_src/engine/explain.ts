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
  const numbers = p.items.map((i) => i.moveName || `#${i.id}`);
  const money = (amount: number): string => `${Math.abs(amount).toFixed(2)} ${names.companyCurrency}`;
  switch (p.amountFit) {
    case "exact": reasons.push(`amount equals ${numbers[0] ?? ""}`); break;
    case "fx": reasons.push(`amount equals ${numbers[0] ?? ""} within FX rounding (${money(p.difference)})`); break;
    case "fee": reasons.push(`amount is ${numbers[0] ?? ""} less a bank fee of ${money(p.difference)}`); break;
    case "partial": reasons.push(`partial payment of ${numbers[0] ?? ""} (${money(p.difference)} stays open)`); break;
    case "multi": reasons.push(`amount equals the sum of ${numbers.join(", ")}`); break;
    case "none": break;
  }
  for (const snippet of new Set(p.refSnippets)) reasons.push(`label contains '${snippet}'`);
  if (p.matchType === "expense") {
    if (p.accountId !== null) reasons.push(`coded to ${names.accountLabel(p.accountId)}`);
    if (p.expenseReason !== "") reasons.push(p.expenseReason);
    if (p.expenseRejected > 0.2) reasons.push("a similar coding was rejected before");
  }
  for (const reason of p.partnerReasons) reasons.push(reason);
  if (p.matchType !== "expense" && p.partnerScore < 0.3 && p.partnerId !== null) {
    reasons.push(`nothing links the line to '${names.partnerName(p.partnerId)}'`);
  }
  if (p.sameAmountCount > 1 && p.refStrength < 0.5) reasons.push(`${p.sameAmountCount} open items have this amount`);
  if (p.conflictingRef) reasons.push("the label refers to another invoice that is not open");
  if (p.matchType === "writeoff" && p.accountId !== null) reasons.push(`difference to ${names.accountLabel(p.accountId)}`);
  const unique = [...new Set(reasons)].slice(0, MAX_REASONS).map((r) => (r.length > MAX_REASON_LENGTH ? `${r.slice(0, MAX_REASON_LENGTH - 1)}…` : r));
  const sentence = unique.join("; ");
  return {
    explanation: sentence === "" ? "No evidence beyond the amount." : `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`,
    reasons: unique,
  };
}
