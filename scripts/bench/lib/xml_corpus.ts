// What the bills bench's real e-invoice corpora share (the ZUGFeRD corpus, zugferd_corpus.ts, and the extra corpus,
// extra_corpus.ts): a file's SHA-256, the PDFs under a folder, an invoice's identity (vendor, number, total), and the
// checks that decide whether a PDF's embedded XML can be its truth - each failure a reason the file is dropped for.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { type Truth, vendorKey, xmlTruth } from "./real_invoices";

export function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** The PDFs under `dir`, sorted, in every subfolder but those named `fail` (the corpus's invalid samples). */
export function pdfsUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name.toLowerCase() !== "fail") out.push(...pdfsUnder(p));
    } else if (name.toLowerCase().endsWith(".pdf")) out.push(p);
  }
  return out;
}

/** One invoice however it is rendered: the vendor as compared (vendorKey), the number without spaces in lower case, the
 * total to the cent; null when the truth lacks one of them. */
export function invoiceKey(truth: Truth): string | null {
  if (typeof truth.vendorName !== "string" || truth.invoiceNumber === undefined || truth.total === undefined) return null;
  return [vendorKey(truth.vendorName), String(truth.invoiceNumber).replace(/\s+/g, "").toLowerCase(), Math.abs(Number(truth.total)).toFixed(2)].join("|");
}

/** Whether the visible page shows the XML's invoice at all: its number or its total printed in the text layer (some
 * samples attach the XML of another invoice to a page - the visible document cannot be scored against it). */
export function showsXmlInvoice(file: string, number: string, total: number): boolean {
  let text: string;
  try {
    text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).replace(/\s+/g, "").toLowerCase();
  } catch {
    return true; // not readable: scored (and failed) like any other
  }
  const fixed = Math.abs(total).toFixed(2);
  const [int = "", dec = ""] = fixed.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, "§");
  const forms = [`${int}.${dec}`, `${int},${dec}`, `${grouped.replace(/§/g, ".")},${dec}`, `${grouped.replace(/§/g, ",")}.${dec}`, `${grouped.replace(/§/g, "")},${dec}`];
  return text.includes(number.replace(/\s+/g, "").toLowerCase()) || forms.some((f) => text.includes(f));
}

export const SHOWS_ANOTHER_INVOICE = "the visible page prints neither the XML's invoice number nor its total (another invoice)";

/** A PDF's truth from its embedded XML, or why it has none (a drop reason). The visible-page check is apart
 * (showsXmlInvoice): it reads the page, the costlier step, done last. */
export function xmlTruthOrReason(file: string): { truth: Truth; flavour: string } | { reason: string } {
  let x: ReturnType<typeof xmlTruth>;
  try {
    x = xmlTruth(file);
  } catch (error) {
    return { reason: `embedded XML not read (${(error as Error).message.split("\n")[0]?.slice(0, 60)})` };
  }
  if (x === null) return { reason: "no embedded XML" };
  const missing = (["vendorName", "invoiceNumber", "total"] as const).filter((k) => x.truth[k] === undefined);
  if (missing.length > 0) return { reason: `XML gives no ${missing.join(" / ")}` };
  return x;
}

/** A corpus file's embedded truth, or the reason it is dropped: byte-identical to a `known` file or to one already
 * `seen` (the file's hash is added to `seen` otherwise), or no usable XML truth (xmlTruthOrReason). */
export function corpusFileTruth(
  file: string,
  known: { hashes: ReadonlySet<string>; reason: string },
  seen: { hashes: Set<string>; reason: string },
): { truth: Truth; flavour: string } | { reason: string } {
  const hash = sha256(file);
  if (known.hashes.has(hash)) return { reason: known.reason };
  if (seen.hashes.has(hash)) return { reason: seen.reason };
  seen.hashes.add(hash);
  return xmlTruthOrReason(file);
}

/** The truth Odoo Community reads from the same XML: account_edi_ubl_cii reads CII 100 (Factur-X, ZUGFeRD 2,
 * XRechnung CII) and UBL, not ZUGFeRD 1.0. */
export function odooTruth(x: { truth: Truth; flavour: string }): Truth {
  return x.flavour === "cii" || x.flavour === "ubl" ? x.truth : {};
}
