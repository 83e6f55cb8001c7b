// POST /v1/bills/extract through the real app (in-process, signed as Odoo signs) with the real poppler-utils and
// tesseract of this server: the shared real invoices against their ground truth, and every kind of bad input with
// its clear outcome. Without the programs or the shared folder, the parts that need them are skipped and say why
// (a skip is never a pass).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BILL_EXTRACT_PATH, ExtractBillResponseSchema, MAX_BILL_FILE_BYTES, MAX_BILL_PAGES, type ExtractBillResponse } from "../../web_src/contracts/bills";
import { signRequest } from "../../web_src/endpoint/signing";
import { BillService } from "../../web_src/endpoint/services/bills";
import { systemTools, ToolMissingError, type ToolRunner } from "../../web_src/endpoint/services/document_tools";
import { HEADER, TODAY, invoiceCases, locateInvoices, right } from "../../scripts/bench/lib/real_invoices";
import { installed } from "../engine/bills/ocr_fixture";
import { makePdf } from "../engine/bills/pdf_fixture";
import { makePng } from "../engine/bills/png_fixture";
import { NOW_SECONDS, TEST_SECRET, testApp, testConfig } from "./helpers";

const POPPLER = ["pdfinfo", "pdftotext", "pdfdetach", "pdftoppm"].every((t) => installed(t, "-v"));
const TESSERACT = installed("tesseract", "--version");
const noPoppler = POPPLER ? "" : " — SKIPPED: poppler-utils (pdftotext, pdfinfo, pdfdetach, pdftoppm) not installed";
const noTesseract = TESSERACT ? "" : " — SKIPPED: tesseract-ocr not installed";
if (!POPPLER) console.warn(`SKIPPED parts of test/endpoint/bills.test.ts:${noPoppler}`);
if (!TESSERACT) console.warn(`SKIPPED parts of test/endpoint/bills.test.ts:${noTesseract}`);
const { dir: INVOICES, missing } = locateInvoices();
if (missing !== null) console.warn(`SKIPPED test/endpoint/bills.test.ts (real files): ${missing}`);
const noData = missing === null ? "" : ` — SKIPPED: ${missing}`;

let app: FastifyInstance;
beforeAll(() => {
  app = testApp({ config: testConfig({ maxBodyBytes: 25 * 1024 * 1024 }), billService: new BillService({ validateResponses: true, today: () => TODAY }) });
});
afterAll(async () => {
  await app.close();
});

function post(bytes: Buffer, fileName: string, extra: Record<string, unknown> = {}): Promise<LightMyRequestResponse> {
  const payload = JSON.stringify({ fileName, mimeType: "", contentBase64: bytes.toString("base64"), ...extra });
  return app.inject({
    method: "POST",
    url: BILL_EXTRACT_PATH,
    headers: { "content-type": "application/json", ...signRequest(TEST_SECRET, payload, { timestamp: NOW_SECONDS }) },
    payload,
  });
}

async function extracted(bytes: Buffer, fileName: string): Promise<ExtractBillResponse> {
  const res = await post(bytes, fileName);
  expect(res.statusCode, res.body).toBe(200);
  return ExtractBillResponseSchema.parse(res.json());
}

async function refusal(bytes: Buffer, fileName: string): Promise<string> {
  const res = await post(bytes, fileName);
  expect(res.statusCode, res.body).toBe(422);
  expect(res.json().error).toBe("unreadable_document");
  return res.json().message as string;
}

const BILL_LINES = [
  "Muster Bürobedarf GmbH                         Rechnung",
  "                                               Rechnungsnummer:   RE-2024-0815",
  "                                               Rechnungsdatum:    03.05.2024",
  "                                  Nettobetrag            100,00 €",
  "                                  MwSt 19 %               19,00 €",
  "                                  Gesamtbetrag           119,00 €",
  "USt-IdNr.: DE232446240",
];

const cases = missing === null ? invoiceCases(INVOICES) : { pdfs: [], images: [], xml: [] };

