// Reading the values printed on bills: amounts with either decimal separator, dates in the common European and
// American formats (numeric, ISO, month names in English, German, French, Dutch, Spanish, Italian, Portuguese,
// Swedish and Danish), currency codes and symbols,
// IBANs (mod-97) and VAT numbers (country patterns, checksum where it is cheap). Pure functions, no I/O.

/** An amount as printed: "1.234,56", "1,234.56", "1 234,56", "1'234.56", "1’234.56", "-9,32", "€ 399,00", "29.99 €",
 * "(12.00)"; the thousands may be grouped by a space, a no-break, narrow no-break or thin space, or an apostrophe
 * (straight or typographic, as Swiss bills print it). */
/** The currencies read beside an amount, as regular-expression sources: the one list the amount reader, its minus and
 * decimals checks, and the bill extractor's amount tokens use. */
export const AMOUNT_CURRENCY = {
  /** Signs glued to the figure or a space away, either side ("€ 399,00", "29.99 €", "¥12,000"). */
  symbol: String.raw`[€$£₹¥]`,
  /** ISO codes of the bills' currencies, either side ("EUR 49,99", "125 000 HUF"). */
  code: String.raw`(?:EUR|USD|GBP|CHF|INR|PLN|SEK|DKK|NOK|ISK|HUF|CZK|RON|JPY)`,
  /** Local signs printed before the figure ("Rs 1939", "Rs.1,939.00"). */
  before: String.raw`(?:Rs\.?)`,
  /** Local signs printed after the figure ("1 234,00 zł", "125 000 Ft", "499 kr", "1 200 Kč"). */
  after: String.raw`(?:zł|Ft|kr\.?|Kč)`,
  /** Currencies whose amounts are printed whole: a whole number beside one is an amount. */
  whole: String.raw`(?:¥|HUF|JPY|ISK|Ft)`,
} as const;

/** Any currency of the list, on either side. */
const CURRENCY_MARK = String.raw`(?:${AMOUNT_CURRENCY.symbol}|${AMOUNT_CURRENCY.code}|${AMOUNT_CURRENCY.before}|${AMOUNT_CURRENCY.after})`;
const AMOUNT = new RegExp(String.raw`^[(-]?\s*${CURRENCY_MARK}?\s*[-(]?\s*(\d{1,3}(?:[.,'’ \u00a0\u202f\u2009]\d{3})+|\d+)(?:([.,])(\d{1,2}))?\s*-?\)?\s*${CURRENCY_MARK}?\s*\)?$`, "i");

/** The amount a token reads as, or null. Two decimals at most; a lone "1.234" is one thousand two hundred and
 * thirty-four only when the thousands pattern is unambiguous (three digits after the separator, no other). */
