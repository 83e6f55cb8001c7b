// Seedable books for the anomaly bench: vendors with short and long histories (stable monthly, variable monthly,
// irregular, yearly), their bills, payments and bank lines over 18 months, and a last month to check into which
// labelled anomalies of every kind are injected. Normal entries include the hard cases of real books: the same
// rent every month, a yearly bill, irregular amounts, two real invoices of the same amount weeks apart.
import type { DetectAnomaliesRequestInput, DetectItemInput, DetectorCode, PastEntry } from "../../../web_src/contracts/anomalies";
import { createRng, type Rng } from "./prng";

export type InjectedKind =
  | "duplicate_bill"
  | "duplicate_reference"
  | "duplicate_payment"
  | "duplicate_bank_line"
  | "amount_outlier"
  | "new_account_for_vendor"
  | "unusual_tax"
  | "new_vendor_new_bank_account"
  | "bank_account_changed"
  | "just_under_threshold"
  | "off_hours_posting"
  | "backdated_entry"
  | "manual_control_account"
  | "sequence_gap"
  | "benford";

/** The detectors whose finding on the item counts as catching the injected anomaly. */
export const ACCEPTED: Readonly<Record<InjectedKind, readonly DetectorCode[]>> = {
  duplicate_bill: ["duplicate_bill", "duplicate_reference"],
  duplicate_reference: ["duplicate_reference", "duplicate_bill"],
  duplicate_payment: ["duplicate_payment"],
  duplicate_bank_line: ["duplicate_bank_line"],
  amount_outlier: ["amount_outlier_vendor", "amount_outlier_account"],
  new_account_for_vendor: ["new_account_for_vendor"],
  unusual_tax: ["unusual_tax_rate", "new_account_tax_pair"],
  new_vendor_new_bank_account: ["new_vendor_new_bank_account"],
  bank_account_changed: ["bank_account_changed"],
  just_under_threshold: ["just_under_threshold"],
  off_hours_posting: ["off_hours_posting"],
  backdated_entry: ["backdated_entry"],
  manual_control_account: ["manual_control_account"],
  sequence_gap: ["sequence_gap"],
  benford: ["benford"],
};

export interface LabelledBooks {
  request: DetectAnomaliesRequestInput;
  /** "model:id" of each item to check → what was injected there (absent: a normal entry). */
  labels: Map<string, InjectedKind>;
  /** Every vendor bill before and in the checked month, for Odoo's own rule: partner → [{id, date, amount}]. */
  billsByVendor: Map<number, { id: number; date: string; amount: number }[]>;
}

export interface BookOptions {
  vendors: number;
  /** Share of the checked month's entries that get an anomaly injected. */
  anomalyRate: number;
}

type VendorShape = "stable" | "variable" | "irregular" | "yearly";

interface Vendor {
  id: number;
  name: string;
  shape: VendorShape;
  base: number;
  account: number;
  tax: { id: number; rate: number };
  bank: number;
  historyMonths: number;
  billsPerMonth: number;
}

const ACCOUNTS = [6000, 6010, 6020, 6030, 6040, 6050, 6060, 6070, 6080, 6090];
const TAXES = [
  { id: 1, rate: 19 },
  { id: 2, rate: 7 },
  { id: 3, rate: 0 },
];
const CHECK_MONTH = "2026-03";
const THRESHOLD = 5000;

