// A text-layer PDF whose vendor block (name, address, VAT number, IBAN) is a picture: the letterhead pasted as an
// image, the rest typed. The text layer has no vendor, so the pictures of the page are OCR'd and their words put into
// the page where they are printed; the fields only they hold are marked readBy "ocr" and stay below the review
// threshold. A bill whose text layer has every header field runs no OCR at all. Real poppler and tesseract; the
// documents are written here (pdf_fixture.ts), the picture is our own text drawn by pdftoppm.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { BillFieldName, ExtractBillResponse } from "../../../web_src/contracts/bills";
import { extractBill } from "../../../web_src/engine/bills/extract_bill";
import { pageFromPlainText } from "../../../web_src/engine/bills/layout";
import { AUTO_CONFIDENCE } from "../../../web_src/contracts/reconcile";
import { BillService } from "../../../web_src/endpoint/services/bills";
import { systemTools, ToolFailedError, ToolMissingError, type ToolRunner } from "../../../web_src/endpoint/services/document_tools";
import { installed } from "./ocr_fixture";
import { makePdf, type PdfImage } from "./pdf_fixture";

const POPPLER = ["pdfinfo", "pdftotext", "pdfdetach", "pdftoppm", "pdftohtml"].every((t) => installed(t, "-v"));
const TESSERACT = installed("tesseract", "--version");
const skipped = !POPPLER ? " — SKIPPED: poppler-utils not installed" : !TESSERACT ? " — SKIPPED: tesseract-ocr not installed" : "";
if (skipped !== "") console.warn(`SKIPPED parts of test/engine/bills/text_pdf_images.test.ts${skipped}`);
const TODAY = "2026-12-01";

const VENDOR_BLOCK = [
  "Elbtal Druck & Papier GmbH",
  "Hafenstraße 7, 01067 Dresden",
  "USt-IdNr.: DE314159262",
  "IBAN: DE89 3704 0044 0532 0130 00",
];

/** The bill without its vendor block: five empty rows at the top, where the letterhead picture goes. */
const BILL_BODY = [
  "",
  "",
  "",
  "",
  "",
  "                                                       Rechnung",
  "Kunde:  Hartmann Bau KG",
  "        Lindenallee 3, 04109 Leipzig",
  "                                                       Rechnungsnummer:   ED-2026-1147",
  "                                                       Rechnungsdatum:    12.11.2026",
  "                                                       Fällig am:         26.11.2026",
  "",
  "Pos  Beschreibung                          Menge     Einzelpreis     Betrag",
  "1    Briefpapier A4, 500 Blatt                 4           12,50      50,00",
  "2    Visitenkarten, 250 Stück                  2           25,00      50,00",
  "",
  "                                  Nettobetrag            100,00 €",
  "                                  MwSt 19 %               19,00 €",
  "                                  Gesamtbetrag           119,00 €",
];

/** `lines` as a grey picture of `width` × `height` points at `dpi`: typed into a PDF and drawn by pdftoppm. */
function picture(lines: string[], width: number, height: number, dpi = 200): PdfImage["pixels"] {
  const dir = mkdtempSync(path.join(tmpdir(), "aib-test-picture-"));
  try {
    writeFileSync(path.join(dir, "text.pdf"), makePdf({ pages: [lines] }));
    // The fixture's first line has its baseline 800 pt from the bottom: its top is ~30 pt below the page's top.
    const px = (pt: number) => String(Math.round((pt * dpi) / 72));
    execFileSync("pdftoppm", ["-r", String(dpi), "-gray", "-singlefile", "-x", px(32), "-y", px(28), "-W", px(width), "-H", px(height), path.join(dir, "text.pdf"), path.join(dir, "out")]);
    const pgm = readFileSync(path.join(dir, "out.pgm"));
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString("latin1"));
    if (header === null) throw new Error("pdftoppm wrote no 8-bit PGM");
    return { width: Number(header[1]), height: Number(header[2]), data: pgm.subarray(header[0].length) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The system's programs, each run (program and arguments) written down. */
function recording(base: ToolRunner = systemTools): ToolRunner & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    run(tool, args, options) {
      calls.push([tool, ...args]);
      return base.run(tool, args, options);
    },
  };
}
const ocrRuns = (calls: string[][]) => calls.filter((c) => c[0] === "tesseract" && c.includes("tsv"));

async function read(service: BillService, pdf: Buffer): Promise<ExtractBillResponse> {
  return service.extract({ fileName: "bill.pdf", mimeType: "application/pdf", contentBase64: pdf.toString("base64") }, { ignoreEmbeddedXml: true });
}

const VENDOR_FIELDS: BillFieldName[] = ["vendorName", "vendorVat", "vendorIban"];

