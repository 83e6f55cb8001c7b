// The bills bench's third real corpus (scripts/bench/lib/extra_corpus.ts): what it drops, by reason, so that what it
// scores is unseen data (one document per invoice, none from the shared data or the ZUGFeRD corpus), and that every
// document kept is report data, named by its source repository. Small Factur-X PDFs made here, read by the real
// poppler (pdfdetach, pdftotext); skipped with the reason when poppler is absent.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extraCases, knownDocuments, locateExtraCorpus, type ExtraCases } from "../../scripts/bench/lib/extra_corpus";
import { invoiceKey } from "../../scripts/bench/lib/xml_corpus";
import { makePdf } from "../engine/bills/pdf_fixture";

const poppler = (() => {
  try {
    execFileSync("pdfdetach", ["-v"], { stdio: "ignore" });
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ENOENT";
  }
})();

function cii(vendor: string, number: string, total: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
  <rsm:ExchangedDocument><ram:ID>${number}</ram:ID><ram:TypeCode>380</ram:TypeCode>
    <ram:IssueDateTime><udt:DateTimeString format="102">20250305</udt:DateTimeString></ram:IssueDateTime></rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
    <ram:ApplicableHeaderTradeAgreement><ram:SellerTradeParty><ram:Name>${vendor}</ram:Name></ram:SellerTradeParty></ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:TaxBasisTotalAmount>100.00</ram:TaxBasisTotalAmount><ram:TaxTotalAmount currencyID="EUR">${(Number(total) - 100).toFixed(2)}</ram:TaxTotalAmount>
        <ram:GrandTotalAmount>${total}</ram:GrandTotalAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>`;
}

/** A one-page Factur-X PDF: the visible page prints `shown` (by default the XML's invoice), the XML is attached. */
function facturX(vendor: string, number: string, total: string, shown?: { number: string; total: string }, extraLine = ""): Buffer {
  const page = shown ?? { number, total };
  return makePdf({
    pages: [[vendor, `Rechnung Nr. ${page.number}`, "Datum 05.03.2025", `Gesamtbetrag  ${page.total.replace(".", ",")} EUR`, extraLine]],
    attachments: [{ name: "factur-x.xml", content: cii(vendor, number, total) }],
  });
}

function put(dir: string, rel: string, bytes: Buffer | string): string {
  const file = path.join(dir, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  return file;
}

describe.skipIf(!poppler)("extra corpus loader (bench)", () => {
  let root: string;
  let shared: string;
  let zugferd: string;
  let extra: string;
  let found: ExtraCases;
  const reasonOf = (rel: string) => Object.entries(found.dropped).find(([, files]) => files.includes(rel))?.[0];

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), "aib-extra-corpus-"));
    shared = path.join(root, "shared", "invoices");
    zugferd = path.join(root, "ZUGFeRD-corpus");
    extra = path.join(root, "extra");
    // The shared data: an invoice2data bill with its JSON truth, and an OCA Factur-X PDF.
    put(shared, "invoice2data/Kestrel.pdf", makePdf({ pages: [["Kestrel Signs Ltd", "Invoice K-77", "Total 240.00"]] }));
    put(shared, "invoice2data/Kestrel.json", JSON.stringify([{ issuer: "Kestrel Signs Ltd", invoice_number: "K-77", amount: 240, date: "2025-01-02", currency: "GBP" }]));
    const ocaFile = put(shared, "oca-edi/Facture_OCA.pdf", facturX("Au bon moulin SARL", "F-2025-1", "120.00"));
    // The ZUGFeRD corpus: one sample, in a `fail/` folder too (every file of it counts for the dedupe).
    const corpusFile = put(zugferd, "ZUGFeRDv2/correct/x/zugferd_2p0_EN16931_Einfach.pdf", facturX("Lieferant GmbH", "471102", "529.87"));
    put(zugferd, "ZUGFeRDv2/fail/y/broken.pdf", facturX("Kaputt AG", "X-1", "119.00", undefined, "fail sample"));
    // The extra corpus, two source repositories.
    put(extra, "a+one/tests/copy_of_oca.pdf", readFileSync(ocaFile));
    put(extra, "a+one/tests/copy_of_corpus.pdf", readFileSync(corpusFile));
    put(extra, "a+one/tests/copy_of_fail.pdf", facturX("Kaputt AG", "X-1", "119.00", undefined, "fail sample"));
    put(extra, "a+one/tests/corpus_rerendered.pdf", facturX("LIEFERANT G.m.b.H.", "471 102", "529.87", undefined, "another rendering"));
    put(extra, "a+one/tests/shared_rerendered.pdf", facturX("Kestrel Signs Limited", "K-77", "240.00"));
    put(extra, "a+one/tests/new_invoice.pdf", facturX("Nordlicht Handel GmbH", "NL-2025-0042", "357.00"));
    put(extra, "b+two/samples/new_invoice_again.pdf", facturX("Nordlicht Handel GmbH", "NL-2025-0042", "357.00", undefined, "v2 of the sample"));
    put(extra, "b+two/samples/byte_copy.pdf", readFileSync(path.join(extra, "a+one/tests/new_invoice.pdf")));
    put(extra, "b+two/samples/other_page.pdf", facturX("Sonnenschein KG", "SK-9", "833.00", { number: "SK-8", total: "416.50" }));
    put(extra, "b+two/samples/plain.pdf", makePdf({ pages: [["Just a letter", "No invoice here"]] }));
    put(extra, "b+two/samples/order.pdf", makePdf({ pages: [["Order 5"]], attachments: [{ name: "order-x.xml", content: "<Order><ID>5</ID></Order>" }] }));
    put(extra, "b+two/samples/second_new.pdf", facturX("Bergblick Werkzeuge AG", "GS-2025-7", "178.50"));
    put(extra, "b+two/notes.txt", "not a PDF");
    found = extraCases(extra, knownDocuments(shared, zugferd));
  }, 60_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("drops files byte-identical to the shared data, the ZUGFeRD corpus (fail/ too) or another extra file", () => {
    expect(reasonOf("a+one/tests/copy_of_oca.pdf")).toBe("byte-identical to a file of ../shared/data/invoices or of the ZUGFeRD corpus");
    expect(reasonOf("a+one/tests/copy_of_corpus.pdf")).toBe("byte-identical to a file of ../shared/data/invoices or of the ZUGFeRD corpus");
    expect(reasonOf("a+one/tests/copy_of_fail.pdf")).toBe("byte-identical to a file of ../shared/data/invoices or of the ZUGFeRD corpus");
    expect(reasonOf("b+two/samples/byte_copy.pdf")).toBe("byte-identical to another extra-corpus file");
  });

  it("drops the same invoice re-rendered: vendor as compared, number without spaces, total", () => {
    expect(reasonOf("a+one/tests/corpus_rerendered.pdf")).toBe("the same invoice (vendor, number, total) as a document of the ZUGFeRD corpus");
    expect(reasonOf("a+one/tests/shared_rerendered.pdf")).toBe("the same invoice (vendor, number, total) as a document of ../shared/data/invoices");
    expect(reasonOf("b+two/samples/new_invoice_again.pdf")).toBe("the same invoice (vendor, number, total) as another extra-corpus file");
  });

  it("drops a page showing another invoice than its XML, and files with no usable XML", () => {
    expect(reasonOf("b+two/samples/other_page.pdf")).toBe("the visible page prints neither the XML's invoice number nor its total (another invoice)");
    expect(reasonOf("b+two/samples/plain.pdf")).toBe("no embedded XML");
    expect(reasonOf("b+two/samples/order.pdf")).toMatch(/^embedded XML not read/);
  });

  it("keeps the rest, every one in the report split, named by its source repository", () => {
    expect(found.cases.map((c) => [path.relative(extra, c.file), c.source, c.heldOut])).toEqual([
      ["a+one/tests/new_invoice.pdf", "a+one", true],
      ["b+two/samples/second_new.pdf", "b+two", true],
    ]);
    expect(found.cases[0]?.truth).toMatchObject({ vendorName: "Nordlicht Handel GmbH", invoiceNumber: "NL-2025-0042", total: 357 });
    expect(found.cases[0]?.odoo).toEqual(found.cases[0]?.truth); // a CII 100 XML: what Odoo CE reads alone
    expect(found.perSource).toEqual({ "a+one": { files: 6, kept: 1 }, "b+two": { files: 6, kept: 1 } });
    const dropped = Object.values(found.dropped).reduce((n, files) => n + files.length, 0);
    expect(dropped + found.cases.length).toBe(12);
  });

  it("is located by BILLS_EXTRA_CORPUS_DIR, and says why it is skipped when that folder holds no PDF", () => {
    expect(locateExtraCorpus("/repo", { BILLS_EXTRA_CORPUS_DIR: extra })).toEqual({ dir: extra, missing: null });
    expect(locateExtraCorpus("/work/x/repo", {}).dir).toBe(path.resolve("/work/x/corpus/extra"));
    const empty = path.join(root, "empty");
    mkdirSync(empty);
    expect(locateExtraCorpus("/repo", { BILLS_EXTRA_CORPUS_DIR: empty }).missing).toMatch(/no PDF there.*skipped that group.*fetch_extra_corpus\.sh/);
    expect(locateExtraCorpus("/repo", { BILLS_EXTRA_CORPUS_DIR: path.join(root, "absent") }).missing).toMatch(/not found/);
  });
});

describe("invoiceKey (bench dedupe)", () => {
  it("is one key for one invoice however its vendor and number are spelled", () => {
    expect(invoiceKey({ vendorName: "Lieferant G.m.b.H.", invoiceNumber: "471 102", total: 529.87 })).toBe(invoiceKey({ vendorName: "LIEFERANT GMBH", invoiceNumber: "471102", total: 529.870001 }));
    expect(invoiceKey({ vendorName: "Lieferant GmbH", invoiceNumber: "471102", total: 529.87 })).not.toBe(invoiceKey({ vendorName: "Lieferant GmbH", invoiceNumber: "471102", total: 529.88 }));
    expect(invoiceKey({ vendorName: "Lieferant GmbH", invoiceNumber: "471102", total: 529.87 })).not.toBe(invoiceKey({ vendorName: "Lieferant AG", invoiceNumber: "471102", total: 529.87 }));
    expect(invoiceKey({ vendorName: "Lieferant GmbH", total: 529.87 })).toBeNull();
  });
});
