// The third real corpus of the bills bench, REPORT DATA ONLY (never tuned on, never looked at document by document):
// the Factur-X / ZUGFeRD 1 and 2 / XRechnung-in-PDF samples of public repositories (scripts/fetch_extra_corpus.sh
// names them and their commits and rebuilds the folder), unpacked OUTSIDE the repository. Folder: env
// BILLS_EXTRA_CORPUS_DIR, default <repo>/../corpus/extra, one subfolder per source repository (<owner>+<name>). Each
// PDF's embedded XML is its truth, read as the other corpora's (real_invoices.ts xmlTruth, xml_corpus.ts).
// Dropped, and counted by reason - so that what is scored is unseen data, one document per invoice:
//   - a file byte-identical (SHA-256) to a file of ../shared/data/invoices, of the ZUGFeRD corpus, or to an extra file
//     already taken;
//   - a file whose XML gives no usable truth (no XML, not read, no vendor / number / total);
//   - the same invoice (vendor as compared, number, total: xml_corpus.ts invoiceKey) as a document of the shared data
//     or of the ZUGFeRD corpus (the same invoice re-rendered is no unseen document), or as an extra file already
//     taken (the standards' samples come again in each version and in many repositories);
//   - a file whose visible page shows another invoice than its XML (xml_corpus.ts showsXmlInvoice).
// Every document kept is in the report split (heldOut).
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { type Case, invoiceCases, type Truth } from "./real_invoices";
import { corpusFileTruth, invoiceKey, odooTruth, pdfsUnder, sha256, SHOWS_ANOTHER_INVOICE, showsXmlInvoice, xmlTruthOrReason } from "./xml_corpus";

export function locateExtraCorpus(root: string, env: NodeJS.ProcessEnv = process.env): { dir: string; missing: string | null } {
  const dir = env["BILLS_EXTRA_CORPUS_DIR"] ?? path.resolve(root, "..", "corpus", "extra");
  const missing =
    existsSync(dir) && pdfsUnder(dir).length > 0
      ? null
      : `extra corpus not found at ${dir} (no PDF there): skipped that group (build it with scripts/fetch_extra_corpus.sh, ` +
        `or point BILLS_EXTRA_CORPUS_DIR at it)`;
  return { dir, missing };
}

/** What the extra corpus is deduplicated against: the files (any kind) and the invoices already in the other sets. */
export interface KnownDocuments {
  hashes: Set<string>;
  /** invoiceKey → which set it is in ("../shared/data/invoices", "the ZUGFeRD corpus"). */
  invoices: Map<string, string>;
}

/** Every file of the shared invoices folder (hashes) and the invoices their truth names; every PDF of the ZUGFeRD
 * corpus (all folders, `fail/` too: hashes) and the invoices their XML names. A missing folder adds nothing. */
export function knownDocuments(sharedInvoices: string, zugferdCorpus: string): KnownDocuments {
  const hashes = new Set<string>();
  const invoices = new Map<string, string>();
  const remember = (truth: Truth, set: string) => {
    const key = invoiceKey(truth);
    if (key !== null && !invoices.has(key)) invoices.set(key, set);
  };
  for (const sub of existsSync(sharedInvoices) ? readdirSync(sharedInvoices) : []) {
    const folder = path.join(sharedInvoices, sub);
    if (!statSync(folder).isDirectory()) continue;
    for (const f of readdirSync(folder)) if (statSync(path.join(folder, f)).isFile()) hashes.add(sha256(path.join(folder, f)));
  }
  if (existsSync(path.join(sharedInvoices, "invoice2data")) && existsSync(path.join(sharedInvoices, "oca-edi"))) {
    const shared = invoiceCases(sharedInvoices);
    for (const c of [...shared.pdfs, ...shared.images, ...shared.xml]) remember(c.truth, "../shared/data/invoices");
  }
  for (const file of allPdfs(zugferdCorpus)) {
    hashes.add(sha256(file));
    const x = xmlTruthOrReason(file);
    if (!("reason" in x)) remember(x.truth, "the ZUGFeRD corpus");
  }
  return { hashes, invoices };
}

function allPdfs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.toLowerCase().endsWith(".pdf"))
    .sort()
    .map((f) => path.join(dir, f))
    .filter((p) => statSync(p).isFile());
}

export interface ExtraCases {
  cases: Array<Case & { source: string }>;
  /** Dropped files (corpus-relative paths) by reason. */
  dropped: Record<string, string[]>;
  /** Files looked at, per source repository. */
  perSource: Record<string, { files: number; kept: number }>;
}

/** The extra corpus's documents with their truth, all in the report split; `known` from knownDocuments. */
export function extraCases(dir: string, known: KnownDocuments): ExtraCases {
  const dropped: Record<string, string[]> = {};
  const perSource: ExtraCases["perSource"] = {};
  const drop = (reason: string, rel: string) => (dropped[reason] ??= []).push(rel);
  const seen = new Set<string>();
  const taken = new Set<string>();
  const cases: ExtraCases["cases"] = [];
  for (const file of allPdfs(dir)) {
    const rel = path.relative(dir, file);
    const source = rel.includes(path.sep) ? (rel.split(path.sep)[0] as string) : ".";
    const counts = (perSource[source] ??= { files: 0, kept: 0 });
    counts.files++;
    const x = corpusFileTruth(file, { hashes: known.hashes, reason: "byte-identical to a file of ../shared/data/invoices or of the ZUGFeRD corpus" }, { hashes: seen, reason: "byte-identical to another extra-corpus file" });
    if ("reason" in x) {
      drop(x.reason, rel);
      continue;
    }
    const key = invoiceKey(x.truth) as string; // vendor, number and total are there (xmlTruthOrReason)
    const elsewhere = known.invoices.get(key);
    if (elsewhere !== undefined) {
      drop(`the same invoice (vendor, number, total) as a document of ${elsewhere}`, rel);
      continue;
    }
    if (taken.has(key)) {
      drop("the same invoice (vendor, number, total) as another extra-corpus file", rel);
      continue;
    }
    if (!showsXmlInvoice(file, String(x.truth.invoiceNumber), Number(x.truth.total))) {
      drop(SHOWS_ANOTHER_INVOICE, rel);
      continue;
    }
    taken.add(key);
    counts.kept++;
    cases.push({ file, name: `${rel} [${x.flavour}]`, source, truth: x.truth, odoo: odooTruth(x), heldOut: true });
  }
  return { cases, dropped, perSource };
}
