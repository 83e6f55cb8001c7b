// Financial-report narratives, the endpoint's part: the LLM rephrases the offline text when the request names an
// LLM; the answer is checked (unknownNumbers) and returned with the verdict. Odoo checks again and decides.
import type { RequestLlm } from "../../contracts/reconcile";
import { RephraseResponseSchema, type RephraseRequest, type RephraseResponse } from "../../contracts/reports";
import { unknownNumbers } from "../../engine/reports/unknown_numbers";
import { createStructuredCaller } from "../../llm/create_llm_refiner";
import { LlmConfigSchema } from "../../llm/llm_config";
import type { StructuredCaller } from "../../llm/structured_caller";
import { UsageMeter } from "../../llm/usage_meter";
import { rephraseTask } from "../../llm/uses/rephrase_report";
import { ResponseContractError } from "../errors";

export type CallerFactory = (llm: RequestLlm) => StructuredCaller;

export const defaultCallerFor: CallerFactory = (llm) => createStructuredCaller(LlmConfigSchema.parse(llm));

export class ReportService {
  private readonly validateResponses: boolean;
  private readonly callerFor: CallerFactory;

  constructor(options: { validateResponses: boolean; callerFor?: CallerFactory }) {
    this.validateResponses = options.validateResponses;
    this.callerFor = options.callerFor ?? defaultCallerFor;
  }

  async rephrase(request: RephraseRequest): Promise<RephraseResponse> {
    const response = await this.answer(request);
    if (!this.validateResponses) return response;
    const parsed = RephraseResponseSchema.safeParse(response);
    if (!parsed.success) throw new ResponseContractError(`rephrase reply breaks the contract: ${parsed.error.message}`);
    return parsed.data;
  }

  private async answer(request: RephraseRequest): Promise<RephraseResponse> {
    if (!request.llm) return { rephrased: false, text: "", reason: "no LLM is configured", problems: [] };
    let caller: StructuredCaller;
    try {
      caller = this.callerFor(request.llm);
    } catch (error) {
      return { rephrased: false, text: "", reason: `unusable LLM settings: ${String(error)}`, problems: [] };
    }
    const meter = new UsageMeter();
    const outcome = await caller.call(rephraseTask(request), meter);
    const usage = meter.summary(caller.model, { promptPricePer1k: 0, completionPricePer1k: 0 });
    if (!outcome.ok) return { rephrased: false, text: "", reason: outcome.reason, problems: [], usage };
    const problems = unknownNumbers(outcome.value.text, request.facts, request.locale);
    return {
      rephrased: problems.length === 0,
      text: outcome.value.text,
      reason: problems.length ? "the LLM's text states numbers that are not among the facts" : "",
      problems,
      usage,
    };
  }
}
