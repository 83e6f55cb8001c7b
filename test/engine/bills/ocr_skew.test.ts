// A sheet fed askew: scanners and phones give pages turned 1-4°. The page the test writes (pdf_fixture.ts) is rendered
// by the real pdftoppm, turned here by a few degrees (bilinear, white around the sheet), put into a scanner's PDF and
// read through the bill service with the real tesseract: it must read as the straight page does.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ExtractedBill } from "../../../web_src/contracts/bills";
import { BillService } from "../../../web_src/endpoint/services/bills";
import { readPgm, rotateSmall, skewDegrees, type GreyImage } from "../../../web_src/engine/bills/ocr_image";
import { installed, scannedPdf } from "./ocr_fixture";
import { makePdf } from "./pdf_fixture";

const TOOLS = installed("pdftoppm", "-v") && installed("tesseract", "--version");
const skipped = TOOLS ? "" : " — SKIPPED: poppler-utils or tesseract-ocr not installed";
if (!TOOLS) console.warn(`SKIPPED parts of test/engine/bills/ocr_skew.test.ts:${skipped}`);

const HEADER = ["vendorName", "invoiceNumber", "invoiceDate", "dueDate", "currency", "untaxed", "totalTax", "total"] as const;
const header = (bill: ExtractedBill | undefined) => HEADER.map((k) => bill?.fields[k]?.value ?? null);
/** A bill set in a monospaced grid (the fixture's text PDF): the totals at the right, far from the left margin, in
 * pounds with thousands separators. The text of the bills bench's synthetic tuning bill J-1 (a layout of the
 * project's own generator, scripts/bench/lib/synthetic_bills.ts), on which a -3° skew made tesseract read the net
 * total's "£" as "$" and the total was lost. */
const LINES = [
  "Delta Labs LLP",
  "Vestergade 21, Bristol BS1 5TR",
  "VAT Reg. No. GB181679893",
  "",
  "                                                  TAX INVOICE",
  "Customer:                                         Invoice no:       INV-17234",
  "Kunden Holding Ltd                                Date of supply    11th June 2024",
  "",
  "",
  "Description                             Qty       Unit Price        Net",
  "Parts                                   6         236.81            1,420.86",
  "Parts                                   4         2,211.90          8,847.60",
  "Call-out charge                         9         449.32            4,043.88",
  "Parts                                   6         1,466.73          8,800.38",
  "",
  "                                                  Net Total                 \u00a323,112.72",
  "                                                  VAT at 20%                \u00a34,622.54",
  "                                                  Total Payable             \u00a327,735.26",
  "",
  "Payment due by 25th June 2024. Please quote the invoice number with your payment.",
];
const TRUTH = ["Delta Labs LLP", "INV-17234", "2024-06-11", "2024-06-25", "GBP", 23112.72, 4622.54, 27735.26];

describe.skipIf(!TOOLS)(`OCR of a page scanned askew${skipped}`, () => {
  it("reads a scanner's PDF of a sheet turned 2.5° or -3° as the straight page", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "aib-test-skew-"));
    try {
      writeFileSync(path.join(dir, "bill.pdf"), makePdf({ pages: [LINES] }));
      execFileSync("pdftoppm", ["-r", "300", "-gray", "-singlefile", path.join(dir, "bill.pdf"), path.join(dir, "bill")]);
      const page = readPgm(readFileSync(path.join(dir, "bill.pgm"))) as GreyImage;
      const service = new BillService({ validateResponses: true, today: () => "2026-12-01" });
      for (const degrees of [-3, 2.5]) {
        const bytes = scannedPdf([rotateSmall(page, degrees)], 300);
        const bill = (await service.extract({ fileName: "scan.pdf", mimeType: "", contentBase64: bytes.toString("base64") })).documents[0];
        expect([degrees, header(bill)]).toEqual([degrees, TRUTH]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});

describe("the skew of a tesseract reading", () => {
  const row = (line: number, left: number, top: number) => `5\t1\t1\t1\t${line}\t1\t${left}\t${top}\t60\t20\t95\tword`;
  it("is the median slope of neighbouring words along a line, positive when lines run down to the right", () => {
    const rows: string[] = [];
    for (let line = 1; line <= 5; line++) for (let i = 0; i < 4; i++) rows.push(row(line, 100 + i * 200, 100 * line + i * 200 * Math.tan((2 * Math.PI) / 180)));
    expect(skewDegrees(["level\tpage_num", ...rows].join("\n"))).toBeCloseTo(2, 1);
    expect(skewDegrees(["level\tpage_num", row(1, 100, 100), row(1, 300, 100)].join("\n"))).toBe(0);
  });

  it("turns an image about its centre, white outside the sheet", () => {
    const image: GreyImage = { width: 40, height: 40, grey: new Uint8Array(1600).fill(0) };
    const turned = rotateSmall(image, 10);
    expect(turned.grey[20 * 40 + 20]).toBe(0);
    expect(turned.grey[0]).toBe(255);
  });
});
