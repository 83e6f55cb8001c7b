// E-invoice XML read into the bill fields: CII (Factur-X / ZUGFeRD 2 / XRechnung), ZUGFeRD 1.0 and UBL; and the
// refusals: a DTD (XML bomb, external entities), a file that is not well-formed, an XML that is no invoice.
import { describe, expect, it } from "vitest";
import { readInvoiceXml, XmlInvoiceError } from "../../../web_src/engine/bills/xml_invoice";

const TODAY = "2026-12-01";

const CII = `<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
  <rsm:ExchangedDocument><ram:ID>FX-1</ram:ID><ram:TypeCode>380</ram:TypeCode>
    <ram:IssueDateTime><udt:DateTimeString format="102">20240305</udt:DateTimeString></ram:IssueDateTime></rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
    <ram:IncludedSupplyChainTradeLineItem>
      <ram:SpecifiedTradeProduct><ram:Name>Widget &amp; bolts</ram:Name></ram:SpecifiedTradeProduct>
      <ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice><ram:ChargeAmount>10.00</ram:ChargeAmount></ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>
      <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="C62">10</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>
      <ram:SpecifiedLineTradeSettlement><ram:ApplicableTradeTax><ram:RateApplicablePercent>20</ram:RateApplicablePercent></ram:ApplicableTradeTax>
        <ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>100.00</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation></ram:SpecifiedLineTradeSettlement>
    </ram:IncludedSupplyChainTradeLineItem>
    <ram:ApplicableHeaderTradeAgreement>
      <ram:SellerTradeParty><ram:Name>Au bon moulin</ram:Name><ram:PostalTradeAddress><ram:PostcodeCode>75008</ram:PostcodeCode><ram:LineOne>12 rue de la Paix</ram:LineOne><ram:CityName>Paris</ram:CityName><ram:CountryID>FR</ram:CountryID></ram:PostalTradeAddress><ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">FR11999999998</ram:ID></ram:SpecifiedTaxRegistration></ram:SellerTradeParty>
      <ram:BuyerOrderReferencedDocument><ram:IssuerAssignedID>PO445</ram:IssuerAssignedID></ram:BuyerOrderReferencedDocument>
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
      <ram:SpecifiedTradeSettlementPaymentMeans><ram:PayeePartyCreditorFinancialAccount><ram:IBANID>FR76 3000 6000 0112 3456 7890 189</ram:IBANID></ram:PayeePartyCreditorFinancialAccount></ram:SpecifiedTradeSettlementPaymentMeans>
      <ram:ApplicableTradeTax><ram:CalculatedAmount>20.00</ram:CalculatedAmount><ram:BasisAmount>100.00</ram:BasisAmount><ram:RateApplicablePercent>20</ram:RateApplicablePercent></ram:ApplicableTradeTax>
      <ram:SpecifiedTradePaymentTerms><ram:Description>30 jours</ram:Description><ram:DueDateDateTime><udt:DateTimeString format="102">20240404</udt:DateTimeString></ram:DueDateDateTime></ram:SpecifiedTradePaymentTerms>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:LineTotalAmount>100.00</ram:LineTotalAmount><ram:TaxBasisTotalAmount>100.00</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="EUR">20.00</ram:TaxTotalAmount><ram:GrandTotalAmount>120.00</ram:GrandTotalAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>`;