describe.skipIf(!POPPLER || missing !== null)(`real invoices through the endpoint${noPoppler}${noData}`, () => {
  it.each(cases.xml.map((c) => [c.name, c] as const))("embedded XML: %s gives the XML's fields", async (_name, c) => {
    const reply = await extracted(readFileSync(c.file), path.basename(c.file));
    const bill = reply.documents[0];
    expect(bill?.source).toBe("embedded_xml");
    for (const field of HEADER) if (c.truth[field] !== undefined) expect(right(field, bill?.fields[field]?.value, c.truth), field).toBe(true);
  });

  // The development set only: the held-out files are for the bench alone.
  const pdfs = cases.pdfs.filter((c) => !c.heldOut);
  // The visible document alone (AzureInterior.pdf also embeds UBL), through the service the route calls.
  const service = new BillService({ validateResponses: true, today: () => TODAY });
  const visible = async (file: string) =>
    service.extract({ fileName: path.basename(file), mimeType: "application/pdf", contentBase64: readFileSync(file).toString("base64") }, { ignoreEmbeddedXml: true });
  it.each(pdfs.map((c) => [c.name, c] as const))("text layer: %s gives the invoice date and total of its ground truth", async (_name, c) => {
    const reply = await visible(c.file);
    const bill = reply.documents[0];
    expect(bill?.source).toBe("text_layer");
    expect(right("invoiceDate", bill?.fields.invoiceDate?.value, c.truth)).toBe(true);
    if (c.truth.total !== undefined) expect(right("total", bill?.fields.total?.value, c.truth)).toBe(true);
  });

  it("text layer: most header fields of the development set are right", async () => {
    let right_ = 0;
    let all = 0;
    for (const c of pdfs) {
      const bill = (await visible(c.file)).documents[0];
      for (const field of HEADER) {
        if (c.truth[field] === undefined) continue;
        all++;
        if (right(field, bill?.fields[field]?.value, c.truth)) right_++;
      }
    }
    expect(right_ / all).toBeGreaterThan(0.85);
  });

  it("a free_fiber bill of two pages is one bill", async () => {
    const reply = await extracted(readFileSync(path.join(INVOICES, "invoice2data/free_fiber.pdf")), "free_fiber.pdf");
    expect(reply.documents.map((d) => [d.pageFrom, d.pageTo])).toEqual([[1, 2]]);
  });
});

