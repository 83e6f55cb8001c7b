// Fax TIFFs: bilevel pages coded CCITT Group 4 or Group 3, often several pages (a fax server's inbox, a copier's
// "scan to fax"). They are copied into a PDF for pdftoppm as the other TIFFs are (CCITTFaxDecode: poppler decodes
// them), so that every page is read, split into its bills, and enlarged or turned as a PNG's page is. Before, a fax
// TIFF was left to tesseract as it was and its pages were read as one. The pages are drawn by the real pdftoppm from
// ocr_fixture.ts's bills, coded in fax_fixture.ts and read through the bill service with the real tesseract.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BillService } from "../../../web_src/endpoint/services/bills";
import { imagePdf } from "../../../web_src/engine/bills/image_pdf";
import { readPgm, type GreyImage } from "../../../web_src/engine/bills/ocr_image";
import { faxTiffOf } from "./fax_fixture";
import { HARBOUR_TOOLS_BILL, installed, LETTERHEAD_BILL, makeScanPdf } from "./ocr_fixture";

const TOOLS = installed("pdftoppm", "-v") && installed("tesseract", "--version");
const skipped = TOOLS ? "" : " — SKIPPED: poppler-utils or tesseract-ocr not installed";
if (!TOOLS) console.warn(`SKIPPED parts of test/engine/bills/ocr_fax.test.ts:${skipped}`);

/** A PDF's pages drawn grey pixel for pixel (-r 72), as the scan path draws an image's PDF. */
function drawnPages(pdf: Buffer, count: number, dpi = 72): GreyImage[] {
  const dir = mkdtempSync(path.join(tmpdir(), "aib-test-fax-"));
  try {
    writeFileSync(path.join(dir, "in.pdf"), pdf);
    return Array.from({ length: count }, (_, i) => {
      execFileSync("pdftoppm", ["-r", String(dpi), "-gray", "-singlefile", "-f", String(i + 1), "-l", String(i + 1), path.join(dir, "in.pdf"), path.join(dir, `p${i}`)]);
      return readPgm(readFileSync(path.join(dir, `p${i}.pgm`))) as GreyImage;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `image` made bilevel (a pixel darker than 128 black), as a fax sends it. */
const bilevel = (image: GreyImage): GreyImage => ({ ...image, grey: image.grey.map((v) => (v < 128 ? 0 : 255)) });

/** The pixels of `drawn` on the other side of mid-grey than `coded` there and at its two neighbours each side:
 * poppler draws a 1-bit picture with its edges smoothed and here and there shifted sideways by a pixel or two. */
function misplaced(drawn: GreyImage, coded: Uint8Array): number {
  let wrong = 0;
  for (let i = 0; i < coded.length; i++) {
    const dark = (drawn.grey[i] as number) < 128;
    const x = i % drawn.width;
    const near = [-2, -1, 0, 1, 2].filter((d) => x + d >= 0 && x + d < drawn.width).map((d) => (coded[i + d] as number) < 128);
    if (!near.includes(dark)) wrong++;
  }
  return wrong;
}

describe.skipIf(!TOOLS)(`fax TIFFs (CCITT Group 4 and Group 3)${skipped}`, () => {
  it("copies every page of a Group 4 or Group 3 fax TIFF as it is coded, whatever its bit order and photometry", () => {
    // Runs of every length a fax line holds (0-1727 white beside 1727-0 black), and a second, smaller page of bars.
    const width = 1728;
    const ramp: GreyImage = { width, height: 1728, grey: new Uint8Array(width * 1728) };
    for (let y = 0; y < 1728; y++) for (let x = 0; x < width; x++) ramp.grey[y * width + x] = x < y ? 255 : 0;
    const small: GreyImage = { width: 200, height: 40, grey: Uint8Array.from({ length: 8000 }, (_, i) => (Math.floor((i % 200) / 4 + Math.floor(i / 200) / 8) % 3 === 0 ? 0 : 255)) };
    for (const options of [{ coding: "g4" }, { coding: "g3" }, { coding: "g4", fillOrder: 2 }, { coding: "g4", photometric: 1 }] as const) {
      const copied = imagePdf(faxTiffOf([ramp, small], 200, options));
      expect([options, copied?.pages]).toEqual([options, [{ width, height: 1728, dpi: 200 }, { width: 200, height: 40, dpi: 200 }]]);
      const pages = drawnPages(copied?.pdf as Buffer, 2);
      // Photometric 1 (black is zero) shows the coded white runs black.
      const expected = (page: GreyImage) => ("photometric" in options ? page.grey.map((v) => 255 - v) : page.grey);
      expect(pages.map((p, k) => [p.width, p.height, misplaced(p, expected([ramp, small][k] as GreyImage)) <= (p.width * p.height) / 1000])).toEqual([
        [width, 1728, true],
        [200, 40, true],
      ]);
    }
  }, 120_000);

  it("reads every page of a multi-page Group 4 fax and splits it into its bills", async () => {
    const pages = [HARBOUR_TOOLS_BILL, LETTERHEAD_BILL].map((runs) => bilevel(drawnPages(makeScanPdf(runs), 1, 200)[0] as GreyImage));
    const service = new BillService({ validateResponses: true, today: () => "2026-12-01" });
    const reply = await service.extract({ fileName: "fax.tif", mimeType: "image/tiff", contentBase64: faxTiffOf(pages, 200, { coding: "g4" }).toString("base64") });
    expect(reply.documents.map((d) => [d.pageFrom, d.pageTo, d.fields.invoiceNumber?.value, d.fields.invoiceDate?.value, d.fields.total?.value])).toEqual([
      [1, 1, "HT-2024-0137", "2024-03-04", 288],
      [2, 2, "KJ-55810", "2024-09-17", 630],
    ]);
  }, 180_000);

  it("reads a fax sent in normal mode (half as many rows as columns per inch) as a page of its true height", async () => {
    const page = bilevel(drawnPages(makeScanPdf(HARBOUR_TOOLS_BILL), 1, 200)[0] as GreyImage);
    // Every other row, as a fax in normal mode scans the sheet: 200 dpi across, 100 dpi down.
    const rows = Math.floor(page.height / 2);
    const halved: GreyImage = { width: page.width, height: rows, grey: new Uint8Array(page.width * rows) };
    for (let y = 0; y < rows; y++) halved.grey.set(page.grey.subarray(2 * y * page.width, (2 * y + 1) * page.width), y * page.width);
    const tiff = faxTiffOf([halved, halved], 200, { coding: "g4", rowsDpi: 100 });
    expect(drawnPages(imagePdf(tiff)?.pdf as Buffer, 1).map((p) => [p.width, p.height])).toEqual([[page.width, 2 * rows]]);
    const service = new BillService({ validateResponses: true, today: () => "2026-12-01" });
    const reply = await service.extract({ fileName: "fax.tif", mimeType: "image/tiff", contentBase64: tiff.toString("base64") });
    expect(reply.documents.map((d) => [d.pageFrom, d.fields.invoiceNumber?.value, d.fields.invoiceDate?.value, d.fields.total?.value])[0]).toEqual([1, "HT-2024-0137", "2024-03-04", 288]);
  }, 180_000);
});
