// Use 1: re-rank and explain a reconciliation case the offline engine is unsure about (top confidence in the grey
// band). The LLM sees the line and the engine's own proposals that passed the evidence floor, each under an option
// key ("A", "B", ...), and picks one of those keys or none. It cannot name anything else: an answer with another key
// is discarded by `readRerankAnswer`.
import { z } from "zod";
import type { OpenItem, StatementLine, Suggestion } from "../../contracts/reconcile";
import { maskPersonalData } from "../mask_personal_data";
import type { StructuredTask } from "../structured_caller";
import { itemData, lineData } from "./prompt_data";

export const RerankAnswerSchema = z.object({
  /** The chosen option's key, or null when none of the options is supported by the evidence. */
  option: z.string().nullable(),
  /** One short sentence for the accountant. */
  explanation: z.string(),
});
export type RerankAnswer = z.infer<typeof RerankAnswerSchema>;

const INSTRUCTIONS = [
  "You help an accountant reconcile one bank statement line with open invoices and bills.",
  "An offline matching engine proposed the options in the data, each under an option key; it is unsure which is right.",
  "Choose the option whose invoices/bills the payment most plausibly settles, judging by amounts, dates, references",
  "and names, or null when none is plausible. You may only answer with one of the given option keys or null.",
  'Explain your choice in one short sentence (at most 25 words) in the field "explanation".',
].join(" ");

const optionKey = (index: number): string => String.fromCharCode(65 + index);

export interface RerankCase {
  line: StatementLine;
  /** The engine's suggestions offered to the LLM, best first (those at or above the evidence floor). */
  options: readonly Suggestion[];
}

export function rerankTask(rerankCase: RerankCase, itemsById: ReadonlyMap<number, OpenItem>): StructuredTask<RerankAnswer> {
  return {
    name: "rerank_reconciliation",
    instructions: INSTRUCTIONS,
    schema: RerankAnswerSchema,
    data: {
      statementLine: lineData(rerankCase.line),
      options: rerankCase.options.map((suggestion, index) => ({
        option: optionKey(index),
        kind: suggestion.matchType,
        items: suggestion.candidateIds.flatMap((id) => {
          const item = itemsById.get(id);
          return item ? [itemData(item)] : [];
        }),
        writeoffAmount: suggestion.writeoffAmount,
        engineEvidence: suggestion.reasons.map(maskPersonalData),
      })),
    },
  };
}

/** The index of the chosen option, null for "none", or undefined when the answer names no offered option. */
export function readRerankAnswer(answer: RerankAnswer, optionCount: number): number | null | undefined {
  if (answer.option === null) return null;
  const index = answer.option.trim().toUpperCase().charCodeAt(0) - 65;
  return answer.option.trim().length === 1 && index >= 0 && index < optionCount ? index : undefined;
}
