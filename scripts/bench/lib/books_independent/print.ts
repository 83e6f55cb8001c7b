// How banks print a transaction, per language and per kind: the label forms of the real statements in
// ../shared/data/statements (MT940 ?20-?29 SEPA fields EREF+/KREF+/MREF+/CRED+/SVWZ+, Dutch /TRTP/…/REMI/ and
// "BEA NR:… ,PAS" card lines, French "VIR SEPA RECU /DE … /MOTIF" and "PRLV SEPA", English "CARD PAYMENT TO",
// "DD", "FASTER PAYMENT"), with their truncations (names at 27 or 35 characters, remittance at 140).
import { CITIES, MONTHS_EN, type Lang } from "./vocabulary";
import type { Draw } from "./rng";

export interface Printed {
  label: string;
  ref: string;
  partnerName: string;
  accountNumber: string;
}

const FOLD: Readonly<Record<string, string>> = {
  ä: "ae", ö: "oe", ü: "ue", ß: "ss", Ä: "AE", Ö: "OE", Ü: "UE", é: "e", è: "e", ê: "e", ë: "e", à: "a", â: "a",
  ç: "c", ô: "o", ø: "o", Ø: "O", å: "a", Å: "A", á: "a", í: "i", ó: "o", ú: "u", ñ: "n", ï: "i", î: "i",
};

/** A name as a bank prints it: transliterated (SEPA's Latin character set), often upper case, cut at the field. */
export function bankName(name: string, d: Draw): string {
  let text = d.yes(0.7) ? [...name].map((ch) => FOLD[ch] ?? ch).join("") : name;
  if (d.yes(0.6)) text = text.toUpperCase();
  const width = d.weighted([27, 35, 70], [0.35, 0.35, 0.3]);
  return text.slice(0, width).trimEnd();
}

