// A low-resolution scan (a screenshot, a 72-100 dpi fax or phone export): tesseract wants text some 20 px high and
// misreads smaller print ("£240.00" as "2240.00", dates lost). The page the test draws (ocr_fixture.ts) is rendered
// by the real pdftoppm at 72 dpi to a PNG, a TIFF or a JPEG and sent as an uploaded image through the bill service.
// A multi-page TIFF (a scanner's "scan to TIFF" of a pile) is read page by page and split into its bills.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BillService } from "../../../web_src/endpoint/services/bills";
import { decodePng, readPgm, upscaleGrey, type GreyImage } from "../../../web_src/engine/bills/ocr_image";
import { HARBOUR_TOOLS_BILL, installed, LETTERHEAD_BILL, makeScanPdf, tiffOf } from "./ocr_fixture";
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

  it("reads a 72-dpi TIFF or JPEG enlarged as a PNG is", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "aib-test-lowres-"));
    try {
      writeFileSync(path.join(dir, "bill.pdf"), makeScanPdf(BILL));
      const service = new BillService({ validateResponses: true, today: () => "2026-12-01" });
      for (const [format, ext] of [["-tiff", "tif"], ["-jpeg", "jpg"]] as const) {
        execFileSync("pdftoppm", ["-r", "72", "-gray", format, "-singlefile", path.join(dir, "bill.pdf"), path.join(dir, "bill")]);
        const bytes = readFileSync(path.join(dir, `bill.${ext}`));
        const bill = (await service.extract({ fileName: `bill.${ext}`, mimeType: "", contentBase64: bytes.toString("base64") })).documents[0];
        const read = ["invoiceNumber", "invoiceDate", "currency", "untaxed", "totalTax", "total"].map((k) => bill?.fields[k as "total"]?.value ?? null);
        expect([ext, read]).toEqual([ext, ["HT-2024-0137", "2024-03-04", "GBP", 240, 48, 288]]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it("reads every page of a multi-page TIFF and splits it into its bills", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "aib-test-tiff-"));
    try {
      const pages: GreyImage[] = [];
      for (const [i, runs] of [BILL, LETTERHEAD_BILL].entries()) {
        writeFileSync(path.join(dir, `bill-${i}.pdf`), makeScanPdf(runs));
        execFileSync("pdftoppm", ["-r", "200", "-gray", "-singlefile", path.join(dir, `bill-${i}.pdf`), path.join(dir, `bill-${i}`)]);
        pages.push(readPgm(readFileSync(path.join(dir, `bill-${i}.pgm`))) as GreyImage);
      }
      const tiff = tiffOf(pages, 200, { packBits: true, rowsPerStrip: 64 });
      const service = new BillService({ validateResponses: true, today: () => "2026-12-01" });
      const reply = await service.extract({ fileName: "pile.tif", mimeType: "image/tiff", contentBase64: tiff.toString("base64") });
      expect(reply.documents.map((d) => [d.pageFrom, d.pageTo, d.fields.invoiceNumber?.value, d.fields.total?.value])).toEqual([
        [1, 1, "HT-2024-0137", 288],
        [2, 2, "KJ-55810", 630],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
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
