// A low-resolution scan (a screenshot, a 72-100 dpi fax or phone export): tesseract wants text some 20 px high and
// misreads smaller print ("£240.00" as "2240.00", dates lost). The page the test draws (ocr_fixture.ts) is rendered
// by the real pdftoppm at 72 dpi to a PNG and sent as an uploaded image through the bill service.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BillService } from "../../../web_src/endpoint/services/bills";
import { decodePng, upscaleGrey } from "../../../web_src/engine/bills/ocr_image";
import { HARBOUR_TOOLS_BILL, installed, makeScanPdf } from "./ocr_fixture";
import { makePng } from "./png_fixture";

const TOOLS = installed("pdftoppm", "-v") && installed("tesseract", "--version");
const skipped = TOOLS ? "" : " — SKIPPED: poppler-utils or tesseract-ocr not installed";
if (!TOOLS) console.warn(`SKIPPED parts of test/engine/bills/ocr_image.test.ts:${skipped}`);

const BILL = HARBOUR_TOOLS_BILL;

describe.skipIf(!TOOLS)(`OCR of a low-resolution image${skipped}`, () => {
  it("reads a 72-dpi scan enlarged to the print size tesseract reads well", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "aib-test-lowres-"));
    try {
      writeFileSync(path.join(dir, "bill.pdf"), makeScanPdf(BILL));
      execFileSync("pdftoppm", ["-r", "72", "-png", "-singlefile", path.join(dir, "bill.pdf"), path.join(dir, "bill")]);
      const png = readFileSync(path.join(dir, "bill.png"));
      const service = new BillService({ validateResponses: true, today: () => "2026-12-01" });
      const bill = (await service.extract({ fileName: "bill.png", mimeType: "image/png", contentBase64: png.toString("base64") })).documents[0];
      expect(bill?.fields.invoiceDate?.value).toBe("2024-03-04");
      expect(bill?.fields.currency?.value).toBe("GBP");
      expect([bill?.fields.untaxed?.value, bill?.fields.totalTax?.value, bill?.fields.total?.value]).toEqual([240, 48, 288]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe("the image helpers of the OCR path", () => {
  it("decodes a grey PNG and enlarges it, dark stays dark and light stays light", () => {
    const png = makePng(4, 2, (x) => (x < 2 ? 0 : 255));
    const image = decodePng(png);
    expect(image).not.toBeNull();
    if (image === null) return;
    expect([image.width, image.height, [...image.grey]]).toEqual([4, 2, [0, 0, 255, 255, 0, 0, 255, 255]]);
    const big = upscaleGrey(image, 3);
    expect([big.width, big.height]).toEqual([12, 6]);
    expect(big.grey[0]).toBe(0);
    expect(big.grey[11]).toBe(255);
  });
});
