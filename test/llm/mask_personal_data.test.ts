import { describe, expect, it } from "vitest";
import { maskPersonalData } from "../../web_src/llm/mask_personal_data";

describe("maskPersonalData", () => {
  it.each([
    ["SEPA from DE89370400440532013000 rent", "SEPA from [IBAN] rent"],
    ["IBAN FR76 3000 6000 0112 3456 7890 189 thanks", "IBAN [IBAN] thanks"],
    ["contact jane.doe+bills@mail.example.co.uk now", "contact [EMAIL] now"],
    ["call +49 30 1234567 or +33 (0)6 12 34 56 78", "call [PHONE] or [PHONE]"],
    ["tel 06 12 34 56 78 / 030-1234567", "tel [PHONE] / [PHONE]"],
  ])("masks %j", (input, expected) => {
    expect(maskPersonalData(input)).toBe(expected);
  });

  it.each([
    "Payment INV/2026/00042 Acme",
    "RF18 5390 0754 7034", // ISO 11649 creditor reference: a payment reference, not personal data
    "+++090/9337/55493+++", // Belgian structured communication
    "Customer 0012345678 order 4711",
    "Amount 1.234,56 EUR on 2026-01-05",
    "",
  ])("leaves references, amounts and dates alone: %j", (input) => {
    expect(maskPersonalData(input)).toBe(input);
  });
});
