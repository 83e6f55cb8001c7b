// The one definition of the financial-report rephrasing payloads exchanged between Odoo and the AI endpoint.
// Odoo writes the narrative offline (ai_bookkeeping/tools/financial_report_narrative.py) from facts, each number
// with an id; it may ask the endpoint's LLM to rephrase that text. The endpoint answers the LLM's text with its
// own first check (numbers that are no fact); Odoo decides with its full checker (numbers, sign, unit, direction)
// and keeps the offline text when either finds a problem.
import { z } from "zod";
import { LlmUsageSchema, RequestLlmSchema } from "./reconcile";

export const REPORT_REPHRASE_PATH = "/v1/reports/rephrase";
export const MAX_NARRATIVE_CHARS = 20_000;
export const MAX_FACTS = 2_000;

export const FactUnitSchema = z.enum(["currency", "percent", "points", "count", "label", "name"]);
export type FactUnit = z.infer<typeof FactUnitSchema>;

export const FactSchema = z.object({
  id: z.string().min(1).max(300),
  value: z.union([z.number().finite(), z.string().max(500)]),
  unit: FactUnitSchema,
  sense: z.enum(["up", "down", "neutral"]).default("neutral"),
});
export type Fact = z.infer<typeof FactSchema>;

/** How numbers are written in the text's language (Odoo's res.lang of the user). */
export const NumberLocaleSchema = z.object({
  decimalPoint: z.string().max(3).default("."),
  thousandsSep: z.string().max(3).default(","),
});
export type NumberLocale = z.infer<typeof NumberLocaleSchema>;

export const RephraseRequestSchema = z.object({
  /** Odoo's language code of the text (en_US, fr_FR...): the LLM answers in the same language. */
  language: z.string().min(2).max(16),
  text: z.string().min(1).max(MAX_NARRATIVE_CHARS),
  facts: z.array(FactSchema).max(MAX_FACTS),
  locale: NumberLocaleSchema.default({ decimalPoint: ".", thousandsSep: "," }),
  /** The LLM of the database that asks (see RequestLlmSchema); absent: no rephrasing. */
  llm: RequestLlmSchema.optional(),
});
export type RephraseRequest = z.infer<typeof RephraseRequestSchema>;
export type RephraseRequestInput = z.input<typeof RephraseRequestSchema>;

export const RephraseResponseSchema = z.object({
  /** True when the LLM answered a text that passed the endpoint's check. */
  rephrased: z.boolean(),
  /** The LLM's text (also when it failed the check, so that Odoo can log it); empty when it gave none. */
  text: z.string(),
  /** Why there is no usable rephrasing; empty when rephrased. */
  reason: z.string(),
  /** The numbers of the text that are no fact (the endpoint's check). */
  problems: z.array(z.string()),
  usage: LlmUsageSchema.optional(),
});
export type RephraseResponse = z.infer<typeof RephraseResponseSchema>;
