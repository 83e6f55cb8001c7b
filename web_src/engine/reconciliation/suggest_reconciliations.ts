import type { LineResult, OpenItem, StatementLine, Suggestion, SuggestRequest } from "../../contracts/reconcile";
import { calibrate } from "./calibration";
import { collectProposals } from "./collect_proposals";
import { buildEngineContext, type EngineContext } from "./engine_context";
import { explainProposal, type ExplainNames } from "./explain_proposal";
import type { Proposal } from "./proposal";
import { proposalLogit } from "./proposal_logit";

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
  const names: ExplainNames = {
    partnerName: (id) => ctx.partners.name(id),
    accountLabel: ctx.accountLabel,
    companyCurrency: ctx.companyCurrency,
  };
  const results = new Array<LineResult>(request.lines.length);
  for (let k = 0; k < request.lines.length; k++) {
    const line = request.lines[k] as StatementLine;
    results[k] = { lineId: line.id, suggestions: suggestForLine(line, ctx, names) };
  }
  return results;
}

/** Ranked proposals with their uncalibrated share: what the calibration is fitted on. */
export function scoreLine(line: StatementLine, ctx: EngineContext): ScoredProposal[] {
  const { proposals, unlistedSameAmount } = collectProposals(line, ctx);
  const ranked = new Array<RankedProposal>(proposals.length);
  let top = NONE_LOGIT;
  for (let i = 0; i < proposals.length; i++) {
    const proposal = proposals[i] as Proposal;
    const logit = proposalLogit(proposal);
    ranked[i] = { proposal, logit };
    top = Math.max(top, logit);
  }
  let denominator = Math.exp(NONE_LOGIT - top) + unlistedSameAmount * Math.exp(AMOUNT_ONLY_LOGIT - top);
  for (let i = 0; i < ranked.length; i++) denominator += Math.exp((ranked[i] as RankedProposal).logit - top);
  if (ranked.length > 1) ranked.sort(byLogitThenFirstItem);
  const scored = new Array<ScoredProposal>(ranked.length);
  for (let i = 0; i < ranked.length; i++) {
    const { proposal, logit } = ranked[i] as RankedProposal;
    scored[i] = { proposal, raw: Math.exp(logit - top) / denominator };
  }
  return scored;
}

interface RankedProposal {
  proposal: Proposal;
  logit: number;
}

function byLogitThenFirstItem(a: RankedProposal, b: RankedProposal): number {
  return b.logit - a.logit || (a.proposal.items[0]?.id ?? 0) - (b.proposal.items[0]?.id ?? 0);
}

function suggestForLine(line: StatementLine, ctx: EngineContext, names: ExplainNames): Suggestion[] {
  const suggestions: Suggestion[] = [];
  for (const { proposal, raw } of scoreLine(line, ctx)) {
    if (suggestions.length >= ctx.settings.maxSuggestions) break;
    const confidence = Math.round(Math.min(calibrate(raw), proposal.maxConfidence) * 1e4) / 1e4;
    if (confidence < MIN_CONFIDENCE) continue;
    const { explanation, reasons } = explainProposal(proposal, names);
    const candidateIds = new Array<number>(proposal.items.length);
    for (let i = 0; i < proposal.items.length; i++) candidateIds[i] = (proposal.items[i] as OpenItem).id;
    suggestions.push({
      rank: suggestions.length + 1,
      matchType: proposal.matchType,
      candidateIds,
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