export function parseAmount(raw: string): number | null {
  const text = raw.trim().replace(/\s+/g, " ").replace(/\u2212/g, "-");
  if (text === "" || text.length > 30) return null;
  const match = AMOUNT.exec(text);
  if (match === null) return null;
  const [, intPart = "", sep, dec] = match;
  let whole: string;
  let cents = "";
  if (sep !== undefined && dec !== undefined) {
    // "1.234,56" / "1,234.56": the last separator before 1–2 digits is the decimal one.
    whole = intPart.replace(/[.,'’ \u00a0\u202f\u2009]/g, "");
    cents = dec;
    // "1,234.56" whose integer part uses the same separator as the decimal would be ambiguous: refuse.
    if (intPart.includes(sep) && /[.,]/.test(intPart.replace(new RegExp(`\\${sep}`, "g"), ""))) return null;
  } else {
    whole = intPart.replace(/[.,'’ \u00a0\u202f\u2009]/g, "");
  }
  if (!/^\d+$/.test(whole)) return null;
  // "-9,32", "(12.00)", "9,32-", "80,00- €".
  const negative = /^\s*[-(]/.test(text) || new RegExp(String.raw`-\s*\)?\s*${CURRENCY_MARK}?\s*$`, "i").test(text) || /[-(]\s*\d/.test(text);
  const value = Number(`${whole}.${cents.padEnd(2, "0") || "00"}`);
  if (!Number.isFinite(value)) return null;
  return negative ? -value : value;
}

/** Whether the token carries decimals (amounts on bills do; quantities and years usually do not). */
export function hasDecimals(raw: string): boolean {
  return new RegExp(String.raw`\d[.,]\d{1,2}-?\s*(?:${CURRENCY_MARK}|[A-Z]{3})?\)?$`, "i").test(raw.trim());
}

/** Month names and their short forms in the languages of the labels, Polish in the genitive ("2 grudnia 2026"),
 * Hungarian ("2026. december 2."), Norwegian and Danish. */
const MONTHS: ReadonlyArray<readonly [number, RegExp]> = [
  [1, /^(jan(uary|uar|vier|uari)?|janv\.?|jän(ner)?|enero?|ene|gen(naio)?|janeiro|janu[áa]r|stycznia|styczeń)$/],
  [2, /^(feb(ruary|ruar|ruari|rero|braio)?|févr?(ier)?|fevr?(ier)?|fev(ereiro)?|febru[áa]r|lutego|luty)$/],
  [3, /^(mar(ch|s|zo|ço|co|ts|ca|zec)?|mär(z)?|maerz|mrz|maart|mrt|m[áa]rc(ius)?)$/],
  [4, /^(apr(il|ile)?|avr(il)?|abr(il)?|[áa]pr(ilis)?|kwietnia|kwiecień)$/],
  [5, /^(may|mai|mei|mayo|maggio|maio|maj|mag|maja|m[áa]j(us)?)$/],
  [6, /^(jun(e|i|io|ho)?|juin|giu(gno)?|j[úu]n(ius)?|czerwca|czerwiec)$/],
  [7, /^(jul(y|i|io|ho)?|juil(let)?|lug(lio)?|j[úu]l(ius)?|lipca|lipiec)$/],
  [8, /^(aug(ust|ustus|usti|usztus)?|août|aout|ago(sto)?|sierpnia|sierpień)$/],
  [9, /^(sep(t(ember|embre|iembre)?)?|set(t(embre)?|embro)?|szept(ember)?|września|wrzesień)$/],
  [10, /^(oct(ober|obre|ubre)?|okt(ober|óber)?|ott(obre)?|out(ubro)?|października|październik)$/],
  [11, /^(nov(ember|embre|iembre|embro)?|listopada|listopad)$/],
  [12, /^(dec(ember|embre)?|déc(embre)?|dez(ember|embro)?|dic(iembre|embre)?|des(ember)?|grudnia|grudzień)$/],
];

function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, "");
  for (const [n, pattern] of MONTHS) if (pattern.test(w)) return n;
  return null;
}

function iso(year: number, month: number, day: number): string | null {
  if (year < 100) year += year >= 70 ? 1900 : 2000;
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1970 || year > 2100) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export interface FoundDate {
  iso: string;
  /** The matched text. */
  text: string;
  index: number;
  /** A numeric date whose day and month could be swapped (both ≤ 12 and different): read by the day order. */
  ambiguous: boolean;
}

const NUMERIC_DMY = /^(\d{1,2})[-/.](\d{1,2})[-/.](?:\d{4}|\d{2})$/;

/** A numeric date in running text, day and month in either order: "20.03.2023", "03/20/23", "8-9-2022". */
const NUMERIC_DATE_IN_TEXT = /\b(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})\b/g;

/** The day order a page's numeric dates show: "mdy" when one of them can only be month first (05/21/2025), "dmy"
 * when one can only be day first (21/05/2025), null when none tells (or they disagree). */
export function dayOrderOf(text: string): DayOrder | null {
  let dmy = false;
  let mdy = false;
  for (const m of text.matchAll(NUMERIC_DATE_IN_TEXT)) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && b <= 12) dmy = true;
    if (b > 12 && a <= 12) mdy = true;
  }
  return dmy === mdy ? null : dmy ? "dmy" : "mdy";
}

/** The day order the stated payment term shows when no date does: two numeric dates of the page lie `termDays` apart in
 * one reading only (invoice 03/11/2026, due 03/12/2026 and "30 days": day first, 3 November to 3 December; read
 * month first they would be a day apart). Null when no pair tells, or pairs disagree. */
export function dayOrderFromTerm(text: string, termDays: number): DayOrder | null {
  if (!(termDays > 0)) return null;
  const dayNumber = (value: string | null) => (value === null ? null : Date.parse(`${value}T00:00:00Z`) / 86_400_000);
  const readings: Array<{ dmy: number; mdy: number }> = [];
  for (const m of text.matchAll(NUMERIC_DATE_IN_TEXT)) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = Number(m[4]);
    const dmy = dayNumber(iso(y, b, a));
    const mdy = dayNumber(iso(y, a, b));
    if (dmy !== null && mdy !== null) readings.push({ dmy, mdy });
  }
  let dmy = false;
  let mdy = false;
  readings.forEach((first, i) => {
    for (const second of readings.slice(i + 1)) {
      const dayFirst = Math.abs(second.dmy - first.dmy) === termDays;
      const monthFirst = Math.abs(second.mdy - first.mdy) === termDays;
      if (dayFirst && !monthFirst) dmy = true;
      if (monthFirst && !dayFirst) mdy = true;
    }
  });
  return dmy === mdy ? null : dmy ? "dmy" : "mdy";
}

