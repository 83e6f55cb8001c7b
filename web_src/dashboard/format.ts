// Money, dates and percentages as the user's Odoo language shows them (Odoo's own formatters, never Intl by hand).
import { deserializeDate, formatDate } from "@web/core/l10n/dates";
import { formatFloat, formatMonetary, formatPercentage } from "@web/views/fields/formatters";

/** An amount with its currency: Odoo's symbol and position when the id is known, else "1,234.50 EUR". */
export function formatAmount(amount: number, currency: string, currencyId?: number): string {
  if (currencyId !== undefined) return formatMonetary(amount, { currencyId });
  return `${formatFloat(amount, { digits: [69, 2] })}\u00a0${currency}`;
}

/** "2026-03-01" in the user's date format; the raw text when it is not a date. */
export function formatServerDate(isoDate: string): string {
  const date = deserializeDate(isoDate);
  return date.isValid ? formatDate(date) : isoDate;
}

/** 0.953 → "95%" (whole percents: a badge, not a statistic). */
export function formatConfidence(confidence: number): string {
  return formatPercentage(confidence, { digits: [69, 0] });
}

/** A ratio with one decimal, e.g. 0.9234 → "92.3%". */
export function formatRate(rate: number): string {
  return formatPercentage(rate, { digits: [69, 1] });
}
