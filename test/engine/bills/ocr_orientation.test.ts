// Pages scanned the wrong way round: a sheet fed sideways or upside down, a phone photo taken across the page. The
// page the test draws (ocr_fixture.ts) is rendered by the real pdftoppm, turned here by whole quarter turns (exact:
// the same pixels as the upright page), put into a scanner's PDF (one picture per page) or a PNG, and read through
// the bill service with the real tesseract. An upright page's reading is the standard: turned, it must read alike.
// The first test guards the scan path's orientation handling as it was (tesseract --psm 1 when the upright reading is
// poor); the second, a bill whose dates follow dotted leaders, lost both dates upside down before pages were turned
// here by tesseract's orientation detection (--psm 0) and read again upright.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ExtractedBill } from "../../../web_src/contracts/bills";
import { BillService } from "../../../web_src/endpoint/services/bills";
import { systemTools, type ToolRunner } from "../../../web_src/endpoint/services/document_tools";
import { osdQuarters, readPgm, rotateQuarter, sidewaysQuarters, type GreyImage } from "../../../web_src/engine/bills/ocr_image";
import { installed, LETTERHEAD_BILL, makeScanPdf, scannedPdf, tiffOf } from "./ocr_fixture";
import { makePdf } from "./pdf_fixture";

const TOOLS = installed("pdftoppm", "-v") && installed("tesseract", "--version");
const skipped = TOOLS ? "" : " — SKIPPED: poppler-utils or tesseract-ocr not installed";
if (!TOOLS) console.warn(`SKIPPED parts of test/engine/bills/ocr_orientation.test.ts:${skipped}`);

const HEADER = ["vendorName", "invoiceNumber", "invoiceDate", "dueDate", "currency", "untaxed", "totalTax", "total"] as const;
const header = (bill: ExtractedBill | undefined) => HEADER.map((k) => bill?.fields[k]?.value ?? null);

