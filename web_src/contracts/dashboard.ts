// The one definition of what the review dashboard exchanges with Odoo through the `orm` service (JSON-RPC to model
// methods): each request's arguments and each reply, as zod schemas with their types inferred from them.
// Python side: ai_bookkeeping/models/ai_reconciliation_dashboard.py (dashboard_* and bulk_* methods) and
// ai_suggestion_dashboard.py (the other suggestion kinds). The browser talks only to Odoo; Odoo talks to the endpoint.
//
// The server is trusted, but it may run an older version of the add-on: the dashboard parses every reply with these
// schemas (web_src/dashboard/parse_reply.ts), so a missing or mistyped field ends in a visible message, not in a crash
// deep in a template. Odoo's JSON sends Python's None as null and empty char fields as false: those read as "" or
// absent where the dashboard has a default.
//
// zod/mini, not zod: the same schemas and `z.infer`, tree-shaken to a few kilobytes in the browser bundle (the classic
// API drags ~750 kB into it).
import * as z from "zod/mini";

/** Odoo's false / null / absent for an empty text → "". */
const Text = z.pipe(
  z.transform((value: unknown) => (value === false || value === null || value === undefined ? "" : value)),
  z.string(),
);
/** A text that may be empty: false / absent → null. */
const TextOrNull = z.pipe(
  z.transform((value: unknown) => (value === false || value === undefined ? null : value)),
  z.nullable(z.string()),
);
/** An integer; the message names it (zod's own issue says "number" for a value that is not one at all). */
const Int = z.int({ error: "an integer" });
const Id = Int;
const Ratio = z.number(); // 0..1
const IsoDate = z.string();

/** Drops the named keys whose value is Odoo's false (a many2one or optional id the server had none for). */
function withoutFalse<T extends z.ZodMiniType>(keys: readonly string[], schema: T) {
  return z.pipe(
    z.transform((value: unknown) => {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
      const copy: Record<string, unknown> = { ...value };
      for (const key of keys) if (copy[key] === false) delete copy[key];
      return copy;
    }),
    schema,
  );
}

export const SuggestionStateSchema = z.enum(["pending", "approved", "applied", "rejected", "reverted", "failed"]);
export type SuggestionState = z.infer<typeof SuggestionStateSchema>;

/** The kinds of bank-reconciliation match (`ai.reconciliation.suggestion.match_type`); their labels come from the server. */
export const MatchTypeSchema = z.enum(["full", "partial", "multi", "writeoff", "expense"]);
export type MatchType = z.infer<typeof MatchTypeSchema>;

/** Confidence bands, as the server defines them (`dashboard_labels`): the codes are fixed, limits and labels are not. */
export const ConfidenceBandSchema = z.enum(["high", "medium", "low"]);
export type ConfidenceBand = z.infer<typeof ConfidenceBandSchema>;

// ------------------------------------------------------------------------------------------------ requests

/** The `filters` argument of `dashboard_rows` / `dashboard_groups`, and a group's key. Unknown keys are refused. */
export const DashboardFiltersSchema = z.strictObject({
  matchTypes: z.exactOptional(z.array(MatchTypeSchema)),
  journalIds: z.exactOptional(z.array(Id)),
  minConfidence: z.exactOptional(z.number()),
  maxConfidence: z.exactOptional(z.number()),
  minAmount: z.exactOptional(z.number()),
  maxAmount: z.exactOptional(z.number()),
  /** `[0]` stands for "no partner" (the key of that group). */
  partnerIds: z.exactOptional(z.array(Id)),
  dateFrom: z.exactOptional(IsoDate),
  dateTo: z.exactOptional(IsoDate),
  search: z.exactOptional(z.string()),
  /** Default ["pending"]. */
  states: z.exactOptional(z.array(SuggestionStateSchema)),
});
export type DashboardFilters = z.infer<typeof DashboardFiltersSchema>;

export const DashboardOrderSchema = z.enum(["confidence desc", "confidence asc", "date desc", "date asc", "amount desc", "amount asc"]);
export type DashboardOrder = z.infer<typeof DashboardOrderSchema>;

/** What `dashboard_groups(filters, groupBy)` groups the queue by. */
export const DashboardGroupBySchema = z.enum(["partner", "journal", "kind", "band", "month"]);
export type DashboardGroupBy = z.infer<typeof DashboardGroupBySchema>;

/** The positional arguments of `dashboard_rows(filters, offset, limit, order)`. */
export const DashboardRowsArgsSchema = z.tuple([DashboardFiltersSchema, Int, Int, DashboardOrderSchema]);
export type DashboardRowsArgs = z.infer<typeof DashboardRowsArgsSchema>;

/** `dashboard_groups(filters, groupBy)` */
export const DashboardGroupsArgsSchema = z.tuple([DashboardFiltersSchema, DashboardGroupBySchema]);
export type DashboardGroupsArgs = z.infer<typeof DashboardGroupsArgsSchema>;

/** `bulk_approve(ids)` / `bulk_rerun(ids)` / `bulk_reject(ids, reason)` */
export const BulkArgsSchema = z.union([z.tuple([z.array(Id)]), z.tuple([z.array(Id), z.nullable(z.string())])]);
export type BulkArgs = z.infer<typeof BulkArgsSchema>;

