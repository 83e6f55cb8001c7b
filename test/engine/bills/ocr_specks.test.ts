// A page strewn with specks: dust on the scanner's glass, a noisy fax line, a photo's grain. The page the test writes
// (pdf_fixture.ts) is rendered by the real pdftoppm, 1 % of its pixels set black or white at random and the rest given
// a grain of ±20 grey levels (ocr_fixture.ts speckled), put into a scanner's PDF and read through the bill service
// with the real tesseract: it must read as the clean page does.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ExtractedBill } from "../../../web_src/contracts/bills";
import { BillService } from "../../../web_src/endpoint/services/bills";
import { despeckle, readPgm, speckShare, type GreyImage } from "../../../web_src/engine/bills/ocr_image";
import { installed, scannedPdf, speckled } from "./ocr_fixture";
import { makePdf } from "./pdf_fixture";

const TOOLS = installed("pdftoppm", "-v") && installed("tesseract", "--version");
const skipped = TOOLS ? "" : " — SKIPPED: poppler-utils or tesseract-ocr not installed";
if (!TOOLS) console.warn(`SKIPPED parts of test/engine/bills/ocr_specks.test.ts:${skipped}`);

const HEADER = ["vendorName", "invoiceNumber", "invoiceDate", "dueDate", "currency", "untaxed", "totalTax", "total"] as const;
const header = (bill: ExtractedBill | undefined) => HEADER.map((k) => bill?.fields[k]?.value ?? null);

/** A plain bill, written for this test. */
const LINES = [
  "Brightwater Cleaning Services Ltd",
  "4 Canal Wharf, Leeds LS11 5PS",
  "VAT No: GB 730 4412 09",
  "",
  "INVOICE",
  "",
  "Invoice Number:   BCS-2093                         Bill to: Aire Valley Offices Ltd",
  "Invoice Date:     14/05/2025",
  "Due Date:         13/06/2025",
  "",
  "Description                                   Qty      Price       Amount",
  "Office cleaning, weekly                       4        185.00      740.00",
  "Window cleaning                               1        120.00      120.00",
  "",
  "                                              Subtotal             £860.00",
  "                                              VAT 20%              £172.00",
  "                                              Total                £1,032.00",
];
const TRUTH = ["Brightwater Cleaning Services Ltd", "BCS-2093", "2025-05-14", "2025-06-13", "GBP", 860, 172, 1032];

describe.skipIf(!TOOLS)(`OCR of a speckled scan${skipped}`, () => {
  it("reads a scanner's PDF of a page strewn with specks as the clean page", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "aib-test-specks-"));
    try {
      writeFileSync(path.join(dir, "bill.pdf"), makePdf({ pages: [LINES] }));
      execFileSync("pdftoppm", ["-r", "300", "-gray", "-singlefile", path.join(dir, "bill.pdf"), path.join(dir, "bill")]);
      const page = readPgm(readFileSync(path.join(dir, "bill.pgm"))) as GreyImage;
      const bytes = scannedPdf([speckled(page, 0.01, 20, 7)], 300);
      const service = new BillService({ validateResponses: true, today: () => "2026-12-01" });
      const bill = (await service.extract({ fileName: "scan.pdf", mimeType: "", contentBase64: bytes.toString("base64") })).documents[0];
      expect(header(bill)).toEqual(TRUTH);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("specks on a page image", () => {
  it("are counted and removed, a letter's stroke is not", () => {
    const grey = new Uint8Array(20 * 20).fill(255);
    for (let y = 4; y < 16; y++) grey[y * 20 + 10] = grey[y * 20 + 11] = 0; // a stroke 2 px wide
    grey[2 * 20 + 3] = 0; // a speck
    const image: GreyImage = { width: 20, height: 20, grey };
    const clean = despeckle(image);
    expect(clean.grey[2 * 20 + 3]).toBe(255);
    expect(clean.grey[8 * 20 + 10]).toBe(0);
    expect(speckShare({ width: 20, height: 20, grey: new Uint8Array(400).fill(255) })).toBe(0);
  });
});
