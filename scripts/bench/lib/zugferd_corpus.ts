// The second real corpus of the bills bench: github:ZUGFeRD/corpus (~125 Factur-X / ZUGFeRD 1 and 2 / XRechnung
// PDFs whose embedded XML is the truth), unpacked OUTSIDE the repository and never copied into it. Folder: env
// BILLS_CORPUS_DIR, default <repo>/../corpus/ZUGFeRD-corpus. Read: the PDFs under the `correct/` folders of
// ZUGFeRDv1 and ZUGFeRDv2 and under XML-Rechnung/FX (never `fail/`), their embedded XML read into the truth the
// same way as OCA's samples (real_invoices.ts xmlTruth). Dropped, and counted by reason: a file byte-identical
// (SHA-256) to one of ../shared/data/invoices or to a corpus file already taken, and a file whose XML gives no usable
// truth (no XML, XML not read, no vendor / number / total in it).
// The split was fixed in code before any result was seen: CORPUS_TUNING below, everything else is the report split,
// and so is every document whose title equals the title of a shared report-split document (no leak of the shared
// report split into tuning). Stop 26 moved XML-Rechnung/FX into tuning after its folder's aggregate was seen (the
// invoice number wrong on most of its documents: one systematic class, fixed from its documents from then on); the
// report figures since are over the remaining folders, never tuned on.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { type Case, inReportSplit } from "./real_invoices";
import { corpusFileTruth, odooTruth, pdfsUnder, sha256, SHOWS_ANOTHER_INVOICE, showsXmlInvoice } from "./xml_corpus";

/** The corpus folders tuned on (the bench prints their wrong fields under --details); all others are reported. */
export const CORPUS_TUNING: readonly string[] = [
  "ZUGFeRDv2/correct/intarsys",
  "ZUGFeRDv2/correct/FNFE-factur-x-examples",
  "ZUGFeRDv1/correct/4s4u",
  "ZUGFeRDv1/correct/Konik",
  "ZUGFeRDv2/correct/PHP_@gpFacturX",
  "XML-Rechnung/FX",
];
/** Where the corpus's documents are taken from (relative to its root). */
const CORPUS_FOLDERS: readonly string[] = ["ZUGFeRDv1/correct", "ZUGFeRDv2/correct", "XML-Rechnung/FX"];

export function locateCorpus(root: string, env: NodeJS.ProcessEnv = process.env): { dir: string; missing: string | null } {
  const dir = env["BILLS_CORPUS_DIR"] ?? path.resolve(root, "..", "corpus", "ZUGFeRD-corpus");
  const missing = existsSync(path.join(dir, "ZUGFeRDv2"))
    ? null
    : `ZUGFeRD corpus not found at ${dir}: skipped that group (get it with the \`fetch\` tool, github:ZUGFeRD/corpus, or ` +
      `\`git clone https://github.com/ZUGFeRD/corpus\`, and point BILLS_CORPUS_DIR at it)`;
  return { dir, missing };
}

const PROFILE = "(?:minimum|basic[-_ ]?wl|basicwl|basic|comfort|en16931|extended|xrechnung)";

/** A document's title: its file name without the standard's prefix and the profile ("zugferd_2p0_EN16931_Einfach",
 * "ZUGFeRD_1p0_COMFORT_Einfach", "EN16931_Einfach" -> "einfach"; "Facture_FR_BASICWL" -> "facture_fr"). */
export function documentTitle(fileName: string): string {
  return path
    .basename(fileName)
    .replace(/\.[^.]+$/, "")
    .replace(/^(?:zugferd_\dp\d|factur-x)_/i, "")
    .replace(new RegExp(`^${PROFILE}_`, "i"), "")
    .replace(new RegExp(`_${PROFILE}$`, "i"), "")
    .toLowerCase();
}

export interface CorpusCases {
  cases: Case[];
  /** Dropped files (corpus-relative paths) by reason. */
  dropped: Record<string, string[]>;
  /** Report-split files that sit in a tuning folder, moved because their title is a shared report-split title. */
  movedByTitle: string[];
}

/** The corpus's documents with their truth and split. `sharedInvoices` is ../shared/data/invoices. */
export function corpusCases(dir: string, sharedInvoices: string): CorpusCases {
  const sharedHashes = new Set<string>();
  const reportTitles = new Set<string>();
  for (const sub of existsSync(sharedInvoices) ? readdirSync(sharedInvoices) : []) {
    const folder = path.join(sharedInvoices, sub);
    if (!statSync(folder).isDirectory()) continue;
    for (const f of readdirSync(folder)) {
      const p = path.join(folder, f);
      if (!statSync(p).isFile()) continue;
      sharedHashes.add(sha256(p));
      if (/\.(pdf|png)$/i.test(f) && inReportSplit(f)) reportTitles.add(documentTitle(f));
    }
  }
  const dropped: Record<string, string[]> = {};
  const drop = (reason: string, rel: string) => (dropped[reason] ??= []).push(rel);
  const seen = new Set<string>();
  const cases: Case[] = [];
  const movedByTitle: string[] = [];
  for (const file of CORPUS_FOLDERS.flatMap((f) => pdfsUnder(path.join(dir, f)))) {
    const rel = path.relative(dir, file);
    const x = corpusFileTruth(file, { hashes: sharedHashes, reason: "byte-identical to a file of ../shared/data/invoices" }, { hashes: seen, reason: "byte-identical to another corpus file" });
    if ("reason" in x) {
      drop(x.reason, rel);
      continue;
    }
    if (!showsXmlInvoice(file, String(x.truth.invoiceNumber), Number(x.truth.total))) {
      drop(SHOWS_ANOTHER_INVOICE, rel);
      continue;
    }
    const inTuningFolder = CORPUS_TUNING.some((t) => rel.startsWith(`${t}/`));
    const titleInReport = reportTitles.has(documentTitle(rel));
    if (inTuningFolder && titleInReport) movedByTitle.push(rel);
    cases.push({ file, name: `${rel} [${x.flavour}]`, truth: x.truth, odoo: odooTruth(x), heldOut: !inTuningFolder || titleInReport });
  }
  return { cases, dropped, movedByTitle };
}
