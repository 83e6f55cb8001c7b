// The one definition of the collections payloads exchanged between Odoo and the AI endpoint.
// Odoo sends, per customer, the paid invoices of its history (due date, the date the last payment reconciled,
// whether it was paid in several parts) and its open invoices; the endpoint (web_src/engine/collections) answers
// the customer's payment behaviour, its segment with the reason, and a predicted payment date with an interval per
// open invoice. The engine reads only: dunning levels, skip rules and the reminders themselves stay in Odoo.
import { z } from "zod";

export const COLLECTION_PREDICT_PATH = "/v1/collections/predict";
/** Most customers in one request: Odoo sends bigger companies in batches of at most this. */
export const MAX_COLLECTION_CUSTOMERS = 2_000;
/** Most paid invoices per customer: Odoo sends the most recent ones. */
export const MAX_COLLECTION_HISTORY = 200;
export const MAX_COLLECTION_OPEN = 500;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
const Id = z.number().int().positive();
const Money = z.number().finite();

export const SEGMENTS = ["reliable", "slow_but_sure", "deteriorating", "at_risk", "new"] as const;
export const SegmentSchema = z.enum(SEGMENTS);
export type Segment = z.infer<typeof SegmentSchema>;

/** One invoice the customer has paid in full. */
export const PaidInvoiceSchema = z.object({
  invoiceId: Id.optional(),
  invoiceDate: IsoDate,
  dueDate: IsoDate,
  /** The date of the payment that settled it (the latest of its reconciled payments). */
  paidDate: IsoDate,
  amount: Money.nonnegative(),
  /** Settled by more than one payment. */
  partial: z.boolean().default(false),
});
export type PaidInvoice = z.infer<typeof PaidInvoiceSchema>;

export const OpenInvoiceSchema = z.object({
  invoiceId: Id,
  invoiceDate: IsoDate,
  dueDate: IsoDate,
  amountResidual: Money,
});
export type OpenInvoice = z.infer<typeof OpenInvoiceSchema>;

export const CustomerInputSchema = z.object({
  partnerId: Id,
  history: z.array(PaidInvoiceSchema).max(MAX_COLLECTION_HISTORY).default([]),
  open: z.array(OpenInvoiceSchema).max(MAX_COLLECTION_OPEN).default([]),
});
export type CustomerInput = z.input<typeof CustomerInputSchema>;

export const PredictOptionsSchema = z.object({
  /** Fewer paid invoices than this: segment "new", predictions lean on the company's behaviour. */
  minHistory: z.number().int().min(1).max(50).default(3),
  /** An invoice not yet due is an early warning when it is predicted to be paid at least this many days late. */
  earlyWarningDays: z.number().int().min(0).max(365).default(7),
  /** Lower and upper quantile of the predicted interval. */
  intervalLow: z.number().min(0).max(0.5).default(0.1),
  intervalHigh: z.number().min(0.5).max(1).default(0.9),
});

export const CollectionPredictRequestSchema = z.object({
  companyId: Id,
  companyCurrency: z.string().regex(/^[A-Z]{3}$/),
  /** The company's today: open invoices are conditioned on being unpaid on this day. */
  today: IsoDate,
  customers: z.array(CustomerInputSchema).max(MAX_COLLECTION_CUSTOMERS),
  options: PredictOptionsSchema.prefault({}),
});
export type CollectionPredictRequest = z.infer<typeof CollectionPredictRequestSchema>;
export type CollectionPredictRequestInput = z.input<typeof CollectionPredictRequestSchema>;

export const BehaviourSchema = z.object({
  paidCount: z.number().int().nonnegative(),
  /** Mean and standard deviation of days between due date and payment (negative: early). */
  meanDaysLate: z.number().finite(),
  sdDaysLate: z.number().finite().nonnegative(),
  medianDaysLate: z.number().finite(),
  /** Share of paid invoices settled on or before the due date (0..1). */
  onTimeShare: z.number().min(0).max(1),
  /** Days sales outstanding of the paid history: amount-weighted days from invoice to payment. */
  dso: z.number().finite(),
  /** Mean days late of the most recent third minus that of the rest: > 0 is getting later. */
  trendDays: z.number().finite(),
  recentMeanDaysLate: z.number().finite(),
  /** Share of paid invoices settled in several payments (0..1). */
  partialShare: z.number().min(0).max(1),
});
export type Behaviour = z.infer<typeof BehaviourSchema>;

export const PredictionSchema = z.object({
  invoiceId: Id,
  predictedDate: IsoDate,
  low: IsoDate,
  high: IsoDate,
  predictedDaysLate: z.number().int(),
  /** Not yet due and predicted to be paid at least `earlyWarningDays` late. */
  earlyWarning: z.boolean(),
  /** How much of the prediction is the customer's own history (0..1); the rest is the company's. */
  weight: z.number().min(0).max(1),
});
export type Prediction = z.infer<typeof PredictionSchema>;

export const CustomerReplySchema = z.object({
  partnerId: Id,
  behaviour: BehaviourSchema,
  segment: SegmentSchema,
  /** Why this segment, with the figures that decided it. */
  reason: z.string().max(500),
  predictions: z.array(PredictionSchema),
});
export type CustomerReply = z.infer<typeof CustomerReplySchema>;

export const CollectionPredictResponseSchema = z.object({
  companyBehaviour: BehaviourSchema,
  customers: z.array(CustomerReplySchema),
  engine: z.object({ name: z.string(), version: z.string() }),
});
export type CollectionPredictResponse = z.infer<typeof CollectionPredictResponseSchema>;
