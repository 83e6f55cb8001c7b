// Structured e-invoices read into the same fields as a printed bill: UN/CEFACT CII (Factur-X, ZUGFeRD 2.x,
// XRechnung CII), its predecessor ZUGFeRD 1.0 (urn:ferd:CrossIndustryDocument:invoice:1p0, which Odoo does not
// read) and OASIS UBL 2.1 Invoice / CreditNote (XRechnung UBL, Peppol BIS). Parsing as camt.ts does it: a size
// cap, no DTD at all (so no entity expansion, "billion laughs", and no external entities), fast-xml-parser after its
// validator, namespace prefixes dropped; this file only walks the tree.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { BillAddress, BillFields, BillLine, BillTax, ExtractedBill, ExtractedField } from "../../contracts/bills";
import { MAX_BILL_XML_BYTES } from "../../contracts/bills";
import { checkBill } from "./check_bill";
import { asPositive, kindOfTypeCode } from "./document_kind";

/** The XML is no e-invoice we read, or is refused (DTD, too large, not well-formed); the message says which. */
export class XmlInvoiceError extends Error {}

export type XmlInvoiceFlavour = "cii" | "zugferd1" | "ubl";

type XmlNode = unknown;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => ["IncludedSupplyChainTradeLineItem", "InvoiceLine", "CreditNoteLine", "ApplicableTradeTax", "TaxSubtotal", "TaxTotalAmount", "TaxTotal", "SpecifiedTaxRegistration", "PartyTaxScheme", "IncludedNote", "Note", "SpecifiedTradeSettlementPaymentMeans", "PaymentMeans", "URIUniversalCommunication", "Name", "Description"].includes(name),
});

function isRecord(node: XmlNode): node is Record<string, unknown> {
  return typeof node === "object" && node !== null && !Array.isArray(node);
}