/** Which number of a numeric date is the day when both could be: European bills print the day first, US bills the
 * month first. */
export type DayOrder = "dmy" | "mdy";

const DATE_PATTERNS: ReadonlyArray<{ re: RegExp; read: (m: RegExpExecArray, order: DayOrder) => string | null }> = [
  // 2023-03-20, 2023/03/20
  { re: /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/g, read: (m) => iso(Number(m[1]), Number(m[2]), Number(m[3])) },
  // 20.03.2023, 20/03/2023, 8-9-2022, 20.03.23 (day first: Europe); 03/20/2023 when the first number cannot be a day's month
  {
    re: /\b(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})\b/g,
    read: (m, order) => {
      const a = Number(m[1]);
      const b = Number(m[3]);
      const y = Number(m[4]);
      if (b > 12 && a <= 12) return iso(y, a, b);
      if (a > 12) return iso(y, b, a);
      return order === "mdy" ? iso(y, a, b) : iso(y, b, a);
    },
  },
  // 19 april 2014, 02 Juillet 2015, 3. März 2024, 1er janvier 2020, 5 de marzo de 2025, 2nd April 2025, 5th of March 2025
  {
    re: /\b(\d{1,2})(?:\.|er|º|st|nd|rd|th)?\s+(?:de\s+|of\s+)?(\p{L}{3,12}\.?),?\s+(?:de\s+)?(\d{4})\b/gu,
    read: (m) => {
      const month = monthNumber(m[2] ?? "");
      return month === null ? null : iso(Number(m[3]), month, Number(m[1]));
    },
  },
  // 2026. december 2., 2026. márc. 15. (Hungarian: year, month, day)
  {
    re: /\b(\d{4})\.\s+(\p{L}{3,12}\.?)\s+(\d{1,2})\.?(?!\d)/gu,
    read: (m) => {
      const month = monthNumber(m[2] ?? "");
      return month === null ? null : iso(Number(m[1]), month, Number(m[3]));
    },
  },
  // August 3, 2014, Aug 03 2014
  {
    re: /\b([A-Za-zÀ-ÿ]{3,10}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s+(\d{4})\b/g,
    read: (m) => {
      const month = monthNumber(m[1] ?? "");
      return month === null ? null : iso(Number(m[3]), month, Number(m[2]));
    },
  },
  // 20-Oct-2015, 20 Oct 15, 31-Dec-17, 05.Mar.2018
  {
    re: /\b(\d{1,2})(?:[- ]|\.(?=[A-Za-z]))([A-Za-z]{3,9})(?:[- ,]+|\.\s*)(\d{4}|\d{2})\b/g,
    read: (m) => {
      const month = monthNumber(m[2] ?? "");
      return month === null ? null : iso(Number(m[3]), month, Number(m[1]));
    },
  },
  // 20230320 (compact, only with a plausible year)
  { re: /\b((?:19|20)\d{2})(0[1-9]|1[0-2])([0-2]\d|3[01])\b/g, read: (m) => iso(Number(m[1]), Number(m[2]), Number(m[3])) },
];

