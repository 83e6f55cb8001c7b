// Risky patterns: the classic fraud and error signals a controller checks by hand.
import type { DetectItem, Finding, LockDates } from "../../contracts/anomalies";
import { cents } from "../shared/cents";
import { dayNumber, hourOf, weekdayOf } from "./dates";
import { findingOn, isBill, type DetectionContext } from "./detection_context";
import { formatMoney } from "./format_money";

/** A vendor or a bank account this recent (days before the item) is new. */
export const NEW_WITHIN_DAYS = 60;
/** How far under an approval threshold a round amount is suspicious (share of the threshold). */
export const UNDER_THRESHOLD_BAND = 0.1;
/** Fewest earlier postings of a user to know their hours; share of off-hours postings that still counts as "never". */
export const MIN_USER_POSTINGS = 20;
export const USUAL_OFF_HOURS_SHARE = 0.05;
/** Days after a lock date that count as "just before" the next one, and how late an entry there must be booked. */
export const LOCK_EDGE_DAYS = 7;
export const LATE_BOOKING_DAYS = 15;

export function detectNewVendorNewBankAccount(context: DetectionContext): Finding[] {
  const findings: Finding[] = [];
  const high = context.request.settings.highAmount;
  for (const item of context.request.items) {
    if (item.partnerId === null || item.amount < high || !(isBill(item) || item.kind === "payment")) continue;
    const vendor = context.vendors.get(item.partnerId);
    const day = dayNumber(item.date);
    const isNewVendor =
      vendor === undefined ||
      vendor.billCount <= 1 ||
      (vendor.createdOn !== null && day - dayNumber(vendor.createdOn) <= NEW_WITHIN_DAYS);
    if (!isNewVendor) continue;
    const changed = item.kind === "payment" ? (item.bankAccountChangedAt === null ? [] : [item.bankAccountChangedAt]) : (vendor?.bankAccounts ?? []).map((b) => b.changedOn);
    const recent = changed.filter((d) => day - dayNumber(d) <= NEW_WITHIN_DAYS && day >= dayNumber(d));
    if (recent.length === 0) continue;
    findings.push(
      findingOn(item, "new_vendor_new_bank_account", {
        score: 0.6 + 0.3 * Math.min(1, item.amount / (4 * high)),
        reason: `${item.partnerName || "The vendor"} is new (${vendor?.billCount ?? 0} earlier bills), its bank account was added on ${recent[0]}, and the amount, ${formatMoney(item.amount, context.currency)}, is above ${formatMoney(high, context.currency)}.`,
        dedupKey: `new_vendor_new_bank_account:${item.model}:${item.id}`,
        patternKey: `new_vendor_new_bank_account:partner:${item.partnerId}`,
      }),
    );
  }
  return findings;
}

export function detectBankAccountChanged(context: DetectionContext): Finding[] {
  const findings: Finding[] = [];
  const days = context.request.settings.bankChangeDays;
  for (const item of context.request.items) {
    if (item.kind !== "payment" || item.partnerId === null || item.bankAccountChangedAt === null || item.bankAccountId === null) continue;
    const since = dayNumber(item.date) - dayNumber(item.bankAccountChangedAt);
    if (since < 0 || since > days) continue;
    const vendor = context.vendors.get(item.partnerId);
    if (vendor === undefined) continue;
    const paidElsewhere = vendor.paymentsByBankAccount.filter((p) => p.bankAccountId !== item.bankAccountId);
    if (paidElsewhere.length === 0) continue; // a first bank account is no change (the new-vendor check covers it)
    findings.push(
      findingOn(item, "bank_account_changed", {
        score: 0.7 + 0.2 * (1 - since / days),
        reason: `${item.partnerName || "The vendor"}'s bank account was changed on ${item.bankAccountChangedAt}, ${since} day${since === 1 ? "" : "s"} before this payment of ${formatMoney(item.amount, context.currency)}; it was paid ${paidElsewhere.reduce((n, p) => n + p.count, 0)} times to another account before. Confirm the change with the vendor by phone.`,
        dedupKey: `bank_account_changed:${item.model}:${item.id}`,
        patternKey: `bank_account_changed:partner:${item.partnerId}:bank:${item.bankAccountId}`,
      }),
    );
  }
  return findings;
}

/** Round: whole fifties (4,950, 9,900, 500). */
export function isRound(amount: number): boolean {
  return cents(amount) % 5_000 === 0;
}

export function detectJustUnderThreshold(context: DetectionContext): Finding[] {
  const findings: Finding[] = [];
  const thresholds = context.request.settings.approvalThresholds;
  for (const item of context.request.items) {
    if (!(isBill(item) || item.kind === "payment" || item.kind === "entry") || !isRound(item.amount)) continue;
    const threshold = thresholds.find((t) => item.amount < t && item.amount >= t * (1 - UNDER_THRESHOLD_BAND));
    if (threshold === undefined) continue;
    const closeness = 1 - (threshold - item.amount) / (threshold * UNDER_THRESHOLD_BAND);
    findings.push(
      findingOn(item, "just_under_threshold", {
        score: 0.5 + 0.3 * closeness,
        reason: `${formatMoney(item.amount, context.currency)} is a round amount just under the approval threshold of ${formatMoney(threshold, context.currency)}.`,
        dedupKey: `just_under_threshold:${item.model}:${item.id}`,
        patternKey: `just_under_threshold:${item.partnerId === null ? `user:${item.userId ?? 0}` : `partner:${item.partnerId}`}`,
      }),
    );
  }
  return findings;
}

