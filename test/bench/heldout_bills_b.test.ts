// The second independent held-out bill generator (scripts/bench/lib/heldout_bills_b.ts) checked on its own: the same
// seed gives the same bytes, every family is produced, the truth adds up the way its header comment says (lines →
// per-rate base and tax → untaxed + tax = total; tax taken out of tax-inclusive prices for the hotel folio), and the
// real pdftotext finds every truth value in the form the generator says it printed it. No extractor involved.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HELDOUT_B_FAMILIES, HELDOUT_B_SEED, day, heldoutBillsB, makeIban, mod97, money, plusDays, structured } from "../../scripts/bench/lib/heldout_bills_b";
import { HEADER } from "../../scripts/bench/lib/real_invoices";
import { installed } from "../engine/bills/ocr_fixture";

const POPPLER = installed("pdftotext", "-v");
const skipped = POPPLER ? "" : " — SKIPPED: poppler-utils not installed";
const PER_FAMILY = 4;
const bills = heldoutBillsB(PER_FAMILY);
const cents = (v: number) => Math.round(v * 100);
const dir = mkdtempSync(path.join(tmpdir(), "aib-heldout-b-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("second held-out bill generator (independent, report seed)", () => {
  it("is deterministic per seed, differs between seeds, and a smaller run is the start of a bigger one", () => {
    const again = heldoutBillsB(PER_FAMILY);
    expect(again.map((b) => b.pdf.toString("base64"))).toEqual(bills.map((b) => b.pdf.toString("base64")));
    expect(again.map((b) => b.truth)).toEqual(bills.map((b) => b.truth));
    const other = heldoutBillsB(PER_FAMILY, HELDOUT_B_SEED + 1);
    expect(other.map((b) => b.truth.invoiceNumber)).not.toEqual(bills.map((b) => b.truth.invoiceNumber));
    const quick = heldoutBillsB(2);
    for (const f of HELDOUT_B_FAMILIES) expect(quick.filter((b) => b.family === f).map((b) => b.truth)).toEqual(bills.filter((b) => b.family === f).slice(0, 2).map((b) => b.truth));
  });

  it("produces every family, with distinct names, multi-page bills, six currencies and several tax cases", () => {
    expect(HELDOUT_B_FAMILIES.length).toBeGreaterThanOrEqual(10);
    expect([...new Set(bills.map((b) => b.family))]).toEqual([...HELDOUT_B_FAMILIES]);
    expect(new Set(bills.map((b) => b.name)).size).toBe(bills.length);
    expect(bills.filter((b) => b.family === "mp").every((b) => b.pages > 1)).toBe(true);
    expect(new Set(bills.map((b) => b.truth.currency))).toEqual(new Set(["GBP", "USD", "EUR", "PLN", "SEK", "CHF"]));
    // Several rates on one bill, no tax at all (reverse charge, zero sales tax), tax-inclusive prices, no due date.
    const many = heldoutBillsB(12);
    expect(many.some((b) => b.byRate.filter((r) => r.rate > 0).length > 1)).toBe(true);
    expect(many.some((b) => b.truth.totalTax === 0)).toBe(true);
    expect(many.some((b) => b.taxIncluded)).toBe(true);
    expect(many.some((b) => b.truth.dueDate === undefined)).toBe(true);
  });

  it("has truth that adds up: lines, tax per rate, untaxed + tax = total; dates and IBANs valid", () => {
    for (const b of bills) {
      for (const l of b.lines) expect(l.amount, b.name).toBe(Math.round(l.qty * l.unit));
      expect(new Set(b.byRate.map((r) => r.rate)).size, b.name).toBe(b.byRate.length);
      for (const r of b.byRate) {
        const sum = b.lines.filter((l) => l.rate === r.rate).reduce((s, l) => s + l.amount, 0);
        if (b.taxIncluded) {
          expect(r.tax, b.name).toBe(Math.round((sum * r.rate) / (100 + r.rate)));
          expect(r.base + r.tax, b.name).toBe(sum);
        } else {
          expect(r.base, b.name).toBe(sum);
          expect(r.tax, b.name).toBe(Math.round((r.base * r.rate) / 100));
        }
      }
      expect(cents(Number(b.truth.untaxed)), b.name).toBe(b.byRate.reduce((s, r) => s + r.base, 0));
      expect(cents(Number(b.truth.totalTax)), b.name).toBe(b.byRate.reduce((s, r) => s + r.tax, 0));
      expect(cents(Number(b.truth.total)), b.name).toBe(cents(Number(b.truth.untaxed)) + cents(Number(b.truth.totalTax)));
      for (const k of HEADER.filter((f) => f !== "dueDate" && f !== "documentKind")) expect(b.truth[k], `${b.name} ${k}`).toBeDefined();
      expect(String(b.truth.invoiceDate)).toMatch(/^20(25|26)-\d\d-\d\d$/);
      expect(String(b.truth.invoiceDate) < "2026-12-01", b.name).toBe(true);
      if (b.truth.dueDate !== undefined) expect(String(b.truth.dueDate) > String(b.truth.invoiceDate), b.name).toBe(true);
      if (b.truth.vendorIban !== undefined) expect(mod97(`${String(b.truth.vendorIban).slice(4)}${String(b.truth.vendorIban).slice(0, 4)}`), b.name).toBe(1);
      if (b.truth.vendorVat !== undefined) expect(String(b.truth.vendorVat), b.name).toMatch(/^[A-Z]{2}[0-9A-Z]{8,12}$/);
      expect(b.receiver).not.toBe(b.truth.vendorName);
    }
  });

  it("formats amounts, dates, IBANs and Belgian structured communications as printed", () => {
    expect(money(123456, "en")).toBe("1,234.56");
    expect(money(123456, "eu")).toBe("1.234,56");
    expect(money(123456789, "space")).toBe("1 234 567,89");
    expect(money(-123450, "ch")).toBe("-1'234.50");
    expect(money(5, "plain")).toBe("0.05");
    expect(day("2026-03-05", "m/d/Y")).toBe("03/05/2026");
    expect(day("2026-03-05", "d Mon Y")).toBe("5 Mar 2026");
    expect(day("2026-08-01", "fr")).toBe("1 août 2026");
    expect(plusDays("2026-02-20", 10)).toBe("2026-03-02");
    expect(makeIban("DE", "370400440532013000")).toBe("DE89370400440532013000");
    // 0123456789 mod 97 = 39; a multiple of 97 takes 97, not 00.
    expect(structured("0123456789")).toBe("+++012/3456/78939+++");
    expect(structured("0000000097")).toBe("+++000/0000/09797+++");
  });

  describe.skipIf(!POPPLER)(`the text layer prints the truth${skipped}`, () => {
    it("holds every truth value in its printed form (pdftotext), on as many pages as the bill has", () => {
      const squeeze = (s: string) => s.replace(/\s+/g, "").toLowerCase();
      for (const b of bills) {
        const file = path.join(dir, `${b.name}.pdf`);
        writeFileSync(file, b.pdf);
        const text = squeeze(execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }));
        expect(execFileSync("pdfinfo", [file], { encoding: "utf8" })).toMatch(new RegExp(`Pages:\\s+${b.pages}\\b`));
        for (const k of Object.keys(b.truth) as Array<keyof typeof b.truth>) {
          if (k === "vendorAliases") continue;
          const form = b.printed[k];
          expect(form, `${b.name} ${k}: no printed form recorded`).toBeDefined();
          for (const part of typeof form === "string" ? [form] : form!) expect(text.includes(squeeze(part)), `${b.name} ${k}: "${part}" not in the text layer`).toBe(true);
        }
        // The vendor's legal name and the invoice number are printed exactly as the truth holds them.
        expect(text.includes(squeeze(String(b.truth.vendorName))), b.name).toBe(true);
        expect(text.includes(squeeze(String(b.truth.invoiceNumber))), b.name).toBe(true);
        // The gross total is printed in the bill's own number style.
        expect((["en", "eu", "space", "ch"] as const).some((s) => text.includes(squeeze(money(cents(Number(b.truth.total)), s)))), b.name).toBe(true);
      }
    });
  });
});