/** Every date in `text`, in reading order (a position is taken by the first pattern that matches there). */
export function findDates(text: string, order: DayOrder = "dmy"): FoundDate[] {
  const found: FoundDate[] = [];
  const taken: Array<[number, number]> = [];
  for (const { re, read } of DATE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      const value = read(m, order);
      if (value === null) continue;
      taken.push([start, end]);
      const numeric = NUMERIC_DMY.exec(m[0]);
      const ambiguous = numeric !== null && Number(numeric[1]) <= 12 && Number(numeric[2]) <= 12 && numeric[1] !== numeric[2];
      found.push({ iso: value, text: m[0], index: start, ambiguous });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** ISO 4217 codes the extractor recognises (printed or through a symbol). */
export const KNOWN_CURRENCIES: ReadonlySet<string> = new Set([
  "EUR", "USD", "GBP", "CHF", "INR", "PLN", "CZK", "DKK", "SEK", "NOK", "HUF", "RON", "BGN", "CAD", "AUD", "NZD",
  "JPY", "CNY", "HKD", "SGD", "ZAR", "MXN", "BRL", "TRY", "AED", "SAR", "MAD", "TND", "XOF", "XAF", "ILS", "ISK",
]);

const CURRENCY_SIGNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/€/g, "EUR"],
  [/£/g, "GBP"],
  [/₹|\bRs\.?\s?-?\d|\bINR\b/g, "INR"],
  [/(?<![\p{L}])zł(?![\p{L}])|\bzl\b/giu, "PLN"],
  [/\d\s?Ft(?![\p{L}])/gu, "HUF"],
  // The other dollars carry a prefix ("R$ 1.234,56", "C$ 99.00"); a "$" alone (or "US$") is the US dollar.
  [/\bR\$/g, "BRL"],
  [/\b(?:C|CA|Can)\$/g, "CAD"],
  [/\b(?:A|AU)\$/g, "AUD"],
  [/\bNZ\$/g, "NZD"],
  [/\bHK\$/g, "HKD"],
  [/\b(?:S|SG)\$/g, "SGD"],
  [/\b(?:MX|Mex)\$/g, "MXN"],
  [/US\$|(?<![A-Za-z])\$/g, "USD"],
  [/\bFr\.\s?\d|\d\s?Fr\.(?!\p{L})/gu, "CHF"],
  [/¥|\bJP¥/g, "JPY"],
  [/\d\s?Kč(?!\p{L})/gu, "CZK"],
];

/** The bill's currency from the codes and symbols on it: the most frequent, ISO codes counting double. */
export function detectCurrency(text: string): { code: string; evidence: string; votes: number } | null {
  const votes = new Map<string, { n: number; evidence: string }>();
  const add = (code: string, evidence: string, weight: number) => {
    const v = votes.get(code) ?? { n: 0, evidence };
    v.n += weight;
    votes.set(code, v);
  };
  for (const m of text.matchAll(/\b([A-Z]{3})\b/g)) {
    const code = m[1] ?? "";
    if (KNOWN_CURRENCIES.has(code)) add(code, code, 2);
  }
  for (const [re, code] of CURRENCY_SIGNS) for (const m of text.matchAll(re)) add(code, m[0], 1);
  // "kr" / "kr." is the Swedish, Danish and Norwegian crown alike: told apart by the bill's words, never guessed.
  const crowns = [...text.matchAll(/\d\s?kr\.?(?![\p{L}])|(?<![\p{L}])kr\.?\s?\d/giu)].length;
  if (crowns > 0) {
    const lower = text.toLowerCase();
    const words = (re: RegExp) => (lower.match(re) ?? []).length;
    const sv = words(/\b(?:fakturadatum|förfallodatum|förfallodag|att betala|exkl\.? moms|summa|belopp)/g);
    const da = words(/\b(?:fakturadato|forfaldsdato|betalingsfrist|i alt|ekskl\.? moms|beløb|stykpris)/g);
    const no = words(/\b(?:mva|forfallsdato|fakturadato|å betale|beløp)/g);
    const ranked = ([["SEK", sv], ["DKK", da], ["NOK", no]] as const).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
    const top = ranked[0];
    if (top !== undefined && (ranked[1] === undefined || ranked[1][1] < top[1])) add(top[0], "kr", crowns);
  }
  let best: { code: string; evidence: string; votes: number } | null = null;
  for (const [code, v] of votes) if (best === null || v.n > best.votes) best = { code, evidence: v.evidence, votes: v.n };
  return best;
}

