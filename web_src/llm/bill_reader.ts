// The LLM stage of vendor-bill reading (the endpoint's services/bills.ts calls it after the offline extractor): for
// each bill whose header fields the extractor is unsure of (not read, or below the review threshold), one structured
// call with the document's masked text and the unsure field names (uses/read_bill_fields.ts); the answer is merged
// only where it passes the extractor's own checks (engine/bills/bill_llm_fields.ts). Any failure (timeout, refusal,
// an answer that does not fit the schema or does not add up) leaves the offline reading as it is.
import { setMaxListeners } from "node:events";
import type { ExtractedBill } from "../contracts/bills";
import type { LlmUsage } from "../contracts/reconcile";
import { AUTO_CONFIDENCE } from "../contracts/reconcile";
import { mergeLlmFields, unsureFields, type MergeOptions, type PageText } from "../engine/bills/bill_llm_fields";
import type { StructuredCaller } from "./structured_caller";
import { UsageMeter, type TokenPrices } from "./usage_meter";
import { billFieldsTask, maskedPages } from "./uses/read_bill_fields";

export interface BillReaderSettings extends TokenPrices {
  /** Fields below this confidence are asked about: the review threshold (the high band's floor). */
  unsureBelow: number;
  /** Bills of one document asked about (a PDF may hold many); the others keep the offline reading. */
  maxBills: number;
  /** Time the LLM may add to one request, all its calls together. */
  requestBudgetMs: number;
}

export const DEFAULT_BILL_READER_SETTINGS: BillReaderSettings = {
  unsureBelow: AUTO_CONFIDENCE,
  maxBills: 5,
  requestBudgetMs: 20_000,
  promptPricePer1k: 0,
  completionPricePer1k: 0,
};

/** One bill as the offline extractor read it, with the text of the pages it was read from (not yet masked). */
export interface BillToRefine {
  bill: ExtractedBill;
  pages: readonly PageText[];
}

export interface BillReaderOutcome {
  bills: ExtractedBill[];
  usage: LlmUsage;
  /** Fields the LLM filled or corrected, over all bills. */
  filled: number;
}

export class BillLlmReader {
  readonly model: string;

  constructor(
    private readonly caller: StructuredCaller,
    private readonly settings: BillReaderSettings = DEFAULT_BILL_READER_SETTINGS,
  ) {
    this.model = caller.model;
  }

  async refine(items: readonly BillToRefine[], options: MergeOptions): Promise<BillReaderOutcome> {
    const meter = new UsageMeter();
    const bills = items.map((item) => item.bill);
    let filled = 0;
    const budget = new AbortController();
    setMaxListeners(this.settings.maxBills + 10, budget.signal);
    const timer = setTimeout(() => budget.abort(), this.settings.requestBudgetMs);
    try {
      let asked = 0;
      await Promise.all(
        items.map(async ({ bill, pages }, index) => {
          const unsure = unsureFields(bill, this.settings.unsureBelow);
          if (unsure.length === 0 || pages.length === 0 || asked >= this.settings.maxBills) return;
          asked += 1;
          // The LLM sees masked text, and its values are looked for in that same text.
          const masked = maskedPages(pages);
          const outcome = await this.caller.call(billFieldsTask(bill, unsure, masked), meter, budget.signal);
          if (!outcome.ok) return;
          const merged = mergeLlmFields(bill, outcome.value, unsure, masked, options);
          if (merged.refused.length > 0) {
            // Field names only: the document's content is never logged.
            this.caller.logger.debug({ task: "read_bill_fields", refused: merged.refused.map((r) => r.field) }, "LLM bill fields discarded");
          }
          bills[index] = merged.bill;
          filled += merged.accepted.length;
        }),
      );
    } finally {
      clearTimeout(timer);
    }
    return { bills, usage: meter.summary(this.model, this.settings), filled };
  }
}
