// The fixed material of the generated books: currencies and rates, name parts of partners, card merchants and
// the expense accounts they are booked to.
import type { Account, Partner } from "../../../web_src/contracts/reconcile";

export const BANK_FEE_ACCOUNT_ID = 1201;
export const COMPANY = "EUR";
export const RATES: Readonly<Record<string, number>> = { EUR: 1, USD: 0.92, GBP: 1.17 };

export const FIRST = [
  "Müller", "Schröder", "Bäcker", "Jäger", "Weiß", "Köhler", "Lefèvre", "Dubois", "Gonçalves", "Núñez", "Østergaard",
  "Acme", "Globex", "Initech", "Umbrella", "Vandelay", "Nordwind", "Alpen", "Rhein", "Hansa", "Baltic", "Atlas",
  "Orion", "Zenit", "Helios", "Kronos", "Falk", "Brandt", "Krüger", "Schäfer", "Hoffmann", "Wagner", "Becker",
  "Schulz", "Fischer", "Weber", "Meyer", "Wolf", "Neumann", "Zimmermann", "Hartmann", "Lange", "Krause", "Lehmann",
  "Schmitt", "Roux", "Fontaine", "Moreau", "Girard", "Janssen", "De Vries", "Van Dijk", "Bakker", "Visser", "Rossi",
  "Bianchi", "Romano", "Ferrari", "Kowalski", "Nowak", "Svensson", "Lindqvist", "Novák", "Dvořák", "Horváth",
  "O'Brien", "Murphy", "Walsh", "Sørensen", "Åberg", "Lindström", "Göçmen", "Yılmaz", "Čapek", "Mañana",
];
export const SECOND = [
  "Maschinenbau", "Logistik", "Consulting", "Trading", "Software", "Bau", "Elektrotechnik", "Holzbau", "Druckerei",
  "Transport", "Solutions", "Systems", "Immobilien", "Handelsgesellschaft", "Technik", "Medical", "Foods", "Textiles",
  "Automotive", "Engineering", "Design", "Verpackung", "Metallbau", "Energie", "Pharma", "Robotics", "Analytics",
  "Gastronomie", "Reisen", "Media", "Optik", "Kunststofftechnik", "Vertriebsgesellschaft", "Industrieservice",
];
export const THIRD = [
  "", "", "", "", "Nord", "Süd", "Berlin", "München", "Köln", "Hamburg", "Lyon", "Bruxelles", "Zürich", "Wien",
  "Rotterdam", "Milano", "Kraków", "Göteborg", "Services", "International", "Europe", "Group", "Partners",
];
export const SUFFIX = ["GmbH", "GmbH & Co. KG", "AG", "Ltd", "SA", "SARL", "BV", "Inc", "LLC", "SAS", "NV", "S.r.l.", "Sp. z o.o.", "Oy"];
export const ROUND_AMOUNTS = [50, 100, 150, 200, 250, 300, 450, 500, 750, 1000, 1190, 1500, 2000, 2500];

