import type { MatchType, OpenItem } from "../../contracts/reconcile";
import type { PartnerEvidence } from "./partner_evidence";

export type AmountFit = "exact" | "fx" | "tolerance" | "fee" | "partial" | "multi" | "none";

/** One way to book a statement line, with the evidence the scorer weighs and the explainer prints. */
export interface Proposal {
  matchType: MatchType;
  items: OpenItem[];
  partnerId: number | null;
  accountId: number | null;
  taxIds: number[];
  /** Company currency, signed like the line. */
  writeoffAmount: number;
  amountFit: AmountFit;
  /** Company-currency difference left by an fx/fee/partial match (positive = line short). */
  difference: number;
  /** Best reference strength over the items (0 = none); for a multi, weighted by the share of items referenced. */
  refStrength: number;
  refSnippets: string[];
  partnerScore: number;
  partnerRejected: number;
  /** The line's evidence about `partnerId` (its reasons are worded only when the proposal is explained). */
  partnerEvidence: PartnerEvidence | null;
  /** The label names an invoice-like reference that is not among these items (paid, or someone else's). */
  conflictingRef: boolean;
  /** Other open items with exactly this amount and sign that no other evidence separates. */
  sameAmountCount: number;
  /** The label cites an open item (reference ≥ 0.5) that is not among these items. */
  citesOther: boolean;
  /** The label says the payment is an instalment or a partial payment (Teilzahlung, acompte, instalment …). */
  instalmentWords: boolean;
  /** Highest confidence this proposal may get, whatever its score: the cap of a coding from thin history. */
  maxConfidence: number;
  /** For an expense: past lines of the merchant coded so (0: no known merchant is named), and whether it is named. */
  expenseSupport: number;
  expenseKeyed: boolean;
  /** For a write-off of a small difference: it is exchange rounding (booked to the exchange difference account). */
  exchangeRounding: boolean;
  /** For an expense: the line's counterparty account is one of the company's own (a transfer between own accounts). */
  ownTransfer: boolean;
  expenseSimilarity: number;
  expenseRejected: number;
  expenseReason: string;
  /** Days between the oldest item and the line (older invoices are paid first). */
  ageDays: number;
}
