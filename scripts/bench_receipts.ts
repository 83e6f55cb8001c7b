// Held-out receipts for the receipt mode's merchant and currency (issue 18): written for this bench and never used
// to tune web_src/engine/bills/receipt.ts (its tests, test/engine/bills/receipt.test.ts, are the tuning set). Each
// receipt is read as the endpoint reads it (extractBill in receipt mode, then readReceipt) and scored as the Odoo
// bench scores the shared documents: the merchant when one name contains the other (folded), the currency exactly.
// Run: npx tsx scripts/bench_receipts.ts (BENCH_RECEIPTS_READER_ONLY=1: the bill reader's own choice, for comparison)
import { extractBill, type ExtractOptions } from "../web_src/engine/bills/extract_bill";
import { fold, readReceipt } from "../web_src/engine/bills/receipt";
import { receipt } from "../test/engine/bills/receipt_fixture";

const OPTIONS: ExtractOptions = { source: "ocr", today: "2026-12-01", receipt: true, company: { name: "Acme Consulting GmbH", currency: "EUR" } };


const CASES: ReadonlyArray<{ text: string; merchant: string; currency: string; merchants?: string[] }> = [
  { merchant: "Piekarnia Złoty Kłos", currency: "PLN", text: `
!PIEKARNIA ZŁOTY KŁOS
ul. Długa 5, 00-238 Warszawa
NIP 525-000-00-00
Chleb żytni              6,50
Drożdżówka x2            8,00
SUMA PLN                14,50
` },
  { merchant: "Café Linnea", currency: "SEK", text: `
Café Linnea
Drottninggatan 4, 111 51 Stockholm, Sverige
Kaffe                   39,00
Kanelbulle              50,00
Totalt                  89,00 kr
` },
  { merchant: "The Crown & Anchor", currency: "GBP", text: `
The Crown & Anchor
7 Quay Street, Bristol BS1 4DB
2 x Ale                  9.80
Fish & Chips            13.60
TOTAL                  £23.40
THANK YOU FOR DINING WITH US
` },
  { merchant: "Zoomcab", currency: "USD", text: `
From: Zoomcab <no-reply@zoomcab.com>
Subject: Your receipt for Thursday's ride
Base fare                14.00
Service fee               4.25
Total                   $18.25
` },
  { merchant: "Hôtel du Parc", currency: "EUR", text: `
!HÔTEL DU PARC
12 avenue Foch, 69006 Lyon
Chambre double 1 nuit   128,00
Taxe de séjour           14,00
TOTAL TTC               142,00 €
Merci de votre visite
Exploité par SAS Parc Hôtellerie
` },
  { merchant: "Tankstelle Müller", currency: "EUR", text: `
Kundenbeleg
Händler: Tankstelle Müller
Terminal-ID 5531 2234
girocard kontaktlos
Betrag EUR              61,20
` },
  { merchant: "Pizzeria Bella Napoli", currency: "EUR", text: `
Via Toledo 88, 80134 Napoli
Margherita x2           16,00
Acqua                    3,00
TOTALE EURO             27,00
Grazie per aver scelto Pizzeria Bella Napoli
` },
  { merchant: "Spice Route Kitchen", currency: "INR", text: `
Spice Route Kitchen
14 MG Road, Bengaluru, Karnataka, India
Thali x2                720.00
Lassi                   140.00
Total                   860.00
` },
  { merchant: "Harbourside Books", currency: "AUD", text: `
Harbourside Books
3 Circular Quay, Sydney NSW 2000, Australia
Paperback               $22.95
Bookmark                $10.00
TOTAL                   $32.95
` },
  { merchant: "FietsOnderdelen", currency: "EUR", text: `
Bestelling 20261102-77
Binnenband 28 inch       7,95
Verzending               4,95
Totaal                  12,90 €
Bedankt voor je bestelling bij FietsOnderdelen
www.fietsonderdelen.nl
` },
  { merchant: "Burger Barn", currency: "USD", merchants: ["Burger Barn", "Kantine"], text: `
?#B8 rn
Franchise 17 - Operated by BB Foods LLC
Cheeseburger             8.90
Fries                    3.50
TOTAL USD               12.40
` },
  { merchant: "Farmacia Central", currency: "EUR", text: `
!Farmacia Central
Calle Alcalá 20, 28014 Madrid
Ibuprofeno 400           4,90
Crema solar              7,50
TOTAL                   12,40 EUR
` },
];

const READER_ONLY = process.env.BENCH_RECEIPTS_READER_ONLY === "1";
let merchants = 0;
let currencies = 0;
const started = process.cpuUsage();
for (const c of CASES) {
  const pages = [receipt(c.text)];
  const read = extractBill(pages, OPTIONS);
  const bill = READER_ONLY ? read : readReceipt(pages, read, { company: OPTIONS.company?.name, merchants: c.merchants });
  const got = bill.fields.vendorName?.value ?? "";
  const [want, have] = [fold(c.merchant), fold(got)];
  const merchantOk = have !== "" && (have.includes(want) || want.includes(have));
  const currencyOk = bill.fields.currency?.value === c.currency;
  merchants += merchantOk ? 1 : 0;
  currencies += currencyOk ? 1 : 0;
  console.log(`| ${c.merchant} | ${merchantOk ? "ok" : `✗ ${got}`} | ${currencyOk ? "ok" : `✗ ${bill.fields.currency?.value ?? "none"}`} |`);
}
const cpu = process.cpuUsage(started);
console.log(`receipt bench (held-out synthetic receipts${READER_ONLY ? ", the bill reader alone" : ""}): merchant ${merchants}/${CASES.length}, currency ${currencies}/${CASES.length} (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms)`);
