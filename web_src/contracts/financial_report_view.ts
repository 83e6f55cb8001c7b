// What the financial reports' client action exchanges with Odoo (ai_bookkeeping/models/financial_report.py:
// get_view_data, action_drill_down, action_print_pdf, action_export_xlsx), parsed in the browser with zod/mini.
import * as z from "zod/mini";

const Text = z.pipe(
  z.transform((value: unknown) => (value === false || value === null || value === undefined ? "" : value)),
  z.string(),
);
const Amounts = z.record(z.string(), z.number());

export const ReportRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(["line", "section", "total"]),
  values: Amounts,
  draft: Amounts,
});
export type ReportRow = z.infer<typeof ReportRowSchema>;

export const SentenceSchema = z.object({
  text: z.string(),
  facts: z.array(z.string()),
  links: z.array(z.object({ model: z.string(), id: z.int(), name: Text, kind: Text })),
});
export type Sentence = z.infer<typeof SentenceSchema>;

export const TrendPointSchema = z.object({
  month: z.string(),
  revenue: z.number(),
  expenses: z.number(),
  margin: z.number(),
  cash: z.number(),
});
export type TrendPoint = z.infer<typeof TrendPointSchema>;

export const REPORT_KEYS = ["pnl", "balance_sheet", "cash_flow"] as const;
export type ReportKey = (typeof REPORT_KEYS)[number];

export const FinancialReportViewSchema = z.object({
  id: z.int(),
  name: z.string(),
  company: z.string(),
  currency_id: z.int(),
  date_from: z.string(),
  date_to: z.string(),
  include_draft: z.boolean(),
  columns: z.array(z.object({ key: z.string(), label: z.string() })),
  // The balance sheet is a position at a date: its columns are headed "At <date>" (absent from older servers).
  balance_sheet_columns: z.optional(z.array(z.object({ key: z.string(), label: z.string() }))),
  reports: z.object({
    pnl: z.array(ReportRowSchema),
    balance_sheet: z.array(ReportRowSchema),
    cash_flow: z.array(ReportRowSchema),
  }),
  trend: z.array(TrendPointSchema),
  narrative: z.object({
    pnl: z.array(SentenceSchema),
    balance_sheet: z.array(SentenceSchema),
    cash_flow: z.array(SentenceSchema),
  }),
  narrative_text: Text,
  narrative_source: Text,
  llm_note: Text,
});
export type FinancialReportView = z.infer<typeof FinancialReportViewSchema>;

/** An action the server returns (act_window of the journal items, the PDF report, the XLSX download). */
export const ServerActionSchema = z.looseObject({ type: z.string() });
export type ServerAction = z.infer<typeof ServerActionSchema>;
