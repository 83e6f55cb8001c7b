// Test double for @web/views/fields/formatters: en_US grouping, currencies 1 = EUR (€ after), 2 = USD ($ before).
import type * as Real from "@web/views/fields/formatters";

const CURRENCIES: Record<number, { symbol: string; position: "before" | "after" }> = {
  1: { symbol: "€", position: "after" },
  2: { symbol: "$", position: "before" },
};

export const formatFloat: typeof Real.formatFloat = (value, options = {}) => {
  if (value === false) return "";
  const decimals = options.digits?.[1] ?? 2;
  const [int = "0", frac] = Math.abs(value).toFixed(decimals).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${value < 0 ? "-" : ""}${grouped}${frac ? `.${frac}` : ""}`;
};

export const formatMonetary: typeof Real.formatMonetary = (value, options) => {
  const number = formatFloat(value, { digits: options.digits ?? [69, 2] });
  const currency = CURRENCIES[options.currencyId];
  if (!currency || options.noSymbol) return number;
  return currency.position === "after" ? `${number}\u00a0${currency.symbol}` : `${currency.symbol}\u00a0${number}`;
};

export const formatPercentage: typeof Real.formatPercentage = (value, options = {}) => {
  const number = formatFloat((value || 0) * 100, { digits: options.digits ?? [69, 2] }).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
  return options.noSymbol ? number : `${number}%`;
};
