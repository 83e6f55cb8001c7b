import { describe, expect, it } from "vitest";
import { referenceFingerprint } from "../../../web_src/engine/anomalies/reference_fingerprint";
import { bill, detect, monthlyHistory, newId } from "./helpers";

const codes = (findings: { detector: string }[]): string[] => findings.map((f) => f.detector);

describe("referenceFingerprint", () => {
  it("reads the same invoice number written differently as one", () => {
    const forms = ["INV-0042", "inv 42", "Inv. 00042", "INV/42", "ínv_042"];
    expect(new Set(forms.map(referenceFingerprint))).toEqual(new Set(["INV42"]));
    expect(referenceFingerprint("INV-0043")).not.toBe("INV42");
  });
});

describe("duplicate bills", () => {
  it("finds the same vendor and amount within the window, with both bills as evidence", () => {
    const first = bill({ amount: 1234.5, date: "2026-03-01", reference: "A-1" });
    const second = bill({ amount: 1234.5, date: "2026-03-04", reference: "" });
    const findings = detect({ items: [first, second] }).filter((f) => f.detector === "duplicate_bill");
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding?.target).toEqual({ model: "account.move", id: second.id });
    expect(finding?.evidence.map((e) => e.id)).toEqual([second.id, first.id]);
    expect(finding?.reason).toContain("1,234.50 EUR");
    expect(finding?.dedupKey).toBe(`duplicate_bill:${first.id}:${second.id}`);
  });

  it("finds a bill already in the vendor's history, and the same reference written differently", () => {
    const id = newId();
    const item = bill({ amount: 980, date: "2026-03-10", reference: "inv 0042" });
    const findings = detect({
      items: [item],
      history: { vendors: [{ partnerId: 7, billCount: 1, recent: [{ id, date: "2025-11-02", amount: 980, reference: "INV-42", name: "BILL/OLD" }] }] },
    });
    const dup = findings.find((f) => f.detector === "duplicate_bill");
    expect(dup?.score).toBeGreaterThanOrEqual(0.9);
    expect(dup?.reason).toContain('"INV-42" / "inv 0042"');
  });

  it("raises the same reference with another amount as a duplicate reference", () => {
    const id = newId();
    const findings = detect({
      items: [bill({ amount: 990, reference: "INV 42" })],
      history: { vendors: [{ partnerId: 7, billCount: 1, recent: [{ id, date: "2026-03-01", amount: 980, reference: "INV-0042" }] }] },
    });
    expect(codes(findings)).toEqual(["duplicate_reference"]);
  });

  it("leaves a monthly rent of the same amount alone, and another vendor's equal amount", () => {
    const history = monthlyHistory([1500, 1500, 1500, 1500]);
    const findings = detect({
      items: [bill({ amount: 1500, date: "2026-03-05", reference: "RENT-03" }), bill({ amount: 1500, partnerId: 8, date: "2026-03-06" })],
      history: { vendors: [{ partnerId: 7, billCount: 4, recent: history }] },
    });
    expect(codes(findings)).not.toContain("duplicate_bill");
  });

  it("names the later bill the duplicate when both are in the batch and in the history", () => {
    const first = bill({ amount: 640, date: "2026-03-01" });
    const second = bill({ amount: 640, date: "2026-03-02" });
    const recent = [second, first].map((b) => ({ id: b.id as number, date: b.date as string, amount: 640 }));
    const findings = detect({ items: [first, second], history: { vendors: [{ partnerId: 7, billCount: 2, recent }] } });
    expect(findings.map((f) => [f.detector, f.target.id])).toEqual([["duplicate_bill", second.id]]);
  });

  it("does not compare a bill with itself when it is also in the history", () => {
    const item = bill({ amount: 700, reference: "X-9" });
    const findings = detect({
      items: [item],
      history: { vendors: [{ partnerId: 7, billCount: 1, recent: [{ id: item.id, date: item.date as string, amount: 700, reference: "X-9" }] }] },
    });
    expect(findings).toEqual([]);
  });
});

describe("duplicate payments and bank lines", () => {
  it("finds the same bill paid by a payment and a bank line", () => {
    const billId = newId();
    const payment = { model: "account.payment" as const, id: newId(), kind: "payment" as const, partnerId: 7, date: "2026-03-12", createdAt: "2026-03-12T09:00", amount: 500, paidMoveIds: [billId] };
    const line = { model: "account.bank.statement.line" as const, id: newId(), kind: "bank_line" as const, partnerId: 7, date: "2026-03-14", createdAt: "2026-03-14T09:00", amount: 500, direction: -1 as const, paidMoveIds: [billId] };
    const findings = detect({ items: [payment, line] });
    expect(codes(findings)).toEqual(["duplicate_payment"]);
    expect(findings[0]?.evidence).toContainEqual({ model: "account.move", id: billId });
  });

  it("finds the same bank line imported twice, not two different ones", () => {
    const base = { model: "account.bank.statement.line" as const, kind: "bank_line" as const, journalId: 5, date: "2026-03-14", createdAt: "2026-03-14T09:00", amount: 42.1, direction: -1 as const, reference: "CARD 1234 SHOP", counterpartyAccount: "DE12 3456" };
    const a = { ...base, id: newId() };
    const b = { ...base, id: newId(), counterpartyAccount: "de123456" };
    const c = { ...base, id: newId(), amount: 42.2 };
    const findings = detect({ items: [a, b, c] });
    expect(findings.map((f) => [f.detector, f.target.id])).toEqual([["duplicate_bank_line", b.id]]);
  });
});
