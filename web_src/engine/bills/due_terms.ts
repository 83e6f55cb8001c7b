// Due-date terms the label and day patterns of labels.ts do not cover: a discount's days or date beside the net ones
// (the due date is the net one), a day of the following month ("le 10 du mois suivant"), and payment schedules — one
// date under a "Scadenze" / "Échéances" heading is the due date; several instalments (a table of dates, "30/60/90 gg",
// "1/3 à 30 jours, 1/3 à 60 jours") give none, since which instalment a single due date would be is a convention the
// document does not state. Pure functions over the page layout.
import type { Page } from "./layout";
import { findDates, type DayOrder } from "./values";

/** Words of an early-payment discount: a date or days beside them are the discount's, not the due date. */
export const DISCOUNT_WORDS = /(?<!\p{L})(?:skonto\p{L}*|escompte|sconto|discount|descuento|korting|kassakorting|rabatt|rabat|desconto)(?!\p{L})/iu;
/** Words saying the amount is paid in full, without the discount ("netto", "ohne Abzug", "sans escompte"). */
export const NET_WORDS = /(?<!\p{L})(?:net(?:to|os?|ti)?|rein\s+netto|ohne\s+(?:jeden\s+)?(?:abzug|abschlag)|sans\s+escompte|senza\s+sconto|sin\s+descuento|zonder\s+korting|without\s+discount)(?!\p{L})/iu;

/** A line naming a discount and nothing paid net: its dates and days are the discount's. */
export function discountOnly(text: string): boolean {
  return DISCOUNT_WORDS.test(text) && !NET_WORDS.test(text.replace(DISCOUNT_WORDS, " "));
}

/** A day of the month after the invoice's: "le 10 du mois suivant", "el día 10 del mes siguiente", "am 10. des
 * Folgemonats", "the 10th of the following month", "il giorno 10 del mese successivo", "de 10e van de volgende maand". */
const NEXT_MONTH_DAY: readonly RegExp[] = [
  /(?<!\p{L})le\s+(\d{1,2})\s+du\s+mois\s+suivant/iu,
  /(?<!\p{L})(?:el\s+)?d[ií]a\s+(\d{1,2})\s+del\s+mes\s+siguiente/iu,
  /(?<!\p{L})(?:am|zum)\s+(\d{1,2})\.\s+(?:des\s+)?(?:folgemonats|folgenden\s+monats|nächsten\s+monats|monats\s+nach\s+rechnungs\p{L}*)/iu,
  /(?<!\p{L})(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\s+(?:day\s+)?of\s+the\s+(?:following|next)\s+month/iu,
  /(?<!\p{L})(?:il\s+)?giorno\s+(\d{1,2})\s+del\s+mese\s+successivo/iu,
  /(?<!\p{L})de\s+(\d{1,2})(?:e|ste)\s+van\s+de\s+volgende\s+maand/iu,
];

/** The day of the following month a line's terms name, or null. */
export function nextMonthDay(text: string): number | null {
  for (const re of NEXT_MONTH_DAY) {
    const d = Number(re.exec(text)?.[1] ?? NaN);
    if (d >= 1 && d <= 31) return d;
  }
  return null;
}

/** That day of the month after the invoice date's month (the month's last day when it is shorter). */
export function dayOfNextMonth(invoiceIso: string, day: number): string {
  const d = new Date(`${invoiceIso}T00:00:00Z`);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 2, 0)).getUTCDate();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, Math.min(day, last))).toISOString().slice(0, 10);
}

const DAYS = String.raw`(?:days?|tage?n?|jours|dagen|dage|dagar|días|dias|giorni|gg\.?|dni|dní|pv\.?|päivää)`;
/** Several periods in one term: "30/60/90 gg", "30-60 days", "30, 60 und 90 Tage". */
const DAY_LIST = new RegExp(String.raw`(?<![\d/.,-])(\d{1,3})((?:\s*(?:[/-]|,|\+)\s*\d{1,3})+|(?:\s*,\s*\d{1,3})*\s+(?:und|and|et|e|y|en|och|og|i)\s+\d{1,3})\s*${DAYS}(?!\p{L})`, "iu");
/** Shares of the amount: "1/3", "50 %". */
const SHARE = /(?<![\d/.,])[1-9]\s?\/\s?[2-9](?![\d/.,])|\d{1,2}\s?%/g;
/** Every number of days a line names. */
const ANY_DAYS = new RegExp(String.raw`(?<![\d/.,])(\d{1,3})\s*${DAYS}(?!\p{L})`, "giu");

/** Whether a line's terms are instalments: several periods growing in one term ("30/60/90 gg d.f."), or several periods
 * each with its share ("1/3 à 30 jours, 1/3 à 60 jours", "50% within 30 days, 50% within 60 days"); not a discount's
 * days before the net days ("2 % 10 Tage, 30 Tage netto"). */
export function instalmentTerm(text: string): boolean {
  if (DISCOUNT_WORDS.test(text) || /(?<!\p{L})skonto|(?<!\d)\d{1,2}\s?\/\s?\d{1,2}\s+net/iu.test(text)) return false;
  const list = DAY_LIST.exec(text);
  if (list !== null) {
    const numbers = `${list[1]}${list[2]}`.match(/\d{1,3}/g)?.map(Number) ?? [];
    if (numbers.length >= 2 && numbers.every((n, k) => k === 0 || n > (numbers[k - 1] ?? 0))) return true;
  }
  const days = new Set([...text.matchAll(ANY_DAYS)].map((m) => Number(m[1])));
  return days.size >= 2 && (text.match(SHARE)?.length ?? 0) >= 2;
}

