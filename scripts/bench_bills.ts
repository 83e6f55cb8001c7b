// Vendor-bill reading, measured on real documents (npm run bench, or `npx tsx scripts/bench_bills.ts [--quick]`).
// Corpus: ../shared/data/invoices (see its README): invoice2data's PDFs/PNGs with <name>.json ground truth, and
// OCA's Factur-X / ZUGFeRD / UBL PDFs whose embedded XML is the truth. Three groups, each scored per field and as
// "all header fields right" (vendor, number, invoice date, due date, currency, untaxed, tax, total - those the truth
// states - and the document kind where the truth states it: an e-invoice's type code, 381 etc. a credit note; amounts
// compared positive, as the contract states a credit note's, so a credit note read as an invoice is a wrong field;
// each table also counts the credit notes read as such and those booked as invoices):
//   text PDFs      the VISIBLE document alone: embedded XML ignored, the text layer read
//   scans          the PNGs, and every PDF rendered to 300-dpi images (pdftoppm) and OCR'd (tesseract)
//   embedded XML   the PDFs with an XML invoice, read the normal way (XML first)
// Beside ours, what Odoo 18 Community alone fills in, by this rule: Odoo's account_edi_ubl_cii imports the XML of
// Factur-X / ZUGFeRD 2 (CII, namespace ...:CrossIndustryInvoice:100) and UBL, so for those documents it gets every
// header field the XML holds (scored with the same truth logic); for a plain PDF, a scan or ZUGFeRD 1.0
// (urn:ferd:CrossIndustryDocument:invoice:1p0) it fills in nothing.
// Two splits (scripts/bench/lib/real_invoices.ts inReportSplit: the files held out since the first stop plus a hash
// of the file name): the tuning split, whose wrong values `--details` prints, and the report split, shown apart and
// never looked at document by document. Options: --quick, --no-ocr, --details, --only=<part of a file name>,
// --synthetic-only, --heldout-only (the independent generator's layouts alone: scripts/bench/lib/heldout_bills.ts,
// report data - per field and per family only, with the count of wrong values at confidence >= 0.95; text layer and
// the same PDFs as scans at 200 dpi and at 300 dpi rotated with noise, through the scan path). The synthetic layouts
// of scripts/bench/lib/synthetic_bills.ts: families A-K, all TUNING since stop 24 (E-G were held out before; the
// independent generator took their place), so --details prints their wrong fields too.
// --heldout-b-only: the SECOND independent generator's layouts alone (scripts/bench/lib/heldout_bills_b.ts, 13
// families written without reading the extractor nor the other generators), report data like --heldout-only: text
// layer, the receiving company's name sent, and 2 bills per family as 200-dpi scans turned and noised.
// A second corpus, github:ZUGFeRD/corpus outside the repo (BILLS_CORPUS_DIR), scored the same way with its own split
// (scripts/bench/lib/zugferd_corpus.ts); --corpus-only runs it alone, --no-ocr and --only apply to it.
// A third real corpus, REPORT data only (scripts/bench/lib/extra_corpus.ts, BILLS_EXTRA_CORPUS_DIR, rebuilt by
// scripts/fetch_extra_corpus.sh): the e-invoice samples of other public repositories, deduplicated against the shared
// data and the ZUGFeRD corpus; aggregates per field and per source repository only. --extra-only runs it alone.
// Invoices printed by Odoo itself (scripts/make_odoo_rendered_bills.mjs writes them to BILLS_ODOO_RENDERED_DIR,
// default ../corpus/odoo-rendered): its seven document layouts, five languages, the Factur-X XML it embeds as the
// truth. seed-7 is tuning data (--details prints its misses), seed-2026 report data (aggregates per layout only).
// --odoo-rendered-only runs them alone; the full run includes them when they are there.
// Times: wall time per text PDF and per scanned page on this machine. Results: stdout, .artifacts/bench-bills.json.
import { cpuWithChildren } from "./bench/lib/cpu";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BillFieldName, ExtractBillRequest, ExtractBillResponse, ExtractedBill } from "../web_src/contracts/bills";
import { BillService } from "../web_src/endpoint/services/bills";
import { makePdf } from "../test/engine/bills/pdf_fixture";
import { EXTRA, HEADER, TODAY, invoiceCases, locateInvoices, right, type Case } from "./bench/lib/real_invoices";
import { syntheticBills } from "./bench/lib/synthetic_bills";
import { HELDOUT_FAMILIES, HELDOUT_REPORT_SEED, distort, greyPng, heldoutBills, imagePdf, parsePgm } from "./bench/lib/heldout_bills";
import { HELDOUT_B_FAMILIES, HELDOUT_B_SEED, heldoutBillsB } from "./bench/lib/heldout_bills_b";
import { corpusCases, locateCorpus } from "./bench/lib/zugferd_corpus";
import { extraCases, knownDocuments, locateExtraCorpus } from "./bench/lib/extra_corpus";
import { degradedBench } from "./bench/lib/degraded_scans";
import { reliabilityTable, type ConfidenceOutcome, type ReliabilityRow } from "./bench/lib/reliability";
import { AUTO_CONFIDENCE as HIGH_CONFIDENCE } from "../web_src/contracts/reconcile";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DATA = locateInvoices().dir;
const QUICK = process.argv.includes("--quick") || process.env.BENCH_QUICK === "1";
/** Skip the OCR group (a quick loop while developing). */
const NO_OCR = process.argv.includes("--no-ocr");
/** Print, for the tuning split only, each wrong field with what was read and what the truth says. */
const DETAILS = process.argv.includes("--details");
/** Only the synthetic layouts (scripts/bench/lib/synthetic_bills.ts), no real documents. */
const SYNTHETIC_ONLY = process.argv.includes("--synthetic-only");
/** Only the held-out layouts of the independent generator (scripts/bench/lib/heldout_bills.ts). */
const HELDOUT_ONLY = process.argv.includes("--heldout-only");
/** Only the held-out layouts of the second independent generator (scripts/bench/lib/heldout_bills_b.ts). */
const HELDOUT_B_ONLY = process.argv.includes("--heldout-b-only");
/** Only the second real corpus (ZUGFeRD/corpus, scripts/bench/lib/zugferd_corpus.ts). */
const CORPUS_ONLY = process.argv.includes("--corpus-only");
/** Only the third real corpus (report data: scripts/bench/lib/extra_corpus.ts, BILLS_EXTRA_CORPUS_DIR). */
const EXTRA_ONLY = process.argv.includes("--extra-only");
/** Odoo's own printed invoices alone (BILLS_ODOO_RENDERED_DIR). */
const ODOO_RENDERED_ONLY = process.argv.includes("--odoo-rendered-only");
const ODOO_RENDERED_DIR = process.env["BILLS_ODOO_RENDERED_DIR"] ?? path.resolve(ROOT, "..", "corpus", "odoo-rendered");
/** The generator's seeds (scripts/make_odoo_rendered_bills.mjs): tuning, then report. */
const ODOO_RENDERED_SEEDS = { tuning: "seed-7", report: "seed-2026" } as const;
/** Synthetic bills per layout family. */
const SYNTHETIC_PER_FAMILY = QUICK ? 10 : 40;
/** Only the files whose name contains this (a loop on one document). */
const ONLY = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);

