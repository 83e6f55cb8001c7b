// Test doubles for the Odoo services the dashboard uses. FakeOrm answers the ai.reconciliation.suggestion dashboard
// methods from an in-memory queue (filters, order and paging as the Python side does them) and records every call.
import { reactive, type ComponentConstructor } from "@odoo/owl";
import type {
  ActionService,
  ActWindowRequest,
  DialogService,
  DialogServiceProps,
  Domain,
  NotificationService,
  OrmService,
  Services,
} from "@web/core/utils/hooks";
import type {
  AnomalyFilters,
  AnomalyRow,
  BulkOutcome,
  CandidateChoice,
  DashboardFilters,
  DashboardGroup,
  DashboardGroupBy,
  DashboardGroups,
  DashboardKpis,
  DashboardLabels,
  DashboardOrder,
  DashboardRow,
  MatchType,
  OtherSuggestionRow,
} from "../../../web_src/contracts/dashboard";

export interface OrmCall {
  model: string;
  method: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
}

/** A queue row plus the ids the filters need (the real rows only carry names). */
export interface FakeSuggestion extends DashboardRow {
  journalId: number;
  partnerId: number | null;
}

/** What ai.reconciliation.suggestion.dashboard_labels() answers (in English), as ai_reconciliation_dashboard.py builds it. */
export const SERVER_LABELS: DashboardLabels = {
  matchTypes: [
    { value: "full", label: "Full match" },
    { value: "partial", label: "Partial payment" },
    { value: "multi", label: "Several items" },
    { value: "writeoff", label: "Match with write-off" },
    { value: "expense", label: "Expense / account coding" },
  ],
  bands: [
    { value: "high", name: "High", label: "High confidence (≥ 95%)", minConfidence: 0.95, maxConfidence: null },
    { value: "medium", name: "Medium", label: "Medium confidence (80–95%)", minConfidence: 0.8, maxConfidence: 0.95 - 1e-9 },
    { value: "low", name: "Low", label: "Low confidence (< 80%)", minConfidence: null, maxConfidence: 0.8 - 1e-9 },
  ],
};
const MATCH_TYPES: MatchType[] = SERVER_LABELS.matchTypes.map((t) => t.value);
const matchTypeLabel = (type: MatchType): string => SERVER_LABELS.matchTypes.find((t) => t.value === type)!.label;
export const JOURNALS = [
  { id: 11, name: "Bank" },
  { id: 12, name: "Savings" },
];
export const PARTNERS = [
  { id: 31, name: "Acme GmbH" },
  { id: 32, name: "Globex SA" },
  { id: 33, name: "Initech Ltd" },
];

/**
 * `count` pending suggestions, ids 1..count, confidence falling from 0.999 by 0.004 per row (so about 13 rows are
 * ≥ 0.95); even ids are in EUR (currency 1), odd ids in USD (currency 2).
 */
export function makeSuggestions(count: number): FakeSuggestion[] {
  return Array.from({ length: count }, (_, i) => {
    const id = i + 1;
    const partner = PARTNERS[i % PARTNERS.length]!;
    const journal = JOURNALS[i % JOURNALS.length]!;
    const amount = (i % 7 === 3 ? -1 : 1) * (100 + id * 10.25);
    const day = String((i % 28) + 1).padStart(2, "0");
    return {
      id,
      state: "pending",
      matchType: MATCH_TYPES[i % MATCH_TYPES.length]!,
      matchTypeLabel: matchTypeLabel(MATCH_TYPES[i % MATCH_TYPES.length]!),
      confidence: Math.round((0.999 - i * 0.004) * 1000) / 1000,
      rank: 1,
      explanation: `Reference INV/2026/${String(id).padStart(5, "0")} found in the label`,
      reasons: ["reference"],
      line: {
        id: 1000 + id,
        date: `2026-02-${day}`,
        label: `Payment ${partner.name} ref ${id}`,
        amount,
        currency: id % 2 === 0 ? "EUR" : "USD",
        currencyId: id % 2 === 0 ? 1 : 2,
        journal: journal.name,
      },
      proposal: {
        moveNames: [`INV/2026/${String(id).padStart(5, "0")}`],
        partner: partner.name,
        account: null,
        writeoffAmount: 0,
      },
      willPost: `400000 INV/2026/${String(id).padStart(5, "0")} ${Math.abs(amount).toFixed(2)}`,
      error: null,
      journalId: journal.id,
      partnerId: partner.id,
    };
  });
}

function strip({ journalId: _j, partnerId: _p, ...row }: FakeSuggestion): DashboardRow {
  return structuredClone(row);
}

