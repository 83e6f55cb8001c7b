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
import { makeScanPdf, type Run } from "./ocr_fixture";
import { makePng } from "./png_fixture";

function installed(tool: string, flag: string): boolean {
  try {
    execFileSync(tool, [flag], { stdio: "ignore" });
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ENOENT";
  }
}
const TOOLS = installed("pdftoppm", "-v") && installed("tesseract", "--version");
const skipped = TOOLS ? "" : " — SKIPPED: poppler-utils or tesseract-ocr not installed";
if (!TOOLS) console.warn(`SKIPPED parts of test/engine/bills/ocr_image.test.ts:${skipped}`);

const BILL: Run[] = [
  { x: 50, y: 50, text: "Harbour Tools Ltd", size: 14, bold: true },
  { x: 50, y: 66, text: "12 Quay Street, Bristol BS1 4DJ" },
  { x: 380, y: 110, text: "Invoice No:" },
  { x: 440, y: 110, text: "HT-2024-0137" },
  { x: 380, y: 126, text: "Invoice Date:" },
  { x: 450, y: 126, text: "04/03/2024" },
  { x: 50, y: 200, text: "Description" },
  { x: 470, y: 200, text: "Amount" },
  { x: 50, y: 220, text: "Hydraulic jack, 2 t" },
  { x: 470, y: 220, text: "£240.00" },
  { x: 380, y: 300, text: "Subtotal" },
  { x: 470, y: 300, text: "£240.00" },
  { x: 380, y: 316, text: "VAT 20%" },
  { x: 470, y: 316, text: "£48.00" },
  { x: 380, y: 332, text: "Total" },
  { x: 470, y: 332, text: "£288.00" },
];

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
