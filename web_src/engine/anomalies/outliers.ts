// Amount outliers, robust: the median and MAD of at least 3 earlier amounts (a vendor's bills, an account's lines),
// never mean ± σ, which one earlier outlier inflates. Only amounts far above the usual are raised (a smaller bill
// costs nothing); an amount like the vendor's bills in the same month of an earlier year is seasonal, not an outlier.
import type { Finding } from "../../contracts/anomalies";
import { dayNumber, monthOf, yearOf } from "./dates";
import { findingOn, isBill, type DetectionContext } from "./detection_context";
import { formatMoney, formatRange } from "./format_money";
import { robustSummary, type RobustSummary } from "./robust_stats";

/** Fewest earlier amounts for a vendor, and for an account (which mixes vendors, so needs more). */
export const MIN_VENDOR_HISTORY = 3;
export const MIN_ACCOUNT_HISTORY = 10;
/** Robust z from which an amount is an outlier, and how far above the usual range it must also be. */
export const OUTLIER_Z = 6;
export const OUTLIER_RANGE_FACTOR = 2;
/** An account's line must be this far above its usual range, and above its largest recent line by this factor. */
export const ACCOUNT_RANGE_FACTOR = 3;
export const ACCOUNT_LARGEST_FACTOR = 2;
/** Most earlier amounts used (the most recent). */
const HISTORY_LIMIT = 24;

/** Below this many earlier amounts the spread is uncertain: wider floors. */
export const FEW_ITEMS = 6;

/** How surprising `amount` is given `summary`: null when it is within the usual. */
export function outlierScore(amount: number, summary: RobustSummary, rangeFactor = OUTLIER_RANGE_FACTOR): number | null {
  if (amount <= summary.median) return null;
  const z = (amount - summary.median) / summary.sigma;
  if (z < OUTLIER_Z || amount < rangeFactor * summary.high) return null;
  // On a log scale: 0.55 at the threshold, 0.95 three orders of magnitude beyond it, so that a worse outlier of a
  // dismissed pattern still scores visibly higher.
  const fewItems = summary.count < FEW_ITEMS ? 0.9 : 1;
  return (0.55 + 0.4 * Math.min(1, Math.log(z / OUTLIER_Z) / Math.log(1000))) * fewItems;
}

export function detectVendorOutliers(context: DetectionContext): Finding[] {
  const findings: Finding[] = [];
  for (const item of context.request.items) {
    if (item.kind !== "bill" || item.partnerId === null) continue;
    const vendor = context.vendors.get(item.partnerId);
    if (vendor === undefined) continue;
    const day = dayNumber(item.date);
    const earlier = vendor.recent
      .filter((e) => e.kind === "bill" && e.model === item.model && e.id !== item.id && dayNumber(e.date) <= day)
      .slice(0, HISTORY_LIMIT);
    if (earlier.length < MIN_VENDOR_HISTORY) continue;
    // A few amounts say little about their spread: at least 15 % of the median, and far above the highest.
    const few = earlier.length < FEW_ITEMS;
    const summary = robustSummary(
      earlier.map((e) => e.amount),
      few ? 0.15 : 0.05,
      1,
    );
    const score = outlierScore(item.amount, summary, few ? 1.5 * OUTLIER_RANGE_FACTOR : OUTLIER_RANGE_FACTOR);
    if (score === null) continue;
    const month = monthOf(item.date);
    const seasonal = vendor.recent.find(
      (e) => e.kind === "bill" && monthOf(e.date) === month && yearOf(e.date) < yearOf(item.date) && Math.abs(e.amount - item.amount) <= 0.25 * item.amount,
    );
    if (seasonal !== undefined) continue;
    const currency = context.currency;
    findings.push(
      findingOn(item, "amount_outlier_vendor", {
        score,
        reason: `${item.partnerName || "This vendor"}'s bills are usually ${formatRange(summary.low, summary.high, currency)} (median ${formatMoney(summary.median, currency)} over ${summary.count} bills); this bill is ${formatMoney(item.amount, currency)}.`,
        dedupKey: `amount_outlier_vendor:${item.model}:${item.id}`,
        patternKey: `amount_outlier_vendor:partner:${item.partnerId}`,
        evidence: earlier.slice(0, 10).map((e) => ({ model: e.model, id: e.id })),
      }),
    );
  }
  return findings;
}

const SKIPPED_ACCOUNT_TYPES = new Set(["asset_receivable", "liability_payable", "asset_cash", "liability_credit_card"]);

export function detectAccountOutliers(context: DetectionContext): Finding[] {
  const findings: Finding[] = [];
  for (const item of context.request.items) {
    // Manual entries (accruals, reclassifications) are lumpy by nature: bills only.
    if (!isBill(item)) continue;
    // An account mixes vendors of every size: it judges only what the vendor's own history cannot.
    const vendor = item.partnerId === null ? undefined : context.vendors.get(item.partnerId);
    if (vendor !== undefined && vendor.recent.filter((e) => e.kind === "bill").length >= MIN_VENDOR_HISTORY) continue;
    const day = dayNumber(item.date);
    for (const line of item.lines) {
      if (SKIPPED_ACCOUNT_TYPES.has(line.accountType) || line.taxAccount) continue;
      const account = context.accounts.get(line.accountId);
      if (account === undefined) continue;
      const earlier = account.recent.filter((e) => e.id !== line.id && dayNumber(e.date) <= day).slice(0, HISTORY_LIMIT * 2);
      if (earlier.length < MIN_ACCOUNT_HISTORY) continue;
      const amount = Math.abs(line.balance);
      const summary = robustSummary(
        earlier.map((e) => e.amount),
        0.1,
        1,
      );
      const largest = Math.max(...earlier.map((e) => e.amount));
      const score = outlierScore(amount, summary, ACCOUNT_RANGE_FACTOR);
      if (score === null || amount < ACCOUNT_LARGEST_FACTOR * largest) continue;
      const currency = context.currency;
      findings.push(
        findingOn(item, "amount_outlier_account", {
          score: score * 0.9,
          reason: `Lines on account ${line.accountCode || `#${line.accountId}`} are usually ${formatRange(summary.low, summary.high, currency)} (median ${formatMoney(summary.median, currency)} over ${summary.count} lines); this line is ${formatMoney(amount, currency)}.`,
          dedupKey: `amount_outlier_account:${line.id}`,
          patternKey: `amount_outlier_account:account:${line.accountId}`,
          evidence: [{ model: "account.move.line", id: line.id }, ...earlier.slice(0, 10).map((e) => ({ model: "account.move.line" as const, id: e.id }))],
        }),
      );
    }
  }
  return findings;
}