const ZUGFERD1 = `<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryDocument xmlns:rsm="urn:ferd:CrossIndustryDocument:invoice:1p0" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:12" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:15">
  <rsm:HeaderExchangedDocument><ram:ID>471102</ram:ID><ram:IssueDateTime><udt:DateTimeString format="102">20130305</udt:DateTimeString></ram:IssueDateTime></rsm:HeaderExchangedDocument>
  <rsm:SpecifiedSupplyChainTradeTransaction>
    <ram:ApplicableSupplyChainTradeAgreement><ram:SellerTradeParty><ram:Name>Lieferant GmbH</ram:Name>
      <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">DE232446240</ram:ID></ram:SpecifiedTaxRegistration></ram:SellerTradeParty></ram:ApplicableSupplyChainTradeAgreement>
    <ram:ApplicableSupplyChainTradeSettlement>
      <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
      <ram:ApplicableTradeTax><ram:CalculatedAmount currencyID="EUR">37.62</ram:CalculatedAmount><ram:BasisAmount currencyID="EUR">198.00</ram:BasisAmount><ram:ApplicablePercent>19.00</ram:ApplicablePercent></ram:ApplicableTradeTax>
      <ram:SpecifiedTradeSettlementMonetarySummation>
        <ram:TaxBasisTotalAmount currencyID="EUR">198.00</ram:TaxBasisTotalAmount><ram:TaxTotalAmount currencyID="EUR">37.62</ram:TaxTotalAmount><ram:GrandTotalAmount currencyID="EUR">235.62</ram:GrandTotalAmount>
      </ram:SpecifiedTradeSettlementMonetarySummation>
    </ram:ApplicableSupplyChainTradeSettlement>
    <ram:IncludedSupplyChainTradeLineItem>
      <ram:SpecifiedSupplyChainTradeDelivery><ram:BilledQuantity unitCode="C62">20.0000</ram:BilledQuantity></ram:SpecifiedSupplyChainTradeDelivery>
      <ram:SpecifiedSupplyChainTradeSettlement><ram:SpecifiedTradeSettlementMonetarySummation><ram:LineTotalAmount currencyID="EUR">198.00</ram:LineTotalAmount></ram:SpecifiedTradeSettlementMonetarySummation></ram:SpecifiedSupplyChainTradeSettlement>
      <ram:SpecifiedTradeProduct><ram:Name>Trennblätter A4</ram:Name></ram:SpecifiedTradeProduct>
    </ram:IncludedSupplyChainTradeLineItem>
  </rsm:SpecifiedSupplyChainTradeTransaction>
</rsm:CrossIndustryDocument>`;

const UBL = `<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:ID>INV/2023/03/0008</cbc:ID><cbc:IssueDate>2023-03-20</cbc:IssueDate><cbc:DueDate>2023-04-04</cbc:DueDate>
  <cbc:DocumentCurrencyCode>USD</cbc:DocumentCurrencyCode>
  <cac:OrderReference><cbc:ID>444</cbc:ID></cac:OrderReference>
  <cac:AccountingSupplierParty><cac:Party><cac:PartyName><cbc:Name>Azure Interior</cbc:Name></cac:PartyName>
    <cac:Contact><cbc:ElectronicMail>azure@example.com</cbc:ElectronicMail></cac:Contact></cac:Party></cac:AccountingSupplierParty>
  <cac:TaxTotal><cbc:TaxAmount currencyID="USD">16.94</cbc:TaxAmount>
    <cac:TaxSubtotal><cbc:TaxableAmount currencyID="USD">112.90</cbc:TaxableAmount><cbc:TaxAmount currencyID="USD">16.94</cbc:TaxAmount><cac:TaxCategory><cbc:Percent>15.0</cbc:Percent></cac:TaxCategory></cac:TaxSubtotal></cac:TaxTotal>
  <cac:LegalMonetaryTotal><cbc:TaxExclusiveAmount currencyID="USD">262.90</cbc:TaxExclusiveAmount><cbc:TaxInclusiveAmount currencyID="USD">279.84</cbc:TaxInclusiveAmount><cbc:PayableAmount currencyID="USD">279.84</cbc:PayableAmount></cac:LegalMonetaryTotal>
  <cac:InvoiceLine><cbc:InvoicedQuantity>1.0</cbc:InvoicedQuantity><cbc:LineExtensionAmount currencyID="USD">262.90</cbc:LineExtensionAmount>
    <cac:Item><cbc:Name>Office Chair</cbc:Name><cac:ClassifiedTaxCategory><cbc:Percent>15.0</cbc:Percent></cac:ClassifiedTaxCategory></cac:Item><cac:Price><cbc:PriceAmount>262.90</cbc:PriceAmount></cac:Price></cac:InvoiceLine>
</Invoice>`;