describe.skipIf(!TOOLS)(`OCR of pages scanned sideways or upside down${skipped}`, () => {
  const service = new BillService({ validateResponses: true, today: () => "2026-12-01" });
  const read = async (fileName: string, bytes: Buffer) => (await service.extract({ fileName, mimeType: "", contentBase64: bytes.toString("base64") })).documents[0];
  const drawn = (pdf: Buffer = makeScanPdf(LETTERHEAD_BILL)): GreyImage => {
    const dir = mkdtempSync(path.join(tmpdir(), "aib-test-turned-"));
    try {
      writeFileSync(path.join(dir, "bill.pdf"), pdf);
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

  /** A Swedish bill whose dates follow dotted leaders, its totals a table row (labels above their values). */
  const LEADERS_BILL = [
    "Granbacka Konsult AB",
    "Storgatan 3, 411 38 Göteborg",
    "",
    "FAKTURA F530118",
    "",
    "Datum ........ 2025-10-02",
    "Att betala senast ........ 2025-11-01",
    "",
    "Kund:",
    "Västkust Bygg AB",
    "",
    "Beskrivning                             Antal     À-pris            Belopp",
    "Konsulttimmar                           12        850,00            10 200,00",
    "Resekostnader                           1         1 240,00          1 240,00",
    "",
    "Netto                 Moms 25%              Totalt",
    "11 440,00 kr          2 860,00 kr           14 300,00 kr",
  ];
  const LEADERS_TRUTH = ["Granbacka Konsult AB", "F530118", "2025-10-02", "2025-11-01", "SEK", 11440, 2860, 14300];

  it("turns a page lying on either side or upside down upright before reading it, and reads it as the upright page", async () => {
    const page = drawn(makePdf({ pages: [LEADERS_BILL] }));
    for (const quarters of [2, 1, 3]) {
      expect([quarters * 90, header(await read("scan.pdf", scannedPdf([rotateQuarter(page, quarters)], 300)))]).toEqual([quarters * 90, LEADERS_TRUTH]);
    }
  }, 240_000);

  /** `image` as pdftoppm writes it as a JPEG file at `dpi`. */
  const jpegOf = (image: GreyImage, dpi: number): Buffer => {
    const dir = mkdtempSync(path.join(tmpdir(), "aib-test-turned-"));
    try {
      writeFileSync(path.join(dir, "src.pdf"), scannedPdf([image], dpi));
      execFileSync("pdftoppm", ["-r", String(dpi), "-gray", "-singlefile", "-jpeg", "-jpegopt", "quality=85", path.join(dir, "src.pdf"), path.join(dir, "out")]);
      return readFileSync(path.join(dir, "out.jpg"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it("turns a one-page TIFF or JPEG lying on its side or upside down upright, as a scanner's PDF of it", async () => {
    // A one-page TIFF or JPEG is read from the file itself (not decoded here): its turn must come from the drawing of it.
    const page = drawn(makePdf({ pages: [LEADERS_BILL] }));
    for (const quarters of [2, 1, 3]) {
      const turned = rotateQuarter(page, quarters);
      expect([quarters * 90, header(await read("scan.tif", tiffOf([turned], 300)))]).toEqual([quarters * 90, LEADERS_TRUTH]);
      expect([quarters * 90, header(await read("scan.jpg", jpegOf(turned, 300)))]).toEqual([quarters * 90, LEADERS_TRUTH]);
    }
  }, 240_000);

  it("without tesseract's orientation data, reads the page as it lies and says why it was not turned", async () => {
    // The server as without Debian's tesseract-ocr-osd: the language list lacks "osd".
    const tools: ToolRunner = {
      async run(tool, args, options) {
        const result = await systemTools.run(tool, args, options);
        return tool === "tesseract" && args[0] === "--list-langs" ? { ...result, stdout: result.stdout.replace(/^osd\n/m, "") } : result;
      },
    };
    const bare = new BillService({ validateResponses: true, today: () => "2026-12-01", tools });
    const bytes = scannedPdf([rotateQuarter(drawn(makePdf({ pages: [LEADERS_BILL] })), 2)], 300);
    const reply = await bare.extract({ fileName: "scan.pdf", mimeType: "", contentBase64: bytes.toString("base64") });
    expect(reply.ocrAvailable).toBe(true);
    expect(reply.warnings.some((w) => w.includes("orientation data (Debian's tesseract-ocr-osd) is not installed"))).toBe(true);
  }, 240_000);
});

describe("telling a page's turn from tesseract's output", () => {
  it("reads the clockwise quarter turns from the orientation detection's report, when it is sure enough", () => {
    const report = (rotate: number, confidence: number) => `Page number: 0\nOrientation in degrees: ${(360 - rotate) % 360}\nRotate: ${rotate}\nOrientation confidence: ${confidence}\nScript: Latin\nScript confidence: 4.2\n`;
    expect([0, 90, 180, 270].map((r) => osdQuarters(report(r, 12.5), 2))).toEqual([0, 1, 2, 3]);
    expect(osdQuarters(report(180, 0.44), 2)).toBeNull();
    expect(osdQuarters("Too few characters. Skipping this page\n", 2)).toBeNull();
  });

  it("tells a page read sideways from the direction its lines run, and an upright or sparse page as upright", () => {
    const head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";
    // Ten words on each of two lines, stepping right (upright) or down (a page turned a quarter clockwise).
    const tsv = (down: boolean, words = 10) =>
      [head, ...Array.from({ length: 2 * words }, (_, i) => {
        const [line, k] = [1 + Math.floor(i / words), i % words];
        const [x, y] = down ? [900 - 60 * line, 100 + 120 * k] : [100 + 120 * k, 60 * line];
        return ["5", "1", "1", "1", String(line), String(k + 1), String(x), String(y), down ? "30" : "100", down ? "100" : "30", "96", "word"].join("\t");
      })].join("\n");
    expect([sidewaysQuarters(tsv(false)), sidewaysQuarters(tsv(true)), sidewaysQuarters(tsv(true, 3))]).toEqual([0, 3, 0]);
  });
});

describe("turning a page image by quarter turns", () => {
  it("turns an image clockwise by quarter turns", () => {
    const image: GreyImage = { width: 3, height: 2, grey: Uint8Array.from([1, 2, 3, 4, 5, 6]) };
    expect(rotateQuarter(image, 1)).toEqual({ width: 2, height: 3, grey: Uint8Array.from([4, 1, 5, 2, 6, 3]) });
    expect(rotateQuarter(image, 2).grey).toEqual(Uint8Array.from([6, 5, 4, 3, 2, 1]));
    expect(rotateQuarter(rotateQuarter(image, 1), 3)).toEqual(image);
  });
});
