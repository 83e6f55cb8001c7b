import type { Proposal } from "./proposal";

/**
 * Raw evidence score of one proposal, in log-odds. The weights are hand-set and only their order matters for the
 * ranking; `calibrate` turns the softmax of these scores into a confidence fitted on generated books.
 */
export function proposalLogit(p: Proposal): number {
  if (p.matchType === "expense") {
    return -3.5 + 9 * p.expenseSimilarity - 7 * p.expenseRejected - 3 * p.partnerScore;
  }
  let logit = -4;
  const strongEnough = p.partnerScore >= 0.5 || p.amountFit === "exact" || p.amountFit === "multi";
  if (p.refStrength >= 0.95) logit += 6;
  else if (p.refStrength >= 0.85) logit += 5;
  else if (p.refStrength >= 0.5) logit += strongEnough ? 2 : 0.5;
  else if (p.refStrength > 0) logit += 2 * p.refStrength;
  switch (p.amountFit) {
    case "exact": logit += 3.5; break;
    case "fx": logit += 3; break;
    // Off by a few cents: as good as exact when the label cites the invoice, a guess otherwise.
    case "tolerance": logit += p.refStrength >= 0.85 ? 2.5 : 0; break;
    // Short by a fee without a reference: in a busy ledger some invoice is always a few euros above the payment.
    case "fee": logit += p.refStrength >= 0.85 ? 2 : 0.5; break;
    case "multi": logit += 3 - 0.4 * Math.max(0, p.items.length - 2); break;
    case "partial": logit += p.instalmentWords && p.refStrength >= 0.5 ? 1.5 : -0.5; break;
    case "none": logit -= 3; break;
  }
  logit += 5 * p.partnerScore;
  logit -= 5 * p.partnerRejected;
  if (p.conflictingRef && p.refStrength < 0.85) logit -= 4;
  // The label cites another open item: a coincidental amount or combination does not outrank the reference.
  if (p.citesOther) logit -= 3;
  logit += 0.3 * Math.min(1, Math.max(0, p.ageDays) / 365);
  if (p.ageDays < 0) logit -= 1;
  return logit;
}
