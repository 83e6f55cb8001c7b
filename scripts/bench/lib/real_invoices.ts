// The real vendor bills shipped next to the project (../shared/data/invoices, see /work/shared/data/README.md), read
// at run time and never copied into the repository, with their ground truth: invoice2data's <name>.json, and the XML
// embedded in OCA's Factur-X / ZUGFeRD / UBL PDFs. Used by test/endpoint/bills.test.ts and scripts/bench_bills.ts.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BillFieldName } from "../../../web_src/contracts/bills";
import { readInvoiceXml } from "../../../web_src/engine/bills/xml_invoice";
import { sharedDataDir } from "./real_statements";

export const TODAY = "2026-12-01";

/** The invoices folder, or why it cannot be used (for a skip message). */
export function locateInvoices(env: NodeJS.ProcessEnv = process.env): { dir: string; missing: string | null } {
  const dir = path.join(sharedDataDir(env), "invoices");
  return { dir, missing: existsSync(dir) ? null : `real invoices not found at ${dir} (set AI_BOOKKEEPING_SHARED_DATA to the shared data folder)` };
}

/** Kept aside since the first stop: the extractor was written without looking at these. */
export const HELD_OUT = new Set(["coolblue2.pdf", "NetpresseInvoice.pdf", "oyo.pdf", "oyo.png", "Facture_FR_EXTENDED.pdf", "ZUGFeRD_1p0_EXTENDED_Warenrechnung.pdf"]);

/** The report split: the held-out files above, plus every file whose name without extension hashes (SHA-256) to a
 * first hex digit 0-3 - the PDF and the PNG of one invoice fall on the same side. Tuning looks only at the others
 * (the bench prints the wrong values of the tuning split alone); the report split's scores are shown apart. */
export function inReportSplit(fileName: string): boolean {
  if (HELD_OUT.has(fileName)) return true;
  const stem = fileName.replace(/\.[^.]+$/, "");
  return "0123".includes(createHash("sha256").update(stem).digest("hex").charAt(0));
}

/** The header fields of "all header fields right". The document kind is one of them where the truth states it (an
 * e-invoice's type code: the embedded-XML sets and the ZUGFeRD corpus): amounts are compared positive, as the
 * contract states a credit note's, so a credit note read as an invoice - booked with every amount's sign wrong - is
 * a wrong header field like a wrong total. An absent kind reads as an invoice (contracts/bills.ts). */
export const HEADER: readonly BillFieldName[] = ["documentKind", "vendorName", "invoiceNumber", "invoiceDate", "dueDate", "currency", "untaxed", "totalTax", "total"];
export const EXTRA: readonly BillFieldName[] = ["vendorVat", "vendorIban", "vendorEmail", "purchaseOrderRef"];

export type Truth = Partial<Record<BillFieldName, string | number>> & { vendorAliases?: string[] };

export interface Case {
  file: string;
  name: string;
  truth: Truth;
  /** What Odoo Community alone fills in (the XML's fields for CII 100 / UBL, nothing otherwise). */
  odoo: Truth;
  /** In the report split (inReportSplit). */
  heldOut: boolean;
}

export function invoice2dataTruth(json: string): Truth {
  const [t] = JSON.parse(readFileSync(json, "utf8")) as Array<Record<string, unknown>>;
  if (t === undefined) return {};
  const truth: Truth = {};
  const str = (k: string) => (typeof t[k] === "string" && t[k] !== "" ? (t[k] as string) : undefined);
  const num = (k: string) => (typeof t[k] === "number" ? (t[k] as number) : undefined);
  if (str("issuer") !== undefined) truth.vendorName = str("issuer") as string;
  truth.vendorAliases = [str("partner_name")].filter((x): x is string => x !== undefined);
  if (str("invoice_number") !== undefined) truth.invoiceNumber = str("invoice_number") as string;
  if (str("date") !== undefined) truth.invoiceDate = str("date") as string;
  if (str("date_due") !== undefined) truth.dueDate = str("date_due") as string;
  if (str("currency") !== undefined) truth.currency = str("currency") as string;
  if (num("amount") !== undefined) truth.total = num("amount") as number;
  if (num("amount_untaxed") !== undefined) truth.untaxed = num("amount_untaxed") as number;
  // Tax: as stated, else total − untaxed when both are stated (the truth files rarely state it).
  if (num("amount_tax") !== undefined) truth.totalTax = num("amount_tax") as number;
  else if (truth.total !== undefined && truth.untaxed !== undefined) truth.totalTax = Math.round(((truth.total as number) - (truth.untaxed as number)) * 100) / 100;
  const iban = str("iban");
  if (iban !== undefined && /^[A-Z]{2}\d{2}[A-Z0-9]{11,}$/.test(iban)) truth.vendorIban = iban;
  const vat = str("vat") ?? str("static_vat");
  if (vat !== undefined && /^[A-Z]{2}/.test(vat.replace(/\s/g, ""))) truth.vendorVat = vat.replace(/\s/g, "");
  if (str("partner_email") !== undefined) truth.vendorEmail = str("partner_email") as string;
  return truth;
}

