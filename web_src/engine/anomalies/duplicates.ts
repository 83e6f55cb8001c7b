// Duplicates: the same bill entered twice (same vendor and amount within the window, or the same reference written
// differently), the same invoice paid twice, the same bank line imported twice.
import type { DetectItem, Evidence, Finding, PastEntry } from "../../contracts/anomalies";
import { cents } from "../shared/cents";
import { dayNumber } from "./dates";
import { byDateThenId, evidenceOf, findingOn, isBill, isMoneyMovement, type DetectionContext } from "./detection_context";
import { formatMoney } from "./format_money";
import { isIdentifying, referenceFingerprint } from "./reference_fingerprint";

/** Something earlier to compare with: a batch item or an entry of the history. */
interface Earlier {
  model: Evidence["model"];
  id: number;
  date: string;
  amount: number;
  reference: string;
  name: string;
  kind: DetectItem["kind"];
  paidMoveIds: readonly number[];
}

/** The vendor's earlier entries and the batch items before `item`, newest last. */
function earlierOf(context: DetectionContext, item: DetectItem): Earlier[] {
  if (item.partnerId === null) return [];
  const history: PastEntry[] = context.vendors.get(item.partnerId)?.recent ?? [];
  const batch = (context.itemsByPartner.get(item.partnerId) ?? []).filter(
    (other) => other !== item && byDateThenId(other, item) < 0,
  );
  const seen = new Set(batch.map((b) => `${b.model}:${b.id}`));
  // Only what came before the item: of a pair, the later one is the duplicate (the one to cancel).
  const before = history.filter((h) => !seen.has(`${h.model}:${h.id}`) && !(h.model === item.model && h.id === item.id) && byDateThenId(h, item) < 0);
  return [...before, ...batch];
}

const pairKey = (a: { id: number }, b: { id: number }): string => `${Math.min(a.id, b.id)}:${Math.max(a.id, b.id)}`;

export function detectDuplicateBills(context: DetectionContext): Finding[] {
  const findings: Finding[] = [];
  const window = context.request.settings.duplicateWindowDays;
  for (const item of context.request.items) {
    if (!isBill(item) || item.partnerId === null || item.amount <= 0) continue;
    const earlier = earlierOf(context, item).filter((e) => e.kind === item.kind && e.model === item.model);
    const amount = cents(item.amount);
    const fingerprint = referenceFingerprint(item.reference);
    // A vendor that bills the same amount again and again (rent, subscriptions): equal amounts are expected there.
    const sameAmountCount = earlier.filter((e) => cents(e.amount) === amount).length;
    let best: { other: Earlier; score: number; days: number; sameRef: boolean } | null = null;
    for (const other of earlier) {
      if (cents(other.amount) !== amount) continue;
      const days = Math.abs(dayNumber(item.date) - dayNumber(other.date));
      const otherFingerprint = referenceFingerprint(other.reference);
      const sameRef = isIdentifying(fingerprint) && fingerprint === otherFingerprint;
      const differentRefs = isIdentifying(fingerprint) && isIdentifying(otherFingerprint) && !sameRef;
      let score: number;
      if (sameRef) score = 0.95;
      else if (days > window) continue;
      else if (differentRefs) {
        // Two invoice numbers for the same amount: a re-sent bill with a new number, or two real orders.
        if (days > 3 || sameAmountCount > 1) continue;
        score = 0.6;
      } else {
        if (sameAmountCount > 1 && days > 7) continue;
        score = days <= 3 ? 0.85 : 0.85 - (0.2 * days) / window;
      }
      if (best === null || score > best.score) best = { other, score, days, sameRef };
    }
    if (best === null) continue;
    const { other, days, sameRef } = best;
    const money = formatMoney(item.amount, context.currency);
    const otherName = other.name || `#${other.id}`;
    const reason = sameRef
      ? `${otherName} from the same vendor has the same reference ("${other.reference}" / "${item.reference}") and the same amount, ${money}: probably entered twice.`
      : `${otherName} from the same vendor has the same amount, ${money}, ${days === 0 ? "on the same day" : `${days} day${days === 1 ? "" : "s"} apart`}: probably a duplicate.`;
    findings.push(
      findingOn(item, "duplicate_bill", {
        score: best.score,
        reason,
        dedupKey: `duplicate_bill:${pairKey(item, other)}`,
        patternKey: `duplicate_bill:${pairKey(item, other)}`,
        evidence: [evidenceOf(other)],
      }),
    );
  }
  return findings;
}

