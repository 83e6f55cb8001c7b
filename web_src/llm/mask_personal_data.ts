// Data minimisation for prompts: personal identifiers that never help the LLM decide are replaced by placeholders
// before any text leaves for a provider (and before a prompt is logged).
//  - IBANs (two letters, two check digits, 11-30 more letters/digits, spaces allowed in groups of four), except
//    ISO 11649 creditor references ("RF.."), which are payment references the LLM may need;
//  - e-mail addresses;
//  - phone numbers: international ("+49 30 1234567", "+33 (0)6 12 34 56 78") or national with separators
//    ("06 12 34 56 78", "030-1234567"). A bare run of digits is left alone: in a bank label it is far more often an
//    invoice or customer reference than a phone number.

export const IBAN_PLACEHOLDER = "[IBAN]";
export const EMAIL_PLACEHOLDER = "[EMAIL]";
export const PHONE_PLACEHOLDER = "[PHONE]";

const IBAN = /\b(?!RF)[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const INTERNATIONAL_PHONE = /(?<![\w+])\+[1-9]\d{0,2}(?:[ .-]?\(0\))?(?:[ .-]?\d){6,12}(?![\w/])/g;
const NATIONAL_PHONE = /(?<![\w/+.-])0[1-9]\d{0,3}(?:[ .-]\d{2,4}){2,5}(?![\w/])|(?<![\w/+.-])0[1-9]\d{1,4}-\d{5,8}(?![\w/])/g;

/** `text` with IBANs, e-mail addresses and phone numbers replaced by placeholders. Pure; safe on any string. */
export function maskPersonalData(text: string): string {
  return text
    .replace(EMAIL, EMAIL_PLACEHOLDER)
    .replace(IBAN, IBAN_PLACEHOLDER)
    .replace(INTERNATIONAL_PHONE, PHONE_PLACEHOLDER)
    .replace(NATIONAL_PHONE, PHONE_PLACEHOLDER);
}