describe.skipIf(!POPPLER || !TESSERACT || missing !== null)(`OCR of real scans${noPoppler}${noTesseract}${noData}`, () => {
  it("reads a scanned PNG", async () => {
    const c = cases.images.find((x) => x.name === "AmazonWebServices.png");
    expect(c).toBeDefined();
    if (c === undefined) return;
    const reply = await extracted(readFileSync(c.file), c.name);
    expect(reply.ocrAvailable).toBe(true);
    const bill = reply.documents[0];
    expect(bill?.source).toBe("ocr");
    for (const field of ["invoiceNumber", "invoiceDate", "currency", "total"] as const) expect(right(field, bill?.fields[field]?.value, c.truth), field).toBe(true);
  }, 120_000);

  it("reads a page scanned sideways", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "aib-test-rot-"));
    try {
      execFileSync("pdftoppm", ["-r", "150", "-gray", "-singlefile", "-f", "1", "-l", "1", path.join(INVOICES, "invoice2data/coolblue1.pdf"), path.join(dir, "p")]);
      const rotated = rotatePgm90(readFileSync(path.join(dir, "p.pgm")));
      const reply = await extracted(rotated, "sideways.pgm");
      expect(reply.documents[0]?.fields.invoiceNumber?.value).toBe("993548900");
      expect(reply.documents[0]?.fields.total?.value).toBe(717.97);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe.skipIf(!POPPLER || !TESSERACT || missing !== null)(`OCR of an upright page tesseract's orientation detection misjudges${noPoppler}${noTesseract}${noData}`, () => {
  it("reads Facture_FR_BASIC.pdf rendered to an image (psm 1 alone took it for upside down and read nothing)", async () => {
    const service = new BillService({ validateResponses: true, today: () => TODAY });
    const file = path.join(INVOICES, "oca-edi/Facture_FR_BASIC.pdf");
    const reply = await service.extract({ fileName: "Facture_FR_BASIC.pdf", mimeType: "", contentBase64: readFileSync(file).toString("base64") }, { ignoreEmbeddedXml: true, forceOcr: true });
    expect(reply.documents[0]?.source).toBe("ocr");
    expect(reply.documents[0]?.fields.invoiceNumber?.value).toBe("FA-2017-0010");
  }, 240_000);
});

/** A binary PGM (P5) turned 90° clockwise. */
function rotatePgm90(pgm: Buffer): Buffer {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 50).toString("latin1"));
  if (header === null) throw new Error("not a PGM");
  const w = Number(header[1]);
  const h = Number(header[2]);
  const px = pgm.subarray(header[0].length);
  const out = Buffer.alloc(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[x * h + (h - 1 - y)] = px[y * w + x] ?? 255;
  return Buffer.concat([Buffer.from(`P5\n${h} ${w}\n255\n`, "latin1"), out]);
}

describe.skipIf(!POPPLER)(`bad input: a clear outcome each${noPoppler}`, () => {
  it("an encrypted PDF is refused, saying so", async () => {
    expect(await refusal(makePdf({ pages: [BILL_LINES], encrypted: true }), "locked.pdf")).toBe('"locked.pdf" is encrypted with a password; ask the vendor for an unprotected copy.');
  });

  it("a corrupt PDF is refused, saying so", async () => {
    expect(await refusal(Buffer.from("%PDF-1.4\nthis is not really a PDF\n%%EOF\n"), "broken.pdf")).toMatch(/^"broken\.pdf" is damaged or not a PDF/);
  });

  it("a 200-page PDF is read up to the page cap, and the reply says so", async () => {
    const pages = [BILL_LINES, ...Array.from({ length: 199 }, (_, i) => [`Anlage Seite ${i + 2}`, "Einzelverbindungsnachweis"])];
    const reply = await extracted(makePdf({ pages }), "long.pdf");
    expect(reply.warnings).toContain(`"long.pdf" has 200 pages; only the first ${MAX_BILL_PAGES} were read.`);
    expect(reply.documents[0]?.fields.invoiceNumber?.value).toBe("RE-2024-0815");
    expect(Math.max(...reply.documents.map((d) => d.pageTo))).toBeLessThanOrEqual(MAX_BILL_PAGES);
  }, 60_000);

  it("a 30 MB scan is refused by the body limit (413), and above the file cap by the service (422)", async () => {
    const big = Buffer.alloc(30 * 1024 * 1024, 0x41);
    big.write("\x89PNG", 0, "latin1");
    const res = await post(big, "huge.png");
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toBe("payload_too_large");
    const service = new BillService({ validateResponses: true, today: () => TODAY });
    const over = Buffer.alloc(MAX_BILL_FILE_BYTES + 1, 0x41);
    await expect(service.extract({ fileName: "big.png", mimeType: "image/png", contentBase64: over.toString("base64") })).rejects.toThrow(/bills are read up to/);
  });

  it.skipIf(!TESSERACT)(`an image that is no bill gives no fields and a warning${noTesseract}`, async () => {
    const png = makePng(600, 400, (x, y) => ((x - 300) ** 2 + (y - 200) ** 2 < 90 ** 2 ? 40 : 255));
    const reply = await extracted(png, "cat.png");
    expect(reply.warnings).toContain('No bill was found in "cat.png": no invoice number, date or amount could be read, so nothing is filled in.');
    expect(Object.values(reply.documents[0]?.fields ?? {}).every((f) => f === null)).toBe(true);
  }, 60_000);

  it("a PDF with JavaScript is read as text, the script never run, and the reply says so", async () => {
    const reply = await extracted(makePdf({ pages: [BILL_LINES], javascript: true }), "script.pdf");
    expect(reply.warnings).toContain('"script.pdf" contains JavaScript; it was not run (the reader only extracts text and images).');
    expect(reply.documents[0]?.fields.total?.value).toBe(119);
  });

  it("an XML bomb embedded in a PDF is refused unread; the visible bill is read", async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100">&lol2;</rsm:CrossIndustryInvoice>`;
    const reply = await extracted(makePdf({ pages: [BILL_LINES], attachments: [{ name: "factur-x.xml", content: bomb }] }), "bomb.pdf");
    expect(reply.warnings.join(" ")).toMatch(/^The XML invoice embedded in "bomb\.pdf" was not used: the embedded XML declares a DTD or entities/);
    expect(reply.documents[0]?.source).toBe("text_layer");
    expect(reply.documents[0]?.fields.invoiceNumber?.value).toBe("RE-2024-0815");
  });

  it("an XML bomb sent as the file itself is refused", async () => {
    expect(await refusal(Buffer.from(`<?xml version="1.0"?><!DOCTYPE a [<!ENTITY a "aaaa">]><Invoice>&a;</Invoice>`), "bomb.xml")).toMatch(/DTD or entities/);
  });

  it("a file that is no document at all is refused", async () => {
    expect(await refusal(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), "archive.zip")).toBe('"archive.zip" is neither a PDF, a PNG/JPEG/TIFF/PNM image nor an XML e-invoice.');
    expect(await refusal(Buffer.alloc(0), "empty.pdf")).toBe('"empty.pdf" is empty.');
  });

  it("two bills in one PDF come back as two documents", async () => {
    const second = BILL_LINES.map((l) => l.replace("RE-2024-0815", "RE-2024-0816"));
    const reply = await extracted(makePdf({ pages: [BILL_LINES, second] }), "two.pdf");
    expect(reply.documents.map((d) => [d.pageFrom, d.pageTo, d.fields.invoiceNumber?.value])).toEqual([
      [1, 1, "RE-2024-0815"],
      [2, 2, "RE-2024-0816"],
    ]);
  });

  it("a receipt is read in receipt mode when asked, and an unknown mode is refused", async () => {
    const slip = Buffer.from("Kiosk Nord\nDatum: 14.11.2026\nKaffee 3,50\nBrezel 2,50\nBAR EUR 6,00\n");
    const post_ = async (mode: unknown) => post(slip, "slip.txt", { mode });
    const asReceipt = JSON.parse((await post_("receipt")).body) as ExtractBillResponse;
    expect(asReceipt.documents[0]?.fields.total?.value).toBe(6);
    const asBill = JSON.parse((await post_("bill")).body) as ExtractBillResponse;
    expect(asBill.documents[0]?.fields.total).toBeNull();
    expect((await post_("invoice")).statusCode).toBe(400);
  });

  it("an unsigned request never reaches the reader", async () => {
    const res = await app.inject({ method: "POST", url: BILL_EXTRACT_PATH, headers: { "content-type": "application/json" }, payload: "{}" });
    expect(res.statusCode).toBe(401);
  });
});