const values = (xml: string) => {
  const { flavour, bill } = readInvoiceXml(xml, TODAY);
  return { flavour, fields: Object.fromEntries(Object.entries(bill.fields).map(([k, v]) => [k, v?.value ?? null])), bill };
};

describe("readInvoiceXml", () => {
  it("reads CII (Factur-X, ZUGFeRD 2, XRechnung)", () => {
    const { flavour, fields, bill } = values(CII);
    expect(flavour).toBe("cii");
    expect(fields).toEqual({
      documentKind: "invoice", vendorName: "Au bon moulin", vendorAddress: { street: "12 rue de la Paix", zip: "75008", city: "Paris", country: "FR" }, vendorVat: "FR11999999998", vendorIban: "FR7630006000011234567890189", vendorEmail: null,
      invoiceNumber: "FX-1", invoiceDate: "2024-03-05", dueDate: "2024-04-04", paymentTerms: "30 jours", currency: "EUR",
      untaxed: 100, totalTax: 20, total: 120, purchaseOrderRef: "PO445",
    });
    expect(bill.source).toBe("embedded_xml");
    expect(bill.lines).toEqual([{ description: "Widget & bolts", quantity: 10, unitPrice: 10, taxRate: 20, amount: 100, confidence: 0.99 }]);
    expect(bill.taxes).toEqual([{ rate: 20, base: 100, amount: 20 }]);
    expect(bill.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it("reads ZUGFeRD 1.0, which Odoo does not", () => {
    const { flavour, fields, bill } = values(ZUGFERD1);
    expect(flavour).toBe("zugferd1");
    expect(fields).toMatchObject({ vendorName: "Lieferant GmbH", vendorVat: "DE232446240", invoiceNumber: "471102", invoiceDate: "2013-03-05", currency: "EUR", untaxed: 198, totalTax: 37.62, total: 235.62 });
    expect(bill.lines[0]).toMatchObject({ description: "Trennblätter A4", quantity: 20, amount: 198 });
  });

  it("reads UBL", () => {
    const { flavour, fields } = values(UBL);
    expect(flavour).toBe("ubl");
    expect(fields).toMatchObject({ vendorName: "Azure Interior", vendorEmail: "azure@example.com", invoiceNumber: "INV/2023/03/0008", invoiceDate: "2023-03-20", dueDate: "2023-04-04", currency: "USD", untaxed: 262.9, totalTax: 16.94, total: 279.84, purchaseOrderRef: "444" });
  });

  it("reports an XML whose amounts do not add up, as it is", () => {
    const { fields, bill } = values(CII.replace("<ram:GrandTotalAmount>120.00", "<ram:GrandTotalAmount>125.00"));
    expect(fields["total"]).toBe(125);
    expect(bill.checks.find((c) => c.code === "total")).toMatchObject({ ok: false });
  });

  it("refuses an XML bomb (entity declarations) before parsing", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><rsm:CrossIndustryInvoice xmlns:rsm="x"><a>&lol3;</a></rsm:CrossIndustryInvoice>`;
    expect(() => readInvoiceXml(bomb, TODAY)).toThrow(XmlInvoiceError);
    expect(() => readInvoiceXml(bomb, TODAY)).toThrow(/DTD or entities/);
  });

  it("refuses an external entity, a broken file and an XML that is no invoice", () => {
    expect(() => readInvoiceXml(`<?xml version="1.0"?><!DOCTYPE x SYSTEM "file:///etc/passwd"><Invoice/>`, TODAY)).toThrow(/DTD/);
    expect(() => readInvoiceXml(CII.slice(0, 500), TODAY)).toThrow(/not well-formed/);
    expect(() => readInvoiceXml(`<Document><BkToCstmrStmt/></Document>`, TODAY)).toThrow(/neither a CII/);
    expect(() => readInvoiceXml(`<Invoice>${"x".repeat(6 * 1024 * 1024)}</Invoice>`, TODAY)).toThrow(/characters/);
  });
});
