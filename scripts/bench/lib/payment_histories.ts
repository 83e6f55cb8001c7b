// Generated payment histories with known behaviours, for the collections bench. Written apart from the engine
// (web_src/engine/collections) and on purpose NOT on its assumptions: customers pay in payment runs (a weekday or a
// day of the month), lateness comes from gamma and log-normal draws and from a drift over calendar time, partial
// payments settle in two runs, and "new" customers are any behaviour seen through one or two invoices.
// Dates are whole days since 1970-01-01 here; the bench turns them into ISO dates.
import { createRng, type Rng } from "./prng";

export type TrueBehaviour = "reliable" | "slow_but_sure" | "deteriorating" | "at_risk" | "new";
export const TRUE_BEHAVIOURS: readonly TrueBehaviour[] = ["reliable", "slow_but_sure", "deteriorating", "at_risk", "new"];

export interface GeneratedInvoice {
  id: number;
  issued: number;
  due: number;
  /** The day the last payment settled it. */
  paid: number;
  amount: number;
  partial: boolean;
}

export interface GeneratedCustomer {
  partnerId: number;
  behaviour: TrueBehaviour;
  invoices: GeneratedInvoice[];
}

/** Tune on these, report on those (the bench refuses to report on a tuning seed). */
export const COLLECTION_TUNING_SEEDS = { from: 5100, to: 5109 } as const;
export const COLLECTION_REPORT_SEEDS = { from: 7100, to: 7109 } as const;

function gamma(rng: Rng, shape: number, scale: number): number {
  // Marsaglia–Tsang for shape >= 1; boosted for shape < 1.
  if (shape < 1) return gamma(rng, shape + 1, scale) * rng.next() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = rng.normal();
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    if (Math.log(rng.next()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v * scale;
  }
}

/** The next payment run on or after `day`: a weekday (0 Thursday … 6 Wednesday of the epoch) or a day of the month. */
function nextRun(day: number, run: { weekday?: number; monthDay?: number }): number {
  if (run.weekday !== undefined) return day + ((run.weekday - (day % 7) + 7) % 7);
  const target = run.monthDay ?? 1;
  for (let d = day; d < day + 40; d += 1) {
    if (new Date(d * 86_400_000).getUTCDate() === target) return d;
  }
  return day;
}

export function generateCustomers(seed: number, count: number, today: number): GeneratedCustomer[] {
  const rng = createRng(seed);
  const customers: GeneratedCustomer[] = [];
  let invoiceId = 1;
  for (let k = 0; k < count; k += 1) {
    const behaviour = rng.pick(TRUE_BEHAVIOURS);
    // "new": a customer whose first invoices are just going out, of any real behaviour.
    const underlying = behaviour === "new" ? rng.pick(TRUE_BEHAVIOURS.slice(0, 4)) : behaviour;
    const run = rng.chance(0.5) ? { weekday: rng.int(0, 6) } : { monthDay: rng.pick([1, 10, 15, 25, 28]) };
    const terms = rng.pick([14, 30, 30, 45, 60]);
    const historyDays = behaviour === "new" ? rng.int(20, 70) : rng.int(300, 720);
    const gap = rng.int(12, 40);
    const offset = rng.int(10, 38);
    const drift = { start: rng.int(-3, 4), end: rng.int(28, 65) };
    const partialHabit = underlying === "at_risk" ? 0.4 : rng.chance(0.2) ? 0.3 : 0.02;
    const invoices: GeneratedInvoice[] = [];
    for (let issued = today - historyDays; issued < today - 2; issued += Math.max(5, Math.round(gap * (0.5 + rng.next())))) {
      const due = issued + terms;
      const progress = (issued - (today - historyDays)) / historyDays;
      let late: number;
      switch (underlying) {
        case "reliable":
          late = rng.chance(0.75) ? -rng.int(0, 4) : rng.chance(0.7) ? -gamma(rng, 2, 3) : gamma(rng, 1.2, 2.5);
          break;
        case "slow_but_sure":
          late = offset + gamma(rng, 3, 1.6) - 4;
          break;
        case "deteriorating":
          late = drift.start + (drift.end - drift.start) * progress ** 1.5 + gamma(rng, 2, 2) - 2;
          break;
        default:
          late = Math.exp(Math.log(rng.int(30, 55)) + 0.55 * rng.normal());
      }
      const partial = rng.chance(partialHabit);
      // A reliable payer schedules the run before the day it means to pay; the others pay at the next run.
      let paid = underlying === "reliable" ? nextRun(due + Math.round(late) - 6, { weekday: run.weekday ?? due % 7 }) : nextRun(due + Math.round(late), run);
      if (partial) paid = nextRun(paid + rng.int(10, 35), run);
      invoices.push({ id: invoiceId++, issued, due, paid, amount: Math.round(gamma(rng, 2, 600) * 100) / 100, partial });
    }
    customers.push({ partnerId: k + 1, behaviour, invoices });
  }
  return customers;
}