type Override = (call: OrmCall) => unknown;

export class FakeOrm implements OrmService {
  readonly calls: OrmCall[] = [];
  /** Per-row failures of bulk_approve / bulk_reject: id → message. */
  readonly rowFailures = new Map<number, string>();
  /** Answers (or throws) instead of the in-memory logic for one method; return undefined to fall through. */
  readonly overrides = new Map<string, Override>();
  /** When set, every call waits for this promise first (to look at the page while a batch runs). */
  gate: Promise<void> | null = null;
  candidates: CandidateChoice[] = [
    { kind: "item", id: 501, label: "INV/2026/00099 · Acme GmbH · 1,200.00 €" },
    { kind: "item", id: 502, label: "INV/2026/00100 · Acme GmbH · 80.00 €" },
    { kind: "account", id: 626, label: "626000 Bank fees" },
  ];

  constructor(public suggestions: FakeSuggestion[] = makeSuggestions(30)) {}

  callsTo(method: string): OrmCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async call(model: string, method: string, args: unknown[] = [], kwargs: Record<string, unknown> = {}): Promise<unknown> {
    const call = { model, method, args: structuredClone(args), kwargs: structuredClone(kwargs) };
    this.calls.push(call);
    if (this.gate) await this.gate;
    const override = this.overrides.get(method);
    if (override) {
      const answer = override(call);
      if (answer !== undefined) return answer;
    }
    if (model === "res.partner" && method === "name_search") {
      const term = String(kwargs.name ?? "").toLowerCase();
      return PARTNERS.filter((p) => p.name.toLowerCase().includes(term)).map((p) => [p.id, p.name]);
    }
    if (model === "ai.suggestion") return this.other(method, args);
    if (model !== "ai.reconciliation.suggestion") throw new Error(`unexpected model ${model}`);
    switch (method) {
      case "dashboard_rows":
        return this.rows(args[0] as DashboardFilters, args[1] as number, args[2] as number, args[3] as DashboardOrder);
      case "dashboard_groups":
        return this.groups(args[0] as DashboardFilters, args[1] as DashboardGroupBy);
      case "dashboard_kpis":
        return this.kpis();
      case "dashboard_labels":
        return structuredClone(SERVER_LABELS);
      case "bulk_approve":
        return this.bulk(args[0] as number[], "applied");
      case "bulk_reject":
        return this.bulk(args[0] as number[], "rejected");
      case "bulk_rerun":
        return (args[0] as number[]).map((id) => ({ id, ok: true, state: "pending", error: null }));
      case "dashboard_candidates":
        return structuredClone(this.candidates);
      case "action_choose_candidate":
        return true;
      default:
        throw new Error(`unexpected method ${method}`);
    }
  }

  async searchRead(model: string, domain: Domain, fields: string[], kwargs: { limit?: number; order?: string } = {}): Promise<unknown> {
    this.calls.push({ model, method: "search_read", args: [domain, fields], kwargs: { ...kwargs } });
    if (model === "account.journal") return JOURNALS.map((j) => ({ ...j }));
    throw new Error(`unexpected search_read on ${model}`);
  }

  private pending(filters: DashboardFilters): FakeSuggestion[] {
    const f = filters;
    return this.suggestions.filter(
      (s) =>
        (f.states ?? ["pending"]).includes(s.state) &&
        (!f.matchTypes?.length || f.matchTypes.includes(s.matchType)) &&
        (!f.journalIds?.length || f.journalIds.includes(s.journalId)) &&
        (!f.partnerIds?.length || f.partnerIds.includes(s.partnerId ?? 0)) &&
        (f.minConfidence === undefined || s.confidence >= f.minConfidence) &&
        (f.maxConfidence === undefined || s.confidence <= f.maxConfidence) &&
        (f.minAmount === undefined || s.line.amount >= f.minAmount) &&
        (f.maxAmount === undefined || s.line.amount <= f.maxAmount) &&
        (f.dateFrom === undefined || s.line.date >= f.dateFrom) &&
        (f.dateTo === undefined || s.line.date <= f.dateTo) &&
        (!f.search || `${s.line.label} ${s.proposal.moveNames.join(" ")}`.toLowerCase().includes(f.search.toLowerCase())),
    );
  }