const tools = ["pdftotext", "pdfinfo", "pdfdetach", "pdftoppm", "tesseract"];
function missingTools(): string[] {
  return tools.filter((t) => {
    try {
      execFileSync(t, [t === "pdfinfo" || t === "pdftotext" || t === "pdfdetach" || t === "pdftoppm" ? "-v" : "--version"], { stdio: "ignore" });
      return false;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === "ENOENT";
    }
  });
}

/** Whether poppler draws the PDF's pages as printed: a damaged embedded font (the corpus's Facture_FR_* files have a
 * font stream that lost a byte) is drawn as boxes, and an image of boxes is no scan of the document. */
function drawable(file: string): boolean {
  const run = spawnSync("pdftoppm", ["-r", "10", "-gray", file, path.join(tmpdir(), `aib-bench-draw-${process.pid}`)], { encoding: "utf8" });
  for (const f of readdirSync(tmpdir()).filter((n) => n.startsWith(`aib-bench-draw-${process.pid}`))) rmSync(path.join(tmpdir(), f), { force: true });
  return !/couldn't create a font|could not create truetype face/i.test(run.stderr ?? "");
}

interface Scored {
  name: string;
  heldOut: boolean;
  perField: Partial<Record<BillFieldName, boolean>>;
  /** What was read and what was expected, for the wrong fields. */
  wrong: Partial<Record<BillFieldName, { read: unknown; truth: unknown; confidence: number | null }>>;
  odoo: Partial<Record<BillFieldName, boolean>>;
  allHeader: boolean;
  odooAllHeader: boolean;
  seconds: number;
  /** CPU seconds of this process and the programs it ran (pdftoppm, tesseract), from /proc/self/stat. */
  cpuSeconds: number;
  pages: number;
  warnings: string[];
  /** Each header field read (a value given), with its confidence and whether it is right: the reliability table. */
  outcomes: ConfidenceOutcome[];
  /** A due date read (with its confidence) where the truth has none. */
  dueWithoutTruth: number | null;
  /** The truth is a credit note: the kind read (null: none, an invoice). Null for every other document. */
  creditNote: { read: string | null } | null;
}

/** The visible text of a PDF, squeezed (no spaces, lower case), to tell whether an identifier is printed at all. */
const visible = new Map<string, string>();
function printed(file: string, value: string | number): boolean {
  if (!file.toLowerCase().endsWith(".pdf")) return true;
  let text = visible.get(file);
  if (text === undefined) {
    text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, "").toLowerCase();
    visible.set(file, text);
  }
  return text.includes(String(value).replace(/\s+/g, "").toLowerCase());
}
/** Identifiers taken from an embedded XML that the visible document does not print (the XML's number is
 * "00.123.456.7-2014-1", the page says "Nr. 00.123.456.7"): not scored on the visible document, counted apart. */
const notPrinted: string[] = [];
const IDENTIFIERS: readonly BillFieldName[] = ["invoiceNumber", "vendorEmail", "purchaseOrderRef"];

function score(c: Case, reply: ExtractBillResponse | null, seconds: number, cpuSeconds: number, pages: number, warnings: string[], visibleOnly: boolean): Scored {
  const bill: ExtractedBill | undefined = reply?.documents[0];
  const perField: Partial<Record<BillFieldName, boolean>> = {};
  const odoo: Partial<Record<BillFieldName, boolean>> = {};
  const wrong: Scored["wrong"] = {};
  for (const k of [...HEADER, ...EXTRA]) {
    if (c.truth[k] === undefined) continue;
    if (visibleOnly && IDENTIFIERS.includes(k) && !printed(c.file, c.truth[k] as string)) {
      if (!notPrinted.includes(`${path.basename(c.file)} ${k}`)) notPrinted.push(`${path.basename(c.file)} ${k}`);
      continue;
    }
    perField[k] = right(k, bill?.fields[k]?.value, c.truth);
    odoo[k] = right(k, c.odoo[k], c.truth);
    if (!perField[k]) wrong[k] = { read: bill?.fields[k]?.value ?? null, truth: c.truth[k], confidence: bill?.fields[k]?.confidence ?? null };
  }
  const header = HEADER.filter((k) => perField[k] !== undefined);
  const outcomes = header.flatMap((k) => {
    const field = bill?.fields[k];
    return field?.value === null || field?.value === undefined ? [] : [{ confidence: field.confidence, correct: perField[k] === true }];
  });
  return {
    name: c.name,
    heldOut: c.heldOut,
    perField,
    wrong,
    odoo,
    allHeader: header.every((k) => perField[k] === true),
    odooAllHeader: header.every((k) => odoo[k] === true),
    seconds,
    cpuSeconds,
    pages,
    warnings,
    outcomes,
    dueWithoutTruth: c.truth.dueDate === undefined && bill?.fields.dueDate?.value != null ? bill.fields.dueDate.confidence : null,
    creditNote: c.truth.documentKind === "credit_note" ? { read: bill?.fields.documentKind?.value ?? null } : null,
  };
}