/** A payment schedule's heading: "Scadenze", "Échéances", "Vencimientos", "Fälligkeiten", "Payment schedule". */
const SCHEDULE_HEADING = /^(?:scadenze|scadenziario|piano\s+(?:di\s+)?(?:pagamento|rateale)|échéances|echeances|échéancier|vencimientos|plazos(?:\s+de\s+pago)?|fälligkeiten|zahlungsplan|ratenplan|payment\s+schedule|instal+ments?|betalingstermijnen|vervaldata|vencimentos|parcelas|prestações|raty|harmonogram\s+płatności)\s*:?/iu;
/** A due-date caption alone in its cell, over a column of dates ("Scadenza", "Due date", "Vencimiento"). */
const DUE_CAPTION = /^(?:(?:data\s+(?:di\s+)?)?scadenza(?:\s+rata)?|due\s+date|due|date\s+d['’]\s?échéance|échéance|fecha\s+(?:de\s+)?vencimiento|vencimiento|fälligkeit(?:sdatum)?|fällig\s+am|vervaldatum|förfallodatum|termin\s+płatności|data\s+de\s+vencimento|vencimento)\s*:?$/iu;

export interface Schedule {
  /** The schedule's dates, in the order printed (ISO). */
  dates: string[];
  /** Dates of its rows about an early-payment discount ("Zahlbar mit 2 % Skonto bis"): no due date, no instalment. */
  discounts: string[];
  text: string;
  page: number;
  order: number;
}

/** The payment schedules printed on the pages: under a heading (its line's dates and the rows below it, a caption row
 * between allowed), or a due-date caption over a column of two or more dates. */
export function paymentSchedules(pages: readonly Page[], order: DayOrder): Schedule[] {
  const out: Schedule[] = [];
  for (const page of pages) {
    page.lines.forEach((line, i) => {
      const first = line.cells[0];
      const heading = first === undefined ? null : SCHEDULE_HEADING.exec(first.text.trim());
      if (heading !== null && first !== undefined) {
        const dates = findDates(line.text.slice(line.text.indexOf(first.text.trim()) + heading[0].length), order).map((d) => d.iso);
        const discounts: string[] = [];
        const rows = [line.text.trim()];
        let captions = 0;
        for (let d = 1; d <= 12; d++) {
          const below = page.lines[i + d];
          if (below === undefined) break;
          const found = findDates(below.text, order);
          if (found.length === 0) {
            // One caption row under the heading ("Data   Importo").
            if (dates.length === 0 && captions === 0 && !/\d/.test(below.text)) {
              captions++;
              continue;
            }
            break;
          }
          (discountOnly(below.text) ? discounts : dates).push(...found.map((f) => f.iso));
          rows.push(below.text.trim());
        }
        if (dates.length > 0 || discounts.length > 0) out.push({ dates, discounts, text: rows.join(" | "), page: page.number, order: page.number * 10_000 + i });
        return;
      }
      line.cells.forEach((cell) => {
        if (!DUE_CAPTION.test(cell.text.trim())) return;
        const dates: string[] = [];
        const discounts: string[] = [];
        const rows = [line.text.trim()];
        for (let d = 1; d <= 12; d++) {
          const below = page.lines[i + d];
          const under = below?.cells.find((c) => c.x0 < cell.x1 + 4 && c.x1 > cell.x0 - 4);
          const found = under === undefined ? [] : findDates(under.text, order);
          if (below === undefined || found.length === 0) break;
          (discountOnly(below.text) ? discounts : dates).push(...found.map((f) => f.iso));
          rows.push(below.text.trim());
        }
        if (new Set(dates).size >= 2 || (discounts.length > 0 && dates.length > 0)) out.push({ dates, discounts, text: rows.join(" | "), page: page.number, order: page.number * 10_000 + i });
      });
    });
  }
  return out;
}

/** Numbers of days written out in terms, in the bills' languages ("thirty", "vierzehn", "trente", "treinta", "dertig"). */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  seven: 7, ten: 10, fourteen: 14, fifteen: 15, "twenty-one": 21, twenty: 20, thirty: 30, "forty-five": 45, sixty: 60, ninety: 90,
  sieben: 7, acht: 8, zehn: 10, vierzehn: 14, "fünfzehn": 15, einundzwanzig: 21, "dreißig": 30, dreissig: 30, sechzig: 60, neunzig: 90,
  huit: 8, dix: 10, quinze: 15, trente: 30, "quarante-cinq": 45, soixante: 60, "quatre-vingt-dix": 90,
  diez: 10, quince: 15, treinta: 30, sesenta: 60, noventa: 90, dieci: 10, quindici: 15, trenta: 30, sessanta: 60, novanta: 90,
  tien: 10, veertien: 14, vijftien: 15, dertig: 30, zestig: 60, negentig: 90, trinta: 30, sessenta: 60,
};
const NUMBER_WORD_RE = new RegExp(String.raw`(?<!\p{L})(${Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join("|")})(?:\s*\(\s*(\d{1,3})\s*\))?(?=\s+${DAYS}(?!\p{L}))`, "giu");

/** A line's terms with the days written out as figures: "thirty (30) days" and "thirty days" → "30 days". */
export function numeralDays(text: string): string {
  return text.replace(NUMBER_WORD_RE, (all, word: string, figure: string | undefined) => figure ?? String(NUMBER_WORDS[word.toLowerCase()] ?? all));
}
