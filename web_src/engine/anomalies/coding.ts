// Unusual coding: a vendor booked to an account it never used, an account/tax pair never seen, a tax rate that
// differs from the vendor's usual one. Each needs enough history to say "never" or "usual".
import type { Finding, ItemLine } from "../../contracts/anomalies";
import { findingOn, isBill, type DetectionContext } from "./detection_context";

export const MIN_VENDOR_BILLS = 3;
export const MIN_ACCOUNT_LINES = 10;
export const MIN_RATE_LINES = 5;
/** Share of the vendor's lines at its usual rate for another rate to be unusual. */
export const USUAL_RATE_SHARE = 0.8;

const CONTROL_TYPES = new Set(["asset_receivable", "liability_payable", "asset_cash", "liability_credit_card"]);
/** The lines that carry the coding: not the payable/receivable counterpart, not the tax lines. */
const codingLines = (lines: readonly ItemLine[]): ItemLine[] => lines.filter((l) => !CONTROL_TYPES.has(l.accountType) && !l.taxAccount);

export function detectNewAccountForVendor(context: DetectionContext): Finding[] {
  const findings: Finding[] = [];
  for (const item of context.request.items) {
    if (!isBill(item) || item.partnerId === null) continue;
    const vendor = context.vendors.get(item.partnerId);
    if (vendor === undefined || vendor.billCount < MIN_VENDOR_BILLS || vendor.accounts.length === 0) continue;
    const used = new Set(vendor.accounts.map((a) => a.accountId));
    const usual = [...vendor.accounts].sort((a, b) => b.count - a.count)[0];
    for (const line of codingLines(item.lines)) {
      if (used.has(line.accountId)) continue;
      used.add(line.accountId); // one finding per account and bill
      findings.push(
        findingOn(item, "new_account_for_vendor", {
          score: 0.5 + 0.35 * Math.min(1, vendor.billCount / 20),
          reason: `${item.partnerName || "This vendor"} was never booked to account ${line.accountCode || `#${line.accountId}`} in ${vendor.billCount} bills${usual ? ` (usually account #${usual.accountId}, ${usual.count} lines)` : ""}.`,
          dedupKey: `new_account_for_vendor:${item.id}:${line.accountId}`,
          patternKey: `new_account_for_vendor:partner:${item.partnerId}:account:${line.accountId}`,
          evidence: [{ model: "account.move.line", id: line.id }],
        }),
      );
    }
  }
  return findings;
}

export function detectNewAccountTaxPair(context: DetectionContext): Finding[] {
  const findings: Finding[] = [];
  for (const item of context.request.items) {
    if (!isBill(item) && item.kind !== "invoice") continue;
    for (const line of codingLines(item.lines)) {
      const account = context.accounts.get(line.accountId);
      if (account === undefined || account.lineCount < MIN_ACCOUNT_LINES || account.taxes.length === 0) continue;
      const seen = new Set(account.taxes.map((t) => t.taxId));
      const taxes: (number | null)[] = line.taxIds.length > 0 ? line.taxIds : [null];
      const unseen = taxes.filter((t) => !seen.has(t));
      if (unseen.length === 0) continue;
      const what = unseen[0] === null ? "without tax" : `with tax #${unseen.join(", #")}`;
      findings.push(
        findingOn(item, "new_account_tax_pair", {
          score: 0.6,
          reason: `Account ${line.accountCode || `#${line.accountId}`} was never used ${what} in its ${account.lineCount} lines.`,
          dedupKey: `new_account_tax_pair:${line.id}`,
          patternKey: `new_account_tax_pair:account:${line.accountId}:tax:${unseen.join(",")}`,
          evidence: [{ model: "account.move.line", id: line.id }],
        }),
      );
    }
  }
  return findings;
}

export function detectUnusualTaxRate(context: DetectionContext): Finding[] {
  const findings: Finding[] = [];
  for (const item of context.request.items) {
    if (!isBill(item) || item.partnerId === null) continue;
    const vendor = context.vendors.get(item.partnerId);
    if (vendor === undefined) continue;
    const total = vendor.taxRates.reduce((n, r) => n + r.count, 0);
    if (total < MIN_RATE_LINES) continue;
    const usual = [...vendor.taxRates].sort((a, b) => b.count - a.count)[0];
    if (usual === undefined || usual.count / total < USUAL_RATE_SHARE) continue;
    const known = new Set(vendor.taxRates.map((r) => Math.round(r.rate * 100)));
    const line = codingLines(item.lines).find((l) => l.taxRate !== null && !known.has(Math.round(l.taxRate * 100)));
    if (line === undefined || line.taxRate === null) continue;
    findings.push(
      findingOn(item, "unusual_tax_rate", {
        score: 0.55 + 0.3 * (usual.count / total - USUAL_RATE_SHARE) / (1 - USUAL_RATE_SHARE),
        reason: `${item.partnerName || "This vendor"}'s bills usually carry ${usual.rate}% tax (${usual.count} of ${total} lines); this bill has ${line.taxRate}%.`,
        dedupKey: `unusual_tax_rate:${item.id}`,
        patternKey: `unusual_tax_rate:partner:${item.partnerId}:rate:${line.taxRate}`,
        evidence: [{ model: "account.move.line", id: line.id }],
      }),
    );
  }
  return findings;
}
