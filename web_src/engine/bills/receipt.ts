// Expense receipts (issue 18): the bill reader reads a receipt like a bill (extract_bill.ts, `receipt: true`), then
// this file re-decides the two fields a receipt prints differently from a vendor bill.
// - The merchant: a receipt names the shop the employee knows (its logo or name in large print at the top, "Thank you
//   for shopping at X", "Merchant: X" on a card slip, the brand of its web or e-mail address), while the bill rules
//   look for a legal name ("… Pvt. Ltd.", "… GmbH"), which on a receipt is often the operating company in the small
//   print. A name the company already knows (a partner, a past expense's merchant, sent by Odoo) found in the text
//   wins over all of these: the expense is then coded from that merchant's history.
// - The currency when the receipt prints none the reader knows: the country of the merchant's address (a receipt
//   from India without a readable "Rs" is in INR, not in the company's currency); a bare "$" in a dollar country
//   other than the USA is that country's dollar.
// Pure functions over the pages; the bill's other fields are left as the reader read them.
import type { ExtractedBill, ExtractedField } from "../../contracts/bills";
import { CUSTOMER_MARKERS } from "./labels";
import type { Cell, Line, Page } from "./layout";

export interface ReceiptHints {
  /** Merchant names the company knows, most relevant first (the employee's past merchants, the company's, its
   * partners): one found in the receipt's text is the merchant. */
  merchants?: readonly string[] | undefined;
  /** The company's own name: never the merchant. */
  company?: string | undefined;
}

interface Choice {
  value: string;
  confidence: number;
  sourceText: string;
  page: number;
}

/** The bill read in receipt mode with the receipt's merchant and currency. */
export function readReceipt(pages: readonly Page[], bill: ExtractedBill, hints: ReceiptHints = {}): ExtractedBill {
  const own = pages.filter((p) => p.number >= bill.pageFrom && p.number <= bill.pageTo);
  const scope = own.length > 0 ? own : pages;
  const merchant = receiptMerchant(scope, bill.fields.vendorName, hints);
  const currency = receiptCurrency(scope, bill.fields.currency);
  return { ...bill, fields: { ...bill.fields, vendorName: merchant, currency } };
}

// ---------------------------------------------------------------- the merchant

/** Lower case, no accents, words of letters and digits separated by one space. */
export function fold(text: string): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
}

