// The independent generator's material: its own chart of accounts, counterparty name parts, merchants and the
// words banks print, per language. Drawn from other lists than scripts/bench/lib/book_catalog.ts on purpose: the
// point is books the engine was not shaped on.
import type { Account } from "../../../../web_src/contracts/reconcile";

export const HOME_CURRENCY = "EUR";
/** Company currency per unit, the way the bank converted (foreign items are booked at these). */
export const FX: Readonly<Record<string, number>> = { EUR: 1, USD: 0.9137, CHF: 1.0412, GBP: 1.1893 };

/** Chart (SKR03-like codes, ids of their own). */
export const CHART = {
  rent: { id: 9_4210, code: "4210", name: "Miete und Pacht", accountType: "expense" },
  insurance: { id: 9_4360, code: "4360", name: "Versicherungen", accountType: "expense" },
  vehicle: { id: 9_4530, code: "4530", name: "Laufende Kfz-Betriebskosten", accountType: "expense" },
  ads: { id: 9_4600, code: "4600", name: "Werbekosten", accountType: "expense" },
  meals: { id: 9_4650, code: "4650", name: "Bewirtungskosten", accountType: "expense" },
  travel: { id: 9_4670, code: "4670", name: "Reisekosten Unternehmer", accountType: "expense" },
  lodging: { id: 9_4680, code: "4680", name: "Übernachtungsaufwand", accountType: "expense" },
  energy: { id: 9_4240, code: "4240", name: "Gas, Strom, Wasser", accountType: "expense" },
  postage: { id: 9_4910, code: "4910", name: "Porto", accountType: "expense" },
  phone: { id: 9_4920, code: "4920", name: "Telefon und Internet", accountType: "expense" },
  office: { id: 9_4930, code: "4930", name: "Bürobedarf", accountType: "expense" },
  software: { id: 9_4964, code: "4964", name: "Software und Lizenzen", accountType: "expense" },
  hosting: { id: 9_4965, code: "4965", name: "Hosting und Rechenzentrum", accountType: "expense" },
  books: { id: 9_4940, code: "4940", name: "Zeitschriften, Bücher", accountType: "expense" },
  tools: { id: 9_4985, code: "4985", name: "Werkzeuge und Kleingeräte", accountType: "expense" },
  bankCharges: { id: 9_4970, code: "4970", name: "Nebenkosten des Geldverkehrs", accountType: "expense" },
  transit: { id: 9_1360, code: "1360", name: "Geldtransit", accountType: "asset_current" },
} as const satisfies Record<string, Account>;
export type Category = keyof typeof CHART;
/** The exchange difference accounts of the company (no line is coded to them: settings only). */
export const EXCHANGE_ACCOUNTS = {
  gain: { id: 9_2660, code: "2660", name: "Erträge aus Kursdifferenzen", accountType: "income_other" },
  loss: { id: 9_2150, code: "2150", name: "Aufwendungen aus Kursdifferenzen", accountType: "expense" },
} as const satisfies Record<string, Account>;
export const ACCOUNTS: Account[] = Object.values(CHART);

/** Counterparty companies: trade + family name + legal form, in the languages of the statements. */
export const TRADES = [
  "Tischlerei", "Imkerei", "Weingut", "Zahntechnik", "Fahrradwerkstatt", "Steuerkanzlei", "Malerbetrieb", "Gärtnerei",
  "Kwekerij", "Installatiebedrijf", "Bouwbedrijf", "Reisbureau", "Drukkerij", "Schildersbedrijf", "Loodgieter",
  "Boulangerie", "Ferronnerie", "Menuiserie", "Cabinet", "Atelier", "Brasserie", "Imprimerie", "Plomberie",
  "Joinery", "Brewery", "Upholstery", "Surveyors", "Architects", "Catering", "Studio", "Bureau", "Werkstätten",
];
export const FAMILIES = [
  "Vermeulen", "Peeters", "Maes", "Claes", "Mertens", "Wouters", "Lambrecht", "Dupont", "Leclercq", "Marchand",
  "Gauthier", "Chevalier", "Huber", "Gruber", "Pichler", "Steiner", "Moser", "Brunner", "Eder", "Reiter",
  "Eriksson", "Hansen", "Jensen", "Nielsen", "Lund", "Conti", "Esposito", "Ricci", "Marino", "Greco", "Oliveira",
  "Pereira", "Santos", "Kuipers", "Smit", "Mulder", "De Graaf", "Van Leeuwen", "Hendriks", "Postma", "Ashworth",
  "Pemberton", "Whitfield", "Kavanagh", "Fitzgerald", "Hargreaves", "Thornton", "Kessler", "Seidl", "Ziegler",
];
export const LEGAL_FORMS = [
  "e.K.", "KG", "OHG", "UG (haftungsbeschränkt)", "VOF", "B.V.", "BVBA", "SPRL", "EURL", "SCS", "ApS", "AB",
  "S.p.A.", "Lda", "Kft.", "& Zonen", "& Fils", "& Sons Ltd", "Partnerschaft mbB", "", "",
];
export const PRIVATE_FIRST = ["Anna-Lena", "Jan-Willem", "Marie-Claire", "Sören", "Annelies", "Joost", "Aurélie", "Søren", "Pádraig", "Henrike", "Thijs", "Gaëlle"];
export const VENDOR_TRADES = [
  "Großhandel", "Groothandel", "Fournitures", "Supplies", "Bürotechnik", "Verpakkingen", "Holzhandel", "Elektro",
  "Sanitär", "Metaalwaren", "Outillage", "Papeterie", "Logistiek", "Spedition", "Werbetechnik", "Etiketten",
];