/** `action_choose_candidate([id], kind, choiceId)` */
export const CandidateKindSchema = z.enum(["item", "account"]);
export type CandidateKind = z.infer<typeof CandidateKindSchema>;

/** `ai.suggestion.dashboard_decide(ids, decision, reason)` */
export const DecisionSchema = z.enum(["approve", "reject"]);
export type Decision = z.infer<typeof DecisionSchema>;

// ------------------------------------------------------------------------------------------------ replies

/** One row of the queue, as returned by `ai.reconciliation.suggestion.dashboard_rows`. */
export const DashboardRowSchema = z.object({
  id: Id,
  state: SuggestionStateSchema,
  matchType: MatchTypeSchema,
  /** The match type as the user's language names it (absent from older servers: the dashboard shows the code). */
  matchTypeLabel: z.exactOptional(z.string()),
  confidence: Ratio,
  rank: Id,
  explanation: Text,
  reasons: z._default(z.array(z.string()), []),
  /**
   * The bank line. Amount is signed (money in > 0) in `currency` (ISO code). `currencyId` (res.currency id) lets the
   * browser format the amount with Odoo's formatMonetary; without it the dashboard shows the number and the code.
   */
  line: withoutFalse(
    ["currencyId"],
    z.object({
      id: Id,
      date: IsoDate,
      label: Text,
      amount: z.number(),
      currency: z.string(),
      currencyId: z.exactOptional(Id),
      journal: Text,
    }),
  ),
  /** The proposed match: invoice/bill numbers, partner, or account for an expense / write-off. */
  proposal: z.object({
    moveNames: z._default(z.array(z.string()), []),
    partner: TextOrNull,
    account: TextOrNull,
    writeoffAmount: z.pipe(
      z.transform((value: unknown) => (value === false || value === null || value === undefined ? 0 : value)),
      z.number(),
    ),
  }),
  /** Human summary of the journal items that approving will post, e.g. "Receivable Acme 1,200.00 / Bank fees 5.00". */
  willPost: Text,
  /** Set when the last action on this row failed or the suggestion went stale. */
  error: TextOrNull,
});
export type DashboardRow = z.infer<typeof DashboardRowSchema>;

/** `dashboard_rows(filters, offset, limit, order)` */
export const DashboardPageSchema = z.object({ rows: z.array(DashboardRowSchema), total: Int });
export type DashboardPage = z.infer<typeof DashboardPageSchema>;

/** `dashboard_kpis()` */
export const DashboardKpisSchema = z.object({
  pending: Int,
  appliedToday: Int,
  appliedTodayAuto: Int,
  appliedTodayReviewed: Int,
  /** 0..1, null when nothing was decided in 30 days. */
  acceptanceRate30d: z.nullable(Ratio),
  oldestPendingDate: TextOrNull,
  minutesSaved: z.number(),
  /** Tokens the language model used this month (all selected companies); absent from older servers. */
  llmTokensMonth: z.exactOptional(Int),
  /** Its estimated cost this month, in USD (from the endpoint's configured token prices). */
  llmCostMonth: z.exactOptional(z.number()),
});
export type DashboardKpis = z.infer<typeof DashboardKpisSchema>;

/** One entry per id of `bulk_approve` / `bulk_reject` / `bulk_rerun` / `dashboard_decide`: never raises for one bad row. */
export const BulkOutcomeSchema = z.object({
  id: Id,
  ok: z.boolean(),
  state: SuggestionStateSchema,
  error: TextOrNull,
});
export type BulkOutcome = z.infer<typeof BulkOutcomeSchema>;
export const BulkOutcomesSchema = z.array(BulkOutcomeSchema);

/** `dashboard_candidates([id])`: alternatives for the quick picker (edit before approve). */
export const CandidateChoiceSchema = z.object({
  kind: CandidateKindSchema,
  id: Id,
  /** "INV/2026/00042 · Acme GmbH · 1,200.00 EUR" or "626000 Bank fees" */
  label: z.string(),
});
export type CandidateChoice = z.infer<typeof CandidateChoiceSchema>;
export const CandidateChoicesSchema = z.array(CandidateChoiceSchema);

/** The total of a group's bank-line amounts in one currency (a journal has one currency; groups may span several). */
export const DashboardGroupTotalSchema = withoutFalse(
  ["currencyId"],
  z.object({ currency: z.string(), currencyId: z.exactOptional(Id), amount: z.number() }),
);
export type DashboardGroupTotal = z.infer<typeof DashboardGroupTotalSchema>;

/** One group of the queue. */
export const DashboardGroupSchema = z.object({
  /**
   * Filters to add to the queue's filters to get this group's rows from `dashboard_rows`, e.g. `{ partnerIds: [7] }`
   * (`[0]`: no partner), `{ matchTypes: ["full"] }`, `{ minConfidence: 0.95 }`, `{ dateFrom, dateTo }` for a month.
   */
  key: DashboardFiltersSchema,
  label: Text,
  count: Int,
  totals: z.array(DashboardGroupTotalSchema),
  meanConfidence: Ratio,
  minConfidence: Ratio,
});
export type DashboardGroup = z.infer<typeof DashboardGroupSchema>;

