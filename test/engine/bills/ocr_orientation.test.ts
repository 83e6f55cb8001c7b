// Pages scanned the wrong way round: a sheet fed sideways or upside down, a phone photo taken across the page. The
// page the test draws (ocr_fixture.ts) is rendered by the real pdftoppm, turned here by whole quarter turns (exact:
// the same pixels as the upright page), put into a scanner's PDF (one picture per page) or a PNG, and read through
// the bill service with the real tesseract. An upright page's reading is the standard: turned, it must read alike.
// (A guard of the scan path's orientation handling, tesseract --psm 1 when the upright reading is poor: it passed
// before and after this stop's changes.)
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ExtractedBill } from "../../../web_src/contracts/bills";
import { BillService } from "../../../web_src/endpoint/services/bills";
import { readPgm, rotateQuarter, type GreyImage } from "../../../web_src/engine/bills/ocr_image";
import { installed, LETTERHEAD_BILL, makeScanPdf, scannedPdf } from "./ocr_fixture";

const TOOLS = installed("pdftoppm", "-v") && installed("tesseract", "--version");
const skipped = TOOLS ? "" : " — SKIPPED: poppler-utils or tesseract-ocr not installed";
if (!TOOLS) console.warn(`SKIPPED parts of test/engine/bills/ocr_orientation.test.ts:${skipped}`);

const HEADER = ["vendorName", "invoiceNumber", "invoiceDate", "dueDate", "currency", "untaxed", "totalTax", "total"] as const;
const header = (bill: ExtractedBill | undefined) => HEADER.map((k) => bill?.fields[k]?.value ?? null);

describe.skipIf(!TOOLS)(`OCR of pages scanned sideways or upside down${skipped}`, () => {
  const service = new BillService({ validateResponses: true, today: () => "2026-12-01" });
  const read = async (fileName: string, bytes: Buffer) => (await service.extract({ fileName, mimeType: "", contentBase64: bytes.toString("base64") })).documents[0];
  const drawn = (): GreyImage => {
    const dir = mkdtempSync(path.join(tmpdir(), "aib-test-turned-"));
    try {
      writeFileSync(path.join(dir, "bill.pdf"), makeScanPdf(LETTERHEAD_BILL));
      execFileSync("pdftoppm", ["-r", "300", "-gray", "-singlefile", path.join(dir, "bill.pdf"), path.join(dir, "bill")]);
      return readPgm(readFileSync(path.join(dir, "bill.pgm"))) as GreyImage;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it("reads a scanner's PDF of a page fed upside down, or lying on its side, as the upright page", async () => {
    const page = drawn();
    const upright = header(await read("scan.pdf", scannedPdf([page], 300)));
    expect(upright).toEqual(["Kestrel Joinery", "KJ-55810", "2024-09-17", "2024-10-17", "GBP", 525, 105, 630]);
    for (const quarters of [2, 3]) {
      expect([quarters * 90, header(await read("scan.pdf", scannedPdf([rotateQuarter(page, quarters)], 300)))]).toEqual([quarters * 90, upright]);
    }
  }, 240_000);

});

describe("turning a page image by quarter turns", () => {
  it("turns an image clockwise by quarter turns", () => {
    const image: GreyImage = { width: 3, height: 2, grey: Uint8Array.from([1, 2, 3, 4, 5, 6]) };
    expect(rotateQuarter(image, 1)).toEqual({ width: 2, height: 3, grey: Uint8Array.from([4, 1, 5, 2, 6, 3]) });
    expect(rotateQuarter(image, 2).grey).toEqual(Uint8Array.from([6, 5, 4, 3, 2, 1]));
    expect(rotateQuarter(rotateQuarter(image, 1), 3)).toEqual(image);
  });
});
