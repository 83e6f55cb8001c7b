// The kinds of statement line the independent generator writes, their share, and the ground truth per line.
import type { MatchType } from "../../../../web_src/contracts/reconcile";

export const KINDS = [
  "cited_invoice", "struct_ref", "name_amount", "bill_payment", "multi_invoice", "instalment", "cents_off",
  "fx_rounding", "known_card", "known_debit", "internal_transfer",
  "unknown_card", "unknown_debit", "stranger_credit", "already_settled",
] as const;
export type Kind = (typeof KINDS)[number];

/** Share of each kind among the lines (no-match kinds: 20 %). */
export const KIND_MIX: Readonly<Record<Kind, number>> = {
  cited_invoice: 0.2, struct_ref: 0.06, name_amount: 0.07, bill_payment: 0.08, multi_invoice: 0.05, instalment: 0.05,
  cents_off: 0.05, fx_rounding: 0.04, known_card: 0.1, known_debit: 0.07, internal_transfer: 0.03,
  unknown_card: 0.08, unknown_debit: 0.06, stranger_credit: 0.03, already_settled: 0.03,
};

/** Kinds whose lines have no right answer: the engine should propose nothing confident. */
export const NO_MATCH_KINDS: ReadonlySet<string> = new Set<Kind>(["unknown_card", "unknown_debit", "stranger_credit", "already_settled"]);

/** What the right answer for a line is. Same shape as the first generator's truth, plus two flags. */
export interface IndependentTruth {
  scenario: Kind;
  /** Open items the line pays, sorted; empty when it pays none. */
  candidateIds: number[];
  partnerId: number | null;
  /** Account of an expense coding or of the write-off. */
  accountId: number | null;
  /** null: no credible match exists — the right answer is no (confident) suggestion. */
  matchType: MatchType | null;
  /** The counterparty (partner, merchant, payer) has no line in the history the request carries. */
  absentFromHistory: boolean;
  /** The line's label or reference names every open item it pays (an invoice number or structured reference). */
  referenceIdentifies: boolean;
}
