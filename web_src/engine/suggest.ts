import type { LineResult, StatementLine, Suggestion, SuggestRequest } from "../contracts/reconcile";
import { calibrate } from "./calibration";
import { collectProposals } from "./collectProposals";
import { buildEngineContext, type EngineContext } from "./engineContext";
import { explainProposal } from "./explain";
import type { Proposal } from "./proposal";
import { proposalLogit } from "./scoring";

export const ENGINE_NAME = "ai_bookkeeping-offline";
export const ENGINE_VERSION = "1.0.0";

/** Log-odds of "none of these": a proposal must beat it to get any real probability. */
const NONE_LOGIT = 0;
/** Logit of a bare amount match, used for same-amount items that were too many to list. */
const AMOUNT_ONLY_LOGIT = -0.5;
/** Suggestions below this confidence are noise, not suggestions. */
const MIN_CONFIDENCE = 0.02;

export interface ScoredProposal {
  proposal: Proposal;
  /** Probability share among the alternatives (softmax including "none"), before calibration. */
  raw: number;
}

/**
 * Offline reconciliation suggestions for each statement line: indexes the request once, then for each line
 * collects proposals, scores them, turns the scores into calibrated confidences and explains them.
 */
export function suggestReconciliations(request: SuggestRequest): LineResult[] {
  const ctx = buildEngineContext(request);
  return request.lines.map((line) => ({ lineId: line.id, suggestions: suggestForLine(line, ctx) }));
}

/** Ranked proposals with their uncalibrated share: what the calibration is fitted on. */
export function scoreLine(line: StatementLine, ctx: EngineContext): ScoredProposal[] {
  const { proposals, unlistedSameAmount } = collectProposals(line, ctx);
  const logits = proposals.map(proposalLogit);
  const top = Math.max(NONE_LOGIT, ...logits);
  let denominator = Math.exp(NONE_LOGIT - top) + unlistedSameAmount * Math.exp(AMOUNT_ONLY_LOGIT - top);
  for (const l of logits) denominator += Math.exp(l - top);
  return proposals
    .map((proposal, i) => ({ proposal, logit: logits[i] as number }))
    .sort((a, b) => b.logit - a.logit || (a.proposal.items[0]?.id ?? 0) - (b.proposal.items[0]?.id ?? 0))
    .map(({ proposal, logit }) => ({ proposal, raw: Math.exp(logit - top) / denominator }));
}

function suggestForLine(line: StatementLine, ctx: EngineContext): Suggestion[] {
  const names = {
    partnerName: (id: number | null) => ctx.partners.name(id),
    accountLabel: ctx.accountLabel,
    companyCurrency: ctx.companyCurrency,
  };
  const suggestions: Suggestion[] = [];
  for (const { proposal, raw } of scoreLine(line, ctx)) {
    if (suggestions.length >= ctx.settings.maxSuggestions) break;
    const confidence = Math.round(calibrate(raw) * 1e4) / 1e4;
    if (confidence < MIN_CONFIDENCE) break;
    const { explanation, reasons } = explainProposal(proposal, names);
    suggestions.push({
      rank: suggestions.length + 1,
      matchType: proposal.matchType,
      candidateIds: proposal.items.map((i) => i.id),
      partnerId: proposal.partnerId,
      accountId: proposal.accountId,
      taxIds: proposal.taxIds,
      writeoffAmount: Math.round(proposal.writeoffAmount * 100) / 100,
      confidence,
      explanation,
      reasons,
    });
  }
  return suggestions;
}
