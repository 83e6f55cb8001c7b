// The value readers of the bill extractor: amounts, dates, currencies, IBANs, VAT numbers.
import { describe, expect, it } from "vitest";
import { detectCurrency, findDates, findIbans, findVats, ibanValid, parseAmount, vatChecksum } from "../../../web_src/engine/bills/values";

describe("parseAmount", () => {
  it.each([
    ["1.234,56", 1234.56],
    ["1,234.56", 1234.56],
    ["1 234,56", 1234.56],
    ["€ 399,00", 399],
    ["29.99 €", 29.99],
    ["$4.11", 4.11],
    ["-9,32", -9.32],
    ["(12.00)", -12],
    ["EUR 49,99", 49.99],
    ["1.163,40 €", 1163.4],
    ["316,83", 316.83],
  ])("%s → %d", (raw, value) => {
    expect(parseAmount(raw)).toBe(value);
  });

  it.each(["abc", "", "12.34.56,7,8", "1,234,5.6"])("%s is no amount", (raw) => {
    expect(parseAmount(raw)).toBeNull();
  });
});

describe("findDates", () => {
  it.each([
    ["2023-03-20", "2023-03-20"],
    ["20.03.2023", "2023-03-20"],
    ["8-9-2022", "2022-09-08"],
    ["03/20/2023", "2023-03-20"],
    ["13/11/2017", "2017-11-13"],
    ["19 april 2014", "2014-04-19"],
    ["02 Juillet 2015", "2015-07-02"],
    ["7. Mai 2014", "2014-05-07"],
    ["3 maart 2024", "2024-03-03"],
    ["August 3 , 2014", "2014-08-03"],
    ["Jan 31, 2022", "2022-01-31"],
    ["1er janvier 2020", "2020-01-01"],
    ["20-Oct-2015", "2015-10-20"],
    ["20171113", "2017-11-13"],
    ["21.05.14", "2014-05-21"],
  ])("%s → %s", (text, iso) => {
    expect(findDates(`Datum: ${text} ok`)[0]?.iso).toBe(iso);
  });

  it("refuses impossible dates", () => {
    expect(findDates("31.02.2023")).toEqual([]);
    expect(findDates("45/13/2023")).toEqual([]);
  });
});

describe("IBAN and VAT", () => {
  it("checks IBANs with mod-97", () => {
    expect(ibanValid("NL50INGB0683251309")).toBe(true);
    expect(ibanValid("DE89 3704 0044 0532 0130 00")).toBe(true);
    expect(ibanValid("DE89370400440532013001")).toBe(false);
    expect(ibanValid("FR76 3000 6000 0112 3456 7890 189")).toBe(true);
  });

  it("finds IBANs written in groups, valid ones first", () => {
    const found = findIbans("IBAN: DE12 3456 7890 1234 5678 90 oder DE89 3704 0044 0532 0130 00 BIC");
    expect(found[0]).toEqual({ iban: "DE89370400440532013000", text: "DE89 3704 0044 0532 0130 00", valid: true });
  });

  it("reads VAT numbers by country pattern and checks the cheap checksums", () => {
    expect(findVats("UStId DE 232 446 240")[0]).toMatchObject({ vat: "DE232446240", checksum: true });
    expect(findVats("BTW NL810433941B01")[0]).toMatchObject({ vat: "NL810433941B01", checksum: true });
    expect(findVats("TVA : FR 604 219 388 61")[0]).toMatchObject({ vat: "FR60421938861", checksum: true });
    expect(vatChecksum("DE123456789")).toBe(false);
    expect(vatChecksum("BE0477472701")).toBe(true);
    expect(vatChecksum("IT00743110157")).toBe(true);
    expect(vatChecksum("PL5261040828")).toBeNull();
  });
});

describe("detectCurrency", () => {
  it("counts codes and symbols", () => {
    expect(detectCurrency("Total € 12,00 € 3,00")?.code).toBe("EUR");
    expect(detectCurrency("Amount due $4.11")?.code).toBe("USD");
    expect(detectCurrency("Należność ogółem: 316,83 PLN")?.code).toBe("PLN");
    expect(detectCurrency("Grand total 319.00 Rs. 12")?.code).toBe("INR");
    expect(detectCurrency("nothing here")).toBeNull();
    // Flipkart's only currency mark (a regression: a minus sign after "Rs" hid it).
    expect(detectCurrency("Price is inclusive of Promotional Discount of Rs -40.00,")?.code).toBe("INR");
  });
});