export interface Merchant {
  variants: string[];
  accountId: number;
  taxIds: number[];
}
export const MERCHANTS: Merchant[] = [
  { variants: ["AMAZON WEB SERVICES LUX", "AWS EMEA", "AMAZON WEB SERVICES EMEA SARL"], accountId: 6815, taxIds: [11] },
  { variants: ["GOOGLE CLOUD EMEA", "GOOGLE *CLOUD", "GOOGLE IRELAND LTD"], accountId: 6815, taxIds: [11] },
  { variants: ["MICROSOFT 365", "MSFT *AZURE", "MICROSOFT IRELAND"], accountId: 6816, taxIds: [11] },
  { variants: ["ADOBE SYSTEMS", "ADOBE *CREATIVE CLD", "ADOBE IRELAND"], accountId: 6816, taxIds: [11] },
  { variants: ["DEUTSCHE BAHN", "DB VERTRIEB GMBH", "DB FERNVERKEHR"], accountId: 6650, taxIds: [12] },
  { variants: ["LUFTHANSA", "DEUTSCHE LUFTHANSA AG", "LH WEB TICKET"], accountId: 6651, taxIds: [13] },
  { variants: ["SHELL STATION", "SHELL DEUTSCHLAND", "SHELL 4711"], accountId: 6530, taxIds: [12] },
  { variants: ["ARAL TANKSTELLE", "ARAL STATION", "ARAL AG"], accountId: 6530, taxIds: [12] },
  { variants: ["STAPLES OFFICE", "STAPLES EUROPE", "STAPLES DIRECT"], accountId: 6815 + 100, taxIds: [12] },
  { variants: ["HOTEL IBIS", "IBIS BUDGET", "ACCOR IBIS"], accountId: 6660, taxIds: [14] },
  { variants: ["DEUTSCHE TELEKOM", "TELEKOM DEUTSCHLAND", "TELEKOM RECHNUNG"], accountId: 6805, taxIds: [12] },
  { variants: ["VODAFONE GMBH", "VODAFONE DE", "VODAFONE MOBILFUNK"], accountId: 6805, taxIds: [12] },
  { variants: ["UBER TRIP", "UBER BV", "UBER *TRIP HELP"], accountId: 6673, taxIds: [13] },
  { variants: ["SLACK TECHNOLOGIES", "SLACK T0123", "SLACK *PRO"], accountId: 6816, taxIds: [11] },
  { variants: ["ZOOM VIDEO COMM", "ZOOM.US", "ZOOM VIDEO COMMUNICATIONS"], accountId: 6816, taxIds: [11] },
  { variants: ["LINKEDIN PREMIUM", "LINKEDIN IRELAND", "LINKEDIN *ADS"], accountId: 6600, taxIds: [11] },
  { variants: ["FACEBK ADS", "META PLATFORMS IRELAND", "FACEBK *ADS"], accountId: 6600, taxIds: [11] },
  { variants: ["POST AG PORTO", "DEUTSCHE POST", "DP PORTO ONLINE"], accountId: 6800, taxIds: [] },
  { variants: ["DHL PAKET", "DHL EXPRESS", "DHL ONLINE FRANKIERUNG"], accountId: 6740, taxIds: [12] },
  { variants: ["IKEA EINRICHTUNG", "IKEA DEUTSCHLAND", "IKEA STORE"], accountId: 6845, taxIds: [12] },
  { variants: ["REWE MARKT", "REWE SAGT DANKE", "REWE CITY"], accountId: 6640, taxIds: [15] },
  { variants: ["STARBUCKS COFFEE", "STARBUCKS EMEA", "STARBUCKS STORE"], accountId: 6640, taxIds: [15] },
  { variants: ["GITHUB INC", "GITHUB.COM", "GITHUB *SPONSORS"], accountId: 6816, taxIds: [11] },
  { variants: ["OPENAI LLC", "OPENAI *CHATGPT", "OPENAI API"], accountId: 6816, taxIds: [11] },
];
export const NEW_MERCHANTS = ["ZALANDO SE", "MEDIAMARKT", "BAUHAUS", "HORNBACH", "OBI MARKT", "NETFLIX.COM", "SPOTIFY AB", "ROSSMANN"];
export const CITIES = ["BERLIN", "MUENCHEN", "LUXEMBOURG", "DUBLIN", "HAMBURG", "KOELN", "PARIS", "AMSTERDAM", ""];
export const EXPENSE_ACCOUNTS: Account[] = [
  { id: 6530, code: "6530", name: "Fuel", accountType: "expense" },
  { id: 6600, code: "6600", name: "Advertising", accountType: "expense" },
  { id: 6640, code: "6640", name: "Hospitality", accountType: "expense" },
  { id: 6650, code: "6650", name: "Travel — rail", accountType: "expense" },
  { id: 6651, code: "6651", name: "Travel — air", accountType: "expense" },
  { id: 6660, code: "6660", name: "Travel — hotels", accountType: "expense" },
  { id: 6673, code: "6673", name: "Travel — taxis", accountType: "expense" },
  { id: 6740, code: "6740", name: "Freight", accountType: "expense" },
  { id: 6800, code: "6800", name: "Postage", accountType: "expense" },
  { id: 6805, code: "6805", name: "Telephone", accountType: "expense" },
  { id: 6815, code: "6815", name: "Cloud services", accountType: "expense" },
  { id: 6816, code: "6816", name: "Software subscriptions", accountType: "expense" },
  { id: 6845, code: "6845", name: "Office equipment", accountType: "expense" },
  { id: 6915, code: "6915", name: "Office supplies", accountType: "expense" },
  { id: BANK_FEE_ACCOUNT_ID, code: "6855", name: "Bank charges", accountType: "expense" },
];

export interface GenPartner extends Partner {
  vendor: boolean;
  iban: string;
  alias: string | null;
  recurring: number | null;
  refStyle: number;
}

