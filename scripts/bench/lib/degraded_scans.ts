// The bills bench's degraded scans (issue 13: "rotated scans", real scanners and phones): the TUNING split's documents
// (real_invoices.ts inReportSplit; the report split is never used here) and the synthetic tuning bills, drawn with
// pdftoppm and then degraded in code the way real scans are: turned 90/180/270°, skewed 2-3°, scanned at 150 dpi,
// JPEG-compressed (quality 40), salted with specks, grey and low in contrast, and a phone photo of the page (turned,
// skewed, grey, JPEG). Each degraded page is handed to the bill service as a scanner would: a PDF holding the image
// (read through pdftoppm at 300 dpi), or an image file (PNG, JPEG, TIFF: read by tesseract as it is). No image
// library: the pixels are transformed here, PNG and PDF written here, JPEG and TIFF written by pdftoppm from a PDF
// holding the degraded image at its own resolution. Scored per degradation: each header field, all header fields
// right, header fields wrong at confidence ≥ the auto grade, CPU seconds per page (this process and its children).
// Run: npx tsx scripts/bench_bills.ts --degraded-only [--quick] [--only=<degradation or document name part>].
import { cpuWithChildren } from "./cpu";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BillFieldName, ExtractBillResponse } from "../../../web_src/contracts/bills";
import { AUTO_CONFIDENCE } from "../../../web_src/contracts/reconcile";
import type { BillService } from "../../../web_src/endpoint/services/bills";
import { readPgm, rotateQuarter, rotateSmall, type GreyImage } from "../../../web_src/engine/bills/ocr_image";
import { makePdf } from "../../../test/engine/bills/pdf_fixture";
import { pngOf, scannedPdf, speckled } from "../../../test/engine/bills/ocr_fixture";
import { HEADER, invoiceCases, right, type Truth } from "./real_invoices";
import { syntheticBills } from "./synthetic_bills";

interface Doc {
  name: string;
  pdf: Buffer;
  truth: Truth;
}

interface Degraded {
  fileName: string;
  bytes: Buffer;
}

export interface Degradation {
  name: string;
  /** The pages of the clean document drawn at `dpi`, in, the file a scanner or phone would give, out. */
  dpi: number;
  make: (pages: GreyImage[], dpi: number, dir: string) => Degraded;
}

// ---- pixels -------------------------------------------------------------------------------------------------------

