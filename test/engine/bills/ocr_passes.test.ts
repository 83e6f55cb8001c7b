// The scan path's tesseract runs, on pages this test draws (ocr_fixture.ts), rendered by the real pdftoppm and read by
// the real tesseract through the bill service (forceOcr: the bench's scan path), and the merge of a second, sparse
// reading (ocr_passes.ts) on hand-written tesseract TSV. Without poppler or tesseract the service tests are skipped
// and say why.
import { describe, expect, it } from "vitest";
import { BillService } from "../../../web_src/endpoint/services/bills";
import { systemTools, type ToolRunner } from "../../../web_src/endpoint/services/document_tools";
import { extractBill } from "../../../web_src/engine/bills/extract_bill";
import { pageFromTesseractTsv, pageText } from "../../../web_src/engine/bills/layout";
import { mergeOcrReadings } from "../../../web_src/engine/bills/ocr_passes";
import { HARBOUR_TOOLS_BILL, installed, makeScanPdf, type Box, type Run } from "./ocr_fixture";

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

async function scan(runs: readonly Run[], tools: ToolRunner, boxes: Box[] = []) {
  const service = new BillService({ validateResponses: true, tools, today: () => TODAY });
  const pdf = makeScanPdf(runs, boxes);
  return service.extract({ fileName: "scan.pdf", mimeType: "", contentBase64: pdf.toString("base64") }, { ignoreEmbeddedXml: true, forceOcr: true });
}

const BILL = HARBOUR_TOOLS_BILL;

describe.skipIf(!TOOLS)(`OCR of a rendered page${skipped}`, () => {
  it("tells tesseract the resolution pdftoppm drew the page at (a PGM carries none, and tesseract's estimate changes its page layout)", async () => {
    // QualityHosting.pdf page 2 read as PGM without it: "Total EUR 34,73" was dropped from the page; with it, read.
    const { tools, tesseract } = recording();
    const reply = await scan(BILL, tools);
    expect(tesseract.length).toBeGreaterThan(0);
    for (const args of tesseract) expect(args.join(" ")).toContain("--dpi 300");
    expect(reply.documents[0]?.fields.total?.value).toBe(288);
    expect(tesseract.some((args) => args.includes("11")), "a bill with every header field gets no second reading").toBe(false);
  }, 60_000);

  it("reads a page a second time, sparse, when the first reading lost the boxed invoice number", async () => {
    // Whether psm 3 drops a boxed value depends on the page's look; here its reading loses the words in the box
    // (x ≥ 1900 px, 420-480 px from the top: the number beside "Invoice No:"), the sparse reading is tesseract's own.
    const { tools, tesseract } = recording();
    const dropping: ToolRunner = {
      async run(tool, args, options) {
        const out = await tools.run(tool, args, options);
        if (tool !== "tesseract" || args[args.indexOf("--psm") + 1] !== "3") return out;
        const rows = out.stdout.split("\n").filter((row) => {
          const c = row.split("\t");
          return !(c[0] === "5" && Number(c[6]) >= 1900 && Number(c[7]) >= 420 && Number(c[7]) <= 480);
        });
        return { ...out, stdout: rows.join("\n") };
      },
    };
    const reply = await scan(BILL, dropping, [{ x: 464, y: 98, width: 90, height: 18 }]);
    const bill = reply.documents[0];
    expect(tesseract.filter((args) => args.includes("11"))).toHaveLength(1);
    expect(bill?.fields.invoiceNumber?.value).toBe("HT-2024-0137");
    expect(bill?.fields.invoiceNumber?.confidence).toBeLessThanOrEqual(0.9);
    expect(bill?.fields.total?.value).toBe(288);
  }, 60_000);
});

const TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n1\t1\t0\t0\t0\t0\t0\t0\t2481\t3508\t-1\t";
const word = (block: number, line: number, n: number, left: number, top: number, w: number, h: number, text: string, conf = 94) =>
  `5\t1\t${block}\t1\t${line}\t${n}\t${left}\t${top}\t${w}\t${h}\t${conf}\t${text}`;
