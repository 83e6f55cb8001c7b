// The kinds of statement line the generated books hold, their share, and the truth recorded for each line.
import type { MatchType } from "../../../web_src/contracts/reconcile";

export const SCENARIOS = [
  "exact_ref", "partner_amount", "ambiguous_named", "ambiguous_blind", "multi", "partial", "fee", "fx", "vendor",
  "card_expense", "no_match", "already_paid",
] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** Share of each scenario among generated lines. */
export const SCENARIO_MIX: Readonly<Record<Scenario, number>> = {
  exact_ref: 0.27, partner_amount: 0.12, ambiguous_named: 0.03, ambiguous_blind: 0.02, multi: 0.06, partial: 0.04,
  fee: 0.04, fx: 0.05, vendor: 0.14, card_expense: 0.12, no_match: 0.07, already_paid: 0.04,
};

export interface TruthEntry {
  scenario: Scenario;
  /** Items the line pays; empty when it pays none. */
  candidateIds: number[];
  partnerId: number | null;
  accountId: number | null;
  /** null: no credible match exists — the right answer is no (confident) suggestion. */
  matchType: MatchType | null;
}