/** Grey paper and faded ink: 0..255 mapped onto ink..paper. */
export function lowContrast(image: GreyImage, ink: number, paper: number): GreyImage {
  const out = new Uint8Array(image.grey.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.round(ink + ((image.grey[i] ?? 255) * (paper - ink)) / 255);
  return { ...image, grey: out };
}

// ---- files --------------------------------------------------------------------------------------------------------

/** The first page as a JPEG or TIFF file, written by pdftoppm from a PDF holding the image at its own resolution
 * (the pixels come out as they went in, then compressed). */
function viaPoppler(image: GreyImage, dpi: number, dir: string, format: "jpeg" | "tiff", quality = 75): Buffer {
  const src = path.join(dir, "degraded.pdf");
  writeFileSync(src, scannedPdf([image], dpi));
  const out = path.join(dir, "degraded");
  const options = format === "jpeg" ? ["-jpeg", "-jpegopt", `quality=${quality}`] : ["-tiff", "-tiffcompression", "lzw"];
  execFileSync("pdftoppm", ["-r", String(dpi), "-gray", "-singlefile", ...options, src, out]);
  return readFileSync(`${out}.${format === "jpeg" ? "jpg" : "tif"}`);
}

const each = (f: (image: GreyImage, i: number) => GreyImage) => (pages: GreyImage[]) => pages.map(f);

export const DEGRADATIONS: readonly Degradation[] = [
  { name: "clean scan (PDF, 300 dpi)", dpi: 300, make: (p, dpi) => ({ fileName: "scan.pdf", bytes: scannedPdf(p, dpi) }) },
  { name: "turned 90° (PDF)", dpi: 300, make: (p, dpi) => ({ fileName: "scan.pdf", bytes: scannedPdf(each((i) => rotateQuarter(i, 1))(p), dpi) }) },
  { name: "turned 180° (PDF)", dpi: 300, make: (p, dpi) => ({ fileName: "scan.pdf", bytes: scannedPdf(each((i) => rotateQuarter(i, 2))(p), dpi) }) },
  { name: "turned 270° (PDF)", dpi: 300, make: (p, dpi) => ({ fileName: "scan.pdf", bytes: scannedPdf(each((i) => rotateQuarter(i, 3))(p), dpi) }) },
  { name: "skewed +2.5° (PDF)", dpi: 300, make: (p, dpi) => ({ fileName: "scan.pdf", bytes: scannedPdf(each((i) => rotateSmall(i, 2.5))(p), dpi) }) },
  { name: "skewed -3° (PDF)", dpi: 300, make: (p, dpi) => ({ fileName: "scan.pdf", bytes: scannedPdf(each((i) => rotateSmall(i, -3))(p), dpi) }) },
  { name: "150 dpi (PNG)", dpi: 150, make: (p, dpi) => ({ fileName: "scan.png", bytes: pngOf(p[0] as GreyImage, dpi) }) },
  { name: "150 dpi (TIFF)", dpi: 150, make: (p, dpi, dir) => ({ fileName: "scan.tif", bytes: viaPoppler(p[0] as GreyImage, dpi, dir, "tiff") }) },
  { name: "JPEG q40, 200 dpi", dpi: 200, make: (p, dpi, dir) => ({ fileName: "scan.jpg", bytes: viaPoppler(p[0] as GreyImage, dpi, dir, "jpeg", 40) }) },
  { name: "specks 1 % + grain (PDF)", dpi: 300, make: (p, dpi) => ({ fileName: "scan.pdf", bytes: scannedPdf(each((i, n) => speckled(i, 0.01, 20, n + 1))(p), dpi) }) },
  { name: "low contrast, grey (PNG)", dpi: 300, make: (p, dpi) => ({ fileName: "scan.png", bytes: pngOf(lowContrast(p[0] as GreyImage, 110, 200), dpi) }) },
  {
    name: "phone photo: 90°, 1.5°, grey, JPEG q50, 150 dpi",
    dpi: 150,
    make: (p, dpi, dir) => ({ fileName: "photo.jpg", bytes: viaPoppler(speckled(lowContrast(rotateSmall(rotateQuarter(p[0] as GreyImage, 1), 1.5), 60, 215), 0, 12), dpi, dir, "jpeg", 50) }),
  },
];

// ---- the documents ------------------------------------------------------------------------------------------------

/** The tuning split's PDFs that poppler draws as printed, and the synthetic tuning bills; never the report split. */
function documents(dataDir: string, quick: boolean, drawable: (file: string) => boolean): Doc[] {
  const all = invoiceCases(dataDir);
  const real = [...all.pdfs, ...all.xml].filter((c) => !c.heldOut && drawable(c.file));
  const unique = real.filter((c, i) => real.findIndex((d) => path.basename(d.file) === path.basename(c.file)) === i);
  const chosen = quick ? unique.filter((c) => !c.name.includes("ZUGFeRD")) : unique;
  const docs: Doc[] = chosen.map((c) => ({ name: c.name, pdf: readFileSync(c.file), truth: visibleTruth(c.file, c.truth) }));
  const synthetic = syntheticBills(quick ? 1 : 2).filter((_, i) => !quick || i % 2 === 0);
  docs.push(...synthetic.map((b) => ({ name: b.name, pdf: makePdf({ pages: [b.lines] }), truth: b.truth })));
  return docs;
}

/** The truth less the identifiers the visible page does not print (an XML's number the page writes otherwise). */
function visibleTruth(file: string, truth: Truth): Truth {
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, "").toLowerCase();
  const out: Truth = { ...truth };
  if (out.invoiceNumber !== undefined && !text.includes(String(out.invoiceNumber).replace(/\s+/g, "").toLowerCase())) delete out.invoiceNumber;
  return out;
}

/** The document's pages drawn grey at `dpi` (at most 3 pages: the bench measures pages, not volume). */
function drawPages(pdf: Buffer, dpi: number, dir: string): GreyImage[] {
  const src = path.join(dir, "clean.pdf");
  writeFileSync(src, pdf);
  execFileSync("pdftoppm", ["-r", String(dpi), "-gray", "-f", "1", "-l", "3", src, path.join(dir, "page")]);
  const files = execFileSync("ls", [dir], { encoding: "utf8" }).split("\n").filter((f) => /^page-\d+\.pgm$/.test(f)).sort();
  const pages = files.map((f) => readPgm(readFileSync(path.join(dir, f))) as GreyImage);
  for (const f of files) rmSync(path.join(dir, f));
  return pages;
}

export interface DegradedRow {
  degradation: string;
  documents: number;
  pages: number;
  allHeader: number;
  perField: Partial<Record<BillFieldName, { n: number; right: number }>>;
  wrong: number;
  wrongConfident: number;
  empty: number;
  cpuPerPage: number;
  wallPerPage: number;
  misses: string[];
}