  private rows(filters: DashboardFilters, offset: number, limit: number, order: DashboardOrder): { rows: DashboardRow[]; total: number } {
    const [field, direction] = order.split(" ") as ["confidence" | "date" | "amount", "asc" | "desc"];
    const key = (s: FakeSuggestion): number | string =>
      field === "confidence" ? s.confidence : field === "date" ? s.line.date : s.line.amount;
    const matching = this.pending(filters).sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      const cmp = ka < kb ? -1 : ka > kb ? 1 : a.id - b.id;
      return direction === "asc" ? cmp : -cmp;
    });
    return { rows: matching.slice(offset, offset + limit).map(strip), total: matching.length };
  }

  /** As the Python side groups: partners and journals by count (then name), kinds, bands and months in order. */
  private groups(filters: DashboardFilters, groupBy: DashboardGroupBy): DashboardGroups {
    const byKey = new Map<string, { key: DashboardFilters; label: string; order: number | string; members: FakeSuggestion[] }>();
    const bands = SERVER_LABELS.bands.map((b) => ({
      label: b.label,
      key: { ...(b.minConfidence === null ? {} : { minConfidence: b.minConfidence }), ...(b.maxConfidence === null ? {} : { maxConfidence: b.maxConfidence }) },
      test: (c: number) => (b.minConfidence === null || c >= b.minConfidence) && (b.maxConfidence === null || c <= b.maxConfidence),
    }));
    for (const s of this.pending(filters)) {
      let entry: { key: DashboardFilters; label: string; order: number | string };
      if (groupBy === "partner") {
        const partner = PARTNERS.find((p) => p.id === s.partnerId);
        entry = { key: { partnerIds: [s.partnerId ?? 0] }, label: partner?.name ?? "No partner", order: 0 };
      } else if (groupBy === "journal") {
        entry = { key: { journalIds: [s.journalId] }, label: s.line.journal, order: 0 };
      } else if (groupBy === "kind") {
        entry = { key: { matchTypes: [s.matchType] }, label: s.matchType, order: MATCH_TYPES.indexOf(s.matchType) };
      } else if (groupBy === "band") {
        const band = bands.findIndex((b) => b.test(s.confidence));
        entry = { key: bands[band]!.key, label: bands[band]!.label, order: band };
      } else {
        const month = s.line.date.slice(0, 7);
        entry = { key: { dateFrom: `${month}-01`, dateTo: `${month}-28` }, label: month, order: month };
      }
      const id = JSON.stringify(entry.key);
      const group = byKey.get(id) ?? { ...entry, members: [] };
      group.members.push(s);
      byKey.set(id, group);
    }
    const sorted = [...byKey.values()].sort((a, b) =>
      groupBy === "partner" || groupBy === "journal"
        ? b.members.length - a.members.length || a.label.localeCompare(b.label)
        : a.order < b.order ? -1 : a.order > b.order ? 1 : 0,
    );
    const groups = sorted.map((g): DashboardGroup => {
      const totals = new Map<string, { currency: string; currencyId: number | undefined; milli: number }>();
      for (const s of g.members) {
        const t = totals.get(s.line.currency) ?? { currency: s.line.currency, currencyId: s.line.currencyId, milli: 0 };
        t.milli += Math.round(s.line.amount * 1000);
        totals.set(s.line.currency, t);
      }
      const confidences = g.members.map((s) => s.confidence);
      return {
        key: g.key,
        label: g.label,
        count: g.members.length,
        totals: [...totals.values()]
          .sort((a, b) => a.currency.localeCompare(b.currency))
          .map((t) => ({ currency: t.currency, ...(t.currencyId === undefined ? {} : { currencyId: t.currencyId }), amount: t.milli / 1000 })),
        meanConfidence: confidences.reduce((a, b) => a + b, 0) / confidences.length,
        minConfidence: Math.min(...confidences),
      };
    });
    return { groups: groups.slice(0, this.maxGroups), more: Math.max(0, groups.length - this.maxGroups) };
  }

  /** Pending ai.suggestion rows (other kinds), for the dashboard's "Other suggestions" section; none by default. */
  others: OtherSuggestionRow[] = [];

  /** Open anomalies, for the Anomalies panel (dashboard_anomaly_rows filters them as the server does); none by default. */
  anomalies: AnomalyRow[] = [];
  anomalyDetectors = [
    { value: "duplicate_bill", label: "Duplicate bill" },
    { value: "amount_outlier_vendor", label: "Unusual amount for the vendor" },
  ];

  private anomalyRows(args: unknown[]): unknown {
    const [filters, offset, limit] = args as [AnomalyFilters, number, number];
    const rows = this.anomalies.filter(
      (a) =>
        (filters.detector === undefined || a.detector === filters.detector) &&
        (filters.minScore === undefined || a.score >= filters.minScore) &&
        (filters.vendor === undefined || (a.vendor ?? "").toLowerCase().includes(filters.vendor.toLowerCase())) &&
        (filters.amountMin === undefined || (a.amount ?? 0) >= filters.amountMin) &&
        (filters.amountMax === undefined || (a.amount ?? 0) <= filters.amountMax),
    );
    return { rows: structuredClone(rows.slice(offset, offset + limit)), total: rows.length, detectors: structuredClone(this.anomalyDetectors) };
  }

  private other(method: string, args: unknown[]): unknown {
    if (method === "dashboard_anomaly_rows") return this.anomalyRows(args);
    if (method === "dashboard_other_rows") {
      const [offset, limit] = args as [number, number];
      return { rows: structuredClone(this.others.slice(offset, offset + limit)), total: this.others.length };
    }
    if (method === "dashboard_anomaly_decide") {
      const [ids, action] = args as [number[], "confirm" | "cancel_duplicate" | "dismiss"];
      return ids.map((id): BulkOutcome => {
        const failure = this.rowFailures.get(id);
        if (failure) return { id, ok: false, state: "pending", error: failure };
        this.anomalies = this.anomalies.filter((a) => a.id !== id);
        return { id, ok: true, state: action === "dismiss" ? "rejected" : "applied", error: null };
      });
    }
    if (method === "dashboard_decide") {
      const [ids, decision] = args as [number[], "approve" | "reject"];
      return ids.map((id): BulkOutcome => {
        const failure = this.rowFailures.get(id);
        if (failure) return { id, ok: false, state: "pending", error: failure };
        this.others = this.others.filter((o) => o.id !== id);
        this.anomalies = this.anomalies.filter((a) => a.id !== id);
        return { id, ok: true, state: decision === "approve" ? "applied" : "rejected", error: null };
      });
    }
    throw new Error(`unexpected method ${method} on ai.suggestion`);
  }

  /** The server's cap on groups (200 in Python; lowered by a test). */
  maxGroups = 200;

  private kpis(): DashboardKpis {
    return {
      pending: this.suggestions.filter((s) => s.state === "pending").length,
      appliedToday: 12,
      appliedTodayAuto: 9,
      appliedTodayReviewed: 3,
      acceptanceRate30d: 0.923,
      oldestPendingDate: "2026-01-15",
      minutesSaved: 135,
    };
  }

  private bulk(ids: number[], state: "applied" | "rejected"): BulkOutcome[] {
    return ids.flatMap((id): BulkOutcome[] => {
      const s = this.suggestions.find((x) => x.id === id);
      if (!s) return [];
      const failure = this.rowFailures.get(id);
      if (failure) {
        s.error = failure;
        return [{ id, ok: false, state: s.state, error: failure }];
      }
      s.state = state;
      s.error = null;
      return [{ id, ok: true, state, error: null }];
    });
  }
}

