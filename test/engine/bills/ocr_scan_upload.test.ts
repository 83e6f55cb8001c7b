// Scanned uploads that are not a PDF: a one-page JPEG or TIFF lying on its side or upside down (a phone photo taken
// across the page, a sheet fed the wrong way into a "scan to JPEG" copier). Tesseract reads those files itself, but
// the page must be turned by exact quarter turns as a PDF's or a PNG's page is; before, the scan path could not
// decode the file's pixels to turn them and fell back to tesseract's --psm 1, which reads such a page poorly. The page
// the test draws (ocr_fixture.ts) is rendered by the real pdftoppm, turned here, written as a JPEG by pdftoppm or as a
// TIFF by the fixture, and read through the bill service with the real tesseract.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ExtractedBill } from "../../../web_src/contracts/bills";
import { BillService } from "../../../web_src/endpoint/services/bills";
import { systemTools, type ToolRunner } from "../../../web_src/endpoint/services/document_tools";
import { readPgm, rotateQuarter, type GreyImage } from "../../../web_src/engine/bills/ocr_image";
import { installed, scannedPdf, tiffOf } from "./ocr_fixture";
import { makePdf } from "./pdf_fixture";

const TOOLS = installed("pdftoppm", "-v") && installed("tesseract", "--version");
const skipped = TOOLS ? "" : " — SKIPPED: poppler-utils or tesseract-ocr not installed";
if (!TOOLS) console.warn(`SKIPPED parts of test/engine/bills/ocr_scan_upload.test.ts:${skipped}`);

const HEADER = ["vendorName", "invoiceNumber", "invoiceDate", "dueDate", "currency", "untaxed", "totalTax", "total"] as const;
const header = (bill: ExtractedBill | undefined) => HEADER.map((k) => bill?.fields[k]?.value ?? null);
/** A Danish bill whose dates follow dotted leaders and whose totals are a table row (captions above their values):
 * tesseract's --psm 1 loses such dates on a page read upside down. */
const LEADERS_BILL = [
  "Fjordlys Snedker ApS",
  "Havnegade 12, 8000 Aarhus C",
  "",
  "FAKTURA 24-7731",
  "",
  "Fakturadato ........ 14.05.2025",
  "Forfaldsdato ........ 13.06.2025",
  "",
  "Kunde:",
  "Solvang Ejendomme A/S",
  "",
  "Beskrivning                             Antal     Pris              Beløb",
  "Snedkerarbejde                          16        520,00            8 320,00",
  "Materialer                              1         1 680,00          1 680,00",
  "",
  "Subtotal              Moms 25%              Total",
  "10 000,00 kr          2 500,00 kr           12 500,00 kr",
];
const TRUTH = ["Fjordlys Snedker ApS", "24-7731", "2025-05-14", "2025-06-13", "DKK", 10000, 2500, 12500];

/** The letterhead bill drawn grey at `dpi`. */
function drawn(dpi: number): GreyImage {
  const dir = mkdtempSync(path.join(tmpdir(), "aib-test-upload-"));
  try {
    writeFileSync(path.join(dir, "bill.pdf"), makePdf({ pages: [LEADERS_BILL] }));
    execFileSync("pdftoppm", ["-r", String(dpi), "-gray", "-singlefile", path.join(dir, "bill.pdf"), path.join(dir, "bill")]);
    return readPgm(readFileSync(path.join(dir, "bill.pgm"))) as GreyImage;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `image` as a JPEG written by pdftoppm (quality 85, stating `dpi`). */
function jpegOf(image: GreyImage, dpi: number): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), "aib-test-upload-"));
  try {
    writeFileSync(path.join(dir, "src.pdf"), scannedPdf([image], dpi));
    execFileSync("pdftoppm", ["-r", String(dpi), "-gray", "-singlefile", "-jpeg", "-jpegopt", "quality=85", path.join(dir, "src.pdf"), path.join(dir, "out")]);
    return readFileSync(path.join(dir, "out.jpg"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!TOOLS)(`OCR of a one-page JPEG or TIFF lying on its side or upside down${skipped}`, () => {
  /** The page sizes tesseract was given and the --psm of each reading (the real programs run). */
  const calls: Array<readonly string[]> = [];
  const tools: ToolRunner = {
    async run(tool, args, options) {
      if (tool === "tesseract" && args[0] !== "--list-langs") calls.push(args);
      return systemTools.run(tool, args, options);
    },
  };
  const service = new BillService({ validateResponses: true, today: () => "2026-12-01", tools });
  const read = async (fileName: string, bytes: Buffer) => (await service.extract({ fileName, mimeType: "", contentBase64: bytes.toString("base64") })).documents[0];

  it("turns an upside-down JPEG photo and a TIFF lying on its side upright by exact quarter turns", async () => {
    const page = drawn(300);
    expect(["upright", header(await read("scan.tif", tiffOf([page], 300)))]).toEqual(["upright", TRUTH]);
    for (const [name, file, bytes] of [
      ["jpeg 180°", "photo.jpg", jpegOf(rotateQuarter(page, 2), 300)],
      ["tiff 270°", "scan.tif", tiffOf([rotateQuarter(page, 3)], 300)],
    ] as const) {
      calls.length = 0;
      const bill = await read(file, bytes);
      // Read upright from the turned pixels (a PGM the scan path wrote), never by tesseract's --psm 1 guess.
      const readings = calls.filter((a) => a.includes("tsv")).map((a) => `${a[a.indexOf("--psm") + 1]}${a[0]?.endsWith(".pgm") === true ? " pgm" : ""}`);
      expect([name, header(bill), readings.includes("1"), readings.some((r) => r === "3 pgm")]).toEqual([name, TRUTH, false, true]);
    }
  }, 240_000);
});
