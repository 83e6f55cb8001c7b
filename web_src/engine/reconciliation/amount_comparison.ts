import { DEFAULT_WRITEOFF_MAX_AMOUNT, DEFAULT_WRITEOFF_MAX_RATIO, type EngineSettings, type OpenItem, type StatementLine } from "../../contracts/reconcile";
import { cents } from "../shared/cents";

export type AmountRelation = "exact" | "fx" | "tolerance" | "fee" | "partial" | "over" | "none";

export interface AmountComparison {
  relation: AmountRelation;
  /** Company-currency amount the item keeps open after the line (> 0 short, < 0 over, 0 exact), unsigned sense. */
  shortfallCompany: number;
}

/** Does the line pay items of this sign? Received money pays receivables, money paid out pays payables. */
export function paysSign(line: Pick<StatementLine, "amount">, item: Pick<OpenItem, "amountResidual">): boolean {
  return (line.amount > 0 && item.amountResidual > 0) || (line.amount < 0 && item.amountResidual < 0);
}

/**
 * How a line's amount relates to one open item: exact in the shared currency, within `fxTolerance` in company
 * currency when the currencies differ, within the payment tolerance (`writeoffMaxAmount` and `writeoffMaxRatio`,
 * over or under) in the same currency when the settings name an account to book the difference to, short by a bank fee (`bankFeeAccountId` set, within `maxFeeAmount` and
 * `maxFeeRatio`), a partial payment (short by more), or over. Items of the wrong sign or already paid are "none".
 */
export function compareAmount(
  line: Pick<StatementLine, "amount" | "amountCompany" | "currency">,
  item: Pick<OpenItem, "amountResidual" | "amountResidualCurrency" | "currency">,
  settings: Pick<
    EngineSettings,
    | "bankFeeAccountId" | "maxFeeAmount" | "maxFeeRatio" | "fxTolerance" | "writeoffMaxAmount" | "writeoffMaxRatio"
    | "writeoffAccountId" | "exchangeGainAccountId" | "exchangeLossAccountId"
  >,
): AmountComparison {
  if (cents(item.amountResidual) === 0 || cents(line.amount) === 0 || !paysSign(line, item)) {
    return { relation: "none", shortfallCompany: 0 };
  }
  const residualCompany = Math.abs(item.amountResidual);
  let shortfallCompany: number;
  if (line.currency === item.currency) {
    const shortCents = Math.abs(cents(item.amountResidualCurrency)) - Math.abs(cents(line.amount));
    if (shortCents === 0) return { relation: "exact", shortfallCompany: 0 };
    const rate = Math.abs(line.amountCompany / line.amount);
    shortfallCompany = (shortCents / 100) * (Number.isFinite(rate) && rate > 0 ? rate : 1);
  } else {
    shortfallCompany = residualCompany - Math.abs(line.amountCompany);
    if (Math.abs(shortfallCompany) < 0.005) return { relation: "exact", shortfallCompany: 0 };
    if (Math.abs(shortfallCompany) <= settings.fxTolerance) return { relation: "fx", shortfallCompany };
  }
  shortfallCompany = Math.round(shortfallCompany * 100) / 100;
  // A few cents either way (rounding, bank FX rounding, a customer's typo): within the company's payment tolerance.
  const gap = Math.abs(shortfallCompany);
  const bookable = (settings.writeoffAccountId ?? settings.exchangeGainAccountId ?? settings.exchangeLossAccountId
    ?? settings.bankFeeAccountId ?? null) !== null;
  const maxAmount = bookable ? (settings.writeoffMaxAmount ?? DEFAULT_WRITEOFF_MAX_AMOUNT) : 0;
  const maxRatio = settings.writeoffMaxRatio ?? DEFAULT_WRITEOFF_MAX_RATIO;
  if (line.currency === item.currency && gap > 0 && gap <= maxAmount + 1e-9 && gap <= maxRatio * residualCompany + 1e-9) {
    return { relation: "tolerance", shortfallCompany };
  }
  if (shortfallCompany < 0) return { relation: "over", shortfallCompany };
  const isFee =
    settings.bankFeeAccountId !== null &&
    shortfallCompany <= settings.maxFeeAmount &&
    shortfallCompany <= settings.maxFeeRatio * residualCompany;
  return { relation: isFee ? "fee" : "partial", shortfallCompany };
}
