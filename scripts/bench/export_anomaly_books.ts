// One seed of the anomaly bench's books (scripts/bench/lib/anomaly_books.ts) as JSON for the Odoo side
// (scripts/bench/anomalies_odoo.py): the vendors, their past bills, the checked month's bills and entries, and the
// injected labels. Payments and bank lines of the checked month are left out (the Odoo loader makes bills and
// entries only) and counted under "left_out".
//   npx tsx scripts/bench/export_anomaly_books.ts --seed N --vendors N --out books.json
import { writeFileSync } from "node:fs";
import { ACCEPTED, generateAnomalyBooks } from "./lib/anomaly_books";

/** The anomaly bench's report seeds (scripts/bench_anomalies.ts): never used while tuning the detectors. */
export const REPORT_SEEDS = [20_261_201, 20_261_202, 20_261_203, 20_261_204, 20_261_205];
const TAX_RATES: Record<number, number> = { 1: 19, 2: 7, 3: 0 };

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

const seed = Number(arg("seed", String(REPORT_SEEDS[0])));
if (!REPORT_SEEDS.includes(seed)) throw new Error(`--seed ${seed} is not one of the report seeds ${REPORT_SEEDS.join(", ")}`);
const vendorCount = Number(arg("vendors", "400"));
const out = arg("out", "");
if (out === "") throw new Error("--out FILE is required");
const books = generateAnomalyBooks(seed, { vendors: vendorCount, anomalyRate: 0.08 });
const history = books.request.history ?? {};
const vendors = (history.vendors ?? []).map((v) => ({
  id: v.partnerId,
  account: v.accounts?.[0]?.accountId ?? null,
  rate: v.taxRates?.[0]?.rate ?? null,
  createdOn: v.createdOn ?? null,
}));
const checked = new Set(books.request.items.map((i) => i.id));
const past = [...books.billsByVendor].flatMap(([vendor, bills]) =>
  bills.filter((b) => !checked.has(b.id)).map((b) => ({ id: b.id, vendor, date: b.date, amount: b.amount })));
const items = [];
const leftOut: Record<string, number> = {};
for (const item of books.request.items) {
  const label = books.labels.get(`${item.model}:${item.id}`) ?? null;
  if (item.model !== "account.move") {
    const key = `${item.kind}${label ? ` (${label})` : ""}`;
    leftOut[key] = (leftOut[key] ?? 0) + 1;
    continue;
  }
  const expense = (item.lines ?? []).find((l) => l.accountType === "expense");
  items.push({
    id: item.id, kind: item.kind, label, vendor: item.partnerId ?? null, date: item.date, createdAt: item.createdAt,
    amount: item.amount, reference: item.reference ?? "", manual: item.manual ?? false, sequenceGap: item.sequenceGap ?? false,
    account: expense?.accountId ?? null, rate: expense?.taxIds?.[0] !== undefined ? TAX_RATES[expense.taxIds[0]] : (expense?.taxRate ?? null),
    lines: (item.lines ?? []).map((l) => ({ account: l.accountId, type: l.accountType, balance: l.balance })),
  });
}
writeFileSync(out, JSON.stringify({ seed, accepted: ACCEPTED, vendors, past, items, leftOut }));
console.log(`export: seed ${seed}, ${vendors.length} vendors, ${past.length} past bills, ${items.length} checked entries, ${Object.values(leftOut).reduce((a, b) => a + b, 0)} payments/bank lines left out`);
