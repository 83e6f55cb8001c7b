/** Amounts in reasons: "2,450 EUR", "183.20 EUR" (grouped, cents only when there are any). */
const WHOLE = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const CENTS = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatMoney(amount: number, currency: string): string {
  const rounded = Math.round(amount * 100) / 100;
  const text = Number.isInteger(rounded) ? WHOLE.format(rounded) : CENTS.format(rounded);
  return `${text} ${currency}`;
}

/** A range "180–240 EUR" (one number when both ends round to the same). */
export function formatRange(low: number, high: number, currency: string): string {
  const a = formatMoney(low, currency);
  const b = formatMoney(high, currency);
  return a === b ? a : `${a.slice(0, a.length - currency.length - 1)}–${b}`;
}
