// Vendor bills, the endpoint's part: one document's bytes in, the bills it holds out (contracts/bills.ts). Reading
// order: the structured XML embedded in a PDF (Factur-X, ZUGFeRD 1/2, XRechnung, UBL) or an XML file itself; else
// the PDF's text layer with its layout (pdftotext -bbox-layout); else OCR of the page images (pdftoppm + tesseract,
// which also finds a page's orientation). A text page whose text layer leaves a header field unread (a letterhead
// pasted as a picture) has its pictures OCR'd, their words put where they are printed (readPictures); what they add
// is marked readBy "ocr". The engine (web_src/engine/bills) reads fields from the words; this file
// only runs the programs, in a private temporary directory removed afterwards, and says what it could not do.
// Nothing is stored; nothing about the document's content is logged. With an LLM (the request's own, else the
// endpoint's) and unless the request says llmAllowed: false, the fields the extractor is unsure of are asked about
// (llm/bill_reader.ts); only what passes the extractor's checks is kept, each such field marked readBy "llm".
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import {
  ExtractBillResponseSchema,
  MAX_BILL_FILE_BYTES,
  MAX_BILL_OCR_PAGES,
  MAX_BILL_PAGES,
  MAX_BILL_XML_BYTES,
  type BillFieldName,
  type BillSource,
  type ExtractBillRequest,
  type ExtractBillResponse,
  type ExtractedBill,
} from "../../contracts/bills";
import type { LlmUsage, RequestLlm } from "../../contracts/reconcile";
import type { PageText } from "../../engine/bills/bill_llm_fields";
import { extractBill } from "../../engine/bills/extract_bill";
import { checkBill } from "../../engine/bills/check_bill";
import { pageFromPlainText, pageFromTesseractTsv, pageFromWords, pagesFromBboxLayout, pageText, type Page, type Word } from "../../engine/bills/layout";
import { mergeOcrReadings, needsSecondPass, preferSecondReading } from "../../engine/bills/ocr_passes";
import { imagePdf } from "../../engine/bills/image_pdf";
import { decodePng, despeckle, enlargement, evenedLight, osdQuarters, pgmOf, printHeight, readPgm, rotateQuarter, rotateSmall, sidewaysQuarters, skewDegrees, speckShare, unevenlyLit, upscaleGrey, type GreyImage } from "../../engine/bills/ocr_image";
import { repairedConfusions, withoutRuleGlyphs } from "../../engine/bills/ocr_text";
import { readReceipt } from "../../engine/bills/receipt";
import { extractBills } from "../../engine/bills/split_bills";
import { readInvoiceXml, XmlInvoiceError } from "../../engine/bills/xml_invoice";
import { BillLlmReader } from "../../llm/bill_reader";
import { createStructuredCaller } from "../../llm/create_llm_refiner";
import { LlmConfigSchema, type LlmConfig } from "../../llm/llm_config";
import { LruCache } from "../../llm/lru_cache";
import type { StructuredCaller } from "../../llm/structured_caller";
import { EndpointError, ResponseContractError } from "../errors";
import { systemTools, toolAvailable, ToolFailedError, ToolMissingError, type ToolRunner } from "./document_tools";

export const BILL_ENGINE = { name: "ai-bookkeeping-bills", version: "1.0.0" } as const;

/** The document cannot be read at all; the message says why in a sentence for the accountant. */
export class UnreadableDocumentError extends EndpointError {
  readonly statusCode = 422;
  readonly code = "unreadable_document";
}

export type DocumentKind = "pdf" | "image" | "xml" | "text";

const DEFAULT_LANGUAGES = ["eng", "deu", "fra"];
/** Words a page needs in its text layer to be read as text; fewer (a scan, at most a stamp) and it is OCR'd. */
const MIN_TEXT_WORDS = 3;
const OCR_DPI = 300;
/** A page whose lines slope less than this (degrees) is read as it is; more than the maximum is no skew but a
 * reading gone wrong (a diagonal stamp, a photo of a page at an angle). */
const MIN_DESKEW_DEGREES = 0.7;
const MAX_DESKEW_DEGREES = 6;
/** The share of lone specks over which a page is cleaned of them before OCR (a clean page has none; a dusty scan
 * 0.1 %; salt and pepper noise more). */
const SPECKLED = 0.0005;
/** A page reads poorly (fewer sure words, or a lower mean confidence): it may lie on its side or upside down. */
const POOR_SURE_WORDS = 25;
const POOR_CONFIDENCE = 0.75;
/** Tesseract's orientation confidence (--psm 0) from which a page is turned (an upright page of text gives 5-15; a
 * sparse or noisy one under 1). */
const MIN_OSD_CONFIDENCE = 2;
/** LLM readers kept for the LLM settings seen last (a few databases per server): their SDK clients and caches. */
const REQUEST_READERS = 16;

/** The pages each bill was read from (text layer or OCR; not XML), for the LLM stage. */
const PAGES_OF = new WeakMap<ExtractedBill, PageText[]>();
/** Pages OCR'd at the same time. */
const OCR_PARALLEL = Math.max(1, availableParallelism());

/** Pictures of a text page (a letterhead, a logo, a pasted vendor block) are OCR'd only when the text layer leaves
 * a field a bill must have unread or reads it below WEAK_TEXT_FIELD (a guess, as a customer's address taken for the
 * vendor): the vendor's name, the number, the date, the total; or the vendor's VAT number and IBAN both (a bill
 * names its vendor by one of them, unless its letterhead is a picture). A missing due date, VAT number or IBAN alone
 * is usual (not printed: US vendors, card payments) and is no reason to OCR. Whatever the pictures then give of
 * these fields is taken. */
const PICTURE_TRIGGERS = ["vendorName", "invoiceNumber", "invoiceDate", "total"] as const;
const PICTURE_FIELDS = ["vendorName", "vendorVat", "vendorIban", "invoiceNumber", "invoiceDate", "dueDate", "total"] as const;
const PICTURE_FIELD_WORDS: Readonly<Record<(typeof PICTURE_FIELDS)[number], string>> = {
  vendorName: "vendor name",
  vendorVat: "VAT number",
  vendorIban: "IBAN",
  invoiceNumber: "invoice number",
  invoiceDate: "invoice date",
  dueDate: "due date",
  total: "total",
};
const WEAK_TEXT_FIELD = 0.5;
/** At most this many pages of a document have their pictures read (each bill's first page; its last if different). */
const PICTURE_PAGES = 2;
/** A picture smaller than this (points) holds no line of text worth reading (rules, bullets, icons). */
const MIN_PICTURE_WIDTH = 60;
const MIN_PICTURE_HEIGHT = 14;
/** Pictures read per document, and their area at most (a share of the page): a page-size picture under a text
 * layer is a scan the text layer already transcribes, and reading it would take a scan's time. */
