// What every detector reads: the request, with its history indexed once.
import type {
  AccountHistory,
  DetectAnomaliesRequest,
  DetectItem,
  DetectorCode,
  Evidence,
  Finding,
  UserHistory,
  VendorHistory,
} from "../../contracts/anomalies";

export interface DetectionContext {
  request: DetectAnomaliesRequest;
  currency: string;
  vendors: ReadonlyMap<number, VendorHistory>;
  accounts: ReadonlyMap<number, AccountHistory>;
  users: ReadonlyMap<number, UserHistory>;
  /** The batch's items by partner, in (date, id) order. */
  itemsByPartner: ReadonlyMap<number, readonly DetectItem[]>;
}

export type Detector = (context: DetectionContext) => Finding[];

export function buildContext(request: DetectAnomaliesRequest): DetectionContext {
  const itemsByPartner = new Map<number, DetectItem[]>();
  for (const item of request.items) {
    if (item.partnerId === null) continue;
    const list = itemsByPartner.get(item.partnerId);
    if (list) list.push(item);
    else itemsByPartner.set(item.partnerId, [item]);
  }
  for (const list of itemsByPartner.values()) list.sort(byDateThenId);
  return {
    request,
    currency: request.companyCurrency,
    vendors: new Map(request.history.vendors.map((v) => [v.partnerId, v])),
    accounts: new Map(request.history.accounts.map((a) => [a.accountId, a])),
    users: new Map(request.history.users.map((u) => [u.userId, u])),
    itemsByPartner,
  };
}

export function byDateThenId(a: { date: string; id: number }, b: { date: string; id: number }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id;
}

export function evidenceOf(item: { model: Evidence["model"]; id: number }): Evidence {
  return { model: item.model, id: item.id };
}

export function clampScore(score: number): number {
  return Math.round(Math.min(0.99, Math.max(0.01, score)) * 1000) / 1000;
}

/** A finding about `item`, with the item first in the evidence. */
export function findingOn(
  item: DetectItem,
  detector: DetectorCode,
  fields: { score: number; reason: string; dedupKey: string; patternKey: string; evidence?: Evidence[] },
): Finding {
  const target = evidenceOf(item);
  const others = (fields.evidence ?? []).filter((e) => e.model !== target.model || e.id !== target.id);
  return {
    detector,
    score: clampScore(fields.score),
    reason: fields.reason,
    target,
    evidence: [target, ...others],
    dedupKey: fields.dedupKey,
    patternKey: fields.patternKey,
    partnerId: item.partnerId,
    amount: item.amount,
  };
}

export const isBill = (item: DetectItem): boolean => item.kind === "bill" || item.kind === "refund";
export const isMoneyMovement = (item: DetectItem): boolean => item.kind === "payment" || item.kind === "bank_line";