function at(node: XmlNode, ...path: string[]): XmlNode {
  let current: XmlNode = node;
  for (const key of path) {
    if (Array.isArray(current)) current = current[0];
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

function all(node: XmlNode, ...path: string[]): XmlNode[] {
  const value = at(node, ...path);
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function text(node: XmlNode, ...path: string[]): string | undefined {
  let value = at(node, ...path);
  if (Array.isArray(value)) value = value[0];
  if (typeof value === "string") return value.trim() === "" ? undefined : value.trim();
  if (isRecord(value) && typeof value["#text"] === "string") return value["#text"].trim();
  return undefined;
}

function attr(node: XmlNode, name: string): string | undefined {
  const value = Array.isArray(node) ? node[0] : node;
  return isRecord(value) && typeof value[`@${name}`] === "string" ? (value[`@${name}`] as string) : undefined;
}

function num(node: XmlNode, ...path: string[]): number | undefined {
  const t = text(node, ...path);
  if (t === undefined || !/^-?\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

/** 20171113 (format 102) or 2017-11-13. */
function isoDate(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
  if (compact !== null) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const dashed = /^(\d{4}-\d{2}-\d{2})/.exec(raw);
  return dashed?.[1];
}

/** Parse and classify. Throws XmlInvoiceError with a sentence when refused. */
export function parseInvoiceXml(xml: string): { flavour: XmlInvoiceFlavour; root: XmlNode; rootName: string } {
  if (xml.length > MAX_BILL_XML_BYTES) {
    throw new XmlInvoiceError(`the embedded XML has more than ${MAX_BILL_XML_BYTES} characters; e-invoices are far smaller, so it was not read.`);
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new XmlInvoiceError("the embedded XML declares a DTD or entities (<!DOCTYPE>/<!ENTITY>); e-invoices never do, and it was refused unread (this is how XML bombs and external-entity attacks work).");
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new XmlInvoiceError(`the embedded XML is not well-formed (line ${valid.err.line}: ${valid.err.msg}).`);
  const doc = parser.parse(xml) as Record<string, unknown>;
  if (doc["CrossIndustryInvoice"] !== undefined) return { flavour: "cii", root: doc["CrossIndustryInvoice"], rootName: "CrossIndustryInvoice" };
  if (doc["CrossIndustryDocument"] !== undefined) return { flavour: "zugferd1", root: doc["CrossIndustryDocument"], rootName: "CrossIndustryDocument" };
  if (doc["Invoice"] !== undefined) return { flavour: "ubl", root: doc["Invoice"], rootName: "Invoice" };
  if (doc["CreditNote"] !== undefined) return { flavour: "ubl", root: doc["CreditNote"], rootName: "CreditNote" };
  throw new XmlInvoiceError("the XML is neither a CII (Factur-X, ZUGFeRD, XRechnung) nor a UBL invoice.");
}

function f<T>(value: T | undefined, sourceText: string): ExtractedField<T> | null {
  if (value === undefined) return null;
  return { value, confidence: 0.99, sourceText: sourceText.slice(0, 200), page: 1 };
}

/** A postal address from its parts, or undefined when the XML states none of them. */
function address(street: string | undefined, zip: string | undefined, city: string | undefined, country: string | undefined): BillAddress | undefined {
  if (street === undefined && zip === undefined && city === undefined) return undefined;
  const code = country?.trim().toUpperCase();
  return { street: street?.slice(0, 200) ?? null, zip: zip?.slice(0, 20) ?? null, city: city?.slice(0, 100) ?? null, country: code !== undefined && /^[A-Z]{2}$/.test(code) ? code : null };
}

export interface XmlBill {
  flavour: XmlInvoiceFlavour;
  bill: ExtractedBill;
}

/** The bill an e-invoice XML states, checked like any other. */
export function readInvoiceXml(xml: string, today: string): XmlBill {
  const { flavour, root, rootName } = parseInvoiceXml(xml);
  const bill = flavour === "ubl" ? readUbl(root) : readCii(root, flavour);
  return { flavour, bill: checkBill(withKind(bill, flavour, root, rootName), today) };
}

/** The document kind the XML states (UNTDID 1001 type code; a UBL CreditNote root), and a bill whose amounts are
 * stated negative (a corrected invoice, 384, taking off) as a credit note with positive amounts. */
function withKind(bill: ExtractedBill, flavour: XmlInvoiceFlavour, root: XmlNode, rootName: string): ExtractedBill {
  const code = flavour === "ubl" ? text(root, rootName === "CreditNote" ? "CreditNoteTypeCode" : "InvoiceTypeCode") : text(root, flavour === "zugferd1" ? "HeaderExchangedDocument" : "ExchangedDocument", "TypeCode");
  const tag = flavour === "ubl" ? `UBL ${rootName}` : flavour === "zugferd1" ? "ZUGFeRD 1.0" : "CII";
  const stated = kindOfTypeCode(code) ?? (rootName === "CreditNote" ? "credit_note" : undefined);
  const where = code === undefined ? `${tag} root ${rootName}` : `${tag} ${flavour === "ubl" ? `${rootName}TypeCode` : "TypeCode"} ${code}`;
  const total = bill.fields.total?.value;
  if (total !== undefined && total < 0) {
    const positive = asPositive(bill);
    const sourceText = `${where}, amounts stated negative (total ${total.toFixed(2)})`;
    return { ...positive, fields: { ...positive.fields, documentKind: { value: "credit_note", confidence: 0.95, sourceText, page: 1 } } };
  }
  return stated === undefined ? bill : { ...bill, fields: { ...bill.fields, documentKind: f(stated, where) } };
}

function emptyBill(): ExtractedBill {
  return {
    pageFrom: 1,
    pageTo: 1,
    source: "embedded_xml",
    fields: {
      documentKind: null, vendorName: null, vendorAddress: null, vendorVat: null, vendorIban: null, vendorEmail: null, invoiceNumber: null, invoiceDate: null,
      dueDate: null, paymentTerms: null, currency: null, untaxed: null, totalTax: null, total: null, purchaseOrderRef: null,
    },
    lines: [],
    taxes: [],
    checks: [],
  };
}

function readCii(root: XmlNode, flavour: "cii" | "zugferd1"): ExtractedBill {
  const v1 = flavour === "zugferd1";
  const header = at(root, v1 ? "HeaderExchangedDocument" : "ExchangedDocument");
  const trade = at(root, v1 ? "SpecifiedSupplyChainTradeTransaction" : "SupplyChainTradeTransaction");
  const agreement = at(trade, v1 ? "ApplicableSupplyChainTradeAgreement" : "ApplicableHeaderTradeAgreement");
  const settlement = at(trade, v1 ? "ApplicableSupplyChainTradeSettlement" : "ApplicableHeaderTradeSettlement");
  const seller = at(agreement, "SellerTradeParty");
  const sums = at(settlement, v1 ? "SpecifiedTradeSettlementMonetarySummation" : "SpecifiedTradeSettlementHeaderMonetarySummation");
  const currency = text(settlement, "InvoiceCurrencyCode");
  const terms = at(settlement, "SpecifiedTradePaymentTerms");
  const tag = v1 ? "ZUGFeRD 1.0" : "CII";

  const vat = all(seller, "SpecifiedTaxRegistration").map((r) => ({ id: text(r, "ID"), scheme: attr(at(r, "ID"), "schemeID") })).find((r) => r.scheme === "VA")?.id;
  const email = text(seller, "URIUniversalCommunication", "URIID") ?? text(seller, "DefinedTradeContact", "EmailURIUniversalCommunication", "URIID");
  const iban = all(settlement, "SpecifiedTradeSettlementPaymentMeans").map((m) => text(m, "PayeePartyCreditorFinancialAccount", "IBANID")).find((x) => x !== undefined);
  // TaxTotalAmount may be repeated per currency: the invoice currency's.
  const taxTotals = all(sums, "TaxTotalAmount");
  const taxNode = taxTotals.find((t) => attr(t, "currencyID") === currency) ?? taxTotals[0];
  const taxTotal = taxNode === undefined ? undefined : num(taxNode);

  const bill = emptyBill();
  const fields: BillFields = {
    ...bill.fields,
    vendorName: f(text(seller, "Name"), `${tag} SellerTradeParty/Name`),
    vendorAddress: f(address(text(seller, "PostalTradeAddress", "LineOne"), text(seller, "PostalTradeAddress", "PostcodeCode"), text(seller, "PostalTradeAddress", "CityName"), text(seller, "PostalTradeAddress", "CountryID")), `${tag} SellerTradeParty/PostalTradeAddress`),
    vendorVat: f(vat?.replace(/\s+/g, "").toUpperCase(), `${tag} SellerTradeParty/SpecifiedTaxRegistration/ID[@schemeID=VA]`),
    vendorIban: f(iban?.replace(/\s+/g, "").toUpperCase(), `${tag} PayeePartyCreditorFinancialAccount/IBANID`),
    vendorEmail: f(email, `${tag} SellerTradeParty e-mail`),
    invoiceNumber: f(text(header, "ID"), `${tag} ExchangedDocument/ID`),
    invoiceDate: f(isoDate(text(header, "IssueDateTime", "DateTimeString")), `${tag} IssueDateTime`),
    dueDate: f(isoDate(text(terms, "DueDateDateTime", "DateTimeString")), `${tag} SpecifiedTradePaymentTerms/DueDateDateTime`),
    paymentTerms: f(text(terms, "Description"), `${tag} SpecifiedTradePaymentTerms/Description`),
    currency: f(currency, `${tag} InvoiceCurrencyCode`),
    untaxed: f(num(sums, "TaxBasisTotalAmount"), `${tag} TaxBasisTotalAmount`),
    totalTax: f(taxTotal, `${tag} TaxTotalAmount`),
    total: f(num(sums, "GrandTotalAmount"), `${tag} GrandTotalAmount`),
    purchaseOrderRef: f(text(agreement, "BuyerOrderReferencedDocument", v1 ? "ID" : "IssuerAssignedID"), `${tag} BuyerOrderReferencedDocument`),
  };
  const taxes: BillTax[] = all(settlement, "ApplicableTradeTax").flatMap((t) => {
    const rate = num(t, v1 ? "ApplicablePercent" : "RateApplicablePercent") ?? num(t, "ApplicablePercent");
    return rate === undefined ? [] : [{ rate, base: num(t, "BasisAmount") ?? null, amount: num(t, "CalculatedAmount") ?? null }];
  });
  const lines: BillLine[] = all(trade, "IncludedSupplyChainTradeLineItem").map((item) => {
    const product = at(item, "SpecifiedTradeProduct");
    const lineAgreement = at(item, v1 ? "SpecifiedSupplyChainTradeAgreement" : "SpecifiedLineTradeAgreement");
    const delivery = at(item, v1 ? "SpecifiedSupplyChainTradeDelivery" : "SpecifiedLineTradeDelivery");
    const lineSettlement = at(item, v1 ? "SpecifiedSupplyChainTradeSettlement" : "SpecifiedLineTradeSettlement");
    const lineTax = all(lineSettlement, "ApplicableTradeTax")[0];
    return {
      description: (text(product, "Name") ?? text(product, "Description") ?? "").slice(0, 200),
      quantity: num(delivery, "BilledQuantity") ?? null,
      unitPrice: num(lineAgreement, "NetPriceProductTradePrice", "ChargeAmount") ?? null,
      taxRate: (lineTax === undefined ? undefined : num(lineTax, v1 ? "ApplicablePercent" : "RateApplicablePercent") ?? num(lineTax, "ApplicablePercent")) ?? null,
      amount: num(lineSettlement, v1 ? "SpecifiedTradeSettlementMonetarySummation" : "SpecifiedTradeSettlementLineMonetarySummation", "LineTotalAmount") ?? null,
      confidence: 0.99,
    };
  });
  return { ...bill, fields, taxes, lines };
}

function readUbl(root: XmlNode): ExtractedBill {
  const party = at(root, "AccountingSupplierParty", "Party");
  const currency = text(root, "DocumentCurrencyCode");
  const totals = at(root, "LegalMonetaryTotal");
  const taxTotals = all(root, "TaxTotal");
  const taxTotal = taxTotals.find((t) => attr(at(t, "TaxAmount"), "currencyID") === currency) ?? taxTotals[0];
  const vat = all(party, "PartyTaxScheme").map((s) => text(s, "CompanyID")).find((x) => x !== undefined);
  const iban = all(root, "PaymentMeans").map((m) => text(m, "PayeeFinancialAccount", "ID")).find((x) => x !== undefined);
  const bill = emptyBill();
  const fields: BillFields = {
    ...bill.fields,
    vendorName: f(text(party, "PartyName", "Name") ?? text(party, "PartyLegalEntity", "RegistrationName"), "UBL AccountingSupplierParty name"),
    vendorAddress: f(address(text(party, "PostalAddress", "StreetName"), text(party, "PostalAddress", "PostalZone"), text(party, "PostalAddress", "CityName"), text(party, "PostalAddress", "Country", "IdentificationCode")), "UBL AccountingSupplierParty/PostalAddress"),
    vendorVat: f(vat?.replace(/\s+/g, "").toUpperCase(), "UBL PartyTaxScheme/CompanyID"),
    vendorIban: f(iban?.replace(/\s+/g, "").toUpperCase(), "UBL PayeeFinancialAccount/ID"),
    vendorEmail: f(text(party, "Contact", "ElectronicMail"), "UBL Contact/ElectronicMail"),
    invoiceNumber: f(text(root, "ID"), "UBL ID"),
    invoiceDate: f(isoDate(text(root, "IssueDate")), "UBL IssueDate"),
    dueDate: f(isoDate(text(root, "DueDate") ?? text(root, "PaymentMeans", "PaymentDueDate")), "UBL DueDate"),
    paymentTerms: f(text(root, "PaymentTerms", "Note"), "UBL PaymentTerms/Note"),
    currency: f(currency, "UBL DocumentCurrencyCode"),
    untaxed: f(num(totals, "TaxExclusiveAmount"), "UBL TaxExclusiveAmount"),
    totalTax: f(taxTotal === undefined ? undefined : num(taxTotal, "TaxAmount"), "UBL TaxTotal/TaxAmount"),
    total: f(num(totals, "TaxInclusiveAmount") ?? num(totals, "PayableAmount"), "UBL TaxInclusiveAmount"),
    purchaseOrderRef: f(text(root, "OrderReference", "ID"), "UBL OrderReference/ID"),
  };
  const taxes: BillTax[] = (taxTotal === undefined ? [] : all(taxTotal, "TaxSubtotal")).flatMap((s) => {
    const rate = num(s, "TaxCategory", "Percent") ?? num(s, "Percent");
    return rate === undefined ? [] : [{ rate, base: num(s, "TaxableAmount") ?? null, amount: num(s, "TaxAmount") ?? null }];
  });
  const lines: BillLine[] = [...all(root, "InvoiceLine"), ...all(root, "CreditNoteLine")].map((l) => ({
    description: (text(l, "Item", "Name") ?? text(l, "Item", "Description") ?? "").slice(0, 200),
    quantity: num(l, "InvoicedQuantity") ?? num(l, "CreditedQuantity") ?? null,
    unitPrice: num(l, "Price", "PriceAmount") ?? null,
    taxRate: num(l, "Item", "ClassifiedTaxCategory", "Percent") ?? null,
    amount: num(l, "LineExtensionAmount") ?? null,
    confidence: 0.99,
  }));
  return { ...bill, fields, taxes, lines };
}