const MAX_PICTURES = 6;
const MAX_PICTURE_AREA = 0.5;
/** Pictures are drawn at this resolution for tesseract, whatever their own (a 72-dpi logo reads badly as it is). */
const PICTURE_DPI = 300;
/** Tesseract's word box holds the ink (capitals ~0.7 em), a text layer's word the font box (~1.15 em): OCR'd words
 * put among text-layer words are made as high as the text's, so that lines and cells form as on the text layer. */
const INK_TO_FONT_BOX = 1.6;
/** A field read from a picture is never surer than this (below the auto-approval grade: nothing on the page's text
 * confirms it), and is lowered further by the OCR's own confidence as on the scan path. */
const PICTURE_FIELD_CAP = 0.9;

export interface BillServiceOptions {
  validateResponses: boolean;
  tools?: ToolRunner;
  /** Today, for the plausibility of dates; defaults to the real clock. */
  today?: () => string;
  /** The endpoint's own LLM (its environment), for requests that name none. */
  llm?: LlmConfig | undefined;
  /** Builds the LLM caller for a request that names its own LLM (tests inject fetch here). */
  callerFor?: (llm: RequestLlm) => StructuredCaller;
}

export interface ExtractOptions {
  /** Read only what a person sees (the bench scores the visible document): embedded XML is ignored. */
  ignoreEmbeddedXml?: boolean;
  /** OCR every page even when it has a text layer (the bench's scan path over text PDFs). */
  forceOcr?: boolean;
}

export function detectDocumentKind(bytes: Uint8Array, name: string): DocumentKind {
  if (bytes.length === 0) throw new UnreadableDocumentError(`${name} is empty.`);
  const head = Buffer.from(bytes.subarray(0, 16));
  if (head.subarray(0, 5).toString("latin1") === "%PDF-" || Buffer.from(bytes.subarray(0, 1024)).includes("%PDF-")) return "pdf";
  if (head[0] === 0x89 && head.subarray(1, 4).toString("latin1") === "PNG") return "image";
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "image";
  if (head.subarray(0, 4).toString("latin1") === "II*\0" || head.subarray(0, 4).toString("latin1") === "MM\0*") return "image";
  // Netpbm grey/colour (P5/P6), as scanners' raw output and pdftoppm without -png write it.
  if (/^P[56]\s/.test(head.subarray(0, 3).toString("latin1"))) return "image";
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new UnreadableDocumentError(`${name} is neither a PDF, a PNG/JPEG/TIFF/PNM image nor an XML e-invoice.`);
  }
  const text = Buffer.from(bytes.subarray(0, 4096)).toString("utf8").replace(/^\uFEFF/, "");
  if (/^\s*</.test(text)) return "xml";
  return "text";
}

export class BillService {
  private readonly validateResponses: boolean;
  private readonly tools: ToolRunner;
  private readonly today: () => string;
  private ocr: Promise<OcrStatus> | null = null;
  private readonly ownReader: BillLlmReader | undefined;
  private readonly callerFor: (llm: RequestLlm) => StructuredCaller;
  /** By a hash of the settings (the key itself is not kept as a map key); null: the settings are unusable. */
  private readonly readers = new LruCache<string, BillLlmReader | null>(REQUEST_READERS);

  constructor(options: BillServiceOptions) {
    this.validateResponses = options.validateResponses;
    this.tools = options.tools ?? systemTools;
    this.today = options.today ?? (() => new Date().toISOString().slice(0, 10));
    this.ownReader = options.llm ? new BillLlmReader(createStructuredCaller(options.llm)) : undefined;
    this.callerFor = options.callerFor ?? ((llm) => createStructuredCaller(LlmConfigSchema.parse(llm)));
  }

  /** Whether tesseract runs here, its installed languages, and whether its orientation data (osd) is (asked once). */
  ocrStatus(): Promise<OcrStatus> {
    this.ocr ??= (async () => {
      if (!(await toolAvailable(this.tools, "tesseract"))) return { available: false, languages: [], osd: false };
      try {
        const { stdout } = await this.tools.run("tesseract", ["--list-langs"], { timeoutMs: 10_000 });
        const listed = stdout.split("\n").slice(1).map((l) => l.trim()).filter((l) => /^[a-z_]+$/i.test(l));
        return { available: true, languages: listed.filter((l) => l !== "osd"), osd: listed.includes("osd") };
      } catch {
        return { available: true, languages: [], osd: false };
      }
    })();
    return this.ocr;
  }