export function detectDuplicateReferences(context: DetectionContext): Finding[] {
  const findings: Finding[] = [];
  const window = context.request.settings.duplicateWindowDays;
  for (const item of context.request.items) {
    if (!isBill(item) || item.partnerId === null) continue;
    const fingerprint = referenceFingerprint(item.reference);
    if (!isIdentifying(fingerprint)) continue;
    for (const other of earlierOf(context, item)) {
      if (other.kind !== item.kind || other.model !== item.model) continue;
      if (referenceFingerprint(other.reference) !== fingerprint) continue;
      const sameAmount = cents(other.amount) === cents(item.amount);
      // Same reference and amount within the window is the duplicate-bill finding already.
      if (sameAmount) continue;
      const written = other.reference === item.reference ? "the same reference" : `the same reference written differently ("${other.reference}" / "${item.reference}")`;
      findings.push(
        findingOn(item, "duplicate_reference", {
          score: other.reference === item.reference ? 0.8 : 0.75,
          reason: `${other.name || `#${other.id}`} from the same vendor has ${written}, for ${formatMoney(other.amount, context.currency)} against ${formatMoney(item.amount, context.currency)} here${Math.abs(dayNumber(item.date) - dayNumber(other.date)) > window ? " (months apart)" : ""}: one invoice booked twice?`,
          dedupKey: `duplicate_reference:${pairKey(item, other)}`,
          patternKey: `duplicate_reference:${pairKey(item, other)}`,
          evidence: [evidenceOf(other)],
        }),
      );
      break;
    }
  }
  return findings;
}

export function detectDuplicatePayments(context: DetectionContext): Finding[] {
  const findings: Finding[] = [];
  const window = context.request.settings.duplicateWindowDays;
  for (const item of context.request.items) {
    if (!isMoneyMovement(item) || item.amount <= 0) continue;
    const earlier = earlierOf(context, item).filter((e) => e.kind === "payment" || e.kind === "bank_line");
    const paid = new Set(item.paidMoveIds);
    const fingerprint = referenceFingerprint(item.reference);
    for (const other of earlier) {
      const shared = other.paidMoveIds.find((id) => paid.has(id));
      const sameMemo =
        cents(other.amount) === cents(item.amount) &&
        isIdentifying(fingerprint) &&
        referenceFingerprint(other.reference) === fingerprint &&
        Math.abs(dayNumber(item.date) - dayNumber(other.date)) <= window;
      if (shared === undefined && !sameMemo) continue;
      const what = shared !== undefined ? "pays the same bill" : `has the same amount and reference ("${other.reference}")`;
      findings.push(
        findingOn(item, "duplicate_payment", {
          score: shared !== undefined ? 0.9 : 0.8,
          reason: `${other.name || `#${other.id}`} ${what}: this ${formatMoney(item.amount, context.currency)} looks like the same invoice paid twice.`,
          dedupKey: `duplicate_payment:${pairKey(item, other)}`,
          patternKey: `duplicate_payment:${pairKey(item, other)}`,
          evidence: [evidenceOf(other), ...(shared !== undefined ? [{ model: "account.move" as const, id: shared }] : [])],
        }),
      );
      break;
    }
  }
  return findings;
}

function bankLineKey(line: { journalId: number | null; date: string; amount: number; direction: number; reference: string; counterpartyAccount: string }): string {
  return [line.journalId ?? 0, line.date, cents(line.amount), line.direction, referenceFingerprint(line.reference), line.counterpartyAccount.replace(/\s/g, "").toUpperCase()].join("|");
}

export function detectDuplicateBankLines(context: DetectionContext): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, Earlier>();
  for (const past of context.request.history.bankLines) seen.set(bankLineKey(past), past);
  const lines = context.request.items.filter((item) => item.kind === "bank_line").sort(byDateThenId);
  for (const line of lines) {
    const key = bankLineKey(line);
    const other = seen.get(key);
    if (other === undefined || (other.model === line.model && other.id === line.id)) {
      seen.set(key, line);
      continue;
    }
    findings.push(
      findingOn(line, "duplicate_bank_line", {
        score: 0.9,
        reason: `${other.name || `bank line #${other.id}`} has the same date, amount (${formatMoney(line.amount, context.currency)}), label and counterparty: the same bank line imported twice?`,
        dedupKey: `duplicate_bank_line:${pairKey(line, other)}`,
        patternKey: `duplicate_bank_line:${pairKey(line, other)}`,
        evidence: [evidenceOf(other)],
      }),
    );
  }
  return findings;
}
