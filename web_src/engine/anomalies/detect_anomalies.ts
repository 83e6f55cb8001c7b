// The anomaly engine: every detector over one request, each in isolation (a detector that throws is reported in
// `errors` and the others still run), one finding per dedup key, and dismissed patterns left out unless the new
// finding scores higher than when it was dismissed. Pure: no I/O, no clock; it never writes anything.
import type { DetectAnomaliesRequest, DetectAnomaliesResponse, DetectorCode, Finding } from "../../contracts/anomalies";
import { detectBenford } from "./benford";
import { detectNewAccountForVendor, detectNewAccountTaxPair, detectUnusualTaxRate } from "./coding";
import { buildContext, type Detector } from "./detection_context";
import { detectDuplicateBankLines, detectDuplicateBills, detectDuplicatePayments, detectDuplicateReferences } from "./duplicates";
import { detectAccountOutliers, detectVendorOutliers } from "./outliers";
import {
  detectBackdatedEntries,
  detectBankAccountChanged,
  detectJustUnderThreshold,
  detectManualControlAccount,
  detectNewVendorNewBankAccount,
  detectOffHoursPostings,
  detectSequenceGaps,
} from "./risky_patterns";

export const ENGINE_NAME = "ai_bookkeeping-anomalies";
export const ENGINE_VERSION = "1.0.0";

export const DETECTORS: Readonly<Record<DetectorCode, Detector>> = {
  duplicate_bill: detectDuplicateBills,
  duplicate_reference: detectDuplicateReferences,
  duplicate_payment: detectDuplicatePayments,
  duplicate_bank_line: detectDuplicateBankLines,
  amount_outlier_vendor: detectVendorOutliers,
  amount_outlier_account: detectAccountOutliers,
  new_account_for_vendor: detectNewAccountForVendor,
  new_account_tax_pair: detectNewAccountTaxPair,
  unusual_tax_rate: detectUnusualTaxRate,
  new_vendor_new_bank_account: detectNewVendorNewBankAccount,
  bank_account_changed: detectBankAccountChanged,
  just_under_threshold: detectJustUnderThreshold,
  off_hours_posting: detectOffHoursPostings,
  backdated_entry: detectBackdatedEntries,
  manual_control_account: detectManualControlAccount,
  sequence_gap: detectSequenceGaps,
  benford: detectBenford,
};

/** A dismissed pattern comes back only when a finding scores more than this above the dismissed one. */
export const WORSE_BY = 0.05;

export function detectAnomalies(
  request: DetectAnomaliesRequest,
  detectors: Readonly<Partial<Record<DetectorCode, Detector>>> = DETECTORS,
): DetectAnomaliesResponse {
  const context = buildContext(request);
  const disabled = new Set(request.settings.disabled);
  const dismissed = new Map<string, number>();
  for (const d of request.dismissed) dismissed.set(d.patternKey, Math.max(d.score, dismissed.get(d.patternKey) ?? 0));
  const byKey = new Map<string, Finding>();
  const errors: DetectAnomaliesResponse["errors"] = [];
  let suppressed = 0;
  for (const [code, detector] of Object.entries(detectors) as [DetectorCode, Detector][]) {
    if (disabled.has(code)) continue;
    let found: Finding[];
    try {
      found = detector(context);
    } catch (error) {
      errors.push({ detector: code, message: error instanceof Error ? error.message : String(error) });
      continue;
    }
    for (const finding of found) {
      const dismissedScore = dismissed.get(finding.patternKey);
      if (dismissedScore !== undefined && finding.score <= dismissedScore + WORSE_BY) {
        suppressed++;
        continue;
      }
      const previous = byKey.get(finding.dedupKey);
      if (previous === undefined || finding.score > previous.score) byKey.set(finding.dedupKey, finding);
    }
  }
  const findings = [...byKey.values()].sort((a, b) => b.score - a.score || (a.dedupKey < b.dedupKey ? -1 : 1));
  return { findings, errors, suppressed };
}
