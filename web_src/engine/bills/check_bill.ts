// The checks run on every extracted bill, whatever it was read from (text, OCR or XML): the lines add up, each tax
// is base × rate, the taxes add up, total = untaxed + tax, the dates are plausible, the currency is known, the VAT
// number and IBAN pass their checksums. A check that fails is a finding with a sentence; nothing is adjusted to make
// it pass. Confidences are lowered for the fields a failed check involves.
import type { BillCheck, BillFieldName, ExtractedBill } from "../../contracts/bills";
import { cents, ibanValid, KNOWN_CURRENCIES, vatChecksum } from "./values";

const money = (x: number) => x.toFixed(2);
/** Rounding tolerance: a cent per rounded operand. */
const near = (a: number, b: number, tolerance = 0.011) => Math.abs(a - b) <= tolerance;

function daysBetween(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

export function checkBill(bill: ExtractedBill, today: string): ExtractedBill {
  const f = bill.fields;
  const checks: BillCheck[] = [];
  const doubt = new Set<BillFieldName>();
  const untaxed = f.untaxed?.value;
  const tax = f.totalTax?.value;
  const total = f.total?.value;

  const amounts = bill.lines.map((l) => l.amount).filter((a): a is number => a !== null);
  if (amounts.length > 0 && amounts.length === bill.lines.length && (untaxed !== undefined || total !== undefined)) {
    const sum = cents(amounts.reduce((s, a) => s + a, 0));
    const tolerance = 0.011 * Math.max(1, amounts.length);
    const ok = (untaxed !== undefined && near(sum, untaxed, tolerance)) || (total !== undefined && near(sum, total, tolerance));
    checks.push({
      code: "lines_sum",
      ok,
      message: ok
        ? `the ${amounts.length} lines add up to ${money(sum)}`
        : `the ${amounts.length} lines add up to ${money(sum)}, the bill says ${money(untaxed ?? total ?? 0)} ${untaxed !== undefined ? "untaxed" : "in total"}`,
    });
  }

  for (const t of bill.taxes) {
    if (t.base === null || t.amount === null) continue;
    const expected = cents((t.base * t.rate) / 100);
    const ok = near(expected, t.amount, 0.011 + Math.abs(t.base) * 0.00005);
    checks.push({
      code: "tax_rate",
      ok,
      message: ok
        ? `${t.rate} % of ${money(t.base)} is ${money(t.amount)}`
        : `${t.rate} % of ${money(t.base)} is ${money(expected)}, the bill says ${money(t.amount)}`,
    });
    if (!ok) doubt.add("totalTax");
  }
  if (bill.taxes.length > 0 && tax !== undefined && bill.taxes.every((t) => t.amount !== null)) {
    const sum = cents(bill.taxes.reduce((s, t) => s + (t.amount ?? 0), 0));
    const ok = near(sum, tax, 0.011 * bill.taxes.length);
    checks.push({
      code: "tax_sum",
      ok,
      message: ok ? `the taxes per rate add up to ${money(tax)}` : `the taxes per rate add up to ${money(sum)}, the total tax is ${money(tax)}`,
    });
    if (!ok) doubt.add("totalTax");
  }

  if (untaxed !== undefined && tax !== undefined && total !== undefined) {
    const sum = cents(untaxed + tax);
    const ok = near(sum, total);
    checks.push({
      code: "total",
      ok,
      message: ok
        ? `untaxed ${money(untaxed)} + tax ${money(tax)} = total ${money(total)}`
        : `untaxed ${money(untaxed)} + tax ${money(tax)} = ${money(sum)}, the bill says ${money(total)} (difference ${money(cents(total - sum))})`,
    });
    if (!ok) for (const name of ["untaxed", "totalTax", "total"] as const) doubt.add(name);
  }

  const invoiceDate = f.invoiceDate?.value;
  if (invoiceDate !== undefined) {
    const ahead = daysBetween(today, invoiceDate);
    const age = -ahead;
    const ok = ahead <= 31 && age <= 366 * 15;
    checks.push({
      code: "invoice_date",
      ok,
      message: ok
        ? `invoice date ${invoiceDate}`
        : ahead > 31
          ? `the invoice date ${invoiceDate} is ${Math.round(ahead)} days in the future`
          : `the invoice date ${invoiceDate} is more than 15 years ago`,
    });
    if (!ok) doubt.add("invoiceDate");
  }
  const dueDate = f.dueDate?.value;
  if (dueDate !== undefined && invoiceDate !== undefined) {
    const days = daysBetween(invoiceDate, dueDate);
    const ok = days >= 0 && days <= 366;
    checks.push({
      code: "due_date",
      ok,
      message: ok ? `due ${Math.round(days)} days after the invoice date` : `the due date ${dueDate} is ${days < 0 ? "before" : "more than a year after"} the invoice date ${invoiceDate}`,
    });
    if (!ok) doubt.add("dueDate");
  }
  const currency = f.currency?.value;
  if (currency !== undefined) {
    const ok = KNOWN_CURRENCIES.has(currency);
    checks.push({ code: "currency", ok, message: ok ? `currency ${currency}` : `${currency} is not a currency code this extractor knows` });
    if (!ok) doubt.add("currency");
  }
  const vat = f.vendorVat?.value;
  if (vat !== undefined) {
    const verdict = vatChecksum(vat);
    if (verdict !== null) {
      checks.push({ code: "vendor_vat", ok: verdict, message: verdict ? `${vat}: checksum correct` : `${vat}: the checksum is wrong (misread or invalid number)` });
      if (!verdict) doubt.add("vendorVat");
    }
  }
  const iban = f.vendorIban?.value;
  if (iban !== undefined) {
    const ok = ibanValid(iban);
    checks.push({ code: "vendor_iban", ok, message: ok ? `${iban}: mod-97 check correct` : `${iban}: fails the mod-97 check` });
    if (!ok) doubt.add("vendorIban");
  }

  const fields = { ...f };
  for (const name of doubt) {
    const value = fields[name];
    if (value !== null) (fields as Record<BillFieldName, unknown>)[name] = { ...value, confidence: Math.round(Math.max(0, value.confidence - 0.25) * 100) / 100 };
  }
  return { ...bill, fields, checks };
}