export interface OpenDialog {
  id: number;
  Component: ComponentConstructor;
  props: Record<string, unknown>;
}

/** Keeps the open dialogs in a reactive list that the test root renders, like Odoo's MainComponentsContainer. */
export class FakeDialogService implements DialogService {
  readonly open = reactive<OpenDialog[]>([]);
  readonly added: Array<{ Component: ComponentConstructor; props: Record<string, unknown> }> = [];
  private nextId = 1;

  add<P extends DialogServiceProps>(component: ComponentConstructor<P>, props: Omit<P, "close">): () => void {
    const id = this.nextId++;
    const close = (): void => {
      const index = this.open.findIndex((d) => d.id === id);
      if (index >= 0) this.open.splice(index, 1);
    };
    const allProps: Record<string, unknown> = { ...props, close };
    this.added.push({ Component: component, props: allProps });
    this.open.push({ id, Component: component, props: allProps });
    return close;
  }
}

export class FakeNotificationService implements NotificationService {
  readonly notes: Array<{ message: string; type: string | undefined; title: string | undefined }> = [];
  add(message: string, options: { title?: string; type?: "info" | "success" | "warning" | "danger"; sticky?: boolean } = {}): () => void {
    this.notes.push({ message, type: options.type, title: options.title });
    return () => {};
  }
}

export class FakeActionService implements ActionService {
  readonly actions: ActWindowRequest[] = [];
  async doAction(action: ActWindowRequest): Promise<void> {
    this.actions.push(action);
  }
}

export interface FakeServices extends Services {
  orm: FakeOrm;
  dialog: FakeDialogService;
  notification: FakeNotificationService;
  action: FakeActionService;
}

export function makeServices(orm = new FakeOrm()): FakeServices {
  return {
    orm,
    dialog: new FakeDialogService(),
    notification: new FakeNotificationService(),
    action: new FakeActionService(),
  };
}