describe.skipIf(skipped !== "")(`a text PDF with its vendor block as a picture${skipped}`, () => {
  const letterhead = (): PdfImage => ({ page: 0, x: 32, top: 28, width: 300, height: 62, pixels: picture(VENDOR_BLOCK, 300, 62) });

  it("reads the vendor, VAT number and IBAN from the picture, marked as OCR and below the review threshold", async () => {
    const tools = recording();
    const reply = await read(new BillService({ validateResponses: true, tools, today: () => TODAY }), makePdf({ pages: [BILL_BODY], images: [letterhead()] }));
    const bill = reply.documents[0];
    expect(bill?.source).toBe("text_layer");
    expect(bill?.fields.vendorName?.value).toBe("Elbtal Druck & Papier GmbH");
    expect(bill?.fields.vendorVat?.value).toBe("DE314159262");
    expect(bill?.fields.vendorIban?.value).toBe("DE89370400440532013000");
    for (const name of VENDOR_FIELDS) {
      expect(bill?.fields[name]?.readBy, name).toBe("ocr");
      expect(bill?.fields[name]?.confidence, name).toBeLessThan(AUTO_CONFIDENCE);
    }
    // What the text layer read stays as the text layer alone reads it: value, confidence, source.
    const textOnly = (await read(new BillService({ validateResponses: true, today: () => TODAY }), makePdf({ pages: [BILL_BODY] }))).documents[0];
    expect(bill?.fields.invoiceNumber).toMatchObject({ value: "ED-2026-1147" });
    expect(bill?.fields.total).toMatchObject({ value: 119 });
    for (const name of ["invoiceNumber", "invoiceDate", "dueDate", "currency", "untaxed", "totalTax", "total"] as const) {
      expect(bill?.fields[name], name).toEqual(textOnly?.fields[name]);
    }
    expect(reply.warnings.join(" ")).toMatch(/read by OCR from a picture on page 1/);
    expect(ocrRuns(tools.calls)).toHaveLength(1);
  });

  it("runs no OCR when the text layer holds every header field, though the page has a picture (a logo)", async () => {
    const tools = recording();
    const typed = [...VENDOR_BLOCK, ...BILL_BODY.slice(VENDOR_BLOCK.length)];
    const reply = await read(new BillService({ validateResponses: true, tools, today: () => TODAY }), makePdf({ pages: [typed], images: [{ ...letterhead(), x: 400, top: 20, width: 150, height: 31 }] }));
    const bill = reply.documents[0];
    expect(bill?.fields.vendorName?.value).toBe("Elbtal Druck & Papier GmbH");
    expect(bill?.fields.vendorIban?.value).toBe("DE89370400440532013000");
    expect(Object.values(bill?.fields ?? {}).filter((f) => f?.readBy === "ocr")).toEqual([]);
    expect(ocrRuns(tools.calls)).toEqual([]);
    expect(tools.calls.filter((c) => c[0] === "pdftohtml" || c[0] === "pdfimages")).toEqual([]);
  });

  it("without tesseract reads what the text layer holds, as before, and says the picture was not read", async () => {
    const noOcr: ToolRunner = { run: (tool, args, options) => (tool === "tesseract" ? Promise.reject(new ToolMissingError(tool)) : systemTools.run(tool, args, options)) };
    const pdf = makePdf({ pages: [BILL_BODY], images: [letterhead()] });
    const reply = await read(new BillService({ validateResponses: true, tools: noOcr, today: () => TODAY }), pdf);
    const textOnly = await read(new BillService({ validateResponses: true, tools: noOcr, today: () => TODAY }), makePdf({ pages: [BILL_BODY] }));
    expect(reply.documents).toEqual(textOnly.documents);
    expect(reply.documents[0]?.fields.vendorIban).toBeNull();
    expect(reply.documents[0]?.fields.total?.value).toBe(119);
    expect(reply.warnings).toEqual([
      '"bill.pdf": the text layer has no vendor name, VAT number, IBAN; page 1 has a picture that may hold them, but OCR is not available: install tesseract-ocr on the endpoint\'s server (see README).',
    ]);
  });
});

describe.skipIf(skipped !== "")(`a picture that cannot be read${skipped}`, () => {
  it("leaves the text layer's reading and a warning, the document is not refused", async () => {
    // pdftoppm failing on the picture's area alone (a damaged image stream), the whole page being fine.
    const failing: ToolRunner = {
      run: (tool, args, options) => (tool === "pdftoppm" && args.includes("-x") ? Promise.reject(new ToolFailedError(tool, "Syntax Error: broken image stream", false)) : systemTools.run(tool, args, options)),
    };
    const picture: PdfImage = { page: 0, x: 32, top: 28, width: 300, height: 62, pixels: { width: 30, height: 6, data: Buffer.alloc(180, 128) } };
    const reply = await read(new BillService({ validateResponses: true, tools: failing, today: () => TODAY }), makePdf({ pages: [BILL_BODY], images: [picture] }));
    const textOnly = await read(new BillService({ validateResponses: true, today: () => TODAY }), makePdf({ pages: [BILL_BODY] }));
    expect(reply.documents).toEqual(textOnly.documents);
    expect(reply.warnings).toHaveLength(1);
    expect(reply.warnings[0]).toMatch(/^"bill\.pdf": the pictures on the page could not be read \(pdftoppm failed/);
  });
});

describe("the vendor's footer block", () => {
  it("is not under a customer heading because the customer's VAT number is printed above it", () => {
    // "Your VAT number: …" is a labelled value of the customer, not the heading of the block below it (the vendor's
    // legal block at the foot of the page, as letterheads print it).
    const text = `
 Invoice                                   Invoice number:   NW-88213
 Bill to:  Harbour Cafe Ltd                Invoice date:     03/11/2026
           2 Quay Street, Bristol          Due date:         17/11/2026

 Description                      Amount
 Coffee beans, 5 kg               80.00
                                  Net        80.00
                                  VAT 20 %   16.00
                                  Total GBP  96.00

Your VAT number: GB123456789
Paid by direct debit, thank you.
Northwind Roasters Ltd
7 Mill Lane, Leeds LS1 4AB
VAT Reg No: GB 987 6543 21     IBAN: GB29 NWBK 6016 1331 9268 19
`;
    const bill = extractBill([pageFromPlainText(text.replace(/^\n/, ""))], { source: "text_layer", today: TODAY });
    expect(bill.fields.vendorName?.value).toBe("Northwind Roasters Ltd");
    expect(bill.fields.vendorVat?.value).toBe("GB987654321");
  });
});