describe.skipIf(!POPPLER)(`without tesseract${noPoppler}`, () => {
  // The server without tesseract-ocr: the runner answers "not installed" for it, as execFile does (ENOENT).
  const noOcr: ToolRunner = {
    run: (tool, args, options) => (tool === "tesseract" ? Promise.reject(new ToolMissingError(tool)) : systemTools.run(tool, args, options)),
  };
  const service = new BillService({ validateResponses: true, tools: noOcr, today: () => TODAY });
  const request = (bytes: Buffer, fileName: string) => ({ fileName, mimeType: "", contentBase64: bytes.toString("base64") });

  it("says OCR is unavailable for a scan, and still reads text PDFs", async () => {
    const scan = await service.extract(request(makePng(200, 100, () => 255), "scan.png"));
    expect(scan.ocrAvailable).toBe(false);
    expect(scan.warnings[0]).toBe('"scan.png" is an image and OCR is not available: install tesseract-ocr on the endpoint\'s server (see README); nothing was read.');
    const text = await service.extract(request(makePdf({ pages: [BILL_LINES] }), "bill.pdf"));
    expect(text.ocrAvailable).toBe(false);
    expect(text.documents[0]?.fields.total?.value).toBe(119);
    expect(text.warnings).toEqual([]);
  });
});