async function runCase(service: BillService, c: Case, options: { ignoreEmbeddedXml?: boolean; forceOcr?: boolean }, content?: Buffer, company?: ExtractBillRequest["company"]): Promise<Scored> {
  const bytes = content ?? readFileSync(c.file);
  const started = performance.now();
  const cpuStarted = cpuWithChildren();
  let reply: ExtractBillResponse | null = null;
  const warnings: string[] = [];
  try {
    reply = await service.extract({ fileName: path.basename(c.file), mimeType: "", contentBase64: bytes.toString("base64"), ...(company === undefined ? {} : { company }) }, options);
    warnings.push(...reply.warnings);
  } catch (error) {
    warnings.push(`error: ${(error as Error).message}`);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpuWithChildren() - cpuStarted;
  const pages = reply === null ? 1 : Math.max(...reply.documents.map((d) => d.pageTo));
  return score(c, reply, seconds, cpuSeconds, pages, warnings, options.ignoreEmbeddedXml === true);
}

function pct(n: number, d: number): string {
  return d === 0 ? "   —  " : `${((100 * n) / d).toFixed(1).padStart(5)} %`;
}

function table(title: string, rows: readonly Scored[], target: number | null): Record<string, unknown> {
  console.log(`\n-- ${title}: ${rows.length} documents --`);
  if (rows.length === 0) return {};
  console.log(`${"field".padEnd(22)}${"n".padStart(4)}  ${"ours".padStart(8)}  ${"Odoo CE alone".padStart(13)}`);
  const out: Record<string, unknown> = {};
  for (const k of [...HEADER, ...EXTRA]) {
    const scored = rows.filter((r) => r.perField[k] !== undefined);
    if (scored.length === 0) continue;
    const ours = scored.filter((r) => r.perField[k] === true).length;
    const odoo = scored.filter((r) => r.odoo[k] === true).length;
    console.log(`${k.padEnd(22)}${String(scored.length).padStart(4)}  ${pct(ours, scored.length).padStart(8)}  ${pct(odoo, scored.length).padStart(13)}`);
    out[k] = { n: scored.length, ours, odoo };
  }
  // A confident wrong field is worse than an empty one: how many wrong header fields were above the review threshold.
  const wrongHeader = rows.flatMap((r) => Object.entries(r.wrong).filter(([k, w]) => HEADER.includes(k as BillFieldName) && w.read !== null));
  const confident = wrongHeader.filter(([, w]) => (w.confidence ?? 0) >= HIGH_CONFIDENCE).length;
  const empty = rows.flatMap((r) => Object.entries(r.wrong).filter(([k, w]) => HEADER.includes(k as BillFieldName) && w.read === null)).length;
  console.log(`  header fields wrong: ${wrongHeader.length} (${confident} at confidence ≥ ${HIGH_CONFIDENCE}, ${wrongHeader.length - confident} below), empty: ${empty}`);
  out["wrongHeaderFields"] = { wrong: wrongHeader.length, confident, empty };
  // Credit notes by their truth: read as such, or booked as invoices (kind read "invoice", or not read: an invoice).
  const credits = rows.filter((r) => r.creditNote !== null);
  if (credits.length > 0 || rows.some((r) => r.perField.documentKind === false)) {
    const asInvoice = credits.filter((r) => r.perField.documentKind !== true);
    const asInvoiceSure = asInvoice.filter((r) => (r.wrong.documentKind?.confidence ?? 0) >= HIGH_CONFIDENCE).length;
    const falseCredit = rows.filter((r) => r.creditNote === null && r.perField.documentKind === false);
    console.log(`  credit notes (truth): ${credits.length}, read as credit notes ${credits.length - asInvoice.length}, booked as invoices ${asInvoice.length} (${asInvoiceSure} at ≥ ${HIGH_CONFIDENCE}); invoices read as credit notes: ${falseCredit.length}`);
    out["creditNotes"] = { n: credits.length, read: credits.length - asInvoice.length, asInvoice: asInvoice.length, asInvoiceConfident: asInvoiceSure, invoicesAsCredit: falseCredit.length };
  }
  const all = rows.filter((r) => r.allHeader).length;
  const odooAll = rows.filter((r) => r.odooAllHeader).length;
  const verdict = target === null ? "" : `   target ≥ ${target} %: ${(100 * all) / rows.length >= target ? "met" : "NOT met"}`;
  console.log(`${"ALL HEADER FIELDS".padEnd(22)}${String(rows.length).padStart(4)}  ${pct(all, rows.length).padStart(8)}  ${pct(odooAll, rows.length).padStart(13)}${verdict}`);
  const wrong = rows.filter((r) => !r.allHeader && !r.heldOut).map((r) => `${r.name} (${Object.entries(r.perField).filter(([k, ok]) => !ok && HEADER.includes(k as BillFieldName)).map(([k]) => k).join(", ")})`);
  if (wrong.length > 0) console.log(`  not all right: ${wrong.join("; ")}`);
  if (DETAILS) {
    for (const r of rows.filter((x) => !x.heldOut)) {
      for (const [k, w] of Object.entries(r.wrong)) console.log(`    ${r.name} ${k}: read ${JSON.stringify(w.read)} (${w.confidence ?? "-"}), truth ${JSON.stringify(w.truth)}`);
    }
  }
  out["allHeader"] = { n: rows.length, ours: all, odoo: odooAll };
  return out;
}

function timing(label: string, rows: readonly Scored[], perPage: boolean, limit: number): Record<string, number> {
  if (rows.length === 0) return {};
  const values = rows.map((r) => r.seconds / (perPage ? Math.max(1, r.pages) : 1)).sort((a, b) => a - b);
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const max = values[values.length - 1] ?? 0;
  const p50 = values[Math.floor(values.length / 2)] ?? 0;
  const cpu = rows.map((r) => (perPage ? r.cpuSeconds / Math.max(1, r.pages) : r.cpuSeconds)).sort((a, b) => a - b);
  const cpuMean = cpu.reduce((s, v) => s + v, 0) / Math.max(1, cpu.length);
  console.log(`${label}: wall median ${p50.toFixed(2)} s, mean ${mean.toFixed(2)} s, max ${max.toFixed(2)} s; CPU mean ${cpuMean.toFixed(2)} s, max ${(cpu[cpu.length - 1] ?? 0).toFixed(2)} s (target ≤ ${limit} s: ${max <= limit ? "met" : mean <= limit ? "met on average, not for every file" : "NOT met"})`);
  return { median: p50, mean, max, cpuMean, cpuMax: cpu[cpu.length - 1] ?? 0 };
}

async function main(): Promise<number> {
  if (!existsSync(DATA)) {
    console.log(`bills bench skipped: ${DATA} not found (the shared invoice data)`);
    return 0;
  }
  const missing = missingTools();
  if (missing.length > 0) {
    console.log(`bills bench skipped: ${missing.join(", ")} not installed (Debian: poppler-utils, tesseract-ocr)`);
    return 0;
  }
  const service = new BillService({ validateResponses: true, today: () => TODAY });

  if (SYNTHETIC_ONLY) return synthetic(service, {});
  if (HELDOUT_ONLY) return saveGroup("bench-bills-heldout.json", "held-out layouts", await heldoutLayouts(service));
  if (HELDOUT_B_ONLY) return saveGroup("bench-bills-heldout-b.json", "second held-out generator's layouts", await heldoutLayoutsB(service));
  if (CORPUS_ONLY) return save(await corpus(service));
  if (EXTRA_ONLY) return saveGroup("bench-bills-extra.json", "extra corpus", await extraCorpus(service));
  if (ODOO_RENDERED_ONLY) return saveGroup("bench-bills-odoo-rendered.json", "Odoo-printed invoices", await odooRendered(service));
  // Degraded scans of the tuning split (scripts/bench/lib/degraded_scans.ts): turned, skewed, 150 dpi, JPEG, specks.
  if (process.argv.includes("--degraded-only")) {
    const degraded = await degradedBench(service, { dataDir: DATA, quick: QUICK, only: ONLY, drawable });
    mkdirSync(path.join(ROOT, ".artifacts"), { recursive: true });
    writeFileSync(path.join(ROOT, ".artifacts/bench-bills-degraded.json"), JSON.stringify(degraded, null, 2));
    return 0;
  }
  const all = invoiceCases(DATA);
  const only = (list: Case[]) => (ONLY === undefined ? list : list.filter((c) => c.name.includes(ONLY)));
  const cases = { pdfs: only(all.pdfs), images: only(all.images), xml: only(all.xml) };
  const xmlCases = cases.xml;
  const textCases: Case[] = [...cases.pdfs, ...cases.xml.map((c) => ({ ...c, odoo: {} }))];
  const scanCases: Case[] = cases.images;
  const renderable = textCases.filter((c) => drawable(c.file));
  const renderForOcr = NO_OCR ? [] : QUICK ? renderable.filter((_, i) => i % 4 === 0) : renderable;
  if (NO_OCR) scanCases.length = 0;

  console.log(`bills bench: ${textCases.length} text PDFs, ${scanCases.length} images + ${renderForOcr.length} PDFs rendered for OCR, ${xmlCases.length} with embedded XML${QUICK ? " (quick)" : ""}`);
  const undrawable = textCases.filter((c) => !renderable.includes(c)).map((c) => path.basename(c.file));
  if (undrawable.length > 0) console.log(`not in the scan set (poppler cannot draw their embedded fonts, the image would not be the printed page): ${undrawable.join(", ")}`);
  const text: Scored[] = [];
  for (const c of textCases) text.push(await runCase(service, c, { ignoreEmbeddedXml: true }));
  const xml: Scored[] = [];
  for (const c of xmlCases) xml.push(await runCase(service, c, {}));
  const scans: Scored[] = [];
  for (const c of scanCases) scans.push(await runCase(service, c, {}));
  for (const c of renderForOcr) {
    const s = await runCase(service, { ...c, odoo: {}, name: `${c.name} (rendered)` }, { ignoreEmbeddedXml: true, forceOcr: true });
    scans.push(s);
  }

  const result: Record<string, unknown> = {};
  Object.assign(result, splitTables("shared invoices", "", text, scans, xml));
  console.log(`load average: ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
  if (notPrinted.length > 0) console.log(`not printed on the visible document (not scored there): ${notPrinted.join(", ")}`);
  result["notPrinted"] = notPrinted;
  const warned = [...text, ...scans, ...xml].filter((r) => r.warnings.length > 0);
  for (const r of warned) console.log(`  ${r.name}: ${r.warnings.join(" | ")}`);
  return synthetic(service, { ...result, rows: { text, scans, xml }, ...(await corpus(service)), ...(await extraCorpus(service)), ...(await odooRendered(service)) });
}

/** The second real corpus (github:ZUGFeRD/corpus, outside the repository): the same groups as above - visible text
 * layer, scans (every drawable PDF rendered at 300 dpi and OCR'd), embedded XML - on its tuning and report split. */
async function corpus(service: BillService): Promise<Record<string, unknown>> {
  const located = locateCorpus(ROOT);
  if (located.missing !== null) {
    console.log(`\nbills bench: ${located.missing}`);
    return { corpus: { skipped: located.missing } };
  }
  const found = corpusCases(located.dir, DATA);
  const cases = ONLY === undefined ? found.cases : found.cases.filter((c) => c.name.includes(ONLY));
  const tuningCount = cases.filter((c) => !c.heldOut).length;
  console.log(`\n== ZUGFeRD corpus (${located.dir}): ${cases.length} documents, ${tuningCount} tuning / ${cases.length - tuningCount} report ==`);
  for (const [reason, files] of Object.entries(found.dropped)) console.log(`  dropped, ${reason}: ${files.length}`);
  if (found.movedByTitle.length > 0) console.log(`  in a tuning folder but reported (title of a shared report-split document): ${found.movedByTitle.length}`);
  const textCases = cases.map((c) => ({ ...c, odoo: {} }));
  const renderable = NO_OCR ? [] : textCases.filter((c) => drawable(c.file));
  const renderForOcr = QUICK ? renderable.filter((_, i) => i % 4 === 0) : renderable;
  if (!NO_OCR && renderable.length < textCases.length) console.log(`  not in the scan set (poppler cannot draw their embedded fonts): ${textCases.length - renderable.length}`);
  const text: Scored[] = [];
  for (const c of textCases) text.push(await runCase(service, c, { ignoreEmbeddedXml: true }));
  const xml: Scored[] = [];
  for (const c of cases) xml.push(await runCase(service, c, {}));
  const scans: Scored[] = [];
  for (const c of renderForOcr) scans.push(await runCase(service, { ...c, name: `${c.name} (rendered)` }, { ignoreEmbeddedXml: true, forceOcr: true }));
  const dev = (rows: Scored[]) => rows.filter((r) => !r.heldOut);
  const out: Record<string, unknown> = { dir: located.dir, dropped: found.dropped, movedByTitle: found.movedByTitle, ...splitTables("ZUGFeRD corpus", "ZUGFeRD corpus, ", text, scans, xml) };
  console.log(`load average: ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
  // Warnings are printed for the tuning split only (the report split is not looked at document by document).
  for (const r of dev([...text, ...scans, ...xml]).filter((x) => x.warnings.length > 0)) console.log(`  ${r.name}: ${r.warnings.join(" | ")}`);
  out["rows"] = { text, scans, xml };
  return { corpus: out };
}

/** The third real corpus (scripts/bench/lib/extra_corpus.ts, BILLS_EXTRA_CORPUS_DIR outside the repository): report
 * data only, so aggregates only - per field, per source repository, wrong at confidence ≥ 0.95 - never a document's
 * misses, warnings or rows. The same groups as the ZUGFeRD corpus: visible text layer, scans (300-dpi renderings through
 * OCR; --quick: every fourth), embedded XML, Odoo CE alone beside. Deduplicated against the shared data and the ZUGFeRD
 * corpus, so it needs both; without either it says so and skips. */
async function extraCorpus(service: BillService): Promise<Record<string, unknown>> {
  const located = locateExtraCorpus(ROOT);
  const zugferd = locateCorpus(ROOT);
  const missing = located.missing ?? (zugferd.missing === null ? null : `extra corpus skipped: it is deduplicated against the ZUGFeRD corpus, not found at ${zugferd.dir} (set BILLS_CORPUS_DIR)`);
  if (missing !== null) {
    console.log(`\nbills bench: ${missing}`);
    return { extra: { skipped: missing } };
  }
  const cpu0 = cpuWithChildren();
  const found = extraCases(located.dir, knownDocuments(DATA, zugferd.dir));
  const cases = ONLY === undefined ? found.cases : found.cases.filter((c) => c.name.includes(ONLY));
  console.log(`\n== extra corpus, REPORT data only (${located.dir}): ${cases.length} documents kept ==`);
  for (const [reason, files] of Object.entries(found.dropped)) console.log(`  dropped, ${reason}: ${files.length}`);
  for (const [source, n] of Object.entries(found.perSource)) console.log(`  ${source}: ${n.files} files, ${n.kept} kept`);
  console.log(`  loading and deduplicating: CPU ${(cpuWithChildren() - cpu0).toFixed(1)} s`);
  const textCases = cases.map((c) => ({ ...c, odoo: {} }));
  const renderable = NO_OCR ? [] : textCases.filter((c) => drawable(c.file));
  const renderForOcr = QUICK ? renderable.filter((_, i) => i % 4 === 0) : renderable;
  if (!NO_OCR && renderable.length < textCases.length) console.log(`  not in the scan set (poppler cannot draw their embedded fonts): ${textCases.length - renderable.length}`);
  const notPrintedBefore = notPrinted.length;
  const text: Array<Scored & { family: string }> = [];
  for (const c of textCases) text.push({ ...(await runCase(service, c, { ignoreEmbeddedXml: true })), family: c.source });
  const notPrintedHere = notPrinted.length - notPrintedBefore;
  const xml: Array<Scored & { family: string }> = [];
  for (const c of cases) xml.push({ ...(await runCase(service, c, {})), family: c.source });
  const scans: Array<Scored & { family: string }> = [];
  for (const c of renderForOcr) scans.push({ ...(await runCase(service, { ...c, name: `${c.name} (rendered)` }, { ignoreEmbeddedXml: true, forceOcr: true })), family: c.source });
  const out: Record<string, unknown> = { dir: located.dir, dropped: Object.fromEntries(Object.entries(found.dropped).map(([k, v]) => [k, v.length])), perSource: found.perSource };
  out["text"] = table("extra corpus (report): text-layer PDFs, visible document only", text, 95);
  if (notPrintedHere > 0) console.log(`  identifiers of the XML the visible page does not print (not scored there): ${notPrintedHere}`);
  out["textSources"] = familyTable("extra corpus (report): text-layer PDFs", text);
  if (NO_OCR) console.log("extra corpus: scans skipped (--no-ocr)");
  else {
    out["scans"] = table(`extra corpus (report): PDFs rendered to images, OCR${QUICK ? " (quick: every fourth)" : ""}`, scans, 85);
    out["scanSources"] = familyTable("extra corpus (report): rendered to images, OCR", scans);
  }
  out["xml"] = table("extra corpus (report): embedded XML", xml, 99);
  out["xmlSources"] = familyTable("extra corpus (report): embedded XML", xml);
  console.log("");
  out["reliability"] = reliability("extra corpus (report), text PDFs, scans and XML", [...text, ...scans, ...xml]);
  console.log("");
  out["timeTextPdf"] = timing("extra corpus, time per text PDF", text, false, 3);
  if (!NO_OCR) out["timeScanPage"] = timing("extra corpus, time per scanned page", scans, true, 15);
  out["cpuSeconds"] = cpuWithChildren() - cpu0;
  console.log(`extra corpus: CPU ${(cpuWithChildren() - cpu0).toFixed(1)} s (this process and its children), load average ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
  return { extra: out };
}

/** One group's results run alone (--heldout-only, --extra-only …), saved apart from the full run's. */
function saveGroup(file: string, what: string, result: Record<string, unknown>): number {
  mkdirSync(path.join(ROOT, ".artifacts"), { recursive: true });
  writeFileSync(path.join(ROOT, ".artifacts", file), JSON.stringify(result, null, 2));
  console.log(`bills bench: ${what} saved to .artifacts/${file}`);
  return 0;
}

/** Invoices printed by Odoo itself, text layer only (what a vendor on Odoo e-mails): the tuning seed with its misses
 * under --details, the report seed in aggregate per layout+language. Missing folders are said and skipped. */
async function odooRendered(service: BillService): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [split, folder] of Object.entries(ODOO_RENDERED_SEEDS)) {
    const dir = path.join(ODOO_RENDERED_DIR, folder);
    if (!existsSync(dir)) {
      const reason = `Odoo-printed invoices (${split}) not found at ${dir}: skipped (node scripts/make_odoo_rendered_bills.mjs --seed=${folder.slice(5)})`;
      console.log(`\nbills bench: ${reason}`);
      out[split] = { skipped: reason };
      continue;
    }
    const found = extraCases(dir, { hashes: new Set(), invoices: new Map() });
    for (const [reason, files] of Object.entries(found.dropped)) console.log(`  ${split}: dropped, ${reason}: ${files.length}`);
    const rows: Array<Scored & { family: string }> = [];
    for (const c of found.cases) rows.push({ ...(await runCase(service, { ...c, odoo: {} }, { ignoreEmbeddedXml: true })), family: c.source });
    out[split] = {
      text: table(`Odoo-printed invoices (${split}, ${folder}): text layer, visible document only`, rows, 95),
      layouts: familyTable(`Odoo-printed invoices (${split})`, rows),
      reliability: reliability(`Odoo-printed invoices (${split})`, rows),
    };
    if (split === "tuning" && DETAILS) {
      for (const r of rows.filter((x) => Object.keys(x.wrong).length > 0)) console.log(`  ${r.name}: ${JSON.stringify(r.wrong)}`);
    }
  }
  return { odooRendered: out };
}

/** Confidence against observed accuracy of the header fields read (report split and held-out layouts: data the
 * extractor was not tuned on), to see that a confidence means what it says. */
function reliability(title: string, rows: readonly Scored[]): ReliabilityRow[] {
  const table = reliabilityTable(rows.flatMap((r) => r.outcomes));
  console.log(`\n-- Reliability: ${title} (header fields read) --`);
  console.log("confidence     n   mean conf.  observed");
  for (const row of table) {
    if (row.count === 0) continue;
    console.log(`${row.from.toFixed(2)}-${row.to.toFixed(2)} ${String(row.count).padStart(5)}   ${row.meanConfidence.toFixed(3).padStart(9)}   ${pct(Math.round(row.accuracy * row.count), row.count).padStart(7)}`);
  }
  return table;
}

/** The synthetic layouts (languages and layouts the corpus lacks) as text-layer PDFs: families A-K, all tuning, their
 * wrong values printed under --details. */
async function synthetic(service: BillService, result: Record<string, unknown>): Promise<number> {
  const tuning: Scored[] = [];
  for (const bill of syntheticBills(SYNTHETIC_PER_FAMILY)) {
    const c: Case = { file: bill.name, name: bill.name, truth: bill.truth, odoo: {}, heldOut: false };
    tuning.push(await runCase(service, c, { ignoreEmbeddedXml: true }, makePdf({ pages: [bill.lines] })));
  }
  result["syntheticTuning"] = table("Synthetic layouts, tuning families A-K", tuning, 95);
  for (const family of [...new Set(tuning.map((r) => r.name.split("-")[1]))]) {
    const rows = tuning.filter((r) => r.name.split("-")[1] === family);
    console.log(`  family ${family}: all header fields right ${rows.filter((r) => r.allHeader).length}/${rows.length}`);
  }
  result["reliabilitySyntheticTuning"] = reliability("synthetic tuning families A-K", tuning);
  result["timeSyntheticPdf"] = timing("time per synthetic text PDF", tuning, false, 3);
  // The independent generator's layouts are their own group: in the full run and under --heldout-only.
  if (!SYNTHETIC_ONLY) {
    result["heldoutLayouts"] = await heldoutLayouts(service);
    result["heldoutLayoutsB"] = await heldoutLayoutsB(service);
  }
  return save(result);
}

/** One corpus's tables: each group (text layer, scans, XML) on the tuning split then on the report split, the
 * reliability of both, and the times; `timePrefix` names the corpus in the time lines. */
function splitTables(corpus: string, timePrefix: string, text: Scored[], scans: Scored[], xml: Scored[]): Record<string, unknown> {
  const dev = (rows: Scored[]) => rows.filter((r) => !r.heldOut);
  const held = (rows: Scored[]) => rows.filter((r) => r.heldOut);
  const out: Record<string, unknown> = {};
  out["text"] = table(`${corpus}, TUNING split: text-layer PDFs, visible document only`, dev(text), 95);
  out["scans"] = table(`${corpus}, TUNING split: images and PDFs rendered to images, OCR`, dev(scans), 85);
  out["xml"] = table(`${corpus}, TUNING split: embedded XML`, dev(xml), 99);
  out["heldOutText"] = table(`${corpus}, REPORT split: text-layer PDFs, visible document only`, held(text), 95);
  out["heldOutScans"] = table(`${corpus}, REPORT split: images and PDFs rendered to images, OCR`, held(scans), 85);
  out["heldOutXml"] = table(`${corpus}, REPORT split: embedded XML`, held(xml), 99);
  console.log("");
  out["reliabilityReport"] = reliability(`${corpus}, REPORT split, text PDFs, scans and XML`, [...held(text), ...held(scans), ...held(xml)]);
  out["reliabilityTuning"] = reliability(`${corpus}, tuning split, text PDFs, scans and XML`, [...dev(text), ...dev(scans), ...dev(xml)]);
  console.log("");
  out["timeTextPdf"] = timing(`${timePrefix}time per text PDF`, text, false, 3);
  out["timeScanPage"] = timing(`${timePrefix}time per scanned page`, scans, true, 15);
  return out;
}

function save(result: Record<string, unknown>): number {
  mkdirSync(path.join(ROOT, ".artifacts"), { recursive: true });
  writeFileSync(path.join(ROOT, ".artifacts/bench-bills.json"), JSON.stringify(result, null, 2));
  console.log("bills bench: results saved to .artifacts/bench-bills.json");
  return 0;
}

/** Independent held-out layouts per family (text PDFs): scored on this machine, as many per family as given. */
const HELDOUT_PER_FAMILY = QUICK ? 8 : 30;
/** Of those, rendered to scans (200 dpi clean, 300 dpi slightly rotated with noise) per family. */
const HELDOUT_SCANS_PER_FAMILY = QUICK ? 2 : 6;

/** One scan of a PDF: pages drawn by pdftoppm in grey at `dpi`, rotated and noised in code when `skewed` (no
 * ImageMagick on this machine), as a PNG (one page) or an image-only PDF (several pages). */
function scanOf(pdf: Buffer, dpi: number, skewed: boolean, seed: number): { bytes: Buffer; fileName: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "aib-heldout-scan-"));
  try {
    writeFileSync(path.join(dir, "in.pdf"), pdf);
    execFileSync("pdftoppm", ["-r", String(dpi), "-gray", path.join(dir, "in.pdf"), path.join(dir, "p")]);
    const pages = readdirSync(dir).filter((f) => f.endsWith(".pgm")).sort().map((f, i) => {
      const img = parsePgm(readFileSync(path.join(dir, f)));
      const angle = ((seed + i) % 2 === 0 ? 1 : -1) * (0.4 + ((seed * 7 + i) % 9) / 10);
      return skewed ? distort(img, angle, 24, seed + i) : img;
    });
    if (pages.length === 1) return { bytes: greyPng(pages[0]!, dpi), fileName: "scan.png" };
    return { bytes: imagePdf(pages), fileName: "scan.pdf" };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Per family: each header field's accuracy, all header fields right, and the wrong fields at confidence ≥ 0.95. */
function familyTable(title: string, rows: ReadonlyArray<Scored & { family: string }>): Record<string, unknown> {
  console.log(`\n-- ${title}, per family (report data: aggregates only) --`);
  const short: Record<string, string> = { documentKind: "kind", vendorName: "vendor", invoiceNumber: "number", invoiceDate: "date", dueDate: "due", currency: "cur", untaxed: "untaxed", totalTax: "tax", total: "total" };
  const width = Math.max(3, ...rows.map((r) => r.family.length));
  console.log(`${"fam".padEnd(width)}   n  ${HEADER.map((k) => (short[k] ?? k).padStart(8)).join("")}  ${"all".padStart(7)}  wrong≥.95  wrong<.95  empty  due-invented`);
  const out: Record<string, unknown> = {};
  for (const family of [...new Set(rows.map((r) => r.family))]) {
    const fr = rows.filter((r) => r.family === family);
    const cells = HEADER.map((k) => {
      const scored = fr.filter((r) => r.perField[k] !== undefined);
      return (scored.length === 0 ? "—" : `${Math.round((100 * scored.filter((r) => r.perField[k] === true).length) / scored.length)}%`).padStart(8);
    });
    const wrong = fr.flatMap((r) => Object.entries(r.wrong).filter(([k, w]) => HEADER.includes(k as BillFieldName) && w.read !== null));
    const confident = wrong.filter(([, w]) => (w.confidence ?? 0) >= 0.95).length;
    const empty = fr.flatMap((r) => Object.entries(r.wrong).filter(([k, w]) => HEADER.includes(k as BillFieldName) && w.read === null)).length;
    const invented = fr.filter((r) => r.dueWithoutTruth !== null);
    const all = fr.filter((r) => r.allHeader).length;
    console.log(`${family.padEnd(width)}${String(fr.length).padStart(4)}  ${cells.join("")}  ${pct(all, fr.length).padStart(7)}  ${String(confident).padStart(8)}  ${String(wrong.length - confident).padStart(9)}  ${String(empty).padStart(5)}  ${String(invented.length).padStart(4)} (${invented.filter((r) => (r.dueWithoutTruth ?? 0) >= 0.95).length} ≥.95)`);
    const perField: Record<string, unknown> = {};
    for (const k of HEADER) {
      const scored = fr.filter((r) => r.perField[k] !== undefined);
      const wrongK = fr.map((r) => r.wrong[k]).filter((w) => w !== undefined);
      perField[k] = { n: scored.length, right: scored.filter((r) => r.perField[k] === true).length, wrongAt095: wrongK.filter((w) => w.read !== null && (w.confidence ?? 0) >= 0.95).length, empty: wrongK.filter((w) => w.read === null).length };
    }
    out[family] = { n: fr.length, allHeader: all, wrongAt095: confident, wrongBelow: wrong.length - confident, empty, dueInvented: invented.length, perField };
  }
  const confidentByField = HEADER.map((k) => `${short[k]} ${rows.filter((r) => r.wrong[k] !== undefined && r.wrong[k]!.read !== null && (r.wrong[k]!.confidence ?? 0) >= 0.95).length}`);
  console.log(`  wrong at confidence ≥ 0.95 by field: ${confidentByField.join(", ")}`);
  return out;
}

/** A generator's bills scored as report data: what each group needs to know about its generator. */
interface GeneratedGroup {
  /** Table titles start with this ("held-out layouts, independent generator (report)"). */
  title: string;
  /** A shorter name for the company-known family table. */
  short: string;
  bills: ReadonlyArray<{ name: string; family: string; pdf: Buffer; truth: Case["truth"]; receiver: string }>;
  families: readonly string[];
  seed: number;
  scansPerFamily: number;
  /** The scans drawn of each chosen bill: resolution, whether turned and noised, the table's words for it. */
  scans: ReadonlyArray<{ dpi: number; skewed: boolean; label: string }>;
}

/** The held-out layouts of the independent generator (report data, never tuned on): text layer, then scans. */
function heldoutLayouts(service: BillService): Promise<Record<string, unknown>> {
  return generatedGroup(service, {
    title: "held-out layouts, independent generator (report)",
    short: "held-out layouts",
    bills: heldoutBills(HELDOUT_PER_FAMILY),
    families: HELDOUT_FAMILIES,
    seed: HELDOUT_REPORT_SEED,
    scansPerFamily: HELDOUT_SCANS_PER_FAMILY,
    scans: [{ dpi: 200, skewed: false, label: "scans 200 dpi" }, { dpi: 300, skewed: true, label: "scans 300 dpi, rotated 0.4-1.2° with noise" }],
  });
}

/** The second independent generator's layouts (report data, never tuned on), scored like the first. */
function heldoutLayoutsB(service: BillService): Promise<Record<string, unknown>> {
  return generatedGroup(service, {
    title: "held-out layouts B, second independent generator (report)",
    short: "held-out layouts B",
    bills: heldoutBillsB(HELDOUT_PER_FAMILY),
    families: HELDOUT_B_FAMILIES,
    seed: HELDOUT_B_SEED,
    scansPerFamily: 2,
    scans: [{ dpi: 200, skewed: true, label: "scans 200 dpi, rotated 0.4-1.2° with noise" }],
  });
}

/** One generator's bills (report data: per field and per family only): text layer, the same with the receiving
 * company's name sent as Odoo sends it, then scans of a few bills per family through the scan path. */
async function generatedGroup(service: BillService, g: GeneratedGroup): Promise<Record<string, unknown>> {
  const { bills, title } = g;
  const cpu0 = cpuWithChildren();
  console.log(`\n${title.replace(" (report)", "")} (report): ${bills.length} bills, ${g.families.length} families, seed ${g.seed}${QUICK ? " (quick)" : ""}`);
  const caseOf = (b: (typeof bills)[number], suffix = ""): Case => ({ file: `${b.name}${suffix}`, name: `${b.name}${suffix}`, truth: b.truth, odoo: {}, heldOut: true });
  const text: Array<Scored & { family: string }> = [];
  for (const b of bills) text.push({ ...(await runCase(service, caseOf(b), { ignoreEmbeddedXml: true }, b.pdf)), family: b.family });
  const result: Record<string, unknown> = {};
  result["text"] = table(`${title}: text layer`, text, 95);
  result["textFamilies"] = familyTable(`${title}: text layer`, text);
  result["timeText"] = timing(`time per ${g.short} text PDF`, text, false, 3);
  // As Odoo asks: the request names the receiving company (the bill's customer), which is never the vendor.
  const asked: Array<Scored & { family: string }> = [];
  for (const b of bills) asked.push({ ...(await runCase(service, caseOf(b), { ignoreEmbeddedXml: true }, b.pdf, { name: b.receiver })), family: b.family });
  result["textCompanyKnown"] = table(`${title}: text layer, receiving company's name sent as Odoo sends it`, asked, 95);
  result["textCompanyKnownFamilies"] = familyTable(`${g.short}, text layer, receiving company's name sent`, asked);
  const scans: Array<Scored & { family: string; dpi: number }> = [];
  if (!NO_OCR) {
    const chosen = g.families.flatMap((f) => bills.filter((b) => b.family === f).slice(0, g.scansPerFamily));
    for (const [i, b] of chosen.entries()) {
      for (const plan of g.scans) {
        const scan = scanOf(b.pdf, plan.dpi, plan.skewed, i + 1);
        const c = { ...caseOf(b, ` (scan ${plan.dpi})`), file: scan.fileName };
        // Drawing the scan makes the test document; runCase times the reading only.
        const s = await runCase(service, c, {}, scan.bytes);
        scans.push({ ...s, name: `${b.name} (scan ${plan.dpi})`, family: b.family, dpi: plan.dpi });
      }
    }
    for (const plan of g.scans) result[`scans${plan.dpi}`] = table(`${title}: ${plan.label}`, scans.filter((s) => s.dpi === plan.dpi), 85);
    result["scanFamilies"] = familyTable(`${title}: scans (${g.scans.map((p) => `${p.dpi}`).join(" + ")} dpi)`, scans);
    result["timeScanPage"] = timing(`time per ${g.short} scanned page`, scans, true, 15);
  } else console.log(`${g.short}: scans skipped (--no-ocr)`);
  result["reliability"] = reliability(`${title}, text and scans`, [...text, ...scans]);
  result["cpuSeconds"] = cpuWithChildren() - cpu0;
  console.log(`${g.short}: CPU ${(cpuWithChildren() - cpu0).toFixed(1)} s (this process and its children), load average ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
  return result;
}

process.exit(await main());
