// Random values of the generated books (all drawn from the seeded Rng): digits, amounts, dates, card labels,
// vendor invoice numbers and structured references.
import { wrap } from "./bank_text";
import { CITIES } from "./book_catalog";
import type { Rng } from "./prng";

export function cardLabel(rng: Rng, merchant: string): string {
  const city = rng.pick(CITIES);
  const text = rng.pick([
    `CARD ${digits(rng, 4)} ${merchant} ${city}`, `KARTENZAHLUNG ${merchant} ${city} ${dateBetween(rng, "2026-03-01", 40)}`,
    `POS ${merchant} ${digits(rng, 4)}`, `VISA ${merchant} ${city}`, `DEBITCARD ${merchant}`,
  ]);
  return wrap(text.trim(), 35, " ");
}

export function vendorNumber(rng: Rng, style: number, year: string): string {
  switch (style) {
    case 0: return `RE-${year}-${rng.int(100, 9999)}`;
    case 1: return `F${year}/${String(rng.int(1, 9999)).padStart(4, "0")}`;
    case 2: return digits(rng, 6);
    case 3: return `INV-${rng.int(10000, 99999)}`;
    default: return `R${digits(rng, 7)}`;
  }
}

/** Belgian structured communication +++123/4567/89012+++ (10 digits + mod-97 check). */
export function belgianRef(rng: Rng): string {
  const body = digits(rng, 10);
  const check = Number(BigInt(body) % 97n) || 97;
  const all = `${body}${String(check).padStart(2, "0")}`;
  return `+++${all.slice(0, 3)}/${all.slice(3, 7)}/${all.slice(7)}+++`;
}

/** ISO 11649 creditor reference RFxx… */
export function creditorRef(rng: Rng): string {
  const body = digits(rng, 12);
  const numeric = BigInt(`${body}271500`); // "RF00" moved to the end: R=27, F=15
  const check = 98n - (numeric % 97n);
  return `RF${String(check).padStart(2, "0")}${body}`;
}

export function digits(rng: Rng, n: number): string {
  let out = "";
  for (let i = 0; i < n; i++) out += String(rng.int(0, 9));
  return out;
}

export function money(rng: Rng, min: number, max: number): number {
  return Math.round((min + (max - min) * rng.next()) * 100) / 100;
}

export function dateBetween(rng: Rng, start: string, days: number): string {
  return addDays(start, rng.int(0, days));
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
}

export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