export function cut(text: string, width: number): string {
  return text.length <= width ? text : text.slice(0, width).trimEnd();
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function digits(d: Draw, n: number): string {
  let out = "";
  for (let k = 0; k < n; k++) out += String(d.between(0, 9));
  return out;
}

function letters(d: Draw, n: number): string {
  let out = "";
  for (let k = 0; k < n; k++) out += String.fromCharCode(65 + d.between(0, 25));
  return out;
}

/** ISO 7064 mod 97-10 check digits of an IBAN or creditor id body. */
function mod97(country: string, body: string): string {
  const numeric = `${body}${country}00`.replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  let rest = 0;
  for (const ch of numeric) rest = (rest * 10 + Number(ch)) % 97;
  return pad(98 - rest, 2);
}

const IBAN_BODY: Readonly<Record<string, (d: Draw) => string>> = {
  DE: (d) => digits(d, 18),
  NL: (d) => `${d.one(["ABNA", "INGB", "RABO", "TRIO", "SNSB", "KNAB"])}${digits(d, 10)}`,
  BE: (d) => digits(d, 12),
  FR: (d) => `${digits(d, 10)}${letters(d, 1)}${digits(d, 12)}`,
  AT: (d) => digits(d, 16),
  IE: (d) => `${d.one(["AIBK", "BOFI"])}${digits(d, 14)}`,
};

export function iban(d: Draw, country?: string): string {
  const cc = country ?? d.weighted(["DE", "NL", "BE", "FR", "AT", "IE"], [4, 3, 2, 2, 1, 1]);
  const body = (IBAN_BODY[cc] ?? IBAN_BODY.DE)?.(d) ?? digits(d, 18);
  return `${cc}${mod97(cc, body)}${body}`;
}

/** SEPA creditor identifier, e.g. DE98ZZZ09999999999. */
export function creditorId(d: Draw): string {
  const cc = d.one(["DE", "NL", "FR", "BE"]);
  const national = cc === "DE" ? digits(d, 11) : cc === "NL" ? digits(d, 12) : `${letters(d, 3)}${digits(d, 6)}`;
  return `${cc}${mod97(cc, `ZZZ${national}`)}ZZZ${national}`;
}

export function mandateRef(d: Draw): string {
  return d.one([
    () => `M${digits(d, 9)}`, () => `${letters(d, 2)}${digits(d, 6)}-${digits(d, 3)}`, () => `MNDT${digits(d, 8)}`,
    () => `${digits(d, 4)}.${digits(d, 6)}.${digits(d, 2)}`,
  ])();
}

export function endToEnd(d: Draw): string {
  return d.one([
    () => "NOTPROVIDED", () => `E2E${digits(d, 12)}`, () => `${letters(d, 4)}${digits(d, 10)}`,
    () => `${digits(d, 6)}-${digits(d, 8)}`, () => "NONREF",
  ])();
}

function bic(d: Draw): string {
  return d.one(["COBADEFFXXX", "DEUTDEDB", "INGBNL2A", "RABONL2U", "ABNANL2A", "BNPAFRPP", "GEBABEBB", "AIBKIE2D", "BYLADEMM", "SOGEFRPP"]);
}

function ddmm(date: string, sep: string): string {
  return `${date.slice(8, 10)}${sep}${date.slice(5, 7)}`;
}

function ddmmyy(date: string, sep: string): string {
  return `${ddmm(date, sep)}${sep}${date.slice(2, 4)}`;
}

function clock(d: Draw, sep: string): string {
  return `${pad(d.between(7, 21), 2)}${sep}${pad(d.between(0, 59), 2)}`;
}

/** A money transfer carrying `remittance`, printed the way the bank of `lang` does. */
export function printTransfer(d: Draw, lang: Lang, incoming: boolean, name: string, account: string, remittance: string, e2e: string): Printed {
  const shown = bankName(name, d);
  const svwz = cut(remittance, 140);
  const forms: Record<Lang, (() => Printed)[]> = {
    de: [
      () => ({ label: `${incoming ? "GUTSCHRIFT" : "SEPA-UEBERWEISUNG"} EREF+${e2e} SVWZ+${svwz}`, ref: "", partnerName: shown, accountNumber: account }),
      () => ({ label: `${incoming ? "SEPA-Gutschrift" : "Überweisung"} ${shown} ${svwz}`, ref: e2e === "NOTPROVIDED" ? "" : e2e, partnerName: shown, accountNumber: account }),
      () => ({ label: `${incoming ? "166" : "116"}?00${incoming ? "GUTSCHRIFT" : "SEPA-UEBERW"}?20SVWZ+${svwz}`, ref: "", partnerName: shown, accountNumber: d.yes(0.8) ? account : "" }),
      () => ({ label: svwz, ref: "", partnerName: shown, accountNumber: account }),
    ],
    nl: [
      () => ({ label: `/TRTP/SEPA OVERBOEKING/IBAN/${account}/BIC/${bic(d)}/NAME/${cut(name.toUpperCase(), 35)}/REMI/${svwz}/EREF/${e2e}`, ref: "", partnerName: shown, accountNumber: account }),
      () => ({ label: `Naam: ${shown} Omschrijving: ${svwz} IBAN: ${account}`, ref: "", partnerName: shown, accountNumber: account }),
      () => ({ label: `${incoming ? "SEPA Overboeking" : "SEPA Overboeking naar"} ${shown} ${svwz}`, ref: "", partnerName: shown, accountNumber: account }),
    ],
    fr: [
      () => ({ label: incoming ? `VIR SEPA RECU /DE ${cut(name.toUpperCase(), 35)} /MOTIF ${svwz} /REF ${e2e}` : `VIR SEPA EMIS /POUR ${cut(name.toUpperCase(), 35)} /MOTIF ${svwz}`, ref: "", partnerName: shown, accountNumber: account }),
      () => ({ label: `${incoming ? "VIREMENT EN VOTRE FAVEUR" : "VIREMENT EMIS"} ${shown} ${svwz}`, ref: e2e === "NOTPROVIDED" ? "" : e2e, partnerName: shown, accountNumber: d.yes(0.7) ? account : "" }),
    ],
    en: [
      () => ({ label: `${incoming ? "FASTER PAYMENT RECEIVED FROM" : "FASTER PAYMENT TO"} ${cut(name.toUpperCase(), 18)} REF ${svwz}`, ref: "", partnerName: shown, accountNumber: account }),
      () => ({ label: `${incoming ? "BGC" : "BP"} ${cut(name.toUpperCase(), 18)} ${svwz}`, ref: "", partnerName: shown, accountNumber: account }),
      () => ({ label: `${incoming ? "CREDIT TRANSFER" : "SEPA CREDIT TRANSFER"} ${svwz}`, ref: e2e === "NOTPROVIDED" ? "" : e2e, partnerName: shown, accountNumber: account }),
    ],
  };
  return d.one(forms[lang])();
}

export interface MerchantPrint {
  brand: string;
  city: string;
  store: string;
}

/** The merchant part of a card line: plain, with a store number, asterisk (`BRAND*X1Y2`), via a processor, cut. */
export function merchantText(d: Draw, m: MerchantPrint): string {
  const forms = [
    () => `${m.brand} ${m.store}`,
    () => `${m.brand} FIL${m.store} ${m.city}`,
    () => `${m.brand}*${letters(d, 2)}${digits(d, 4)}`,
    () => `${m.brand} ${m.city}`,
    () => `${d.one(["SUMUP", "SQ", "ZETTLE", "PAYPAL"])} *${m.brand}`,
    () => `${m.brand} #${m.store}`,
    () => m.brand,
  ];
  return cut(d.one(forms)(), d.weighted([22, 25, 40], [0.3, 0.3, 0.4]));
}

/** A card payment at `merchantPart` (merchantText), printed by the bank of `lang`. */
export function printCard(d: Draw, lang: Lang, date: string, merchantPart: string): Printed {
  const city = d.one(CITIES[lang]);
  const card = digits(d, 4);
  const forms: Record<Lang, (() => string)[]> = {
    de: [
      () => `KARTENZAHLUNG girocard ${ddmm(date, ".")} ${clock(d, ":")} ${merchantPart}`,
      () => `Kartenzahlung ${merchantPart}//${city}/DE ${date}T${clock(d, ":")}`,
      () => `VISA ${merchantPart} ${city} KARTE ${card}`,
      () => `106?00KARTENZAHLUNG?20${merchantPart}?21${ddmmyy(date, ".")} ${clock(d, ".")}`,
    ],
    nl: [
      () => `BEA   NR:XXX${card}   ${ddmmyy(date, ".")}/${clock(d, ".")} ${merchantPart},PAS${digits(d, 3)}`,
      () => `BEA, Apple Pay ${merchantPart},PAS${digits(d, 3)} NR:${letters(d, 2)}${digits(d, 4)}, ${ddmmyy(date, ".")}/${clock(d, ":")} ${city}`,
      () => `Betaalautomaat ${clock(d, ":")} pasnr. ${digits(d, 3)} ${merchantPart}`,
    ],
    fr: [
      () => `CB ${merchantPart} ${ddmm(date, "/")}`,
      () => `PAIEMENT PAR CARTE X${card} ${merchantPart} ${ddmm(date, "/")}`,
      () => `FACTURE CARTE DU ${ddmmyy(date, "")} ${merchantPart} CARTE 4974XXXXXXXX${card}`,
    ],
    en: [
      () => `CARD PAYMENT TO ${merchantPart} ON ${date.slice(8, 10)} ${MONTHS_EN[Number(date.slice(5, 7)) - 1] ?? "JAN"}`,
      () => `POS ${card} ${ddmmyy(date, "")} ${merchantPart} ${city}`,
      () => `CONTACTLESS ${merchantPart} ${city} GB`,
      () => `${merchantPart} ${city}`,
    ],
  };
  return { label: d.one(forms[lang])(), ref: "", partnerName: "", accountNumber: "" };
}

/** A SEPA direct debit from creditor `name` (legal name), printed by the bank of `lang`. */
export function printDebit(d: Draw, lang: Lang, name: string, account: string, text: string): Printed {
  const shown = bankName(name, d);
  const mref = mandateRef(d);
  const cred = creditorId(d);
  const eref = endToEnd(d);
  const forms: Record<Lang, (() => Printed)[]> = {
    de: [
      () => ({ label: `${d.one(["SEPA-BASISLASTSCHRIFT", "FOLGELASTSCHRIFT", "Lastschrift"])} EREF+${eref} MREF+${mref} CRED+${cred} SVWZ+${text}`, ref: "", partnerName: shown, accountNumber: account }),
      () => ({ label: `105?00Basislastschrift?20EREF+${eref}?21MREF+${mref}?22CRED+${cred}?23SVWZ+${cut(text, 27)}`, ref: "", partnerName: shown, accountNumber: account }),
      () => ({ label: `${shown} ${text} Mandat ${mref}`, ref: eref === "NOTPROVIDED" ? "" : eref, partnerName: shown, accountNumber: d.yes(0.6) ? account : "" }),
    ],
    nl: [
      () => ({ label: `/TRTP/SEPA Incasso algemeen doorlopend/CSID/${cred}/NAME/${cut(name.toUpperCase(), 35)}/MARF/${mref}/REMI/${text}/IBAN/${account}/BIC/${bic(d)}/EREF/${eref}`, ref: "", partnerName: shown, accountNumber: account }),
      () => ({ label: `SEPA Incasso algemeen doorlopend Incassant: ${cred} Naam: ${shown} Machtiging: ${mref} Omschrijving: ${text} IBAN: ${account}`, ref: "", partnerName: shown, accountNumber: account }),
    ],
    fr: [
      () => ({ label: `PRLV SEPA ${cut(name.toUpperCase(), 32)} : ${text} ICS: ${cred} RUM: ${mref}`, ref: "", partnerName: shown, accountNumber: account }),
      () => ({ label: `PRELEVEMENT EUROPEEN ${digits(d, 10)} DE: ${shown} MOTIF: ${text}`, ref: "", partnerName: shown, accountNumber: d.yes(0.5) ? account : "" }),
    ],
    en: [
      () => ({ label: `DIRECT DEBIT ${cut(name.toUpperCase(), 18)} REF ${mref}`, ref: "", partnerName: shown, accountNumber: account }),
      () => ({ label: `DD ${cut(name.toUpperCase(), 18)} ${text}`, ref: "", partnerName: shown, accountNumber: d.yes(0.5) ? account : "" }),
    ],
  };
  return d.one(forms[lang])();
}

/** A transfer between two of the company's own accounts. */
export function printOwnTransfer(d: Draw, lang: Lang, company: string, ownIban: string, text: string): Printed {
  const forms: Record<Lang, (() => string)[]> = {
    de: [() => `UMBUCHUNG ${text}`, () => `DAUERAUFTRAG ${text} ${ownIban}`, () => `SEPA-UEBERWEISUNG SVWZ+${text} EREF+NOTPROVIDED`],
    nl: [() => `/TRTP/SEPA OVERBOEKING/IBAN/${ownIban}/NAME/${company.toUpperCase()}/REMI/${text}`, () => `${text} ${ownIban}`],
    fr: [() => `${text} ${ownIban}`, () => `VIR SEPA EMIS /POUR ${company.toUpperCase()} /MOTIF ${text}`],
    en: [() => `${text} ${ownIban}`, () => `TFR ${text}`],
  };
  return { label: d.one(forms[lang])(), ref: "", partnerName: d.yes(0.6) ? bankName(company, d) : "", accountNumber: ownIban };
}

/** Citing an invoice number (INV/2026/00042) the way payers type it. */
export function citeNumber(d: Draw, moveName: string): string {
  const m = /^([A-Z]+)\/(\d{4})\/(?:(\d{2})\/)?(\d+)$/.exec(moveName);
  if (m === null) return moveName;
  const [, prefix = "", year = "", month, seq = ""] = m;
  const short = String(Number(seq));
  const mid = month === undefined ? "" : `${month}/`;
  return d.weighted([
    moveName, `${prefix}-${year}-${month === undefined ? "" : `${month}-`}${seq}`, `${prefix} ${year} ${mid}${seq}`,
    `${prefix}${year}${month ?? ""}${seq}`, `${prefix}/${year}/${mid}${short}`,
  ], [4, 2, 1, 1, 1]);
}
