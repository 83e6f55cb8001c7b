// Pages photographed under uneven light: a phone's photo under a desk lamp (bright in one corner, dark in the other),
// a page in the shadow of a hand or a dark grey copy. Tesseract thresholds a page with one level for all of it, so the
// dark part came out black and its words were lost (the number, the dates and the totals of the bill below). The scan
// path now makes the paper white first, dividing each pixel by the paper's brightness around it. The pages are drawn by
// the real pdftoppm from ocr_fixture.ts's bills, shaded here, and read through the bill service with the real tesseract.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ExtractedBill } from "../../../web_src/contracts/bills";
import { BillService } from "../../../web_src/endpoint/services/bills";
import { evenedLight, readPgm, unevenlyLit, type GreyImage } from "../../../web_src/engine/bills/ocr_image";
import { HARBOUR_TOOLS_BILL, installed, LETTERHEAD_BILL, makeScanPdf, pngOf, scannedPdf, type Run } from "./ocr_fixture";

const TOOLS = installed("pdftoppm", "-v") && installed("tesseract", "--version");
const skipped = TOOLS ? "" : " — SKIPPED: poppler-utils or tesseract-ocr not installed";
if (!TOOLS) console.warn(`SKIPPED parts of test/engine/bills/ocr_light.test.ts:${skipped}`);

const HEADER = ["vendorName", "invoiceNumber", "invoiceDate", "dueDate", "currency", "untaxed", "totalTax", "total"] as const;
const header = (bill: ExtractedBill | undefined) => HEADER.map((k) => bill?.fields[k]?.value ?? null);

function drawn(runs: readonly Run[], dpi = 300): GreyImage {
  const dir = mkdtempSync(path.join(tmpdir(), "aib-test-light-"));
  try {
    writeFileSync(path.join(dir, "bill.pdf"), makeScanPdf(runs));
    execFileSync("pdftoppm", ["-r", String(dpi), "-gray", "-singlefile", path.join(dir, "bill.pdf"), path.join(dir, "bill")]);
    return readPgm(readFileSync(path.join(dir, "bill.pgm"))) as GreyImage;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An evenly grey copy: 0..255 mapped onto ink..paper. */
const lowContrast = (image: GreyImage, ink: number, paper: number): GreyImage => ({ ...image, grey: image.grey.map((v) => Math.round(ink + (v * (paper - ink)) / 255)) });

/** Light falling off from the top-left corner (paper 235) to `far` at the opposite one (`fromRight`: from the
 * top-right corner), the ink reflecting `ink` of its paper's light, as a photo under a lamp. */
function shaded(image: GreyImage, far: number, ink: number, fromRight = false): GreyImage {
  const { width: w, height: h } = image;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const t = Math.min(1, Math.hypot((fromRight ? w - x : x) / w, y / h) / Math.SQRT2);
      const paper = 235 + (far - 235) * t;
      out[y * w + x] = Math.round(paper * (ink + ((1 - ink) * (image.grey[y * w + x] as number)) / 255));
    }
  }
  return { width: w, height: h, grey: out };
}

describe("telling a page lit unevenly and making its paper white", () => {
  it("tells a shaded or dark page from a clean scan and an evenly grey copy, and evens the shaded one", () => {
    const page: GreyImage = { width: 640, height: 900, grey: new Uint8Array(640 * 900).fill(250) };
    // Lines of "print": bars 6 px high every 30 rows.
    for (let y = 40; y < 860; y += 30) for (let r = 0; r < 6; r++) page.grey.fill(20, (y + r) * 640 + 40, (y + r) * 640 + 600);
    const dark = shaded(page, 60, 0.3);
    expect([unevenlyLit(page), unevenlyLit(lowContrast(page, 110, 200)), unevenlyLit(dark), unevenlyLit(lowContrast(page, 40, 120))]).toEqual([false, false, true, true]);
    const even = evenedLight(dark);
    // Paper between the lines white again everywhere; ink as dark against it as on the lamp's side.
    const at = (image: GreyImage, x: number, y: number) => image.grey[y * image.width + x] as number;
    expect([at(even, 100, 30) > 230, at(even, 600, 880) > 230, at(even, 100, 42) < 100, at(even, 590, 852) < 100]).toEqual([true, true, true, true]);
    expect(unevenlyLit(even)).toBe(false);
  });
});

describe.skipIf(!TOOLS)(`OCR of a page photographed under uneven light${skipped}`, () => {
  const service = new BillService({ validateResponses: true, today: () => "2026-12-01" });
  const read = async (fileName: string, bytes: Buffer) => (await service.extract({ fileName, mimeType: "", contentBase64: bytes.toString("base64") })).documents[0];

  it("reads a photo under a lamp, dark in one corner, as the clean page (PNG and scanned PDF)", async () => {
    expect(header(await read("photo.png", pngOf(shaded(drawn(LETTERHEAD_BILL), 70, 0.3), 300)))).toEqual(["Kestrel Joinery", "KJ-55810", "2024-09-17", "2024-10-17", "GBP", 525, 105, 630]);
    expect(header(await read("scan.pdf", scannedPdf([shaded(drawn(HARBOUR_TOOLS_BILL), 55, 0.35, true)], 300)))).toEqual(["Harbour Tools Ltd", "HT-2024-0137", "2024-03-04", null, "GBP", 240, 48, 288]);
  }, 240_000);
});