  async extract(request: ExtractBillRequest, options: ExtractOptions = {}): Promise<ExtractBillResponse> {
    const bytes = Buffer.from(request.contentBase64, "base64");
    const name = request.fileName === "" ? "the document" : `"${request.fileName}"`;
    if (bytes.length > MAX_BILL_FILE_BYTES) {
      throw new UnreadableDocumentError(
        `${name} has ${bytes.length} bytes; bills are read up to ${MAX_BILL_FILE_BYTES} bytes (scan at 300 dpi in grey or black and white, or split the file).`,
      );
    }
    const kind = detectDocumentKind(bytes, name);
    const ocr = await this.ocrStatus();
    const warnings: string[] = [];
    const context = { request, name, warnings, ocr, options };
    let documents: ExtractedBill[];
    if (kind === "xml") {
      documents = [this.readXml(bytes.toString("utf8").replace(/^\uFEFF/, ""), name, true, warnings)];
    } else if (kind === "text") {
      documents = this.readPages([pageFromPlainText(bytes.toString("utf8"))], "text_layer", request);
    } else {
      const dir = await mkdtemp(path.join(tmpdir(), "aib-bill-"));
      try {
        documents = kind === "pdf" ? await this.readPdf(bytes, dir, context) : await this.readImage(bytes, dir, context);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
    const llm = await this.askLlm(request, documents);
    documents = llm.documents;
    if (documents.every((d) => Object.values(d.fields).every((f) => f === null))) {
      warnings.push(`No bill was found in ${name}: no invoice number, date or amount could be read, so nothing is filled in.`);
    }
    const engine = { ...BILL_ENGINE, ...(llm.model === null ? {} : { model: llm.model }) };
    const response: ExtractBillResponse = { engine, ocrAvailable: ocr.available, warnings, documents, ...(llm.usage ? { usage: llm.usage } : {}) };
    return this.validateResponses ? checked(response) : response;
  }

  /** The LLM stage: the bills as the LLM could complete them, or as they are (no LLM, not allowed, it failed). */
  private async askLlm(
    request: ExtractBillRequest,
    documents: ExtractedBill[],
  ): Promise<{ documents: ExtractedBill[]; model: string | null; usage?: LlmUsage }> {
    const reader = request.llmAllowed === false ? undefined : request.llm === undefined ? this.ownReader : this.readerOf(request.llm);
    const items = documents.map((bill) => ({ bill, pages: PAGES_OF.get(bill) ?? [] }));
    if (!reader || items.every((item) => item.pages.length === 0)) return { documents, model: null };
    try {
      const outcome = await reader.refine(items, { today: this.today(), companyName: request.company?.name });
      return { documents: outcome.bills, model: outcome.filled > 0 ? reader.model : null, usage: outcome.usage };
    } catch {
      // The LLM stage only ever adds to the offline reading: whatever went wrong, that reading stands.
      return { documents, model: null };
    }
  }

  private readerOf(llm: RequestLlm): BillLlmReader | undefined {
    const key = createHash("sha256").update(JSON.stringify([llm.model, llm.baseUrl ?? null, llm.apiKey ?? null])).digest("hex");
    let reader = this.readers.get(key);
    if (reader === undefined) {
      try {
        reader = new BillLlmReader(this.callerFor(llm));
      } catch {
        reader = null; // unusable settings (e.g. api.openai.com without a key): the offline reading stands
      }
      this.readers.set(key, reader);
    }
    return reader ?? undefined;
  }

  private readXml(xml: string, name: string, isFile: boolean, warnings: string[]): ExtractedBill {
    try {
      return readInvoiceXml(xml, this.today()).bill;
    } catch (error) {
      if (!(error instanceof XmlInvoiceError)) throw error;
      if (isFile) throw new UnreadableDocumentError(`${name}: ${error.message}`);
      warnings.push(`The XML invoice embedded in ${name} was not used: ${error.message}`);
      throw error;
    }
  }

  private readPages(pages: Page[], source: BillSource, request: ExtractBillRequest): ExtractedBill[] {
    const bills = extractBills(pages, { source, today: this.today(), company: request.company, receipt: request.mode === "receipt" });
    const read = request.mode === "receipt" ? bills.map((bill) => readReceipt(pages, bill, { merchants: request.merchants, company: request.company?.name })) : bills;
    for (const bill of read) {
      PAGES_OF.set(bill, pages.filter((p) => p.number >= bill.pageFrom && p.number <= bill.pageTo).map((p) => ({ page: p.number, text: pageText(p) })));
    }
    return read;
  }

  private async readPdf(bytes: Buffer, dir: string, ctx: Context): Promise<ExtractedBill[]> {
    const file = path.join(dir, "document.pdf");
    await writeFile(file, bytes, { mode: 0o600 });
    const pageCount = await this.pdfPages(file, ctx.name);
    if (/\/(?:JavaScript|JS)\b/.test(bytes.toString("latin1"))) {
      ctx.warnings.push(`${ctx.name} contains JavaScript; it was not run (the reader only extracts text and images).`);
    }
    const lastPage = Math.min(pageCount, MAX_BILL_PAGES);
    if (pageCount > MAX_BILL_PAGES) {
      ctx.warnings.push(`${ctx.name} has ${pageCount} pages; only the first ${MAX_BILL_PAGES} were read.`);
    }

    const xmlBill = ctx.options.ignoreEmbeddedXml === true ? null : await this.embeddedXml(file, dir, ctx);
    const { stdout } = await this.pdfTool("pdftotext", ["-bbox-layout", "-f", "1", "-l", String(lastPage), file, "-"], ctx.name, 60_000);
    const textPages = pagesFromBboxLayout(stdout);
    if (xmlBill !== null) {
      // The XML is what Odoo books; the visible text is read only to say whether both tell the same total.
      const visible = textPages.filter((p) => wordCount(p) >= MIN_TEXT_WORDS);
      if (visible.length > 0) {
        const seen = extractBill(visible, { source: "text_layer", today: this.today(), company: ctx.request.company }).fields.total;
        const stated = xmlBill.fields.total;
        if (seen !== null && stated !== null) {
          const ok = Math.abs(seen.value - stated.value) < 0.011;
          xmlBill.checks.push({
            code: "xml_matches_visible",
            ok,
            message: ok ? `the printed total ${seen.value.toFixed(2)} equals the XML's` : `the printed total reads ${seen.value.toFixed(2)}, the embedded XML says ${stated.value.toFixed(2)}`,
          });
        }
      }
      return [xmlBill];
    }

    const pages: Page[] = [];
    const ocrPages: number[] = [];
    const ocrRead: OcrReading[] = [];
    for (let n = 1; n <= lastPage; n++) {
      const page = textPages[n - 1];
      if (page !== undefined && wordCount(page) >= MIN_TEXT_WORDS && ctx.options.forceOcr !== true) pages.push(page);
      else ocrPages.push(n);
    }
    if (ocrPages.length > 0) {
      if (!ctx.ocr.available) {
        ctx.warnings.push(
          `${ocrPages.length === lastPage ? `${ctx.name} has no text layer (a scan)` : `${ocrPages.length} page(s) of ${ctx.name} have no text layer`} and OCR is not available: install tesseract-ocr on the endpoint's server (see README); those pages were not read.`,
        );
        for (const n of ocrPages) {
          const page = textPages[n - 1];
          if (page !== undefined && ctx.options.forceOcr !== true) pages.push(page);
        }
      } else {
        const toRead = ocrPages.slice(0, MAX_BILL_OCR_PAGES);
        if (ocrPages.length > toRead.length) {
          ctx.warnings.push(`${ocrPages.length} pages need OCR; only the first ${MAX_BILL_OCR_PAGES} were read.`);
        }
        // Pages at once, as many as the server has cores (each tesseract runs one thread): a 4-page scan takes the
        // time of 2 on 2 cores. Grey PGM, not PNG: nothing to compress and decompress between the two programs.
        ocrRead.push(
          ...(await inParallel(toRead, OCR_PARALLEL, async (n) => {
            const image = path.join(dir, `page-${n}`);
            await this.pdfTool("pdftoppm", ["-r", String(OCR_DPI), "-gray", "-singlefile", "-f", String(n), "-l", String(n), file, image], ctx.name, 60_000);
            return this.ocrImage(`${image}.pgm`, n, ctx, OCR_DPI);
          })),
        );
        pages.push(...ocrRead.map((r) => r.page));
      }
    }
    pages.sort((a, b) => a.number - b.number);
    const source: BillSource = ocrPages.length > pages.length / 2 && ctx.ocr.available ? "ocr" : "text_layer";
    if (ocrPages.length === 0) return this.readPictures(this.readPages(pages, source, ctx.request), pages, file, dir, ctx);
    return this.withSecondPass(pages, ocrRead, source, ctx);
  }

  /** The header fields of a text-layer bill its text leaves unread or unsure, that a picture may hold. */
  private pictureFields(bill: ExtractedBill): Array<(typeof PICTURE_FIELDS)[number]> {
    return PICTURE_FIELDS.filter((name) => {
      const field = bill.fields[name];
      return field === null || field.confidence < WEAK_TEXT_FIELD;
    });
  }

  /** Text-layer bills completed from the pictures of their pages: only when a header field is unread or unsure,
   * only pictures of a readable size, at most PICTURE_PAGES pages. The pictures are found with pdftohtml (which says
   * where each is drawn), drawn with pdftoppm at PICTURE_DPI over their area alone (the page's own rendering: a
   * mask, a crop or text over the picture come out as printed, at one resolution whatever the picture's), OCR'd
   * with the scan path's tesseract, and their words put into the page where they are printed, but for those a
   * text-layer word already covers. The page is read again; what it adds is kept (readBy "ocr"), what the text layer
   * read stands. Without tesseract: the text layer's reading and a warning. Nothing here fails the document. */
  private async readPictures(bills: ExtractedBill[], pages: Page[], file: string, dir: string, ctx: Context): Promise<ExtractedBill[]> {
    const wanting = bills.filter((b) => {
      const unsure = this.pictureFields(b);
      return unsure.some((name) => (PICTURE_TRIGGERS as readonly string[]).includes(name)) || (unsure.includes("vendorVat") && unsure.includes("vendorIban"));
    });
    if (wanting.length === 0) return bills;
    const pageNumbers = [...new Set(wanting.flatMap((b) => [b.pageFrom, b.pageTo]))].filter((n) => pages.some((p) => p.number === n)).slice(0, PICTURE_PAGES);
    const missing = [...new Set(wanting.flatMap((b) => this.pictureFields(b)))].map((name) => PICTURE_FIELD_WORDS[name]).join(", ");
    try {
      const pictures: Array<{ page: Page; box: Box }> = [];
      for (const n of pageNumbers) {
        const page = pages.find((p) => p.number === n) as Page;
        for (const box of await this.picturesOf(file, n, dir)) pictures.push({ page, box });
      }
      let area = 0;
      const chosen = pictures
        .filter(({ page, box }) => box.width >= MIN_PICTURE_WIDTH && box.height >= MIN_PICTURE_HEIGHT && box.width * box.height <= MAX_PICTURE_AREA * page.width * page.height)
        .filter(({ page, box }) => (area += (box.width * box.height) / (page.width * page.height)) <= MAX_PICTURE_AREA)
        .slice(0, MAX_PICTURES);
      if (chosen.length === 0) return bills;
      const shown = [...new Set(chosen.map((c) => c.page.number))];
      const where = `page${shown.length > 1 ? "s" : ""} ${shown.join(", ")}`;
      if (!ctx.ocr.available) {
        ctx.warnings.push(`${ctx.name}: the text layer has no ${missing}; ${where} ${chosen.length > 1 ? "has pictures" : "has a picture"} that may hold them, but OCR is not available: install tesseract-ocr on the endpoint's server (see README).`);
        return bills;
      }
      const lang = this.ocrLanguages(ctx);
      const words = await inParallel(chosen, OCR_PARALLEL, async ({ page, box }, i) => ({ page, words: await this.pictureWords(file, page, box, `picture-${i}`, lang, dir) }));
      const merged = pages.map((page) => {
        const added = words.filter((w) => w.page === page).flatMap((w) => w.words);
        return added.length === 0 ? page : withWords(page, added);
      });
      if (merged.every((page, i) => page === pages[i])) return bills;
      const reread = this.readPages(merged, "text_layer", ctx.request);
      if (reread.length !== bills.length || reread.some((b, i) => b.pageFrom !== bills[i]?.pageFrom || b.pageTo !== bills[i]?.pageTo)) return bills;
      const filled = new Set<string>();
      const result = bills.map((bill, i) => {
        const completed = completeFromPictures(bill, reread[i] as ExtractedBill, merged, this.today());
        if (completed === bill) return bill;
        for (const name of PICTURE_FIELDS) if (completed.fields[name]?.readBy === "ocr") filled.add(PICTURE_FIELD_WORDS[name]);
        PAGES_OF.set(completed, PAGES_OF.get(reread[i] as ExtractedBill) ?? []);
        return completed;
      });
      if (filled.size > 0) ctx.warnings.push(`${ctx.name}: the ${[...filled].join(", ")} ${filled.size > 1 ? "were" : "was"} read by OCR from a picture on ${where}; check ${filled.size > 1 ? "them" : "it"} against the document.`);
      return result;
    } catch (error) {
      if (!(error instanceof ToolFailedError || error instanceof ToolMissingError)) throw error;
      ctx.warnings.push(`${ctx.name}: the pictures on the page could not be read (${error.message}); the text layer alone was.`);
      return bills;
    }
  }

  /** Where page `n` draws its pictures, in points from the top left (pdftohtml -xml at zoom 1). */
  private async picturesOf(file: string, n: number, dir: string): Promise<Box[]> {
    const { stdout } = await this.tools.run("pdftohtml", ["-xml", "-zoom", "1", "-q", "-noroundcoord", "-nodrm", "-f", String(n), "-l", String(n), "-stdout", file, path.join(dir, `pictures-${n}`)], { timeoutMs: 30_000, maxBytes: 16 * 1024 * 1024 });
    const boxes: Box[] = [];
    for (const m of stdout.matchAll(/<image\s+top="([\d.-]+)"\s+left="([\d.-]+)"\s+width="([\d.]+)"\s+height="([\d.]+)"/g)) {
      boxes.push({ top: Number(m[1]), left: Number(m[2]), width: Number(m[3]), height: Number(m[4]) });
    }
    return boxes;
  }

  /** The words tesseract reads in `box` of `page`, in the page's points, as high as text-layer words, but for those
   * a text-layer word covers. */
  private async pictureWords(file: string, page: Page, box: Box, stem: string, lang: string[], dir: string): Promise<Word[]> {
    const scale = PICTURE_DPI / 72;
    const x0 = Math.max(0, box.left);
    const y0 = Math.max(0, box.top);
    const x1 = Math.min(page.width, box.left + box.width);
    const y1 = Math.min(page.height, box.top + box.height);
    if (x1 - x0 < MIN_PICTURE_WIDTH || y1 - y0 < MIN_PICTURE_HEIGHT) return [];
    const [px, py] = [Math.floor(x0 * scale), Math.floor(y0 * scale)];
    const image = path.join(dir, stem);
    // The tools' runner itself, not pdfTool: a picture that cannot be drawn leaves the text layer's reading, it does
    // not make the document unreadable.
    await this.tools.run("pdftoppm", ["-r", String(PICTURE_DPI), "-gray", "-singlefile", "-f", String(page.number), "-l", String(page.number), "-x", String(px), "-y", String(py), "-W", String(Math.ceil((x1 - x0) * scale)), "-H", String(Math.ceil((y1 - y0) * scale)), file, image], { timeoutMs: 30_000 });
    const read = await this.tesseractPage(`${image}.pgm`, ["--psm", "3", "--dpi", String(PICTURE_DPI), ...lang], page.number);
    const text = page.lines.flatMap((l) => l.cells.flatMap((c) => c.words));
    const words: Word[] = [];
    for (const word of read.lines.flatMap((l) => l.cells.flatMap((c) => c.words))) {
      const middle = (px + (word.x0 + word.x1) / 2) / scale;
      const half = ((word.y1 - word.y0) * INK_TO_FONT_BOX) / 2 / scale;
      const centre = (py + (word.y0 + word.y1) / 2) / scale;
      const placed: Word = { text: word.text, conf: word.conf, x0: (px + word.x0) / scale, x1: (px + word.x1) / scale, y0: centre - half, y1: centre + half };
      if (text.some((t) => overlap(t, placed) > 0.3 * area(placed) || (middle >= t.x0 && middle <= t.x1 && centre >= t.y0 && centre <= t.y1))) continue;
      words.push(placed);
    }
    return words;
  }

  /** The bills of `pages`; if one lacks a header field and some pages were OCR'd upright, those pages are read a
   * second time (--psm 11, sparse text) and merged into the first reading (engine/bills/ocr_passes.ts), and the
   * second reading of the bills is kept if it only adds header fields. */
  private async withSecondPass(pages: Page[], ocrRead: readonly OcrReading[], source: BillSource, ctx: Context): Promise<ExtractedBill[]> {
    const first = this.readPages(pages, source, ctx.request);
    const again = ocrRead.filter((r) => r.upright);
    if (again.length === 0 || !first.some(needsSecondPass)) return first;
    let sparse: Page[];
    try {
      sparse = await inParallel(again, OCR_PARALLEL, (r) => this.tesseractPage(r.file, ["--psm", "11", ...r.options], r.page.number));
    } catch (error) {
      if (error instanceof ToolFailedError) return first; // the first reading stands
      throw error;
    }
    const merged = pages.map((p) => {
      const i = again.findIndex((r) => r.page === p);
      return i < 0 ? p : mergeOcrReadings(p, sparse[i] as Page);
    });
    if (merged.every((p, i) => p === pages[i])) return first;
    const second = this.readPages(merged, source, ctx.request);
    const chosen = preferSecondReading(first, second);
    if (chosen === first) return first;
    // The LLM stage reads the pages each kept bill was read from.
    for (const [i, bill] of chosen.entries()) {
      const pagesOf = PAGES_OF.get(second[i] as ExtractedBill);
      if (pagesOf !== undefined) PAGES_OF.set(bill, pagesOf);
    }
    return [...chosen];
  }

  private async readImage(bytes: Buffer, dir: string, ctx: Context): Promise<ExtractedBill[]> {
    if (!ctx.ocr.available) {
      ctx.warnings.push(`${ctx.name} is an image and OCR is not available: install tesseract-ocr on the endpoint's server (see README); nothing was read.`);
      return this.readPages([], "ocr", ctx.request);
    }
    const file = path.join(dir, "document.img");
    await writeFile(file, bytes, { mode: 0o600 });
    // JPEG and TIFF: copied into a PDF (engine/bills/image_pdf.ts) and drawn by pdftoppm pixel for pixel, a grey PGM
    // per page (every page of a multi-page TIFF, split into bills as a PDF's pages are), so that small print can be
    // enlarged and a page on its side turned as a PNG's. A kind this does not copy is read by tesseract as it is.
    const copied = bytes[0] === 0x89 ? null : imagePdf(bytes);
    if (copied !== null) {
      const pdf = path.join(dir, "image.pdf");
      await writeFile(pdf, copied.pdf, { mode: 0o600 });
      const count = Math.min(copied.pages.length, MAX_BILL_OCR_PAGES);
      if (copied.pages.length > count) ctx.warnings.push(`${ctx.name} has ${copied.pages.length} pages; only the first ${count} were read.`);
      const readings = await inParallel(Array.from({ length: count }, (_, i) => i + 1), OCR_PARALLEL, async (n) => {
        const stem = path.join(dir, `image-${n}`);
        await this.pdfTool("pdftoppm", ["-r", "72", "-gray", "-singlefile", "-f", String(n), "-l", String(n), pdf, stem], ctx.name, 60_000);
        const pgm = `${stem}.pgm`;
        const image = readPgm(await readFile(pgm));
        // A one-page file is read as it is first (poppler's grey is a little lighter than the file's: tesseract read
        // some 150-dpi TIFFs worse from it); its drawing serves to enlarge small print.
        return count === 1 ? this.readEnlarged(file, image, n, ctx, undefined, dir) : this.readEnlarged(pgm, image, n, ctx, copied.pages[n - 1]?.dpi ?? undefined, dir);
      });
      return this.withSecondPass(readings.map((r) => r.page), readings, "ocr", ctx);
    }
    const reading = await this.readEnlarged(file, bytes[0] === 0x89 ? decodePng(bytes) : null, 1, ctx, undefined, dir);
    return this.withSecondPass([reading.page], [reading], "ocr", ctx);
  }

  /** Page `n` read from `file`, and again enlarged when its print is small (a screenshot, a 72-150 dpi fax or scan):
   * `image` (its pixels, when decoded) enlarged and read again; the reading with more sure words stands
   * (engine/bills/ocr_image.ts). */
  private async readEnlarged(file: string, image: GreyImage | null, n: number, ctx: Context, dpi: number | undefined, dir: string): Promise<OcrReading> {
    const reading = await this.ocrImage(file, n, ctx, dpi, false, image);
    const k = image === null ? 1 : enlargement(printHeight(reading.page), image.width, image.height);
    if (image === null || k <= 1) return reading;
    const large = path.join(dir, `page-${n}-large.pgm`);
    await writeFile(large, pgmOf(upscaleGrey(image, k)), { mode: 0o600 });
    const enlarged = await this.ocrImage(large, n, ctx, OCR_DPI);
    return sureWords(enlarged.page) > sureWords(reading.page) ? enlarged : reading;
  }

  /** tesseract's `-l` option: the request's languages that are installed (a warning when none is). */
  private ocrLanguages(ctx: Context): string[] {
    const wanted = ctx.request.languages ?? DEFAULT_LANGUAGES;
    let languages = wanted.filter((l) => ctx.ocr.languages.includes(l));
    if (languages.length === 0) {
      languages = ctx.ocr.languages.includes("eng") ? ["eng"] : ctx.ocr.languages.slice(0, 1);
      const note = `OCR languages ${wanted.join(", ")} are not installed; read with ${languages.join(", ") || "tesseract's default"}.`;
      if (!ctx.warnings.includes(note)) ctx.warnings.push(note);
    }
    return languages.length > 0 ? ["-l", languages.join("+")] : [];
  }

  /** `dpi`: the resolution the page was drawn at (a PGM states none; tesseract's estimate from the text's height
   * changes how it lays out the page: a total in its own block was dropped). An uploaded image states its own.
   * `turned`: the page was already turned upright here (it is not probed again). `pixels`: the page's pixels when
   * `file` is a kind not decoded here (a one-page JPEG or TIFF, read as it is, drawn by pdftoppm), to turn it by. */
  private async ocrImage(file: string, pageNumber: number, ctx: Context, dpi?: number, turned = false, pixels: GreyImage | null = null): Promise<OcrReading> {
    const lang = [...this.ocrLanguages(ctx), ...(dpi === undefined ? [] : ["--dpi", String(dpi)])];
    try {
      // A page lit unevenly or dark (a phone photo under a lamp or in a shadow, a dark copy) has its paper made white
      // first: tesseract's one threshold for the page turns the dark part black or the light part's ink white.
      const even = await this.evened(file);
      if (even !== null) return await this.ocrImage(even, pageNumber, ctx, dpi, turned);
      // A page strewn with specks (dust, a noisy scanner or fax, a photo's grain) is cleaned of them first: tesseract
      // reads a speck by a digit as part of it, or a line of them as text, and loses numbers and totals.
      const clean = await this.despeckled(file);
      if (clean !== null) return await this.ocrImage(clean, pageNumber, ctx, dpi, turned);
      const first = await this.tesseractRead(file, ["--psm", "3", ...lang], pageNumber);
      const upright = first.page;
      const reading = (page: Page, isUpright: boolean, from = file): OcrReading => ({ page, file: from, options: lang, upright: isUpright });
      const poor = sureWords(upright) < POOR_SURE_WORDS || upright.conf < POOR_CONFIDENCE;
      // A page on its side or upside down (a sheet fed sideways, a phone photo across the page). A page turned a
      // quarter clockwise, --psm 3 reads well, its lines running down the page (their direction tells the turn); one
      // turned the other way or upside down it reads poorly, and tesseract's orientation detection (--psm 0, cheaper
      // than a reading) says the turn. The image is turned by whole quarter turns (exact) and read as an upright page
      // (deskew, second pass and all); that reading stands unless it has clearly fewer sure words.
      let osdSaidUpright = false;
      if (!turned && (poor || first.quarters !== 0)) {
        let quarters = poor ? null : first.quarters;
        if (quarters === null) {
          quarters = await this.orientation(file, ctx);
          osdSaidUpright = quarters === 0;
        }
        const image = quarters === null || quarters === 0 ? null : ((await this.decoded(file)) ?? pixels);
        if (image !== null) {
          const out = `${file}-turned.pgm`;
          await writeFile(out, pgmOf(rotateQuarter(image, quarters as number)), { mode: 0o600 });
          const again = await this.ocrImage(out, pageNumber, ctx, dpi, true);
          if (sureWords(again.page) >= 0.9 * sureWords(upright)) return again;
        }
      }
      // A sheet fed askew (1-4°): tesseract finds its lines but splits some (a label from its value, a total's row),
      // and layout.ts's straightening of word positions does not join them again. The image is turned straight by
      // the slope of the lines tesseract read and read again; that reading stands unless it has clearly fewer sure words.
      if (Math.abs(first.skew) >= MIN_DESKEW_DEGREES && Math.abs(first.skew) <= MAX_DESKEW_DEGREES) {
        const straight = await this.straightened(file, first.skew);
        if (straight !== null) {
          const again = await this.tesseractPage(straight, ["--psm", "3", ...lang], pageNumber);
          if (sureWords(again) >= 0.9 * sureWords(upright)) return reading(again, true, straight);
        }
      }
      // A page that still reads badly is tried with --psm 1 (tesseract's orientation detection and reading in one,
      // for an image not decoded here, or without the orientation data's verdict); the reading with more sure words
      // wins. Not when the orientation data said the page is upright.
      if (!poor || turned || osdSaidUpright) return reading(upright, true);
      const oriented = await this.tesseractPage(file, ["--psm", "1", ...lang], pageNumber);
      return sureWords(oriented) > sureWords(upright) ? reading(oriented, false) : reading(upright, true);
    } catch (error) {
      if (error instanceof ToolFailedError) {
        throw new UnreadableDocumentError(`${ctx.name}: OCR could not read page ${pageNumber} (${error.timedOut ? "it took too long" : "the image is damaged or in a format tesseract does not read"}).`);
      }
      throw error;
    }
  }

  /** The clockwise quarter turns that bring the page in `file` upright, by tesseract's orientation detection
   * (--psm 0); null when it cannot tell, or its data (tesseract-ocr-osd) is not installed (a warning says so once). */
  private async orientation(file: string, ctx: Context): Promise<number | null> {
    if (!ctx.ocr.osd) {
      const note = `${ctx.name}: a page reads poorly and may lie on its side or upside down, but tesseract's orientation data (Debian's tesseract-ocr-osd) is not installed on the endpoint's server, so it was not turned (see README).`;
      if (!ctx.warnings.includes(note)) ctx.warnings.push(note);
      return null;
    }
    try {
      const { stdout } = await this.tools.run("tesseract", [file, "-", "--psm", "0", "-l", "osd"], { timeoutMs: 60_000 });
      return osdQuarters(stdout, MIN_OSD_CONFIDENCE);
    } catch (error) {
      // Too little text to tell ("Too few characters"): read as it is.
      if (error instanceof ToolFailedError) return null;
      throw error;
    }
  }

  /** The pixels of the page image `file` (PGM, PNG), or null for another format. */
  private async decoded(file: string): Promise<GreyImage | null> {
    const bytes = await readFile(file);
    return readPgm(bytes) ?? (bytes[0] === 0x89 ? decodePng(bytes) : null);
  }

  /** The page image `file` without its lone specks, as a PGM beside it, when more than SPECKLED of its pixels are
   * specks; null for a clean page, a cleaned one, or an image this reader does not decode (PGM, PNG). */
  private async despeckled(file: string): Promise<string | null> {
    if (file.endsWith("-clean.pgm")) return null;
    const bytes = await readFile(file);
    const image = readPgm(bytes) ?? (bytes[0] === 0x89 ? decodePng(bytes) : null);
    if (image === null || speckShare(image) <= SPECKLED) return null;
    const out = `${file}-clean.pgm`;
    await writeFile(out, pgmOf(despeckle(image)), { mode: 0o600 });
    return out;
  }

  /** The page image `file` with its paper made white (engine/bills/ocr_image.ts evenedLight), as a PGM beside it,
   * when it is lit unevenly or dark; null for an evenly lit page, one already evened, or an image not decoded here. */
  private async evened(file: string): Promise<string | null> {
    if (file.includes("-even")) return null;
    const image = await this.decoded(file);
    if (image === null || !unevenlyLit(image)) return null;
    const out = `${file}-even.pgm`;
    await writeFile(out, pgmOf(evenedLight(image)), { mode: 0o600 });
    return out;
  }

  /** The page image `file` turned by `skew` degrees back to straight, as a PGM beside it; null for an image this
   * reader does not decode (PGM, PNG). */
  private async straightened(file: string, skew: number): Promise<string | null> {
    const bytes = await readFile(file);
    const image = readPgm(bytes) ?? (bytes[0] === 0x89 ? decodePng(bytes) : null);
    if (image === null) return null;
    const out = `${file}-straight.pgm`;
    await writeFile(out, pgmOf(rotateSmall(image, -skew)), { mode: 0o600 });
    return out;
  }

  private async tesseractPage(file: string, options: string[], pageNumber: number): Promise<Page> {
    return (await this.tesseractRead(file, options, pageNumber)).page;
  }

  /** The page tesseract reads in `file`, the skew of its lines (degrees, ocr_image.ts skewDegrees) and the quarter
   * turns that bring it upright if it was read sideways (sidewaysQuarters). */
  private async tesseractRead(file: string, options: string[], pageNumber: number): Promise<{ page: Page; skew: number; quarters: number }> {
    // --oem 1: the LSTM recogniser alone (the legacy one is not loaded).
    const { stdout } = await this.tools.run("tesseract", [file, "-", "--oem", "1", ...options, "tsv"], { timeoutMs: 90_000, maxBytes: 32 * 1024 * 1024 });
    return { page: repairedConfusions(withoutRuleGlyphs(pageFromTesseractTsv(stdout, pageNumber))), skew: skewDegrees(stdout), quarters: sidewaysQuarters(stdout) };
  }

  private async pdfPages(file: string, name: string): Promise<number> {
    const { stdout } = await this.pdfTool("pdfinfo", [file], name, 15_000);
    const pages = /^Pages:\s+(\d+)/m.exec(stdout);
    if (pages === null || Number(pages[1]) === 0) throw new UnreadableDocumentError(`${name} is a PDF without pages.`);
    return Number(pages[1]);
  }

  /** The bill in the first XML file attached to the PDF, or null (none, or refused: a warning says why). */
  private async embeddedXml(file: string, dir: string, ctx: Context): Promise<ExtractedBill | null> {
    const { stdout } = await this.pdfTool("pdfdetach", ["-list", file], ctx.name, 15_000);
    const attachments = [...stdout.matchAll(/^(\d+):\s+(.+)$/gm)].map((m) => ({ index: m[1] ?? "", name: (m[2] ?? "").trim() }));
    const xml = attachments.find((a) => /^(factur-x|zugferd-invoice|xrechnung|zugferd|order-x)\.xml$/i.test(a.name)) ?? attachments.find((a) => /\.xml$/i.test(a.name));
    if (xml === undefined) return null;
    const out = path.join(dir, "embedded.xml");
    await this.pdfTool("pdfdetach", ["-save", xml.index, "-o", out, file], ctx.name, 15_000);
    const size = (await stat(out)).size;
    if (size > MAX_BILL_XML_BYTES) {
      ctx.warnings.push(`The XML invoice embedded in ${ctx.name} has ${size} bytes (more than ${MAX_BILL_XML_BYTES}); it was not read, the visible document was.`);
      return null;
    }
    try {
      return this.readXml((await readFile(out, "utf8")).replace(/^\uFEFF/, ""), ctx.name, false, ctx.warnings);
    } catch (error) {
      if (error instanceof XmlInvoiceError) return null;
      throw error;
    }
  }

  /** Run a poppler program; its failure on this file is the file's fault (422), its absence the server's. */
  private async pdfTool(tool: string, args: string[], name: string, timeoutMs: number) {
    try {
      return await this.tools.run(tool, args, { timeoutMs });
    } catch (error) {
      if (error instanceof ToolMissingError) {
        throw new UnreadableDocumentError(`${tool} (Debian package poppler-utils) is not installed on the endpoint's server, so PDFs cannot be read; see README.`);
      }
      if (error instanceof ToolFailedError) {
        if (/incorrect password|encrypted/i.test(error.stderr)) {
          throw new UnreadableDocumentError(`${name} is encrypted with a password; ask the vendor for an unprotected copy.`);
        }
        if (error.timedOut) throw new UnreadableDocumentError(`${name} took too long to read (${tool}); it may be damaged or far too complex.`);
        throw new UnreadableDocumentError(`${name} is damaged or not a PDF (${tool}: ${firstLine(error.stderr)}).`);
      }
      throw error;
    }
  }
}

/** One OCR'd page: what was read, the image and the options it was read with, and whether it was read upright
 * (--psm 3; a page tesseract turned itself, --psm 1, gets no second reading). */
interface OcrReading {
  page: Page;
  file: string;
  options: string[];
  upright: boolean;
}

interface Context {
  request: ExtractBillRequest;
  name: string;
  warnings: string[];
  ocr: OcrStatus;
  options: ExtractOptions;
}

interface OcrStatus {
  available: boolean;
  languages: string[];
  /** Tesseract's orientation data (Debian's tesseract-ocr-osd) is installed: pages on their side are turned. */
  osd: boolean;
}

interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

const area = (w: Word) => Math.max(0, w.x1 - w.x0) * Math.max(0, w.y1 - w.y0);
function overlap(a: Word, b: Word): number {
  return Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
}

/** `page` with `added` words among its own, lines and cells formed again. */
function withWords(page: Page, added: readonly Word[]): Page {
  const own = page.lines.flatMap((l) => l.cells.flatMap((c) => c.words));
  const merged = pageFromWords(page.number, page.width, page.height, [...own, ...added]);
  // The page's confidence stays the text layer's: the OCR'd words' own confidence goes to the fields they give.
  return { ...merged, conf: page.conf };
}

/** Mean OCR confidence of the words of `page` that came from pictures (conf < 1), 1 when none. */
function pictureConf(page: Page | undefined): number {
  const words = (page?.lines ?? []).flatMap((l) => l.cells.flatMap((c) => c.words)).filter((w) => w.conf < 1);
  return words.length === 0 ? 1 : words.reduce((s, w) => s + w.conf, 0) / words.length;
}

/** `text` (the text layer's reading) with what `reread` (the same pages with their pictures' words) adds: a field the
 * text left unread, or read below WEAK_TEXT_FIELD and now read otherwise and surer, is taken, marked readBy "ocr"
 * and capped (PICTURE_FIELD_CAP, times the scan path's OCR factor). When every field the text read is read alike,
 * the reread bill is the result (its lines, taxes and checks saw the whole page); else the text's bill with the added
 * fields, checked again. `text` itself when nothing is added. */
function completeFromPictures(text: ExtractedBill, reread: ExtractedBill, pages: readonly Page[], today: string): ExtractedBill {
  const names = Object.keys(text.fields) as BillFieldName[];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const added = names.filter((name) => {
    const before = text.fields[name];
    const after = reread.fields[name];
    if (after === null) return false;
    if (before === null) return true;
    return before.confidence < WEAK_TEXT_FIELD && !same(before.value, after.value) && after.confidence > before.confidence;
  });
  if (added.length === 0) return text;
  const fields = { ...text.fields } as Record<BillFieldName, ExtractedBill["fields"][BillFieldName]>;
  for (const name of added) {
    const field = reread.fields[name] as NonNullable<ExtractedBill["fields"][BillFieldName]>;
    const factor = 0.75 + 0.25 * pictureConf(pages.find((p) => p.number === field.page));
    fields[name] = { ...field, confidence: Math.round(Math.min(PICTURE_FIELD_CAP, field.confidence * factor) * 100) / 100, readBy: "ocr" } as typeof field;
  }
  const kept = names.filter((name) => !added.includes(name) && text.fields[name] !== null);
  if (kept.every((name) => same(text.fields[name]?.value, reread.fields[name]?.value))) {
    const result = { ...reread, fields: { ...reread.fields } } as ExtractedBill;
    for (const name of added) (result.fields as Record<string, unknown>)[name] = fields[name];
    // The text layer's own fields keep the text layer's confidences and sources.
    for (const name of kept) (result.fields as Record<string, unknown>)[name] = text.fields[name];
    return result;
  }
  return checkBill({ ...text, fields: fields as ExtractedBill["fields"] }, today);
}

function wordCount(page: Page): number {
  return page.lines.reduce((n, l) => n + l.cells.reduce((m, c) => m + c.words.length, 0), 0);
}

/** Words OCR is sure of (confidence ≥ 0.85): how well a page was read. */
function sureWords(page: Page): number {
  return page.lines.reduce((n, l) => n + l.cells.reduce((m, c) => m + c.words.filter((w) => w.conf >= 0.85).length, 0), 0);
}

/** `work` over `items`, at most `limit` at a time; results in the items' order. */
async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function firstLine(text: string): string {
  return (text.trim().split("\n")[0] ?? "").slice(0, 200) || "no message";
}

function checked(response: ExtractBillResponse): ExtractBillResponse {
  const parsed = ExtractBillResponseSchema.safeParse(response);
  if (!parsed.success) throw new ResponseContractError(`bill reply breaks the contract: ${parsed.error.message}`);
  return parsed.data;
}
