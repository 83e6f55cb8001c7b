import type { EngineSettings, OpenItem, StatementLine } from "../../contracts/reconcile";
import { cents } from "../shared/cents";

export type AmountRelation = "exact" | "fx" | "fee" | "partial" | "over" | "none";

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
 * currency when the currencies differ, short by a bank fee (`bankFeeAccountId` set, within `maxFeeAmount` and
 * `maxFeeRatio`), a partial payment (short by more), or over. Items of the wrong sign or already paid are "none".
 */
export function compareAmount(
  line: Pick<StatementLine, "amount" | "amountCompany" | "currency">,
  item: Pick<OpenItem, "amountResidual" | "amountResidualCurrency" | "currency">,
  settings: Pick<EngineSettings, "bankFeeAccountId" | "maxFeeAmount" | "maxFeeRatio" | "fxTolerance">,
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
  if (shortfallCompany < 0) return { relation: "over", shortfallCompany };
  const isFee =
    settings.bankFeeAccountId !== null &&
    shortfallCompany <= settings.maxFeeAmount &&
    shortfallCompany <= settings.maxFeeRatio * residualCompany;
  return { relation: isFee ? "fee" : "partial", shortfallCompany };
}