/** Every degradation over every document; prints the table and returns the rows. */
export async function degradedBench(
  service: BillService,
  options: { dataDir: string; quick: boolean; only?: string | undefined; drawable: (file: string) => boolean },
): Promise<DegradedRow[]> {
  // --only=<part>: the documents whose name holds it, or the degradations whose name holds it (else all of either).
  const only = options.only;
  const allDocs = documents(options.dataDir, options.quick, options.drawable);
  const focused = only !== undefined && allDocs.some((d) => d.name.includes(only)) ? allDocs.filter((d) => d.name.includes(only)) : allDocs;
  const degradations = only !== undefined && DEGRADATIONS.some((g) => g.name.includes(only)) ? DEGRADATIONS.filter((g) => g.name.includes(only)) : DEGRADATIONS;
  console.log(`\n-- Degraded scans (tuning split + synthetic tuning bills): ${focused.length} documents × ${degradations.length} degradations${options.quick ? " (quick)" : ""} --`);
  const dir = mkdtempSync(path.join(tmpdir(), "aib-bench-degraded-"));
  const rows: DegradedRow[] = [];
  try {
    const drawn = new Map<string, GreyImage[]>();
    for (const g of degradations) {
      const row: DegradedRow = { degradation: g.name, documents: 0, pages: 0, allHeader: 0, perField: {}, wrong: 0, wrongConfident: 0, empty: 0, cpuPerPage: 0, wallPerPage: 0, misses: [] };
      let cpu = 0;
      let wall = 0;
      for (const doc of focused) {
        const key = `${doc.name}@${g.dpi}`;
        let pages = drawn.get(key);
        if (pages === undefined) {
          pages = drawPages(doc.pdf, g.dpi, dir);
          drawn.set(key, pages);
        }
        const file = g.make(pages, g.dpi, dir);
        // An image file holds one page: a multi-page document is scored only in the PDF degradations.
        if (!file.fileName.endsWith(".pdf") && pages.length > 1) continue;
        const pageCount = pages.length;
        const cpu0 = cpuWithChildren();
        const t0 = performance.now();
        let reply: ExtractBillResponse | null = null;
        try {
          reply = await service.extract({ fileName: file.fileName, mimeType: "", contentBase64: file.bytes.toString("base64") }, { ignoreEmbeddedXml: true });
        } catch {
          reply = null;
        }
        cpu += cpuWithChildren() - cpu0;
        wall += (performance.now() - t0) / 1000;
        row.documents++;
        row.pages += pageCount;
        const bill = reply?.documents[0];
        let all = true;
        const missed: string[] = [];
        for (const k of HEADER) {
          if (doc.truth[k] === undefined) continue;
          // A one-page image of a multi-page document is scored on the fields its first page prints.
          const field = bill?.fields[k] ?? null;
          const ok = right(k, field?.value, doc.truth);
          const cell = (row.perField[k] ??= { n: 0, right: 0 });
          cell.n++;
          if (ok) cell.right++;
          else {
            all = false;
            missed.push(k);
            if (field === null) row.empty++;
            else {
              row.wrong++;
              if (field.confidence >= AUTO_CONFIDENCE) row.wrongConfident++;
            }
          }
        }
        if (all) row.allHeader++;
        else row.misses.push(`${doc.name} (${missed.join(", ")})`);
      }
      row.cpuPerPage = cpu / Math.max(1, row.pages);
      row.wallPerPage = wall / Math.max(1, row.pages);
      rows.push(row);
      const pct = (n: number, d: number) => (d === 0 ? "—" : `${((100 * n) / d).toFixed(0)} %`);
      const fields = HEADER.map((k) => {
        const c = row.perField[k];
        return c === undefined ? "" : `${k} ${c.right}/${c.n}`;
      }).filter((s) => s !== "");
      console.log(`${g.name.padEnd(48)} all header ${String(row.allHeader).padStart(2)}/${row.documents} (${pct(row.allHeader, row.documents).padStart(5)})  wrong ${row.wrong} (≥ ${AUTO_CONFIDENCE}: ${row.wrongConfident}), empty ${row.empty}  CPU ${row.cpuPerPage.toFixed(2)} s/page, wall ${row.wallPerPage.toFixed(2)} s/page`);
      console.log(`    ${fields.join("  ")}`);
      if (row.misses.length > 0) console.log(`    not all right: ${row.misses.join("; ")}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`load average: ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
  return rows;
}
