// The independent held-out bill generator (scripts/bench/lib/heldout_bills.ts) checked on its own, so it cannot
// drift silently: the same seed gives the same bytes, every family is produced, the truth adds up the way the header
// comment says (lines → per-rate bases → tax → untaxed + tax = total), and the PDF's text layer, read by the real
// pdftotext, prints every truth value in the form the generator says it printed. No extractor involved.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HELDOUT_FAMILIES, HELDOUT_REPORT_SEED, addDays, distort, fmtDate, greyPng, heldoutBills, iban, num, polishWords, type Grey } from "../../scripts/bench/lib/heldout_bills";
import { createRng } from "../../scripts/bench/lib/prng";
import { HEADER } from "../../scripts/bench/lib/real_invoices";
import { installed } from "../engine/bills/ocr_fixture";

const POPPLER = installed("pdftotext", "-v");
const skipped = POPPLER ? "" : " — SKIPPED: poppler-utils not installed";
const PER_FAMILY = 6;
const bills = heldoutBills(PER_FAMILY);
const cents = (v: number) => Math.round(v * 100);
const dir = mkdtempSync(path.join(tmpdir(), "aib-heldout-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function mod97(ibanValue: string): number {
  const moved = `${ibanValue.slice(4)}${ibanValue.slice(0, 4)}`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rem = 0;
  for (const ch of moved) rem = (rem * 10 + Number(ch)) % 97;
  return rem;
}

describe("held-out bill generator (independent, report seed)", () => {
  it("is deterministic per seed and differs between seeds", () => {
    const again = heldoutBills(PER_FAMILY);
    expect(again.map((b) => b.pdf.toString("base64"))).toEqual(bills.map((b) => b.pdf.toString("base64")));
    expect(again.map((b) => b.truth)).toEqual(bills.map((b) => b.truth));
    const other = heldoutBills(PER_FAMILY, HELDOUT_REPORT_SEED + 1);
    expect(other.map((b) => b.truth.invoiceNumber)).not.toEqual(bills.map((b) => b.truth.invoiceNumber));
    // A smaller run (--quick) is the start of the bigger one, family by family.
    const quick = heldoutBills(2);
    for (const f of HELDOUT_FAMILIES) expect(quick.filter((b) => b.family === f).map((b) => b.truth)).toEqual(bills.filter((b) => b.family === f).slice(0, 2).map((b) => b.truth));
  });

  it("produces every family, with distinct names, and a multi-page bill", () => {
    expect(HELDOUT_FAMILIES.length).toBeGreaterThanOrEqual(8);
    expect([...new Set(bills.map((b) => b.family))].sort()).toEqual([...HELDOUT_FAMILIES].sort());
    expect(new Set(bills.map((b) => b.name)).size).toBe(bills.length);
    expect(bills.some((b) => b.pages > 1)).toBe(true);
    expect(new Set(bills.map((b) => b.truth.currency))).toEqual(new Set(["GBP", "USD", "EUR", "PLN", "SEK", "CHF"]));
  });

  it("has truth that adds up: lines, tax per rate, untaxed + tax = total; dates and IBANs valid", () => {
    for (const b of bills) {
      for (const l of b.lines) expect(cents(l.amount), b.name).toBe(Math.round(cents(l.qty * l.unit * (1 - l.discountPct / 100))));
      for (const r of b.byRate) {
        expect(cents(r.base), b.name).toBe(b.lines.filter((l) => l.rate === r.rate).reduce((s, l) => s + cents(l.amount), 0));
        expect(cents(r.tax), b.name).toBe(Math.round((cents(r.base) * r.rate) / 100));
      }
      expect(new Set(b.byRate.map((r) => r.rate)).size).toBe(b.byRate.length);
      expect(cents(Number(b.truth.untaxed)), b.name).toBe(b.byRate.reduce((s, r) => s + cents(r.base), 0));
      expect(cents(Number(b.truth.totalTax)), b.name).toBe(b.byRate.reduce((s, r) => s + cents(r.tax), 0));
      expect(cents(Number(b.truth.total)), b.name).toBe(cents(Number(b.truth.untaxed)) + cents(Number(b.truth.totalTax)));
      for (const k of HEADER.filter((f) => f !== "dueDate" && f !== "documentKind")) expect(b.truth[k], `${b.name} ${k}`).toBeDefined();
      expect(b.truth.dueDate !== undefined, b.name).toBe(b.hasDue);
      expect(String(b.truth.invoiceDate)).toMatch(/^2026-\d\d-\d\d$/);
      expect(String(b.truth.invoiceDate) < "2026-12-01").toBe(true);
      if (b.truth.dueDate !== undefined) expect(String(b.truth.dueDate) > String(b.truth.invoiceDate), b.name).toBe(true);
      if (b.truth.vendorIban !== undefined) expect(mod97(String(b.truth.vendorIban)), b.name).toBe(1);
    }
  });

  it("formats numbers, dates and words as the locales print them", () => {
    expect(num(1234.5, "en")).toBe("1,234.50");
    expect(num(1234.5, "de")).toBe("1.234,50");
    expect(num(1234567.891, "fr")).toBe("1 234 567,89");
    expect(num(-1234.5, "ch")).toBe("-1'234.50");
    expect(fmtDate("2026-03-01", "ord")).toBe("1st March 2026");
    expect(fmtDate("2026-03-22", "ord")).toBe("22nd March 2026");
    expect(fmtDate("2026-03-05", "long", "de")).toBe("5. März 2026");
    expect(fmtDate("2026-03-01", "long", "fr")).toBe("1er mars 2026");
    expect(fmtDate("2026-03-05", "long", "es")).toBe("5 de marzo de 2026");
    expect(fmtDate("2026-03-05", "mdy/")).toBe("03/05/2026");
    expect(fmtDate("2026-03-05", "d-m-y")).toBe("5-3-2026");
    expect(addDays("2026-02-20", 10)).toBe("2026-03-02");
    expect(polishWords(1234.56)).toBe("jeden tysiąc dwieście trzydzieści cztery 56/100");
    expect(polishWords(22415)).toBe("dwadzieścia dwa tysiące czterysta piętnaście 00/100");
    expect(mod97(iban(createRng(1), "DE", "999999999999999999"))).toBe(1);
  });

  it("draws scans: the rotated and noised page keeps its size, the PNG is a grey PNG", () => {
    const img: Grey = { width: 40, height: 30, data: Buffer.alloc(1200, 255) };
    img.data.fill(0, 600, 640);
    const turned = distort(img, 1, 10, 7);
    expect([turned.width, turned.height, turned.data.length]).toEqual([40, 30, 1200]);
    expect(turned.data.equals(img.data)).toBe(false);
    expect(distort(img, 1, 10, 7).data.equals(turned.data)).toBe(true);
    const png = greyPng(turned, 200);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(40);
  });

  describe.skipIf(!POPPLER)(`the text layer prints the truth${skipped}`, () => {
    it("holds every truth value in its printed form (pdftotext)", () => {
      const squeeze = (s: string) => s.replace(/\s+/g, "").toLowerCase();
      for (const b of bills) {
        const file = path.join(dir, `${b.name}.pdf`);
        writeFileSync(file, b.pdf);
        const text = squeeze(execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }));
        expect(execFileSync("pdfinfo", [file], { encoding: "utf8" })).toMatch(new RegExp(`Pages:\\s+${b.pages}\\b`));
        for (const k of Object.keys(b.truth) as Array<keyof typeof b.truth>) {
          if (k === "vendorAliases") continue;
          const forms = b.printed[k];
          expect(forms, `${b.name} ${k}: no printed form recorded`).toBeDefined();
          expect(forms!.length).toBeGreaterThan(0);
          for (const form of forms!) expect(text.includes(squeeze(form)), `${b.name} ${k}: "${form}" not in the text layer`).toBe(true);
        }
        // The invoice number and the amounts are printed exactly as the truth holds them (numbers in the locale's form).
        expect(text.includes(squeeze(String(b.truth.invoiceNumber))), b.name).toBe(true);
        for (const k of ["untaxed", "total"] as const) {
          const forms = (["en", "de", "fr", "ch"] as const).map((style) => squeeze(num(Number(b.truth[k]), style)));
          expect(forms.some((f) => text.includes(f)), `${b.name} ${k}`).toBe(true);
        }
      }
    });
  });
});