export interface MerchantSpec {
  /** The brand as the bank prints it (upper case), its distinctive word first. */
  brand: string;
  category: Category;
  /** Typical spend, in EUR. */
  range: readonly [number, number];
  /** Paid how: card purchases or direct debits (SEPA Lastschrift / Incasso / Prélèvement). */
  channel: "card" | "debit";
  /** Creditor name for a direct debit (the legal entity), when it differs from the brand. */
  legal?: string;
}

export const MERCHANTS: readonly MerchantSpec[] = [
  { brand: "ALBERT HEIJN", category: "meals", range: [4, 60], channel: "card" },
  { brand: "JUMBO SUPERMARKTEN", category: "meals", range: [5, 80], channel: "card" },
  { brand: "EDEKA", category: "meals", range: [6, 90], channel: "card" },
  { brand: "KRUIDVAT", category: "office", range: [3, 40], channel: "card" },
  { brand: "HEMA", category: "office", range: [3, 70], channel: "card" },
  { brand: "ACTION", category: "office", range: [2, 50], channel: "card" },
  { brand: "COOLBLUE", category: "tools", range: [30, 900], channel: "card" },
  { brand: "CONRAD ELECTRONIC", category: "tools", range: [10, 400], channel: "card" },
  { brand: "THOMANN", category: "tools", range: [20, 700], channel: "card" },
  { brand: "TCHIBO", category: "meals", range: [3, 30], channel: "card" },
  { brand: "ESSO", category: "vehicle", range: [30, 110], channel: "card" },
  { brand: "TOTALENERGIES", category: "vehicle", range: [30, 120], channel: "card" },
  { brand: "JET TANKSTELLE", category: "vehicle", range: [25, 100], channel: "card" },
  { brand: "OMV", category: "vehicle", range: [30, 110], channel: "card" },
  { brand: "AVIA XPRESS", category: "vehicle", range: [20, 90], channel: "card" },
  { brand: "SNCF CONNECT", category: "travel", range: [20, 250], channel: "card" },
  { brand: "NS REIZIGERS", category: "travel", range: [3, 80], channel: "card" },
  { brand: "OEBB TICKETS", category: "travel", range: [10, 160], channel: "card" },
  { brand: "EUROSTAR", category: "travel", range: [60, 400], channel: "card" },
  { brand: "KLM", category: "travel", range: [90, 900], channel: "card" },
  { brand: "EASYJET", category: "travel", range: [40, 300], channel: "card" },
  { brand: "FLIXBUS", category: "travel", range: [8, 70], channel: "card" },
  { brand: "BOLT.EU", category: "travel", range: [6, 45], channel: "card" },
  { brand: "SIXT", category: "vehicle", range: [50, 600], channel: "card" },
  { brand: "MOTEL ONE", category: "lodging", range: [70, 260], channel: "card" },
  { brand: "NH HOTELES", category: "lodging", range: [90, 400], channel: "card" },
  { brand: "BOOKING.COM", category: "lodging", range: [60, 700], channel: "card" },
  { brand: "THALYS", category: "travel", range: [40, 250], channel: "card" },
  { brand: "FIGMA", category: "software", range: [12, 150], channel: "card" },
  { brand: "CANVA", category: "software", range: [11, 120], channel: "card" },
  { brand: "ATLASSIAN", category: "software", range: [10, 600], channel: "card" },
  { brand: "NOTION LABS", category: "software", range: [8, 200], channel: "card" },
  { brand: "MAILCHIMP", category: "ads", range: [13, 300], channel: "card" },
  { brand: "DROPBOX", category: "software", range: [10, 240], channel: "card" },
  { brand: "JETBRAINS", category: "software", range: [20, 700], channel: "card" },
  { brand: "HETZNER ONLINE", category: "hosting", range: [4, 300], channel: "debit", legal: "Hetzner Online GmbH" },
  { brand: "IONOS", category: "hosting", range: [1, 80], channel: "debit", legal: "IONOS SE" },
  { brand: "STRATO", category: "hosting", range: [3, 60], channel: "debit", legal: "STRATO GmbH" },
  { brand: "OVHCLOUD", category: "hosting", range: [5, 400], channel: "debit", legal: "OVH SAS" },
  { brand: "KPN", category: "phone", range: [20, 120], channel: "debit", legal: "KPN B.V." },
  { brand: "ZIGGO", category: "phone", range: [30, 90], channel: "debit", legal: "Ziggo Services B.V." },
  { brand: "PROXIMUS", category: "phone", range: [25, 110], channel: "debit", legal: "Proximus SA" },
  { brand: "O2 TELEFONICA", category: "phone", range: [15, 80], channel: "debit", legal: "Telefonica Germany GmbH & Co. OHG" },
  { brand: "ENECO", category: "energy", range: [60, 400], channel: "debit", legal: "Eneco Consumenten B.V." },
  { brand: "VATTENFALL", category: "energy", range: [50, 450], channel: "debit", legal: "Vattenfall Europe Sales GmbH" },
  { brand: "ENGIE", category: "energy", range: [50, 500], channel: "debit", legal: "ENGIE SA" },
  { brand: "STADTWERKE", category: "energy", range: [40, 300], channel: "debit", legal: "Stadtwerke Energie GmbH" },
  { brand: "ALLIANZ", category: "insurance", range: [30, 900], channel: "debit", legal: "Allianz Versicherungs-AG" },
  { brand: "HUK-COBURG", category: "insurance", range: [40, 600], channel: "debit", legal: "HUK-COBURG Allgemeine Versicherung AG" },
  { brand: "AXA", category: "insurance", range: [25, 700], channel: "debit", legal: "AXA Assurances IARD" },
  { brand: "ADAC", category: "vehicle", range: [49, 139], channel: "debit", legal: "ADAC e.V." },
  { brand: "DATEV", category: "software", range: [30, 400], channel: "debit", legal: "DATEV eG" },
  { brand: "LEXWARE", category: "software", range: [8, 60], channel: "debit", legal: "Haufe Service Center GmbH" },
  { brand: "REGUS", category: "rent", range: [300, 2500], channel: "debit", legal: "Regus Management GmbH" },
  { brand: "SPACES", category: "rent", range: [250, 1800], channel: "debit", legal: "Spaces Business Centre B.V." },
  { brand: "POSTNL", category: "postage", range: [2, 90], channel: "card" },
  { brand: "LA POSTE", category: "postage", range: [1, 60], channel: "card" },
  { brand: "SPIEGEL VERLAG", category: "books", range: [5, 30], channel: "debit", legal: "SPIEGEL-Verlag Rudolf Augstein GmbH & Co. KG" },
  { brand: "HANDELSBLATT", category: "books", range: [20, 70], channel: "debit", legal: "Handelsblatt GmbH" },
  { brand: "LE MONDE", category: "books", range: [10, 30], channel: "debit", legal: "Société Editrice du Monde" },
];

