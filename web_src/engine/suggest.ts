// Placeholder entry point, replaced by the engine helper: exact-amount matching only.
import type { LineResult, SuggestRequest } from "../contracts/reconcile";

export const ENGINE_NAME = "ai_bookkeeping-offline";
export const ENGINE_VERSION = "0.0.1";

export function suggestReconciliations(request: SuggestRequest): LineResult[] {
  return request.lines.map((line) => ({
    lineId: line.id,
    suggestions: request.candidates
      .filter((c) => c.currency === line.currency && Math.abs(c.amountResidualCurrency - line.amount) < 0.005)
      .slice(0, 1)
      .map((c) => ({
        rank: 1,
        matchType: "full" as const,
        candidateIds: [c.id],
        partnerId: c.partnerId,
        accountId: null,
        taxIds: [],
        writeoffAmount: 0,
        confidence: 0.5,
        explanation: `amount equals ${c.moveName}`,
        reasons: [`amount equals ${c.moveName}`],
      })),
  }));
}
