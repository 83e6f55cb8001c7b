// The LLM stage behind the offline engine (the endpoint's `Refiner`). It only ever works on what the engine gave:
//  - grey-band cases (top confidence in [greyLow, greyHigh)): the LLM picks one of the engine's own proposals that
//    passed the evidence floor, or none; the pick moves to rank 1 with the engine's confidence for that same
//    proposal (never more, and below AUTO_CONFIDENCE), and proposals it passed over are capped at that confidence;
//  - unexplained outgoing payments (no suggestion at all): the LLM picks one of the request's expense-like
//    accounts; the proposal gets a fixed low confidence (`accountConfidence`), so a person always reviews it.
// Anything the LLM names that was not offered, any malformed answer and any error leave the engine's result as is.
// An LLM-touched suggestion says so: its first reason starts with "LLM:" (and the response names the model).
import { setMaxListeners } from "node:events";
import type {
  Account,
  LineResult,
  OpenItem,
  StatementLine,
  Suggestion,
  SuggestRequest,
} from "../contracts/reconcile";
import { AUTO_CONFIDENCE } from "../contracts/reconcile";
import type { RefineContext, Refiner } from "../contracts/reconcile_pipeline";
import type { LlmConfig } from "./llm_config";
import type { LlmLogger, StructuredCaller } from "./structured_caller";
import { UsageMeter } from "./usage_meter";
import { accountTask, expenseAccounts, readAccountAnswer } from "./uses/propose_expense_account";
import { readRerankAnswer, rerankTask, type RerankCase } from "./uses/rerank_reconciliation";

/** Highest confidence an LLM-touched suggestion may carry: strictly below the auto-apply grade. */
export const LLM_CONFIDENCE_CEILING = Math.round((AUTO_CONFIDENCE - 0.0001) * 1e4) / 1e4;
const MAX_REASONS = 20;
const MAX_REASON_LENGTH = 500;

export type LlmRefinerSettings = Pick<
  LlmConfig,
  | "greyLow"
  | "greyHigh"
  | "evidenceFloor"
  | "accountConfidence"
  | "maxCases"
  | "requestBudgetMs"
  | "promptPricePer1k"
  | "completionPricePer1k"
>;

type Case =
  | { kind: "rerank"; index: number; rerank: RerankCase }
  | { kind: "account"; index: number; line: StatementLine; accounts: Account[] };

export class LlmRefiner implements Refiner {
  readonly model: string;

  constructor(
    private readonly caller: StructuredCaller,
    private readonly settings: LlmRefinerSettings,
  ) {
    this.model = caller.model;
  }

  /** Send the stage's logs (masked prompts at debug, failures at warn) to `logger`. */
  useLogger(logger: LlmLogger): void {
    this.caller.logger = logger;
  }

  async refine(request: SuggestRequest, results: LineResult[], context?: RefineContext): Promise<LineResult[]> {
    const meter = new UsageMeter();
    const refined = results.map((result) => ({ ...result, suggestions: [...result.suggestions] }));
    try {
      if (request.llmAllowed !== false) await this.refineCases(request, refined, meter);
    } finally {
      context?.recordUsage(meter.summary(this.model, this.settings));
    }
    return refined;
  }

  private async refineCases(request: SuggestRequest, results: LineResult[], meter: UsageMeter): Promise<void> {
    const cases = this.selectCases(request, results);
    if (cases.length === 0) return;
    const itemsById = new Map<number, OpenItem>();
    const wanted = new Set(cases.flatMap((c) => (c.kind === "rerank" ? c.rerank.options.flatMap((s) => s.candidateIds) : [])));
    for (const item of request.candidates) if (wanted.has(item.id)) itemsById.set(item.id, item);

    const budget = new AbortController();
    // Every call in flight listens on the one budget signal: allow that many listeners without a leak warning.
    setMaxListeners(cases.length + 10, budget.signal);
    const timer = setTimeout(() => budget.abort(), this.settings.requestBudgetMs);
    try {
      await Promise.all(
        cases.map(async (c) => {
          const result = results[c.index];
          if (!result) return;
          if (c.kind === "rerank") {
            const outcome = await this.caller.call(rerankTask(c.rerank, itemsById), meter, budget.signal);
            if (!outcome.ok) return;
            const chosen = readRerankAnswer(outcome.value, c.rerank.options.length);
            if (typeof chosen === "number") {
              result.suggestions = reranked(result.suggestions, c.rerank.options, chosen, outcome.value.explanation);
            }
          } else {
            const outcome = await this.caller.call(accountTask(c.line, c.accounts), meter, budget.signal);
            if (!outcome.ok) return;
            const account = readAccountAnswer(outcome.value, c.accounts);
            if (account) {
              result.suggestions = [this.accountSuggestion(c.line, account, outcome.value.explanation)];
            }
          }
        }),
      );
    } finally {
      clearTimeout(timer);
    }
  }

  /** The lines worth asking about, in request order, at most `maxCases`. */
  private selectCases(request: SuggestRequest, results: LineResult[]): Case[] {
    const { greyLow, greyHigh, evidenceFloor, maxCases } = this.settings;
    const linesById = new Map(request.lines.map((line) => [line.id, line]));
    const accounts = expenseAccounts(request.accounts);
    const cases: Case[] = [];
    results.forEach((result, index) => {
      const line = linesById.get(result.lineId);
      if (!line || cases.length >= maxCases) return;
      const top = result.suggestions[0];
      if (top) {
        if (top.confidence < greyLow || top.confidence >= greyHigh) return;
        const options = result.suggestions.filter((s) => s.confidence >= evidenceFloor);
        if (options.length > 0) cases.push({ kind: "rerank", index, rerank: { line, options } });
      } else if (line.amount < 0 && accounts.length > 0) {
        cases.push({ kind: "account", index, line, accounts });
      }
    });
    return cases;
  }

  private accountSuggestion(line: StatementLine, account: Account, explanation: string): Suggestion {
    return {
      rank: 1,
      matchType: "expense",
      candidateIds: [],
      partnerId: line.partnerId,
      accountId: account.id,
      taxIds: [],
      writeoffAmount: 0,
      confidence: Math.min(this.settings.accountConfidence, LLM_CONFIDENCE_CEILING),
      explanation: `Proposed by ${this.model}: book to ${account.code} ${account.name}`.trim().slice(0, 2_000),
      reasons: [llmReason(explanation), "No invoice, bill or past booking explains this payment"],
    };
  }
}

/**
 * The suggestions with `options[chosen]` first. It keeps the engine's confidence for itself (capped below auto);
 * suggestions ranked above it by the engine are capped at its confidence, so the ranking and the confidences agree.
 */
function reranked(
  suggestions: readonly Suggestion[],
  options: readonly Suggestion[],
  chosen: number,
  explanation: string,
): Suggestion[] {
  const pick = options[chosen];
  if (!pick) return [...suggestions];
  const confidence = Math.min(pick.confidence, LLM_CONFIDENCE_CEILING);
  const first: Suggestion = {
    ...pick,
    confidence,
    reasons: [llmReason(explanation), ...pick.reasons].slice(0, MAX_REASONS),
  };
  const rest = suggestions
    .filter((s) => s !== pick)
    .map((s) => ({ ...s, confidence: Math.min(s.confidence, confidence) }));
  return [first, ...rest].map((s, i) => ({ ...s, rank: i + 1 }));
}

function llmReason(explanation: string): string {
  const text = explanation.replace(/\s+/g, " ").trim() || "chosen by the language model";
  return `LLM: ${text}`.slice(0, MAX_REASON_LENGTH);
}
