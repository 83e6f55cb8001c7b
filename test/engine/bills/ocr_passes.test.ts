// The scan path's tesseract runs, on pages this test draws (ocr_fixture.ts), rendered by the real pdftoppm and read by
// the real tesseract through the bill service (forceOcr: the bench's scan path), and the merge of a second, sparse
// reading (ocr_passes.ts) on hand-written tesseract TSV. Without poppler or tesseract the service tests are skipped
// and say why.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BillService } from "../../../web_src/endpoint/services/bills";
import { systemTools, type ToolRunner } from "../../../web_src/endpoint/services/document_tools";
import { makeScanPdf, type Box, type Run } from "./ocr_fixture";

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
if (!TOOLS) console.warn(`SKIPPED parts of test/engine/bills/ocr_passes.test.ts:${skipped}`);
const TODAY = "2026-12-01";

/** The real programs, each tesseract call's options written down. */
function recording(): { tools: ToolRunner; tesseract: string[][] } {
  const tesseract: string[][] = [];
  return {
    tesseract,
    tools: {
      run(tool, args, options) {
        if (tool === "tesseract" && args.length > 2) tesseract.push([...args]);
        return systemTools.run(tool, args, options);
      },
    },
  };
}

async function scan(runs: Run[], tools: ToolRunner, boxes: Box[] = []) {
  const service = new BillService({ validateResponses: true, tools, today: () => TODAY });
  const pdf = makeScanPdf(runs, boxes);
  return service.extract({ fileName: "scan.pdf", mimeType: "", contentBase64: pdf.toString("base64") }, { ignoreEmbeddedXml: true, forceOcr: true });
}

const BILL: Run[] = [
  { x: 50, y: 50, text: "Harbour Tools Ltd", size: 14, bold: true },
  { x: 50, y: 66, text: "12 Quay Street, Bristol BS1 4DJ" },
  { x: 380, y: 110, text: "Invoice No:" },
  { x: 470, y: 110, text: "HT-2024-0137" },
  { x: 380, y: 126, text: "Invoice Date:" },
  { x: 470, y: 126, text: "04/03/2024" },
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

describe.skipIf(!TOOLS)(`OCR of a rendered page${skipped}`, () => {
  it("tells tesseract the resolution pdftoppm drew the page at (a PGM carries none, and tesseract's estimate changes its page layout)", async () => {
    // QualityHosting.pdf page 2 read as PGM without it: "Total EUR 34,73" was dropped from the page; with it, read.
    const { tools, tesseract } = recording();
    const reply = await scan(BILL, tools);
    expect(tesseract.length).toBeGreaterThan(0);
    for (const args of tesseract) expect(args.join(" ")).toContain("--dpi 300");
    expect(reply.documents[0]?.fields.total?.value).toBe(288);
  }, 60_000);
});