const tsvPage = (rows: string[]) => pageFromTesseractTsv([TSV_HEADER, ...rows].join("\n"), 1);

/** A bill's header at 300 dpi as tesseract boxes it: letterhead left, a 28-pt title right, number and date under it. */
const LETTERHEAD = [word(1, 1, 1, 200, 110, 260, 40, "Harbour"), word(1, 1, 2, 480, 110, 170, 40, "Tools"), word(1, 1, 3, 670, 110, 90, 40, "Ltd"), word(1, 2, 1, 200, 162, 520, 40, "orders@harbourtools.example")];
const BELOW_TITLE = [
  word(2, 1, 1, 1920, 250, 27, 36, "#"),
  word(2, 1, 2, 1964, 248, 330, 46, "HT-2024-0137"),
  word(3, 1, 1, 1820, 466, 91, 47, "Date:"),
  word(3, 1, 2, 2143, 470, 250, 31, "04.03.2024"),
  word(4, 1, 1, 1700, 1400, 120, 31, "Total"),
  word(4, 1, 2, 2143, 1400, 160, 31, "£288.00"),
];

describe("a second, sparse OCR reading merged into the first", () => {
  it("replaces a large title read as scattered letters by the word the sparse reading saw, so the number under it has its label", () => {
    // psm 3 put "INVOICE" (86 px high) on the e-mail's line and read it "| N V | E"; psm 11 read the word.
    const first = tsvPage([...LETTERHEAD, word(1, 2, 2, 1920, 117, 11, 86, "|"), word(1, 2, 3, 1950, 117, 68, 86, "N"), word(1, 2, 4, 2030, 117, 72, 86, "V"), word(1, 2, 5, 2210, 117, 11, 86, "|"), word(1, 2, 6, 2327, 117, 62, 86, "E"), ...BELOW_TITLE]);
    const second = tsvPage([word(1, 1, 1, 200, 110, 260, 40, "Harbour"), word(2, 1, 1, 1918, 117, 472, 86, "INVOICE", 93), word(3, 1, 1, 1964, 248, 330, 46, "HT-2024-0137")]);
    expect(extractBill([first], { source: "ocr", today: TODAY }).fields.invoiceNumber).toBeNull();
    const merged = mergeOcrReadings(first, second);
    expect(pageText(merged)).toContain("INVOICE");
    expect(pageText(merged)).not.toContain("| N V");
    expect(extractBill([merged], { source: "ocr", today: TODAY }).fields.invoiceNumber?.value).toBe("HT-2024-0137");
  });

  it("adds a number the first reading dropped from its box, and keeps the first reading's words where both read something", () => {
    const first = tsvPage([...LETTERHEAD, word(2, 1, 1, 1500, 250, 200, 36, "Invoice"), word(2, 1, 2, 1715, 250, 80, 36, "No:"), ...BELOW_TITLE.slice(2)]);
    // The sparse reading: the boxed number, and "Total" misread where the first reading has it right.
    const second = tsvPage([word(1, 1, 1, 1965, 250, 330, 40, "HT-2024-0137", 91), word(2, 1, 1, 1700, 1400, 120, 31, "Tota1", 80), word(3, 1, 1, 600, 900, 8, 60, "|", 70)]);
    expect(extractBill([first], { source: "ocr", today: TODAY }).fields.invoiceNumber).toBeNull();
    const merged = mergeOcrReadings(first, second);
    const text = pageText(merged);
    expect(text).toContain("Invoice No:   HT-2024-0137");
    expect(text).toContain("Total");
    expect(text).not.toContain("Tota1");
    expect(text).not.toContain("|");
    expect(extractBill([merged], { source: "ocr", today: TODAY }).fields.invoiceNumber?.value).toBe("HT-2024-0137");
  });
});