/**
 * `dashboard_groups(filters, groupBy)`: at most 200 groups; partners and journals by count (largest first), kinds,
 * bands and months in their natural order. `more`: how many groups were left out.
 */
export const DashboardGroupsSchema = z.object({ groups: z.array(DashboardGroupSchema), more: z._default(Int, 0) });
export type DashboardGroups = z.infer<typeof DashboardGroupsSchema>;

/** A code and its label in the user's language. */
export const LabelledSchema = z.object({ value: z.string(), label: z.string() });

/** One confidence band: `[minConfidence, maxConfidence]`, either bound open (null); `name` is the short word. */
export const ConfidenceBandLabelSchema = z.object({
  value: ConfidenceBandSchema,
  name: z.string(),
  label: z.string(),
  minConfidence: z.nullable(z.number()),
  maxConfidence: z.nullable(z.number()),
});
export type ConfidenceBandLabel = z.infer<typeof ConfidenceBandLabelSchema>;

/** `dashboard_labels()`: the match types and confidence bands with their labels, in display order. */
export const DashboardLabelsSchema = z.object({
  matchTypes: z.array(z.object({ value: MatchTypeSchema, label: z.string() })),
  bands: z.array(ConfidenceBandLabelSchema),
});
export type DashboardLabels = z.infer<typeof DashboardLabelsSchema>;

/** One pending `ai.suggestion` (any kind but a bank reconciliation), from `ai.suggestion.dashboard_other_rows`. */
export const OtherSuggestionRowSchema = z.object({
  id: Id,
  /** bank_categorisation, vendor_bill, customer_invoice, expense, anomaly, adjusting_entry, report, … */
  kind: z.string(),
  /** The kind as the user's language names it. */
  kindLabel: Text,
  name: Text,
  confidence: Ratio,
  explanation: Text,
  /** The record it is about ("BILL/2026/0007"), if any. */
  target: TextOrNull,
  error: TextOrNull,
});
export type OtherSuggestionRow = z.infer<typeof OtherSuggestionRowSchema>;

/** `ai.suggestion.dashboard_other_rows(offset, limit)`; decisions: `dashboard_decide(ids, decision, reason)` → BulkOutcome[]. */
export const OtherSuggestionPageSchema = z.object({ rows: z.array(OtherSuggestionRowSchema), total: Int });
export type OtherSuggestionPage = z.infer<typeof OtherSuggestionPageSchema>;

/** `searchRead(model, domain, ["name"])` */
export const IdNamesSchema = z.array(z.object({ id: Id, name: Text }));
export type IdName = z.infer<typeof IdNamesSchema>[number];

/** `name_search(name=…)` → [[id, display name]] */
export const NameSearchSchema = z.pipe(
  z.array(z.tuple([Id, z.string()])),
  z.transform((pairs): IdName[] => pairs.map(([id, name]) => ({ id, name }))),
);

/** The Anomalies panel's filters (`ai.suggestion.dashboard_anomaly_rows(filters, offset, limit)`); absent = not filtered. */
export const AnomalyFiltersSchema = z.object({
  /** A detector code of ai_bookkeeping/tools/anomaly_detectors.json. */
  detector: z.optional(z.string()),
  /** 0..1 */
  minScore: z.optional(z.number()),
  /** Part of the vendor's name, any case. */
  vendor: z.optional(z.string()),
  amountMin: z.optional(z.number()),
  amountMax: z.optional(z.number()),
});
export type AnomalyFilters = z.infer<typeof AnomalyFiltersSchema>;

/** One open anomaly finding (an `ai.suggestion` of kind `anomaly`, pending). */
export const AnomalyRowSchema = z.object({
  id: Id,
  detector: TextOrNull,
  /** The detector as the user's language names it. */
  detectorLabel: Text,
  name: Text,
  score: Ratio,
  reason: Text,
  vendor: TextOrNull,
  amount: z.nullable(z.number()),
  /** The company's currency code ("EUR"). */
  currency: TextOrNull,
  /** The entry concerned, for the link to it. */
  moveId: z.nullable(Id),
  moveName: TextOrNull,
  /** A duplicate that is still a draft: "Cancel the duplicate" applies to it. */
  canCancel: z.boolean(),
  error: TextOrNull,
});
export type AnomalyRow = z.infer<typeof AnomalyRowSchema>;

/** `dashboard_anomaly_decide`: what the panel does with the selected findings. */
export const AnomalyActionSchema = z.enum(["confirm", "cancel_duplicate", "dismiss"]);
export type AnomalyAction = z.infer<typeof AnomalyActionSchema>;

/** `dashboard_anomaly_rows` → one page, the total, and every detector with its label (the filter's choices). */
export const AnomalyPageSchema = z.object({
  rows: z.array(AnomalyRowSchema),
  total: Int,
  detectors: z.array(z.object({ value: z.string(), label: z.string() })),
});
export type AnomalyPage = z.infer<typeof AnomalyPageSchema>;