// Lines that are about the payment (a card, a wallet), not the shop: a name found there is not the merchant.
const PAYMENT_LINE = /(?<![\p{L}\d])(?:visa|master\s?card|maestro|amex|american\s+express|paypal|girocard|ec[- ]karte|apple\s+pay|google\s+pay|contactless|kontaktlos|sans\s+contact|debit|credit|card|karte|carte|tarjeta|carta|iban|bic|terminal|tid|mid|aid|trace|auth|genehmigung|autorisation)(?!\p{L})/iu;
// Words a receipt prints as headings or labels: never a merchant's name on their own.
const LABEL_WORDS = /^(?:(?:tax\s+|vat\s+|simplified\s+|retail\s+)?(?:invoice|receipt|bill)s?|rechnung|factuur|faktura|fattura|nota|quittung|kassenbon|kassenbeleg|beleg|bon|ticket|ticket\s+de\s+caisse|facture|re[çc]u|factura|recibo|ricevuta|scontrino|bonnetje|kassabon|kvittering|kvitto|paragon|customer\s+copy|merchant\s+copy|cardholder\s+copy|kundenbeleg|h[äa]ndlerbeleg|duplicate|duplikat|copy|kopie|original|welcome|willkommen|bienvenue|welkom|bienvenido|benvenuto|thank\s+you|danke|merci|gracias|grazie|bedankt|total|summe|cash|bar|change|date|datum|time|zeit|page\s+\d+.*|sale|sales|purchase|payment|order|(?:billing|shipping|delivery|invoice|postal)\s+address|(?:invoice|receipt|order|bill|rechnungs?|bon)\s*(?:no|nr|number|nummer|#)\.?)\W*$/i;
// Contact, address, time and register lines.
const NOT_A_NAME = [
  /(?<![\p{L}\d])(?:tel|tél|phone|fon|fax|mobile|handy|www|http|e-?mail|vat|tva|btw|ust|mwst|gst|gstin|tin|siret|siren|kvk|nif|cif|steuer|st\.?-?nr|uid|abn|store\s*#|filiale|kasse|cashier|kassierer|bediener|caissier|table|tisch|guest|gast|server|op\.?|receipt\s*(?:no|#)|bon\s*(?:nr|#))(?!\p{L})/iu,
  /\d{1,2}[./:-]\d{1,2}[./:-]\d{2,4}|\b\d{1,2}:\d{2}\b/, // a date or a time
  /@|\.(?:com|net|org|de|fr|nl|be|co\.uk|uk|in|eu|io|ch|at|it|es)\b/i,
  /(?:^|\s)(?:[A-Z]{1,2}-)?\d{4,6}\s+\p{Lu}/u, // "10115 Berlin"
  /\p{L}{3,}\s*(?:str\.?|straße|strasse|street|st\.|road|rd\.?|avenue|ave\.?|rue|weg|gasse|plein|laan|straat|platz|via|calle)?\s+\d{1,4}[a-z]?\b/iu, // "Marktplatz 3"
  /^\d{1,4}[a-z]?,?\s+\p{L}/u, // "25 Main Street", "12, rue …"
];
const DOC_WORD_AFTER = /\s+(?:(?:tax\s+)?invoice|receipt|rechnung|quittung|facture|factura|ricevuta|kassenbon)\s*$/i;
// Providers whose address says nothing about the merchant (mail boxes, payment services).
const GENERIC_DOMAINS = /^(?:gmail|googlemail|yahoo|hotmail|outlook|live|msn|icloud|me|aol|gmx|web|t-online|orange|free|laposte|wanadoo|proton|protonmail|mail|email|example|paypal|stripe|sumup|square|squareup|adyen|zettle|izettle|visa|mastercard|google|apple|microsoft|facebook|instagram|twitter|x|linkedin|youtube|tiktok)$/;
const SUBDOMAIN_WORDS = /^(?:www|mail|email|e|em|m|news|newsletter|info|receipts?|noreply|no-reply|billing|shop|store|order|orders|service|support|app|my|account|accounts|invoice|invoices|payments?)$/;

// A web or e-mail address's host: after "@", "www." or "https://", or a bare host under a common top-level domain.
const HOSTS = /(?:@|\bwww\.|https?:\/\/|\b(?=[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|de|fr|nl|be|eu|co\.uk|uk|in|io|ch|at|it|es|pl|ca|au)\b))([a-z0-9-]+(?:\.[a-z0-9-]+)+)/gi;

// The phrases receipts use around the shop's name, per language; group 1 is the name (up to the end of the line).
const NAME_PHRASES: ReadonlyArray<{ re: RegExp; confidence: number }> = [
  { re: /\b(?:merchant(?:\s+name)?|h[äa]ndler|commer[çc]ant|esercente|comercio|handelaar|acceptant|accepteur)\s*[:.]\s*(.+)$/i, confidence: 0.9 },
  { re: /\bthank(?:s|\s+you)\s+for\s+(?:shopping|dining|staying|eating|visiting|choosing|flying|riding|your\s+(?:purchase|order|visit|business|stay))\s+(?:at|with|in)\b\s*(.*)$/i, confidence: 0.88 },
  { re: /\bthank(?:s|\s+you)\s+for\s+choosing\s+(.+)$/i, confidence: 0.88 },
  { re: /\b(?:vielen\s+)?dank\s+f[üu]r\s+(?:ihren|deinen|den|ihre|deine)\s+(?:einkauf|besuch)\s+(?:bei|im|in\s+der|in)\s+(.+)$/i, confidence: 0.88 },
  { re: /\bmerci\s+(?:de|pour)\s+(?:votre|ta)\s+(?:visite|achat|confiance|commande)\s+(?:chez|à|a|au)\s+(.+)$/i, confidence: 0.88 },
  { re: /\bbedankt\s+voor\s+(?:uw|je)\s+(?:aankoop|bezoek|bestelling)\s+(?:bij|in)\s+(.+)$/i, confidence: 0.88 },
  { re: /\bgracias\s+por\s+(?:su|tu)\s+(?:compra|visita)\s+en\s+(.+)$/i, confidence: 0.88 },
  { re: /\bgrazie\s+per\s+(?:il\s+(?:suo|tuo)\s+acquisto|la\s+(?:sua|tua)\s+visita|aver\s+scelto)\s+(?:da|presso|in)?\s*(.+)$/i, confidence: 0.88 },
  { re: /\b(?:welcome\s+to|willkommen\s+(?:bei|im|in\s+der)|bienvenue\s+(?:chez|à|au)|welkom\s+(?:bij|in)|bienvenidos?\s+a|benvenuti?\s+(?:da|a|al))\s+(.+)$/i, confidence: 0.85 },
];
// "Thank you for dining with us": no name.
const PRONOUN = /^(?:us|uns|nous|ons|nosotros|noi|you|sie|vous)$/i;
// A seller's label the reader left on the name ("Sold by: X").
const SELLER_LABEL = /^\s*(?:sold\s+by|seller|vendor|supplier|verk[äa]ufer|vendeur|verkocht\s+door|venduto\s+da|vendido\s+por)\s*[:.]\s*/i;
// What follows the name in such a sentence.
const PHRASE_TAIL = /\s*(?:[!.|;]|,\s|\s[-–]\s|\s+(?:today|again|heute|aujourd'hui|hoy|oggi|vandaag|see\s+you|come\s+again|bis\s+bald|à\s+bientôt|and|und|et|en|y|e)\b).*$/i;

/** The merchant of a receipt (the reader's own choice `read` when nothing on the receipt says better). */
export function receiptMerchant(pages: readonly Page[], read: ExtractedField<string> | null, hints: ReceiptHints = {}): ExtractedField<string> | null {
  const lines = pages.flatMap((page) => page.lines.map((line, index) => ({ page, line, index })));
  const company = fold(hints.company ?? "");
  const notCompany = (name: string) => company === "" || fold(name) !== company;

  const known = knownMerchant(lines, hints.merchants ?? [], company);
  if (known !== null) return field(known);

  // A label ("Merchant: X") or a sentence ("Thank you for shopping at X", "Willkommen bei X").
  for (const { re, confidence } of NAME_PHRASES) {
    for (const [k, { page, line }] of lines.entries()) {
      const m = re.exec(line.text);
      if (m === null) continue;
      let name = cleanName((m[1] ?? "").replace(PHRASE_TAIL, ""));
      // The sentence wrapped: the name is the next line.
      if (name === "" && lines[k + 1] !== undefined) name = cleanName((lines[k + 1]?.line.text ?? "").replace(PHRASE_TAIL, ""));
      if (isName(name) && !PRONOUN.test(name) && notCompany(name)) return field({ value: name, confidence, sourceText: line.text, page: page.number });
    }
  }

  const unlabelled = read === null ? null : { ...read, value: cleanName(read.value.replace(SELLER_LABEL, "")) };
  const readName = unlabelled !== null && isName(unlabelled.value) && !garbled(unlabelled, lines) ? unlabelled : null;
  const brand = domainBrand(lines, company);
  const top = topName(pages, company);
  // A fuller name that contains the brand (the reader's "Amazon Web Services, Inc.", the heading "Amazon Web
  // Services") is kept over the brand alone.
  const fuller = (short: Choice, ...longer: Array<Choice | null>) =>
    longer.find((c) => c !== null && c !== undefined && c.value.length > short.value.length && containsWords(fold(c.value), fold(short.value))) ?? null;
  if (brand !== null) return field(fuller(brand, readName, top) ?? brand);
  // A legal name in the letterhead is the merchant's; one in the small print lower down is often the operator's.
  if (readName !== null && readName.confidence >= 0.4 && inLetterhead(readName, pages)) return readName;
  if (top !== null && top.large) return field(fuller(top, readName) ?? top);
  // The reader's weakest guess (the first text line) is no better than the first line that is a name.
  if (readName !== null && (top === null || readName.confidence >= 0.4)) return readName;
  return top === null ? readName : field(top);
}

function inLetterhead(read: ExtractedField<string>, pages: readonly Page[]): boolean {
  const page = pages.find((p) => p.number === read.page);
  const line = page?.lines.find((l) => l.text.slice(0, 200) === read.sourceText || l.cells.some((c) => c.text.includes(read.value)));
  return page !== undefined && line !== undefined && line.y0 < topOfText(page, 0.25);
}

/** The y under which a share of the page's printed height lies (a receipt's text rarely fills its page). */
function topOfText(page: Page, share: number): number {
  const first = page.lines[0]?.y0 ?? 0;
  const last = page.lines[page.lines.length - 1]?.y1 ?? page.height;
  return first + share * Math.max(1, last - first);
}

function field(c: Choice): ExtractedField<string> {
  return { value: c.value.slice(0, 200), confidence: Math.round(Math.min(1, c.confidence) * 100) / 100, sourceText: c.sourceText.slice(0, 200), page: c.page };
}

function cleanName(text: string): string {
  const t = text.replace(/^[\s*#=~_.:,;'"`‘’“”|!-]+|[\s*#=~_:,;'"`‘’“”|!-]+$/g, "").replace(/\s+/g, " ").trim();
  // A final full stop, unless it ends an abbreviation ("B.V.", "Ltd.").
  return /(?:\p{L}\.\p{L}|\b(?:Ltd|Inc|Co|Corp|Bros|Pvt|Nr))\.$/u.test(t) ? t : t.replace(/[\s.]+$/, "");
}

/** Whether the text can be a shop's name: letters, a few words, not a label, not an address or a phone line. */
function isName(text: string): boolean {
  const t = text.trim();
  if (t.length < 2 || t.length > 60 || t.split(/\s+/).length > 6) return false;
  if (!/\p{L}{2}/u.test(t) || LABEL_WORDS.test(t)) return false;
  // A sentence (a slogan, a note), not a name: several words, mostly in lower case, or ending with a full stop.
  const words = t.split(/\s+/);
  if (words.length >= 3 && (/\s\p{Ll}\p{L}*\.$/u.test(t) || words.filter((w) => /^\p{Ll}/u.test(w)).length * 2 > words.length)) return false;
  const digits = (t.match(/\d/g) ?? []).length;
  if (digits > t.length / 3) return false;
  return !NOT_A_NAME.some((re) => re.test(t)) && !PAYMENT_LINE.test(t);
}

function containsWords(haystack: string, needle: string): boolean {
  return needle !== "" && ` ${haystack} `.includes(` ${needle} `);
}

type Located = { page: Page; line: Line; index: number };

/** The longest name the company knows that the receipt prints (as whole words, not on a payment line). */
function knownMerchant(lines: readonly Located[], merchants: readonly string[], company: string): Choice | null {
  let found: (Choice & { key: number; rank: number }) | null = null;
  const folded = lines.map(({ line }) => fold(line.text));
  merchants.forEach((name, rank) => {
    const key = fold(name);
    if (key.replace(/ /g, "").length < 3 || key === company || LABEL_WORDS.test(name.trim())) return;
    const k = folded.findIndex((text, i) => containsWords(text, key) && !PAYMENT_LINE.test(lines[i]?.line.text ?? ""));
    if (k < 0) return;
    const at = lines[k] as Located;
    if (found === null || key.length > found.key || (key.length === found.key && rank < found.rank)) {
      found = { value: name.trim(), confidence: 0.95, sourceText: `${at.line.text} (a known merchant)`, page: at.page.number, key: key.length, rank };
    }
  });
  if (found === null) return null;
  const { value, confidence, sourceText, page } = found;
  return { value, confidence, sourceText, page };
}

/** The brand of the receipt's web or e-mail address ("flipkart.com", "receipts@uber.com"), as the receipt prints it
 * outside the address ("Flipkart", "Uber"), or a word it begins with ("OYO" for oyorooms.com). */
function domainBrand(lines: readonly Located[], company: string): Choice | null {
  const labels = new Map<string, string>();
  for (const { line } of lines) {
    for (const m of line.text.matchAll(HOSTS)) {
      const parts = (m[1] ?? "").toLowerCase().split(".");
      parts.pop(); // the top-level domain
      if (parts.length > 1 && /^(?:co|com|org|net|ac|gov|ne|or)$/.test(parts[parts.length - 1] ?? "")) parts.pop();
      const label = [...parts].reverse().find((p) => !SUBDOMAIN_WORDS.test(p)) ?? "";
      const squeezed = label.replace(/-/g, "");
      if (squeezed.length >= 3 && !GENERIC_DOMAINS.test(label) && squeezed !== company.replace(/ /g, "")) labels.set(squeezed, m[0]);
    }
  }
  let best: (Choice & { rank: number }) | null = null;
  for (const [label, address] of labels) {
    const counts = new Map<string, { n: number; exact: boolean; at: Located }>();
    for (const located of lines) {
      const text = located.line.text.replace(/\S*(?:@|www\.|https?:\/\/)\S*/gi, " ").replace(/\b([\p{L}\d-]+)\.(?:com|net|org|in|de|fr|nl|co\.uk|eu|io)\b/giu, "$1");
      if (PAYMENT_LINE.test(text) && !/\p{L}{3,}/u.test(text.replace(PAYMENT_LINE, ""))) continue;
      const words = [...text.matchAll(/[\p{L}\d][\p{L}\d&'’-]*/gu)].map((w) => w[0]);
      for (let i = 0; i < words.length; i++) {
        for (let n = 1; n <= 4 && i + n <= words.length; n++) {
          const window = words.slice(i, i + n);
          const squeezed = fold(window.join("")).replace(/ /g, "");
          const exact = squeezed === label;
          // A word the address begins with, printed as a name ("OYO", "Oyo"), not a common word in lower case.
          const prefix = n === 1 && squeezed.length >= 3 && label.startsWith(squeezed) && /^\p{Lu}/u.test(window[0] ?? "");
          if (!exact && !prefix) continue;
          const value = window.join(" ");
          const entry = counts.get(value) ?? { n: 0, exact, at: located };
          entry.n += 1;
          counts.set(value, entry);
        }
      }
    }
    for (const [value, { n, exact, at }] of counts) {
      const rank = (exact ? 100 : 0) + n + value.length / 100;
      if (best === null || rank > best.rank) {
        best = { value: cleanName(value), confidence: exact ? 0.82 : 0.75, sourceText: `${at.line.text} (the brand of ${address})`, page: at.page.number, rank };
      }
    }
  }
  if (best === null) return null;
  const { value, confidence, sourceText, page } = best;
  return { value, confidence, sourceText, page };
}

/** The name at the top of the receipt: the first cell in the top third of the first page that is a name (not a
 * heading, an address, a phone or a card line), `large` when it is printed clearly larger than the rest. */
function topName(pages: readonly Page[], company: string): (Choice & { large: boolean }) | null {
  const page = pages[0];
  if (page === undefined) return null;
  const heights = page.lines.flatMap((l) => l.cells.flatMap((c) => c.words.map((w) => w.y1 - w.y0))).sort((a, b) => a - b);
  const median = heights[Math.floor(heights.length / 2)] ?? 0;
  const limit = topOfText(page, 0.33);
  const height = (cell: Cell) => Math.max(0, ...cell.words.map((w) => w.y1 - w.y0));
  const clear = (cell: Cell) => cell.words.length > 0 && cell.words.every((w) => w.conf >= 0.6);
  let first: (Choice & { large: boolean }) | null = null;
  let largest: (Choice & { large: boolean; h: number }) | null = null;
  let textLines = 0;
  page.lines.forEach((line) => {
    if (line.y0 > limit || CUSTOMER_MARKERS.test(line.text)) return;
    if (/\p{L}{2}/u.test(line.text)) textLines += 1;
    for (const cell of line.cells) {
      const value = cleanName(cell.text.replace(DOC_WORD_AFTER, ""));
      if (!isName(value) || !clear(cell) || (company !== "" && fold(value) === company)) continue;
      const h = height(cell);
      // A logo or a name in large print heads the receipt: within its first three lines, a capital or a digit first.
      const large = median > 0 && h >= 1.4 * median && textLines <= 3 && /^[\p{Lu}\d]/u.test(value);
      const choice = { value, confidence: large ? 0.78 : 0.5, sourceText: line.text, page: page.number, large };
      if (first === null) first = choice;
      if (large && (largest === null || h > largest.h)) largest = { ...choice, h };
    }
  });
  if (largest !== null) {
    const { h: _h, ...rest } = largest as Choice & { large: boolean; h: number };
    return rest;
  }
  return first;
}

/** Whether the reader's name is OCR noise: read from unclear words (a logo read as letters) or with stray marks. */
function garbled(read: ExtractedField<string>, lines: readonly Located[]): boolean {
  if (/[‘’`~|_{}<>«»\\]/.test(read.value) || /(?:^|\s)\p{L}{1,2}(?:\s\p{L}{1,2}){2,}(?:\s|$)/u.test(read.value)) return true;
  const words = lines.flatMap(({ line }) => line.cells.filter((c) => c.text.includes(read.value)).flatMap((c) => c.words));
  return words.length > 0 && words.reduce((s, w) => s + w.conf, 0) / words.length < 0.6;
}

// ---------------------------------------------------------------- the currency

const COUNTRY_CURRENCIES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:india|bharat)\b/i, "INR"], [/\b(?:united\s+kingdom|england|scotland|wales|great\s+britain)\b/i, "GBP"],
  [/\b(?:switzerland|schweiz|suisse|svizzera)\b/i, "CHF"], [/\b(?:poland|polska|polen|pologne)\b/i, "PLN"],
  [/\b(?:czech\s+republic|czechia|česká\s+republika|tschechien)\b/i, "CZK"], [/\b(?:denmark|danmark|dänemark)\b/i, "DKK"],
  [/\b(?:sweden|sverige|schweden)\b/i, "SEK"], [/\b(?:norway|norge|norwegen)\b/i, "NOK"], [/\b(?:hungary|magyarország|ungarn)\b/i, "HUF"],
  [/\b(?:japan|nippon)\b/i, "JPY"], [/\b(?:canada|kanada)\b/i, "CAD"], [/\b(?:australia|australien)\b/i, "AUD"],
  [/\b(?:new\s+zealand)\b/i, "NZD"], [/\b(?:singapore|singapur)\b/i, "SGD"], [/\b(?:hong\s+kong)\b/i, "HKD"],
  [/\b(?:united\s+arab\s+emirates|u\.a\.e\.|dubai|abu\s+dhabi)\b/i, "AED"], [/\b(?:south\s+africa)\b/i, "ZAR"],
  [/\b(?:mexico|méxico)\b/i, "MXN"], [/\b(?:brazil|brasil)\b/i, "BRL"], [/\b(?:turkey|türkiye|türkei)\b/i, "TRY"],
  [/\b(?:united\s+states|u\.s\.a\.|usa)\b/i, "USD"],
  [/\b(?:germany|deutschland|france|frankreich|nederland|netherlands|belgi(?:um|ë|que|en)|österreich|austria|italia|italy|italien|españa|spain|spanien|ireland|irland|portugal|finland|suomi|luxembourg|luxemburg|greece|griechenland|slovakia|slovenia|estonia|latvia|lithuania|croatia|hrvatska)\b/i, "EUR"],
];
const DOLLARS = new Set(["CAD", "AUD", "NZD", "SGD", "HKD", "MXN"]);

/** The receipt's currency: the reader's unless it fell back to the company's (or read a bare "$") and the
 * merchant's address names a country. */
export function receiptCurrency(pages: readonly Page[], read: ExtractedField<string> | null): ExtractedField<string> | null {
  const fallback = read === null || read.sourceText.startsWith("no currency on the bill");
  const bareDollar = read !== null && read.value === "USD" && read.sourceText.trim() === "$";
  if (!fallback && !bareDollar) return read;
  const votes = new Map<string, { n: number; text: string; page: number }>();
  for (const page of pages) {
    page.lines.forEach((line, i) => {
      // Never the customer's address: a line of the "Bill to" / "Ship to" block.
      const block = page.lines.slice(Math.max(0, i - 4), i + 1).some((l) => CUSTOMER_MARKERS.test(l.text));
      if (block) return;
      for (const [re, code] of COUNTRY_CURRENCIES) {
        if (!re.test(line.text)) continue;
        const v = votes.get(code) ?? { n: 0, text: line.text, page: page.number };
        v.n += 1;
        votes.set(code, v);
      }
    });
  }
  const [code, vote] = [...votes.entries()].sort((a, b) => b[1].n - a[1].n)[0] ?? [];
  if (code === undefined || vote === undefined) return read;
  if (bareDollar && !DOLLARS.has(code)) return read;
  return { value: code, confidence: 0.6, sourceText: `${vote.text} (the merchant's country)`.slice(0, 200), page: vote.page };
}