export const CITIES: Readonly<Record<Lang, readonly string[]>> = {
  de: ["BERLIN", "MUENCHEN", "KOELN", "FRANKFURT", "LEIPZIG", "DRESDEN", "BREMEN", "NUERNBERG", "STUTTGART"],
  nl: ["AMSTERDAM", "UTRECHT", "KATWIJK", "LEIDEN", "DEN HAAG", "EINDHOVEN", "GRONINGEN", "ZWOLLE", "S-GRAVENHAGE"],
  fr: ["PARIS", "LYON", "LILLE", "NANTES", "BORDEAUX", "STRASBOURG", "RENNES", "TOULOUSE"],
  en: ["LONDON", "MANCHESTER", "DUBLIN", "BRISTOL", "LEEDS", "GLASGOW", "CORK"],
};

export type Lang = "de" | "nl" | "fr" | "en";
export const LANGS: readonly Lang[] = ["de", "nl", "fr", "en"];

/** Words for the invoice in a remittance, per language. */
export const INVOICE_WORD: Readonly<Record<Lang, readonly string[]>> = {
  de: ["Rechnung", "Rechnung Nr.", "RE", "Rg.", "Rechnungsnr.", "Zahlung zu Rechnung", "Ihre Rechnung"],
  nl: ["Factuur", "factuur nr", "fact.", "betreft factuur", "Factuurnummer", "Uw factuur"],
  fr: ["Facture", "FACT", "Fact. n°", "Règlement facture", "Réf facture", "Votre facture"],
  en: ["Invoice", "INV no", "Inv#", "payment for invoice", "Invoice number", "Your invoice"],
};
/** "invoices" (plural) and "and", for one payment of several invoices. */
export const INVOICES_WORD: Readonly<Record<Lang, readonly string[]>> = {
  de: ["Rechnungen", "Sammelzahlung RE", "Rg."], nl: ["Facturen", "fact."], fr: ["Factures", "FACT"], en: ["Invoices", "INV"],
};
export const AND_WORD: Readonly<Record<Lang, string>> = { de: "und", nl: "en", fr: "et", en: "and" };
/** An instalment: (k, n) → the words. */
export const INSTALMENT: Readonly<Record<Lang, readonly ((k: number, n: number) => string)[]>> = {
  de: [(k, n) => `Rate ${k} von ${n}`, (k, n) => `${k}. Rate (${n} Raten)`, (k) => `Teilzahlung ${k}`, (k, n) => `Ratenzahlung ${k}/${n}`],
  nl: [(k, n) => `termijn ${k} van ${n}`, (k) => `${k}e termijn`, (k, n) => `deelbetaling ${k}/${n}`],
  fr: [(k, n) => `échéance ${k}/${n}`, (k) => `${k}er versement`, (k, n) => `paiement partiel ${k} sur ${n}`],
  en: [(k, n) => `instalment ${k} of ${n}`, (k, n) => `part payment ${k}/${n}`, (k) => `${k}st instalment`],
};
export const CUSTOMER_NO: Readonly<Record<Lang, string>> = { de: "Kd-Nr.", nl: "klantnr", fr: "N° client", en: "Cust no" };
export const TRANSFER_OWN: Readonly<Record<Lang, readonly string[]>> = {
  de: ["Umbuchung Tagesgeld", "Übertrag auf Rücklagenkonto", "Umbuchung eigenes Konto", "Kontoübertrag"],
  nl: ["Overboeking naar spaarrekening", "Eigen rekening", "Overboeking spaarrekening zakelijk"],
  fr: ["Virement interne compte épargne", "VIR INTERNE", "Transfert compte à compte"],
  en: ["Transfer to savings", "Internal transfer", "Own account transfer", "Sweep to reserve account"],
};
export const DEBIT_TEXT: Readonly<Record<Lang, readonly string[]>> = {
  de: ["Beitrag", "Abschlag", "Monatsrechnung", "Vertragsnr.", "Kundennummer", "Lastschrift zu Vertrag"],
  nl: ["Termijnbedrag", "Maandfactuur", "Contractnummer", "Klantnummer", "Periodieke betaling"],
  fr: ["Echéance", "Facture mensuelle", "Contrat n°", "Cotisation", "Abonnement"],
  en: ["Monthly charge", "Subscription", "Account no", "Policy", "Plan"],
};
export const MONTHS_EN = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
/** Payers that are nobody in the books (a customer's relative, a factoring company, a marketplace). */
export const STRANGERS = [
  "Lotte Brouwer", "Mathilde Roussel", "Ingrid Haugen", "Ferdinand Ebner", "Colm Brennan", "Siobhan Doyle",
  "Factoring Nord-West GmbH", "Marketplace Payouts S.a r.l.", "Crowdfunding Platform B.V.", "Stichting Derdengelden",
  "Notariskantoor Wiersma", "Huisartsenpraktijk De Linde", "Kinderopvang Zonnestraal", "Cercle Sportif de Namur",
];
