// Use: rephrase a financial report's narrative in plain language. The LLM gets the offline text and its facts and
// may only reword: no number, name or claim that is not in the facts. Its answer is checked afterwards (the
// endpoint's unknownNumbers, then Odoo's check_narrative); nothing here trusts it.
import { z } from "zod";
import type { RephraseRequest } from "../../contracts/reports";
import type { StructuredTask } from "../structured_caller";

export const RephraseAnswerSchema = z.object({ text: z.string().max(20_000) });
export type RephraseAnswer = z.infer<typeof RephraseAnswerSchema>;

const INSTRUCTIONS = [
  "You rewrite the summary of a company's financial report for a business owner who is not an accountant.",
  'The data holds the summary ("text") and the facts it is built from ("facts": each number with its unit and',
  "direction). Keep the same language as the text. Keep every number exactly as written in the text, with its sign",
  "and unit; do not add any number, percentage, date, name or cause that is not in the facts; keep every customer,",
  'vendor, product and account named. Answer with the rewritten summary in the field "text".',
].join(" ");

export function rephraseTask(request: RephraseRequest): StructuredTask<RephraseAnswer> {
  return {
    name: "rephrase_report",
    instructions: INSTRUCTIONS,
    schema: RephraseAnswerSchema,
    data: { language: request.language, text: request.text, facts: request.facts },
  };
}