// ---- IBAN ----

const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24, FI: 18, FR: 27, GB: 22,
  GR: 27, HR: 21, HU: 28, IE: 22, IS: 26, IT: 27, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MT: 31, NL: 18, NO: 15,
  PL: 28, PT: 25, RO: 24, SE: 24, SI: 19, SK: 24, SM: 27, TR: 26,
};

export function ibanValid(iban: string): boolean {
  const s = iban.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(s)) return false;
  const expected = IBAN_LENGTHS[s.slice(0, 2)];
  if (expected !== undefined && s.length !== expected) return false;
  const rearranged = s.slice(4) + s.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const digits = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

/** IBANs in `text` (grouped by 4 or not), those passing mod-97 first. */
export function findIbans(text: string): Array<{ iban: string; text: string; valid: boolean }> {
  const out: Array<{ iban: string; text: string; valid: boolean }> = [];
  for (const m of text.matchAll(/\b([A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?)\b/g)) {
    const raw = m[1] ?? "";
    let compact = raw.replace(/ /g, "");
    // Drop trailing groups until the country's length fits (the IBAN may run into the next word).
    const len = IBAN_LENGTHS[compact.slice(0, 2)];
    if (len !== undefined && compact.length > len) compact = compact.slice(0, len);
    if (compact.length < 15) continue;
    out.push({ iban: compact, text: raw, valid: ibanValid(compact) });
  }
  return out.sort((a, b) => Number(b.valid) - Number(a.valid));
}

// ---- VAT numbers ----

const VAT_PATTERNS: Readonly<Record<string, RegExp>> = {
  AT: /^ATU\d{8}$/, BE: /^BE[01]\d{9}$/, BG: /^BG\d{9,10}$/, CH: /^CHE\d{9}(MWST|TVA|IVA)?$/, CY: /^CY\d{8}[A-Z]$/,
  CZ: /^CZ\d{8,10}$/, DE: /^DE\d{9}$/, DK: /^DK\d{8}$/, EE: /^EE\d{9}$/, EL: /^EL\d{9}$/, ES: /^ES[A-Z0-9]\d{7}[A-Z0-9]$/,
  FI: /^FI\d{8}$/, FR: /^FR[A-HJ-NP-Z0-9]{2}\d{9}$/, GB: /^GB(\d{9}|\d{12})$/, HR: /^HR\d{11}$/, HU: /^HU\d{8}$/,
  IE: /^IE\d{7}[A-Z]{1,2}$|^IE\d[A-Z]\d{5}[A-Z]$/, IT: /^IT\d{11}$/, LT: /^LT(\d{9}|\d{12})$/, LU: /^LU\d{8}$/,
  LV: /^LV\d{11}$/, MT: /^MT\d{8}$/, NL: /^NL\d{9}B\d{2}$/, PL: /^PL\d{10}$/, PT: /^PT\d{9}$/, RO: /^RO\d{2,10}$/,
  SE: /^SE\d{12}$/, SI: /^SI\d{8}$/, SK: /^SK\d{10}$/,
};

/** Whether the normalised VAT number passes its country's checksum; null when we have no cheap one. */
export function vatChecksum(vat: string): boolean | null {
  const country = vat.slice(0, 2);
  const d = vat.slice(2);
  switch (country) {
    case "DE": {
      // ISO 7064 MOD 11,10
      let product = 10;
      for (let i = 0; i < 8; i++) {
        let sum = (Number(d[i]) + product) % 10;
        if (sum === 0) sum = 10;
        product = (2 * sum) % 11;
      }
      let check = 11 - product;
      if (check === 10) check = 0;
      return check === Number(d[8]);
    }
    case "FR": {
      if (!/^\d{2}/.test(d)) return null;
      const siren = Number(d.slice(2));
      return Number(d.slice(0, 2)) === (12 + 3 * (siren % 97)) % 97;
    }
    case "BE": {
      const n = Number(d.slice(0, 8));
      return 97 - (n % 97) === Number(d.slice(8));
    }
    case "NL": {
      // Either the old 11-test or the mod-97 of the newer numbers.
      const digits = d.slice(0, 9);
      let sum = 0;
      for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
      const elf = (sum - Number(digits[8])) % 11 === 0;
      const mod97 = mod97Of(`2321${digits}B${d.slice(10)}`.replace("B", "11")) === 1;
      return elf || mod97;
    }
    case "IT": {
      let sum = 0;
      for (let i = 0; i < 11; i++) {
        let n = Number(d[i]);
        if (i % 2 === 1) {
          n *= 2;
          if (n > 9) n -= 9;
        }
        sum += n;
      }
      return sum % 10 === 0;
    }
    case "AT": {
      const x = d.slice(1);
      let sum = 0;
      for (let i = 0; i < 7; i++) {
        let n = Number(x[i]);
        if (i % 2 === 1) n = Math.floor((n * 2) / 10) + ((n * 2) % 10);
        sum += n;
      }
      return (10 - ((sum + 4) % 10)) % 10 === Number(x[7]);
    }
    default:
      return null;
  }
}

function mod97Of(digits: string): number {
  let r = 0;
  for (const ch of digits) r = (r * 10 + Number(ch)) % 97;
  return r;
}

export function normaliseVat(raw: string): string {
  return raw.toUpperCase().replace(/[\s.\-/]/g, "").replace(/^GR/, "EL");
}

/** VAT numbers in `text` (EU formats with their country prefix), with the checksum verdict. */
export function findVats(text: string): Array<{ vat: string; text: string; checksum: boolean | null }> {
  const out: Array<{ vat: string; text: string; checksum: boolean | null }> = [];
  const re = /\b(ATU|BE|BG|CHE|CY|CZ|DE|DK|EE|EL|GR|ES|FI|FR|GB|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK)[ .-]?([0-9A-Z][0-9A-Z .-]{6,16}[0-9A-Z])/g;
  for (const m of text.matchAll(re)) {
    const prefix = m[1] ?? "";
    // Take the longest prefix of the tail that matches the country's pattern (the number may run into a word).
    const tail = (m[2] ?? "").split(/\s{2,}/)[0] ?? "";
    const pieces = tail.split(/(?=[ .-])/);
    for (let k = pieces.length; k >= 1; k--) {
      const candidate = normaliseVat(prefix + pieces.slice(0, k).join(""));
      const country = candidate.startsWith("CHE") ? "CH" : candidate.slice(0, 2);
      const pattern = VAT_PATTERNS[country];
      if (pattern !== undefined && pattern.test(candidate)) {
        out.push({ vat: candidate, text: `${prefix}${pieces.slice(0, k).join("")}`, checksum: vatChecksum(candidate) });
        break;
      }
    }
  }
  return out;
}

const EMAIL = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g;

export function findEmails(text: string): string[] {
  return [...text.matchAll(EMAIL)].map((m) => m[0]);
}

/** Round to cents. */
export function cents(value: number): number {
  return Math.round(value * 100) / 100;
}