export function detectOffHoursPostings(context: DetectionContext): Finding[] {
  const findings: Finding[] = [];
  const { businessHourStart: start, businessHourEnd: end } = context.request.settings;
  for (const item of context.request.items) {
    if (item.userId === null || item.kind === "bank_line") continue;
    const user = context.users.get(item.userId);
    if (user === undefined) continue;
    const total = user.hours.reduce((n, h) => n + h, 0);
    if (total < MIN_USER_POSTINGS) continue;
    const hour = hourOf(item.createdAt);
    const weekday = weekdayOf(item.createdAt);
    const weekend = weekday === 0 || weekday === 6;
    const offHours = hour < start || hour >= end;
    if (!weekend && !offHours) continue;
    const usualOff = user.hours.reduce((n, h, i) => (i < start || i >= end ? n + h : n), 0);
    const share = weekend ? user.weekend / total : usualOff / total;
    if (share > USUAL_OFF_HOURS_SHARE) continue;
    const when = weekend ? `on a ${weekday === 0 ? "Sunday" : "Saturday"}` : `at ${String(hour).padStart(2, "0")}:${item.createdAt.slice(14, 16)}`;
    findings.push(
      findingOn(item, "off_hours_posting", {
        score: 0.5 + 0.25 * (1 - share / USUAL_OFF_HOURS_SHARE),
        reason: `Entered ${when}, by a user who posts ${weekend ? "on weekends" : `outside ${start}:00–${end}:00`} in ${Math.round(share * 1000) / 10}% of ${total} entries.`,
        dedupKey: `off_hours_posting:${item.model}:${item.id}`,
        patternKey: `off_hours_posting:user:${item.userId}`,
      }),
    );
  }
  return findings;
}

function latestLock(lockDates: LockDates, item: DetectItem): string | null {
  const candidates = [lockDates.fiscalyear, lockDates.hard, item.kind === "bill" || item.kind === "refund" ? lockDates.purchase : null, item.kind === "invoice" ? lockDates.sale : null];
  return candidates.reduce<string | null>((latest, d) => (d !== null && (latest === null || d > latest) ? d : latest), null);
}

export function detectBackdatedEntries(context: DetectionContext): Finding[] {
  const findings: Finding[] = [];
  const limit = context.request.settings.backdateDays;
  for (const item of context.request.items) {
    // Vendor bills are dated by the vendor and often arrive late: only entries and customer invoices count here.
    if (item.kind !== "entry" && item.kind !== "invoice") continue;
    const late = dayNumber(item.createdAt) - dayNumber(item.date);
    const lock = latestLock(context.request.lockDates, item);
    const afterLock = lock === null ? null : dayNumber(item.date) - dayNumber(lock);
    if (afterLock !== null && afterLock > 0 && afterLock <= LOCK_EDGE_DAYS && late >= LATE_BOOKING_DAYS) {
      findings.push(
        findingOn(item, "backdated_entry", {
          score: 0.7,
          reason: `Dated ${item.date}, ${afterLock} day${afterLock === 1 ? "" : "s"} after the lock date ${lock}, but entered ${late} days later: a late entry slipped into the period just before it closes.`,
          dedupKey: `backdated_entry:${item.model}:${item.id}`,
          patternKey: `backdated_entry:user:${item.userId ?? 0}`,
        }),
      );
    } else if (late > limit) {
      findings.push(
        findingOn(item, "backdated_entry", {
          score: 0.55 + 0.3 * Math.min(1, (late - limit) / (4 * limit)),
          reason: `Dated ${item.date} but entered on ${item.createdAt.slice(0, 10)}, ${late} days later (more than ${limit}).`,
          dedupKey: `backdated_entry:${item.model}:${item.id}`,
          patternKey: `backdated_entry:user:${item.userId ?? 0}`,
        }),
      );
    }
  }
  return findings;
}

const CONTROL_LABELS: Readonly<Record<string, string>> = {
  asset_receivable: "receivable",
  liability_payable: "payable",
  asset_cash: "bank and cash",
  liability_credit_card: "credit card",
};

export function detectManualControlAccount(context: DetectionContext): Finding[] {
  const findings: Finding[] = [];
  for (const item of context.request.items) {
    if (item.kind !== "entry" || !item.manual) continue;
    const line = item.lines.find((l) => l.accountType in CONTROL_LABELS || l.taxAccount);
    if (line === undefined) continue;
    const label = line.taxAccount ? "tax" : (CONTROL_LABELS[line.accountType] as string);
    findings.push(
      findingOn(item, "manual_control_account", {
        score: line.taxAccount || line.accountType === "asset_cash" ? 0.65 : 0.6,
        reason: `A manual entry of ${formatMoney(Math.abs(line.balance), context.currency)} on the ${label} account ${line.accountCode || `#${line.accountId}`}: these accounts are normally written only by invoices, payments and bank statements.`,
        dedupKey: `manual_control_account:${item.id}`,
        patternKey: `manual_control_account:account:${line.accountId}:user:${item.userId ?? 0}`,
        evidence: [{ model: "account.move.line", id: line.id }],
      }),
    );
  }
  return findings;
}

export function detectSequenceGaps(context: DetectionContext): Finding[] {
  return context.request.items
    .filter((item) => item.sequenceGap && item.model === "account.move")
    .map((item) =>
      findingOn(item, "sequence_gap", {
        score: 0.5,
        reason: `${item.name || "This entry"}'s number leaves a gap in its journal's sequence: an entry before it was deleted or renumbered.`,
        dedupKey: `sequence_gap:${item.id}`,
        patternKey: `sequence_gap:journal:${item.journalId ?? 0}`,
      }),
    );
}