const pad = (n: number): string => String(n).padStart(2, "0");
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Month `back` months before the checked month, as "YYYY-MM". */
function monthBack(back: number): string {
  const index = 2026 * 12 + 2 - back;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** When a person enters it: office hours, on the date or the next working day. */
function officeTime(rng: Rng, date: string): string {
  const dow = new Date(`${date}T12:00:00Z`).getUTCDay();
  const day = dow === 6 ? shiftDays(date, 2) : dow === 0 ? shiftDays(date, 1) : date;
  return `${day}T${pad(rng.int(8, 17))}:${pad(rng.int(0, 59))}:00`;
}

/** A weekday of the month, day 1..28. */
function weekday(rng: Rng, month: string): string {
  for (;;) {
    const day = rng.int(1, 28);
    const dow = new Date(`${month}-${pad(day)}T12:00:00Z`).getUTCDay();
    if (dow !== 0 && dow !== 6) return `${month}-${pad(day)}`;
  }
}

function amountFor(rng: Rng, vendor: Vendor, month: string): number {
  switch (vendor.shape) {
    case "stable":
      return vendor.base;
    case "variable":
      return round2(vendor.base * (1 + 0.15 * rng.normal()));
    case "irregular":
      return round2(vendor.base * Math.exp(0.35 * rng.normal()));
    case "yearly":
      return month.endsWith("-03") ? round2(vendor.base * 12 * (1 + 0.05 * rng.normal())) : round2(vendor.base * (1 + 0.1 * rng.normal()));
  }
}

export function generateAnomalyBooks(seed: number, options: BookOptions): LabelledBooks {
  const rng = createRng(seed);
  let nextId = 1;
  const id = (): number => nextId++;
  const vendors: Vendor[] = [];
  for (let v = 0; v < options.vendors; v++) {
    const shape = rng.pick<VendorShape>(["stable", "variable", "variable", "irregular", "irregular", "yearly"]);
    vendors.push({
      id: 10_000 + v,
      name: `Vendor ${v}`,
      shape,
      base: round2(Math.exp(rng.normal() * 1.1 + 5.5)),
      account: rng.pick(ACCOUNTS),
      tax: rng.chance(0.8) ? (TAXES[0] as { id: number; rate: number }) : rng.pick(TAXES),
      bank: 50_000 + v,
      // An annual settlement is known only after a year: those vendors have long histories (a first one is a
      // real surprise, and is flagged; see the README).
      historyMonths: shape !== "yearly" && rng.chance(0.3) ? rng.int(3, 6) : rng.int(14, 17),
      billsPerMonth: shape === "irregular" ? rng.int(1, 3) : 1,
    });
  }
  const users = [2, 3, 4];
  const items: DetectItemInput[] = [];
  const labels = new Map<string, InjectedKind>();
  const history = new Map<number, PastEntry[]>();
  const accountLines = new Map<number, { id: number; date: string; amount: number }[]>();
  const accountTaxes = new Map<number, Map<number, number>>();
  const billsByVendor = new Map<number, { id: number; date: string; amount: number }[]>();
  const userHours = new Map<number, number[]>(users.map((u) => [u, Array.from({ length: 24 }, () => 0)]));
  const userWeekend = new Map<number, number>();

  const billOf = (vendor: Vendor, date: string, amount: number, extra: Partial<DetectItemInput> = {}): DetectItemInput => {
    const billId = id();
    const user = rng.pick(users);
    return {
      model: "account.move",
      id: billId,
      kind: "bill",
      name: `BILL/${date.slice(0, 4)}/${billId}`,
      reference: `${vendor.name.slice(-2).trim()}-INV-${rng.int(1000, 99999)}`,
      partnerId: vendor.id,
      partnerName: vendor.name,
      journalId: 2,
      date,
      createdAt: officeTime(rng, date),
      userId: user,
      amount: round2(amount * (1 + vendor.tax.rate / 100)),
      lines: [
        { id: billId * 10, accountId: vendor.account, accountCode: String(vendor.account), accountType: "expense", balance: amount, taxIds: [vendor.tax.id], taxRate: vendor.tax.rate },
        { id: billId * 10 + 1, accountId: 4400, accountCode: "4400", accountType: "liability_payable", balance: -amount },
      ],
      ...extra,
    };
  };

  // History: every month before the checked one.
  for (const vendor of vendors) {
    const recent: PastEntry[] = [];
    for (let back = vendor.historyMonths; back >= 1; back--) {
      const month = monthBack(back);
      for (let k = 0; k < vendor.billsPerMonth; k++) {
        const date = vendor.shape === "stable" || vendor.shape === "variable" ? `${month}-05` : weekday(rng, month);
        const bill = billOf(vendor, date, amountFor(rng, vendor, month));
        recent.unshift({ model: "account.move", id: bill.id as number, date, amount: bill.amount, reference: bill.reference ?? "", name: bill.name ?? "", kind: "bill", paidMoveIds: [], journalId: 2, counterpartyAccount: "", direction: 0 });
        const line = bill.lines?.[0];
        if (line) {
          const lines = accountLines.get(vendor.account) ?? [];
          lines.unshift({ id: line.id, date, amount: Math.abs(line.balance) });
          accountLines.set(vendor.account, lines);
          const taxes = accountTaxes.get(vendor.account) ?? new Map<number, number>();
          taxes.set(vendor.tax.id, (taxes.get(vendor.tax.id) ?? 0) + 1);
          accountTaxes.set(vendor.account, taxes);
        }
        const hours = userHours.get(bill.userId as number);
        if (hours) hours[Number((bill.createdAt as string).slice(11, 13))]! += 1;
        const dow = new Date(`${(bill.createdAt as string).slice(0, 10)}T12:00:00Z`).getUTCDay();
        if (dow === 0 || dow === 6) userWeekend.set(bill.userId as number, (userWeekend.get(bill.userId as number) ?? 0) + 1);
        const list = billsByVendor.get(vendor.id) ?? [];
        list.push({ id: bill.id as number, date, amount: bill.amount });
        billsByVendor.set(vendor.id, list);
      }
    }
    history.set(vendor.id, recent);
  }

  const label = (item: DetectItemInput, kind: InjectedKind): void => {
    labels.set(`${item.model}:${item.id}`, kind);
  };
  const push = (item: DetectItemInput): DetectItemInput => {
    items.push(item);
    if (item.kind === "bill" && item.partnerId !== null && item.partnerId !== undefined) {
      const list = billsByVendor.get(item.partnerId) ?? [];
      list.push({ id: item.id, date: item.date, amount: item.amount });
      billsByVendor.set(item.partnerId, list);
    }
    return item;
  };
  const extraVendors: Vendor[] = [];

  // The checked month: normal entries, and now and then an anomaly instead.
  for (const vendor of vendors) {
    for (let k = 0; k < vendor.billsPerMonth; k++) {
      const date = vendor.shape === "stable" || vendor.shape === "variable" ? `${CHECK_MONTH}-05` : weekday(rng, CHECK_MONTH);
      const normal = push(billOf(vendor, date, amountFor(rng, vendor, CHECK_MONTH)));
      const paid = rng.chance(0.5);
      if (paid) {
        // its payment, to the usual bank account
        push({ model: "account.payment", id: id(), kind: "payment", partnerId: vendor.id, partnerName: vendor.name, date: `${CHECK_MONTH}-20`, createdAt: officeTime(rng, `${CHECK_MONTH}-20`), userId: rng.pick(users), amount: normal.amount, paidMoveIds: [normal.id], bankAccountId: vendor.bank, bankAccountChangedAt: "2024-01-10", reference: normal.reference ?? "" });
      }
      if (!rng.chance(options.anomalyRate)) continue;
      injectOne(rng.pick(KINDS), vendor, normal, paid);
    }
  }

  function injectOne(kind: InjectedKind, vendor: Vendor, normal: DetectItemInput, paid = false): void {
    const recent = history.get(vendor.id) ?? [];
    switch (kind) {
      case "duplicate_bill": {
        const copy = billOf(vendor, shiftDays(normal.date, rng.int(0, 12)), 0, { amount: normal.amount, reference: rng.chance(0.5) ? "" : respell(normal.reference ?? "") });
        label(push(copy), kind);
        return;
      }
      case "duplicate_reference": {
        const copy = billOf(vendor, shiftDays(normal.date, rng.int(1, 20)), 0, { amount: round2(normal.amount * (1 + rng.int(2, 20) / 100)), reference: respell(normal.reference ?? "") });
        label(push(copy), kind);
        return;
      }
      case "duplicate_payment": {
        const pay = (day: number) => ({ model: "account.payment" as const, id: id(), kind: "payment" as const, partnerId: vendor.id, partnerName: vendor.name, date: `${CHECK_MONTH}-${pad(day)}`, createdAt: officeTime(rng, `${CHECK_MONTH}-${pad(day)}`), userId: rng.pick(users), amount: normal.amount, paidMoveIds: [normal.id], bankAccountId: vendor.bank, bankAccountChangedAt: "2024-01-10" });
        if (!paid) push(pay(21));
        label(push(pay(24)), kind);
        return;
      }
      case "duplicate_bank_line": {
        const line = { model: "account.bank.statement.line" as const, kind: "bank_line" as const, journalId: 5, date: `${CHECK_MONTH}-${pad(rng.int(1, 28))}`, createdAt: `${CHECK_MONTH}-28T09:00:00`, amount: normal.amount, direction: -1 as const, reference: `SEPA ${vendor.name} ${normal.reference ?? ""}`, counterpartyAccount: `DE${vendor.bank}` };
        push({ ...line, id: id() });
        label(push({ ...line, id: id() }), kind);
        return;
      }
      case "amount_outlier": {
        if (recent.length < 3) return injectOne("duplicate_bill", vendor, normal, paid);
        const big = billOf(vendor, weekday(rng, CHECK_MONTH), vendor.base * (vendor.shape === "yearly" ? 12 : 1) * (4 + rng.next() * 12));
        label(push(big), kind);
        return;
      }
      case "new_account_for_vendor": {
        if (recent.length < 3) return injectOne("duplicate_bill", vendor, normal, paid);
        const other = ACCOUNTS.find((a) => a !== vendor.account) as number;
        const bill = billOf({ ...vendor, account: other }, weekday(rng, CHECK_MONTH), amountFor(rng, vendor, CHECK_MONTH));
        label(push(bill), kind);
        return;
      }
      case "unusual_tax": {
        if (recent.length < 5) return injectOne("duplicate_bill", vendor, normal, paid);
        const tax = TAXES.find((t) => t.id !== vendor.tax.id) as { id: number; rate: number };
        label(push(billOf({ ...vendor, tax }, weekday(rng, CHECK_MONTH), amountFor(rng, vendor, CHECK_MONTH))), kind);
        return;
      }
      case "new_vendor_new_bank_account": {
        const fresh: Vendor = { ...vendor, id: 90_000 + extraVendors.length, name: `New Vendor ${extraVendors.length}`, historyMonths: 0, bank: 95_000 + extraVendors.length };
        extraVendors.push(fresh);
        label(push(billOf(fresh, weekday(rng, CHECK_MONTH), THRESHOLD * (1.2 + rng.next() * 3))), kind);
        return;
      }
      case "bank_account_changed": {
        const payment = { model: "account.payment" as const, id: id(), kind: "payment" as const, partnerId: vendor.id, partnerName: vendor.name, date: `${CHECK_MONTH}-22`, createdAt: officeTime(rng, `${CHECK_MONTH}-22`), userId: rng.pick(users), amount: normal.amount, paidMoveIds: [normal.id], bankAccountId: vendor.bank + 7_000, bankAccountChangedAt: `${CHECK_MONTH}-${pad(rng.int(12, 21))}` };
        label(push(payment), kind);
        return;
      }
      case "just_under_threshold": {
        const amount = THRESHOLD - 50 * rng.int(1, 9);
        label(push(billOf(vendor, weekday(rng, CHECK_MONTH), 0, { amount })), kind);
        return;
      }
      case "off_hours_posting": {
        const date = weekday(rng, CHECK_MONTH);
        label(push(billOf(vendor, date, amountFor(rng, vendor, CHECK_MONTH), { createdAt: `${date}T${pad(rng.pick([0, 1, 2, 3, 22, 23]))}:${pad(rng.int(0, 59))}:00` })), kind);
        return;
      }
      case "backdated_entry": {
        const entry = billOf(vendor, shiftDays(`${CHECK_MONTH}-15`, -rng.int(60, 200)), amountFor(rng, vendor, CHECK_MONTH), { kind: "entry", createdAt: officeTime(rng, `${CHECK_MONTH}-15`), partnerId: null });
        label(push(entry), kind);
        return;
      }
      case "manual_control_account": {
        const date = weekday(rng, CHECK_MONTH);
        const entry = billOf(vendor, date, amountFor(rng, vendor, CHECK_MONTH), { kind: "entry", manual: true });
        label(push(entry), kind);
        return;
      }
      case "sequence_gap": {
        label(push(billOf(vendor, weekday(rng, CHECK_MONTH), amountFor(rng, vendor, CHECK_MONTH), { sequenceGap: true })), kind);
        return;
      }
      case "benford":
        return injectOne("duplicate_bill", vendor, normal, paid);
    }
  }

  // Normal manual entries: accruals and reclassifications between expense accounts, in office hours.
  for (let k = 0; k < Math.max(2, Math.round(options.vendors / 10)); k++) {
    const date = weekday(rng, CHECK_MONTH);
    const amount = round2(Math.exp(rng.normal() + 6));
    const entryId = id();
    push({ model: "account.move", id: entryId, kind: "entry", manual: true, name: `MISC/${entryId}`, journalId: 3, date, createdAt: officeTime(rng, date), userId: rng.pick(users), amount, lines: [{ id: entryId * 10, accountId: 6000, accountType: "expense", balance: amount }, { id: entryId * 10 + 1, accountId: 6010, accountType: "expense", balance: -amount }] });
  }

  const request: DetectAnomaliesRequestInput = {
    companyId: 1,
    companyCurrency: "EUR",
    settings: { approvalThresholds: [THRESHOLD], highAmount: THRESHOLD },
    items,
    history: {
      vendors: [
        ...vendors.map((vendor) => {
          const recent = (history.get(vendor.id) ?? []).slice(0, 36);
          const all = history.get(vendor.id) ?? [];
          return {
            partnerId: vendor.id,
            createdOn: "2023-06-01",
            billCount: all.length,
            recent,
            accounts: all.length > 0 ? [{ accountId: vendor.account, count: all.length }] : [],
            taxRates: all.length > 0 ? [{ rate: vendor.tax.rate, count: all.length }] : [],
            bankAccounts: [{ id: vendor.bank, changedOn: "2024-01-10" }],
            paymentsByBankAccount: all.length > 0 ? [{ bankAccountId: vendor.bank, count: all.length }] : [],
          };
        }),
        ...extraVendors.map((vendor) => ({ partnerId: vendor.id, createdOn: `${CHECK_MONTH}-01`, billCount: 0, bankAccounts: [{ id: vendor.bank, changedOn: `${CHECK_MONTH}-02` }] })),
      ],
      accounts: [...accountLines.entries()].map(([accountId, lines]) => ({
        accountId,
        lineCount: lines.length,
        recent: lines.slice(0, 48),
        taxes: [...(accountTaxes.get(accountId) ?? new Map<number, number>()).entries()].map(([taxId, count]) => ({ taxId, count })),
      })),
      users: [...userHours.entries()].map(([userId, hours]) => ({ userId, hours, weekend: userWeekend.get(userId) ?? 0 })),
      benford: [],
    },
  };
  return { request, labels, billsByVendor };
}

const KINDS: readonly InjectedKind[] = [
  "duplicate_bill",
  "duplicate_reference",
  "duplicate_payment",
  "duplicate_bank_line",
  "amount_outlier",
  "amount_outlier",
  "new_account_for_vendor",
  "unusual_tax",
  "new_vendor_new_bank_account",
  "bank_account_changed",
  "just_under_threshold",
  "off_hours_posting",
  "backdated_entry",
  "manual_control_account",
  "sequence_gap",
];

function shiftDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The same reference written differently: case, separators, leading zeros. */
function respell(reference: string): string {
  return reference.toLowerCase().replace(/-/g, " ").replace(/(\d+)/, "0$1");
}
