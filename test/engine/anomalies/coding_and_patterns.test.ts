import { describe, expect, it } from "vitest";
import type { Finding } from "../../../web_src/contracts/anomalies";
import { bill, detect, monthlyHistory, newId } from "./helpers";

const only = (findings: Finding[], code: string): Finding[] => findings.filter((f) => f.detector === code);

describe("unusual coding", () => {
  it("finds a vendor on an account it never used", () => {
    const item = bill({ amount: 200 });
    const findings = detect({
      items: [{ ...item, lines: [{ id: newId(), accountId: 777, accountCode: "6800", accountType: "expense", balance: 200 }] }],
      history: { vendors: [{ partnerId: 7, billCount: 12, accounts: [{ accountId: 600, count: 12 }] }] },
    });
    expect(only(findings, "new_account_for_vendor")).toHaveLength(1);
    expect(only(findings, "new_account_for_vendor")[0]?.reason).toContain("6800");
  });

  it("finds an account/tax pair never seen and a tax rate unlike the vendor's", () => {
    const item = bill({ amount: 200 });
    const line = { id: newId(), accountId: 600, accountCode: "6000", accountType: "expense", balance: 200, taxIds: [33], taxRate: 7 };
    const findings = detect({
      items: [{ ...item, lines: [line] }],
      history: {
        vendors: [{ partnerId: 7, billCount: 10, accounts: [{ accountId: 600, count: 10 }], taxRates: [{ rate: 19, count: 10 }] }],
        accounts: [{ accountId: 600, lineCount: 40, taxes: [{ taxId: 31, count: 40 }] }],
      },
    });
    expect(findings.map((f) => f.detector).sort()).toEqual(["new_account_tax_pair", "unusual_tax_rate"]);
    expect(only(findings, "unusual_tax_rate")[0]?.reason).toContain("usually carry 19% tax");
  });

  it("says nothing with too little history", () => {
    const item = bill({ amount: 200 });
    const findings = detect({
      items: [{ ...item, lines: [{ id: newId(), accountId: 777, accountType: "expense", balance: 200, taxIds: [33], taxRate: 7 }] }],
      history: { vendors: [{ partnerId: 7, billCount: 2, accounts: [{ accountId: 600, count: 2 }], taxRates: [{ rate: 19, count: 2 }] }], accounts: [{ accountId: 777, lineCount: 3, taxes: [{ taxId: 31, count: 3 }] }] },
    });
    expect(findings).toEqual([]);
  });
});

describe("risky patterns", () => {
  it("finds a new vendor with a new bank account and a high amount", () => {
    const findings = detect({
      items: [bill({ amount: 12_000 })],
      settings: { highAmount: 5000 },
      history: { vendors: [{ partnerId: 7, createdOn: "2026-03-01", billCount: 0, bankAccounts: [{ id: 3, changedOn: "2026-03-02" }] }] },
    });
    expect(findings.map((f) => f.detector)).toEqual(["new_vendor_new_bank_account"]);
  });

  it("finds a payment to a bank account changed days before, for a vendor paid elsewhere until now", () => {
    const payment = { model: "account.payment" as const, id: newId(), kind: "payment" as const, partnerId: 7, partnerName: "Acme", date: "2026-03-12", createdAt: "2026-03-12T09:00", amount: 800, bankAccountId: 4, bankAccountChangedAt: "2026-03-09" };
    const vendor = { partnerId: 7, createdOn: "2024-01-01", billCount: 30, paymentsByBankAccount: [{ bankAccountId: 3, count: 29 }] };
    const findings = detect({ items: [payment], history: { vendors: [vendor] } });
    expect(findings.map((f) => f.detector)).toEqual(["bank_account_changed"]);
    expect(findings[0]?.reason).toContain("3 days before");
    expect(detect({ items: [{ ...payment, bankAccountChangedAt: "2025-12-01" }], history: { vendors: [vendor] } })).toEqual([]);
  });

  it("finds a round amount just under an approval threshold, not an odd one", () => {
    const thresholds = { approvalThresholds: [5000] };
    expect(detect({ items: [bill({ amount: 4900 })], settings: thresholds }).map((f) => f.detector)).toEqual(["just_under_threshold"]);
    expect(detect({ items: [bill({ amount: 4913.27 })], settings: thresholds })).toEqual([]);
    expect(detect({ items: [bill({ amount: 4950 })], settings: thresholds }).map((f) => f.detector)).toEqual(["just_under_threshold"]);
    expect(detect({ items: [bill({ amount: 3000 })], settings: thresholds })).toEqual([]);
  });

  it("finds a Sunday night entry by a user who works office hours", () => {
    const hours = Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 18 ? 10 : 0));
    const users = [{ userId: 2, hours, weekend: 0 }];
    const sunday = detect({ items: [bill({ amount: 100, createdAt: "2026-03-08T23:10" })], history: { users } });
    expect(sunday.map((f) => f.detector)).toEqual(["off_hours_posting"]);
    expect(sunday[0]?.reason).toContain("Sunday");
    const night = detect({ items: [bill({ amount: 100, createdAt: "2026-03-10T23:10" })], history: { users } });
    expect(night[0]?.reason).toContain("at 23:10");
    const nightOwl = detect({ items: [bill({ amount: 100, createdAt: "2026-03-10T23:10" })], history: { users: [{ userId: 2, hours: hours.map((h, i) => (i === 23 ? 20 : h)), weekend: 0 }] } });
    expect(nightOwl).toEqual([]);
  });

  it("finds a back-dated entry and a late entry slipped in just after the lock date", () => {
    const entry = (date: string, createdAt: string) => ({ ...bill({ amount: 100 }), kind: "entry" as const, date, createdAt });
    expect(detect({ items: [entry("2026-01-05", "2026-03-10T10:00")] }).map((f) => f.detector)).toEqual(["backdated_entry"]);
    const nearLock = detect({ items: [entry("2026-03-02", "2026-03-25T10:00")], lockDates: { fiscalyear: "2026-02-28" } });
    expect(nearLock[0]?.reason).toContain("after the lock date 2026-02-28");
    expect(detect({ items: [entry("2026-03-02", "2026-03-05T10:00")], lockDates: { fiscalyear: "2026-02-28" } })).toEqual([]);
    expect(detect({ items: [{ ...entry("2026-01-05", "2026-03-10T10:00"), kind: "bill" as const }] })).toEqual([]);
  });

  it("finds a manual entry on a payable account and a sequence gap", () => {
    const id = newId();
    const manual = { ...bill({ amount: 100, id }), kind: "entry" as const, manual: true, sequenceGap: true };
    expect(detect({ items: [manual] }).map((f) => f.detector).sort()).toEqual(["manual_control_account", "sequence_gap"]);
    expect(detect({ items: [{ ...manual, manual: false, sequenceGap: false }] })).toEqual([]);
  });
});

describe("history helpers", () => {
  it("spreads monthly bills back in time", () => {
    expect(monthlyHistory([1, 2, 3], "2026-02-05").map((h) => h.date)).toEqual(["2026-02-05", "2026-01-05", "2025-12-05"]);
  });
});
