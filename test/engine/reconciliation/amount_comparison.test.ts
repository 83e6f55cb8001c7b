import { describe, expect, it } from "vitest";
import { compareAmount, paysSign } from "../../../web_src/engine/reconciliation/amount_comparison";

const settings = { bankFeeAccountId: 1201, maxFeeAmount: 50, maxFeeRatio: 0.05, fxTolerance: 1 };
const eur = (amount: number) => ({ amount, amountCompany: amount, currency: "EUR" });
const item = (residual: number, currency = "EUR", residualCurrency = residual) => ({
  amountResidual: residual, amountResidualCurrency: residualCurrency, currency,
});

describe("compareAmount", () => {
  it("is exact to the cent in the shared currency", () => {
    expect(compareAmount(eur(100.1), item(100.1), settings).relation).toBe("exact");
    expect(compareAmount(eur(100.11), item(100.1), { ...settings, writeoffMaxAmount: 0 }).relation).toBe("over");
  });

  it("never pairs the wrong sign or a paid item", () => {
    expect(compareAmount(eur(-100), item(100), settings).relation).toBe("none");
    expect(compareAmount(eur(100), item(0), settings).relation).toBe("none");
    expect(paysSign({ amount: -5 }, { amountResidual: -5 })).toBe(true);
  });

  it("compares in company currency within the FX tolerance when currencies differ", () => {
    const usdInvoice = item(920, "USD", 1000);
    expect(compareAmount(eur(920.6), usdInvoice, settings).relation).toBe("fx");
    expect(compareAmount(eur(921.5), usdInvoice, settings).relation).toBe("over");
    expect(compareAmount({ amount: 1000, amountCompany: 920, currency: "USD" }, usdInvoice, settings).relation).toBe("exact");
  });

  it("tells a bank fee from a partial payment", () => {
    expect(compareAmount(eur(987.5), item(1000), settings)).toEqual({ relation: "fee", shortfallCompany: 12.5 });
    expect(compareAmount(eur(940), item(1000), settings).relation).toBe("partial"); // 60 > maxFeeAmount
    expect(compareAmount(eur(90), item(100), settings).relation).toBe("partial"); // 10 % > maxFeeRatio
    expect(compareAmount(eur(987.5), item(1000), { ...settings, bankFeeAccountId: null }).relation).toBe("partial");
  });
});

describe("compareAmount within the payment tolerance", () => {
  const tolerant = { ...settings, writeoffAccountId: 7100, writeoffMaxAmount: 1, writeoffMaxRatio: 0.01 };

  it("takes a few cents over or under as a small difference, in amount and in percent", () => {
    expect(compareAmount(eur(100.11), item(100.1), tolerant)).toEqual({ relation: "tolerance", shortfallCompany: -0.01 });
    expect(compareAmount(eur(99.6), item(100.1), tolerant)).toEqual({ relation: "tolerance", shortfallCompany: 0.5 });
    expect(compareAmount(eur(101.2), item(100.1), tolerant).relation).toBe("over");
    expect(compareAmount(eur(50.9), item(50.1), tolerant).relation).toBe("over"); // 0.80 is more than 1 % of 50.10
  });

  it("has no tolerance without an account to book the difference to", () => {
    const nowhere = { ...tolerant, writeoffAccountId: null, bankFeeAccountId: null };
    expect(compareAmount(eur(100.11), item(100.1), nowhere).relation).toBe("over");
    expect(compareAmount(eur(100.11), item(100.1), { ...nowhere, exchangeGainAccountId: 7200 }).relation).toBe("tolerance");
    expect(compareAmount(eur(100.11), item(100.1), { ...nowhere, bankFeeAccountId: 1201 }).relation).toBe("tolerance");
  });
});
