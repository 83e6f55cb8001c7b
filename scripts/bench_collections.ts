// Collections bench (not a test): generated payment histories with known behaviours
// (scripts/bench/lib/payment_histories.ts, which does not share the engine's assumptions) through the engine
// (web_src/engine/collections): segmentation accuracy per true behaviour, and the mean absolute error in days of
// the predicted payment date of the invoices open "today", against the naive "due date + the customer's average
// days late" (and the same clamped to today, a fairer peer), each on the same invoices.
//   npx tsx scripts/bench_collections.ts [--quick] [--tuning] [--seeds 7100-7109]
import { CollectionPredictRequestSchema, type Segment } from "../web_src/contracts/collections";
import { predictCollections } from "../web_src/engine/collections/predict_payments";
import { isoOfDay } from "../web_src/engine/collections/payment_stats";
import {
  COLLECTION_REPORT_SEEDS,
  COLLECTION_TUNING_SEEDS,
  TRUE_BEHAVIOURS,
  generateCustomers,
  type GeneratedCustomer,
} from "./bench/lib/payment_histories";

const args = process.argv.slice(2);
const quick = args.includes("--quick") || process.env.BENCH_QUICK === "1";
const tuning = args.includes("--tuning");
const seedArg = args[args.indexOf("--seeds") + 1];
const range = args.includes("--seeds") && seedArg ? seedArg.split("-").map(Number) : null;
const base = tuning ? COLLECTION_TUNING_SEEDS : COLLECTION_REPORT_SEEDS;
const from = range?.[0] ?? base.from;
const to = range?.[1] ?? (quick ? from + 1 : base.to);
for (let seed = from; seed <= to; seed += 1) {
  const isTuning = seed >= COLLECTION_TUNING_SEEDS.from && seed <= COLLECTION_TUNING_SEEDS.to;
  if (!tuning && isTuning) throw new RangeError(`seed ${seed} is a tuning seed: report on ${COLLECTION_REPORT_SEEDS.from}–${COLLECTION_REPORT_SEEDS.to}`);
}
const CUSTOMERS = quick ? 300 : 1000;
const TODAY = Math.round(Date.UTC(2026, 5, 1) / 86_400_000);

interface Tally {
  confusion: Map<string, number>;
  errors: { engine: number[]; naive: number[]; clamped: number[] };
  covered: number;
  intervalHits: number;
  widths: number[];
  ms: number;
}

function runSeed(seed: number, tally: Tally): void {
  const customers: GeneratedCustomer[] = generateCustomers(seed, CUSTOMERS, TODAY);
  const truth = new Map<number, number>();
  const request = CollectionPredictRequestSchema.parse({
    companyId: 1,
    companyCurrency: "EUR",
    today: isoOfDay(TODAY),
    customers: customers.map((c) => {
      const history = c.invoices.filter((i) => i.paid < TODAY).slice(-200);
      const open = c.invoices.filter((i) => i.issued <= TODAY && i.paid >= TODAY);
      for (const i of open) truth.set(i.id, i.paid);
      return {
        partnerId: c.partnerId,
        history: history.map((i) => ({ invoiceId: i.id, invoiceDate: isoOfDay(i.issued), dueDate: isoOfDay(i.due), paidDate: isoOfDay(i.paid), amount: i.amount, partial: i.partial })),
        open: open.map((i) => ({ invoiceId: i.id, invoiceDate: isoOfDay(i.issued), dueDate: isoOfDay(i.due), amountResidual: i.amount })),
      };
    }),
  });
  const cpu0 = process.cpuUsage();
  const reply = predictCollections(request);
  const cpu = process.cpuUsage(cpu0);
  tally.ms += (cpu.user + cpu.system) / 1000;
  const allLate = request.customers.flatMap((c) => c.history.map((h) => dayOf(h.paidDate) - dayOf(h.dueDate)));
  const companyMean = allLate.length ? allLate.reduce((a, b) => a + b, 0) / allLate.length : 0;
  reply.customers.forEach((answer, index) => {
    const customer = customers[index] as GeneratedCustomer;
    const key = `${customer.behaviour}→${answer.segment}`;
    tally.confusion.set(key, (tally.confusion.get(key) ?? 0) + 1);
    const input = request.customers[index];
    const late = input?.history.map((h) => dayOf(h.paidDate) - dayOf(h.dueDate)) ?? [];
    const mean = late.length ? late.reduce((a, b) => a + b, 0) / late.length : companyMean;
    for (const p of answer.predictions) {
      const actual = truth.get(p.invoiceId);
      const open = input?.open.find((o) => o.invoiceId === p.invoiceId);
      if (actual === undefined || !open) continue;
      const due = dayOf(open.dueDate);
      tally.errors.engine.push(Math.abs(dayOf(p.predictedDate) - actual));
      tally.errors.naive.push(Math.abs(due + Math.round(mean) - actual));
      tally.errors.clamped.push(Math.abs(Math.max(TODAY, due + Math.round(mean)) - actual));
      tally.covered += 1;
      if (dayOf(p.low) <= actual && actual <= dayOf(p.high)) tally.intervalHits += 1;
      tally.widths.push(dayOf(p.high) - dayOf(p.low));
    }
  });
}

function dayOf(iso: string): number {
  return Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000);
}
const mae = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] as number) : Number.NaN;
};

const tally: Tally = { confusion: new Map(), errors: { engine: [], naive: [], clamped: [] }, covered: 0, intervalHits: 0, widths: [], ms: 0 };
for (let seed = from; seed <= to; seed += 1) runSeed(seed, tally);

console.log(`collections bench: ${tuning ? "TUNING" : "report"} seeds ${from}–${to}, ${CUSTOMERS} customers each`);
const segments: Segment[] = ["reliable", "slow_but_sure", "deteriorating", "at_risk", "new"];
console.log(`\n| true behaviour \\ segment | ${segments.join(" | ")} | accuracy |`);
console.log(`|---|${segments.map(() => "--:").join("|")}|--:|`);
let right = 0;
let total = 0;
for (const truthLabel of TRUE_BEHAVIOURS) {
  const cells = segments.map((s) => tally.confusion.get(`${truthLabel}→${s}`) ?? 0);
  const rowTotal = cells.reduce((a, b) => a + b, 0);
  const ok = tally.confusion.get(`${truthLabel}→${truthLabel}`) ?? 0;
  right += ok;
  total += rowTotal;
  console.log(`| ${truthLabel} | ${cells.join(" | ")} | ${((100 * ok) / Math.max(1, rowTotal)).toFixed(1)} % |`);
}
console.log(`\nsegmentation accuracy: ${((100 * right) / Math.max(1, total)).toFixed(1)} % of ${total} customers`);
console.log(`\n| predicted payment date, ${tally.covered} open invoices | MAE (days) | median AE |`);
console.log("|---|--:|--:|");
console.log(`| engine (median of the conditioned, shrunk empirical distribution) | ${mae(tally.errors.engine).toFixed(2)} | ${median(tally.errors.engine)} |`);
console.log(`| naive: due + customer's average days late | ${mae(tally.errors.naive).toFixed(2)} | ${median(tally.errors.naive)} |`);
console.log(`| naive, clamped to today | ${mae(tally.errors.clamped).toFixed(2)} | ${median(tally.errors.clamped)} |`);
console.log(`interval 10–90 % holds the actual date: ${((100 * tally.intervalHits) / Math.max(1, tally.covered)).toFixed(1)} %, median width ${median(tally.widths)} days`);
console.log(`engine CPU time: ${tally.ms.toFixed(0)} ms for ${(to - from + 1) * CUSTOMERS} customers`);