export function xmlTruth(pdf: string): { truth: Truth; flavour: string } | null {
  const dir = mkdtempSync(path.join(tmpdir(), "aib-bench-bills-"));
  try {
    execFileSync("pdfdetach", ["-saveall", "-o", dir, pdf], { stdio: "ignore" });
    const xml = readdirSync(dir).find((f) => f.toLowerCase().endsWith(".xml"));
    if (xml === undefined) return null;
    const { flavour, bill } = readInvoiceXml(readFileSync(path.join(dir, xml), "utf8"), TODAY);
    const truth: Truth = {};
    for (const k of [...HEADER, ...EXTRA]) {
      const f = bill.fields[k];
      if (f !== null) truth[k] = f.value as string | number;
    }
    truth.documentKind ??= "invoice"; // an e-invoice always states its type; none stated is an invoice (380)
    return { truth, flavour };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function fold(s: string): string {
  return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/** Spellings of one legal form, each group's first being the one it is compared as (words after folding, dots
 * dropped, other punctuation as spaces: "G.m.b.H." is "gmbh", "Sp. z o.o." is "sp z oo", "S.à r.l." is "sa rl"; "a.G."
 * is read as "vag" before the dots go, so that it stays apart from "AG"). */
const LEGAL_FORMS: ReadonlyArray<readonly string[]> = [
  ["gmbh", "gesellschaft mit beschrankter haftung"],
  ["ag", "aktiengesellschaft"],
  ["vag", "auf gegenseitigkeit"],
  ["kg", "kommanditgesellschaft"],
  ["kgaa", "kommanditgesellschaft auf aktien"],
  ["ohg", "offene handelsgesellschaft"],
  ["ek", "e k", "e kfm", "eingetragener kaufmann"],
  ["ltd", "limited"],
  ["pvt", "private"],
  ["plc", "public limited company"],
  ["inc", "incorporated"],
  ["corp", "corporation"],
  ["co", "company"],
  ["llc", "limited liability company"],
  ["bv", "b v", "besloten vennootschap"],
  ["nv", "n v", "naamloze vennootschap"],
  ["vof", "v o f", "vennootschap onder firma"],
  ["sarl", "sa rl", "s a r l", "s a rl"],
  ["sas", "s a s"],
  ["sa", "s a", "societe anonyme", "sociedad anonima", "spolka akcyjna"],
  ["srl", "s r l", "societa a responsabilita limitata"],
  ["spa", "s p a", "societa per azioni"],
  ["snc", "s n c"],
  ["sl", "s l", "sociedad limitada"],
  ["slu", "s l u", "sociedad limitada unipersonal"],
  ["sp z oo", "sp z o o", "spolka z ograniczona odpowiedzialnoscia"],
  ["spj", "sp j", "spolka jawna"],
  ["ab", "aktiebolag"],
  ["hb", "handelsbolag"],
];
const LEGAL_SPELLINGS: ReadonlyArray<readonly [RegExp, string]> = LEGAL_FORMS.flatMap(([canonical, ...others]) =>
  others.map((o) => [new RegExp(`(^| )${o}(?= |$)`, "g"), `$1${canonical as string}`] as const),
);

/** A company name as compared: accents folded (ł as l, ß as ss), lower case, dots dropped, other punctuation and runs
 * of spaces made one space ("&" kept as a word), and each legal form written one way. */
export function vendorKey(name: string): string {
  let key = fold(name)
    .replace(/ł/g, "l")
    .replace(/ß/g, "ss")
    .replace(/ø/g, "o")
    .replace(/(^|\s)a\.\s?g\.?(?=\s|$)/g, "$1vag")
    .replace(/\./g, "")
    .replace(/&/g, " & ")
    .replace(/[^a-z0-9&]+/g, " ")
    .trim();
  for (const [spelling, canonical] of LEGAL_SPELLINGS) key = key.replace(spelling, canonical);
  return key;
}

const CANONICAL_FORMS = LEGAL_FORMS.map(([canonical]) => canonical as string);
/** The key without the legal forms (and "&") it ends with. */
function withoutTrailingForms(key: string): string {
  let words = key.split(" ");
  for (let cut = true; cut && words.length > 1; ) {
    cut = false;
    for (const form of [...CANONICAL_FORMS, "&"]) {
      const tail = form.split(" ");
      if (words.length > tail.length && words.slice(-tail.length).join(" ") === form) {
        words = words.slice(0, -tail.length);
        cut = true;
      }
    }
  }
  return words.join(" ");
}
function hasLegalForm(key: string): boolean {
  return CANONICAL_FORMS.some((form) => ` ${key} `.includes(` ${form} `));
}

/** Same vendor: the same name up to case, accents, punctuation, spacing and the spelling of its legal form. A missing,
 * shortened or different legal form ("X Co." for "X Co., Ltd.", "Acme GmbH" for "Acme AG") or a missing word is
 * another name - the name an accountant books is the issuer's legal name as printed. What the truth does not state
 * is not held against the reading: a truth without a legal form (an XML's "Au bon moulin") takes the same name with
 * one ("Au bon moulin SARL"), and a truth over several lines (an XML name "GLN …\nLief-Nr: …\nMuster GmbH") takes
 * the whole or its one line that carries a legal form. */
export function sameVendor(found: string, truth: string): boolean {
  const a = vendorKey(found);
  if (a === "") return false;
  const lines = truth.split(/\n/).map(vendorKey).filter((k) => k !== "");
  const candidates = [vendorKey(truth), ...(lines.length > 1 ? lines.filter(hasLegalForm) : [])];
  return candidates.some((t) => a === t || (!hasLegalForm(t) && withoutTrailingForms(a) === t));
}

export function right(field: BillFieldName, found: unknown, truth: Truth): boolean {
  const expected = truth[field];
  if (field === "documentKind") return (found ?? "invoice") === (expected ?? "invoice");
  if (found === undefined || found === null) return false;
  switch (field) {
    case "vendorName":
      return [truth.vendorName, ...(truth.vendorAliases ?? [])].some((t) => typeof t === "string" && sameVendor(String(found), t));
    case "invoiceNumber":
    case "purchaseOrderRef":
      return String(found).replace(/^#|\s/g, "").toLowerCase() === String(expected).replace(/^#|\s/g, "").toLowerCase();
    case "untaxed":
    case "totalTax":
    case "total":
      return typeof found === "number" && Math.abs(found - Number(expected)) < 0.005;
    case "vendorEmail":
      return String(found).toLowerCase() === String(expected).toLowerCase();
    default:
      return String(found) === String(expected);
  }
}

/** Every document with ground truth: invoice2data PDFs/PNGs with their JSON, OCA PDFs with embedded XML. */
export function invoiceCases(dir: string): { pdfs: Case[]; images: Case[]; xml: Case[] } {
  const i2d = path.join(dir, "invoice2data");
  const edi = path.join(dir, "oca-edi");
  const pdfs: Case[] = [];
  const images: Case[] = [];
  const xml: Case[] = [];
  for (const f of readdirSync(i2d).sort()) {
    const ext = path.extname(f).toLowerCase();
    const json = path.join(i2d, `${path.basename(f, ext)}.json`);
    if (![".pdf", ".png"].includes(ext) || !existsSync(json)) continue;
    const c: Case = { file: path.join(i2d, f), name: f, truth: invoice2dataTruth(json), odoo: {}, heldOut: inReportSplit(f) };
    (ext === ".pdf" ? pdfs : images).push(c);
  }
  for (const f of readdirSync(edi).sort()) {
    if (!f.toLowerCase().endsWith(".pdf")) continue;
    const x = xmlTruth(path.join(edi, f));
    if (x === null) continue; // a plain bill without ground truth
    // Odoo Community's account_edi_ubl_cii reads CII 100 (Factur-X, ZUGFeRD 2) and UBL, not ZUGFeRD 1.0.
    const odooReads = x.flavour === "cii" || x.flavour === "ubl";
    xml.push({ file: path.join(edi, f), name: `${f} [${x.flavour}]`, truth: x.truth, odoo: odooReads ? x.truth : {}, heldOut: inReportSplit(f) });
  }
  return { pdfs, images, xml };
}
